"""Read a CSV table of units: the CSV export's columns, or the units sheet's headers.

A CSV file holds only units: the levels and organisations they name are made from their
ids (a level's rank from the depth of its units) and said in notes, to be completed by
hand. Problems are given with the line of the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from ..i18n import N_
from ..problems import Severity
from ..workbook.layout import Column, layout, normalized
from .draft import STATED, UNMAPPED, Draft, DraftRecord
from .workbook import _column_keys, _put, convert

__all__ = ["draft_from_csv"]

# The columns of ``sphinx-orgchart export --format csv`` that are not the units sheet's.
_EXPORT_COLUMNS = {
    "head_post": ("head", "title"),
    "head_state": ("head", "state"),
    "head_holder": ("head", "holder", "name"),
    "email": ("contact", "email"),
    "phone": ("contact", "phone"),
    "address": ("contact", "address"),
    "site": ("contact", "site"),
}
# The sharing columns of the export: a row's partnerships, read back as one partnership per
# mode (the CSV export joins them; the workbook keeps each partnership on its own row).
_SHARING = {"shared_with": "with", "shared_mode": "mode", "shared_since": "since"}
_DERIVED = {"path", "depth"}
"""Columns the export computes from the others: read, not imported."""


def _columns() -> dict[str, Column]:
    units = next(s for s in layout() if s.key == "units")
    keys = _column_keys(units.columns)
    by_path = {c.path: c for c in units.columns}
    for name, path in _EXPORT_COLUMNS.items():
        keys[normalized(name)] = by_path[path]
    keys[normalized("missions")] = Column(("missions",), "text")
    return keys


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def draft_from_csv(path: Path) -> Draft:
    """The draft of a package whose units are the rows of the CSV file at ``path``."""
    data = path.read_bytes()
    draft = Draft(DraftRecord({"name": path.stem, "as_of": dt.date.today().isoformat()}, path.name))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel saves "CSV" in the Windows code page unless told "CSV UTF-8".
        text = data.decode("cp1252", errors="replace")
        draft.issue(
            Severity.warning,
            "import-encoding",
            N_("the file is not UTF-8: read as Windows-1252 (save it as CSV UTF-8 to be sure)"),
            path.name,
        )
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text))
    keys = _columns()
    header = next(reader, [])
    columns = [keys.get(normalized(h)) for h in header]
    sharing = {
        index: _SHARING[h.strip()] for index, h in enumerate(header) if h.strip() in _SHARING
    }
    for index, name in enumerate(header):
        if index in sharing:
            continue
        if columns[index] is None and name.strip() and name.strip() not in _DERIVED:
            draft.issue(
                Severity.warning,
                UNMAPPED,
                N_(
                    "the column '%(header)s' is not part of the format: its values are not imported"
                ),
                f"{path.name}:1",
                header=name,
            )
    levels: dict[str, str] = {}
    organisations: dict[str, str] = {}
    categories: dict[str, str] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        record = DraftRecord({}, f"{path.name}:{line}")
        shared = {sharing[i]: row[i].strip() for i in sharing if i < len(row) and row[i].strip()}
        if shared.get("with") and shared.get("mode"):
            partners = [m.strip() for m in shared["with"].split("|") if m.strip()]
            since = {"since": convert(Column(("since",), "date"), shared["since"])}
            record.data["shared"] = [
                {"with": partners, "mode": mode.strip(), **(since if shared.get("since") else {})}
                for mode in shared["mode"].split("|")
                if mode.strip()
            ]
        for index, value in enumerate(row):
            column = columns[index] if index < len(columns) else None
            if column is None or not value.strip():
                continue
            if column.path == ("missions",):
                converted: object = [m.strip() for m in value.split(" | ") if m.strip()]
            else:
                converted = convert(column, value)
            if converted is not None:
                _put(record.data, column.path, converted)
                record.places[column.path] = f"{path.name}:{line}"
        draft.add("units", record)
        level, organisation = record.data.get("level"), record.data.get("organisation")
        if isinstance(level, str):
            levels.setdefault(level, record.place)
        if isinstance(organisation, str):
            organisations.setdefault(organisation, record.place)
        for partnership in record.data.get("shared", []):
            for partner in partnership["with"]:  # a partner may have no unit of its own
                organisations.setdefault(partner, record.place)
        category = record.data.get("category")
        if isinstance(category, str):
            categories.setdefault(category, record.place)
    _made_up(draft, levels, organisations)
    for category, place in categories.items():
        made = {"id": category, "name": category.replace("-", " ").capitalize()}
        draft.add("categories", DraftRecord(made, place))
        draft.issue(None, STATED, N_("category '%(id)s' made from the units"), place, id=category)
    return draft


def _level_links(draft: Draft) -> tuple[dict[str, int], dict[str, set[str]], set[str]]:
    """For each level: the depth of its highest unit, the levels its units sit under, and
    whether one of its units is at the top."""
    units = {r.data.get("id"): r.data for r in draft.records.get("units", [])}
    depth: dict[str, int] = {}
    parents: dict[str, set[str]] = {}
    top: set[str] = set()
    for unit in units.values():
        level, steps, seen = unit.get("level"), 0, set()
        if not isinstance(level, str):
            continue
        parent = unit.get("parent")
        if parent in units and isinstance(units[parent].get("level"), str):
            parents.setdefault(level, set()).add(units[parent]["level"])
        elif not parent:
            top.add(level)
        while parent and parent not in seen and parent in units:
            seen.add(parent)
            steps += 1
            parent = units[parent].get("parent")
        depth[level] = min(depth.get(level, steps), steps)
    return depth, parents, top


def _made_up(draft: Draft, levels: dict[str, str], organisations: dict[str, str]) -> None:
    """Levels and organisations made from the ids the units name, said in notes."""
    depth, parents, top = _level_links(draft)
    ranked = sorted(levels, key=lambda lv: (depth.get(lv, 0), lv))
    for level in ranked:
        data: dict[str, object] = {
            "id": level,
            "name": level.replace("-", " ").capitalize(),
            "rank": depth.get(level, 0),
            "parents": sorted(parents.get(level, ())),
        }
        if level in top and parents.get(level):
            data["top"] = True
        draft.add("levels", DraftRecord(data, levels[level]))
        draft.issue(
            None,
            STATED,
            N_("level '%(id)s' made from the units: rank %(rank)s, named '%(name)s'"),
            levels[level],
            id=level,
            rank=data["rank"],
            name=data["name"],
        )
    for organisation, place in organisations.items():
        data = {"id": organisation, "name": organisation, "kind": "other"}
        draft.add("organisations", DraftRecord(data, place))
        draft.issue(
            None,
            STATED,
            N_("organisation '%(id)s' made from the units: give its name and kind"),
            place,
            id=organisation,
        )
