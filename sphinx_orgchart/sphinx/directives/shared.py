"""``org:shared``: the units shared between organisations, by mode or by pair, with counts."""

from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ...data import OrgData
from ...model import MutualisationMode, Unit
from ...vocab import label
from ..domain import OrgDomain
from ..state import OptionError, data_for, note_deps, option_id
from ..tables import table
from ..text import _, as_written, format_day, language_of
from ..unitblock import xref

__all__ = ["SharedDirective"]


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
            if u.shared is not None
            and (org is None or org in data.organisations_of(u))
            and (u.is_valid_on(data.as_of) or u.valid_until is None)
        ]
        note_deps(self.env, ["sharing", "organisations", "as-of", *(f"unit:{u.id}" for u in units)])
        language = language_of(self.env)
        result: list[nodes.Node] = []
        if "no-summary" not in self.options:
            result.append(self.summary(units, language))
        groups = self.groups(data, units, language)
        for title, members in groups:
            if title:
                result.append(nodes.rubric(title, title))
            result.append(self.table(data, members, language))
        return result

    def groups(
        self, data: OrgData, units: list[Unit], language: str
    ) -> list[tuple[str, list[Unit]]]:
        """The units grouped as the option asks, groups in a stable order."""
        how = self.options.get("group-by", "mode")
        if how == "none":
            return [("", units)]
        if how == "mode":
            return [
                (label(mode, language), [u for u in units if u.shared and u.shared.mode is mode])
                for mode in MutualisationMode
                if any(u.shared and u.shared.mode is mode for u in units)
            ]
        pairs: dict[tuple[str, ...], list[Unit]] = {}
        for unit in units:
            key = tuple(
                sorted(
                    data.organisations_of(unit),
                    key=lambda o: (
                        list(data.organisations).index(o) if o in data.organisations else 99
                    ),
                )
            )
            pairs.setdefault(key, []).append(unit)
        return [
            (
                " — ".join(
                    data.organisations[o].display_name for o in key if o in data.organisations
                ),
                members,
            )
            for key, members in pairs.items()
        ]

    def summary(self, units: list[Unit], language: str) -> nodes.Node:
        """How many units per mode."""
        counts = Counter(u.shared.mode for u in units if u.shared)
        rows: list[list[list[nodes.Node]]] = [
            [[nodes.Text(label(mode, language))], [nodes.Text(str(counts[mode]))]]
            for mode in MutualisationMode
            if counts[mode]
        ]
        rows.append([[nodes.strong("", _("Total"))], [nodes.strong("", str(len(units)))]])
        return table(
            [_("Mode of mutualisation"), _("Units")],
            rows,
            [70, 30],
            classes=["orgchart-shared-summary"],
        )

    def table(self, data: OrgData, units: list[Unit], language: str) -> nodes.Node:
        """One row per shared unit, each row a target the unit pages link to."""
        domain: OrgDomain = self.env.get_domain("org")  # type: ignore[assignment]
        rows: list[list[list[nodes.Node]]] = []
        for unit in units:
            assert unit.shared is not None
            home = data.organisations.get(unit.organisation or "")
            first: list[nodes.Node] = [xref("unit", unit.id, unit.label)]
            target = domain.entry_target(self.state.document, "shared", unit.id)
            if target is not None:
                first.insert(0, target)
            others = [
                xref("organisation", o, data.organisations[o].display_name)
                if o in data.organisations
                else nodes.Text(o)
                for o in unit.shared.with_
            ]
            with_cell: list[nodes.Node] = []
            for index, node in enumerate(others):
                if index:
                    with_cell.append(nodes.Text(", "))
                with_cell.append(node)
            agreement: list[nodes.Node] = []
            if unit.shared.agreement is not None:
                act = unit.shared.agreement
                text = act.reference + (f" ({format_day(act.date, language)})" if act.date else "")
                agreement.append(
                    nodes.reference(text, text, refuri=act.url) if act.url else nodes.Text(text)
                )
            rows.append(
                [
                    first,
                    [nodes.Text(home.display_name if home else "")],
                    with_cell,
                    [nodes.Text(label(unit.shared.mode, language))],
                    [
                        nodes.Text(
                            format_day(unit.shared.since, language) if unit.shared.since else ""
                        )
                    ],
                    agreement,
                ]
            )
        return table(
            [_("Unit"), _("Home"), _("Shared with"), _("Mode"), _("Since"), _("Agreement")],
            rows,
            [30, 12, 16, 16, 12, 14],
            classes=["orgchart-shared"],
        )
