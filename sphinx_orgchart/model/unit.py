"""Units (the boxes of the organigramme), their posts, and how they are shared."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, GetJsonSchemaHandler, field_validator, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from .common import Contact, Date, Id, LegalAct, Line, Record, Strict, Text, check_dates_order

__all__ = [
    "Attachment",
    "AttachmentKind",
    "MutualisationExtent",
    "MutualisationMode",
    "Person",
    "Post",
    "PostState",
    "Sharing",
    "Unit",
    "UnitStatus",
]


class PostState(StrEnum):
    """Whether a post is held."""

    filled = "filled"
    vacant = "vacant"
    interim = "interim"


class Person(Strict):
    """The agent holding a post; published only when the package and the handbook allow it."""

    name: Line = Field(..., min_length=1, description="Name as it should be printed.")
    since: Date | None = Field(None, description="Date the agent took the post.")


class Post(Strict):
    """A post (DGS, DGA, directeur·rice, chef·fe de service...); it exists without a holder."""

    id: Id | None = Field(
        None,
        description="Stable identifier, needed to name the post elsewhere (chair of a body). "
        "Default: '<unit id>.head' for a head post, '<unit id>.post-<n>' for the n-th post.",
    )
    title: Line = Field(..., min_length=1, description='Title ("Directeur·rice des finances").')
    abbr: Line | None = Field(None, description='Abbreviation ("DGS", "DGA").')
    state: PostState = Field(
        PostState.filled, description="filled, vacant or interim (held ad interim)."
    )
    holder: Person | None = Field(None, description="Who holds it (or holds it ad interim).")
    contact: Contact | None = Field(None, description="How to reach the post.")

    @model_validator(mode="after")
    def _vacant_has_no_holder(self) -> Post:
        if self.state is PostState.vacant and self.holder is not None:
            raise PydanticCustomError(
                "orgchart_vacant_holder",
                "a vacant post has no holder: remove 'holder' or set 'state' to filled or interim",
            )
        return self

    def display(self) -> str:
        """Title with its abbreviation."""
        return f"{self.title} ({self.abbr})" if self.abbr else self.title


class UnitStatus(StrEnum):
    """Life-cycle status of a unit."""

    planned = "planned"
    active = "active"
    transitional = "transitional"
    experimental = "experimental"  # an entity tried out before it is confirmed (seed 003)
    closed = "closed"


class MutualisationMode(StrEnum):
    """The forms of mutualisation between a commune, its EPCI and their CCAS (CGCT), as the
    Dijon page lists them."""

    service_commun = "service_commun"
    mise_a_disposition_services = "mise_a_disposition_services"
    mise_a_disposition_personnels = "mise_a_disposition_personnels"
    mise_a_disposition_moyens = "mise_a_disposition_moyens"
    convention_gestion = "convention_gestion"
    groupement_commandes = "groupement_commandes"
    cooperation_technique = "cooperation_technique"


class MutualisationExtent(StrEnum):
    """Whether the whole unit is shared or only part of it ("totale ou partielle")."""

    total = "total"
    partial = "partial"


class Sharing(Strict):
    """One partnership of a shared unit: with whom, in which form, from when to when."""

    with_: list[Id] = Field(
        ...,
        alias="with",
        min_length=1,
        description="The other organisations the unit serves in this partnership (its own "
        "organisation is its home). They need no unit of their own in the package: member "
        "communes served by a Métropole's unit (Dijon).",
    )
    mode: MutualisationMode = Field(
        ..., description="Form of mutualisation (the six forms the Dijon page names)."
    )
    extent: MutualisationExtent | None = Field(
        None,
        description='total or partial: "mutualisation totale ou partielle" (Besançon). '
        "Default: not said.",
    )
    since: Date | None = Field(None, description="Date the partnership started.")
    until: Date | None = Field(None, description="Last day of the partnership, if it ended.")
    agreement: LegalAct | None = Field(None, description="The convention or délibération.")
    allocation: Text | None = Field(
        None, description='How costs or staff are split ("Ville 60 %, Métropole 40 %").'
    )
    note: Text | None = Field(None, description="Anything else worth knowing; shown with it.")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Sharing:
        check_dates_order(self.since, self.until, "since", "until")
        return self

    def is_active_on(self, day: dt.date) -> bool:
        """Whether the partnership holds on ``day``."""
        if self.since is not None and day < self.since:
            return False
        return self.until is None or day <= self.until


class _OneOrList:
    """JSON Schema of a list that also accepts its single item written alone."""

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        return {"anyOf": [schema["items"], schema]}


Sharings = Annotated[list[Sharing], _OneOrList]
"""A unit's partnerships; one mapping alone is read as a list of one."""


class AttachmentKind(StrEnum):
    """What an attachment says, in the State's vocabulary (DILA's "Autre hiérarchie"): apart
    from mutualisation, which is between local authorities (``shared``)."""

    rattachement_secondaire = "rattachement_secondaire"
    co_tutelle = "co_tutelle"
    lien_fonctionnel = "lien_fonctionnel"


class Attachment(Strict):
    """A secondary attachment: the unit also depends on another unit, or on another
    organisation (a direction of one ministry co-supervised by another)."""

    unit: Id | None = Field(
        None, description="The other unit it is attached to (give this or 'organisation')."
    )
    organisation: Id | None = Field(
        None,
        description="The other organisation it is attached to, as a whole (a ministry that "
        "co-supervises a direction of another: give this or 'unit').",
    )
    kind: AttachmentKind | None = Field(
        None,
        description="rattachement_secondaire (a secondary attachment), co_tutelle (joint "
        "supervision: a direction of one ministry co-supervised by another) or "
        "lien_fonctionnel (a functional link). Default: not said, a secondary attachment.",
    )
    note: Text | None = Field(None, description='Nature of the link ("functional authority").')

    @model_validator(mode="after")
    def _one_target(self) -> Attachment:
        if (self.unit is None) == (self.organisation is None):
            raise PydanticCustomError(
                "orgchart_attachment_target",
                "an attachment gives exactly one of 'unit' or 'organisation'",
            )
        return self

    @property
    def target(self) -> str:
        """The unit's or organisation's id."""
        return self.unit or self.organisation or ""


class Unit(Record):
    """A unit of the organisation: pôle, direction, service, mission, grand équipement..."""

    name: Line = Field(..., min_length=1, description="Full name.")
    sigle: Line | None = Field(None, description='Acronym ("DRH", "DSI").')
    level: Id = Field(..., description="The structure level's id.")
    organisation: Id | None = Field(
        None,
        description="Owning organisation (its home if shared). Inherited from the parent "
        "when the unit is written nested or has a parent.",
    )
    parent: Id | None = Field(
        None,
        description="Primary parent unit's id. Leave out for a top unit or when the unit is "
        "written nested under its parent. It may be a unit of another organisation shared "
        "with this unit's (a direction générale commune: seed Dijon); the unit then says its "
        "own 'organisation'.",
    )
    category: Id | None = Field(None, description="Category id (pôle fonctionnel...).")
    direct_report: bool = Field(
        False,
        description="Rattaché directement à la direction générale: drawn beside the "
        "direction générale rather than among the pôles.",
    )
    attachments: list[Attachment] = Field(
        default_factory=list,
        description="Secondary attachments, to a unit or to an organisation, each with its "
        "kind (dashed links or marks in charts).",
    )
    order: int | None = Field(
        None,
        description="Position among its siblings (institutional order); default: the order "
        "in which units are written.",
    )
    missions: list[Text] = Field(default_factory=list, description="Missions, one per item.")
    description: Text | None = Field(None, description="Presentation, in reStructuredText.")
    head: Post | None = Field(None, description="The post that heads the unit.")
    posts: list[Post] = Field(default_factory=list, description="Other notable posts.")
    contact: Contact | None = Field(None, description="How to reach the unit.")
    staff: float | None = Field(
        None, ge=0, allow_inf_nan=False, description="Staff in full-time equivalents (ETP)."
    )
    valid_from: Date | None = Field(None, description="First day the unit exists.")
    valid_until: Date | None = Field(None, description="Last day the unit exists.")
    status: UnitStatus = Field(UnitStatus.active, description="Life-cycle status.")
    replaces: list[Id] = Field(
        default_factory=list, description="Units this one replaces (after a merger, a split...)."
    )
    legal_basis: list[LegalAct] = Field(
        default_factory=list, description="Acts that created or organise the unit."
    )
    shared: Sharings = Field(
        default_factory=list,
        description="Mutualisation with other organisations: a list of partnerships, each "
        "with its form and dates (Dijon: Commande publique is a groupement de commandes with "
        "the Ville and a convention with other communes). A single mapping is read as a "
        "list of one.",
    )
    units: list[Unit] = Field(
        default_factory=list,
        description="Sub-units written nested; the loader sets their parent and organisation.",
    )

    @field_validator("shared", mode="before")
    @classmethod
    def _one_sharing_is_a_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, dict) else value

    @model_validator(mode="after")
    def _dates_in_order(self) -> Unit:
        check_dates_order(self.valid_from, self.valid_until)
        return self

    @property
    def label(self) -> str:
        """Name followed by the sigle, as shown in lists and links."""
        return f"{self.name} ({self.sigle})" if self.sigle else self.name

    def has_ended(self, day: dt.date) -> bool:
        """Whether the unit no longer exists on ``day`` (units still to come have not ended)."""
        if self.valid_until is not None:
            return self.valid_until < day
        return self.status is UnitStatus.closed

    def is_coming(self, day: dt.date) -> bool:
        """Whether the unit is still to come on ``day``: it starts after it, or it is planned
        with no start date. The one notion of a coming unit, for lists, charts and statuses."""
        if self.valid_from is not None:
            return day < self.valid_from
        return self.status is UnitStatus.planned

    def is_shown_on(self, day: dt.date) -> bool:
        """Whether the views of the organisation on its own date show the unit: it exists
        on ``day``, or it is still to come (:meth:`is_coming`), shown as planned, whether it
        is ``planned`` or starts after ``day``."""
        return self.is_valid_on(day) or (self.is_coming(day) and not self.has_ended(day))

    def status_on(self, day: dt.date) -> UnitStatus:
        """The status on ``day``: planned while it is to come, active once a planned unit has
        started (the target view of a reorganisation), its own status otherwise."""
        if self.is_coming(day) and not self.has_ended(day):
            return UnitStatus.planned
        if self.status is UnitStatus.planned:
            return UnitStatus.active
        return self.status

    def is_valid_on(self, day: dt.date) -> bool:
        """Whether the unit exists on ``day``."""
        if self.valid_from is not None and day < self.valid_from:
            return False
        if self.valid_until is not None:
            return day <= self.valid_until
        return self.status is not UnitStatus.closed
