"""A package as format-neutral tables: the sheets of :mod:`.layout`, filled with its records.

A :class:`Table` holds typed cell values (text, numbers, booleans, dates) and says which
columns take a list of allowed values; the writers of :mod:`.xlsx` and :mod:`.ods` turn it
into a file. :class:`RawSheet` is what they read back: rows of values, before any meaning.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..data import OrgData
from ..export.jsondump import package_dict
from ..i18n import N_, translate
from ..model import PackageInfo
from .layout import PACKAGE_SHEET, Column, Sheet, column_label, layout, package_columns, sheet_label

__all__ = [
    "LISTS_SHEET",
    "TEMPLATE_ROWS",
    "Cell",
    "RawSheet",
    "Table",
    "Validation",
    "cell_name",
    "package_tables",
]

Cell = str | int | float | bool | dt.date | None

TEMPLATE_ROWS = 1000
"""Rows a validation list covers below the header (an empty template is filled in there)."""

LISTS_SHEET = N_("Lists")
"""A hidden sheet holding the closed vocabularies that validation lists offer."""


@dataclass(frozen=True)
class Validation:
    """A list of allowed values for a column: from a column of another sheet."""

    column: int
    """0-based index of the column it applies to."""
    sheet: str
    """The sheet (its name in the workbook) whose column A... holds the values."""
    source_column: int
    count: int
    """How many values (rows below the header) the list takes."""


@dataclass
class Table:
    """One sheet to write: headers, rows of typed cells, validation lists."""

    key: str
    name: str
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    validations: list[Validation] = field(default_factory=list)
    hidden: bool = False
    widths: list[int] = field(default_factory=list)


@dataclass
class RawSheet:
    """One sheet as read: its name and its rows of values (trailing empty rows dropped)."""

    name: str
    rows: list[list[Cell]]


def column_letters(index: int) -> str:
    """``A`` for 0, ``Z`` for 25, ``AA`` for 26..."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(sheet: str, row: int, column: int) -> str:
    """``Units!C5`` for the 0-based ``row`` 4 and ``column`` 2 (sheet quoted if needed)."""
    plain = sheet.replace("_", "").isalnum()
    name = sheet if plain else "'" + sheet.replace("'", "''") + "'"
    return f"{name}!{column_letters(column)}{row + 1}"


def _value(column: Column, value: Any) -> Cell:
    if value is None or value == [] or value == {}:
        return None
    if column.kind == "ids":
        return ", ".join(value)
    if column.kind == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if column.kind == "time" and isinstance(value, str):
        return value[:5] if value.endswith(":00") else value
    if isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"{column.key}: {value!r}")


def _at(record: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = record
    for part in path:
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _rows(sheet: Sheet, records: list[dict[str, Any]]) -> list[list[Cell]]:
    if sheet.field is None:
        return [[_value(c, _at(r, c.path)) for c in sheet.columns] for r in records]
    rows: list[list[Cell]] = []
    for record in records:
        for item in record.get(sheet.field) or []:
            values = item if isinstance(item, dict) else {"value": item}
            rows.append(
                [record["id"], *(_value(c, _at(values, c.path)) for c in sheet.columns[1:])]
            )
    return rows


def _vocabularies(sheets: tuple[Sheet, ...]) -> dict[tuple[str, ...], int]:
    """Each closed vocabulary, once, with the column of the lists sheet that holds it."""
    found: dict[tuple[str, ...], int] = {}
    for column in [c for s in sheets for c in s.columns] + list(package_columns()):
        if column.kind == "choice" and column.choices not in found:
            found[column.choices] = len(found)
    return found


def _package_table(info: dict[str, Any] | None, language: str) -> Table:
    t = translate
    table = Table(
        PACKAGE_SHEET,
        sheet_label(PACKAGE_SHEET, language),
        [t(language, N_("Field")), t(language, N_("Value")), t(language, N_("About"))],
        widths=[24, 48, 80],
    )
    for column in package_columns():
        field_info = _package_field(column)
        value = _value(column, _at(info, column.path)) if info else None
        table.rows.append([column_label(column, language), value, field_info])
    return table


def _package_field(column: Column) -> str:
    model: Any = PackageInfo
    info: Any = None
    for part in column.path:
        info = model.model_fields[part]
        model = info.annotation
        model = getattr(model, "__args__", (model,))[0]
    return str(info.description or "")


def package_tables(data: OrgData | None, language: str) -> list[Table]:
    """The sheets of ``data`` (an empty template when None), in ``language``."""
    sheets = layout()
    dump = package_dict(data) if data is not None else {}
    names = {s.key: sheet_label(s, language) for s in sheets}
    counts = {s.key: len(dump.get(s.key, [])) for s in sheets if s.field is None}
    vocabularies = _vocabularies(sheets)
    lists_name = translate(language, LISTS_SHEET)
    tables = [_package_table(dump.get("package"), language)]
    for sheet in sheets:
        records = dump.get(sheet.section, [])
        table = Table(
            sheet.key,
            names[sheet.key],
            [column_label(c, language) for c in sheet.columns],
            _rows(sheet, records),
        )
        for index, column in enumerate(sheet.columns):
            if column.kind == "choice":
                source = vocabularies[column.choices]
                table.validations.append(Validation(index, lists_name, source, len(column.choices)))
            elif column.ref in counts:
                table.validations.append(
                    Validation(index, names[column.ref], 0, max(counts[column.ref], TEMPLATE_ROWS))
                )
        table.widths = [max(12, min(50, len(h) + 2)) for h in table.headers]
        tables.append(table)
    header = translate(language, N_("Allowed values"))
    lists = Table("lists", lists_name, [header] * len(vocabularies), hidden=True)
    longest = max((len(v) for v in vocabularies), default=0)
    for row in range(longest):
        lists.rows.append([v[row] if row < len(v) else None for v in vocabularies])
    tables.append(lists)
    return tables
