"""The reference block of a unit, as docutils nodes: one function per section."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..data import OrgData
from ..model import LegalAct, Post, PostState, Sharing, Unit, UnitStatus
from ..timeline import event_title, events_of
from ..vocab import label
from ..wording import format_number, format_percent, format_phone, sentence, with_kind
from .datarest import parse_data_rest
from .domain import anchor_of
from .nodes import anchor_target
from .refnodes import bullet_list, entry_link, field_item, text_para, xref
from .text import _, format_day

__all__ = ["SECTIONS", "UnitBlock", "act_text"]


def act_text(act: LegalAct, language: str) -> str:
    """ "délibération DCM 2023-145 of 11 December 2023 — its title"."""
    text = with_kind(label(act.kind, language), act.reference)
    if act.date:
        text += " " + _("of %s") % format_day(act.date, language)
    if act.title:
        text += f" — {act.title}"
    return text


@dataclass
class UnitBlock:
    """Builds the block of one unit for a directive, and lists the data it shows."""

    directive: SphinxDirective
    data: OrgData
    unit: Unit
    language: str
    show_people: bool
    register: bool = True
    deps: set[str] = field(default_factory=set)
    post_targets: list[tuple[str, str]] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    """Units named through references named at write time (see :mod:`.livenames`)."""
    live: bool = False
    """Whether ``data`` is the build's own (not a view as of another date)."""

    def show(self, objtype: str, object_id: str) -> None:
        """Note that the block shows this object (for incremental rebuilds)."""
        self.deps.add(f"{objtype}:{object_id}")

    def unit_ref(self, unit_id: str) -> nodes.Node:
        """A link to a unit, named as the data names it (when the page is written)."""
        self.show("unit", unit_id)
        other = self.data.units.get(unit_id)
        if self.live and other is not None:
            self.names.add(unit_id)
            return xref("unit", unit_id, other.label, name="label")
        return xref("unit", unit_id, other.label if other else unit_id)

    def build(self, exclude: set[str]) -> nodes.container:
        """The block, without the sections named in ``exclude``."""
        unit = self.unit
        self.show("unit", unit.id)
        self.deps.update(("as-of", "people"))
        block = nodes.container(classes=["orgchart-unit"])
        if "breadcrumb" not in exclude:
            block += self.breadcrumb()
        if "description" not in exclude and unit.description:
            block += self.description()
        fields = nodes.field_list()
        for name, section in SECTIONS.items():
            if name not in exclude:
                for item in section(self):
                    fields += item
        if len(fields):
            block += fields
        return block

    # -- sections -------------------------------------------------------------------------

    def breadcrumb(self) -> nodes.paragraph:
        """Organisation › pôle › direction ›..."""
        para = nodes.paragraph(classes=["orgchart-breadcrumb"])
        org = self.data.organisations.get(self.unit.organisation or "")
        if org is not None:
            self.show("organisation", org.id)
            para += xref("organisation", org.id, org.display_name)
        for ancestor in self.data.ancestors(self.unit.id):
            para += nodes.Text(" › ")
            para += self.unit_ref(ancestor.id)
        return para

    def level(self) -> Iterator[nodes.field]:
        """The level, linked to its glossary term, and the category."""
        level = self.data.levels.get(self.unit.level)
        if level is None:
            return
        self.show("level", level.id)
        para = text_para(xref("level", level.id, level.label(self.language)))
        category = self.data.categories.get(self.unit.category or "")
        if category is not None:
            self.show("category", category.id)
            para += nodes.Text(f" ({category.name.get(self.language)})")
        if self.unit.direct_report:
            para += nodes.Text(" — " + _("reports directly to the general management"))
        yield field_item(_("Level"), para)

    def organisation(self) -> Iterator[nodes.field]:
        """Home organisation, and the sharing if any."""
        unit = self.unit
        org = self.data.organisations.get(unit.organisation or "")
        if org is None:
            return
        self.show("organisation", org.id)
        yield field_item(_("Organisation"), text_para(xref("organisation", org.id, org.name)))
        common = self.data.common[unit.id]
        if common:
            # a direction générale commune: the organisations whose units it heads
            para = nodes.paragraph()
            for index, other in enumerate(self.data.sharing_organisations(unit)):
                para += nodes.Text(", " if index else "")
                para += self.organisation_ref(other)
            yield field_item(_("Common to"), para)
        if not unit.shared:
            return
        self.deps.add("sharing")
        paras: list[nodes.Node] = [self.sharing(sharing) for sharing in unit.shared]
        yield field_item(_("Shared with"), paras[0] if len(paras) == 1 else bullet_list(paras))

    def organisation_ref(self, org_id: str) -> nodes.Node:
        """A link to an organisation, by its name."""
        self.show("organisation", org_id)
        org = self.data.organisations.get(org_id)
        return xref("organisation", org_id, org.name if org else org_id)

    def sharing(self, shared: Sharing) -> nodes.paragraph:
        """One partnership: partners, form, extent, dates, agreement, allocation, note."""
        para = nodes.paragraph()
        for index, other in enumerate(shared.with_):
            if index:
                para += nodes.Text(", ")
            self.show("organisation", other)
            other_org = self.data.organisations.get(other)
            para += xref("organisation", other, other_org.name if other_org else other)
        mode = label(shared.mode, self.language)
        para += nodes.Text(" (")
        para += entry_link("shared", self.unit.id, nodes.inline(mode, mode))
        if shared.extent is not None:
            para += nodes.Text(", " + label(shared.extent, self.language))
        if shared.since:
            para += nodes.Text(", " + _("since %s") % format_day(shared.since, self.language))
        if shared.until:
            para += nodes.Text(", " + _("until %s") % format_day(shared.until, self.language))
        para += nodes.Text(")")
        if shared.agreement:
            para += nodes.Text(" — " + self.act_text(shared.agreement))
        if shared.allocation:
            para += nodes.Text(" — " + shared.allocation)
        if shared.note:
            para += nodes.Text(" — " + shared.note)
        return para

    def head(self) -> Iterator[nodes.field]:
        """The head post, linked to the unit's row in the directory."""
        if self.unit.head is not None:
            yield field_item(_("Head"), self.post(self.unit.head, directory=True))

    def posts(self) -> Iterator[nodes.field]:
        """Other posts."""
        if self.unit.posts:
            yield field_item(_("Posts"), bullet_list([self.post(p) for p in self.unit.posts]))

    def post(self, post: Post, directory: bool = False) -> nodes.paragraph:
        """A post: its anchor, title, state and (when allowed) its holder."""
        para = nodes.paragraph()
        if post.id and self.register:
            target = anchor_target(self.directive.state.document, anchor_of("post", post.id))
            para += target
            self.post_targets.append((post.id, target["ids"][0]))
        title = nodes.strong(post.display(), post.display())
        para += entry_link("directory", self.unit.id, title) if directory else title
        if post.state is not PostState.filled:
            para += nodes.Text(" ")
            para += nodes.inline(
                "",
                label(post.state, self.language),
                classes=["orgchart-status", f"orgchart-{post.state.value}"],
            )
        if post.holder is not None and self.show_people:
            para += nodes.Text(" — " + post.holder.name)
        return para

    def missions(self) -> Iterator[nodes.field]:
        """The missions, one per item."""
        if self.unit.missions:
            yield field_item(
                _("Missions"), bullet_list([nodes.Text(m) for m in self.unit.missions])
            )

    def subunits(self) -> Iterator[nodes.field]:
        """Sub-units that exist on the date of the data; under a common unit, those of each
        organisation it heads units of say which."""
        self.show("children", self.unit.id)
        as_of = self.data.as_of
        children = [self.data.units[c] for c in self.data.children.get(self.unit.id, [])]
        shown = [c for c in children if c.is_shown_on(as_of)]
        items: list[nodes.Node] = []
        for child in shown:
            para = self.with_status(child)
            if child.organisation != self.unit.organisation and child.organisation:
                para += nodes.Text(" — ")
                para += self.organisation_ref(child.organisation)
            items.append(para)
        if items:
            yield field_item(_("Sub-units"), bullet_list(items))

    def with_status(self, unit: Unit) -> nodes.paragraph:
        """A link to a unit, with its status when it is not plainly active."""
        para = text_para(self.unit_ref(unit.id))
        status = unit.status_on(self.data.as_of)
        if status is not UnitStatus.active:
            para += nodes.Text(" ")
            para += nodes.inline(
                "",
                label(status, self.language),
                classes=["orgchart-status", f"orgchart-{status.value}"],
            )
        return para

    def attachments(self) -> Iterator[nodes.field]:
        """Secondary attachments, both ways, each with its kind when it says one."""
        items: list[nodes.Node] = []
        for attachment in self.unit.attachments:
            para = nodes.paragraph()
            if attachment.kind is not None:
                para += nodes.Text(sentence(label(attachment.kind, self.language)) + " — ")
            if attachment.organisation is not None:
                para += self.organisation_ref(attachment.organisation)
            else:
                para += self.unit_ref(attachment.target)
            if attachment.note:
                para += nodes.Text(f" ({attachment.note})")
            items.append(para)
        if items:
            yield field_item(_("Also attached to"), bullet_list(items))
        self.deps.add("attachments")
        attached = self.data.attached_to(self.unit.id)
        if attached:
            yield field_item(
                _("Units also attached here"),
                bullet_list([self.attached_here(u, self.unit.id) for u in attached]),
            )

    def attached_here(self, unit: Unit, target: str, organisation: bool = False) -> nodes.Node:
        """A unit attached to this unit (or organisation), with the kinds of its links."""
        para = self.with_status(unit)
        kinds = [
            label(a.kind, self.language)
            for a in unit.attachments
            if a.kind is not None and (a.organisation if organisation else a.unit) == target
        ]
        if kinds:
            para += nodes.Text(" — " + ", ".join(dict.fromkeys(kinds)))
        return para

    def contact(self) -> Iterator[nodes.field]:
        """Email, phone, address, site, website, hours."""
        contact = self.unit.contact
        if contact is None:
            return
        lines: list[nodes.Node] = []
        if contact.email:
            lines.append(
                nodes.reference(contact.email, contact.email, refuri=f"mailto:{contact.email}")
            )
        if contact.phone:
            number = "".join(c for c in contact.phone if c.isdigit() or c == "+")
            phone = format_phone(contact.phone)
            lines.append(nodes.reference(phone, phone, refuri=f"tel:{number}"))
        if contact.site:
            lines.append(nodes.Text(contact.site))
        # an address keeps its lines; its first line is not the site said again
        address = [line.strip() for line in (contact.address or "").splitlines() if line.strip()]
        if address and contact.site and address[0].casefold() == contact.site.strip().casefold():
            address = address[1:]
        lines.extend(nodes.Text(line) for line in address)
        if contact.hours:
            lines.append(nodes.Text(contact.hours))
        if contact.website:
            lines.append(nodes.reference(contact.website, contact.website, refuri=contact.website))
        if lines:
            yield field_item(
                _("Contact"), nodes.line_block("", *[nodes.line("", "", line) for line in lines])
            )

    def staff(self) -> Iterator[nodes.field]:
        """Staff in full-time equivalents."""
        if self.unit.staff is not None:
            value = format_number(self.unit.staff, self.language)
            yield field_item(_("Staff"), text_para(_("%s FTE") % value))

    def status(self) -> Iterator[nodes.field]:
        """Status and validity dates."""
        unit = self.unit
        status = unit.status_on(self.data.as_of)
        parts = [label(status, self.language)]
        if unit.valid_from:
            parts.append(_("from %s") % format_day(unit.valid_from, self.language))
        if unit.valid_until:
            parts.append(_("until %s") % format_day(unit.valid_until, self.language))
        if status is UnitStatus.planned and unit.status not in (status, UnitStatus.active):
            # a unit to come that will be experimental or transitional says so
            parts.append(_("(then %s)") % label(unit.status, self.language))
        if status is UnitStatus.active and len(parts) == 1:
            return
        yield field_item(_("Status"), text_para(" ".join(parts)))

    def replaces(self) -> Iterator[nodes.field]:
        """Units this one replaces."""
        if self.unit.replaces:
            yield field_item(
                _("Replaces"),
                bullet_list(
                    [
                        self.with_status(self.data.units[u])
                        for u in self.unit.replaces
                        if u in self.data.units
                    ]
                ),
            )

    def legal(self) -> Iterator[nodes.field]:
        """The acts that found the unit."""
        if self.unit.legal_basis:
            yield field_item(
                _("Legal basis"), bullet_list([self.act(a) for a in self.unit.legal_basis])
            )

    def act_text(self, act: LegalAct) -> str:
        """ "délibération DCM 2023-145 of 11 December 2023"."""
        return act_text(act, self.language)

    def act(self, act: LegalAct) -> nodes.paragraph:
        """An act, linked when it has an address."""
        text = self.act_text(act)
        if act.url:
            return text_para(nodes.reference(text, text, refuri=act.url))
        return text_para(text)

    def history(self) -> Iterator[nodes.field]:
        """The changes that concern the unit (a reorganisation, a move...), with their acts."""
        self.show("events-of", self.unit.id)
        items: list[nodes.Node] = []
        for event in events_of(self.data, self.unit.id):
            self.show("event", event.id)
            para = text_para(
                format_day(event.date, self.language)
                + " — "
                + label(event.kind, self.language)
                + " — "
            )
            para += nodes.strong("", event_title(self.data, event, self.language))
            acts = [a for a in (event.reference, *event.acts) if a is not None]
            if acts:
                para += nodes.Text(" (" + "; ".join(act_text(a, self.language) for a in acts) + ")")
            items.append(para)
        if items:
            yield field_item(_("Changes"), bullet_list(items))

    def bodies(self) -> Iterator[nodes.field]:
        """Governance bodies the unit sits in."""
        self.show("bodies-of", self.unit.id)
        bodies = self.data.bodies_of(self.unit.id)
        for body in bodies:
            self.show("body", body.id)
        if bodies:
            yield field_item(
                _("Governance bodies"), bullet_list([xref("body", b.id, b.label) for b in bodies])
            )

    def actions(self) -> Iterator[nodes.field]:
        """Actions of the projet d'administration the unit leads."""
        self.show("actions-of", self.unit.id)
        items: list[nodes.Node] = []
        for action in self.data.actions_of(self.unit.id):
            self.show("action", action.id)
            self.show("objective", action.objective)
            para = text_para(action.title + " — ")
            objective = self.data.objectives.get(action.objective)
            if objective is not None:
                name = (
                    f"{objective.number}. {objective.title}"
                    if objective.number
                    else (objective.title)
                )
                para += xref("objective", objective.id, name)
            status = label(action.status, self.language)
            if action.progress is not None:
                status += ", " + format_percent(action.progress, self.language)
            if action.due:
                status += ", " + _("due %s") % format_day(action.due, self.language)
            para += nodes.Text(f" ({status})")
            items.append(para)
        if items:
            yield field_item(_("Actions"), bullet_list(items))

    def answers(self) -> Iterator[nodes.field]:
        """The unit's answers to the objectives of the projet d'administration."""
        self.show("answers-of", self.unit.id)
        entries = nodes.definition_list()
        objectives = self.data.objectives
        answers = [a for a in self.data.answers_of(self.unit.id) if a.objective in objectives]
        answers.sort(key=lambda a: (objectives[a.objective].number or 999, a.objective))
        for answer in answers:
            objective = objectives[answer.objective]
            self.show("answer", answer.key)
            self.show("objective", objective.id)
            name = f"{objective.number}. {objective.title}" if objective.number else objective.title
            item = nodes.definition_list_item()
            item += nodes.term("", "", xref("objective", objective.id, name))
            definition = nodes.definition()
            definition += parse_data_rest(
                self.directive,
                self.data,
                "answers",
                answer.key,
                answer.text,
                ["orgchart-answer"],
                field="text",
            )
            item += definition
            entries += item
        if entries.children:
            yield field_item(_("Answers to the objectives"), entries)

    def description(self) -> nodes.container:
        """The description, parsed as reStructuredText (no raw output, no file inclusion)."""
        return parse_data_rest(
            self.directive,
            self.data,
            "units",
            self.unit.id,
            self.unit.description or "",
            ["orgchart-description"],
        )


Section = Callable[[UnitBlock], Iterator[nodes.field]]

SECTIONS: dict[str, Section] = {
    "breadcrumb": lambda block: iter(()),
    "level": UnitBlock.level,
    "organisation": UnitBlock.organisation,
    "status": UnitBlock.status,
    "head": UnitBlock.head,
    "posts": UnitBlock.posts,
    "missions": UnitBlock.missions,
    "subunits": UnitBlock.subunits,
    "attachments": UnitBlock.attachments,
    "contact": UnitBlock.contact,
    "staff": UnitBlock.staff,
    "replaces": UnitBlock.replaces,
    "legal": UnitBlock.legal,
    "history": UnitBlock.history,
    "bodies": UnitBlock.bodies,
    "actions": UnitBlock.actions,
    "answers": UnitBlock.answers,
    "description": lambda block: iter(()),
}
"""Sections of the block, in order; names accepted by the ``:exclude:`` option."""
