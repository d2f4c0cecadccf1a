"""Warnings of the extension: type ``orgchart``, a documented subtype, and a location.

Data problems keep the code the loader gives them (``orgchart.unknown-reference``...); the
extension adds the subtypes below. ``suppress_warnings = ["orgchart.no-head-post"]`` silences
one of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from docutils.nodes import Node
from sphinx.util import logging

__all__ = ["EXTENSION_WARNINGS", "WARNING_TYPE", "logger", "warn"]

WARNING_TYPE = "orgchart"
logger = logging.getLogger("sphinx_orgchart")


@dataclass(frozen=True)
class ExtensionWarning:
    """A warning subtype raised by the extension (not by the data)."""

    subtype: str
    doc: str


EXTENSION_WARNINGS: dict[str, ExtensionWarning] = {}


def _declare(subtype: str, doc: str) -> str:
    EXTENSION_WARNINGS[subtype] = ExtensionWarning(subtype, doc)
    return subtype


UNKNOWN_TARGET = _declare(
    "unknown-target", "A role or directive names an id the package does not have."
)
NO_PAGE = _declare(
    "no-page",
    "A reference names a unit of the package that has no page in this handbook and "
    "that no intersphinx inventory provides.",
)
DUPLICATE = _declare(
    "duplicate", "The same object is described twice (use ``:no-index:`` on one of them)."
)
BAD_OPTION = _declare("bad-option", "A directive option has a value it does not accept.")
PAGE = _declare(
    "page",
    "A generated page could not be written or removed, or a hand-written page was "
    "changed where a generated one is expected.",
)
CHART = _declare(
    "chart",
    "A chart could not be drawn (Graphviz missing or failing), or is too big to print legibly.",
)
CHART_ROUTING = _declare(
    "chart-routing",
    "Graphviz failed to draw a chart with right-angle connectors (Graphviz 2.43 aborts on "
    "some charts): it was drawn again with other connectors, or another layout. The "
    "warning names the chart, its top unit and Graphviz's error.",
)
FONT = _declare(
    "font",
    "The charts' font, Liberation Sans, is not installed: Graphviz draws the charts in "
    "another font, so their sizes (and the pages they print on) differ from those of other "
    "machines. Install the package ``fonts-liberation``. Said once a build.",
)
NO_DATA = _declare("no-data", "The data package could not be loaded at all.")
DATA_TEXT = _declare(
    "data-text",
    "A text of the data (a description, a role...) holds markup outside the allowed subset "
    "that the data checker did not report as ``orgchart.text-markup``: the build leaves it "
    "out all the same.",
)


Location = str | tuple[str | None, int | None] | Node | None


def warn(message: str, subtype: str, location: Location = None) -> None:
    """Emit one warning of type ``orgchart``."""
    logger.warning(message, type=WARNING_TYPE, subtype=subtype, location=location)
