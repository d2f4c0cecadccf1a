"""In a real browser: the chart viewer (zoom, fit, full screen, search, whole-box links), on
a top page and on a nested page, and the example handbook's overview read at 1,400 px."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from .browser import browser_page, needs_chromium, serve, svg_frame
from .sphinx_helpers import build, copy_root

ROOT = Path(__file__).resolve().parent.parent

# The size on screen, in CSS pixels, of the text of the chart's first box.
TEXT_PX = """() => {
  const text = document.querySelector('g.node text');
  return parseFloat(text.getAttribute('font-size')) * text.getScreenCTM().a;
}"""

# A point of a box that is inside its border but on none of its links (its padding), in
# the SVG's coordinates; null when the box has no such point.
PADDING_POINT = """(title) => {
  const node = [...document.querySelectorAll('g.node')]
    .find(n => n.querySelector('title').textContent === title);
  const box = node.querySelector(':scope > path, :scope > polygon').getBoundingClientRect();
  const y = box.top + box.height / 2;
  for (let x = box.left + 1; x < box.left + 12; x += 1) {
    const hit = document.elementFromPoint(x, y);
    if (hit && node.contains(hit) && !hit.closest('a')) return {x, y};
  }
  return null;
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = copy_root("charts", tmp_path_factory.mktemp("viewer") / "src")
    app, _ = build(srcdir, "html")
    return Path(app.outdir)


def _scale(page: Any) -> float:
    return float(page.get_attribute("div.orgchart-chart", "data-orgchart-scale"))


def _click_padding(page: Any, chart: Any, title: str) -> None:
    """Click a box of ``chart`` (zoomed to its actual size) beside its text."""
    page.locator("button[data-action=actual]").first.click()
    point = chart.evaluate(PADDING_POINT, title)
    assert point is not None, f"box {title} has no padding"
    origin = page.locator("object.orgchart-svg").first.bounding_box()
    page.mouse.click(origin["x"] + point["x"], origin["y"] + point["y"])


@needs_chromium
@pytest.mark.parametrize("path", ["index.html", "org/ville-pop.html"])
def test_zoom_changes_the_scale(site: Path, path: str) -> None:
    """On a top page and on a unit page (nested in org/)."""
    with serve(site) as base, browser_page() as page:
        page.set_viewport_size({"width": 390, "height": 800})
        page.goto(base + path)
        chart = svg_frame(page)
        fitted, text = _scale(page), chart.evaluate(TEXT_PX)
        # never drawn above its natural size; the top page's chart is squeezed into the phone
        assert fitted < 1 if path == "index.html" else fitted <= 1
        page.locator("button[data-action=zoom-in]").first.click()
        assert _scale(page) == pytest.approx(fitted * 2**0.5, rel=0.01)
        assert chart.evaluate(TEXT_PX) == pytest.approx(text * 2**0.5, rel=0.02)
        page.locator("button[data-action=zoom-out]").first.click()
        page.locator("button[data-action=zoom-out]").first.click()
        assert _scale(page) < fitted
        page.locator("button[data-action=fit]").first.click()
        assert _scale(page) == pytest.approx(fitted, rel=0.01)
        # the frame scrolls, not the page
        assert page.evaluate("document.documentElement.scrollWidth") <= 390


@needs_chromium
def test_keyboard_and_full_screen(site: Path) -> None:
    with serve(site) as base, browser_page() as page:
        page.set_viewport_size({"width": 390, "height": 800})
        page.goto(base + "index.html")
        svg_frame(page)
        fitted = _scale(page)
        frame = page.locator(".orgchart-frame").first
        assert frame.get_attribute("tabindex") == "0"
        assert frame.get_attribute("aria-label").startswith("Organigramme")
        frame.focus()
        page.keyboard.press("+")
        assert _scale(page) > fitted
        page.keyboard.press("1")
        assert _scale(page) == 1
        page.keyboard.press("0")
        assert _scale(page) == pytest.approx(fitted, rel=0.01)
        page.locator("button[data-action=fullscreen]").first.click()
        page.wait_for_function("document.fullscreenElement !== null")
        button = page.locator("button[data-action=fullscreen]").first
        assert button.get_attribute("aria-pressed") == "true"
        assert button.inner_text() == "Quitter le plein écran"


@needs_chromium
def test_search_highlights_the_unit_and_its_path(site: Path) -> None:
    """Accents and case are ignored; the unit found is marked, and so are the boxes and
    links above it, up to the top."""
    with serve(site) as base, browser_page() as page:
        page.goto(base + "org/ville-pop.html")
        chart = svg_frame(page)
        page.locator("input.orgchart-search").first.fill("ETAT civil")
        status = page.locator(".orgchart-search-status").first
        assert status.inner_text() == ("1 sur 1 : Pôle Population › Direction de l'état civil")
        hit = chart.evaluate(
            "() => [...document.querySelectorAll('.orgchart-hit > title')].map(t => t.textContent)"
        )
        path = chart.evaluate(
            "() => [...document.querySelectorAll('.orgchart-path > title')].map(t => t.textContent)"
        )
        assert hit == ["ville-etat-civil"]
        assert sorted(path) == ["ville-etat-civil", "ville-pop", "ville-pop->ville-etat-civil"]
        assert _scale(page) == 1  # shown at a size that reads
        page.locator("input.orgchart-search").first.fill("introuvable")
        assert status.inner_text() == "Aucune unité trouvée"
        assert chart.evaluate("() => document.querySelectorAll('.orgchart-hit').length") == 0


@needs_chromium
def test_search_finds_a_unit_listed_in_a_box(site: Path) -> None:
    with serve(site) as base, browser_page() as page:
        page.goto(base + "index.html")
        chart = svg_frame(page)
        page.locator("input.orgchart-search").first.fill("paie")
        status = page.locator(".orgchart-search-status").first
        assert status.inner_text().endswith(
            "› DRH — Direction des ressources humaines › Service paie"
        )
        hit = chart.evaluate("() => document.querySelector('.orgchart-hit > title').textContent")
        assert hit == "ville-drh"


@needs_chromium
def test_a_click_on_a_box_padding_follows_its_link_top_page(site: Path) -> None:
    with serve(site) as base, browser_page() as page:
        page.goto(base + "index.html")
        _click_padding(page, svg_frame(page), "ville-res")
        page.wait_for_url("**/org/ville-res.html*")


@needs_chromium
@pytest.mark.parametrize(
    ("builder", "page_path"), [("html", "org/ville-pop.html"), ("dirhtml", "org/ville-pop/")]
)
def test_a_click_on_a_box_padding_follows_its_link_nested_page(
    builder: str, page_path: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    srcdir = copy_root("charts", tmp_path_factory.mktemp(f"viewer-{builder}") / "src")
    app, _ = build(srcdir, builder)
    with serve(Path(app.outdir)) as base, browser_page() as page:
        responses: list[int] = []
        page.on("response", lambda response: responses.append(response.status))
        page.goto(base + page_path)
        _click_padding(page, svg_frame(page), "ville-etat-civil")
        page.wait_for_url("**/org/ville-etat-civil**")
        page.wait_for_load_state("load")
        assert page.locator("h1").first.inner_text().startswith("Direction de l")
        assert 404 not in responses


@needs_chromium
def test_from_files_the_viewer_still_zooms(site: Path) -> None:
    """Opened from disk, the page may not see into the SVG (Chromium): zoom, fit and full
    screen still work; the links are the SVG's own."""
    with browser_page() as page:
        page.goto((site / "index.html").as_uri())
        page.wait_for_load_state("load")
        fitted = _scale(page)
        page.locator("button[data-action=zoom-in]").first.click()
        assert _scale(page) > fitted


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = tmp_path_factory.mktemp("viewer-handbook") / "src"
    shutil.copytree(ROOT / "docs" / "handbook", srcdir, ignore=shutil.ignore_patterns("_build"))
    app, _ = build(srcdir, "html", confoverrides={"orgchart_data": str(ROOT / "example_org")})
    return Path(app.outdir)


@needs_chromium
@pytest.mark.parametrize("control", ["zoom-in", "actual", "fullscreen"])
def test_the_example_overview_reads_after_one_click(handbook: Path, control: str) -> None:
    """At 1,400 px the overview's text is 9 px at least: at the default view (the layout
    keeps the overview narrow enough), and after one click on a control it stays so."""
    with serve(handbook) as base, browser_page() as page:
        page.set_viewport_size({"width": 1400, "height": 900})
        page.goto(base + "organigramme.html")
        chart = svg_frame(page)
        assert chart.evaluate(TEXT_PX) >= 9
        page.locator(f"button[data-action={control}]").first.click()
        page.wait_for_timeout(200)  # full screen: the fit follows the window's change
        assert chart.evaluate(TEXT_PX) >= 9
