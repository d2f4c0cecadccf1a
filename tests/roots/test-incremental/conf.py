project = "Incrémental"
copyright = "2026, Ville de Mini"
author = "Ville de Mini"
version = release = "2026"
extensions = ["sphinx_orgchart"]
orgchart_data = "data"
language = "fr"
exclude_patterns = ["_build", "data"]
latex_engine = "xelatex"
latex_documents = [("index", "incremental.tex", "Incrémental", "Ville de Mini", "manual")]
