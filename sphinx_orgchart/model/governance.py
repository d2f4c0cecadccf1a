"""Governance bodies: CODIR, weekly direction générale meeting, comité social territorial..."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from .common import Date, Id, LegalAct, Line, Record, Strict, Text, check_dates_order

__all__ = ["Body", "BodyKind", "Frequency", "Member", "Schedule", "Weekday"]


class BodyKind(StrEnum):
    """Kinds of governance bodies."""

    codir = "codir"
    direction_meeting = "direction_meeting"
    cst = "cst"
    f3sct = "f3sct"
    steering_committee = "steering_committee"
    project_team = "project_team"
    other = "other"


class Frequency(StrEnum):
    """How often a body meets."""

    daily = "daily"
    weekly = "weekly"
    fortnightly = "fortnightly"
    monthly = "monthly"
    quarterly = "quarterly"
    half_yearly = "half_yearly"
    yearly = "yearly"
    on_demand = "on_demand"


class Weekday(StrEnum):
    """Days of the week."""

    monday = "monday"
    tuesday = "tuesday"
    wednesday = "wednesday"
    thursday = "thursday"
    friday = "friday"
    saturday = "saturday"
    sunday = "sunday"


def _time_as_text(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        # pydantic would read 930 as seconds after midnight: insist on "HH:MM".
        raise PydanticCustomError("time_type", "expected a time written HH:MM")
    return value


Time = Annotated[dt.time, BeforeValidator(_time_as_text)]


class Schedule(Strict):
    """When a body meets, e.g. every Tuesday 08:30-11:00."""

    frequency: Frequency = Field(..., description="How often it meets.")
    weekday: Weekday | None = Field(None, description="Day of the week.")
    start: Time | None = Field(None, description='Start time ("08:30").')
    end: Time | None = Field(None, description='End time ("11:00").')
    place: Text | None = Field(None, description="Where it meets.")
    note: Text | None = Field(None, description="Anything the structured fields cannot say.")

    @model_validator(mode="after")
    def _times_in_order(self) -> Schedule:
        if self.start and self.end and self.end <= self.start:
            raise PydanticCustomError(
                "orgchart_times_order",
                "end ({end}) is not after start ({start})",
                {"end": self.end.strftime("%H:%M"), "start": self.start.strftime("%H:%M")},
            )
        return self


class Member(Strict):
    """A member of a body: a post, a unit, or people described in words."""

    post: Id | None = Field(None, description="A post's id.")
    unit: Id | None = Field(None, description="A unit's id (its head sits in the body).")
    label: Text | None = Field(
        None, description='Members who are neither ("représentants du personnel").'
    )
    role: Text | None = Field(None, description='Role in the body ("secrétariat").')

    @model_validator(mode="after")
    def _exactly_one(self) -> Member:
        given = [name for name in ("post", "unit", "label") if getattr(self, name)]
        if len(given) != 1:
            raise PydanticCustomError(
                "orgchart_member_one", "a member gives exactly one of 'post', 'unit' or 'label'"
            )
        return self


class Body(Record):
    """A governance body."""

    name: Line = Field(..., min_length=1, description='Full name ("Comité de direction").')
    short_name: Line | None = Field(None, description='Short name ("CODIR").')
    kind: BodyKind = Field(BodyKind.other, description="Kind of body.")
    organisation: Id = Field(..., description="Organisation whose body it is.")
    role: Text | None = Field(None, description="Definition and role, in reStructuredText.")
    objectives: list[Text] = Field(default_factory=list, description="Its objectives.")
    functioning: Text | None = Field(
        None, description="How it works (collegiality, decisions...), in reStructuredText."
    )
    chair: Id | None = Field(None, description="The post that chairs it.")
    members: list[Member] = Field(default_factory=list, description="Who sits in it.")
    schedule: Schedule | None = Field(None, description="When it meets.")
    legal_basis: list[LegalAct] = Field(default_factory=list, description="Founding acts.")
    valid_from: Date | None = Field(None, description="First day it exists.")
    valid_until: Date | None = Field(None, description="Last day it exists.")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Body:
        check_dates_order(self.valid_from, self.valid_until)
        return self

    @property
    def label(self) -> str:
        """Name with short name."""
        return f"{self.name} ({self.short_name})" if self.short_name else self.name
