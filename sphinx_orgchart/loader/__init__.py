"""Load a data package: find its files, read them, validate records, check references.

``load_package(path)`` never raises for a user's mistake: it returns the valid data (when
there is any) and every problem found, sorted and located.

This module is light: what a build runs on every rebuild (:func:`package_files`,
:func:`digest_files`) reads the manifest only, and imports neither the model nor pydantic;
:func:`load_package`, :class:`LoadResult` and :class:`ReadCache` are imported from their
modules (:mod:`.load`, :mod:`.readcache`) the first time they are asked for.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .files import find_files, outside_manifest
from .yamlsource import YamlFile, read_yaml

if TYPE_CHECKING:
    from .load import LoadResult, load_package
    from .readcache import ReadCache

__all__ = ["LoadResult", "ReadCache", "digest_files", "find_files", "load_package", "package_files"]

SINGLE_FILE_SUFFIXES = (".yaml", ".yml", ".json")

MANIFEST_NAMES = ("orgchart.yaml", "orgchart.yml")
"""The names a manifest may have: :data:`sphinx_orgchart.model.MANIFEST_NAME` first."""

_LAZY = {"LoadResult": "load", "load_package": "load", "ReadCache": "readcache"}


def __getattr__(name: str) -> Any:
    """:func:`load_package`, :class:`LoadResult`, :class:`ReadCache`, imported when used."""
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _manifest_of(root: Path) -> Path | None:
    if root.is_file():
        return root
    for name in MANIFEST_NAMES:
        candidate = root / name
        if candidate.is_file():
            return candidate
    return None


def _raw_manifest_settings(file: YamlFile) -> tuple[str, list[str] | None, list[str]]:
    value: Any = file.value if isinstance(file.value, dict) else {}
    package = value.get("package") if isinstance(value.get("package"), dict) else {}
    language = str(package["language"]) if package.get("language") in ("fr", "en") else "fr"
    include = value.get("include")
    exclude = value.get("exclude")
    return (
        language,
        [p for p in include if isinstance(p, str)] if isinstance(include, list) else None,
        [p for p in exclude if isinstance(p, str)] if isinstance(exclude, list) else [],
    )


def package_files(path: str | Path) -> list[Path]:
    """The files a package is made of (manifest first), without reading their records.

    Cheap enough to run on every build: it reads the manifest only.
    """
    root = Path(path).absolute()
    manifest = _manifest_of(root) if root.exists() else None
    if manifest is None or outside_manifest(root, manifest) is not None:
        return [] if manifest is None else [manifest]
    manifest_file = read_yaml(manifest)
    _, include, exclude = _raw_manifest_settings(manifest_file)
    paths, _ = find_files(root, manifest_file, include, exclude)
    return [manifest, *paths]


def digest_files(paths: list[Path]) -> dict[str, str]:
    """SHA-256 of each file, by path."""
    return {path.as_posix(): _digest(path) for path in paths}


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""
