"""PyYAML's syntax errors, explained: what the problem is, where, and what to write instead.

PyYAML's messages ("mapping values are not allowed here") are written for the authors of
YAML parsers; the most frequent ones are told here in the words of a person keeping a
package, translated through the catalog, and located where the mistake is made (an
unclosed ``[`` where it opens, a ``]`` that closes nothing where it stands).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..i18n import N_, Msg
from ..problems import YAML_SYNTAX, Problem

__all__ = ["syntax_problem"]


# PyYAML's most frequent messages, explained (and translated through the catalog).
_SYNTAX_HELP: dict[str, str] = {
    "mapping values are not allowed here": N_(
        "a ':' is not allowed here; a value that contains ': ' must be written in quotes, "
        "or the line is not indented like its neighbours"
    ),
    "mapping values are not allowed in this context": N_(
        "a ':' is not allowed here; a value that contains ': ' must be written in quotes, "
        "or the line is not indented like its neighbours"
    ),
    "found undefined alias": N_(
        "an alias (*name) refers to an anchor (&name) that is not defined above it"
    ),
    "could not find expected ':'": N_(
        "a key is not followed by ':' (or a value spans lines without quotes)"
    ),
    "did not find expected key": N_(
        "the indentation does not match the lines above (a key or a '- ' item is misaligned)"
    ),
    "did not find expected ',' or ']'": N_("a '[' list is not closed with ']'"),
    "did not find expected ',' or '}'": N_("a '{' mapping is not closed with '}'"),
    "expected ',' or ']'": N_("a '[' list is not closed with ']'"),
    "expected ',' or '}'": N_("a '{' mapping is not closed with '}'"),
    "expected <block end>": N_(
        "the indentation does not match the lines above (a key or a '- ' item is misaligned)"
    ),
    "did not find expected '-' indicator": N_(
        "a list item does not start with '- ' at the same indentation as the others"
    ),
    "found character '\\t' that cannot start any token": N_(
        "a tab character is used for indentation: indent with spaces"
    ),
    "found character that cannot start any token": N_(
        "a character cannot start a value here (a tab, or '@' or '`' at the start of a value: "
        "write the value in quotes)"
    ),
    "found a tab character that violates indentation": N_(
        "a tab character is used for indentation: indent with spaces"
    ),
    "found unexpected end of stream": N_("the file ends inside a quoted text: close the quotes"),
    "found unknown escape character": N_(
        "a backslash in a double-quoted text starts an unknown escape: double it, or use "
        "single quotes"
    ),
    "but found another document": N_(
        "the file holds several YAML documents ('---'): keep one document per file"
    ),
}


# Problems best located where the construct that is not closed starts.
_AT_START = (
    "did not find expected ',' or ']'",
    "did not find expected ',' or '}'",
    "expected ',' or ']'",
    "expected ',' or '}'",
    "found unexpected end of stream",
)
_NO_CONTEXT = ("but found another document",)
# Problems that, at a ']' or '}', mean that it closes a bracket never opened.
_NOTHING_TO_CLOSE = (
    "expected <block end>",
    "did not find expected key",
    "did not find expected '-' indicator",
    "expected the node content",
    "did not find expected node content",
)


def syntax_problem(path: Path, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """The problem to report for PyYAML's error ``exc`` in the file ``path`` (``text``)."""
    problem = (exc.problem or "").strip()
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    closing = _char_at(text, mark.line, mark.column) if mark is not None else ""
    if closing in ("]", "}") and problem.startswith(_NOTHING_TO_CLOSE):
        return Problem(
            YAML_SYNTAX,
            N_(
                "YAML syntax error: this '%(char)s' closes nothing (no '%(opening)s' is open "
                "here): delete it"
            ),
            {"char": closing, "opening": "[" if closing == "]" else "{"},
            path,
            line,
        )
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        problem = "found a tab character that violates indentation"
    explained = _SYNTAX_HELP.get(problem)
    if explained is None:
        explained = next(
            (msg for key, msg in _SYNTAX_HELP.items() if problem.startswith(key)), None
        )
    shown: str = Msg(explained) if explained else problem
    context_line = exc.context_mark.line + 1 if exc.context_mark else None
    if problem.startswith(_AT_START) and context_line:
        line = context_line
    elif context_line and line and context_line != line and not problem.startswith(_NO_CONTEXT):
        return Problem(
            YAML_SYNTAX,
            N_("YAML syntax error: %(problem)s (the construct starts on line %(start)s)"),
            {"problem": shown, "start": context_line},
            path,
            line,
        )
    return Problem(
        YAML_SYNTAX, N_("YAML syntax error: %(problem)s"), {"problem": shown}, path, line
    )


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    if 0 <= line < len(lines) and 0 <= column < len(lines[line]):
        return lines[line][column]
    return ""
