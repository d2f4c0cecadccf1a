"""The charts sphinx-orgchart draws on unit pages, as DOT for the hand-written variants.

To compare like with like, the plain reST handbook carries, on the same pages, the very
charts sphinx-orgchart draws (same boxes, same splitting into an overview and detailed
charts), written as ``graphviz`` directives: the DOT comes from sphinx-orgchart's own chart
model (:mod:`sphinx_orgchart.graph`), which does not import Sphinx.
"""

from __future__ import annotations

import hashlib
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .generate import render

__all__ = ["PageChart", "chart_stats", "page_charts"]

MAX_BOXES = 40
"""``orgchart_chart_max_boxes``'s default."""

ROW_WIDTH = 5
"""``orgchart_chart_row_width``'s default."""


@dataclass(frozen=True)
class PageChart:
    """One chart of a page: its title, its DOT source and the units it shows."""

    chart_id: str
    title: str
    dot: str
    units: tuple[str, ...]
    boxes: int


_CACHE: dict[str, dict[str, list[PageChart]]] = {}


def page_charts(files: dict[str, dict[str, Any]]) -> dict[str, list[PageChart]]:
    """Unit id -> the charts sphinx-orgchart draws on its page (cached by content)."""
    texts = render(files)
    key = hashlib.sha256("\0".join(f"{k}\0{v}" for k, v in texts.items()).encode()).hexdigest()
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = _compute(texts)
    return _CACHE[key]


def _compute(texts: dict[str, str]) -> dict[str, list[PageChart]]:
    from sphinx_orgchart.graph import ChartSpec, build_charts, default_title, to_dot
    from sphinx_orgchart.graph.build import boxed_children
    from sphinx_orgchart.loader import load_package

    with tempfile.TemporaryDirectory(prefix="orgchart-bench-charts-") as tmp:
        for name, text in texts.items():
            path = Path(tmp) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        data = load_package(tmp).data
    if data is None:
        raise RuntimeError("the generated package did not load")
    charts: dict[str, list[PageChart]] = {}
    for unit in data.package.units:
        if boxed_children(data, unit.id) < 2:
            continue
        spec = ChartSpec(
            roots=(unit.id,),
            organisation=unit.organisation,
            max_boxes=MAX_BOXES,
            row_width=ROW_WIDTH,
            language="fr",
            # as on the extension's unit pages: one level of detailed charts, deeper ones on
            # the sub-units' own pages (see ChartDirective.spec)
            inline_levels=1,
        )
        built = build_charts(data, spec, f"orgchart-{unit.id}", default_title(data, spec))
        charts[unit.id] = [
            PageChart(
                chart.id, chart.title, to_dot(chart), tuple(chart.unit_ids()), len(chart.boxes)
            )
            for chart in built
        ]
    return charts


def chart_stats(files: dict[str, dict[str, Any]], slowest: int = 5) -> dict[str, Any]:
    """How many charts the unit pages carry, how big they are, and how long ``dot -Tsvg``
    takes on the ``slowest`` charts with the most units (one process each, as in a build)."""
    charts = [chart for page in page_charts(files).values() for chart in page]
    if not charts:
        return {"charts": 0}
    biggest = sorted(charts, key=lambda c: (len(c.units), len(c.dot)), reverse=True)[:slowest]
    times = []
    for chart in biggest:
        start = time.perf_counter()
        subprocess.run(["dot", "-Tsvg"], input=chart.dot.encode(), capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return {
        "charts": len(charts),
        "pages_with_charts": len(page_charts(files)),
        "max_boxes": max(c.boxes for c in charts),
        "max_units": max(len(c.units) for c in charts),
        "median_units": statistics.median(len(c.units) for c in charts),
        "render_biggest_s": [round(t, 3) for t in times],
        "render_max_s": max(times),
    }


# -- the charts table: drawn, lost, biggest, under 7 pt on A4 landscape ------------------


def _handbook_charts(data: Any) -> list[Any]:
    """The charts a handbook with unit pages draws: one per organisation (split as the
    ``org:chart`` directive splits it), and the chart of each unit page."""
    from sphinx_orgchart.graph import ChartSpec, build_charts, default_title
    from sphinx_orgchart.graph.build import boxed_children

    specs = [
        ChartSpec(organisation=org, legend=True, inline_levels=1, max_boxes=MAX_BOXES)
        for org in data.organisations
    ]
    specs += [
        ChartSpec(roots=(u.id,), organisation=u.organisation, inline_levels=1, max_boxes=MAX_BOXES)
        for u in data.package.units
        if boxed_children(data, u.id) >= 2
    ]
    charts = []
    for number, spec in enumerate(specs):
        charts.extend(build_charts(data, spec, f"c{number}", default_title(data, spec)))
    return charts


def measure_charts(name: str, data: Any) -> dict[str, Any]:
    """Draw every chart of a package as the PDF build does (other routings when ``dot``
    fails, narrower rows when it does not print legibly) and count what prints."""
    from dataclasses import replace

    from sphinx_orgchart.graph import RenderError
    from sphinx_orgchart.graph.dot import FONT_SIZE, dot_variants
    from sphinx_orgchart.graph.printing import MIN_SCALE, best_print
    from sphinx_orgchart.graph.render import render_best

    charts = _handbook_charts(data)
    drawn = lost = rerouted = under = 0
    biggest: dict[str, Any] = {"boxes": 0}
    widest: dict[str, Any] = {"width_in": 0.0}
    smallest = float(FONT_SIZE)
    start = time.perf_counter()
    for chart in charts:
        reroutes: list[int] = []

        def draw(width: int, chart: Any = chart, reroutes: list[int] = reroutes) -> bytes | None:
            try:
                drawing = render_best(dot_variants(replace(chart, row_width=width)), "pdf")
            except RenderError:
                return None
            reroutes.append(drawing.variant)
            return drawing.data

        best = best_print(chart.row_width, draw)
        if best is None:
            lost += 1
            continue
        drawn += 1
        rerouted += bool(reroutes and reroutes[0])
        _width, placement, size = best
        smallest = min(smallest, FONT_SIZE * placement.scale)
        under += placement.scale < MIN_SCALE - 1e-9
        if len(chart.boxes) > biggest["boxes"]:
            biggest = {"boxes": len(chart.boxes), "title": chart.title}
        if size[0] > widest["width_in"]:
            widest = {"width_in": round(size[0], 2), "height_in": round(size[1], 2)}
    return {
        "package": name,
        "units": len(data.units),
        "charts": len(charts),
        "drawn": drawn,
        "lost": lost,
        "rerouted": rerouted,
        "biggest_boxes": biggest["boxes"],
        "biggest_title": biggest.get("title", ""),
        "widest_in": [widest.get("width_in", 0.0), widest.get("height_in", 0.0)],
        "under_7pt": under,
        "smallest_text_pt": round(smallest, 1),
        "seconds": round(time.perf_counter() - start, 1),
    }


def _load(files: dict[str, dict[str, Any]]) -> Any:
    from sphinx_orgchart.loader import load_package

    with tempfile.TemporaryDirectory(prefix="orgchart-bench-charts-") as tmp:
        for name, text in render(files).items():
            path = Path(tmp) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return load_package(tmp).data


def chart_table(sizes: list[int]) -> dict[str, Any]:
    """The charts table for the example, the generated packages and the ministry."""
    from sphinx_orgchart.graph import dot_version
    from sphinx_orgchart.loader import load_package

    from .generate import build
    from .ministry import build_ministry

    root = Path(__file__).resolve().parents[1]
    packages = [("example_org", load_package(root / "example_org").data)]
    packages += [(f"generated {size:,}", _load(build(size))) for size in sizes]
    packages.append(("ministry (generated)", _load(build_ministry())))
    return {
        "graphviz": dot_version(),
        "max_boxes": MAX_BOXES,
        "packages": [measure_charts(name, data) for name, data in packages],
    }


def charts_rst(results: dict[str, Any]) -> str:
    """The charts table as a ``list-table``."""
    lines = [
        ".. list-table:: Charts of each package, drawn as the PDF build draws them "
        f"(Graphviz {results['graphviz']})",
        "   :header-rows: 1",
        "",
        "   * - package",
        "     - units",
        "     - charts drawn",
        "     - charts lost",
        "     - redrawn with another routing",
        "     - biggest (boxes)",
        "     - widest drawing (in)",
        "     - under 7 pt on A4 landscape",
        "     - smallest text (pt)",
    ]
    for row in results["packages"]:
        width, height = row["widest_in"]
        lines += [
            f"   * - {row['package']}",
            f"     - {row['units']:,}",
            f"     - {row['drawn']:,}",
            f"     - {row['lost']}",
            f"     - {row['rerouted']}",
            f"     - {row['biggest_boxes']}",
            f"     - {width:.1f} × {height:.1f}",
            f"     - {row['under_7pt']}",
            f"     - {row['smallest_text_pt']:.1f}",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Command line: ``python -m benchmarks.charts --out benchmarks/results/charts.json``."""
    import argparse
    import json

    parser = argparse.ArgumentParser(description="The charts table of the benchmarks.")
    parser.add_argument("--sizes", type=int, nargs="*", default=[200, 1000, 5000])
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/charts.json"))
    args = parser.parse_args()
    results = chart_table(args.sizes)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(charts_rst(results))


if __name__ == "__main__":
    main()
