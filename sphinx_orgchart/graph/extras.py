"""What a chart draws besides the tree of its units: the boxes of the units shared with
other organisations, the secondary attachments, and the units attached to an organisation
rather than to a unit. :func:`add_shared` and :func:`add_secondary` complete a chart made
by :class:`sphinx_orgchart.graph.build._Builder`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import translate
from ..model import Unit
from ..wording import of_organisation
from .model import Box, Chart, Edge, EdgeKind, Row

if TYPE_CHECKING:
    from .build import _Builder

__all__ = ["SHARED_PER_BOX", "add_secondary", "add_shared"]

SHARED_PER_BOX = 12
"""Most units listed in one box of shared units."""


def add_shared(builder: _Builder, chart: Chart) -> None:
    """Units of other organisations shared into this one, dashed: where they are
    attached when they are, else together in one box per home organisation."""
    org = builder.spec.organisation
    if not builder.spec.show_shared or org is None:
        return
    whole = builder.whole()
    grouped: dict[str, list[Unit]] = {}
    for unit in builder.data.shared_units:
        if unit.organisation == org or org not in builder.data.partners_of(unit):
            continue
        if unit.id in chart.boxes or not builder.visible(unit):
            continue
        anchor = next((a.unit for a in unit.attachments if a.unit in chart.boxes), None)
        parent = chart.boxes.get(unit.parent or "")
        if anchor is None and parent is not None and not parent.unit.shared_from:
            anchor = parent.id  # under the direction commune it sits under
        home = builder.data.organisations.get(unit.organisation or "")
        if anchor is not None:
            chart.boxes[unit.id] = builder.box(unit, [], home.display_name if home else "?")
            chart.children.setdefault(anchor, []).append(unit.id)
            chart.children[unit.id] = []
            chart.edges.append(Edge(anchor, unit.id, EdgeKind.shared))
        elif whole:
            grouped.setdefault(unit.organisation or "", []).append(unit)
    for home_id, units in grouped.items():
        home = builder.data.organisations.get(home_id)
        name = home.display_name if home else home_id
        # a box of at most SHARED_PER_BOX units: a long list would be one box too tall
        # to print, which no split can make smaller
        for start in range(0, len(units), SHARED_PER_BOX):
            _add_shared_group(builder, chart, home_id, name, units, start)


def _add_shared_group(
    builder: _Builder, chart: Chart, home_id: str, name: str, units: list[Unit], start: int
) -> None:
    """One box of shared units of ``home_id``, under the top."""
    language = builder.spec.language
    text = translate(language, "Shared units %(of_home)s") % {
        "of_home": of_organisation(name, language)
    }
    box_id = f"shared-from-{home_id}"
    if len(units) > SHARED_PER_BOX:
        total = -(-len(units) // SHARED_PER_BOX)
        text += f" ({start // SHARED_PER_BOX + 1}/{total})"
        if start:
            box_id += f"-{start // SHARED_PER_BOX + 1}"
    header = Row("", None, text)
    chart.boxes[box_id] = Box(
        box_id,
        header,
        tuple(builder.row(u, name) for u in units[start : start + SHARED_PER_BOX]),
        level="",
        rank=0,
        fill="#FFFFFF",
        border="#555555",
        dashed=True,
    )
    chart.children[box_id] = []
    if len(chart.tops) != 1 or chart.tops[0].startswith("shared-from-"):
        # an organisation with no unit of its own (a member commune): the boxes of the
        # units that serve it are its chart; one with several top units and no head
        # above them (a ministry): the box stands beside them, under none of them
        chart.tops.append(box_id)
        return
    chart.children.setdefault(chart.tops[0], []).append(box_id)
    chart.edges.append(Edge(chart.tops[0], box_id, EdgeKind.shared))


def add_secondary(builder: _Builder, chart: Chart) -> None:
    """Secondary attachments, dashed: a link between two drawn units; and, under a drawn
    unit, a dashed box for each unit attached to it whose main place is elsewhere."""
    if not builder.spec.show_secondary:
        return
    _add_attached_to_organisation(builder, chart)
    for box in list(chart.boxes.values()):
        if not box.unit.unit_id or box.unit.shared_from or box.unit.also_under:
            continue  # not under a group of shared units, nor under a borrowed unit
        for unit_id in box.unit_ids():
            for attached in builder.data.attached_to(unit_id):
                if not builder.visible(attached) or not builder.kept(attached):
                    continue
                if chart.box_of(attached.id) is not None:
                    continue
                parent = builder.data.units.get(attached.parent or "")
                # a top unit's place is its organisation
                main = parent.label if parent else builder.org_name(attached.organisation or "")
                chart.boxes[attached.id] = builder.box(attached, [], also_under=main)
                chart.children.setdefault(box.id, []).append(attached.id)
                chart.children[attached.id] = []
                chart.edges.append(Edge(box.id, attached.id, EdgeKind.attached))
    for box in list(chart.boxes.values()):
        if box.unit.also_under is not None:
            continue
        for unit_id in box.unit_ids():
            unit = builder.data.units[unit_id]
            for attachment in unit.attachments:
                if attachment.unit is None:
                    continue  # an organisation: written in the box (links)
                target = chart.box_of(attachment.unit)
                if (
                    target
                    and target != box.id
                    and not any(e.source == target and e.target == box.id for e in chart.edges)
                ):
                    chart.edges.append(Edge(target, box.id, EdgeKind.secondary))


def _add_attached_to_organisation(builder: _Builder, chart: Chart) -> None:
    """In an organisation's chart, the units of others attached to it as a whole (a
    direction it co-supervises): dashed boxes under its head, or beside its top units
    when it has several, their main place written in them."""
    org = builder.spec.members_of
    if org is None or not builder.whole():
        return
    for unit in builder.data.attached_to_organisation(org):
        if chart.box_of(unit.id) is not None or not builder.visible(unit):
            continue
        parent = builder.data.units.get(unit.parent or "")
        main = parent.label if parent else builder.org_name(unit.organisation or "")
        chart.boxes[unit.id] = builder.box(unit, [], also_under=main)
        chart.children[unit.id] = []
        if len(chart.tops) == 1 and not chart.tops[0].startswith("shared-from-"):
            top = chart.tops[0]  # under the head, as the shared units are
            chart.children.setdefault(top, []).append(unit.id)
            chart.edges.append(Edge(top, unit.id, EdgeKind.attached))
        else:
            chart.tops.append(unit.id)
