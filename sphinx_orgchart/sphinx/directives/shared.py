"""``org:shared``: the units shared between organisations, by mode or by pair, with counts."""

from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ...data import OrgData
from ...model import MutualisationMode, Sharing, Unit
from ...vocab import label
from ..domain import OrgDomain
from ..refnodes import xref
from ..state import OptionError, data_for, note_deps, option_id
from ..tables import table
from ..text import _, as_written, format_day, language_of

__all__ = ["SharedDirective"]

Row = tuple[Unit, Sharing]
"""A shared unit and one of its partnerships."""


def _group_by(argument: str | None) -> str:
    return str(directives.choice(argument or "", ["mode", "pair", "none"]))


class SharedDirective(SphinxDirective):
    """``.. org:shared::``: for each shared unit, its organisations, its home, the mode,
    since when and the agreement; grouped, with a summary of how many units per mode."""

    option_spec: ClassVar[dict[str, Any]] = {
        "as-of": directives.unchanged,
        "organisation": directives.unchanged,
        "group-by": _group_by,
        "no-summary": directives.flag,
    }
    option_docs: ClassVar[dict[str, str]] = {
        "as-of": "Show the organisation as it stood on this date (YYYY-MM-DD).",
        "organisation": "Only the units this organisation shares or is shared (default: all).",
        "group-by": "``mode`` (default), ``pair`` (of organisations) or ``none``.",
        "no-summary": "Leave out the summary (units per mode).",
    }

    @as_written
    def run(self) -> list[nodes.Node]:
        data = data_for(self)
        if data is None:
            return []
        try:
            org = option_id(self, data, "organisation", "organisations")
        except OptionError:
            return []
        units = [
            u
            for u in data.shared_units
            if (org is None or org in data.organisations_of(u))
            and (u.is_valid_on(data.as_of) or u.valid_until is None)
        ]
        rows = [
            (u, sharing)
            for u in units
            for sharing in data.sharings(u)
            if org is None or org in (u.organisation, *sharing.with_)
        ]
        note_deps(self.env, ["sharing", "organisations", "as-of", *(f"unit:{u.id}" for u in units)])
        language = language_of(self.env)
        result: list[nodes.Node] = []
        if "no-summary" not in self.options:
            result.append(self.summary(rows, language))
        shown: set[str] = set()
        for title, members in self.groups(data, rows, language):
            if title:
                result.append(nodes.rubric(title, title))
            result.append(self.table(data, members, language, shown))
        return result

    def groups(self, data: OrgData, rows: list[Row], language: str) -> list[tuple[str, list[Row]]]:
        """The partnerships grouped as the option asks, groups in a stable order."""
        how = self.options.get("group-by", "mode")
        if how == "none":
            return [("", rows)]
        if how == "mode":
            return [
                (label(mode, language), [r for r in rows if r[1].mode is mode])
                for mode in MutualisationMode
                if any(r[1].mode is mode for r in rows)
            ]
        rank = {o: index for index, o in enumerate(data.organisations)}
        pairs: dict[tuple[str, ...], list[Row]] = {}
        for unit, sharing in rows:
            orgs = dict.fromkeys([unit.organisation or "", *sharing.with_])
            key = tuple(sorted(orgs, key=lambda o: (rank.get(o, len(rank)), o)))
            pairs.setdefault(key, []).append((unit, sharing))
        return [
            (
                " — ".join(
                    data.organisations[o].display_name for o in key if o in data.organisations
                ),
                members,
            )
            for key, members in pairs.items()
        ]

    def summary(self, rows: list[Row], language: str) -> nodes.Node:
        """How many units per mode (a unit in two forms counts in each), and in all."""
        counts = Counter(mode for mode, _uid in {(s.mode, u.id) for u, s in rows})
        table_rows: list[list[list[nodes.Node]]] = [
            [[nodes.Text(label(mode, language))], [nodes.Text(str(counts[mode]))]]
            for mode in MutualisationMode
            if counts[mode]
        ]
        total = str(len({u.id for u, _s in rows}))
        table_rows.append([[nodes.strong("", _("Total"))], [nodes.strong("", total)]])
        return table(
            [_("Mode of mutualisation"), _("Units")],
            table_rows,
            [70, 30],
            classes=["orgchart-shared-summary"],
        )

    def table(self, data: OrgData, rows: list[Row], language: str, shown: set[str]) -> nodes.Node:
        """One row per partnership, a unit's first row a target the unit pages link to."""
        domain: OrgDomain = self.env.get_domain("org")  # type: ignore[assignment]
        cells: list[list[list[nodes.Node]]] = []
        for unit, sharing in rows:
            home = data.organisations.get(unit.organisation or "")
            first: list[nodes.Node] = [xref("unit", unit.id, unit.label)]
            if unit.id not in shown:
                shown.add(unit.id)
                target = domain.entry_target(self.state.document, "shared", unit.id)
                if target is not None:
                    first.insert(0, target)
            others = [
                xref("organisation", o, data.organisations[o].display_name)
                if o in data.organisations
                else nodes.Text(o)
                for o in sharing.with_
            ]
            with_cell: list[nodes.Node] = []
            for index, node in enumerate(others):
                if index:
                    with_cell.append(nodes.Text(", "))
                with_cell.append(node)
            agreement: list[nodes.Node] = []
            if sharing.agreement is not None:
                act = sharing.agreement
                text = act.reference + (f" ({format_day(act.date, language)})" if act.date else "")
                agreement.append(
                    nodes.reference(text, text, refuri=act.url) if act.url else nodes.Text(text)
                )
            mode = label(sharing.mode, language)
            if sharing.extent is not None:
                mode += f" ({label(sharing.extent, language)})"
            dates = format_day(sharing.since, language) if sharing.since else ""
            if sharing.until:
                dates += (" — " if dates else "") + _("until %s") % format_day(
                    sharing.until, language
                )
            notes = " — ".join(t for t in (sharing.allocation, sharing.note) if t)
            cells.append(
                [
                    first,
                    [nodes.Text(home.display_name if home else "")],
                    with_cell,
                    [nodes.Text(mode)],
                    [nodes.Text(dates)],
                    agreement,
                    [nodes.Text(notes)],
                ]
            )
        return table(
            [
                _("Unit"),
                _("Home"),
                _("Shared with"),
                _("Mode"),
                _("Since"),
                _("Agreement"),
                _("Note"),
            ],
            cells,
            [22, 10, 13, 14, 10, 15, 16],
            classes=["orgchart-shared"],
        )
