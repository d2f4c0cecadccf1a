"""Write imported records as a package: manifest, referential, one file per top unit or pôle.

Layout (``org`` an organisation's id)::

    orgchart.yaml                       the package information
    referentiel/organisations.yaml      organisations
    referentiel/niveaux.yaml            levels and categories
    org/0001-<top unit>.yaml            a top unit, with the sub-units without sub-units
    org/0002-<pôle>.yaml                each unit below a top unit that has sub-units,
                                        its sub-units nested under it
    gouvernance/instances.yaml          bodies
    projet/projet.yaml                  orientations, objectives, actions
    historique/evenements.yaml          events

Files are numbered in institutional order, and the loader reads them in that order: the
package loads back to the same records, in the same order. Values equal to their default
are left out, so that the files read as if written by hand.
"""

from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path
from typing import Any

import yaml

from ..data import sibling_key
from ..model import MANIFEST_NAME, PackageInfo, Unit
from ..writefile import WriteRefused, write_text_atomic

__all__ = ["package_documents", "write_package"]


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.time):
        return value.strftime("%H:%M") if not value.second else value.isoformat()
    return value


def _record(record: Any) -> dict[str, Any]:
    dumped: dict[str, Any] = _plain(record.model_dump(mode="python", exclude_defaults=True))
    return dumped


def _unit(
    unit: Unit, children: dict[str, list[Unit]], nested_parent: Unit | None
) -> dict[str, Any]:
    data = _record(unit)
    data.pop("units", None)
    if nested_parent is not None:
        data.pop("parent", None)
        if unit.organisation == nested_parent.organisation:
            data.pop("organisation", None)
    head = data.get("head")
    if head and head.get("id") == f"{unit.id}.head":
        del head["id"]
    for index, post in enumerate(data.get("posts", []), start=1):
        if post.get("id") == f"{unit.id}.post-{index}":
            del post["id"]
    below = [_unit(child, children, unit) for child in children.get(unit.id, [])]
    if below:
        data["units"] = below
    return data


def _keeps_order(siblings: list[Unit], sequence: dict[str, int]) -> bool:
    ordered = sorted(siblings, key=lambda u: sibling_key(u, sequence[u.id]))
    return [u.id for u in ordered] == [u.id for u in siblings]


def _represent(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _Dumper(yaml.SafeDumper):
    """Safe YAML, texts on several lines as blocks, keys in the models' order."""


_Dumper.add_representer(str, _represent)


def _yaml(document: dict[str, Any], comment: str) -> str:
    body = yaml.dump(
        document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2
    )
    return f"# {comment}\n\n{body}"


def _unit_files(units: list[Unit]) -> dict[str, list[dict[str, Any]]]:
    """The unit files: each top unit, then each unit below it that has sub-units."""
    known = {u.id for u in units}
    children: dict[str, list[Unit]] = {}
    roots: list[Unit] = []
    for unit in units:
        if unit.parent and unit.parent in known:
            children.setdefault(unit.parent, []).append(unit)
        else:
            roots.append(unit)
    files: dict[str, list[dict[str, Any]]] = {}
    number = 0

    def file_name(unit: Unit, root: Unit) -> str:
        nonlocal number
        number += 1
        return f"{root.organisation or 'units'}/{number:04d}-{unit.id}.yaml"

    for root in roots:
        below = children.get(root.id, [])
        leaves = [u for u in below if not children.get(u.id)]
        sequence = {u.id: i for i, u in enumerate(leaves)}
        sequence.update({u.id: len(below) + i for i, u in enumerate(below) if u.id not in sequence})
        nest_leaves = _keeps_order(below, sequence)
        top = _unit(root, {}, None)
        if nest_leaves and leaves:
            top["units"] = [_unit(u, children, root) for u in leaves]
        files[file_name(root, root)] = [top]
        for unit in below:
            if nest_leaves and unit in leaves:
                continue
            files[file_name(unit, root)] = [_unit(unit, children, None)]
    return files


def package_documents(
    info: PackageInfo, sections: dict[str, list[Any]], source: str
) -> dict[str, str]:
    """The files of the package (relative path -> YAML text)."""
    said = f"{MARK[2:]}{source} by sphinx-orgchart import."
    info_data = _record(info)
    info_data.setdefault("language", info.language)
    texts = {MANIFEST_NAME: _yaml({"package": info_data}, said)}

    def put(path: str, **lists: list[Any]) -> None:
        document = {key: [_record(r) for r in rows] for key, rows in lists.items() if rows}
        if document:
            texts[path] = _yaml(document, said)

    put("referentiel/organisations.yaml", organisations=sections.get("organisations", []))
    put(
        "referentiel/niveaux.yaml",
        levels=sections.get("levels", []),
        categories=sections.get("categories", []),
    )
    for path, units in _unit_files(sections.get("units", [])).items():
        texts[path] = _yaml({"units": units}, said)
    put("gouvernance/instances.yaml", bodies=sections.get("bodies", []))
    put(
        "projet/projet.yaml",
        orientations=sections.get("orientations", []),
        objectives=sections.get("objectives", []),
        actions=sections.get("actions", []),
        answers=sections.get("answers", []),
    )
    put("historique/evenements.yaml", events=sections.get("events", []))
    return texts


MARK = "# Imported from "


def _imported_before(target: Path) -> list[Path]:
    """YAML files a previous import wrote under ``target`` (they start with its mark)."""
    found = []
    for path in sorted(target.rglob("*.yaml")):
        with path.open("rb") as handle:
            if handle.read(len(MARK)) == MARK.encode():
                found.append(path)
    return found


def write_package(target: Path, texts: dict[str, str], force: bool) -> list[Path]:
    """Write the files under ``target``: nothing at all if the folder holds any file, unless
    ``force``; then the files of a previous import that the new one does not write go."""
    if target.exists() and not target.is_dir():
        raise WriteRefused(target)
    if target.is_dir() and any(target.iterdir()) and not force:
        raise WriteRefused(target)
    paths = [target / relative for relative in texts]
    if target.is_dir():
        for stale in set(_imported_before(target)) - set(paths):
            stale.unlink()
    for path, text in zip(paths, texts.values(), strict=True):
        write_text_atomic(path, text, overwrite=True)
    return paths
