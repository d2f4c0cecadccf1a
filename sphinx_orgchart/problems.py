"""Problems found in a data package: every kind declared once, with its severity and doc.

The same declarations feed the CLI output, the Sphinx warnings (type ``orgchart``, subtype
the problem's code) and the table of problems in the documentation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from .i18n import N_, Msg, translate

__all__ = ["PROBLEM_KINDS", "Problem", "ProblemKind", "Severity", "sort_problems"]


class Severity(StrEnum):
    """An error stops the data from being used; a warning is worth fixing."""

    error = "error"
    warning = "warning"


@dataclass(frozen=True)
class ProblemKind:
    """A kind of problem: its code (the Sphinx warning subtype), severity and meaning."""

    code: str
    severity: Severity
    doc: str


PROBLEM_KINDS: dict[str, ProblemKind] = {}


def _declare(code: str, severity: Severity, doc: str) -> str:
    PROBLEM_KINDS[code] = ProblemKind(code, severity, doc)
    return code


E, W = Severity.error, Severity.warning

FILE_UNREADABLE = _declare("file-unreadable", E, "A file or folder cannot be read.")
FILE_ENCODING = _declare("file-encoding", E, "A file is not encoded in UTF-8.")
FILE_BINARY = _declare("file-binary", E, "A file is binary, not YAML text.")
FILE_TOO_LARGE = _declare("file-too-large", E, "A file is larger than the loader accepts.")
FILE_EMPTY = _declare("file-empty", W, "A file holds no data (empty or only comments).")
EMPTY_SECTION = _declare(
    "empty-section", W, "A section (``units:``, ``levels:``...) is followed by nothing."
)
FILE_OUTSIDE = _declare(
    "file-outside", E, "An include pattern or a symbolic link leads outside the package root."
)
FOLDER_NAME = _declare(
    "folder-name",
    W,
    "A folder's name ends in ``.yaml`` or ``.yml``, like a data file's: it is not read as one.",
)
NOTHING_INCLUDED = _declare(
    "nothing-included",
    W,
    "An include pattern of the manifest matches no file, or the exclude patterns remove "
    "every file while the manifest holds no unit.",
)
YAML_SYNTAX = _declare("yaml-syntax", E, "The file is not valid YAML.")
YAML_TAG = _declare(
    "yaml-tag", E, "The file uses a YAML tag such as ``!!python/object``: refused for safety."
)
YAML_ALIAS = _declare(
    "yaml-alias", E, "YAML aliases expand beyond the allowed size, or refer to themselves."
)
YAML_DUPLICATE_KEY = _declare("yaml-duplicate-key", E, "A key appears twice in one mapping.")
FILE_STRUCTURE = _declare(
    "file-structure", E, "The file does not have the expected shape (mapping of lists of records)."
)
MANIFEST = _declare(
    "manifest", E, "The manifest (orgchart.yaml) is missing, or package information is misplaced."
)
UNKNOWN_KEY = _declare("unknown-key", E, "A key is not part of the format (often a typo).")
MISSING_FIELD = _declare("missing-field", E, "A required field is missing.")
INVALID_VALUE = _declare("invalid-value", E, "A value has the wrong type or format.")
DUPLICATE_ID = _declare("duplicate-id", E, "Two records of the same kind share an id.")
UNKNOWN_REFERENCE = _declare(
    "unknown-reference",
    E,
    "A record names a unit, level, organisation, post... that does not exist.",
)
CYCLE = _declare("cycle", E, "Units are their own ancestors through their parents.")
SELF_REFERENCE = _declare(
    "self-reference",
    E,
    "A unit is attached to itself or to its own organisation, or replaces itself.",
)
LEVEL_NOT_ALLOWED = _declare(
    "level-not-allowed", E, "A unit sits under a unit whose level its own level may not sit under."
)
NO_ORGANISATION = _declare(
    "no-organisation", E, "A top unit does not say which organisation it belongs to."
)
PARENT_CONFLICT = _declare(
    "parent-conflict", E, "A unit written nested under a parent also names a different parent."
)
PARENT_ORGANISATION = _declare(
    "parent-organisation",
    E,
    "A unit's parent belongs to another organisation that does not share it with the "
    "unit's organisation (on the data's date): a direction commune is shared with the "
    "organisations whose units it heads.",
)
DATES_ORDER = _declare("dates-order", E, "An end date is before a start date.")
VALIDITY_OUTSIDE_PARENT = _declare(
    "validity-outside-parent", E, "A unit exists on dates when its parent does not."
)
SHARING = _declare(
    "sharing", E, "A shared unit names its own organisation, or the same organisation twice."
)
NO_HEAD_POST = _declare("no-head-post", W, "An active unit has no head post.")
CLOSED_WITHOUT_END = _declare("closed-without-end", W, "A closed unit has no valid_until date.")
ACTION_PROGRESS = _declare(
    "action-progress", W, "An action's status and progress disagree (done at 40 %...)."
)
EVENT_DATES = _declare(
    "event-dates", W, "An event's date disagrees with the validity of the units it names."
)
EMPTY_ORGANISATION = _declare("empty-organisation", W, "An organisation has no unit.")
ORGANISATION_HISTORY = _declare(
    "organisation-history",
    E,
    "An organisation's former names and kinds (``previous``) are not in the order of their "
    "dates, or two of them end on the same day.",
)
TEXT_MARKUP = _declare(
    "text-markup",
    E,
    "A text of the data (a description, a role...) uses markup outside the allowed subset of "
    "reStructuredText (a directive, a role, a link to an address that is not ``http``, "
    "``https``, ``mailto`` or ``tel``...): the build shows the text without it.",
)


@dataclass(frozen=True)
class Problem:
    """One problem, located in a file (and line when known)."""

    code: str
    msgid: str
    args: Mapping[str, object] = field(default_factory=dict)
    path: Path | None = None
    line: int | None = None
    field: str | None = None

    @property
    def severity(self) -> Severity:
        """Error or warning, from the problem's kind."""
        return PROBLEM_KINDS[self.code].severity

    def message(self, language: str) -> str:
        """The message alone, in ``language``, after the field it is about."""
        text = translate(language, self.msgid)
        if self.args:
            args = {
                key: translate(language, value) if isinstance(value, Msg) else value
                for key, value in self.args.items()
            }
            text = text % args
        if self.field:
            # French typography puts a space before the colon.
            return f"{self.field}{' : ' if language.startswith('fr') else ': '}{text}"
        return text

    def location(self, base: Path | None = None) -> str:
        """``path:line`` (path relative to ``base`` when it lies under it)."""
        if self.path is None:
            return ""
        path: Path | str = self.path
        if base is not None:
            try:
                path = self.path.relative_to(base)
            except ValueError:
                path = self.path
        text = Path(path).as_posix()
        if self.line is None and self.path.is_dir():
            text = text.rstrip("/") + "/"
        return f"{text}:{self.line}" if self.line else text

    def format(self, language: str, base: Path | None = None) -> str:
        """``path/file.yaml:LINE: error: message``, as compilers print them."""
        label = translate(language, _SEVERITY_LABELS[self.severity])
        where = self.location(base)
        prefix = f"{where}: " if where else ""
        return f"{prefix}{label}: {self.message(language)} [{self.code}]"

    def sort_key(self) -> tuple[str, int, str, str, str]:
        """Problems are listed by file, line, then code."""
        return (
            self.path.as_posix() if self.path else "",
            self.line or 0,
            self.code,
            self.field or "",
            self.msgid,
        )


_SEVERITY_LABELS = {Severity.error: N_("error"), Severity.warning: N_("warning")}


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in reporting order, without exact repeats."""
    unique = {
        (p.sort_key(), tuple(sorted((k, str(v)) for k, v in p.args.items()))): p for p in problems
    }
    return [unique[key] for key in sorted(unique)]
