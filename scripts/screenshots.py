"""Take the README's pictures from a real build of the example handbook, in headless
Chromium: the organigramme of the Ville and the page of one unit.

    python scripts/screenshots.py docs/_build/html/handbook docs/_static/screenshots
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import browser_page, serve  # noqa: E402


def main() -> int:
    """Command line."""
    site, target = Path(sys.argv[1]), Path(sys.argv[2])
    target.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, browser_page() as page:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(base + "organigramme.html")
        page.wait_for_load_state("load")
        svg = page.locator(".orgchart-figure object").first.get_attribute("data")
        page.goto(base + str(svg))  # the chart itself, at its natural size
        page.wait_for_load_state("load")
        page.locator("svg").first.screenshot(path=str(target / "chart.png"))
        page.goto(base + "org/ville-drh.html")
        page.wait_for_load_state("load")
        page.locator("div.body").first.screenshot(path=str(target / "unit-page.png"))
    for name in ("chart.png", "unit-page.png"):
        print(target / name, (target / name).stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
