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
import re
import shutil
from pathlib import Path

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


CREATION_DATE = re.compile(rb"/CreationDate \(D:[0-9Z+'-]*\)")


def same_pdf(problem: str, ours: Path, theirs: Path) -> bool:
    """Whether a PDF that differs differs only by its /CreationDate (the time it was drawn:
    a reproducible date for the posters is another change; this one is about content)."""
    name = problem.removeprefix("differs: ")
    if not (problem.startswith("differs: ") and name.endswith(".pdf")):
        return False
    left, right = ((folder / name).read_bytes() for folder in (ours, theirs))
    return CREATION_DATE.sub(b"", left) == CREATION_DATE.sub(b"", right)


def differences(srcdir: Path, builder: str = "html") -> list[str]:
    """Build ``srcdir`` again, and a copy of its sources from scratch; what differs, with the
    first lines that differ in the first file."""
    build(srcdir, builder)
    clean = srcdir.parent / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    copy_sources(srcdir, clean)
    build(clean, builder)
    ours, theirs = srcdir / "_build" / builder, clean / "_build" / builder
    problems = [p for p in compare_trees(ours, theirs) if not same_pdf(p, ours, theirs)]
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
