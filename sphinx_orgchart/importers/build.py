"""Validate a draft with the models: records, or problems at their place in the source."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from ..i18n import N_
from ..loader.errors import problems_from_validation
from ..model import SECTION_MODELS, SECTIONS, PackageInfo
from ..problems import DUPLICATE_ID, PROBLEM_KINDS, Severity
from .draft import Draft, DraftRecord, Issue

__all__ = ["Imported", "validate_draft"]


@dataclass
class Imported:
    """The valid records of a draft, section by section, and every issue."""

    info: PackageInfo | None
    sections: dict[str, list[Any]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        """Issues that stop the package from being written."""
        return [i for i in self.issues if i.severity is Severity.error]


def _validate(
    model: type[BaseModel], record: DraftRecord, language: str, issues: list[Issue]
) -> Any:
    try:
        return model.model_validate(record.data, context={"language": language})
    except ValidationError as error:
        problems = problems_from_validation(
            error, model, record.data, lambda path: (record.place_of(path), None)
        )
        for problem in problems:
            issues.append(
                Issue(
                    PROBLEM_KINDS[problem.code].severity,
                    problem.code,
                    problem.msgid,
                    problem.args,
                    str(problem.path or record.place),
                    problem.field,
                )
            )
        return None


def validate_draft(draft: Draft, language: str) -> Imported:
    """Every record of ``draft`` checked by its model; duplicates reported at both places."""
    issues = list(draft.issues)
    info = _validate(PackageInfo, draft.info, language, issues)
    result = Imported(info)
    for section in SECTIONS:
        seen: dict[str, DraftRecord] = {}
        records = []
        for record in draft.records.get(section, []):
            valid = _validate(SECTION_MODELS[section], record, language, issues)
            if valid is None:
                continue
            first = seen.get(valid.id)
            if first is not None:
                issues.append(
                    Issue(
                        Severity.error,
                        DUPLICATE_ID,
                        N_(
                            "the id '%(id)s' is used twice in '%(section)s'; the other is "
                            "at %(other)s"
                        ),
                        {"id": valid.id, "section": section, "other": first.place_of(("id",))},
                        record.place_of(("id",)),
                    )
                )
                continue
            seen[valid.id] = record
            records.append(valid)
        result.sections[section] = records
    result.issues = issues
    return result
