"""Where a chart goes on paper: the rule that keeps printed charts legible.

The boxes' text is set at 10 pt (:data:`~sphinx_orgchart.graph.dot.FONT_SIZE`). A chart is
printed at its natural size when it fits the text block of an A4 portrait page; otherwise it
is scaled down to fit, but never below :data:`MIN_SCALE` (text at 7 pt). When the portrait
page would need more, the chart goes on a landscape page. When even that would need more,
the chart is scaled to fit the landscape page and the build warns that it should be split
(the handbook's charts are split automatically by their number of boxes, so that it does
not happen).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .render import pdf_size

__all__ = ["LANDSCAPE", "MIN_SCALE", "PORTRAIT", "ROW_WIDTHS", "Placement", "best_print", "place"]

PORTRAIT: tuple[float, float] = (6.2, 8.8)
"""Width and height (inches) available for a chart on an A4 portrait page (Sphinx's manual
class: 1 inch margins, room left for the caption and the list of units)."""

LANDSCAPE: tuple[float, float] = (9.2, 5.9)
"""The same on an A4 landscape page."""

MIN_SCALE = 0.7
"""Smallest scale: 10 pt text printed at 7 pt."""


@dataclass(frozen=True)
class Placement:
    """How to print a chart of a given natural size."""

    landscape: bool
    scale: float
    width: float  # printed width, inches

    @property
    def legible(self) -> bool:
        """Whether the text stays at or above the minimum size."""
        return self.scale >= MIN_SCALE - 1e-9


def _scale(size: tuple[float, float], page: tuple[float, float]) -> float:
    width, height = size
    return min(1.0, page[0] / width if width else 1.0, page[1] / height if height else 1.0)


def place(width: float, height: float) -> Placement:
    """Portrait if it fits legibly, else landscape, else landscape at the minimum scale."""
    portrait = _scale((width, height), PORTRAIT)
    if portrait >= MIN_SCALE:
        return Placement(False, portrait, width * portrait)
    landscape = _scale((width, height), LANDSCAPE)
    if landscape >= MIN_SCALE:
        return Placement(True, landscape, width * landscape)
    return Placement(True, landscape, width * landscape)


ROW_WIDTHS: tuple[int, ...] = (6, 4, 3, 2, 8)
"""Row widths tried, after the chart's own, when a chart does not print legibly."""


def best_print(
    row_width: int, draw: Callable[[int], bytes | None]
) -> tuple[int, Placement, tuple[float, float]] | None:
    """The row width whose PDF prints largest, its placement and natural size.

    ``draw(width)`` returns the PDF of the chart with rows of ``width`` boxes, or None when
    it could not be drawn. Widths are tried, the chart's own first, until one prints
    legibly; a width that fails is skipped, and the best drawing so far is kept.
    """
    best: tuple[int, Placement, tuple[float, float]] | None = None
    for width in dict.fromkeys((row_width, *ROW_WIDTHS)):
        data = draw(width)
        if data is None:
            continue
        size = pdf_size(data) or (6.0, 4.0)
        placement = place(*size)
        if best is None or placement.scale > best[1].scale:
            best = (width, placement, size)
        if placement.legible:
            break
    return best
