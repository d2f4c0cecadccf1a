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
