"""What the mutations work on: a package's YAML values, then its texts, then its bytes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from sphinx_orgchart.model import MANIFEST_NAME, SECTIONS

from .packages import DRAFT, DRAFT_TEXT, Package, Record, dump_yaml, write_files

__all__ = ["BrokenPackage", "NoTarget", "Slot", "Work", "choose", "parses", "some_indexes"]

Draw = Any


@dataclass
class Slot:
    """A record inside the YAML values of a file, and where it sits."""

    path: str
    section: str
    record: Record
    owner: list[Any] | None  # the list holding it (None for the package section)
    index: int
    top: bool  # directly in its file's section list (not nested under a unit)


@dataclass
class BrokenPackage:
    """Files of a damaged package, with the valid package they come from."""

    package: Package
    files: dict[str, bytes]
    mutations: list[str]

    def write(self, root: Path) -> Path:
        """Write the files into ``root``; return it."""
        write_files(root, self.files)
        return root


@dataclass
class Work:
    """A package being damaged: its values, then its texts, then its bytes."""

    package: Package
    documents: dict[str, Any] = field(init=False)
    flow: dict[str, bool | None] = field(init=False)
    replacements: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] | None = None
    touched: set[str] = field(default_factory=set)
    data: dict[str, bytes] | None = None
    damaged: set[tuple[int, str]] = field(default_factory=set)  # (id of record, key)

    def __post_init__(self) -> None:
        self.documents = self.package.documents()
        layout = self.package.layout
        self.flow = {p: layout.flow[i] for i, p in enumerate(layout.files)}

    def dump(self, path: str) -> str:
        """The YAML text of one file's values, sentinels replaced by the damage they stand for."""
        text = dump_yaml(self.documents[path], self.flow.get(path, False))
        for sentinel, replacement in self.replacements.items():
            text = text.replace(sentinel, replacement)
        return text

    def render(self) -> dict[str, str]:
        """The texts of the files (written once, when the first text mutation needs them)."""
        if self.texts is None:
            self.texts = {path: self.dump(path) for path in self.documents}
            if self.package.layout.manifest_extra.get("exclude"):
                self.texts[DRAFT] = DRAFT_TEXT
        return self.texts

    def restyle(self, path: str, flow: bool) -> str:
        """The text of ``path`` in the given style, unless a mutation already changed it."""
        texts = self.render()
        if path not in self.touched and path in self.documents:
            self.flow[path] = flow
            texts[path] = self.dump(path)
        self.touched.add(path)
        return texts[path]

    def encode(self) -> dict[str, bytes]:
        """The bytes of the files."""
        if self.data is None:
            self.data = {path: text.encode("utf-8") for path, text in self.render().items()}
        return self.data

    def slots(self) -> Iterator[Slot]:
        """Every record of every file that is still a mapping, nested units included."""
        for path, document in self.documents.items():
            if not isinstance(document, dict):
                continue
            if path == MANIFEST_NAME and isinstance(document.get("package"), dict):
                yield Slot(path, "package", document["package"], None, 0, True)
            for section in SECTIONS:
                items = document.get(section)
                if isinstance(items, list):
                    yield from self._items(path, section, items, True)

    def _items(self, path: str, section: str, items: list[Any], top: bool) -> Iterator[Slot]:
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield Slot(path, section, item, items, index, top)
                if section == "units" and isinstance(item.get("units"), list):
                    yield from self._items(path, section, item["units"], False)


def parses(text: str) -> bool:
    try:
        yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return False
    return True


class NoTarget(Exception):
    """A mutation found nothing left to damage (earlier mutations removed it)."""


def choose(draw: Draw, values: list[Any]) -> Any:
    if not values:
        raise NoTarget
    return draw(st.sampled_from(values))


def some_indexes(draw: Draw, count: int) -> list[int]:
    """Up to eight distinct indexes below ``count``, in a drawn order."""
    if count <= 0:
        return []
    return list(draw(st.lists(st.integers(0, count - 1), min_size=1, max_size=8, unique=True)))


# -- stage 0: the YAML values ---------------------------------------------------------------
