"""The example handbook, in French, built from ``example_org`` by ``make docs``."""

from __future__ import annotations

project = "Projet d'administration — Ville de Belcourt"
author = "Mission Organisation et Projet d'administration"
copyright = "2026, Ville de Belcourt (données fictives)"
version = release = "2026"
language = "fr"

extensions = ["sphinx_orgchart"]
orgchart_data = "../../example_org"

exclude_patterns = ["_build"]
# alabaster shows the local navigation only: it stays fast with thousands of unit pages,
# where themes that render the whole tree on every page (furo) grow with its square.
html_theme = "alabaster"
html_title = "Ville de Belcourt — Projet d'administration"

latex_engine = "xelatex"
latex_elements = {"papersize": "a4paper"}
latex_documents = [
    ("index", "belcourt-projet-administration.tex", project, author, "manual"),
]
