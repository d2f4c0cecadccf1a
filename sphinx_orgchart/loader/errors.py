"""Turn pydantic validation errors into located, translated problems."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from ..i18n import N_, Msg
from ..problems import DATES_ORDER, INVALID_VALUE, MISSING_FIELD, UNKNOWN_KEY, Problem
from .yamlsource import Path_

__all__ = ["did_you_mean", "problems_from_validation"]

# pydantic error type -> message (with the error's context); the field is shown before it.
_MESSAGES: dict[str, str] = {
    "string_type": N_("expected text, found %(found)s"),
    "string_too_short": N_("must not be empty"),
    "string_too_long": N_("is too long (at most %(max_length)s characters)"),
    "string_pattern_mismatch": N_("'%(input)s' does not have the expected form %(pattern)s"),
    "int_type": N_("expected a whole number, found %(found)s"),
    "int_parsing": N_("expected a whole number, found '%(input)s'"),
    "int_from_float": N_("expected a whole number, found '%(input)s'"),
    "float_type": N_("expected a number, found %(found)s"),
    "float_parsing": N_("expected a number, found '%(input)s'"),
    "bool_type": N_("expected true or false, found %(found)s"),
    "bool_parsing": N_("expected true or false, found '%(input)s'"),
    "date_type": N_("expected a date written YYYY-MM-DD, found %(found)s"),
    "date_parsing": N_("'%(input)s' is not a valid date: write it YYYY-MM-DD"),
    "date_from_datetime_parsing": N_("'%(input)s' is not a valid date: write it YYYY-MM-DD"),
    "date_impossible": N_("the date '%(input)s' does not exist: check the month and the day"),
    "date_from_datetime_inexact": N_("give a date without a time"),
    "orgchart_date_number": N_(
        "%(value)s was read as a number: write a date YYYY-MM-DD, for example 2024-01-01"
    ),
    "orgchart_id_length": N_(
        "an id has at most %(max)s characters, this one has %(length)s: shorten it, keeping "
        "lowercase letters, digits and '-', '_' or '.'"
    ),
    "time_type": N_("expected a time written HH:MM, found %(found)s"),
    "time_parsing": N_("'%(input)s' is not a valid time: write it \"HH:MM\""),
    "list_type": N_("expected a list (lines starting with '- '), found %(found)s"),
    "model_type": N_("expected a mapping (lines of 'key: value'), found %(found)s"),
    "model_attributes_type": N_("expected a mapping (lines of 'key: value'), found %(found)s"),
    "dict_type": N_("expected a mapping (lines of 'key: value'), found %(found)s"),
    "enum": N_("'%(input)s' is not allowed; use one of: %(expected)s"),
    "literal_error": N_("'%(input)s' is not allowed; use one of: %(expected)s"),
    "too_short": N_("needs at least %(min_length)s item(s)"),
    "greater_than_equal": N_("must be at least %(ge)s"),
    "less_than_equal": N_("must be at most %(le)s"),
    "orgchart_slug": N_(
        "'%(value)s' is not a valid id: use lowercase letters, digits and '-', "
        "'_' or '.', starting and ending with a letter or digit"
    ),
    "orgchart_phone_number": N_(
        "the phone number %(value)s was read as a number; write it in "
        'quotes, for example "03 81 61 50 50"'
    ),
    "orgchart_phone": N_(
        "'%(value)s' is not a phone number: use digits, spaces, dots, dashes, "
        "parentheses and an optional leading '+'"
    ),
    "orgchart_url": N_("'%(value)s' is not a web address: it must start with https:// or http://"),
    "orgchart_email": N_("'%(value)s' is not an email address"),
    "orgchart_email_extra": N_(
        "'%(value)s' is not one email address: write the address alone (name@domain), "
        "without '?', 'cc=' or a second '@'"
    ),
    "orgchart_localized_empty": N_("give at least a French ('fr') or English ('en') text"),
    "orgchart_vacant_holder": N_(
        "a vacant post has no holder: remove 'holder' or set 'state' to filled or interim"
    ),
    "orgchart_dates_order": N_("%(end_name)s (%(until)s) is before %(start_name)s (%(start)s)"),
    "orgchart_times_order": N_("end (%(end)s) is not after start (%(start)s)"),
    "orgchart_due_order": N_(
        "due (%(due)s) is before start (%(start)s): an action ends after it starts"
    ),
    "orgchart_member_one": N_("a member gives exactly one of 'post', 'unit' or 'label'"),
    "orgchart_attachment_target": N_(
        "an attachment gives exactly one of 'unit' (a unit it also depends on) or "
        "'organisation' (an organisation that co-supervises it, for instance)"
    ),
    "orgchart_event_field": N_("a '%(kind)s' event needs '%(name)s'"),
    "orgchart_event_count": N_("a '%(kind)s' event names at least %(minimum)s units in '%(name)s'"),
    "orgchart_siren": N_(
        "%(value)s is not a valid SIREN number (9 digits with a correct control key)"
    ),
    "orgchart_single_line": N_("must fit on one line"),
    "orgchart_control_character": N_(
        "holds the control character U+%(code)s, which cannot be printed: remove it (it "
        "often comes from a copy and paste)"
    ),
}

# Record-level errors are located at the key they are about.
_LOCATED_AT: dict[str, str] = {
    "orgchart_times_order": "end",
    "orgchart_due_order": "due",
    "orgchart_vacant_holder": "holder",
}

_FOUND: dict[type, str] = {
    str: N_("text"),
    int: N_("a number"),
    float: N_("a number"),
    bool: N_("true/false"),
    list: N_("a list"),
    dict: N_("a mapping"),
    type(None): N_("nothing"),
    dt.date: N_("a date"),
    dt.datetime: N_("a date and time"),
}


def did_you_mean(word: str, choices: typing.Iterable[str]) -> str | None:
    """The closest of ``choices`` to ``word``, if close enough."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, typing.Annotated, list):
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found is not None:
                return found
    return None


def allowed_keys(model: type[BaseModel]) -> list[str]:
    """Keys a mapping validated by ``model`` may hold (aliases where they are set)."""
    return [info.alias or name for name, info in model.model_fields.items()]


def _model_at(model: type[BaseModel], path: Path_) -> type[BaseModel] | None:
    """The model that validates the mapping at ``path`` under a ``model`` record."""
    current: type[BaseModel] | None = model
    for segment in path:
        if current is None:
            return None
        if isinstance(segment, int):
            continue
        fields = {info.alias or name: info for name, info in current.model_fields.items()}
        info = fields.get(segment)
        if info is None:
            return None
        current = _model_of(info.annotation)
    return current


def _data_path(data: Any, loc: tuple[str | int, ...]) -> Path_:
    """Keep the segments of ``loc`` that exist in ``data`` (dropping union tags)."""
    path: list[str | int] = []
    current = data
    for segment in loc:
        in_mapping = isinstance(current, Mapping) and segment in current
        in_list = isinstance(current, list) and isinstance(segment, int) and segment < len(current)
        if in_mapping or in_list:
            current = current[segment]
        elif isinstance(segment, str) and ("[" in segment or segment[:1].isupper()):
            continue  # a union member's tag, not a key
        else:
            current = None
        path.append(segment)
    return tuple(path)


def _field_name(path: Path_) -> str:
    text = ""
    for segment in path:
        if isinstance(segment, int):
            text += f"[{segment + 1}]"
        else:
            text += ("." if text else "") + segment
    return text


def _found(value: Any) -> Msg:
    for kind, text in _FOUND.items():
        if (
            kind is not int
            and isinstance(value, kind)
            and not (kind is dt.date and isinstance(value, dt.datetime))
        ):
            return Msg(text)
    if isinstance(value, int):
        return Msg(_FOUND[int])
    return Msg(N_("a value of another kind"))


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def problems_from_validation(
    error: ValidationError,
    model: type[BaseModel],
    data: Any,
    where: typing.Callable[[Path_], tuple[Any, int | None]],
) -> list[Problem]:
    """Located problems for the errors of ``model.model_validate(data)``.

    ``where`` maps a path relative to the record to (file path, line).
    """
    errors = error.errors(include_url=False)
    problems: list[Problem] = []
    suggested: set[Path_] = set()  # fields a "did you mean" already points to
    for err in errors:
        if err["type"] == "extra_forbidden":
            path = _data_path(data, tuple(err["loc"]))
            problem, guess = _unknown_key(model, path, where)
            problems.append(problem)
            if guess:
                suggested.add((*path[:-1], guess))
    for err in errors:
        kind = err["type"]
        if kind == "extra_forbidden":
            continue
        path = _data_path(data, tuple(err["loc"]))
        if kind == "missing":
            if path in suggested:
                continue
            problems.append(
                Problem(
                    MISSING_FIELD,
                    N_("the field '%(name)s' is required"),
                    {"name": str(path[-1]) if path else "?"},
                    *where(path),
                    field=_field_name(path[:-1]) or None,
                )
            )
            continue
        problems.append(_invalid(kind, err, path, where))
    return problems


def _unknown_key(
    model: type[BaseModel], path: Path_, where: typing.Callable[[Path_], tuple[Any, int | None]]
) -> tuple[Problem, str | None]:
    key = str(path[-1]) if path else "?"
    owner = _model_at(model, path[:-1])
    keys = allowed_keys(owner) if owner else []
    guess = did_you_mean(key, keys)
    if guess:
        msgid = N_("unknown key '%(key)s': did you mean '%(guess)s'?")
        args: dict[str, object] = {"key": key, "guess": guess}
    else:
        msgid = N_("unknown key '%(key)s'; the keys allowed here are: %(keys)s")
        args = {"key": key, "keys": ", ".join(keys)}
    return Problem(
        UNKNOWN_KEY, msgid, args, *where(path), field=_field_name(path[:-1]) or None
    ), guess


_DATE_SHAPE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def _invalid(
    kind: str, err: Any, path: Path_, where: typing.Callable[[Path_], tuple[Any, int | None]]
) -> Problem:
    ctx = dict(err.get("ctx") or {})
    value = err.get("input")
    if (
        kind in ("date_from_datetime_parsing", "date_parsing")
        and isinstance(value, str)
        and _DATE_SHAPE.match(value)
    ):
        kind = "date_impossible"
    located = path
    if kind == "orgchart_dates_order":
        located = (*path, str(ctx.get("end_name", "valid_until")))
    elif kind in _LOCATED_AT:
        located = (*path, _LOCATED_AT[kind])
    elif kind in ("orgchart_event_field", "orgchart_event_count"):
        located = (*path, str(ctx.get("field", "")))
    args: dict[str, object] = {key: _short(val) for key, val in ctx.items()}
    args.update(input=_short(value), found=_found(value))
    if kind in ("orgchart_event_field", "orgchart_event_count"):
        args["name"] = ctx.get("field", "")
    if "expected" in ctx:
        args["expected"] = str(ctx["expected"]).replace("'", "").replace(" or ", ", ")
    known = _MESSAGES.get(kind)
    msgid = known if known is not None else N_("%(detail)s")
    if known is None:
        args["detail"] = str(err["msg"]).removeprefix("Value error, ")
    code = (
        DATES_ORDER
        if kind in ("orgchart_dates_order", "orgchart_times_order", "orgchart_due_order")
        else INVALID_VALUE
    )
    return Problem(code, msgid, args, *where(located), field=_field_name(path) or None)
