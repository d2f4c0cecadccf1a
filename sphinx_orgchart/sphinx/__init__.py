"""The Sphinx extension: the only part of sphinx-orgchart that imports Sphinx or docutils."""
