"""How far the projet d'administration has got: averages and roll-ups, without Sphinx.

An average counts every action that is still pursued (abandoned ones are left out): an
action without a ``progress`` figure counts as 100 % when it is done and 0 % otherwise, and
the average says how many had no figure, so that "100 %" never hides 21 actions not begun.
"""

from __future__ import annotations

from dataclasses import dataclass

from .data import OrgData
from .model import Action, ActionStatus

__all__ = ["OTHER", "Progress", "average_progress", "rollup_groups"]

OTHER = ""
"""Key of the roll-up group of actions owned by no unit of the roll-up level."""


@dataclass(frozen=True)
class Progress:
    """An average progress, over ``counted`` actions, ``unfigured`` of which had no figure."""

    value: int
    counted: int
    unfigured: int


def _figure(action: Action) -> int:
    if action.progress is not None:
        return action.progress
    return 100 if action.status is ActionStatus.done else 0


def average_progress(actions: list[Action]) -> Progress | None:
    """The average progress of the actions still pursued; None when there are none."""
    pursued = [a for a in actions if a.status is not ActionStatus.abandoned]
    if not pursued:
        return None
    value = round(sum(_figure(a) for a in pursued) / len(pursued))
    unfigured = sum(1 for a in pursued if a.progress is None)
    return Progress(value, len(pursued), unfigured)


def ancestor_at(data: OrgData, unit_id: str, level: str) -> str | None:
    """The unit itself or its nearest ancestor of ``level``."""
    if unit_id not in data.units:
        return None
    if data.units[unit_id].level == level:
        return unit_id
    for ancestor in reversed(data.ancestors(unit_id)):
        if ancestor.level == level:
            return ancestor.id
    return None


def rollup_groups(data: OrgData, actions: list[Action], level: str) -> dict[str, list[Action]]:
    """The actions per unit of ``level`` (through their owners), in institutional order;
    the actions none of whose owners is at or under that level go under :data:`OTHER`,
    last (the direction générale's own actions, when the level is the pôle or the direction)."""
    groups: dict[str, list[Action]] = {}
    other: list[Action] = []
    for action in actions:
        tops = [t for t in (ancestor_at(data, o, level) for o in action.owners) if t]
        if not tops:
            other.append(action)
        for top in dict.fromkeys(tops):
            groups.setdefault(top, []).append(action)
    order = {uid: index for index, uid in enumerate(data.units)}
    result = {uid: groups[uid] for uid in sorted(groups, key=lambda u: order.get(u, 0))}
    if other:
        result[OTHER] = other
    return result
