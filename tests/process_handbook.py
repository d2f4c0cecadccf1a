"""A handbook of the example package, built in a new process as ``sphinx-build`` builds it,
with a probe extension of the test's own beside its ``conf.py``."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "example_org"


def write_handbook(tmp_path: Path, probe_module: str, probe_source: str, conf: str = "") -> Path:
    """The example package in ``tmp_path/org`` and a French handbook of it in
    ``tmp_path/book`` (its source folder, returned): a chart page, the directory and the unit
    pages, with ``probe_module`` loaded before sphinx-orgchart and ``conf`` added to conf.py.

    The chart is on a page of its own: Sphinx unpickles the root page's doctree to draw every
    sidebar, and a chart's node holds the chart model (sphinx_orgchart.graph.model).
    """
    package = tmp_path / "org"
    shutil.copytree(EXAMPLE, package)
    src = tmp_path / "book"
    src.mkdir()
    (src / f"{probe_module}.py").write_text(probe_source, "utf-8")
    (src / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(src)!r})\n"
        f'extensions = ["{probe_module}", "sphinx_orgchart"]\n'
        f"orgchart_data = {str(package)!r}\n"
        'language = "fr"\n' + conf,
        "utf-8",
    )
    (src / "index.rst").write_text(
        "Manuel\n======\n\n.. toctree::\n\n   organigramme\n   annuaire\n   org/index\n",
        "utf-8",
    )
    (src / "organigramme.rst").write_text(
        "Organigramme\n============\n\n.. org:chart:: ville\n", "utf-8"
    )
    (src / "annuaire.rst").write_text("Annuaire\n========\n\n.. org:directory::\n", "utf-8")
    return src
