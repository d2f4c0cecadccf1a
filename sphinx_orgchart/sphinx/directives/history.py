"""``org:changes`` (the history of reorganisations) and ``org:compare`` (today against a
date or the target organisation)."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ...data import OrgData
from ...graph import ChartSpec, build_charts, default_title
from ...model import Event, EventKind
from ...timeline import (
    OrganisationChange,
    as_of_view,
    compare,
    event_title,
    events_between,
    organisation_changes,
)
from ...vocab import label
from ...wording import format_count, sentence
from ..datarest import parse_data_rest
from ..nodes import unique_id
from ..refnodes import bullet_list, xref
from ..state import OptionError, get_state, note_deps, option_id
from ..text import _, __, as_written, format_day, language_of
from ..unitblock import act_text
from ..warnings import BAD_OPTION, warn
from .chart import ChartDirective

__all__ = ["ChangesDirective", "CompareDirective", "parse_day"]


def parse_day(directive: SphinxDirective, option: str) -> dt.date | None:
    """A date option, or None (with a warning when it is not a date)."""
    text = directive.options.get(option, "")
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        warn(
            __(":%(option)s: %(value)r is not a date written YYYY-MM-DD")
            % {"option": option, "value": text},
            BAD_OPTION,
            directive.get_location(),
        )
        return None


def _kinds(argument: str | None) -> str:
    names = [p for p in (argument or "").replace(",", " ").split() if p]
    for name in names:
        directives.choice(name, [k.value for k in EventKind])
    return " ".join(names)


class ChangesDirective(SphinxDirective):
    """``.. org:changes::``: what changed between two dates (by default since the last
    review): creations, closures, renamings, moves, mergers, splits, transfers of competence,
    mutualisations, reorganisations, each with its units and acts, and the organisations'
    changes of name or kind."""

    option_spec: ClassVar[dict[str, Any]] = {
        "from": directives.unchanged,
        "to": directives.unchanged,
        "all": directives.flag,
        "organisation": directives.unchanged,
        "kinds": _kinds,
    }
    option_docs: ClassVar[dict[str, str]] = {
        "from": "Changes after this date (YYYY-MM-DD); default: the package's last review "
        "(``reviewed``).",
        "to": "Changes up to this date, included (default: all, planned ones too).",
        "all": "Every change, whatever its date.",
        "organisation": "Only the changes that concern this organisation or its units.",
        "kinds": "Only these kinds of change (creation, closure, merger, split, renaming, "
        "move, transfer, mutualisation, reorganisation), separated by commas; an "
        "organisation's change of name or kind (``previous``) counts as a renaming.",
    }

    @as_written
    def run(self) -> list[nodes.Node]:
        data = get_state(self.env).data
        if data is None:
            return []
        note_deps(self.env, ["events", "organisations", "as-of", "package"])
        start = (
            None
            if "all" in self.options
            else (parse_day(self, "from") or data.package.package.reviewed)
        )
        end = None if "all" in self.options else parse_day(self, "to")
        events = events_between(data, start, end)
        try:
            org = option_id(self, data, "organisation", "organisations")
        except OptionError:
            return []
        if org:
            events = [
                e
                for e in events
                if org in (e.from_organisation, e.to_organisation)
                or any(data.units[u].organisation == org for u in e.concerned if u in data.units)
            ]
        kinds = set(self.options.get("kinds", "").split())
        if kinds:
            events = [e for e in events if e.kind.value in kinds]
        renamed = organisation_changes(data, start, end)
        if org:
            renamed = [c for c in renamed if c.after.id == org]
        if kinds and EventKind.renaming.value not in kinds:
            renamed = []
        language = language_of(self.env)
        if not events and not renamed:
            return [nodes.paragraph("", _("No change in this period."))]
        items = nodes.definition_list(classes=["orgchart-changes"])
        entries: list[tuple[dt.date, int, str, Event | OrganisationChange]] = [
            *((e.date, 1, e.id, e) for e in events),
            *((c.date, 0, c.after.id, c) for c in renamed),
        ]
        for _day, _rank, _key, entry in sorted(entries, key=lambda x: x[:3]):
            if isinstance(entry, OrganisationChange):
                items += self.organisation_change(data, entry, language)
                continue
            note_deps(self.env, [f"event:{entry.id}", *(f"unit:{u}" for u in entry.concerned)])
            items += self.event(data, entry, language)
        return [items]

    def organisation_change(
        self, data: OrgData, change: OrganisationChange, language: str
    ) -> nodes.definition_list_item:
        """An organisation's new name or kind: "Grand Dijon becomes Dijon Métropole"."""
        before, after = change.before, change.after
        item = nodes.definition_list_item()
        term = nodes.term(
            ids=[unique_id(self.state.document, f"org-organisation-{after.id}-{change.date}")]
        )
        self.state.document.set_id(term)
        term += nodes.Text(format_day(change.date, language) + " — ")
        renamed = before.name != after.name
        term += nodes.inline(
            "",
            label(EventKind.renaming, language) if renamed else _("change of legal kind"),
            classes=["orgchart-status", "orgchart-renaming"],
        )
        term += nodes.Text(" — ")
        if renamed:
            title = _("%(previous)s becomes %(name)s") % {
                "previous": before.name,
                "name": after.name,
            }
        else:
            title = _("%(name)s becomes a %(kind)s") % {
                "name": after.name,
                "kind": label(after.kind, language),
            }
        term += nodes.strong("", title)
        if change.date > data.as_of:
            term += nodes.Text(" (" + _("planned") + ")")
        item += term
        facts: list[nodes.Node] = []
        for text, state in ((_("Before: "), before), (_("After: "), after)):
            para = nodes.paragraph("", text)
            para += xref("organisation", after.id, state.name)
            para += nodes.Text(", " + label(state.kind, language))
            if state.short_name:
                para += nodes.Text(" (" + state.short_name + ")")
            facts.append(para)
        if change.reference is not None:
            facts.append(
                nodes.paragraph("", _("Reference: ") + act_text(change.reference, language))
            )
        item += nodes.definition("", bullet_list(facts))
        return item

    def event(self, data: OrgData, event: Event, language: str) -> nodes.definition_list_item:
        """A dated change: kind, title, units, reference, text."""
        item = nodes.definition_list_item()
        term = nodes.term(ids=[unique_id(self.state.document, f"org-event-{event.id}")])
        self.state.document.set_id(term)
        term += nodes.Text(format_day(event.date, language) + " — ")
        term += nodes.inline(
            "",
            label(event.kind, language),
            classes=["orgchart-status", f"orgchart-{event.kind.value}"],
        )
        term += nodes.Text(" — ")
        term += nodes.strong("", event_title(data, event, language))
        if event.date > data.as_of:
            term += nodes.Text(" (" + _("planned") + ")")
        item += term
        body = nodes.definition()
        facts: list[nodes.Node] = []
        for key, text in (
            ("before", _("Before: ")),
            ("after", _("After: ")),
            ("units", _("Units: ")),
        ):
            ids = getattr(event, key)
            if ids:
                facts.append(self.units(data, text, ids))
        if event.previous_parent and event.previous_parent in data.units:
            facts.append(self.units(data, _("Previously under: "), [event.previous_parent]))
        if event.reference is not None:
            facts.append(
                nodes.paragraph("", _("Reference: ") + act_text(event.reference, language))
            )
        facts.extend(nodes.paragraph("", sentence(act_text(a, language))) for a in event.acts)
        if facts:
            body += bullet_list(facts)
        if event.text:
            body += parse_data_rest(self, data, "events", event.id, event.text, field="text")
        item += body
        return item

    @staticmethod
    def units(data: OrgData, text: str, ids: list[str]) -> nodes.paragraph:
        """ "Before: A, B" with links."""
        para = nodes.paragraph("", text)
        for index, uid in enumerate(ids):
            if index:
                para += nodes.Text(", ")
            unit = data.units.get(uid)
            para += xref("unit", uid, unit.label) if unit else nodes.Text(uid)
        return para


class CompareDirective(ChartDirective):
    """``.. org:compare:: [ID]``: the organisation on a date against another (by default
    today against the target organisation, the latest planned change), with the units added,
    removed, moved and renamed marked."""

    option_spec: ClassVar[dict[str, Any]] = {
        "from": directives.unchanged,
        "to": directives.unchanged,
        "depth": directives.nonnegative_int,
        "max-boxes": directives.positive_int,
        "caption": directives.unchanged,
        "alt": directives.unchanged,
    }
    option_docs: ClassVar[dict[str, str]] = {
        "from": "The date compared (default: the date of the data).",
        "to": "The date it is compared to (default: the latest change planned in the data, "
        "the target organisation, which holds the units planned with no date).",
        "depth": "How many levels below the top to draw.",
        "max-boxes": "Split the chart when it has more boxes than this.",
        "caption": "A caption under the chart.",
        "alt": "The chart's short text alternative.",
    }

    @staticmethod
    def scope(
        targets: list[tuple[tuple[str, ...], str | None]], views: tuple[OrgData, ...]
    ) -> set[str]:
        """The units the comparison is about: the organisation drawn, or the unit drawn
        and its sub-units on either date; every unit when every organisation is drawn."""
        found: set[str] = set()
        data = views[0]
        for roots, organisation in targets:
            if roots:
                for state in views:
                    found.update(roots)
                    for root in roots:
                        found.update(u.id for u in state.descendants(root))
            else:
                found.update(u.id for u in data.units.values() if u.organisation == organisation)
        return found

    @as_written
    def run(self) -> list[nodes.Node]:
        data = get_state(self.env).data
        if data is None:
            return []
        before = parse_day(self, "from") or data.as_of
        latest = [e.date for e in data.package.events] + [
            u.valid_from for u in data.units.values() if u.valid_from
        ]
        after = parse_day(self, "to") or max([d for d in latest if d], default=data.as_of)
        target = "to" not in self.options or after > data.as_of
        changes = compare(data, before, after, target)
        language = language_of(self.env)
        notes = {
            "added": _("new"),
            "removed": _("removed"),
            "moved": _("moved, formerly under %s"),
            "renamed": _("renamed, formerly %s"),
        }
        marks = tuple(
            (c.unit_id, c.kind, notes[c.kind] % c.note if "%s" in notes[c.kind] else notes[c.kind])
            for c in sorted(changes.values(), key=lambda c: c.unit_id)
        )
        view = as_of_view(data, after)
        note_deps(
            self.env,
            ["events", "units", "organisations", "as-of", *(f"unit:{u}" for u in data.units)],
        )
        result: list[nodes.Node] = []
        targets = self.targets(data)
        for roots, organisation in targets:
            spec = self.spec(view, roots, organisation)
            spec = ChartSpec(
                **{
                    **spec.__dict__,
                    "as_of": after,
                    "marks": marks,
                    "also_show": frozenset(
                        c.unit_id for c in changes.values() if c.kind == "removed"
                    ),
                    "legend": False,
                }
            )
            base = unique_id(
                self.state.document,
                "orgchart-compare-" + (roots[0] if roots else organisation or "all"),
            )
            title = self.options.get("caption") or _(
                "%(title)s: %(before)s compared with %(after)s"
            ) % {
                "title": default_title(view, spec),
                "before": format_day(before, language),
                "after": format_day(after, language),
            }
            charts = build_charts(view, spec, base, title)
            result.extend(self.render(view, charts))
        scope = self.scope(targets, (data, as_of_view(data, before), view))
        counted = [c for c in changes.values() if c.unit_id in scope]
        counts = {
            kind: sum(1 for c in counted if c.kind == kind)
            for kind in ("added", "removed", "moved", "renamed")
        }
        parts = [
            format_count(language, "%(n)s new unit", "%(n)s new units", counts["added"]),
            format_count(language, "%(n)s removed", "%(n)s removed", counts["removed"]),
            format_count(language, "%(n)s moved", "%(n)s moved", counts["moved"]),
            format_count(language, "%(n)s renamed", "%(n)s renamed", counts["renamed"]),
        ]
        summary = nodes.paragraph(
            "",
            _("Compared with %(before)s: %(changes)s.")
            % {"before": format_day(before, language), "changes": ", ".join(parts)},
        )
        return [summary, *result]
