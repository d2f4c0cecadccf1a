"""The docutils nodes the reference blocks and the directives are made of: references to
the ``org`` domain's objects, and the fields, paragraphs and bullet lists that hold them."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes

__all__ = ["bullet_list", "entry_link", "field_item", "text_para", "xref"]


def xref(
    objtype: str, target: str, text: str, warn: bool = False, name: str | None = None
) -> addnodes.pending_xref:
    """A reference to an object of the ``org`` domain, resolved like the roles.

    ``name`` ("label" or "short", for units) makes the text the unit's name when the
    document is written (see :mod:`.livenames`); ``text`` is then what it was when read.
    """
    ref = addnodes.pending_xref(
        "",
        refdomain="org",
        reftype=objtype,
        reftarget=target,
        refexplicit=True,
        refwarn=warn,
    )
    if name is not None:
        ref["orgchart_name"] = name
    ref += nodes.inline(text, text, classes=["xref", "org", f"org-{objtype}"])
    return ref


def entry_link(kind: str, unit_id: str, child: nodes.Node) -> addnodes.pending_xref:
    """``child`` linked to the unit's row in the shared units table or the directory, when
    the handbook has one (else it stays as it is)."""
    ref = addnodes.pending_xref(
        "",
        refdomain="org",
        reftype=f"{kind}-entry",
        reftarget=unit_id,
        refexplicit=True,
        refwarn=False,
    )
    ref += child
    return ref


def field_item(name: str, *body: nodes.Node) -> nodes.field:
    """A field of a field list: ``name``, and ``body`` (inline nodes in a paragraph)."""
    item = nodes.field()
    item += nodes.field_name(name, name)
    content = nodes.field_body()
    for node in body:
        content += (
            node
            if not isinstance(node, nodes.Inline | nodes.Text)
            else (nodes.paragraph("", "", node))
        )
    item += content
    return item


def text_para(*children: nodes.Node | str) -> nodes.paragraph:
    """A paragraph of ``children`` (texts and inline nodes)."""
    para = nodes.paragraph()
    for child in children:
        para += nodes.Text(child) if isinstance(child, str) else child
    return para


def bullet_list(items: list[nodes.Node]) -> nodes.bullet_list:
    """A bullet list with one item per node (a paragraph, or put in one)."""
    bullets = nodes.bullet_list()
    for item in items:
        entry = nodes.list_item()
        entry += item if isinstance(item, nodes.paragraph) else text_para(item)
        bullets += entry
    return bullets
