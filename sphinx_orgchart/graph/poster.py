"""The standalone organigramme ("poster"): one chart, legend inside, sized for a sheet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

import graphviz

from ..data import OrgData
from ..i18n import translate
from ..wording import format_day
from .build import build_charts, default_title
from .dot import FONT_SIZE, dot_variants
from .model import ChartSpec
from .render import on_sheet, pdf_size, render_best

__all__ = ["PAPERS", "SHEETS", "poster"]

PAPERS: dict[str, tuple[float, float]] = {
    "a4": (11.0, 7.6),
    "a3": (15.6, 10.9),
    "a2": (22.4, 15.6),
    "a1": (32.1, 22.4),
}
"""Drawing area (inches) of each paper size, landscape, margins taken off."""

SHEETS: dict[str, tuple[float, float]] = {
    "a4": (842.0, 595.0),
    "a3": (1191.0, 842.0),
    "a2": (1684.0, 1191.0),
    "a1": (2384.0, 1684.0),
}
"""Size (points) of each sheet, landscape: the PDF poster's page."""


def best_row_width(data: OrgData, spec: ChartSpec, paper: str = "a3") -> ChartSpec:
    """The spec whose rows of siblings wrap so that the text prints largest on the sheet."""
    candidates = [replace(spec, row_width=width) for width in (8, 6, 5, 4, 3, 2)]
    return max(candidates, key=lambda candidate: text_size(data, candidate, paper))


def poster_dot(data: OrgData, spec: ChartSpec, paper: str | None = "a3") -> str:
    """DOT of the poster: the whole chart (never split), its title, date and legend."""
    return poster_variants(data, spec, paper)[0]


def poster_variants(data: OrgData, spec: ChartSpec, paper: str | None = "a3") -> Sequence[str]:
    """DOT of the poster with each routing (:func:`.dot.dot_variants`), preferred first."""
    whole = replace(spec, split=False, legend=True)
    chart = build_charts(data, whole, "poster", default_title(data, whole))[0]
    day = spec.as_of or data.as_of
    title = translate(spec.language, "%(title)s — organisation as of %(date)s") % {
        "title": chart.title,
        "date": format_day(day, spec.language),
    }
    attrs = {"label": graphviz.escape(title), "labelloc": "t", "fontsize": "18", "margin": "0.2"}
    if paper is not None:
        width, height = PAPERS[paper]
        attrs["size"] = f"{width},{height}"
    return dot_variants(chart, legend=True, graph_attrs=attrs)


def poster(data: OrgData, spec: ChartSpec, fmt: str = "pdf", paper: str = "a3") -> bytes:
    """The poster drawn by ``dot`` in ``fmt`` (pdf, svg or png); see :func:`best_row_width`
    to make its text as large as the sheet allows. A PDF is the size of the sheet, the
    drawing in its middle."""
    drawing = render_best(poster_variants(data, spec, paper), fmt).data
    return on_sheet(drawing, SHEETS[paper]) if fmt == "pdf" else drawing


def text_size(data: OrgData, spec: ChartSpec, paper: str = "a3") -> float:
    """The printed size, in points, of the boxes' text on the poster."""
    natural = pdf_size(render_best(poster_variants(data, spec, paper=None), "pdf").data)
    if natural is None:
        return float(FONT_SIZE)
    width, height = PAPERS[paper]
    return FONT_SIZE * min(1.0, width / natural[0], height / natural[1])


def parse_day(text: str | None) -> dt.date | None:
    """A date written YYYY-MM-DD, or None."""
    return dt.date.fromisoformat(text) if text else None
