"""Load a data package: read its files, validate records, check references.

Imported through :mod:`sphinx_orgchart.loader` (``from sphinx_orgchart.loader import
load_package``), the first time a package is loaded.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data import TEXT_FIELDS, OrgData, Origin, sibling_key
from ..i18n import N_
from ..model import SECTIONS, OrgPackage, PackageInfo, Unit
from ..problems import FILE_UNREADABLE, MANIFEST, NOTHING_INCLUDED, Problem, Severity, sort_problems
from . import _digest, _manifest_of, _raw_manifest_settings
from .assemble import ANY, Assembler, Source
from .files import empty_patterns, find_files, outside_manifest
from .readcache import ReadCache
from .texts import text_problems
from .yamlsource import YamlFile, read_yaml

__all__ = ["LoadResult", "load_package"]


@dataclass
class LoadResult:
    """What loading a package gave: the data (None if unusable) and the problems."""

    root: Path
    data: OrgData | None
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    ignore: list[str] = field(default_factory=list)
    """Codes the manifest's ``ignore`` sets aside in ``sphinx-orgchart validate``."""

    @property
    def errors(self) -> list[Problem]:
        """Problems that make the data wrong."""
        return [p for p in self.problems if p.severity is Severity.error]

    @property
    def warnings(self) -> list[Problem]:
        """Problems worth fixing."""
        return [p for p in self.problems if p.severity is Severity.warning]

    @property
    def ok(self) -> bool:
        """No error (warnings allowed)."""
        return self.data is not None and not self.errors


def load_package(path: str | Path, cache: ReadCache | None = None) -> LoadResult:
    """Load the package at ``path`` (a folder with an orgchart.yaml, or a single file).

    With a ``cache``, files whose bytes are those it holds are not parsed again, and the
    cache is updated with the others (a rebuild after one file changed parses that file).
    """
    # Loading creates hundreds of thousands of small objects and no cycles: the cyclic
    # garbage collector only slows it down (by a third on 5,000 units).
    enabled = gc.isenabled()
    gc.disable()
    try:
        result = _load(path, read_yaml if cache is None else cache.read)
        if cache is not None:
            cache.keep_only(list(result.files))
        return result
    finally:
        if enabled:
            gc.enable()


def _load(path: str | Path, read: Callable[[Path], YamlFile]) -> LoadResult:
    root = Path(path).absolute()
    result = LoadResult(root=root, data=None)
    if not root.exists():
        result.problems.append(Problem(FILE_UNREADABLE, N_("no such file or folder"), {}, root))
        return result
    manifest = _manifest_of(root)
    if manifest is None:
        candidates = sorted(p.name for p in root.glob("*.y*ml") if p.is_file())
        if candidates:
            msgid = N_(
                "no orgchart.yaml in this folder (there is %(found)s: rename it "
                "orgchart.yaml if it is the manifest)"
            )
        else:
            msgid = N_(
                "no orgchart.yaml in this folder: a package starts with a manifest "
                "holding its 'package:' section"
            )
        result.problems.append(Problem(MANIFEST, msgid, {"found": ", ".join(candidates[:3])}, root))
        return result
    refused = outside_manifest(root, manifest)
    if refused is not None:
        result.problems.append(refused)
        return result
    manifest_file = read(manifest)
    language, include, exclude = _raw_manifest_settings(manifest_file)
    if isinstance(manifest_file.value, dict) and isinstance(
        manifest_file.value.get("ignore"), list
    ):
        result.ignore = [str(code) for code in manifest_file.value["ignore"]]
    assembler = Assembler(root=root if root.is_dir() else root.parent, language=language)
    if manifest_file.value is None and not any(
        p.severity is Severity.error for p in manifest_file.problems
    ):
        # An empty manifest: one message, the one that says what it must hold.
        manifest_file.problems = [
            Problem(
                MANIFEST,
                N_(
                    "the manifest is empty: it holds the package's 'package:' "
                    "section (name, language, as_of...)"
                ),
                {},
                manifest,
                1,
            )
        ]
    assembler.problems.extend(empty_patterns(manifest_file, include, exclude))
    include = [p for p in include if p.strip()] if include is not None else None
    exclude = [p for p in exclude if p.strip()]
    files = [manifest_file]
    paths, outside = find_files(root, manifest_file, include, exclude)
    assembler.problems.extend(outside)
    if any(p.code == NOTHING_INCLUDED for p in outside):
        assembler.lost_units.append((None, ANY, None))  # units may be in the files left out
    files += [read(p) for p in paths]
    for file in files:
        assembler.problems.extend(file.problems)
        assembler.add_file(file, is_manifest=file is manifest_file)
        result.files[file.path.as_posix()] = file.digest or _digest(file.path)
    if assembler.info is not None:
        assembler.origins[("package", "package")] = Source(
            manifest, manifest_file.lines, ("package",)
        )
    result.data = _finish(assembler, assembler.info)
    result.problems = sort_problems(assembler.problems)
    if result.data is not None:
        result.data.files = result.files
    return result


def _finish(assembler: Assembler, info: PackageInfo | None) -> OrgData | None:
    """Order the units, check cross-references, and index the result."""
    from ..validate import LOST_UNITS_OF, Checker

    units = _inherit_organisation(assembler.records["units"])
    package = OrgPackage(
        package=info or PackageInfo(name="?", as_of=dt.date(1970, 1, 1)),
        **{section: assembler.records[section] for section in SECTIONS if section != "units"},
        units=_institutional_order(
            units, assembler.sequence, [o.id for o in _sorted_orgs(assembler)]
        ),
    )
    origins = {
        key: Origin(
            src.path,
            src.line(),
            tuple((name, line) for name in TEXT_FIELDS if (line := src.text_line(name))),
        )
        for key, src in assembler.origins.items()
    }
    data = OrgData(package, origins)
    broken = {**assembler.broken_ids, LOST_UNITS_OF: _lost_organisations(assembler, units)}
    assembler.problems.extend(Checker(data, assembler.origins, broken, assembler.root).run())
    assembler.problems.extend(text_problems(data, assembler.origins))
    return data if info is not None else None


def _lost_organisations(assembler: Assembler, units: list[Unit]) -> set[str]:
    """Organisations that may have units among those that could not be read (ANY: any)."""
    organisation_of = {u.id: u.organisation for u in units}
    lost_parent = {uid: parent for uid, _, parent in assembler.lost_units if uid}
    found: set[str] = set()
    for _, org, parent in assembler.lost_units:
        seen: set[str] = set()
        while org is None and parent is not None and parent not in seen:
            seen.add(parent)
            org = organisation_of.get(parent)
            parent = lost_parent.get(parent) if org is None else None
        found.add(org or ANY)
    return found


def _sorted_orgs(assembler: Assembler) -> list[Any]:
    orgs = assembler.records["organisations"]
    return sorted(
        orgs,
        key=lambda o: (o.order is None, o.order or 0, assembler.sequence[f"organisations:{o.id}"]),
    )


def _inherit_organisation(units: list[Unit]) -> list[Unit]:
    """Units without an organisation take their parent's (flat units in other files)."""
    by_id = {u.id: u for u in units}
    resolved: dict[str, str | None] = {}

    def organisation_of(uid: str, seen: frozenset[str] = frozenset()) -> str | None:
        if uid in resolved:
            return resolved[uid]
        unit = by_id[uid]
        org = unit.organisation
        if org is None and unit.parent in by_id and unit.parent not in seen:
            org = organisation_of(unit.parent, seen | {uid})
        resolved[uid] = org
        return org

    out = []
    for unit in units:
        org = organisation_of(unit.id) if unit.organisation is None else unit.organisation
        out.append(
            unit if org == unit.organisation else unit.model_copy(update={"organisation": org})
        )
    return out


def _institutional_order(
    units: list[Unit], sequence: dict[str, int], organisation_order: list[str]
) -> list[Unit]:
    """Depth-first, organisations in their order, siblings in institutional order."""
    by_id = {u.id: u for u in units}
    children: dict[str | None, list[Unit]] = {}
    for unit in units:
        parent = unit.parent if unit.parent in by_id else None
        children.setdefault(parent, []).append(unit)
    for siblings in children.values():
        siblings.sort(key=lambda u: sibling_key(u, sequence[f"units:{u.id}"]))
    org_rank = {org: index for index, org in enumerate(organisation_order)}
    roots = sorted(
        children.get(None, []), key=lambda u: (org_rank.get(u.organisation or "", len(org_rank)),)
    )
    ordered: list[Unit] = []
    placed: set[str] = set()
    stack = list(reversed(roots))
    while stack:
        unit = stack.pop()
        if unit.id in placed:
            continue
        placed.add(unit.id)
        ordered.append(unit)
        stack.extend(reversed(children.get(unit.id, [])))
    # Units caught in a cycle have no root: keep them, in the order they were written.
    ordered += [
        u for u in sorted(units, key=lambda u: sequence[f"units:{u.id}"]) if u.id not in placed
    ]
    return ordered
