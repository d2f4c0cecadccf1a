"""The nodes the directives make, with a visitor for every builder.

They live apart from the directives so that ``setup()`` can register them without importing
the directives, which a rebuild with no change does not use (see :mod:`.directives`). The
poster's visitor imports the drawing code the first time it writes a poster.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from .nodes import elsewhere_pass_through

__all__ = [
    "DirectoryRows",
    "directory",
    "email_address",
    "poster_link",
    "progress",
    "setup_directive_nodes",
]


class directory(nodes.General, nodes.Element):
    """Holds a directory table; in HTML, a script adds a search box above it.

    With ``units`` (the ids of its rows, see :mod:`.directoryrows`), the rows are made when
    the page is written."""


_OWN_TREE = frozenset({"html", "dirhtml"})
"""Builders that resolve the tree of each page on its own (LaTeX, ``singlehtml``... resolve
one tree made of many pages)."""


class DirectoryRows(SphinxPostTransform):
    """When a page is written, the rows of its directories (:mod:`.directoryrows`)."""

    default_priority = 4  # before the references are named (5) and resolved (10)

    def run(self, **kwargs: Any) -> None:
        pages = self.env.domaindata["org"].get("rows_at_write")
        if not pages:
            return
        if self.env._builder_cls.name in _OWN_TREE and ("directory", self.env.docname) not in pages:
            return  # the tree of one page, which has no such directory
        found = [node for node in self.document.findall(directory) if "units" in node]
        if found:
            from .directoryrows import make_rows

            for node in found:
                make_rows(self, node)


class email_address(nodes.reference):
    """An e-mail address; in HTML and LaTeX it breaks after its dots and ``@``, never
    hyphenated."""


def _visit_email_latex(self: Any, node: email_address) -> None:
    # \sphinxnolinkurl sets the address as url.sty does: breaks at . and @, no hyphen.
    self.body.append(
        r"\sphinxhref{%s}{\sphinxnolinkurl{%s}}"  # noqa: UP031  (LaTeX braces)
        % (self.encode_uri(node["refuri"]), self.encode_uri(node.astext()))
    )
    raise nodes.SkipNode


def _visit_email_html(self: Any, node: email_address) -> None:
    # a <wbr> after each dot and @: the address wraps there, and copies without them
    self.visit_reference(node)
    pieces = [self.encode(p) for p in re.split(r"(?<=[.@])", node.astext())]
    if self.in_mailto and self.settings.cloak_email_addresses:
        pieces = [self.cloak_email(p) for p in pieces]
    self.body.append("<wbr>".join(pieces))
    self.depart_reference(node)
    raise nodes.SkipNode


def _visit_email(self: Any, node: email_address) -> None:
    self.visit_reference(node)


def _depart_email(self: Any, node: email_address) -> None:
    self.depart_reference(node)


def _visit_directory_html(self: Any, node: directory) -> None:
    self.body.append(
        self.starttag(
            node,
            "div",
            "",
            CLASS="orgchart-directory",
            **{
                "data-search-label": node["search_label"],
                "data-count-one": node["count_one"],
                "data-count-other": node["count_other"],
                "data-plural-rule": node["plural_rule"],
            },
        )
    )

    if "units" in node:
        from .directoryrows import write_rows_html

        write_rows_html(self, node)
        self.body.append("</div>\n")
        raise nodes.SkipNode


def _depart_directory_html(self: Any, node: directory) -> None:
    self.body.append("</div>\n")


class progress(nodes.Inline, nodes.TextElement):
    """A progress value: a bar in HTML, the figure elsewhere."""


def _visit_progress_html(self: Any, node: progress) -> None:
    value = int(node["value"])
    self.body.append(
        self.starttag(node, "progress", "", max="100", value=str(value), CLASS="orgchart-progress")
    )
    self.body.append(self.encode(f"{value} %") + "</progress> ")
    self.body.append(self.encode(f"{value} %"))
    raise nodes.SkipNode


class poster_link(nodes.Inline, nodes.TextElement):
    """A link to the poster's PDF, made when the HTML is written."""


def _visit_poster_html(self: Any, node: poster_link) -> None:
    from .directives.poster import visit_poster_html

    visit_poster_html(self, node)


def setup_directive_nodes(app: Sphinx) -> None:
    """Register the nodes, and the directory's script."""
    app.add_node(
        directory,
        html=(_visit_directory_html, _depart_directory_html),
        **elsewhere_pass_through(),
    )
    app.add_node(
        email_address,
        html=(_visit_email_html, None),
        latex=(_visit_email_latex, None),
        text=(_visit_email, _depart_email),
        man=(_visit_email, _depart_email),
        texinfo=(_visit_email, _depart_email),
    )
    app.add_node(progress, html=(_visit_progress_html, None), **elsewhere_pass_through())
    app.add_node(poster_link, html=(_visit_poster_html, None), **elsewhere_pass_through())
    app.add_post_transform(DirectoryRows)
    app.add_js_file("orgchart-directory.js", loading_method="defer")
