"""Write a chart as DOT, deterministically, with the ``graphviz`` package.

Text is escaped once, here: HTML-like labels with :func:`html.escape`, other attributes with
:func:`graphviz.escape` (and the package's own quoting). The same chart always gives the same
DOT, byte for byte.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import overload

import graphviz

from .fonts import FONT
from .grids import GRID_GAP, grid_id, grids
from .model import Box, Chart, Direction, EdgeKind, Row
from .text import wrap

__all__ = [
    "FONT",
    "FONT_SIZE",
    "ROUTINGS",
    "DotVariants",
    "box_lines",
    "dot_variants",
    "legend_dot",
    "to_dot",
]

FONT_SIZE = 10
"""Point size of the text of the boxes; the PDF legibility rule is stated against it."""

MARK_COLOURS = {"added": "#009E73", "removed": "#777777", "moved": "#E69F00", "renamed": "#E69F00"}
"""Borders of the boxes of a comparison chart (Okabe-Ito: green, grey, orange)."""


def _text(value: str) -> str:
    # Graphviz expands \N, \G... even in HTML-like labels, after decoding entities: a
    # backslash is written as two.
    return html.escape(value, quote=True).replace("\\", "&#92;&#92;")


def _cell(content: str, href: str | None, tooltip: str, align: str = "CENTER") -> str:
    attrs = f'ALIGN="{align}" BALIGN="{align}"'
    if href:
        attrs += f' HREF="{_text(href)}" TARGET="_top" TITLE="{_text(tooltip)}"'
        attrs += f' TOOLTIP="{_text(tooltip)}"'
    return f"<TD {attrs}>{content}</TD>"


Line = tuple[str, int, bool, bool]
"""A line of a box: its text, its point size, whether it is bold, whether italic."""


def _head_plain(row: Row, bold: bool) -> list[Line]:
    """The lines of a box's own unit: sigle, name, category, origin, head, status."""
    small = FONT_SIZE - 1
    lines: list[Line] = []
    if row.sigle:
        lines.append((row.sigle, FONT_SIZE, True, False))
    lines.extend((line, FONT_SIZE, bold and not row.sigle, False) for line in wrap(row.name))
    if row.tag:
        lines.append((f"[{row.tag}]", small, False, False))
    if row.shared_from:
        lines.append((f"⇄ {row.shared_from}", small, False, False))
    if row.common_to:
        lines.extend((line, small, False, False) for line in wrap(f"⇄ {row.common_to}", 28))
    if row.shared_with:
        lines.extend((line, small, False, False) for line in wrap(f"⇄ {row.shared_with}", 28))
    if row.home:
        lines.extend((line, small, False, False) for line in wrap(f"[{row.home}]", 28))
    for link in row.links:
        lines.extend((line, small, False, True) for line in wrap(f"↔ {link}", 28))
    if row.also_under:
        lines.extend((line, small, False, True) for line in wrap(f"↳ {row.also_under}", 28))
    if row.head:
        lines.extend((line, small, False, True) for line in wrap(row.head, 28))
    if row.status:
        lines.append((f"({row.status})", small, False, False))
    return lines


def _stacked_plain(row: Row) -> list[Line]:
    text = f"{row.sigle} — {row.name}" if row.sigle else row.name
    if row.tag:
        text += f" [{row.tag}]"
    if row.shared_with or row.common_to:
        text += " ⇄"
    if row.links:
        text += " ↔"
    lines = [(line, FONT_SIZE, False, False) for line in wrap("• " + text, 28)]
    if row.status:
        lines.append((f"({row.status})", FONT_SIZE - 1, False, False))
    return lines


def box_lines(box: Box, more: str | None = None) -> list[list[Line]]:
    """The cells of a box (its unit, each stacked unit, its "detailed chart" link) as lines
    of plain text: what :func:`_label` writes, and what :mod:`.layout` measures."""
    cells = [_head_plain(box.unit, box.bold)]
    cells.extend(_stacked_plain(row) for row in box.stacked)
    if more is not None or box.continued_in:
        cells.append([(more or "organigramme détaillé ↓", FONT_SIZE - 1, False, False)])
    return cells


def _html_line(line: Line) -> str:
    text, size, bold, italic = line
    body = _text(text)
    if size != FONT_SIZE:
        body = f'<FONT POINT-SIZE="{size}">{body}</FONT>'
    if italic:
        body = f"<I>{body}</I>"
    return f"<B>{body}</B>" if bold else body


def _lines(lines: list[Line]) -> str:
    return "<BR/>".join(_html_line(line) for line in lines)


def _label(box: Box, urls: Mapping[str, str], more: tuple[str, str] | None) -> str:
    """The HTML-like label of a box: a table whose cells link to their unit."""
    rows = [
        "<TR>"
        + _cell(_lines(_head_plain(box.unit, box.bold)), urls.get(box.unit.unit_id), box.unit.name)
        + "</TR>"
    ]
    for row in box.stacked:
        rows.append(
            "<TR>"
            + _cell(_lines(_stacked_plain(row)), urls.get(row.unit_id), row.name, "LEFT")
            + "</TR>"
        )
    if more is not None:
        text, href = more
        rows.append(
            "<TR>"
            + _cell(
                f'<FONT POINT-SIZE="{FONT_SIZE - 1}"><U>{_text(text)}</U></FONT>',
                href or None,
                text,
            )
            + "</TR>"
        )
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">'
        + "".join(rows)
        + "</TABLE>>"
    )


def _node_attrs(chart: Chart, box: Box, label: str) -> dict[str, str]:
    style = ["rounded", "filled"] if box.shape in ("box", "rounded") else ["filled"]
    if box.dashed:
        style.append("dashed")
    colour, width = box.border, "2.2" if box.category else "1.2"
    if box.mark in MARK_COLOURS:
        colour, width = MARK_COLOURS[box.mark], "3"
    return {
        "label": label,
        "shape": "box" if box.shape == "rounded" else box.shape,
        "style": ",".join(style),
        "fillcolor": box.fill,
        "color": colour,
        "penwidth": width,
        "id": graphviz.escape(f"{chart.id}--{box.id}"),
    }


def _port(box_id: str) -> str:
    return "p" + "".join(c if c.isalnum() else "_" for c in box_id)


def _end(box_id: str, in_grid: Mapping[str, str | None]) -> str:
    """How an edge names a box: its node, or its cell in a grid."""
    if box_id in in_grid:
        return f"{graphviz.escape(grid_id(in_grid[box_id]))}:{_port(box_id)}"
    return str(graphviz.escape(box_id))


def _grid_label(
    chart: Chart,
    kids: list[str],
    urls: Mapping[str, str],
    continuation: Mapping[str, tuple[str, str]] | None,
) -> str:
    """A grid of boxes: a table whose cells are the boxes' own tables."""
    width = max(1, chart.row_width)
    rows = []
    for start in range(0, len(kids), width):
        cells = []
        for box_id in kids[start : start + width]:
            box = chart.boxes[box_id]
            more = None
            if box.continued_in and continuation is not None:
                more = continuation.get(box.continued_in)
            inner = _label(box, urls, more)[1:-1]  # the box's table, without its <...>
            colour, pen = box.border, "2" if box.category else "1"
            if box.mark in MARK_COLOURS:
                colour, pen = MARK_COLOURS[box.mark], "3"
            style = "dashed" if box.dashed else "rounded"
            frame = (
                f'<TABLE BORDER="{pen}" STYLE="{style}" BGCOLOR="{_text(box.fill)}" '
                f'COLOR="{_text(colour)}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
                f"<TR><TD>{inner}</TD></TR></TABLE>"
            )
            cell_id = _text(f"{chart.id}--{box_id}")
            cells.append(f'<TD PORT="{_port(box_id)}" ID="{cell_id}">{frame}</TD>')
        rows.append("<TR>" + "".join(cells) + "</TR>")
    return (
        f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="{GRID_GAP}" CELLPADDING="0">'
        + "".join(rows)
        + "</TABLE>>"
    )


def to_dot(
    chart: Chart,
    urls: Mapping[str, str] | None = None,
    continuation: Mapping[str, tuple[str, str]] | None = None,
    graph_attrs: Mapping[str, str] | None = None,
    legend: bool = False,
) -> str:
    """DOT source of ``chart``.

    ``urls`` maps unit ids to the addresses their cells link to (none in print);
    ``continuation`` maps the ``continued_in`` of boxes to the text and address of their
    "detailed chart" link;
    ``legend`` draws the legend inside the chart (the poster), rather than apart
    (:func:`legend_dot`, the handbook).
    """
    urls = urls or {}
    dot = graphviz.Digraph(name=chart.id, strict=False)
    graph = {
        "rankdir": "LR" if chart.direction is Direction.left_right else "TB",
        "bgcolor": "white",
        "splines": "ortho",
        "ordering": "out",
        "nodesep": "0.25",
        "ranksep": "0.45",
        "fontname": FONT,
        "id": graphviz.escape(chart.id),
        **dict(graph_attrs or {}),
    }
    dot.attr("graph", **{key: value for key, value in graph.items() if value})
    dot.attr(
        "node",
        shape="box",
        style="rounded,filled",
        fontname=FONT,
        fontsize=str(FONT_SIZE),
        fontcolor="#1A1A1A",
        margin="0.05,0.03",
        penwidth="1.2",
    )
    dot.attr("edge", color="#555555", arrowhead="none", penwidth="1.1")
    in_grid = {box_id: parent for parent, kids in grids(chart).items() for box_id in kids}
    for box in chart.boxes.values():
        if box.id in in_grid:
            continue
        more = None
        if box.continued_in and continuation is not None and box.continued_in in continuation:
            more = continuation[box.continued_in]
        dot.node(graphviz.escape(box.id), **_node_attrs(chart, box, _label(box, urls, more)))
    for parent, kids in grids(chart).items():
        dot.node(
            graphviz.escape(grid_id(parent)),
            label=_grid_label(chart, kids, urls, continuation),
            shape="plain",
            style="",
            id=graphviz.escape(f"{chart.id}--{grid_id(parent)}"),
        )
    _rows(dot, chart)
    joined: set[tuple[str, str]] = set()
    for edge in chart.edges:
        source, target = _end(edge.source, in_grid), _end(edge.target, in_grid)
        if edge.target in in_grid and in_grid[edge.target] == edge.source:
            target = grid_id(edge.source)  # the parent joined to its grid once
            if (source, target) in joined:
                continue
            joined.add((source, target))
        attrs: dict[str, str] = {}
        if edge.kind in (EdgeKind.secondary, EdgeKind.shared, EdgeKind.attached):
            attrs = {
                "style": "dashed",
                "constraint": "false" if edge.kind is EdgeKind.secondary else "true",
            }
        dot.edge(source, target, **attrs)
    if chart.legend and legend:
        with dot.subgraph() as sink:
            sink.attr(rank="sink")
            _legend(sink, chart)
    for top in chart.tops:
        direct = [e.target for e in chart.edges if e.source == top and e.kind is EdgeKind.direct]
        if direct:
            with dot.subgraph() as same:
                same.attr(rank="same")
                for box_id in [top, *direct]:
                    same.node(graphviz.escape(box_id))
    return str(dot.source)


def _legend(dot: graphviz.Digraph, chart: Chart) -> None:
    """A table of what colours and borders mean."""
    rows = []
    for text, fill, border in chart.legend:
        if border == "dashed":
            swatch = '<TD WIDTH="24" BORDER="1" STYLE="dashed" COLOR="#444444"> </TD>'
        else:
            swatch = (
                f'<TD WIDTH="24" BGCOLOR="{_text(fill)}" BORDER="2" COLOR="{_text(border)}"> </TD>'
            )
        rows.append(f'<TR>{swatch}<TD ALIGN="LEFT">{_text(text)}</TD></TR>')
    label = (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="2">'
        + "".join(rows)
        + "</TABLE>>"
    )
    dot.node(
        graphviz.escape(f"{chart.id}--legend"),
        label=label,
        shape="box",
        style="rounded",
        color="#999999",
        fillcolor="white",
        fontname=FONT,
        fontsize=str(FONT_SIZE),
    )


def legend_dot(chart: Chart) -> str:
    """DOT of the chart's legend alone, drawn under the chart in the handbook."""
    dot = graphviz.Digraph(name=f"{chart.id}--legend", strict=False)
    dot.attr("graph", bgcolor="white", margin="0")
    _legend(dot, chart)
    return str(dot.source)


def _rows(dot: graphviz.Digraph, chart: Chart) -> None:
    """Wrap long rows of siblings, the top units included: the (n+w)-th sibling goes under
    the whole column of the n-th (an invisible edge from the column's deepest box)."""
    width = max(1, chart.row_width)
    beside = {e.target for e in chart.edges if e.kind is EdgeKind.direct}
    gridded = grids(chart)
    members = {box_id for kids in gridded.values() for box_id in kids}
    for parent, children in [(None, chart.tops), *chart.children.items()]:
        boxed = [c for c in children if c in chart.boxes and c not in beside | members]
        if parent in gridded:
            boxed.append(grid_id(parent))
        for index in range(width, len(boxed)):
            deepest = _deepest(chart, boxed[index - width])
            if deepest in members:
                deepest = grid_id(next(p for p, kids in gridded.items() if deepest in kids))
            dot.edge(
                graphviz.escape(deepest),
                graphviz.escape(boxed[index]),
                style="invis",
                weight="2",
            )


def _deepest(chart: Chart, box_id: str) -> str:
    """The deepest box under ``box_id`` (the first one found at the greatest depth), so that
    a wrapped row goes below the whole column."""
    best, best_depth = box_id, 0
    stack = [(box_id, 0)]
    seen: set[str] = set()
    while stack:
        current, depth = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        if depth > best_depth:
            best, best_depth = current, depth
        stack.extend((c, depth + 1) for c in reversed(chart.children.get(current, [])))
    return best


ROUTINGS: tuple[dict[str, str], ...] = (
    {},  # right angles (splines=ortho), the house style
    {"splines": "polyline"},
    {"splines": "spline"},
    {"splines": "line"},
    {"splines": "line", "ordering": "", "newrank": "true"},  # another layout: free order
)
"""The drawings tried in turn when ``dot`` fails on one: Graphviz 2.43's right-angle router
aborts on some charts (``maze.c: chkSgraph: Assertion failed``, ``trapezoid-table
overflow``); the last one also lets ``dot`` order the boxes itself."""


class DotVariants(Sequence[str]):
    """The DOT sources of a chart for each of :data:`ROUTINGS`, the preferred first, each
    written when first asked for: ``dot`` draws nearly every chart with the first, so the
    others are mostly never written."""

    def __init__(self, write: Callable[[Mapping[str, str]], str]) -> None:
        self._write = write
        self._sources: dict[int, str] = {}

    def __len__(self) -> int:
        return len(ROUTINGS)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        position = range(len(ROUTINGS))[index]  # IndexError past the end, as a list
        if position not in self._sources:
            self._sources[position] = self._write(ROUTINGS[position])
        return self._sources[position]


def dot_variants(
    chart: Chart,
    urls: Mapping[str, str] | None = None,
    continuation: Mapping[str, tuple[str, str]] | None = None,
    graph_attrs: Mapping[str, str] | None = None,
    legend: bool = False,
) -> DotVariants:
    """DOT sources of ``chart`` for each of :data:`ROUTINGS`, the preferred first (written
    when first read: :class:`DotVariants`)."""
    attrs = dict(graph_attrs or {})
    return DotVariants(
        lambda routing: to_dot(chart, urls, continuation, {**attrs, **routing}, legend)
    )
