"""Minimal reproductions of the bugs the robustness tests found, one test per bug.

The property-based tests (``test_robustness_fuzz.py``) found most of them on generated
packages; each is written here in its smallest form, so that its failure reads as the bug.
The YAML-level ones are in ``test_robustness_yaml.py``, the escaping ones in
``test_robustness_hostile.py``.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from sphinx_orgchart.cli import main
from sphinx_orgchart.export import package_json
from sphinx_orgchart.loader import load_package, package_files

from .fuzz.project import located, orgchart_subtype, write_project
from .sphinx_helpers import build, warning_lines

PACKAGE = """\
package: {name: Ville de Belcourt, as_of: 2026-01-01}
organisations:
  - {id: ville, name: Ville de Belcourt, kind: commune, description: "La Ville."}
levels:
  - {id: dg, name: Direction générale, rank: 0}
  - {id: service, name: Service, rank: 1, parents: [dg]}
units:
  - id: dgs
    name: Direction générale des services
    level: dg
    organisation: ville
    head: {title: DGS}
"""


def write(root: Path, text: str) -> Path:
    """A package made of one manifest."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "orgchart.yaml").write_text(text, encoding="utf-8")
    return root


def units(text: str) -> str:
    """More units, written at the indentation of the package's unit list."""
    return textwrap.indent(textwrap.dedent(text), "  ")


def with_unit_field(key: str, value: str) -> str:
    """The package, with one more field (a YAML double-quoted text) on the unit 'dgs'."""
    return PACKAGE + f"    {key}: {json.dumps(value)}\n"


# -- data layer -----------------------------------------------------------------------------

# Characters a description may hold that YAML cannot read back raw (non-characters) or
# reads back as a line break that eats the spaces around it (LS, PS). Control characters
# (DEL, C1, NEL) are refused by the model: see the next test.
UNREADABLE_RAW = {
    "non-character": "a\ufffeb",
    "line-separator": "a \u2028b",
    "paragraph-separator": "a\u2029  b",
}
CONTROL = {"delete": "a\x7fb", "c1-control": "a\x80b", "next-line": "a\x85 b", "bell": "a\x07b"}


@pytest.mark.parametrize("text", list(CONTROL.values()), ids=list(CONTROL))
def test_a_control_character_in_a_text_is_refused_at_its_line(text: str, tmp_path: Path) -> None:
    """No PDF can print it: one located message naming the character."""
    result = load_package(write(tmp_path / "pkg", with_unit_field("description", text)))
    messages = [p.format("en", tmp_path / "pkg") for p in result.problems]
    code = f"U+{ord(text[1]):04X}"
    refused = [m for m in messages if f"holds the control character {code}" in m]
    assert len(refused) == 1, messages
    assert refused[0].startswith("orgchart.yaml:"), messages


@pytest.mark.parametrize("text", list(UNREADABLE_RAW.values()), ids=list(UNREADABLE_RAW))
def test_the_json_export_loads_back_whatever_the_text(text: str, tmp_path: Path) -> None:
    """``package_json`` writes with ``ensure_ascii=False``: these characters go out raw, and
    the loader (a YAML parser) refuses them or folds them. Escape them as ``\\uXXXX``."""
    result = load_package(write(tmp_path / "pkg", with_unit_field("description", text)))
    assert result.problems == []
    assert result.data is not None
    assert result.data.units["dgs"].description == text
    exported = tmp_path / "export.json"
    exported.write_text(package_json(result.data), encoding="utf-8")
    again = load_package(exported)
    assert [p.format("en") for p in again.problems] == []
    assert again.data is not None
    assert again.data.units["dgs"].description == text


def test_the_json_export_is_standard_json(tmp_path: Path) -> None:
    """``staff: .inf`` is accepted (``ge=0``) and exported as ``Infinity``, which JSON
    (RFC 8259) does not have: refuse it when loading, or never write it."""
    result = load_package(write(tmp_path / "pkg", PACKAGE + "    staff: .inf\n"))
    if result.ok:
        assert result.data is not None

        def refuse(constant: str) -> object:
            raise ValueError(constant)

        json.loads(package_json(result.data), parse_constant=refuse)
    else:
        assert [(p.code, p.line, p.field) for p in result.errors] == [
            ("invalid-value", 13, "staff")
        ]


@pytest.mark.parametrize(
    "char", ["\x07", "\x85", "\x80", "\x9f", "\x92"], ids=["bell", "nel", "c1", "apc", "c1-quote"]
)
def test_names_refuse_every_control_character(char: str, tmp_path: Path) -> None:
    """ "Text on one line (names, titles, sigles): no line break or control character." The
    check stops at U+007F: NEL (U+0085, a line break for YAML and ``str.splitlines``, which
    Sphinx uses to read objects.inv) and the other C1 controls pass."""
    result = load_package(write(tmp_path / "pkg", with_unit_field("sigle", f"D{char}GS")))
    assert [(p.code, p.line, p.field) for p in result.errors] == [("invalid-value", 13, "sigle")]


@pytest.mark.parametrize("setting", ['include: [""]', 'exclude: [""]', 'include: ["", "*.yaml"]'])
def test_an_empty_pattern_is_reported_not_raised(
    setting: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``Path.glob("")`` raises ValueError: the loader, ``package_files`` (run by Sphinx on
    every build) and ``sphinx-orgchart validate`` crash with a traceback."""
    root = write(tmp_path / "pkg", PACKAGE + setting + "\n")
    line = PACKAGE.count("\n") + 1
    package_files(root)
    result = load_package(root)
    assert [(p.path.name if p.path else "", p.line) for p in result.errors] == [
        ("orgchart.yaml", line)
    ]
    assert main(["validate", str(root), "--lang", "en", "-q"]) == 1
    assert "orgchart.yaml:" in capsys.readouterr().out


# -- Sphinx ---------------------------------------------------------------------------------


def handbook(root: Path, package: str, units: list[str]) -> Path:
    """A handbook on a one-file package, linking to ``units``."""
    return write_project(root, {"orgchart.yaml": package.encode("utf-8")}, units, [])


def test_a_planned_unit_under_a_closed_unit_has_its_page_in_a_toctree(tmp_path: Path) -> None:
    """A valid package (no problem at all) whose build warns: ``navigation()`` lists a
    current unit under its parent only when the parent is current too, and lists apart only
    the units that are not current; a planned unit under a closed one is in no toctree."""
    package = PACKAGE + units("""\
          - id: ancien
            name: Ancien service
            level: dg
            organisation: ville
            status: closed
            valid_until: 2020-12-31
            head: {title: Chef}
          - id: projet
            name: Service en projet
            level: service
            parent: ancien
            status: planned
            valid_until: 2020-06-30
            head: {title: Chef}
        """)
    assert load_package(write(tmp_path / "check", package)).problems == []
    srcdir = handbook(tmp_path, package, ["projet"])
    _app, warnings = build(srcdir, "html")
    assert warning_lines(warnings) == []


def test_a_unit_called_index_does_not_break_the_pages(tmp_path: Path) -> None:
    """``index`` is a valid id, but its page ``org/index.rst`` is overwritten by the root of
    the unit pages: the unit has no page and, when it has a parent, the toctrees form the
    cycle org/index -> org/dgs -> org/index, on which Sphinx's ``get_relations`` recurses
    until RecursionError: the build dies. Either the unit gets a page of its own, or the id
    is refused where it is written."""
    package = PACKAGE + units("""\
        - id: index
          name: Service de l'indexation
          level: service
          parent: dgs
          head: {title: Chef}
        """)
    srcdir = handbook(tmp_path, package, ["dgs"])
    app, warnings = build(srcdir, "html")
    lines = warning_lines(warnings)
    assert [w for w in lines if not orgchart_subtype(w)] == []  # no toc.* warning
    pages = [p.read_text(encoding="utf-8") for p in (Path(app.outdir) / "org").glob("*.html")]
    has_a_page = any("<h1>Service de l" in page for page in pages)
    refused = [w for w in lines if "orgchart.yaml:" in w and "index" in w]
    assert has_a_page or refused, lines


@pytest.mark.parametrize(
    ("record", "directive"),
    [
        ("units", ".. org:unit:: dgs\n   :no-index:"),
        ("organisations", ".. org:organisation:: ville"),
    ],
)
def test_a_description_showing_its_own_record_does_not_recurse(
    record: str, directive: str, tmp_path: Path
) -> None:
    """A description may use the domain's directives; one that shows the record it describes
    recurses until Python's limit and the build dies with RecursionError."""
    description = json.dumps("Voir :\n\n" + directive + "\n")
    if record == "units":
        package = PACKAGE + f"    description: {description}\n"
    else:
        package = PACKAGE.replace('description: "La Ville."', f"description: {description}")
    srcdir = handbook(tmp_path, package, ["dgs"])
    _app, warnings = build(srcdir, "html")
    ours = [w for w in warning_lines(warnings) if orgchart_subtype(w)]
    assert ours
    assert all(located(w) for w in ours)


def test_the_no_data_warning_is_located(tmp_path: Path) -> None:
    """Every warning of the extension is located; "the organisation data could not be
    loaded" has no location: it could name the manifest."""
    srcdir = handbook(tmp_path, "package: [not, a, mapping]\n", [])
    _app, warnings = build(srcdir, "html")
    no_data = [w for w in warning_lines(warnings) if orgchart_subtype(w) == "no-data"]
    assert len(no_data) == 1
    assert located(no_data[0]), no_data[0]
