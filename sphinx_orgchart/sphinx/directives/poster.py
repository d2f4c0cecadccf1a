"""``org:poster``: the standalone organigramme, offered as a PDF to download."""

from __future__ import annotations

import hashlib
import posixpath
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from ...graph import ChartSpec, RenderError, dot_version
from ...graph.fonts import resolved_family
from ...graph.poster import PAPERS, best_row_width, poster, poster_dot
from ...wording import NBSP, format_number, of_org, of_organisation
from ...writefile import write_bytes_atomic
from ..directivenodes import poster_link
from ..fonts import warn_if_font_missing
from ..state import get_state, note_deps
from ..text import _, __, as_written, language_of
from ..warnings import CHART, UNKNOWN_TARGET, warn

__all__ = ["PosterDirective", "poster_link", "visit_poster_html"]


def _paper(argument: str | None) -> str:
    return str(directives.choice(argument or "", list(PAPERS)))


class PosterDirective(SphinxDirective):
    """``.. org:poster:: [ID]``: a link to download the organigramme of an organisation (or
    of a unit) as one PDF sheet, drawn from the data at each build."""

    optional_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"paper": _paper, "depth": directives.positive_int}
    option_docs: ClassVar[dict[str, str]] = {
        "paper": "Sheet size, landscape: a4, a3 (default), a2 or a1.",
        "depth": "How many levels below the top to draw (default: all).",
    }
    argument_doc: ClassVar[str] = "An organisation's or a unit's id (default: the first "
    "organisation)."

    @as_written
    def run(self) -> list[nodes.Node]:
        data = get_state(self.env).data
        if data is None:
            return []
        target = self.arguments[0].strip() if self.arguments else next(iter(data.organisations))
        if target not in data.units and target not in data.organisations:
            warn(
                __("unknown unit or organisation '%s' in org:poster") % target,
                UNKNOWN_TARGET,
                self.get_location(),
            )
            return []
        note_deps(
            self.env,
            [
                "units",
                "as-of",
                "levels",
                "categories",
                "sharing",
                *(f"unit:{u}" for u in data.units),
            ],
        )
        unit = data.units.get(target)
        language = language_of(self.env)
        of_title = (
            of_organisation(unit.label, language)
            if unit
            else of_org(data.organisations[target], language)
        )
        text = _("Organisation chart %(of_title)s (PDF)") % {"of_title": of_title}
        node = poster_link(
            text,
            text,
            target=target,
            paper=self.options.get("paper", "a3"),
            depth=self.options.get("depth"),
        )
        node.source, node.line = self.get_source_info()  # where drawing problems are told
        only = addnodes.only(expr="html")  # a download exists on the web only
        only += nodes.paragraph("", "", node, classes=["orgchart-poster"])
        return [only]


def _spec(translator: Any, node: poster_link) -> ChartSpec | None:
    data = get_state(translator.builder.env).data
    if data is None:
        return None
    unit = data.units.get(node["target"])
    return ChartSpec(
        roots=(node["target"],) if unit else (),
        organisation=unit.organisation if unit else node["target"],
        depth=node["depth"],
        language=language_of(translator.builder.env),
    )


def visit_poster_html(self: Any, node: poster_link) -> None:
    data = get_state(self.builder.env).data
    spec = _spec(self, node)
    if data is None or spec is None:
        raise nodes.SkipNode
    source = poster_dot(data, spec, node["paper"])
    # Installing the charts' font changes the drawing: the font is part of the key.
    drawer = f"{dot_version()}\n{resolved_family()}\nsheet"
    key = hashlib.sha1(f"{source}\n{drawer}".encode(), usedforsecurity=False).hexdigest()
    name = f"organigramme-{node['target']}-{key[:12]}.pdf"
    outfile = self.builder.outdir / "_downloads" / name
    if not outfile.is_file():
        warn_if_font_missing(node)
        try:
            best = best_row_width(data, spec, node["paper"])
            write_bytes_atomic(
                outfile, poster(data, best, "pdf", node["paper"]), overwrite=True, durable=False
            )
        except RenderError as exc:
            warn(__("the chart could not be drawn: %s") % exc, CHART, node)
            raise nodes.SkipNode from exc
    # "1 234 Ko": the number in the language's groups, held to its unit
    language = language_of(self.builder.env)
    size = format_number(round(outfile.stat().st_size / 1024), language)
    href = posixpath.join(self.builder.dlpath, name)
    self.body.append(
        self.starttag(node, "a", "", href=href, download=name, CLASS="reference download")
    )
    self.body.append(self.encode(node.astext()))
    self.body.append("</a>" + self.encode(" — " + (_("%s KB") % size).replace(" ", NBSP)))
    raise nodes.SkipNode
