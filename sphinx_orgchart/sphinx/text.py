"""Translated text for documents and console, and dates written the local way."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from sphinx.environment import BuildEnvironment
from sphinx.locale import get_translation

from ..i18n import DOMAIN, normalize_language, translate

__all__ = ["_", "__", "console_language", "format_day", "language_of"]

_ = get_translation(DOMAIN)
"""Text that goes into documents, in the handbook's language."""

__ = get_translation(DOMAIN, "console")
"""Messages for the console (warnings), in the user's language."""


def language_of(env: BuildEnvironment) -> str:
    """The handbook's language, as one of the languages sphinx-orgchart speaks."""
    return normalize_language(env.config.language)


def console_language() -> str:
    """The language Sphinx speaks on the console (it follows the user's locale)."""
    return "fr" if str(__("error")) == translate("fr", "error") else "en"


def format_day(day: dt.date, language: str) -> str:
    """A date as people write it: "1 janvier 2016", "1 January 2016"."""
    return format_date(day, format="long", locale="fr" if language == "fr" else "en_GB")
