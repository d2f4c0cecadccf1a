"""What the round trips of the exports must keep: the latest fields of the format, which a
package used by a round-trip test must hold (else the test would prove nothing for them)."""

from __future__ import annotations

from sphinx_orgchart.data import OrgData
from sphinx_orgchart.model import ActKind, EventKind, UnitStatus

__all__ = ["assert_uses_the_latest_fields"]


def assert_uses_the_latest_fields(data: OrgData) -> None:
    """``data`` has organisations' former periods (name, article, kind, act), a
    reorganisation with other acts, an experimental unit and answers to the objectives."""
    periods = [p for o in data.package.organisations for p in o.previous]
    assert any(p.name and p.name_with_article and p.kind for p in periods), periods
    assert any(p.reference is not None for p in periods), periods
    reorganisations = [e for e in data.package.events if e.kind is EventKind.reorganisation]
    acts = [a.kind for e in reorganisations for a in e.acts]
    assert ActKind.avis_comite_social_territorial in acts, reorganisations
    assert any(u.status is UnitStatus.experimental for u in data.package.units)
    assert data.package.answers
