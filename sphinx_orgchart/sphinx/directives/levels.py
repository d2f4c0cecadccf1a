"""``org:levels``: the glossary of the structure levels, as real Sphinx glossary terms."""

from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.domains.std import make_glossary_term
from sphinx.util.docutils import SphinxDirective

from ...data import OrgData
from ...model import Level
from ...wording import format_count
from ..domain import OrgDomain
from ..refnodes import xref
from ..state import OptionError, data_for, note_deps, option_id
from ..text import _, as_written, language_of

__all__ = ["LevelsDirective"]


class LevelsDirective(SphinxDirective):
    """``.. org:levels::``: each level is a glossary term with its definition, where it sits,
    how many units it has and a few of them; ``:term:`` and ``:org:level:`` link to it."""

    option_spec: ClassVar[dict[str, Any]] = {
        "as-of": directives.unchanged,
        "organisation": directives.unchanged,
        "no-counts": directives.flag,
        "no-examples": directives.flag,
        "examples": directives.nonnegative_int,
        "no-categories": directives.flag,
    }
    option_docs: ClassVar[dict[str, str]] = {
        "as-of": "Show the organisation as it stood on this date (YYYY-MM-DD).",
        "organisation": "Count and show the units of this organisation only (and the levels "
        "it uses).",
        "no-counts": "Leave out the number of units of each level.",
        "no-examples": "Leave out the examples.",
        "examples": "How many units to show as examples of each level (default 3).",
        "no-categories": "Leave out the categories of units (pôle fonctionnel...), which "
        "otherwise follow the levels as glossary terms with their definitions.",
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
        language = language_of(self.env)
        units = [
            u
            for u in data.units.values()
            if u.is_valid_on(data.as_of) and (org is None or u.organisation == org)
        ]
        counts = Counter(u.level for u in units)
        note_deps(self.env, ["levels", "level-counts", "as-of", "units"])
        glossary = addnodes.glossary()
        glossary["sorted"] = False  # the levels keep their rank order
        items = nodes.definition_list(classes=["glossary", "orgchart-levels"])
        glossary += items
        domain: OrgDomain = self.env.get_domain("org")  # type: ignore[assignment]
        source, line = self.get_source_info()
        for level in sorted(data.levels.values(), key=lambda lv: (lv.rank, lv.id)):
            if org is not None and not counts[level.id]:
                continue
            note_deps(self.env, [f"level:{level.id}"])
            term = make_glossary_term(
                self.env,
                [nodes.Text(level.label(language))],
                None,
                source,
                line,
                None,
                self.state.document,
            )
            domain.note_object("level", level.id, term["ids"][0], self.get_location())
            item = nodes.definition_list_item()
            item += term
            item += self.definition(data, level, counts, units, language)
            items += item
        if "no-categories" not in self.options:
            self.categories(data, items, units, language)
        return [glossary]

    def categories(
        self, data: OrgData, items: nodes.definition_list, units: list[Any], language: str
    ) -> None:
        """Each category used by the units shown: a term, its definition, its units."""
        source, line = self.get_source_info()
        for category in data.categories.values():
            members = [u for u in units if u.category == category.id]
            if not members:
                continue
            note_deps(self.env, [f"category:{category.id}", *(f"unit:{u.id}" for u in members)])
            term = make_glossary_term(
                self.env,
                [nodes.Text(category.name.get(language))],
                None,
                source,
                line,
                None,
                self.state.document,
            )
            body = nodes.definition()
            if category.definition is not None:
                body += nodes.paragraph("", category.definition.get(language))
            para = nodes.paragraph("", _("Units of this category: "))
            for index, unit in enumerate(members):
                if index:
                    para += nodes.Text(", ")
                para += xref("unit", unit.id, unit.label)
            body += para
            item = nodes.definition_list_item()
            item += term
            item += body
            items += item

    def definition(
        self, data: OrgData, level: Level, counts: Counter[str], units: list[Any], language: str
    ) -> nodes.definition:
        """Definition, place in the hierarchy, count and examples of a level."""
        body = nodes.definition()
        if level.definition is not None:
            body += nodes.paragraph("", level.definition.get(language))
        parents = [data.levels[p].label(language) for p in level.parents if p in data.levels]
        contains = [lv.label(language) for lv in data.levels.values() if level.id in lv.parents]
        facts = nodes.bullet_list()
        if parents:
            facts += _item(_("Sits under: %s") % ", ".join(parents))
        if level.may_be_top:
            facts += _item(_("May be at the top of an organisation."))
        if contains:
            facts += _item(_("May contain: %s") % ", ".join(contains))
        if "no-counts" not in self.options:
            count = counts[level.id]
            facts += _item(format_count(language, "%(n)s unit", "%(n)s units", count))
        limit = self.options.get("examples", 3)
        if "no-examples" not in self.options and limit:
            examples = [u for u in units if u.level == level.id][:limit]
            if examples:
                note_deps(self.env, [f"unit:{u.id}" for u in examples])
                para = nodes.paragraph("", _("For example: "))
                for index, unit in enumerate(examples):
                    if index:
                        para += nodes.Text(", ")
                    para += xref("unit", unit.id, unit.label)
                item = nodes.list_item()
                item += para
                facts += item
        if len(facts):
            body += facts
        return body


def _item(text: str) -> nodes.list_item:
    item = nodes.list_item()
    item += nodes.paragraph("", text)
    return item
