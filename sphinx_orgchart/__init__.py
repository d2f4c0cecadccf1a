"""sphinx-orgchart: organisation charts of French local administrations as data.

Importing the package imports neither Sphinx nor docutils; ``setup()`` does, when Sphinx
loads the extension.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def setup(app: Any) -> dict[str, Any]:
    """Sphinx entry point (see :mod:`sphinx_orgchart.sphinx.extension`)."""
    from .sphinx.extension import setup as _setup

    return _setup(app)
