"""``org:answers``: each unit's answers to the objectives, with the progress of its actions.

The view of Caen's pilotage tool (seed 004): "les réponses des services aux 13 objectifs
ainsi que l'état d'avancement des actions". Grouped lists, not a units × objectives grid:
an answer is a text, and thirteen columns of texts fit neither a phone nor a PDF page.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ...data import OrgData
from ...model import Action, Answer, Objective, Unit
from ..datarest import parse_data_rest
from ..refnodes import xref
from ..state import OptionError, get_state, note_deps, option_id
from ..text import _, as_written, language_of
from .objectives import status_line

__all__ = ["AnswersDirective", "answer_text", "objective_name"]


def objective_name(objective: Objective) -> str:
    """ "Objective 3: title", or the title of an objective without a number."""
    if objective.number:
        return _("Objective %(number)s: %(title)s") % {
            "number": objective.number,
            "title": objective.title,
        }
    return objective.title


def answer_text(directive: SphinxDirective, data: OrgData, answer: Answer) -> nodes.container:
    """The text of an answer, parsed like every text of the data (located in its file)."""
    return parse_data_rest(
        directive, data, "answers", answer.key, answer.text, ["orgchart-answer"], field="text"
    )


class AnswersDirective(SphinxDirective):
    """``.. org:answers::``: for each unit, its answer to each objective and the progress of
    the actions it leads for it (count, statuses, average, actions without a figure); or the
    same grouped by objective."""

    option_spec: ClassVar[dict[str, Any]] = {
        "organisation": directives.unchanged,
        "unit": directives.unchanged,
        "objective": directives.unchanged,
        "group": lambda argument: directives.choice(argument, ("unit", "objective")),
        "answered": directives.flag,
    }
    option_docs: ClassVar[dict[str, str]] = {
        "organisation": "Only the units of this organisation.",
        "unit": "Only this unit and the units under it.",
        "objective": "Only this objective.",
        "group": "``unit`` (the default): a block per unit, its objectives inside; "
        "``objective``: a block per objective, the units' answers inside.",
        "answered": "Only the objectives a unit has answered (by default, also those it "
        "leads actions for without an answer, shown as such).",
    }

    @as_written
    def run(self) -> list[nodes.Node]:
        data = get_state(self.env).data
        if data is None:
            return []
        try:
            org = option_id(self, data, "organisation", "organisations")
            top = option_id(self, data, "unit", "units")
            wanted = option_id(self, data, "objective", "objectives")
        except OptionError:
            return []
        units = self.units(data, org, top)
        objectives = sorted(
            (o for o in data.objectives.values() if wanted in (None, o.id)),
            key=lambda o: (o.number or 999, o.id),
        )
        pairs = self.pairs(data, units, objectives)
        note_deps(
            self.env,
            [
                "answers",
                "actions",
                "objectives",
                "units",
                *(f"unit:{u.id}" for u in units),
                *(f"objective:{o.id}" for o in objectives),
            ],
        )
        if not pairs:
            text = _("No unit has answered these objectives or leads an action for them yet.")
            return [nodes.paragraph(text, text, classes=["orgchart-empty"])]
        language = language_of(self.env)
        out: list[nodes.Node] = []
        if self.options.get("group") == "objective":
            for objective in objectives:
                mine = [(u, a, acts) for u, o, a, acts in pairs if o is objective]
                if mine:
                    out.append(self.objective_block(data, objective, mine, language))
        else:
            for unit in units:
                mine_ = [(o, a, acts) for u, o, a, acts in pairs if u is unit]
                if mine_:
                    out.append(self.unit_block(data, unit, mine_, language))
        return out

    def units(self, data: OrgData, org: str | None, top: str | None) -> list[Unit]:
        """The units the options select, in institutional order."""
        units = list(data.units.values())
        if org:
            units = [u for u in units if u.organisation == org]
        if top:
            below = {top} | {u.id for u in data.descendants(top)}
            units = [u for u in units if u.id in below]
        return units

    def pairs(
        self, data: OrgData, units: list[Unit], objectives: list[Objective]
    ) -> list[tuple[Unit, Objective, Answer | None, list[Action]]]:
        """(unit, objective, its answer, the actions it leads for it) for every unit that
        answered the objective or leads an action for it."""
        found = []
        for unit in units:
            answers = {a.objective: a for a in data.answers_of(unit.id)}
            actions = data.actions_of(unit.id)
            for objective in objectives:
                mine = [a for a in actions if a.objective == objective.id]
                answer = answers.get(objective.id)
                if answer is not None or (mine and "answered" not in self.options):
                    found.append((unit, objective, answer, mine))
        return found

    def unit_block(
        self,
        data: OrgData,
        unit: Unit,
        items: list[tuple[Objective, Answer | None, list[Action]]],
        language: str,
    ) -> nodes.container:
        """A unit, the progress of all its actions, then its answer to each objective."""
        block = nodes.container(classes=["orgchart-answers", "orgchart-answers-unit"])
        block += nodes.paragraph("", "", nodes.strong("", "", xref("unit", unit.id, unit.label)))
        block += status_line([a for _o, _a, acts in items for a in acts], language)
        entries = nodes.definition_list()
        for objective, answer, actions in items:
            term = nodes.term("", "", xref("objective", objective.id, objective_name(objective)))
            entries += self.entry(data, term, answer, actions, language)
        block += entries
        return block

    def objective_block(
        self,
        data: OrgData,
        objective: Objective,
        items: list[tuple[Unit, Answer | None, list[Action]]],
        language: str,
    ) -> nodes.container:
        """An objective, the progress of its actions here, then each unit's answer."""
        block = nodes.container(classes=["orgchart-answers", "orgchart-answers-objective"])
        title = objective_name(objective)
        block += nodes.paragraph(
            "", "", nodes.strong("", "", xref("objective", objective.id, title))
        )
        block += status_line(_distinct(a for _u, _a, acts in items for a in acts), language)
        entries = nodes.definition_list()
        for unit, answer, actions in items:
            term = nodes.term("", "", xref("unit", unit.id, unit.label))
            entries += self.entry(data, term, answer, actions, language)
        block += entries
        return block

    def entry(
        self,
        data: OrgData,
        term: nodes.term,
        answer: Answer | None,
        actions: list[Action],
        language: str,
    ) -> nodes.definition_list_item:
        """One unit's answer to one objective, then the progress of its actions for it."""
        item = nodes.definition_list_item()
        item += term
        definition = nodes.definition()
        if answer is not None:
            definition += answer_text(self, data, answer)
        else:
            text = _("No answer yet.")
            definition += nodes.paragraph("", "", nodes.emphasis(text, text))
        definition += status_line(actions, language)
        item += definition
        return item


def _distinct(actions: Iterable[Action]) -> list[Action]:
    """Each action once (an action led by two units is in both their answers)."""
    return list({a.id: a for a in actions}.values())
