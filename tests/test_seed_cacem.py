"""Seed 002 (/work/shared/seeds): the administrative organisation of the CACEM
(Communauté d'Agglomération du Centre de la Martinique), written as a package
(tests/data/seeds/cacem), each fact asserted in the built pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sphinx_orgchart.loader import load_package

from .audit import audit_html, audit_latex
from .seeds_helpers import SEEDS, build_seed, charts_under, text_of
from .sphinx_helpers import make_pdf

PAGES = {
    "gouvernance": (
        "Gouvernance\n===========\n\n"
        "Le CODIR (Comité de Direction)\n------------------------------\n\n"
        ".. org:body:: codir\n\n"
        "Conférence des DGS\n------------------\n\n"
        ".. org:body:: conference-dgs\n"
    )
}
CONF = "orgchart_show_people = True"  # the page names the DGS
HEADING = "Communauté d’Agglomération du Centre de la Martinique"  # typeset by Sphinx
DGA = (
    "Administration, Ressources Humaines, Système et Qualité",
    "Affaires juridiques, Finances et Evaluation des politiques",
    "Infrastructures et Environnement",
    "Planification et Développement",
)


@pytest.fixture(scope="module")
def cacem(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_seed("cacem", tmp_path_factory.mktemp("cacem") / "src", conf=CONF, **PAGES)


def test_cacem_validates_strictly() -> None:
    result = load_package(SEEDS / "cacem")
    assert result.data is not None
    assert list(result.problems) == []


def test_cacem_dgs_and_its_four_dga(cacem: Path) -> None:
    dgs = text_of(cacem / "org" / "dgs.html")
    assert "Communauté d'Agglomération du Centre de la Martinique" in dgs
    assert "Directeur Général des Services (DGS) — Fred VIELET" in dgs
    assert "Sous l'autorité du Directeur Général des Services, Monsieur Fred VIELET" in dgs
    assert "regroupés autour de 4 directions générales adjointes (DGA)" in dgs
    subunits = dgs[dgs.index("Sous-unités") : dgs.index("Instances")]
    positions = [subunits.index(f"{name} (DGA {n})") for n, name in enumerate(DGA, start=1)]
    assert positions == sorted(positions)  # in the page's order, 1 to 4
    chart = charts_under(cacem / "organigramme.html", HEADING)
    for name in DGA:
        assert name.split(",")[0] in chart, name
    glossary = text_of(cacem / "glossaire.html")
    assert "Direction générale adjointe" in glossary


def test_cacem_communication_and_dost_report_to_the_dgs(cacem: Path) -> None:
    for unit in ("communication", "dost"):
        page = text_of(cacem / "org" / f"{unit}.html")
        assert "directement à la direction générale" in page, unit
        assert "Direction Générale des Services (DGS)" in page  # its breadcrumb
    dgs = text_of(cacem / "org" / "dgs.html")
    assert "Le service Communication et la Direction Organisation Stratégies et Territoires" in dgs
    assert "sont rattachés directement au DGS" in dgs
    chart = charts_under(cacem / "organigramme.html", HEADING)
    assert "Service Communication" in chart
    assert "DOST" in chart


def test_cacem_dost_presentation(cacem: Path) -> None:
    dost = text_of(cacem / "org" / "dost.html")
    for fact in (
        "Placée sous l'autorité directe du Directeur Général des Services",
        "apporte un appui pluridisciplinaire à l'ensemble de l'organisation administrative",
        "collabore aux processus décisionnels et à la définition des orientations",
        "son projet d'administration et, en élabore les modalités de mise en œuvre",
        "leurs projets à dimension « transversale »",
        "partenaires du territoire Centre (communes membres ; conseil de développement…)",
        "les actions sur le terrain et la commande politique",
        "4 services / missions lui sont rattachés",
        "Secrétariat Général",
        "Mission « Mutualisation »",
        "Relations avec les communes membres",
    ):
        assert fact in dost, fact


def test_cacem_dost_services_and_their_missions(cacem: Path) -> None:
    facts = {
        "secretariat-general": (
            "assure la coordination et le suivi des activités et événements",
            "Il est l'interface entre le Directeur Général des Services",
            "organisation de l'agenda, planification et suivi des réunions, diffusion de notes",
        ),
        "mission-mutualisation": (
            "Réforme des Collectivités Territoriales de décembre 2010",
            "établir un schéma de mutualisation",
            "identifier les moyens, services pouvant faire l'objet de mises en commun",
            "concerne à la fois les services de la CACEM mais également ceux des communes",
        ),
        "relations-communes": (
            "garantit la bonne application et suivi des opérations menées par la CACEM",
            "conforme aux décisions politiques",
            "Conférence des Directeurs Généraux de Services (communes membres et CACEM)",
            "organisées chaque trimestre",
            "groupes de travail transversaux",
            "partage d'expertises, veille institutionnelle…",
        ),
    }
    for unit, missions in facts.items():
        page = text_of(cacem / "org" / f"{unit}.html")
        assert "Missions" in page, unit
        assert "Direction Organisation, Stratégies et Territoires (DOST)" in page, unit
        for mission in missions:
            assert mission in page, (unit, mission)


def test_cacem_codir(cacem: Path) -> None:
    page = text_of(cacem / "gouvernance.html")
    codir = page[page.index("Le CODIR est une instance") : page.index("Conférence des")]
    for fact in (
        # définition, rôle
        "instance d'orientations et d'aide à la décision de la collectivité",
        "à responsabilités et fonctionnement collégiaux",
        "instance de régulation, d'évaluation, de partage et d'harmonisation des actions",
        "interface entre la sphère stratégico-politique et la sphère technico-administrative",
        "outil d'aide à la décision des élus",
        "évaluation des politiques publiques",
        # objectifs
        "Objectifs",
        "veiller à la mise en œuvre des orientations stratégiques",
        "recherche de l'efficience au sein de la collectivité",
        "favoriser la transversalité et la coopération entre les services",
        "mesure les écarts avec les objectifs assignés aux services",
        # fonctionnement
        "Toutes les semaines, le mardi, de 8 h 30 à 11 h 00",
        "Présidence : Directeur Général des Services (DGS)",
        "organisée et animée par le DGS",
        "fonctionnement collégial, une liberté d'expression et la recherche de consensus",
    ):
        assert fact in codir, fact
    dgs = text_of(cacem / "org" / "dgs.html")
    assert "le DGS s'appuie sur un CODIR" in dgs
    assert "Comité de Direction (CODIR)" in dgs  # the bodies it sits in


def test_cacem_conference_of_the_dgs_every_quarter(cacem: Path) -> None:
    page = text_of(cacem / "gouvernance.html")
    conference = page[page.index("Conférence des Directeurs Généraux de Services des") :]
    assert "Tous les trimestres" in conference
    assert "Les Directeurs Généraux de Services des communes membres" in conference


def test_cacem_pages_pass_the_html_audit(cacem: Path) -> None:
    assert audit_html(cacem).problems == []


@pytest.mark.skipif(shutil.which("xelatex") is None, reason="needs xelatex")
def test_cacem_builds_as_pdf(tmp_path: Path) -> None:
    outdir = build_seed("cacem", tmp_path / "src", "latex", conf=CONF, **PAGES)
    result = make_pdf(outdir)
    assert result.returncode == 0, result.stdout[-3000:]
    assert (outdir / "cacem.pdf").exists()
    assert audit_latex(outdir).problems == []
