"""The content of a generated package as the hand-written variants need it.

The baseline and the sphinx-needs handbooks are written from the same generated files as the
sphinx-orgchart handbook, without importing sphinx-orgchart: this module reads the plain
dicts of :func:`benchmarks.generate.build` (organisation inherited from the parent, children
in the order they are written, actions by owner).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Action", "Content", "Organisation", "UnitInfo", "content_of"]

MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
"""French month names, for the dates the handbooks print."""

MODE_LABELS_FR = {
    "service_commun": "service commun",
    "mise_a_disposition_services": "mise à disposition de services",
    "mise_a_disposition_personnels": "mise à disposition de personnels",
    "convention_gestion": "convention de gestion",
    "groupement_commandes": "groupement de commandes",
    "cooperation_technique": "coopération technique",
}
"""The modes of mutualisation, as the French handbook names them."""

STATUS_LABELS_FR = {"in_progress": "en cours", "done": "réalisée", "planned": "prévue"}
"""Statuses of actions, in French."""

KIND_LABELS_FR = {"commune": "commune", "metropole": "métropole"}
"""Kinds of organisations, in French."""


def format_day_fr(day: str | dt.date) -> str:
    """``2020-01-01`` -> ``1 janvier 2020``."""
    value = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
    return f"{value.day} {MONTHS_FR[value.month - 1]} {value.year}"


@dataclass(frozen=True)
class Organisation:
    """An organisation of the package."""

    id: str
    name: str
    kind: str


@dataclass(frozen=True)
class Action:
    """An action of the projet d'administration, as a unit page shows it."""

    title: str
    objective: str
    status: str
    progress: int | None


@dataclass
class UnitInfo:
    """Everything a unit page shows."""

    id: str
    name: str
    sigle: str | None
    level: str
    organisation: str
    parent: str | None
    head: str | None
    missions: list[str]
    email: str | None
    phone: str | None
    staff: float | None
    shared: dict[str, Any] | None
    actions: list[Action] = field(default_factory=list)

    @property
    def label(self) -> str:
        """Name followed by the sigle, as sphinx-orgchart shows it."""
        return f"{self.name} ({self.sigle})" if self.sigle else self.name


@dataclass
class Content:
    """A package, indexed: units in the order written, their children, the top units."""

    organisations: dict[str, Organisation]
    levels: dict[str, str]
    units: dict[str, UnitInfo]
    children: dict[str, list[str]]
    roots: dict[str, list[str]]
    objectives: dict[str, str]

    def ancestors(self, unit_id: str) -> list[UnitInfo]:
        """Parents of a unit, from the top down."""
        chain: list[UnitInfo] = []
        parent = self.units[unit_id].parent
        while parent is not None and parent in self.units:
            chain.append(self.units[parent])
            parent = self.units[parent].parent
        chain.reverse()
        return chain


def _records(files: dict[str, dict[str, Any]], section: str) -> list[dict[str, Any]]:
    return [record for content in files.values() for record in content.get(section, [])]


def content_of(files: dict[str, dict[str, Any]]) -> Content:
    """Index the files of :func:`benchmarks.generate.build` (or an edited copy of them)."""
    organisations = {
        o["id"]: Organisation(o["id"], o["name"], o.get("kind", ""))
        for o in _records(files, "organisations")
    }
    levels = {lv["id"]: lv["name"]["fr"] for lv in _records(files, "levels")}
    objectives = {
        o["id"]: f"{o['number']}. {o['title']}" if o.get("number") else o["title"]
        for o in _records(files, "objectives")
    }
    raw = {u["id"]: u for u in _records(files, "units")}

    def organisation_of(uid: str) -> str:
        record = raw[uid]
        if record.get("organisation"):
            return str(record["organisation"])
        return organisation_of(record["parent"]) if record.get("parent") in raw else ""

    units: dict[str, UnitInfo] = {}
    for uid, record in raw.items():
        contact = record.get("contact") or {}
        units[uid] = UnitInfo(
            id=uid,
            name=record["name"],
            sigle=record.get("sigle"),
            level=record["level"],
            organisation=organisation_of(uid),
            parent=record.get("parent"),
            head=(record.get("head") or {}).get("title"),
            missions=list(record.get("missions", [])),
            email=contact.get("email"),
            phone=contact.get("phone"),
            staff=record.get("staff"),
            shared=record.get("shared"),
        )
    for action in _records(files, "actions"):
        for owner in action.get("owners", []):
            if owner in units:
                units[owner].actions.append(
                    Action(
                        action["title"],
                        action["objective"],
                        action.get("status", ""),
                        action.get("progress"),
                    )
                )
    children: dict[str, list[str]] = {uid: [] for uid in units}
    roots: dict[str, list[str]] = {oid: [] for oid in organisations}
    for unit in units.values():
        if unit.parent in children:
            children[unit.parent].append(unit.id)
        else:
            roots.setdefault(unit.organisation, []).append(unit.id)
    return Content(organisations, levels, units, children, roots, objectives)
