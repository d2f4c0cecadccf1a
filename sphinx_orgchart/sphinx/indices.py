"""Domain indices: units sorted the French way, and shared units by mode."""

from __future__ import annotations

import functools
import hashlib
import json
import unicodedata
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar

from sphinx.application import Sphinx
from sphinx.domains import Index, IndexEntry
from sphinx.environment import BuildEnvironment

from ..vocab import label
from ..wording import sentence
from .text import _, language_of

if TYPE_CHECKING:
    from .domain import OrgDomain

__all__ = ["SharedUnitIndex", "UnitIndex", "french_key", "prepare_indices"]

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


@functools.cache
def _fold(char: str) -> str:
    """One character without its accents, in lower case (œ gives oe)."""
    decomposed = unicodedata.normalize("NFKD", char.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def french_key(text: str) -> tuple[str, str]:
    """Sort key that files É with E and ignores case and accents, as French indexes do."""
    return ("".join(map(_fold, text)), text)


Content = list[tuple[str, list[IndexEntry]]]


def _cached(
    domain: OrgDomain, name: str, docnames: Iterable[str] | None, compute: Callable[[], Content]
) -> tuple[Content, bool]:
    """The index ``compute`` makes, or the one it made last time from the same data,
    objects and language: Sphinx makes the indices on every build, and making them reads
    the data, which a rebuild with no change in it otherwise does not read."""
    state = domain.state
    if not state.has_data:
        return [], False
    if docnames is not None or not state.data_key:
        return compute(), False
    objects = sorted((kind, oid, *place) for (kind, oid), place in domain.objects.items())
    key = json.dumps([state.data_key, language_of(domain.env), objects], ensure_ascii=False)
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=16).hexdigest()
    kept = state.indices.get(name)
    if kept is not None and kept[0] == digest:
        return kept[1], False
    content = compute()
    state.indices[name] = (digest, content)
    return content, False


def _letter(key: tuple[str, str]) -> str:
    first = key[0][:1].upper()
    return first if first.isalpha() else "#"


class UnitIndex(Index):
    """Every unit described in the handbook, by name and by sigle."""

    name = "units"
    localname = _("Unit index")
    shortname = _("units")
    domain: OrgDomain

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        """Entries grouped by initial letter, French order."""
        return _cached(self.domain, self.name, docnames, lambda: self._generate(docnames))

    def _generate(self, docnames: Iterable[str] | None) -> Content:
        data = self.domain.state.data
        if data is None:
            return []
        language = language_of(self.domain.env)
        wanted = set(docnames) if docnames is not None else None
        # Sorted on the French key, then the id: reading the documents in another order
        # (an incremental build) gives the same index.
        entries: list[tuple[tuple[str, str], str, int, IndexEntry]] = []
        for (objtype, unit_id), (docname, anchor) in self.domain.objects.items():
            if objtype != "unit" or unit_id not in data.units:
                continue
            if wanted is not None and docname not in wanted:
                continue
            unit = data.units[unit_id]
            level = data.levels.get(unit.level)
            org = data.organisations.get(unit.organisation or "")
            extra = org.display_name if org else ""
            descr = level.label(language) if level else ""
            entries.append(
                (
                    french_key(unit.name),
                    unit_id,
                    0,
                    IndexEntry(unit.label, 0, docname, anchor, extra, "", descr),
                )
            )
            if unit.sigle:
                entries.append(
                    (
                        french_key(unit.sigle),
                        unit_id,
                        1,
                        IndexEntry(unit.sigle, 0, docname, anchor, extra, "", unit.name),
                    )
                )
        content: dict[str, list[IndexEntry]] = {}
        for key, _id, _kind, entry in sorted(entries, key=lambda item: item[:3]):
            content.setdefault(_letter(key), []).append(entry)
        return sorted(content.items(), key=lambda item: french_key(item[0]))


class SharedUnitIndex(Index):
    """The units shared between organisations, grouped by mode of mutualisation."""

    name = "shared"
    localname = _("Shared units")
    shortname = _("shared")
    domain: OrgDomain
    group_order: ClassVar[tuple[str, ...]] = ()

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        """Entries grouped by mode, French order within each."""
        return _cached(self.domain, self.name, docnames, lambda: self._generate(docnames))

    def _generate(self, docnames: Iterable[str] | None) -> Content:
        data = self.domain.state.data
        if data is None:
            return []
        language = language_of(self.domain.env)
        wanted = set(docnames) if docnames is not None else None
        groups: dict[str, list[IndexEntry]] = {}
        order: dict[str, int] = {}
        for unit in sorted(data.shared_units, key=lambda u: (french_key(u.name), u.id)):
            found = self.domain.objects.get(("unit", unit.id))
            if found is None:
                continue
            docname, anchor = found
            if wanted is not None and docname not in wanted:
                continue
            for sharing in data.sharings(unit):
                mode = sentence(label(sharing.mode, language))  # a heading: "Service commun"
                order.setdefault(mode, list(type(sharing.mode)).index(sharing.mode))
                orgs = ", ".join(
                    data.organisations[o].display_name
                    for o in [unit.organisation or "", *sharing.with_]
                    if o in data.organisations
                )
                entries = groups.setdefault(mode, [])
                if not any(e.docname == docname and e.anchor == anchor for e in entries):
                    entries.append(IndexEntry(unit.label, 0, docname, anchor, orgs, "", ""))
        return sorted(groups.items(), key=lambda item: order[item[0]])


def prepare_indices(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Make the domain's indices once the documents are read (``env-updated``), so that they
    are pickled with the environment: a rebuild with no change finds them made."""
    domain: OrgDomain = env.get_domain("org")  # type: ignore[assignment]
    for index_class in domain.indices:
        index_class(domain).generate()
    domain.object_names()
    return []
