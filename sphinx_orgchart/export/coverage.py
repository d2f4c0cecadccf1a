"""What each export format leaves out of a package, counted, so that the export says so.

JSON and the workbooks carry every record and field. The other formats have no notion of
some of them: the CSV is a table of units; the W3C Organization Ontology (JSON-LD) has no
projet d'administration nor governance bodies; Popolo has neither change events, nor the
status of a unit, nor an organisation's former kinds. :func:`left_out` counts what the data
holds of those, and :func:`left_out_note` writes the sentence the command prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..data import OrgData
from ..i18n import translate
from ..model import UnitStatus
from ..wording import format_count, join_items

__all__ = ["FORMAT_NAMES", "LEFT_OUT", "Omission", "left_out", "left_out_note"]


@dataclass(frozen=True)
class Omission:
    """Something a format cannot carry: how to count it in the data, how to say it."""

    key: str
    """A stable name (``events``, ``unit-status``...), the one the docs list."""
    count: Callable[[OrgData], int]
    say: Callable[[str, int], str]
    """The count in words, in a language: "3 answers to the objectives"."""


def _section(name: str) -> Callable[[OrgData], int]:
    return lambda data: len(getattr(data.package, name))


def _former_kinds(data: OrgData) -> int:
    return sum(
        1
        for o in data.package.organisations
        if any(p.kind is not None or p.reference is not None for p in o.previous)
    )


def _not_active(data: OrgData) -> int:
    return sum(1 for u in data.package.units if u.status is not UnitStatus.active)


_BODIES = Omission(
    "bodies",
    _section("bodies"),
    lambda language, n: format_count(
        language, "%(n)s governance body", "%(n)s governance bodies", n
    ),
)
_ORIENTATIONS = Omission(
    "orientations",
    _section("orientations"),
    lambda language, n: format_count(language, "%(n)s orientation", "%(n)s orientations", n),
)
_OBJECTIVES = Omission(
    "objectives",
    _section("objectives"),
    lambda language, n: format_count(language, "%(n)s objective", "%(n)s objectives", n),
)
_ACTIONS = Omission(
    "actions",
    _section("actions"),
    lambda language, n: format_count(language, "%(n)s action", "%(n)s actions", n),
)
_ANSWERS = Omission(
    "answers",
    _section("answers"),
    lambda language, n: format_count(
        language, "%(n)s answer to an objective", "%(n)s answers to the objectives", n
    ),
)
_EVENTS = Omission(
    "events",
    _section("events"),
    lambda language, n: format_count(
        language, "%(n)s change event (with its acts)", "%(n)s change events (with their acts)", n
    ),
)
_PROJET = (_BODIES, _ORIENTATIONS, _OBJECTIVES, _ACTIONS, _ANSWERS)

LEFT_OUT: dict[str, tuple[Omission, ...]] = {
    "json": (),
    "xlsx": (),
    "ods": (),
    "csv": (
        Omission(
            "organisations",
            _section("organisations"),
            lambda language, n: format_count(
                language,
                "%(n)s organisation's name, kind and former periods",
                "%(n)s organisations' names, kinds and former periods",
                n,
            ),
        ),
        _EVENTS,
        *_PROJET,
    ),
    "jsonld": _PROJET,
    "popolo": (
        _EVENTS,
        Omission(
            "unit-status",
            _not_active,
            lambda language, n: format_count(
                language,
                "the status of %(n)s unit that is not active",
                "the status of %(n)s units that are not active",
                n,
            ),
        ),
        Omission(
            "former-kinds",
            _former_kinds,
            lambda language, n: format_count(
                language,
                "the former kinds and acts of %(n)s organisation (its former names are kept)",
                "the former kinds and acts of %(n)s organisations (their former names are kept)",
                n,
            ),
        ),
        *_PROJET,
    ),
}
"""For each ``--format``, what it leaves out (in the order the note says it)."""

FORMAT_NAMES = {
    "csv": "CSV",
    "jsonld": "JSON-LD (W3C ORG)",
    "popolo": "Popolo",
}


def left_out(data: OrgData, kind: str) -> list[tuple[Omission, int]]:
    """What the export of ``data`` in ``kind`` leaves out, with how many the data holds."""
    found = [(omission, omission.count(data)) for omission in LEFT_OUT.get(kind, ())]
    return [(omission, count) for omission, count in found if count]


def left_out_note(data: OrgData, kind: str, language: str) -> str | None:
    """The note the command prints when the export leaves something out, or None."""
    found = left_out(data, kind)
    if not found:
        return None
    items = [omission.say(language, n) for omission, n in found]
    return translate(
        language, "note: the %(format)s export has no place for, and leaves out: %(items)s"
    ) % {"format": FORMAT_NAMES.get(kind, kind), "items": join_items(items, language)}
