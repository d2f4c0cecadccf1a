"""The projet d'administration: orientations (axes), objectives and actions."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .common import SLUG_RE, Date, Id, Line, Record, Strict, Text

__all__ = ["Action", "ActionStatus", "Answer", "Objective", "Orientation", "answer_id"]


class Orientation(Record):
    """An orientation or axis of the projet d'administration."""

    title: Line = Field(..., min_length=1, description="Title of the orientation.")
    organisation: Id | None = Field(None, description="Organisation whose projet it is.")
    order: int | None = Field(None, description="Position among orientations.")
    description: Text | None = Field(None, description="Presentation, in reStructuredText.")


class Objective(Record):
    """An objective of the projet d'administration."""

    title: Line = Field(..., min_length=1, description="Title of the objective.")
    number: int | None = Field(None, ge=1, description="Its number (objectif n°3).")
    orientation: Id | None = Field(None, description="The orientation (axis) it belongs to.")
    description: Text | None = Field(None, description="Presentation, in reStructuredText.")
    indicators: list[Text] = Field(default_factory=list, description="How it is measured.")


class ActionStatus(StrEnum):
    """Progress status of an action."""

    planned = "planned"
    in_progress = "in_progress"
    done = "done"
    late = "late"
    suspended = "suspended"
    abandoned = "abandoned"


class Action(Record):
    """An action serving an objective, owned by one or more units."""

    title: Line = Field(..., min_length=1, description="What is to be done.")
    objective: Id = Field(..., description="The objective it serves.")
    owners: list[Id] = Field(..., min_length=1, description="Units that lead it.")
    contributors: list[Id] = Field(default_factory=list, description="Units that contribute.")
    status: ActionStatus = Field(ActionStatus.planned, description="Where it stands.")
    progress: int | None = Field(None, ge=0, le=100, description="Progress in percent (0-100).")
    start: Date | None = Field(None, description="Start date.")
    due: Date | None = Field(None, description="Due date.")
    description: Text | None = Field(None, description="Details, in reStructuredText.")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Action:
        if self.start and self.due and self.due < self.start:
            raise PydanticCustomError(
                "orgchart_due_order",
                "due ({due}) is before start ({start})",
                {"due": str(self.due), "start": str(self.start)},
            )
        return self


def answer_id(unit: str, objective: str) -> str:
    """The id of a unit's answer to an objective written without one: ``<unit>.<objective>``."""
    return f"{unit}.{objective}"


class Answer(Strict):
    """A unit's answer to an objective: how the service contributes to it (seed 004, Caen:
    "les réponses des services aux 13 objectifs")."""

    id: Id | None = Field(
        None,
        description="Stable identifier (slug), unique among the answers. Default: "
        "``<unit>.<objective>``, so that it is seldom written.",
    )
    unit: Id = Field(..., description="The unit (service) that answers.")
    objective: Id = Field(..., description="The objective it answers.")
    text: Text = Field(
        ..., min_length=1, description="How the unit contributes, in reStructuredText."
    )

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, value: Any) -> Any:
        if isinstance(value, dict) and value.get("id") is None:
            unit, objective = value.get("unit"), value.get("objective")
            if all(isinstance(v, str) and SLUG_RE.match(v) for v in (unit, objective)):
                return {**value, "id": answer_id(str(unit), str(objective))}
        return value

    @property
    def key(self) -> str:
        """The answer's id (given, or ``<unit>.<objective>``)."""
        return self.id or answer_id(self.unit, self.objective)
