"""Open data in JSON-LD: the W3C Organization Ontology (ORG) with the EU's Core Public
Organisation Vocabulary (CPOV).

- each organisation is an ``org:FormalOrganization`` and a ``cpov:PublicOrganisation``;
- each unit an ``org:OrganizationalUnit``, ``org:unitOf`` its organisation *and* every
  organisation it is shared with, ``org:subOrganizationOf`` its parent *and* every unit it
  is attached to (the inverse links ``org:hasUnit`` / ``org:hasSubOrganization`` too);
- levels and kinds are ``skos:Concept`` (``org:classification``), and so is a unit's status
  (``adms:status``: planned, active, transitional, experimental, closed);
- posts are ``org:Post`` (``org:postIn``), head posts have ``org:role org:Head``; who holds
  them (``org:heldBy``) only when the package allows publishing names;
- sites are ``org:Site`` with a ``vcard:Address``; contacts a ``schema:ContactPoint``;
- events are ``org:ChangeEvent`` (``org:originalOrganization``, ``org:resultingOrganization``),
  their kind in ``dct:type`` (``reorganisation``...), the act that decided them in
  ``dct:source`` and their other acts (the comité technique's opinion...) in
  ``dct:relation``; an act is a resource with its ``dct:type`` (its kind),
  ``dct:identifier`` (its reference), date, title and ``foaf:page``;
- an organisation's former periods (``previous``) are organisations of their own
  (``<base>former-organisation/<id>-<until>``) with the name and kind of then and their
  last day (``validThrough``), each followed by a ``org:ChangeEvent`` to the next period
  (``org:changedBy``, ``org:resultedFrom``), with the act that ended it;
- the projet d'administration (orientations, objectives, actions, answers) and governance
  bodies have no place in ORG: the export leaves them out and says so
  (:mod:`.coverage`).

Identifiers are ``<base>unit/<id>`` (default base ``urn:orgchart:``), stable from one run
to the next; the output is sorted, the same data giving the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from ..data import OrgData
from ..model import Contact, Event, EventKind, LegalAct, Organisation, OrganisationPast, Unit

__all__ = ["CONTEXT", "jsonld_document", "jsonld_text"]

DEFAULT_BASE = "urn:orgchart:"

CONTEXT: dict[str, Any] = {
    "org": "http://www.w3.org/ns/org#",
    "cpov": "http://data.europa.eu/m8g/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "http://schema.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rov": "http://www.w3.org/ns/regorg#",
    "adms": "http://www.w3.org/ns/adms#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "date": {"@id": "dct:date", "@type": "xsd:date"},
    "issued": {"@id": "dct:issued", "@type": "xsd:date"},
    "validFrom": {"@id": "schema:validFrom", "@type": "xsd:date"},
    "validThrough": {"@id": "schema:validThrough", "@type": "xsd:date"},
}

_LINK_KEYS = (
    "org:unitOf",
    "org:hasUnit",
    "org:subOrganizationOf",
    "org:hasSubOrganization",
    "org:classification",
    "org:postIn",
    "org:hasPost",
    "org:role",
    "org:hasSite",
    "org:originalOrganization",
    "org:resultingOrganization",
    "org:changedBy",
    "org:resultedFrom",
    "skos:inScheme",
    "org:linkedTo",
)


class _Ids:
    def __init__(self, base: str) -> None:
        self.base = base

    def __call__(self, kind: str, ident: str) -> dict[str, str]:
        separator = ":" if self.base.startswith("urn:") else "/"
        return {"@id": f"{self.base}{kind}{separator}{ident}"}


def _text(value: str | None, language: str) -> dict[str, str] | None:
    return {"@value": value, "@language": language} if value else None


def _contact(contact: Contact | None) -> dict[str, Any] | None:
    if contact is None or not (contact.email or contact.phone or contact.website or contact.hours):
        return None
    point: dict[str, Any] = {"@type": "schema:ContactPoint"}
    if contact.email:
        point["schema:email"] = contact.email
    if contact.phone:
        point["schema:telephone"] = contact.phone
    if contact.website:
        point["schema:url"] = {"@id": contact.website}
    if contact.hours:
        point["schema:hoursAvailable"] = contact.hours
    return point


_POSTCODE = re.compile(r"^(\d{5})\s+(.+)$")


def _address(text: str) -> dict[str, Any]:
    """A vCard address: the whole text as its label, the postcode and town when the last
    line reads "25999 Belcourt"."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    address: dict[str, Any] = {"@type": "vcard:Address", "vcard:label": "\n".join(lines)}
    found = _POSTCODE.match(lines[-1]) if lines else None
    if found:
        address["vcard:postal-code"] = found[1]
        address["vcard:locality"] = found[2]
        if lines[:-1]:
            address["vcard:street-address"] = ", ".join(lines[:-1])
    address["vcard:country-name"] = "France"
    return address


def _site(unit: Unit, ids: _Ids, language: str) -> dict[str, Any] | None:
    contact = unit.contact
    if contact is None or not (contact.site or contact.address):
        return None
    site: dict[str, Any] = {**ids("site", unit.id), "@type": "org:Site"}
    if contact.site:
        site["skos:prefLabel"] = _text(contact.site, language)
    if contact.address:
        site["org:siteAddress"] = _address(contact.address)
    return site


def _clean(node: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in node.items():
        if value is None or value == [] or value == "":
            continue
        if isinstance(value, list) and key in _LINK_KEYS:
            unique = {v["@id"]: v for v in value}
            value = [unique[k] for k in sorted(unique)]
        out[key] = value
    return out


def _unit_nodes(data: OrgData, unit: Unit, ids: _Ids, people: bool) -> list[dict[str, Any]]:
    language = data.language
    parents = [ids("unit", unit.parent)] if unit.parent else []
    parents += [
        ids("unit", a.unit) if a.unit else ids("organisation", a.organisation or "")
        for a in unit.attachments
    ]
    node: dict[str, Any] = {
        **ids("unit", unit.id),
        "@type": "org:OrganizationalUnit",
        "skos:prefLabel": _text(unit.name, language),
        "skos:altLabel": _text(unit.sigle, language),
        "org:identifier": unit.id,
        "org:classification": [ids("level", unit.level)]
        + ([ids("category", unit.category)] if unit.category else []),
        "org:unitOf": [ids("organisation", o) for o in data.organisations_of(unit)],
        "org:subOrganizationOf": parents,
        "org:hasSubOrganization": [ids("unit", c) for c in data.children.get(unit.id, [])]
        + [ids("unit", u.id) for u in data.attached_to(unit.id)],
        "adms:status": ids("status", unit.status.value),
        "org:purpose": [_text(m, language) for m in unit.missions],
        "dct:description": _text(unit.description, language),
        "cpov:contactPoint": _contact(unit.contact),
        "validFrom": unit.valid_from.isoformat() if unit.valid_from else None,
        "validThrough": unit.valid_until.isoformat() if unit.valid_until else None,
        "schema:numberOfEmployees": unit.staff,
    }
    nodes = []
    site = _site(unit, ids, language)
    if site is not None:
        node["org:hasSite"] = [ids("site", unit.id)]
        nodes.append(site)
    posts = ([unit.head] if unit.head else []) + list(unit.posts)
    node["org:hasPost"] = [ids("post", p.id) for p in posts if p.id]
    for post in posts:
        if not post.id:
            continue
        item: dict[str, Any] = {
            **ids("post", post.id),
            "@type": "org:Post",
            "skos:prefLabel": _text(post.title, language),
            "skos:altLabel": _text(post.abbr, language),
            "org:postIn": [ids("unit", unit.id)],
            "org:role": [{"@id": "org:Head"}] if post is unit.head else [],
            "cpov:contactPoint": _contact(post.contact),
        }
        if people and post.holder is not None:
            item["org:heldBy"] = {"@type": "foaf:Person", "foaf:name": post.holder.name}
        nodes.append(_clean(item))
    nodes.append(_clean(node))
    return nodes


_ORIGINAL = {EventKind.closure, EventKind.merger, EventKind.split, EventKind.transfer}


def _act(act: LegalAct | None, language: str) -> dict[str, Any] | None:
    """An act (délibération, avis du comité technique...) as a resource of its own."""
    if act is None:
        return None
    return _clean(
        {
            "dct:type": act.kind.value,
            "dct:identifier": act.reference,
            "date": act.date.isoformat() if act.date else None,
            "dct:title": _text(act.title, language),
            "foaf:page": {"@id": act.url} if act.url else None,
        }
    )


def _event(event: Event, ids: _Ids, language: str) -> dict[str, Any]:
    before = [ids("unit", u) for u in event.before]
    after = [ids("unit", u) for u in event.after]
    concerned = [ids("unit", u) for u in event.units]
    if event.kind in _ORIGINAL:
        before += concerned
    else:
        after += concerned
    return _clean(
        {
            **ids("event", event.id),
            "@type": "org:ChangeEvent",
            "date": event.date.isoformat(),
            "dct:type": event.kind.value,
            "dct:title": _text(event.title, language),
            "dct:description": _text(event.text, language),
            "org:originalOrganization": before,
            "org:resultingOrganization": after,
            "dct:source": _act(event.reference, language),
            "dct:relation": [_act(a, language) for a in event.acts],
        }
    )


def _organisation(
    org: Organisation, node_id: dict[str, str], ids: _Ids, language: str
) -> dict[str, Any]:
    """An organisation, or one of its former periods, as ORG and CPOV say it."""
    return {
        **node_id,
        "@type": ["org:FormalOrganization", "cpov:PublicOrganisation"],
        "skos:prefLabel": _text(org.name, language),
        "skos:altLabel": _text(org.short_name, language),
        "org:identifier": org.id,
        "org:classification": [ids("kind", org.kind.value)],
    }


def _change_id(org: Organisation, past: OrganisationPast, ids: _Ids) -> dict[str, str]:
    return ids("organisation-change", f"{org.id}-{past.until.isoformat()}")


def _former_periods(org: Organisation, ids: _Ids, language: str) -> list[dict[str, Any]]:
    """Each former period of ``org``, and the change event that ended it."""
    nodes: list[dict[str, Any]] = []
    ended = sorted(org.previous, key=lambda p: p.until)
    period_ids = [ids("former-organisation", f"{org.id}-{p.until.isoformat()}") for p in ended]
    period_ids.append(ids("organisation", org.id))
    for number, ((start, state), past) in enumerate(zip(org.periods(), ended, strict=False)):
        change = _change_id(org, past, ids)
        node = _organisation(state, period_ids[number], ids, language)
        node["validFrom"] = start.isoformat() if start else None
        node["validThrough"] = past.until.isoformat()
        node["org:changedBy"] = [change]
        if number:
            node["org:resultedFrom"] = [_change_id(org, ended[number - 1], ids)]
        nodes.append(_clean(node))
        event = {
            **change,
            "@type": "org:ChangeEvent",
            "date": (past.until + dt.timedelta(days=1)).isoformat(),
            "dct:type": "organisation-change",
            "org:originalOrganization": [period_ids[number]],
            "org:resultingOrganization": [period_ids[number + 1]],
            "dct:source": _act(past.reference, language),
        }
        nodes.append(_clean(event))
    return nodes


def jsonld_document(data: OrgData, base: str = DEFAULT_BASE) -> dict[str, Any]:
    """The package as a JSON-LD document (a ``@graph`` of ORG and CPOV nodes)."""
    ids = _Ids(base)
    language = data.language
    people = data.package.package.publish_people
    graph: list[dict[str, Any]] = []
    for org in data.organisations.values():
        graph += _former_periods(org, ids, language)
        ended = sorted(org.previous, key=lambda p: p.until)
        last = [_change_id(org, ended[-1], ids)] if ended else []
        graph.append(
            _clean(
                {
                    **_organisation(org, ids("organisation", org.id), ids, language),
                    "org:resultedFrom": last,
                    "rov:registration": {
                        "@type": "adms:Identifier",
                        "skos:notation": org.siren,
                        "dct:creator": "INSEE (SIREN)",
                    }
                    if org.siren
                    else None,
                    "foaf:homepage": {"@id": org.website} if org.website else None,
                    "dct:description": _text(org.description, language),
                    "org:hasUnit": [ids("unit", u.id) for u in data.units_of(org.id)],
                }
            )
        )
    scheme = ids("scheme", "levels")
    graph.append({**scheme, "@type": "skos:ConceptScheme"})
    for level in data.levels.values():
        labels = [
            {"@value": v, "@language": k} for k in ("fr", "en") if (v := getattr(level.name, k))
        ]
        graph.append(
            {
                **ids("level", level.id),
                "@type": "skos:Concept",
                "skos:prefLabel": labels,
                "skos:inScheme": scheme,
            }
        )
    for category in data.categories.values():
        labels = [
            {"@value": v, "@language": k} for k in ("fr", "en") if (v := getattr(category.name, k))
        ]
        graph.append(
            {**ids("category", category.id), "@type": "skos:Concept", "skos:prefLabel": labels}
        )
    kinds = {o.kind.value for o in data.organisations.values()}
    kinds |= {p.kind.value for o in data.organisations.values() for p in o.previous if p.kind}
    for kind in sorted(kinds):
        graph.append({**ids("kind", kind), "@type": "skos:Concept", "skos:notation": kind})
    for status in sorted({u.status.value for u in data.package.units}):
        graph.append({**ids("status", status), "@type": "skos:Concept", "skos:notation": status})
    for unit in data.package.units:
        graph += _unit_nodes(data, unit, ids, people)
    graph += [_event(e, ids, language) for e in data.package.events]
    graph.sort(key=lambda node: node["@id"])
    graph.insert(
        0,
        {
            "@id": f"{base}package",
            "@type": "dcat:Dataset",
            "dct:title": _text(data.package.package.name, language),
            "issued": data.as_of.isoformat(),
        },
    )
    return {"@context": CONTEXT, "@graph": graph}


def jsonld_text(data: OrgData, base: str = DEFAULT_BASE) -> str:
    """The JSON-LD document as stable text."""
    return json.dumps(jsonld_document(data, base), ensure_ascii=False, indent=2) + "\n"
