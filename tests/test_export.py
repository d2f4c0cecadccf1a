"""Exports: JSON is lossless and stable, CSV is documented and private, the schema is right."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from sphinx_orgchart.cli import main
from sphinx_orgchart.data import OrgData
from sphinx_orgchart.export import CSV_COLUMNS, json_schema, package_json, units_csv
from sphinx_orgchart.export.coverage import LEFT_OUT, left_out
from sphinx_orgchart.loader import load_package

from .export_helpers import assert_uses_the_latest_fields


@pytest.fixture(scope="module")
def example(example_org: Path) -> OrgData:
    result = load_package(example_org)
    assert result.data is not None
    assert not result.errors
    return result.data


def test_json_round_trip_is_identical(example: OrgData, tmp_path: Path) -> None:
    first = package_json(example)
    path = tmp_path / "export.json"
    path.write_text(first, encoding="utf-8")
    again = load_package(path)
    assert again.problems == []
    assert again.data is not None
    assert package_json(again.data) == first
    # Nothing lost: the reloaded package equals the original, record for record.
    assert again.data.package == example.package
    assert_uses_the_latest_fields(again.data)
    dump = json.loads(first)
    metropole = next(o for o in dump["organisations"] if o["id"] == "metropole")
    assert [p["until"] for p in metropole["previous"]] == ["2010-12-31", "2015-12-31"]
    assert any(e["acts"] for e in dump["events"] if e["kind"] == "reorganisation")
    assert dump["answers"]


def test_json_export_is_deterministic(example_org: Path) -> None:
    a = load_package(example_org).data
    b = load_package(example_org).data
    assert a is not None
    assert b is not None
    assert package_json(a) == package_json(b)


def test_csv_has_the_documented_columns(example: OrgData) -> None:
    rows = list(csv.reader(io.StringIO(units_csv(example))))
    assert rows[0] == [name for name, _, _ in CSV_COLUMNS]
    assert len(rows) == len(example.units) + 1
    assert [row[0] for row in rows[1:]] == [u.id for u in example.package.units]


def test_csv_carries_the_experimental_status(example: OrgData) -> None:
    rows = list(csv.DictReader(io.StringIO(units_csv(example))))
    experimental = {r["id"] for r in rows if r["status"] == "experimental"}
    assert experimental == {u.id for u in example.package.units if u.status.value == "experimental"}
    assert experimental


@pytest.mark.parametrize("kind", ["json", "xlsx", "ods"])
def test_lossless_formats_leave_nothing_out(example: OrgData, kind: str) -> None:
    assert LEFT_OUT[kind] == ()
    assert left_out(example, kind) == []


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("csv", ["4 organisations' names, kinds", "12 change events", "7 answers"]),
        ("jsonld", ["10 governance bodies", "119 actions", "7 answers to the objectives"]),
        (
            "popolo",
            [
                "12 change events (with their acts)",
                "the status of 10 units that are not active",
                "the former kinds and acts of 1 organisation",
                "7 answers to the objectives",
            ],
        ),
    ],
)
def test_export_says_what_it_leaves_out(
    example_org: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    said: list[str],
) -> None:
    for output in ("-", str(tmp_path / f"out.{kind}")):
        assert main(["export", str(example_org), "--format", kind, "-o", output]) == 0
        err = capsys.readouterr().err
        assert err.startswith("note: the ")
        assert "has no place for, and leaves out: " in err
        for words in said:
            assert words in err, (words, err)
    main(["export", str(example_org), "--format", kind, "--lang", "fr"])
    err = capsys.readouterr().err
    assert "note : l’export " in err
    assert "7 réponses aux objectifs" in err


def test_json_export_says_nothing(example_org: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(example_org)]) == 0
    assert capsys.readouterr().err == ""


def test_csv_for_excel(example: OrgData) -> None:
    text = units_csv(example, delimiter=";", bom=True)
    assert text.startswith("\ufeffid;name;")


def test_csv_never_prints_names_unless_allowed(example: OrgData) -> None:
    holders = [u.head.holder.name for u in example.units.values() if u.head and u.head.holder]
    assert holders, "example_org should name a few holders"
    assert not example.package.package.publish_people
    text = units_csv(example)
    assert not any(name in text for name in holders)
    allowed = example.package.model_copy(
        update={"package": example.package.package.model_copy(update={"publish_people": True})}
    )
    assert holders[0] in units_csv(OrgData(allowed, example.origins))


def _plain(value: object) -> object:
    """YAML values as JSON would carry them (dates as text)."""
    return json.loads(json.dumps(value, default=str))


def test_schema_accepts_every_file_of_example_org(example_org: Path) -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted(example_org.rglob("*.yaml"))
    assert files
    for path in files:
        document = _plain(yaml.safe_load(path.read_text(encoding="utf-8")))
        errors = [e.message for e in validator.iter_errors(document)]
        assert errors == [], path


def test_schema_rejects_what_the_loader_rejects() -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    bad = {"units": [{"id": "Ville DRH", "name": "x", "level": "direction", "naem": "y"}]}
    messages = " ".join(e.message for e in validator.iter_errors(bad))
    assert "naem" in messages
    assert "does not match" in messages


def test_schema_accepts_a_plain_string_for_a_localized_text() -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    assert (
        list(validator.iter_errors({"levels": [{"id": "pole", "name": "Pôle", "rank": 1}]})) == []
    )
