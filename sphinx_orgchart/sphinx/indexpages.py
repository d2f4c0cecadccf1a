"""The documents a build writes, and the domain's index pages a rebuild keeps.

Sphinx writes the HTML pages of the domain's indices (``org-units``, ``org-shared``) on every
build, a rebuild with no change included: at 5,000 units writing the unit index's page
took 0.13 to 0.16 s of such a rebuild (0.016 s kept), while a handbook that lists its units in a
page of its own writes nothing. A build that writes no document keeps the page it wrote
last, when what the page shows is what it showed then (:func:`index_page_context`).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import sphinx
from docutils import nodes
from sphinx.application import Sphinx

from .. import __version__
from ..writefile import write_text_atomic
from .state import DOMAIN, get_state

__all__ = [
    "HTML_TEMPLATES",
    "index_page_context",
    "note_written",
    "record_index_pages",
    "template_path",
    "written_docs",
]

HTML_TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "html"
"""The extension's HTML templates (added to ``templates_path``)."""

VERBATIM = "orgchart-verbatim.html"
"""A template that writes ``orgchart_verbatim`` as it is: the page kept."""

BUILDERS = frozenset({"html", "dirhtml"})
"""The builders that write one page per index, whose pages may be kept."""

_WRITTEN = "_orgchart_written_docs"
_KEYS = "_orgchart_index_keys"


def template_path(app: Sphinx, config: Any) -> None:
    """``config-inited``: the extension's HTML templates, after the project's own."""
    if str(HTML_TEMPLATES) not in config.templates_path:
        config.templates_path.append(str(HTML_TEMPLATES))


def note_written(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the document is being written (in the main process, whether
    Sphinx writes in parallel or not)."""
    written: set[str] | None = getattr(app.builder, _WRITTEN, None)
    if written is None:
        written = set()
        setattr(app.builder, _WRITTEN, written)
    written.add(docname)


def written_docs(app: Sphinx) -> set[str]:
    """The documents this build has written so far."""
    written: set[str] = getattr(app.builder, _WRITTEN, set())
    return written


def _record(app: Sphinx) -> Path:
    return Path(app.doctreedir) / f"orgchart-index-pages-{app.builder.name}.json"


def _read_record(app: Sphinx) -> dict[str, str]:
    try:
        record = json.loads(_record(app).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def _key(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any]) -> str:
    """What the index page shows: its entries and what every page around them shows
    (settings, theme, style sheets and scripts, links to the other indices); "" when the
    entries are not known by a digest."""
    kept = get_state(app.env).indices.get(pagename[len(DOMAIN) + 1 :])
    if kept is None:
        return ""
    builder: Any = app.builder
    tags = [context["css_tag"](css) for css in context.get("css_files", ())]
    tags += [context["js_tag"](js) for js in context.get("script_files", ())]
    info = getattr(builder, "build_info", None)
    parts = [
        __version__,
        sphinx.__version__,
        builder.name,
        templatename,
        kept[0],
        str(app.config.html_theme),
        getattr(info, "config_hash", ""),
        getattr(info, "tags_hash", ""),
        tags,
        repr(context.get("rellinks")),
        str(context.get("last_updated")),
        str(builder.get_outfilename(pagename)),
    ]
    text = json.dumps(parts, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def index_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> str | None:
    """``html-page-context``: keep the page of a domain index as it was written last, when
    this build writes no document and the page would show the same as then."""
    builder: Any = app.builder
    if (
        builder.name not in BUILDERS
        or templatename != "domainindex.html"
        or not pagename.startswith(f"{DOMAIN}-")
    ):
        return None
    key = _key(app, pagename, templatename, context)
    keys: dict[str, str] = getattr(builder, _KEYS, {})
    setattr(builder, _KEYS, keys)
    keys[pagename] = key
    previous = _read_record(app)
    if key and not written_docs(app) and previous.get(pagename) == key:
        try:
            text = Path(builder.get_outfilename(pagename)).read_text(
                encoding=context.get("encoding") or "utf-8"
            )
        except (OSError, UnicodeDecodeError, LookupError):
            text = None
        if text is not None:
            context["orgchart_verbatim"] = text
            return VERBATIM
    if pagename in previous:
        # Written again: the record no longer says what the page on the disk shows until
        # the build ends (a build stopped in between renders it again next time).
        del previous[pagename]
        _write_record(app, previous)
    return None


def _write_record(app: Sphinx, record: dict[str, str]) -> None:
    text = json.dumps(record, sort_keys=True) + "\n"
    path = _record(app)
    try:
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return
        write_text_atomic(path, text, overwrite=True, durable=False)
    except OSError:
        pass  # the index pages are written again by the next build


def record_index_pages(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: what the index pages written or kept by this build show."""
    keys: dict[str, str] | None = getattr(app.builder, _KEYS, None)
    if exception is not None or not keys:
        return
    _write_record(app, {page: key for page, key in keys.items() if key})
