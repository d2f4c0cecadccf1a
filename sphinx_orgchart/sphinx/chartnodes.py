"""The chart nodes and their registration with a visitor for every builder.

The visitors that draw (HTML and LaTeX) live in :mod:`.chartdraw`, imported the first time a
chart is written: a rebuild that writes no chart imports neither the chart model nor the
DOT writer.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .nodes import PASS_THROUGH, elsewhere_pass_through
from .viewer import setup_viewer

__all__ = ["chart_details", "chart_figure", "chart_unit", "orgchart_chart", "setup_chart_nodes"]


class orgchart_chart(nodes.General, nodes.Element):
    """A chart; its children are ``chart_unit`` wrappers of references to its units."""


class chart_unit(nodes.Inline, nodes.Element):
    """Holds the reference to one unit of a chart (resolved like the roles)."""


class chart_details(nodes.General, nodes.Element):
    """The text alternative of a chart: collapsible in HTML, plain elsewhere."""


class chart_figure(nodes.General, nodes.Element):
    """A chart with its caption and text alternative (on one landscape page when needed)."""


def visit_chart_html(self: Any, node: orgchart_chart) -> None:
    """The chart as a clickable SVG (:func:`.chartdraw.visit_chart_html`)."""
    from . import chartdraw

    chartdraw.visit_chart_html(self, node)


def visit_figure_latex(self: Any, node: chart_figure) -> None:
    """The chart as a PDF (:func:`.chartdraw.visit_figure_latex`)."""
    from . import chartdraw

    chartdraw.visit_figure_latex(self, node)


def depart_figure_latex(self: Any, node: chart_figure) -> None:
    """The end of a chart's figure in LaTeX (:func:`.chartdraw.depart_figure_latex`)."""
    from . import chartdraw

    chartdraw.depart_figure_latex(self, node)


def visit_chart_skip(self: Any, node: orgchart_chart) -> None:
    """Text-like builders show the chart's text alternative only."""
    raise nodes.SkipNode


def visit_details_html(self: Any, node: chart_details) -> None:
    self.body.append(self.starttag(node, "details", "", CLASS="orgchart-details"))
    self.body.append("<summary>" + self.encode(node["summary"]) + "</summary>\n")


def depart_details_html(self: Any, node: chart_details) -> None:
    self.body.append("</details>\n")


def visit_figure_html(self: Any, node: chart_figure) -> None:
    self.body.append(self.starttag(node, "div", "", CLASS="orgchart-figure"))


def depart_figure_html(self: Any, node: chart_figure) -> None:
    self.body.append("</div>\n")


def setup_chart_nodes(app: Sphinx) -> None:
    """Register the chart nodes with a visitor for every builder."""
    skip = (visit_chart_skip, None)
    app.add_node(
        orgchart_chart, html=(visit_chart_html, None), latex=skip, text=skip, man=skip, texinfo=skip
    )
    app.add_node(
        chart_figure,
        html=(visit_figure_html, depart_figure_html),
        latex=(visit_figure_latex, depart_figure_latex),
        text=PASS_THROUGH,
        man=PASS_THROUGH,
        texinfo=PASS_THROUGH,
    )
    app.add_node(chart_unit, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_node(
        chart_details, html=(visit_details_html, depart_details_html), **elsewhere_pass_through()
    )
    app.add_latex_package("pdflscape")
    setup_viewer(app)
