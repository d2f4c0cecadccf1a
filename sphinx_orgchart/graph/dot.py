"""Write a chart as DOT, deterministically, with the ``graphviz`` package.

Text is escaped once, here: HTML-like labels with :func:`html.escape`, other attributes with
:func:`graphviz.escape` (and the package's own quoting). The same chart always gives the same
DOT, byte for byte.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import graphviz

from .build import wrap
from .fonts import FONT
from .model import Box, Chart, Direction, EdgeKind, Row

__all__ = ["FONT", "FONT_SIZE", "legend_dot", "to_dot"]

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


def _head_lines(row: Row, bold: bool) -> str:
    lines: list[str] = []
    if row.sigle:
        lines.append(f"<B>{_text(row.sigle)}</B>")
    name_lines = [_text(line) for line in wrap(row.name)]
    if bold and not row.sigle:
        name_lines = [f"<B>{line}</B>" for line in name_lines]
    lines.extend(name_lines)
    if row.shared_from:
        lines.append(f'<FONT POINT-SIZE="{FONT_SIZE - 1}">⇄ {_text(row.shared_from)}</FONT>')
    if row.head:
        lines.extend(
            f'<I><FONT POINT-SIZE="{FONT_SIZE - 1}">{_text(line)}</FONT></I>'
            for line in wrap(row.head, 28)
        )
    if row.status:
        lines.append(f'<FONT POINT-SIZE="{FONT_SIZE - 1}">({_text(row.status)})</FONT>')
    return "<BR/>".join(lines)


def _stacked_line(row: Row) -> str:
    text = f"{row.sigle} — {row.name}" if row.sigle else row.name
    body = "<BR/>".join(_text(line) for line in wrap(text, 26))
    if row.status:
        body += f' <FONT POINT-SIZE="{FONT_SIZE - 1}">({_text(row.status)})</FONT>'
    return f"• {body}"


def _label(box: Box, urls: Mapping[str, str], more: tuple[str, str] | None) -> str:
    """The HTML-like label of a box: a table whose cells link to their unit."""
    rows = [
        "<TR>"
        + _cell(_head_lines(box.unit, box.bold), urls.get(box.unit.unit_id), box.unit.name)
        + "</TR>"
    ]
    for row in box.stacked:
        rows.append(
            "<TR>" + _cell(_stacked_line(row), urls.get(row.unit_id), row.name, "LEFT") + "</TR>"
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
    dot.attr(
        "graph",
        rankdir="LR" if chart.direction is Direction.left_right else "TB",
        bgcolor="white",
        splines="ortho",
        ordering="out",
        nodesep="0.25",
        ranksep="0.45",
        fontname=FONT,
        id=graphviz.escape(chart.id),
        **dict(graph_attrs or {}),
    )
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
    for box in chart.boxes.values():
        style = ["rounded", "filled"] if box.shape in ("box", "rounded") else ["filled"]
        if box.dashed:
            style.append("dashed")
        more = None
        if box.continued_in and continuation is not None and box.continued_in in continuation:
            more = continuation[box.continued_in]
        colour, width = box.border, "2.2" if box.category else "1.2"
        if box.mark in MARK_COLOURS:
            colour, width = MARK_COLOURS[box.mark], "3"
        dot.node(
            graphviz.escape(box.id),
            label=_label(box, urls, more),
            shape="box" if box.shape == "rounded" else box.shape,
            style=",".join(style),
            fillcolor=box.fill,
            color=colour,
            penwidth=width,
            id=graphviz.escape(f"{chart.id}--{box.id}"),
        )
    _rows(dot, chart)
    for edge in chart.edges:
        attrs: dict[str, str] = {}
        if edge.kind in (EdgeKind.secondary, EdgeKind.shared):
            attrs = {
                "style": "dashed",
                "constraint": "true" if edge.kind is EdgeKind.shared else "false",
            }
        dot.edge(graphviz.escape(edge.source), graphviz.escape(edge.target), **attrs)
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
    """Wrap long rows of siblings: the (n+w)-th child goes under the n-th (invisible edge)."""
    width = max(1, chart.row_width)
    beside = {e.target for e in chart.edges if e.kind is EdgeKind.direct}
    for children in chart.children.values():
        boxed = [c for c in children if c in chart.boxes and c not in beside]
        for index in range(width, len(boxed)):
            dot.edge(
                graphviz.escape(_lowest(chart, boxed[index - width])),
                graphviz.escape(boxed[index]),
                style="invis",
                weight="2",
            )


def _lowest(chart: Chart, box_id: str) -> str:
    """The last box of a column (so that a wrapped row goes below the whole column)."""
    while chart.children.get(box_id):
        box_id = chart.children[box_id][-1]
    return box_id
