"""Random edits a user makes to a data package, on its YAML values.

An edit changes one thing: a field of a record of any section (set to another value, or
removed), a unit added, removed or moved under another parent, a file added or removed.
Edits are drawn freely from plausible values; :func:`valid_edit` keeps only those after
which the loader reports no problem, so that every edit leaves a valid package.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from sphinx_orgchart.loader import load_package
from sphinx_orgchart.model import (
    ActionStatus,
    BodyKind,
    EventKind,
    MutualisationMode,
    OrganisationKind,
    Shape,
    UnitStatus,
)

__all__ = ["Documents", "apply_random_edit", "read_documents", "write_documents"]

Draw = Any
Documents = dict[str, Any]  # file path (relative to the package) -> YAML values
DELETE = object()  # a field removed from its record
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SECTIONS = (
    "organisations",
    "levels",
    "categories",
    "units",
    "bodies",
    "orientations",
    "objectives",
    "actions",
    "events",
)

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


def read_documents(root: Path) -> Documents:
    """The YAML values of every file of the package in ``root``."""
    return {
        path.relative_to(root).as_posix(): yaml.load(path.read_text("utf-8"), Loader=YAML_LOADER)
        for path in sorted(root.rglob("*.yaml"))
    }


def dump(document: Any) -> str:
    """YAML text of one file."""
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)


def write_documents(root: Path, documents: Documents, before: Documents | None = None) -> None:
    """Make ``root`` hold ``documents``: files that changed are written, others left alone."""
    for path, document in documents.items():
        if before is not None and before.get(path) == document and (root / path).exists():
            continue
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dump(document), encoding="utf-8")
    for path in set(before or {}) - set(documents):
        (root / path).unlink()


def _units(items: list[Any], owner: list[Any]) -> Iterator[tuple[dict[str, Any], list[Any]]]:
    for item in items:
        yield item, owner
        yield from _units(item.get("units", []), item.setdefault("units", []))
        if not item["units"]:
            del item["units"]


def records(documents: Documents, section: str) -> list[tuple[dict[str, Any], list[Any]]]:
    """Every record of ``section`` with the list that holds it (units nested included)."""
    found: list[tuple[dict[str, Any], list[Any]]] = []
    for document in documents.values():
        items = document.get(section) if isinstance(document, dict) else None
        if not isinstance(items, list):
            continue
        if section == "units":
            found.extend(_units(items, items))
        else:
            found.extend((item, items) for item in items)
    return found


def context(documents: Documents) -> Context:
    """Ids of the records, to draw references from."""

    def ids(section: str) -> list[str]:
        return sorted(r["id"] for r, _ in records(documents, section))

    posts = sorted(
        post["id"]
        for unit, _ in records(documents, "units")
        for post in [unit.get("head") or {}, *unit.get("posts", [])]
        if post.get("id")
    )
    return Context(
        ids("units"),
        ids("organisations"),
        ids("levels"),
        ids("categories"),
        posts,
        ids("objectives"),
        ids("orientations"),
    )


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
            "kind": st.sampled_from(["deliberation", "convention"]),
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
                st.fixed_dictionaries(
                    {"unit": st.sampled_from(ctx.units)}, optional={"note": st.sampled_from(WORDS)}
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
    }


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
    "events": event_fields,
}


# -- the edits --------------------------------------------------------------------------


def edit_field(draw: Draw, documents: Documents, ctx: Context) -> str:
    """Set a field of a record of any section to another value, or remove it."""
    section = draw(st.sampled_from(["package", *SECTIONS]))
    if section == "package":
        record: dict[str, Any] = next(
            d["package"] for d in documents.values() if isinstance(d, dict) and "package" in d
        )
        fields = package_fields(ctx)
        name = "package"
    else:
        found = records(documents, section)
        if not found:
            return "nothing"
        record = draw(st.sampled_from([r for r, _ in found]))
        fields = FIELDS[section](ctx)
        name = f"{section}:{record['id']}"
    key = draw(st.sampled_from(sorted(fields)))
    value = draw(fields[key])
    if value is DELETE:
        record.pop(key, None)
        return f"remove {name}.{key}"
    record[key] = value
    return f"set {name}.{key}={value!r}"


def add_unit(draw: Draw, documents: Documents, ctx: Context) -> str:
    """A new unit, under an existing one or at the top of an organisation, maybe in a new file."""
    number = 1
    while f"new-{number}" in ctx.units:
        number += 1
    parent = draw(st.one_of(st.none(), st.sampled_from(ctx.units)))
    levels = {r["id"]: r.get("parents", []) for r, _ in records(documents, "levels")}
    units = {r["id"]: r for r, _ in records(documents, "units")}
    # a level allowed under the parent's (most other draws are refused by the loader)
    allowed = [
        lv for lv, parents in levels.items() if parent is None or units[parent]["level"] in parents
    ]
    unit: dict[str, Any] = {
        "id": f"new-{number}",
        "name": draw(st.sampled_from(NAMES)),
        "level": draw(st.sampled_from(allowed or ctx.levels)),
        "head": {"title": "Chef"},
    }
    if draw(st.booleans()):
        unit["sigle"] = draw(st.sampled_from(SIGLES))
    if draw(st.booleans()):  # in a file of its own, naming its parent
        if parent is None:
            unit["organisation"] = draw(st.sampled_from(ctx.organisations))
        else:
            unit["parent"] = parent
        documents[f"ajouts/{unit['id']}.yaml"] = {"units": [unit]}
        return f"add {unit['id']} under {parent} in a new file"
    if parent is None:
        unit["organisation"] = draw(st.sampled_from(ctx.organisations))
        holder = next(items for d in documents.values() for items in [d.get("units")] if items)
        holder.append(unit)
    else:
        target = next(r for r, _ in records(documents, "units") if r["id"] == parent)
        target.setdefault("units", []).append(unit)
    return f"add {unit['id']} under {parent}"


def _take(documents: Documents, unit_id: str) -> dict[str, Any]:
    """Remove a unit (and its sub-units) from where it is written; return it."""
    for record, owner in records(documents, "units"):
        if record["id"] == unit_id:
            owner.remove(record)
            _drop_empty(documents)
            return record
    raise KeyError(unit_id)


def _drop_empty(documents: Documents) -> None:
    for path in [
        p
        for p, d in documents.items()
        if isinstance(d, dict) and d.get("units") == [] and len(d) == 1
    ]:
        del documents[path]  # a file left with no unit goes away


def remove_unit(draw: Draw, documents: Documents, ctx: Context) -> str:
    """Remove a unit, its sub-units with it."""
    unit_id = draw(st.sampled_from(ctx.units))
    _take(documents, unit_id)
    return f"remove {unit_id}"


def move_unit(draw: Draw, documents: Documents, ctx: Context) -> str:
    """Move a unit under another parent (or to the top of an organisation)."""
    unit_id = draw(st.sampled_from(ctx.units))
    parent = draw(st.one_of(st.none(), st.sampled_from([u for u in ctx.units if u != unit_id])))
    unit = _take(documents, unit_id)
    unit.pop("parent", None)
    if parent is None:
        unit["organisation"] = draw(st.sampled_from(ctx.organisations))
        holder = next(
            (items for d in documents.values() for items in [d.get("units")] if items), None
        )
        if holder is None:
            documents["ajouts/haut.yaml"] = {"units": [unit]}
        else:
            holder.append(unit)
        return f"move {unit_id} to the top of {unit['organisation']}"
    target = next((r for r, _ in records(documents, "units") if r["id"] == parent), None)
    if target is None:  # the parent was under the unit moved: impossible move
        raise Invalid
    unit.pop("organisation", None)
    target.setdefault("units", []).append(unit)
    return f"move {unit_id} under {parent}"


def remove_file(draw: Draw, documents: Documents, ctx: Context) -> str:
    """Remove a whole file (other than the manifest)."""
    path = draw(st.sampled_from(sorted(p for p in documents if p != "orgchart.yaml")))
    del documents[path]
    return f"remove file {path}"


def split_file(draw: Draw, documents: Documents, ctx: Context) -> str:
    """Move one section of a file into a new file."""
    path = draw(st.sampled_from(sorted(documents)))
    sections = [s for s in SECTIONS if documents[path].get(s)]
    if not sections:
        return "nothing"
    section = draw(st.sampled_from(sections))
    number = 1
    while f"ajouts/part-{number}.yaml" in documents:
        number += 1
    documents[f"ajouts/part-{number}.yaml"] = {section: documents[path].pop(section)}
    return f"move {path}:{section} to ajouts/part-{number}.yaml"


def _replace(value: Any, old: str, new: str) -> Any:
    if value == old:
        return new
    if isinstance(value, list):
        return [_replace(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: _replace(v, old, new) for k, v in value.items()}
    return value


def rename_id(draw: Draw, documents: Documents, ctx: Context) -> str:
    """Give a record another id, and every reference to it with it."""
    section = draw(st.sampled_from(["units", "organisations", "levels", "bodies", "objectives"]))
    found = sorted(r["id"] for r, _ in records(documents, section))
    if not found:
        return "nothing"
    old = draw(st.sampled_from(found))
    new = old + "-bis"
    for path in list(documents):
        documents[path] = _replace(documents[path], old, new)
    return f"rename the id {old} to {new}"


class Invalid(Exception):
    """The edit cannot be made on these documents."""


EDITS: list[Callable[[Draw, Documents, Context], str]] = [
    edit_field,
    edit_field,
    edit_field,
    edit_field,
    add_unit,
    remove_unit,
    move_unit,
    remove_file,
    split_file,
    rename_id,
]


def apply_random_edit(
    draw: Draw, root: Path, documents: Documents, tries: int = 30
) -> tuple[Documents, str]:
    """Draw edits until one leaves a valid package in ``root``; write it; return the new
    documents and what the edit was (``"nothing"`` when no valid edit was found)."""
    for _ in range(tries):
        edited = copy.deepcopy(documents)
        edit = draw(st.sampled_from(EDITS))
        try:
            what = edit(draw, edited, context(edited))
        except (Invalid, KeyError, StopIteration):
            continue
        if what == "nothing" or edited == documents:
            continue
        write_documents(root, edited, documents)
        if load_package(root).problems == []:
            return edited, what
        write_documents(root, documents, edited)  # back to the valid package
    return documents, "nothing"


def copy_sources(srcdir: Path, target: Path) -> None:
    """The sources of a project (its data included), without its build nor generated pages."""
    shutil.copytree(srcdir, target, ignore=shutil.ignore_patterns("_build", "org"))
