"""Cross-record checks: references, cycles, levels, dates, sharing, consistency.

Every check returns located problems; none raises. Records that failed validation are
remembered by id so that references to them do not cascade into "unknown" errors.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .data import OrgData
from .i18n import N_, Msg
from .loader.assemble import Source
from .loader.errors import did_you_mean
from .model import EventKind, Unit, UnitStatus
from .problems import (
    CLOSED_WITHOUT_END,
    CYCLE,
    DUPLICATE_ID,
    EMPTY_ORGANISATION,
    LEVEL_NOT_ALLOWED,
    NO_HEAD_POST,
    NO_ORGANISATION,
    ORGANISATION_HISTORY,
    PARENT_ORGANISATION,
    SELF_REFERENCE,
    SHARING,
    UNKNOWN_REFERENCE,
    VALIDITY_OUTSIDE_PARENT,
    Problem,
)
from .recordchecks import RecordChecks

__all__ = ["LOST_UNITS_OF", "Checker"]

LOST_UNITS_OF = "units-of"
"""Key of ``Checker.broken``: organisations some of whose units could not be read
(``*``: perhaps any)."""

_KIND_NAMES = {
    "units": N_("units"),
    "levels": N_("levels"),
    "organisations": N_("organisations"),
    "categories": N_("categories"),
    "posts": N_("posts"),
    "objectives": N_("objectives"),
    "orientations": N_("orientations"),
}


@dataclass
class Checker(RecordChecks):
    """Runs every cross-record check on a package (those of the records around the units
    in :class:`~.recordchecks.RecordChecks`)."""

    data: OrgData
    sources: dict[tuple[str, str], Source]
    broken: dict[str, set[str]]
    root: Path
    in_cycle: set[str] = field(default_factory=set)

    def run(self) -> list[Problem]:
        """All problems found."""
        cycles = list(self.check_cycles())
        return [
            *self.check_organisations(),
            *self.check_levels(),
            *self.check_units(),
            *cycles,
            *self.check_posts(),
            *self.check_bodies(),
            *self.check_projet(),
            *self.check_events(),
            *self.check_package(),
        ]

    # -- helpers ---------------------------------------------------------------------------

    def _ref(
        self, section: str, target: str | None, source: Source, *key: str | int
    ) -> Iterator[Problem]:
        """A problem if ``target`` names no record of ``section``."""
        if target is None or target in self.broken.get(section, ()):
            return
        if target in self.broken.get("*", ()):
            return
        if section == "posts" and self._in_lost_unit(target):
            return
        index: Mapping[str, object] = (
            self.data.posts if section == "posts" else getattr(self.data, section)
        )
        if target in index:
            return
        guess = did_you_mean(target, index)
        args: dict[str, object] = {"kinds": Msg(_KIND_NAMES[section]), "id": target}
        if guess:
            msgid = N_(
                "%(key)s: unknown id '%(id)s' among the %(kinds)s; did you mean '%(guess)s'?"
            )
            args["guess"] = guess
        else:
            msgid = N_(
                "%(key)s: unknown id '%(id)s' among the %(kinds)s; check the id or add the record"
            )
        args["key"] = ".".join(str(k) for k in key if isinstance(k, str)) or section
        yield Problem(UNKNOWN_REFERENCE, msgid, args, *source.at(*key))

    def _in_lost_unit(self, post: str) -> bool:
        """Whether ``post`` looks like a post of a unit that could not be read (dgs.head)."""
        unit = post.rpartition(".")[0]
        return bool(unit) and any(unit in self.broken.get(key, ()) for key in ("units", "*"))

    def where(self, path: Path, line: int | None) -> str:
        """``file:line`` relative to the package root."""
        try:
            text = path.relative_to(self.root).as_posix()
        except ValueError:
            text = path.name
        return f"{text}:{line or '?'}"

    def _src(self, section: str, record_id: str) -> Source:
        return self.sources[(section, record_id)]

    # -- organisations, levels and units ----------------------------------------------------

    def check_organisations(self) -> Iterator[Problem]:
        """An organisation's former periods follow one another, oldest first."""
        for org in self.data.organisations.values():
            source = self._src("organisations", org.id)
            for index in range(1, len(org.previous)):
                earlier, later = org.previous[index - 1], org.previous[index]
                if later.until > earlier.until:
                    continue
                if later.until == earlier.until:
                    msgid = N_(
                        "two former periods of the organisation '%(id)s' end on %(until)s: "
                        "each item of 'previous' ends on its own day; merge them or correct "
                        "the date"
                    )
                else:
                    msgid = N_(
                        "the former periods of the organisation '%(id)s' are not in order: "
                        "this one ends on %(until)s, before the one above it (%(earlier)s); "
                        "write them oldest first"
                    )
                yield Problem(
                    ORGANISATION_HISTORY,
                    msgid,
                    {"id": org.id, "until": str(later.until), "earlier": str(earlier.until)},
                    *source.at("previous", index, "until"),
                )

    def check_levels(self) -> Iterator[Problem]:
        """Levels name existing levels as possible parents."""
        for level in self.data.levels.values():
            source = self._src("levels", level.id)
            for index, parent in enumerate(level.parents):
                yield from self._ref("levels", parent, source, "parents", index)

    def check_units(self) -> Iterator[Problem]:
        """References, organisation, level rules, validity and sharing of every unit."""
        data = self.data
        for unit in data.units.values():
            source = self._src("units", unit.id)
            yield from self._ref("levels", unit.level, source, "level")
            yield from self._ref("categories", unit.category, source, "category")
            if unit.organisation is None:
                if unit.parent is None:
                    yield Problem(
                        NO_ORGANISATION,
                        N_(
                            "the unit '%(id)s' has no parent and no 'organisation': "
                            "say which organisation it belongs to"
                        ),
                        {"id": unit.id},
                        *source.at("id"),
                    )
            else:
                yield from self._ref("organisations", unit.organisation, source, "organisation")
            yield from self._ref("units", unit.parent, source, "parent")
            yield from self._self_references(unit, source)
            yield from self._level_rule(unit, source)
            yield from self._validity(unit, source)
            yield from self._sharing(unit, source)
            if unit.status is UnitStatus.closed and unit.valid_until is None:
                yield Problem(
                    CLOSED_WITHOUT_END,
                    N_("the unit '%(id)s' is closed but has no 'valid_until' date"),
                    {"id": unit.id},
                    *source.at("status"),
                )
            if (
                unit.head is None
                and unit.status is not UnitStatus.closed
                and unit.is_valid_on(data.as_of)
            ):
                yield Problem(
                    NO_HEAD_POST,
                    N_("the unit '%(id)s' has no head post ('head:'); add it, even vacant"),
                    {"id": unit.id},
                    *source.at("id"),
                )
        lost = self.broken.get(LOST_UNITS_OF, set())
        for org in data.organisations.values():
            if "*" in lost or org.id in lost:
                continue  # its units may be among those that could not be read
            if org.id in data.partner_organisations:
                continue  # served by shared units (member communes of a Métropole)
            if data.attached_to_organisation(org.id):
                continue  # co-supervises units of another (a ministry's co-tutelle)
            if not any(u.organisation == org.id for u in data.units.values()):
                yield Problem(
                    EMPTY_ORGANISATION,
                    N_("the organisation '%(id)s' has no unit"),
                    {"id": org.id},
                    *self._src("organisations", org.id).at("id"),
                )

    def _self_references(self, unit: Unit, source: Source) -> Iterator[Problem]:
        """Attachments and replaced units name other, existing units."""
        for index, attachment in enumerate(unit.attachments):
            if attachment.organisation is not None:
                if attachment.organisation == unit.organisation:
                    yield Problem(
                        SELF_REFERENCE,
                        N_(
                            "the unit '%(id)s' is attached to its own organisation "
                            "'%(org)s': an attachment names another organisation (the one "
                            "that co-supervises it, for instance); remove this item"
                        ),
                        {"id": unit.id, "org": attachment.organisation},
                        *source.at("attachments", index, "organisation"),
                    )
                else:
                    yield from self._ref(
                        "organisations",
                        attachment.organisation,
                        source,
                        "attachments",
                        index,
                        "organisation",
                    )
            elif attachment.unit == unit.id:
                yield Problem(
                    SELF_REFERENCE,
                    N_(
                        "the unit '%(id)s' is attached to itself: 'attachments' lists the "
                        "other units under which it also appears; remove this item"
                    ),
                    {"id": unit.id},
                    *source.at("attachments", index, "unit"),
                )
            else:
                yield from self._ref("units", attachment.unit, source, "attachments", index, "unit")
        for index, replaced in enumerate(unit.replaces):
            if replaced == unit.id:
                yield Problem(
                    SELF_REFERENCE,
                    N_(
                        "the unit '%(id)s' replaces itself: 'replaces' lists the earlier "
                        "units it takes over from; remove this item"
                    ),
                    {"id": unit.id},
                    *source.at("replaces", index),
                )
            else:
                yield from self._ref("units", replaced, source, "replaces", index)

    def _level_rule(self, unit: Unit, source: Source) -> Iterator[Problem]:
        level = self.data.levels.get(unit.level)
        if level is None or any(p not in self.data.levels for p in level.parents):
            return  # an unknown level is reported where it is named
        if unit.parent is not None and unit.parent in self.in_cycle:
            return  # the cycle is the problem to fix first
        parent = self.data.units.get(unit.parent) if unit.parent else None
        if unit.parent is None:
            if not level.may_be_top:
                yield Problem(
                    LEVEL_NOT_ALLOWED,
                    N_(
                        "a unit of level '%(level)s' cannot be at the top: give "
                        "'%(id)s' a parent of level %(allowed)s"
                    ),
                    {"level": level.id, "id": unit.id, "allowed": ", ".join(level.parents)},
                    *source.at("level"),
                )
            return
        if parent is None:
            return
        if parent.level not in level.parents and parent.level in self.data.levels:
            allowed = ", ".join(level.parents) or "-"
            yield Problem(
                LEVEL_NOT_ALLOWED,
                N_(
                    "a unit of level '%(level)s' cannot sit under a unit of level "
                    "'%(parent_level)s' ('%(parent)s'); allowed parent levels: "
                    "%(allowed)s"
                ),
                {
                    "level": level.id,
                    "parent_level": parent.level,
                    "parent": parent.id,
                    "allowed": allowed,
                },
                *source.at("level"),
            )
        yield from self._parent_organisation(unit, parent, source)

    def _parent_organisation(self, unit: Unit, parent: Unit, source: Source) -> Iterator[Problem]:
        """A unit under a unit of another organisation: allowed when the parent is shared
        with the unit's organisation (a direction générale commune), on the data's date."""
        org, parent_org = unit.organisation, parent.organisation
        if not org or not parent_org or org == parent_org:
            return
        args = {"id": unit.id, "org": org, "parent": parent.id, "parent_org": parent_org}
        partnerships = [s for s in parent.shared if org in s.with_]
        if not partnerships:
            yield Problem(
                PARENT_ORGANISATION,
                N_(
                    "the unit '%(id)s' belongs to '%(org)s' but its parent '%(parent)s' "
                    "belongs to '%(parent_org)s' and is not shared with it: for a direction "
                    "commune to both, add '%(org)s' to the partners of '%(parent)s' "
                    "('shared'); to show '%(id)s' also under a unit of another organisation, "
                    "give it a parent of its own and use 'attachments'"
                ),
                args,
                *source.at("parent"),
            )
            return
        day = self.data.as_of
        if unit.is_valid_on(day) and not any(s.is_active_on(day) for s in partnerships):
            spans = ", ".join(_span(s.since, s.until) for s in partnerships)
            yield Problem(
                PARENT_ORGANISATION,
                N_(
                    "the unit '%(id)s' of '%(org)s' sits under '%(parent)s' of "
                    "'%(parent_org)s', but on %(day)s '%(parent)s' is not shared with "
                    "'%(org)s' (%(spans)s): correct the dates of the partnership, or give "
                    "'%(id)s' a parent of its own organisation"
                ),
                {**args, "day": str(day), "spans": spans},
                *source.at("parent"),
            )

    def _validity(self, unit: Unit, source: Source) -> Iterator[Problem]:
        parent = self.data.units.get(unit.parent) if unit.parent else None
        if parent is None:
            return
        # A unit written under its parent of today sits there only since its last move: a
        # service moving into a direction being created is under it from the move's date.
        moves = [
            e.date
            for e in self.data.package.events
            if e.kind is EventKind.move and unit.id in e.units
        ]
        under_since = max([d for d in (unit.valid_from, *moves) if d is not None], default=None)
        starts_before = parent.valid_from is not None and (
            under_since is None or under_since < parent.valid_from
        )
        ends_after = parent.valid_until is not None and (
            unit.valid_until is None or unit.valid_until > parent.valid_until
        )
        if starts_before or ends_after:
            yield Problem(
                VALIDITY_OUTSIDE_PARENT,
                N_(
                    "the unit '%(id)s' (%(span)s) exists outside the dates of its "
                    "parent '%(parent)s' (%(parent_span)s)"
                ),
                {
                    "id": unit.id,
                    "span": _span(unit.valid_from, unit.valid_until),
                    "parent": parent.id,
                    "parent_span": _span(parent.valid_from, parent.valid_until),
                },
                *source.at("valid_from" if starts_before else "valid_until"),
            )

    def _sharing(self, unit: Unit, source: Source) -> Iterator[Problem]:
        for number, sharing in enumerate(unit.shared):
            # The single-mapping form ("shared: {with: ...}") has no item number in the file.
            listed = source.line("shared", number) != source.line("shared")
            at: tuple[str | int, ...] = ("shared", number) if listed else ("shared",)
            seen: set[str] = set()
            for index, org in enumerate(sharing.with_):
                if org == unit.organisation:
                    yield Problem(
                        SHARING,
                        N_(
                            "the unit '%(id)s' is shared with its own organisation "
                            "'%(org)s': list only the other organisations"
                        ),
                        {"id": unit.id, "org": org},
                        *source.at(*at, "with", index),
                    )
                elif org in seen:
                    yield Problem(
                        SHARING,
                        N_("the organisation '%(org)s' is listed twice"),
                        {"org": org},
                        *source.at(*at, "with", index),
                    )
                else:
                    yield from self._ref("organisations", org, source, *at, "with", index)
                seen.add(org)

    def check_cycles(self) -> Iterator[Problem]:
        """Units that are their own ancestors, each cycle reported once."""
        units = self.data.units
        state: dict[str, int] = {}
        for start in units:
            path: list[str] = []
            node: str | None = start
            while node is not None and node in units and state.get(node) is None:
                state[node] = 1
                path.append(node)
                node = units[node].parent
            if node is not None and state.get(node) == 1:
                cycle = path[path.index(node) :]
                self.in_cycle.update(cycle)
                first = min(cycle, key=lambda uid: self._src("units", uid).sort_key())
                if len(cycle) == 1:
                    msgid = N_("the unit '%(id)s' names itself as its parent")
                else:
                    msgid = N_(
                        "the units %(cycle)s form a cycle through their parents: one of "
                        "them must have another parent"
                    )
                yield Problem(
                    CYCLE,
                    msgid,
                    {"id": first, "cycle": " → ".join([*cycle, cycle[0]])},
                    *self._src("units", first).at("parent"),
                )
            for uid in path:
                state[uid] = 2

    # -- posts, bodies, projet, events ------------------------------------------------------

    def check_posts(self) -> Iterator[Problem]:
        """Post ids are unique across the package."""
        first: dict[str, tuple[Source, tuple[str | int, ...]]] = {}
        for unit in self.data.units.values():
            source = self._src("units", unit.id)
            posts: list[tuple[tuple[str | int, ...], str | None]] = []
            if unit.head:
                posts.append((("head", "id"), unit.head.id))
            posts += [(("posts", i, "id"), p.id) for i, p in enumerate(unit.posts)]
            for key, post_id in posts:
                if post_id is None:
                    continue
                if post_id in first:
                    other_source, other_key = first[post_id]
                    for here, here_key, there, there_key in (
                        (source, key, other_source, other_key),
                        (other_source, other_key, source, key),
                    ):
                        path, line = there.at(*there_key)
                        yield Problem(
                            DUPLICATE_ID,
                            N_("the post id '%(id)s' is used twice; the other is at %(other)s"),
                            {"id": post_id, "other": self.where(path, line)},
                            *here.at(*here_key),
                        )
                else:
                    first[post_id] = (source, key)


def _span(start: object, end: object) -> str:
    return f"{start or '…'} – {end or '…'}"
