"""How generated text is written in each language: dates, numbers, counts, names, spacing.

Every directive, the CLI, the poster and the quickstart write their dates, numbers, counts
and organisation names through this module, and French text goes through
:func:`typeset` once, at the end, so that no template spaces its own punctuation.

Dates, numbers and percentages follow CLDR's patterns for fr_FR and en_GB, the two
languages of a handbook: long dates ("d MMMM y"), numbers grouped by three with the
language's signs (a narrow no-break space groups French thousands: "2 400", a decimal
comma), at most three decimals rounded half to even, percentages ("40 %", "40%"). They
are written here rather than by Babel, which gives the same text (``tests/test_wording.py``
compares them) but loads 5 MiB of locale data into every build for these few patterns.
CLDR does not know the French ordinal of the first day of a month ("1er janvier"), the
spacing before ``; : ! ?`` in running text, the article of an organisation's name ("de la
Ville de Belcourt"), nor that "convention Convention de service commun" says "convention"
twice: these are here too.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .i18n import ntranslate

if TYPE_CHECKING:
    from .model import Organisation

__all__ = [
    "NARROW_NBSP",
    "NBSP",
    "format_count",
    "format_day",
    "format_number",
    "format_percent",
    "format_phone",
    "join_items",
    "of_org",
    "of_organisation",
    "sentence",
    "to_org",
    "to_organisation",
    "typeset",
    "with_article",
    "with_kind",
    "written_with_article",
]

NBSP = "\u00a0"
"""No-break space: before ``:`` and ``%``, inside « guillemets », in numbers and phones."""
NARROW_NBSP = "\u202f"
"""Narrow no-break space: before ``;``, ``!`` and ``?``, and between French thousands."""


_MONTHS = {
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip
"""CLDR's month names (format, wide) of fr_FR and en_GB."""

_SIGNS = {"fr": (NARROW_NBSP, ","), "en": (",", ".")}
"""The group and decimal signs of fr_FR and en_GB (CLDR)."""


def _language(language: str) -> str:
    return "fr" if language == "fr" else "en"


def format_day(day: dt.date, language: str) -> str:
    """A date as people write it: "1er janvier 2016", "2 mars 2016", "1 January 2016".

    CLDR writes "1 janvier": French writes the first day of a month as an ordinal.
    The spaces are no-break spaces, so that a date never breaks across two lines.
    """
    language = _language(language)
    first = "1er" if language == "fr" and day.day == 1 else str(day.day)
    return NBSP.join((first, _MONTHS[language][day.month - 1], str(day.year)))


def format_number(value: float, language: str, decimals: int | None = None) -> str:
    """A number with the language's grouping and decimal sign: "2 400", "10,0"; "2,400".

    Without ``decimals``, at most three are written (CLDR's "#,##0.###"), trailing zeros
    dropped; with ``decimals``, exactly that many. Rounding is half to even, as Babel's.
    """
    group, point = _SIGNS[_language(language)]
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else "-∞" if value < 0 else "∞"
    # The text of a float (repr) is the number its author wrote: 0.1, not 0.1000000000000000055
    number = decimal.Decimal(repr(value) if isinstance(value, float) else value)
    places = 3 if decimals is None else decimals
    # A number larger than the default decimal context (28 digits: a staff of 1e30 is
    # valid data) needs a context that holds all its digits.
    digits = max(0, number.adjusted()) + places + 2
    with decimal.localcontext() as context:
        context.prec = max(28, digits)
        rounded = number.quantize(decimal.Decimal(1).scaleb(-places), decimal.ROUND_HALF_EVEN)
    whole, _, fraction = format(rounded.copy_abs(), "f").partition(".")
    if decimals is None:
        fraction = fraction.rstrip("0")
    grouped = group.join(whole[max(0, end - 3) : end] for end in range(len(whole), 0, -3)[::-1])
    text = f"{grouped}{point}{fraction}" if fraction else grouped
    return f"-{text}" if rounded.is_signed() and not rounded.is_zero() else text


def format_count(language: str, singular: str, plural: str, count: int, **values: str) -> str:
    """``count`` with the singular or the plural message: "1 unité", "2 400 unités".

    The messages are catalog msgids with a ``%(n)s`` placeholder for the number (and any
    other ``%(name)s`` given as ``values``); the form is chosen by the catalog's plural
    rule, so that French "0 unité" and English "0 units" both come out right.
    """
    message = ntranslate(language, singular, plural, count)
    return message % {"n": format_number(count, language), **values}


def format_percent(value: float, language: str) -> str:
    """A percentage given in hundredths: 40 -> "40 %" (a no-break space), "40%"."""
    number = format_number(value, language, 0)
    return f"{number}{NBSP}%" if _language(language) == "fr" else f"{number}%"


_PHONE = re.compile(r"^\+?[0-9][0-9 .\-()]*[0-9]$")


def format_phone(phone: str) -> str:
    """A phone number that never breaks: its spaces become no-break spaces."""
    return phone.replace(" ", NBSP) if _PHONE.match(phone.strip()) else phone


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def with_kind(kind: str, reference: str) -> str:
    """An act's reference with its kind, unless the reference says it already.

    "arrêté" + "n° 2024-118" -> "arrêté n° 2024-118"; "convention" + "Convention de
    service commun" -> "Convention de service commun" (not "convention Convention ...").
    The kind's first word is compared with the reference's, accents and case aside:
    "order (arrêté)" in English matches "Arrêté du maire".
    """
    words = {_plain(w) for w in re.findall(r"\w+", kind)}
    first = re.match(r"\w+", reference)
    if first and _plain(first.group(0)) in words:
        return reference
    return f"{kind} {reference}"


def sentence(text: str) -> str:
    """``text`` as a heading or a sentence begins: "service commun" -> "Service commun".

    Only the first letter changes (:meth:`str.capitalize` would write "Dsi" for "DSI").
    """
    return text[:1].upper() + text[1:]


def join_items(items: Iterable[str], language: str) -> str:
    """Items of a list written on one line, separated by semicolons."""
    del language  # the spacing before ";" is French typography: see typeset
    return "; ".join(items)


# The article of a French organisation's name when the data gives none: the grammatical
# gender of the common nouns that begin the names of French administrations.
_FR_FEMININE = frozenset(
    [
        "ville",
        "commune",
        "métropole",
        "communauté",
        "région",
        "collectivité",
        "agence",
        "caisse",
        "direction",
        "préfecture",
        "mairie",
        "maison",
        "mission",
        "régie",
        "société",
    ]
)
_FR_MASCULINE = frozenset(
    [
        "centre",
        "conseil",
        "département",
        "syndicat",
        "établissement",
        "office",
        "service",
        "groupement",
        "pôle",
        "institut",
        "secrétariat",
        "ministère",
        "parc",
    ]
)


def _fr_article(name: str) -> str:
    first = name.split(" ", 1)[0]
    lower = first.lower()
    if first.isupper() and len(first) > 1:  # an acronym: "CCAS", "SIVOM"
        return "le " if not lower.startswith(tuple("aeiouy")) else "l'"
    if lower in _FR_FEMININE or lower in _FR_MASCULINE:
        if lower[0] in "aeiouyéèêh":
            return "l'"
        return "la " if lower in _FR_FEMININE else "le "
    return ""


def with_article(name: str, language: str, written: str | None = None) -> str:
    """The name as it is written in running text: "la Ville de Belcourt", "le CCAS".

    ``written`` is the data's own form (``name_with_article``); without it, French names
    that begin with a common noun ("Ville", "Centre", "Communauté"...) get the noun's
    article, other names ("Belcourt Métropole") and English names are left as they are.
    """
    if written:
        return written
    return _fr_article(name) + name if language == "fr" else name


def _after(preposition: str, full: str) -> str:
    """French "de"/"à" before a name with its article: du, des, au, aux, d', de l', à l'."""
    head, _, rest = full.partition(" ")
    contracted = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}
    if rest and (preposition, head.lower()) in contracted:
        return f"{contracted[preposition, head.lower()]} {rest}"
    if (
        preposition == "de"
        and full[:1].lower() in "aeiouyéèêh"
        and not full.startswith(("l'", "l’"))
    ):
        return f"d'{full}"
    return f"{preposition} {full}"


def of_organisation(name: str, language: str, written: str | None = None) -> str:
    """ "of" and a name: "de la Ville de Belcourt", "du CCAS de Belcourt", "de l'Agence",
    "d'Angers Loire Métropole", "of Belcourt Métropole"."""
    full = with_article(name, language, written)
    return _after("de", full) if language == "fr" else f"of {full}"


def to_organisation(name: str, language: str, written: str | None = None) -> str:
    """ "to" and a name: "à la Ville de Belcourt", "au CCAS de Belcourt", "to the City"."""
    full = with_article(name, language, written)
    return _after("à", full) if language == "fr" else f"to {full}"


def written_with_article(org: Organisation, language: str) -> str | None:
    """The organisation's own ``name_with_article`` in ``language``, if the data gives it."""
    return getattr(org.name_with_article, language, None) if org.name_with_article else None


def of_org(org: Organisation, language: str) -> str:
    """:func:`of_organisation` for an organisation of the data."""
    return of_organisation(org.name, language, written_with_article(org, language))


def to_org(org: Organisation, language: str) -> str:
    """:func:`to_organisation` for an organisation of the data."""
    return to_organisation(org.name, language, written_with_article(org, language))


# a number written in groups of three digits: "2 400", "10 000", "118 000 habitants"
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d,])")

# French spacing, applied once to generated text (see typeset).
_FR_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # a space, or none, before ; ! ? becomes a narrow no-break space ("mot ;", "mot !")
    (re.compile(r"(?<=[\w)\]».…])[ \u00a0]?([;!?])(?=\s|$|[)»])"), NARROW_NBSP + r"\1"),
    # a space, or none after a word, before ":" in running text becomes a no-break space;
    # "https://", "9:30" and "n°12:3" are left alone (no space after the colon)
    (re.compile(r"(?<=[\w)\]».…])[ \u202f]?:(?=\s|$)"), NBSP + ":"),
    # « guillemets » hold their text with no-break spaces
    (re.compile(r"«[ \u202f]?(?=\S)"), "«" + NBSP),
    (re.compile(r"(?<=\S)[ \u202f]?»"), NBSP + "»"),
    # a number and its percent sign, and the groups of a number ("2 400", "10 000 arbres")
    (re.compile(r"(?<=\d)[ \u202f]?%"), NBSP + "%"),
    # "n° 12", "p. 3": the sign stays with its number
    (re.compile(r"(?<=n°) (?=\d)"), NBSP),
)


_FR_TRIGGER = re.compile(r"[;!?:«»%\d]")
"""A character one of the rules (French's, or the groups of a number) starts from."""

_DIGIT = re.compile(r"\d")


def typeset(text: str, language: str) -> str:
    """``text`` with the spacing of ``language``'s typography.

    French: a narrow no-break space (U+202F) before ``;``, ``!`` and ``?``, a no-break
    space (U+00A0) before ``:``, inside « guillemets », before ``%`` and after "n°".
    In every language, the groups of a number ("2 400", "212 599 906") are held together.
    """
    if not (_FR_TRIGGER if language == "fr" else _DIGIT).search(text):
        return text  # most texts: nothing any rule looks at
    if language == "fr":
        for pattern, replacement in _FR_RULES:
            text = pattern.sub(replacement, text)
    # in every language, a number written in groups is one word ("2 400", a SIREN)
    return _GROUPED.sub(lambda m: m.group(0).replace(" ", NBSP), text)
