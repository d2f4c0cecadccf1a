"""OpenDocument spreadsheets (.ods, LibreOffice Calc), written and read with odfpy.

odfpy builds the ODF elements themselves, so the workbook gets what a simpler library
cannot write: typed cells (dates, numbers, booleans), content validations (the lists of
allowed values) and a hidden sheet. Texts are written one paragraph per line, with the
``text:s`` and ``text:tab`` elements for runs of spaces and tabs, and read back alike.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from odf import teletype
from odf.opendocument import OpenDocumentSpreadsheet, load
from odf.style import Style, TableColumnProperties, TableProperties, TextProperties
from odf.table import (
    ContentValidation,
    ContentValidations,
    TableCell,
    TableColumn,
    TableRow,
)
from odf.table import Table as OdfTable
from odf.text import P

from .tables import TEMPLATE_ROWS, Cell, RawSheet, Table, column_letters

__all__ = ["ods_bytes", "read_ods"]


def _quoted(sheet: str) -> str:
    return "$'" + sheet.replace("'", "''") + "'"


def _text_cell(text: str, style: Any = None) -> Any:
    cell = (
        TableCell(valuetype="string", stylename=style) if style else TableCell(valuetype="string")
    )
    for line in text.split("\n"):
        paragraph = P()
        teletype.addTextToElement(paragraph, line)
        cell.addElement(paragraph)
    return cell


def _cell(value: Cell, validation: str | None) -> Any:
    extra = {"contentvalidationname": validation} if validation else {}
    if value is None:
        return TableCell(**extra)
    if isinstance(value, bool):
        cell = TableCell(valuetype="boolean", booleanvalue=str(value).lower(), **extra)
        cell.addElement(P(text="TRUE" if value else "FALSE"))
        return cell
    if isinstance(value, int | float):
        cell = TableCell(valuetype="float", value=repr(value), **extra)
        cell.addElement(P(text=str(value)))
        return cell
    if isinstance(value, dt.date):
        cell = TableCell(valuetype="date", datevalue=value.isoformat(), **extra)
        cell.addElement(P(text=value.isoformat()))
        return cell
    # an empty text as the xlsx writer has it (a blank cell reads back as nothing): " ",
    # read back, stripped, as ""
    cell = _text_cell(value or " ")
    if validation:
        cell.setAttribute("contentvalidationname", validation)
    return cell


def _validations(doc: Any, tables: list[Table]) -> dict[tuple[str, int], str]:
    """The content validations of every table, declared once; (table, column) -> name."""
    declared = ContentValidations()
    names: dict[tuple[str, int], str] = {}
    for table in tables:
        for validation in table.validations:
            name = f"val{len(names) + 1}"
            letter = column_letters(validation.source_column)
            source = f"[{_quoted(validation.sheet)}.${letter}$2:.${letter}${validation.count + 1}]"
            declared.addElement(
                ContentValidation(
                    name=name,
                    condition=f"of:cell-content-is-in-list({source})",
                    allowemptycell="true",
                    basecelladdress=f"{_quoted(table.name)}.A1",
                )
            )
            names[(table.key, validation.column)] = name
    if names:
        doc.spreadsheet.addElement(declared)
    return names


def ods_bytes(tables: list[Table]) -> bytes:
    """The workbook of ``tables`` as .ods bytes."""
    doc = OpenDocumentSpreadsheet()
    bold = Style(name="header", family="table-cell")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    hidden = Style(name="hidden", family="table")
    hidden.addElement(TableProperties(display="false"))
    doc.automaticstyles.addElement(hidden)
    validations = _validations(doc, tables)
    widths: dict[int, Style] = {}
    for table in tables:
        sheet = OdfTable(name=table.name, stylename=hidden) if table.hidden else None
        sheet = sheet or OdfTable(name=table.name)
        for width in table.widths or [12] * len(table.headers):
            if width not in widths:
                widths[width] = Style(name=f"col{width}", family="table-column")
                widths[width].addElement(TableColumnProperties(columnwidth=f"{width * 0.2}cm"))
                doc.automaticstyles.addElement(widths[width])
            sheet.addElement(TableColumn(stylename=widths[width]))
        header = TableRow()
        for text in table.headers:
            header.addElement(_text_cell(text, bold))
        sheet.addElement(header)
        checked = [validations.get((table.key, i)) for i in range(len(table.headers))]
        for row in table.rows:
            line = TableRow()
            for index, value in enumerate(row):
                line.addElement(_cell(value, checked[index]))
            sheet.addElement(line)
        empty = max(0, TEMPLATE_ROWS - len(table.rows))
        if empty and any(checked):
            line = TableRow(numberrowsrepeated=empty)
            for name in checked:
                line.addElement(_cell(None, name))
            sheet.addElement(line)
        doc.spreadsheet.addElement(sheet)
    buffer = io.BytesIO()
    doc.write(buffer)
    return buffer.getvalue()


# -- reading ---------------------------------------------------------------------------------

_ATTR = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def _number(text: str) -> int | float:
    try:
        return int(text)
    except ValueError:
        number = float(text)
        return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _read_cell(cell: Any) -> Cell:
    kind = cell.attributes.get((_ATTR, "value-type"))
    if kind in ("float", "percentage", "currency"):
        return _number(cell.attributes.get((_ATTR, "value"), "0"))
    if kind == "boolean":
        return bool(cell.attributes.get((_ATTR, "boolean-value")) == "true")
    if kind == "date":
        text = str(cell.attributes.get((_ATTR, "date-value"), ""))
        if len(text) > 10 and not text.endswith("T00:00:00"):
            return text  # a date and time: the model says what it expects
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            return text
    if kind == "time":
        return str(cell.attributes.get((_ATTR, "time-value"), ""))
    paragraphs = [str(teletype.extractText(p)) for p in cell.getElementsByType(P)]
    if kind is None and not paragraphs:
        return None
    return "\n".join(paragraphs)


def _repeat(element: Any, attribute: str) -> int:
    return int(element.attributes.get((_TABLE, attribute), "1"))


def _read_row(row: Any) -> list[Cell]:
    values: list[Cell] = []
    for cell in row.childNodes:
        if cell.qname not in ((_TABLE, "table-cell"), (_TABLE, "covered-table-cell")):
            continue
        covered = cell.qname == (_TABLE, "covered-table-cell")
        value = None if covered else _read_cell(cell)
        count = _repeat(cell, "number-columns-repeated")
        values += [value] * (count if value is not None or count < 1024 else 1)
    while values and values[-1] is None:
        values.pop()
    return values


def read_ods(path: Path) -> list[RawSheet]:
    """Every sheet of an .ods file, as rows of values (hidden sheets included)."""
    doc = load(str(path))
    sheets = []
    for table in doc.spreadsheet.getElementsByType(OdfTable):
        rows: list[list[Cell]] = []
        for row in table.getElementsByType(TableRow):
            values = _read_row(row)
            count = _repeat(row, "number-rows-repeated")
            rows += [values] * (count if values or count < 100_000 else 1)
        while rows and not rows[-1]:
            rows.pop()
        sheets.append(RawSheet(str(table.getAttribute("name")), rows))
    return sheets
