project = "Métropole"
extensions = ["sphinx_orgchart"]
orgchart_data = "data"
orgchart_organisations = ["metropole"]
language = "fr"
exclude_patterns = ["_build", "data"]
