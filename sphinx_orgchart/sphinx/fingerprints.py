"""Fingerprints of the data: a hash of each record as the pages show it, so that an edit
re-reads only the documents that show what changed (see :func:`.state.outdated_docs`).

A record's fingerprint covers the records it names (a unit's level, category and
organisations...); a unit's name is fingerprinted apart (``label:<id>``), for the pages
that show it only in references named at write time.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..data import OrgData

__all__ = ["NAME_FIELDS", "fingerprints", "hash_value"]

NAME_FIELDS = {"name", "sigle"}
"""The fields of a unit that make its name (fingerprinted apart, as ``label:<id>``)."""


def hash_value(value: Any) -> str:
    """A short hash of a text, or of a value's JSON."""
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def _named(section: str, record: Any, data: OrgData) -> list[str]:
    """The records a record names, whose fields a page showing it shows with it: a unit's
    level, category and organisations; an action's objective and units..."""
    if section == "unit":
        # its organisations, those it is common to, those it is attached to; the units its
        # kinded attachments name (their sigle is written in its box)
        orgs = [*data.organisations_of(record), *data.common[record.id]]
        orgs += [a.organisation for a in record.attachments if a.organisation]
        units = [a.unit for a in record.attachments if a.unit and a.kind]
        return [
            f"level:{record.level}",
            f"category:{record.category}",
            *(f"organisation:{o}" for o in dict.fromkeys(orgs)),
            *(f"unit:{u}" for u in units),
        ]
    if section == "body":
        posts = [record.chair, *(m.post for m in record.members)]
        units = [data.posts[p][0] for p in posts if p in data.posts]
        units += [m.unit for m in record.members if m.unit]
        return [f"organisation:{record.organisation}", *(f"unit:{u}" for u in units)]
    if section == "action":
        units = [*record.owners, *record.contributors]
        return [f"objective:{record.objective}", *(f"unit:{u}" for u in units)]
    if section == "answer":
        return [f"objective:{record.objective}", f"unit:{record.unit}"]
    if section == "objective":
        return [f"orientation:{record.orientation}"]
    if section == "orientation":
        return [f"organisation:{record.organisation}"]
    if section == "event":
        units = [*record.units, *record.before, *record.after, record.previous_parent]
        orgs = [record.from_organisation, record.to_organisation]
        return [*(f"unit:{u}" for u in units if u), *(f"organisation:{o}" for o in orgs if o)]
    return []


SECTIONS: tuple[tuple[str, str], ...] = (
    ("unit", "units"),
    ("level", "levels"),
    ("organisation", "organisations"),
    ("category", "categories"),
    ("body", "bodies"),
    ("objective", "objectives"),
    ("orientation", "orientations"),
    ("action", "actions"),
    ("answer", "answers"),
    ("event", "events"),
)
"""Dependency prefix and data attribute of each section of records."""


def fingerprints(data: OrgData) -> dict[str, str]:
    """A short hash of every piece of data a document may show, by dependency key.

    ``<kind>:<id>`` covers the whole record and the records it names (see :func:`_named`):
    a page that shows a unit shows its level's label and its organisation's name too.
    ``<section>`` (``levels``, ``objectives``...) covers every record of the section, except
    ``units``, the ids of the units in order. A unit's name is apart, as ``label:<id>``.
    """
    info = data.package.package
    prints: dict[str, str] = {
        "package": hash_value(info.model_dump_json()),
        "as-of": hash_value(str(info.as_of)),
        "people": hash_value(str(info.publish_people)),
        "attachments": hash_value(
            [
                (u.id, [a.model_dump_json() for a in u.attachments])
                for u in data.units.values()
                if u.attachments
            ]
        ),
        "sharing": hash_value(
            [
                (u.id, u.organisation, [s.model_dump_json() for s in u.shared])
                for u in data.units.values()
                if u.shared
            ]
        ),
        # the archive of the generated pages (see pages.navigation)
        "closed": hash_value(sorted(u.id for u in data.units.values() if u.has_ended(info.as_of))),
        "level-counts": hash_value(
            sorted(
                Counter(
                    (u.organisation or "", u.level)
                    for u in data.units.values()
                    if u.is_valid_on(info.as_of)
                ).items()
            )
        ),
    }
    records: dict[str, str] = {}  # every record's own hash
    for prefix, section in SECTIONS:
        items: dict[str, Any] = getattr(data, section)
        for record_id, record in items.items():
            records[f"{prefix}:{record_id}"] = hash_value(record.model_dump_json())
        if prefix == "unit":
            prints["units"] = hash_value(list(items))
        else:
            prints[section] = hash_value([records[f"{prefix}:{i}"] for i in items])
    for prefix, section in SECTIONS:
        for record_id, record in getattr(data, section).items():
            named = [records.get(key, key) for key in _named(prefix, record, data)]
            if prefix == "unit":
                # A unit's name apart from the rest of its record: pages that show it only
                # in references named at write time are rewritten, not read again.
                own = hash_value(record.model_dump_json(exclude=NAME_FIELDS))
                prints[f"label:{record_id}"] = hash_value([record.name, record.sigle])
            else:
                own = records[f"{prefix}:{record_id}"]
            prints[f"{prefix}:{record_id}"] = hash_value([own, *named])
    for unit_id, children in data.children.items():
        # which of them an organisation's chart draws follows from their organisations and
        # the organisations they are common to (a direction générale commune)
        prints[f"children:{unit_id}"] = hash_value(
            [(c, data.units[c].organisation, data.common[c]) for c in children]
        )
        prints[f"bodies-of:{unit_id}"] = hash_value([b.id for b in data.bodies_of(unit_id)])
        prints[f"actions-of:{unit_id}"] = hash_value([a.id for a in data.actions_of(unit_id)])
        prints[f"answers-of:{unit_id}"] = hash_value([a.key for a in data.answers_of(unit_id)])
    events_of: dict[str, list[str]] = {uid: [] for uid in data.units}
    for event in sorted(data.package.events, key=lambda e: (e.date, e.id)):
        for uid in event.concerned:
            events_of.setdefault(uid, []).append(event.id)
    for unit_id, event_ids in events_of.items():
        prints[f"events-of:{unit_id}"] = hash_value(event_ids)
    for org_id, roots in data.roots.items():
        attached = [u.id for u in data.attached_to_organisation(org_id)]
        prints[f"roots:{org_id}"] = hash_value([data.common_roots(org_id), roots, attached])
    return prints
