"""Validate each record of each file and gather them into one package, keeping their origin."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..i18n import N_
from ..model import SECTION_MODELS, SECTIONS, PackageFile, PackageInfo, Unit
from ..model.common import ID_MAX_LENGTH, SLUG_RE
from ..problems import (
    DUPLICATE_ID,
    EMPTY_SECTION,
    FILE_STRUCTURE,
    MANIFEST,
    PARENT_CONFLICT,
    Problem,
)
from .errors import allowed_keys, did_you_mean, problems_from_validation
from .yamlsource import LineMap, Path_, YamlFile

__all__ = ["Assembler", "Source"]

MANIFEST_ONLY = ("package", "include", "exclude", "ignore")

ANY = "*"
"""In ``Assembler.broken_ids``: ids of any kind; in ``lost_units``: an organisation unknown."""


@dataclass(frozen=True)
class Source:
    """Where a record was written: its file and its path inside the file."""

    path: Path
    lines: LineMap = field(compare=False, repr=False)
    base: Path_ = ()

    def line(self, *sub: str | int) -> int | None:
        """Line of the record, or of one of its keys."""
        return self.lines.line_of((*self.base, *sub))

    def text_line(self, key: str) -> int | None:
        """Line where the text of ``key`` starts (below the key for a block scalar)."""
        return self.lines.text_line((*self.base, key))

    def at(self, *sub: str | int) -> tuple[Path, int | None]:
        """(file, line) of the record or of one of its keys."""
        return self.path, self.line(*sub)

    def sort_key(self) -> tuple[str, int]:
        """Sources in file and line order."""
        return (self.path.as_posix(), self.line() or 0)


@dataclass
class Assembler:
    """Collects valid records from files; knows which ids exist, even for broken records."""

    root: Path = Path()
    language: str = "fr"
    problems: list[Problem] = field(default_factory=list)
    records: dict[str, list[Any]] = field(default_factory=lambda: {s: [] for s in SECTIONS})
    origins: dict[tuple[str, str], Source] = field(default_factory=dict)
    broken_ids: dict[str, set[str]] = field(
        default_factory=lambda: {s: set() for s in (*SECTIONS, "posts", ANY)}
    )
    sequence: dict[str, int] = field(default_factory=dict)
    info: PackageInfo | None = None
    lost_units: list[tuple[str | None, str | None, str | None]] = field(default_factory=list)
    """(id, organisation, parent) of the units that could not be read; organisation ANY when
    units may have been lost in a file or section that could not be read at all."""

    def where(self, path: Path, line: int | None) -> str:
        """``file:line`` relative to the package root, for messages that name another place."""
        try:
            text = path.relative_to(self.root).as_posix()
        except ValueError:
            text = path.name
        return f"{text}:{line or '?'}"

    def structure(
        self, file: YamlFile, path: Path_, msgid: str, lost: Any = None, **args: object
    ) -> None:
        """Report a file whose shape is wrong at ``path``; ``lost`` is the value not read."""
        self.problems.append(
            Problem(FILE_STRUCTURE, msgid, args, file.path, file.lines.line_of(path))
        )
        self.forget(lost)

    def forget(self, lost: Any) -> None:
        """Remember the ids written in a value that could not be read as records.

        References to them are then not reported as unknown: one mistake, one message.
        """
        ids = set(_ids_in(lost))
        if ids:
            self.broken_ids[ANY].update(ids)
            self.lost_units.append((None, ANY, None))

    def validate(self, model: type[BaseModel], data: Any, origin: Source) -> Any:
        """``model`` validated from ``data``, or None with the problems recorded."""
        try:
            return model.model_validate(data, context={"language": self.language})
        except ValidationError as error:
            self.problems.extend(
                problems_from_validation(error, model, data, lambda sub: origin.at(*sub))
            )
            return None

    def add_file(self, file: YamlFile, is_manifest: bool) -> None:
        """Take the records of one file."""
        value = file.value
        if value is None:
            # Unreadable file: its ids are unknown; do not report references to them.
            self.broken_ids[ANY].update(file.guessed_ids)
            if file.problems:
                self.lost_units.append((None, ANY, None))
            return
        if not isinstance(value, dict):
            self.structure(
                file,
                (),
                N_(
                    "the file must be a mapping of sections (units:, "
                    "levels:, organisations:...), not a list or a value"
                ),
                lost=value,
            )
            return
        stray_info = is_manifest and "package" not in value
        for key in value:
            if stray_info and key in PackageInfo.model_fields:
                continue  # reported once, as a missing 'package:' line
            if key not in PackageFile.model_fields:
                guess = did_you_mean(str(key), allowed_keys(PackageFile))
                origin = Source(file.path, file.lines, ())
                self.problems.append(
                    Problem(
                        "unknown-key",
                        N_("unknown section '%(key)s': did you mean '%(guess)s'?")
                        if guess
                        else N_("unknown section '%(key)s'; the sections are: %(keys)s"),
                        {
                            "key": key,
                            "guess": guess or "",
                            "keys": ", ".join(allowed_keys(PackageFile)),
                        },
                        file.path,
                        origin.line(key),
                    )
                )
            elif key in MANIFEST_ONLY and not is_manifest:
                self.problems.append(
                    Problem(
                        MANIFEST,
                        N_("'%(key)s' belongs in the manifest (orgchart.yaml) only"),
                        {"key": key},
                        file.path,
                        file.lines.line_of((key,)),
                    )
                )
        if is_manifest:
            self._take_package_info(file, value)
        for section in SECTIONS:
            items = value.get(section)
            if items is None:
                if section in value:
                    self._empty_section(file, section)
                continue
            if not isinstance(items, list):
                self.structure(
                    file,
                    (section,),
                    N_("'%(section)s' must be a list: start each record with '- '"),
                    lost=items,
                    section=section,
                )
                continue
            for index, item in enumerate(items):
                origin = Source(file.path, file.lines, (section, index))
                if section == "units":
                    self._take_unit(file, item, origin, None, None)
                else:
                    self._take(section, file, item, origin)

    def _empty_section(self, file: YamlFile, section: str) -> None:
        self.problems.append(
            Problem(
                EMPTY_SECTION,
                N_(
                    "'%(section)s:' is followed by nothing: write its records below it, "
                    "indented, each starting with '- ', or delete the line"
                ),
                {"section": section},
                file.path,
                file.lines.line_of((section,)),
            )
        )
        if section == "units":
            self.lost_units.append((None, ANY, None))  # the organisations' units are in question

    def _take_package_info(self, file: YamlFile, value: dict[str, Any]) -> None:
        raw = value.get("package")
        origin = Source(file.path, file.lines, ("package",))
        if raw is None:
            misplaced = [key for key in value if key in PackageInfo.model_fields]
            if misplaced:
                self.problems.append(
                    Problem(
                        MANIFEST,
                        N_(
                            "the manifest has no 'package:' section: %(keys)s must be "
                            "indented under a 'package:' line"
                        ),
                        {"keys": ", ".join(misplaced)},
                        file.path,
                        file.lines.line_of((misplaced[0],)),
                    )
                )
                return
            self.problems.append(
                Problem(
                    MANIFEST,
                    N_("the manifest has no 'package:' section (name, language, as_of...)"),
                    {},
                    file.path,
                    1,
                )
            )
            return
        if not isinstance(raw, dict):
            self.structure(
                file, ("package",), N_("'package' must be a mapping (name:, language:, as_of:...)")
            )
            return
        self.info = self.validate(PackageInfo, raw, origin)
        for key in ("include", "exclude"):
            if key in value:
                self.validate(PackageFile, {key: value[key]}, Source(file.path, file.lines, ()))

    def _check_mapping(self, file: YamlFile, item: Any, origin: Source, section: str) -> bool:
        if isinstance(item, dict):
            return True
        self.structure(
            file,
            origin.base,
            N_("each item of '%(section)s' must be a mapping (lines of 'key: value')"),
            lost=item,
            section=section,
        )
        return False

    def _take(self, section: str, file: YamlFile, item: Any, origin: Source) -> Any:
        if not self._check_mapping(file, item, origin, section):
            return None
        record = self.validate(SECTION_MODELS[section], item, origin)
        if record is None:
            raw_id = item.get("id")
            if isinstance(raw_id, str):
                self.broken_ids[section].add(raw_id)
            return None
        return self._register(section, record, origin)

    def _register(self, section: str, record: Any, origin: Source) -> Any:
        key = (section, record.id)
        first = self.origins.get(key)
        if first is not None and section == "answers":
            self._answer_twice(record, origin, first)
            return None
        if first is not None:
            for here, there in ((origin, first), (first, origin)):
                self.problems.append(
                    Problem(
                        DUPLICATE_ID,
                        N_(
                            "the id '%(id)s' is used twice in '%(section)s'; the other is "
                            "at %(other)s"
                        ),
                        {
                            "id": record.id,
                            "section": section,
                            "other": self.where(there.path, there.line("id")),
                        },
                        here.path,
                        here.line("id"),
                    )
                )
            return None
        self.origins[key] = origin
        self.sequence[f"{section}:{record.id}"] = len(self.sequence)
        self.records[section].append(record)
        return record

    def _answer_twice(self, answer: Any, here: Source, there: Source) -> None:
        """Two answers with one id: the same unit answering the same objective twice, as a
        rule (the id is ``<unit>.<objective>`` unless written)."""
        self.problems.append(
            Problem(
                DUPLICATE_ID,
                N_(
                    "the answer '%(id)s' (the unit '%(unit)s' to the objective "
                    "'%(objective)s') is written twice; the other is at %(other)s: merge "
                    "the two texts, or give each its own 'id'"
                ),
                {
                    "id": answer.id,
                    "unit": answer.unit,
                    "objective": answer.objective,
                    "other": self.where(there.path, there.line()),
                },
                *here.at(),
            )
        )

    def _take_unit(
        self,
        file: YamlFile,
        item: Any,
        origin: Source,
        parent: str | None,
        organisation: str | None,
    ) -> None:
        if not self._check_mapping(file, item, origin, "units"):
            return
        children = item.get("units")
        own = self._nested_fields(item, origin, parent, organisation)
        unit: Unit | None = self.validate(Unit, own, origin)
        if unit is not None and parent is not None and unit.parent is None:
            unit = unit.model_copy(update={"parent": parent})  # an invalid id, kept as broken
        raw_id = item.get("id")
        if unit is None:
            self._lost_unit(raw_id, own)
        else:
            unit = self._register("units", unit, origin)
        if children is None:
            return
        if not isinstance(children, list):
            self.structure(
                file,
                (*origin.base, "units"),
                N_("'units' must be a list: start each sub-unit with '- '"),
                lost=children,
            )
            return
        child_parent = unit.id if unit else raw_id if isinstance(raw_id, str) else None
        child_org = unit.organisation if unit else own.get("organisation")
        for index, child in enumerate(children):
            child_origin = Source(file.path, file.lines, (*origin.base, "units", index))
            self._take_unit(file, child, child_origin, child_parent, child_org)

    def _lost_unit(self, raw_id: Any, own: dict[str, Any]) -> None:
        """Remember a unit that failed validation: its id, its posts', its organisation."""
        if isinstance(raw_id, str):
            self.broken_ids["units"].add(raw_id)
        posts = [own.get("head"), *(own.get("posts") or [])]
        self.broken_ids["posts"].update(
            post["id"]
            for post in posts
            if isinstance(post, dict) and isinstance(post.get("id"), str)
        )
        organisation = own.get("organisation")
        parent = own.get("parent")
        self.lost_units.append(
            (
                raw_id if isinstance(raw_id, str) else None,
                organisation if isinstance(organisation, str) else None,
                parent if isinstance(parent, str) else None,
            )
        )
        # the organisations it served may have no unit of their own (member communes)
        shared = own.get("shared")
        partnerships = shared if isinstance(shared, list) else [shared]
        for partnership in partnerships:
            partners = partnership.get("with") if isinstance(partnership, dict) else None
            for partner in partners if isinstance(partners, list) else [partners]:
                if isinstance(partner, str):
                    self.lost_units.append((None, partner, None))

    def _nested_fields(
        self, item: dict[str, Any], origin: Source, parent: str | None, org: str | None
    ) -> dict[str, Any]:
        """The unit's own keys, with what it takes from where it is written filled in."""
        own = {key: value for key, value in item.items() if key != "units"}
        if parent is not None and not SLUG_RE.match(parent):
            # The parent's own id is invalid (and reported): do not blame its children.
            own.pop("parent", None)
            own["organisation"] = own.get("organisation") or org
            _default_post_ids(own)
            return own
        if parent is not None:
            written = own.get("parent")
            if written is not None and written != parent:
                self.problems.append(
                    Problem(
                        PARENT_CONFLICT,
                        N_(
                            "the unit '%(id)s' is written under '%(nested)s' but names "
                            "'%(parent)s' as parent: remove 'parent' or move the unit"
                        ),
                        {"id": own.get("id"), "nested": parent, "parent": written},
                        *origin.at("parent"),
                    )
                )
            own["parent"] = parent
        if own.get("organisation") is None and org is not None:
            own["organisation"] = org
        _default_post_ids(own)
        return own


def _default_post_ids(unit: dict[str, Any]) -> None:
    """Give an id to the posts written without one: '<unit>.head', '<unit>.post-<n>'."""
    uid = unit.get("id")
    if not isinstance(uid, str) or not SLUG_RE.match(uid) or len(uid) > ID_MAX_LENGTH:
        return  # the id is reported: do not derive more invalid ids from it
    head = unit.get("head")
    if isinstance(head, dict) and head.get("id") is None:
        unit["head"] = {**head, "id": f"{uid}.head"}
    posts = unit.get("posts")
    if isinstance(posts, list):
        unit["posts"] = [
            {**post, "id": f"{uid}.post-{index}"}
            if isinstance(post, dict) and post.get("id") is None
            else post
            for index, post in enumerate(posts, start=1)
        ]


def _ids_in(value: Any) -> list[str]:
    """The ids (``id:`` keys) written anywhere in a value read from YAML."""
    found: list[str] = []
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            if isinstance(current.get("id"), str):
                found.append(current["id"])
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return found
