"""YAML safety: unsafe tags, alias bombs, encodings, empty, binary and huge files, and no file
read outside the package.

``tests/test_yamlsource.py``, ``tests/test_loader.py`` and ``tests/data/bad/`` cover the basic
case of each; this file covers the variants a hostile or careless file takes (tag syntaxes,
tags on keys, bombs of mappings and merge keys, UTF-16, raw control characters, ``null``
files, sparse huge files, links to folders, link loops, a linked manifest), the time it takes
to refuse them, and what the command line prints.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from sphinx_orgchart.cli import main
from sphinx_orgchart.loader import LoadResult, load_package, package_files
from sphinx_orgchart.loader.yamlsource import MAX_FILE_BYTES

MANIFEST = """\
package:
  name: Ville de Belcourt
  as_of: 2026-01-01
organisations:
  - {id: ville, name: Ville de Belcourt, kind: commune}
levels:
  - {id: dg, name: Direction générale, rank: 0}
  - {id: direction, name: Direction, rank: 1, parents: [dg]}
units:
  - id: dgs
    name: Direction générale des services
    level: dg
    organisation: ville
    head: {title: DGS}
"""

SERVICE = """\
units:
  - id: drh
    name: Direction des ressources humaines
    level: direction
    parent: dgs
    head: {title: DRH}
"""

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")


def package(
    root: Path, files: dict[str, str | bytes] | None = None, manifest: str = MANIFEST
) -> Path:
    """A valid package in ``root`` with extra ``files`` (text or bytes)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "orgchart.yaml").write_text(manifest, encoding="utf-8")
    for name, content in (files or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def located(result: LoadResult, root: Path) -> list[tuple[str, int | None, str]]:
    """(file, line, code) of every problem, files relative to ``root``."""
    return [
        (p.path.relative_to(root).as_posix() if p.path else "", p.line, p.code)
        for p in result.problems
    ]


def validate(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, list[str]]:
    """``sphinx-orgchart validate`` in English, run in ``root``: status and problem lines."""
    monkeypatch.chdir(root)
    status = main(["validate", ".", "--lang", "en", "-q"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    lines = [line for line in out.splitlines() if ": error: " in line or ": warning: " in line]
    return status, lines


# -- tags -----------------------------------------------------------------------------------

# Each form names a tag that would run code or build Python objects with an unsafe loader.
# MARK is replaced by a folder that os.makedirs would create if the tag were ever honoured.
UNSAFE_TAGS = {
    "apply": "sigle: !!python/object/apply:os.makedirs [MARK]",
    "new": "sigle: !!python/object/new:os.makedirs [MARK]",
    "name": "sigle: !!python/name:os.makedirs",
    "module": "sigle: !!python/module:os",
    "object": "sigle: !!python/object:argparse.Namespace {a: 1}",
    "verbatim": "sigle: !<tag:yaml.org,2002:python/object/apply:os.makedirs> [MARK]",
    "in-a-list": "missions: [a, !!python/object/apply:os.makedirs [MARK]]",
    "anchored": "missions: [&x !!python/object/apply:os.makedirs [MARK], *x]",
    "flow-mapping": "contact: {email: !!python/object/apply:os.makedirs [MARK]}",
    "include": "description: !include /etc/passwd",
}


@pytest.mark.parametrize("value", list(UNSAFE_TAGS.values()), ids=list(UNSAFE_TAGS))
def test_unsafe_tags_are_refused_and_never_run(
    value: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mark = tmp_path / "pwned"
    text = SERVICE + "    " + value.replace("MARK", f"'{mark}'") + "\n"
    root = package(tmp_path / "pkg", {"services.yaml": text})
    result = load_package(root)
    assert located(result, root) == [("services.yaml", 7, "yaml-tag")]
    assert not mark.exists()
    assert result.data is not None
    assert "drh" not in result.data.units  # the file is not used at all
    status, lines = validate(root, capsys, monkeypatch)
    assert status == 1
    assert len(lines) == 1
    assert lines[0].startswith("services.yaml:7: error: the YAML tag ")
    assert "is not allowed" in lines[0]
    assert not mark.exists()


def test_tag_directive_does_not_smuggle_a_python_tag(tmp_path: Path) -> None:
    text = "%TAG !p! tag:yaml.org,2002:python/\n---\n" + SERVICE + "    sigle: !p!name:os.system\n"
    root = package(tmp_path / "pkg", {"services.yaml": text})
    assert located(load_package(root), root) == [("services.yaml", 9, "yaml-tag")]


@pytest.mark.parametrize(
    "key",
    ["!!python/name:os.system sigle", "!custom sigle", "!!binary c2lnbGU="],
    ids=["python", "custom", "binary"],
)
def test_a_tag_on_a_key_is_refused_too(key: str, tmp_path: Path) -> None:
    """A tag on a mapping key is dropped today, and the key read as its bare text.

    Nothing runs (the safe constructor cannot build it), but the file says something the
    loader silently ignores: refuse it like a tag on a value.
    """
    root = package(tmp_path / "pkg", {"services.yaml": SERVICE + f"    {key}: DRH\n"})
    assert ("services.yaml", 7, "yaml-tag") in located(load_package(root), root)


# -- aliases --------------------------------------------------------------------------------


def _sequence_bomb(levels: int = 9) -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def _mapping_bomb() -> str:
    lines = ["a0: &a0 {a: lol, b: lol, c: lol, d: lol, e: lol, f: lol, g: lol, h: lol, i: lol}"]
    lines += [
        f"a{i}: &a{i} {{{', '.join(f'k{j}: *a{i - 1}' for j in range(9))}}}" for i in range(1, 10)
    ]
    return "\n".join(lines) + "\n"


def _merge_bomb() -> str:
    lines = ["a0: &a0 {k: v}"]
    lines += [f"a{i}: &a{i} {{<<: [{', '.join([f'*a{i - 1}'] * 9)}]}}" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def _bomb_in_a_unit() -> str:
    anchors = _sequence_bomb(8).replace("\n", "\n    ")
    return SERVICE + "    " + anchors + "missions: *a8\n"


BOMBS = {
    "sequences": _sequence_bomb(),
    "mappings": _mapping_bomb(),
    "merge-keys": _merge_bomb(),
    "inside-a-unit": _bomb_in_a_unit(),
    "self-reference": "units: &u [{id: x, name: X, level: dg, units: *u}]\n",
}


@pytest.mark.parametrize("text", list(BOMBS.values()), ids=list(BOMBS))
def test_alias_bombs_are_refused_at_once(
    text: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = package(tmp_path / "pkg", {"bomb.yaml": text})
    start = time.perf_counter()
    result = load_package(root)
    elapsed = time.perf_counter() - start
    assert [(f, code) for f, _line, code in located(result, root)] == [("bomb.yaml", "yaml-alias")]
    assert elapsed < 0.5, f"{elapsed:.2f} s to refuse an alias bomb"
    start = time.perf_counter()
    status, lines = validate(root, capsys, monkeypatch)
    assert time.perf_counter() - start < 0.5
    assert status == 1
    assert len(lines) == 1
    assert lines[0].startswith("bomb.yaml:")


# -- encodings, empty, binary and huge files ------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_are_named_as_such(codec: str, tmp_path: Path) -> None:
    """Notepad and Excel save "Unicode" text as UTF-16: saying "binary file" sends the user
    looking for the wrong mistake. The message must be about the encoding."""
    data = (("\ufeff" if codec == "utf-16-be" else "") + SERVICE).encode(codec)
    root = package(tmp_path / "pkg", {"services.yaml": data})
    result = load_package(root)
    assert [code for _f, _l, code in located(result, root)] == ["file-encoding"]
    assert "UTF-8" in result.problems[0].message("en")


RAW_CONTROLS = {
    "form-feed": "\x0c",  # pasted from a word processor
    "escape": "\x1b",
    "delete": "\x7f",
    "c1-control": "\x92",  # a Windows-1252 apostrophe decoded as Latin-1
    "nul-far-in": "\x00",  # after 8 KiB: not caught as a binary file
}


@pytest.mark.parametrize("char", list(RAW_CONTROLS.values()), ids=list(RAW_CONTROLS))
def test_a_raw_control_character_is_located_on_its_line(
    char: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """YAML refuses these characters anywhere in a file; PyYAML's reader gives a character
    position, not a line, in a two-line English message: the user needs file:line."""
    padding = "# " + "-" * 9000 + "\n" if char == "\x00" else ""
    text = padding + SERVICE.replace("des ressources", f"des{char} ressources")
    root = package(tmp_path / "pkg", {"services.yaml": text})
    result = load_package(root)
    line = text[: text.index(char)].count("\n") + 1
    assert located(result, root) == [("services.yaml", line, "yaml-syntax")]
    status, lines = validate(root, capsys, monkeypatch)
    assert status == 1
    assert len(lines) == 1  # one problem, on one line
    assert lines[0].startswith(f"services.yaml:{line}: error: ")


@pytest.mark.parametrize(
    "content",
    [b"", b"   \n\n", b"null\n", b"~\n", b"---\n", b"--- ~\n...\n"],
    ids=["empty", "blank", "null", "tilde", "document-start", "explicit-null"],
)
def test_a_file_without_data_is_reported_as_empty(content: bytes, tmp_path: Path) -> None:
    """An empty file is a warning; a file holding only ``null`` is just as empty, but is
    silently skipped today."""
    root = package(tmp_path / "pkg", {"services.yaml": content})
    result = load_package(root)
    assert located(result, root) == [("services.yaml", 1, "file-empty")]
    assert result.ok


@pytest.mark.parametrize(
    "content",
    [b"", b"# the manifest, to be written\n", b"null\n", b"---\n"],
    ids=["empty", "comment", "null", "document-start"],
)
def test_an_empty_manifest_is_an_error(
    content: bytes,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No data can be loaded: ``validate`` exits 1, so it must print at least one error
    (today it prints "0 errors", after a warning or after nothing at all)."""
    root = package(tmp_path / "pkg", {"services.yaml": "units: []\n"})
    (root / "orgchart.yaml").write_bytes(content)
    result = load_package(root)
    assert result.data is None
    assert [p.path.name for p in result.errors if p.path] == ["orgchart.yaml"]
    status, lines = validate(root, capsys, monkeypatch)
    assert status == 1
    assert any(line.startswith("orgchart.yaml:1: error: ") for line in lines), lines


def test_a_huge_file_is_refused_without_being_read(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = package(tmp_path / "pkg")
    huge = root / "export-rh.yaml"
    with huge.open("wb") as handle:  # sparse: 21 MiB on paper, nothing on disk
        handle.truncate(MAX_FILE_BYTES + 2**20)
    start = time.perf_counter()
    result = load_package(root)
    assert time.perf_counter() - start < 0.5
    assert located(result, root) == [("export-rh.yaml", None, "file-too-large")]
    message = result.problems[0].message("en")
    assert "21.0 MiB" in message
    assert "20 MiB" in message
    status, lines = validate(root, capsys, monkeypatch)
    assert status == 1
    assert lines == [f"export-rh.yaml: error: {message} [file-too-large]"]


def test_a_huge_manifest_stops_the_load(tmp_path: Path) -> None:
    root = package(tmp_path / "pkg")
    with (root / "orgchart.yaml").open("r+b") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    result = load_package(root)
    assert result.data is None
    assert [code for _f, _l, code in located(result, root)] == ["file-too-large"]


def test_a_binary_manifest_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = package(tmp_path / "pkg")
    (root / "orgchart.yaml").write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)))
    result = load_package(root)
    assert result.data is None
    assert located(result, root) == [("orgchart.yaml", None, "file-binary")]
    assert validate(root, capsys, monkeypatch) == (
        1,
        ["orgchart.yaml: error: this is a binary file, not YAML text [file-binary]"],
    )


# -- nothing outside the package ------------------------------------------------------------

OUTSIDE_UNIT = """\
units:
  - {id: secret, name: Hors du paquet, level: direction, parent: dgs, head: {title: X}}
"""


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder next to the package, holding a valid file the package must never read."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.yaml").write_text(OUTSIDE_UNIT, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "pattern",
    ["{outside}/*.yaml", "ville/../../outside/*.yaml", "**/../../outside/*.yaml"],
    ids=["absolute", "dot-dot-inside", "dot-dot-after-globstar"],
)
def test_include_patterns_never_leave_the_package(
    pattern: str, outside: Path, tmp_path: Path
) -> None:
    manifest = MANIFEST + f"include: ['{pattern.format(outside=outside)}']\n"
    root = package(tmp_path / "pkg", {"ville/a.yaml": "units: []\n"}, manifest=manifest)
    result = load_package(root)
    assert located(result, root) == [("orgchart.yaml", MANIFEST.count("\n") + 1, "file-outside")]
    assert result.data is not None
    assert "secret" not in result.data.units


@needs_symlinks
def test_a_link_to_a_folder_outside_is_not_followed(outside: Path, tmp_path: Path) -> None:
    root = package(tmp_path / "pkg")
    (root / "partage").symlink_to(outside, target_is_directory=True)
    result = load_package(root)  # the default patterns do not follow it, and say so
    assert located(result, root) == [("partage", None, "file-outside")]
    assert result.data is not None
    assert "secret" not in result.data.units
    (root / "orgchart.yaml").write_text(MANIFEST + "include: ['partage/*.yaml']\n", "utf-8")
    result = load_package(root)  # named explicitly: refused, once for the folder
    assert located(result, root) == [("partage", None, "file-outside")]
    assert result.data is not None
    assert "secret" not in result.data.units


@needs_symlinks
def test_a_chain_of_links_ending_outside_is_refused(outside: Path, tmp_path: Path) -> None:
    root = package(tmp_path / "pkg")
    (root / "relais.yaml").symlink_to(outside / "secret.yaml")
    (root / "lien.yaml").symlink_to(root / "relais.yaml")
    result = load_package(root)
    assert sorted(located(result, root)) == [
        ("lien.yaml", None, "file-outside"),
        ("relais.yaml", None, "file-outside"),
    ]


@needs_symlinks
def test_a_linked_manifest_outside_is_refused(outside: Path, tmp_path: Path) -> None:
    """The documented rule: "symbolic links cannot lead outside the package folder". The
    manifest is the one file the loader reads without checking where it leads."""
    elsewhere = package(outside / "autre-paquet")
    root = tmp_path / "pkg"
    root.mkdir()
    (root / "orgchart.yaml").symlink_to(elsewhere / "orgchart.yaml")
    result = load_package(root)
    assert [code for _f, _l, code in located(result, root)] == ["file-outside"]
    assert result.data is None


@needs_symlinks
def test_a_link_loop_is_reported_not_raised(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``a.yaml -> b.yaml -> a.yaml``: ``Path.resolve`` raises RuntimeError on Python 3.11
    (OSError on 3.13); the loader must report the files, not crash."""
    root = package(tmp_path / "pkg")
    (root / "a.yaml").symlink_to("b.yaml")
    (root / "b.yaml").symlink_to("a.yaml")
    assert package_files(root)[0] == root / "orgchart.yaml"  # used by Sphinx on every build
    result = load_package(root)
    assert {f for f, _line, _code in located(result, root)} == {"a.yaml", "b.yaml"}
    status, lines = validate(root, capsys, monkeypatch)
    assert status == 1
    assert len(lines) == 2


@needs_symlinks
def test_a_link_loop_between_folders_ends(tmp_path: Path) -> None:
    root = package(tmp_path / "pkg", {"ville/services.yaml": SERVICE})
    (root / "ville" / "retour").symlink_to("..", target_is_directory=True)
    start = time.perf_counter()
    result = load_package(root)
    assert time.perf_counter() - start < 2
    assert result.data is not None
    assert "drh" in result.data.units
