"""reStructuredText written in the data (descriptions, roles...), parsed with an allow-list.

A text of the data may come from a spreadsheet and is published: it is parsed with a
directive and role table reduced to the allow-list of ``sphinx_orgchart.textrules``, and the
parsed nodes are then kept only if their class is allow-listed and their links go to an
allowed scheme. The build is safe whatever the pattern checker of the data layer misses.

One mistake, one message: the loader already reports, as ``orgchart.text-markup``, what
the pattern checker finds; this module warns (``orgchart.data-text``) only for what it
refuses on a line the loader said nothing about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive, directives, roles
from docutils.statemachine import StringList
from docutils.utils import get_source_line, unescape
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective, switch_source_input

from ..data import OrgData
from ..textrules import (
    ALLOWED_DIRECTIVES,
    ALLOWED_ROLES,
    check_text,
    safe_uri,
    without_inline_targets,
)
from .text import __
from .warnings import DATA_TEXT, warn

__all__ = ["ALLOWED_NODES", "parse_data_rest"]

ALLOWED_NODES: frozenset[type[nodes.Node]] = frozenset(
    (
        nodes.Text,
        nodes.paragraph,
        nodes.emphasis,
        nodes.strong,
        nodes.literal,
        nodes.title_reference,
        nodes.subscript,
        nodes.superscript,
        nodes.abbreviation,
        nodes.inline,
        nodes.reference,  # links are checked apart
        nodes.target,  # kept only with an allowed address
        nodes.bullet_list,
        nodes.enumerated_list,
        nodes.list_item,
        nodes.definition_list,
        nodes.definition_list_item,
        nodes.term,
        nodes.classifier,
        nodes.definition,
        nodes.option_list,
        nodes.option_list_item,
        nodes.option_group,
        nodes.option,
        nodes.option_string,
        nodes.option_argument,
        nodes.description,
        nodes.table,
        nodes.tgroup,
        nodes.colspec,
        nodes.thead,
        nodes.tbody,
        nodes.row,
        nodes.entry,
        nodes.block_quote,
        nodes.attribution,
        nodes.line_block,
        nodes.line,
        nodes.literal_block,
        nodes.doctest_block,
        nodes.comment,
        nodes.note,
        nodes.tip,
        nodes.important,
        nodes.warning,
        nodes.system_message,  # docutils' own messages about the text, located by Sphinx
        nodes.problematic,
        nodes.substitution_reference,  # the handbook's own substitutions (|today|...)
        addnodes.pending_xref,  # from the allowed roles: org roles and :term:
        addnodes.literal_strong,
        addnodes.literal_emphasis,
    )
)
"""Node classes a parsed text may hold (exactly these, not their subclasses such as
``download_reference``); any other node is removed."""

_SILENT = (nodes.raw, nodes.image, nodes.math, nodes.math_block, nodes.pending, nodes.comment)
"""Refused nodes whose text is not prose: removed without keeping their text."""

_DEFAULT_ROLE = roles.GenericRole("title-reference", nodes.title_reference)


class _AnyOptions(dict[str, Callable[[str], Any]]):
    """Accepts every option, so that a refused directive is read whole and dropped."""

    def __bool__(self) -> bool:
        return True

    def __missing__(self, key: str) -> Callable[[str], Any]:
        return directives.unchanged


class _Refusal:
    """What one text refuses, and where the loader already said so."""

    def __init__(self, record_id: str, source: str, first: int | None, reported: set[int]) -> None:
        self.record_id = record_id
        self.source = source
        self.first = first
        self.reported = reported

    def warn(self, what: str, line: int | None) -> None:
        """Warn about ``what`` at ``line`` unless the loader reported that line."""
        line = line or self.first
        if line in self.reported or (line is None and self.reported):
            return
        if line is not None:
            self.reported.add(line)
        warn(
            __(
                "the text of %(record)s holds %(what)s, which a text of the data may not use: "
                "it is left out (see the allowed reStructuredText in the documentation)"
            )
            % {"record": self.record_id, "what": what},
            DATA_TEXT,
            # a "path:line" string: Sphinx would read a (path, line) tuple as a docname
            f"{self.source}:{line}" if line else self.source + ":",
        )

    def directive_class(self, name: str) -> type[Directive]:
        """A directive that reads anything, warns and produces nothing."""
        refusal = self

        class Refused(Directive):
            has_content = True
            optional_arguments = 1
            final_argument_whitespace = True
            option_spec = _AnyOptions()

            def run(self) -> list[nodes.Node]:
                line = self.state_machine.get_source_and_line(self.lineno)[1]
                refusal.warn(f"'.. {name}::'", line)
                return []

        return Refused

    def role(
        self,
        name: str,
        rawtext: str,
        text: str,
        lineno: int,
        inliner: Any,
        options: Any = None,
        content: Any = None,
    ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        """A refused role: its text, as plain text."""
        self.warn(f"':{name}:'", inliner.reporter.get_source_and_line(lineno)[1])
        return [nodes.Text(unescape(text))], []


@contextmanager
def _restricted(refusal: _Refusal) -> Iterator[None]:
    """Only allow-listed directives and roles while a text is parsed."""
    lookup_directive, lookup_role = directives.directive, roles.role

    def directive(name: str, language: Any, document: Any) -> tuple[Any, list[Any]]:
        if name.lower() in ALLOWED_DIRECTIVES:
            return lookup_directive(name, language, document)
        return refusal.directive_class(name), []

    def role(name: str, language: Any, lineno: int, reporter: Any) -> tuple[Any, list[Any]]:
        if not name:
            return _DEFAULT_ROLE, []  # whatever default-role the handbook sets
        if name.lower() in ALLOWED_ROLES:
            return lookup_role(name, language, lineno, reporter)
        return refusal.role, []

    directives.directive = directive  # type: ignore[assignment]
    roles.role = role  # type: ignore[assignment]
    try:
        yield
    finally:
        directives.directive = lookup_directive
        roles.role = lookup_role


def parse_data_rest(
    directive: SphinxDirective,
    data: OrgData,
    section: str,
    record_id: str,
    text: str,
    classes: list[str] | None = None,
    field: str = "description",
) -> nodes.container:
    """``text`` parsed into a container, with only the allowed markup, located in the YAML."""
    container = nodes.container(classes=classes or [])
    origin = data.origin(section, record_id)
    source = str(origin.path) if origin else directive.get_source_info()[0]
    first = origin.text_line(field) if origin else None
    offset = first - 1 if first else 0  # docutils counts lines from 0
    findings = check_text(text)
    reported_offsets = {finding.offset for finding in findings}
    reported = {offset + 1 + finding.offset for finding in findings} if first else set()
    refusal = _Refusal(record_id, source, first, reported)
    # Refused blocks (directives, targets, footnotes, substitutions) reported by the loader
    # are left out before parsing, so that docutils does not add its own messages about
    # them (duplicate targets, invalid substitutions...): one mistake, one message.
    blanked = {index for finding in findings if finding.block for index in finding.block[1:]}
    starts = {finding.block.start for finding in findings if finding.block}
    lines = StringList()
    for index, line in enumerate(text.splitlines()):
        if index in starts:  # a comment, so that an admonition holding it is not empty
            line = line[: len(line) - len(line.lstrip())] + ".."
        elif index in blanked:
            line = ""
        elif index in reported_offsets:
            line = without_inline_targets(line)
        lines.append(line, source, offset + index)
    settings = directive.state.document.settings
    saved = (settings.raw_enabled, settings.file_insertion_enabled)
    settings.raw_enabled = settings.file_insertion_enabled = False
    try:
        with _restricted(refusal), switch_source_input(directive.state, lines):
            directive.state.nested_parse(lines, 0, container)
    finally:
        settings.raw_enabled, settings.file_insertion_enabled = saved
    _keep_allowed(container, refusal, directive.state.document)
    return container


def _keep_allowed(container: nodes.Element, refusal: _Refusal, document: nodes.document) -> None:
    """Remove every node outside the allow-list, and every link to a refused address."""
    for node in list(container.findall(include_self=False)):
        if not _in(node, container):
            continue  # inside a node already removed
        kind = type(node)
        if not isinstance(node, nodes.Element):
            continue  # text: always allowed
        uri = node.get("refuri")
        if kind is nodes.reference and ((uri is not None and safe_uri(uri)) or _internal(node)):
            continue
        if kind is nodes.target and uri is not None and safe_uri(uri):
            continue  # the target of a named link
        if kind is nodes.substitution_reference and _defined(node, document):
            continue
        if kind in ALLOWED_NODES and kind not in _CHECKED:
            continue
        line = get_source_line(node)[1]
        if _names_refused(node) and refusal.reported:
            _remove(node)  # names a block refused above: the same mistake, already reported
            continue
        tagname = node.tagname if isinstance(node, nodes.Element) else "text"
        refusal.warn(f"a link to '{uri}'" if uri else f"'{tagname}'", line)
        _remove(node)


_CHECKED = (nodes.reference, nodes.target, nodes.substitution_reference)
_SPHINX_SUBSTITUTIONS = ("today", "version", "release", "translation progress")


def _internal(node: nodes.Element) -> bool:
    """A link that names a target of the same text, written with an allowed address."""
    return False if node.get("anonymous") or "refuri" in node else "refid" in node


def _names_refused(node: nodes.Node) -> bool:
    """A reference to a target, footnote or substitution (which a refused block defined)."""
    if isinstance(node, nodes.substitution_reference | nodes.footnote_reference):
        return True
    return isinstance(node, nodes.reference) and "refuri" not in node


def _defined(node: nodes.Element, document: nodes.document) -> bool:
    """A substitution the handbook defines (rst_prolog, |today|...)."""
    name = node.get("refname", "")
    return name in document.substitution_defs or name in _SPHINX_SUBSTITUTIONS


def _remove(node: nodes.Node) -> None:
    """``node`` replaced by its text, or removed when it has none worth keeping."""
    parent = node.parent
    assert parent is not None
    assert isinstance(node, nodes.Element)
    if isinstance(node, _SILENT) or not node.astext().strip():
        parent.remove(node)
    elif isinstance(parent, nodes.TextElement):
        parent.replace(node, nodes.Text(node.astext()))  # its ids go with it
    else:
        parent.replace(node, nodes.paragraph("", node.astext()))


def _in(node: nodes.Node, container: nodes.Element) -> bool:
    """True if ``node`` is still in ``container`` (not in a subtree already removed)."""
    parent = node.parent
    while parent is not None and parent is not container:
        parent = parent.parent
    return parent is container
