"""Shared fixtures: paths of the example package and of the test data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_ORG = ROOT / "example_org"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def example_org() -> Path:
    """Path of the complete example package."""
    return EXAMPLE_ORG
