"""Change events: the history of reorganisations."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .common import Date, Id, LegalAct, Line, Record, Text

__all__ = ["Event", "EventKind"]


class EventKind(StrEnum):
    """Kinds of organisational change."""

    creation = "creation"
    closure = "closure"
    merger = "merger"
    split = "split"  # type: ignore[assignment]  # the member shadows str.split, harmlessly
    renaming = "renaming"
    move = "move"
    transfer = "transfer"
    mutualisation = "mutualisation"
    reorganisation = "reorganisation"


# For each kind: (field, minimum count or None for "must be given").
_REQUIRED: dict[EventKind, tuple[tuple[str, int | None], ...]] = {
    EventKind.creation: (("units", 1),),
    EventKind.closure: (("units", 1),),
    EventKind.merger: (("before", 2), ("after", 1)),
    EventKind.split: (("before", 1), ("after", 2)),
    EventKind.renaming: (("units", 1), ("previous_name", None)),
    EventKind.move: (("units", 1),),
    EventKind.transfer: (
        ("from_organisation", None),
        ("to_organisation", None),
        ("competence", None),
    ),
    EventKind.mutualisation: (("units", 1),),
    EventKind.reorganisation: (("units", 1),),
}


class Event(Record):
    """A dated change in the organisation."""

    date: Date = Field(..., description="Date the change takes effect.")
    kind: EventKind = Field(..., description="What kind of change.")
    title: Line | None = Field(None, description="Short title; default: generated from the kind.")
    units: list[Id] = Field(
        default_factory=list,
        description="Units concerned (created, closed, renamed, moved, or the several units "
        "a 'reorganisation' changes at once).",
    )
    before: list[Id] = Field(
        default_factory=list, description="Units before the change (merger, split, transfer)."
    )
    after: list[Id] = Field(
        default_factory=list, description="Units after the change (merger, split, transfer)."
    )
    previous_name: Line | None = Field(None, description="Name before a renaming.")
    previous_sigle: Line | None = Field(None, description="Sigle before a renaming.")
    previous_parent: Id | None = Field(
        None, description="Parent before a move (leave out if it was at the top)."
    )
    from_organisation: Id | None = Field(None, description="Organisation giving a competence.")
    to_organisation: Id | None = Field(None, description="Organisation receiving it.")
    competence: Text | None = Field(None, description="The competence transferred.")
    reference: LegalAct | None = Field(None, description="The act that decided it.")
    acts: list[LegalAct] = Field(
        default_factory=list,
        description="Other acts of the change, in order: the comité technique's opinion "
        "('avis_comite_technique') before the deliberation, a note... (Caen: the "
        "reorganisation adopted by the Comité technique paritaire).",
    )
    text: Text | None = Field(None, description="What happened, in reStructuredText.")

    @model_validator(mode="after")
    def _fields_for_kind(self) -> Event:
        for name, minimum in _REQUIRED[self.kind]:
            value = getattr(self, name)
            missing = not value if minimum is None else len(value) < minimum
            if missing and (minimum or 1) > 1:
                raise PydanticCustomError(
                    "orgchart_event_count",
                    "a '{kind}' event names at least {minimum} units in '{field}'",
                    {"kind": self.kind.value, "field": name, "minimum": minimum},
                )
            if missing:
                raise PydanticCustomError(
                    "orgchart_event_field",
                    "a '{kind}' event needs '{field}'",
                    {"kind": self.kind.value, "field": name},
                )
        return self

    @property
    def concerned(self) -> list[str]:
        """Every unit the event names, without repeats, in order."""
        seen: dict[str, None] = {}
        for uid in [*self.units, *self.before, *self.after]:
            seen.setdefault(uid, None)
        if self.previous_parent:
            seen.setdefault(self.previous_parent, None)
        return list(seen)
