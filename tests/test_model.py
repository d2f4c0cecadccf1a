"""The pydantic models on their own: strictness, friendly coercions, their own rules."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from sphinx_orgchart.model import (
    Event,
    Level,
    Localized,
    Organisation,
    PackageFile,
    Post,
    Schedule,
    Unit,
    UnitStatus,
)


def test_localized_plain_string_takes_the_package_language() -> None:
    fr = Localized.model_validate("Pôle", context={"language": "fr"})
    en = Localized.model_validate("Division", context={"language": "en"})
    assert (fr.fr, fr.en) == ("Pôle", None)
    assert (en.fr, en.en) == (None, "Division")
    assert fr.get("en") == "Pôle"  # falls back on the other language


def test_localized_needs_one_text() -> None:
    with pytest.raises(ValidationError, match=r"orgchart_localized_empty|at least"):
        Localized.model_validate({})


def test_level_labels_and_top_rule() -> None:
    level = Level.model_validate(
        {"id": "pole", "name": {"fr": "Pôle", "en": "Division"}, "rank": 1, "parents": ["dg"]}
    )
    assert level.label("fr", plural=True) == "Pôles"
    assert level.label("en") == "Division"
    assert not level.may_be_top
    assert Level.model_validate({"id": "dg", "name": "DG", "rank": 0}).may_be_top


@pytest.mark.parametrize("value", ["Ville-DRH", "drh ", "-drh", "drh-", "d r h", "é"])
def test_ids_are_slugs(value: str) -> None:
    with pytest.raises(ValidationError):
        Unit.model_validate({"id": value, "name": "x", "level": "service"})


def test_unknown_keys_are_errors() -> None:
    with pytest.raises(ValidationError, match=r"extra_forbidden|Extra inputs"):
        Unit.model_validate({"id": "a", "name": "x", "level": "service", "naem": "y"})


def test_records_are_frozen() -> None:
    unit = Unit.model_validate({"id": "a", "name": "x", "level": "service"})
    with pytest.raises(ValidationError):
        unit.name = "y"  # type: ignore[misc]


def test_phone_read_as_a_number_is_explained() -> None:
    with pytest.raises(ValidationError, match="quotes"):
        Unit.model_validate({"id": "a", "name": "x", "level": "s", "contact": {"phone": 381615050}})


def test_siren_control_key() -> None:
    # 212500565 is a valid SIREN key sequence (Luhn); one digit changed breaks it.
    ok = Organisation.model_validate(
        {"id": "ville", "name": "Ville", "kind": "commune", "siren": "212 500 565"}
    )
    assert ok.siren == "212500565"
    with pytest.raises(ValidationError, match="SIREN"):
        Organisation.model_validate(
            {"id": "ville", "name": "Ville", "kind": "commune", "siren": "212500566"}
        )


def test_vacant_post_has_no_holder() -> None:
    with pytest.raises(ValidationError, match="vacant"):
        Post.model_validate({"title": "DRH", "state": "vacant", "holder": {"name": "A. B."}})
    assert Post.model_validate({"title": "DRH", "abbr": "DRH"}).display() == "DRH (DRH)"


def test_schedule_times() -> None:
    schedule = Schedule.model_validate({"frequency": "weekly", "start": "08:30", "end": "11:00"})
    assert (schedule.start, schedule.end) == (dt.time(8, 30), dt.time(11, 0))
    with pytest.raises(ValidationError, match=r"orgchart_times_order|not after"):
        Schedule.model_validate({"frequency": "weekly", "start": "11:00", "end": "08:30"})
    with pytest.raises(ValidationError):
        Schedule.model_validate({"frequency": "weekly", "start": 930})


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        ("merger", {"before": ["a"], "after": ["c"]}),
        ("split", {"before": ["a"], "after": ["b"]}),
        ("renaming", {"units": ["a"]}),
        ("transfer", {"from_organisation": "ville", "to_organisation": "metropole"}),
        ("creation", {}),
    ],
)
def test_events_need_the_fields_of_their_kind(kind: str, fields: dict[str, object]) -> None:
    with pytest.raises(ValidationError, match="orgchart_event"):
        Event.model_validate({"id": "e", "date": "2024-01-01", "kind": kind, **fields})


def test_unit_dates_in_order_and_validity() -> None:
    with pytest.raises(ValidationError, match=r"orgchart_dates_order|before"):
        Unit.model_validate(
            {
                "id": "a",
                "name": "x",
                "level": "s",
                "valid_from": "2024-01-01",
                "valid_until": "2023-12-31",
            }
        )
    unit = Unit.model_validate(
        {
            "id": "a",
            "name": "x",
            "level": "s",
            "valid_from": "2024-01-01",
            "valid_until": "2024-12-31",
        }
    )
    assert not unit.is_valid_on(dt.date(2023, 12, 31))
    assert unit.is_valid_on(dt.date(2024, 1, 1))
    assert unit.is_valid_on(dt.date(2024, 12, 31))  # the last day counts
    assert not unit.is_valid_on(dt.date(2025, 1, 1))
    closed = Unit.model_validate({"id": "a", "name": "x", "level": "s", "status": "closed"})
    assert closed.status is UnitStatus.closed
    assert not closed.is_valid_on(dt.date(2000, 1, 1))


def test_sharing_uses_the_with_key() -> None:
    unit = Unit.model_validate(
        {
            "id": "a",
            "name": "x",
            "level": "s",
            "shared": {"with": ["metropole"], "mode": "service_commun"},
        }
    )
    assert [s.with_ for s in unit.shared] == [["metropole"]]
    assert unit.model_dump(mode="json")["shared"][0]["with"] == ["metropole"]


def test_every_section_of_a_file_is_optional() -> None:
    assert PackageFile.model_validate({}).units == []


@pytest.mark.parametrize("name", ["Direction\ndes finances", "Tab\there", "Nul\x00"])
def test_names_fit_on_one_line(name: str) -> None:
    with pytest.raises(ValidationError, match=r"orgchart_single_line|one line"):
        Unit.model_validate({"id": "a", "name": name, "level": "s"})


@pytest.mark.parametrize("number", [2024, 0, 86400, 20240101, 2024.5])
def test_a_date_is_never_read_from_a_number(number: float) -> None:
    """pydantic would read 86400 as 1970-01-02 (seconds since 1970): refused instead."""
    unit = {"id": "u", "name": "U", "level": "l", "valid_from": number}
    with pytest.raises(ValidationError) as caught:
        Unit.model_validate(unit)
    assert [e["type"] for e in caught.value.errors()] == ["orgchart_date_number"]
    assert Unit.model_validate({**unit, "valid_from": "2024-01-01"}).valid_from == dt.date(
        2024, 1, 1
    )


def test_an_id_of_more_than_100_characters() -> None:
    with pytest.raises(ValidationError) as caught:
        Organisation.model_validate({"id": "a" * 101, "name": "O", "kind": "commune"})
    (error,) = caught.value.errors()
    assert error["type"] == "orgchart_id_length"
    assert error["ctx"] == {"max": 100, "length": 101}
    assert Organisation.model_validate({"id": "a" * 100, "name": "O", "kind": "commune"})
