"""Message catalogs: complete, compiled, and chosen from the locale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_orgchart.i18n import language_from_environment, normalize_language, translate

ROOT = Path(__file__).resolve().parent.parent


def test_catalogs_are_complete_and_compiled() -> None:
    """Every message of the code is in the French catalog, translated, and compiled."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_locale.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANGUAGE": "en_GB:fr", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_MESSAGES": "fr_BE"}, "fr"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_language_from_environment(environ: dict[str, str], expected: str) -> None:
    assert language_from_environment(environ) == expected


def test_normalize_and_translate() -> None:
    assert normalize_language("fr-CA") == "fr"
    assert normalize_language(None) == "en"
    assert translate("fr", "error") == "erreur"
    assert translate("en", "error") == "error"
    assert translate("de", "error") == "error"
