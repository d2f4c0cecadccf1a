"""Texts of the records (descriptions, roles...) checked against the allow-list of markup."""

from __future__ import annotations

from collections.abc import Iterator

from ..data import TEXT_FIELDS, OrgData
from ..problems import TEXT_MARKUP, Problem
from ..textrules import check_text
from .assemble import Source

__all__ = ["text_problems"]

TEXT_SECTIONS = ("organisations", "units", "bodies", "objectives", "answers", "events")
"""Sections whose records have texts in reStructuredText (see ``TEXT_FIELDS``)."""


def text_problems(data: OrgData, sources: dict[tuple[str, str], Source]) -> Iterator[Problem]:
    """One problem per refused construct, at its line in the YAML file."""
    for section in TEXT_SECTIONS:
        records = getattr(data, section)
        for record_id, record in records.items():
            source = sources.get((section, record_id))
            if source is None:
                continue
            for name in TEXT_FIELDS:
                text = getattr(record, name, None)
                if not isinstance(text, str) or not text:
                    continue
                first = source.text_line(name)
                for finding in check_text(text):
                    yield Problem(
                        TEXT_MARKUP,
                        finding.msgid,
                        finding.args,
                        source.path,
                        first + finding.offset if first else None,
                        field=name,
                    )
