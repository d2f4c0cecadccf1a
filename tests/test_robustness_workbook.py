"""Property-based: every valid package survives a workbook (xlsx and ods) and comes back equal.

export -> workbook -> ``import`` -> load gives the same JSON export, for the generated
packages of ``tests/fuzz`` (names in any script, texts with line breaks and tabs, shared
units, bodies, the projet, events). ``make fuzz`` runs ``ORGCHART_FUZZ_EXAMPLES`` cases;
``make test`` a few derandomized ones.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given

from sphinx_orgchart.export import package_json
from sphinx_orgchart.importers.build import validate_draft
from sphinx_orgchart.importers.workbook import draft_from_sheets
from sphinx_orgchart.importers.writer import package_documents, write_package
from sphinx_orgchart.loader import load_package
from sphinx_orgchart.workbook.ods import ods_bytes, read_ods
from sphinx_orgchart.workbook.tables import package_tables
from sphinx_orgchart.workbook.xlsx import read_xlsx, xlsx_bytes

from .fuzz.profiles import EXAMPLES_VARIABLE, examples, fuzz_settings
from .fuzz.report import FuzzReport, register
from .fuzz.strategies import Package, valid_packages

CASES = fuzz_settings(max(1, examples(EXAMPLES_VARIABLE, 100) // 10))
WRITERS = {"xlsx": (xlsx_bytes, read_xlsx), "ods": (ods_bytes, read_ods)}


@pytest.fixture(scope="session")
def report(pytestconfig: pytest.Config) -> FuzzReport:
    """The session's count of generated cases."""
    return register(pytestconfig)


def _round_trip(package: Package, kind: str, language: str) -> None:
    write, read = WRITERS[kind]
    with tempfile.TemporaryDirectory() as tmp:
        root = package.write(Path(tmp) / "paquet")
        result = load_package(root)
        assert result.data is not None
        first = package_json(result.data)
        book = Path(tmp) / f"paquet.{kind}"
        book.write_bytes(write(package_tables(result.data, language)))
        imported = validate_draft(draft_from_sheets(read(book), book.name), "en")
        assert [i.format("en") for i in imported.errors] == []
        assert imported.info is not None
        target = Path(tmp) / "importe"
        write_package(target, package_documents(imported.info, imported.sections, kind), False)
        again = load_package(target)
        assert [p.format("en", target) for p in again.problems] == []
        assert again.data is not None
        assert package_json(again.data) == first


@CASES
@given(package=valid_packages())
def test_valid_packages_survive_an_xlsx_workbook(report: FuzzReport, package: Package) -> None:
    """xlsx, headers in French."""
    with report.case("valid: xlsx round trip"):
        _round_trip(package, "xlsx", "fr")


@CASES
@given(package=valid_packages())
def test_valid_packages_survive_an_ods_workbook(report: FuzzReport, package: Package) -> None:
    """ods, headers in English."""
    with report.case("valid: ods round trip"):
        _round_trip(package, "ods", "en")
