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
    former = {
        f"former-organisation:{o.id}-{p.until.isoformat()}"
        for o in example.package.organisations
        for p in o.previous
    }
    assert formal == {f"organisation:{o}" for o in example.organisations} | former
    heads = _ids(graph, "SELECT ?p WHERE { ?p a org:Post ; org:role org:Head }")
    assert len(heads) == sum(1 for u in example.units.values() if u.head)
    towns = _ids(
        graph,
        "SELECT ?town WHERE { ?s a org:Site ; org:siteAddress ?a . ?a vcard:locality ?town }",
    )
    assert "Belcourt" in towns
    events = _ids(graph, "SELECT ?e WHERE { ?e a org:ChangeEvent }")
    assert len(events) == len(example.events) + len(former)


DCT = "PREFIX dct: <http://purl.org/dc/terms/>\nPREFIX adms: <http://www.w3.org/ns/adms#>\n"


def test_former_periods_of_an_organisation(graph: rdflib.Graph) -> None:
    """Belcourt Métropole was a communauté d'agglomération, then urbaine: each period an
    organisation, each change an event, the last one with its decree."""
    rows = graph.query(
        PREFIXES
        + DCT
        + """
        SELECT ?name ?kind ?until WHERE {
            ?o org:identifier "metropole" ; skos:prefLabel ?name ; org:classification ?kind ;
               <http://schema.org/validThrough> ?until .
        } ORDER BY ?until"""
    )
    found = [(str(n), str(k).removeprefix(BASE), str(u)) for n, k, u in rows]
    assert found == [
        ("Communauté d'agglomération de Belcourt", "kind:communaute_agglomeration", "2010-12-31"),
        ("Grand Belcourt", "kind:communaute_urbaine", "2015-12-31"),
    ]
    chain = graph.query(
        PREFIXES
        + DCT
        + f"""
        SELECT ?date ?act WHERE {{
            ?e a org:ChangeEvent ; org:originalOrganization ?before ;
               org:resultingOrganization <{BASE}organisation:metropole> ; dct:date ?date ;
               dct:source ?source .
            ?before org:changedBy ?e .
            <{BASE}organisation:metropole> org:resultedFrom ?e .
            ?source dct:identifier ?act .
        }}"""
    )
    assert [(str(d), str(a)) for d, a in chain] == [("2016-01-01", "Décret n° 2015-1085")]


def test_reorganisation_with_its_acts_and_experimental_status(graph: rdflib.Graph) -> None:
    event = f"<{BASE}event:evt-2025-reorganisation-solidarites>"
    kind = graph.query(PREFIXES + DCT + f"SELECT ?k WHERE {{ {event} dct:type ?k }}")
    assert [str(k) for (k,) in kind] == ["reorganisation"]
    acts = graph.query(
        PREFIXES
        + DCT
        + f"SELECT ?kind ?ref WHERE {{ {event} dct:relation ?a . ?a dct:type ?kind ; "
        "dct:identifier ?ref }"
    )
    assert [(str(k), str(r)) for k, r in acts] == [
        ("avis_comite_social_territorial", "séance n° 2025-01")
    ]
    decided = graph.query(
        PREFIXES + DCT + f"SELECT ?ref WHERE {{ {event} dct:source ?a . ?a dct:identifier ?ref }}"
    )
    assert [str(r) for (r,) in decided] == ["DCM 2025-012"]
    experimental = {
        str(u).removeprefix(BASE)
        for (u,) in graph.query(
            PREFIXES + DCT + f"SELECT ?u WHERE {{ ?u adms:status <{BASE}status:experimental> }}"
        )
    }
    assert experimental == {"unit:ville-dcva-vie-associative"}


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
    metropole = next(o for o in document["organizations"] if o["id"] == "organisation/metropole")
    assert metropole["other_names"] == [
        {"name": "Métropole"},
        {
            "name": "Communauté d'agglomération de Belcourt",
            "end_date": "2010-12-31",
            "note": "former name",
        },
        {"name": "Agglomération", "end_date": "2010-12-31", "note": "former short name"},
        {
            "name": "Grand Belcourt",
            "start_date": "2011-01-01",
            "end_date": "2015-12-31",
            "note": "former name",
        },
    ]
    shared = [m for m in document["memberships"] if m["role"] == "shared"]
    assert {m["organization_id"] for m in shared} >= {"organisation:metropole".replace(":", "/")}


def test_popolo_schema_check_catches_a_bad_date() -> None:
    validator = _validator("organization")
    assert list(validator.iter_errors({"id": "x", "founding_date": "01/02/2024"}))
