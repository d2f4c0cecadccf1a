"""The extension on a small handbook: pages, references, objects, indices, builders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.util.inventory import InventoryFile

from sphinx_orgchart.sphinx.indices import french_key

from .sphinx_helpers import DATA, build, copy_root, warning_lines

TOCTREES: dict[str, list[str]] = {}


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    srcdir = copy_root("basic", tmp_path_factory.mktemp("basic") / "src")
    app, warnings = build(srcdir, "html")
    TOCTREES.update(app.env.toctree_includes)
    return Path(app.outdir), warning_lines(warnings)


def test_only_the_expected_warning(html: tuple[Path, list[str]]) -> None:
    _, warnings = html
    assert len(warnings) == 1
    assert re.search(
        r"notes\.rst:8: WARNING: unité « ville-inconnue » inconnue|"
        r"notes\.rst:8: WARNING: unknown unit 'ville-inconnue'",
        warnings[0],
    )
    assert warnings[0].endswith("[orgchart.unknown-target]")


def test_every_unit_has_a_page(html: tuple[Path, list[str]]) -> None:
    outdir, _ = html
    from sphinx_orgchart.loader import load_package

    data = load_package(DATA / "mini").data
    assert data is not None
    for unit_id in data.units:
        assert (outdir / "org" / f"{unit_id}.html").is_file(), unit_id


def test_pages_nest_like_the_organisation(html: tuple[Path, list[str]]) -> None:
    assert TOCTREES["index"] == ["org/index", "notes"]
    assert TOCTREES["org/index"] == ["org/ville-dg", "org/metro-dg", "org/ville-old"]
    assert TOCTREES["org/ville-dg"] == ["org/ville-res", "org/ville-pop", "org/ville-com"]
    assert TOCTREES["org/ville-res"] == ["org/ville-drh", "org/ville-fin"]
    assert TOCTREES["org/ville-fin"] == ["org/ville-budget"]  # the closed service is apart
    assert TOCTREES["org/ville-pop"][-1] == "org/ville-futur"  # planned: shown, in place


def test_unit_page_content(html: tuple[Path, list[str]]) -> None:
    outdir, _ = html
    page = (outdir / "org" / "ville-drh.html").read_text(encoding="utf-8")
    assert "<h1>Direction des ressources humaines (DRH)" in page
    assert 'id="org-unit-ville-drh"' in page
    for text in (
        "Niveau",
        "Mutualisée avec",
        "service commun",
        "depuis le 1er\u00a0janvier\u00a02020",
        "Responsable",
        "vacant",
        "Missions",
        "Recruter",
        "Sous-unités",
        'href="mailto:drh',
        "tel:0300000001",
        "42 ETP",
        "<strong>les agents</strong>",
    ):
        assert text in page, text
    # Breadcrumb: organisation and parents, linked.
    assert 'href="ville-res.html#org-unit-ville-res"' in page


def test_references(html: tuple[Path, list[str]]) -> None:
    outdir, _ = html
    index = (outdir / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r'href="org/ville-drh\.html#org-unit-ville-drh"[^>]*>'
        r'<span class="xref org org-unit">Direction des ressources humaines \(DRH\)',
        index,
    )
    assert ">DSI mutualisée<" in index  # an explicit title is kept
    assert 'class="orgchart-shared" title="mutualisée\u00a0: Ville, Métropole"' in index
    assert 'href="org/ville-dg.html#org-post-dgs"' in index
    assert 'href="org/index.html#org-organisation-ville"' in index


def test_no_index_block_is_not_a_target(html: tuple[Path, list[str]]) -> None:
    outdir, _ = html
    notes = (outdir / "notes.html").read_text(encoding="utf-8")
    assert "Direction des finances" not in notes.split("<h1>")[0]
    assert 'id="org-unit-ville-fin"' not in notes
    assert "orgchart-breadcrumb" not in notes  # excluded section
    assert "Service budget" in notes


def test_objects_inventory(html: tuple[Path, list[str]]) -> None:
    outdir, _ = html
    inventory = InventoryFile.load(
        (outdir / "objects.inv").open("rb"), "", lambda *a: "/".join(a[1:])
    )
    units = inventory["org:unit"]
    assert units["ville-drh"].uri.endswith("org/ville-drh.html#org-unit-ville-drh")
    assert units["ville-drh"].display_name == "Direction des ressources humaines (DRH)"
    assert "dgs" in inventory["org:post"]
    assert "ville" in inventory["org:organisation"]


def test_indices(html: tuple[Path, list[str]]) -> None:
    outdir, _ = html
    units = (outdir / "org-units.html").read_text(encoding="utf-8")
    assert "Index des unités" in units
    assert units.index("DRH") < units.index("DSI")
    shared = (outdir / "org-shared.html").read_text(encoding="utf-8")
    assert "Unités mutualisées" in shared
    assert "<strong>Service commun</strong>" in shared  # a heading of the index
    assert "Direction des systèmes d&#39;information (DSI)" in shared


def test_french_sort() -> None:
    words = ["Zèbre", "éducation", "Enfance", "école", "Eau", "œuvres", "Ordre"]
    assert sorted(words, key=french_key) == [
        "Eau",
        "école",
        "éducation",
        "Enfance",
        "œuvres",
        "Ordre",
        "Zèbre",
    ]


@pytest.mark.parametrize(
    "builder", ["text", "latex", "dirhtml", "singlehtml", "epub", "man", "texinfo"]
)
def test_every_builder(builder: str, tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path / "src")
    app, warnings = build(srcdir, builder)
    lines = [w for w in warning_lines(warnings) if "ville-inconnue" not in w]
    assert lines == []
    outputs = [p for p in Path(app.outdir).rglob("*") if p.is_file()]
    assert outputs


def test_text_output(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path / "src")
    app, _ = build(srcdir, "text")
    page = (Path(app.outdir) / "org" / "ville-drh.txt").read_text(encoding="utf-8")
    assert "Direction des ressources humaines (DRH)" in page
    assert "Mutualisée avec" in page
    index = " ".join((Path(app.outdir) / "index.txt").read_text(encoding="utf-8").split())
    assert "(mutualisée : Ville, Métropole)" in index


def test_latex_output(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path / "src")
    app, _ = build(srcdir, "latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "Direction des ressources humaines (DRH)" in tex
    assert "(mutualisée\u00a0: Ville, Métropole)" in tex
    assert "Index des unités" in tex
