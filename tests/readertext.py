"""What a reader of a handbook must not meet in its text: patterns of badly written text.

Each rule is a name, a pattern and the languages it applies to. :func:`text_problems`
reads the ``text`` builder's output of a handbook and returns each match with its page,
so that a test fails on "1 janvier", an ISO date in prose, "1 unités", "mot;" or
"convention Convention ..." wherever the generated text came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["RULES", "Rule", "count_problems", "text_problems"]

MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
# French and English words ending in "s" that are singular too
INVARIABLE = frozenset(
    {
        "mois",
        "fois",
        "pas",
        "corps",
        "temps",
        "cas",
        "prix",
        "bus",
        "campus",
        "process",
        "status",
        "analysis",
        "basis",
        "focus",
        "bonus",
    }
)


@dataclass(frozen=True)
class Rule:
    """A pattern a handbook's text must not hold, in the given languages."""

    name: str
    pattern: re.Pattern[str]
    languages: tuple[str, ...] = ("fr", "en")


RULES = (
    Rule("iso-date", re.compile(r"(?<![\w/.:-])\d{4}-\d{2}-\d{2}(?![\w/.-])")),
    Rule(
        "1 janvier",
        re.compile(r"\b1[ \u00a0\u202f](?:" + "|".join(MONTHS_FR.split()) + r")\b"),
        ("fr",),
    ),
    Rule(
        "one-plural",
        re.compile(r"(?<![\d,.\u00a0\u202f ])\b1[ \u00a0\u202f]+([a-zàâéèêëîïôûüç]+s)\b"),
    ),
    Rule("mot;", re.compile(r"\w;"), ("fr",)),
    Rule("space-before-punct", re.compile(r" [;!?»%]| :(?= )|« "), ("fr",)),
    Rule("number-break", re.compile(r"\d \d{3}(?!\d)")),
    Rule("repeated-word", re.compile(r"\b([^\W\d_]{3,}) \1\b", re.IGNORECASE)),
)


# Sphinx's text writer wraps table cells with a wrapper whose ``\s`` matches no-break
# spaces, and writes the cell back with plain ones: in a grid table's rows, a space is no
# evidence of a breaking space in the page (HTML and LaTeX keep the no-break space).
_SPACING_RULES = ("space-before-punct", "number-break")


def _matches(rule: Rule, text: str) -> list[str]:
    found = []
    if rule.name in _SPACING_RULES:
        text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("|"))
    for match in rule.pattern.finditer(text):
        if rule.name == "one-plural" and match.group(1).lower() in INVARIABLE:
            continue
        found.append(text[max(0, match.start() - 30) : match.end() + 20].replace("\n", " "))
    return found


def text_problems(outdir: Path, language: str) -> list[str]:
    """Every match of the rules in the ``.txt`` pages under ``outdir``, as ``page: rule: text``."""
    problems = []
    for page in sorted(outdir.rglob("*.txt")):
        text = page.read_text(encoding="utf-8")
        for rule in RULES:
            if language in rule.languages:
                name = page.relative_to(outdir)
                problems += [f"{name}: {rule.name}: {m!r}" for m in _matches(rule, text)]
    return problems


def count_problems(outdir: Path, language: str) -> dict[str, int]:
    """How many matches of each rule (the figures of the issue's before/after)."""
    counts = {rule.name: 0 for rule in RULES if language in rule.languages}
    for line in text_problems(outdir, language):
        counts[line.split(": ")[1]] += 1
    return counts
