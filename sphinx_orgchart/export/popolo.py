"""Open data in Popolo JSON (https://www.popoloproject.com): organizations, posts, and
people with their memberships only when the package allows publishing names.

Organisations and units are both Popolo organizations (``classification`` says which: the
organisation's kind, the unit's level); a unit's ``parent_id`` is its parent, or its
organisation at the top. Popolo has one parent per organization: a shared unit also gets a
membership of each organisation it serves (``role`` "shared", with the mode), and an
attached unit a membership of the unit it is attached to (``role`` "attached").
An organisation's former names (``previous``) are ``other_names`` with their
``start_date`` and ``end_date`` (``note`` "former name", "former short name").

Popolo has no change events, no status of an organization, no former classification, no
projet d'administration and no governance bodies: the export leaves them out, and says so
(:mod:`.coverage`).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..data import OrgData
from ..model import Contact, Organisation, Unit

__all__ = ["popolo_document", "popolo_text"]


def _contacts(contact: Contact | None) -> list[dict[str, str]]:
    if contact is None:
        return []
    found = []
    for kind, value in (
        ("email", contact.email),
        ("voice", contact.phone),
        ("address", contact.address),
    ):
        if value:
            found.append({"type": kind, "value": value})
    return found


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v not in (None, [], "")}


def _unit(data: OrgData, unit: Unit) -> dict[str, Any]:
    level = data.levels.get(unit.level)
    contact = unit.contact
    return _clean(
        {
            "id": f"unit/{unit.id}",
            "name": unit.name,
            "other_names": [{"name": unit.sigle, "note": "sigle"}] if unit.sigle else [],
            "identifiers": [{"identifier": unit.id, "scheme": "sphinx-orgchart"}],
            "classification": level.label(data.language) if level else unit.level,
            "parent_id": f"unit/{unit.parent}"
            if unit.parent
            else f"organisation/{unit.organisation}",
            "abstract": "; ".join(unit.missions) or None,
            "description": unit.description,
            "founding_date": unit.valid_from.isoformat() if unit.valid_from else None,
            "dissolution_date": unit.valid_until.isoformat() if unit.valid_until else None,
            "contact_details": _contacts(contact),
            "links": [{"url": contact.website}] if contact and contact.website else [],
        }
    )


def _other_names(org: Organisation) -> list[dict[str, str]]:
    """The current short name, then the former names and short names with their dates."""
    names = [{"name": org.short_name}] if org.short_name else []
    periods = org.periods()
    for number, (start, state) in enumerate(periods[:-1]):
        end = periods[number + 1][0]
        assert end is not None  # only the first period has no start
        for name, note in ((state.name, "former name"), (state.short_name, "former short name")):
            current = org.name if note == "former name" else org.short_name
            if name and name != current:
                names.append(
                    _clean(
                        {
                            "name": name,
                            "start_date": start.isoformat() if start else None,
                            "end_date": (end - dt.timedelta(days=1)).isoformat(),
                            "note": note,
                        }
                    )
                )
    return names


def popolo_document(data: OrgData) -> dict[str, Any]:
    """The package as Popolo JSON: ``organizations``, ``posts``, ``memberships``, ``persons``."""
    people = data.package.package.publish_people
    organizations: list[dict[str, Any]] = []
    for org in data.organisations.values():
        organizations.append(
            _clean(
                {
                    "id": f"organisation/{org.id}",
                    "name": org.name,
                    "other_names": _other_names(org),
                    "identifiers": [{"identifier": org.siren, "scheme": "SIREN"}]
                    if org.siren
                    else [],
                    "classification": org.kind.value,
                    "description": org.description,
                    "links": [{"url": org.website}] if org.website else [],
                }
            )
        )
    posts: list[dict[str, Any]] = []
    memberships: list[dict[str, Any]] = []
    persons: list[dict[str, Any]] = []
    for unit in data.package.units:
        organizations.append(_unit(data, unit))
        uid = f"unit/{unit.id}"
        for number, sharing in enumerate(unit.shared):
            suffix = f"/{number + 1}" if number else ""
            for other in sharing.with_:
                memberships.append(
                    _clean(
                        {
                            "id": f"membership/{unit.id}/shared/{other}{suffix}",
                            "member": {"@type": "Organization", "id": uid},
                            "organization_id": f"organisation/{other}",
                            "role": "shared",
                            "label": sharing.mode.value,
                            "start_date": sharing.since.isoformat() if sharing.since else None,
                            "end_date": sharing.until.isoformat() if sharing.until else None,
                        }
                    )
                )
        for attachment in unit.attachments:
            target = (
                f"unit/{attachment.unit}"
                if attachment.unit
                else f"organisation/{attachment.organisation}"
            )
            memberships.append(
                _clean(
                    {
                        "id": f"membership/{unit.id}/attached/"
                        + (attachment.unit or f"organisation/{attachment.organisation}"),
                        "member": {"@type": "Organization", "id": uid},
                        "organization_id": target,
                        "role": attachment.kind.value if attachment.kind else "attached",
                        "label": attachment.note,
                    }
                )
            )
        for post in ([unit.head] if unit.head else []) + list(unit.posts):
            post_id = f"post/{post.id}"
            posts.append(
                _clean(
                    {
                        "id": post_id,
                        "label": post.title,
                        "other_label": [post.abbr] if post.abbr else [],
                        "role": "head" if post is unit.head else None,
                        "organization_id": uid,
                        "contact_details": _contacts(post.contact),
                    }
                )
            )
            if people and post.holder is not None:
                person_id = f"person/{post.id}"
                persons.append({"id": person_id, "name": post.holder.name})
                memberships.append(
                    _clean(
                        {
                            "id": f"membership/{post.id}",
                            "person_id": person_id,
                            "post_id": post_id,
                            "organization_id": uid,
                            "role": post.title,
                            "start_date": post.holder.since.isoformat()
                            if post.holder.since
                            else None,
                        }
                    )
                )
    document: dict[str, Any] = {
        "organizations": organizations,
        "posts": posts,
        "memberships": memberships,
    }
    if people:
        document["persons"] = persons
    return document


def popolo_text(data: OrgData) -> str:
    """The Popolo document as stable text."""
    return json.dumps(popolo_document(data), ensure_ascii=False, indent=2) + "\n"
