"""Property-based robustness: generated packages, valid and broken, through every entry point.

Valid packages (see ``tests/fuzz/packages.py``) must load with no problem at all, validate
with exit status 0, survive export -> load -> export unchanged, and build with Sphinx (HTML
and text) without a warning. Broken packages (``tests/fuzz/mutations.py``) must never make
the loader, the command line or Sphinx raise; they must give at least one error, every
problem in a file, with its line whenever the file is text.

How many cases: ``ORGCHART_FUZZ_EXAMPLES`` (data layer, default 100 per test) and
``ORGCHART_FUZZ_BUILD_EXAMPLES`` (Sphinx builds, default 10 per test); the profile
(``ci``, derandomized, or ``fuzz``) comes from ``ORGCHART_FUZZ_PROFILE``. The count of
cases run is printed at the end of the session (see ``tests/fuzz/report.py``).
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given
from sphinx.util.inventory import InventoryFile

from sphinx_orgchart.cli import main
from sphinx_orgchart.export import json_schema, package_json, units_csv
from sphinx_orgchart.export.coverage import LEFT_OUT, left_out_note
from sphinx_orgchart.export.jsonld import jsonld_text
from sphinx_orgchart.export.popolo import popolo_text
from sphinx_orgchart.loader import LoadResult, load_package
from sphinx_orgchart.problems import Severity

from .audit import audit_html, audit_latex
from .fuzz.profiles import (
    BUILD_EXAMPLES_VARIABLE,
    EXAMPLES_VARIABLE,
    LATEX_EXAMPLES_VARIABLE,
    examples,
    fuzz_settings,
)
from .fuzz.project import located, orgchart_subtype, write_project
from .fuzz.report import FuzzReport, register
from .fuzz.strategies import (
    BrokenPackage,
    Package,
    broken_packages,
    sphinx_broken_packages,
    sphinx_valid_packages,
    valid_packages,
)
from .sphinx_helpers import build, make_pdf, warning_lines

DATA_CASES = fuzz_settings(examples(EXAMPLES_VARIABLE, 100))
BUILD_CASES = fuzz_settings(examples(BUILD_EXAMPLES_VARIABLE, 10))
LATEX_CASES = fuzz_settings(examples(LATEX_EXAMPLES_VARIABLE, 2))
SCHEMA = jsonschema.Draft202012Validator(json_schema())
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@pytest.fixture(scope="session")
def report(pytestconfig: pytest.Config) -> FuzzReport:
    """The session's count of generated cases."""
    return register(pytestconfig)


def run_cli(args: list[str]) -> tuple[int, str]:
    """Run ``sphinx-orgchart``; return its status and everything it printed."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(args)
    return status, out.getvalue() + err.getvalue()


def _strict_json(text: str) -> object:
    def refuse(constant: str) -> object:
        raise ValueError(f"{constant} is not JSON (RFC 8259)")

    return json.loads(text, parse_constant=refuse)


def _plain(value: object) -> object:
    """YAML values as JSON would carry them (dates as text), for the JSON Schema."""
    return json.loads(json.dumps(value, default=str))


def _is_text(path: Path) -> bool:
    """Whether a file is UTF-8 text (a problem in it can then be given a line)."""
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _problems(result: LoadResult, root: Path) -> list[str]:
    return [p.format("en", root) for p in result.problems]


# -- valid packages -------------------------------------------------------------------------


@DATA_CASES
@given(package=valid_packages())
def test_valid_packages_load_without_any_problem(report: FuzzReport, package: Package) -> None:
    """No error, no warning, the units as written; ``validate`` agrees and exits 0."""
    with report.case("valid: load and validate"), tempfile.TemporaryDirectory() as tmp:
        root = package.write(Path(tmp) / "paquet")
        documents = package.documents()
        for path, text in package.texts().items():
            if path in documents:  # the generator writes what it means
                assert yaml.load(text, Loader=YAML_LOADER) == documents[path], path
        result = load_package(root)
        assert _problems(result, root) == []
        assert result.data is not None
        loaded = {
            uid: (unit.name, unit.parent, unit.organisation)
            for uid, unit in result.data.units.items()
        }
        assert loaded == package.expected_units()
        status, printed = run_cli(["validate", str(root), "--lang", "en"])
        assert "Traceback" not in printed
        assert printed.rstrip().endswith("0 errors, 0 warnings"), printed
        assert status == 0


@DATA_CASES
@given(package=valid_packages())
def test_valid_packages_survive_export_and_reload(report: FuzzReport, package: Package) -> None:
    """export -> load -> export gives the same JSON, which is standard JSON; the JSON Schema
    accepts every file; the CSV export works."""
    with report.case("valid: export round trip"), tempfile.TemporaryDirectory() as tmp:
        root = package.write(Path(tmp) / "paquet")
        result = load_package(root)
        assert result.data is not None
        for path, document in package.documents().items():
            errors = [e.message for e in SCHEMA.iter_errors(_plain(document))]
            assert errors == [], path
        units_csv(result.data)
        # the open-data exports take every package, and say what they leave out
        json.loads(jsonld_text(result.data))
        json.loads(popolo_text(result.data))
        for kind in LEFT_OUT:
            left_out_note(result.data, kind, "fr")
        first = package_json(result.data)
        _strict_json(first)
        exported = Path(tmp) / "export.json"
        exported.write_text(first, encoding="utf-8")
        again = load_package(exported)
        assert _problems(again, Path(tmp)) == []
        assert again.data is not None
        assert package_json(again.data) == first
        assert again.data.package == result.data.package


# -- broken packages ------------------------------------------------------------------------


@DATA_CASES
@given(broken=broken_packages())
def test_broken_packages_give_located_errors(report: FuzzReport, broken: BrokenPackage) -> None:
    """At least one error; every problem in a file of the package, on one line of output,
    with a line number when the file is text; ``validate`` prints them and exits 1."""
    with (
        report.case("broken: load and validate", broken.mutations),
        tempfile.TemporaryDirectory() as tmp,
    ):
        root = broken.write(Path(tmp) / "paquet")
        result = load_package(root)
        problems = _problems(result, root)
        assert result.errors, (broken.mutations, problems)
        for problem in result.problems:
            assert problem.path is not None, problem
            assert problem.path.is_relative_to(root), problem
            for language in ("en", "fr"):
                assert "\n" not in problem.format(language, root), problem.format(language)
            if problem.path.is_file() and _is_text(problem.path):
                assert problem.line is not None, (broken.mutations, problem.format("en", root))
        status, printed = run_cli(["validate", str(root), "--lang", "en"])
        assert "Traceback" not in printed
        assert status == 1
        errors = [p for p in result.problems if p.severity is Severity.error]
        assert sum(": error: " in line for line in printed.splitlines()) == len(errors)


# -- Sphinx builds --------------------------------------------------------------------------


def _roles(package: Package) -> tuple[list[str], list[str]]:
    return package.unit_ids[:3], package.post_ids[:1]


@BUILD_CASES
@given(package=sphinx_valid_packages())
def test_sphinx_builds_valid_packages_without_warning(report: FuzzReport, package: Package) -> None:
    """HTML then text from the same environment: no warning, a page per unit, every unit in
    objects.inv, and the output audited (every link and anchor leads somewhere, ids are
    unique, see ``tests/audit``)."""
    with report.case("sphinx: valid package"), tempfile.TemporaryDirectory() as tmp:
        files = {p: t.encode("utf-8") for p, t in package.texts().items()}
        srcdir = write_project(Path(tmp), files, *_roles(package), views=True)
        app, warnings = build(srcdir, "html")
        assert warning_lines(warnings) == []
        outdir = Path(app.outdir)
        audit = audit_html(outdir)
        assert audit.problems == [], audit.summary()
        for unit_id in package.unit_ids:
            assert (outdir / "org" / f"{unit_id}.html").is_file(), unit_id
        with (outdir / "objects.inv").open("rb") as stream:
            inventory = InventoryFile.load(stream, "", lambda *parts: "/".join(parts[1:]))
        names = {uid: item.display_name for uid, item in inventory.get("org:unit", {}).items()}
        result = load_package(srcdir.parent / "data")
        assert result.data is not None
        assert names == {uid: unit.label for uid, unit in result.data.units.items()}
        app, warnings = build(srcdir, "text")
        assert warning_lines(warnings) == []
        assert (Path(app.outdir) / "org" / "index.txt").is_file()


@pytest.mark.skipif(
    shutil.which("latexmk") is None or shutil.which("pdftotext") is None,
    reason="needs the LaTeX toolchain (scripts/install-system-deps.sh latex poppler)",
)
@LATEX_CASES
@given(package=sphinx_valid_packages())
def test_sphinx_pdf_of_valid_packages_resolves_every_reference(
    report: FuzzReport, package: Package
) -> None:
    """A sample of the valid packages, compiled to PDF: every reference resolved, no label
    defined twice, no ``??`` printed."""
    with report.case("sphinx: valid package, PDF"), tempfile.TemporaryDirectory() as tmp:
        files = {p: t.encode("utf-8") for p, t in package.texts().items()}
        srcdir = write_project(Path(tmp), files, *_roles(package), views=True)
        # xelatex, as the handbooks use: the generated texts are in any script
        app, warnings = build(srcdir, "latex", confoverrides={"latex_engine": "xelatex"})
        assert warning_lines(warnings) == []
        done = make_pdf(Path(app.outdir))
        assert done.returncode == 0, done.stdout[-3000:]
        audit = audit_latex(Path(app.outdir))
        assert audit.problems == [], audit.summary()
        assert audit.pages == 1


@BUILD_CASES
@given(broken=sphinx_broken_packages())
def test_sphinx_builds_broken_packages_with_located_warnings(
    report: FuzzReport, broken: BrokenPackage
) -> None:
    """No exception; at least one ``orgchart`` warning, and each one located."""
    with (
        report.case("sphinx: broken package", broken.mutations),
        tempfile.TemporaryDirectory() as tmp,
    ):
        srcdir = write_project(Path(tmp), broken.files, *_roles(broken.package))
        _app, warnings = build(srcdir, "html")
        assert "Traceback" not in warnings
        lines = warning_lines(warnings)
        ours = [line for line in lines if orgchart_subtype(line)]
        assert ours, (broken.mutations, lines)
        for line in ours:
            # The warning that the data could not be loaded at all is not located: see
            # test_robustness_regressions.py::test_the_no_data_warning_is_located.
            if orgchart_subtype(line) != "no-data":
                assert located(line), (broken.mutations, line)
        data = str(srcdir.parent / "data")
        about_the_data = [line for line in lines if data in line]
        # ...and each one on one line, with its type (a message spanning lines loses it).
        assert all(orgchart_subtype(line) for line in about_the_data), about_the_data
