"""In a real browser: a chart's boxes are links, and clicking one opens the unit's page."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser import browser_page, needs_chromium, serve, svg_frame
from .sphinx_helpers import build, copy_root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = copy_root("charts", tmp_path_factory.mktemp("browser") / "src")
    app, _ = build(srcdir, "html")
    return Path(app.outdir)


@needs_chromium
def test_clicking_a_box_opens_the_unit_page(site: Path) -> None:
    with serve(site) as base, browser_page() as page:
        page.goto(base + "index.html")
        chart = svg_frame(page)
        drh = chart.locator("a", has_text="Direction des ressources").first
        drh.click()
        page.wait_for_url("**/org/ville-drh.html*")
        assert (
            page.locator("h1")
            .first.inner_text()
            .startswith("Direction des ressources humaines (DRH)")
        )


@needs_chromium
def test_detailed_chart_link_goes_down_the_page(site: Path) -> None:
    with serve(site) as base, browser_page() as page:
        page.goto(base + "split.html")
        overview = svg_frame(page)
        overview.locator("a", has_text="organigramme détaillé").first.click()
        page.wait_for_url("**/split.html#orgchart-ville--ville-*")


@needs_chromium
def test_text_alternative_opens(site: Path) -> None:
    with serve(site) as base, browser_page() as page:
        page.goto(base + "index.html")
        details = page.locator("details.orgchart-details").first
        link = details.locator("a", has_text="Service paie")
        assert not link.is_visible()
        details.locator("summary").click()
        assert link.is_visible()


@needs_chromium
@pytest.mark.parametrize(
    ("builder", "page_path"), [("html", "org/ville-pop.html"), ("dirhtml", "org/ville-pop/")]
)
def test_clicking_a_box_on_a_nested_page(
    builder: str, page_path: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A unit page sits in ``org/``: its chart's boxes lead to the pages of the units."""
    srcdir = copy_root("charts", tmp_path_factory.mktemp(f"nested-{builder}") / "src")
    app, _ = build(srcdir, builder)
    with serve(Path(app.outdir)) as base, browser_page() as page:
        responses: list[int] = []
        page.on("response", lambda response: responses.append(response.status))
        page.goto(base + page_path)
        chart = svg_frame(page)
        chart.locator("a", has_text="Direction de l").first.click()
        page.wait_for_url("**/org/ville-etat-civil**")
        page.wait_for_load_state("load")
        assert page.locator("h1").first.inner_text().startswith("Direction de l")
        assert 404 not in responses
