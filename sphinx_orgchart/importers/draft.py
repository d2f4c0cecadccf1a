"""What an importer gives: records as plain values, each part with its place in the source.

A place is what the user can find in the source: ``Units!C5`` in a workbook, ``line 12``
of a CSV file, ``record 4c2e…, field adresse`` of a DILA extract. Every problem has one;
what the importer could not map is listed too, so that nothing is lost silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..i18n import N_, Msg, translate
from ..problems import Severity

__all__ = ["Draft", "DraftRecord", "Issue", "Place"]

Place = str
"""Where something is in the source, as the user can find it."""

UNMAPPED = "import-unmapped"
"""Code of what the source holds and the package cannot (listed, never silently dropped)."""
STATED = "import-guessed"
"""Code of what the importer guessed (levels, organisations): said, so it can be checked."""

_LABELS = {Severity.error: N_("error"), Severity.warning: N_("warning"), None: N_("note")}


@dataclass(frozen=True)
class Issue:
    """A problem or a note about the import, at its place in the source."""

    severity: Severity | None
    """Error, warning, or None for a note (a guess, an item left out on purpose)."""
    code: str
    msgid: str
    args: Mapping[str, object] = field(default_factory=dict)
    place: Place = ""
    field: str | None = None

    def message(self, language: str) -> str:
        """The message alone, in ``language``."""
        text = translate(language, self.msgid)
        if self.args:
            text %= {
                key: translate(language, value) if isinstance(value, Msg) else value
                for key, value in self.args.items()
            }
        if self.field:
            return f"{self.field}{' : ' if language.startswith('fr') else ': '}{text}"
        return text

    def format(self, language: str) -> str:
        """``Units!C5: error: message [code]``."""
        label = translate(language, _LABELS[self.severity])
        prefix = f"{self.place}: " if self.place else ""
        return f"{prefix}{label}: {self.message(language)} [{self.code}]"


@dataclass
class DraftRecord:
    """One record as read, before validation: its values and where each came from."""

    data: dict[str, Any]
    place: Place
    """The record as a whole (a row, a JSON record)."""
    places: dict[tuple[str | int, ...], Place] = field(default_factory=dict)
    """The place of each value, by its path in ``data``."""

    def place_of(self, path: tuple[str | int, ...]) -> Place:
        """The place of the value at ``path``, or of its nearest enclosing part."""
        for end in range(len(path), 0, -1):
            found = self.places.get(tuple(path[:end]))
            if found:
                return found
        return self.place


@dataclass
class Draft:
    """A package as read from a source: package information, records, issues."""

    info: DraftRecord
    records: dict[str, list[DraftRecord]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    def add(self, section: str, record: DraftRecord) -> None:
        """Append a record to ``section``."""
        self.records.setdefault(section, []).append(record)

    def issue(
        self,
        severity: Severity | None,
        code: str,
        msgid: str,
        place: Place = "",
        field: str | None = None,
        **args: object,
    ) -> None:
        """Record an issue."""
        self.issues.append(Issue(severity, code, msgid, args, place, field))
