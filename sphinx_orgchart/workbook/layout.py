"""The tabular layout of a package: one sheet per section, one column per field.

The layout is read from the models, so that a new field gets its column without a change
here: nested records (``head``, ``contact``, ``shared``...) become columns ``head.title``,
``contact.email``; lists of ids one cell (``a, b``); lists of records or of texts a sheet of
their own (``units.posts``), one row per item, whose first column names the record it
belongs to. The workbook export (:mod:`.tables`, :mod:`.xlsx`, :mod:`.ods`) writes it and
the import reads it back; this module knows nothing of any file format.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import re
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from ..i18n import LANGUAGES, N_, translate
from ..model import SECTION_MODELS, SECTIONS, PackageInfo
from ..model.common import Id

__all__ = [
    "OWNER",
    "PACKAGE_SHEET",
    "Column",
    "Kind",
    "Sheet",
    "column_headers",
    "column_label",
    "layout",
    "normalized",
    "package_columns",
    "sheet_label",
]

Kind = Literal["text", "int", "float", "bool", "date", "time", "choice", "ids"]

OWNER = "@owner"
"""Path of the first column of a sheet of items: the id of the record they belong to."""

PACKAGE_SHEET = "package"


@dataclass(frozen=True)
class Column:
    """One column: where its value goes in the record, and what kind of value it holds."""

    path: tuple[str, ...]
    kind: Kind
    choices: tuple[str, ...] = ()
    """The allowed values of a closed vocabulary (a validation list in the workbook)."""
    ref: str | None = None
    """The section whose ids the column names (a validation list from that sheet)."""
    required: bool = False

    @property
    def key(self) -> str:
        """The dotted path (``head.title``), accepted as a header in any language."""
        return ".".join(self.path)


@dataclass(frozen=True)
class Sheet:
    """A sheet: a section's records, or the items of one of their lists."""

    key: str
    section: str
    field: str | None
    columns: tuple[Column, ...]

    @property
    def owner_sheet(self) -> str:
        """The key of the sheet whose records the items belong to."""
        return self.section


# Fields naming a record of another section: the workbook offers the ids as a list.
_REFERENCES = {
    "level": "levels",
    "organisation": "organisations",
    "from_organisation": "organisations",
    "to_organisation": "organisations",
    "category": "categories",
    "parent": "units",
    "previous_parent": "units",
    "unit": "units",
    "objective": "objectives",
    "orientation": "orientations",
}


def _without_none(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _base(annotation: Any) -> Any:
    while get_origin(annotation) is typing.Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _scalar(path: tuple[str, ...], annotation: Any, required: bool) -> Column:
    annotation = _base(annotation)
    ref = _REFERENCES.get(path[-1])
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return Column(path, "choice", tuple(str(m.value) for m in annotation), None, required)
    if get_origin(annotation) is Literal:
        return Column(path, "choice", tuple(str(a) for a in get_args(annotation)), None, required)
    kinds: dict[Any, Kind] = {
        bool: "bool",
        int: "int",
        float: "float",
        dt.date: "date",
        dt.time: "time",
        str: "text",
    }
    if annotation not in kinds:
        raise TypeError(f"no column kind for {'.'.join(path)}: {annotation!r}")
    return Column(path, kinds[annotation], (), ref, required)


def _record_model(annotation: Any) -> type[BaseModel] | None:
    annotation = _base(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _walk(
    model: type[BaseModel], prefix: tuple[str, ...], section: str, sheets: list[Sheet]
) -> list[Column]:
    """Columns of ``model`` (nested records flattened); sheets of its lists appended."""
    columns: list[Column] = []
    for name, info in model.model_fields.items():
        if model.__name__ == "Unit" and name == "units":
            continue  # sub-units are rows of the same sheet, with a parent
        key = info.alias or name
        path = (*prefix, key)
        annotation = _without_none(info.annotation)
        nested = _record_model(annotation)
        if nested is not None:
            columns += _walk(nested, path, section, sheets)
            continue
        if get_origin(annotation) is list:
            (item,) = get_args(annotation)
            item_model = _record_model(item)
            if item == Id:
                columns.append(Column(path, "ids"))
                continue
            if prefix:
                raise TypeError(f"a list inside a nested record: {'.'.join(path)}")
            if item_model is not None:
                item_columns = _walk(item_model, (), section, sheets)
            else:
                item_columns = [Column(("value",), "text", required=True)]
            owner = Column((OWNER,), "text", (), section, required=True)
            sheets.append(Sheet(f"{section}.{key}", section, key, (owner, *item_columns)))
            continue
        columns.append(_scalar(path, annotation, info.is_required() and not prefix))
    return columns


@cache
def layout() -> tuple[Sheet, ...]:
    """The sheets of a package, sections in their order, each followed by its lists."""
    sheets: list[Sheet] = []
    for section in SECTIONS:
        lists: list[Sheet] = []
        columns = _walk(SECTION_MODELS[section], (), section, lists)
        sheets.append(Sheet(section, section, None, tuple(columns)))
        sheets += lists
    return tuple(sheets)


@cache
def package_columns() -> tuple[Column, ...]:
    """The fields of the package information, one row each on the first sheet."""
    nested: list[Sheet] = []
    columns = tuple(_walk(PackageInfo, (), PACKAGE_SHEET, nested))
    assert not nested
    return columns


# -- labels, in the user's language ----------------------------------------------------------

_SHEET_LABELS = {
    PACKAGE_SHEET: N_("Package"),
    "organisations": N_("Organisations"),
    "levels": N_("Levels"),
    "categories": N_("Categories"),
    "units": N_("Units"),
    "bodies": N_("Bodies"),
    "orientations": N_("Orientations"),
    "objectives": N_("Objectives"),
    "actions": N_("Actions"),
    "answers": N_("Answers"),
    "events": N_("Events"),
}

_FIELD_LABELS = {
    OWNER: N_("Belongs to"),
    "value": N_("Value"),
    "abbr": N_("Abbreviation"),
    "acts": N_("Other acts"),
    "address": N_("Address"),
    "after": N_("After"),
    "agreement": N_("Agreement"),
    "allocation": N_("Allocation"),
    "as_of": N_("Data as of"),
    "attachments": N_("Attachments"),
    "before": N_("Before"),
    "bold": N_("Bold"),
    "category": N_("Category"),
    "chair": N_("Chair"),
    "color": N_("Colour"),
    "competence": N_("Competence"),
    "contact": N_("Contact"),
    "contributors": N_("Contributors"),
    "date": N_("Date"),
    "definition": N_("Definition"),
    "description": N_("Description"),
    "direct_report": N_("Reports to the top"),
    "due": N_("Due"),
    "email": N_("Email"),
    "en": N_("English"),
    "end": N_("End"),
    "fr": N_("French"),
    "frequency": N_("Frequency"),
    "from_organisation": N_("From organisation"),
    "functioning": N_("Functioning"),
    "head": N_("Head"),
    "holder": N_("Holder"),
    "hours": N_("Opening hours"),
    "id": N_("Id"),
    "indicators": N_("Indicators"),
    "kind": N_("Kind"),
    "label": N_("Label"),
    "language": N_("Language"),
    "legal_basis": N_("Legal basis"),
    "level": N_("Level"),
    "maintainer": N_("Maintainer"),
    "members": N_("Members"),
    "missions": N_("Missions"),
    "mode": N_("Mode"),
    "name": N_("Name"),
    "name_with_article": N_("Name with its article"),
    "note": N_("Note"),
    "number": N_("Number"),
    "objective": N_("Objective"),
    "objectives": N_("Objectives"),
    "order": N_("Order"),
    "organisation": N_("Organisation"),
    "orientation": N_("Orientation"),
    "owners": N_("Owners"),
    "parent": N_("Parent"),
    "parents": N_("Parent levels"),
    "phone": N_("Phone"),
    "place": N_("Place"),
    "plural": N_("Plural"),
    "post": N_("Post"),
    "posts": N_("Posts"),
    "previous": N_("Former periods"),
    "previous_name": N_("Previous name"),
    "previous_parent": N_("Previous parent"),
    "previous_sigle": N_("Previous acronym"),
    "progress": N_("Progress"),
    "publish_people": N_("Publish names"),
    "rank": N_("Rank"),
    "reference": N_("Reference"),
    "replaces": N_("Replaces"),
    "reviewed": N_("Reviewed"),
    "role": N_("Role"),
    "schedule": N_("Schedule"),
    "shape": N_("Shape"),
    "shared": N_("Shared"),
    "short_name": N_("Short name"),
    "sigle": N_("Acronym"),
    "since": N_("Since"),
    "siren": N_("SIREN"),
    "site": N_("Site"),
    "stack": N_("Stacked"),
    "staff": N_("Staff (FTE)"),
    "start": N_("Start"),
    "state": N_("State"),
    "status": N_("Status"),
    "style": N_("Style"),
    "text": N_("Text"),
    "title": N_("Title"),
    "to_organisation": N_("To organisation"),
    "top": N_("May be at the top"),
    "unit": N_("Unit"),
    "units": N_("Units"),
    "until": N_("Until"),
    "url": N_("Web address"),
    "valid_from": N_("Valid from"),
    "valid_until": N_("Valid until"),
    "website": N_("Website"),
    "weekday": N_("Weekday"),
    "with": N_("Shared with"),
}


def _word(key: str, language: str) -> str:
    return translate(language, _FIELD_LABELS[key]) if key in _FIELD_LABELS else key


def column_label(column: Column, language: str) -> str:
    """The header of ``column`` in ``language`` ("Head · Title")."""
    return " · ".join(_word(part, language) for part in column.path)


def column_headers(column: Column) -> set[str]:
    """Every header read as ``column``: each part of its path as its key or its label in
    a language ("name_with_article · Français", written before that field had a label,
    reads as "Nom avec l’article · Français")."""
    words = [{part, *(_word(part, lang) for lang in LANGUAGES)} for part in column.path]
    return {" · ".join(parts) for parts in itertools.product(*words)}


def sheet_label(sheet: Sheet | str, language: str) -> str:
    """The name of a sheet in ``language`` ("Units · Posts"), at most 31 characters."""
    key = sheet if isinstance(sheet, str) else sheet.key
    section, _, field = key.partition(".")
    name = translate(language, _SHEET_LABELS[section])
    return f"{name} · {_word(field, language)}" if field else name


_SPACES = re.compile(r"\s+")


def normalized(text: str) -> str:
    """A header or sheet name as compared: case, spaces and separators ignored."""
    text = _SPACES.sub(" ", text.replace("·", ".").replace(">", ".")).strip().casefold()
    return re.sub(r"\s*\.\s*", ".", text)
