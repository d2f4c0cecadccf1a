"""Organisation charts: an engine-neutral chart model built from the data, then DOT.

This package never imports Sphinx or docutils. Its names are imported from their modules
the first time they are used: a page's doctree holds a :class:`~.model.Chart`, and
unpickling it (Sphinx does, to draw the sidebar of a page it writes again) imports the chart
model alone, not the code that builds and draws charts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# Imported now: the function ``render`` is named as its module, which importing the module
# later would put in its place (it is light: it runs dot).
from .render import RenderError, dot_version, render

if TYPE_CHECKING:
    from .build import PALETTE, build_charts, default_title
    from .dot import FONT_SIZE, legend_dot, to_dot
    from .model import Box, Chart, ChartSpec, Direction, Edge, EdgeKind, Row

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

_MODULES = {
    "PALETTE": "build",
    "build_charts": "build",
    "default_title": "build",
    "FONT_SIZE": "dot",
    "legend_dot": "dot",
    "to_dot": "dot",
    "Box": "model",
    "Chart": "model",
    "ChartSpec": "model",
    "Direction": "model",
    "Edge": "model",
    "EdgeKind": "model",
    "Row": "model",
}


def __getattr__(name: str) -> Any:
    """The package's names, each imported from its module when first asked for."""
    if name in _MODULES:
        from importlib import import_module

        value = getattr(import_module(f"{__name__}.{_MODULES[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
