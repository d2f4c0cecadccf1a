"""Broken packages: a valid package damaged by one or more mutations, each sure to be an error.

A mutation works at one of three stages: on the YAML values of the files (a key removed, a
value of the wrong type, a dangling reference, a cycle... here), on their text once written
(bad indentation, a tab, a raw control character, a truncation...) or on their bytes (random
bytes, text that is not UTF-8), in ``textdamage.py``. Every mutation is chosen so that the
package it damages *must* give at least one error.
"""

from __future__ import annotations

import copy
import datetime as dt
import zlib
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from sphinx_orgchart.model import MANIFEST_NAME, SECTION_MODELS, SECTIONS, PackageInfo
from sphinx_orgchart.model.common import Strict

from .generator import valid_packages
from .packages import Record
from .text import DATA_TEXTS, LINE_BREAKERS, Texts
from .textdamage import (
    alias_bomb,
    bad_indentation,
    random_bytes,
    raw_control,
    several_documents,
    tab,
    truncation,
)
from .work import BrokenPackage, NoTarget, Slot, Work, choose

__all__ = ["MUTATIONS", "BrokenPackage", "broken_packages"]

Draw = Any

UNKNOWN_ID = "zz-unknown-target-0001"  # longer than any generated id: never a real one
SENTINEL_TAG = "zzsentineltagzz"
SENTINEL_DUP = "zzsentineldupzz"

TAGS = (
    "!!python/object/apply:os.system ['echo pwned']",
    "!!python/name:os.system",
    "!!python/tuple [1, 2]",
    "!include secret.yaml",
    "!!binary aGVsbG8=",
    "!!set {a: null}",
    "!!omap [{a: 1}]",
    "!custom x",
)
BAD_DATES: tuple[Any, ...] = (
    "2024-02-30",
    "2023-13-01",
    "2024-00-10",
    "31/12/2024",
    "2024-1-1",
    "1er janvier 2024",
    "2024-12-31T10:30:00",
    "0000-01-01",
    dt.datetime(2024, 12, 31, 10, 30),
)
# Keys that are text on one line (Line): a control character in them is an error.
LINE_KEYS = {
    "organisations": ("name", "short_name"),
    "units": ("name", "sigle"),
    "bodies": ("name", "short_name"),
    "orientations": ("title",),
    "objectives": ("title",),
    "actions": ("title",),
    "events": ("title", "previous_name", "previous_sigle"),
    "package": ("name",),
}
TYPO_KEYS = ("naem", "levle", "parnet", "organization", "sigl", "valid_form", "mision", "Name")


def _model(section: str) -> type[Strict]:
    model = PackageInfo if section == "package" else SECTION_MODELS[section]
    assert issubclass(model, Strict)
    return model


def _allowed(section: str) -> set[str]:
    return {info.alias or name for name, info in _model(section).model_fields.items()}


def _required(section: str) -> list[str]:
    return [
        info.alias or name
        for name, info in _model(section).model_fields.items()
        if info.is_required()
    ]


def missing_key(draw: Draw, work: Work) -> str:
    """Remove a required key (a unit's name, a level's rank, the package's as_of...)."""
    slots = [s for s in work.slots() if any(k in s.record for k in _required(s.section))]
    slot = choose(draw, slots)
    key = choose(draw, [k for k in _required(slot.section) if k in slot.record])
    del slot.record[key]
    return f"missing-key {slot.section}.{key}"


def _wrong_value(draw: Draw, value: Any) -> Any:
    choices: list[Any]
    if isinstance(value, bool):
        choices = ["peut-être", [value], 3]
    elif isinstance(value, int):
        choices = ["douze", [value], {"n": value}, 1.5]
    elif isinstance(value, float):
        choices = ["beaucoup", [value]]
    elif isinstance(value, dt.date):
        choices = ["hier", [value], {"jour": value}]
    elif isinstance(value, str):
        choices = [[value], {"texte": value}, 3.5]
    elif isinstance(value, list):
        choices = ["texte", 7, {"k": "v"}]
    else:
        choices = [42, ["x"]]
    return choose(draw, choices)


def wrong_type(draw: Draw, work: Work) -> str:
    """Give a key a value of the wrong type (a list for a name, text for a rank...)."""
    # A value already damaged may be turned back into one of the right type: leave it.
    candidates = [
        (slot, key)
        for slot in work.slots()
        for key in slot.record
        if (id(slot.record), key) not in work.damaged
    ]
    slot, key = choose(draw, candidates)
    slot.record[key] = _wrong_value(draw, slot.record[key])
    work.damaged.add((id(slot.record), key))
    return f"wrong-type {slot.section}.{key}"


def _dangling_targets(slot: Slot) -> list[tuple[str, Callable[[Record], None]]]:
    record, section = slot.record, slot.section

    def setter(key: str) -> Callable[[Record], None]:
        return lambda r: r.__setitem__(key, UNKNOWN_ID)

    def appender(key: str, item: Any = UNKNOWN_ID) -> Callable[[Record], None]:
        def add(r: Record) -> None:
            current = r.get(key)
            r[key] = [*current, item] if isinstance(current, list) else [item]

        return add

    targets: list[tuple[str, Callable[[Record], None]]] = []
    if section == "units":
        targets += [("level", setter("level")), ("category", setter("category"))]
        targets += [("replaces", appender("replaces"))]
        targets += [("attachments", appender("attachments", {"unit": UNKNOWN_ID}))]
        if slot.top:
            targets += [("parent", setter("parent"))]
            if "parent" not in record:
                targets += [("organisation", setter("organisation"))]
        if isinstance(record.get("shared"), dict):
            targets += [("shared.with", lambda r: appender("with")(r["shared"]))]
        elif isinstance(record.get("shared"), list):
            targets += [("shared.with", lambda r: appender("with")(r["shared"][0]))]
    elif section == "levels":
        targets += [("parents", appender("parents"))]
    elif section == "bodies":
        targets += [("organisation", setter("organisation")), ("chair", setter("chair"))]
        targets += [("members", appender("members", {"unit": UNKNOWN_ID}))]
    elif section == "objectives":
        targets += [("orientation", setter("orientation"))]
    elif section == "orientations":
        targets += [("organisation", setter("organisation"))]
    elif section == "actions":
        targets += [("objective", setter("objective")), ("owners", appender("owners"))]
    elif section == "answers":
        targets += [("unit", setter("unit")), ("objective", setter("objective"))]
    elif section == "events":
        targets += [("units", appender("units")), ("previous_parent", setter("previous_parent"))]
    elif section == "package" and isinstance(record.get("maintainer"), dict):
        targets += [("maintainer.unit", lambda r: r["maintainer"].__setitem__("unit", UNKNOWN_ID))]
    return targets


def dangling_reference(draw: Draw, work: Work) -> str:
    """Name an id that no record has (a parent, a level, an objective, a chair...)."""
    slots = [s for s in work.slots() if _dangling_targets(s)]
    slot = choose(draw, slots)
    name, apply = choose(draw, _dangling_targets(slot))
    apply(slot.record)
    return f"dangling-reference {slot.section}.{name}"


def cycle(draw: Draw, work: Work) -> str:
    """Make a unit its own ancestor: its parent becomes itself or one of its sub-units."""
    known = set(work.package.unit_ids)
    slots = [
        s
        for s in work.slots()
        if s.section == "units" and s.top and isinstance(s.record.get("id"), str)
        if s.record["id"] in known
    ]
    slot = choose(draw, slots)
    unit_id = slot.record["id"]
    target = choose(draw, [unit_id, *work.package.descendants(unit_id)])
    slot.record["parent"] = target
    return f"cycle {unit_id} -> {target}"


def duplicate_id(draw: Draw, work: Work) -> str:
    """Write a record twice (in the same file or another), or give two posts one id."""
    slots = [
        s for s in work.slots() if s.section != "package" and isinstance(s.record.get("id"), str)
    ]
    heads = [s for s in slots if s.section == "units" and isinstance(s.record.get("head"), dict)]
    if heads and draw(st.booleans()):
        slot = choose(draw, heads)
        head = slot.record["head"]
        post_id = head.get("id") or f"{slot.record['id']}.head"
        posts = slot.record.get("posts")
        slot.record["posts"] = [
            *(posts if isinstance(posts, list) else []),
            {"id": post_id, "title": "Doublon"},
        ]
        return f"duplicate-id post {post_id}"
    slot = choose(draw, slots)
    targets = [
        p
        for p, d in work.documents.items()
        if isinstance(d, dict) and isinstance(d.get(slot.section, []), list)
    ]
    path = choose(draw, targets)
    work.documents[path].setdefault(slot.section, []).append(copy.deepcopy(slot.record))
    return f"duplicate-id {slot.section} {slot.record['id']}"


def bad_date(draw: Draw, work: Work) -> str:
    """An impossible or malformed date, or an end before its start."""
    keys = {
        "units": ("valid_from", "valid_until"),
        "bodies": ("valid_from", "valid_until"),
        "events": ("date",),
        "actions": ("start", "due"),
        "package": ("as_of",),
    }
    slot = choose(draw, [s for s in work.slots() if s.section in keys])
    if slot.section == "units" and draw(st.booleans()):
        slot.record["valid_from"] = dt.date(2020, 1, 2)
        slot.record["valid_until"] = dt.date(2020, 1, 1)
        return "bad-date units: valid_until before valid_from"
    key = choose(draw, list(keys[slot.section]))
    slot.record[key] = choose(draw, list(BAD_DATES))
    return f"bad-date {slot.section}.{key}={slot.record[key]!r}"


def control_character(draw: Draw, work: Work) -> str:
    """A control character or line break inside a name, a title or a sigle."""
    candidates: list[tuple[Record, str, str]] = []
    for slot in work.slots():
        for key in LINE_KEYS.get(slot.section, ()):
            if isinstance(slot.record.get(key), str):
                candidates.append((slot.record, key, slot.section))
        if slot.section == "units" and isinstance(slot.record.get("head"), dict):
            candidates.append((slot.record["head"], "title", "units.head"))
    record, key, where = choose(draw, candidates)
    char = choose(draw, list(LINE_BREAKERS))
    record[key] = f"A{char}B {record.get(key, '')}"
    return f"control-character U+{ord(char):04X} in {where}.{key}"


def unknown_key(draw: Draw, work: Work) -> str:
    """A key the format does not have (a typo, or any word)."""
    slot = choose(draw, list(work.slots()))
    allowed = _allowed(slot.section)
    key = draw(
        st.one_of(
            st.sampled_from(TYPO_KEYS), st.from_regex(r"[a-z_]{1,12}", fullmatch=True)
        ).filter(lambda k: k not in allowed)
    )
    slot.record[key] = "x"
    return f"unknown-key {slot.section}.{key}"


def not_a_mapping(draw: Draw, work: Work) -> str:
    """A record, a section or a whole file that is not of the expected shape."""
    values: list[Any] = ["texte", 42, ["a", "b"], True]
    slots = [s for s in work.slots() if s.owner is not None]
    choice = draw(st.integers(0, 2))
    if choice == 0 and slots:
        slot = choose(draw, slots)
        assert slot.owner is not None
        slot.owner[slot.index] = choose(draw, values)
        return f"not-a-mapping record of {slot.section}"
    documents = {p: d for p, d in work.documents.items() if isinstance(d, dict)}
    sections = [(p, s) for p, d in documents.items() for s in SECTIONS if s in d]
    if choice == 1 and sections:
        path, section = choose(draw, sections)
        documents[path][section] = choose(draw, [*values[:2], {"a": 1}])
        return f"not-a-mapping section {section}"
    path = choose(draw, list(work.documents))
    # An empty or null manifest is no package: it must be an error. Another file that is
    # null would only be an empty file (a warning), so it gets a value of the wrong shape.
    shapes = [*values, None] if path == MANIFEST_NAME else values
    work.documents[path] = choose(draw, shapes)
    return f"not-a-mapping file {path}={work.documents[path]!r}"


def bad_include(draw: Draw, work: Work) -> str:
    """An include or exclude pattern that leads outside the package, or is not a pattern."""
    manifest = work.documents.get(MANIFEST_NAME)
    if not isinstance(manifest, dict):
        raise NoTarget
    key, value = choose(
        draw,
        [
            ("include", ["../*.yaml"]),
            ("include", ["/tmp/*.yaml"]),
            ("include", ["ville/../../*.yaml"]),
            ("include", "**/*.yaml"),
            ("include", [12]),
            ("include", [""]),
            ("exclude", [""]),
            ("exclude", "drafts/**"),
            ("exclude", [["a"]]),
        ],
    )
    manifest[key] = value
    return f"bad-include {key}: {value!r}"


def python_tag(draw: Draw, work: Work) -> str:
    """A YAML tag other than the standard ones (python objects, !include, !!binary...)."""
    slot = choose(draw, [s for s in work.slots() if s.record])
    key = choose(draw, list(slot.record))
    sentinel = f"{SENTINEL_TAG}{len(work.replacements)}"
    slot.record[key] = sentinel
    tag = choose(draw, list(TAGS))
    work.replacements[sentinel] = tag
    return f"python-tag {tag.split()[0]} in {slot.section}.{key}"


def duplicate_key(draw: Draw, work: Work) -> str:
    """The same key twice in one mapping."""
    slot = choose(draw, [s for s in work.slots() if s.record])
    items = list(slot.record.items())
    slot.record.clear()
    sentinel = f"{SENTINEL_DUP}{len(work.replacements)}"
    slot.record.update([items[0], (sentinel, 0), *items[1:]])
    work.replacements[f"{sentinel}: 0"] = f"{items[0][0]}: 0"
    return f"duplicate-key {slot.section}.{items[0][0]}"


Mutator = Callable[[Draw, Work], str]

MUTATIONS: dict[str, tuple[int, Mutator]] = {
    "missing-key": (0, missing_key),
    "wrong-type": (0, wrong_type),
    "dangling-reference": (0, dangling_reference),
    "cycle": (0, cycle),
    "duplicate-id": (0, duplicate_id),
    "bad-date": (0, bad_date),
    "control-character": (0, control_character),
    "unknown-key": (0, unknown_key),
    "bad-include": (0, bad_include),
    "python-tag": (0, python_tag),
    "duplicate-key": (0, duplicate_key),
    "not-a-mapping": (0, not_a_mapping),
    "bad-indentation": (1, bad_indentation),
    "tab": (1, tab),
    "several-documents": (1, several_documents),
    "alias-bomb": (1, alias_bomb),
    "raw-control": (1, raw_control),
    "truncation": (1, truncation),
    "random-bytes": (2, random_bytes),
}
"""Every kind of damage: name -> (stage, function)."""


@st.composite
def broken_packages(
    draw: Draw,
    texts: Texts = DATA_TEXTS,
    most_units: int = 8,
    kinds: tuple[str, ...] = tuple(MUTATIONS),
) -> BrokenPackage:
    """A valid package damaged by one to three mutations of the given ``kinds``."""
    package = draw(valid_packages(texts, most_units))
    work = Work(package)
    # Hypothesis favours the first choices (index 0, again and again): the list of kinds is
    # rotated by an offset that depends on the package, so that each kind comes first for
    # some packages, and the mix is even.
    offset = zlib.crc32(repr((package.info, package.records)).encode()) % len(kinds)
    rotated = kinds[offset:] + kinds[:offset]
    count = draw(st.integers(1, 3))
    chosen = [rotated[draw(st.integers(0, len(kinds) - 1))] for _ in range(count)]
    labels = []
    for name in sorted(chosen, key=lambda n: MUTATIONS[n][0]):
        try:
            labels.append(MUTATIONS[name][1](draw, work))
        except NoTarget:
            labels.append(not_a_mapping(draw, work))
    return BrokenPackage(package, dict(work.encode()), labels)
