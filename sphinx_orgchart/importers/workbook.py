"""Read a workbook (.xlsx or .ods) laid out as :mod:`sphinx_orgchart.workbook.layout`.

Sheets and headers are recognised in French, in English, or by their dotted key
(``head.title``), whatever their case; a sheet or a column that is not part of the layout
is reported with its place, never dropped silently. Each value gets the place of its cell.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..i18n import LANGUAGES, N_, translate
from ..problems import Severity
from ..workbook.layout import (
    OWNER,
    PACKAGE_SHEET,
    Column,
    Sheet,
    column_headers,
    column_label,
    layout,
    normalized,
    package_columns,
    sheet_label,
)
from ..workbook.tables import LISTS_SHEET, Cell, RawSheet, cell_name
from .draft import UNMAPPED, Draft, DraftRecord

__all__ = ["draft_from_sheets", "read_workbook"]

STRUCTURE = "import-structure"

_TRUE = {"true", "vrai", "oui", "yes", "1", "x"}
_FALSE = {"false", "faux", "non", "no", "0"}
_IDS = re.compile(r"[\s,;|]+")


def _names(key: str, label: Any) -> set[str]:
    return {normalized(key)} | {normalized(label(lang)) for lang in LANGUAGES}


def _sheet_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for sheet in layout():
        for name in _names(sheet.key, lambda lang, s=sheet: sheet_label(s, lang)):
            keys[name] = sheet.key
    for name in _names(PACKAGE_SHEET, lambda lang: sheet_label(PACKAGE_SHEET, lang)):
        keys[name] = PACKAGE_SHEET
    for name in _names("lists", lambda lang: translate(lang, LISTS_SHEET)):
        keys[name] = "lists"
    return keys


def _column_keys(columns: tuple[Column, ...]) -> dict[str, Column]:
    keys: dict[str, Column] = {}
    for column in columns:
        for name in _names(column.key, lambda lang, c=column: column_label(c, lang)):
            keys[name] = column
        for header in column_headers(column):
            keys.setdefault(normalized(header), column)
    return keys


def convert(column: Column, value: Cell) -> Any:
    """A cell's value as the model expects it (what cannot be converted is passed on, and
    the model reports it)."""
    kind = column.kind
    if isinstance(value, str) and not value.strip():
        # A blank text cell is an empty text (the export writes "" so); elsewhere, nothing.
        return value if kind == "text" and value else None
    if kind == "ids":
        return [part for part in _IDS.split(str(value)) if part]
    if kind == "bool" and isinstance(value, str):
        word = value.strip().casefold()
        return True if word in _TRUE else False if word in _FALSE else value
    if kind == "bool" and isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if kind in ("int", "float") and isinstance(value, str):
        text = value.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            return value
        return int(number) if kind == "int" and number.is_integer() else number
    if kind == "int" and isinstance(value, float) and value.is_integer():
        return int(value)
    if kind == "date" and isinstance(value, str):
        return value.strip()
    if kind in ("text", "choice", "time"):
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, int | float):
            return str(value)
    return value


def _put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data.setdefault(part, {})
    data[path[-1]] = value


def _header(sheet: RawSheet, spec: Sheet | None, draft: Draft) -> list[Column | None]:
    keys = _column_keys(spec.columns if spec else package_columns())
    found: list[Column | None] = []
    for index, text in enumerate(sheet.rows[0] if sheet.rows else []):
        column = keys.get(normalized(str(text))) if text is not None else None
        if column is None and text not in (None, ""):
            draft.issue(
                Severity.warning,
                UNMAPPED,
                N_(
                    "the column '%(header)s' is not part of the format: its values are not imported"
                ),
                cell_name(sheet.name, 0, index),
                header=str(text),
            )
        found.append(column)
    return found


def _phone_number(draft: Draft, column: Column, value: Cell, place: str) -> None:
    if column.path[-1] == "phone" and isinstance(value, int | float):
        draft.issue(
            Severity.warning,
            "import-phone-number",
            N_(
                "the phone number %(value)s was typed as a number, which drops its leading "
                "0: format the cell as text"
            ),
            place,
            value=value,
        )


def _read_rows(sheet: RawSheet, spec: Sheet, draft: Draft) -> list[DraftRecord]:
    columns = _header(sheet, spec, draft)
    records = []
    for row_index, row in enumerate(sheet.rows[1:], start=1):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
            continue
        record = DraftRecord({}, cell_name(sheet.name, row_index, 0))
        for index, column in enumerate(columns):
            if column is not None:
                record.places[column.path] = cell_name(sheet.name, row_index, index)
        for index, value in enumerate(row):
            column = columns[index] if index < len(columns) else None
            if value is None or column is None:
                if value not in (None, "") and column is None:
                    draft.issue(
                        Severity.warning,
                        UNMAPPED,
                        N_("this cell is in a column without a known header: not imported"),
                        cell_name(sheet.name, row_index, index),
                    )
                continue
            place = cell_name(sheet.name, row_index, index)
            _phone_number(draft, column, value, place)
            converted = convert(column, value)
            if converted is None:
                continue
            _put(record.data, column.path, converted)
            record.places[column.path] = place
        records.append(record)
    return records


def _read_package(sheet: RawSheet, draft: Draft) -> None:
    keys = _column_keys(package_columns())
    for row_index, row in enumerate(sheet.rows[1:], start=1):
        label = row[0] if row else None
        value = row[1] if len(row) > 1 else None
        if label is None:
            continue
        column = keys.get(normalized(str(label)))
        if column is None:
            draft.issue(
                Severity.warning,
                UNMAPPED,
                N_("the field '%(header)s' is not part of the format: not imported"),
                cell_name(sheet.name, row_index, 0),
                header=str(label),
            )
            continue
        converted = convert(column, value)
        draft.info.places[column.path] = cell_name(sheet.name, row_index, 1)
        if converted is not None:
            _put(draft.info.data, column.path, converted)


def _attach_items(sheet: RawSheet, spec: Sheet, draft: Draft) -> None:
    owners = {r.data.get("id"): r for r in draft.records.get(spec.section, []) if "id" in r.data}
    assert spec.field is not None
    for item in _read_rows(sheet, spec, draft):
        owner_id = item.data.pop(OWNER, None)
        owner_place = item.places.pop((OWNER,), item.place)
        owner = owners.get(owner_id)
        if owner is None:
            draft.issue(
                Severity.error,
                "unknown-reference",
                N_("no record '%(id)s' in the sheet %(sheet)s: this row is not imported")
                if owner_id
                else N_("say which record of the sheet %(sheet)s this row belongs to"),
                owner_place,
                id=owner_id or "",
                sheet=spec.section,
            )
            continue
        items = owner.data.setdefault(spec.field, [])
        index = len(items)
        value = item.data.get("value") if spec.columns[1].path == ("value",) else item.data
        items.append(value)
        for path, place in item.places.items():
            sub = () if path == ("value",) else path
            owner.places[(spec.field, index, *sub)] = place


def draft_from_sheets(sheets: list[RawSheet], source: str) -> Draft:
    """The draft of a package read from the ``sheets`` of a workbook."""
    draft = Draft(DraftRecord({}, source))
    keys = _sheet_keys()
    found: dict[str, RawSheet] = {}
    for sheet in sheets:
        key = keys.get(normalized(sheet.name))
        if key is None:
            draft.issue(
                Severity.warning,
                UNMAPPED,
                N_("the sheet '%(sheet)s' is not part of the format: not imported"),
                sheet.name,
                sheet=sheet.name,
            )
        elif key != "lists":
            found[key] = sheet
    if PACKAGE_SHEET in found:
        _read_package(found[PACKAGE_SHEET], draft)
        draft.info.place = found[PACKAGE_SHEET].name
    else:
        draft.issue(
            Severity.error,
            STRUCTURE,
            N_("the workbook has no sheet '%(sheet)s' (the package's name and date)"),
            source,
            sheet=sheet_label(PACKAGE_SHEET, "en"),
        )
    for spec in layout():
        if spec.key in found and spec.field is None:
            for record in _read_rows(found[spec.key], spec, draft):
                draft.add(spec.section, record)
    for spec in layout():
        if spec.key in found and spec.field is not None:
            _attach_items(found[spec.key], spec, draft)
    return draft


def read_workbook(path: Path, kind: str) -> list[RawSheet]:
    """The sheets of the workbook at ``path`` (``kind``: xlsx or ods)."""
    if kind == "ods":
        from ..workbook.ods import read_ods

        return read_ods(path)
    from ..workbook.xlsx import read_xlsx

    return read_xlsx(path)
