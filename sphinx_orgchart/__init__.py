"""sphinx-orgchart: organisation charts of French local administrations as data.

Importing the package imports neither Sphinx nor docutils.
"""

from __future__ import annotations

__version__ = "0.1.0"
