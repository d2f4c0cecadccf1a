"""``setup()``: what the extension adds to Sphinx, as a table of contents."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from .. import __version__
from ..i18n import DOMAIN, LOCALE_DIR
from .chartnodes import setup_chart_nodes
from .config import check_config, setup_config
from .directivenodes import setup_directive_nodes
from .domain import OrgDomain, warn_missing
from .indexpages import index_page_context, note_written, record_index_pages, template_path
from .indices import prepare_indices
from .livenames import LiveNames
from .nodes import setup_nodes
from .pages import generate_pages, remove_gone_pages, remove_unused_drawings
from .state import before_reading, load_state, note_references, outdated_docs, rewritten_docs
from .typography import FrenchSpacing, LaTeXFrenchSpacing, SpacingAtRead
from .warmup import (
    before_parallel_read,
    before_parallel_write,
    freeze_for_rebuild,
    resume_collector,
    suspend_collector,
    unfreeze,
)

__all__ = ["ENV_VERSION", "setup"]

ENV_VERSION = 6
"""Bumped when what the extension keeps in the environment changes shape."""

STATIC = Path(__file__).resolve().parent.parent / "static"


def _builder_inited(app: Sphinx) -> None:
    load_state(app)
    generate_pages(app)


def _static_path(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the ``org`` domain and everything around it."""
    app.setup_extension("sphinx.ext.graphviz")  # dot settings and rendering
    app.add_message_catalog(DOMAIN, LOCALE_DIR)
    setup_config(app)
    setup_nodes(app)
    setup_chart_nodes(app)
    setup_directive_nodes(app)
    app.add_domain(OrgDomain)  # its directives: imported when a document uses them

    app.connect("config-inited", check_config)
    app.connect("config-inited", lambda app, config: _static_path(app))
    app.connect("config-inited", template_path)
    app.connect("config-inited", suspend_collector, priority=950)
    app.connect("builder-inited", resume_collector, priority=50)
    app.connect("builder-inited", _builder_inited)
    app.connect("builder-inited", freeze_for_rebuild, priority=900)
    app.connect("env-get-outdated", outdated_docs)
    app.connect("env-before-read-docs", before_reading)
    app.connect("env-before-read-docs", before_parallel_read, priority=900)
    app.connect("doctree-read", note_references)
    app.connect("env-get-updated", rewritten_docs)
    app.connect("env-get-updated", remove_gone_pages)
    app.connect("env-updated", prepare_indices)
    app.connect("doctree-resolved", before_parallel_write)
    app.connect("doctree-resolved", note_written)
    app.connect("html-page-context", index_page_context)
    app.connect("build-finished", remove_unused_drawings)
    app.connect("build-finished", record_index_pages)
    app.connect("build-finished", unfreeze)
    app.add_post_transform(LiveNames)
    app.add_transform(SpacingAtRead)
    app.add_post_transform(FrenchSpacing)
    app.add_post_transform(LaTeXFrenchSpacing)
    app.connect("warn-missing-reference", warn_missing)
    app.add_css_file("orgchart.css")

    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
