"""reStructuredText written in the data (descriptions, roles...), parsed safely."""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from ..data import OrgData

__all__ = ["parse_data_rest"]


def parse_data_rest(
    directive: SphinxDirective,
    data: OrgData,
    section: str,
    record_id: str,
    text: str,
    classes: list[str] | None = None,
) -> nodes.container:
    """``text`` parsed into a container, its problems located in the YAML file; ``raw`` and
    file inclusion (``include``, ``literalinclude``...) are disabled: the data may come from
    a spreadsheet, it must not inject HTML or read files."""
    container = nodes.container(classes=classes or [])
    origin = data.origin(section, record_id)
    source = str(origin.path) if origin else directive.get_source_info()[0]
    offset = (origin.line or 0) if origin else 0
    lines = StringList()
    for index, line in enumerate(text.splitlines()):
        lines.append(line, source, offset + index)
    settings = directive.state.document.settings
    saved = (settings.raw_enabled, settings.file_insertion_enabled)
    settings.raw_enabled = settings.file_insertion_enabled = False
    try:
        directive.state.nested_parse(lines, 0, container)
    finally:
        settings.raw_enabled, settings.file_insertion_enabled = saved
    return container
