"""The loaded organisation, indexed for the questions charts and pages ask."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .model import (
    Action,
    Answer,
    Body,
    Category,
    Event,
    Level,
    Objective,
    Organisation,
    OrgPackage,
    Orientation,
    Post,
    Sharing,
    Unit,
)

__all__ = ["TEXT_FIELDS", "OrgData", "Origin", "sibling_key"]


@dataclass(frozen=True)
class Origin:
    """Where a record is written: file and line (for messages and warnings)."""

    path: Path
    line: int | None
    texts: tuple[tuple[str, int], ...] = ()
    """Line where each reStructuredText field of the record (see TEXT_FIELDS) starts."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)

    def text_line(self, name: str) -> int | None:
        """Line of the first line of the text field ``name``, else of the record."""
        return dict(self.texts).get(name, self.line)


TEXT_FIELDS = ("description", "role", "functioning", "text")
"""Fields of records written in reStructuredText (parsed into the handbook)."""


def sibling_key(unit: Unit, sequence: int) -> tuple[bool, int, int]:
    """Institutional order: units with an ``order`` first, by it; then as written."""
    return (unit.order is None, unit.order or 0, sequence)


class OrgData:
    """A valid package with its indexes; every list is in institutional order."""

    def __init__(
        self,
        package: OrgPackage,
        origins: dict[tuple[str, str], Origin],
        files: dict[str, str] | None = None,
    ) -> None:
        self.package = package
        self.origins = origins
        self.files: dict[str, str] = files or {}
        self.organisations: dict[str, Organisation] = {o.id: o for o in package.organisations}
        self.levels: dict[str, Level] = {lv.id: lv for lv in package.levels}
        self.categories: dict[str, Category] = {c.id: c for c in package.categories}
        self.units: dict[str, Unit] = {u.id: u for u in package.units}
        self.bodies: dict[str, Body] = {b.id: b for b in package.bodies}
        self.orientations: dict[str, Orientation] = {o.id: o for o in package.orientations}
        self.objectives: dict[str, Objective] = {o.id: o for o in package.objectives}
        self.actions: dict[str, Action] = {a.id: a for a in package.actions}
        self.answers: dict[str, Answer] = {a.key: a for a in package.answers}
        self.events: dict[str, Event] = {e.id: e for e in package.events}
        self.children: dict[str, list[str]] = {uid: [] for uid in self.units}
        self.roots: dict[str, list[str]] = {oid: [] for oid in self.organisations}
        for unit in package.units:
            if unit.parent and unit.parent in self.children:
                self.children[unit.parent].append(unit.id)
            elif unit.organisation in self.roots:
                self.roots[unit.organisation].append(unit.id)
        self.common: dict[str, list[str]] = {uid: [] for uid in self.units}
        """For each unit, the other organisations it heads units of (a direction générale
        commune), in the organisations' order."""
        self._find_common_units()
        self.posts: dict[str, tuple[str, Post]] = {}
        for unit in package.units:
            for post in unit_posts(unit):
                if post.id and post.id not in self.posts:
                    self.posts[post.id] = (unit.id, post)

    def _find_common_units(self) -> None:
        """Fill ``common``: a unit written under a unit of another organisation makes its
        parent, and the parent's ancestors of other organisations, common to its own."""
        order = {oid: index for index, oid in enumerate(self.organisations)}
        found: dict[str, set[str]] = {}
        for unit in self.package.units:
            org = unit.organisation
            parent = self.units.get(unit.parent or "")
            seen: set[str] = set()
            while org and parent is not None and parent.organisation != org:
                if parent.id in seen:
                    break  # a cycle, reported by the checks
                seen.add(parent.id)
                found.setdefault(parent.id, set()).add(org)
                parent = self.units.get(parent.parent or "")
        for uid, orgs in found.items():
            self.common[uid] = sorted(orgs, key=lambda o: (order.get(o, len(order)), o))

    def common_roots(self, organisation: str) -> list[str]:
        """The topmost units of other organisations that head units of ``organisation``
        (its direction générale commune), in institutional order."""
        return [
            u.id
            for u in self.package.units
            if organisation in self.common[u.id]
            and organisation not in self.common.get(u.parent or "", [])
        ]

    def tops_of(self, organisation: str) -> list[str]:
        """The top of an organisation's chart: the common units above its units, then its
        own top units."""
        return self.common_roots(organisation) + self.roots.get(organisation, [])

    def belongs_to(self, unit: Unit, organisation: str) -> bool:
        """Whether ``unit`` is drawn in the organisation's tree: it is one of its units, or a
        unit of another organisation that heads some of its units (a common unit)."""
        return unit.organisation == organisation or organisation in self.common[unit.id]

    def sharing_organisations(self, unit: Unit) -> list[str]:
        """A common unit's organisations: its home, then those it heads units of."""
        home = [unit.organisation] if unit.organisation else []
        return home + [o for o in self.common[unit.id] if o not in home]

    @property
    def language(self) -> str:
        """Language of the texts of the package."""
        return self.package.package.language

    @property
    def as_of(self) -> dt.date:
        """The date the data describes."""
        return self.package.package.as_of

    def origin(self, section: str, record_id: str) -> Origin | None:
        """Where a record is written."""
        return self.origins.get((section, record_id))

    def ancestors(self, unit_id: str) -> list[Unit]:
        """Parents of a unit from the top down (the unit itself excluded)."""
        chain: list[Unit] = []
        seen = {unit_id}
        parent = self.units[unit_id].parent
        while parent and parent in self.units and parent not in seen:
            seen.add(parent)
            chain.append(self.units[parent])
            parent = self.units[parent].parent
        chain.reverse()
        return chain

    def descendants(self, unit_id: str) -> Iterator[Unit]:
        """Sub-units of a unit, depth first, in institutional order."""
        stack = list(reversed(self.children.get(unit_id, [])))
        while stack:
            uid = stack.pop()
            yield self.units[uid]
            stack.extend(reversed(self.children.get(uid, [])))

    def depth(self, unit_id: str) -> int:
        """0 for a top unit, 1 for its children..."""
        return len(self.ancestors(unit_id))

    def sharings(self, unit: Unit) -> list[Sharing]:
        """The unit's partnerships that hold on the date the data describes (``as_of``)."""
        return [s for s in unit.shared if s.is_active_on(self.as_of)]

    @cached_property
    def shared_units(self) -> list[Unit]:
        """Units shared with at least one other organisation on the date of the data."""
        return [u for u in self.package.units if self.sharings(u)]

    def partners_of(self, unit: Unit) -> list[str]:
        """The organisations the unit is shared with on the date of the data, in order."""
        seen: dict[str, None] = {}
        for sharing in self.sharings(unit):
            for org in sharing.with_:
                if org != unit.organisation:
                    seen.setdefault(org, None)
        return list(seen)

    @cached_property
    def partner_organisations(self) -> frozenset[str]:
        """Organisations named as a partner by some unit, at any date."""
        return frozenset(o for u in self.package.units for s in u.shared for o in s.with_)

    def organisations_of(self, unit: Unit) -> list[str]:
        """Home organisation first, then the organisations it is shared with."""
        orgs = [unit.organisation] if unit.organisation else []
        return orgs + [o for o in self.partners_of(unit) if o not in orgs]

    def units_of(self, organisation: str, shared: bool = True) -> list[Unit]:
        """Units of an organisation, with (by default) the units shared with it."""
        return [
            u
            for u in self.package.units
            if u.organisation == organisation or (shared and organisation in self.partners_of(u))
        ]

    @cached_property
    def _bodies_by_unit(self) -> dict[str, list[Body]]:
        index: dict[str, list[Body]] = {}
        for body in self.package.bodies:
            units: list[str] = []
            if body.chair and body.chair in self.posts:
                units.append(self.posts[body.chair][0])
            for member in body.members:
                if member.unit:
                    units.append(member.unit)
                elif member.post and member.post in self.posts:
                    units.append(self.posts[member.post][0])
            for uid in dict.fromkeys(units):
                index.setdefault(uid, []).append(body)
        return index

    @cached_property
    def _attached_here(self) -> dict[str, list[Unit]]:
        index: dict[str, list[Unit]] = {}
        for unit in self.package.units:
            for attachment in unit.attachments:
                key = attachment.unit or f"organisation:{attachment.organisation}"
                if unit not in index.get(key, []):
                    index.setdefault(key, []).append(unit)
        return index

    def attached_to(self, unit_id: str) -> list[Unit]:
        """Units that name ``unit_id`` among their secondary attachments."""
        return self._attached_here.get(unit_id, [])

    def attached_to_organisation(self, organisation: str) -> list[Unit]:
        """Units of other organisations attached to ``organisation`` as a whole (a
        direction of one ministry co-supervised by another)."""
        return self._attached_here.get(f"organisation:{organisation}", [])

    def bodies_of(self, unit_id: str) -> list[Body]:
        """Governance bodies the unit sits in (through its posts or as a unit)."""
        return self._bodies_by_unit.get(unit_id, [])

    @cached_property
    def _actions_by_unit(self) -> dict[str, list[Action]]:
        index: dict[str, list[Action]] = {}
        for action in self.package.actions:
            for uid in action.owners:
                index.setdefault(uid, []).append(action)
        return index

    def actions_of(self, unit_id: str) -> list[Action]:
        """Actions of the projet d'administration the unit leads."""
        return self._actions_by_unit.get(unit_id, [])

    @cached_property
    def _answers_by_unit(self) -> dict[str, list[Answer]]:
        index: dict[str, list[Answer]] = {}
        for answer in self.package.answers:
            index.setdefault(answer.unit, []).append(answer)
        return index

    def answers_of(self, unit_id: str) -> list[Answer]:
        """The unit's answers to the objectives, as written."""
        return self._answers_by_unit.get(unit_id, [])

    def events_of(self, unit_id: str) -> list[Event]:
        """Change events that name the unit, oldest first."""
        return [e for e in self.package.events if unit_id in e.concerned]


def unit_posts(unit: Unit) -> list[Post]:
    """The head post, then the other posts of ``unit``."""
    return ([unit.head] if unit.head else []) + list(unit.posts)
