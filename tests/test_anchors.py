"""Anchors: every block links lead to is a target LaTeX labels, and ids made from data are
unique per occurrence of a directive (root ``test-anchors``: each list twice on a page)."""

from __future__ import annotations

import importlib.util
import re
import shutil
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from .audit import audit_html, audit_latex
from .audit import latex as audit_latex_module
from .sphinx_helpers import build, copy_root, make_pdf, warning_lines

ROOT = Path(__file__).resolve().parent.parent
needs_xelatex = pytest.mark.skipif(
    shutil.which("xelatex") is None or shutil.which("pdftotext") is None,
    reason="needs the LaTeX toolchain and pdftotext",
)


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = copy_root("anchors", tmp_path_factory.mktemp("anchors") / "src")
    app, warnings = build(srcdir, "html")
    assert warning_lines(warnings) == []
    return Path(app.outdir)


@pytest.fixture(scope="module")
def latex(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = copy_root("anchors", tmp_path_factory.mktemp("anchors-latex") / "src")
    app, warnings = build(srcdir, "latex")
    assert warning_lines(warnings) == []
    return Path(app.outdir)


def check_pdf() -> ModuleType:
    """``scripts/check_pdf.py``, imported from its file."""
    spec = importlib.util.spec_from_file_location("check_pdf", ROOT / "scripts" / "check_pdf.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- HTML -------------------------------------------------------------------------------


def test_no_id_twice_in_a_page(html: Path) -> None:
    report = audit_html(html)
    assert report.problems == []
    page = (html / "listes.html").read_text(encoding="utf-8")
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert [i for i, n in ids.items() if n > 1] == []


def test_first_occurrence_keeps_the_id_links_lead_to(html: Path) -> None:
    page = (html / "listes.html").read_text(encoding="utf-8")
    index = (html / "index.html").read_text(encoding="utf-8")
    # The unit block links its sharing and its head to the rows of the first lists.
    for anchor in ("org-shared-entry-ville-drh", "org-directory-entry-ville-drh"):
        assert f'href="listes.html#{anchor}"' in index
        assert page.count(f'id="{anchor}"') == 1
        assert f'id="{anchor}-2"' not in page  # rows no link leads to need no id
    # Each event is a target in both lists of changes, the first one with the plain id.
    events = re.findall(r'<dt id="(org-event-[^"]+)"', page)
    assert "org-event-evt-2027-creations" in events
    assert "org-event-evt-2027-creations-2" in events
    assert events.index("org-event-evt-2027-creations") < events.index(
        "org-event-evt-2027-creations-2"
    )


def test_each_comparison_links_back_to_its_own_chart(html: Path) -> None:
    page = (html / "listes.html").read_text(encoding="utf-8")
    blocks = re.split(r'<div class="orgchart-chart-block[^"]*" id="', page)[1:]
    back: dict[str, str] = {}
    for block in blocks:
        block_id = block.split('"', 1)[0]
        link = re.search(r'class="orgchart-back"><a [^>]*href="#([^"]+)"', block)
        if link:
            back[block_id] = link.group(1)
    overviews = {b.split('"', 1)[0] for b in blocks} - set(back)
    assert overviews == {"orgchart-compare-ville", "orgchart-compare-ville-2"}
    assert back, "the comparisons are split into detailed charts"
    for block_id, target in back.items():
        assert block_id.startswith(target + "--"), (block_id, target)
    assert sum(1 for t in back.values() if t == "orgchart-compare-ville-2") == len(back) // 2


def test_detailed_chart_links_of_each_svg_stay_in_its_comparison(html: Path) -> None:
    page = (html / "listes.html").read_text(encoding="utf-8")
    svgs = re.findall(r'data="(_images/orgchart-[0-9a-f]+\.svg)"', page)
    targets = [
        set(re.findall(r'href="\.\./listes\.html#([^"]+)"', (html / svg).read_text("utf-8")))
        for svg in svgs
    ]
    linking = [t for t in targets if t]
    assert len(linking) == 2  # the two overviews
    assert all(t.startswith("orgchart-compare-ville--") for t in linking[0])
    assert all(t.startswith("orgchart-compare-ville-2--") for t in linking[1])


def test_describing_an_object_twice_on_a_page_warns(tmp_path: Path) -> None:
    srcdir = copy_root("anchors", tmp_path / "src")
    with (srcdir / "listes.rst").open("a", encoding="utf-8") as rst:
        rst.write("\nEncore\n------\n\n.. org:unit:: ville-daj\n\n.. org:unit:: ville-daj\n")
    app, warnings = build(srcdir, "html")
    lines = warning_lines(warnings)
    assert len(lines) == 1
    assert "already described in listes" in lines[0]
    assert "[orgchart.duplicate]" in lines[0]
    page = (Path(app.outdir) / "listes.html").read_text(encoding="utf-8")
    assert page.count('id="org-unit-ville-daj"') == 1


# -- LaTeX ------------------------------------------------------------------------------


def _labels(tex: str) -> Counter[str]:
    return Counter(m.replace(r"\detokenize{", "") for m in re.findall(r"\\label\{(.*?)\}\}", tex))


def _references(tex: str) -> set[str]:
    refs = set(re.findall(r"\\hyperref\[\\detokenize\{(.*?)\}\]", tex))
    for doc, anchor in re.findall(r"\\sphinxstyleindexpageref\{(.*?):\\detokenize\{(.*?)\}\}", tex):
        refs.add(f"{doc}:{anchor}")
    return refs


def test_latex_labels_every_anchor(latex: Path) -> None:
    tex = (latex / "ancres.tex").read_text(encoding="utf-8")
    labels = _labels(tex)
    for label in (
        "index:org-unit-ville-drh",
        "index:org-organisation-ville",
        "index:org-body-ville-codir",
        "index:org-objective-obj-01",
        "index:orgchart-ville-pole-rm",
        "listes:orgchart-compare-ville",
        "listes:orgchart-compare-ville-2",
        "listes:orgchart-compare-ville-2--ville-pole-rm",
        "listes:org-shared-entry-ville-drh",
        "listes:org-directory-entry-ville-drh",
        "listes:org-event-evt-2027-creations-2",
    ):
        assert labels[label] == 1, label
    assert [label for label, n in labels.items() if n > 1] == []
    refs = _references(tex)
    assert "index:org-unit-ville-drh" in refs  # the unit index's page numbers
    assert sorted(refs - set(labels)) == []


@needs_xelatex
def test_pdf_has_no_unresolved_reference(latex: Path) -> None:
    done = make_pdf(latex)
    assert done.returncode == 0, done.stdout[-3000:]
    report = audit_latex(latex)
    assert report.pages == 1
    assert report.problems == []
    assert check_pdf().log_problems(latex / "ancres.log") == []


# -- the PDF check and the audit read logs alike ---------------------------------------

# Lines as xelatex and hyperref write them, broken at 79 characters.
LOG = """\
LaTeX Warning: Hyper reference `org/ville-dg:org-unit-ville-dg' on page 1 undef
ined on input line 111.

LaTeX Warning: Reference `org/ccas-abs:org-unit-ccas-abs' on page 267 undefined
 on input line 33196.

LaTeX Warning: Label `mutualisation:org-shared-entry-ville-drh' multiply define
d.

LaTeX Warning: There were undefined references.
"""


def test_check_pdf_reads_the_log_as_the_audit_does(tmp_path: Path) -> None:
    log = tmp_path / "handbook.log"
    log.write_text(LOG, encoding="utf-8")
    script = check_pdf()
    found = script.log_problems(log)
    assert found == [
        "undefined reference: org/ville-dg:org-unit-ville-dg",
        "undefined reference: org/ccas-abs:org-unit-ccas-abs",
        "multiply defined label: mutualisation:org-shared-entry-ville-drh",
    ]
    audited = audit_latex_module.log_problems(log)
    assert [p.replace(f"{log.name}: ", "") for p in audited] == found
    for name in ("UNDEFINED", "MULTIPLY", "SUMMARY"):
        assert getattr(script, name).pattern == getattr(audit_latex_module, f"_{name}").pattern
    log.write_text("LaTeX Warning: There were multiply-defined labels.\n", encoding="utf-8")
    assert script.log_problems(log) == ["latex summary: multiply-defined labels"]
