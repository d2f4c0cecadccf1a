"""sphinx_orgchart.wording, without Sphinx: dates, numbers, counts, names, French spacing."""

from __future__ import annotations

import datetime as dt

import pytest

from sphinx_orgchart.wording import (
    NARROW_NBSP,
    NBSP,
    format_count,
    format_day,
    format_number,
    format_percent,
    format_phone,
    of_organisation,
    sentence,
    to_organisation,
    typeset,
    with_kind,
)


@pytest.mark.parametrize(
    ("day", "language", "written"),
    [
        (dt.date(2019, 1, 1), "fr", "1er janvier 2019"),
        (dt.date(2016, 3, 2), "fr", "2 mars 2016"),
        (dt.date(2026, 9, 11), "fr", "11 septembre 2026"),  # only the first is an ordinal
        (dt.date(2016, 1, 1), "en", "1 January 2016"),
    ],
)
def test_dates_are_written_as_people_write_them(day: dt.date, language: str, written: str) -> None:
    assert format_day(day, language) == written.replace(" ", NBSP)  # never broken


def test_numbers_and_counts() -> None:
    assert format_number(2400, "fr") == f"2{NARROW_NBSP}400"
    assert format_number(2400, "en") == "2,400"
    assert format_number(10, "fr", 1) == "10,0"
    one, many = "%(n)s unit", "%(n)s units"
    assert format_count("fr", one, many, 1) == "1 unité"
    assert format_count("fr", one, many, 0) == "0 unité"  # French: 0 is singular
    assert format_count("fr", one, many, 2400) == f"2{NARROW_NBSP}400 unités"
    assert format_count("en", one, many, 0) == "0 units"
    assert format_count("en", one, many, 1) == "1 unit"
    assert format_percent(40, "fr") == f"40{NBSP}%"
    assert format_percent(40, "en") == "40%"


def test_phone_numbers_hold_on_one_line() -> None:
    assert format_phone("03 53 01 12 00") == NBSP.join(["03", "53", "01", "12", "00"])
    assert format_phone("voir l'accueil") == "voir l'accueil"  # not a number: as written


def test_an_act_says_its_kind_once() -> None:
    assert with_kind("convention", "Convention de service commun") == (
        "Convention de service commun"
    )
    assert with_kind("arrêté", "n° 2024-118") == "arrêté n° 2024-118"
    assert with_kind("order (arrêté)", "Arrêté du maire") == "Arrêté du maire"


@pytest.mark.parametrize(
    ("name", "of", "to"),
    [
        ("Ville de Belcourt", "de la Ville de Belcourt", "à la Ville de Belcourt"),
        ("CCAS de Belcourt", "du CCAS de Belcourt", "au CCAS de Belcourt"),
        ("Agence d'urbanisme", "de l'Agence d'urbanisme", "à l'Agence d'urbanisme"),
        ("Établissement public", "de l'Établissement public", "à l'Établissement public"),
        ("Angers Loire Métropole", "d'Angers Loire Métropole", "à Angers Loire Métropole"),
        ("Belcourt Métropole", "de Belcourt Métropole", "à Belcourt Métropole"),
    ],
)
def test_organisation_names_take_their_article(name: str, of: str, to: str) -> None:
    assert of_organisation(name, "fr") == of
    assert to_organisation(name, "fr") == to


def test_the_data_gives_the_form_with_its_article() -> None:
    assert of_organisation("Ville de Belcourt", "en") == "of Ville de Belcourt"
    written = "the City of Belcourt"
    assert of_organisation("Ville de Belcourt", "en", written) == "of the City of Belcourt"
    assert to_organisation("Ville de Belcourt", "en", written) == "to the City of Belcourt"
    assert of_organisation("Mairie", "fr", "la mairie annexe") == "de la mairie annexe"


def test_sentence_changes_the_first_letter_only() -> None:
    assert sentence("service commun") == "Service commun"
    assert sentence("DSI mutualisée") == "DSI mutualisée"
    assert sentence("") == ""


@pytest.mark.parametrize(
    ("text", "spaced"),
    [
        ("mot;", f"mot{NARROW_NBSP};"),
        ("mot ; autre", f"mot{NARROW_NBSP}; autre"),
        ("Quoi ?", f"Quoi{NARROW_NBSP}?"),
        ("Quoi!", f"Quoi{NARROW_NBSP}!"),
        ("Missions : recruter", f"Missions{NBSP}: recruter"),
        ("«mot»", f"«{NBSP}mot{NBSP}»"),
        ("« mot »", f"«{NBSP}mot{NBSP}»"),
        ("40 %", f"40{NBSP}%"),
        ("n° 12", f"n°{NBSP}12"),
        ("2 400 agents", f"2{NBSP}400 agents"),
        # left as written: addresses, times, a colon inside a word
        ("https://belcourt.example", "https://belcourt.example"),
        ("à 9:30", "à 9:30"),
        ("", ""),
    ],
)
def test_french_spacing(text: str, spaced: str) -> None:
    assert typeset(text, "fr") == spaced
    # applied when the page is read and again when it is written: once is enough
    assert typeset(spaced, "fr") == spaced


def test_english_spacing_holds_numbers_only() -> None:
    assert typeset("2 400 staff: yes; no!", "en") == f"2{NBSP}400 staff: yes; no!"


_BABEL_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def _numbers() -> list[float]:
    import random

    rng = random.Random(20261202)
    fixed = [0, 1, -1, 999, 1000, -2400, 2400, 1234567.891, 10.5, 0.0005, 2.5, 3.5, 0.125]
    fixed += [12.3456, 1e21, 0.1, 0.375, 1.0005, 123456789012, 7.25, 1e-7]
    drawn = [rng.randint(-(10**9), 10**9) for _ in range(300)]
    drawn += [round(rng.uniform(-1e6, 1e6), rng.randint(0, 5)) for _ in range(300)]
    return fixed + drawn


@pytest.mark.parametrize("language", ["fr", "en"])
def test_numbers_dates_and_percentages_are_cldrs_as_babel_writes_them(language: str) -> None:
    """The patterns written here give Babel's text, which the build no longer loads."""
    from babel.dates import format_date
    from babel.numbers import format_decimal
    from babel.numbers import format_percent as babel_percent

    locale = _BABEL_LOCALES[language]
    for value in _numbers():
        for decimals in (None, 0, 1, 2):
            pattern = None if decimals is None else "#,##0." + "0" * decimals
            pattern = "#,##0" if decimals == 0 else pattern
            expected = format_decimal(value, format=pattern, locale=locale)
            assert format_number(value, language, decimals) == expected, (value, decimals)
    for percent in [*range(-5, 250), 0.5, 12.5, 13.5, 99.5]:
        expected = babel_percent(percent / 100, locale=locale)
        assert format_percent(percent, language) == expected, percent
    for month in range(1, 13):
        for day in (1, 2, 9, 28):
            date = dt.date(2026, month, day)
            expected = format_date(date, format="long", locale=locale).replace(" ", NBSP)
            if language == "fr" and day == 1:
                expected = "1er" + expected[1:]
            assert format_day(date, language) == expected


def test_a_number_rounded_to_zero_has_no_sign() -> None:
    """Babel writes "-0" for -0.4 without decimals: nobody reads that as a number."""
    assert format_number(-0.4, "fr", 0) == "0"
    assert format_number(-0.04, "en", 1) == "0.0"
    assert format_number(-0.4, "en", 1) == "-0.4"


def test_a_number_larger_than_the_decimal_context_is_written_whole() -> None:
    """A staff of 1e30 is valid data (found by the fuzzer: Babel's rounding overflowed)."""
    written = format_number(1e30, "fr")
    assert written.replace("\u202f", "").replace("\xa0", "") == "1" + "0" * 30
