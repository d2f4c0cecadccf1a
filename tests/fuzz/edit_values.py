"""What the fields of each section may become in an edit: few, plausible values, so that
names collide, dates cross and references stay among the ids of the package."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from sphinx_orgchart.model import (
    ActionStatus,
    AttachmentKind,
    BodyKind,
    EventKind,
    MutualisationMode,
    OrganisationKind,
    Shape,
    UnitStatus,
)

__all__ = ["DELETE", "FIELDS", "NAMES", "SIGLES", "Context", "package_fields"]

DELETE = object()  # a field removed from its record

# Few names, so that labels collide (two "DGS"), and names that sort before and after.
NAMES = [
    "Direction générale des services",
    "Direction des finances",
    "Éducation",
    "Accueil",
    "Service paie",
    "Zèbre",
]
SIGLES = ["DGS", "DRH", "DFin", "ÉDU"]
TEXTS = ["Un texte **court**.", "Autre texte.", "Texte avec :org:unit:`ville-drh`."]
WORDS = ["Recruter", "Payer", "Accueillir", "Former"]
DATES = [dt.date(y, m, 1) for y in (2019, 2024, 2025, 2026, 2027) for m in (1, 7)]


@dataclass
class Context:
    """The ids a value may name, read from the documents before the edit."""

    units: list[str]
    organisations: list[str]
    levels: list[str]
    categories: list[str]
    posts: list[str]
    objectives: list[str]
    orientations: list[str]


# -- values of the fields ---------------------------------------------------------------


def _opt(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.just(DELETE), strategy)


def _some(values: list[Any], most: int = 2) -> st.SearchStrategy[Any]:
    if not values:
        return st.just(DELETE)
    return st.lists(st.sampled_from(values), min_size=1, max_size=most, unique=True)


def _enum(kind: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([e.value for e in kind])


def _localized() -> st.SearchStrategy[Any]:
    return st.fixed_dictionaries(
        {"fr": st.sampled_from(NAMES + WORDS)}, optional={"en": st.sampled_from(WORDS)}
    )


def _act() -> st.SearchStrategy[Any]:
    return st.fixed_dictionaries(
        {
            "kind": st.sampled_from(["deliberation", "convention", "avis_comite_technique"]),
            "reference": st.sampled_from(["DCM 1", "CONV 2"]),
        },
        optional={"date": st.sampled_from(DATES), "title": st.sampled_from(WORDS)},
    )


def _post(ctx: Context) -> st.SearchStrategy[Any]:
    return st.fixed_dictionaries(
        {"title": st.sampled_from(["Chef", "Directrice", "DGA"])},
        optional={
            "abbr": st.sampled_from(SIGLES),
            "state": st.sampled_from(["vacant", "interim"]),
            "holder": st.fixed_dictionaries(
                {"name": st.sampled_from(["Claire Exemple", "Jean Test"])}
            ),
        },
    )


FieldValues = Callable[[Context], dict[str, st.SearchStrategy[Any]]]


_LINK = {"kind": _enum(AttachmentKind), "note": st.sampled_from(WORDS)}
"""What an attachment may say besides its target."""


def unit_fields(ctx: Context) -> dict[str, st.SearchStrategy[Any]]:
    """What a unit's fields may become."""
    return {
        "name": st.sampled_from(NAMES),
        "sigle": _opt(st.sampled_from(SIGLES)),
        "level": st.sampled_from(ctx.levels),
        "category": _opt(st.sampled_from(ctx.categories)) if ctx.categories else st.just(DELETE),
        "direct_report": st.booleans(),
        "order": _opt(st.integers(1, 3)),
        "missions": _opt(_some(WORDS)),
        "description": _opt(st.sampled_from(TEXTS)),
        "head": _opt(_post(ctx)),
        "posts": _opt(st.lists(_post(ctx), min_size=1, max_size=2)),
        "contact": _opt(
            st.fixed_dictionaries(
                {},
                optional={
                    "email": st.sampled_from(["a@mini.example", "b@mini.example"]),
                    "phone": st.sampled_from(["03 00 00 00 09"]),
                    "site": st.sampled_from(["Hôtel de Ville", "Annexe"]),
                },
            )
        ),
        "staff": _opt(st.sampled_from([1, 12.5, 40])),
        "valid_from": _opt(st.sampled_from(DATES)),
        "valid_until": _opt(st.sampled_from(DATES)),
        "status": _enum(UnitStatus),
        "shared": _opt(
            st.fixed_dictionaries(
                {"with": _some(ctx.organisations, 1), "mode": _enum(MutualisationMode)},
                optional={
                    "since": st.sampled_from(DATES),
                    "agreement": _act(),
                    "allocation": st.sampled_from(WORDS),
                },
            )
        ),
        "attachments": _opt(
            st.lists(
                st.one_of(
                    st.fixed_dictionaries({"unit": st.sampled_from(ctx.units)}, optional=_LINK),
                    st.fixed_dictionaries(
                        {"organisation": st.sampled_from(ctx.organisations)}, optional=_LINK
                    ),
                ),
                min_size=1,
                max_size=2,
            )
        ),
        "replaces": _opt(_some(ctx.units, 1)),
        "legal_basis": _opt(st.lists(_act(), min_size=1, max_size=1)),
    }


def organisation_fields(ctx: Context) -> dict[str, st.SearchStrategy[Any]]:
    """What an organisation's fields may become."""
    return {
        "name": st.sampled_from(["Ville de Mini", "Ville de Maxi", "Mini Métropole", "Zone"]),
        "short_name": _opt(st.sampled_from(["Ville", "Métropole", "Cité"])),
        "kind": _enum(OrganisationKind),
        "website": _opt(st.sampled_from(["https://mini.example"])),
        "members": _opt(_some(["Mini", "Maxi", "Moyenne"])),
        "order": _opt(st.integers(1, 3)),
        "description": _opt(st.sampled_from(TEXTS)),
        "previous": _opt(_previous()),
    }


def _previous() -> st.SearchStrategy[Any]:
    """Former periods of an organisation, in the order of their dates."""
    period = st.fixed_dictionaries(
        {"kind": _enum(OrganisationKind)},
        optional={
            "name": st.sampled_from(["Grand Mini", "Communauté de Mini"]),
            "short_name": st.sampled_from(["Agglo", "CU"]),
        },
    )
    return st.lists(st.sampled_from(DATES), min_size=1, max_size=2, unique=True).flatmap(
        lambda days: st.tuples(*(period for _ in days)).map(
            lambda periods: [{"until": d, **p} for d, p in zip(sorted(days), periods, strict=True)]
        )
    )


def level_fields(ctx: Context) -> dict[str, st.SearchStrategy[Any]]:
    """What a level's fields may become."""
    return {
        "name": _localized(),
        "plural": _opt(_localized()),
        "definition": _opt(_localized()),
        "rank": st.integers(0, 4),
        "parents": _opt(_some(ctx.levels)),
        "top": _opt(st.booleans()),
        "style": _opt(
            st.fixed_dictionaries(
                {},
                optional={
                    "shape": _enum(Shape),
                    "color": st.sampled_from(["#112233", "#AA0000"]),
                    "bold": st.booleans(),
                    "stack": st.booleans(),
                },
            )
        ),
    }


def category_fields(ctx: Context) -> dict[str, st.SearchStrategy[Any]]:
    """What a category's fields may become."""
    return {
        "name": _localized(),
        "definition": _opt(_localized()),
        "color": _opt(st.sampled_from(["#112233", "#00AA00"])),
    }


def body_fields(ctx: Context) -> dict[str, st.SearchStrategy[Any]]:
    """What a body's fields may become."""
    member = st.one_of(
        st.fixed_dictionaries({"post": st.sampled_from(ctx.posts)}) if ctx.posts else st.nothing(),
        st.fixed_dictionaries(
            {"unit": st.sampled_from(ctx.units)}, optional={"role": st.sampled_from(WORDS)}
        ),
        st.fixed_dictionaries({"label": st.sampled_from(["Les élus"])}),
    )
    return {
        "name": st.sampled_from(["Comité de direction", "Réunion", "Copil"]),
        "short_name": _opt(st.sampled_from(["CODIR", "COPIL"])),
        "kind": _enum(BodyKind),
        "organisation": st.sampled_from(ctx.organisations),
        "role": _opt(st.sampled_from(TEXTS)),
        "objectives": _opt(_some(WORDS)),
        "functioning": _opt(st.sampled_from(TEXTS)),
        "chair": _opt(st.sampled_from(ctx.posts)) if ctx.posts else st.just(DELETE),
        "members": _opt(st.lists(member, min_size=1, max_size=3)),
        "schedule": _opt(
            st.fixed_dictionaries(
                {"frequency": st.sampled_from(["weekly", "monthly"])},
                optional={
                    "weekday": st.sampled_from(["monday", "friday"]),
                    "place": st.sampled_from(WORDS),
                },
            )
        ),
        "legal_basis": _opt(st.lists(_act(), min_size=1, max_size=1)),
        "valid_from": _opt(st.sampled_from(DATES)),
        "valid_until": _opt(st.sampled_from(DATES)),
    }


def orientation_fields(ctx: Context) -> dict[str, st.SearchStrategy[Any]]:
    """What an orientation's fields may become."""
    return {
        "title": st.sampled_from(["Proximité", "Efficience", "Transitions"]),
        "organisation": _opt(st.sampled_from(ctx.organisations)),
        "order": _opt(st.integers(1, 3)),
        "description": _opt(st.sampled_from(TEXTS)),
    }


def objective_fields(ctx: Context) -> dict[str, st.SearchStrategy[Any]]:
    """What an objective's fields may become."""
    return {
        "title": st.sampled_from(["Accueillir mieux", "Simplifier", "Économiser"]),
        "number": _opt(st.integers(1, 4)),
        "orientation": _opt(st.sampled_from(ctx.orientations))
        if ctx.orientations
        else st.just(DELETE),
        "description": _opt(st.sampled_from(TEXTS)),
        "indicators": _opt(_some(WORDS)),
    }


def action_fields(ctx: Context) -> dict[str, st.SearchStrategy[Any]]:
    """What an action's fields may become."""
    return {
        "title": st.sampled_from(["Ouvrir un guichet", "Former les agents", "Zéro papier"]),
        "objective": st.sampled_from(ctx.objectives),
        "owners": _some(ctx.units),
        "contributors": _opt(_some(ctx.units)),
        "status": _enum(ActionStatus),
        "progress": _opt(st.sampled_from([0, 40, 100])),
        "start": _opt(st.sampled_from(DATES)),
        "due": _opt(st.sampled_from(DATES)),
        "description": _opt(st.sampled_from(TEXTS)),
    }


def answer_fields(ctx: Context) -> dict[str, st.SearchStrategy[Any]]:
    """What a unit's answer to an objective may become (its id is left as it is)."""
    return {
        "unit": st.sampled_from(ctx.units),
        "objective": st.sampled_from(ctx.objectives),
        "text": st.sampled_from(TEXTS),
    }


def event_fields(ctx: Context) -> dict[str, st.SearchStrategy[Any]]:
    """What an event's fields may become."""
    return {
        "date": st.sampled_from(DATES),
        "kind": _enum(EventKind),
        "title": _opt(st.sampled_from(["Réorganisation", "Création"])),
        "units": _opt(_some(ctx.units)),
        "previous_name": _opt(st.sampled_from(NAMES)),
        "text": _opt(st.sampled_from(TEXTS)),
        "reference": _opt(_act()),
        "acts": _opt(st.lists(_act(), min_size=1, max_size=2)),
    }


def package_fields(ctx: Context) -> dict[str, st.SearchStrategy[Any]]:
    """What the package's fields may become."""
    return {
        "name": st.sampled_from(["Mini", "Maxi"]),
        "as_of": st.sampled_from([dt.date(2025, 6, 1), dt.date(2026, 1, 1), dt.date(2027, 6, 1)]),
        "reviewed": _opt(st.sampled_from(DATES)),
        "publish_people": st.booleans(),
        "description": _opt(st.sampled_from(TEXTS)),
        "maintainer": _opt(
            st.fixed_dictionaries(
                {"name": st.sampled_from(["Mission organisation"])},
                optional={"unit": st.sampled_from(ctx.units)},
            )
        ),
    }


FIELDS: dict[str, FieldValues] = {
    "units": unit_fields,
    "organisations": organisation_fields,
    "levels": level_fields,
    "categories": category_fields,
    "bodies": body_fields,
    "orientations": orientation_fields,
    "objectives": objective_fields,
    "actions": action_fields,
    "answers": answer_fields,
    "events": event_fields,
}
