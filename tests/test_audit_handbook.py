"""The example handbook, the quickstart's project and the test roots, audited as readers
meet them: links and anchors in every page and chart, ids, link schemes, the PDF's
references, and pages that never scroll sideways (see ``tests/audit``)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sphinx_orgchart.cli import main

from .audit import audit_html, audit_latex
from .audit.browser import sideways
from .audit.pdfwords import column_problems, pdf_words
from .browser import browser_page, needs_chromium, serve
from .sphinx_helpers import ROOTS, build, copy_root, make_pdf, warning_lines

ROOT = Path(__file__).resolve().parent.parent
HANDBOOK = ROOT / "docs" / "handbook"
LANGUAGES = ("fr", "en")

needs_latex = pytest.mark.skipif(
    shutil.which("xelatex") is None or shutil.which("pdftotext") is None,
    reason="needs the LaTeX toolchain (scripts/install-system-deps.sh latex poppler)",
)


def _handbook(tmp: Path, builder: str, language: str) -> Path:
    """Build the example handbook with ``builder`` in ``language``; return its output."""
    srcdir = tmp / "src"
    shutil.copytree(HANDBOOK, srcdir, ignore=shutil.ignore_patterns("_build", "org"))
    overrides = {"orgchart_data": str(ROOT / "example_org"), "language": language}
    app, warnings = build(srcdir, builder, confoverrides=overrides)
    assert warning_lines(warnings) == []
    return Path(app.outdir)


@pytest.fixture(scope="module")
def handbook_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _handbook(tmp_path_factory.mktemp("handbook-html"), "html", "fr")


def _assert_clean(report_problems: list[str], summary: str) -> None:
    assert report_problems == [], summary + "\n" + "\n".join(report_problems[:40])


def test_example_handbook_html_fr(handbook_html: Path) -> None:
    report = audit_html(handbook_html)
    _assert_clean(report.problems, report.summary())
    # the audit did look: every page, every chart and its links
    assert report.pages > 240
    assert report.charts > 50
    assert report.chart_links > 900


@pytest.mark.parametrize(
    ("builder", "language"), [("dirhtml", "fr"), ("html", "en"), ("dirhtml", "en")]
)
def test_example_handbook_other_builders(
    builder: str, language: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = _handbook(tmp_path_factory.mktemp(f"handbook-{builder}-{language}"), builder, language)
    report = audit_html(out)
    _assert_clean(report.problems, report.summary())
    assert report.chart_links > 900


@needs_latex
@pytest.mark.parametrize("language", LANGUAGES)
def test_example_handbook_pdf_references(
    language: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = _handbook(tmp_path_factory.mktemp(f"handbook-latex-{language}"), "latex", language)
    done = make_pdf(out)
    assert done.returncode == 0, done.stdout[-3000:]
    report = audit_latex(out)
    _assert_clean(report.problems, report.summary())
    assert report.pages == 1  # the handbook's PDF was found and read
    # every e-mail of the directory stays whole inside its column, broken after its
    # dots and @ only (never "direc-tion.generale@", never over the "Site" column)
    (pdf,) = (p for p in out.glob("*.pdf") if not p.name.startswith("orgchart-"))
    tex = pdf.with_suffix(".tex").read_text(encoding="utf-8")
    emails = sorted(set(re.findall(r"\\sphinxhref\{mailto:([^}]*)\}\{\\sphinxnolinkurl", tex)))
    assert len(emails) > 100
    header = {"fr": "Courriel", "en": "Email"}[language]
    assert column_problems(pdf_words(pdf), header, "Site", emails) == []


@needs_chromium
def test_no_page_of_the_example_handbook_scrolls_sideways(handbook_html: Path) -> None:
    pages = sorted(
        path.relative_to(handbook_html).as_posix()
        for path in handbook_html.rglob("*.html")
        if not path.relative_to(handbook_html).parts[0].startswith("_")
    )
    with serve(handbook_html) as base, browser_page() as page:
        problems = sideways(page, base, pages)
    assert problems == []


# In the browser, the directory's table: its columns inside the page's column, no cell
# wider than itself (a phone number on one line), the "Site" column in the window; on a
# phone, one card a unit.
_DIRECTORY = """() => {
  const table = document.querySelector('.orgchart-directory table');
  const heads = [...table.querySelectorAll('thead th')];
  const site = heads[heads.length - 1].getBoundingClientRect();
  const body = document.querySelector('.body, [role=main]').getBoundingClientRect();
  const cells = [...table.querySelectorAll('tbody td')];
  const phones = [...table.querySelectorAll('a[href^="tel:"]')];
  return {
    header: getComputedStyle(table.querySelector('thead')).display,
    site: heads.length && site.width > 0 && site.right <= window.innerWidth
      && site.right <= body.right + 1,
    table: table.getBoundingClientRect().right <= body.right + 1,
    spilled: cells.filter(td => td.scrollWidth > td.clientWidth + 1)
      .map(td => td.innerText.trim()).slice(0, 5),
    phones: phones.length,
    broken: phones.filter(a => a.getClientRects().length > 1).map(a => a.innerText),
  };
}"""


@needs_chromium
def test_directory_fits_the_window(handbook_html: Path) -> None:
    with serve(handbook_html) as base, browser_page() as page:
        assert sideways(page, base, ["annuaire.html"]) == []
        page.set_viewport_size({"width": 1400, "height": 900})
        page.goto(base + "annuaire.html")
        wide = page.evaluate(_DIRECTORY)
        page.set_viewport_size({"width": 390, "height": 800})
        page.goto(base + "annuaire.html")
        phone = page.evaluate(_DIRECTORY)
        page.goto(base + "org-units.html")
        index_font = page.evaluate(
            "() => getComputedStyle(document.querySelector('.modindextable code.xref')).fontFamily"
        )
    assert "mono" not in index_font.lower()  # the unit index lists names, not code
    assert wide["header"] != "none"
    assert wide["site"], "the Site column is out of the window or the page's column"
    assert wide["table"]
    assert wide["spilled"] == []
    assert wide["phones"] > 100
    assert wide["broken"] == []
    assert phone["header"] == "none"  # cards: each cell on its own line, no header row
    assert phone["spilled"] == []
    assert phone["broken"] == []


@pytest.mark.parametrize(
    "name", sorted(path.name.removeprefix("test-") for path in ROOTS.glob("test-*"))
)
def test_roots(name: str, tmp_path: Path) -> None:
    srcdir = copy_root(name, tmp_path / "src")
    app, _warnings = build(srcdir, "html")
    report = audit_html(Path(app.outdir))
    _assert_clean(report.problems, report.summary())


@pytest.mark.parametrize("language", LANGUAGES)
def test_quickstart_project(language: str, tmp_path: Path) -> None:
    target = tmp_path / "manuel"
    assert (
        main(["quickstart", str(ROOT / "example_org"), "-o", str(target), "--lang", language]) == 0
    )
    app, warnings = build(target, "html")
    assert warning_lines(warnings) == []
    report = audit_html(Path(app.outdir))
    _assert_clean(report.problems, report.summary())
    assert report.chart_links > 0


@needs_latex
def test_quickstart_project_pdf_is_a4_and_resolves_every_reference(tmp_path: Path) -> None:
    target = tmp_path / "manuel"
    assert main(["quickstart", str(ROOT / "example_org"), "-o", str(target), "--lang", "fr"]) == 0
    app, warnings = build(target, "latex")
    assert warning_lines(warnings) == []
    out = Path(app.outdir)
    done = make_pdf(out)
    assert done.returncode == 0, done.stdout[-3000:]
    report = audit_latex(out)
    _assert_clean(report.problems, report.summary())
    info = subprocess.run(
        ["pdfinfo", str(out / "handbook.pdf")], capture_output=True, text=True, check=True
    ).stdout
    width, height = (float(v) for v in re.findall(r"Page size:\s+([\d.]+) x ([\d.]+)", info)[0])
    assert (round(width), round(height)) == (595, 842)  # A4, in points
