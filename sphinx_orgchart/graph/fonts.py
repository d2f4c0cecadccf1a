"""The one font the charts are drawn in, and whether this machine has it.

``dot`` measures every label with the font fontconfig gives it, and the size of a chart (so
whether it prints legibly, on which page) follows from those widths. A generic name such as
"Helvetica" resolves to whatever the machine has (TeX Gyre Heros, Nimbus Sans, DejaVu Sans):
the same data would give charts of different sizes on different machines. The charts name
one family that ``scripts/install-system-deps.sh graphviz`` installs, Liberation Sans: free,
packaged by every Linux distribution, and metric-compatible with Arial and Helvetica, so that
a browser without it draws the SVG's text, in Arial or Helvetica, at the same widths.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from functools import lru_cache

from ..i18n import N_

__all__ = [
    "FONT",
    "FONT_FAMILY",
    "FONT_MISSING",
    "FONT_PACKAGE",
    "NO_FONT",
    "font_substitute",
    "forget_resolved_family",
    "resolved_family",
]

FONT_FAMILY = "Liberation Sans"
"""The family ``dot`` draws and measures the charts' text with."""

FONT = f"{FONT_FAMILY},Arial,Helvetica,sans-serif"
"""The ``fontname`` of the charts. ``dot`` takes the first family it has (pango reads the
list); the SVG keeps the whole list as its ``font-family``, for the reader's browser."""

FONT_PACKAGE = "fonts-liberation"
"""The Debian and Ubuntu package of :data:`FONT_FAMILY` (version 1 or 2: same metrics)."""

FONT_MISSING = N_(
    "the charts' font %(font)s is not installed: Graphviz draws them in %(used)s, and "
    "their sizes differ from those of other machines; install the package %(package)s "
    "(Debian, Ubuntu: apt-get install %(package)s)"
)
"""The warning of a build, or of ``sphinx-orgchart render``, on a machine without it."""

NO_FONT = N_("no font at all (fontconfig finds none)")
"""What :data:`FONT_MISSING` says Graphviz draws in when :func:`font_substitute` is ``""``."""

_RESOLVED = re.compile(r'resolved to: \(\w+\) "([^",]+)')
_UNRESOLVED = "unable to resolve"


def _dot_family(dot: str) -> str | None:
    """The family ``dot`` itself picks for :data:`FONT` (its verbose mode says it)."""
    source = f'digraph {{ node [fontname="{FONT}"]; a }}'
    try:
        done = subprocess.run(
            [dot, "-v", "-Tsvg"],
            input=source.encode(),
            capture_output=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    said = done.stderr.decode("utf-8", "replace")
    match = _RESOLVED.search(said)
    if match:
        return match[1].strip()
    return "" if _UNRESOLVED in said else None


def _fontconfig_family() -> str | None:
    """The family fontconfig gives for :data:`FONT_FAMILY` (what ``fc-match`` says)."""
    if shutil.which("fc-match") is None:
        return None
    try:
        done = subprocess.run(
            ["fc-match", "-f", "%{family[0]}", FONT_FAMILY],
            capture_output=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.decode("utf-8", "replace").strip() or None


def resolved_family(dot: str = "dot") -> str | None:
    """The family the charts are drawn in on this machine: ``""`` when there is no font at
    all, None when it cannot be told.

    ``dot``'s own answer first: pango skips fonts that fontconfig would give (Type 1 fonts
    such as TeX's TeX Gyre Heros), so only ``dot`` knows for sure; ``fc-match`` otherwise.
    Asked once a process for each ``dot``, however it is called.
    """
    return _resolved_family(dot)


def forget_resolved_family() -> None:
    """Ask ``dot`` again next time (for a program that changes the fonts it sees)."""
    _resolved_family.cache_clear()


@lru_cache(maxsize=4)
def _resolved_family(dot: str) -> str | None:
    if shutil.which(dot) is None:
        return None
    family = _dot_family(dot)
    return family if family is not None else _fontconfig_family()


def font_substitute(dot: str = "dot") -> str | None:
    """The family drawn instead of :data:`FONT_FAMILY` (``""``: none, see :data:`NO_FONT`),
    or None when it is installed, or when Graphviz is missing (reported on its own)."""
    family = resolved_family(dot)
    if family is None or family.casefold() == FONT_FAMILY.casefold():
        return None
    return family
