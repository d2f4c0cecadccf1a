"""``org:directory`` rows made from the data when the page is written
(``sphinx_orgchart/sphinx/directoryrows.py``).

The HTML writer writes the rows as text from the data; every other builder gets docutils
rows. Each test builds the same handbook twice, the second time with the docutils rows in
HTML too (``HTML_ROWS`` emptied), and compares the pages and the search index byte for byte:
links to unit pages and to another handbook (intersphinx), rows with no page, statuses,
holders, cloaked e-mails, two directories on a page, and hostile texts.
"""

from __future__ import annotations

import pickle
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sphinx_orgchart.sphinx import directoryrows

from .sphinx_helpers import build, copy_root, warning_lines

HOSTILE_NAME = 'Service <script>alert("x")</script> & <b>Cie</b> ; « test » : 40 %'


def _both_ways(
    srcdir: Path,
    monkeypatch: pytest.MonkeyPatch,
    pages: list[str],
    overrides: Callable[[], dict[str, object]] = dict,
) -> dict[str, tuple[str, str]]:
    """Build ``srcdir`` with the rows written from the data, then with docutils rows; the
    text of ``pages`` (and of the search index) both ways. ``overrides`` makes the
    configuration overrides of each build (Sphinx rewrites them in place)."""
    written: dict[str, list[str]] = {}
    for way in ("data", "docutils"):
        copy = srcdir.parent / f"{srcdir.name}-{way}"
        if not copy.exists():
            shutil.copytree(srcdir, copy)
        with monkeypatch.context() as patch:
            if way == "docutils":
                patch.setattr(directoryrows, "HTML_ROWS", frozenset())
            app, warnings = build(copy, "html", confoverrides=overrides())
        assert warning_lines(warnings) == [], way
        out = Path(app.outdir)
        written[way] = [(out / page).read_text(encoding="utf-8") for page in pages]
        written[way].append((out / "searchindex.js").read_text(encoding="utf-8"))
    return {
        page: (data, docutils)
        for page, data, docutils in zip(
            [*pages, "searchindex.js"], written["data"], written["docutils"], strict=True
        )
    }


def _assert_same(pages: dict[str, tuple[str, str]]) -> None:
    for page, (data, docutils) in pages.items():
        assert data == docutils, page


def test_rows_with_statuses_holders_and_hostile_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    srcdir = copy_root("lists", tmp_path / "lists")
    units = srcdir / "data" / "ville" / "units.yaml"
    text = units.read_text(encoding="utf-8")
    assert "name: Direction des ressources humaines" in text
    hostile = text.replace("name: Direction des ressources humaines", f"name: '{HOSTILE_NAME}'")
    units.write_text(hostile, "utf-8")
    manifest = srcdir / "data" / "orgchart.yaml"
    text = manifest.read_text(encoding="utf-8")
    published = "  reviewed: 2025-12-01\n  publish_people: true"
    manifest.write_text(text.replace("  reviewed: 2025-12-01", published), encoding="utf-8")
    pages = _both_ways(
        srcdir, monkeypatch, ["annuaire.html"], lambda: {"orgchart_show_people": True}
    )
    _assert_same(pages)
    page = pages["annuaire.html"][0]
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Cie&lt;/b&gt;" in page
    assert "Claire Exemple" in page  # the holder, the package publishing names
    assert 'class="orgchart-status"' in page


def test_rows_linking_to_unit_pages_twice_on_a_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    srcdir = copy_root("anchors", tmp_path / "anchors")
    pages = _both_ways(srcdir, monkeypatch, ["index.html", "listes.html"])
    _assert_same(pages)
    listes = pages["listes.html"][0]
    assert listes.count('id="org-directory-entry-ville-drh"') == 1  # the first directory's
    assert 'href="index.html#org-unit-ville-drh"' in listes


def test_rows_linking_to_another_handbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    metro = copy_root("metropole", tmp_path / "metropole")
    metro_out = Path(build(metro, "html")[0].outdir)
    ville = copy_root("ville", tmp_path / "ville")
    (ville / "annuaire.rst").write_text(
        ":orphan:\n\nAnnuaire\n========\n\n.. org:directory::\n", encoding="utf-8"
    )
    pages = _both_ways(
        ville,
        monkeypatch,
        ["annuaire.html"],
        lambda: {
            "intersphinx_mapping": {"metropole": (str(metro_out), str(metro_out / "objects.inv"))}
        },
    )
    _assert_same(pages)
    page = pages["annuaire.html"][0]
    assert f'href="{metro_out}/org/metro-dsi.html#org-unit-metro-dsi"' in page
    assert 'href="org/ville-drh.html#org-unit-ville-drh"' in page


def test_the_pickled_page_keeps_ids_not_rows(tmp_path: Path) -> None:
    srcdir = copy_root("lists", tmp_path / "lists")
    app, _ = build(srcdir, "html")
    doctree = pickle.loads((Path(app.doctreedir) / "annuaire.doctree").read_bytes())
    (node,) = doctree.findall(directoryrows.directory)
    assert "ville-drh" in node["units"]
    assert node["anchors"]["ville-drh"] == "org-directory-entry-ville-drh"
    assert node.children == []  # no table: the rows are made when the page is written


def test_other_builders_get_docutils_rows(tmp_path: Path) -> None:
    srcdir = copy_root("lists", tmp_path / "lists")
    app, warnings = build(srcdir, "text")
    assert warning_lines(warnings) == []
    text = (Path(app.outdir) / "annuaire.txt").read_text(encoding="utf-8")
    assert "Rattachement" in text  # the header
    assert "(DRH)" in text  # a cell is wrapped on its column's lines
    assert "drh@mini.example" in text
    assert re.search(r"03\s00\s00\s00\s01", text)  # no-break spaces between its pairs


def test_only_the_pages_with_a_directory_are_looked_at(tmp_path: Path) -> None:
    srcdir = copy_root("lists", tmp_path / "lists")
    app, _ = build(srcdir, "html")
    pages = app.env.domaindata["org"]["rows_at_write"]
    assert pages == {("directory", "annuaire"): ("annuaire", "")}
    (srcdir / "annuaire.rst").write_text("Annuaire\n========\n\nÀ venir.\n", encoding="utf-8")
    app, _ = build(srcdir, "html")
    assert app.env.domaindata["org"]["rows_at_write"] == {}  # forgotten with its page
    assert 'class="orgchart-directory"' not in (Path(app.outdir) / "annuaire.html").read_text(
        "utf-8"
    )
