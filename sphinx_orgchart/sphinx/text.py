"""Translated text for documents and console, and dates written the local way."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.locale import get_translation

from ..i18n import DOMAIN, normalize_language, translate
from ..wording import format_day

__all__ = ["_", "__", "as_written", "console_language", "format_day", "language_of"]

D = TypeVar("D")

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


def as_written(run: Callable[[D], list[nodes.Node]]) -> Callable[[D], list[nodes.Node]]:
    """Decorate a directive's ``run``: what it shows is data, printed as written.

    SmartQuotes would turn ``"Accueil" -- l'état`` into ``« Accueil » – l’état`` in the page
    (titles included) while the index, the directory, ``objects.inv`` and the exports keep
    the name as written: one unit would have two names. Sphinx leaves alone the text under
    an element whose ``support_smartquotes`` is False.
    """

    @functools.wraps(run)
    def wrapper(self: D) -> list[nodes.Node]:
        result = run(self)
        for node in result:
            if isinstance(node, nodes.Element):
                node["support_smartquotes"] = False
        return result

    return wrapper
