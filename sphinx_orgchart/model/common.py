"""Building blocks shared by every record: strict base model, ids, texts, contacts, acts."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from ..textrules import email_problem

__all__ = [
    "ActKind",
    "Contact",
    "Date",
    "Email",
    "Id",
    "LegalAct",
    "Line",
    "Localized",
    "Phone",
    "Record",
    "Strict",
    "Text",
    "Url",
    "check_dates_order",
]

SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 .()-]{3,24}[0-9]$")
URL_RE = re.compile(r"^https?://[^\s<>\"'`]+$")
EMAIL_RE = re.compile(r"^[^@\s<>\"'`]+@[^@\s<>\"'`]+\.[^@\s<>\"'`]+$")


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, records are immutable."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        validate_by_alias=True,
        validate_by_name=True,
        serialize_by_alias=True,
        use_enum_values=False,
        defer_build=True,  # validators are built on first use: not at all in a no-change build
    )


ID_MAX_LENGTH = 100


def _check_slug(value: Any) -> Any:
    if isinstance(value, str) and len(value) > ID_MAX_LENGTH:
        raise PydanticCustomError(
            "orgchart_id_length",
            "an id has at most {max} characters, this one has {length}",
            {"max": ID_MAX_LENGTH, "length": len(value)},
        )
    if isinstance(value, str) and not SLUG_RE.match(value):
        raise PydanticCustomError(
            "orgchart_slug",
            "'{value}' is not a valid id: use lowercase letters, digits and '-', '_' or '.', "
            "starting and ending with a letter or digit",
            {"value": value},
        )
    return value


Id = Annotated[
    str,
    BeforeValidator(_check_slug),
    Field(max_length=ID_MAX_LENGTH, json_schema_extra={"pattern": SLUG_RE.pattern}),
]
"""A stable identifier ("slug"): lowercase letters, digits, ``-``, ``_`` and ``.``."""


def _check_date(value: Any) -> Any:
    # pydantic reads a number as seconds since 1970: 2024 would be refused as "a time",
    # 86400 accepted as 1970-01-02. A date in the data is always written YYYY-MM-DD.
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise PydanticCustomError(
            "orgchart_date_number",
            "{value} was read as a number: write a date YYYY-MM-DD",
            {"value": written(value)},
        )
    return value


Date = Annotated[dt.date, BeforeValidator(_check_date)]
"""A day written YYYY-MM-DD (a number such as 2024 is refused, not read as a timestamp)."""


def check_dates_order(
    start: dt.date | None,
    end: dt.date | None,
    start_name: str = "valid_from",
    end_name: str = "valid_until",
) -> None:
    """Refuse an end before its start (a record's validity, a partnership's dates), naming
    the two fields; the loader locates the message at the end's line."""
    if start and end and end < start:
        raise PydanticCustomError(
            "orgchart_dates_order",
            "{end_name} ({until}) is before {start_name} ({start})",
            {
                "until": str(end),
                "start": str(start),
                "end_name": end_name,
                "start_name": start_name,
            },
        )


def written(value: Any) -> Any:
    """How a number was written in the file, when the loader kept it (see SourceInt)."""
    return getattr(value, "text", value)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _check_line(value: Any) -> Any:
    if isinstance(value, str) and _CONTROL.search(value):
        raise PydanticCustomError("orgchart_single_line", "must fit on one line")
    return value


Line = Annotated[str, AfterValidator(_check_line)]
"""Text on one line (names, titles, sigles): no line break or control character."""

_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _check_text(value: Any) -> Any:
    if isinstance(value, str):
        found = _CONTROL_IN_TEXT.search(value)
        if found:
            raise PydanticCustomError(
                "orgchart_control_character",
                "holds the control character U+{code}, which cannot be printed: remove it "
                "(it often comes from a copy and paste)",
                {"code": f"{ord(found.group()):04X}"},
            )
    return value


Text = Annotated[str, AfterValidator(_check_text)]
"""Text that may span lines (descriptions, notes, addresses): line breaks and tabs, but no
other control character (a PDF cannot print them, a web page shows them as garbage)."""


def _check_phone(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        raise PydanticCustomError(
            "orgchart_phone_number",
            "the phone number {value} was read as a number; write it in quotes, "
            'for example "03 81 61 50 50"',
            {"value": written(value)},
        )
    if isinstance(value, str) and not PHONE_RE.match(value.strip()):
        raise PydanticCustomError(
            "orgchart_phone",
            "'{value}' is not a phone number: use digits, spaces, dots, dashes, "
            "parentheses and an optional leading '+'",
            {"value": value},
        )
    return value


Phone = Annotated[str, BeforeValidator(_check_phone)]
"""A phone number, written as text ("03 81 61 50 50" or "+33 3 81 61 50 50")."""


def _check_url(value: Any) -> Any:
    if isinstance(value, str) and not URL_RE.match(value.strip()):
        raise PydanticCustomError(
            "orgchart_url",
            "'{value}' is not a web address: it must start with https:// or http://",
            {"value": value},
        )
    return value


Url = Annotated[str, BeforeValidator(_check_url)]
"""A web address starting with ``https://`` or ``http://``."""


def _check_email(value: Any) -> Any:
    if isinstance(value, str) and EMAIL_RE.match(value.strip()) and email_problem(value):
        raise PydanticCustomError(
            "orgchart_email_extra",
            "'{value}' is not one email address: write the address alone (name@domain), "
            "without '?', 'cc=' or a second '@'",
            {"value": value},
        )
    if isinstance(value, str) and not EMAIL_RE.match(value.strip()):
        raise PydanticCustomError(
            "orgchart_email",
            "'{value}' is not an email address",
            {"value": value},
        )
    return value


Email = Annotated[str, BeforeValidator(_check_email)]
"""An email address."""


class Localized(Strict):
    """A text in French and/or English; a plain string is taken in the package's language."""

    fr: Text | None = Field(None, description="French text.")
    en: Text | None = Field(None, description="English text.")

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, data: Any, info: ValidationInfo) -> Any:
        if isinstance(data, str):
            language = (info.context or {}).get("language", "fr")
            return {"en" if language == "en" else "fr": data}
        return data

    @model_validator(mode="after")
    def _not_empty(self) -> Localized:
        if not self.fr and not self.en:
            raise PydanticCustomError(
                "orgchart_localized_empty", "give at least a French ('fr') or English ('en') text"
            )
        return self

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # A plain string is accepted too (taken in the package's language).
        return {"anyOf": [{"type": "string"}, handler(core_schema)]}

    def get(self, language: str) -> str:
        """The text in ``language``, falling back to the other language."""
        if language.startswith("en"):
            return self.en or self.fr or ""
        return self.fr or self.en or ""


class Contact(Strict):
    """How to reach a unit or a post."""

    email: Email | None = Field(None, description="Functional email address.")
    phone: Phone | None = Field(None, description="Phone number, written in quotes.")
    address: Text | None = Field(None, description="Postal address (one line or several).")
    site: Text | None = Field(
        None, description='The site or building where the unit works ("Hôtel de Ville").'
    )
    website: Url | None = Field(None, description="Public web page.")
    hours: Text | None = Field(None, description="Opening hours, as text.")


class ActKind(StrEnum):
    """Kinds of legal or administrative acts."""

    deliberation = "deliberation"
    arrete = "arrete"
    decision = "decision"
    convention = "convention"
    decree = "decree"
    law = "law"
    note = "note"
    avis_comite_technique = "avis_comite_technique"
    avis_comite_social_territorial = "avis_comite_social_territorial"


class LegalAct(Strict):
    """A délibération, arrêté, convention... that founds a unit, a sharing or a change."""

    kind: ActKind = Field(ActKind.deliberation, description="What kind of act it is.")
    reference: Text = Field(
        ..., min_length=1, description='The act\'s reference ("DCM 2023-145", "arrêté 2024-12").'
    )
    date: Date | None = Field(None, description="Date of the act (YYYY-MM-DD).")
    title: Text | None = Field(None, description="Title or object of the act.")
    url: Url | None = Field(None, description="Where the act is published.")


class Record(Strict):
    """A record with an id and an optional validity period."""

    id: Id = Field(..., description="Stable identifier (slug), unique in the package.")

    @field_validator("id", mode="before")
    @classmethod
    def _id_is_text(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return str(written(value))
        return value
