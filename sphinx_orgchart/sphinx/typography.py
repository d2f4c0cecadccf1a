"""French typography for every page: the spacing of :func:`sphinx_orgchart.wording.typeset`.

Directives, the unit pages and the handbook's own prose reach the reader through this one
post-transform, so that no directive spaces its own punctuation: with ``language = "fr"``,
a narrow no-break space goes before ``; ! ?``, a no-break space before ``:`` and ``%``,
inside « guillemets » and between the groups of a number. Code, addresses and raw output
are left as written.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..wording import typeset
from .text import language_of

__all__ = ["FrenchSpacing"]

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


class FrenchSpacing(SphinxPostTransform):
    """Apply the spacing of the page's language (French: see :func:`typeset`)."""

    default_priority = 900  # after the references are resolved and named (LiveNames)

    def run(self, **kwargs: Any) -> None:
        language = language_of(self.env)
        for text in list(self.document.findall(nodes.Text)):
            if _verbatim(text):
                continue
            parent = text.parent
            if isinstance(parent, nodes.reference) and parent.get("refuri") == str(text):
                continue  # an address shown as itself
            new = typeset(str(text), language)
            if new != str(text) and parent is not None:
                parent.replace(text, nodes.Text(new))
