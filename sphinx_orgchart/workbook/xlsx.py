"""Excel workbooks (.xlsx), written and read with openpyxl.

Text is always written as text, never as a formula (a name starting with ``=`` stays a
name); dates as dates; validation lists point at a sheet's column, so that adding a level
to the levels sheet adds it to the list of the units sheet.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .tables import TEMPLATE_ROWS, Cell, RawSheet, Table, column_letters

__all__ = ["read_xlsx", "xlsx_bytes"]


def _quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def _beyond_excel(value: Cell) -> bool:
    """Whether a number loses digits in a cell (openpyxl writes 16 significant digits)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    written = float("%.16g" % value)  # noqa: UP031  (the format openpyxl uses)
    return written != value or (isinstance(value, int) and int(written) != value)


def _write_table(sheet: Worksheet, table: Table) -> None:
    bold = Font(bold=True)
    for index, header in enumerate(table.headers, start=1):
        sheet.cell(row=1, column=index, value=header).font = bold
    wrap = Alignment(wrap_text=True, vertical="top")
    for row_index, row in enumerate(table.rows, start=2):
        for index, value in enumerate(row, start=1):
            if value is None:
                continue
            cell: Any = sheet.cell(row=row_index, column=index)
            if _beyond_excel(value):
                value = str(value)  # as text: an Excel number would round it
            elif value == "":
                value = " "  # an empty text (openpyxl drops ""): read back, stripped, as ""
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
                if "\n" in value:
                    cell.alignment = wrap
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    for index, width in enumerate(table.widths):
        sheet.column_dimensions[column_letters(index)].width = width
    sheet.freeze_panes = "A2"
    last = max(len(table.rows), TEMPLATE_ROWS) + 1
    for validation in table.validations:
        letter = column_letters(validation.source_column)
        source = f"{_quoted(validation.sheet)}!${letter}$2:${letter}${validation.count + 1}"
        rule = DataValidation(type="list", formula1=source, allow_blank=True)
        rule.showErrorMessage = False  # a warning would be better, but Excel has no such list
        target = column_letters(validation.column)
        rule.add(f"{target}2:{target}{last}")
        sheet.add_data_validation(rule)
    if table.hidden:
        sheet.sheet_state = "hidden"


def xlsx_bytes(tables: list[Table]) -> bytes:
    """The workbook of ``tables`` as .xlsx bytes."""
    book = Workbook()
    default = book.active
    for table in tables:
        _write_table(book.create_sheet(table.name), table)
    if default is not None:
        book.remove(default)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _plain(value: object) -> Cell:
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date()
        return value.date() if value.hour == value.minute == 0 else str(value)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M") if not value.second else value.isoformat()
    if isinstance(value, str | int | float | bool | dt.date) or value is None:
        return value
    return str(value)


def read_xlsx(path: Path) -> list[RawSheet]:
    """Every sheet of an .xlsx file, as rows of values (hidden sheets included)."""
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = []
        for sheet in book.worksheets:
            rows = [[_plain(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            while rows and all(v is None or v == "" for v in rows[-1]):
                rows.pop()
            sheets.append(RawSheet(sheet.title, rows))
        return sheets
    finally:
        book.close()
