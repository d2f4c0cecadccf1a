"""Build chart models from the data: which units, in which boxes, joined how; split when big."""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import replace

from ..data import OrgData
from ..i18n import translate
from ..model import Unit, UnitStatus
from ..vocab import label
from .model import Box, Chart, ChartSpec, Edge, EdgeKind, Row

__all__ = ["PALETTE", "boxed_children", "build_charts", "wrap"]

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


def wrap(text: str, width: int = 22) -> list[str]:
    """A name broken into lines of about ``width`` characters."""
    return textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=False) or [text]


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
        """Whether the unit exists on the chart's date (planned ones without dates included)."""
        if unit.id in self.spec.also_show or unit.is_valid_on(self.day):
            return True
        return unit.status is UnitStatus.planned and unit.valid_from is None

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
            if not self.visible(child):
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

    def row(self, unit: Unit, shared_from: str | None = None) -> Row:
        """A unit as it is written in a box."""
        head = None
        if self.spec.show_head and unit.head is not None:
            head = unit.head.display()
            if unit.head.holder is not None and self.spec.show_people:
                head += f" — {unit.head.holder.name}"
        status = None
        if unit.status is not UnitStatus.active:
            status = label(unit.status, self.spec.language)
        mark = self.marks.get(unit.id)
        if mark is not None:
            status = mark[1]
        return Row(unit.id, unit.sigle, unit.name, head, status, shared_from)

    def box(self, unit: Unit, stacked: list[Unit], shared_from: str | None = None) -> Box:
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
        dashed = shared_from is not None or unit.status in (
            UnitStatus.planned,
            UnitStatus.transitional,
        )
        return Box(
            unit.id,
            self.row(unit, shared_from),
            tuple(self.row(s) for s in stacked),
            unit.level,
            rank,
            fill,
            border,
            shape,
            bold,
            dashed,
            category,
        )

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
        self.add_shared(chart)
        self.add_secondary(chart)
        return chart

    def add_shared(self, chart: Chart) -> None:
        """Units of other organisations shared into this one, dashed: where they are
        attached when they are, else together in one box per home organisation."""
        org = self.spec.organisation
        if not self.spec.show_shared or org is None:
            return
        whole = not set(self.spec.roots) - set(self.data.roots.get(org, []))
        grouped: dict[str, list[Unit]] = {}
        for unit in self.data.shared_units:
            if unit.organisation == org or unit.shared is None or org not in unit.shared.with_:
                continue
            if unit.id in chart.boxes or not self.visible(unit):
                continue
            anchor = next((a.unit for a in unit.attachments if a.unit in chart.boxes), None)
            home = self.data.organisations.get(unit.organisation or "")
            if anchor is not None:
                chart.boxes[unit.id] = self.box(unit, [], home.display_name if home else "?")
                chart.children.setdefault(anchor, []).append(unit.id)
                chart.children[unit.id] = []
                chart.edges.append(Edge(anchor, unit.id, EdgeKind.shared))
            elif whole and chart.tops:
                grouped.setdefault(unit.organisation or "", []).append(unit)
        for home_id, units in grouped.items():
            home = self.data.organisations.get(home_id)
            name = home.display_name if home else home_id
            header = Row("", None, translate(self.spec.language, "Shared units of %s") % name)
            box_id = f"shared-from-{home_id}"
            chart.boxes[box_id] = Box(
                box_id,
                header,
                tuple(self.row(u, name) for u in units),
                level="",
                rank=0,
                fill="#FFFFFF",
                border="#555555",
                dashed=True,
            )
            chart.children.setdefault(chart.tops[0], []).append(box_id)
            chart.children[box_id] = []
            chart.edges.append(Edge(chart.tops[0], box_id, EdgeKind.shared))

    def add_secondary(self, chart: Chart) -> None:
        """Dashed links for secondary attachments between drawn units."""
        if not self.spec.show_secondary:
            return
        for box in list(chart.boxes.values()):
            for unit_id in box.unit_ids():
                unit = self.data.units[unit_id]
                for attachment in unit.attachments:
                    target = chart.box_of(attachment.unit)
                    if (
                        target
                        and target != box.id
                        and not any(e.source == target and e.target == box.id for e in chart.edges)
                    ):
                        chart.edges.append(Edge(target, box.id, EdgeKind.secondary))

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
                    translate(self.spec.language, "dashed: shared, planned or transitional"),
                    "#FFFFFF",
                    "dashed",
                )
            )
        return entries


def _depths(chart: Chart) -> dict[str, int]:
    depths: dict[str, int] = {}
    stack = [(top, 0) for top in chart.tops]
    while stack:
        box, depth = stack.pop()
        if box in depths:
            continue
        depths[box] = depth
        stack.extend((child, depth + 1) for child in chart.children.get(box, []))
    return depths


def _width(chart: Chart, depths: dict[str, int], depth: int) -> int:
    """Columns the boxes at ``depth`` take, rows of siblings being wrapped."""
    return sum(
        min(len([c for c in chart.children.get(box, []) if c in depths]), chart.row_width)
        for box, d in depths.items()
        if d == depth - 1
    )


def _cut(chart: Chart, max_boxes: int, max_depth: int | None = None) -> tuple[Chart, list[str]]:
    """The overview of a big chart, down to the deepest level that fits (in boxes and in
    width); and the boxes whose sub-trees become charts of their own."""
    depths = _depths(chart)
    deepest = max(depths.values(), default=0)
    keep_depth = 1
    for depth in range(2, (max_depth or deepest) + 1):
        boxes = sum(1 for d in depths.values() if d <= depth)
        if boxes > max_boxes or _width(chart, depths, depth) > 2 * chart.row_width:
            break
        keep_depth = depth
    kept = {box for box, depth in depths.items() if depth <= keep_depth}
    detailed = [
        box for box, depth in depths.items() if depth == keep_depth and chart.children.get(box)
    ]
    overview = Chart(chart.id, chart.title, direction=chart.direction, row_width=chart.row_width)
    overview.tops = [t for t in chart.tops if t in kept]
    for box_id in chart.boxes:
        if box_id in kept:
            box = chart.boxes[box_id]
            if box_id in detailed:
                # Its stacked units are in its own chart: the overview keeps it small.
                box = replace(box, continued_in=f"{chart.id}--{box_id}", stacked=())
            overview.boxes[box_id] = box
            overview.children[box_id] = [c for c in chart.children.get(box_id, []) if c in kept]
    overview.edges = [e for e in chart.edges if e.source in kept and e.target in kept]
    return overview, sorted(detailed, key=list(chart.boxes).index)


def build_charts(
    data: OrgData, spec: ChartSpec, chart_id: str, title: str, _level: int = 0
) -> list[Chart]:
    """The chart of ``spec``; when it has more than ``spec.max_boxes`` boxes, an overview
    followed by one chart per box cut off, linked both ways. Detailed charts are made down
    to ``spec.inline_levels`` levels of cuts; deeper, a box cut off continues on the page
    of its unit (``continued_in`` is then ``page:<unit id>``)."""
    builder = _Builder(data, spec)
    roots = list(spec.roots) or list(data.roots.get(spec.organisation or "", []))
    chart = builder.chart(chart_id, title, roots)
    depths = _depths(chart)
    too_wide = any(
        _width(chart, depths, d) > 2 * chart.row_width
        for d in range(1, max(depths.values(), default=0) + 1)
    )
    if (
        not spec.split
        or (len(chart.boxes) <= spec.max_boxes and not too_wide)
        or max(depths.values(), default=0) <= 1
    ):
        chart.legend = builder.legend(chart) if spec.legend else []
        return [chart]
    overview, detailed = _cut(chart, spec.max_boxes)
    overview.legend = builder.legend(overview) if spec.legend else []
    if len(overview.boxes) == len(chart.boxes):
        return [overview]
    charts = [overview]
    if _level >= spec.inline_levels:
        for box_id in detailed:
            overview.boxes[box_id] = replace(overview.boxes[box_id], continued_in=f"page:{box_id}")
        return charts
    for box_id in detailed:
        sub_spec = replace(
            spec,
            roots=(box_id,),
            depth=None if spec.depth is None else max(1, spec.depth - _depths(chart)[box_id]),
        )
        unit = data.units[box_id]
        for sub in build_charts(data, sub_spec, f"{chart_id}--{box_id}", unit.label, _level + 1):
            if sub.parent_chart is None:
                sub.parent_chart = chart_id
            charts.append(sub)
    return charts


def _subtree(chart: Chart, root: str, title: str) -> Chart:
    """The part of a chart under one of its boxes, as a chart of its own."""
    keep: list[str] = []
    stack = [root]
    while stack:
        box_id = stack.pop()
        keep.append(box_id)
        stack.extend(reversed(chart.children.get(box_id, [])))
    kept = set(keep)
    sub = Chart(
        f"{chart.id}--{root}",
        title,
        direction=chart.direction,
        row_width=chart.row_width,
        legend=chart.legend,
        parent_chart=chart.id,
    )
    sub.tops = [root]
    for box_id in chart.boxes:
        if box_id in kept:
            sub.boxes[box_id] = chart.boxes[box_id]
            sub.children[box_id] = [c for c in chart.children.get(box_id, []) if c in kept]
    sub.edges = [e for e in chart.edges if e.source in kept and e.target in kept]
    return sub


def split_for_print(chart: Chart) -> list[Chart]:
    """A chart too big to print legibly, as its top level followed by one chart per box of
    that level that has boxes under it; [chart] when it cannot be split."""
    depths = _depths(chart)
    if max(depths.values(), default=0) < 2:
        return [chart]
    overview, detailed = _cut(chart, 1, max_depth=1)
    overview.legend = chart.legend
    if not detailed:
        return [chart]
    return [overview, *(_subtree(chart, box, box) for box in detailed)]


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
    """How many sub-units of a unit would be boxes of their own in a chart."""
    count = 0
    for child_id in data.children.get(unit_id, []):
        child = data.units[child_id]
        level = data.levels.get(child.level)
        stacked = level is not None and level.style.stack and not data.children.get(child_id)
        if not stacked and child.is_valid_on(data.as_of):
            count += 1
    return count
