"""org:chart in a handbook: clickable SVG in HTML, legible PDF, text alternative everywhere."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .sphinx_helpers import build, copy_root, make_pdf, warning_lines


class _Objects(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.objects: list[dict[str, str | None]] = []
        self.details = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "object":
            self.objects.append(dict(attrs))
        if tag == "details":
            self.details += 1


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = copy_root("charts", tmp_path_factory.mktemp("charts") / "src")
    app, warnings = build(srcdir, "html")
    assert warning_lines(warnings) == []
    return Path(app.outdir)


def test_charts_are_svg_objects_with_links(html: Path) -> None:
    page = (html / "index.html").read_text(encoding="utf-8")
    parser = _Objects()
    parser.feed(page)
    assert len(parser.objects) == 2
    first = parser.objects[0]
    assert first["type"] == "image/svg+xml"
    assert first["role"] == "img"
    assert parser.objects[1]["aria-label"] == "Le pôle Ressources et ses directions"
    svg = (html / str(first["data"])).read_text(encoding="utf-8")
    # every unit of the chart links to its page, from the images folder, in the top window
    assert 'xlink:href="../org/ville-drh.html#org-unit-ville-drh"' in svg
    assert 'xlink:href="../org/ville-paie.html#org-unit-ville-paie"' in svg
    assert 'target="_top"' in svg
    assert "Directrice générale" in svg  # :show-head:


def test_text_alternative_and_caption(html: Path) -> None:
    page = (html / "index.html").read_text(encoding="utf-8")
    parser = _Objects()
    parser.feed(page)
    assert parser.details == 2
    assert "<summary>Unités de cet organigramme (" in page
    details = page[page.index("<details") : page.index("</details>")]
    assert 'href="org/ville-paie.html#org-unit-ville-paie"' in details
    assert "La Ville de Mini au 1er janvier 2026" in page
    assert 'class="orgchart-legend"' in page
    assert "Unités mutualisées de la Métropole" in details  # the DSI, shared into the Ville


def test_split_charts_link_both_ways(html: Path) -> None:
    page = (html / "split.html").read_text(encoding="utf-8")
    assert page.count("<object") == 3  # the overview and one chart per pôle
    assert "Organigramme détaillé\u00a0: Pôle Ressources" in page
    assert 'href="#orgchart-ville"' in page  # back to the overview
    overview = re.search(r'data="(_images/orgchart-[0-9a-f]+\.svg)"', page)
    assert overview is not None
    svg = (html / overview.group(1)).read_text(encoding="utf-8")
    assert 'xlink:href="../split.html#orgchart-ville--ville-res"' in svg


def test_unit_pages_have_their_chart(html: Path) -> None:
    page = (html / "org" / "ville-res.html").read_text(encoding="utf-8")
    assert page.count("<object") == 1
    assert "<object" not in (html / "org" / "ville-paie.html").read_text(encoding="utf-8")


def test_poster_download(html: Path) -> None:
    page = (html / "index.html").read_text(encoding="utf-8")
    match = re.search(
        r'<a class="reference download" download="([^"]+)" '
        r'href="(_downloads/[^"]+\.pdf)">Organigramme de la Ville de Mini \(PDF\)'
        r"</a> — \d+\u00a0Ko",  # the size held to its unit
        page,
    )
    assert match, page[page.find("orgchart-poster") - 200 : page.find("orgchart-poster") + 400]
    assert (html / match.group(2)).read_bytes().startswith(b"%PDF")


def test_same_data_same_svg(tmp_path: Path, html: Path) -> None:
    srcdir = copy_root("charts", tmp_path / "again")
    app, _ = build(srcdir, "html")
    first = sorted(p.name for p in (html / "_images").glob("*.svg"))
    second = sorted(p.name for p in (Path(app.outdir) / "_images").glob("*.svg"))
    assert first == second
    for name in first:
        assert (html / "_images" / name).read_bytes() == (
            Path(app.outdir) / "_images" / name
        ).read_bytes()


def test_text_builder_shows_the_list(tmp_path: Path) -> None:
    srcdir = copy_root("charts", tmp_path / "src")
    app, warnings = build(srcdir, "text")
    assert warning_lines(warnings) == []
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert "Unités de cet organigramme\u00a0:" in text
    assert "Service paie" in text
    assert "Organigramme de la Ville de Mini (PDF)" not in text  # no download in text


def test_latex_places_charts_legibly(tmp_path: Path) -> None:
    srcdir = copy_root("charts", tmp_path / "src")
    app, warnings = build(srcdir, "latex")
    assert warning_lines(warnings) == []
    tex = (Path(app.outdir) / "organigrammes.tex").read_text(encoding="utf-8")
    assert "\\usepackage{pdflscape}" in tex
    widths = [float(w) for w in re.findall(r"\\sphinxincludegraphics\[width=([\d.]+)in\]", tex)]
    assert widths
    assert all(w <= 9.2 for w in widths)
    assert "Unités de cet organigramme" in tex


@pytest.mark.skipif(
    shutil.which("xelatex") is None or shutil.which("pdftotext") is None,
    reason="needs the LaTeX toolchain (scripts/install-system-deps.sh latex)",
)
def test_pdf_charts_contain_the_unit_names(tmp_path: Path) -> None:
    srcdir = copy_root("charts", tmp_path / "src")
    app, _ = build(srcdir, "latex")
    outdir = Path(app.outdir)
    done = make_pdf(outdir)
    assert done.returncode == 0, done.stdout[-3000:]
    charts = sorted(outdir.glob("orgchart-[0-9a-f]*.pdf"))
    assert charts
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(chart), "-"], capture_output=True, text=True, check=True
        ).stdout
        for chart in charts
    )
    text = " ".join(text.split())  # names are wrapped over lines in the boxes
    assert "Direction des ressources humaines" in text
    assert "Service paie" in text
    book = subprocess.run(
        ["pdftotext", str(outdir / "organigrammes.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Service paie" in book


def test_deep_splits_continue_on_unit_pages(tmp_path: Path, example_org: Path) -> None:
    """With unit pages, a big chart draws one level of detailed charts; deeper, its boxes
    link to the charts on their units' pages."""
    srcdir = copy_root("charts", tmp_path / "src")
    (srcdir / "split.rst").write_text(
        "Découpage\n=========\n\n.. org:chart:: ville\n   :max-boxes: 6\n", encoding="utf-8"
    )
    (srcdir / "index.rst").write_text(
        "Organigrammes\n=============\n\n.. toctree::\n\n   org/index\n   split\n", encoding="utf-8"
    )
    app, warnings = build(srcdir, "html", confoverrides={"orgchart_data": str(example_org)})
    assert [w for w in warning_lines(warnings) if "ville-" in w] == []
    out = Path(app.outdir)
    page = (out / "split.html").read_text(encoding="utf-8")
    svgs = re.findall(r'data="(_images/orgchart-[0-9a-f]+\.svg)"', page)
    # the overview (in two parts: 6 boxes at most) and the pôles, not every direction
    assert 1 < len(svgs) <= 10
    texts = [(out / svg).read_text(encoding="utf-8") for svg in svgs]
    linked = [t for t in texts if "son organigramme →" in t]
    assert linked
    target = re.search(r'xlink:href="\.\./org/([a-z0-9.-]+)\.html#orgchart-\1"', linked[0])
    assert target is not None
    unit_page = (out / "org" / f"{target.group(1)}.html").read_text(encoding="utf-8")
    assert f'id="orgchart-{target.group(1)}"' in unit_page
