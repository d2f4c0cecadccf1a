"""Reproducible output: the same data gives the same handbook and the same export, byte for
byte, wherever and whenever it is built.

Compared: every ``.html`` page, ``objects.inv``, ``searchindex.js`` and the generated unit
pages (``org/*.rst`` and the digests of their manifest). Not compared: the pickled doctrees
and environment in ``.doctrees/``, which hold absolute source paths by design, and the file
sizes and times the page manifest keeps to avoid reading pages again (caches, not outputs).

The only dates a page prints come from Sphinx (``|today|``, ``html_last_updated_fmt``,
LaTeX's ``\\date``), and ``SOURCE_DATE_EPOCH`` fixes them; the extension prints only the
dates written in the data. The PDFs Graphviz draws (charts, posters, ``sphinx-orgchart
render``) carry cairo's clock time unless ``SOURCE_DATE_EPOCH`` replaces it.

The example handbook (``docs/handbook`` on ``example_org``, with two posters added) is built
twice from scratch, HTML and LaTeX, and the output folders compared whole.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest

from sphinx_orgchart.cli import main
from sphinx_orgchart.export import package_json
from sphinx_orgchart.loader import load_package
from sphinx_orgchart.sphinx.pages import MANIFEST

from .audit import compare_trees
from .sphinx_helpers import DATA, build, warning_lines

ROOT = Path(__file__).resolve().parent.parent

CONF = """\
project = "Manuel de Mini"
extensions = ["sphinx_orgchart"]
orgchart_data = "../data"
language = "fr"
html_theme = "basic"
html_last_updated_fmt = "%d %B %Y"
today_fmt = "%d/%m/%Y"
"""

INDEX = """\
Manuel
======

À jour le |today|.

.. toctree::

   org/index

.. org:levels::

.. org:shared::

.. org:directory::

.. org:objectives::

.. org:body:: codir
"""

EPOCH, EPOCH_DAY, EPOCH_LONG = "1700000000", "14/11/2023", "14 novembre 2023"
OTHER_EPOCH, OTHER_DAY, OTHER_LONG = "1800000000", "15/01/2027", "15 janvier 2027"


def project(root: Path) -> Path:
    """A handbook on ``tests/data/mini`` in ``root``; returns its source folder."""
    shutil.copytree(DATA / "mini", root / "data")
    srcdir = root / "src"
    srcdir.mkdir(parents=True)
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    (srcdir / "index.rst").write_text(INDEX, encoding="utf-8")
    return srcdir


def outputs(srcdir: Path, builder: str = "html") -> dict[str, bytes]:
    """Build; return the files that are the output, and the generated pages, by path."""
    app, warnings = build(srcdir, builder)
    assert warning_lines(warnings) == []
    outdir = Path(app.outdir)
    files = {
        f"out/{p.relative_to(outdir).as_posix()}": p.read_bytes()
        for p in sorted(outdir.rglob("*"))
        if p.is_file() and ".doctrees" not in p.parts and p.name != ".buildinfo"
    }
    pages = srcdir / "org"
    files.update(
        {f"src/org/{p.name}": p.read_bytes() for p in sorted(pages.iterdir()) if p.is_file()}
    )
    files[f"src/org/{MANIFEST}"] = _digests_only(files[f"src/org/{MANIFEST}"])
    return files


def _digests_only(manifest: bytes) -> bytes:
    """The page manifest without the file times it keeps to avoid reading pages again."""
    entries = json.loads(manifest)
    digests = {name: e[0] if isinstance(e, list) else e for name, e in entries.items()}
    return json.dumps(digests, sort_keys=True).encode()


def differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    """Paths present in only one of the builds, or with different contents."""
    return sorted(
        path for path in first.keys() | second.keys() if first.get(path) != second.get(path)
    )


@pytest.fixture
def epoch(monkeypatch: pytest.MonkeyPatch) -> str:
    """Builds happen at a fixed moment."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return EPOCH


@pytest.mark.usefixtures("epoch")
def test_two_folders_give_byte_identical_handbooks(tmp_path: Path) -> None:
    first = outputs(project(tmp_path / "a"))
    second = outputs(project(tmp_path / "un dossier" / "bien plus long, accentué"))
    assert len([p for p in first if p.endswith(".html")]) >= 19
    assert {"out/objects.inv", "out/searchindex.js", f"src/org/{MANIFEST}"} <= set(first)
    assert differences(first, second) == []


@pytest.mark.usefixtures("epoch")
def test_a_rebuild_from_scratch_gives_a_byte_identical_handbook(tmp_path: Path) -> None:
    srcdir = project(tmp_path / "manuel")
    first = outputs(srcdir)
    shutil.rmtree(srcdir / "_build")
    shutil.rmtree(srcdir / "org")
    assert differences(first, outputs(srcdir)) == []


def _charts(files: dict[str, bytes]) -> dict[str, bytes]:
    return {k: v for k, v in files.items() if re.fullmatch(r"out/orgchart-\w+\.pdf", k)}


@pytest.mark.usefixtures("epoch")
def test_the_latex_source_is_reproducible(tmp_path: Path) -> None:
    """Charts apart (see the next test), the LaTeX output is the same in two folders."""
    first = outputs(project(tmp_path / "a"), "latex")
    second = outputs(project(tmp_path / "b"), "latex")
    assert set(_charts(first)) == set(_charts(second))
    assert (
        differences(
            {k: v for k, v in first.items() if k not in _charts(first)},
            {k: v for k, v in second.items() if k not in _charts(second)},
        )
        == []
    )
    tex = next(v for k, v in first.items() if k.endswith(".tex")).decode("utf-8")
    assert f"\\date{{{EPOCH_DAY}}}" in tex


@pytest.mark.usefixtures("epoch")
def test_chart_pdfs_are_dated_by_source_date_epoch(tmp_path: Path) -> None:
    """The PDF charts of the LaTeX output are drawn by Graphviz through cairo, which writes
    the clock's time as /CreationDate (cairo 1.16 ignores SOURCE_DATE_EPOCH): two builds
    give different PDFs. Their date must be the build's fixed moment (or none)."""
    charts = _charts(outputs(project(tmp_path / "a"), "latex"))
    if not charts:
        pytest.skip("this handbook has no chart in its LaTeX output")
    for name, pdf in charts.items():
        dates = re.findall(rb"/CreationDate \(D:(\d{8})", pdf)
        assert dates in ([], [b"20231114"]), (name, dates)


def test_source_date_epoch_sets_every_date_a_page_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two builds at two moments differ only by the dates Sphinx prints, and those are the
    moments given: the extension prints no date of its own."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first = outputs(project(tmp_path / "a"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", OTHER_EPOCH)
    second = outputs(project(tmp_path / "b"))
    index = first["out/index.html"].decode("utf-8")
    assert EPOCH_DAY in index
    assert EPOCH_LONG in index
    unit_page = first["out/org/ville-drh.html"].decode("utf-8")
    assert EPOCH_LONG in unit_page
    moved = {
        path: data.replace(OTHER_DAY.encode(), EPOCH_DAY.encode()).replace(
            OTHER_LONG.encode(), EPOCH_LONG.encode()
        )
        for path, data in second.items()
    }
    assert differences(first, moved) == []


def test_the_json_export_is_identical_wherever_the_package_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = ROOT / "example_org"
    texts = []
    for folder in ("a", "un autre dossier/plus profond"):
        copy = tmp_path / folder / "organisation"
        shutil.copytree(example, copy)
        result = load_package(copy)
        assert result.data is not None
        texts.append(package_json(result.data))
        assert main(["export", str(copy), "-o", str(tmp_path / folder / "export.json")]) == 0
    assert texts[0] == texts[1]
    first, second = (tmp_path / f / "export.json" for f in ("a", "un autre dossier/plus profond"))
    assert first.read_bytes() == second.read_bytes() == texts[0].encode("utf-8")
    capsys.readouterr()


POSTERS = """

Affiches
--------

.. org:poster:: ville

.. org:poster:: ville-pole-rm
   :paper: a4
"""


def handbook(root: Path) -> Path:
    """A copy of the example handbook and its package in ``root``, with two posters."""
    shutil.copytree(ROOT / "example_org", root / "example_org")
    srcdir = root / "docs" / "handbook"
    shutil.copytree(
        ROOT / "docs" / "handbook", srcdir, ignore=shutil.ignore_patterns("_build", "org")
    )
    with (srcdir / "organigramme.rst").open("a", encoding="utf-8") as page:
        page.write(POSTERS)
    return srcdir


def built(srcdir: Path, builder: str) -> Path:
    """Build ``srcdir`` with ``builder`` without a warning; return the output folder."""
    app, warnings = build(srcdir, builder)
    assert warning_lines(warnings) == []
    return Path(app.outdir)


@pytest.mark.usefixtures("epoch")
def test_two_clean_builds_of_the_example_handbook_are_byte_identical(tmp_path: Path) -> None:
    """HTML (posters included) and LaTeX (chart PDFs included), in two folders, at two
    moments of the clock: every file of the output is the same, searchindex.js and
    objects.inv included."""
    first, second = handbook(tmp_path / "a"), handbook(tmp_path / "un dossier, accentué")
    for builder in ("html", "latex"):
        one = built(first, builder)
        time.sleep(1.1)  # cairo's dates are to the second
        other = built(second, builder)
        assert compare_trees(one, other, ignored=(".buildinfo", ".doctrees")) == []
        if builder == "html":
            posters = sorted((one / "_downloads").glob("organigramme-*.pdf"))
            assert len(posters) == 2
        else:
            posters = sorted(one.glob("orgchart-*.pdf"))
            assert posters
        for pdf in posters:
            assert re.findall(rb"/CreationDate \(D:(\d{8})", pdf.read_bytes()) == [b"20231114"]
    assert (first / "org" / "index.rst").is_file()
    assert compare_trees(first / "org", second / "org", ignored=(MANIFEST,)) == []


@pytest.mark.usefixtures("epoch")
def test_render_pdf_is_byte_identical(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``sphinx-orgchart render --format pdf`` twice, a second apart: the same bytes."""
    files = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    for number, target in enumerate(files):
        if number:
            time.sleep(1.1)
        args = ["render", str(ROOT / "example_org"), "--format", "pdf", "-o", str(target)]
        assert main(args) == 0
    assert files[0].read_bytes() == files[1].read_bytes()
    assert re.findall(rb"/CreationDate \(D:(\d{8})", files[0].read_bytes()) == [b"20231114"]
    capsys.readouterr()
