"""``org:organisation``: an organisation's block; ``org:package``: what the package is and
who keeps it; ``org:units-index``: the root page of the generated unit pages."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from ...data import OrgData
from ...model import AttachmentKind, Organisation, Unit
from ...vocab import label
from ..datarest import parse_data_rest
from ..domain import OrgDomain
from ..refnodes import bullet_list, field_item, text_para, xref
from ..state import get_state, note_deps
from ..text import _, __, as_written, format_day, language_of
from ..warnings import UNKNOWN_TARGET, warn
from .unit import toctree

__all__ = ["OrganisationDirective", "PackageDirective", "UnitsIndexDirective"]


class OrganisationDirective(SphinxDirective):
    """``.. org:organisation:: ID``: kind, SIREN, website, members, top units, the common
    units above its units (a direction générale commune), the units of others attached to it."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {
        "no-index": directives.flag,
        "no-units": directives.flag,
    }
    option_docs: ClassVar[dict[str, str]] = {
        "no-index": "Do not make this block the target of the organisation's links.",
        "no-units": "Leave out the list of its top units.",
    }
    argument_doc: ClassVar[str] = "The organisation's id."

    @as_written
    def run(self) -> list[nodes.Node]:
        org_id = self.arguments[0].strip()
        data = get_state(self.env).data
        note_deps(self.env, [f"organisation:{org_id}", f"roots:{org_id}"])
        if data is None or org_id not in data.organisations:
            warn(
                __("unknown organisation '%s': no such id in the organisation data") % org_id,
                UNKNOWN_TARGET,
                self.get_location(),
            )
            return []
        org = data.organisations[org_id]
        language = language_of(self.env)
        block = nodes.container(classes=["orgchart-organisation"])
        out: list[nodes.Node] = [block]
        if "no-index" not in self.options:
            domain: OrgDomain = self.env.get_domain("org")  # type: ignore[assignment]
            target = domain.describe(
                self.state.document, "organisation", org_id, self.get_location()
            )
            if target is not None:
                out.insert(0, target)
        fields = nodes.field_list()
        fields += field_item(_("Kind"), text_para(label(org.kind, language)))
        if org.siren:
            fields += field_item(
                _("SIREN"), text_para(f"{org.siren[:3]} {org.siren[3:6]} {org.siren[6:]}")
            )
        if org.website:
            fields += field_item(
                _("Website"),
                text_para(nodes.reference(org.website, org.website, refuri=org.website)),
            )
        if org.members:
            fields += field_item(_("Member communes"), text_para(", ".join(org.members)))
        if org.previous:
            fields += field_item(_("Formerly"), bullet_list(_former(org, language)))
        roots = data.roots.get(org_id, [])
        if roots and "no-units" not in self.options:
            for unit_id in roots:
                note_deps(self.env, [f"unit:{unit_id}"])
            fields += field_item(
                _("Top units"), bullet_list([xref("unit", u, data.units[u].label) for u in roots])
            )
        common = data.common_roots(org_id)
        if common:
            # the direction générale commune above its units, with its home organisation
            for unit_id in common:
                note_deps(self.env, [f"unit:{unit_id}"])
            fields += field_item(
                _("Common units"), bullet_list([self.common_entry(data, u) for u in common])
            )
        attached = data.attached_to_organisation(org_id)
        if attached:
            note_deps(self.env, ["attachments", *(f"unit:{u.id}" for u in attached)])
            fields += field_item(
                _("Units of other organisations attached to it"),
                bullet_list([self.attached_entry(data, u, org_id) for u in attached]),
            )
        block += fields
        if org.description:
            block += parse_data_rest(self, data, "organisations", org.id, org.description)
        return out

    @staticmethod
    def common_entry(data: OrgData, unit_id: str) -> nodes.paragraph:
        """A common unit, linked, and the organisation it belongs to."""
        unit = data.units[unit_id]
        para = text_para(xref("unit", unit.id, unit.label))
        home = data.organisations.get(unit.organisation or "")
        if home is not None:
            para += nodes.Text(" — ")
            para += xref("organisation", home.id, home.name)
        return para

    def attached_entry(self, data: OrgData, unit: Unit, org_id: str) -> nodes.paragraph:
        """A unit attached to the organisation, with its own organisation and the kind."""
        para = self.common_entry(data, unit.id)
        language = language_of(self.env)
        kinds = [
            label(a.kind or AttachmentKind.rattachement_secondaire, language)
            for a in unit.attachments
            if a.organisation == org_id
        ]
        para += nodes.Text(" (" + ", ".join(dict.fromkeys(kinds)) + ")")
        return para


def _former(org: Organisation, language: str) -> list[nodes.Node]:
    """ "Grand Dijon (communauté urbaine) until 27 April 2017", oldest first."""
    items: list[nodes.Node] = []
    for (_start, state), (following, _next) in itertools.pairwise(org.periods()):
        assert following is not None  # every period but the first has a start
        last = following - dt.timedelta(days=1)
        items.append(
            text_para(
                f"{state.name} ({label(state.kind, language)}) "
                + _("until %s") % format_day(last, language)
            )
        )
    return items


class PackageDirective(SphinxDirective):
    """``.. org:package::``: the package's presentation, the date of its data and of its
    last review, and who maintains it (where to send corrections)."""

    option_spec: ClassVar[dict[str, Any]] = {"no-maintainer": directives.flag}
    option_docs: ClassVar[dict[str, str]] = {
        "no-maintainer": "Leave out the dates and the maintainer: only the presentation.",
    }

    @as_written
    def run(self) -> list[nodes.Node]:
        data = get_state(self.env).data
        note_deps(self.env, ["package"])
        if data is None:
            return []
        info = data.package.package
        language = language_of(self.env)
        block = nodes.container(classes=["orgchart-package"])
        if info.description:
            block += parse_data_rest(self, data, "package", "package", info.description)
        if "no-maintainer" in self.options:
            return [block]
        fields = nodes.field_list()
        fields += field_item(_("Data as of"), text_para(format_day(info.as_of, language)))
        if info.reviewed:
            fields += field_item(_("Last reviewed"), text_para(format_day(info.reviewed, language)))
        keeper = info.maintainer
        if keeper is not None:
            unit = data.units.get(keeper.unit or "")
            para = nodes.paragraph()
            if unit is None or unit.name != keeper.name:
                para += nodes.Text(keeper.name)
            if unit is not None:
                note_deps(self.env, [f"unit:{unit.id}"])
                para += nodes.Text(" — " if len(para) else "")
                para += xref("unit", unit.id, unit.label)
            if keeper.email:
                para += nodes.Text(" — ")
                para += nodes.reference(keeper.email, keeper.email, refuri=f"mailto:{keeper.email}")
            if keeper.phone:
                para += nodes.Text(" — " + keeper.phone)
            fields += field_item(_("Maintained by"), para)
        block += fields
        return [block]


class UnitsIndexDirective(SphinxDirective):
    """``.. org:units-index::``: the root page of the unit pages, one section per organisation
    with its block and the toctree of its top units, then the closed units."""

    option_spec: ClassVar[dict[str, Any]] = {}
    option_docs: ClassVar[dict[str, str]] = {}

    @as_written
    def run(self) -> list[nodes.Node]:
        state = get_state(self.env)
        data = state.data
        note_deps(self.env, ["organisations", "closed", "as-of", "nav-index"])
        title = _("Organisation of the services")
        page = nodes.section(ids=["org-units-index"], names=[title])
        page += nodes.title(title, title)
        if data is None or state.nav is None:
            return [page]
        docname = self.env.docname
        covered = [o for o in data.organisations if state.nav.roots.get(o)]
        for org_id in covered:
            org = data.organisations[org_id]
            note_deps(self.env, [f"organisation:{org_id}", f"roots:{org_id}"])
            section = nodes.section(ids=[f"org-index-{org_id}"], names=[org.name])
            section += nodes.title(org.name, org.name)
            directive = OrganisationDirective(
                "org:organisation",
                [org_id],
                {"no-units": None},
                StringList(),
                self.lineno,
                self.content_offset,
                self.block_text,
                self.state,
                self.state_machine,
            )
            section += directive.run()
            roots = [state.pages[u] for u in state.nav.roots[org_id]]
            section += toctree(docname, roots, hidden=False)
            page += section
        if state.nav.closed:
            for unit_id in state.nav.closed:
                note_deps(self.env, [f"unit:{unit_id}"])
            closed_title = _("Closed units")
            section = nodes.section(ids=["org-index-closed"], names=[closed_title])
            section += nodes.title(closed_title, closed_title)
            section += toctree(docname, [state.pages[u] for u in state.nav.closed], hidden=False)
            page += section
        return [page]
