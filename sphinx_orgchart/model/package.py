"""The package as a whole: its manifest, the shape of each file, and the assembled package."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Date, Email, Id, Line, Phone, Strict, Text
from .governance import Body
from .history import Event
from .organisation import Category, Level, Organisation
from .projet import Action, Answer, Objective, Orientation
from .unit import Unit

__all__ = ["SECTIONS", "Maintainer", "OrgPackage", "PackageFile", "PackageInfo"]

MANIFEST_NAME = "orgchart.yaml"

# The lists a file may hold, in the order they are exported.
SECTIONS: tuple[str, ...] = (
    "organisations",
    "levels",
    "categories",
    "units",
    "bodies",
    "orientations",
    "objectives",
    "actions",
    "answers",
    "events",
)


class Maintainer(Strict):
    """Who keeps the data up to date."""

    name: Line = Field(..., min_length=1, description="A person, a team or a unit's name.")
    email: Email | None = Field(None, description="Where to send corrections.")
    phone: Phone | None = Field(None, description="Phone number, in quotes.")
    unit: Id | None = Field(None, description="The unit in charge of the data.")


class PackageInfo(Strict):
    """What the package is and how fresh it is."""

    name: Line = Field(..., min_length=1, description='Name of the package ("Ville de ...").')
    language: Literal["fr", "en"] = Field(
        "fr", description="Language of the texts (names, missions): fr or en."
    )
    as_of: Date = Field(..., description="Date the data describes (YYYY-MM-DD).")
    reviewed: Date | None = Field(None, description="Date of the last full review.")
    maintainer: Maintainer | None = Field(None, description="Who maintains the data.")
    publish_people: bool = Field(
        False,
        description="Whether agents' names may be published at all. Default: no. A handbook "
        "must also set orgchart_show_people = True to print them.",
    )
    description: Text | None = Field(None, description="Presentation, in reStructuredText.")


class PackageFile(Strict):
    """The content of one YAML file of the package; every key is optional."""

    package: PackageInfo | None = Field(
        None, description="Package information: only in the manifest (orgchart.yaml)."
    )
    include: list[str] | None = Field(
        None,
        description="Manifest only: glob patterns of the files to read, relative to the "
        "package root. Default: every *.yaml and *.yml file under it.",
    )
    exclude: list[str] = Field(
        default_factory=list, description="Manifest only: glob patterns of files to skip."
    )
    ignore: list[str] = Field(
        default_factory=list,
        description="Manifest only: codes of warnings that ``sphinx-orgchart validate`` sets "
        "aside (counted, not listed), as ``--ignore`` does.",
    )
    organisations: list[Organisation] = Field(default_factory=list, description="Organisations.")
    levels: list[Level] = Field(default_factory=list, description="Structure levels.")
    categories: list[Category] = Field(default_factory=list, description="Unit categories.")
    units: list[Unit] = Field(default_factory=list, description="Units, flat or nested.")
    bodies: list[Body] = Field(default_factory=list, description="Governance bodies.")
    orientations: list[Orientation] = Field(
        default_factory=list, description="Orientations (axes) of the projet d'administration."
    )
    objectives: list[Objective] = Field(default_factory=list, description="Objectives.")
    actions: list[Action] = Field(default_factory=list, description="Actions.")
    answers: list[Answer] = Field(
        default_factory=list, description="The units' answers to the objectives."
    )
    events: list[Event] = Field(default_factory=list, description="Change events.")


class OrgPackage(Strict):
    """A whole package after loading: units flat, in institutional order."""

    package: PackageInfo
    organisations: list[Organisation] = Field(default_factory=list)
    levels: list[Level] = Field(default_factory=list)
    categories: list[Category] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)
    bodies: list[Body] = Field(default_factory=list)
    orientations: list[Orientation] = Field(default_factory=list)
    objectives: list[Objective] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    answers: list[Answer] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
