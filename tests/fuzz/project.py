"""A minimal Sphinx project around a data package, and how to read its warnings."""

from __future__ import annotations

import re
from pathlib import Path

from .packages import write_files

__all__ = ["CONF", "located", "orgchart_subtype", "write_project"]

CONF = """\
project = "Robustesse"
extensions = ["sphinx_orgchart"]
orgchart_data = "../data"
"""


VIEWS = """\
Vues
====

.. org:chart::
   :legend:

.. org:levels::

.. org:shared::

.. org:directory::

.. org:objectives::

.. org:changes::
"""
"""A page with the directives that show the whole package."""

REPEATED = """
.. org:chart::

.. org:shared::

.. org:directory::

.. org:changes::
"""
"""The directives a handbook may hold twice on a page (their ids stay unique per occurrence;
the glossary of levels and the objectives register their terms: once)."""


def write_project(
    root: Path, files: dict[str, bytes], units: list[str], posts: list[str], views: bool = False
) -> Path:
    """A project in ``root/src`` reading the package ``files`` from ``root/data``.

    Its index has the toctree of the unit pages and links to the given units and posts;
    with ``views``, a second page holds the charts, lists and tables of the whole package.
    """
    write_files(root / "data", files)
    srcdir = root / "src"
    srcdir.mkdir(parents=True)
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    links = [f"- :org:unit:`{u}`" for u in units]
    links += [f"- :org:unit:`l'unité <{u}>`" for u in units[:1]]
    links += [f"- :org:post:`{p}`" for p in posts]
    pages = "   org/index\n" + ("   vues\n" if views else "")
    index = "Accueil\n=======\n\n.. toctree::\n\n" + pages + "\n" + "\n".join(links) + "\n"
    if views:
        (srcdir / "vues.rst").write_text(VIEWS + REPEATED, encoding="utf-8")
    (srcdir / "index.rst").write_text(index, encoding="utf-8")
    return srcdir


_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?:WARNING|ERROR): ")
_PATH_IN_MESSAGE = re.compile(r"^(?:WARNING|ERROR): (?P<path>/[^:]+): ")
_SUBTYPE = re.compile(r"\[orgchart\.(?P<subtype>[\w-]+)\]$")


def located(warning: str) -> bool:
    """Whether a warning line names a file and line, or starts its message with a file."""
    return bool(_LINE.match(warning) or _PATH_IN_MESSAGE.match(warning))


def orgchart_subtype(warning: str) -> str | None:
    """The subtype of an ``orgchart`` warning line, or None for another warning."""
    match = _SUBTYPE.search(warning)
    return match["subtype"] if match else None
