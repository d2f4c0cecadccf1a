"""Configuration of the sphinx-orgchart documentation (built with ``make docs``)."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

from sphinx_orgchart import __version__  # noqa: E402

project = "sphinx-orgchart"
author = "sphinx-orgchart contributors"
copyright = "2026, sphinx-orgchart contributors"
release = version = __version__
language = "en"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx_orgchart",
    "orgchart_reference",
    "orgchart_example",
    "benchmark_results",
    "example_workbook",
]

# The documentation shows blocks of the example package; the unit pages themselves are in
# the French handbook (docs/handbook), not here.
orgchart_data = "../example_org"
orgchart_pages = False

exclude_patterns = ["_build", "handbook"]
html_theme = "furo"
html_title = f"sphinx-orgchart {release}"
nitpicky = True
nitpick_ignore_regex = [("py:class", r"(pydantic|annotated_types|typing)\..*")]
