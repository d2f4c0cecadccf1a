"""Two output folders compared file by file: what differs, named."""

from __future__ import annotations

from pathlib import Path

__all__ = ["IGNORED", "compare_trees"]

IGNORED = (".buildinfo", ".buildinfo.bak", "searchindex.js", ".doctrees", "objects.inv")
"""Files and folders whose bytes may differ between an incremental and a clean build: the
search index and the inventory are rebuilt from what was read, the rest is Sphinx's cache
(``.buildinfo.bak`` is the copy Sphinx keeps of ``.buildinfo`` when the settings change)."""


def _files(root: Path, ignored: tuple[str, ...]) -> dict[str, bytes]:
    files = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part in ignored for part in relative.parts) or not path.is_file():
            continue
        files[relative.as_posix()] = path.read_bytes()
    return files


def compare_trees(first: Path, second: Path, ignored: tuple[str, ...] = IGNORED) -> list[str]:
    """The differences between two builds: files only in one, files whose bytes differ."""
    left, right = _files(first, ignored), _files(second, ignored)
    problems = [f"only in {first.name}: {name}" for name in sorted(left.keys() - right.keys())]
    problems += [f"only in {second.name}: {name}" for name in sorted(right.keys() - left.keys())]
    problems += [
        f"differs: {name}"
        for name in sorted(left.keys() & right.keys())
        if left[name] != right[name]
    ]
    return problems
