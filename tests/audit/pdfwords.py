"""A compiled PDF read as words with their boxes (``pdftotext -bbox``): the e-mails of a
directory table held inside their column, and the spaces before French punctuation."""

from __future__ import annotations

import itertools
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape
from pathlib import Path

__all__ = ["Word", "column_problems", "gap_before", "pdf_words"]

_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


@dataclass(frozen=True)
class Word:
    """One word of a page and its box, in points from the page's top left corner."""

    page: int
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    text: str


def pdf_words(pdf: Path) -> list[Word]:
    """Every word of ``pdf``, page by page, in pdftotext's reading order."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = []
    for number, page in enumerate(xhtml.split("<page ")[1:], start=1):
        for match in _WORD.finditer(page):
            x0, y0, x1, y1 = (float(v) for v in match.groups()[:4])
            words.append(Word(number, x0, y0, x1, y1, unescape(match.group(5))))
    return words


def _column(words: list[Word], header: str, next_header: str) -> list[tuple[Word, float]]:
    """The words under ``header``, with the left edge of ``next_header`` on their page."""
    column = []
    for page in sorted({w.page for w in words}):
        on_page = [w for w in words if w.page == page]
        for head in (w for w in on_page if w.text == header):
            right = [
                w.x_min
                for w in on_page
                if w.text == next_header and abs(w.y_min - head.y_min) < 1 and w.x_min > head.x_max
            ]
            if not right:
                continue
            left_edge, right_edge = head.x_min - 1, min(right)
            cells = sorted(
                (w for w in on_page if w.y_min > head.y_max and left_edge <= w.x_min < right_edge),
                key=lambda w: (round(w.y_min), w.x_min),
            )
            column.extend((word, right_edge) for word in cells)
    return column


def column_problems(
    words: list[Word], header: str, next_header: str, expected: Iterable[str]
) -> list[str]:
    """What is wrong with the ``expected`` texts of the column headed ``header`` (on every
    page where ``next_header`` follows it on the same line): a text not found whole, or
    a word of it that ends past the column's right edge (the next header's left edge).

    A text is found whole when consecutive words of the column, line after line, join
    into it: an address broken after its dots and ``@`` reads whole, one broken with a
    hyphen or cut at the column's edge does not.
    """
    column = _column(words, header, next_header)
    problems = []
    for text in expected:
        found = False
        for start, (first, _edge) in enumerate(column):
            if not text.startswith(first.text):
                continue
            joined, end = "", start
            while end < len(column) and len(joined) < len(text):
                joined += column[end][0].text
                end += 1
            if joined != text:
                continue
            found = True
            for word, edge in column[start:end]:
                if word.x_max > edge:
                    problems.append(
                        f"page {word.page}: {text!r}: {word.text!r} ends at {word.x_max:.1f} pt,"
                        f" past the column's edge at {edge:.1f} pt"
                    )
        if not found:
            problems.append(f"{text!r} is not found whole in the column {header!r}")
    return problems


def gap_before(words: list[Word], before: str, sign: str) -> list[float]:
    """The widths of the spaces between the word ``before`` and the ``sign`` after it."""
    return [
        round(second.x_min - first.x_max, 2)
        for first, second in itertools.pairwise(words)
        if first.text == before
        and second.text == sign
        and first.page == second.page
        and abs(first.y_min - second.y_min) < 1
    ]
