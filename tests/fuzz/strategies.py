"""Strategies of the robustness tests: valid packages, and broken packages made from them.

- :func:`valid_packages`: one to three organisations, levels with allowed parents, a tree of
  units nested or flat in several files, posts, shared units, bodies, the projet
  d'administration and events, with names in any script; the loader must find no problem.
- :func:`broken_packages`: a valid package with one to three kinds of damage from
  :data:`MUTATIONS`; the loader must find at least one error, located.
- :func:`sphinx_valid_packages`, :func:`sphinx_broken_packages`: the same, smaller, with
  descriptions in clean reStructuredText, for Sphinx builds that must give no warning.
"""

from __future__ import annotations

from hypothesis import strategies as st

from .generator import valid_packages
from .mutations import MUTATIONS, broken_packages
from .packages import Package
from .text import DATA_TEXTS, SPHINX_TEXTS
from .work import BrokenPackage

__all__ = [
    "DATA_TEXTS",
    "MUTATIONS",
    "SPHINX_TEXTS",
    "BrokenPackage",
    "Package",
    "broken_packages",
    "sphinx_broken_packages",
    "sphinx_valid_packages",
    "valid_packages",
]

SPHINX_UNITS = 6
"""Most units of a package built with Sphinx (one page each)."""


def sphinx_valid_packages() -> st.SearchStrategy[Package]:
    """Valid packages whose reStructuredText fields Sphinx reads without a warning."""
    return valid_packages(SPHINX_TEXTS, most_units=SPHINX_UNITS)


def sphinx_broken_packages() -> st.SearchStrategy[BrokenPackage]:
    """Broken packages, small enough to build often."""
    return broken_packages(SPHINX_TEXTS, most_units=SPHINX_UNITS)
