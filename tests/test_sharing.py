"""Sharing per partnership and the projet's averages, in the data layer (no Sphinx)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from sphinx_orgchart.data import OrgData
from sphinx_orgchart.graph import ChartSpec, build_charts
from sphinx_orgchart.loader import load_package
from sphinx_orgchart.model import Action, ActionStatus, MutualisationExtent, Sharing, Unit
from sphinx_orgchart.progress import OTHER, average_progress, rollup_groups
from sphinx_orgchart.timeline import as_of_view

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"


@pytest.fixture(scope="module")
def dijon() -> OrgData:
    data = load_package(SEEDS / "dijon").data
    assert data is not None
    return data


def test_one_mapping_is_read_as_one_partnership() -> None:
    unit = Unit.model_validate(
        {"id": "a", "name": "x", "level": "s", "shared": {"with": ["m"], "mode": "service_commun"}}
    )
    assert len(unit.shared) == 1
    assert unit.shared[0].with_ == ["m"]


def test_a_list_of_partnerships_with_extent_and_dates() -> None:
    unit = Unit.model_validate(
        {
            "id": "a",
            "name": "x",
            "level": "s",
            "shared": [
                {"with": ["ville"], "mode": "groupement_commandes", "extent": "total"},
                {
                    "with": ["c"],
                    "mode": "mise_a_disposition_moyens",
                    "extent": "partial",
                    "since": "2019-01-01",
                    "until": "2020-12-31",
                    "note": "n",
                },
            ],
        }
    )
    assert [s.extent for s in unit.shared] == [
        MutualisationExtent.total,
        MutualisationExtent.partial,
    ]
    assert unit.shared[1].is_active_on(dt.date(2020, 12, 31))
    assert not unit.shared[1].is_active_on(dt.date(2021, 1, 1))
    assert not unit.shared[1].is_active_on(dt.date(2018, 12, 31))


def test_a_partnership_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValidationError, match="until"):
        Sharing.model_validate(
            {"with": ["v"], "mode": "service_commun", "since": "2020-01-01", "until": "2019-01-01"}
        )


def test_partners_without_units_do_not_warn(dijon: OrgData) -> None:
    result = load_package(SEEDS / "dijon")
    assert [p.code for p in result.problems] == []
    assert "chenove" in dijon.partner_organisations
    assert [u.id for u in dijon.units_of("chenove")] == ["commande-publique"]


def test_partners_and_dates(dijon: OrgData) -> None:
    unit = dijon.units["commande-publique"]
    assert dijon.organisations_of(unit) == ["metropole", "ville", "ccas", "chenove"]
    then = as_of_view(dijon, dt.date(2009, 6, 1))
    assert "urbanisme" not in {u.id for u in then.shared_units}
    assert "urbanisme" not in {u.id for u in then.units_of("ville")}
    assert "urbanisme" in {u.id for u in dijon.units_of("ville")}


def test_the_home_chart_marks_its_shared_units(dijon: OrgData) -> None:
    (chart,) = build_charts(dijon, ChartSpec(organisation="metropole"), "m", "m")
    row = chart.boxes["commande-publique"].unit
    assert row.shared_with == "mutualisé avec Ville, CCAS, Chenôve"  # the package is French


def test_the_chart_of_a_partner_without_units(dijon: OrgData) -> None:
    (chart,) = build_charts(dijon, ChartSpec(organisation="talant"), "t", "t")
    assert chart.tops == ["shared-from-metropole"]
    assert "numerique" in chart.unit_ids()


def _action(aid: str, status: str, progress: int | None = None, owner: str = "u") -> Action:
    return Action.model_validate(
        {
            "id": aid,
            "title": aid,
            "objective": "o",
            "owners": [owner],
            "status": status,
            **({"progress": progress} if progress is not None else {}),
        }
    )


def test_the_average_counts_every_action() -> None:
    actions = [_action("a", "done", 100), _action("b", "done", 100)]
    actions += [_action(f"n{i}", "planned") for i in range(21)]
    actions.append(_action("x", "abandoned", 10))
    average = average_progress(actions)
    assert average is not None
    assert (average.value, average.counted, average.unfigured) == (9, 23, 21)
    done = average_progress([_action("d", "done")])
    assert done is not None
    assert done.value == 100
    assert average_progress([_action("x", "abandoned")]) is None
    assert ActionStatus.abandoned not in {a.status for a in actions[:-1]}


def test_rollup_has_an_other_line(dijon: OrgData) -> None:
    actions = [_action("a", "planned", owner="dgs"), _action("b", "planned", owner="numerique")]
    groups = rollup_groups(dijon, actions, "direction")
    assert list(groups) == ["numerique", OTHER]
    assert [a.id for a in groups[OTHER]] == ["a"]


# -- reorganisations: moves and coming units (seed 003) -------------------------------------


def _package(tmp_path: Path, events: str) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "orgchart.yaml").write_text(
        f"""package: {{name: Reorg, as_of: 2021-07-03}}
organisations: [{{id: ville, name: Ville, kind: commune}}]
levels:
  - {{id: dg, name: Direction générale, rank: 0}}
  - {{id: direction, name: Direction, rank: 1, parents: [dg]}}
  - {{id: service, name: Service, rank: 2, parents: [direction, dg]}}
units:
  - id: dg
    name: Direction générale
    level: dg
    organisation: ville
    head: {{title: DGS}}
    units:
      - id: dcv
        name: Direction de la Citoyenneté
        level: direction
        head: {{title: Directeur}}
      - id: cohesion
        name: Direction Cohésion sociale et Citoyenneté
        level: direction
        status: planned
        valid_from: 2021-09-01
        head: {{title: Directeur}}
        units:
          - id: police
            name: Service Police municipale
            level: service
            head: {{title: Chef de service}}
events:
{events}""",
        encoding="utf-8",
    )
    return tmp_path


def test_a_move_into_a_direction_being_created(tmp_path: Path) -> None:
    refused = load_package(_package(tmp_path / "a", "  []\n"))
    assert [p.code for p in refused.problems] == ["validity-outside-parent"]
    moved = load_package(
        _package(
            tmp_path / "b",
            "  - {id: m, date: 2021-09-01, kind: move, units: [police], previous_parent: dcv}\n",
        )
    )
    assert [p.code for p in moved.problems] == []
    data = moved.data
    assert data is not None
    before = as_of_view(data, dt.date(2021, 7, 3))
    assert before.units["police"].parent == "dcv"


def test_one_notion_of_a_coming_unit(tmp_path: Path) -> None:
    data = load_package(
        _package(
            tmp_path,
            "  - {id: m, date: 2021-09-01, kind: move, units: [police], previous_parent: dcv}\n",
        )
    ).data
    assert data is not None
    unit = data.units["cohesion"]
    assert unit.is_coming(dt.date(2021, 7, 3))
    assert unit.status_on(dt.date(2021, 7, 3)).value == "planned"
    assert unit.status_on(dt.date(2021, 9, 1)).value == "active"  # the target view
    target = as_of_view(data, dt.date(2021, 9, 1))
    (chart,) = build_charts(target, ChartSpec(organisation="ville"), "v", "v")
    assert chart.boxes["cohesion"].unit.status is None
    assert not chart.boxes["cohesion"].dashed
    # on the data's date, the unit still to come is drawn as planned (dashed), as a unit
    # planned with no date is
    (today,) = build_charts(data, ChartSpec(organisation="ville"), "v", "v")
    assert "cohesion" in today.unit_ids()
    assert today.boxes["cohesion"].dashed
    assert today.boxes["cohesion"].unit.status is not None
    # an active unit with a future start is coming too
    later = Unit.model_validate({"id": "x", "name": "x", "level": "s", "valid_from": "2030-01-01"})
    assert later.is_coming(dt.date(2026, 1, 1))
    assert later.status_on(dt.date(2026, 1, 1)).value == "planned"
