"""The three handbooks built side by side: sphinx-orgchart, plain reST, sphinx-needs.

Each variant turns the generated files into the sources of a Sphinx project (relative path
-> text). The harness writes only the files whose text changed, so an edit of the data
touches exactly the files a person would touch: one YAML file for sphinx-orgchart, the
unit's page (and its parent's page when a unit is added) for the hand-written variants.

The pages of the hand-written variants link to each other with ``:doc:`` and no explicit
title, as a person would write them: renaming a unit changes its own page only.

Features beyond the unit pages are listed in :data:`FEATURES`; each variant expresses
each feature its own way: ``charts`` (sphinx-orgchart's charts on unit pages / the same DOT
in ``graphviz`` directives / a ``needflow`` rooted at the unit) and ``directory``
(``org:directory`` / a hand-written ``list-table`` / a ``needtable``). To compare a new
feature (glossary, shared units...), add its name to :data:`FEATURES` and its pages to
``extra_pages`` (docname -> reST, listed in the root toctree after ``org/index``) in the
``__init__`` of each variant, or its content in their unit pages.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

from .charts import PageChart, page_charts
from .content import (
    KIND_LABELS_FR,
    MODE_LABELS_FR,
    STATUS_LABELS_FR,
    Content,
    UnitInfo,
    content_of,
    format_day_fr,
)
from .generate import render

__all__ = [
    "FEATURES",
    "VARIANTS",
    "BaselineVariant",
    "NeedsVariant",
    "OrgchartVariant",
    "Variant",
]

REPO = Path(__file__).resolve().parent.parent
PAGES_DIR = "org"
FEATURES = ("charts", "directory")
"""What the handbooks show besides the unit pages (each variant in its own way)."""

Files = dict[str, dict[str, Any]]


def heading(text: str, char: str = "=") -> str:
    """A reST section title."""
    return f"{text}\n{char * max(len(text), 4)}\n"


def toctree(entries: list[str], hidden: bool = False, maxdepth: int | None = None) -> str:
    """A toctree directive."""
    lines = [".. toctree::"]
    if hidden:
        lines.append("   :hidden:")
    if maxdepth is not None:
        lines.append(f"   :maxdepth: {maxdepth}")
    lines.append("")
    lines += [f"   {entry}" for entry in entries]
    return "\n".join(lines) + "\n"


def indent(text: str, by: int = 3) -> str:
    """Indent every non-empty line of ``text``."""
    return "\n".join((" " * by + line) if line else "" for line in text.splitlines())


class Variant(ABC):
    """A handbook: its ``conf.py``, its root page and its content."""

    name: ClassVar[str]
    title: ClassVar[str]
    extensions: ClassVar[list[str]] = []

    def __init__(self, theme: str = "alabaster", features: Iterable[str] = FEATURES) -> None:
        self.theme = theme
        self.features = frozenset(features)
        self.extra_pages: dict[str, str] = {}
        """Docname -> reST of pages listed in the root toctree after ``org/index``."""

    def conf(self) -> str:
        """The ``conf.py`` of the handbook (the probe extension records the documents read)."""
        extensions = ["benchmarks.probe", *self.extensions, *self.feature_extensions()]
        return (
            "import sys\n"
            f"sys.path.insert(0, {str(REPO)!r})\n"
            'project = "Benchmark"\n'
            'language = "fr"\n'
            f"extensions = {extensions!r}\n"
            f"html_theme = {self.theme!r}\n" + self.extra_conf()
        )

    def extra_conf(self) -> str:
        """Settings of the variant's extensions."""
        return ""

    def feature_extensions(self) -> list[str]:
        """Extensions the features need."""
        return []

    def index(self) -> str:
        """The root page: a toctree to the unit pages and the extra pages."""
        return (
            heading("Manuel d'organisation")
            + "\n"
            + toctree([f"{PAGES_DIR}/index", *self.extra_pages], maxdepth=2)
        )

    def sources(self, files: Files) -> dict[str, str]:
        """Relative path (from the project folder) -> text of every source of the project."""
        sources = {"src/conf.py": self.conf(), "src/index.rst": self.index()}
        sources.update({f"src/{doc}.rst": text for doc, text in self.extra_pages.items()})
        sources.update(self.content(files))
        return sources

    @abstractmethod
    def content(self, files: Files) -> dict[str, str]:
        """The variant's own sources: the data package, or the hand-written unit pages."""


class OrgchartVariant(Variant):
    """The handbook made with sphinx-orgchart: the pages are generated from the YAML."""

    name = "orgchart"
    title = "sphinx-orgchart"
    extensions: ClassVar[list[str]] = ["sphinx_orgchart"]

    def __init__(self, theme: str = "alabaster", features: Iterable[str] = FEATURES) -> None:
        super().__init__(theme, features)
        if "directory" in self.features:
            self.extra_pages[f"{PAGES_DIR}/directory"] = (
                heading("Annuaire des unités") + "\n.. org:directory::\n"
            )

    def extra_conf(self) -> str:
        """Point the extension at the package; charts on unit pages or not."""
        return f'orgchart_data = "../data"\norgchart_page_charts = {"charts" in self.features}\n'

    def content(self, files: Files) -> dict[str, str]:
        """The YAML files of the package, in ``data/``."""
        return {f"data/{name}": text for name, text in render(files).items()}


class BaselineVariant(Variant):
    """The same content as plain reST pages, nested like the organisation, no extension
    but Sphinx's own ``sphinx.ext.graphviz`` for the charts, and the extension's rule for
    the navigation (``sphinx_orgchart.sphinx.navigation``, which needs no data).

    So that a rebuild writes the pages the extension writes (every page right after an
    edit, as plain Sphinx alone does not do): the pages whose sidebar or previous / next
    links show a renamed or added unit are written again by the navigation rule, and the
    directory names each unit in its text, so that renaming a unit edits the directory
    page as well as the unit's, as a person keeping it by hand would.
    """

    name = "baseline"
    title = "plain reST"
    extensions: ClassVar[list[str]] = ["sphinx_orgchart.sphinx.navigation"]

    def __init__(self, theme: str = "alabaster", features: Iterable[str] = FEATURES) -> None:
        super().__init__(theme, features)
        self.charts: dict[str, list[PageChart]] = {}
        if "directory" in self.features:
            self.extra_pages[f"{PAGES_DIR}/directory"] = ""  # written from the data

    def feature_extensions(self) -> list[str]:
        """``sphinx.ext.graphviz`` for the charts."""
        return ["sphinx.ext.graphviz"] if "charts" in self.features else []

    def extra_conf(self) -> str:
        """SVG charts, as sphinx-orgchart draws them."""
        return 'graphviz_output_format = "svg"\n' if "charts" in self.features else ""

    def sources(self, files: Files) -> dict[str, str]:
        """Everything, with the directory page written from the data."""
        sources = super().sources(files)
        if "directory" in self.features:
            sources[f"src/{PAGES_DIR}/directory.rst"] = self.directory(content_of(files))
        return sources

    def directory(self, data: Content) -> str:
        """A hand-written table of every unit: name, level, parent, head, phone, email."""
        lines = [heading("Annuaire des unités"), ".. list-table::", "   :header-rows: 1", ""]
        lines += [
            f"   * - {cell}" if index == 0 else f"     - {cell}"
            for index, cell in enumerate(
                ("Unité", "Niveau", "Rattachement", "Responsable", "Téléphone", "Courriel")
            )
        ]
        for unit in data.units.values():
            parent = data.units.get(unit.parent) if unit.parent else None
            cells = (
                f":doc:`{unit.label} <{unit.id}>`",
                data.levels.get(unit.level, unit.level),
                f":doc:`{parent.label} <{parent.id}>`" if parent else "",
                unit.head or "",
                unit.phone or "",
                unit.email or "",
            )
            lines += [
                (f"   * - {cell}" if index == 0 else f"     - {cell}").rstrip()
                for index, cell in enumerate(cells)
            ]
        return "\n".join(lines) + "\n"

    def content(self, files: Files) -> dict[str, str]:
        """``org/index`` and one page per unit."""
        data = content_of(files)
        self.charts = page_charts(files) if "charts" in self.features else {}
        pages = {f"src/{PAGES_DIR}/index.rst": self.units_index(data)}
        for unit in data.units.values():
            pages[f"src/{PAGES_DIR}/{unit.id}.rst"] = self.unit_page(data, unit)
        return pages

    def units_index(self, data: Content) -> str:
        """A section per organisation with its kind and the toctree of its top units."""
        parts = [heading("Organisation des services")]
        for org in data.organisations.values():
            if not data.roots.get(org.id):
                continue
            parts.append(f".. _org-{org.id}:\n\n" + heading(org.name, "-"))
            parts.append(f":Type: {KIND_LABELS_FR.get(org.kind, org.kind)}\n")
            parts.append(toctree(data.roots[org.id]))
        return "\n".join(parts)

    def breadcrumb(self, data: Content, unit: UnitInfo) -> str:
        """Organisation › pôle › direction..., linked."""
        org = data.organisations.get(unit.organisation)
        crumbs = [f":ref:`org-{org.id}`"] if org else []
        crumbs += [f":doc:`{a.id}`" for a in data.ancestors(unit.id)]
        return " › ".join(crumbs) + "\n"

    def fields(self, data: Content, unit: UnitInfo) -> str:
        """The unit's reference block as a field list."""
        org = data.organisations.get(unit.organisation)
        lines = [f":Niveau: {data.levels.get(unit.level, unit.level)}"]
        if org:
            lines.append(f":Organisation: :ref:`org-{org.id}`")
        if unit.shared:
            others = ", ".join(f":ref:`org-{o}`" for o in unit.shared["with"])
            details = MODE_LABELS_FR.get(unit.shared["mode"], unit.shared["mode"])
            if unit.shared.get("since"):
                details += f", depuis le {format_day_fr(unit.shared['since'])}"
            lines.append(f":Partagé avec: {others} ({details})")
        if unit.head:
            lines.append(f":Responsable: **{unit.head}**")
        if unit.missions:
            lines.append(":Missions:")
            lines += [f"   - {mission}" for mission in unit.missions]
        children = data.children.get(unit.id, [])
        if children:
            lines.append(":Sous-unités:")
            lines += [f"   - :doc:`{child}`" for child in children]
        contact = []
        if unit.email:
            contact.append(f"   | `{unit.email} <mailto:{unit.email}>`__")
        if unit.phone:
            number = "".join(c for c in unit.phone if c.isdigit() or c == "+")
            contact.append(f"   | `{unit.phone} <tel:{number}>`__")
        if contact:
            lines += [":Contact:", *contact]
        if unit.staff is not None:
            lines.append(f":Effectif: {unit.staff:g} ETP")
        if unit.actions:
            lines.append(":Actions:")
            for action in unit.actions:
                status = STATUS_LABELS_FR.get(action.status, action.status)
                if action.progress is not None:
                    status += f", {action.progress} %"
                objective = data.objectives.get(action.objective, action.objective)
                lines.append(f"   - {action.title} — {objective} ({status})")
        return "\n".join(lines) + "\n"

    def chart_blocks(self, unit: UnitInfo) -> list[str]:
        """The unit's charts as ``graphviz`` directives, each with the list of its units."""
        blocks = []
        for index, chart in enumerate(self.charts.get(unit.id, [])):
            title = f".. rubric:: Organigramme détaillé : {chart.title}\n\n" if index else ""
            alt = f"Organigramme : {chart.title}, {len(chart.units)} unités"
            units = "\n".join(f"- :doc:`{u}`" for u in chart.units)
            blocks.append(
                f"{title}.. graphviz::\n   :alt: {alt}\n\n{indent(chart.dot)}\n\n{units}\n"
            )
        return blocks

    def unit_page(self, data: Content, unit: UnitInfo) -> str:
        """Title, breadcrumb, reference block, charts, hidden toctree of the sub-units."""
        parts = [heading(unit.label), self.breadcrumb(data, unit), self.fields(data, unit)]
        parts += self.chart_blocks(unit)
        children = data.children.get(unit.id, [])
        if children:
            parts.append(toctree(children, hidden=True))
        return "\n".join(parts)


class NeedsVariant(BaselineVariant):
    """The same content with sphinx-needs: one ``unit`` need per page, linked to its parent.

    The sub-units are the need's incoming ``parent`` links, which sphinx-needs shows itself;
    a ``needtable`` of every unit and a ``needflow`` of the hierarchy are extra pages.
    """

    name = "needs"
    title = "sphinx-needs"
    extensions: ClassVar[list[str]] = ["sphinx_needs"]

    def __init__(self, theme: str = "alabaster", features: Iterable[str] = FEATURES) -> None:
        Variant.__init__(self, theme, features)
        self.charts = {}
        if "directory" in self.features:
            self.extra_pages[f"{PAGES_DIR}/directory"] = (
                heading("Annuaire des unités")
                + "\n.. needtable::\n   :types: unit\n"
                + "   :columns: title, level, parent, head, phone, email\n"
                + "   :style: table\n"
            )

    def feature_extensions(self) -> list[str]:
        """Nothing: sphinx-needs draws its ``needflow`` itself."""
        return []

    def sources(self, files: Files) -> dict[str, str]:
        """Everything (the directory is a ``needtable``)."""
        return Variant.sources(self, files)

    def chart_blocks(self, unit: UnitInfo) -> list[str]:
        """On the pages where sphinx-orgchart draws charts, a ``needflow`` of the subtree."""
        if unit.id not in self.charts:
            return []
        return [
            f".. needflow::\n   :root_id: {self.need_id(unit.id)}\n"
            "   :root_direction: incoming\n   :link_types: parent\n"
        ]

    def extra_conf(self) -> str:
        """A ``unit`` need type, its fields, and the ``parent`` link type."""
        return (
            'needs_types = [{"directive": "unit", "title": "Unité", "prefix": "U_", '
            '"color": "#BFD8D2", "style": "node"}]\n'
            'needs_id_regex = "^U_[A-Z0-9_]+$"\n'
            'needs_fields = {name: {"nullable": True} for name in '
            '("level", "organisation", "shared", "head", "email", "phone", "staff")}\n'
            'needs_links = {"parent": {"incoming": "sous-unités", "outgoing": "rattachée à"}}\n'
            'needs_flow_engine = "graphviz"\n'
        )

    @staticmethod
    def need_id(unit_id: str) -> str:
        """``pole-1-d2`` -> ``U_POLE_1_D2``."""
        return "U_" + unit_id.upper().replace("-", "_")

    def unit_page(self, data: Content, unit: UnitInfo) -> str:
        """Title, breadcrumb, the need, hidden toctree of the sub-units."""
        options = {
            "id": self.need_id(unit.id),
            "level": data.levels.get(unit.level, unit.level),
            "organisation": data.organisations[unit.organisation].name
            if unit.organisation in data.organisations
            else "",
            "head": unit.head or "",
            "email": unit.email or "",
            "phone": unit.phone or "",
            "staff": f"{unit.staff:g}" if unit.staff is not None else "",
        }
        if unit.shared:
            details = MODE_LABELS_FR.get(unit.shared["mode"], unit.shared["mode"])
            options["shared"] = ", ".join(unit.shared["with"]) + f" ({details})"
        if unit.parent:
            options["parent"] = self.need_id(unit.parent)
        body = [f".. unit:: {unit.label}"]
        body += [f"   :{key}: {value}" for key, value in options.items() if value]
        body.append("")
        if unit.missions:
            body += ["   Missions :", ""] + [f"   - {mission}" for mission in unit.missions]
            body.append("")
        if unit.actions:
            body += ["   Actions :", ""]
            for action in unit.actions:
                objective = data.objectives.get(action.objective, action.objective)
                body.append(f"   - {action.title} — {objective}")
            body.append("")
        parts = [heading(unit.label), self.breadcrumb(data, unit), "\n".join(body)]
        parts += self.chart_blocks(unit)
        children = data.children.get(unit.id, [])
        if children:
            parts.append(toctree(children, hidden=True))
        return "\n".join(parts)


VARIANTS: dict[str, type[Variant]] = {
    variant.name: variant for variant in (OrgchartVariant, BaselineVariant, NeedsVariant)
}
"""The variants, by name, in the order they are built and reported."""
