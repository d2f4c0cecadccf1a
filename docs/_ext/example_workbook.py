"""Write the workbooks of example_org during the docs build, for the "Start from what you
have" page: generated from the package each build (never committed, never stale), into the
build's own folder, then copied to the HTML output as extra files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from sphinx_orgchart.export.formats import export_bytes
from sphinx_orgchart.loader import load_package

EXAMPLE = Path(__file__).resolve().parents[2] / "example_org"


def _write(app: Sphinx) -> None:
    result = load_package(EXAMPLE)
    if result.data is None:
        raise RuntimeError("example_org does not load")
    folder = Path(app.doctreedir).parent / "workbooks"
    folder.mkdir(parents=True, exist_ok=True)
    for kind in ("xlsx", "ods"):
        (folder / f"example_org.{kind}").write_bytes(export_bytes(result.data, kind, "fr"))
    app.config.html_extra_path = [*app.config.html_extra_path, str(folder)]


def setup(app: Sphinx) -> dict[str, Any]:
    """Generate the workbooks when the builder starts."""
    app.connect("builder-inited", _write)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
