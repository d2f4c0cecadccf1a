"""Importers: a package from a workbook, a CSV table or a DILA extract.

Never imports Sphinx or docutils.
"""
