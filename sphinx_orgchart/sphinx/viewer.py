"""The chart viewer of HTML pages: what ``orgchart-viewer.js`` needs, as data attributes.

The static SVG (an ``<object>``) and its text alternative are the page; the script adds zoom,
pan, fit, full screen, a search of the units and whole-box links on top of them. It learns
the chart from the attributes written here: the SVG's natural size (to zoom from), each box's
name and parent (to search and to highlight the path to the top), and its interface texts,
translated like any other text of the page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.application import Sphinx

from .text import _

if TYPE_CHECKING:
    from ..graph import Chart

__all__ = ["setup_viewer", "viewer_attributes"]

_PX_PER_UNIT = {"pt": 4 / 3, "px": 1.0, "in": 96.0, "": 1.0}


def _length(value: str) -> float | None:
    """A length of the SVG root (Graphviz writes ``985pt``), in CSS pixels."""
    number = value.rstrip("abcdefghijklmnopqrstuvwxyz%")
    unit = value[len(number) :]
    try:
        return float(number) * _PX_PER_UNIT[unit]
    except (ValueError, KeyError):
        return None


_SVG_ROOT = re.compile(rb"<svg\b[^>]*>", re.DOTALL)
_ATTRIBUTE = re.compile(rb"""\s([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def svg_size(path: Path) -> tuple[float, float] | None:
    """The natural width and height of an SVG file, in CSS pixels.

    Read from the root element's start tag, in the file's first 8 KiB (Graphviz writes it
    after a few comment lines), without parsing the rest of the drawing."""
    try:
        with path.open("rb") as file:
            head = file.read(8192)
    except OSError:
        return None
    root = _SVG_ROOT.search(head)
    if root is None:
        return None
    attributes = {
        match[1].decode("ascii", "replace"): (match[2] or match[3] or b"").decode(
            "utf-8", "replace"
        )
        for match in _ATTRIBUTE.finditer(root[0])
    }
    width = _length(attributes.get("width", ""))
    height = _length(attributes.get("height", ""))
    return (width, height) if width and height else None


def _boxes(chart: Chart) -> dict[str, list[object]]:
    """box id -> [name, parent box id or None, names of the units stacked in it]."""
    parents = {child: parent for parent, kids in chart.children.items() for child in kids}
    boxes: dict[str, list[object]] = {}
    for box_id, box in chart.boxes.items():
        name = f"{box.unit.sigle} — {box.unit.name}" if box.unit.sigle else box.unit.name
        stacked = [f"{row.sigle} — {row.name}" if row.sigle else row.name for row in box.stacked]
        boxes[box_id] = [name, parents.get(box_id), stacked]
    return boxes


def _labels() -> dict[str, str]:
    """The viewer's interface texts, in the page's language."""
    return {
        "toolbar": _("Chart controls"),
        "frame": _(
            "Chart: + and − zoom, 0 fits it to the frame, 1 shows its actual size, "
            "F full screen, the arrows move it"
        ),
        "zoomIn": _("Zoom in"),
        "zoomOut": _("Zoom out"),
        "fit": _("Fit"),
        "fitTitle": _("Fit the chart to the frame"),
        "actual": _("Actual size"),
        "fullscreen": _("Full screen"),
        "exitFullscreen": _("Exit full screen"),
        "search": _("Find a unit"),
        "none": _("No unit found"),
        "found": _("%(index)s of %(count)s: %(path)s"),
    }


def viewer_attributes(chart: Chart, svg: Path) -> dict[str, str]:
    """The ``data-`` attributes of a chart's container (escaped by the HTML writer)."""
    attributes = {
        "data-orgchart-boxes": json.dumps(_boxes(chart), ensure_ascii=False, sort_keys=True),
        "data-orgchart-labels": json.dumps(_labels(), ensure_ascii=False, sort_keys=True),
    }
    size = svg_size(svg)
    if size is not None:
        attributes["data-orgchart-width"] = f"{size[0]:.1f}"
        attributes["data-orgchart-height"] = f"{size[1]:.1f}"
    return attributes


def setup_viewer(app: Sphinx) -> None:
    """Register the viewer's script (its styles are in ``orgchart.css``)."""
    app.add_js_file("orgchart-viewer.js", loading_method="defer")
