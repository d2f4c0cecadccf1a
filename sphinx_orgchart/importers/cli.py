"""The arguments of ``import`` and ``template``, registered by :mod:`sphinx_orgchart.cli`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

__all__ = ["add_import_commands"]


def _import(args: argparse.Namespace, language: str) -> int:
    from .command import run_import

    return run_import(args, language)


def _template(args: argparse.Namespace, language: str) -> int:
    from .command import run_template

    return run_template(args, language)


def add_import_commands(
    commands: Any, common: argparse.ArgumentParser, t: Callable[[str], str]
) -> None:
    """Add ``import`` and ``template`` to the sub-commands."""
    from .command import FORMATS

    command = commands.add_parser(
        "import",
        parents=[common],
        help=t("write a package from a workbook, a CSV table or a DILA extract"),
    )
    command.add_argument("source", help=t("the file to read (.xlsx, .ods, .csv, DILA .json)"))
    command.add_argument("-o", "--output", required=True, help=t("folder of the package to write"))
    command.add_argument(
        "--from",
        dest="from_",
        choices=FORMATS,
        help=t("format of the source (default: guessed from the file)"),
    )
    command.add_argument(
        "--force", action="store_true", help=t("write into a folder that is not empty")
    )
    command.add_argument("--root", help=t("DILA: id of the service whose subtree is imported"))
    command.add_argument(
        "--with-people",
        action="store_true",
        help=t("DILA: keep the names of the people in post (left out by default)"),
    )
    command.add_argument("--name", help=t("name of the package (default: from the source)"))
    command.add_argument("--as-of", help=t("date the data describes (default: from the source)"))
    command.set_defaults(func=_import)

    template = commands.add_parser(
        "template", parents=[common], help=t("write an empty workbook to fill in")
    )
    template.add_argument("-o", "--output", required=True, help=t("file to write (.xlsx or .ods)"))
    template.add_argument(
        "--format", choices=["xlsx", "ods"], help=t("default: from the file's suffix")
    )
    template.add_argument(
        "--force", action="store_true", help=t("replace the output file if it exists")
    )
    template.set_defaults(func=_template)
