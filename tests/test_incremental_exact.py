"""An incremental build gives the same files as a clean build of the same sources.

The property: from a built handbook that shows everything (``tests/roots/test-incremental``:
charts, poster, directory, levels, shared units, bodies, objectives, changes, comparison,
unit pages), random sequences of valid edits of the data (``tests/fuzz/edits.py``) are
applied; after each edit, the handbook is built again in place, and every output file must
equal a clean build's (``tests.audit.compare_trees``). Then one regression test for each
case found stale.

How many sequences: ``ORGCHART_FUZZ_EDIT_EXAMPLES`` (default 3, derandomized under the
``ci`` profile; ``make fuzz`` runs 1,000), counted in the fuzz report.
"""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_orgchart.loader import load_package

from .audit import compare_trees
from .fuzz.edits import apply_random_edit, copy_sources, read_documents
from .fuzz.profiles import examples, fuzz_settings
from .fuzz.report import FuzzReport, register
from .sphinx_helpers import build, copy_root

EDIT_EXAMPLES_VARIABLE = "ORGCHART_FUZZ_EDIT_EXAMPLES"
EDIT_CASES = fuzz_settings(examples(EDIT_EXAMPLES_VARIABLE, 3))
MAX_EDITS = 3


@pytest.fixture(scope="module")
def report(pytestconfig: pytest.Config) -> FuzzReport:
    """The session's count of generated cases."""
    return register(pytestconfig)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The handbook built once (``project``), and a copy of it to start each sequence from."""
    work = tmp_path_factory.mktemp("incremental")
    srcdir = copy_root("incremental", work / "project")
    build(srcdir)
    saved = work / "saved"
    shutil.copytree(srcdir, saved)
    return srcdir, saved


def restart(built: tuple[Path, Path]) -> Path:
    """The built handbook, as it was before any edit (same folder: same environment)."""
    srcdir, saved = built
    shutil.rmtree(srcdir)
    shutil.copytree(saved, srcdir)
    return srcdir


@pytest.fixture(autouse=True, scope="module")
def reproducible_dates() -> Iterator[None]:
    """Dates of the PDFs (posters, charts) from ``SOURCE_DATE_EPOCH``: two builds of the same
    sources give the same bytes, so the comparison needs no exception."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        yield


def differences(srcdir: Path, builder: str = "html", **kwargs: Any) -> list[str]:
    """Build ``srcdir`` again, and a copy of its sources from scratch; what differs, with the
    first lines that differ in the first file."""
    build(srcdir, builder, **kwargs)
    clean = srcdir.parent / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    copy_sources(srcdir, clean)
    build(clean, builder, **kwargs)
    ours, theirs = srcdir / "_build" / builder, clean / "_build" / builder
    problems = compare_trees(ours, theirs)
    for problem in problems[:1]:
        if problem.startswith("differs: "):
            name = problem.removeprefix("differs: ")
            try:
                old = (ours / name).read_text("utf-8").splitlines()
                new = (theirs / name).read_text("utf-8").splitlines()
            except UnicodeDecodeError:
                continue
            diff = difflib.unified_diff(old, new, "incremental", "clean", n=0, lineterm="")
            problems.append("\n".join(list(diff)[:12]))
    return problems


@EDIT_CASES
@given(data=st.data())
def test_incremental_build_equals_clean_build(
    report: FuzzReport, built: tuple[Path, Path], data: st.DataObject
) -> None:
    """After each valid edit of a sequence, building again gives a clean build's files."""
    with report.case("incremental: edit sequences"):
        srcdir = restart(built)
        root = srcdir / "data"
        documents = read_documents(root)
        done: list[str] = []
        for _ in range(data.draw(st.integers(1, MAX_EDITS), label="edits")):
            documents, what = apply_random_edit(data.draw, root, documents)
            done.append(what)
            assert load_package(root).problems == []
            assert differences(srcdir) == [], done


# -- the cases found stale, one by one --------------------------------------------------


@pytest.fixture
def project(built: tuple[Path, Path]) -> Path:
    """The built handbook, before any edit."""
    return restart(built)


def edit(srcdir: Path, name: str, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` once in the data file ``name``; the package stays valid."""
    path = srcdir / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert load_package(srcdir / "data").problems == []


def assert_exact(srcdir: Path, builder: str = "html") -> None:
    """Building again gives the files of a clean build."""
    assert differences(srcdir, builder) == []


def test_an_orientation_title_is_seen_in_the_objectives(project: Path) -> None:
    edit(project, "projet.yaml", "title: Un service public proche", "title: Un service public près")
    assert_exact(project)
    page = (project / "_build" / "html" / "projet.html").read_text("utf-8")
    assert "Un service public près des usagers" in page


def test_an_objective_title_is_seen_in_the_objectives(project: Path) -> None:
    edit(project, "projet.yaml", "title: Simplifier les démarches", "title: Alléger les démarches")
    assert_exact(project)


def test_an_answer_is_seen_in_the_answers_and_on_its_unit_page(project: Path) -> None:
    edit(project, "projet.yaml", "tient le plan pluriannuel", "tient la prospective")
    assert_exact(project)
    html = project / "_build" / "html"
    assert "tient la prospective" in (html / "projet.html").read_text("utf-8")
    assert "tient la prospective" in (html / "org" / "ville-budget.html").read_text("utf-8")


def test_an_answer_moved_to_another_unit_leaves_both_pages_right(project: Path) -> None:
    edit(project, "projet.yaml", "- unit: ville-budget", "- unit: ville-fin")
    assert_exact(project)
    html = project / "_build" / "html"
    assert "plan pluriannuel" not in (html / "org" / "ville-budget.html").read_text("utf-8")
    assert "plan pluriannuel" in (html / "org" / "ville-fin.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("name: Ville de Mini", "name: Commune de Mini"),
        ("short_name: Ville", "short_name: Cité"),
    ],
)
def test_an_organisation_name_is_seen_everywhere(project: Path, old: str, new: str) -> None:
    """Gouvernance (the body's organisation), the shared units' tables, the charts' alt
    texts, the unit pages."""
    edit(project, "orgchart.yaml", old, new)
    assert_exact(project)


def test_an_organisation_name_is_seen_in_the_latex(project: Path) -> None:
    build(project, "latex")
    edit(project, "orgchart.yaml", "name: Ville de Mini", "name: Commune de Mini")
    assert_exact(project, "latex")


def test_a_level_label_is_seen_in_the_directory(project: Path) -> None:
    edit(
        project,
        "orgchart.yaml",
        "name: {fr: Service, en: Service}",
        "name: {fr: Bureau, en: Office}",
    )
    assert_exact(project)
    assert "Bureau" in (project / "_build" / "html" / "annuaire.html").read_text("utf-8")


def test_a_level_label_is_seen_in_the_rollup_of_the_objectives(project: Path) -> None:
    """Found by the property test: the roll-up table is headed by the level's label."""
    edit(project, "orgchart.yaml", "name: {fr: Pôle, en: Division}", "name: {fr: Accueil}")
    assert_exact(project)


def test_a_category_name_is_seen_in_the_legend_and_the_poster(project: Path) -> None:
    before = sorted(p.name for p in (project / "_build" / "html" / "_downloads").iterdir())
    edit(project, "orgchart.yaml", "name: {fr: Pôle fonctionnel", "name: {fr: Pôle support")
    assert_exact(project)
    after = sorted(p.name for p in (project / "_build" / "html" / "_downloads").iterdir())
    assert after != before  # the poster is drawn again, the old one removed


def test_moving_a_unit_changes_the_examples_of_its_level(project: Path) -> None:
    """The glossary's "For example" lists the first units of each level, in the data's
    order: moving a unit to another parent changes it."""
    block = (
        "      - id: ville-com\n        name: Direction de la communication\n"
        "        level: direction\n        direct_report: true\n"
        "        head: {title: Directeur de la communication}\n"
    )
    glossary = project / "_build" / "html" / "glossaire.html"
    before = glossary.read_text("utf-8")
    path = project / "data" / "ville" / "units.yaml"
    path.write_text(path.read_text("utf-8").replace(block, ""), "utf-8")
    moved = block.replace("\n      ", "\n          ").replace("      - id", "          - id", 1)
    path.write_text(
        path.read_text("utf-8") + moved.replace("direct_report: true", "order: 9"), "utf-8"
    )
    assert load_package(project / "data").problems == []
    assert_exact(project)
    assert glossary.read_text("utf-8") != before


def test_units_with_the_same_label_keep_their_order_in_the_index(project: Path) -> None:
    """Two "Direction générale des services (DGS)": the index sorts them by id too, so that
    re-reading only one of them leaves them where a clean build puts them."""
    edit(
        project,
        "metropole/units.yaml",
        "    head: {id: dgs-metro",
        "    staff: 3\n    head: {id: dgs-metro",
    )
    assert_exact(project)
    index = (project / "_build" / "html" / "org-units.html").read_text("utf-8")
    assert index.index("metro-dg.html") < index.index("ville-dg.html")


@pytest.mark.parametrize("builder", ["html", "dirhtml", "text"])
def test_the_output_of_a_removed_unit_goes(project: Path, builder: str) -> None:
    if builder != "html":
        build(project, builder)
    edit(
        project,
        "ville/units.yaml",
        "              - id: ville-carrieres\n                name: Service carrières\n"
        "                level: service\n                head: {title: Cheffe du service "
        "carrières}\n",
        "",
    )
    assert_exact(project, builder)
    assert not list((project / "_build" / builder).rglob("ville-carrieres*"))


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        # adding a unit: its siblings' previous/next links and every sidebar show it
        (
            "ville/units.yaml",
            "              - id: ville-old\n",
            "              - id: ville-new\n                name: Service nouveau\n"
            "                level: service\n                head: {title: Chef}\n"
            "              - id: ville-old\n",
        ),
        # moving a unit under another parent
        (
            "metropole/units.yaml",
            "    parent: metro-dg\n    attachments",
            "    parent: ville-pop\n    attachments",
        ),
        # renaming a unit: the title of its page, in the others' navigation
        ("ville/units.yaml", "name: Service budget", "name: Service du budget"),
    ],
)
def test_the_navigation_around_an_edited_unit_is_written_again(
    project: Path, name: str, old: str, new: str
) -> None:
    edit(project, name, old, new)
    assert_exact(project)


def test_a_parallel_incremental_build_equals_a_clean_build(project: Path) -> None:
    """Reading with -j 2 after adding a unit: the same files as a clean serial build."""
    edit(
        project,
        "ville/units.yaml",
        "              - id: ville-old\n",
        "              - id: ville-new\n                name: Service nouveau\n"
        "                level: service\n                head: {title: Chef}\n"
        "              - id: ville-old\n",
    )
    build(project, parallel=2)
    assert differences(project) == []


def test_a_theme_that_shows_the_whole_tree_gets_every_page_written(project: Path) -> None:
    """Without a collapsed sidebar, every page shows every title: all are written again."""
    whole_tree = {"html_theme_options": {"sidebar_collapse": False}}
    build(project, confoverrides=whole_tree)
    edit(project, "ville/units.yaml", "name: Service budget", "name: Service du budget")
    assert differences(project, confoverrides=whole_tree) == []


def test_two_clean_builds_are_identical(tmp_path: Path) -> None:
    first = copy_root("incremental", tmp_path / "first")
    second = copy_root("incremental", tmp_path / "second")
    build(first)
    build(second)
    ours, theirs = first / "_build" / "html", second / "_build" / "html"
    assert compare_trees(ours, theirs) == []


def test_removing_a_sigle_of_a_unit_shared_into_another_chart(project: Path) -> None:
    """Found by the edit property test: the Métropole's DGS loses its sigle."""
    edit(project, "metropole/units.yaml", "    sigle: DGS\n    level: dg\n", "    level: dg\n")
    assert_exact(project)


def test_a_second_top_unit_moves_the_shared_units_out_of_the_first(project: Path) -> None:
    """Found by the edit property test: a top unit added to the Métropole, which had one,
    takes the box of its shared units out of the DGS's chart (it now stands beside the
    tops), so the DGS's page is read again."""
    added = project / "data" / "ajouts" / "new-1.yaml"
    added.parent.mkdir()
    added.write_text(
        "units:\n  - id: new-1\n    name: Mission nouvelle\n    level: dg\n"
        "    organisation: metropole\n    head: {title: Chef}\n",
        encoding="utf-8",
    )
    assert load_package(project / "data").problems == []
    assert_exact(project)
