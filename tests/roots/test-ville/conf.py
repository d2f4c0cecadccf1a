project = "Ville"
extensions = ["sphinx.ext.intersphinx", "sphinx_orgchart"]
orgchart_data = "data"
orgchart_organisations = ["ville"]
language = "fr"
exclude_patterns = ["_build", "data"]
# The test sets intersphinx_mapping to the Métropole handbook it has just built.
intersphinx_mapping = {}
