"""``org:body``: a governance body (CODIR, comité social territorial...)."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ...data import OrgData
from ...model import Schedule
from ...vocab import label
from ...wording import with_kind
from ..datarest import parse_data_rest
from ..domain import OrgDomain
from ..refnodes import bullet_list, field_item, text_para, xref
from ..state import get_state, note_deps
from ..text import _, __, as_written, format_day, language_of
from ..warnings import UNKNOWN_TARGET, warn

__all__ = ["BodyDirective", "schedule_text"]


def _time(value: dt.time, language: str) -> str:
    if language == "fr":
        return f"{value.hour} h {value.minute:02d}"  # CLDR's "H 'h' mm": "8 h 05"
    return value.strftime("%H:%M")


def schedule_text(schedule: Schedule, language: str) -> str:
    """ "every week, on Tuesday, from 08:30 to 11:00 (place)" in the handbook's language."""
    parts = [label(schedule.frequency, language)]
    if schedule.weekday is not None:
        parts.append(_("on %s") % label(schedule.weekday, language))
    if schedule.start and schedule.end:
        parts.append(
            _("from %(start)s to %(end)s")
            % {"start": _time(schedule.start, language), "end": _time(schedule.end, language)}
        )
    elif schedule.start:
        parts.append(_("at %s") % _time(schedule.start, language))
    text = ", ".join(parts)
    if schedule.place:
        text += f" ({schedule.place})"
    return text[:1].upper() + text[1:]


class BodyDirective(SphinxDirective):
    """``.. org:body:: ID``: role, objectives, functioning, schedule, chair and members of a
    governance body; units whose posts sit in it list it on their pages."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"no-index": directives.flag}
    option_docs: ClassVar[dict[str, str]] = {
        "no-index": "Do not make this block the target of the body's links.",
    }
    argument_doc: ClassVar[str] = "The body's id."

    @as_written
    def run(self) -> list[nodes.Node]:
        body_id = self.arguments[0].strip()
        data = get_state(self.env).data
        note_deps(self.env, [f"body:{body_id}"])
        if data is None or body_id not in data.bodies:
            warn(
                __("unknown body '%s': no such id in the organisation data") % body_id,
                UNKNOWN_TARGET,
                self.get_location(),
            )
            return []
        body = data.bodies[body_id]
        language = language_of(self.env)
        block = nodes.container(classes=["orgchart-body"])
        out: list[nodes.Node] = [block]
        if "no-index" not in self.options:
            domain: OrgDomain = self.env.get_domain("org")  # type: ignore[assignment]
            target = domain.describe(self.state.document, "body", body_id, self.get_location())
            if target is not None:
                out.insert(0, target)
        if body.role:
            block += parse_data_rest(self, data, "bodies", body.id, body.role, field="role")
        fields = nodes.field_list()
        fields += field_item(_("Kind"), text_para(label(body.kind, language)))
        org = data.organisations.get(body.organisation)
        if org is not None:
            fields += field_item(
                _("Organisation"), text_para(xref("organisation", org.id, org.name))
            )
        if body.chair:
            fields += field_item(_("Chair"), text_para(self.post(data, body.chair)))
        if body.members:
            fields += field_item(
                _("Members"), bullet_list([self.member(data, m) for m in body.members])
            )
        if body.schedule is not None:
            fields += field_item(_("Meets"), text_para(schedule_text(body.schedule, language)))
        if body.objectives:
            fields += field_item(
                _("Objectives"), bullet_list([nodes.Text(o) for o in body.objectives])
            )
        if body.legal_basis:
            fields += field_item(
                _("Legal basis"),
                bullet_list(
                    [
                        nodes.Text(
                            with_kind(label(a.kind, language), a.reference)
                            + (f" ({format_day(a.date, language)})" if a.date else "")
                        )
                        for a in body.legal_basis
                    ]
                ),
            )
        if body.valid_from or body.valid_until:
            span = []
            if body.valid_from:
                span.append(_("from %s") % format_day(body.valid_from, language))
            if body.valid_until:
                span.append(_("until %s") % format_day(body.valid_until, language))
            fields += field_item(_("Status"), text_para(" ".join(span)))
        block += fields
        if body.functioning:
            block += nodes.rubric(_("How it works"), _("How it works"))
            block += parse_data_rest(
                self, data, "bodies", body.id, body.functioning, field="functioning"
            )
        return out

    def post(self, data: OrgData, post_id: str) -> nodes.Node:
        """A link to a post, with its unit."""
        if post_id not in data.posts:
            return nodes.Text(post_id)
        unit_id, post = data.posts[post_id]
        note_deps(self.env, [f"unit:{unit_id}"])
        para = nodes.inline()
        para += xref("post", post_id, post.display())
        para += nodes.Text(" — ")
        para += xref("unit", unit_id, data.units[unit_id].label)
        return para

    def member(self, data: OrgData, member: Any) -> nodes.paragraph:
        """A member: a post, a unit, or people described in words; and their role."""
        para = nodes.paragraph()
        if member.post:
            para += self.post(data, member.post)
        elif member.unit and member.unit in data.units:
            note_deps(self.env, [f"unit:{member.unit}"])
            para += xref("unit", member.unit, data.units[member.unit].label)
        else:
            para += nodes.Text(member.label or member.unit or "")
        if member.role:
            para += nodes.Text(f" ({member.role})")
        return para
