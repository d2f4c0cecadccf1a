"""example_org: a complete, valid package that exercises the whole model."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from sphinx_orgchart.data import OrgData
from sphinx_orgchart.loader import load_package
from sphinx_orgchart.loader.yamlsource import read_yaml
from sphinx_orgchart.model import (
    ActionStatus,
    EventKind,
    MutualisationExtent,
    MutualisationMode,
    PackageFile,
    PostState,
    UnitStatus,
)


@pytest.fixture(scope="module")
def data(example_org: Path) -> OrgData:
    result = load_package(example_org)
    assert [p.format("en") for p in result.problems] == []
    assert result.data is not None
    return result.data


def _instances(value: object) -> Iterator[BaseModel]:
    if isinstance(value, BaseModel):
        yield value
        for name in type(value).model_fields:
            yield from _instances(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from _instances(item)


def _models(model: type[BaseModel]) -> set[type[BaseModel]]:
    from sphinx_orgchart.loader.errors import _model_of

    found = {model}
    for info in model.model_fields.values():
        inner = _model_of(info.annotation)
        if inner is not None and inner not in found:
            found |= _models(inner)
    return found


def test_every_field_of_the_model_is_used(example_org: Path) -> None:
    """Each key of each record type is written at least once, as files are written."""
    used: dict[type[BaseModel], set[str]] = {}
    for path in sorted(example_org.rglob("*.yaml")):
        file = read_yaml(path)
        parsed = PackageFile.model_validate(file.value, context={"language": "fr"})
        for instance in _instances(parsed):
            used.setdefault(type(instance), set()).update(instance.model_fields_set)
    missing = {
        model.__name__: sorted(set(model.model_fields) - used.get(model, set()))
        for model in _models(PackageFile)
    }
    assert {name: keys for name, keys in missing.items() if keys} == {}


def test_every_closed_vocabulary_is_used(data: OrgData) -> None:
    units = data.units.values()
    assert {u.status for u in units} == set(UnitStatus)
    assert {p.state for u in units for p in ([u.head] if u.head else []) + u.posts} == set(
        PostState
    )
    sharings = [s for u in units for s in u.shared]
    assert {s.mode for s in sharings} == set(MutualisationMode)
    assert {s.extent for s in sharings} >= set(MutualisationExtent)
    assert {a.status for a in data.actions.values()} == set(ActionStatus)
    assert {e.kind for e in data.events.values()} == set(EventKind)


def test_the_organisations_described_by_the_issue(data: OrgData) -> None:
    per_org = Counter(u.organisation for u in data.units.values())
    assert per_org["ville"] >= 150
    assert per_org["metropole"] >= 60
    assert per_org["ccas"] >= 15
    poles = [u for u in data.units.values() if u.level == "pole" and u.organisation == "ville"]
    assert len(poles) == 6
    assert Counter(u.category for u in poles) == {"pole-fonctionnel": 2, "pole-operationnel": 4}
    assert all(u.head and u.head.abbr and u.head.abbr.startswith("DGA") for u in poles)
    levels = {u.level for u in data.units.values()}
    assert {"departement", "direction", "service", "mission", "grand-equipement"} <= levels
    assert any(u.direct_report for u in data.units.values())


def test_shared_units(data: OrgData) -> None:
    between = [
        u
        for u in data.shared_units
        if {u.organisation, *data.partners_of(u)} >= {"ville", "metropole"}
    ]
    assert len(between) >= 10
    assert len({s.mode for u in between for s in u.shared}) >= 4


def test_governance_and_projet(data: OrgData) -> None:
    assert any(b.kind == "codir" and b.organisation == "ville" for b in data.bodies.values())
    assert len(data.objectives) == 13
    assert len(data.actions) >= 100
    owners = {uid for a in data.actions.values() for uid in a.owners}
    assert len(owners) >= 30


def test_reorganisations(data: OrgData) -> None:
    kinds = Counter(e.kind for e in data.events.values())
    assert kinds[EventKind.transfer] >= 1
    assert kinds[EventKind.creation] >= 1
    assert kinds[EventKind.merger] >= 1
    transfer = next(e for e in data.events.values() if e.kind is EventKind.transfer)
    assert (transfer.from_organisation, transfer.to_organisation) == ("ville", "metropole")


def test_no_real_names_are_published(data: OrgData) -> None:
    assert data.package.package.publish_people is False
