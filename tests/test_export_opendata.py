"""Open data exports: JSON-LD (W3C ORG + CPOV) read with rdflib and queried in SPARQL;
Popolo JSON checked against the Popolo JSON Schemas (vendored in tests/data/popolo)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import rdflib
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from sphinx_orgchart.data import OrgData
from sphinx_orgchart.export.jsonld import jsonld_text
from sphinx_orgchart.export.popolo import popolo_document
from sphinx_orgchart.loader import load_package

from .conftest import DATA

PREFIXES = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX vcard: <http://www.w3.org/2006/vcard/ns#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
"""
BASE = "urn:orgchart:"


@pytest.fixture(scope="module")
def example(example_org: Path) -> OrgData:
    result = load_package(example_org)
    assert result.data is not None
    return result.data


@pytest.fixture(scope="module")
def graph(example: OrgData) -> rdflib.Graph:
    parsed = rdflib.Graph()
    parsed.parse(data=jsonld_text(example), format="json-ld")
    return parsed


def _ids(graph: rdflib.Graph, query: str) -> set[str]:
    return {str(row[0]).removeprefix(BASE) for row in graph.query(PREFIXES + query)}


def test_units_of_an_organisation(graph: rdflib.Graph, example: OrgData) -> None:
    found = _ids(
        graph,
        f"SELECT ?u WHERE {{ ?u a org:OrganizationalUnit ; org:unitOf <{BASE}organisation:ccas> }}",
    )
    expected = {f"unit:{u.id}" for u in example.units_of("ccas")}
    assert found == expected
    assert "unit:ville-drh" in found  # shared with the CCAS, at home in the Ville


def test_parents_of_a_shared_or_attached_unit(graph: rdflib.Graph, example: OrgData) -> None:
    unit = next(u for u in example.package.units if u.attachments)
    found = _ids(graph, f"SELECT ?p WHERE {{ <{BASE}unit:{unit.id}> org:subOrganizationOf ?p }}")
    assert found == {f"unit:{unit.parent}", *(f"unit:{a.unit}" for a in unit.attachments)}
    organisations = _ids(graph, f"SELECT ?o WHERE {{ <{BASE}unit:ville-drh> org:unitOf ?o }}")
    assert organisations == {"organisation:ville", "organisation:metropole", "organisation:ccas"}


def test_organisations_heads_sites_and_events(graph: rdflib.Graph, example: OrgData) -> None:
    formal = _ids(graph, "SELECT ?o WHERE { ?o a org:FormalOrganization }")
    assert formal == {f"organisation:{o}" for o in example.organisations}
    heads = _ids(graph, "SELECT ?p WHERE { ?p a org:Post ; org:role org:Head }")
    assert len(heads) == sum(1 for u in example.units.values() if u.head)
    towns = _ids(
        graph,
        "SELECT ?town WHERE { ?s a org:Site ; org:siteAddress ?a . ?a vcard:locality ?town }",
    )
    assert "Belcourt" in towns
    events = _ids(graph, "SELECT ?e WHERE { ?e a org:ChangeEvent }")
    assert len(events) == len(example.events)


def test_no_names_unless_allowed(graph: rdflib.Graph, example: OrgData) -> None:
    assert not example.package.package.publish_people
    assert _ids(graph, "SELECT ?p WHERE { ?p org:heldBy ?who }") == set()
    holders = [u.head.holder.name for u in example.units.values() if u.head and u.head.holder]
    text = jsonld_text(example)
    assert not any(name in text for name in holders)


def _validator(name: str) -> jsonschema.Draft3Validator:
    resources = []
    for path in sorted((DATA / "popolo").glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["id"], Resource.from_contents(schema, DRAFT3)))
    registry: Registry = Registry().with_resources(resources)
    schema = json.loads((DATA / "popolo" / f"{name}.json").read_text(encoding="utf-8"))
    return jsonschema.Draft3Validator(schema, registry=registry)


def test_popolo_validates_against_its_schemas(example: OrgData) -> None:
    document = popolo_document(example)
    for key, schema in (
        ("organizations", "organization"),
        ("posts", "post"),
        ("memberships", "membership"),
    ):
        validator = _validator(schema)
        assert document[key]
        for item in document[key]:
            errors = [e.message for e in validator.iter_errors(item)]
            assert errors == [], (key, item["id"])
    assert "persons" not in document  # publish_people is false
    shared = [m for m in document["memberships"] if m["role"] == "shared"]
    assert {m["organization_id"] for m in shared} >= {"organisation:metropole".replace(":", "/")}


def test_popolo_schema_check_catches_a_bad_date() -> None:
    validator = _validator("organization")
    assert list(validator.iter_errors({"id": "x", "founding_date": "01/02/2024"}))
