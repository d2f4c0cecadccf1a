"""How big a chart will be once drawn, and how to cut a chart that would not print legibly.

The writer (:mod:`.dot`) wraps every row of siblings, the top units included, after
``row_width`` boxes: the (n+w)-th sibling goes under the whole column of the n-th. This
module estimates, from the chart model alone, the size ``dot`` will give that drawing, and
cuts charts so that each one prints with its text at 7 pt or more on an A4 landscape page
(:mod:`.printing`) and has at most ``max_boxes`` boxes:

- the overview keeps the deepest levels that fit;
- a level too wide for one chart (the top units of an organisation without a head above
  them, a ministry's 200 embassies) is cut into consecutive *parts*, each a chart of its
  own, the parent box repeated at the top of each part.

The estimate is a model of ``dot``'s layered drawing, calibrated on the charts of the
example and of generated packages (see ``benchmarks/charts.py``, which measures the real
drawings); :data:`SAFETY` keeps a margin for what it does not model.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from .dot import box_lines
from .grids import GRID_GAP, grid_id, grids
from .model import Box, Chart, Direction, EdgeKind
from .printing import LANDSCAPE, MIN_SCALE, PORTRAIT

__all__ = ["Cut", "cut", "depths", "estimate", "fits", "split_for_print"]

NODESEP = 0.25
RANKSEP = 0.45
"""Graphviz's gaps between boxes of a rank and between ranks (inches), as :mod:`.dot` sets them."""

SAFETY = 0.97
"""Share of the printable page an estimated chart may take."""

# Average advance of a character and height of a line (inches), by point size, measured on
# the boxes of the example's charts (Liberation Sans).
_CHAR = {10: 4.75 / 72, 9: 4.3 / 72}
_LINE = {10: 11.5 / 72, 9: 10.5 / 72}


@lru_cache(maxsize=4096)
def _text_size(lines: tuple[tuple[str, int, bool, bool], ...]) -> tuple[float, float]:
    width = max(
        (len(text) * _CHAR[size] * (1.12 if bold else 1.0) for text, size, bold, _i in lines),
        default=0.0,
    )
    height = sum(_LINE[size] for _text, size, _bold, _italic in lines)
    return width, height


def box_size(box: Box) -> tuple[float, float]:
    """Width and height (inches) of a box as :mod:`.dot` writes it."""
    cells = box_lines(box)
    width = 0.0
    height = 0.0
    for cell in cells:
        w, h = _text_size(tuple(cell))
        width = max(width, w)
        height += h + 6 / 72  # cell padding, 3 pt each side
    width += 6 / 72 + 2 * 0.05 + 0.05  # cell padding, node margin, pen
    height += 2 * 0.03 + 0.05
    if box.shape not in _RECTANGLES:
        width, height = width * 1.45, height * 1.45  # an ellipse around the text
    return max(width, 0.75), max(height, 0.5)


_RECTANGLES = frozenset(
    {"box", "rect", "rectangle", "square", "rounded", "note", "tab", "folder", "component", "box3d"}
)


def depths(chart: Chart) -> dict[str, int]:
    """The depth of each box reached from the tops (0 for the tops)."""
    found: dict[str, int] = {}
    stack = [(top, 0) for top in chart.tops]
    while stack:
        box, depth = stack.pop()
        if box in found:
            continue
        found[box] = depth
        stack.extend((child, depth + 1) for child in chart.children.get(box, []))
    return found


def _beside(chart: Chart) -> set[str]:
    return {e.target for e in chart.edges if e.kind is EdgeKind.direct}


@dataclass(frozen=True)
class _Extent:
    width: float
    height: float


@dataclass(frozen=True)
class _Sizes:
    chart: Chart
    boxes: dict[str, tuple[float, float]]
    beside: set[str]
    children: dict[str, list[str]]

    def extent(self, box_id: str) -> _Extent:
        """The space a box and everything drawn under it take, its children wrapped."""
        own_w, own_h = self.boxes[box_id]
        kids = [c for c in self.children.get(box_id, []) if c in self.boxes]
        extra_w = sum(self.boxes[c][0] + NODESEP for c in kids if c in self.beside)
        block = self.block([c for c in kids if c not in self.beside])
        if block is None:
            return _Extent(own_w + extra_w, own_h)
        return _Extent(max(own_w + extra_w, block.width), own_h + RANKSEP + block.height)

    def block(self, siblings: list[str]) -> _Extent | None:
        """The space a list of siblings takes, wrapped into rows of ``row_width``: the
        (n+w)-th under the whole column of the n-th."""
        if not siblings:
            return None
        width = max(1, self.chart.row_width)
        extents = [self.extent(c) for c in siblings]
        columns = [extents[i::width] for i in range(min(width, len(extents)))]
        col_w = [max(e.width for e in col) for col in columns]
        col_h = [sum(e.height for e in col) + RANKSEP * (len(col) - 1) for col in columns]
        return _Extent(sum(col_w) + NODESEP * (len(columns) - 1), max(col_h))


def _ranks(sizes: _Sizes) -> dict[str, int]:
    """The rank ``dot`` gives each box: one below its parent, beside boxes on their parent's
    rank, a wrapped sibling below the whole column of the sibling it goes under."""
    chart = sizes.chart
    width = max(1, chart.row_width)
    ranks: dict[str, int] = {}
    lowest: dict[str, int] = {}  # deepest rank under a box, itself included

    def place(siblings: list[str], base: int, beside: list[str], beside_rank: int) -> None:
        for box_id in beside:
            visit(box_id, beside_rank)
        for index, box_id in enumerate(siblings):
            rank = base
            if index >= width:
                rank = max(base, lowest[siblings[index - width]] + 1)
            visit(box_id, rank)

    def visit(box_id: str, rank: int) -> None:
        if box_id in ranks:
            return
        ranks[box_id] = rank
        kids = [c for c in sizes.children.get(box_id, []) if c in sizes.boxes]
        place(
            [c for c in kids if c not in sizes.beside],
            rank + 1,
            [c for c in kids if c in sizes.beside],
            rank,
        )
        lowest[box_id] = max([rank, *(lowest[c] for c in kids if c in lowest)])

    place([t for t in sizes.children[""] if t in sizes.boxes], 0, [], 0)
    return ranks


def estimate(chart: Chart) -> tuple[float, float]:
    """Estimated width and height (inches) of the chart as ``dot`` draws it."""
    boxes = {box_id: box_size(box) for box_id, box in chart.boxes.items()}
    left_right = chart.direction is Direction.left_right
    if left_right:
        boxes = {k: (h, w) for k, (w, h) in boxes.items()}
    children = {"": list(chart.tops), **{k: list(v) for k, v in chart.children.items()}}
    for parent, kids in grids(chart).items():
        # a grid of leaves is one box, its boxes in rows of row_width, 8 pt apart
        grid, gap = grid_id(parent), GRID_GAP / 72
        per_row = max(1, chart.row_width)
        lines = [kids[i : i + per_row] for i in range(0, len(kids), per_row)]
        col_w = [max(boxes[line[i]][0] for line in lines if i < len(line)) for i in range(per_row)]
        boxes[grid] = (
            sum(col_w) + gap * (per_row + 1),
            sum(max(boxes[k][1] for k in line) for line in lines) + gap * (len(lines) + 1),
        )
        siblings = children[parent or ""]
        children[parent or ""] = [c for c in siblings if c not in kids] + [grid]
    sizes = _Sizes(chart, boxes, _beside(chart), children)
    block = sizes.block([t for t in children[""] if t in boxes])
    width, height = (block.width, block.height) if block else (0.0, 0.0)
    rows: dict[int, list[tuple[float, float]]] = {}
    for box_id, rank in _ranks(sizes).items():
        rows.setdefault(rank, []).append(boxes[box_id])
    if rows:
        # Ranks are as tall as their tallest box across the whole chart.
        height = max(
            height,
            sum(max(h for _w, h in row) for row in rows.values()) + RANKSEP * (len(rows) - 1),
        )
        # dot packs boxes without children over the wide sub-trees of their neighbours:
        # the widest rank is a floor, the sum of the columns too much.
        width = max(
            0.85 * width,
            max(sum(w for w, _h in row) + NODESEP * (len(row) - 1) for row in rows.values()),
        )
    if left_right:
        width, height = height, width
    # the margins of the drawing, and room the edges take between ranks and boxes
    return width + 0.3 + 0.05 * len(rows), height + 0.2 + 0.2 * len(rows)


def printable(width: float, height: float, safety: float = SAFETY) -> bool:
    """Whether a drawing of this size prints at 7 pt or more on A4 (portrait or landscape)."""
    limit = MIN_SCALE / safety
    return any(
        width * limit <= page[0] and height * limit <= page[1] for page in (PORTRAIT, LANDSCAPE)
    )


def fits(chart: Chart, max_boxes: int) -> bool:
    """Whether a chart needs no cutting: few enough boxes, and legible on A4."""
    return len(chart.boxes) <= max_boxes and printable(*estimate(chart))  # boxes first: cheap


def _restricted(chart: Chart, tops: list[str], keep: set[str], chart_id: str) -> Chart:
    """The chart with only the boxes of ``keep``, under ``tops``."""
    part = Chart(
        chart_id,
        chart.title,
        direction=chart.direction,
        row_width=chart.row_width,
        legend=chart.legend,
        parent_chart=chart.parent_chart,
    )
    part.tops = list(tops)
    for box_id, box in chart.boxes.items():
        if box_id in keep:
            part.boxes[box_id] = box
            part.children[box_id] = [c for c in chart.children.get(box_id, []) if c in keep]
    part.edges = [e for e in chart.edges if e.source in keep and e.target in keep]
    return part


def _within(chart: Chart, tops: list[str], depth: int) -> set[str]:
    kept: set[str] = set()
    stack = [(t, 0) for t in tops]
    while stack:
        box_id, d = stack.pop()
        if box_id in kept:
            continue
        kept.add(box_id)
        if d < depth:
            stack.extend((c, d + 1) for c in chart.children.get(box_id, []))
    return kept


def _page(
    chart: Chart, tops: list[str], keep: set[str], chart_id: str, whole: str | None = None
) -> tuple[Chart, list[str]]:
    """The chart restricted to ``keep``; and its boxes whose children are left out (each
    continued in a chart of its own), but ``whole``, repeated at the top of each part."""
    page = _restricted(chart, tops, keep, chart_id)
    cut_off = [
        b
        for b in page.boxes
        if b != whole and len(page.children.get(b, [])) < len(chart.children.get(b, []))
    ]
    for box_id in cut_off:
        # Its stacked units are in its own chart: the page keeps it small.
        page.boxes[box_id] = replace(
            page.boxes[box_id], continued_in=f"{chart.id}--{box_id}", stacked=()
        )
    return page, cut_off


def _deepest_page(
    chart: Chart,
    group: list[str],
    root: str | None,
    least: int,
    deepest: int,
    max_boxes: int,
    chart_id: str,
) -> tuple[Chart, list[str]]:
    """The page of ``group`` (under ``root``, when they are its children) down to the
    deepest level that fits; down to ``least`` levels whatever their size."""
    best: tuple[Chart, list[str]] | None = None
    for depth in range(least, max(deepest, least) + 1):
        keep = _within(chart, group, depth) | ({root} if root else set())
        page, cut_off = _page(chart, [root] if root else group, keep, chart_id, root)
        if best is not None and not fits(page, max_boxes):
            break
        best = (page, cut_off)
        if not cut_off:
            break
    assert best is not None
    return best


@dataclass
class Cut:
    """A big chart cut: its pages (the overview, then its other parts, if any) and the boxes
    whose sub-trees become charts of their own."""

    pages: list[Chart]
    detailed: list[str]


def cut(chart: Chart, max_boxes: int, max_depth: int | None = None) -> Cut:
    """Cut ``chart`` into pages that fit, with the boxes continued in detailed charts.

    The overview of a chart with one top keeps at least that top and its children; of a
    chart with several tops, at least the tops. When even that does not fit, that level of
    siblings is cut into consecutive parts (the one top repeated over each part).
    """
    found = depths(chart)
    deepest = max(found.values(), default=0)
    if max_depth is not None:
        deepest = min(deepest, max_depth)
    tops = [t for t in chart.tops if t in chart.boxes]
    root = tops[0] if len(tops) == 1 and chart.children.get(tops[0]) else None
    siblings = list(chart.children[root]) if root else tops
    below = deepest - 1 if root else deepest  # levels under the siblings
    groups = _groups(chart, root, siblings, max_boxes)
    pages: list[Chart] = []
    detailed: list[str] = []
    for index, group in enumerate(groups):
        part_id = chart.id if index == 0 else f"{chart.id}--part{index + 1}"
        page, cut_off = _deepest_page(chart, group, root, 0, below, max_boxes, part_id)
        if len(groups) > 1:
            page.part = (index + 1, len(groups))
            if root is not None and index:
                page.boxes[root] = replace(page.boxes[root], stacked=())
        pages.append(page)
        detailed.extend(cut_off)
    return Cut(pages, detailed)


def _groups(chart: Chart, root: str | None, siblings: list[str], max_boxes: int) -> list[list[str]]:
    """Consecutive groups of siblings, each as many as fit on a page with its parent."""
    keep = {root} if root else set()
    page, _cut = _page(chart, [root] if root else siblings, keep | set(siblings), chart.id, root)
    if fits(page, max_boxes):
        return [siblings]
    groups: list[list[str]] = []
    current: list[str] = []
    for sibling in siblings:
        trial = [*current, sibling]
        page, _cut = _page(chart, [root] if root else trial, keep | set(trial), chart.id, root)
        # room for the box that leads to the next part
        if current and not fits(page, max_boxes - 1):
            groups.append(current)
            trial = [sibling]
        current = trial
    groups.append(current)
    return groups


def split_for_print(chart: Chart) -> list[Chart]:
    """A chart too big to print legibly, as its top level (in parts when it is too wide)
    followed by one chart per box of that level that has boxes under it; [chart] when it
    cannot be split."""
    result = cut(chart, len(chart.boxes) + 1, max_depth=1)
    if not result.detailed and len(result.pages) == 1:
        return [chart]
    parts = list(result.pages)
    for box_id in result.detailed:
        keep = _within(chart, [box_id], len(chart.boxes))
        sub = _restricted(chart, [box_id], keep, f"{chart.id}--{box_id}")
        sub.title, sub.parent_chart = box_id, chart.id
        parts.append(sub)
    return parts
