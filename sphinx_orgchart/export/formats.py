"""The exports that are not JSON or CSV: workbooks, JSON-LD (W3C ORG) and Popolo."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..data import OrgData
from ..i18n import translate
from ..writefile import WriteRefused, write_bytes_atomic

__all__ = ["export_bytes", "print_left_out", "write_export"]


def export_bytes(data: OrgData, kind: str, language: str, base: str | None = None) -> bytes:
    """The export of ``data`` in ``kind`` (xlsx, ods, jsonld, popolo)."""
    if kind in ("xlsx", "ods"):
        from ..workbook.tables import package_tables

        tables = package_tables(data, language)
        if kind == "ods":
            from ..workbook.ods import ods_bytes

            return ods_bytes(tables)
        from ..workbook.xlsx import xlsx_bytes

        return xlsx_bytes(tables)
    if kind == "jsonld":
        from .jsonld import DEFAULT_BASE, jsonld_text

        text: str = jsonld_text(data, base or DEFAULT_BASE)
        return text.encode("utf-8")
    from .popolo import popolo_text

    text = popolo_text(data)
    return text.encode("utf-8")


def write_export(data: OrgData, args: argparse.Namespace, language: str) -> int:
    """Write the export asked for by ``args``; a workbook needs ``-o``."""
    content = export_bytes(data, args.format, language, getattr(args, "base_uri", None))
    if args.output in (None, "-"):
        if args.format in ("xlsx", "ods"):
            print(
                translate(language, "a workbook is written to a file: give -o FILE"),
                file=sys.stderr,
            )
            return 1
        sys.stdout.write(content.decode("utf-8"))
        print_left_out(data, args.format, language)
        return 0
    try:
        write_bytes_atomic(Path(args.output), content, overwrite=args.force)
    except WriteRefused as refused:
        print(refused.message(language), file=sys.stderr)
        return 1
    print_left_out(data, args.format, language)
    return 0


def print_left_out(data: OrgData, kind: str, language: str) -> None:
    """Say on the standard error what the export in ``kind`` has no place for."""
    from .coverage import left_out_note

    note = left_out_note(data, kind, language)
    if note:
        print(note, file=sys.stderr)
