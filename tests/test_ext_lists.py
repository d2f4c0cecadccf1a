"""org:levels (glossary), org:shared (mutualisation) and org:directory (annuaire)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sphinx.util.inventory import InventoryFile

from .audit.pdfwords import gap_before, pdf_words
from .browser import browser_page, needs_chromium, serve
from .sphinx_helpers import build, copy_root, make_pdf, warning_lines


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = copy_root("lists", tmp_path_factory.mktemp("lists") / "src")
    app, warnings = build(srcdir, "html")
    assert warning_lines(warnings) == []
    return Path(app.outdir)


def test_levels_are_glossary_terms(html: Path) -> None:
    page = (html / "glossaire.html").read_text(encoding="utf-8")
    assert '<dt id="term-Pole">Pôle' in page or re.search(r'<dt id="term-P[^"]*">Pôle', page)
    for text in (
        "Un regroupement de directions.",
        "Se place sous\u00a0: Direction générale",
        "Peut contenir\u00a0: Direction",
        "2 unités",
        "Par exemple\u00a0:",
    ):
        assert text in page, text
    # the colon is held to its word by a no-break space, never a plain one
    assert not re.search(r"\w :", page)
    assert 'href="org/ville-res.html#org-unit-ville-res"' in page
    # :term: and :org:level: link to the same place
    index = (html / "index.html").read_text(encoding="utf-8")
    term = re.search(
        r'href="(glossaire\.html#term-[^"]+)"[^>]*><span class="xref std '
        r'std-term">pôle',
        index,
    )
    level = re.search(
        r'href="(glossaire\.html#term-[^"]+)"[^>]*><span class="xref org '
        r'org-level">Direction',
        index,
    )
    assert term is not None
    assert level is not None
    # and the unit pages link their level to its term
    drh = (html / "org" / "ville-drh.html").read_text(encoding="utf-8")
    assert level.group(1).replace("glossaire.html", "../glossaire.html") in drh


def test_levels_are_in_the_inventory(html: Path) -> None:
    inventory = InventoryFile.load(
        (html / "objects.inv").open("rb"), "", lambda *a: "/".join(a[1:])
    )
    assert "pôle" in {k.lower() for k in inventory["std:term"]}
    assert inventory["org:level"]["pole"].uri.startswith("glossaire.html#term-")


def test_shared_units(html: Path) -> None:
    page = (html / "mutualisation.html").read_text(encoding="utf-8")
    assert "Mode de mutualisation" in page
    assert re.search(r"service commun</p></td>\s*<td><p>2</p>", page)
    for text in (
        "Direction des ressources humaines (DRH)",
        "CONV-2019-12 (15\u00a0décembre\u00a02019)",
        "1er\u00a0janvier\u00a02020",
        "Ville — Métropole",
    ):
        assert text in page, text
    assert not re.search(r"\b1\s+janvier", page)  # the first of the month is "1er"
    # the index of shared units is headed by the modes, as headings begin
    index = (html / "org-shared.html").read_text(encoding="utf-8")
    assert "<strong>Service commun</strong>" in index
    assert "<strong>service commun</strong>" not in index
    # the unit page links to its row
    drh = (html / "org" / "ville-drh.html").read_text(encoding="utf-8")
    assert 'href="../mutualisation.html#org-shared-entry-ville-drh"' in drh


def test_directory(html: Path) -> None:
    page = (html / "annuaire.html").read_text(encoding="utf-8")
    assert 'class="orgchart-directory"' in page
    assert re.search(r'data-search-label="Rechercher dans l(&#39;|\')annuaire"', page)
    assert "orgchart-directory.js" in page
    rows = re.findall(r"<tr class=\"row-(?:odd|even)\">", page)
    # header, the Ville's 11 current units, the one still to come and the DSI it shares
    assert len(rows) == 1 + 13
    assert re.search(r"Direction du futur</span></a> <span class=\"orgchart-status\">prévue", page)
    # names are printed as written: SmartQuotes leaves the apostrophe alone
    assert re.search(r"Direction des systèmes d(&#39;|')information \(DSI\)", page)
    assert "Service comptabilité" not in page  # closed
    assert 'href="tel:0300000001"' in page
    assert "vacant" in page
    assert "intérim" in page
    drh = (html / "org" / "ville-drh.html").read_text(encoding="utf-8")
    assert 'href="../annuaire.html#org-directory-entry-ville-drh"' in drh


def _with_people(tmp_path: Path, show: bool, publish: bool) -> str:
    srcdir = copy_root("lists", tmp_path / f"src-{show}-{publish}")
    manifest = srcdir / "data" / "orgchart.yaml"
    text = manifest.read_text(encoding="utf-8")
    allowed = f"  reviewed: 2025-12-01\n  publish_people: {str(publish).lower()}"
    manifest.write_text(text.replace("  reviewed: 2025-12-01", allowed), encoding="utf-8")
    app, _ = build(srcdir, "html", confoverrides={"orgchart_show_people": show})
    return (Path(app.outdir) / "annuaire.html").read_text(encoding="utf-8") + (
        Path(app.outdir) / "org" / "ville-dg.html"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("show", "publish", "printed"),
    [(True, True, True), (True, False, False), (False, True, False), (False, False, False)],
)
def test_names_only_when_both_allow(
    tmp_path: Path, show: bool, publish: bool, printed: bool
) -> None:
    pages = _with_people(tmp_path, show, publish)
    assert ("Claire Exemple" in pages) is printed
    assert "Directrice générale des services" in pages


def test_text_output(tmp_path: Path) -> None:
    srcdir = copy_root("lists", tmp_path / "src")
    app, warnings = build(srcdir, "text")
    assert warning_lines(warnings) == []
    out = Path(app.outdir)
    glossary = (out / "glossaire.txt").read_text(encoding="utf-8")
    assert "Peut contenir\u00a0: Direction" in glossary
    assert "Peut contenir :" not in glossary
    assert "CONV-2019-12" in (out / "mutualisation.txt").read_text(encoding="utf-8")
    directory = (out / "annuaire.txt").read_text(encoding="utf-8")
    assert "Rattachement" in directory
    assert "Rechercher" not in directory


def test_latex_tables_break_across_pages(tmp_path: Path) -> None:
    srcdir = copy_root("lists", tmp_path / "src")
    app, warnings = build(srcdir, "latex")
    assert warning_lines(warnings) == []
    tex = (Path(app.outdir) / "listes.tex").read_text(encoding="utf-8")
    assert tex.count("\\begin{longtable}") >= 4  # summary, two shared tables, directory
    assert "Se place sous\u00a0: Direction générale" in tex
    assert "Se place sous :" not in tex
    # before ; ! ? a no-break space that babel-french replaces with its thin one
    assert "regroupe des directions\u00a0; une" in tex
    assert "\u202f;" not in tex


@pytest.mark.skipif(shutil.which("xelatex") is None, reason="needs the LaTeX toolchain")
def test_pdf_builds(tmp_path: Path) -> None:
    srcdir = copy_root("lists", tmp_path / "src")
    app, _ = build(srcdir, "latex")
    done = make_pdf(Path(app.outdir))
    assert done.returncode == 0, done.stdout[-3000:]
    text = subprocess.run(
        ["pdftotext", str(Path(app.outdir) / "listes.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Mode de mutualisation" in text
    assert "Service carrières" in text
    # babel-french spaces ; : ! ? itself: the no-break space the page hands it is taken
    # out and set once, a word space before ":", a thin one before ";", never two
    words = pdf_words(Path(app.outdir) / "listes.pdf")
    (word_space,) = set(gap_before(words, "place", "sous"))
    colon, semicolon = gap_before(words, "sous", ":"), gap_before(words, "directions", ";")
    assert colon
    assert all(abs(gap - word_space) < 0.2 for gap in colon), (colon, word_space)
    assert semicolon
    assert all(0.3 < gap < 0.7 * word_space for gap in semicolon), (semicolon, word_space)


@needs_chromium
def test_directory_filters_as_one_types(html: Path) -> None:
    with serve(html) as base, browser_page() as page:
        page.goto(base + "annuaire.html")
        search = page.get_by_role("searchbox", name="Rechercher dans l'annuaire")
        rows = page.locator(".orgchart-directory tbody tr")
        assert rows.count() == 13
        search.fill("education")  # accents and case ignored
        visible = [r for r in rows.all() if r.is_visible()]
        assert [r.inner_text().split("\t")[0].strip() for r in visible] == ["Direction Éducation"]
        assert "1 unité sur 13" in page.locator(".orgchart-directory-count").inner_text()
        search.fill("service chef")
        assert len([r for r in rows.all() if r.is_visible()]) == 3
        search.fill("")
        assert len([r for r in rows.all() if r.is_visible()]) == 13


def test_unknown_ids_in_options_are_located_warnings(tmp_path: Path) -> None:
    srcdir = copy_root("lists", tmp_path / "src")
    (srcdir / "annuaire.rst").write_text(
        "Annuaire\n========\n\n.. org:directory::\n   :organisation: villle\n\n"
        ".. org:levels::\n   :organisation: nope\n",
        encoding="utf-8",
    )
    _, warnings = build(srcdir, "html", confoverrides={"language": "en"})
    # (in English, the glossary's terms are English: the French :term: of index.rst misses)
    lines = [w for w in warning_lines(warnings) if "ref.term" not in w]
    assert len(lines) == 2
    assert "annuaire.rst:4" in lines[0]
    assert "unknown id 'villle' in :organisation: of org:directory" in lines[0]
    assert lines[0].endswith("[orgchart.unknown-target]")
    assert "annuaire.rst:7" in lines[1]
