"""Legal entities (organisations) and the structure levels and categories they use."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .common import Date, Id, LegalAct, Line, Localized, Record, Strict, Text, Url, written

__all__ = [
    "Category",
    "Level",
    "LevelStyle",
    "Organisation",
    "OrganisationKind",
    "OrganisationPast",
    "Shape",
]


class OrganisationKind(StrEnum):
    """Kinds of legal entities of the French local public sector."""

    commune = "commune"
    metropole = "metropole"
    communaute_urbaine = "communaute_urbaine"
    communaute_agglomeration = "communaute_agglomeration"
    communaute_communes = "communaute_communes"
    ccas = "ccas"
    cias = "cias"
    syndicat = "syndicat"
    departement = "departement"
    region = "region"
    etablissement_public = "etablissement_public"
    state = "state"
    other = "other"


EPCI_KINDS = frozenset(
    {
        OrganisationKind.metropole,
        OrganisationKind.communaute_urbaine,
        OrganisationKind.communaute_agglomeration,
        OrganisationKind.communaute_communes,
        OrganisationKind.syndicat,
    }
)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


class OrganisationPast(Strict):
    """What an organisation was until a date: its former kind, name or short name
    (Grand Dijon, communauté urbaine, before it became Dijon Métropole)."""

    until: Date = Field(..., description="Last day the organisation had this name and kind.")
    name: Line | None = Field(
        None, min_length=1, description="Its name then; default: the next one."
    )
    short_name: Line | None = Field(
        None,
        description="Its short name then; default: the next one, unless 'name' is given "
        "(a former name comes with its own short name, or none).",
    )
    name_with_article: Localized | None = Field(
        None,
        description="Its name as running text writes it then; same default as 'short_name'.",
    )
    kind: OrganisationKind | None = Field(
        None, description="Its legal kind then; default: the next one."
    )
    reference: LegalAct | None = Field(
        None, description="The act that ended this period (the decree creating the métropole)."
    )

    @model_validator(mode="after")
    def _says_something(self) -> OrganisationPast:
        if self.name is None and self.short_name is None and self.kind is None:
            raise PydanticCustomError(
                "orgchart_previous_empty",
                "say what the organisation was until {until}: give its 'name', "
                "'short_name' or 'kind' then",
                {"until": str(self.until)},
            )
        return self


class Organisation(Record):
    """A legal entity: a Ville, a Métropole, a CCAS, a syndicat..."""

    name: Line = Field(..., min_length=1, description='Full name ("Ville de Belcourt").')
    short_name: Line | None = Field(None, description='Short name ("Ville", "Métropole").')
    name_with_article: Localized | None = Field(
        None,
        description='The name as running text writes it after "of": {fr: "la Ville de '
        'Belcourt", en: "the City of Belcourt"}; default: French names that begin with a '
        'common noun take its article ("la Ville", "le Centre"), others none.',
    )
    kind: OrganisationKind = Field(..., description="Legal kind of the entity.")
    siren: str | None = Field(
        None, description="SIREN number (9 digits), checked with its control key."
    )
    members: list[str] = Field(
        default_factory=list, description="Member communes, for an EPCI or a syndicat."
    )
    website: Url | None = Field(None, description="Public website.")
    order: int | None = Field(None, description="Position among the organisations.")
    description: Text | None = Field(None, description="Presentation, in reStructuredText.")
    previous: list[OrganisationPast] = Field(
        default_factory=list,
        description="Its former kinds and names, oldest first, each with the last day it "
        "held ('until'); the fields above are the latest (Dijon: the communauté urbaine, "
        "then the métropole).",
    )

    @field_validator("siren", mode="before")
    @classmethod
    def _siren(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(written(value))
        if isinstance(value, str):
            digits = value.replace(" ", "")
            if len(digits) != 9 or not digits.isdigit() or not _luhn_ok(digits):
                raise PydanticCustomError(
                    "orgchart_siren",
                    "{value} is not a valid SIREN number (9 digits with a correct control key)",
                    {"value": value},
                )
            return digits
        return value

    @property
    def display_name(self) -> str:
        """The name to show in running text."""
        return self.short_name or self.name

    def on(self, day: dt.date) -> Organisation:
        """The organisation as it was on ``day``: the name and kind of then, the periods
        before ``day`` kept in ``previous`` (to say what it was called before that)."""
        later = [p for p in self.previous if p.until >= day]
        if not later:
            return self
        state = self
        for past in sorted(later, key=lambda p: p.until, reverse=True):
            state = state.before(past)
        return state.model_copy(update={"previous": [p for p in self.previous if p.until < day]})

    def before(self, past: OrganisationPast) -> Organisation:
        """This organisation as ``past`` says it was, the fields it leaves out inherited."""
        update: dict[str, object] = {}
        if past.name is not None:
            update.update(
                name=past.name, short_name=past.short_name, name_with_article=past.name_with_article
            )
        else:
            if past.short_name is not None:
                update["short_name"] = past.short_name
            if past.name_with_article is not None:
                update["name_with_article"] = past.name_with_article
        if past.kind is not None:
            update["kind"] = past.kind
        return self.model_copy(update=update)

    def periods(self) -> list[tuple[dt.date | None, Organisation]]:
        """Each state of the organisation with the day it began (None: the first), oldest
        first, the current one last."""
        ordered = sorted(self.previous, key=lambda p: p.until)
        starts: list[dt.date | None] = [None, *(p.until + dt.timedelta(days=1) for p in ordered)]
        states = [self.on(p.until) for p in ordered] + [self.on(dt.date.max)]
        return list(zip(starts, states, strict=True))


_FR_LINKS = frozenset({"de", "du", "des", "d'", "d’", "à", "au", "aux", "en", "et", "pour"})


def _pluralize_fr_word(word: str) -> str:
    lower = word.lower()
    if lower.endswith(("s", "x", "z")):
        return word
    if lower.endswith(("eau", "au", "eu")):
        return word + "x"
    if lower.endswith("al") and lower not in ("bal", "carnaval", "festival", "récital"):
        return word[:-2] + ("aux" if word[-1].islower() else "AUX")
    return word + "s"


def pluralize(label: str, language: str) -> str:
    """A best guess at the plural of a level's label ("Direction générale" -> "Directions
    générales"); a package gives ``plural`` where the guess is wrong."""
    words = label.split(" ")
    if language.startswith("en"):
        last = words[-1]
        if last.endswith(("s", "x", "ch", "sh")):
            words[-1] = last + "es"
        elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
            words[-1] = last[:-1] + "ies"
        else:
            words[-1] = last + "s"
        return " ".join(words)
    out = []
    linked = False
    for word in words:
        linked = linked or word.lower() in _FR_LINKS or word.lower().startswith(("d'", "d’"))
        out.append(word if linked else _pluralize_fr_word(word))
    return " ".join(out)


class Shape(StrEnum):
    """Node shapes a level may use in charts."""

    box = "box"
    rounded = "rounded"
    ellipse = "ellipse"
    hexagon = "hexagon"
    octagon = "octagon"
    note = "note"
    tab = "tab"
    folder = "folder"
    component = "component"
    plain = "plain"


class LevelStyle(Strict):
    """How units of a level are drawn; colours are chosen from a safe palette by default."""

    shape: Shape = Field(Shape.box, description="Node shape in charts.")
    color: str | None = Field(
        None,
        pattern=r"^#[0-9a-fA-F]{6}$",
        description="Fill colour as #RRGGBB; default: the palette colour of the level's rank.",
    )
    bold: bool = Field(False, description="Draw the name in bold.")
    stack: bool = Field(
        False,
        description="Stack the units of this level vertically under their parent, "
        "as printed organigrammes do for services.",
    )


class Level(Record):
    """A structure level (pôle, direction, service, bureau...), defined by the package."""

    name: Localized = Field(..., description="Singular label ({fr: Pôle, en: Division}).")
    plural: Localized | None = Field(None, description="Plural label; default: name + 's'.")
    definition: Localized | None = Field(
        None, description="What a unit of this level is; it feeds the glossary."
    )
    rank: int = Field(
        ..., ge=0, description="Depth in the hierarchy, 0 for the top (direction générale)."
    )
    parents: list[Id] = Field(
        default_factory=list,
        description="Levels a unit of this level may sit under; empty: only at the top "
        "of an organisation.",
    )
    top: bool | None = Field(
        None,
        description="Whether a unit of this level may sit at the top of an organisation, "
        "with no parent. Default: true when 'parents' is empty.",
    )
    style: LevelStyle = Field(default_factory=LevelStyle, description="Display hints.")

    @property
    def may_be_top(self) -> bool:
        """Whether units of this level may have no parent."""
        return self.top if self.top is not None else not self.parents

    def label(self, language: str, plural: bool = False) -> str:
        """The level's label in ``language``."""
        if plural:
            if self.plural is not None:
                return self.plural.get(language)
            # the guess follows the language the name is written in ("Direction générale"
            # stays French in an English summary: "Directions générales")
            written = (
                language if getattr(self.name, language, None) else ("fr" if self.name.fr else "en")
            )
            return pluralize(self.name.get(language), written)
        return self.name.get(language)


class Category(Record):
    """A category of units across levels, such as pôle fonctionnel / pôle opérationnel."""

    name: Localized = Field(..., description="Label of the category.")
    definition: Localized | None = Field(None, description="What the category means.")
    color: str | None = Field(
        None, pattern=r"^#[0-9a-fA-F]{6}$", description="Colour used to mark it in charts."
    )
