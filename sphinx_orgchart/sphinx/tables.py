"""Tables as docutils nodes: long tables that break across pages in LaTeX."""

from __future__ import annotations

from docutils import nodes

__all__ = ["table"]


def table(
    headers: list[str],
    rows: list[list[list[nodes.Node]]],
    widths: list[int],
    classes: list[str] | None = None,
) -> nodes.table:
    """A table with a header row; ``rows`` holds the nodes of each cell.

    In HTML, an ``orgchart-table`` wider than the page scrolls in its own box (see
    ``orgchart.css``): the page itself never scrolls sideways.
    """
    node = nodes.table(classes=["longtable", "orgchart-table", *(classes or [])])
    group = nodes.tgroup(cols=len(headers))
    node += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    row = nodes.row()
    for header in headers:
        row += nodes.entry("", nodes.paragraph("", header))
    head += row
    body = nodes.tbody()
    group += body
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            row += nodes.entry("", nodes.paragraph("", "", *cell))
        body += row
    return node
