"""Organisation charts: an engine-neutral chart model built from the data, then DOT.

This package never imports Sphinx or docutils.
"""

from .build import PALETTE, build_charts, default_title
from .dot import FONT_SIZE, legend_dot, to_dot
from .model import Box, Chart, ChartSpec, Direction, Edge, EdgeKind, Row
from .render import RenderError, dot_version, render

__all__ = [
    "FONT_SIZE",
    "PALETTE",
    "Box",
    "Chart",
    "ChartSpec",
    "Direction",
    "Edge",
    "EdgeKind",
    "RenderError",
    "Row",
    "build_charts",
    "default_title",
    "dot_version",
    "legend_dot",
    "render",
    "to_dot",
]
