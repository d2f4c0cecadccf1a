"""Damage to the texts and bytes of a package's files: indentation, tabs, several
documents, alias bombs, raw control characters, truncation, random bytes.

Each one is sure to break the file: when a change may be harmless (an indentation change
inside a quoted text), the text is parsed again, and a damage that always breaks is used
instead when it still parses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from .work import Work, choose, parses, some_indexes

__all__ = [
    "alias_bomb",
    "bad_indentation",
    "random_bytes",
    "raw_control",
    "several_documents",
    "tab",
    "truncation",
]

Draw = Any

# Characters the YAML reader refuses anywhere in a file.
RAW_CONTROLS = (
    "".join(
        chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0x85))
    )
    + "".join(chr(c) for c in range(0x86, 0xA0))
    + "\ufffe\uffff"
)
INVALID_UTF8 = (b"\xff", b"\xe9 ", b"\xc3(", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80")
BOMB = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)
)


# -- stage 1: the texts ---------------------------------------------------------------------

_KEY_LINE = re.compile(r"^( *)(?:- )?[A-Za-z_][A-Za-z_0-9]*:(?: |$)")


def _line_damage(draw: Draw, work: Work, name: str, damage: Callable[[str, Draw], str]) -> str:
    path = choose(draw, sorted(work.documents))
    text = work.restyle(path, flow=False)
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if _KEY_LINE.match(line)]
    for pick in some_indexes(draw, len(candidates)):
        index = candidates[pick]
        changed = [*lines[:index], damage(lines[index], draw), *lines[index + 1 :]]
        new = "\n".join(changed)
        if not parses(new):
            work.render()[path] = new
            return f"{name} {path}:{index + 1}"
    return several_documents(draw, work, path)


def bad_indentation(draw: Draw, work: Work) -> str:
    """A key indented one space more or less than its neighbours."""

    def shift(line: str, draw: Draw) -> str:
        indent = len(line) - len(line.lstrip(" "))
        if indent and draw(st.booleans()):
            return line[1:]
        return " " + line

    return _line_damage(draw, work, "bad-indentation", shift)


def tab(draw: Draw, work: Work) -> str:
    """A tab used to indent a line."""

    def with_tab(line: str, draw: Draw) -> str:
        indent = len(line) - len(line.lstrip(" "))
        return ("\t" if indent and draw(st.booleans()) else line[:indent] + "\t") + line[indent:]

    return _line_damage(draw, work, "tab", with_tab)


def several_documents(draw: Draw, work: Work, path: str | None = None) -> str:
    """Two YAML documents in one file."""
    path = path or choose(draw, sorted(work.documents))
    texts = work.render()
    texts[path] = texts[path] + "---\nautre: document\n"
    work.touched.add(path)
    return f"several-documents {path}"


def alias_bomb(draw: Draw, work: Work) -> str:
    """A "billion laughs" file of nested aliases."""
    path = choose(draw, sorted(work.documents))  # not the excluded draft: it is never read
    work.render()[path] = BOMB
    work.touched.add(path)
    return f"alias-bomb {path}"


def raw_control(draw: Draw, work: Work) -> str:
    """A raw control character, anywhere in a file (YAML refuses them)."""
    path = choose(draw, sorted(work.documents))
    text = work.render()[path]
    position = draw(st.integers(0, len(text)))
    char = choose(draw, list(RAW_CONTROLS))
    work.render()[path] = text[:position] + char + text[position:]
    work.touched.add(path)
    return f"raw-control U+{ord(char):04X} in {path}"


def truncation(draw: Draw, work: Work) -> str:
    """A file cut short (written in flow style, so that any cut leaves a '{' open)."""
    path = choose(draw, sorted(work.documents))
    fresh = path not in work.touched and isinstance(work.documents[path], dict)
    text = work.restyle(path, flow=True)
    if fresh:
        assert text.endswith("}\n"), text
        cut = draw(st.integers(1, len(text) - 2))
        work.render()[path] = text[:cut]
        return f"truncation {path} at {cut}/{len(text)}"
    for cut in some_indexes(draw, len(text)):
        if cut and not parses(text[:cut]):
            work.render()[path] = text[:cut]
            return f"truncation {path} at {cut}/{len(text)}"
    return several_documents(draw, work, path)


# -- stage 2: the bytes ---------------------------------------------------------------------


def random_bytes(draw: Draw, work: Work) -> str:
    """Binary content, or bytes that are not UTF-8, in a file."""
    data = work.encode()
    path = choose(draw, sorted(work.documents))
    if draw(st.booleans()):
        noise = draw(st.binary(max_size=200))
        position = draw(st.integers(0, min(len(noise), 8000)))
        data[path] = noise[:position] + b"\x00" + noise[position:]
        return f"random-bytes binary {path}"
    content = data[path]
    position = draw(st.integers(0, len(content)))
    bad = choose(draw, list(INVALID_UTF8))
    data[path] = content[:position] + bad + content[position:]
    return f"random-bytes not-utf8 {bad!r} in {path}"
