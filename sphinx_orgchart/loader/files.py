"""Which files make a package: the manifest's include and exclude patterns, and links.

Every path the patterns match is either read or reported: a link leading outside the
package, a dangling link, a folder or a pipe named like a YAML file, a pattern that matches
nothing. None is skipped without a word.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path, PurePosixPath

from ..i18n import N_
from ..problems import (
    FILE_OUTSIDE,
    FILE_UNREADABLE,
    FOLDER_NAME,
    MANIFEST,
    NOTHING_INCLUDED,
    Problem,
)
from .yamlsource import YamlFile

__all__ = ["DEFAULT_INCLUDE", "empty_patterns", "find_files", "outside_manifest", "resolved"]

DEFAULT_INCLUDE = ("**/*.yaml", "**/*.yml")


def find_files(
    root: Path, manifest: YamlFile, include: list[str] | None, exclude: list[str]
) -> tuple[list[Path], list[Problem]]:
    """Files of the package under ``root``, sorted; links leading outside are refused."""
    if manifest.path == root:
        return [], []
    real_root = root.resolve()
    found: dict[str, Path] = {}
    problems: list[Problem] = []
    excluded: set[Path] = set()
    for pattern in exclude:
        if pattern.strip() and not _pattern_outside(pattern):
            excluded.update(p for p in root.glob(pattern))
    manifest_target = resolved(manifest.path)
    links = _folder_links_outside(root, real_root, excluded)
    reached: set[Path] = set()  # folder links the patterns lead into
    matched_paths: set[Path] = set()  # what the include patterns match, before exclude
    candidates = 0  # ... and after
    matches: dict[int, int] = {}  # how many paths each include pattern matches
    for index, pattern in enumerate(include or DEFAULT_INCLUDE):
        if not pattern.strip():
            continue  # reported by empty_patterns
        if _pattern_outside(pattern):
            problems.append(
                Problem(
                    FILE_OUTSIDE,
                    N_(
                        "the include pattern '%(pattern)s' leads outside the package folder: "
                        "patterns are relative to it"
                    ),
                    {"pattern": pattern},
                    manifest.path,
                    manifest.lines.line_of(("include", index)),
                )
            )
            continue
        matched = 0
        for path in root.glob(pattern):
            relative = path.relative_to(root)
            if any(part.startswith(".") for part in relative.parts):
                continue
            link = next((folder for folder in links if folder in path.parents), None)
            target_path = resolved(path)
            matched += 1  # the manifest counts: '**/*.yaml' in a one-file package is fine
            if link is None and target_path == manifest_target:
                continue
            matched_paths.add(path)
            if path in excluded or any(parent in excluded for parent in path.parents):
                continue  # a pattern such as 'drafts/**' matches the folder
            candidates += 1
            if link is not None:
                reached.add(link)  # reported once, at the folder
                continue
            problem = _not_read(path, target_path, real_root)
            if problem is not None:
                problems.append(problem)
                continue
            found[relative.as_posix()] = path
        reached.update(link for link in links if _reaches(pattern, link.relative_to(root).parts))
        matches[index] = matched
    if include:  # patterns given (not all empty: those are reported as such)
        problems.extend(_matching_nothing(manifest, include, matches))
    if matched_paths and not candidates and not _holds_units(manifest):
        problems.append(
            Problem(
                NOTHING_INCLUDED,
                N_(
                    "the exclude patterns remove every file the include patterns match, and "
                    "the manifest holds no unit: narrow 'exclude' to the files to leave out"
                ),
                {"count": len(matched_paths)},
                manifest.path,
                manifest.lines.line_of(("exclude",)),
            )
        )
    problems.extend(_link_outside(link, links[link]) for link in sorted(reached))
    return [found[key] for key in sorted(found)], problems


def _holds_units(manifest: YamlFile) -> bool:
    """Whether the manifest holds units itself (then excluding every file may be meant)."""
    return isinstance(manifest.value, dict) and bool(manifest.value.get("units"))


def _matching_nothing(
    manifest: YamlFile, include: list[str], matches: dict[int, int]
) -> list[Problem]:
    """Include patterns that match no file.

    ``x/*.yaml`` and ``x/*.yml`` count as one pattern: a package rarely uses both extensions.
    """
    matched_groups = {_extension_group(include[i]) for i, n in matches.items() if n}
    reported: set[str] = set()
    problems = []
    for index in sorted(matches):
        group = _extension_group(include[index])
        if group in matched_groups or group in reported:
            continue
        reported.add(group)
        problems.append(
            Problem(
                NOTHING_INCLUDED,
                N_(
                    "the include pattern '%(pattern)s' matches no file: check the folder "
                    "names and the extension (.yaml or .yml); patterns are relative to "
                    "the package folder"
                ),
                {"pattern": include[index]},
                manifest.path,
                manifest.lines.line_of(("include", index)),
            )
        )
    return problems


def _extension_group(pattern: str) -> str:
    return pattern[: -len(".yml")] + ".yaml" if pattern.endswith(".yml") else pattern


def _not_read(path: Path, target: Path | None, real_root: Path) -> Problem | None:
    """The problem that stops ``path`` (matched by a pattern) from being read, if any."""
    if target is None:
        msgid = N_(
            "this file is a symbolic link that leads back to itself (a loop of "
            "links): replace it with the file it should point to"
        )
        return Problem(FILE_UNREADABLE, msgid, {}, path)
    link_text = os.readlink(path) if path.is_symlink() else str(target)
    if not path.exists():
        msgid = N_(
            "this file is a symbolic link to %(target)s, which does not exist: restore "
            "that file, or delete the link"
        )
        return Problem(FILE_UNREADABLE, msgid, {"target": link_text}, path)
    if not target.is_relative_to(real_root):
        msgid = N_("this file is a link to %(target)s, outside the package folder: it is not read")
        return Problem(FILE_OUTSIDE, msgid, {"target": link_text}, path)
    if path.is_dir():
        msgid = N_(
            "this is a folder, though its name ends like a data file's: it is not read as "
            "one (the files inside it are, if the patterns match them); rename it without "
            "the extension"
        )
        return Problem(FOLDER_NAME, msgid, {}, path)
    if not path.is_file():
        msgid = N_(
            "this is a named pipe, a socket or a device, not a file: it is not read; put "
            "the YAML file itself here"
        )
        return Problem(FILE_UNREADABLE, msgid, {}, path)
    return None


def _folder_links_outside(root: Path, real_root: Path, excluded: set[Path]) -> dict[Path, str]:
    """Links to folders outside the package, by path, with what they point to.

    ``**`` in a pattern does not follow links to folders: without this, the files behind
    such a link would be left out without a word.
    """
    links: dict[Path, str] = {}
    for folder, subfolders, _ in os.walk(root):
        here = Path(folder)
        for name in list(subfolders):
            path = here / name
            if name.startswith(".") or path in excluded:
                subfolders.remove(name)
                continue
            if path.is_symlink():
                target = resolved(path)
                if target is not None and not target.is_relative_to(real_root):
                    links[path] = os.readlink(path)
    return links


def _reaches(pattern: str, folder: tuple[str, ...]) -> bool:
    """Whether ``pattern`` may match files inside ``folder`` (parts relative to the root)."""
    parts = PurePosixPath(pattern).parts
    for index, name in enumerate(folder):
        if index >= len(parts) - 1:
            return False  # the last part of a pattern names files
        if parts[index] == "**":
            return True
        if not fnmatch.fnmatchcase(name, parts[index]):
            return False
    return True


def _link_outside(path: Path, target: str) -> Problem:
    return Problem(
        FILE_OUTSIDE,
        N_(
            "this folder is a link to %(target)s, outside the package folder: the files in "
            "it are not read; copy them into the package instead"
        ),
        {"target": target},
        path,
    )


def resolved(path: Path) -> Path | None:
    """Where ``path`` leads once links are followed; None for a loop of links."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError on Python < 3.13
        return None


def outside_manifest(root: Path, manifest: Path) -> Problem | None:
    """A problem if the manifest is a link leading outside the package folder."""
    if manifest == root:
        return None
    target = resolved(manifest)
    if target is not None and target.is_relative_to(root.resolve()):
        return None
    return Problem(
        FILE_OUTSIDE,
        N_(
            "the manifest is a link to %(target)s, outside the package folder: copy the "
            "package here, or point orgchart_data at the other folder"
        ),
        {"target": os.readlink(manifest) if manifest.is_symlink() else str(manifest)},
        manifest,
    )


def _pattern_outside(pattern: str) -> bool:
    return pattern.startswith(("/", "\\")) or ".." in Path(pattern).parts


def empty_patterns(
    manifest: YamlFile, include: list[str] | None, exclude: list[str]
) -> list[Problem]:
    """Empty include or exclude patterns, which would match nothing or everything."""
    return [
        Problem(
            MANIFEST,
            N_("an empty pattern in '%(key)s': remove it"),
            {"key": key},
            manifest.path,
            manifest.lines.line_of((key, index)),
        )
        for key, patterns in (("include", include or []), ("exclude", exclude))
        for index, pattern in enumerate(patterns)
        if not pattern.strip()
    ]
