"""The ``sphinx-orgchart`` command: validate, export and describe a data package."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TextIO

from . import __version__
from .i18n import language_from_environment, normalize_language, ntranslate, translate
from .loader import LoadResult, load_package
from .loader.errors import did_you_mean
from .model import MutualisationMode
from .problems import PROBLEM_KINDS, Problem, Severity
from .vocab import label
from .wording import format_count, format_day, format_number
from .writefile import WriteRefused, write_bytes_atomic, write_text_atomic

OTHER_FORMATS = ("xlsx", "ods", "jsonld", "popolo")

__all__ = ["main"]

Command = Callable[[argparse.Namespace, str], int]


def _print_problems(result: LoadResult, language: str, stream: TextIO) -> None:
    base = Path.cwd()
    for problem in result.problems:
        print(problem.format(language, base), file=stream)


def _count_line(language: str, errors: list[Problem], warnings: list[Problem]) -> str:
    return "%s, %s" % (  # noqa: UP031  (translated fragments)
        ntranslate(language, "%(n)d error", "%(n)d errors", len(errors)) % {"n": len(errors)},
        ntranslate(language, "%(n)d warning", "%(n)d warnings", len(warnings))
        % {"n": len(warnings)},
    )


def _summary(result: LoadResult, language: str) -> list[str]:
    data = result.data
    assert data is not None
    t = partial(translate, language)
    info = data.package.package
    lines = [
        t("Package “%(name)s”, data as of %(as_of)s")
        % {"name": info.name, "as_of": format_day(info.as_of, language)},
        "  "
        + ", ".join(
            (
                format_count(
                    language, "%(n)s organisation", "%(n)s organisations", len(data.organisations)
                ),
                format_count(language, "%(n)s unit", "%(n)s units", len(data.units)),
                format_count(
                    language, "%(n)s shared unit", "%(n)s shared units", len(data.shared_units)
                ),
            )
        ),
        t("Units per organisation (own + shared with it):"),
    ]
    for org in data.organisations.values():
        own = sum(1 for u in data.units.values() if u.organisation == org.id)
        shared = sum(1 for u in data.shared_units if org.id in data.partners_of(u))
        lines.append(f"  {org.name} ({org.id}): {own} + {shared}")
    lines.append(t("Units per level:"))
    levels = Counter(u.level for u in data.units.values())
    for level in sorted(data.levels.values(), key=lambda lv: (lv.rank, lv.id)):
        lines.append(f"  {level.label(language, plural=True)}: {levels.get(level.id, 0)}")
    if data.shared_units:
        lines.append(t("Shared units per mode:"))
        modes = Counter(m for u in data.shared_units for m in {s.mode for s in data.sharings(u)})
        for mode in MutualisationMode:
            if modes[mode]:
                lines.append(f"  {label(mode, language)}: {modes[mode]}")
    lines.append(_count_line(language, result.errors, result.warnings))
    return lines


def _set_aside(result: LoadResult, codes: list[str], language: str) -> str | None:
    """Drop the warnings of ``codes`` from ``result``; a line that counts them, or an error."""
    warnings = [k.code for k in PROBLEM_KINDS.values() if k.severity is Severity.warning]
    for code in codes:
        kind = PROBLEM_KINDS.get(code)
        if kind is not None and kind.severity is Severity.warning:
            continue
        if kind is None:
            guess = did_you_mean(code, warnings)
            message = (
                translate(language, "'%(code)s' is not a problem code: did you mean '%(guess)s'?")
                if guess
                else translate(
                    language,
                    "'%(code)s' is not a problem code; the codes that can be set aside are: "
                    "%(codes)s",
                )
            )
        else:
            guess = None
            message = translate(
                language,
                "cannot set aside '%(code)s': it is the code of an error, and only the codes "
                "of warnings can be, one of: %(codes)s",
            )
        print(
            message % {"code": code, "guess": guess, "codes": ", ".join(warnings)}, file=sys.stderr
        )
        return None
    counts = Counter(p.code for p in result.problems if p.code in codes)
    result.problems = [p for p in result.problems if p.code not in codes]
    if not counts:
        return ""
    total = sum(counts.values())
    detail = ", ".join(f"{code}: {n}" for code, n in sorted(counts.items()))
    return ntranslate(
        language,
        "%(n)d warning set aside (%(detail)s)",
        "%(n)d warnings set aside (%(detail)s)",
        total,
    ) % {"n": total, "detail": detail}


def cmd_validate(args: argparse.Namespace, language: str) -> int:
    """Check a package and print every problem, then a summary."""
    result = load_package(args.path)
    aside = _set_aside(result, [*result.ignore, *(args.ignore or [])], language)
    if aside is None:
        return 2
    _print_problems(result, language, sys.stdout)
    if aside:
        print(aside)
    if result.data is None:
        print(_count_line(language, result.errors, result.warnings))
        return 1
    if args.quiet:
        print(_count_line(language, result.errors, result.warnings))
    else:
        print("\n".join(_summary(result, language)))
    failed = bool(result.errors) or (args.strict and bool(result.warnings))
    return 1 if failed else 0


def _load_or_report(path: str, language: str) -> LoadResult | None:
    result = load_package(path)
    if result.ok:
        return result
    _print_problems(result, language, sys.stderr)
    print(translate(language, "nothing was written: fix the errors above first"), file=sys.stderr)
    return None


def _output(text: str, target: str | None, force: bool, language: str) -> int:
    if target is None or target == "-":
        sys.stdout.write(text)
        return 0
    try:
        write_text_atomic(Path(target), text, overwrite=force)
    except WriteRefused as refused:
        print(refused.message(language), file=sys.stderr)
        return 1
    except OSError as exc:
        print(
            translate(language, "cannot write %(path)s: %(reason)s")
            % {"path": target, "reason": exc.strerror or exc},
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_export(args: argparse.Namespace, language: str) -> int:
    """Export a valid package as JSON (lossless) or CSV (a table of units)."""
    from .export import package_json, units_csv

    result = _load_or_report(args.path, language)
    if result is None or result.data is None:
        return 1
    if args.format in OTHER_FORMATS:
        from .export.formats import write_export

        return write_export(result.data, args, language)
    if args.format == "json":
        return _output(package_json(result.data), args.output, args.force, language)
    text = units_csv(result.data, delimiter=";" if args.excel else args.delimiter, bom=args.excel)
    status = _output(text, args.output, args.force, language)
    if status == 0:
        from .export.formats import print_left_out

        print_left_out(result.data, args.format, language)
    return status


def cmd_schema(args: argparse.Namespace, language: str) -> int:
    """Print the JSON Schema of a package file."""
    from .export.schema import json_schema_text

    return _output(json_schema_text(), args.output, args.force, language)


def cmd_render(args: argparse.Namespace, language: str) -> int:
    """Draw the standalone organigramme (the poster) of a package."""
    from .graph import ChartSpec, RenderError
    from .graph.fonts import FONT_FAMILY, FONT_MISSING, FONT_PACKAGE, NO_FONT, font_substitute
    from .graph.poster import best_row_width, parse_day, poster, text_size

    result = _load_or_report(args.path, language)
    if result is None or result.data is None:
        return 1
    data = result.data
    if args.root and args.root not in data.units and args.root not in data.organisations:
        print(translate(language, "unknown unit or organisation '%s'") % args.root, file=sys.stderr)
        return 1
    try:
        as_of = parse_day(args.as_of)
    except ValueError:
        print(translate(language, "--as-of: write the date YYYY-MM-DD"), file=sys.stderr)
        return 1
    root = args.root or next(iter(data.organisations), "")
    unit = data.units.get(root)
    spec = ChartSpec(
        roots=(root,) if unit else (),
        organisation=unit.organisation if unit else root,
        depth=args.depth,
        as_of=as_of,
        show_head=args.show_head,
        language=args.lang or data.language,  # a document: the package's language
    )
    substitute = font_substitute()
    if substitute is not None:
        print(
            translate(language, FONT_MISSING)
            % {
                "font": FONT_FAMILY,
                "used": substitute or translate(language, NO_FONT),
                "package": FONT_PACKAGE,
            },
            file=sys.stderr,
        )
    try:
        spec = best_row_width(data, spec, args.paper)
        drawing = poster(data, spec, args.format, args.paper)
    except RenderError as exc:
        print(translate(language, "the chart could not be drawn: %s") % exc, file=sys.stderr)
        return 1
    try:
        write_bytes_atomic(Path(args.output), drawing, overwrite=args.force)
    except WriteRefused as refused:
        print(refused.message(language), file=sys.stderr)
        return 1
    size = text_size(data, spec, args.paper)
    print(
        translate(language, "%(file)s written: %(paper)s landscape, text printed at %(size)s pt")
        % {
            "file": args.output,
            "paper": args.paper.upper(),
            "size": format_number(size, language, 1),
        }
    )
    if size < 7:
        print(
            translate(
                language,
                "the text is smaller than 7 pt: choose a larger --paper, "
                "or fewer levels with --depth",
            ),
            file=sys.stderr,
        )
    return 0


def cmd_quickstart(args: argparse.Namespace, language: str) -> int:
    """Write a handbook project for a package."""
    from .quickstart import QuickstartRefused, write_project

    result = _load_or_report(args.path, language)
    if result is None or result.data is None:
        return 1
    target = Path(args.output)
    handbook_language = args.lang or result.data.language
    try:
        written = write_project(
            result.data, result.root, target, handbook_language, force=args.force
        )
    except QuickstartRefused as refused:
        print(
            translate(
                language,
                "these files already exist, nothing was written (use --force to replace them): %s",
            )
            % ", ".join(str(p) for p in refused.paths),
            file=sys.stderr,
        )
        return 1
    print(
        translate(
            language,
            "%(count)d files written in %(dir)s; build the handbook with: "
            "sphinx-build -b html %(dir)s %(dir)s/_build/html",
        )
        % {"count": len(written), "dir": target}
    )
    return 0


def build_parser(language: str) -> argparse.ArgumentParser:
    """The argument parser, with its help in ``language``."""
    t = partial(translate, language)
    parser = argparse.ArgumentParser(
        prog="sphinx-orgchart",
        description=t("Validate, export and render organisation data packages."),
    )
    parser.add_argument("--version", action="version", version=f"sphinx-orgchart {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang",
        choices=["fr", "en"],
        default=argparse.SUPPRESS,
        help=t("language of the messages (default: from the locale)"),
    )
    parser.add_argument(
        "--lang",
        choices=["fr", "en"],
        default=None,
        help=t("language of the messages (default: from the locale)"),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate", parents=[common], help=t("check a package and summarise it")
    )
    validate.add_argument("path", help=t("the package folder (or a single YAML/JSON file)"))
    validate.add_argument("--strict", action="store_true", help=t("fail on warnings too"))
    validate.add_argument(
        "-q", "--quiet", action="store_true", help=t("only the problems and their count")
    )
    validate.add_argument(
        "--ignore",
        action="append",
        metavar="CODE",
        help=t("set aside the warnings of CODE (counted, not listed); repeatable"),
    )
    validate.set_defaults(func=cmd_validate)

    export = commands.add_parser(
        "export", parents=[common], help=t("export a package as JSON or CSV")
    )
    export.add_argument("path", help=t("the package folder (or a single YAML/JSON file)"))
    export.add_argument(
        "--format",
        choices=["json", "csv", *OTHER_FORMATS],
        default="json",
        help=t(
            "json: lossless, loads back; csv: one row per unit; xlsx, ods: a workbook that "
            "import reads back; jsonld: W3C Organization Ontology; popolo: Popolo JSON"
        ),
    )
    export.add_argument("-o", "--output", help=t("file to write (default: standard output)"))
    export.add_argument(
        "--force", action="store_true", help=t("replace the output file if it exists")
    )
    export.add_argument("--delimiter", default=",", help=t("CSV field separator"))
    export.add_argument(
        "--excel",
        action="store_true",
        help=t("CSV for French Excel: ';' separator and a UTF-8 BOM"),
    )
    export.add_argument(
        "--base-uri", help=t("jsonld: prefix of the identifiers (default: urn:orgchart:)")
    )
    export.set_defaults(func=cmd_export)

    draw = commands.add_parser(
        "render", parents=[common], help=t("draw the standalone organigramme (PDF, SVG or PNG)")
    )
    draw.add_argument("path", help=t("the package folder (or a single YAML/JSON file)"))
    draw.add_argument(
        "--format",
        choices=["pdf", "svg", "png"],
        default="pdf",
        help=t("output format (default: pdf)"),
    )
    draw.add_argument(
        "--root", help=t("a unit or organisation id (default: the first organisation)")
    )
    draw.add_argument(
        "--as-of", help=t("draw the organisation as it stands on this date (YYYY-MM-DD)")
    )
    draw.add_argument("--depth", type=int, help=t("levels below the top to draw"))
    draw.add_argument(
        "--paper",
        choices=["a4", "a3", "a2", "a1"],
        default="a3",
        help=t("sheet size, landscape (default: a3)"),
    )
    draw.add_argument(
        "--show-head", action="store_true", help=t("write the head post's title in each box")
    )
    draw.add_argument("-o", "--output", required=True, help=t("file to write"))
    draw.add_argument(
        "--force", action="store_true", help=t("replace the output file if it exists")
    )
    draw.set_defaults(func=cmd_render)

    quick = commands.add_parser(
        "quickstart", parents=[common], help=t("write a handbook project (Sphinx) for a package")
    )
    quick.add_argument("path", help=t("the package folder (or a single YAML/JSON file)"))
    quick.add_argument("-o", "--output", required=True, help=t("folder of the project to write"))
    quick.add_argument(
        "--force", action="store_true", help=t("replace the files of the project if they exist")
    )
    quick.set_defaults(func=cmd_quickstart)

    from .importers.cli import add_import_commands

    add_import_commands(commands, common, t)

    schema = commands.add_parser(
        "schema", parents=[common], help=t("print the JSON Schema of a package file")
    )
    schema.add_argument("-o", "--output", help=t("file to write (default: standard output)"))
    schema.add_argument(
        "--force", action="store_true", help=t("replace the output file if it exists")
    )
    schema.set_defaults(func=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    language = language_from_environment()
    if "--lang" in arguments:
        index = arguments.index("--lang")
        if index + 1 < len(arguments):
            language = normalize_language(arguments[index + 1])
    args = build_parser(language).parse_args(arguments)
    if args.lang:
        language = args.lang
    func: Command = args.func
    try:
        return func(args, language)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
