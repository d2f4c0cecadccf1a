"""The documentation and the example handbook build without a warning; the handbook's PDF
is checked; a quickstart project builds."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_orgchart.cli import main

from .sphinx_helpers import build, make_pdf, warning_lines

ROOT = Path(__file__).resolve().parent.parent
HANDBOOK = ROOT / "docs" / "handbook"


def _handbook_copy(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    srcdir = tmp_path / "handbook"
    shutil.copytree(HANDBOOK, srcdir, ignore=shutil.ignore_patterns("_build", "org"))
    return srcdir, {"orgchart_data": str(ROOT / "example_org")}


def test_english_documentation_builds_with_w(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            str(ROOT / "docs"),
            str(tmp_path / "html"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_handbook_html_has_every_page(tmp_path: Path) -> None:
    srcdir, overrides = _handbook_copy(tmp_path)
    app, warnings = build(srcdir, "html", confoverrides=overrides)
    assert warning_lines(warnings) == []
    out = Path(app.outdir)
    for page in (
        "glossaire",
        "organigramme",
        "mutualisation",
        "annuaire",
        "gouvernance",
        "projet",
        "historique",
        "org/index",
        "org/ville-drh",
        "org-units",
    ):
        assert (out / f"{page}.html").is_file(), page
    assert len(list((out / "org").glob("*.html"))) > 230


@pytest.mark.skipif(
    shutil.which("xelatex") is None or shutil.which("pdftotext") is None,
    reason="needs the LaTeX toolchain (scripts/install-system-deps.sh latex)",
)
def test_handbook_pdf(tmp_path: Path) -> None:
    srcdir, overrides = _handbook_copy(tmp_path)
    app, warnings = build(srcdir, "latex", confoverrides=overrides)
    assert warning_lines(warnings) == []
    done = make_pdf(Path(app.outdir))
    assert done.returncode == 0, done.stdout[-3000:]
    spec = importlib.util.spec_from_file_location("check_pdf", ROOT / "scripts" / "check_pdf.py")
    assert spec is not None
    assert spec.loader is not None
    check_pdf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_pdf)
    assert check_pdf.check(Path(app.outdir) / "belcourt-projet-administration.pdf") == []


def test_tutorial_package_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(ROOT / "docs" / "tutorial" / "organisation"), "-q"]) == 0
    assert "0 error" in capsys.readouterr().out


@pytest.mark.parametrize("package", ["docs/tutorial/organisation", "example_org"])
def test_quickstart_project_builds(
    package: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "manuel"
    assert main(["quickstart", str(ROOT / package), "-o", str(target), "--lang", "fr"]) == 0
    assert (target / "conf.py").is_file()
    app, warnings = build(target, "html")
    assert warning_lines(warnings) == []
    assert (Path(app.outdir) / "org" / "index.html").is_file()
    # never replaces what is there
    (target / "index.rst").write_text("mine\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["quickstart", str(ROOT / package), "-o", str(target), "--lang", "en"]) == 1
    assert "already exist" in capsys.readouterr().err
    assert (target / "index.rst").read_text(encoding="utf-8") == "mine\n"
