"""The hostile corpus (``tests/data/hostile``): names that are markup must print as text.

The package is valid; its names, sigles, missions, contacts and post titles hold HTML and
scripts, DOT syntax, LaTeX commands and special characters, reStructuredText markup,
right-to-left text and bidi controls, emoji, a 500-character name, names starting with ``-``
or ``#``. In HTML (parsed with the standard library's parser), text and LaTeX each one must
come out literally, and nothing from the data may become an element, an attribute or a
command. Descriptions are reStructuredText: their markup is rendered, but ``raw`` and
``include`` are refused with a warning at the YAML line.

The handbook sets ``smartquotes = False`` so that names compare character for character;
what SmartQuotes does to names is tested on its own.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from sphinx.util.texescape import escape as tex_escape

from sphinx_orgchart.cli import main
from sphinx_orgchart.data import OrgData
from sphinx_orgchart.export import package_json
from sphinx_orgchart.loader import load_package
from sphinx_orgchart.model import Unit
from sphinx_orgchart.wording import typeset

from .browser import browser_page, needs_chromium, serve
from .sphinx_helpers import DATA, build, make_pdf, warning_lines

CORPUS = DATA / "hostile"
SECRET = "SECRET-CONTENT-OF-A-FILE-OUTSIDE-THE-PROJECT"
TEXT_MARKUP = "[orgchart.text-markup]"

CONF = """\
project = "Manuel"
extensions = ["sphinx_orgchart"]
orgchart_data = "../data"
language = "fr"
smartquotes = False
"""

DIRECTIVES = """

.. org:chart:: ville
   :depth: 3

.. org:levels::

.. org:shared::

.. org:directory::

.. org:body:: codir

.. org:objectives::
"""


def corpus() -> OrgData:
    """The hostile package, loaded."""
    result = load_package(CORPUS)
    assert result.data is not None
    return result.data


def unit_texts(unit: Unit, addresses: bool = True) -> Iterator[str]:
    """Every text of a unit that its page shows (email and website when ``addresses``)."""
    yield unit.name
    if unit.sigle:
        yield unit.sigle
    yield from (m for m in unit.missions if m)
    for post in [unit.head, *unit.posts]:
        if post is not None:
            yield post.title
            if post.abbr:
                yield post.abbr
    if unit.contact:
        contact = unit.contact
        texts = [contact.address, contact.site, contact.hours]
        if addresses:
            texts += [contact.email, contact.website]
        yield from (text for text in texts if text)
    for partnership in unit.shared:
        if partnership.allocation:
            yield partnership.allocation


def write_handbook(root: Path, index_body: str, data: Path = CORPUS, conf: str = CONF) -> Path:
    """A handbook in ``root/src`` reading a copy of the package ``data`` in ``root/data``."""
    shutil.copytree(data, root / "data")
    srcdir = root / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(conf, encoding="utf-8")
    index = "Manuel\n======\n\n.. toctree::\n\n   org/index\n\n" + index_body
    (srcdir / "index.rst").write_text(index, encoding="utf-8")
    (root / "secret-include.rst").write_text(SECRET, encoding="utf-8")
    return srcdir


def _links(data: OrgData) -> str:
    roles = [f":org:unit:`{uid}`" for uid in data.units]
    roles += [":org:organisation:`ville`", ":org:post:`dgs-post`", ":org:body:`codir`"]
    roles += [":org:objective:`obj-1`", ":org:level:`direction`"]
    return "\n".join(f"- {role}" for role in roles) + "\n"


@dataclass
class Built:
    """One build of the hostile handbook: its output folder and its warnings."""

    outdir: Path
    warnings: list[str]
    root: Path


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The handbook's source folder."""
    return write_handbook(tmp_path_factory.mktemp("hostile"), _links(corpus()) + DIRECTIVES)


@pytest.fixture(scope="module")
def html(handbook: Path) -> Built:
    app, warnings = build(handbook, "html")
    return Built(Path(app.outdir), warning_lines(warnings), handbook.parent)


@pytest.fixture(scope="module")
def text(handbook: Path) -> Built:
    app, warnings = build(handbook, "text")
    return Built(Path(app.outdir), warning_lines(warnings), handbook.parent)


@pytest.fixture(scope="module")
def latex(handbook: Path) -> Built:
    # xelatex, as the quickstart and the recipes say: pdflatex has no Arabic nor Hebrew.
    app, warnings = build(handbook, "latex", confoverrides={"latex_engine": "xelatex"})
    return Built(Path(app.outdir), warning_lines(warnings), handbook.parent)


# -- the data -------------------------------------------------------------------------------


def test_the_hostile_package_loses_nothing_and_refuses_its_directives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = load_package(CORPUS)
    assert [(p.location(CORPUS), p.code) for p in result.problems] == [
        ("orgchart.yaml:27", "text-markup"),
        ("orgchart.yaml:31", "text-markup"),
        ("ville/units.yaml:17", "text-markup"),
        ("ville/units.yaml:21", "text-markup"),
        ("ville/units.yaml:25", "text-markup"),
    ]
    data = result.data
    assert data is not None
    assert data.units["dgs"].name == "<script>alert(1)</script>"
    assert len(data.units["longue"].name) == 500
    assert data.units["eau"].name == "Eau & Assainissement (50 %)"
    exported = tmp_path / "hostile.json"
    exported.write_text(package_json(data), encoding="utf-8")
    again = load_package(exported)
    assert [p.code for p in again.problems] == ["text-markup"] * 5
    assert again.data is not None
    assert again.data.package == data.package
    assert main(["validate", str(CORPUS), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert 'Ville <b>de</b> "Belcourt" & Cie (ville)' in out
    assert 'Métropole "];  x [URL="javascript:alert(1)"] (metropole)' in out


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,x"],
)
def test_only_web_addresses_are_links(url: str, tmp_path: Path) -> None:
    text = (CORPUS / "orgchart.yaml").read_text(encoding="utf-8")
    root = tmp_path / "pkg"
    shutil.copytree(CORPUS, root)
    old = "website: 'https://belcourt.example/{x}?a=1&b=%41#c\\d~^'"
    assert old in text
    (root / "orgchart.yaml").write_text(text.replace(old, f"website: '{url}'"), "utf-8")
    codes = [p.code for p in load_package(root).errors]
    assert [c for c in codes if c != "text-markup"] == ["invalid-value"]


# -- HTML -----------------------------------------------------------------------------------


@dataclass
class Page(HTMLParser):
    """An HTML page as the browser sees it: its elements, attributes and text."""

    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    chunks: list[str] = field(default_factory=list)
    _in_script: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.chunks).append(data)

    @property
    def text(self) -> str:
        """The text of the page."""
        return "".join(self.chunks)


def parse(path: Path) -> Page:
    """Parse one HTML file."""
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def test_the_page_parser_sees_injected_markup() -> None:
    """The checks below can fail: the parser finds what an injection would create."""
    page = Page()
    page.feed('<p><b>x</b><img src=x onerror="y"><a href=" JavaScript:z">&lt;b&gt;</a>')
    page.feed("<script>alert(1)</script></p>")
    assert [tag for tag, _ in page.elements] == ["p", "b", "img", "a", "script"]
    assert page.elements[2][1]["onerror"] == "y"
    assert page.scripts == ["alert(1)"]
    assert page.text == "x<b>"


def test_html_builds_with_only_the_expected_warnings(html: Built) -> None:
    others = [w for w in html.warnings if TEXT_MARKUP not in w]
    assert others == []


def test_no_markup_from_the_data_becomes_html(html: Built) -> None:
    pages = sorted(html.outdir.rglob("*.html"))
    assert len(pages) > 15
    for path in pages:
        page = parse(path)
        tags = {tag for tag, _ in page.elements}
        assert not tags & {"b", "i", "u", "img"}, path  # only the data writes these
        for tag, attrs in page.elements:
            for name, value in attrs.items():
                assert not name.startswith("on"), (path, tag, name)
                if name in ("href", "src", "action", "formaction"):
                    assert not value.strip().lower().startswith("javascript:"), (path, value)
        assert not [s for s in page.scripts if "alert" in s], path


def test_every_name_is_shown_literally_in_html(html: Built) -> None:
    data = corpus()
    for unit in data.units.values():
        page = parse(html.outdir / "org" / f"{unit.id}.html")
        for text in unit_texts(unit):
            # as written, with French spacing only ('"]\u202f;' for '"];')
            assert typeset(text, "fr") in page.text, (unit.id, text)
    index = parse(html.outdir / "org" / "index.html").text
    for org in data.organisations.values():
        assert typeset(org.name, "fr") in index
    home = parse(html.outdir / "index.html").text
    for name in (
        data.bodies["codir"].name,
        data.objectives["obj-1"].title,
        "<em>Direction générale</em>",
        "Direction {}|<>",
    ):
        assert typeset(name, "fr") in home, name
    dgs = parse(html.outdir / "org" / "dgs.html").text
    assert "Pôle <u>fonctionnel</u> & support" in dgs  # the category


def test_links_and_attributes_hold_the_data_as_is(html: Built) -> None:
    page = parse(html.outdir / "org" / "dgs.html")
    # docutils cloaks addresses: '@' is written %40 in the link.
    hrefs = {attrs.get("href", "").replace("%40", "@") for _tag, attrs in page.elements}
    assert "mailto:x&y%z$#_{}~^\\@belcourt.example" in hrefs
    assert "https://belcourt.example/{x}?a=1&b=%41#c\\d~^" in hrefs
    home = parse(html.outdir / "index.html")  # its link to the shared unit 'eau'
    titles = [a["title"] for tag, a in home.elements if tag == "span" and "title" in a]
    assert any('"><script>alert("shared")</script>' in t for t in titles), titles


def test_descriptions_are_restructuredtext(html: Built) -> None:
    source = (html.outdir / "org" / "dgs.html").read_text(encoding="utf-8")
    assert "<strong>gras</strong>" in source
    assert "<em>italique</em>" in source
    index = (html.outdir / "org" / "index.html").read_text(encoding="utf-8")
    assert "<strong>balisage</strong>" in index


def _yaml_lines(path: Path, stripped: str) -> list[int]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [number for number, line in enumerate(lines, 1) if line.strip() == stripped]


def test_raw_and_include_in_descriptions_are_refused_at_their_yaml_line(html: Built) -> None:
    """The directives are refused (nothing of them reaches the output), and the warning
    says where they are written: the YAML file and line, not the generated page; once."""
    outputs = "".join(p.read_text(encoding="utf-8") for p in html.outdir.rglob("*.html"))
    for leaked in ("raw-description", "raw-organisation", "write18", SECRET):
        assert leaked not in outputs
    data = html.root / "data"
    expected = {
        (str(data / "ville" / "units.yaml"), line)
        for marker in (".. raw:: html", ".. raw:: latex", ".. include:: ../../secret-include.rst")
        for line in _yaml_lines(CORPUS / "ville" / "units.yaml", marker)
    }
    expected |= {
        (str(data / "orgchart.yaml"), line)
        for marker in (".. raw:: html", ".. raw:: latex")
        for line in _yaml_lines(CORPUS / "orgchart.yaml", marker)
    }
    assert len(expected) == 5
    found = set()
    assert len([w for w in html.warnings if TEXT_MARKUP in w]) == 5
    for warning in html.warnings:
        if TEXT_MARKUP in warning:
            match = re.match(r"^(?P<path>.+?):(?P<line>\d+): WARNING: ", warning)
            found.add((match["path"], int(match["line"])) if match else (warning, 0))
    assert found == expected


# -- text and LaTeX -------------------------------------------------------------------------


def _squeeze(text: str) -> str:
    """Text without any whitespace (the text builder wraps long lines)."""
    return "".join(text.split())


def test_the_text_builder_shows_every_name_literally(text: Built) -> None:
    assert [w for w in text.warnings if TEXT_MARKUP not in w] == []
    data = corpus()
    for unit in data.units.values():
        page = _squeeze((text.outdir / "org" / f"{unit.id}.txt").read_text(encoding="utf-8"))
        for value in unit_texts(unit):
            assert _squeeze(value) in page, (unit.id, value)
    everything = "".join(p.read_text(encoding="utf-8") for p in text.outdir.rglob("*.txt"))
    for leaked in ("raw-description", "raw-organisation", "write18", SECRET):
        assert leaked not in everything


def _tex(latex: Built) -> str:
    files = sorted(latex.outdir.glob("*.tex"))
    assert len(files) == 1
    return files[0].read_text(encoding="utf-8")


def _normal_tex(text: str) -> str:
    return _squeeze(text.replace(r"\sphinxhyphen{}", "-"))


def test_latex_escapes_every_special_character(latex: Built) -> None:
    assert [w for w in latex.warnings if TEXT_MARKUP not in w] == []
    tex = _tex(latex)
    assert r"Eau \& Assainissement (50 \%)" in tex
    normal = _normal_tex(tex)
    for unit in corpus().units.values():
        for value in unit_texts(unit, addresses=False):
            assert _normal_tex(tex_escape(value, "xelatex")) in normal, (unit.id, value)
    # Addresses go to hyperref's \sphinxurl and \sphinxhref, escaped for them.
    assert r"\sphinxurl{https://belcourt.example/\{x\}?a=1\&b=\%41\#c\textbackslash{}d" in tex
    assert r"\sphinxhref{mailto:x\&y\%z\$\#\_\{\}" in tex
    assert not re.search(r"(?<!\\)%(41|z)", tex)


def test_no_latex_command_comes_from_the_data(latex: Built) -> None:
    tex = _tex(latex)
    for command in (
        r"\section{Injection}",
        r"\input{/etc/passwd}",
        r"\textbf{9h}",
        r"\textbf{Définition}",
        r"\textit{Action}",
        r"\immediate",
        r"\write18",
        "pwned",
        "raw-description",
        "raw-organisation",
        SECRET,
    ):
        assert command not in tex, command
    assert tex.count(r"\end{document}") == 1
    groups = re.sub(r"\\[{}]", "", tex)
    assert groups.count("{") == groups.count("}")


# -- charts: DOT and SVG --------------------------------------------------------------------


def test_svgs_of_the_html_build_link_only_to_pages(html: Built) -> None:
    svgs = sorted((html.outdir / "_images").glob("*.svg"))
    assert svgs
    for path in svgs:
        root = ElementTree.parse(path).getroot()
        for element in root.iter():
            assert not element.tag.endswith(("script", "foreignObject")), path
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), (path, name)
                if name.endswith("href"):
                    assert value.split("#")[0].endswith(".html"), (path, value)
                    assert "javascript" not in value.lower(), (path, value)


# -- a real browser -------------------------------------------------------------------------


@needs_chromium
def test_no_script_from_the_data_runs_in_a_browser(html: Built) -> None:
    """Every page of the hostile handbook in headless Chromium, charts loaded: no dialog
    opens (the corpus's scripts call alert), no element from the data exists."""
    pages = sorted(p.relative_to(html.outdir).as_posix() for p in html.outdir.rglob("*.html"))
    pages = [p for p in pages if not p.startswith(("_", "genindex", "search"))]
    dialogs: list[str] = []
    with serve(html.outdir) as base, browser_page() as page:
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for name in pages:
            page.goto(base + name, wait_until="load")
            injected = page.evaluate(
                "() => [...document.querySelectorAll('b, u, img[onerror], [onclick]')]"
                ".map(e => e.outerHTML)"
            )
            assert injected == [], (name, injected)
        page.goto(base + "index.html", wait_until="load")
        page.wait_for_timeout(500)  # the charts' <object> documents
    assert dialogs == []


# -- PDF ------------------------------------------------------------------------------------


@pytest.mark.skipif(
    shutil.which("xelatex") is None or shutil.which("pdftotext") is None,
    reason="needs the LaTeX toolchain (scripts/install-system-deps.sh latex)",
)
def test_the_hostile_handbook_compiles_to_pdf(latex: Built) -> None:
    done = make_pdf(latex.outdir)
    assert done.returncode == 0, done.stdout[-3000:]
    pdf = latex.outdir / "manuel.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    squeezed = _squeeze(text)
    for name in ("Eau & Assainissement (50 %)", "<script>alert(1)</script>", "{}|<>"):
        assert _squeeze(name) in squeezed, name
    assert _squeeze("\\section{Injection} \\input{/etc/passwd}") in squeezed  # printed
    assert "root:" not in text  # not run: /etc/passwd is not in the PDF
