"""What a text of the data may hold: the allow-list of reStructuredText, decided once.

Texts of the data (descriptions, roles, ways of working, event texts) are written by many
agents and published. They accept paragraphs, inline markup, lists, simple and grid tables,
literal blocks, links to ``http``, ``https``, ``mailto`` and ``tel`` addresses, the roles of
the ``org`` domain, ``:term:`` and a few inline roles, and the admonitions below. Anything
else is refused.

Two layers apply the same lists. ``check_text`` recognises the explicit markup of
reStructuredText by pattern (``.. name::``, ``:role:```, link targets and embedded
addresses, substitution definitions, footnotes), so that ``sphinx-orgchart validate`` reports
it without docutils; it errs on the side of reporting. The Sphinx extension then parses the
text with a directive and role table reduced to these lists and keeps only allow-listed
nodes (``sphinx_orgchart/sphinx/datarest.py``), so that a build is safe whatever this
module misses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

from .i18n import N_

__all__ = [
    "ALLOWED_DIRECTIVES",
    "ALLOWED_ROLES",
    "ALLOWED_SCHEMES",
    "LINKED_SCHEMES",
    "ORG_ROLES",
    "TextFinding",
    "check_text",
    "email_problem",
    "safe_uri",
    "without_inline_targets",
]

ALLOWED_DIRECTIVES = ("note", "tip", "important", "warning")
"""Directives a text may use: admonitions, whose content obeys the same rules."""

ORG_ROLES = ("unit", "level", "organisation", "post", "body", "objective")
"""Roles of the ``org`` domain (``:org:unit:`dgs```)."""

ALLOWED_ROLES = (
    *(f"org:{name}" for name in ORG_ROLES),
    "term",
    "emphasis",
    "strong",
    "literal",
    "sub",
    "subscript",
    "sup",
    "superscript",
    "abbr",
)
"""Roles a text may use; interpreted text without a role is shown in italics."""

ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")
"""Schemes of the addresses a text may link to."""

_LINKED = (
    "about acap addbook afp afs aim callto castanet chttp cid crid data dav dict dns eid "
    "fax feed file finger freenet ftp go gopher gsm-sms h323 h324 hdl hnews http https "
    "hydra iioploc ilu im imap info ior ipp irc iris.beep iseek jar javascript jdbc ldap "
    "lifn livescript lrq mailbox mailserver mailto md5 mid mocha modem mtqp mupdate news "
    "nfs nntp opaquelocktoken phone pop pop3 pres printer prospero rdar res rtsp rvp "
    "rwhois rx sdp service shttp sip sips smb snews snmp soap.beep soap.beeps ssh t120 tag "
    "tcp tel telephone telnet tftp tip tn3270 tv urn uuid vemmi videotex view-source wais "
    "whodp whois++ x-man-page xmlrpc.beep xmlrpc.beeps z39.50r z39.50s"
)
LINKED_SCHEMES = frozenset(_LINKED.split(" "))
"""Schemes docutils turns into a link when an address is written alone in a text
(``docutils.utils.urischemes``, checked by the tests)."""

# An address, once control characters and spaces are dropped as browsers drop them.
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060\ufeff]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_TEL = re.compile(r"^\+?[0-9 .()\-]{3,30}$")
# One address: a name, one "@", a domain; nothing that adds recipients or headers (a query,
# "&", "=", a second "@"). A domain without a dot is one address too (docutils links it).
_ADDRESS = re.compile(r"^[^@\s<>\"'`,;]+@[^@\s<>\"'`/?&=,;]+$")


def email_problem(address: str) -> bool:
    """True if ``address`` is more than one e-mail address (a query, a second ``@``...)."""
    decoded = unquote(address.strip())
    return decoded.count("@") != 1 or "?" in decoded or not _ADDRESS.match(decoded)


def safe_uri(uri: str) -> bool:
    """True for an ``http``, ``https``, ``mailto`` (one address) or ``tel`` address."""
    clean = _INVISIBLE.sub("", uri)
    match = _SCHEME.match(clean)
    if match is None:
        return False
    scheme = match.group(1).lower()
    rest = clean[match.end() :]
    if scheme in ("http", "https"):
        return rest.startswith("//") and len(rest) > 2
    if scheme == "mailto":
        return not email_problem(rest)
    if scheme == "tel":
        return bool(_TEL.match(unquote(rest)))
    return False


@dataclass(frozen=True)
class TextFinding:
    """A construct refused in a text: its line in the text (from 0) and its message."""

    offset: int
    msgid: str
    args: dict[str, object] = field(default_factory=dict, hash=False, compare=False)
    construct: str = ""
    block: range | None = None
    """For a refused explicit markup block (a directive and its content...), its lines."""


_LIST_MARK = r"(?:(?:[-*+\u2022\u2023\u2043]|\(?(?:\d+|#|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)])\s+)*"
# The start of explicit markup: at the start of a line, of a list item or of a table cell.
_EXPLICIT = re.compile(r"(?:^\s*" + _LIST_MARK + r"|\|\s*)\.\.(?:\s+(?P<rest>.*)|\s*$)")
_NAME = r"[^\s:`|]+(?::[^\s:`|]+)*"
_DIRECTIVE = re.compile(r"^(?P<name>" + _NAME + r")\s?::(?:\s|$)")
_SUBSTITUTION = re.compile(r"^\|(?P<name>[^|]+)\|")
_FOOTNOTE = re.compile(r"^\[(?P<label>[^\]\s]+)\]")
_TARGET = re.compile(r"^_(?P<name>`[^`]*`|[^:]*?|_):(?:\s+(?P<uri>.*))?$")
_ANONYMOUS = re.compile(r"^\s*__\s+(?P<uri>\S.*)$")
_ROLE_BEFORE = re.compile(r"(?<![\w`\\]):(?P<name>" + _NAME + r"):`")
_ROLE_AFTER = re.compile(r"`:(?P<name>" + _NAME + r"):(?![\w:])")
_EMBEDDED = re.compile(r"<(?P<uri>[^<>`]+)>`__?")
_INLINE_TARGET = re.compile(r"(?<![\w`\\])_`(?P<name>[^`]+)`")
_FOOTNOTE_REF = re.compile(r"\[(?:\d+|#[\w.-]*|\*|[\w.-]+)\]_(?!\w)")
_STANDALONE = re.compile(r"(?<![\w.+:/-])(?P<uri>[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>`'\"]+)")
_EMAIL = re.compile(r"(?<![\w.+@-])(?P<uri>[\w.+%&=#$~^{}!*-]+@[^\s<>`'\"]+)")
_LINK = N_(
    "the link to '%(uri)s' is refused: a text of the data links only to http://, https://, "
    "mailto: (one address) and tel: addresses"
)


def _list(items: tuple[str, ...]) -> str:
    return ", ".join(items)


def _explicit(rest: str) -> tuple[str, str, dict[str, object]] | None:
    """The refused construct an explicit markup block starts, if any."""
    if directive := _DIRECTIVE.match(rest):
        name = directive["name"]
        if name.lower() in ALLOWED_DIRECTIVES:
            return None
        return (
            f".. {name}::",
            N_(
                "the directive '%(name)s' is not allowed in a text of the data (allowed: "
                "%(allowed)s): remove it, the text is published without it"
            ),
            {"name": name, "allowed": _list(ALLOWED_DIRECTIVES)},
        )
    if substitution := _SUBSTITUTION.match(rest):
        return (
            f".. |{substitution['name']}|",
            N_(
                "a substitution definition (.. |%(name)s| ...) is not allowed in a text of "
                "the data: write the text itself"
            ),
            {"name": substitution["name"]},
        )
    if footnote := _FOOTNOTE.match(rest):
        return (
            f".. [{footnote['label']}]",
            N_(
                "footnotes and citations ([%(label)s]) are not allowed in a text of the "
                "data: write the note in the text"
            ),
            {"label": footnote["label"]},
        )
    if target := _TARGET.match(rest):
        uri = (target["uri"] or "").strip()
        if uri and not uri.endswith("_") and safe_uri(uri):
            return None
        if uri and not uri.endswith("_"):
            return (uri, _LINK, {"uri": uri})
        return (
            f".. _{target['name']}:",
            N_(
                "the target '%(name)s' is not allowed in a text of the data: a text may only "
                "name a web address (.. _name: https://...)"
            ),
            {"name": target["name"]},
        )
    return None  # a comment


def _inline(line: str) -> Iterator[tuple[str, str, dict[str, object]]]:
    for pattern in (_ROLE_BEFORE, _ROLE_AFTER):
        for role in pattern.finditer(line):
            name = role["name"]
            if name.lower() not in ALLOWED_ROLES:
                yield (
                    f":{name}:",
                    N_(
                        "the role ':%(name)s:' is not allowed in a text of the data (allowed: "
                        "%(allowed)s): write the text without it"
                    ),
                    {"name": name, "allowed": _list(ALLOWED_ROLES)},
                )
    embedded = list(_EMBEDDED.finditer(line))
    for match in embedded:
        uri = match["uri"].strip()
        if not uri.endswith("_") and not safe_uri(uri):
            yield (uri, _LINK, {"uri": uri})
    # addresses written alone, outside the <...> of a link
    alone = "".join(
        " " if any(m.start() <= i < m.end() for m in embedded) else c for i, c in enumerate(line)
    )
    for match in _STANDALONE.finditer(alone):
        uri = match["uri"].rstrip(".,;")
        scheme = uri.split(":", 1)[0].lower()
        if scheme in LINKED_SCHEMES and not safe_uri(uri) and not uri.endswith(":"):
            yield (uri, _LINK, {"uri": uri})
    for match in _EMAIL.finditer(alone):
        address = match["uri"].rstrip(".,;")
        if not alone[: match.start()].endswith(":") and email_problem(address):
            yield (address, _LINK, {"uri": address})
    for match in _INLINE_TARGET.finditer(line):
        yield (
            match.group(0),
            N_(
                "the target '%(name)s' is not allowed in a text of the data: a text may only "
                "name a web address (.. _name: https://...)"
            ),
            {"name": match["name"]},
        )
    for match in _FOOTNOTE_REF.finditer(line):
        yield (
            match.group(0),
            N_(
                "footnotes and citations ([%(label)s]) are not allowed in a text of the "
                "data: write the note in the text"
            ),
            {"label": match.group(0)[1:-2]},
        )


def without_inline_targets(line: str) -> str:
    """``line`` with its inline targets (``_`name```) turned into plain interpreted text."""
    return _INLINE_TARGET.sub(lambda m: f"`{m['name']}`", line)


def check_text(text: str) -> list[TextFinding]:
    """The constructs of ``text`` outside the allow-list, one finding each, in order.

    The block of a refused directive is dropped whole: what it holds is not looked at.
    """
    findings: list[TextFinding] = []
    seen: set[tuple[int, str]] = set()
    skip_deeper: int | None = None  # indentation of the refused block being skipped
    block_start = 0
    lines = text.splitlines()
    for offset, line in enumerate(lines):
        if skip_deeper is not None:
            if not line.strip() or len(line) - len(line.lstrip()) > skip_deeper:
                continue
            skip_deeper = None
        found: list[tuple[str, str, dict[str, object]]] = []
        explicit = _EXPLICIT.search(line)
        if explicit is not None and explicit["rest"]:
            refused = _explicit(explicit["rest"].strip())
            if refused is not None:
                found.append(refused)
                skip_deeper = line.index("..", explicit.start())
                block_start = offset
        if anonymous := _ANONYMOUS.match(line):
            uri = anonymous["uri"].strip()
            if not safe_uri(uri):
                found.append((uri, _LINK, {"uri": uri}))
                skip_deeper, block_start = len(line) - len(line.lstrip()), offset
        if not found:
            found += _inline(line)
        for construct, msgid, args in found:
            if any(offset == o and construct in c for o, c in seen):
                continue
            seen.add((offset, construct))
            block = _block(lines, block_start, skip_deeper) if skip_deeper is not None else None
            findings.append(TextFinding(offset, msgid, args, construct, block))
    return findings


def _block(lines: list[str], start: int, indent: int) -> range:
    """Lines of the explicit markup block starting at ``start`` (its content is deeper)."""
    end = start + 1
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
    ):
        end += 1
    return range(start, end)
