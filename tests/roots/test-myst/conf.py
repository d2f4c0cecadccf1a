project = "MyST"
extensions = ["myst_parser", "sphinx_orgchart"]
orgchart_data = "data"
language = "en"
exclude_patterns = ["_build", "data"]
