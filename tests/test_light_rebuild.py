"""A rebuild with no change imports none of the heavy modules (pydantic, the model, the
loader's reading code, the charts, the directives) and writes the same pages; a rebuild
after an edit of the data imports them and writes what a clean build writes.

Each build runs in a new Python process, as ``sphinx-build`` does: a test process has
imported everything already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_orgchart.loader import MANIFEST_NAMES
from sphinx_orgchart.model import MANIFEST_NAME

from .process_handbook import REPO, write_handbook

HEAVY = (
    "pydantic",
    "sphinx_orgchart.model",
    "sphinx_orgchart.data",
    "sphinx_orgchart.loader.load",
    "sphinx_orgchart.loader.assemble",
    "sphinx_orgchart.loader.errors",
    "sphinx_orgchart.loader.texts",
    "sphinx_orgchart.graph",
    "sphinx_orgchart.validate",
    "sphinx_orgchart.recordchecks",
    "sphinx_orgchart.loader.yamlsyntax",
    "sphinx_orgchart.sphinx.directoryrows",
    "sphinx_orgchart.timeline",
    "sphinx_orgchart.progress",
    "sphinx_orgchart.export",
    "sphinx_orgchart.workbook",
    "sphinx_orgchart.importers",
    "sphinx_orgchart.sphinx.directives.",
    "sphinx_orgchart.sphinx.chartdraw",
    "sphinx_orgchart.sphinx.unitblock",
)

# Records, at the end of the build, the modules of the extension and pydantic it imported.
PROBE = """
import json, os, sys

def _finished(app, exception):
    names = sorted(m for m in sys.modules if m.startswith(("pydantic", "sphinx_orgchart")))
    with open(os.environ["ORGCHART_MODULES_FILE"], "w", encoding="utf-8") as out:
        json.dump(names, out)

def setup(app):
    app.connect("build-finished", _finished)
    return {"parallel_read_safe": True}
"""


def _handbook(tmp_path: Path) -> Path:
    return write_handbook(tmp_path, "modules_probe", PROBE)


def _build(src: Path, out: Path) -> list[str]:
    """Build in a new process; the modules it imported."""
    modules = src.parent / "modules.json"
    environment = {**os.environ, "ORGCHART_MODULES_FILE": str(modules)}
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(REPO), *filter(None, [environment.get("PYTHONPATH")])]
    )
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", str(src), str(out)],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    names: list[str] = json.loads(modules.read_text("utf-8"))
    return names


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if m.startswith(HEAVY)]


def _output(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not p.relative_to(out).as_posix().startswith(".doctrees")
    }


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    return _handbook(tmp_path)


def test_a_rebuild_with_no_change_imports_no_heavy_module(handbook: Path) -> None:
    out = handbook / "_build" / "html"
    first = _build(handbook, out)
    assert "pydantic" in first  # the first build reads the data
    assert "sphinx_orgchart.sphinx.directives.chart" in first
    written = _output(out)
    again = _build(handbook, out)
    assert _heavy(again) == []
    assert _output(out) == written


def test_a_rebuild_after_an_edit_imports_them_and_writes_a_clean_build(
    tmp_path: Path, handbook: Path
) -> None:
    out = handbook / "_build" / "html"
    _build(handbook, out)
    package = tmp_path / "org"
    edited = next(p for p in sorted(package.rglob("*.yaml")) if "name: Direction" in p.read_text())
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("name: Direction", "name: Nouvelle direction", 1), "utf-8")
    again = _build(handbook, out)
    assert "pydantic" in again
    assert "sphinx_orgchart.model" in again
    clean = tmp_path / "clean"
    _build(handbook, clean)
    rebuilt, fresh = _output(out), _output(clean)
    assert rebuilt == fresh
    assert any(b"Nouvelle direction" in v for k, v in rebuilt.items() if k.endswith(".html"))


def test_the_light_loader_knows_the_manifest_name() -> None:
    assert MANIFEST_NAMES[0] == MANIFEST_NAME
