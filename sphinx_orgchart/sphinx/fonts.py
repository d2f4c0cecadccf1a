"""The build's warning when the charts' font is missing (said once a build)."""

from __future__ import annotations

from ..graph.fonts import FONT_FAMILY, FONT_MISSING, FONT_PACKAGE, NO_FONT, font_substitute
from .text import __
from .warnings import FONT, WARNING_TYPE, Location, logger

__all__ = ["warn_if_font_missing"]


def warn_if_font_missing(location: Location) -> None:
    """Warn, at the first chart a build draws, that Graphviz lacks the charts' font."""
    substitute = font_substitute()
    if substitute is None:
        return
    message = __(FONT_MISSING) % {
        "font": FONT_FAMILY,
        "used": substitute or __(NO_FONT),
        "package": FONT_PACKAGE,
    }
    # Sphinx's filter of repeated messages is set up anew for each build.
    logger.warning(message, type=WARNING_TYPE, subtype=FONT, location=location, once=True)
