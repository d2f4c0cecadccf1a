"""In a real browser: pages that scroll sideways at a given window width."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["WIDTHS", "sideways"]

WIDTHS = (1400, 390)
"""A desktop window and a phone, in CSS pixels."""

# The page scrolls sideways when its document is wider than the window; a wide table or
# chart inside its own scrolling box does not make it so.
_OVERFLOW = """() => {
  const doc = document.documentElement;
  if (doc.scrollWidth <= doc.clientWidth + 1) return null;
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right > doc.clientWidth + 1 && box.width > 0) {
      const parent = el.parentElement;
      const parentBox = parent ? parent.getBoundingClientRect() : null;
      if (!parentBox || parentBox.right <= doc.clientWidth + 1) {
        culprits.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
          + ' ' + Math.round(box.right) + 'px');
      }
    }
    if (culprits.length >= 3) break;
  }
  return doc.scrollWidth + 'px wide: ' + culprits.join(', ');
}"""


def sideways(
    page: Any, base: str, paths: Iterable[str], widths: Iterable[int] = WIDTHS
) -> list[str]:
    """``path at width: why`` for each page that scrolls sideways at one of ``widths``."""
    problems = []
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            page.goto(base + path)
            page.wait_for_load_state("load")
            found = page.evaluate(_OVERFLOW)
            if found:
                problems.append(f"scrolls sideways: {path} at {width} px: {found}")
    return problems
