project = "Ancres"
copyright = "2026, Ville de Belcourt"
author = "Ville de Belcourt"
version = release = "2026"
extensions = ["sphinx_orgchart"]
orgchart_data = "data"
orgchart_pages = False
language = "fr"
exclude_patterns = ["_build", "data"]
latex_engine = "xelatex"
latex_documents = [("index", "ancres.tex", "Ancres", "Ville de Belcourt", "manual")]
