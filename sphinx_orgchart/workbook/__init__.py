"""Workbooks (Excel .xlsx, LibreOffice .ods) of a package: its layout, written and read.

Never imports Sphinx or docutils.
"""

from .layout import Column, Sheet, layout
from .tables import Table, package_tables

__all__ = ["Column", "Sheet", "Table", "layout", "package_tables"]
