"""The pages of the domain's indices: a rebuild that writes no document keeps them as they
were written (``sphinx_orgchart.sphinx.indexpages``); any other build writes them again, and
what it writes is what a clean build writes."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest
from sphinx.errors import ThemeError

from sphinx_orgchart.sphinx import indexpages, warmup

from .sphinx_helpers import build, copy_root, make_app

MARK = "<!-- kept by the rebuild -->\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    srcdir = copy_root("basic", tmp_path / "project")
    build(srcdir)
    return srcdir


def page(srcdir: Path, name: str = "org-units", builder: str = "html") -> Path:
    if builder == "dirhtml":
        return srcdir / "_build" / builder / name / "index.html"
    return srcdir / "_build" / builder / f"{name}.html"


def clean_page(srcdir: Path, name: str = "org-units", builder: str = "html") -> str:
    """The page a clean build of the same sources writes."""
    clean = srcdir.parent / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    shutil.copytree(srcdir, clean, ignore=shutil.ignore_patterns("_build"))
    build(clean, builder)
    return page(clean, name, builder).read_text(encoding="utf-8")


def mark(path: Path) -> None:
    """Change the page on the disk, so that a test sees whether a build wrote it again."""
    path.write_text(path.read_text(encoding="utf-8") + MARK, encoding="utf-8")


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_a_rebuild_with_no_change_keeps_the_index_pages(project: Path, builder: str) -> None:
    if builder != "html":
        build(project, builder)
    for name in ("org-units", "org-shared"):
        path = page(project, name, builder)
        assert path.is_file()
        before = path.read_text(encoding="utf-8")
        mark(path)
        build(project, builder)
        assert path.read_text(encoding="utf-8") == before + MARK, name


def test_a_rebuild_that_writes_a_document_writes_the_index_pages(project: Path) -> None:
    path = page(project)
    mark(path)
    notes = project / "notes.rst"
    notes.write_text(notes.read_text(encoding="utf-8") + "\nUne ligne de plus.\n", "utf-8")
    build(project)
    assert MARK not in path.read_text(encoding="utf-8")
    assert path.read_text(encoding="utf-8") == clean_page(project)


def test_a_renamed_unit_is_renamed_in_the_index(project: Path) -> None:
    path = page(project)
    mark(path)
    units = project / "data" / "ville" / "units.yaml"
    text = units.read_text(encoding="utf-8")
    assert "name: Direction de la communication" in text
    units.write_text(text.replace("name: Direction de la communication", "name: Dircom"), "utf-8")
    build(project)
    written = path.read_text(encoding="utf-8")
    assert MARK not in written
    assert "Dircom" in written
    assert written == clean_page(project)


def test_a_new_style_sheet_writes_the_index_pages_again(project: Path) -> None:
    """A setting changed: Sphinx writes every document again, and the indices with them."""
    path = page(project)
    mark(path)
    build(project, confoverrides={"html_css_files": ["extra.css"]})
    assert MARK not in path.read_text(encoding="utf-8")
    assert "extra.css" in path.read_text(encoding="utf-8")


def test_a_deleted_index_page_is_written_again(project: Path) -> None:
    path = page(project)
    before = path.read_text(encoding="utf-8")
    path.unlink()
    build(project)
    assert path.read_text(encoding="utf-8") == before


def test_a_build_stopped_after_writing_the_page_does_not_keep_it(project: Path) -> None:
    """The record of what the pages show is left out while a page is written again: a
    build that stops then leaves no record that a later build could trust."""
    record = project / "_build" / "doctrees" / "orgchart-index-pages-html.json"
    assert "org-units" in record.read_text(encoding="utf-8")
    app = make_app(project)
    try:
        indexpages.note_written(app, None, "notes")  # type: ignore[arg-type]
        context = {"css_files": [], "script_files": [], "css_tag": str, "js_tag": str}
        kept = indexpages.index_page_context(app, "org-units", "domainindex.html", context, None)
        assert kept is None  # written again
        assert "org-units" not in record.read_text(encoding="utf-8")
    finally:
        app.cleanup()


def test_the_collector_runs_again_after_a_build(project: Path) -> None:
    """The collector, stopped while Sphinx unpickles the environment, runs again once the
    builder is made; a build that fails in between leaves it to the next build."""
    assert gc.isenabled()
    build(project)
    assert gc.isenabled()
    with pytest.raises(ThemeError):
        make_app(project, confoverrides={"html_theme": "no-such-theme"})
    assert not gc.isenabled()
    assert warmup._LEFT_SUSPENDED
    build(project)
    assert gc.isenabled()
    assert not warmup._LEFT_SUSPENDED
