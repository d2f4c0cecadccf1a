"""Seed 004 (/work/shared/seeds): Caen's participative reorganisation and its pilotage tool,
written as a package (tests/data/seeds/caen), each fact asserted in the built pages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sphinx_orgchart.loader import load_package

from .audit import audit_html, audit_latex
from .audit.browser import sideways
from .browser import browser_page, needs_chromium, serve
from .seeds_helpers import SEEDS, build_seed, text_of
from .sphinx_helpers import make_pdf

PAGES = {
    "reponses": "Réponses des services\n=====================\n\n.. org:answers::\n",
    "reponses-objectifs": (
        "Réponses par objectif\n=====================\n\n.. org:answers::\n   :group: objective\n"
    ),
    "historique": "Historique\n==========\n\n.. org:changes::\n   :all:\n",
}


@pytest.fixture(scope="module")
def caen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_seed("caen", tmp_path_factory.mktemp("caen") / "src", **PAGES)


def test_caen_validates_strictly() -> None:
    result = load_package(SEEDS / "caen")
    assert result.data is not None
    assert list(result.problems) == []


def test_caen_is_a_commune_of_the_calvados_in_normandie(caen: Path) -> None:
    home = text_of(caen / "index.html")
    assert "Ville de Caen" in home
    org = text_of(caen / "org" / "index.html")
    assert "Ville de Caen ¶ Nature : commune" in org
    assert "Commune de la région Normandie, dans le département du Calvados." in org


def test_caen_fiche_on_the_home_page(caen: Path) -> None:
    home = text_of(caen / "index.html")
    for fact in (
        "Observatoire TERRITORIA",  # the source
        "pratique locale, 2009",  # type of innovation and year
        "TERRITORIA MANAGEMENT",  # the award
        "Menée en interne par une méthode de travail participatif",
        "adoptée à l'unanimité par le Comité Technique Paritaire",
        "accessible sur un site intranet dédié",
        "les réponses des services aux 13 objectifs",
        "228 actions du projet politique",
        "donner un sens à son activité",
        "connaître son rôle pour un service public de qualité",
        "Fonctionnement de la collectivité",
        "Stratégie et évaluation",
        "Forme d'innovation : usage",
    ):
        assert fact in home, fact


def test_caen_reorganisation_adopted_unanimously(caen: Path) -> None:
    history = text_of(caen / "historique.html")
    # a reorganisation (not a creation), with the opinion of the comité technique
    assert "1er janvier 2009 — réorganisation — Réorganisation participative des services" in (
        history
    )
    assert "création" not in history
    assert (
        "Avis du comité technique (CT) séance de 2009 du Comité Technique Paritaire — "
        "réorganisation adoptée à l'unanimité" in history
    )
    assert "méthode de travail participatif" in history
    for direction in ("Direction des ressources", "Direction de la culture"):
        assert direction in history, direction
    # each direction's page names the reorganisation and the opinion
    page = text_of(caen / "org" / "dir-culture.html")
    assert "réorganisation" in page
    assert (
        "réorganisation — Réorganisation participative des services (avis du comité technique (CT)"
        in page
    )


def test_caen_thirteen_objectives_and_228_actions(caen: Path) -> None:
    data = load_package(SEEDS / "caen").data
    assert data is not None
    assert len(data.objectives) == 13
    assert len(data.actions) == 228
    projet = text_of(caen / "projet.html")
    assert "Total 228" in projet
    # no action has a figure: the average counts them all and says so
    assert "0 % (228 actions sans chiffre" in projet
    assert "Le projet politique" in projet
    assert "présente les réponses des services aux 13 objectifs" in projet  # the tool
    for number in (1, 13):
        assert f"Objectif {number} du projet politique" in projet


def test_caen_answers_of_the_services_to_the_13_objectives(caen: Path) -> None:
    answers = text_of(caen / "reponses.html")
    for number in range(1, 14):
        assert f"à l'objectif {number}, présentée dans l'outil de pilotage" in answers
    # each service: its answers and the progress of its 57 actions
    ressources = answers[answers.index("Direction des ressources") :]
    ressources = ressources[: ressources.index("Direction de la population")]
    assert "57 actions — 57 à lancer — 0 %" in ressources
    assert "Réponse de la Direction des ressources à l'objectif 1," in ressources
    assert "Pas encore de réponse." in ressources  # objectives it acts for, unanswered
    by_objective = text_of(caen / "reponses-objectifs.html")
    first = by_objective[by_objective.index("Objectif 1 du projet politique") :]
    first = first[: first.index("Objectif 2 du projet politique")]
    # objective 1: 18 actions, among the four directions
    assert "18 actions — 18 à lancer" in first
    assert "Réponse de la Direction des ressources à l'objectif 1," in first


def test_caen_unit_pages_show_their_answers(caen: Path) -> None:
    page = text_of(caen / "org" / "dir-ressources.html")
    assert "Réponses aux objectifs" in page
    for number in (1, 5, 9, 13):
        assert f"Réponse de la Direction des ressources à l'objectif {number}," in page
    assert "à l'objectif 2," not in page


def test_caen_answers_read_on_a_phone(caen: Path) -> None:
    """Lists, not a grid: no table at all in the answers pages."""
    for name in ("reponses.html", "reponses-objectifs.html"):
        body = (caen / name).read_text(encoding="utf-8")
        main = body[body.index('role="main"') :]
        assert not re.search(r"<table", main), name


def test_caen_pages_pass_the_html_audit(caen: Path) -> None:
    assert audit_html(caen).problems == []


@needs_chromium
def test_caen_answers_do_not_scroll_sideways(caen: Path) -> None:
    pages = ["reponses.html", "reponses-objectifs.html", "projet.html", "org/dir-culture.html"]
    with serve(caen) as base, browser_page() as page:
        assert sideways(page, base, pages) == []


@pytest.mark.skipif(shutil.which("xelatex") is None, reason="needs xelatex")
def test_caen_builds_as_pdf(tmp_path: Path) -> None:
    outdir = build_seed("caen", tmp_path / "src", "latex", **PAGES)
    result = make_pdf(outdir)
    assert result.returncode == 0, result.stdout[-3000:]
    assert (outdir / "caen.pdf").exists()
    assert audit_latex(outdir).problems == []
