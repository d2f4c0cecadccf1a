"""The seeds (what users have today) written as packages, each fact asserted in the pages.

Each test names the seed it comes from (/work/shared/seeds): Besançon (000), Dijon (001).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sphinx_orgchart.loader import load_package
from sphinx_orgchart.model import MutualisationMode

from .seeds_helpers import SEEDS, build_seed, charts_under, text_of
from .sphinx_helpers import make_pdf


@pytest.fixture(scope="module")
def besancon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_seed("besancon", tmp_path_factory.mktemp("besancon") / "src")


@pytest.fixture(scope="module")
def dijon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_seed(
        "dijon",
        tmp_path_factory.mktemp("dijon") / "src",
        **{
            "en-2009": "En 2009\n=======\n\n.. org:shared::\n   :as-of: 2009-06-01\n",
            "chart-2009": (
                "Ville en 2009\n=============\n\n.. org:chart:: ville\n   :as-of: 2009-06-01\n"
            ),
        },
    )


@pytest.mark.parametrize("seed", ["besancon", "dijon"])
def test_each_seed_validates_strictly(seed: str) -> None:
    result = load_package(SEEDS / seed)
    assert result.data is not None
    assert list(result.problems) == []


# -- seed 000: Besançon ---------------------------------------------------------------------


def test_besancon_presentation_is_on_the_home_page(besancon: Path) -> None:
    home = text_of(besancon / "index.html")
    for fact in (
        "évolue sans cesse",
        "Grand Besançon",
        "collecte des ordures ménagères, conservatoire de Région",
        "mutualisation totale ou partielle",
        "pôles de compétence",
        "Données au",
        "Tenu à jour par",
    ):
        assert fact in home, fact


def test_besancon_levels_and_categories_are_defined(besancon: Path) -> None:
    glossary = text_of(besancon / "glossaire.html")
    for fact in (
        "Département",
        "soit un regroupement de directions",
        "Conduit les politiques sectorielles",
        "Subdivision d'une direction",
        "peut être constitué en unité autonome",
        "Tâches particulières",
        "Grand équipement",
        "fonctionnant de manière autonome",
        "Pôle fonctionnel",
        "Pôle tourné vers l'administration",
        "Pôle opérationnel",
        "autour des besoins des usagers",
    ):
        assert fact in glossary, fact
    functional = glossary[glossary.index("Pôle fonctionnel") :]
    functional = functional[: functional.index("Pôle opérationnel")]
    assert "Pôle Gestion et Modernisation" in functional
    assert "Pôle Ressources Humaines partagé et Organisation" in functional
    operational = glossary[glossary.index("Pôle opérationnel") :]
    for pole in (
        "Pôle des Services à la Population",
        "Pôle Services techniques, Urbanisme et Environnement",
        "Pôle Culture et Développement",
        "Pôle Vie Sociale et Citoyenneté",
    ):
        assert pole in operational, pole


def test_besancon_orientations_without_objectives_are_shown(besancon: Path) -> None:
    projet = text_of(besancon / "projet.html")
    for orientation in (
        "Plus de solidarité",
        "Plus de démocratie, plus de proximité, plus de réactivité",
        "Plus de rayonnement",
        "Plus de programmation et d'anticipation",
    ):
        assert orientation in projet, orientation


def test_besancon_total_and_partial_mutualisation(besancon: Path) -> None:
    shared = text_of(besancon / "mutualisation.html")
    assert "service commun (mutualisation totale)" in shared
    assert "mise à disposition de services (mutualisation partielle)" in shared
    assert "Pôle partagé entre la Ville et le Grand Besançon." in shared
    unit = text_of(besancon / "org" / "prho.html")
    assert "mutualisation totale" in unit
    assert "Pôle partagé entre la Ville et le Grand Besançon." in unit


def test_besancon_shared_units_are_in_both_charts(besancon: Path) -> None:
    ville = charts_under(besancon / "organigramme.html", "Ville de Besançon")
    assert "mutualisé avec Grand Besançon" in ville  # the home chart marks them
    grand = charts_under(besancon / "organigramme.html", "Grand Besançon")
    assert "Unités mutualisées de la Ville" in grand
    assert "Pôle Ressources Humaines partagé" in grand
    assert "Département Urbanisme" in grand


# -- seed 001: Dijon ------------------------------------------------------------------------


def test_dijon_six_forms_of_mutualisation(dijon: Path) -> None:
    shared = text_of(dijon / "mutualisation.html")
    for form in (
        "coopération technique",
        "groupement de commandes",
        "convention de gestion",
        "mise à disposition de moyens",
        "mise à disposition de personnels",
        "mise à disposition de services",
        "service commun",
    ):
        assert form in shared, form
    data = load_package(SEEDS / "dijon").data
    assert data is not None
    assert {s.mode for u in data.units.values() for s in u.shared} == set(MutualisationMode)


def test_dijon_commande_publique_in_two_forms(dijon: Path) -> None:
    page = text_of(dijon / "org" / "commande-publique.html")
    assert "groupement de commandes" in page
    assert "convention de gestion" in page
    assert "Chenôve" in page
    assert "Mutualisation renforcée avec une autre commune." in page
    shared = text_of(dijon / "mutualisation.html")
    # a unit in two forms counts once in the total
    summary = shared[: shared.index("Total") + 10]
    assert "Total 6" in summary


def test_dijon_member_communes_without_units(dijon: Path) -> None:
    result = load_package(SEEDS / "dijon")
    assert not [p for p in result.problems if p.code == "empty-organisation"]
    talant = charts_under(dijon / "organigramme.html", "Commune de Talant")
    assert "Direction du Numérique" in talant
    assert "Commande publique" not in talant
    chenove = charts_under(dijon / "organigramme.html", "Commune de Chenôve")
    assert "Commande publique" in chenove


def test_dijon_presentation(dijon: Path) -> None:
    home = text_of(dijon / "index.html")
    for fact in (
        "mettre en commun des moyens humains et/ou matériels",
        "Historiquement liées par le secteur urbanisme",
        "engagé en 2010",
        "totalement intégré",
        "commande publique, services informatiques",
    ):
        assert fact in home, fact


def test_dijon_dates_of_sharing_are_honoured(dijon: Path) -> None:
    before = text_of(dijon / "en-2009.html")
    assert "Direction de l'Urbanisme" not in before  # shared since 2010
    assert "Direction de la Commande publique" in before  # no date: always
    chart = charts_under(dijon / "chart-2009.html", "Ville en 2009")
    assert "Commande publique" in chart
    assert "Urbanisme" not in chart
    now = text_of(dijon / "mutualisation.html")
    assert "Direction de l'Urbanisme" in now


@pytest.mark.skipif(shutil.which("xelatex") is None, reason="needs xelatex")
@pytest.mark.parametrize("seed", ["besancon", "dijon"])
def test_seed_builds_as_pdf(seed: str, tmp_path: Path) -> None:
    outdir = build_seed(seed, tmp_path / "src", "latex")
    result = make_pdf(outdir)
    assert result.returncode == 0, result.stdout[-3000:]
    assert (outdir / f"{seed}.pdf").exists()
