"""Every attack of ``tests/hostile_texts.py`` in every text field: refused, located, inert.

Each attack gives its messages in ``validate`` at the YAML line of the text, the same ones
(and no other) as Sphinx warnings, and leaves no trace in the HTML, SVG, text, LaTeX and
PDF outputs: no link with a refused scheme, no redirect, no content of the marker files, no
traceback.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docutils.utils import urischemes

from sphinx_orgchart.cli import main
from sphinx_orgchart.loader import load_package
from sphinx_orgchart.sphinx.domain import OrgDomain
from sphinx_orgchart.textrules import LINKED_SCHEMES, ORG_ROLES, check_text, safe_uri

from .hostile_texts import (
    ATTACKS,
    FIELDS,
    MARKER,
    Written,
    handbook_index,
    write_markers,
    write_package,
)
from .sphinx_helpers import build, make_pdf, warning_lines

CONF = 'project = "Manuel"\nextensions = ["sphinx_orgchart"]\norgchart_data = "../data"\n'
CONF += 'language = "fr"\nlatex_engine = "xelatex"\n'


def test_the_corpus_is_large_enough() -> None:
    assert len(ATTACKS) >= 40
    assert len(FIELDS) == 6


def test_the_lists_match_docutils_and_the_domain() -> None:
    assert set(urischemes.schemes) == LINKED_SCHEMES
    assert set(OrgDomain.roles) == set(ORG_ROLES)


@pytest.mark.parametrize(
    ("uri", "safe"),
    [
        ("https://x.example/a?b=1", True),
        ("mailto:drh@ville.example", True),
        ("tel:+33 3 81 61 50 50", True),
        ("mailto:drh@ville.example?cc=x%40evil.example", False),
        ("mailto:a@b.example,c@d.example", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html,x", False),
        ("//evil.example/", False),
        ("page.html", False),
    ],
)
def test_safe_uri(uri: str, safe: bool) -> None:
    assert safe_uri(uri) is safe


def test_allowed_markup_gives_no_message() -> None:
    text = (
        "Un **fort**, un *faible*, ``code``, :org:unit:`dgs`, :term:`DGS`, `titre`.\n\n"
        "- `site <https://x.example/>`_ et https://y.example/, drh@ville.example\n"
        "- `appeler <tel:+33381615050>`__\n\n"
        "===== =====\nA     B\n===== =====\n1     2\n===== =====\n\n"
        ".. note::\n\n   Une note.\n\n.. _site2: https://z.example/\n\n.. un commentaire\n"
    )
    assert check_text(text) == []


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Written:
    root = tmp_path_factory.mktemp("texts")
    return write_package(root / "data", write_markers(root / "outside"))


def _by_attack(written: Written, lines: Counter[int]) -> dict[tuple[str, int], int]:
    return {
        key: sum(lines[line] for line in range(start, end + 1))
        for key, (start, end) in written.texts.items()
    }


def test_validate_gives_each_attack_its_messages_at_its_line(
    package: Written, capsys: pytest.CaptureFixture[str]
) -> None:
    result = load_package(package.root)
    assert {p.code for p in result.problems} == {"text-markup"}
    lines = Counter(p.line or 0 for p in result.problems)
    counts = _by_attack(package, lines)
    assert counts == {key: ATTACKS[key[0]][1] for key in package.texts}
    assert sum(counts.values()) == sum(lines.values())  # no message outside the texts
    assert main(["validate", str(package.root), "--lang", "en", "-q"]) == 1
    out = capsys.readouterr().out
    assert "Traceback" not in out
    assert MARKER not in out


@pytest.fixture(scope="module")
def builds(package: Written) -> dict[str, tuple[Path, list[str], str]]:
    srcdir = package.root.parent / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    (srcdir / "index.rst").write_text(handbook_index(), encoding="utf-8")
    out = {}
    for builder in ("html", "text", "latex"):
        app, warnings = build(srcdir, builder)
        status = app.status.getvalue()
        out[builder] = (Path(app.outdir), warning_lines(warnings), warnings + status)
    return out


@pytest.mark.parametrize("builder", ["html", "text", "latex"])
def test_sphinx_warns_once_per_mistake_at_the_yaml_line(
    builds: dict[str, tuple[Path, list[str], str]], package: Written, builder: str
) -> None:
    _outdir, warnings, log = builds[builder]
    assert "Traceback" not in log
    assert MARKER not in log
    assert all("[orgchart.text-markup]" in w for w in warnings), [
        w for w in warnings if "[orgchart.text-markup]" not in w
    ]
    data = str(package.root / "orgchart.yaml")
    lines = Counter(int(m[1]) for w in warnings if (m := re.match(re.escape(data) + r":(\d+):", w)))
    assert _by_attack(package, lines) == {key: ATTACKS[key[0]][1] for key in package.texts}


def _files(outdir: Path) -> list[Path]:
    return [p for p in outdir.rglob("*") if p.is_file() and p.suffix not in (".woff", ".woff2")]


@pytest.mark.parametrize("builder", ["html", "text", "latex"])
def test_no_marker_file_reaches_any_output(
    builds: dict[str, tuple[Path, list[str], str]], builder: str
) -> None:
    outdir = builds[builder][0]
    for path in _files(outdir):
        assert MARKER.encode() not in path.read_bytes(), path
        assert not path.name.startswith("marker"), path


class _Links(HTMLParser):
    """Every address an HTML page links to or loads, and its meta elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.uris: list[tuple[str, str]] = []
        self.meta: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self.meta.append(dict(attrs))
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction", "data", "xlink:href", "srcset"):
                self.uris.append((tag, value or ""))


def _allowed_in_output(uri: str) -> bool:
    """Our own links (relative, to pages and static files) or an allowed scheme."""
    scheme = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):", uri)
    return safe_uri(uri) if scheme else "marker" not in uri and "outside" not in uri


def test_html_and_svg_hold_no_refused_link_nor_redirect(
    builds: dict[str, tuple[Path, list[str], str]],
) -> None:
    outdir = builds["html"][0]
    pages = sorted(outdir.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        bad = [(tag, uri) for tag, uri in parser.uris if not _allowed_in_output(uri)]
        assert bad == [], path
        assert not [m for m in parser.meta if m.get("http-equiv")], path
        assert "<script>alert" not in path.read_text(encoding="utf-8"), path
    for svg in outdir.rglob("*.svg"):
        text = svg.read_text(encoding="utf-8")
        assert "javascript" not in text.lower(), svg
        assert "<script" not in text, svg


def test_latex_inputs_no_file_and_links_only_allowed_schemes(
    builds: dict[str, tuple[Path, list[str], str]],
) -> None:
    outdir = builds["latex"][0]
    (tex,) = outdir.glob("*.tex")
    source = tex.read_text(encoding="utf-8")
    assert not re.search(
        r"(?<!\\textbackslash\{\})\\(input|include|includegraphics)\{[^}]*marker", source
    )
    for uri in re.findall(r"\\(?:sphinxhref|href|sphinxurl|url)\{([^}]*)\}", source):
        assert _allowed_in_output(uri.replace("\\", "")), uri


@pytest.mark.skipif(
    shutil.which("xelatex") is None or shutil.which("pdftotext") is None,
    reason="needs the LaTeX toolchain (scripts/install-system-deps.sh latex)",
)
def test_the_pdf_holds_no_marker(builds: dict[str, tuple[Path, list[str], str]]) -> None:
    outdir = builds["latex"][0]
    done = make_pdf(outdir)
    assert done.returncode == 0, done.stdout[-3000:]
    assert MARKER not in done.stdout + done.stderr
    text = subprocess.run(
        ["pdftotext", str(outdir / "manuel.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert MARKER not in text
    assert "Unité 1" in text
    for log in outdir.glob("*.log"):
        assert MARKER not in log.read_text(encoding="utf-8", errors="replace"), log
