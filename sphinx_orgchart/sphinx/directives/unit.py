"""``org:unit`` (a unit's reference block) and ``org:unit-page`` (a whole generated page)."""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from ...data import OrgData
from ...graph.build import boxed_children
from ..domain import OrgDomain
from ..state import get_state, note_deps
from ..text import __, as_written, language_of
from ..unitblock import SECTIONS, UnitBlock
from ..warnings import BAD_OPTION, UNKNOWN_TARGET, warn

__all__ = ["UnitDirective", "UnitPageDirective", "section_names"]


def section_names(argument: str | None) -> set[str]:
    """The ``:exclude:`` option: comma- or space-separated section names."""
    return {part for part in (argument or "").replace(",", " ").split() if part}


class UnitDirective(SphinxDirective):
    """``.. org:unit:: ID``: the reference block of a unit (and its link target)."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {
        "exclude": directives.unchanged,
        "no-index": directives.flag,
    }
    option_docs: ClassVar[dict[str, str]] = {
        "exclude": "Sections to leave out, separated by commas: " + ", ".join(SECTIONS) + ".",
        "no-index": "Do not make this block the target of the unit's links (when the unit is "
        "described elsewhere, on its page).",
    }
    argument_doc: ClassVar[str] = "The unit's id."

    @property
    def domain(self) -> OrgDomain:
        """The ``org`` domain."""
        domain: OrgDomain = self.env.get_domain("org")  # type: ignore[assignment]
        return domain

    def data_or_warn(self) -> OrgData | None:
        """The data, with the unit; warns and returns None when the unit is unknown."""
        data = get_state(self.env).data
        unit_id = self.arguments[0].strip()
        note_deps(self.env, [f"unit:{unit_id}"])
        if data is None or unit_id not in data.units:
            warn(
                __("unknown unit '%s': no such id in the organisation data") % unit_id,
                UNKNOWN_TARGET,
                self.get_location(),
            )
            return None
        return data

    def excluded(self) -> set[str]:
        """Sections to leave out; warns about names that are not sections."""
        names = section_names(self.options.get("exclude"))
        unknown = sorted(names - set(SECTIONS))
        if unknown:
            warn(
                __("unknown section(s) %(names)s in :exclude:; the sections are: %(all)s")
                % {"names": ", ".join(unknown), "all": ", ".join(SECTIONS)},
                BAD_OPTION,
                self.get_location(),
            )
        return names

    def block(self, data: OrgData) -> list[nodes.Node]:
        """Build the block, preceded by its target, and register what it describes."""
        unit = data.units[self.arguments[0].strip()]
        config = self.env.config
        show_people = bool(config.orgchart_show_people and data.package.package.publish_people)
        target = None
        if "no-index" not in self.options:
            target = self.domain.describe(self.state.document, "unit", unit.id, self.get_location())
        block = UnitBlock(self, data, unit, language_of(self.env), show_people, target is not None)
        block.live = data is get_state(self.env).data
        container = block.build(self.excluded())
        block.names.discard(unit.id)  # its own name is the page's title: read it again
        note_deps(self.env, block.deps, names=block.names)
        for post_id, post_anchor in block.post_targets:
            self.domain.note_object("post", post_id, post_anchor, self.get_location())
        return [container] if target is None else [target, container]

    @as_written
    def run(self) -> list[nodes.Node]:
        data = self.data_or_warn()
        if data is None:
            return []
        return self.block(data)


class UnitPageDirective(UnitDirective):
    """``.. org:unit-page:: ID``: title, block, and the toctree of the sub-units' pages."""

    option_spec: ClassVar[dict[str, Any]] = {"exclude": directives.unchanged}
    option_docs: ClassVar[dict[str, str]] = {
        "exclude": UnitDirective.option_docs["exclude"],
    }

    def chart(self, data: OrgData, unit_id: str) -> list[nodes.Node]:
        """The chart of the unit, when it has at least two sub-units drawn as boxes."""
        if not self.env.config.orgchart_page_charts or boxed_children(data, unit_id) < 2:
            return []
        from .chart import ChartDirective

        chart = ChartDirective(
            "org:chart",
            [unit_id],
            {},
            StringList(),
            self.lineno,
            self.content_offset,
            self.block_text,
            self.state,
            self.state_machine,
        )
        return chart.run()

    @as_written
    def run(self) -> list[nodes.Node]:
        data = self.data_or_warn()
        if data is None:
            return []
        unit = data.units[self.arguments[0].strip()]
        section = nodes.section(ids=[f"org-page-{unit.id}"], names=[unit.label])
        self.state.document.set_id(section)
        section += nodes.title(unit.label, unit.label)
        section += self.block(data)
        section += self.chart(data, unit.id)
        state = get_state(self.env)
        children = state.nav.children.get(unit.id, []) if state.nav else []
        note_deps(self.env, [f"children:{unit.id}", f"nav:{unit.id}"])
        if children:
            section += toctree(self.env.docname, [state.pages[c] for c in children])
        return [section]


def toctree(
    docname: str, targets: list[str], caption: str | None = None, hidden: bool = True
) -> nodes.compound:
    """A toctree node, as the ``toctree`` directive makes it."""
    node = addnodes.toctree()
    node["parent"] = docname
    node["entries"] = [(None, target) for target in targets]
    node["includefiles"] = list(targets)
    node["maxdepth"] = -1
    node["caption"] = caption
    node["glob"] = False
    node["hidden"] = hidden
    node["includehidden"] = False
    node["numbered"] = 0
    node["titlesonly"] = False
    wrapper = nodes.compound(classes=["toctree-wrapper"])
    wrapper += node
    return wrapper
