"""reStructuredText written in the data (descriptions, roles...), parsed safely."""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective, switch_source_input

from ..data import OrgData
from .text import __
from .warnings import DATA_TEXT, warn

__all__ = ["parse_data_rest"]

_ACTIVE = "orgchart_data_rest_active"


def parse_data_rest(
    directive: SphinxDirective,
    data: OrgData,
    section: str,
    record_id: str,
    text: str,
    classes: list[str] | None = None,
    field: str = "description",
) -> nodes.container:
    """``text`` parsed into a container, its problems located in the YAML file.

    What a text of the data may not do, since it may come from a spreadsheet and is
    published: ``raw`` and file inclusion (``include``, ``literalinclude``...) are disabled
    by docutils; images and downloads of local files are dropped (only web addresses are
    kept), since they would copy any file the build can read into the site; a text that
    shows, through a directive, the record it belongs to is not parsed a second time.
    """
    container = nodes.container(classes=classes or [])
    origin = data.origin(section, record_id)
    source = str(origin.path) if origin else directive.get_source_info()[0]
    first = origin.text_line(field) if origin else None
    offset = first - 1 if first else 0  # docutils counts lines from 0
    location = (source, first)
    document = directive.state.document
    # the records whose text is being parsed in this document (Sphinx clears temp_data
    # after each document)
    temp_data = directive.env.temp_data
    if _ACTIVE not in temp_data:
        temp_data[_ACTIVE] = set()
    active: set[tuple[str, str]] = temp_data[_ACTIVE]
    if (section, record_id) in active:
        warn(
            __(
                "the text of %(record)s shows %(record)s itself through a directive: it is "
                "shown once, remove the directive from the text"
            )
            % {"record": record_id},
            DATA_TEXT,
            location,
        )
        return container
    lines = StringList()
    for index, line in enumerate(text.splitlines()):
        lines.append(line, source, offset + index)
    settings = document.settings
    saved = (settings.raw_enabled, settings.file_insertion_enabled)
    settings.raw_enabled = settings.file_insertion_enabled = False
    active.add((section, record_id))
    try:
        with switch_source_input(directive.state, lines):
            directive.state.nested_parse(lines, 0, container)
    finally:
        active.discard((section, record_id))
        settings.raw_enabled, settings.file_insertion_enabled = saved
    _drop_local_files(container, record_id, location)
    return container


def _remote(uri: str) -> bool:
    return uri.startswith(("https://", "http://"))


def _drop_local_files(
    container: nodes.Element, record_id: str, location: tuple[str, int | None]
) -> None:
    """Images and downloads of local files, replaced by their text, with a warning."""
    for node in list(container.findall(addnodes.download_reference)):
        if _remote(node.get("reftarget", "")):
            continue
        warn(
            __(
                "the text of %(record)s links to the file %(file)s for download: a text of "
                "the data may only link to web addresses, put the file in the handbook"
            )
            % {"record": record_id, "file": node.get("reftarget", "")},
            DATA_TEXT,
            location,
        )
        node.replace_self(nodes.inline("", node.astext()))
    for image in list(container.findall(nodes.image)):
        uri = image.get("uri", "")
        if _remote(uri):
            continue
        warn(
            __(
                "the text of %(record)s shows the image %(file)s: a text of the data may only "
                "show images from web addresses, put the image in the handbook"
            )
            % {"record": record_id, "file": uri},
            DATA_TEXT,
            location,
        )
        alt = image.get("alt", "")
        parent = image.parent
        if alt:
            image.replace_self(nodes.inline("", alt))
        elif parent is not None:
            parent.remove(image)
