"""Which boxes are drawn as a grid: the compact layout of a wide level of leaves.

A unit with many sub-units that have nothing drawn under them (a ministry's 200 embassies,
the services of a big direction) would draw them in rows that ``dot`` cannot keep in a
block: every row is joined to the parent by a long edge, and the long edges push the rows
aside into a staircase. Such siblings are drawn as one grid of boxes (rows of
``row_width``) under their parent, joined to it once, each box still its own link.
"""

from __future__ import annotations

from .model import Chart, EdgeKind

__all__ = ["GRID_GAP", "grid_id", "grids"]

GRID_GAP = 8
"""Space between the boxes of a grid (points)."""


def grid_id(parent: str | None) -> str:
    """The id of the grid node of ``parent``'s leaves (of the top units: ``parent`` None)."""
    return f"{parent or 'tops'}--grid"


def grids(chart: Chart) -> dict[str | None, list[str]]:
    """Parent (None for the tops) -> its leaves drawn as a grid, in order: when it has
    more leaves than a row holds."""
    width = max(1, chart.row_width)
    beside = {e.target for e in chart.edges if e.kind is EdgeKind.direct}
    found: dict[str | None, list[str]] = {}
    lists: list[tuple[str | None, list[str]]] = [(None, chart.tops)]
    lists += [(parent, kids) for parent, kids in chart.children.items()]
    for parent, kids in lists:
        leaves = [
            c for c in kids if c in chart.boxes and c not in beside and not chart.children.get(c)
        ]
        if len(leaves) > width:
            found[parent] = leaves
    return found
