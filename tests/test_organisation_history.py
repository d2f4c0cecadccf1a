"""Organisations whose kind and name change over time (``previous``): the data layer, the
checks, and every view that takes a date.

Seed 001 (Dijon): "les transferts de compétences à destination de la communauté urbaine
puis de la métropole"; the Grand Dijon, a communauté urbaine, became Dijon Métropole.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from sphinx_orgchart.loader import load_package
from sphinx_orgchart.model import OrganisationKind
from sphinx_orgchart.timeline import as_of_view, organisation_changes

from .seeds_helpers import text_of
from .sphinx_helpers import DATA, build, warning_lines

EXAMPLE = DATA.parent.parent / "example_org"

PACKAGE = """\
package:
  name: Dijon
  language: fr
  as_of: 2023-06-01
organisations:
  - id: metropole
    name: Dijon Métropole
    short_name: Métropole
    kind: metropole
    previous:
      - until: 2014-12-31
        name: Grand Dijon
        short_name: Grand Dijon
        kind: communaute_agglomeration
      - until: 2017-04-27
        kind: communaute_urbaine
        reference:
          kind: decree
          reference: Décret n° 2017-635
          date: 2017-04-25
          title: Portant création de la métropole dénommée « Dijon Métropole »
  - id: ville
    name: Ville de Dijon
    short_name: Ville
    kind: commune
levels:
  - {id: dg, name: Direction générale, rank: 0}
  - {id: direction, name: Direction, rank: 1, parents: [dg]}
units:
  - id: dgs
    name: Direction générale des services
    level: dg
    organisation: metropole
    head: {title: DGS}
    shared: {with: [ville], mode: service_commun, since: 2010-01-01}
    units:
      - id: urbanisme
        name: Direction de l'Urbanisme
        level: direction
        head: {title: Directeur·rice}
  - id: ville-dg
    name: Direction générale de la Ville
    level: dg
    organisation: ville
    head: {title: DG}
"""


def write_package(root: Path, text: str = PACKAGE) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "orgchart.yaml").write_text(text, encoding="utf-8")
    return root


# -- data layer ------------------------------------------------------------------------------


def test_the_example_metropole_as_of_2012(tmp_path: Path) -> None:
    data = load_package(EXAMPLE).data
    assert data is not None
    then = as_of_view(data, dt.date(2012, 6, 1)).organisations["metropole"]
    assert (then.name, then.kind) == ("Grand Belcourt", OrganisationKind.communaute_urbaine)
    assert then.short_name is None  # a former name comes with its own short name
    first = as_of_view(data, dt.date(2009, 1, 1)).organisations["metropole"]
    assert first.kind is OrganisationKind.communaute_agglomeration
    assert first.display_name == "Agglomération"
    now = as_of_view(data, dt.date(2016, 1, 1)).organisations["metropole"]
    assert (now.name, now.kind) == ("Belcourt Métropole", OrganisationKind.metropole)


def test_fields_left_out_are_inherited(tmp_path: Path) -> None:
    data = load_package(write_package(tmp_path / "p")).data
    assert data is not None
    urban = as_of_view(data, dt.date(2016, 1, 1)).organisations["metropole"]
    # only the kind changed in 2017: the name and short name of then are the current ones
    assert (urban.name, urban.short_name, urban.kind) == (
        "Dijon Métropole",
        "Métropole",
        OrganisationKind.communaute_urbaine,
    )
    agglo = as_of_view(data, dt.date(2012, 1, 1)).organisations["metropole"]
    assert (agglo.name, agglo.kind) == ("Grand Dijon", OrganisationKind.communaute_agglomeration)
    changes = organisation_changes(data, None, None)
    assert [(c.date, c.before.name, c.after.kind) for c in changes] == [
        (dt.date(2015, 1, 1), "Grand Dijon", OrganisationKind.communaute_urbaine),
        (dt.date(2017, 4, 28), "Dijon Métropole", OrganisationKind.metropole),
    ]
    assert changes[1].reference is not None
    assert organisation_changes(data, dt.date(2016, 1, 1), None) == changes[1:]


@pytest.mark.parametrize(
    ("entries", "line", "message"),
    [
        (
            "      - {until: 2017-04-27, kind: communaute_urbaine}\n"
            "      - {until: 2014-12-31, name: Grand Dijon}\n",
            11,
            "are not in order: this one ends on 2014-12-31, before the one above it "
            "(2017-04-27); write them oldest first",
        ),
        (
            "      - {until: 2014-12-31, kind: communaute_urbaine}\n"
            "      - {until: 2014-12-31, name: Grand Dijon}\n",
            11,
            "two former periods of the organisation 'metropole' end on 2014-12-31",
        ),
        (
            "      - {until: 2014-12-31}\n",
            10,
            "say what the organisation was until 2014-12-31",
        ),
    ],
)
def test_bad_history_is_a_located_problem(
    tmp_path: Path, entries: str, line: int, message: str
) -> None:
    text = textwrap.dedent(
        """\
        package: {name: P, language: en, as_of: 2023-06-01}
        levels: [{id: dg, name: DG, rank: 0}]
        units:
          - {id: dg, name: DG, level: dg, organisation: metropole, head: {title: DGS}}
        organisations:
          - id: metropole
            name: Dijon Métropole
            kind: metropole
            previous:
        """
    )
    result = load_package(write_package(tmp_path / "p", text + entries))
    found = [p for p in result.problems if message in p.message("en")]
    assert found, [p.message("en") for p in result.problems]
    assert found[0].line == line
    assert found[0].path is not None
    assert found[0].path.name == "orgchart.yaml"


# -- pages -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("history")
    package = write_package(root / "data")
    src = root / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "\n".join(
            [
                'extensions = ["sphinx_orgchart"]',
                f"orgchart_data = {str(package)!r}",
                'language = "fr"',
                'exclude_patterns = ["_build"]',
                "orgchart_pages = False",
                "",
            ]
        ),
        encoding="utf-8",
    )
    pages = {
        "chart": "En 2012\n=======\n\n.. org:chart:: metropole\n   :as-of: 2012-06-01\n",
        "chart2016": "En 2016\n=======\n\n.. org:chart:: metropole\n   :as-of: 2016-06-01\n",
        "shared": (
            "Mutualisation 2012\n==================\n\n.. org:shared::\n   :as-of: 2012-06-01\n"
        ),
        "directory": "Annuaire 2012\n=============\n\n.. org:directory::\n   :as-of: 2012-06-01\n",
        "changes": "Historique\n==========\n\n.. org:changes::\n   :all:\n",
        "metropole": "Métropole\n=========\n\n.. org:organisation:: metropole\n",
    }
    for name, text in pages.items():
        (src / f"{name}.rst").write_text(text, encoding="utf-8")
    toc = "\n".join(f"   {name}" for name in pages)
    (src / "index.rst").write_text(f"Dijon\n=====\n\n.. toctree::\n\n{toc}\n", encoding="utf-8")
    app, warnings = build(src)
    assert warning_lines(warnings) == []
    return Path(app.outdir)


def test_chart_as_of_2012_names_the_communaute(html: Path) -> None:
    page = text_of(html / "chart.html")
    assert "Organigramme : Grand Dijon, 2 unités" in page
    assert "Dijon Métropole" not in page
    later = text_of(html / "chart2016.html")
    assert "Dijon Métropole" in later


def test_shared_and_directory_as_of_2012(html: Path) -> None:
    shared = text_of(html / "shared.html")
    assert "Grand Dijon" in shared
    assert "Métropole" not in shared.replace("Dijon Métropole", "")
    # the directory names no organisation; as of 2012 it lists the units of then
    directory = text_of(html / "directory.html")
    assert "Direction de l'Urbanisme" in directory
    assert "Dijon Métropole" not in directory


def test_changes_list_the_new_name_and_kind(html: Path) -> None:
    page = text_of(html / "changes.html")
    assert "1er janvier 2015 — changement de nom — Grand Dijon devient Dijon Métropole" in page
    assert "Avant : Grand Dijon , communauté d'agglomération (Grand Dijon)" in page
    assert "Après : Dijon Métropole , communauté urbaine (Métropole)" in page
    assert (
        "28 avril 2017 — changement de nature juridique — Dijon Métropole devient métropole" in page
    )
    assert "Référence : Décret n° 2017-635 du 25 avril 2017 — Portant création" in page


def test_the_organisation_block_says_what_it_was(html: Path) -> None:
    page = text_of(html / "metropole.html")
    assert "Auparavant : Grand Dijon (communauté d'agglomération) jusqu'au 31 décembre 2014" in page
    assert "Dijon Métropole (communauté urbaine) jusqu'au 27 avril 2017" in page
