"""Text of the boxes: names broken into lines."""

from __future__ import annotations

import textwrap

__all__ = ["wrap"]


def wrap(text: str, width: int = 22) -> list[str]:
    """A name broken into lines of about ``width`` characters."""
    return textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=False) or [text]
