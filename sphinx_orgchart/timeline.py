"""The organisation through time: as it stood (or will stand) on a date, and what changed.

Units carry their current name and parent; renamings and moves are events. To see the
organisation on an earlier date, the events after it are undone, most recent first.
Organisations carry their latest name and kind, and their former ones in ``previous``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial

from .data import OrgData
from .i18n import translate
from .model import Event, EventKind, LegalAct, Organisation, Unit, UnitStatus
from .vocab import label
from .wording import of_organisation, to_organisation, written_with_article

__all__ = [
    "Change",
    "OrganisationChange",
    "as_of_view",
    "compare",
    "event_title",
    "events_between",
    "events_of",
    "organisation_changes",
]


def _undo(units: dict[str, Unit], event: Event) -> None:
    """Undo a renaming or a move on ``units`` (the state after it becomes the one before)."""
    if event.kind is EventKind.renaming:
        for uid in event.units:
            if uid in units:
                update: dict[str, object] = {"name": event.previous_name}
                if event.previous_sigle is not None:
                    update["sigle"] = event.previous_sigle
                units[uid] = units[uid].model_copy(update=update)
    elif event.kind is EventKind.move:
        for uid in event.units:
            if uid in units:
                units[uid] = units[uid].model_copy(update={"parent": event.previous_parent})


def as_of_view(data: OrgData, day: dt.date) -> OrgData:
    """The package as it stood on ``day``: names and parents of then, ``as_of`` set to it."""
    renamed = any(p.until >= day for o in data.package.organisations for p in o.previous)
    if day == data.as_of and not renamed:
        later = [e for e in data.package.events if e.date > day]
        if not any(e.kind in (EventKind.renaming, EventKind.move) for e in later):
            return data
    units = {u.id: u for u in data.package.units}
    for event in sorted(data.package.events, key=lambda e: (e.date, e.id), reverse=True):
        if event.date > day:
            _undo(units, event)
    info = data.package.package.model_copy(update={"as_of": day})
    package = data.package.model_copy(
        update={
            "package": info,
            "units": [units[u.id] for u in data.package.units],
            "organisations": [o.on(day) for o in data.package.organisations],
        }
    )
    return OrgData(package, data.origins, data.files)


@dataclass(frozen=True)
class OrganisationChange:
    """An organisation's change of name or kind (from its ``previous`` periods)."""

    date: dt.date
    """The first day of the new name or kind."""
    before: Organisation
    after: Organisation
    reference: LegalAct | None = None
    """The act that ended the former period."""


def organisation_changes(
    data: OrgData, start: dt.date | None, end: dt.date | None
) -> list[OrganisationChange]:
    """Changes of name or kind after ``start`` (excluded) and up to ``end`` (included)."""
    found = []
    for org in data.package.organisations:
        periods = org.periods()
        ended = sorted(org.previous, key=lambda p: p.until)
        for number, past in enumerate(ended):
            day = past.until + dt.timedelta(days=1)
            if (start is None or day > start) and (end is None or day <= end):
                found.append(
                    OrganisationChange(
                        day, periods[number][1], periods[number + 1][1], past.reference
                    )
                )
    return sorted(found, key=lambda c: (c.date, c.before.id))


def events_between(data: OrgData, start: dt.date | None, end: dt.date | None) -> list[Event]:
    """Events whose date is after ``start`` (excluded) and up to ``end`` (included)."""
    return [
        e
        for e in sorted(data.package.events, key=lambda e: (e.date, e.id))
        if (start is None or e.date > start) and (end is None or e.date <= end)
    ]


def events_of(data: OrgData, unit_id: str) -> list[Event]:
    """The events that name the unit, in the order of their dates."""
    return [
        e
        for e in sorted(data.package.events, key=lambda e: (e.date, e.id))
        if unit_id in e.concerned
    ]


def _names(data: OrgData, ids: list[str]) -> str:
    return ", ".join(data.units[u].label if u in data.units else u for u in ids)


def _org_name(data: OrgData, org_id: str | None, language: str) -> tuple[str, str | None]:
    """An organisation's name and its form with an article, or the id the data gives."""
    org = data.organisations.get(org_id or "")
    if org is None:
        return org_id or "", None
    return org.display_name, written_with_article(org, language)


def event_title(data: OrgData, event: Event, language: str) -> str:
    """The event's title, or one made from its kind and units."""
    if event.title:
        return event.title
    t = partial(translate, language)
    units = _names(data, event.units)
    if event.kind is EventKind.merger:
        return t("Merger of %(before)s into %(after)s") % {
            "before": _names(data, event.before),
            "after": _names(data, event.after),
        }
    if event.kind is EventKind.split:
        return t("Split of %(before)s into %(after)s") % {
            "before": _names(data, event.before),
            "after": _names(data, event.after),
        }
    if event.kind is EventKind.renaming:
        return t("%(previous)s becomes %(unit)s") % {"previous": event.previous_name, "unit": units}
    if event.kind is EventKind.transfer:
        source, source_written = _org_name(data, event.from_organisation, language)
        target, target_written = _org_name(data, event.to_organisation, language)
        if language == "fr":
            source = of_organisation(source, language, source_written)
            target = to_organisation(target, language, target_written)
        else:
            source = f"from {source_written or source}"
            target = f"to {target_written or target}"
        return t("Transfer of the competence “%(competence)s” %(from_source)s %(to_target)s") % {
            "competence": event.competence,
            "from_source": source,
            "to_target": target,
        }
    return (
        f"{label(event.kind, language).capitalize()} : {units}"
        if language == "fr"
        else (f"{label(event.kind, language).capitalize()}: {units}")
    )


@dataclass(frozen=True)
class Change:
    """How a unit differs between two dates."""

    unit_id: str
    kind: str  # added, removed, moved, renamed
    note: str = ""


def _present(unit: Unit, day: dt.date, target: bool = False) -> bool:
    """Whether the unit is in the organisation on ``day``; the target organisation (the
    later date of a comparison) holds the units planned with no date too."""
    if not unit.is_valid_on(day):
        return False
    return not unit.is_coming(day) or (target and unit.status is UnitStatus.planned)


def compare(
    data: OrgData, before: dt.date, after: dt.date, target: bool | None = None
) -> dict[str, Change]:
    """Units added, removed, moved and renamed between ``before`` and ``after``.

    ``after`` is the target organisation (default: when it is after the date of the data):
    the units planned with no date are in it."""
    if target is None:
        target = after > data.as_of
    old, new = as_of_view(data, before), as_of_view(data, after)
    changes: dict[str, Change] = {}
    for uid, unit in new.units.items():
        then, now = old.units[uid], unit
        was, is_ = _present(then, before), _present(now, after, target)
        if is_ and not was:
            changes[uid] = Change(uid, "added")
        elif was and not is_:
            changes[uid] = Change(uid, "removed")
        elif was and is_:
            if then.parent != now.parent:
                former = old.units.get(then.parent or "")
                changes[uid] = Change(uid, "moved", former.label if former else "")
            elif then.name != now.name or then.sigle != now.sigle:
                changes[uid] = Change(uid, "renamed", then.label)
    return changes
