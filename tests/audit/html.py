"""Links, ids and schemes of an HTML build (``html`` or ``dirhtml``), SVG charts included."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

__all__ = ["SAFE_SCHEMES", "Report", "audit_html", "page_ids"]

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""The only schemes a link of the site may have (an address without scheme is internal)."""

# element -> the attributes that name another file
_LINK_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src",),
    "script": ("src",),
    "object": ("data",),
    "iframe": ("src",),
    "source": ("src",),
    "embed": ("src",),
    "form": ("action",),
}
_XLINK = "{http://www.w3.org/1999/xlink}href"


@dataclass
class Report:
    """What an audit saw, and what it found wrong (one line per problem)."""

    pages: int = 0
    charts: int = 0
    links: int = 0
    chart_links: int = 0
    problems: list[str] = field(default_factory=list)

    def kinds(self) -> Counter[str]:
        """Problems counted by kind (the text before the first colon)."""
        return Counter(problem.split(":", 1)[0] for problem in self.problems)

    def summary(self) -> str:
        """One line: what was looked at and what was found."""
        found = ", ".join(f"{n} {kind}" for kind, n in sorted(self.kinds().items())) or "none"
        return (
            f"{self.pages} pages, {self.links} links; {self.charts} charts, "
            f"{self.chart_links} chart links; problems: {found}"
        )


class _PageParser(HTMLParser):
    """Collects a page's ids, the addresses it links to, and its ``meta http-equiv``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[tuple[str, str]] = []  # (element, address)
        self.refresh: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.ids.append(values["id"])
        if tag == "a" and "name" in values:
            self.ids.append(values["name"])
        for attribute in _LINK_ATTRIBUTES.get(tag, ()):
            if attribute in values:
                self.links.append((tag, values[attribute]))
        if tag == "meta" and "http-equiv" in values:
            self.refresh.append(f"{values['http-equiv']}={values.get('content', '')}")

    handle_startendtag = handle_starttag


@dataclass
class _Page:
    ids: list[str]
    links: list[tuple[str, str]]
    refresh: list[str]


def _parse_page(path: Path) -> _Page:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return _Page(parser.ids, parser.links, parser.refresh)


def page_ids(path: Path) -> set[str]:
    """The ids (and ``<a name>``) of an HTML page."""
    return set(_parse_page(path).ids)


def _svg_links(path: Path) -> list[str]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise AssertionError(f"{path}: not well-formed SVG: {exc}") from exc
    links = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in {"a", "image", "use"}:
            address = element.get(_XLINK) or element.get("href")
            if address:
                links.append(address)
    return links


class _Site:
    """The files of the build, and the ids of its pages (parsed once each)."""

    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir.resolve()
        self._pages: dict[Path, _Page] = {}

    def page(self, path: Path) -> _Page:
        if path not in self._pages:
            self._pages[path] = _parse_page(path)
        return self._pages[path]

    def check(self, source: Path, address: str) -> str | None:
        """Why ``address``, written in ``source``, leads nowhere (None when it is fine)."""
        parts = urlsplit(address)
        if parts.scheme:
            if parts.scheme.lower() not in SAFE_SCHEMES:
                return f"unsafe link: {source.relative_to(self.outdir)}: {address[:120]}"
            return None
        if parts.netloc:
            return None  # //host/...: outside the site
        if not parts.path:
            target = source
        elif parts.path.startswith("/"):
            return f"absolute link: {source.relative_to(self.outdir)}: {address}"
        else:
            joined = posixpath.normpath(
                posixpath.join(source.parent.as_posix(), unquote(parts.path))
            )
            target = Path(joined)
            if parts.path.endswith("/") or target.is_dir():
                target = target / "index.html"
        where = source.relative_to(self.outdir)
        if not target.resolve().is_relative_to(self.outdir):
            return f"dead link: {where}: {address} (outside the build)"
        if not target.is_file():
            return f"dead link: {where}: {address}"
        fragment = unquote(parts.fragment)
        if fragment and target.suffix == ".html" and fragment not in self.page(target).ids:
            return f"dead anchor: {where}: {address}"
        return None


def audit_html(outdir: Path, *, skip: tuple[str, ...] = ("_sources",)) -> Report:
    """Audit every HTML page and SVG file under ``outdir``."""
    site = _Site(outdir)
    report = Report()
    for path in sorted(site.outdir.rglob("*.html")):
        relative = path.relative_to(site.outdir)
        if relative.parts[0] in skip:
            continue
        page = site.page(path)
        report.pages += 1
        for anchor, count in sorted(Counter(page.ids).items()):
            if count > 1:
                report.problems.append(f"duplicate id: {relative}: {anchor} ({count} times)")
        for meta in page.refresh:
            report.problems.append(f"meta http-equiv: {relative}: {meta}")
        for _element, address in page.links:
            report.links += 1
            problem = site.check(path, address.strip())
            if problem:
                report.problems.append(problem)
    for path in sorted(site.outdir.rglob("*.svg")):
        report.charts += 1
        for address in _svg_links(path):
            report.chart_links += 1
            problem = site.check(path, address.strip())
            if problem:
                report.problems.append(problem)
    return report
