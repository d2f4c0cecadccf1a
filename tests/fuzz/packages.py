"""Valid data packages for hypothesis: consistent records, then a layout in files.

A :class:`Package` holds every record as plain YAML values, units flat (each with its
``parent`` and ``organisation``), and a :class:`Layout` that says in which file each record
is written, which units are nested under their parent and which leave their organisation to
inheritance. :meth:`Package.documents` renders the files as YAML values, and
:func:`dump_yaml` writes them. ``generator.py`` draws them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sphinx_orgchart.model import MANIFEST_NAME, SECTIONS

__all__ = ["DRAFT", "DRAFT_TEXT", "FILE_NAMES", "Layout", "Package", "dump_yaml", "write_files"]

Record = dict[str, Any]

FILE_NAMES = (
    "units.yaml",
    "referentiel/niveaux.yaml",
    "ville/pôle ressources.yml",
    "données/élus-é.yaml",
    "a/b/c/d.yaml",
    "crochets [1].yaml",
    "z.yml",
)
"""Paths of the other files of a package: sub-folders, spaces, accents, glob characters."""

DRAFT = "drafts/brouillon.yaml"
DRAFT_TEXT = "units: [ this file is broken and excluded\n"


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, with texts holding NEL or separators written double-quoted.

    PyYAML writes ``"a\\x85b"`` single-quoted with a raw NEL, which it then reads back as a
    line break: the generator must write exactly what it means.
    """


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = '"' if any(c in data for c in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(
    document: Any, flow: bool | None = False, unicode: bool = True, width: int = 80
) -> str:
    """YAML text of ``document``, in block (``flow=False``), flow or mixed style."""
    return yaml.dump(
        document,
        Dumper=_Dumper,
        allow_unicode=unicode,
        sort_keys=False,
        default_flow_style=flow,
        width=width,
    )


@dataclass
class Layout:
    """Where each record is written, and how each file is formatted."""

    files: list[str]
    home: dict[str, int] = field(default_factory=dict)
    nested: set[str] = field(default_factory=set)
    implicit_org: set[str] = field(default_factory=set)
    flow: list[bool | None] = field(default_factory=list)
    unicode: list[bool] = field(default_factory=list)
    width: list[int] = field(default_factory=list)
    manifest_extra: Record = field(default_factory=dict)


@dataclass
class Package:
    """A valid package: the ``package`` section, the records, and their layout."""

    info: Record
    records: dict[str, list[Record]]
    layout: Layout
    post_ids: list[str] = field(default_factory=list)

    @property
    def unit_ids(self) -> list[str]:
        """Ids of the units, parents before children."""
        return [u["id"] for u in self.records["units"]]

    def children(self) -> dict[str, list[str]]:
        """Unit id -> ids of its children."""
        result: dict[str, list[str]] = {uid: [] for uid in self.unit_ids}
        for unit in self.records["units"]:
            if unit.get("parent"):
                result[unit["parent"]].append(unit["id"])
        return result

    def descendants(self, unit_id: str) -> list[str]:
        """Ids of the units under ``unit_id``."""
        children = self.children()
        found: list[str] = []
        stack = list(children[unit_id])
        while stack:
            uid = stack.pop()
            found.append(uid)
            stack.extend(children[uid])
        return found

    def expected_units(self) -> dict[str, tuple[str, str | None, str]]:
        """Unit id -> (name as loaded, parent, organisation)."""
        return {
            u["id"]: (u["name"].strip(), u.get("parent"), u["organisation"])
            for u in self.records["units"]
        }

    def documents(self) -> dict[str, Record]:
        """The YAML value of each file, manifest first; files left empty are left out."""
        layout = self.layout
        sections: dict[str, dict[str, list[Record]]] = {path: {} for path in layout.files}
        for section in SECTIONS:
            if section == "units":
                self._place_units(sections)
                continue
            for record in self.records[section]:
                path = layout.files[layout.home[f"{section}:{record['id']}"]]
                sections[path].setdefault(section, []).append(copy.deepcopy(record))
        manifest: Record = {"package": copy.deepcopy(self.info), **layout.manifest_extra}
        documents: dict[str, Record] = {}
        for path in layout.files:
            document = manifest if path == MANIFEST_NAME else {}
            document.update({s: sections[path][s] for s in SECTIONS if s in sections[path]})
            if document:
                documents[path] = document
        return documents

    def _place_units(self, sections: dict[str, dict[str, list[Record]]]) -> None:
        layout = self.layout
        nested_children: dict[str, list[Record]] = {}
        for unit in self.records["units"]:
            if unit["id"] in layout.nested:
                nested_children.setdefault(unit["parent"], []).append(unit)

        def render(unit: Record, nested: bool) -> Record:
            out = {
                k: copy.deepcopy(v) for k, v in unit.items() if k not in ("parent", "organisation")
            }
            parent = unit.get("parent")
            if parent and not nested:
                out["parent"] = parent
            if unit["id"] not in layout.implicit_org or not parent:
                out["organisation"] = unit["organisation"]
            kids = nested_children.get(unit["id"])
            if kids:
                out["units"] = [render(kid, True) for kid in kids]
            return out

        for unit in self.records["units"]:
            if unit["id"] not in layout.nested:
                path = layout.files[layout.home[f"units:{unit['id']}"]]
                sections[path].setdefault("units", []).append(render(unit, False))

    def texts(self) -> dict[str, str]:
        """The text of each file, formatted as the layout says; excluded drafts included."""
        layout = self.layout
        documents = self.documents()
        texts = {
            path: dump_yaml(
                documents[path], layout.flow[index], layout.unicode[index], layout.width[index]
            )
            for index, path in enumerate(layout.files)
            if path in documents
        }
        if layout.manifest_extra.get("exclude"):
            texts[DRAFT] = DRAFT_TEXT
        return texts

    def write(self, root: Path) -> Path:
        """Write the package into the folder ``root``; return it."""
        write_files(root, {p: t.encode("utf-8") for p, t in self.texts().items()})
        return root


def write_files(root: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` (relative path -> content) under ``root``."""
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
