"""French typography for every page: the spacing of :func:`sphinx_orgchart.wording.typeset`.

Directives, the unit pages and the handbook's own prose reach the reader through this one
pair of transforms (at read and at write time), so that no directive spaces its own
punctuation: with ``language = "fr"``, a narrow no-break space goes before ``; ! ?``, a
no-break space before ``:`` and ``%`` and inside « guillemets »; in every language, the
groups of a number hold together. Code, addresses and raw output
are left as written.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..wording import NARROW_NBSP, NBSP, typeset
from .text import language_of

__all__ = ["FrenchSpacing", "LaTeXFrenchSpacing", "SpacingAtRead", "apply_spacing"]

_VERBATIM = (
    nodes.FixedTextElement,  # literal blocks, doctest blocks, line blocks of code
    nodes.literal,
    nodes.raw,
    nodes.comment,
    nodes.math,
    nodes.math_block,
    nodes.target,
)


def _verbatim(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, _VERBATIM) and not isinstance(parent, nodes.line_block):
            return True
        parent = parent.parent
    return False


def apply_spacing(document: nodes.document, language: str) -> None:
    """Set the text of ``document`` (its verbatim parts aside) with ``language``'s spacing."""
    for text in list(document.findall(nodes.Text)):
        written = str(text)
        new = typeset(written, language)
        if new == written:
            continue  # most texts: the parents need not be looked at
        parent = text.parent
        if parent is None or _verbatim(text):
            continue
        if isinstance(parent, nodes.reference) and parent.get("refuri") == written:
            continue  # an address shown as itself
        parent.replace(text, nodes.Text(new))


class SpacingAtRead(SphinxTransform):
    """The spacing of the text as read, so that titles in tables of contents have it."""

    default_priority = 800  # after SmartQuotes (750) has made the « guillemets »

    def apply(self, **kwargs: Any) -> None:
        apply_spacing(self.document, language_of(self.env))


# Before ; ! ? LaTeX's French (babel-french, polyglossia) sets its own thin space and
# takes out a space typed before: Sphinx makes U+00A0 a space it can take out, while
# U+202F is a glyph it keeps, as wide as a word space in FreeSerif. The LaTeX pages hand
# these signs a no-break space, so that the PDF has French's thin space, once.
_NARROW_BEFORE_SIGN = re.compile(NARROW_NBSP + r"(?=[;!?])")


def _latex_spacing(document: nodes.document) -> None:
    for text in list(document.findall(nodes.Text)):
        if NARROW_NBSP in text and not _verbatim(text) and text.parent is not None:
            text.parent.replace(text, nodes.Text(_NARROW_BEFORE_SIGN.sub(NBSP, str(text))))


class FrenchSpacing(SphinxPostTransform):
    """The spacing of the text made when the page is written (resolved references, names)."""

    default_priority = 900  # after the references are resolved and named (LiveNames)

    def run(self, **kwargs: Any) -> None:
        apply_spacing(self.document, language_of(self.env))


class LaTeXFrenchSpacing(SphinxPostTransform):
    """Before ``; ! ?``, the PDF's French spacing is babel-french's (or polyglossia's)."""

    default_priority = 901  # after FrenchSpacing
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        if language_of(self.env) == "fr":
            _latex_spacing(self.document)
