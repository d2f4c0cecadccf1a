"""The chart nodes' visitors: clickable SVG in HTML, legible PDF in LaTeX, nothing but the
text alternative in text-like builders.

Imported the first time a chart is written (see :mod:`.chartnodes`): drawing needs the
chart model and Graphviz, which a rebuild that writes no chart does not import.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from docutils import nodes
from sphinx.ext.graphviz import render_dot

from ..graph import Chart, RenderError, dot_version, legend_dot
from ..graph.dot import ROUTINGS, dot_variants
from ..graph.fonts import resolved_family
from ..graph.layout import split_for_print
from ..graph.printing import Placement, best_print
from ..graph.render import Drawing, first_line, render_best, stamp_pdf
from ..writefile import write_bytes_atomic
from .chartnodes import chart_figure, chart_unit, orgchart_chart
from .fonts import warn_if_font_missing
from .text import _, __
from .viewer import viewer_attributes
from .warnings import CHART, CHART_ROUTING, warn

__all__ = [
    "depart_figure_latex",
    "visit_chart_html",
    "visit_figure_latex",
]


def _unit_urls(translator: Any, node: orgchart_chart) -> dict[str, str]:
    """unit id -> address, relative to the images folder (where the SVG file is)."""
    urls: dict[str, str] = {}
    for holder in node.findall(chart_unit):
        ref = next(iter(holder.findall(nodes.reference)), None)
        if ref is None:
            continue
        uri = ref.get("refuri") or ("#" + ref["refid"] if ref.get("refid") else None)
        if uri is None:
            continue
        urls[holder["unit"]] = from_images(translator.builder, uri)
    return urls


def from_images(builder: Any, uri: str) -> str:
    """An address written in the current page, as the SVG file in the images folder must
    write it.

    Sphinx computed ``uri`` relative to the page being written (``builder.current_docname``);
    the chart is a separate file in ``builder.imagedir``, at the top of the output folder.
    Both places are known by their addresses from the top (``get_target_uri``), so the
    address is made absolute within the site, then relative to the images folder: right
    for pages at any depth and for every HTML builder (``dirhtml`` pages are folders).
    """
    parts = urlsplit(uri)
    if parts.scheme or parts.netloc or parts.path.startswith("/"):
        return uri
    page = urlsplit(builder.get_target_uri(builder.current_docname)).path
    base = page[: page.rfind("/") + 1]  # the folder a relative address starts from
    path = posixpath.normpath(posixpath.join(base, parts.path)) if parts.path else page
    folder = not path or path.endswith("/") or parts.path.endswith("/")
    relative = posixpath.relpath(path or ".", builder.imagedir)
    if folder and not relative.endswith("/"):
        relative += "/"
    return urlunsplit(("", "", relative, parts.query, parts.fragment))


def _svg_file(
    translator: Any, code: str | Sequence[str], node: Any = None
) -> tuple[str, Path] | None:
    """Render the SVG once (cached by content); its path relative to the page, and its file.
    ``code`` may be the chart's DOT variants (:func:`draw_best`: never lose a chart)."""
    builder = translator.builder
    codes = [code] if isinstance(code, str) else code
    # the font dot draws with is part of the key: installing it redraws the cached charts
    drawn_by = f"{codes[0]}\n{dot_version()}\n{resolved_family()}"
    key = hashlib.sha1(drawn_by.encode(), usedforsecurity=False).hexdigest()
    name = f"orgchart-{key}.svg"
    outfile = builder.outdir / builder.imagedir / name
    if not outfile.is_file():
        drawing = draw_best(codes, "svg", node if node is not None else translator.document)
        if drawing is None:
            return None
        write_bytes_atomic(outfile, drawing.data, overwrite=True, durable=False)
    return posixpath.join(builder.imgpath, name), outfile


def _concerned(node: Any) -> str:
    chart: Chart | None = node.get("chart") if isinstance(node, nodes.Element) else None
    if chart is None:
        return ""
    root = chart.tops[0] if len(chart.tops) == 1 else ", ".join(chart.tops[:3])
    return f"'{chart.title}' ({root})"


def draw_best(codes: Sequence[str], fmt: str, node: Any) -> Drawing | None:
    """The chart drawn by :func:`~sphinx_orgchart.graph.render.render_best`, with a warning
    located at the directive (its file and line) that names the chart and its top unit:
    ``orgchart.chart-routing`` when it needed another routing, ``orgchart.chart`` when no
    routing could draw it."""
    try:
        drawing = render_best(codes, fmt)
    except RenderError as exc:
        warn(
            __("the chart %(chart)s could not be drawn: %(error)s")
            % {"chart": _concerned(node), "error": first_line(str(exc))},
            CHART,
            node,
        )
        return None
    if drawing.failures:
        routing = ROUTINGS[drawing.variant] if drawing.variant < len(ROUTINGS) else {}
        warn(
            __("Graphviz failed on the chart %(chart)s (%(error)s): drawn again with %(routing)s")
            % {
                "chart": _concerned(node),
                "error": first_line(drawing.failures[0]),
                "routing": ", ".join(f"{k}={v or 'default'}" for k, v in routing.items()),
            },
            CHART_ROUTING,
            node,
        )
    return drawing


def visit_chart_html(self: Any, node: orgchart_chart) -> None:
    chart: Chart = node["chart"]
    anchors: dict[str, str] = node.get("anchors", {})
    warn_if_font_missing(node)
    urls = _unit_urls(self, node)
    continuation: dict[str, tuple[str, str]] = {}
    for box in chart.boxes.values():
        target = box.continued_in
        if target is None:
            continue
        if target.startswith("page:"):
            # The box's unit has a page, which has its chart.
            unit_id = target.removeprefix("page:")
            if unit_id in urls:
                page = urls[unit_id].split("#")[0]
                continuation[target] = (node["page_text"], f"{page}#orgchart-{unit_id}")
        elif target in anchors:
            address = from_images(self.builder, "#" + anchors[target])
            continuation[target] = (node["more_text"], address)
    code = dot_variants(chart, urls, continuation, {"comment": self.builder.current_docname})
    drawn = _svg_file(self, code, node)
    if drawn is None:
        raise nodes.SkipNode
    src, outfile = drawn
    # The viewer's script adds its controls around the frame; the frame is written here, as
    # moving an <object> in the page would load its SVG again.
    attributes = viewer_attributes(chart, outfile)
    self.body.append(self.starttag(node, "div", "", CLASS="orgchart-chart", **attributes))
    self.body.append(self.starttag({}, "div", "", CLASS="orgchart-frame"))
    self.body.append(
        self.starttag(
            {},
            "object",
            "",
            data=src,
            type="image/svg+xml",
            role="img",
            CLASS="orgchart-svg",
            **{"aria-label": node["alt"]},
        )
    )
    self.body.append(self.starttag({}, "p", "") + self.encode(node["alt"]) + "</p>")
    self.body.append("</object></div></div>\n")
    if chart.legend:
        legend = _svg_file(self, legend_dot(chart))
        if legend is not None:
            self.body.append(
                self.emptytag(
                    {}, "img", src=legend[0], CLASS="orgchart-legend", alt=_legend_alt(chart)
                )
            )
    raise nodes.SkipNode


def _legend_alt(chart: Chart) -> str:
    return str(_("Legend: %s")) % "; ".join(text for text, _fill, _border in chart.legend)


def _pdf_file(self: Any, chart: Chart, node: Any) -> tuple[str, bytes] | None:
    """The chart drawn as a PDF in the output folder (cached by content), never lost while
    one routing draws it: its name for ``\\sphinxincludegraphics``, and its bytes."""
    codes = dot_variants(chart)
    drawn_by = f"{codes[0]}\n{dot_version()}\n{resolved_family()}"
    key = hashlib.sha1(drawn_by.encode(), usedforsecurity=False).hexdigest()
    name = f"orgchart-{key}.pdf"
    outfile = self.builder.outdir / self.builder.imagedir / name
    if outfile.is_file():
        return posixpath.join(self.builder.imgpath, name), outfile.read_bytes()
    drawing = draw_best(codes, "pdf", node)
    if drawing is None:
        return None
    write_bytes_atomic(outfile, drawing.data, overwrite=True, durable=False)
    return posixpath.join(self.builder.imgpath, name), drawing.data


def _best_print(
    self: Any, chart: Chart, node: Any
) -> tuple[str, Placement, tuple[float, float]] | None:
    """Draw the chart as a PDF, narrowing its rows until it prints legibly (the best
    drawing is kept even when a later one fails: :func:`.printing.best_print`)."""
    names: dict[int, str] = {}

    def draw(width: int) -> bytes | None:
        drawn = _pdf_file(self, replace(chart, row_width=width), node)
        if drawn is None:
            return None
        names[width] = drawn[0]
        return drawn[1]

    best = best_print(chart.row_width, draw)
    if best is None:
        return None
    width, placement, size = best
    return names[width], placement, size


def visit_figure_latex(self: Any, node: chart_figure) -> None:
    """The chart as a PDF, on a landscape page when the printing rule says so; a chart that
    would not print legibly is printed in parts (its top, then each of its branches)."""
    chart_node = next(iter(node.findall(orgchart_chart)), None)
    if chart_node is None:
        return
    chart: Chart = chart_node["chart"]
    warn_if_font_missing(chart_node)
    pieces = _printable_pieces(self, chart, chart_node, depth=0)
    landscape = any(placement.landscape for _name, placement, _size, _piece in pieces)
    node["landscape"] = landscape
    if landscape:
        self.body.append("\n\\begin{landscape}\n")
    _heading_latex(self, node)
    legend = _legend_pdf(self, chart) if chart.legend else None
    for index, (fname, placement, _size, _piece) in enumerate(pieces):
        graphic = (
            f"\\sphinxincludegraphics[width={placement.width:.2f}in]"
            f"{{{{{fname.removesuffix('.pdf')}}}.pdf}}"
        )
        if legend is not None and index == len(pieces) - 1:
            graphic = _with_legend(graphic, legend)
        self.body.append(f"\n\\begin{{center}}\n{graphic}\n\\end{{center}}\n")


def _legend_pdf(self: Any, chart: Chart) -> str | None:
    """The chart's legend as a PDF, its name as LaTeX includes it."""
    legend, legend_out = render_dot(self, legend_dot(chart), {}, "pdf", "orgchart-legend")
    if legend is None or legend_out is None:
        return None
    stamp_pdf(legend_out)
    return legend.as_posix().removesuffix(".pdf")


def _with_legend(graphic: str, legend: str) -> str:
    """A chart and its legend under it, kept together: a page break between them only as a
    last resort (the highest finite penalty), when both cannot fit on one page."""
    return f"{graphic}\n\\par\\penalty9999\\medskip\n\\sphinxincludegraphics{{{{{legend}}}.pdf}}"


def _heading_latex(self: Any, node: chart_figure) -> None:
    """The figure's heading (a detailed chart's), written before the chart rather than
    before the landscape page, then taken out of the figure's children."""
    heading = next((child for child in node.children if isinstance(child, nodes.rubric)), None)
    if heading is not None:
        heading.walkabout(self)
        heading.parent.remove(heading)


def _printable_pieces(
    self: Any, chart: Chart, node: orgchart_chart, depth: int
) -> list[tuple[str, Placement, tuple[float, float], Chart]]:
    best = _best_print(self, chart, node)
    if best is None:
        return []
    fname, placement, size = best
    if placement.legible:
        return [(fname, placement, size, chart)]
    parts = split_for_print(chart)
    if len(parts) == 1 or depth >= 3:
        warn(
            __(
                "the chart '%(title)s' is too big to print legibly (%(w).1f × %(h).1f in): "
                "split it with :max-boxes: or :depth:"
            )
            % {"title": chart.title, "w": size[0], "h": size[1]},
            CHART,
            node,
        )
        return [(fname, placement, size, chart)]
    pieces = []
    for part in parts:
        pieces.extend(_printable_pieces(self, part, node, depth + 1))
    return pieces


def depart_figure_latex(self: Any, node: chart_figure) -> None:
    if node.get("landscape"):
        self.body.append("\n\\end{landscape}\n")
