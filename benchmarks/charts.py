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
