"""The read cache: a rebuild parses again only the files that changed, and loads exactly
what a load without the cache loads (data, problems and their lines)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sphinx_orgchart.loader import LoadResult, ReadCache, load_package
from sphinx_orgchart.loader.yamlsource import SourceInt

from .sphinx_helpers import build

EXAMPLE = Path(__file__).resolve().parents[1] / "example_org"


def _same(a: LoadResult, b: LoadResult) -> None:
    assert a.data is not None
    assert b.data is not None
    assert a.data.package.model_dump() == b.data.package.model_dump()
    assert [(p.code, str(p.path), p.line, p.message("en")) for p in a.problems] == [
        (p.code, str(p.path), p.line, p.message("en")) for p in b.problems
    ]
    assert a.files == b.files


@pytest.fixture
def package(tmp_path: Path) -> Path:
    target = tmp_path / "org"
    shutil.copytree(EXAMPLE, target)
    return target


def test_a_second_load_parses_nothing_and_loads_the_same(package: Path) -> None:
    cache = ReadCache()
    first = load_package(package, cache)
    files = len(first.files)
    assert cache.parsed == files
    assert len(cache.entries) == files
    again = ReadCache.loads(cache.dumps())
    second = load_package(package, again)
    assert again.parsed == 0
    _same(second, load_package(package))
    _same(second, first)


def test_an_edited_file_alone_is_parsed_again(package: Path) -> None:
    cache = ReadCache()
    load_package(package, cache)
    cache.parsed = 0
    edited = next(p for p in sorted(package.rglob("*.yaml")) if "name: Direction" in p.read_text())
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("name: Direction", "name: Nouvelle direction", 1), "utf-8")
    result = load_package(package, cache)
    assert cache.parsed == 1
    _same(result, load_package(package))
    assert result.data is not None
    assert any(u.name.startswith("Nouvelle direction") for u in result.data.units.values())


def test_problems_come_back_with_their_lines(package: Path) -> None:
    (package / "ville" / "broken.yaml").write_text(
        "units:\n  - id: x\n    name: [unclosed\n", encoding="utf-8"
    )
    cache = ReadCache()
    first = load_package(package, cache)
    assert any(p.path and p.path.name == "broken.yaml" and p.line for p in first.problems)
    second = load_package(package, ReadCache.loads(cache.dumps()))
    _same(second, first)


def test_removed_files_leave_the_cache(package: Path) -> None:
    cache = ReadCache()
    load_package(package, cache)
    gone = next(p for p in sorted((package / "ville").rglob("*.yaml")))
    gone.unlink()
    load_package(package, cache)
    assert gone.as_posix() not in cache.entries
    assert len(cache.entries) == len(load_package(package).files)


def test_integers_keep_how_they_were_written() -> None:
    import pickle

    number = SourceInt(142764040, "0142764040")
    copy = pickle.loads(pickle.dumps(number))
    assert copy == number
    assert copy.text == "0142764040"


@pytest.mark.parametrize("data", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_an_unreadable_cache_is_an_empty_one(data: bytes) -> None:
    assert ReadCache.loads(data).entries == {}


def test_a_cache_written_by_another_reader_is_not_used(package: Path) -> None:
    import pickle

    cache = ReadCache()
    load_package(package, cache)
    _, entries = pickle.loads(cache.dumps())
    assert ReadCache.loads(pickle.dumps(("another reader", entries))).entries == {}


def test_sphinx_keeps_the_cache_with_the_doctrees(tmp_path: Path, package: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        f'extensions = ["sphinx_orgchart"]\norgchart_data = {str(package)!r}\n', "utf-8"
    )
    (src / "index.rst").write_text("Test\n====\n\n.. org:chart:: ville\n", "utf-8")
    app, _ = build(src)
    stored = ReadCache.loads((Path(app.doctreedir) / "orgchart-files.pickle").read_bytes())
    assert len(stored.entries) == len(load_package(package).files)


def _handbook(tmp_path: Path, package: Path) -> Path:
    src = tmp_path / "book"
    src.mkdir()
    (src / "conf.py").write_text(
        f'extensions = ["sphinx_orgchart"]\norgchart_data = {str(package)!r}\nlanguage = "fr"\n',
        "utf-8",
    )
    (src / "index.rst").write_text(
        "Test\n====\n\n.. org:chart:: ville\n\n.. toctree::\n\n   annuaire\n   org/index\n",
        "utf-8",
    )
    (src / "annuaire.rst").write_text("Annuaire\n========\n\n.. org:directory::\n", "utf-8")
    return src


def _html(src: Path) -> dict[str, bytes]:
    out = src / "_build" / "html"
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.suffix in (".html", ".svg", ".inv")
    }


def test_a_rebuild_with_no_change_does_not_read_the_data(tmp_path: Path, package: Path) -> None:
    from sphinx_orgchart.sphinx.state import get_state

    src = _handbook(tmp_path, package)
    app, _ = build(src)
    assert get_state(app.env).loaded is not None
    first = _html(src)
    again, _ = build(src)
    state = get_state(again.env)
    # nothing read the data: not the pages, the indices, objects.inv or the search index
    assert state.loaded is None
    assert state.data_key
    assert _html(src) == first


def test_the_data_comes_back_from_the_package_when_its_file_is_gone(
    tmp_path: Path, package: Path
) -> None:
    src = _handbook(tmp_path, package)
    app, _ = build(src)
    first = _html(src)
    (Path(app.doctreedir) / "orgchart-data.pickle").unlink()
    (src / "annuaire.rst").write_text(
        (src / "annuaire.rst").read_text("utf-8") + "\n", "utf-8"
    )  # read again: it needs the data
    build(src)
    assert _html(src) == first
