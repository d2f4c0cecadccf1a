"""``org:objectives``: the pilotage view of the projet d'administration."""

from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ...data import OrgData
from ...model import Action, ActionStatus, Objective, Orientation
from ...progress import OTHER, average_progress, rollup_groups
from ...vocab import label
from ...wording import format_count
from ..datarest import parse_data_rest
from ..directivenodes import progress
from ..domain import OrgDomain
from ..refnodes import xref
from ..state import OptionError, get_state, note_deps, option_id
from ..tables import table
from ..text import _, __, as_written, format_day, language_of
from ..warnings import BAD_OPTION, warn

__all__ = ["ObjectivesDirective", "progress", "status_line"]


def _progress(actions: list[Action], language: str) -> list[nodes.Node]:
    """The average progress of ``actions``, saying how many had no figure."""
    average = average_progress(actions)
    if average is None:
        return []
    out: list[nodes.Node] = [
        progress(f"{average.value} %", f"{average.value} %", value=average.value)
    ]
    if average.unfigured:
        note = format_count(
            language,
            "%(n)s action without a figure, counted 0 %% or 100 %% when done",
            "%(n)s actions without a figure, counted 0 %% or 100 %% when done",
            average.unfigured,
        )
        out.append(nodes.inline("", f" ({note})", classes=["orgchart-unfigured"]))
    return out


def status_count(status: ActionStatus, count: int, language: str) -> str:
    """ "2 réalisées", "1 en cours", "57 à lancer": a count of actions with their status,
    the status agreeing with the number (the actions are feminine in French)."""
    # one message per status, written out for the catalogue's extractor
    if status is ActionStatus.planned:
        return format_count(language, "%(n)s to start", "%(n)s to start", count)
    if status is ActionStatus.in_progress:
        return format_count(language, "%(n)s in progress", "%(n)s in progress", count)
    if status is ActionStatus.done:
        return format_count(language, "%(n)s done", "%(n)s done", count)
    if status is ActionStatus.late:
        return format_count(language, "%(n)s late", "%(n)s late", count)
    if status is ActionStatus.suspended:
        return format_count(language, "%(n)s suspended", "%(n)s suspended", count)
    return format_count(language, "%(n)s abandoned", "%(n)s abandoned", count)


def status_line(actions: list[Action], language: str) -> nodes.paragraph:
    """ "3 actions — 1 réalisée, 2 en cours — 40 % (1 action without a figure...)"; "No
    action" when there is none."""
    if not actions:
        text = _("No action")
        return nodes.paragraph(text, text, classes=["orgchart-rollup"])
    counts = Counter(a.status for a in actions)
    line = nodes.paragraph(
        "",
        format_count(language, "%(n)s action", "%(n)s actions", len(actions))
        + " — "
        + ", ".join(status_count(s, counts[s], language) for s in ActionStatus if counts[s]),
        classes=["orgchart-rollup"],
    )
    figures = _progress(actions, language)
    if figures:
        line += nodes.Text(" — ")
        line += figures
    return line


def _figure(value: int | None) -> list[nodes.Node]:
    if value is None:
        return []
    return [progress(f"{value} %", f"{value} %", value=value)]


def _statuses(argument: str | None) -> str:
    names = [p for p in (argument or "").replace(",", " ").split() if p]
    allowed = [s.value for s in ActionStatus]
    for name in names:
        directives.choice(name, allowed)
    return " ".join(names)


class ObjectivesDirective(SphinxDirective):
    """``.. org:objectives::``: objectives grouped by orientation with their actions (owner
    units, status, progress, due date), roll-ups per objective and per pôle or unit."""

    option_spec: ClassVar[dict[str, Any]] = {
        "organisation": directives.unchanged,
        "unit": directives.unchanged,
        "status": _statuses,
        "objective": directives.unchanged,
        "rollup": directives.unchanged,
        "no-actions": directives.flag,
        "no-index": directives.flag,
    }
    option_docs: ClassVar[dict[str, str]] = {
        "organisation": "Only the actions led by units of this organisation.",
        "unit": "Only the actions led by this unit or by units under it.",
        "status": "Only the actions with these statuses (planned, in_progress, done, late, "
        "suspended, abandoned), separated by commas.",
        "objective": "Only this objective.",
        "rollup": "The level whose units get a line each in the roll-up table (each "
        "service's answers), e.g. ``pole``; ``none`` for no table. Default: the level of "
        "rank 1.",
        "no-actions": "Show the roll-ups only, not the tables of actions.",
        "no-index": "Do not make the objectives here the targets of ``:org:objective:``.",
    }

    @as_written
    def run(self) -> list[nodes.Node]:
        data = get_state(self.env).data
        if data is None:
            return []
        actions = self.actions(data)
        if actions is None:
            return []
        note_deps(
            self.env,
            [
                "objectives",
                "orientations",
                "actions",
                "units",
                "levels",  # the roll-up's level: its label, and the default one by rank
                *(f"action:{a.id}" for a in actions),
                *(f"unit:{u}" for a in actions for u in a.owners),
            ],
        )
        language = language_of(self.env)
        out: list[nodes.Node] = [self.summary(actions, language)]
        wanted = self.options.get("objective", "").strip()
        objectives = [o for o in data.objectives.values() if not wanted or o.id == wanted]
        objectives.sort(key=lambda o: (o.number or 999, o.id))
        filtered = bool(wanted or self.options.get("unit") or self.options.get("status"))
        org = self.options.get("organisation", "").strip()
        orientations = sorted(
            enumerate(data.orientations.values()), key=lambda item: (item[1].order or 0, item[0])
        )
        for _index, orientation in orientations:
            if org and orientation.organisation not in (None, org):
                continue
            mine = [o for o in objectives if o.orientation == orientation.id]
            if filtered and not mine:
                continue
            out.extend(self.orientation(data, orientation))
            for objective in mine:
                out.extend(self.objective_block(data, objective, actions, language, filtered))
        for objective in objectives:
            if objective.orientation not in data.orientations:
                out.extend(self.objective_block(data, objective, actions, language, filtered))
        rollup = self.rollup(data, actions, language)
        if rollup is not None:
            out.append(rollup)
        return out

    def orientation(self, data: OrgData, orientation: Orientation) -> list[nodes.Node]:
        """An orientation's title and presentation, whether it has objectives or not."""
        out: list[nodes.Node] = [
            nodes.rubric(orientation.title, orientation.title, classes=["orgchart-orientation"])
        ]
        if orientation.description:
            out.append(
                parse_data_rest(self, data, "orientations", orientation.id, orientation.description)
            )
        return out

    def objective_block(
        self,
        data: OrgData,
        objective: Objective,
        actions: list[Action],
        language: str,
        filtered: bool,
    ) -> list[nodes.Node]:
        """An objective with its actions; nothing when a filter leaves it no action."""
        mine = [a for a in actions if a.objective == objective.id]
        if not mine and (self.options.get("unit") or self.options.get("status")):
            return []
        return self.objective(data, objective, mine, language)

    def actions(self, data: OrgData) -> list[Action] | None:
        """The actions the options select; None after a warning."""
        actions = list(data.actions.values())
        try:
            org = option_id(self, data, "organisation", "organisations")
            unit = option_id(self, data, "unit", "units")
            option_id(self, data, "objective", "objectives")
        except OptionError:
            return None
        if org:
            actions = [
                a
                for a in actions
                if any(data.units[u].organisation == org for u in a.owners if u in data.units)
            ]
        if unit:
            below = {unit} | {u.id for u in data.descendants(unit)}
            actions = [a for a in actions if below.intersection(a.owners)]
        statuses = set(self.options.get("status", "").split())
        if statuses:
            actions = [a for a in actions if a.status.value in statuses]
        return actions

    def summary(self, actions: list[Action], language: str) -> nodes.Node:
        """How many actions per status, and the average progress."""
        counts = Counter(a.status for a in actions)
        rows: list[list[list[nodes.Node]]] = [
            [[nodes.Text(label(status, language))], [nodes.Text(str(counts[status]))]]
            for status in ActionStatus
            if counts[status]
        ]
        rows.append([[nodes.strong("", _("Total"))], [nodes.strong("", str(len(actions)))]])
        container = nodes.container(classes=["orgchart-objectives-summary"])
        container += table([_("Status"), _("Actions")], rows, [70, 30])
        figures = _progress(actions, language)
        if figures:
            para = nodes.paragraph("", _("Average progress: "))
            para += figures
            container += para
        return container

    def objective(
        self, data: OrgData, objective: Objective, actions: list[Action], language: str
    ) -> list[nodes.Node]:
        """An objective (after its target), its roll-up and its actions."""
        block = nodes.container(classes=["orgchart-objective"])
        out: list[nodes.Node] = [block]
        if "no-index" not in self.options:
            domain: OrgDomain = self.env.get_domain("org")  # type: ignore[assignment]
            target = domain.describe(
                self.state.document, "objective", objective.id, self.get_location()
            )
            if target is not None:
                out.insert(0, target)
        title = (
            _("Objective %(number)s: %(title)s")
            % {"number": objective.number, "title": objective.title}
            if objective.number
            else objective.title
        )
        block += nodes.paragraph(
            "", "", nodes.strong(title, title), classes=["orgchart-objective-title"]
        )
        if objective.description:
            block += parse_data_rest(self, data, "objectives", objective.id, objective.description)
        if objective.indicators:
            para = nodes.paragraph("", _("Indicators: ") + "; ".join(objective.indicators))
            block += para
        block += status_line(actions, language)
        if actions and "no-actions" not in self.options:
            block += self.action_table(data, actions, language)
        return out

    def action_table(self, data: OrgData, actions: list[Action], language: str) -> nodes.Node:
        """One row per action."""
        rows: list[list[list[nodes.Node]]] = []
        for action in actions:
            owners: list[nodes.Node] = []
            for index, uid in enumerate(action.owners):
                if index:
                    owners.append(nodes.Text(", "))
                unit = data.units.get(uid)
                owners.append(
                    xref("unit", uid, unit.sigle or unit.name) if unit else nodes.Text(uid)
                )
            rows.append(
                [
                    [nodes.Text(action.title)],
                    owners,
                    [
                        nodes.inline(
                            "",
                            label(action.status, language),
                            classes=["orgchart-status", f"orgchart-{action.status.value}"],
                        )
                    ],
                    _figure(action.progress),
                    [nodes.Text(format_day(action.due, language))] if action.due else [],
                ]
            )
        return table(
            [_("Action"), _("Led by"), _("Status"), _("Progress"), _("Due")],
            rows,
            [40, 18, 14, 12, 16],
            classes=["orgchart-actions"],
        )

    def rollup(self, data: OrgData, actions: list[Action], language: str) -> nodes.Node | None:
        """Each service's answers: a line per unit of the roll-up level."""
        level = self.options.get("rollup", "").strip()
        if level == "none":
            return None
        if not level:
            ranked = sorted(data.levels.values(), key=lambda lv: lv.rank)
            level = next((lv.id for lv in ranked if lv.rank == 1), "")
        if level not in data.levels:
            if self.options.get("rollup"):
                warn(__("unknown level '%s' in :rollup:") % level, BAD_OPTION, self.get_location())
            return None
        rows: list[list[list[nodes.Node]]] = []
        for uid, mine in rollup_groups(data, actions, level).items():
            counts = Counter(a.status for a in mine)
            if uid == OTHER:
                other = _("Other units (above or outside this level)")
                first: list[nodes.Node] = [nodes.emphasis(other, other)]
            else:
                first = [xref("unit", uid, data.units[uid].label)]
            rows.append(
                [
                    first,
                    [nodes.Text(str(len(mine)))],
                    [nodes.Text(str(counts[ActionStatus.done]))],
                    [nodes.Text(str(counts[ActionStatus.in_progress]))],
                    [nodes.Text(str(counts[ActionStatus.late]))],
                    _progress(mine, language),
                ]
            )
        if not rows:
            return None
        container = nodes.container(classes=["orgchart-rollup-table"])
        title = _("Progress by %s") % data.levels[level].label(language).lower()
        container += nodes.rubric(title, title)
        container += table(
            [
                data.levels[level].label(language),
                _("Actions"),
                # the actions counted: "Réalisées", not the status of one ("réalisée")
                _("Done"),
                _("In progress"),
                _("Late"),
                _("Progress"),
            ],
            rows,
            [36, 12, 12, 12, 12, 16],
        )
        return container
