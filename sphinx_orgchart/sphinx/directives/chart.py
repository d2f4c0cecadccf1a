"""``org:chart``: organisation diagrams, with their text alternative (RGAA criterion 1.6)."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from ...data import OrgData
from ...graph import Chart, ChartSpec, Direction, Row, build_charts, default_title
from ...timeline import as_of_view
from ..chartnodes import chart_details, chart_figure, chart_unit, orgchart_chart
from ..nodes import anchor_target, unique_id
from ..refnodes import xref
from ..state import get_state, note_deps
from ..text import _, __, as_written, language_of
from ..warnings import BAD_OPTION, UNKNOWN_TARGET, warn

__all__ = ["ChartDirective"]


def _names(argument: str | None) -> frozenset[str]:
    return frozenset(p for p in (argument or "").replace(",", " ").split() if p)


def _direction(argument: str | None) -> str:
    return str(directives.choice(argument or "", [d.value for d in Direction]))


def row_marks(row: Row) -> str:
    """What the chart says of a unit besides its name, as the list under it says it: its
    category, whether it is shared or common, its attachments, its status."""
    marks: list[str] = []
    if row.tag:
        marks.append(row.tag)
    if row.shared_from:
        marks.append(_("shared by %s") % row.shared_from)
    marks.extend(text for text in (row.common_to, row.shared_with, row.home) if text)
    marks.extend(row.links)
    if row.also_under:
        marks.append(_("also attached here; main parent: %s") % row.also_under)
    text = "".join(" — " + mark for mark in marks)
    return text + (f" ({row.status})" if row.status else "")


class ChartDirective(SphinxDirective):
    """``.. org:chart:: [ID]``: the chart of a unit or an organisation (default: one per
    organisation), split into an overview and detailed charts when it is big."""

    optional_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {
        "depth": directives.nonnegative_int,
        "levels": directives.unchanged,
        "exclude-levels": directives.unchanged,
        "organisation": directives.unchanged,
        "direction": _direction,
        "show-head": directives.flag,
        "no-shared": directives.flag,
        "no-secondary": directives.flag,
        "secondary": directives.flag,
        "caption": directives.unchanged,
        "alt": directives.unchanged,
        "as-of": directives.unchanged,
        "legend": directives.flag,
        "max-boxes": directives.positive_int,
        "row-width": directives.positive_int,
    }
    option_docs: ClassVar[dict[str, str]] = {
        "depth": "How many levels below the top to draw (default: all).",
        "levels": "Draw only units of these levels (ids, separated by commas); the others are "
        "passed through: their sub-units hang from the nearest drawn unit.",
        "exclude-levels": "Leave out units of these levels, passed through the same way.",
        "organisation": "The organisation whose chart this is, when the argument is not given "
        "(default: one chart per organisation).",
        "direction": "``top-down`` (default) or ``left-right``.",
        "show-head": "Write the head post's title in each box (and the holder's name when "
        "names may be printed).",
        "no-shared": "Leave out the units of other organisations shared into this one (drawn "
        "dashed, by default).",
        "no-secondary": "Leave out the secondary attachments (field ``attachments``), drawn "
        "by default: a dashed link between two units drawn in their places, and, under a "
        "secondary parent, a dashed box for each unit attached to it whose place is in "
        "another chart (its main parent written in it).",
        "secondary": "Kept for compatibility: secondary attachments are drawn by default "
        "(``:no-secondary:`` leaves them out).",
        "caption": "A caption under the chart.",
        "alt": "The chart's short text alternative (default: its title and number of units).",
        "as-of": "Draw the organisation as it stands on this date (YYYY-MM-DD).",
        "legend": "Add a legend: levels, categories, dashed boxes.",
        "max-boxes": "Split the chart when it has more boxes than this (default: "
        "``orgchart_chart_max_boxes``): an overview, then one chart per cut-off box.",
        "row-width": "Wrap a row of sibling boxes after this many (default: "
        "``orgchart_chart_row_width``).",
    }
    argument_doc: ClassVar[str] = (
        "A unit's id (its chart) or an organisation's id; none for each organisation."
    )

    def spec(self, data: OrgData, roots: tuple[str, ...], organisation: str | None) -> ChartSpec:
        """The chart's specification from the options and the settings."""
        config = self.env.config
        as_of = None
        if self.options.get("as-of"):
            try:
                as_of = dt.date.fromisoformat(self.options["as-of"].strip())
            except ValueError:
                warn(
                    __(":as-of: %r is not a date written YYYY-MM-DD") % self.options["as-of"],
                    BAD_OPTION,
                    self.get_location(),
                )
        levels = _names(self.options.get("levels")) or None
        exclude = _names(self.options.get("exclude-levels"))
        unknown = sorted((levels or frozenset()) | exclude - set(data.levels))
        if unknown:
            warn(
                __("unknown level(s) %(levels)s; the levels are: %(all)s")
                % {"levels": ", ".join(unknown), "all": ", ".join(data.levels)},
                BAD_OPTION,
                self.get_location(),
            )
        return ChartSpec(
            roots=roots,
            organisation=organisation,
            depth=self.options.get("depth"),
            levels=levels,
            exclude_levels=exclude,
            direction=Direction(self.options.get("direction", Direction.top_down.value)),
            show_head="show-head" in self.options,
            show_shared="no-shared" not in self.options,
            show_secondary="no-secondary" not in self.options,
            as_of=as_of,
            legend="legend" in self.options,
            max_boxes=self.options.get("max-boxes", config.orgchart_chart_max_boxes),
            row_width=self.options.get("row-width", config.orgchart_chart_row_width),
            show_people=bool(config.orgchart_show_people and data.package.package.publish_people),
            language=language_of(self.env),
            # With unit pages that have their chart, a big chart shows one level of detailed
            # charts; deeper, its boxes link to the charts of their pages.
            inline_levels=1 if config.orgchart_pages and config.orgchart_page_charts else 99,
        )

    def targets(self, data: OrgData) -> list[tuple[tuple[str, ...], str | None]]:
        """What to draw: (roots, organisation) for each chart the argument asks for."""
        target = self.arguments[0].strip() if self.arguments else ""
        if target in data.units:
            return [((target,), data.units[target].organisation)]
        if target in data.organisations:
            return [((), target)]
        if target:
            warn(
                __("unknown unit or organisation '%s' in org:chart") % target,
                UNKNOWN_TARGET,
                self.get_location(),
            )
            return []
        wanted = self.options.get("organisation", "").strip()
        if wanted and wanted not in data.organisations:
            warn(
                __("unknown organisation '%s' in org:chart") % wanted,
                UNKNOWN_TARGET,
                self.get_location(),
            )
            return []
        return [((), org) for org in ([wanted] if wanted else list(data.organisations))]

    @as_written
    def run(self) -> list[nodes.Node]:
        data = get_state(self.env).data
        if data is None:
            return []
        result: list[nodes.Node] = []
        for roots, organisation in self.targets(data):
            spec = self.spec(data, roots, organisation)
            if spec.as_of is not None:
                data = as_of_view(data, spec.as_of)  # names and parents of then
            base = "orgchart-" + (roots[0] if roots else organisation or "all")
            chart_id = unique_id(self.state.document, base)
            title = self.options.get("caption") or default_title(data, spec)
            charts = build_charts(data, spec, chart_id, title)
            if organisation and not roots:
                note_deps(self.env, [f"roots:{organisation}", "sharing"])
            result.extend(self.render(data, charts))
        return result

    def render(self, data: OrgData, charts: list[Chart]) -> list[nodes.Node]:
        """Figures for the overview and the detailed charts, each after its target, linked
        both ways within this occurrence of the directive."""
        targets = {chart.id: anchor_target(self.state.document, chart.id) for chart in charts}
        anchors = {chart_id: target["ids"][0] for chart_id, target in targets.items()}
        out: list[nodes.Node] = []
        for index, chart in enumerate(charts):
            self.note(chart)
            out.append(targets[chart.id])
            section = nodes.container(classes=["orgchart-chart-block"])
            figure = self.figure(data, chart, anchors)
            if index:
                title = chart.title  # the next part of a level cut in parts says so
                if chart.part is None or chart.part[0] == 1:
                    title = _("Detailed chart: %s") % chart.title
                # In the figure, so that on paper it stays on the chart's (landscape) page.
                figure.insert(0, nodes.rubric(title, title, classes=["orgchart-chart-heading"]))
                if chart.parent_chart in anchors:
                    figure.insert(1, self.back_link(anchors[chart.parent_chart]))
            section += figure
            out.append(section)
        return out

    @staticmethod
    def back_link(anchor: str) -> addnodes.only:
        """The link back to the overview: web only (paper has no "up")."""
        back = nodes.paragraph(classes=["orgchart-back"])
        text = _("back to the overview")
        back += nodes.reference(text, "↑ " + text, refid=anchor, internal=True)
        web = addnodes.only(expr="html")
        web += back
        return web

    def figure(self, data: OrgData, chart: Chart, anchors: dict[str, str]) -> chart_figure:
        """The chart, its caption, and the list of its units."""
        figure = chart_figure()
        node = orgchart_chart()
        self.set_source_info(node)  # its warnings (font, drawing) point at the directive
        node["chart"] = chart
        wanted = {box.continued_in for box in chart.boxes.values() if box.continued_in}
        node["anchors"] = {c: a for c, a in anchors.items() if c in wanted}
        node["more_text"] = _("detailed chart ↓")
        node["page_text"] = _("its chart →")
        units = chart.unit_ids()
        node["alt"] = self.options.get("alt") or (
            _("Organisation chart: %(title)s, %(count)d units; the list of the units follows.")
            % {"title": chart.title, "count": len(units)}
        )
        for unit_id in units:
            holder = chart_unit(unit=unit_id)
            holder += xref("unit", unit_id, data.units[unit_id].label)
            node += holder
        figure += node
        if self.options.get("caption"):
            figure += nodes.paragraph(chart.title, chart.title, classes=["orgchart-caption"])
        details = chart_details(summary=_("Units shown in this chart (%d)") % len(units))
        listed = self.unit_list(data, chart, chart.tops)
        if len(listed):
            details += nodes.paragraph(
                "", _("Units shown in this chart:"), classes=["orgchart-details-title"]
            )
            details += listed
        else:  # an organisation without units yet (an empty list is no list in LaTeX)
            details += nodes.paragraph("", _("This chart shows no unit."))
        figure += details
        return figure

    def unit_list(self, data: OrgData, chart: Chart, boxes: list[str]) -> nodes.bullet_list:
        """The nested list of the chart's units: the text alternative."""
        bullets = nodes.bullet_list()
        for box_id in boxes:
            box = chart.boxes[box_id]
            item = nodes.list_item()
            para = nodes.paragraph()
            if box.unit.unit_id:
                para += xref("unit", box.unit.unit_id, data.units[box.unit.unit_id].label)
            else:
                para += nodes.Text(box.unit.name)  # a group of shared units
            para += nodes.Text(row_marks(box.unit))
            item += para
            sub = nodes.bullet_list()
            for row in box.stacked:
                entry = nodes.list_item()
                line = nodes.paragraph(
                    "", "", xref("unit", row.unit_id, data.units[row.unit_id].label)
                )
                line += nodes.Text(row_marks(row))
                entry += line
                sub += entry
            children = chart.children.get(box_id, [])
            if children:
                for child_item in self.unit_list(data, chart, children).children:
                    sub += child_item
            if len(sub):
                item += sub
            bullets += item
        return bullets

    def note(self, chart: Chart) -> None:
        """Record what the chart shows, for incremental rebuilds."""
        keys = {"as-of", "people", "levels", "categories", "attachments", "sharing"}
        keys.update(f"unit:{unit_id}" for unit_id in chart.unit_ids())
        # An attached unit's box and list item name its main parent ("↳ DGS"): the parents'
        # names are shown too (found by the edit property test: a sigle removed).
        data = get_state(self.env).data
        if data is not None:
            keys.update(
                f"label:{data.units[unit_id].parent}"
                for unit_id in chart.unit_ids()
                if unit_id in data.units and data.units[unit_id].parent
            )
            # A chart that draws a top unit draws its organisation's shared units under it
            # when it is the only top, beside the tops otherwise: it shows the tops (found
            # by the edit property test: a top unit added).
            keys.update(
                f"roots:{data.units[unit_id].organisation}"
                for unit_id in chart.unit_ids()
                if unit_id in data.units and not data.units[unit_id].parent
            )
        # Whose sub-units the chart draws (not those of the shared units it borrows).
        keys.update(
            f"children:{box.id}"
            for box in chart.boxes.values()
            if box.unit.unit_id and not box.unit.shared_from
        )
        keys.update(
            f"children:{row.unit_id}"
            for box in chart.boxes.values()
            for row in box.stacked
            if not row.shared_from
        )
        note_deps(self.env, keys | {f"level:{b.level}" for b in chart.boxes.values()})
