"""Text strategies: names on one line, free text, and reStructuredText that Sphinx reads cleanly.

Three kinds of text, after the model's rules:

- *line* text (names, titles, sigles): any character but control characters and line or
  paragraph separators (the documented rule: "on one line, no control character"), never
  blank;
- *free* text (missions, notes, addresses): any character but control characters other
  than the line break and the tab (the documented rule);
- *rst* text (descriptions, roles, event texts): reStructuredText. For the data layer it is
  free text; for Sphinx builds that must give no warning it is made of words in any script
  with a little valid inline markup.
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass

from hypothesis import strategies as st

__all__ = [
    "DATA_TEXTS",
    "SPHINX_TEXTS",
    "TRICKY_IDS",
    "Texts",
    "dates",
    "ids",
    "times",
]

# Realistic words first: most generated packages look like the real thing, and shrinking
# lands on readable names.
WORDS = (
    "Direction",
    "Pôle",
    "Service",
    "ressources",
    "humaines",
    "Eau",
    "&",
    "Assainissement",
    "(50 %)",
    "Hôtel de Ville",
    "Métropole",
    "CCAS",
    "état civil",
    "Éducation",
    "œuvres",
    "l'accueil",
    "Déchets",
    "مدينة",
    "עירייה",
    "市役所",
    "🏛️",
    "DSI",
)

# Ids that YAML reads as something else than text when they are not quoted, and ids that
# collide with names Sphinx gives its own pages.
TRICKY_IDS = (
    "index",
    "genindex",
    "search",
    "null",
    "true",
    "no",
    "on",
    "010",
    "0x1f",
    "1e3",
    "8.30",
    "2024-01-01",
    "nan",
    "inf",
    "a..b",
    "a--b",
    "x_y",
)

_SLUG = st.from_regex(r"[a-z0-9](?:[a-z0-9._-]{0,12}[a-z0-9])?", fullmatch=True)


def ids() -> st.SearchStrategy[str]:
    """Ids (slugs), tricky ones included."""
    return st.one_of(st.sampled_from(TRICKY_IDS), _SLUG)


MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)


def dates(
    min_value: dt.date = MIN_DATE, max_value: dt.date = MAX_DATE
) -> st.SearchStrategy[dt.date]:
    """Dates between ``min_value`` and ``max_value`` (both included)."""
    return st.dates(min_value=min_value, max_value=max_value)


def times() -> st.SearchStrategy[str]:
    """A time of day written HH:MM."""
    return st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59))


# Any character a text may hold by the documented rule: no control character but the line
# break and the tab (no lone surrogate either: not UTF-8).
ANY_CHAR = st.characters(exclude_categories=["Cs", "Cc"], include_characters="\n\t")
# Characters allowed in names by the documented rule: no control character (Cc: C0, DEL
# and C1, NEL included) and no line or paragraph separator.
LINE_CHAR = st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"))
# Characters that are never reStructuredText markup: letters, digits and combining marks.
WORD_CHAR = st.characters(categories=("Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Mn"))


def _not_blank(text: str) -> bool:
    return bool(text.strip())


def _words(alphabet: st.SearchStrategy[str], max_size: int) -> st.SearchStrategy[str]:
    return st.one_of(
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join),
        st.text(alphabet, min_size=1, max_size=max_size),
    )


def line_text(max_size: int = 24) -> st.SearchStrategy[str]:
    """A name on one line, in any script, never blank."""
    return _words(LINE_CHAR, max_size).filter(_not_blank)


def free_text(max_size: int = 30) -> st.SearchStrategy[str]:
    """Any text: line breaks, tabs, any script and sign, but no other control character."""
    return _words(ANY_CHAR, max_size)


_RST_WORD = st.one_of(
    st.sampled_from([w for w in WORDS if all(c.isalnum() or c in " '" for c in w)]),
    st.text(WORD_CHAR, min_size=1, max_size=10),
).filter(lambda w: w == w.strip() and _not_blank(w) and not w[0].isspace())
_RST_TOKEN = st.one_of(
    _RST_WORD,
    _RST_WORD.map(lambda w: f"**{w}**"),
    _RST_WORD.map(lambda w: f"*{w}*"),
    _RST_WORD.map(lambda w: f"``{w}``"),
)


def rst_text() -> st.SearchStrategy[str]:
    """reStructuredText Sphinx reads without a warning: paragraphs of words and markup."""
    line = st.lists(_RST_TOKEN, min_size=1, max_size=6).map(" ".join)
    paragraph = st.lists(line, min_size=1, max_size=3).map("\n".join)
    return st.lists(paragraph, min_size=1, max_size=3).map("\n\n".join)


@dataclass(frozen=True)
class Texts:
    """The text strategies a package generator uses."""

    line: st.SearchStrategy[str]
    free: st.SearchStrategy[str]
    rst: st.SearchStrategy[str]


DATA_TEXTS = Texts(line=line_text(), free=free_text(), rst=free_text(60))
"""For the data layer: descriptions are any text."""

SPHINX_TEXTS = Texts(line=line_text(), free=free_text(), rst=rst_text())
"""For Sphinx builds that must give no warning: descriptions are clean reStructuredText."""

# Used by mutations: characters a name may not hold.
LINE_BREAKERS = "".join(chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))) + "\u2028\u2029"
PRINTABLE_ASCII = string.ascii_letters + string.digits
