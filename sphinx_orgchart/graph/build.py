"""Build chart models from the data: which units, in which boxes, joined how; split when big."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..data import OrgData
from ..i18n import translate
from ..model import AttachmentKind, Unit, UnitStatus
from ..vocab import label
from .extras import add_secondary, add_shared
from .layout import cut, depths, fits, split_for_print
from .model import Box, Chart, ChartSpec, Edge, EdgeKind, Row
from .text import wrap

__all__ = ["PALETTE", "boxed_children", "build_charts", "split_for_print", "wrap"]

# Okabe-Ito colours (safe for colour blindness): a light tint to fill, a dark shade to draw.
# Black text on every tint has a contrast ratio above 10:1; the charts have a white
# background of their own, so they read the same on light and dark themes.
PALETTE: tuple[tuple[str, str], ...] = (
    ("#FBE3B3", "#A66F00"),  # orange
    ("#D4ECFA", "#2C7FB0"),  # sky blue
    ("#C7EDE1", "#00704F"),  # bluish green
    ("#FAF5C7", "#8F8620"),  # yellow
    ("#CCE2F0", "#005587"),  # blue
    ("#F6D6BF", "#A04700"),  # vermillion
    ("#F2DDE9", "#8E4B73"),  # reddish purple
)
CATEGORY_BORDERS: tuple[str, ...] = ("#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00")


def _tint(colour: str, share: float = 0.25) -> str:
    """``colour`` mixed with white, keeping ``share`` of it."""
    value = int(colour[1:], 16)
    channels = ((value >> 16) & 255, (value >> 8) & 255, value & 255)
    return "#" + "".join(f"{round(255 - (255 - c) * share):02X}" for c in channels)


def _darker(colour: str) -> str:
    value = int(colour[1:], 16)
    r, g, b = (value >> 16) & 255, (value >> 8) & 255, value & 255
    return f"#{int(r * 0.55):02X}{int(g * 0.55):02X}{int(b * 0.55):02X}"


class _Builder:
    """Collects the units of one chart, then makes its boxes and edges."""

    def __init__(self, data: OrgData, spec: ChartSpec) -> None:
        self.data = data
        self.spec = spec
        self.day = spec.as_of or data.as_of
        self.marks = {uid: (kind, note) for uid, kind, note in spec.marks}

    # -- which units ----------------------------------------------------------------------

    def visible(self, unit: Unit) -> bool:
        """Whether the unit is drawn: in the chart of the data's own date (no ``as_of``),
        the units that exist and those still to come, drawn as planned (a future
        ``valid_from`` or ``status: planned``); in a chart of another date, the units of
        that date (and those planned with no date)."""
        if unit.id in self.spec.also_show:
            return True
        if self.spec.as_of is None:
            return unit.is_shown_on(self.day)
        return unit.is_valid_on(self.day)

    def member(self, unit: Unit) -> bool:
        """Whether the unit is drawn in this organisation's chart: one of its units, or a
        unit of another organisation above some of them (a direction générale commune)."""
        org = self.spec.members_of
        return org is None or self.data.belongs_to(unit, org)

    def kept(self, unit: Unit) -> bool:
        """Whether the unit's level is drawn (others are passed through)."""
        if unit.level in self.spec.exclude_levels:
            return False
        return self.spec.levels is None or unit.level in self.spec.levels

    def shown_children(self, unit_id: str, depth: int) -> list[str]:
        """Children drawn under ``unit_id``, skipping the levels left out."""
        if self.spec.depth is not None and depth >= self.spec.depth:
            return []
        result: list[str] = []
        for child_id in self.data.children.get(unit_id, []):
            child = self.data.units[child_id]
            if not self.visible(child) or not self.member(child):
                continue
            if self.kept(child):
                result.append(child_id)
            else:
                result.extend(self.shown_children(child_id, depth + 1))
        return result

    def tree(self, roots: list[str]) -> tuple[list[str], dict[str, list[str]]]:
        """The drawn roots and, for each drawn unit, its drawn children."""
        children: dict[str, list[str]] = {}
        tops: list[str] = []
        for root in roots:
            unit = self.data.units[root]
            if not self.visible(unit):
                continue
            if self.kept(unit):
                tops.append(root)
            else:
                tops.extend(self.shown_children(root, 0))
        stack = [(uid, 0) for uid in tops]
        while stack:
            uid, depth = stack.pop()
            kids = self.shown_children(uid, depth)
            children[uid] = kids
            stack.extend((kid, depth + 1) for kid in kids)
        return tops, children

    # -- boxes ----------------------------------------------------------------------------

    def row(self, unit: Unit, shared_from: str | None = None, also_under: str | None = None) -> Row:
        """A unit as it is written in a box."""
        head = None
        if self.spec.show_head and unit.head is not None:
            head = unit.head.display()
            if unit.head.holder is not None and self.spec.show_people:
                head += f" — {unit.head.holder.name}"
        status = None
        now = unit.status_on(self.day)
        if now is not UnitStatus.active:
            status = label(now, self.spec.language)
        mark = self.marks.get(unit.id)
        if mark is not None:
            status = mark[1]
        tag = None
        if unit.category and unit.category in self.data.categories:
            tag = self.data.categories[unit.category].name.get(self.spec.language)
        language = self.spec.language
        common_to = shared_with = home = None
        common = self.data.common[unit.id] if shared_from is None else []
        if common:
            names = [self.org_name(o) for o in self.data.sharing_organisations(unit)]
            common_to = translate(language, "common to %s") % ", ".join(names)
        partners = self.data.partners_of(unit) if shared_from is None else []
        partners = [o for o in partners if o not in common]
        if partners:
            names = [self.org_name(o) for o in partners]
            shared_with = translate(language, "shared with %s") % ", ".join(names)
        # a unit's chart draws the units of every organisation under it: those of another
        # organisation than their parent's say whose they are
        parent = self.data.units.get(unit.parent or "")
        if (
            self.spec.members_of is None
            and parent is not None
            and unit.organisation != parent.organisation
            and shared_from is None
        ):
            home = self.org_name(unit.organisation or "")
        return Row(
            unit.id,
            unit.sigle,
            unit.name,
            head,
            status,
            shared_from,
            tag,
            also_under,
            shared_with,
            common_to,
            home,
            self.links(unit),
        )

    def org_name(self, org_id: str) -> str:
        """An organisation's short name (its id if unknown)."""
        org = self.data.organisations.get(org_id)
        return org.display_name if org is not None else org_id

    def links(self, unit: Unit) -> tuple[str, ...]:
        """The unit's attachments that say what they are (a kind, or an organisation as a
        whole): "co-tutelle: Ministère de l'Économie"."""
        language = self.spec.language
        texts: list[str] = []
        for attachment in unit.attachments:
            if attachment.kind is None and attachment.organisation is None:
                continue  # a plain secondary attachment: its dashed link says it
            if attachment.organisation is not None:
                target = self.org_name(attachment.organisation)
            else:
                other = self.data.units.get(attachment.unit or "")
                target = (other.sigle or other.name) if other else attachment.target
            kind = label(attachment.kind or AttachmentKind.rattachement_secondaire, language)
            texts.append(
                translate(language, "%(kind)s: %(target)s") % {"kind": kind, "target": target}
            )
        return tuple(texts)

    def box(
        self,
        unit: Unit,
        stacked: list[Unit],
        shared_from: str | None = None,
        also_under: str | None = None,
    ) -> Box:
        """The box of a unit and of the units stacked in it."""
        level = self.data.levels.get(unit.level)
        rank = level.rank if level else 0
        fill, border = PALETTE[rank % len(PALETTE)]
        shape, bold = "box", False
        if level is not None:
            shape, bold = level.style.shape.value, level.style.bold
            if level.style.color:
                # The package's colour marks the level; the fill stays a light tint of it so
                # that the black text keeps its contrast.
                fill, border = _tint(level.style.color), _darker(level.style.color)
        if stacked and shape not in ("box", "rounded", "note", "tab", "folder", "component"):
            shape = "box"  # a list of units reads well only in a rectangle
        category = None
        if unit.category and unit.category in self.data.categories:
            category = unit.category
            cat = self.data.categories[category]
            index = list(self.data.categories).index(category)
            border = cat.color or CATEGORY_BORDERS[index % len(CATEGORY_BORDERS)]
        # a comparison's mark (new, removed...) takes the border over the category's colour
        mark = self.marks[unit.id][0] if unit.id in self.marks else None
        dashed = (
            shared_from is not None
            or also_under is not None
            or not self.owned(unit)
            or unit.status_on(self.day)
            in (
                UnitStatus.planned,
                UnitStatus.transitional,
                UnitStatus.experimental,
            )
        )
        return Box(
            unit.id,
            self.row(unit, shared_from, also_under),
            tuple(self.row(s) for s in stacked),
            unit.level,
            rank,
            fill,
            border,
            shape,
            bold,
            dashed or mark == "removed",
            category,
            mark=mark,
        )

    def owned(self, unit: Unit) -> bool:
        """Whether the unit is the chart's organisation's own (a common unit of another
        organisation is drawn dashed, as shared units are)."""
        org = self.spec.members_of
        return org is None or unit.organisation == org

    def stackable(self, unit_id: str, children: dict[str, list[str]]) -> bool:
        """A unit of a stacking level with nothing drawn under it goes into its parent's box."""
        unit = self.data.units[unit_id]
        level = self.data.levels.get(unit.level)
        return bool(level and level.style.stack and not children.get(unit_id))

    def chart(self, chart_id: str, title: str, roots: list[str]) -> Chart:
        """One chart, unsplit."""
        tops, children = self.tree(roots)
        chart = Chart(chart_id, title, direction=self.spec.direction, row_width=self.spec.row_width)
        chart.tops = list(tops)
        order: list[str] = []
        stack = list(reversed(tops))
        while stack:
            uid = stack.pop()
            order.append(uid)
            stack.extend(
                reversed([c for c in children.get(uid, []) if not self.stackable(c, children)])
            )
        for uid in order:
            kids = children.get(uid, [])
            stacked = [self.data.units[c] for c in kids if self.stackable(c, children)]
            boxed = [c for c in kids if not self.stackable(c, children)]
            chart.boxes[uid] = self.box(self.data.units[uid], stacked)
            chart.children[uid] = boxed
            for child in boxed:
                kind = (
                    EdgeKind.direct
                    if (uid in tops and self.data.units[child].direct_report)
                    else EdgeKind.hierarchy
                )
                chart.edges.append(Edge(uid, child, kind))
        add_shared(self, chart)
        add_secondary(self, chart)
        return chart

    def whole(self) -> bool:
        """Whether the chart draws its whole organisation (not the detail of one of its
        tops, when it has several: a ministry)."""
        tops = self.data.tops_of(self.spec.organisation or "")
        return not self.spec.roots or set(tops) <= set(self.spec.roots)

    def legend(self, chart: Chart) -> list[tuple[str, str, str]]:
        """Legend entries: the levels drawn, the categories, the dashed boxes."""
        entries: list[tuple[str, str, str]] = []
        seen_levels = {box.level for box in chart.boxes.values()}
        for row_level in [lv for lv in self.data.levels.values() if lv.id in seen_levels]:
            box = next(b for b in chart.boxes.values() if b.level == row_level.id)
            entries.append((row_level.label(self.spec.language), box.fill, "#444444"))
        for category in self.data.categories.values():
            marked = next((b for b in chart.boxes.values() if b.category == category.id), None)
            if marked is not None:
                entries.append((category.name.get(self.spec.language), "#FFFFFF", marked.border))
        if any(b.dashed for b in chart.boxes.values()):
            entries.append(
                (
                    translate(
                        self.spec.language, "dashed: shared, planned, transitional or experimental"
                    ),
                    "#FFFFFF",
                    "dashed",
                )
            )
        return entries


def _link_parts(builder: _Builder, pages: list[Chart], title: str) -> None:
    """Titles of the parts of a level cut in parts, and a box at the end of each part that
    leads to the next one."""
    language = builder.spec.language
    for index, page in enumerate(pages):
        if page.part is None:
            continue
        page.title = translate(language, "%(title)s (part %(part)d of %(parts)d)") % {
            "title": title,
            "part": page.part[0],
            "parts": page.part[1],
        }
        if index:
            page.parent_chart = pages[0].id
        if index + 1 == len(pages):
            continue
        following = pages[index + 1]
        box_id = f"{page.id}--next"
        text = translate(language, "continued in part %(part)d of %(parts)d") % {
            "part": index + 2,
            "parts": page.part[1],
        }
        page.boxes[box_id] = Box(
            box_id,
            Row("", None, text),
            fill="#FFFFFF",
            border="#555555",
            dashed=True,
            continued_in=following.id,
        )
        page.children[box_id] = []
        if len(page.tops) == 1 and page.children.get(page.tops[0]):
            page.children[page.tops[0]].append(box_id)
            page.edges.append(Edge(page.tops[0], box_id, EdgeKind.shared))
        else:
            page.tops.append(box_id)


def build_charts(
    data: OrgData, spec: ChartSpec, chart_id: str, title: str, _level: int = 0
) -> list[Chart]:
    """The chart of ``spec``; when it has more than ``spec.max_boxes`` boxes or would not
    print legibly on A4, an overview followed by one chart per box cut off, linked both
    ways (a level too wide for one chart is cut into parts: :func:`.layout.cut`).
    Detailed charts are made down to ``spec.inline_levels`` levels of cuts; deeper, a box
    cut off continues on the page of its unit (``continued_in`` is then ``page:<unit id>``)."""
    if not spec.roots and spec.organisation and spec.members_of is None:
        spec = replace(spec, members_of=spec.organisation)
    builder = _Builder(data, spec)
    roots = list(spec.roots) or data.tops_of(spec.organisation or "")
    chart = builder.chart(chart_id, title, roots)
    if not spec.split or fits(chart, spec.max_boxes):
        chart.legend = builder.legend(chart) if spec.legend else []
        return [chart]
    result = cut(chart, spec.max_boxes)
    pages = result.pages
    for page in pages:
        page.legend = builder.legend(page) if spec.legend else []
    _link_parts(builder, pages, title)
    charts = list(pages)
    if len(pages) == 1 and not result.detailed:
        return charts
    home = {box_id: page for page in pages for box_id in page.boxes}
    if _level >= spec.inline_levels:
        for box_id in result.detailed:
            page = home[box_id]
            # a unit page draws its chart when it has two boxes or more under it; with one,
            # the page lists its sub-unit
            target = f"page:{box_id}" if boxed_children(data, box_id) >= 2 else None
            page.boxes[box_id] = replace(page.boxes[box_id], continued_in=target)
        return charts
    found = depths(chart)
    for box_id in result.detailed:
        sub_spec = replace(
            spec,
            roots=(box_id,),
            depth=None if spec.depth is None else max(1, spec.depth - found[box_id]),
        )
        unit = data.units[box_id]
        for sub in build_charts(data, sub_spec, f"{chart_id}--{box_id}", unit.label, _level + 1):
            if sub.parent_chart is None:
                sub.parent_chart = home[box_id].id
            charts.append(sub)
    return charts


def default_title(data: OrgData, spec: ChartSpec) -> str:
    """A chart's title when the directive gives none."""
    if spec.roots and len(spec.roots) == 1 and spec.roots[0] in data.units:
        return data.units[spec.roots[0]].label
    org = data.organisations.get(spec.organisation or "")
    return org.name if org else ""


def as_date(text: str | None) -> dt.date | None:
    """An ``as-of`` option as a date."""
    return dt.date.fromisoformat(text) if text else None


def boxed_children(data: OrgData, unit_id: str) -> int:
    """How many sub-units of a unit would be boxes of their own in a chart (the units
    attached to it as their second parent included: they are drawn under it, dashed)."""
    count = sum(1 for unit in data.attached_to(unit_id) if unit.is_shown_on(data.as_of))
    for child_id in data.children.get(unit_id, []):
        child = data.units[child_id]
        level = data.levels.get(child.level)
        stacked = level is not None and level.style.stack and not data.children.get(child_id)
        if not stacked and child.is_shown_on(data.as_of):
            count += 1
    return count
