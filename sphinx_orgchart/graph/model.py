"""The chart model: resolved values only, ready for any writer (DOT, text, lists).

A chart is a forest of *boxes*. A box is a unit, or a unit with the units stacked in it
(services listed under their direction, as printed organigrammes do). Edges join boxes:
hierarchy, secondary attachments, and the "rattaché directement" links beside the top.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Box", "Chart", "ChartSpec", "Direction", "Edge", "EdgeKind", "Row"]


class Direction(StrEnum):
    """Which way the hierarchy goes."""

    top_down = "top-down"
    left_right = "left-right"


class EdgeKind(StrEnum):
    """Kinds of links between boxes."""

    hierarchy = "hierarchy"
    direct = "direct"  # rattaché directement: beside the top box
    secondary = "secondary"  # also attached here (dashed), both ends drawn in their places
    attached = "attached"  # also attached here: its dashed box drawn here, its place elsewhere
    shared = "shared"  # a unit of another organisation, shared into this one (dashed)


@dataclass(frozen=True)
class ChartSpec:
    """What to draw: the directive's options, resolved."""

    roots: tuple[str, ...] = ()
    organisation: str | None = None
    depth: int | None = None
    levels: frozenset[str] | None = None
    exclude_levels: frozenset[str] = frozenset()
    direction: Direction = Direction.top_down
    show_head: bool = False
    show_shared: bool = True
    show_secondary: bool = True
    as_of: dt.date | None = None
    legend: bool = False
    max_boxes: int = 40
    split: bool = True
    inline_levels: int = 99  # levels of detailed charts drawn here; deeper: on unit pages
    row_width: int = 5
    show_people: bool = False
    language: str = "fr"
    marks: tuple[tuple[str, str, str], ...] = ()  # (unit id, change kind, note): comparisons
    also_show: frozenset[str] = frozenset()  # units drawn whatever their dates (removed ones)
    members_of: str | None = None  # an organisation's chart: its units, and the common ones


@dataclass(frozen=True)
class Row:
    """A unit inside a box: the box's own unit first, then the units stacked in it."""

    unit_id: str
    sigle: str | None
    name: str
    head: str | None = None
    status: str | None = None  # a translated status label when not plainly active
    shared_from: str | None = None  # organisation it comes from, for shared-in units
    tag: str | None = None  # the unit's category, named (not told by a colour alone)
    also_under: str | None = None  # drawn here as a secondary attachment: its main parent
    shared_with: str | None = None  # "shared with Métropole": a unit of this chart it shares
    common_to: str | None = None  # "common to Métropole, Ville": a direction générale commune
    home: str | None = None  # its organisation, when the chart's units are of several
    links: tuple[str, ...] = ()  # its attachments that say a kind ("co-tutelle: Ministère")


@dataclass(frozen=True)
class Box:
    """A box of the chart."""

    id: str
    unit: Row
    stacked: tuple[Row, ...] = ()
    level: str = ""
    rank: int = 0
    fill: str = "#ffffff"
    border: str = "#444444"
    shape: str = "box"
    bold: bool = False
    dashed: bool = False
    category: str | None = None
    continued_in: str | None = None  # the chart that details this box, or "page:<unit>"
    mark: str | None = None  # added, removed, moved, renamed (comparison charts)

    def unit_ids(self) -> list[str]:
        """Every unit the box shows (a group box has no unit of its own)."""
        own = [self.unit.unit_id] if self.unit.unit_id else []
        return [*own, *(row.unit_id for row in self.stacked)]


@dataclass(frozen=True)
class Edge:
    """A link between two boxes."""

    source: str
    target: str
    kind: EdgeKind = EdgeKind.hierarchy


@dataclass
class Chart:
    """A chart: boxes, edges, and the structure for text alternatives."""

    id: str
    title: str
    boxes: dict[str, Box] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    children: dict[str, list[str]] = field(default_factory=dict)  # box -> child boxes
    tops: list[str] = field(default_factory=list)
    direction: Direction = Direction.top_down
    row_width: int = 5
    legend: list[tuple[str, str, str]] = field(default_factory=list)  # label, fill, border
    parent_chart: str | None = None
    part: tuple[int, int] | None = None  # (n, of): one of the parts of a level cut in parts

    def unit_ids(self) -> list[str]:
        """Every unit the chart shows, in order."""
        return [uid for box in self.boxes.values() for uid in box.unit_ids()]

    def box_of(self, unit_id: str) -> str | None:
        """The box that shows a unit."""
        for box in self.boxes.values():
            if unit_id in box.unit_ids():
                return box.id
        return None
