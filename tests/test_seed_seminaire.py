"""Seed 003 (/work/shared/seeds): "Adaptation de l'Organisation – Point d'étape – Séminaire
ÉLUS – 3 juillet 2021", written as a package (tests/data/seeds/seminaire), each fact of the
slides asserted in the built pages."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sphinx_orgchart.loader import load_package
from sphinx_orgchart.model import EventKind, UnitStatus
from sphinx_orgchart.timeline import as_of_view, compare

from .audit.html import audit_html
from .audit.latex import audit_latex
from .seeds_helpers import SEEDS, build_seed, charts_under, text_of
from .sphinx_helpers import make_pdf

SEED = "seminaire"
PAGES = {
    "historique": "Historique\n==========\n\n.. org:changes::\n   :all:\n",
    "cible": (
        "Organisation cible\n==================\n\n.. org:compare:: ville\n\n"
        "La direction générale\n---------------------\n\n.. org:compare:: dg\n"
    ),
    "gouvernance": (
        "Gouvernance\n===========\n\nNouvelles instances : :org:body:`codir`, "
        ":org:body:`reunion-dg`.\n\n.. org:body:: codir\n\n.. org:body:: reunion-dg\n"
    ),
    "septembre": ("En septembre\n============\n\n.. org:chart:: ville\n   :as-of: 2021-09-01\n"),
}


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_seed(SEED, tmp_path_factory.mktemp(SEED) / "src", **PAGES)


def test_the_seed_validates_strictly() -> None:
    result = load_package(SEEDS / SEED)
    assert result.data is not None
    assert list(result.problems) == []


def test_the_site_has_no_dead_link(html: Path) -> None:
    report = audit_html(html)
    assert report.problems == []


# -- the home page: ambition, domains, priorities, the chain of projects ----------------------


def test_the_seminar_and_its_date(html: Path) -> None:
    home = text_of(html / "index.html")
    assert "Adaptation de l’organisation – point d’étape" in home
    assert "Séminaire des élus du 3 juillet 2021 : de la réflexion aux pistes d'engagement" in home
    assert "Données au : 3 juillet 2021" in home


def test_ambition_of_the_direction_generale(html: Path) -> None:
    home = text_of(html / "index.html")
    assert (
        "La direction générale formule une ambition collective, une méthode et des moyens pour "
        "aider les transformations, avec cohérence, unité, transversalité"
    ) in home
    assert "Les élus formalisent leurs visions d'avenir : le projet de mandat" in home


def test_five_domains_to_strengthen(html: Path) -> None:
    home = text_of(html / "index.html")
    assert "Cinq domaines d'intervention à renforcer" in home
    page = (html / "index.html").read_text(encoding="utf-8")
    listed = re.search(r'<ol class="arabic simple">(.*?)</ol>', page, re.S)
    assert listed is not None
    items = [re.sub(r"<[^>]+>", "", i).strip() for i in re.findall(r"<li>(.*?)</li>", listed[1])]
    assert items == [
        "Éducation Enfance Jeunesse",
        "Animation et Vie associative",
        "Transition écologique et développement durable",
        "Cohésion sociale et citoyenneté",
        "Ressources",
    ]


def test_the_priorities_and_the_projects(html: Path) -> None:
    home = text_of(html / "index.html")
    assert (
        "Les priorités : qualité des services publics, urgence sociale, transition écologique, "
        "démocratie locale"
    ) in home
    for fact in (
        "lettre de mission du Maire",
        "projet de mandat",
        "projets de direction et de service",
        "projet métropolitain",
        "projet d'adaptation (gouvernance interne, organisation des services, communication "
        "interne, système d'information)",
        "prépare le projet d'administration",
        "À partir de septembre : mise en récit de la transformation autour de trois axes, "
        "priorisation, concrétisation, expérimentation",
    ):
        assert fact in home, fact


# -- the projet d'adaptation: axes, CAP 2021's chantiers, done and to do ----------------------


def test_axes_of_the_projet_d_adaptation(html: Path) -> None:
    projet = text_of(html / "projet.html")
    positions = [
        projet.index(axis)
        for axis in (
            "Gouvernance interne",
            "Organisation des services",
            "Communication interne",
            "Système d'information",
        )
    ]
    assert positions == sorted(positions)
    assert "CAP 2021 : première phase de l'adaptation de l'organisation" in projet


def test_cap_2021_chantiers(html: Path) -> None:
    projet = text_of(html / "projet.html")
    for chantier in (
        "Objectif 1 : Cohésion sociale, citoyenneté",
        "Objectif 2 : Sécurité, tranquillité, prévention",
        "Objectif 3 : Vie associative, manifestations",
        "Objectif 4 : Accueil du public, relation à l'usager (GRU)",
        "Objectif 5 : Transversalité",
        "Objectif 6 : Communication et cohésion internes",
    ):
        assert chantier in projet, chantier
    for action in (
        "Création d'une direction spécifique solidarité, citoyenneté, accès aux droits",
        "Mise en place d'une entité Prévention Tranquillité Sécurité",
        "« Reconstitution » d'un service Police municipale",
        "Expérimentation d'une entité « Vie associative et Manifestation »",
        "Travail sur les fonctions accueil au niveau de la DCV",
        "Groupe de travail sur la mise à jour de l'outil « LETTERBOX »",
        "Interpellation de la Métropole sur la GRU",
        "Proposition d'une « cellule » Transversalité avec des référents par direction",
        "Réflexion sur le pilotage de projets transversaux (GRU, dialogue citoyen)",
        "Élaboration d'un programme de travail autour de 2/3 priorités identifiées",
        "Identification d'une organisation et de ressources dédiées",
    ):
        assert action in projet, action


def test_done_and_still_to_do(html: Path) -> None:
    data = load_package(SEEDS / SEED).data
    assert data is not None
    projet = text_of(html / "projet.html")
    done = {a.title for a in data.actions.values() if a.status == "done"}
    assert done == {
        "Projets de services",
        "Identification des besoins en ressources",
        "Réflexions sur la création de nouvelles unités : manif/vie asso, cohésion sociale",
    }
    for title in (
        *done,
        "Arbitrages globaux",
        "GT transversalité",
        "Des recrutements à lancer",
        "Officialisation progressive",
        "Construction des nouvelles unités",
        "Plan d'actions pluri-annuel (projet d'administration)",
        "Une organisation cible à formaliser",
        "Des profils de poste à valider",
        "Des temps de dialogue social (réunions de services, CT) et de validation",
        "Des aménagements de locaux à poursuivre",
        "Des expérimentations",
        "Nouveaux outils, nouveaux supports, nouveaux temps communs",
        "Identification des besoins",
        "Nouveaux rôles managériaux",
        "Charte de fonctionnement et de gouvernance",
        "Nouveaux mécanismes de décision avec les élus",
        "Des formats de réunion et temps d'échanges à revoir (expérimentation)",
    ):
        assert title in projet, title
    # the September start is dated
    september = [a for a in data.actions.values() if a.start == dt.date(2021, 9, 1)]
    assert len(september) == 7


# -- the units being created -------------------------------------------------------------------


def test_the_new_direction(html: Path) -> None:
    page = text_of(html / "org" / "cohesion-sociale.html")
    assert "Direction Cohésion sociale et Citoyenneté" in page
    assert (
        "Création d'une direction spécifique sur les thématiques de solidarité, de citoyenneté "
        "et d'accès aux droits"
    ) in page
    assert "Statut : prévue" in page
    assert "vacant" in page


def test_prevention_tranquillite_securite_and_the_police(html: Path) -> None:
    pts = text_of(html / "org" / "pts.html")
    assert "Coordination des acteurs de la politique Prévention Tranquillité Sécurité" in pts
    assert "Statut : prévue" in pts
    assert "Police municipale" in pts  # its sub-unit
    police = text_of(html / "org" / "police-municipale.html")
    assert "« Reconstitution » d'un service Police municipale" in police
    assert "Ville › Direction générale des services › Prévention Tranquillité Sécurité" in police


def test_the_experimental_entity(html: Path) -> None:
    page = text_of(html / "org" / "vie-associative.html")
    assert "en lien avec le travail fonctionnel entrepris autour du bâtiment LEINSTER" in page
    # coming on the seminar's date; experimental from September
    assert "Statut : prévue à partir du 1er septembre 2021 (puis expérimentale)" in page
    september = charts_under(html / "septembre.html", "En septembre")
    assert "Vie associative et Manifestation (expérimentale)" in september
    data = load_package(SEEDS / SEED).data
    assert data is not None
    unit = as_of_view(data, dt.date(2021, 9, 1)).units["vie-associative"]
    assert unit.status_on(dt.date(2021, 9, 1)) is UnitStatus.experimental


def test_the_transversalite_cell(html: Path) -> None:
    page = text_of(html / "org" / "transversalite.html")
    assert "Proposition d'une « cellule » Transversalité avec des référents par direction" in page
    assert "Référent·e transversalité de chaque direction vacant" in page
    assert (
        "Pilotage de projets transversaux comme la gestion de la relation usagers (GRU) et le "
        "dialogue citoyen"
    ) in page


def test_existing_units_named_by_the_slides(html: Path) -> None:
    dcv = text_of(html / "org" / "dcv.html")
    assert "Travail sur les fonctions accueil au niveau de la DCV" in dcv
    nm = text_of(html / "org" / "pole-nm.html")
    assert "Gestion des sollicitations et réclamations" in nm
    assert "« LETTERBOX »" in nm


def test_the_chart_marks_the_units_to_come(html: Path) -> None:
    chart = charts_under(html / "organigramme.html", "Ville")
    for box in (
        "Direction Cohésion sociale et Citoyenneté (prévue)",
        "Prévention Tranquillité Sécurité (prévue)",
        "Police municipale (prévue)",
        "Cellule Transversalité (prévue)",
        # experimental from 1 September 2021: still to come on the seminar's date, drawn
        # as planned like the units planned with no date
        "Vie associative et Manifestation (prévue)",
    ):
        assert box in chart, box


# -- the reorganisation: event, acts, target organisation --------------------------------------


def test_the_reorganisation_event(html: Path) -> None:
    page = text_of(html / "historique.html")
    assert (
        "1er septembre 2021 — réorganisation — CAP 2021 : 1re phase de l'adaptation de "
        "l'organisation (prévue)"
    ) in page
    assert (
        "Unités : Direction Cohésion sociale et Citoyenneté , Prévention Tranquillité Sécurité "
        ", Police municipale , Vie associative et Manifestation , Cellule Transversalité"
    ) in page
    assert (
        "Référence : note interne Point d'étape au séminaire des élus du 3 juillet 2021 — "
        "Adaptation de l'organisation"
    ) in page
    assert (
        "Avis du comité technique (CT) Réunions de services et CT — Temps de dialogue social et "
        "de validation"
    ) in page
    assert "priorisation, concrétisation, expérimentation" in page
    data = load_package(SEEDS / SEED).data
    assert data is not None
    assert data.events["cap-2021"].kind is EventKind.reorganisation


def test_unit_pages_list_the_reorganisation(html: Path) -> None:
    for unit in ("cohesion-sociale", "pts", "police-municipale", "transversalite"):
        page = text_of(html / "org" / f"{unit}.html")
        assert "Changements : 1er septembre 2021 — réorganisation — CAP 2021" in page, unit
        assert "avis du comité technique (CT) Réunions de services et CT" in page, unit
    assert "Changements" not in text_of(html / "org" / "dcv.html")


def test_the_target_organisation(html: Path) -> None:
    page = text_of(html / "cible.html")
    whole = page[: page.index("La direction générale ¶")]
    assert (
        "Par rapport au 3 juillet 2021 : 5 unités nouvelles, 0 supprimée, 0 déplacée, 0 renommée."
    ) in whole
    for unit in (
        "Direction Cohésion sociale et Citoyenneté (nouvelle)",
        "Police municipale (nouvelle)",
        "Cellule Transversalité (nouvelle)",
    ):
        assert unit in whole, unit
    body = (html / "cible.html").read_text(encoding="utf-8")
    svg = re.findall(r'<object[^>]* data="([^"]+\.svg)"', body)[0]
    drawing = (html / svg).read_text(encoding="utf-8")
    assert drawing.count('stroke="#009e73"') + drawing.count('stroke="#009E73"') >= 5


def test_the_seminar_sets_no_date_on_the_units_to_create() -> None:
    data = load_package(SEEDS / SEED).data
    assert data is not None
    changes = compare(data, data.as_of, dt.date(2021, 9, 1))
    assert {c.unit_id for c in changes.values() if c.kind == "added"} == {
        "cohesion-sociale",
        "pts",
        "police-municipale",
        "vie-associative",
        "transversalite",
    }
    # compared with a date that is not the target, undated plans are not counted
    assert compare(data, dt.date(2021, 1, 1), data.as_of, target=False) == {}


# -- governance ----------------------------------------------------------------------------------


def test_new_governance_bodies(html: Path) -> None:
    page = text_of(html / "gouvernance.html")
    assert (
        "Nouvelles instances : Comité de direction (CODIR) , Réunion hebdomadaire de la "
        "direction générale (Réunion hebdo DG)"
    ) in page
    assert "Nature : comité de direction" in page
    assert "Nature : réunion de direction générale" in page
    assert page.count("Nouvelle instance de la gouvernance interne (projet d'adaptation)") == 2
    assert "Toutes les semaines" in page


# -- a move into a direction being created -------------------------------------------------------


def test_a_service_moving_into_the_new_entity_is_accepted(tmp_path: Path) -> None:
    """A service that existed before the entity moves into it when the entity starts: the
    move event says since when it is under it."""
    root = tmp_path / SEED
    shutil.copytree(SEEDS / SEED, root)
    manifest = root / "orgchart.yaml"
    text = manifest.read_text(encoding="utf-8")
    text = text.replace(
        "        description: |\n          Expérimentation d'une entité",
        "        units:\n"
        "          - id: manifestations\n"
        "            name: Service des Manifestations\n"
        "            level: service\n"
        "            head: {title: Chef·fe du service des manifestations}\n"
        "        description: |\n          Expérimentation d'une entité",
    )
    text += (
        "  - id: move-manifestations\n"
        "    date: 2021-09-01\n"
        "    kind: move\n"
        "    units: [manifestations]\n"
        "    previous_parent: dcv\n"
    )
    manifest.write_text(text, encoding="utf-8")
    result = load_package(root)
    assert result.data is not None
    assert list(result.problems) == []
    then = as_of_view(result.data, dt.date(2021, 7, 3))
    assert then.units["manifestations"].parent == "dcv"
    assert result.data.units["manifestations"].parent == "vie-associative"
    # without the move, the service would exist before its new parent
    manifest.write_text(text.rsplit("  - id: move-manifestations", 1)[0], encoding="utf-8")
    codes = [p.code for p in load_package(root).problems]
    assert codes == ["validity-outside-parent"]


@pytest.mark.skipif(
    shutil.which("xelatex") is None or shutil.which("pdftotext") is None,
    reason="needs xelatex and pdftotext",
)
def test_the_seed_builds_as_pdf(tmp_path: Path) -> None:
    outdir = build_seed(SEED, tmp_path / "src", "latex", **PAGES)
    result = make_pdf(outdir)
    assert result.returncode == 0, result.stdout[-3000:]
    assert (outdir / f"{SEED}.pdf").exists()
    assert audit_latex(outdir).problems == []
    words = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(outdir / f"{SEED}.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    text = re.sub(r"\s+", " ", words)
    for fact in (
        "Cinq domaines d'intervention à renforcer",
        "CAP 2021 : 1re phase de l'adaptation de l'organisation",
        "avis du comité technique (CT)",
        "Vie associative et Manifestation",
    ):
        assert fact.replace("'", "’") in text.replace("'", "’"), fact
