"""The rows of ``org:directory``, made from the data when the page is written.

A directory lists every unit: at 5,000 units its table was 11.4 MB of pickled doctree,
9,990 references to resolve and 139,920 nodes to translate, on every renaming of a unit. The
directive keeps the ids of its units (see :mod:`.directives.directory`); when the page is
written, :func:`make_rows` (from a post-transform, in the main process) leaves the rows to
the HTML writer, which writes them as text from the data (:func:`write_rows_html`), and
makes them docutils rows for every other builder (LaTeX, text...). Both give the page
the same rows, names, links and French spacing; ``tests/test_directory_rows.py`` compares
the HTML written both ways.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..data import OrgData
from ..model import PostState, Unit, UnitStatus
from ..vocab import label
from ..wording import format_phone, typeset
from .directivenodes import directory, email_address
from .domain import OrgDomain, display_name
from .refnodes import xref
from .state import get_state
from .tables import table
from .text import _, language_of

__all__ = [
    "HTML_ROWS",
    "directory_table",
    "head_cell",
    "make_rows",
    "write_rows_html",
]

HTML_ROWS = frozenset({"html", "dirhtml"})
"""The builders whose writer writes the rows from the data; the others get docutils rows
(``singlehtml`` and ``epub`` change the links of the tree they write)."""


def _headers() -> list[str]:
    return [
        _("Unit"),
        _("Level"),
        _("Attached to"),
        _("Head"),
        _("Phone"),
        _("Email"),
        _("Site"),
    ]


# per cent of the PDF's line ("colwidths-given"): the e-mail's longest piece between its
# breaks ("belcourt-metropole.") and a phone number on one line fit their column in 10 pt
# type, each header in the text builder's characters; HTML has its own widths (orgchart.css)
_WIDTHS = [16, 10, 13, 15, 15, 19, 12]
_CLASSES = ["orgchart-directory-table", "colwidths-given"]


def head_cell(unit: Unit, language: str, show_people: bool) -> list[nodes.Node]:
    """The head post, its state, and its holder when names may be printed."""
    if unit.head is None:
        return []
    cell: list[nodes.Node] = [nodes.Text(unit.head.display())]
    if unit.head.state is not PostState.filled:
        cell.append(nodes.Text(" "))
        cell.append(nodes.inline("", label(unit.head.state, language), classes=["orgchart-status"]))
    if show_people and unit.head.holder is not None:
        cell.append(nodes.Text(" — " + unit.head.holder.name))
    return cell


def _phone_number(phone: str) -> str:
    return "".join(c for c in phone if c.isdigit() or c == "+")


def _cells(
    data: OrgData,
    unit: Unit,
    language: str,
    show_people: bool,
    anchor: str | None,
    live: bool,
) -> list[list[nodes.Node]]:
    name: list[nodes.Node] = [xref("unit", unit.id, unit.label, name="label" if live else None)]
    status = unit.status_on(data.as_of)  # "prévue" while it is to come
    if status is not UnitStatus.active:
        name += [
            nodes.Text(" "),
            nodes.inline("", label(status, language), classes=["orgchart-status"]),
        ]
    if anchor is not None:
        name.insert(0, nodes.target("", "", ids=[anchor]))
    level = data.levels.get(unit.level)
    parent = data.units.get(unit.parent or "")
    contact = unit.contact
    phone: list[nodes.Node] = []
    email: list[nodes.Node] = []
    if contact is not None and contact.phone:
        text = format_phone(contact.phone)  # never broken across two lines
        phone = [nodes.reference(text, text, refuri=f"tel:{_phone_number(contact.phone)}")]
    if contact is not None and contact.email:
        address = contact.email
        email = [email_address(address, address, refuri=f"mailto:{address}")]
    return [
        name,
        [nodes.Text(level.label(language) if level else unit.level)],
        [xref("unit", parent.id, parent.sigle or parent.name, name="short" if live else None)]
        if parent
        else [],
        head_cell(unit, language, show_people),
        phone,
        email,
        [nodes.Text(contact.site)] if contact and contact.site else [],
    ]


def directory_table(
    document: nodes.document,
    data: OrgData,
    units: list[Unit],
    anchors: dict[str, str],
    show_people: bool,
    live: bool,
    language: str,
) -> nodes.table:
    """The directory's table as docutils nodes; ``anchors`` gives the id of the rows that
    ``:org:directory-entry:`` links lead to."""
    rows = [_cells(data, unit, language, show_people, anchors.get(unit.id), live) for unit in units]
    node = table(_headers(), rows, _WIDTHS, classes=_CLASSES)
    for target in node.findall(nodes.target):
        document.ids[target["ids"][0]] = target
    return node


def make_rows(transform: SphinxPostTransform, node: directory) -> None:
    """The rows of ``node`` when its page is written, from the current data.

    Runs before the references are named (:class:`~.livenames.LiveNames`) and resolved.
    For the HTML writer it only resolves, through Sphinx's ``missing-reference`` event
    (intersphinx), the units that have no page in this handbook, and gives the search index
    the text of the rows; for every other builder it makes them docutils rows.
    """
    env = transform.env
    data = get_state(env).data
    if data is None:
        return  # the package does not load: its errors are already reported
    units = [data.units[i] for i in node["units"] if i in data.units]
    language = language_of(env)
    if transform.env._builder_cls.name not in HTML_ROWS:
        node += directory_table(
            transform.document, data, units, node["anchors"], node["show_people"], True, language
        )
        del node["units"]
        return
    domain: OrgDomain = env.get_domain("org")  # type: ignore[assignment]
    outside: dict[str, tuple[str, str]] = {}
    words: list[str] = list(_headers())
    for unit in units:
        parent = data.units.get(unit.parent or "")
        for linked in (unit, parent):
            if linked is not None and ("unit", linked.id) not in domain.objects:
                _resolve_outside(env, linked, outside)
        words.extend(_row_texts(data, unit, parent, language, node["show_people"]))
    node["outside"] = outside
    node += nodes.paragraph("", "", nodes.Text("\n".join(words)))  # for the search index


def _resolve_outside(env: Any, unit: Unit, outside: dict[str, tuple[str, str]]) -> None:
    """A unit described in another handbook (intersphinx): its address and title."""
    if unit.id in outside:
        return
    pending = xref("unit", unit.id, unit.label)
    pending["refdoc"] = env.docname
    contnode = pending[0].deepcopy()
    try:
        found = env.events.emit_firstresult(
            "missing-reference", env, pending, contnode, allowed_exceptions=(NoUri,)
        )
    except NoUri:
        found = None
    if isinstance(found, nodes.reference) and found.get("refuri"):
        outside[unit.id] = (found["refuri"], found.get("reftitle", ""))


def _row_texts(
    data: OrgData, unit: Unit, parent: Unit | None, language: str, show_people: bool
) -> list[str]:
    texts: list[str] = [unit.label]
    status = unit.status_on(data.as_of)
    if status is not UnitStatus.active:
        texts.append(label(status, language))
    level = data.levels.get(unit.level)
    texts.append(level.label(language) if level else unit.level)
    if parent is not None:
        texts.append(parent.sigle or parent.name)
    texts.extend(c.astext() for c in head_cell(unit, language, show_people))
    contact = unit.contact
    if contact is not None:
        texts += [format_phone(contact.phone) if contact.phone else "", contact.email or ""]
        texts.append(contact.site or "")
    return [t for t in texts if t]


def write_rows_html(translator: Any, node: directory) -> None:
    """Write the directory's table into ``translator.body``: its header through the writer
    itself, its rows as text from the data, as the writer would have written them."""
    env = translator.builder.env
    data = get_state(env).data
    if data is None:
        return
    language = language_of(env)
    head = table(_headers(), [], _WIDTHS, classes=_CLASSES)
    head.walkabout(translator)  # <table>, its columns and header, an empty <tbody>
    end = len(translator.body) - 1 - translator.body[::-1].index("</tbody>\n")
    rows = _HTMLRows(translator, data, node, language)
    body: list[str] = []
    for unit_id in node["units"]:
        unit = data.units.get(unit_id)
        if unit is not None:  # the header is the table's first row, an odd one
            body.append(rows.row(unit, "row-odd" if len(body) % 2 else "row-even"))
    translator.body[end:end] = body


class _HTMLRows:
    """The HTML of the rows, written as ``HTML5Translator`` writes the docutils rows."""

    def __init__(self, translator: Any, data: OrgData, node: directory, language: str) -> None:
        self.translator = translator
        self.data = data
        self.language = language
        self.anchors: dict[str, str] = node["anchors"]
        self.outside: dict[str, tuple[str, str]] = node.get("outside", {})
        self.show_people: bool = node["show_people"]
        self.builder = translator.builder
        self.docname: str = self.builder.current_docname
        self.objects = translator.builder.env.get_domain("org").objects
        self.uris: dict[str, str | None] = {}

    def text(self, text: str) -> str:
        return str(self.translator.encode(typeset(text, self.language)))

    def status(self, text: str) -> str:
        return f' <span class="orgchart-status">{self.text(text)}</span>'

    def link(self, unit: Unit, text: str) -> str:
        inner = f'<span class="xref org org-unit">{self.text(text)}</span>'
        found = self.objects.get(("unit", unit.id))
        attval = self.translator.attval
        if found is None:
            if unit.id not in self.outside:
                return inner
            uri, title = self.outside[unit.id]
            titled = f' title="{attval(title)}"' if title else ""
            return f'<a class="reference external" href="{attval(uri)}"{titled}>{inner}</a>'
        docname, anchor = found
        href: str
        if docname == self.docname:
            href = "#" + anchor
        else:
            if docname not in self.uris:
                try:
                    self.uris[docname] = self.builder.get_relative_uri(self.docname, docname)
                except NoUri:  # the resolver leaves the name without a link
                    self.uris[docname] = None
            page = self.uris[docname]
            if page is None:
                return inner
            href = f"{page}#{anchor}"
        title = display_name(self.data, "unit", unit.id, self.language) or ""
        return (
            f'<a class="reference internal" href="{attval(href)}" title="{attval(title)}">'
            f"{inner}</a>"
        )

    def row(self, unit: Unit, parity: str) -> str:
        data = self.data
        name = self.link(unit, unit.label)
        status = unit.status_on(data.as_of)
        if status is not UnitStatus.active:
            name += self.status(label(status, self.language))
        anchor = self.anchors.get(unit.id)
        if anchor is not None:
            name = f'<span class="target" id="{self.translator.attval(anchor)}"></span>' + name
        level = data.levels.get(unit.level)
        parent = data.units.get(unit.parent or "")
        cells = [
            name,
            self.text(level.label(self.language) if level else unit.level),
            self.link(parent, parent.sigle or parent.name) if parent else "",
            self.head(unit),
            self.phone(unit),
            self.email(unit),
            self.text(unit.contact.site) if unit.contact and unit.contact.site else "",
        ]
        row = "".join(f"<td><p>{cell}</p></td>\n" for cell in cells)
        return f'<tr class="{parity}">{row}</tr>\n'

    def head(self, unit: Unit) -> str:
        if unit.head is None:
            return ""
        html = self.text(unit.head.display())
        if unit.head.state is not PostState.filled:
            html += self.status(label(unit.head.state, self.language))
        if self.show_people and unit.head.holder is not None:
            html += self.text(" — " + unit.head.holder.name)
        return html

    def phone(self, unit: Unit) -> str:
        if unit.contact is None or not unit.contact.phone:
            return ""
        href = self.translator.attval("tel:" + _phone_number(unit.contact.phone))
        shown = self.text(format_phone(unit.contact.phone))
        return f'<a class="reference external" href="{href}">{shown}</a>'

    def email(self, unit: Unit) -> str:
        if unit.contact is None or not unit.contact.email:
            return ""
        address = unit.contact.email
        translator = self.translator
        written = typeset(address, self.language)
        cloak = translator.settings.cloak_email_addresses
        # the writer's visit_reference: the address cloaked inside the link (in_mailto)
        translator.in_mailto = True
        try:
            href = f"mailto:{address}"
            href = translator.attval(translator.cloak_mailto(href) if cloak else href)
            pieces = [translator.encode(p) for p in re.split(r"(?<=[.@])", written)]
            if cloak:
                pieces = [translator.cloak_email(p) for p in pieces]
        finally:
            translator.in_mailto = False
        return f'<a class="reference external" href="{href}">' + "<wbr>".join(pieces) + "</a>"
