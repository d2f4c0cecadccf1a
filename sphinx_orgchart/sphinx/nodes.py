"""Nodes of the extension, with a visitor for every builder, and the targets its blocks
are linked to."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

__all__ = [
    "PASS_THROUGH",
    "anchor_target",
    "elsewhere_pass_through",
    "setup_nodes",
    "shared_marker",
    "unique_id",
]


def _visit_pass(self: Any, node: nodes.Node) -> None:
    pass


PASS_THROUGH = (_visit_pass, _visit_pass)
"""Visitors of a container node that the builder writes as its children alone."""


def elsewhere_pass_through() -> dict[str, Any]:
    """The visitors of a node for the builders other than HTML: its children alone (a node
    that only HTML writes in its own way: ``app.add_node(node, html=..., **this)``)."""
    return dict.fromkeys(("latex", "text", "man", "texinfo"), PASS_THROUGH)


def unique_id(document: nodes.document, base: str) -> str:
    """``base``, or ``base-2``, ``base-3``... for its next occurrences in the page: an id made
    from data is unique per occurrence of a directive, the first keeping the plain one."""
    candidate, number = base, 1
    while candidate in document.ids:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def anchor_target(document: nodes.document, base: str) -> nodes.target:
    """A target with an id of the page made from ``base`` (see :func:`unique_id`).

    Placed just before a block, its id moves onto the block in HTML (docutils'
    ``PropagateTargets``) and becomes a ``\\label`` in LaTeX, which writes none for the ids
    of a container.
    """
    target = nodes.target("", "", ids=[unique_id(document, base)])
    document.set_id(target)
    return target


class shared_marker(nodes.Inline, nodes.TextElement):
    """After a link to a shared unit: "⇄" with its meaning in HTML, the words elsewhere."""


def _visit_marker_html(self: Any, node: shared_marker) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="orgchart-shared", title=node["note"]))
    self.body.append('<span aria-hidden="true"> ⇄</span>')
    self.body.append(self.starttag({}, "span", "", CLASS="orgchart-visually-hidden"))
    self.body.append(self.encode(f" ({node['note']})"))
    self.body.append("</span></span>")
    raise nodes.SkipNode


def _visit_marker_latex(self: Any, node: shared_marker) -> None:
    self.body.append(self.encode(f" ({node['note']})"))
    raise nodes.SkipNode


def _visit_marker_text(self: Any, node: shared_marker) -> None:
    self.add_text(f" ({node['note']})")
    raise nodes.SkipNode


def _visit_marker_plain(self: Any, node: shared_marker) -> None:
    self.body.append(f" ({node['note']})")
    raise nodes.SkipNode


def _ignore(self: Any, node: nodes.Node) -> None:
    pass


def setup_nodes(app: Sphinx) -> None:
    """Register the nodes with their visitors."""
    app.add_node(
        shared_marker,
        html=(_visit_marker_html, _ignore),
        latex=(_visit_marker_latex, _ignore),
        text=(_visit_marker_text, _ignore),
        man=(_visit_marker_plain, _ignore),
        texinfo=(_visit_marker_plain, _ignore),
    )
