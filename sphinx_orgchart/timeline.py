"""The organisation through time: as it stood (or will stand) on a date, and what changed.

Units carry their current name and parent; renamings and moves are events. To see the
organisation on an earlier date, the events after it are undone, most recent first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial

from .data import OrgData
from .i18n import translate
from .model import Event, EventKind, Unit, UnitStatus
from .vocab import label
from .wording import of_organisation, to_organisation, written_with_article

__all__ = ["Change", "as_of_view", "compare", "event_title", "events_between"]


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
    if day == data.as_of:
        later = [e for e in data.package.events if e.date > day]
        if not any(e.kind in (EventKind.renaming, EventKind.move) for e in later):
            return data
    units = {u.id: u for u in data.package.units}
    for event in sorted(data.package.events, key=lambda e: (e.date, e.id), reverse=True):
        if event.date > day:
            _undo(units, event)
    info = data.package.package.model_copy(update={"as_of": day})
    package = data.package.model_copy(
        update={"package": info, "units": [units[u.id] for u in data.package.units]}
    )
    return OrgData(package, data.origins, data.files)


def events_between(data: OrgData, start: dt.date | None, end: dt.date | None) -> list[Event]:
    """Events whose date is after ``start`` (excluded) and up to ``end`` (included)."""
    return [
        e
        for e in sorted(data.package.events, key=lambda e: (e.date, e.id))
        if (start is None or e.date > start) and (end is None or e.date <= end)
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


def _present(unit: Unit, day: dt.date) -> bool:
    return unit.is_valid_on(day) or (unit.status is UnitStatus.planned and unit.valid_from is None)


def compare(data: OrgData, before: dt.date, after: dt.date) -> dict[str, Change]:
    """Units added, removed, moved and renamed between ``before`` and ``after``."""
    old, new = as_of_view(data, before), as_of_view(data, after)
    changes: dict[str, Change] = {}
    for uid, unit in new.units.items():
        then, now = old.units[uid], unit
        was, is_ = _present(then, before), _present(now, after)
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
