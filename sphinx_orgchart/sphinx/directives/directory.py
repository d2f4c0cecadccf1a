"""``org:directory``: the annuaire, a table of units with their head post and contacts."""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ...data import OrgData
from ...i18n import ntranslate
from ...model import PostState, Unit, UnitStatus
from ...vocab import label
from ...wording import format_phone
from ..directivenodes import directory, email_address
from ..domain import OrgDomain
from ..indices import french_key
from ..refnodes import xref
from ..state import OptionError, data_for, get_state, note_deps, option_id
from ..tables import table
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
        name_form = "label" if live else None
        short_form = "short" if live else None
        language = language_of(self.env)
        show_people = bool(
            self.env.config.orgchart_show_people and data.package.package.publish_people
        )
        domain: OrgDomain = self.env.get_domain("org")  # type: ignore[assignment]
        rows: list[list[list[nodes.Node]]] = []
        for unit in units:
            name: list[nodes.Node] = [xref("unit", unit.id, unit.label, name=name_form)]
            status = unit.status_on(data.as_of)  # "prévue" while it is to come
            if status is not UnitStatus.active:
                name += [
                    nodes.Text(" "),
                    nodes.inline("", label(status, language), classes=["orgchart-status"]),
                ]
            target = domain.entry_target(self.state.document, "directory", unit.id)
            if target is not None:
                name.insert(0, target)
            level = data.levels.get(unit.level)
            parent = data.units.get(unit.parent or "")
            rows.append(
                [
                    name,
                    [nodes.Text(level.label(language) if level else unit.level)],
                    [xref("unit", parent.id, parent.sigle or parent.name, name=short_form)]
                    if parent
                    else [],
                    self.head(unit, language, show_people),
                    self.phone(unit),
                    self.email(unit),
                    [nodes.Text(unit.contact.site)] if unit.contact and unit.contact.site else [],
                ]
            )
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
        node += table(
            [_("Unit"), _("Level"), _("Attached to"), _("Head"), _("Phone"), _("Email"), _("Site")],
            rows,
            # per cent of the PDF's line ("colwidths-given"): the e-mail's longest piece
            # between its breaks ("belcourt-metropole.") and a phone number on one line
            # fit their column in 10 pt type, each header in the text builder's characters;
            # HTML has its own widths (orgchart.css)
            [16, 10, 13, 15, 15, 19, 12],
            classes=["orgchart-directory-table", "colwidths-given"],
        )
        return [node]

    @staticmethod
    def head(unit: Unit, language: str, show_people: bool) -> list[nodes.Node]:
        """The head post, its state, and its holder when names may be printed."""
        if unit.head is None:
            return []
        cell: list[nodes.Node] = [nodes.Text(unit.head.display())]
        if unit.head.state is not PostState.filled:
            cell.append(nodes.Text(" "))
            cell.append(
                nodes.inline("", label(unit.head.state, language), classes=["orgchart-status"])
            )
        if show_people and unit.head.holder is not None:
            cell.append(nodes.Text(" — " + unit.head.holder.name))
        return cell

    @staticmethod
    def phone(unit: Unit) -> list[nodes.Node]:
        """The phone number, as a tel: link."""
        if unit.contact is None or not unit.contact.phone:
            return []
        number = "".join(c for c in unit.contact.phone if c.isdigit() or c == "+")
        phone = format_phone(unit.contact.phone)  # never broken across two lines
        return [nodes.reference(phone, phone, refuri=f"tel:{number}")]

    @staticmethod
    def email(unit: Unit) -> list[nodes.Node]:
        """The email address, as a mailto: link."""
        if unit.contact is None or not unit.contact.email:
            return []
        address = unit.contact.email
        return [email_address(address, address, refuri=f"mailto:{address}")]
