"""Structure across organisations: a direction générale commune, attachments to an
organisation with the State's vocabulary, organisations without a single root.

Two packages shaped like the real cases (tests/data/structure): a Ville, its Métropole and
its CCAS under one DGS (seed 001, Dijon: "le fonctionnement des services municipaux de
Dijon, de son CCAS et de Dijon métropole est totalement intégré"); two ministries, one with
a dozen directions side by side and no head unit, with a co-tutelle, a functional link and
a plain secondary attachment (DILA's "Autre hiérarchie").
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sphinx_orgchart.data import OrgData
from sphinx_orgchart.graph import ChartSpec, EdgeKind, build_charts
from sphinx_orgchart.loader import load_package
from sphinx_orgchart.model import AttachmentKind
from sphinx_orgchart.sphinx.pages import navigation

from .audit import audit_html, audit_latex
from .seeds_helpers import charts_under
from .seeds_helpers import text_of as page_text
from .sphinx_helpers import make_pdf
from .structure_helpers import STRUCTURE, build_structure


def text_of(page: Path) -> str:
    """The visible text of a page, without the spaces the tags left before punctuation."""
    text = page_text(page)
    return re.sub(r"\( ", "(", re.sub(r" ([,)])", r"\1", text))


def _data(package: str) -> OrgData:
    result = load_package(STRUCTURE / package)
    assert result.data is not None
    assert list(result.problems) == []
    return result.data


@pytest.fixture(scope="module")
def common() -> OrgData:
    return _data("common-dg")


@pytest.fixture(scope="module")
def ministry() -> OrgData:
    return _data("ministere")


@pytest.fixture(scope="module")
def common_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_structure("common-dg", tmp_path_factory.mktemp("common") / "src")


@pytest.fixture(scope="module")
def ministry_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_structure("ministere", tmp_path_factory.mktemp("ministere") / "src")


def _chart(data: OrgData, org: str, **options: object):  # type: ignore[no-untyped-def]
    spec = ChartSpec(organisation=org, max_boxes=200, **options)  # type: ignore[arg-type]
    return build_charts(data, spec, org, org)[0]


# -- the data layer: a direction générale commune -------------------------------------------


def test_the_common_dg_heads_units_of_three_organisations(common: OrgData) -> None:
    assert common.common["dgs"] == ["ville", "ccas"]
    assert common.sharing_organisations(common.units["dgs"]) == ["metropole", "ville", "ccas"]
    assert common.common["pole-education"] == []
    assert common.tops_of("metropole") == ["dgs"]
    assert common.tops_of("ville") == ["dgs", "cabinet-maire"]  # the DG, then its own tops
    assert common.tops_of("ccas") == ["dgs"]
    assert common.roots["ville"] == ["cabinet-maire"]  # its own top units, as before


def test_each_organisation_draws_the_common_dg_with_its_own_units(common: OrgData) -> None:
    ville = _chart(common, "ville")
    assert ville.tops == ["dgs", "cabinet-maire"]
    assert ville.children["dgs"][:2] == ["pole-education", "pole-culture"]
    assert "pole-mobilite" not in ville.boxes  # the Métropole's own pôle
    assert ville.boxes["dgs"].dashed  # not the Ville's own unit
    assert ville.boxes["dgs"].unit.common_to == "commune à Métropole, Ville, CCAS"
    # a unit of the Métropole shared with the Ville, under the common DG where it sits
    assert "pole-ressources" in ville.children["dgs"]
    assert ville.boxes["pole-ressources"].unit.shared_from == "Métropole"
    assert not any(box.startswith("shared-from-") for box in ville.boxes)
    metropole = _chart(common, "metropole")
    assert metropole.children["dgs"] == ["pole-mobilite", "pole-ressources"]
    assert not metropole.boxes["dgs"].dashed
    assert metropole.boxes["dgs"].unit.common_to == "commune à Métropole, Ville, CCAS"
    assert metropole.boxes["dgs"].unit.shared_with is None  # said once, as common
    ccas = _chart(common, "ccas")
    assert ccas.children["dgs"] == ["pole-solidarites"]


def test_the_common_dg_chart_draws_every_organisation(common: OrgData) -> None:
    chart = build_charts(common, ChartSpec(roots=("dgs",), organisation="metropole"), "dgs", "DGS")[
        0
    ]
    assert set(chart.children["dgs"]) >= {"pole-mobilite", "pole-education", "pole-solidarites"}
    assert chart.boxes["pole-education"].unit.home == "Ville"
    assert chart.boxes["ecoles"].unit.home is None  # under a pôle of its own organisation
    assert chart.boxes["pole-mobilite"].unit.home is None


def test_pages_of_units_under_the_common_dg_are_in_their_organisation(common: OrgData) -> None:
    nav = navigation(common, set(common.units))
    assert nav.children["dgs"] == ["pole-mobilite", "pole-ressources"]
    assert nav.roots["ville"] == ["pole-education", "pole-culture", "cabinet-maire"]
    assert nav.roots["ccas"] == ["pole-solidarites"]


# -- the data layer: attachments to an organisation, a ministry without a head ---------------


def test_attachments_to_an_organisation_with_a_kind(ministry: OrgData) -> None:
    dgefp = ministry.units["dgefp"]
    assert dgefp.attachments[0].organisation == "economie"
    assert dgefp.attachments[0].kind is AttachmentKind.co_tutelle
    assert ministry.attached_to_organisation("economie") == [dgefp]
    assert ministry.attached_to("insee") == [ministry.units["dares"]]
    # an attachment without a kind keeps its meaning: a secondary attachment to a unit
    plain = ministry.units["bureau-formation"].attachments[0]
    assert plain.kind is None
    assert plain.unit == "dgt-sd-emploi"


def test_a_ministry_has_its_tops_side_by_side(ministry: OrgData) -> None:
    chart = _chart(ministry, "economie")
    tops = chart.tops
    assert len(ministry.roots["economie"]) == 12
    assert tops[:12] == ministry.roots["economie"]
    # the box of the units shared into it stands apart, under none of the tops
    assert "shared-from-travail" in tops
    assert not any(e.target == "shared-from-travail" for e in chart.edges)
    # the direction it co-supervises: a dashed box beside its tops, its place said
    assert "dgefp" in tops
    box = chart.boxes["dgefp"]
    assert box.dashed
    assert box.unit.also_under == "Travail"
    assert box.unit.links == ("co-tutelle : Économie",)


def test_kinds_are_written_in_the_charts(ministry: OrgData) -> None:
    travail = _chart(ministry, "travail")
    assert travail.boxes["dgefp"].unit.links == ("co-tutelle : Économie",)
    assert travail.boxes["dares"].unit.links == ("lien fonctionnel : Insee",)
    # a plain attachment says nothing more than its dashed link
    assert travail.boxes["bureau-formation"].unit.links == ()
    assert any(
        e.kind is EdgeKind.attached and e.target == "bureau-formation" for e in travail.edges
    )
    sports = _chart(ministry, "sports")
    assert sports.tops == ["dge"]  # the Sports have no unit: the DGE linked to them
    assert sports.boxes["dge"].unit.links == ("lien fonctionnel : Sports",)


def test_a_single_root_keeps_the_shared_box_under_it(common: OrgData) -> None:
    data = _data("common-dg")
    chart = _chart(data, "metropole")
    assert chart.tops == ["dgs"]


# -- the pages ------------------------------------------------------------------------------


def test_charts_of_the_three_organisations(common_site: Path) -> None:
    page = common_site / "organigramme.html"
    ville = charts_under(page, "Ville de Belcourt")
    assert "Direction générale des services" in ville
    assert "commune à Métropole, Ville, CCAS" in ville
    assert "Pôle Éducation et Jeunesse" in ville
    assert "Cabinet du Maire" in ville
    assert "Pôle Mobilités" not in ville
    metropole = charts_under(page, "Belcourt Métropole")
    assert "Pôle Mobilités" in metropole
    assert "Pôle Éducation" not in metropole
    ccas = charts_under(page, "CCAS de Belcourt")
    assert "Pôle Solidarités" in ccas
    assert "Pôle Éducation" not in ccas


def test_the_chart_boxes_link_to_the_common_dg_page(common_site: Path) -> None:
    body = (common_site / "organigramme.html").read_text(encoding="utf-8")
    svgs = re.findall(r'<object[^>]* data="([^"]+\.svg)"', body)
    assert svgs
    for name in svgs:
        svg = (common_site / name).read_text(encoding="utf-8")
        assert "org/dgs.html" in svg


def test_the_lists_under_the_charts_mark_common_and_shared_units(common_site: Path) -> None:
    text = text_of(common_site / "organigramme.html")
    ville = text[text.index("Organigramme : Ville de Belcourt") :]
    ville = ville[: ville.index("CCAS de Belcourt ¶")]
    assert "Direction générale des services (DGS) — commune à Métropole, Ville, CCAS" in ville
    assert "Pôle Ressources — mutualisée par Métropole" in ville
    metropole = text[text.index("Organigramme : Belcourt Métropole") :]
    assert "Pôle Ressources — mutualisé avec Ville" in metropole


def test_the_common_dg_page_lists_the_units_of_each_organisation(common_site: Path) -> None:
    page = text_of(common_site / "org" / "dgs.html")
    assert "Commune à : Belcourt Métropole, Ville de Belcourt, CCAS de Belcourt" in page
    assert "Pôle Mobilités et Espace public" in page
    assert "Pôle Éducation et Jeunesse — Ville de Belcourt" in page
    assert "Pôle Solidarités — CCAS de Belcourt" in page


def test_a_ville_pole_page(common_site: Path) -> None:
    page = text_of(common_site / "org" / "pole-education.html")
    assert "Organisation : Ville de Belcourt" in page
    assert "Direction générale des services" in page  # its parent, in the breadcrumb
    assert "Direction des Écoles" in page


def test_the_index_lists_each_organisation_under_the_common_dg(common_site: Path) -> None:
    index = text_of(common_site / "org" / "index.html")
    ville = index[index.index("Ville de Belcourt ¶") : index.index("CCAS de Belcourt ¶")]
    assert "Unités communes : Direction générale des services (DGS) — Belcourt Métropole" in ville
    assert ville.index("Pôle Éducation et Jeunesse") < ville.index("Cabinet du Maire")
    ccas = index[index.index("CCAS de Belcourt ¶") :]
    assert "Pôle Solidarités" in ccas


def test_the_common_site_has_no_dead_link(common_site: Path) -> None:
    report = audit_html(common_site)
    assert report.problems == []
    assert report.chart_links > 0


def test_ministry_pages(ministry_site: Path) -> None:
    dgefp = text_of(ministry_site / "org" / "dgefp.html")
    assert "Également rattachée à : Co-tutelle — Ministère de l'Économie et des Finances" in dgefp
    assert "placée sous l'autorité conjointe des deux ministres" in dgefp
    dares = text_of(ministry_site / "org" / "dares.html")
    assert "Lien fonctionnel — Institut national de la statistique" in dares
    insee = text_of(ministry_site / "org" / "insee.html")
    assert "Direction de l'Animation de la recherche" in insee
    assert "lien fonctionnel" in insee
    index = text_of(ministry_site / "org" / "index.html")
    economie = index[index.index("Ministère de l'Économie et des Finances ¶") :]
    assert "Unités d'autres organisations qui lui sont rattachées" in economie
    assert "Délégation générale à l'Emploi et à la Formation professionnelle (DGEFP)" in economie
    assert "(co-tutelle)" in economie


def test_ministry_charts_and_lists(ministry_site: Path) -> None:
    page = ministry_site / "organigramme.html"
    economie = charts_under(page, "Ministère de l’Économie et des Finances")
    assert "co-tutelle : Économie" in economie
    assert "Unités mutualisées de Travail • Service des Achats" in economie
    # a top unit attached to another as its second parent: its organisation is its place
    assert "Statistiques ↔ lien fonctionnel : Insee ↳ Travail" in economie
    text = text_of(page)
    assert "DGEFP) — co-tutelle : Économie" in text
    assert "DARES) — lien fonctionnel : Insee" in text
    report = audit_html(ministry_site)
    assert report.problems == []


@pytest.mark.skipif(shutil.which("xelatex") is None, reason="needs xelatex")
@pytest.mark.parametrize("package", ["common-dg", "ministere"])
def test_structure_builds_as_pdf(package: str, tmp_path: Path) -> None:
    outdir = build_structure(package, tmp_path / "src", "latex")
    result = make_pdf(outdir)
    assert result.returncode == 0, result.stdout[-3000:]
    report = audit_latex(outdir)
    assert report.problems == []
    assert report.pages == 1
