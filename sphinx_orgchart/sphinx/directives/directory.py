"""``org:directory``: the annuaire, a table of units with their head post and contacts."""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ...data import OrgData
from ...i18n import ntranslate
from ...model import Unit
from ..directivenodes import directory, email_address
from ..domain import OrgDomain
from ..indices import french_key
from ..state import OptionError, data_for, get_state, note_deps, option_id
from ..text import _, __, as_written, language_of
from ..warnings import BAD_OPTION, warn

__all__ = ["DirectoryDirective", "directory", "email_address"]


def _order(argument: str | None) -> str:
    return str(directives.choice(argument or "", ["institutional", "alphabetical"]))


class DirectoryDirective(SphinxDirective):
    """``.. org:directory::``: name, level, parent, head post, phone, email and site of each
    unit; searchable as one types in HTML, a table across pages in the PDF."""

    option_spec: ClassVar[dict[str, Any]] = {
        "as-of": directives.unchanged,
        "organisation": directives.unchanged,
        "unit": directives.unchanged,
        "levels": directives.unchanged,
        "order": _order,
    }
    option_docs: ClassVar[dict[str, str]] = {
        "as-of": "Show the organisation as it stood on this date (YYYY-MM-DD).",
        "organisation": "Units of this organisation, and the units shared with it (default: all).",
        "unit": "Only this unit (a pôle, a direction...) and the units under it.",
        "levels": "Only units of these levels (ids, separated by commas).",
        "order": "``institutional`` (default: the order of the organisation) or "
        "``alphabetical`` (the French way).",
    }

    def units(self, data: OrgData) -> list[Unit] | None:
        """The units the options select, in the order asked; None after a warning."""
        try:
            org = option_id(self, data, "organisation", "organisations")
            root = option_id(self, data, "unit", "units")
        except OptionError:
            return None
        levels = {p for p in self.options.get("levels", "").replace(",", " ").split() if p}
        unknown = sorted(levels - set(data.levels))
        if unknown:
            warn(
                __("unknown level(s) %(levels)s; the levels are: %(all)s")
                % {"levels": ", ".join(unknown), "all": ", ".join(data.levels)},
                BAD_OPTION,
                self.get_location(),
            )
        units = data.units_of(org) if org else list(data.package.units)
        if root is not None:
            below = {root} | {u.id for u in data.descendants(root)}
            units = [u for u in units if u.id in below]
        if levels:
            units = [u for u in units if u.level in levels]
        units = [u for u in units if u.is_shown_on(data.as_of)]  # those to come too
        if self.options.get("order") == "alphabetical":
            units.sort(key=lambda u: (french_key(u.name), u.id))
        return units

    @as_written
    def run(self) -> list[nodes.Node]:
        data = data_for(self)
        if data is None:
            return []
        units = self.units(data)
        if units is None:
            return []
        # Names are set when the page is written, unless the directory is as of a date or
        # in alphabetical order (a renaming moves the row).
        live = data is get_state(self.env).data and self.options.get("order") != "alphabetical"
        parents = {u.parent for u in units if u.parent}
        note_deps(
            self.env,
            [
                "units",
                "sharing",
                "as-of",
                "people",
                "levels",
                *(f"unit:{u.id}" for u in units),
                *(f"unit:{p}" for p in parents),
            ],
            names=[u.id for u in units] + sorted(parents) if live else [],
        )
        show_people = bool(
            self.env.config.orgchart_show_people and data.package.package.publish_people
        )
        language = language_of(self.env)
        node = directory(
            search_label=_("Search the directory"),
            # both forms: the script picks one by the number shown ("1 unité sur 153")
            count_one=ntranslate(
                language, "%(shown)s of %(total)s unit", "%(shown)s of %(total)s units", 1
            ),
            count_other=ntranslate(
                language, "%(shown)s of %(total)s unit", "%(shown)s of %(total)s units", 2
            ),
            plural_rule=language,
        )
        domain: OrgDomain = self.env.get_domain("org")  # type: ignore[assignment]
        document = self.state.document
        anchors: dict[str, str] = {}
        for unit in units:
            anchor = domain.entry_anchor(document, "directory", unit.id)
            if anchor is not None:
                anchors[unit.id] = anchor
                document.ids[anchor] = node  # the row's id, kept from the page's other ids
        if live:
            # the rows are made when the page is written (see directoryrows)
            node["units"] = [u.id for u in units]
            node["anchors"] = anchors
            node["show_people"] = show_people
            domain.note_rows_at_write()
            return [node]
        from ..directoryrows import directory_table

        node += directory_table(document, data, units, anchors, show_people, False, language)
        return [node]
