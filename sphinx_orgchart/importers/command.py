"""``sphinx-orgchart import`` and ``sphinx-orgchart template``: a package from what HR has.

The source is read into a draft (:mod:`.draft`), validated record by record with the
models (:mod:`.build`), written as a package (:mod:`.writer`), then loaded back with the
package loader, whose cross-record checks (references, levels, cycles) are reported too.
"""

from __future__ import annotations

import argparse
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

from ..i18n import N_, ntranslate, translate
from ..loader import load_package
from ..problems import Severity
from ..writefile import WriteRefused, write_bytes_atomic
from .build import validate_draft
from .draft import Draft, DraftRecord, Issue
from .writer import package_documents, write_package

__all__ = ["FORMATS", "guess_format", "read_source", "run_import", "run_template"]

FORMATS = ("xlsx", "ods", "csv", "dila")


def guess_format(path: Path) -> str | None:
    """The format of ``path`` from its content (and its suffix when the content is text)."""
    try:
        with path.open("rb") as handle:
            start = handle.read(4096)
    except OSError:
        return None
    if start.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                if "mimetype" in names:
                    mimetype = archive.read("mimetype").decode("ascii", "replace")
                    if "opendocument.spreadsheet" in mimetype:
                        return "ods"
                if "xl/workbook.xml" in names:
                    return "xlsx"
        except zipfile.BadZipFile:
            return None
        return None
    text = start.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text[:1] in (b"{", b"["):
        return "dila"
    if path.suffix.lower() in (".csv", ".txt", ".tsv"):
        return "csv"
    return "csv" if b"," in start or b";" in start else None


def read_source(path: Path, kind: str, args: argparse.Namespace) -> Draft:
    """The draft of the package read from ``path``."""
    source = path.name
    if kind in ("xlsx", "ods"):
        from .workbook import draft_from_sheets, read_workbook

        return draft_from_sheets(read_workbook(path, kind), source)
    if kind == "csv":
        from .csvfile import draft_from_csv

        return draft_from_csv(path)
    from .dila import DilaOptions, draft_from_dila

    options = DilaOptions(root=args.root, people=args.with_people, name=args.name, as_of=args.as_of)
    return draft_from_dila(path, options)


def _report(issues: list[Issue], language: str) -> None:
    order = {Severity.error: 0, Severity.warning: 1, None: 2}
    for issue in sorted(issues, key=lambda i: order[i.severity]):
        print(issue.format(language), file=sys.stderr)


def _summary(counts: Counter[str], issues: list[Issue], language: str) -> str:
    t = ntranslate
    errors = sum(1 for i in issues if i.severity is Severity.error)
    warnings = sum(1 for i in issues if i.severity is Severity.warning)
    notes = sum(1 for i in issues if i.severity is None)
    parts = [
        t(language, "%(n)d unit", "%(n)d units", counts["units"]) % {"n": counts["units"]},
        t(language, "%(n)d organisation", "%(n)d organisations", counts["organisations"])
        % {"n": counts["organisations"]},
        t(language, "%(n)d level", "%(n)d levels", counts["levels"]) % {"n": counts["levels"]},
        t(language, "%(n)d attachment", "%(n)d attachments", counts["attachments"])
        % {"n": counts["attachments"]},
        t(language, "%(n)d error", "%(n)d errors", errors) % {"n": errors},
        t(language, "%(n)d warning", "%(n)d warnings", warnings) % {"n": warnings},
        t(language, "%(n)d note", "%(n)d notes", notes) % {"n": notes},
    ]
    return ", ".join(parts)


def run_import(args: argparse.Namespace, language: str) -> int:
    """Read ``args.source``, write the package in ``args.output``; 0 when it loads clean."""
    started = time.perf_counter()
    path = Path(args.source)
    kind = args.from_ or guess_format(path)
    if not path.is_file():
        print(translate(language, "cannot read %s") % path, file=sys.stderr)
        return 1
    if kind is None:
        print(
            translate(language, "cannot tell the format of %(path)s: give --from (%(formats)s)")
            % {"path": path, "formats": ", ".join(FORMATS)},
            file=sys.stderr,
        )
        return 1
    try:
        draft = read_source(path, kind, args)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        print(
            translate(language, "cannot read %(path)s as %(format)s: %(reason)s")
            % {"path": path, "format": kind, "reason": exc},
            file=sys.stderr,
        )
        return 1
    imported = validate_draft(draft, language)
    if imported.errors or imported.info is None:
        _report(imported.issues, language)
        print(
            translate(language, "nothing was written: fix the errors above first"),
            file=sys.stderr,
        )
        return 1
    texts = package_documents(imported.info, imported.sections, path.name)
    target = Path(args.output)
    try:
        write_package(target, texts, force=args.force)
    except WriteRefused as refused:
        _report(imported.issues, language)
        print(refused.message(language), file=sys.stderr)
        return 1
    loaded = load_package(target)
    issues = list(imported.issues)
    for problem in loaded.problems:
        issues.append(
            Issue(
                problem.severity,
                problem.code,
                problem.msgid,
                problem.args,
                problem.location(Path.cwd()),
                problem.field,
            )
        )
    _report(issues, language)
    counts: Counter[str] = Counter(
        {section: len(records) for section, records in imported.sections.items()}
    )
    counts["attachments"] = sum(len(u.attachments) for u in imported.sections.get("units", []))
    print(
        translate(language, "%(count)d files written in %(dir)s (%(seconds).1f s): %(summary)s")
        % {
            "count": len(texts),
            "dir": target,
            "seconds": time.perf_counter() - started,
            "summary": _summary(counts, issues, language),
        }
    )
    return 0 if loaded.ok else 1


def run_template(args: argparse.Namespace, language: str) -> int:
    """Write an empty workbook to fill in (xlsx or ods, from the file's suffix or --format)."""
    from ..workbook.tables import package_tables

    target = Path(args.output)
    kind = args.format or ("ods" if target.suffix.lower() == ".ods" else "xlsx")
    tables = package_tables(None, args.lang or language)
    if kind == "ods":
        from ..workbook.ods import ods_bytes

        content = ods_bytes(tables)
    else:
        from ..workbook.xlsx import xlsx_bytes

        content = xlsx_bytes(tables)
    try:
        write_bytes_atomic(target, content, overwrite=args.force)
    except WriteRefused as refused:
        print(refused.message(language), file=sys.stderr)
        return 1
    print(
        translate(language, N_("%s written: fill it in, then run sphinx-orgchart import")) % target
    )
    return 0


def empty_draft(place: str) -> Draft:
    """A draft with no record yet."""
    return Draft(DraftRecord({}, place))
