"""The organisation data model: strict, immutable pydantic records.

This package never imports Sphinx or docutils.
"""

from pydantic import BaseModel

from .common import ActKind, Contact, LegalAct, Localized
from .governance import Body, BodyKind, Frequency, Member, Schedule, Weekday
from .history import Event, EventKind
from .organisation import (
    EPCI_KINDS,
    Category,
    Level,
    LevelStyle,
    Organisation,
    OrganisationKind,
    OrganisationPast,
    Shape,
)
from .package import (
    MANIFEST_NAME,
    SECTIONS,
    Maintainer,
    OrgPackage,
    PackageFile,
    PackageInfo,
)
from .projet import Action, ActionStatus, Answer, Objective, Orientation
from .unit import (
    Attachment,
    AttachmentKind,
    MutualisationExtent,
    MutualisationMode,
    Person,
    Post,
    PostState,
    Sharing,
    Unit,
    UnitStatus,
)

__all__ = [
    "EPCI_KINDS",
    "MANIFEST_NAME",
    "SECTIONS",
    "ActKind",
    "Action",
    "ActionStatus",
    "Answer",
    "Attachment",
    "AttachmentKind",
    "Body",
    "BodyKind",
    "Category",
    "Contact",
    "Event",
    "EventKind",
    "Frequency",
    "LegalAct",
    "Level",
    "LevelStyle",
    "Localized",
    "Maintainer",
    "Member",
    "MutualisationExtent",
    "MutualisationMode",
    "Objective",
    "OrgPackage",
    "Organisation",
    "OrganisationKind",
    "OrganisationPast",
    "Orientation",
    "PackageFile",
    "PackageInfo",
    "Person",
    "Post",
    "PostState",
    "Schedule",
    "Shape",
    "Sharing",
    "Unit",
    "UnitStatus",
    "Weekday",
]

# Which model validates one item of each section.
SECTION_MODELS: dict[str, type[BaseModel]] = {
    "organisations": Organisation,
    "levels": Level,
    "categories": Category,
    "units": Unit,
    "bodies": Body,
    "orientations": Orientation,
    "objectives": Objective,
    "actions": Action,
    "answers": Answer,
    "events": Event,
}
