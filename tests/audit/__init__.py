"""Output audits: a built handbook checked as its readers meet it.

Each audit reads what a builder wrote and returns a :class:`Report` whose ``problems`` say
what a reader would trip on, with the file concerned:

- :func:`audit_html`: every link of every HTML page and SVG chart that points inside the
  site leads to a file that exists, and its ``#fragment`` to an id of that page; no id twice
  in a page; links use only ``http``, ``https``, ``mailto`` or ``tel``; no
  ``<meta http-equiv>``;
- :func:`audit_latex`: the final LaTeX log has no undefined reference and no multiply
  defined label, and the PDF's text has no ``??``;
- :func:`compare_trees`: two output folders hold the same files with the same bytes
  (incremental = clean, clean = clean).
"""

from __future__ import annotations

from .html import Report, audit_html
from .latex import audit_latex
from .trees import compare_trees

__all__ = ["Report", "audit_html", "audit_latex", "compare_trees"]
