"""Builds that behave: exact incremental rebuilds, parallel reading, HTML then LaTeX from the
same environment, generated pages tracked, failures on data errors with -W."""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.errors import ConfigError

from .sphinx_helpers import build, copy_root, make_app, warning_lines


def read_docs(srcdir: Path, builder: str = "html", **kwargs: object) -> list[str]:
    """Build and return the documents that were read."""
    app = make_app(srcdir, builder, **kwargs)
    read: list[str] = []
    app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
    try:
        app.build()
    finally:
        app.cleanup()
    return sorted(read)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    srcdir = copy_root("basic", tmp_path / "src")
    assert len(read_docs(srcdir)) == 19  # index, notes, org/index and 16 unit pages
    return srcdir


def edit(srcdir: Path, old: str, new: str, name: str = "ville/units.yaml") -> None:
    path = srcdir / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_no_change_reads_nothing(project: Path) -> None:
    assert read_docs(project) == []


def test_a_deleted_page_comes_back_when_the_data_did_not_change(project: Path) -> None:
    """With unchanged data the pages are known by their digests and not rendered again; a
    page removed from the disk is still written back, and only it is read."""
    page = project / "org" / "ville-paie.rst"
    text = page.read_text(encoding="utf-8")
    page.unlink()
    assert read_docs(project) == ["org/ville-paie"]
    assert page.read_text(encoding="utf-8") == text


def read_and_written(srcdir: Path) -> tuple[list[str], list[str]]:
    """Build; return the documents read, and the documents written (HTML pages)."""
    app = make_app(srcdir, "html")
    read: list[str] = []
    written: list[str] = []
    app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
    app.connect("html-page-context", lambda app, page, *args: written.append(page))
    try:
        app.build()
    finally:
        app.cleanup()
    return sorted(read), sorted(written)


def test_renaming_a_unit_reads_its_page_and_the_charts_that_draw_it(project: Path) -> None:
    edit(project, "name: Service paie", "name: Service de la paie")
    read, written = read_and_written(project)
    # its page, and the pages whose charts draw it: the DG's and the pôle's
    assert read == ["org/ville-dg", "org/ville-paie", "org/ville-res"]
    # its parent's page names it among its sub-units, in a reference named when written:
    # written again, not read again
    assert "org/ville-drh" in written
    assert "org/ville-drh" not in read
    page = (project / "_build" / "html" / "org" / "ville-drh.html").read_text(encoding="utf-8")
    assert "Service de la paie" in page
    assert "Service paie" not in page


def test_a_renaming_is_seen_in_the_directory_without_reading_it(tmp_path: Path) -> None:
    srcdir = copy_root("lists", tmp_path / "src")
    read_docs(srcdir)
    edit(srcdir, "name: Direction des ressources humaines", "name: Direction des RH")
    read, written = read_and_written(srcdir)
    assert "annuaire" not in read
    assert "annuaire" in written
    page = (srcdir / "_build" / "html" / "annuaire.html").read_text(encoding="utf-8")
    assert "Direction des RH (DRH)" in page
    assert "Direction des ressources humaines" not in page


def test_editing_a_referenced_unit_reads_the_referencing_page(project: Path) -> None:
    edit(project, "sigle: DRH", "sigle: DRHM")
    read, written = read_and_written(project)
    # Its own page and the charts that draw it (the DG's, the pôle's, and the Métropole's,
    # with which it is shared); its children's pages (breadcrumb), its parent's
    # (sub-units) and the index page, whose role names it, are written again, not read.
    assert read == ["org/metro-dg", "org/ville-dg", "org/ville-drh", "org/ville-res"]
    assert {"index", "org/ville-carrieres", "org/ville-paie"} <= set(written)
    index = (project / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert "Direction des ressources humaines (DRHM)" in index


def test_adding_a_unit(project: Path) -> None:
    edit(
        project,
        "              - id: ville-old\n",
        "              - id: ville-new\n"
        "                name: Service nouveau\n                level: service\n"
        "                head: {title: Chef}\n              - id: ville-old\n",
    )
    # the new page, its parent's page, the block of its parent in notes, the charts of the DG
    # and of the pôle (not org/index: the new unit is not at the top)
    assert read_docs(project) == [
        "notes",
        "org/ville-dg",
        "org/ville-fin",
        "org/ville-new",
        "org/ville-res",
    ]
    assert (project / "org" / "ville-new.rst").is_file()


def test_removing_a_unit_removes_its_page(project: Path) -> None:
    edit(
        project,
        "              - id: ville-carrieres\n                name: Service carrières\n"
        "                level: service\n                head: {title: Cheffe du service "
        "carrières}\n",
        "",
    )
    assert read_docs(project) == ["org/ville-dg", "org/ville-drh", "org/ville-res"]
    assert not (project / "org" / "ville-carrieres.rst").exists()


def test_hand_written_pages_are_never_touched(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path / "src")
    (srcdir / "org").mkdir()
    mine = srcdir / "org" / "ville-paie.rst"
    mine.write_text(
        "Ma page de la paie\n==================\n\n.. org:unit:: ville-paie\n", encoding="utf-8"
    )
    _, warnings = build(srcdir)
    assert mine.read_text(encoding="utf-8").startswith("Ma page de la paie")
    assert [w for w in warning_lines(warnings) if "ville-inconnue" not in w] == []
    # A generated page edited by hand is left alone, with a warning.
    generated = srcdir / "org" / "ville-fin.rst"
    generated.write_text(generated.read_text(encoding="utf-8") + "\nAjout.\n", encoding="utf-8")
    edit(srcdir, "name: Service budget", "name: Service du budget")
    _, warnings = build(srcdir)
    assert generated.read_text(encoding="utf-8").endswith("Ajout.\n")
    assert any("ville-fin.rst" in w and "orgchart.page" in w for w in warning_lines(warnings))


def test_template_override(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path / "src")
    (srcdir / "_templates").mkdir()
    (srcdir / "_templates" / "unit.rst.jinja").write_text(
        ".. {{ notice }}\n\n.. org:unit-page:: {{ unit.id }}\n   :exclude: contact\n\n"
        "Page de {{ unit.id }}, modèle de la collectivité.\n",
        encoding="utf-8",
    )
    app, _ = build(srcdir, confoverrides={"orgchart_page_template": "_templates/unit.rst.jinja"})
    page = (Path(app.outdir) / "org" / "ville-drh.html").read_text(encoding="utf-8")
    assert "Page de ville-drh, modèle de la collectivité." in page
    assert "Effectif" in page
    assert "mailto" not in page


def test_parallel_build_matches_serial(tmp_path: Path) -> None:
    serial = copy_root("basic", tmp_path / "serial")
    parallel = copy_root("basic", tmp_path / "parallel")
    build(serial)
    _, warnings = build(parallel, parallel=2)
    assert [w for w in warning_lines(warnings) if "ville-inconnue" not in w] == []
    out_a, out_b = serial / "_build" / "html", parallel / "_build" / "html"
    pages = sorted(p.relative_to(out_a) for p in out_a.rglob("*.html"))
    assert pages == sorted(p.relative_to(out_b) for p in out_b.rglob("*.html"))
    different = [p for p in pages if not filecmp.cmp(out_a / p, out_b / p, shallow=False)]
    assert different == []
    # and again incrementally, after an edit
    for srcdir in (serial, parallel):
        edit(srcdir, "name: Service paie", "name: Service de la paie")
    build(serial)
    build(parallel, parallel=2)
    different = [p for p in pages if not filecmp.cmp(out_a / p, out_b / p, shallow=False)]
    assert different == []


def test_html_then_latex_from_the_same_environment(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path / "src")
    build(srcdir, "html")
    doctrees = srcdir / "_build" / "doctrees"
    read = read_docs(srcdir, "latex")
    assert read == []  # nothing read again: LaTeX uses the pickled environment
    assert doctrees.is_dir()
    tex = next((srcdir / "_build" / "latex").glob("*.tex")).read_text(encoding="utf-8")
    assert "Direction des ressources humaines (DRH)" in tex


def test_data_error_fails_with_w(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path / "src")
    edit(
        srcdir,
        "parent: metro-dg\n    head: {title: Directeur de l'eau}",
        "parent: metro-nowhere\n    head: {title: Directeur de l'eau}",
        "metropole/units.yaml",
    )
    (srcdir / "notes.rst").write_text("Notes\n=====\n", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "-q",
            "-b",
            "html",
            str(srcdir),
            str(srcdir / "_build" / "html"),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LANG": "C.UTF-8", "LANGUAGE": ""},
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if "metro-nowhere" in line]
    assert len(lines) == 1
    assert re.search(
        r"data/metropole/units\.yaml:\d+: (WARNING|ERROR): parent: unknown id "
        r"'metro-nowhere' among the units.*\[orgchart\.unknown-reference\]",
        lines[0],
    )


def test_missing_setting_stops_with_a_clear_message(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path / "src")
    with pytest.raises(ConfigError, match="orgchart_data"):
        make_app(srcdir, confoverrides={"orgchart_data": ""})
    with pytest.raises(ConfigError, match="nowhere"):
        make_app(srcdir, confoverrides={"orgchart_data": "nowhere"})


def test_suppress_warnings(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path / "src")
    _, warnings = build(srcdir, confoverrides={"suppress_warnings": ["orgchart.unknown-target"]})
    assert warning_lines(warnings) == []
