"""CSV export: one row per unit, for spreadsheets and other tools."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from ..data import OrgData
from ..model import Unit

__all__ = ["CSV_COLUMNS", "units_csv"]

Getter = Callable[[OrgData, Unit], object]


def _holder(data: OrgData, unit: Unit) -> object:
    if not data.package.package.publish_people or unit.head is None or unit.head.holder is None:
        return ""
    return unit.head.holder.name


def _path(data: OrgData, unit: Unit) -> str:
    return " > ".join(u.sigle or u.name for u in [*data.ancestors(unit.id), unit])


def _contact(field: str) -> Getter:
    return lambda _data, unit: getattr(unit.contact, field) if unit.contact else None


CSV_COLUMNS: list[tuple[str, str, Getter]] = [
    ("id", "Unit id.", lambda d, u: u.id),
    ("name", "Full name.", lambda d, u: u.name),
    ("sigle", "Acronym.", lambda d, u: u.sigle),
    ("level", "Level id.", lambda d, u: u.level),
    ("organisation", "Home organisation id.", lambda d, u: u.organisation),
    ("parent", "Parent unit id (empty at the top).", lambda d, u: u.parent),
    ("path", "Chain of parents, by sigle or name, separated by ' > '.", _path),
    ("depth", "0 at the top, 1 below...", lambda d, u: d.depth(u.id)),
    ("order", "Position among siblings, when given.", lambda d, u: u.order),
    ("category", "Category id.", lambda d, u: u.category),
    (
        "direct_report",
        "1 if rattaché directement à la direction générale.",
        lambda d, u: int(u.direct_report),
    ),
    (
        "status",
        "planned, active, transitional, experimental or closed.",
        lambda d, u: u.status.value,
    ),
    ("valid_from", "First day (YYYY-MM-DD).", lambda d, u: u.valid_from),
    ("valid_until", "Last day (YYYY-MM-DD).", lambda d, u: u.valid_until),
    ("head_post", "Title of the head post.", lambda d, u: u.head.title if u.head else None),
    (
        "head_state",
        "filled, vacant or interim.",
        lambda d, u: u.head.state.value if u.head else None,
    ),
    ("head_holder", "Holder's name, only when the package allows publishing names.", _holder),
    ("email", "Email.", _contact("email")),
    ("phone", "Phone.", _contact("phone")),
    ("address", "Address.", _contact("address")),
    ("site", "Site or building.", _contact("site")),
    ("staff", "Staff in full-time equivalents.", lambda d, u: u.staff),
    (
        "shared_with",
        "Organisations it is shared with, separated by ' | '.",
        lambda d, u: " | ".join(dict.fromkeys(o for s in u.shared for o in s.with_)) or None,
    ),
    (
        "shared_mode",
        "Mutualisation modes, one per partnership, separated by ' | '.",
        lambda d, u: " | ".join(s.mode.value for s in u.shared) or None,
    ),
    (
        "shared_since",
        "Date the first partnership started.",
        lambda d, u: min((s.since for s in u.shared if s.since), default=None),
    ),
    ("missions", "Missions, separated by ' | '.", lambda d, u: " | ".join(u.missions)),
]


def units_csv(data: OrgData, delimiter: str = ",", bom: bool = False) -> str:
    """The units as CSV text (RFC 4180 quoting), in institutional order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([name for name, _, _ in CSV_COLUMNS])
    for unit in data.package.units:
        writer.writerow(["" if (v := get(data, unit)) is None else v for _, _, get in CSV_COLUMNS])
    return ("\ufeff" if bom else "") + buffer.getvalue()
