"""Workbooks and CSV in and out: export, import back, the same package; problems located."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from sphinx_orgchart.cli import main
from sphinx_orgchart.export import package_json
from sphinx_orgchart.loader import load_package
from sphinx_orgchart.workbook.layout import layout, sheet_label

from .export_helpers import assert_uses_the_latest_fields

FORMATS = ["xlsx", "ods"]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture(scope="module")
def example_json(example_org: Path) -> str:
    result = load_package(example_org)
    assert result.data is not None
    return package_json(result.data)


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_workbook_round_trip_of_example_org(
    example_org: Path,
    example_json: str,
    tmp_path: Path,
    kind: str,
    language: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    book = tmp_path / f"org.{kind}"
    status, _, err = run(
        ["export", str(example_org), "--format", kind, "-o", str(book), "--lang", language], capsys
    )
    assert status == 0, err
    status, out, err = run(
        ["import", str(book), "-o", str(tmp_path / "pkg"), "--lang", "en"], capsys
    )
    assert status == 0, err
    assert "236 units" in out
    again = load_package(tmp_path / "pkg")
    assert again.problems == []
    assert again.data is not None
    assert package_json(again.data) == example_json
    # former periods, reorganisations and their acts, experimental units, answers kept
    assert_uses_the_latest_fields(again.data)
    assert again.data.package == load_package(example_org).data.package  # type: ignore[union-attr]
    files = sorted(
        p.relative_to(tmp_path / "pkg").as_posix() for p in (tmp_path / "pkg").rglob("*")
    )
    assert "orgchart.yaml" in files
    assert "referentiel/niveaux.yaml" in files
    assert any(f.startswith("ville/0001-ville-dg") for f in files)


def test_sheet_names_fit_excel() -> None:
    for language in ("fr", "en"):
        names = [sheet_label(s, language) for s in layout()]
        assert len(set(names)) == len(names)
        assert all(len(n) <= 31 and not set(n) & set(":\\/?*[]") for n in names)


def test_workbook_has_validation_lists_and_text_stays_text(
    example_org: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "org.xlsx"
    assert run(["export", str(example_org), "--format", "xlsx", "-o", str(book)], capsys)[0] == 0
    workbook = openpyxl.load_workbook(book)
    units = workbook[sheet_label("units", "en")]
    headers = [c.value for c in units[1]]
    assert headers[:4] == ["Id", "Name", "Acronym", "Level"]
    rules = {str(r.sqref): r.formula1 for r in units.data_validations.dataValidation}
    assert rules["D2:D1001"] == "'Levels'!$A$2:$A$1001"
    assert any("Lists" in f for f in rules.values())
    assert workbook[sheet_label("package", "en")]["B4"].value == dt.datetime(2026, 9, 1)


def test_workbook_sheets_of_former_periods_acts_and_answers(
    example_org: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "org.xlsx"
    status, _, err = run(
        ["export", str(example_org), "--format", "xlsx", "-o", str(book), "--lang", "fr"], capsys
    )
    assert (status, err) == (0, "")  # a workbook leaves nothing out
    workbook = openpyxl.load_workbook(book)
    previous = workbook["Organisations · Anciens états"]
    headers = [c.value for c in previous[1]]
    assert headers[:3] == ["Appartient à", "Jusqu’au", "Nom"]
    assert "Nom avec l’article · Français" in headers
    rows = [[c.value for c in row] for row in previous.iter_rows(min_row=2)]
    assert [(r[0], r[1].date(), r[2]) for r in rows] == [
        ("metropole", dt.date(2010, 12, 31), "Communauté d'agglomération de Belcourt"),
        ("metropole", dt.date(2015, 12, 31), "Grand Belcourt"),
    ]
    acts = workbook["Évènements · Autres actes"]
    assert [c.value for c in acts[2]][:3] == [
        "evt-2025-reorganisation-solidarites",
        "avis_comite_social_territorial",
        "séance n° 2025-01",
    ]
    events = workbook["Évènements"]
    assert "reorganisation" in [c.value for c in events["C"]]
    units = workbook["Unités"]
    status_column = [c.value for c in units[1]].index("Statut")
    assert "experimental" in [row[status_column].value for row in units.iter_rows(min_row=2)]
    assert workbook["Réponses"].max_row == 1 + 7


def test_workbook_headers_written_before_they_had_a_label(
    example_org: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A header of a former export ("name_with_article · Français") still reads."""
    book = tmp_path / "org.xlsx"
    run(["export", str(example_org), "--format", "xlsx", "-o", str(book), "--lang", "fr"], capsys)
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["Organisations"]
    for cell in sheet[1]:
        if cell.value == "Nom avec l’article · Français":
            cell.value = "name_with_article · Français"
    workbook.save(book)
    status, _, err = run(["import", str(book), "-o", str(tmp_path / "pkg")], capsys)
    assert status == 0, err
    again = load_package(tmp_path / "pkg").data
    assert again is not None
    assert again.package == load_package(example_org).data.package  # type: ignore[union-attr]


def test_import_reports_cells(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "vide.xlsx"
    assert run(["template", "-o", str(template), "--lang", "fr"], capsys)[0] == 0
    workbook = openpyxl.load_workbook(template)
    package = workbook[sheet_label("package", "fr")]
    package["B2"] = "Commune de Test"
    package["B4"] = dt.date(2026, 1, 1)
    workbook[sheet_label("organisations", "fr")].append(["ville", "Ville de Test", None, "commune"])
    levels = workbook[sheet_label("levels", "fr")]
    levels.append(["dg", "Direction générale", None, None, None, None, None, 0])
    units = workbook[sheet_label("units", "fr")]
    units.append(["ville-dg", "Direction générale", None, "dg", "ville"])
    units.append(["ville-drh", None, None, "dg", "ville", "ville-dg", None, None, "deux"])
    units["AZ1"] = "Couleur préférée"
    units["AZ2"] = "bleu"
    workbook.save(template)
    status, _, err = run(
        ["import", str(template), "-o", str(tmp_path / "p"), "--lang", "en"], capsys
    )
    assert status == 1
    sheet = sheet_label("units", "fr")
    assert f"'{sheet}'!B3: error: the field 'name' is required" in err or (
        f"{sheet}!B3: error: the field 'name' is required" in err
    )
    assert "!I3: error: order: expected a whole number, found 'deux'" in err
    assert "!AZ1: warning: the column 'Couleur préférée' is not part of the format" in err
    assert "nothing was written" in err
    assert not (tmp_path / "p").exists()


def test_import_refuses_to_overwrite(
    example_org: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "org.ods"
    assert run(["export", str(example_org), "--format", "ods", "-o", str(book)], capsys)[0] == 0
    target = tmp_path / "pkg"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    status, _, err = run(["import", str(book), "-o", str(target), "--lang", "en"], capsys)
    assert status == 1
    assert "use --force" in err
    assert run(["import", str(book), "-o", str(target), "--force"], capsys)[0] == 0
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_csv_export_imports_with_guessed_levels(
    example_org: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "units.csv"
    assert (
        run(["export", str(example_org), "--format", "csv", "--excel", "-o", str(table)], capsys)[0]
        == 0
    )
    status, out, err = run(
        ["import", str(table), "-o", str(tmp_path / "p"), "--lang", "en"], capsys
    )
    assert status == 0, err
    assert "236 units" in out
    assert "units.csv:4: note: level 'direction-generale' made from the units" in err
    loaded = load_package(tmp_path / "p")
    assert loaded.ok
    assert loaded.data is not None
    assert loaded.data.units["ville-drh"].parent == "ville-pole-rm"


def test_csv_errors_give_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "units.csv"
    table.write_text(
        "id;name;level;organisation;parent;staff\n"
        "dg;Direction générale;dg;ville;;3\n"
        "drh;RH;service;ville;dg;beaucoup\n",
        encoding="cp1252",
    )
    status, _, err = run(["import", str(table), "-o", str(tmp_path / "p"), "--lang", "en"], capsys)
    assert status == 1
    assert "units.csv:3: error: staff: expected a number, found 'beaucoup'" in err
    assert "units.csv: warning: the file is not UTF-8" in err
