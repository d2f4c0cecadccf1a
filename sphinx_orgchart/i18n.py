"""Message catalogs shared by the CLI, the data layer and the Sphinx extension.

Messages are written in English in the code and translated through the ``sphinx_orgchart``
gettext catalog that ships in ``locale/``. Functions take the language explicitly, so that
the same process can speak French to one build and English to another.
"""

from __future__ import annotations

import gettext
import os
from functools import lru_cache
from pathlib import Path

DOMAIN = "sphinx_orgchart"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("fr", "en")


class Msg(str):
    """A message argument that is itself translated when the message is rendered."""

    __slots__ = ()


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it now."""
    return message


@lru_cache(maxsize=8)
def _catalog(language: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def normalize_language(language: str | None) -> str:
    """Map a locale name ("fr_FR.UTF-8", "en", None) to one of the shipped languages."""
    if not language:
        return "en"
    short = language.replace("-", "_").split("_")[0].split(".")[0].lower()
    return short if short in LANGUAGES else "en"


def translate(language: str, message: str) -> str:
    """``message`` translated into ``language`` (English when there is no translation)."""
    return _catalog(normalize_language(language)).gettext(message)


def ntranslate(language: str, singular: str, plural: str, count: int) -> str:
    """Singular or plural form of a message for ``count``."""
    return _catalog(normalize_language(language)).ngettext(singular, plural, count)


def language_from_environment(environ: dict[str, str] | None = None) -> str:
    """The user's language from LANGUAGE, LC_ALL, LC_MESSAGES or LANG, as gettext does."""
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable)
        if value:
            first = value.split(":")[0]
            if first in ("C", "POSIX"):
                return "en"
            return normalize_language(first)
    return "en"
