"""Governance bodies, the objectives dashboard, and the organisation through time."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from sphinx_orgchart.data import OrgData
from sphinx_orgchart.graph import ChartSpec, build_charts
from sphinx_orgchart.loader import load_package
from sphinx_orgchart.model import Action, ActionStatus
from sphinx_orgchart.sphinx.directives.objectives import status_count, status_line
from sphinx_orgchart.timeline import as_of_view, compare, events_between

from .sphinx_helpers import build, copy_root, make_pdf, warning_lines


@pytest.fixture(scope="module")
def example(example_org: Path) -> OrgData:
    data = load_package(example_org).data
    assert data is not None
    return data


# -- the data layer ---------------------------------------------------------------------


def test_changes_of_a_period_are_exactly_its_events(example: OrgData) -> None:
    events = events_between(example, dt.date(2023, 12, 31), dt.date(2024, 12, 31))
    assert [e.id for e in events] == [
        "evt-2024-transfert-dechets",
        "evt-2024-deplacement-vie-associative",
        "evt-2024-renommage-deej",
        "evt-2024-scission-enfance-jeunesse",
        "evt-2024-fermeture-jop",
    ]
    assert events_between(example, dt.date(2024, 12, 31), dt.date(2024, 12, 31)) == []
    assert len(events_between(example, None, None)) == len(example.events)


def test_names_and_parents_as_they_were(example: OrgData) -> None:
    before = as_of_view(example, dt.date(2024, 8, 31))
    after = as_of_view(example, dt.date(2024, 9, 1))
    assert before.units["ville-deej"].name == "Direction de l'Éducation"
    assert after.units["ville-deej"].name == example.units["ville-deej"].name
    moved = "ville-dcva-vie-associative"
    assert as_of_view(example, dt.date(2024, 3, 31)).units[moved].parent == "ville-dsports"
    assert as_of_view(example, dt.date(2024, 4, 1)).units[moved].parent == (
        example.units[moved].parent
    )


@pytest.mark.parametrize(
    ("day", "present", "absent"),
    [
        # before the transfer of the waste collection to the Métropole (2024-01-01)
        (dt.date(2023, 6, 1), {"ville-ep-collecte"}, {"ville-dnev-espaces-verts"}),
        # between the transfer and the merger of the parks and gardens (2025-09-01)
        (dt.date(2024, 6, 1), {"ville-dnev-parcs"}, {"ville-ep-collecte"}),
        # after the planned creations of 2027
        (
            dt.date(2027, 6, 1),
            {"ville-dnev-espaces-verts"},
            {"ville-dnev-parcs", "ville-ep-collecte"},
        ),
    ],
)
def test_charts_as_of_dates(
    example: OrgData, day: dt.date, present: set[str], absent: set[str]
) -> None:
    view = as_of_view(example, day)
    charts = build_charts(view, ChartSpec(organisation="ville", as_of=day), "v", "V")
    shown = {u for c in charts for u in c.unit_ids()}
    assert present <= shown, present - shown
    assert not absent & shown, absent & shown


def test_compare_today_with_the_target(example: OrgData) -> None:
    changes = compare(example, example.as_of, dt.date(2027, 1, 1))
    added = {c.unit_id for c in changes.values() if c.kind == "added"}
    planned = {u.id for u in example.units.values() if u.valid_from == dt.date(2027, 1, 1)}
    assert planned <= added
    history = compare(example, dt.date(2023, 6, 1), dt.date(2026, 9, 1))
    kinds = {c.unit_id: c.kind for c in history.values()}
    assert kinds["ville-ep-collecte"] == "removed"
    assert kinds["ville-deej"] == "renamed"
    assert kinds["ville-dcva-vie-associative"] == "moved"


# -- in a handbook ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = copy_root("projet", tmp_path_factory.mktemp("projet") / "src")
    app, warnings = build(srcdir, "html")
    assert warning_lines(warnings) == []
    return Path(app.outdir)


def test_body_block(html: Path) -> None:
    page = (html / "index.html").read_text(encoding="utf-8")
    assert 'id="org-body-ville-codir"' in page
    for text in (
        "Présidence",
        "Membres",
        "Réunions",
        "Toutes les semaines, le mardi, de 8 h 30 à 11 h 00",
        "Fonctionnement",
        "comité de direction",
    ):
        assert text in page, text
    assert 'href="#org-body-ville-codir"' in page  # :org:body:


def test_objectives_dashboard(html: Path, example: OrgData) -> None:
    page = (html / "index.html").read_text(encoding="utf-8")
    assert page.count('class="orgchart-objective docutils container"') == 13
    assert 'id="org-objective-obj-01"' in page
    assert 'href="#org-objective-obj-01"' in page  # :org:objective:
    assert re.search(r'<progress class="orgchart-progress" max="100" value="\d+">', page)
    assert "Avancement par pôle" in page
    assert "Avancement moyen" in page
    rollup = page[page.index("Avancement par pôle") :]
    # header, the six pôles of the Ville, and the actions the direction générale leads
    assert rollup.count("<tr") == 1 + 6 + 1
    assert "Autres unités (au-dessus de ce niveau ou hors de lui)" in rollup
    # every action counts in the average, and the page says how many had no figure
    assert re.search(r"\d+\s+actions? sans chiffre, compt", page)
    # the columns count actions: plural headers, not the status of one
    assert re.search(r"<th[^>]*><p>Réalisées</p></th>\s*<th[^>]*><p>En cours</p>", rollup)


def test_changes_and_compare(html: Path) -> None:
    page = (html / "changes.html").read_text(encoding="utf-8")
    period = page[: page.index("Fusions seulement")]
    assert len(re.findall(r'id="org-event-', period)) == 5
    assert "Transfert de la collecte des déchets" in period
    assert "Avant\u00a0:" in period
    assert "Avant :" not in period
    fusions = page[page.index("Fusions seulement") : page.index("Cible")]
    assert len(re.findall(r'id="org-event-', fusions)) == 1
    assert "Par rapport au 1er\u00a0septembre\u00a02026\u00a0:" in page
    assert "<object" in page


def test_as_of_charts_differ(html: Path) -> None:
    page = (html / "asof.html").read_text(encoding="utf-8")
    before = page[page.index('id="avant"') : page.index('id="entre"')]
    between = page[page.index('id="entre"') : page.index('id="apres"')]
    after = page[page.index('id="apres"') :]
    assert "Service Collecte des déchets" in before
    assert "Service Collecte des déchets" not in between + after
    assert "Service des Parcs" in between
    assert "Service des Parcs" not in after
    assert re.search("Direction de l(&#39;|')Éducation", before)


def test_unit_pages_list_bodies_and_actions(tmp_path: Path) -> None:
    srcdir = copy_root("projet", tmp_path / "src")
    app, warnings = build(srcdir, "html", confoverrides={"orgchart_pages": True})
    assert [w for w in warning_lines(warnings) if "toc.not_included" not in w] == []
    page = (Path(app.outdir) / "org" / "ville-drh.html").read_text(encoding="utf-8")
    assert "Instances" in page
    assert 'href="../index.html#org-body-ville-cst"' in page or "Comité social" in page
    assert 'href="../index.html#org-objective-obj-12"' in page


def _answers_page(tmp_path: Path, options: str) -> tuple[str, list[str]]:
    """The text of an ``org:answers`` with ``options``, and the warnings of the build."""
    srcdir = copy_root("projet", tmp_path / "src")
    (srcdir / "reponses.rst").write_text(
        f"Réponses\n========\n\n.. org:answers::\n{options}", encoding="utf-8"
    )
    index = srcdir / "index.rst"
    index.write_text(index.read_text(encoding="utf-8") + "   reponses\n", encoding="utf-8")
    app, warnings = build(srcdir, "text")
    text = (Path(app.outdir) / "reponses.txt").read_text(encoding="utf-8")
    return " ".join(text.split()), warning_lines(warnings)


def test_answers_of_the_units_with_the_progress_of_their_actions(tmp_path: Path) -> None:
    text, warnings = _answers_page(tmp_path, "   :organisation: ville\n")
    assert warnings == []
    drh = text[text.index("Direction des Ressources humaines") :]
    drh = drh[: drh.index("Service Carrières et Paie")]
    # the unit's own actions: 3, one suspended; each objective with its answer and figures
    assert "3 actions — 2 réalisées, 1 suspendue — 72 %" in drh
    assert "La DRH porte le plan de formation pluriannuel" in drh
    assert "Objectif 2 : Simplifier les démarches" in drh
    assert "1 action — 1 suspendue — 15 %" in drh
    # a service that leads actions without having answered says so
    assert "Pas encore de réponse." in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            "4 actions — 1 à lancer, 2 réalisées, 1 abandonnée — 67 % "
            "(3 actions sans chiffre, comptées 0 % ou 100 % si terminées)",
        ),
        (
            "en",
            "4 actions — 1 to start, 2 done, 1 abandoned — 67 % "
            "(3 actions without a figure, counted 0 % or 100 % when done)",
        ),
    ],
)
def test_count_lines_read_naturally(language: str, expected: str) -> None:
    """The number first, the status agreeing with it: "2 réalisées", "1 action"."""
    statuses = [ActionStatus.planned, ActionStatus.done, ActionStatus.done]
    actions = [
        Action(id=f"a{n}", title="Agir", objective="o", owners=["u"], status=s)
        for n, s in enumerate(statuses)
    ]
    actions.append(
        Action(id="a9", title="Agir", objective="o", owners=["u"], status="abandoned", progress=5)
    )
    line = status_line(actions, language).astext()
    assert " ".join(line.split()) == expected
    one = status_line(actions[1:2], language).astext()
    assert one.startswith("1 action — 1 réalisée" if language == "fr" else "1 action — 1 done")
    assert status_count(ActionStatus.late, 3, language) == (
        "3 en retard" if language == "fr" else "3 late"
    )
    assert status_count(ActionStatus.suspended, 2, language) == (
        "2 suspendues" if language == "fr" else "2 suspended"
    )
    assert status_count(ActionStatus.in_progress, 1, language) == (
        "1 en cours" if language == "fr" else "1 in progress"
    )


def test_answers_filters(tmp_path: Path) -> None:
    text, warnings = _answers_page(
        tmp_path, "   :objective: obj-04\n   :answered:\n   :group: objective\n"
    )
    assert warnings == []
    assert text.count("Objectif 4 :") == 1
    assert "Le budget vert classe chaque dépense" in text
    assert "La mission anime le réseau des référents transition" in text
    assert "Pas encore de réponse." not in text  # only the units that answered
    assert "Objectif 12" not in text


def test_answers_unknown_unit_warns(tmp_path: Path) -> None:
    _text, warnings = _answers_page(tmp_path, "   :unit: ville-nulle-part\n")
    assert len(warnings) == 1
    assert "ville-nulle-part" in warnings[0]


def test_planned_units_say_so_everywhere(tmp_path: Path, example: OrgData) -> None:
    planned = next(u for u in example.units.values() if u.status == "planned")
    srcdir = copy_root("projet", tmp_path / "src")
    (srcdir / "index.rst").write_text(
        (srcdir / "index.rst").read_text(encoding="utf-8") + f"\nVoir :org:unit:`{planned.id}`.\n",
        encoding="utf-8",
    )
    app, _ = build(srcdir, "text", confoverrides={"orgchart_pages": True})
    index = " ".join((Path(app.outdir) / "index.txt").read_text(encoding="utf-8").split())
    assert re.search(re.escape(planned.label) + r"\W* \(prévue\)", index)


def test_config_as_of(tmp_path: Path) -> None:
    srcdir = copy_root("projet", tmp_path / "src")
    app, warnings = build(srcdir, "text", confoverrides={"orgchart_as_of": "2023-06-01"})
    assert warning_lines(warnings) == []
    page = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert "Service Collecte des déchets" not in page
    asof = (Path(app.outdir) / "asof.txt").read_text(encoding="utf-8")
    assert "Direction de l'Éducation" in asof or "Direction de l’Éducation" in asof


def test_latex_and_pdf(tmp_path: Path) -> None:
    import shutil

    srcdir = copy_root("projet", tmp_path / "src")
    app, warnings = build(srcdir, "latex")
    assert warning_lines(warnings) == []
    tex = (Path(app.outdir) / "projet.tex").read_text(encoding="utf-8")
    assert "Avancement par pôle" in tex
    assert "\\begin{longtable}" in tex
    if shutil.which("xelatex"):
        done = make_pdf(Path(app.outdir))
        assert done.returncode == 0, done.stdout[-3000:]
