"""Turn pydantic validation errors into located, translated problems."""

from __future__ import annotations

import datetime as dt
import difflib
import types
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from ..i18n import N_, Msg
from ..problems import DATES_ORDER, INVALID_VALUE, MISSING_FIELD, UNKNOWN_KEY, Problem
from .yamlsource import Path_

__all__ = ["did_you_mean", "problems_from_validation"]

# pydantic error type -> message (with %(field)s and the error's context).
_MESSAGES: dict[str, str] = {
    "string_type": N_("%(field)s: expected text, found %(found)s"),
    "string_too_short": N_("%(field)s: must not be empty"),
    "string_too_long": N_("%(field)s: is too long (at most %(max_length)s characters)"),
    "string_pattern_mismatch": N_("%(field)s: '%(input)s' does not have the expected form "
                                  "%(pattern)s"),
    "int_type": N_("%(field)s: expected a whole number, found %(found)s"),
    "int_parsing": N_("%(field)s: expected a whole number, found '%(input)s'"),
    "int_from_float": N_("%(field)s: expected a whole number, found '%(input)s'"),
    "float_type": N_("%(field)s: expected a number, found %(found)s"),
    "float_parsing": N_("%(field)s: expected a number, found '%(input)s'"),
    "bool_type": N_("%(field)s: expected true or false, found %(found)s"),
    "bool_parsing": N_("%(field)s: expected true or false, found '%(input)s'"),
    "date_type": N_("%(field)s: expected a date written YYYY-MM-DD, found %(found)s"),
    "date_parsing": N_("%(field)s: '%(input)s' is not a valid date: write it YYYY-MM-DD"),
    "date_from_datetime_parsing": N_("%(field)s: '%(input)s' is not a valid date: write it "
                                     "YYYY-MM-DD"),
    "date_from_datetime_inexact": N_("%(field)s: give a date without a time"),
    "time_type": N_("%(field)s: expected a time written HH:MM, found %(found)s"),
    "time_parsing": N_("%(field)s: '%(input)s' is not a valid time: write it \"HH:MM\""),
    "list_type": N_("%(field)s: expected a list (lines starting with '- '), found %(found)s"),
    "model_type": N_("%(field)s: expected a mapping (lines of 'key: value'), found %(found)s"),
    "model_attributes_type": N_("%(field)s: expected a mapping (lines of 'key: value'), "
                                "found %(found)s"),
    "dict_type": N_("%(field)s: expected a mapping (lines of 'key: value'), found %(found)s"),
    "enum": N_("%(field)s: '%(input)s' is not allowed; use one of: %(expected)s"),
    "literal_error": N_("%(field)s: '%(input)s' is not allowed; use one of: %(expected)s"),
    "too_short": N_("%(field)s: needs at least %(min_length)s item(s)"),
    "greater_than_equal": N_("%(field)s: must be at least %(ge)s"),
    "less_than_equal": N_("%(field)s: must be at most %(le)s"),
    "orgchart_slug": N_("%(field)s: '%(value)s' is not a valid id: use lowercase letters, "
                        "digits and '-', '_' or '.', starting and ending with a letter or digit"),
    "orgchart_phone_number": N_("%(field)s: the phone number %(value)s was read as a number; "
                                "write it in quotes, for example \"03 81 61 50 50\""),
    "orgchart_phone": N_("%(field)s: '%(value)s' is not a phone number: use digits, spaces, "
                         "dots, dashes, parentheses and an optional leading '+'"),
    "orgchart_url": N_("%(field)s: '%(value)s' is not a web address: it must start with "
                       "https:// or http://"),
    "orgchart_email": N_("%(field)s: '%(value)s' is not an email address"),
    "orgchart_localized_empty": N_("%(field)s: give at least a French ('fr') or English ('en') "
                                   "text"),
    "orgchart_vacant_holder": N_("%(field)s: a vacant post has no holder: remove 'holder' or "
                                 "set 'state' to filled or interim"),
    "orgchart_dates_order": N_("%(field)s: valid_until (%(until)s) is before valid_from "
                               "(%(start)s)"),
    "orgchart_times_order": N_("%(field)s: end (%(end)s) is not after start (%(start)s)"),
    "orgchart_member_one": N_("%(field)s: a member gives exactly one of 'post', 'unit' or "
                              "'label'"),
    "orgchart_event_field": N_("%(field)s: a '%(kind)s' event needs '%(name)s'"),
    "orgchart_event_count": N_("%(field)s: a '%(kind)s' event names at least %(minimum)s units "
                               "in '%(name)s'"),
    "orgchart_siren": N_("%(field)s: %(value)s is not a valid SIREN number (9 digits with a "
                         "correct control key)"),
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


def _data_path(data: Any, loc: tuple[str | int, ...]) -> tuple[Path_, bool]:
    """Keep the segments of ``loc`` that exist in ``data`` (dropping union tags)."""
    path: list[str | int] = []
    current = data
    found = True
    for segment in loc:
        if isinstance(current, Mapping) and segment in current:
            current = current[segment]
            path.append(segment)
        elif isinstance(current, list) and isinstance(segment, int) and segment < len(current):
            current = current[segment]
            path.append(segment)
        elif isinstance(segment, str) and ("[" in segment or segment[:1].isupper()):
            continue  # a union member's tag, not a key
        else:
            path.append(segment)
            found = False
            current = None
    return tuple(path), found


def _field_name(path: Path_) -> str:
    text = ""
    for segment in path:
        if isinstance(segment, int):
            text += f"[{segment + 1}]"
        else:
            text += ("." if text else "") + segment
    return text or "-"


def _found(value: Any) -> Msg:
    return Msg(_FOUND.get(type(value), N_("a value of another kind")))


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
    problems: list[Problem] = []
    for err in error.errors(include_url=False):
        path, _ = _data_path(data, tuple(err["loc"]))
        kind = err["type"]
        ctx = dict(err.get("ctx") or {})
        file, line = where(path)
        field = _field_name(path)
        if kind == "extra_forbidden":
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
            problems.append(Problem(UNKNOWN_KEY, msgid, args, file, line))
            continue
        if kind == "missing":
            problems.append(
                Problem(MISSING_FIELD, N_("the field '%(name)s' is required%(where)s"),
                        {"name": str(path[-1]) if path else field,
                         "where": f" ({_field_name(path[:-1])})" if len(path) > 1 else ""},
                        file, line)
            )
            continue
        if kind == "orgchart_dates_order":
            file, line = where((*path, "valid_until"))
        elif kind == "orgchart_times_order":
            file, line = where((*path, "end"))
        value = err.get("input")
        args = {key: _short(val) for key, val in ctx.items()}
        args.update(field=field, input=_short(value), found=_found(value))
        if kind in ("orgchart_event_field", "orgchart_event_count"):
            args["name"] = ctx.get("field", "")
            args["field"] = field
        if "expected" in ctx:
            args["expected"] = str(ctx["expected"]).replace("'", "").replace(" or ", ", ")
        msgid = _MESSAGES.get(kind)
        if msgid is None:
            msgid = N_("%(field)s: %(detail)s")
            args["detail"] = str(err["msg"]).removeprefix("Value error, ")
        code = DATES_ORDER if kind in ("orgchart_dates_order", "orgchart_times_order") else (
            INVALID_VALUE)
        problems.append(Problem(code, msgid, args, file, line))
    return problems
