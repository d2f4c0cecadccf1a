"""sphinx-orgchart: organisation charts of French local administrations as data.

Importing the package imports neither Sphinx nor docutils; ``setup()`` does, when Sphinx
loads the extension (``extensions = ["sphinx_orgchart"]``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"


def setup(app: Sphinx) -> ExtensionMetadata:
    """Sphinx entry point: see :mod:`sphinx_orgchart.sphinx.extension`."""
    from .sphinx.extension import setup as _setup

    return _setup(app)
