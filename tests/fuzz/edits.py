"""Random edits a user makes to a data package, on its YAML values.

An edit changes one thing: a field of a record of any section (set to another value, or
removed), a unit added, removed or moved under another parent, a file added or removed.
Edits are drawn freely from plausible values; :func:`apply_random_edit` keeps only those after
which the loader reports no problem, so that every edit leaves a valid package.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from sphinx_orgchart.loader import load_package
from sphinx_orgchart.model import SECTIONS

from .edit_values import DELETE, FIELDS, NAMES, SIGLES, Context, package_fields

__all__ = ["Documents", "apply_random_edit", "read_documents", "write_documents"]

Draw = Any
Documents = dict[str, Any]  # file path (relative to the package) -> YAML values
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
        # an answer's id is, unless written, "<unit>.<objective>"
        name = f"{section}:{record.get('id') or (record.get('unit'), record.get('objective'))}"
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
