"""Reference tables generated from the code: data model fields, problem kinds, CSV columns.

Local to the documentation: the docs describe the code from its declarations, so that the
tables cannot drift from what the loader really accepts.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata

from sphinx_orgchart.export import CSV_COLUMNS
from sphinx_orgchart.problems import PROBLEM_KINDS
from sphinx_orgchart.sphinx.config import CONFIG_VALUES
from sphinx_orgchart.sphinx.directives import directive_class
from sphinx_orgchart.sphinx.tables import table
from sphinx_orgchart.sphinx.warnings import EXTENSION_WARNINGS

_VALIDATOR_NAMES = {
    "_check_slug": "id",
    "_check_phone": "phone (in quotes)",
    "_check_url": "URL",
    "_check_email": "email",
    "_check_line": "text (one line)",
    "_check_text": "text",
    "_time_as_text": 'time ("HH:MM")',
}


def _anchor(model: type[BaseModel]) -> str:
    return f"model-{model.__name__.lower()}"


def _type_nodes(annotation: Any, metadata: list[Any]) -> list[nodes.Node]:
    """A readable description of a field's type, with links to nested records."""
    for item in metadata:
        func = getattr(getattr(item, "func", None), "__name__", "")
        if func in _VALIDATOR_NAMES:
            return [nodes.Text(_VALIDATOR_NAMES[func])]
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_nodes(args[0], list(annotation.__metadata__))
    if origin in (typing.Union, types.UnionType):
        parts = [a for a in args if a is not type(None)]
        out: list[nodes.Node] = []
        for index, part in enumerate(parts):
            if index:
                out.append(nodes.Text(" or "))
            out.extend(_type_nodes(part, []))
        return out
    if origin is list:
        return [nodes.Text("list of "), *_type_nodes(args[0], [])]
    if origin is typing.Literal:
        return [nodes.Text("one of: " + ", ".join(str(a) for a in args))]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        ref = nodes.reference("", annotation.__name__, internal=True, refid=_anchor(annotation))
        return [ref]
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [
            nodes.Text("one of: "),
            *[
                node
                for index, member in enumerate(annotation)
                for node in ([nodes.Text(", ")] if index else [])
                + [nodes.literal("", member.value)]
            ],
        ]
    names = {
        str: "text",
        int: "whole number",
        float: "number",
        bool: "true/false",
        dt.date: "date (YYYY-MM-DD)",
        dt.time: 'time ("HH:MM")',
    }
    return [nodes.Text(names.get(annotation, getattr(annotation, "__name__", str(annotation))))]


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "required"
    if info.default_factory is not None:
        value = info.default_factory()  # type: ignore[call-arg]
        return "" if value in ([], {}) else "(default values)"
    if info.default is None or info.default is PydanticUndefined:
        return ""
    if isinstance(info.default, enum.Enum):
        return str(info.default.value)
    if isinstance(info.default, bool):
        return "true" if info.default else "false"
    return str(info.default)


def _table(
    headers: list[str], rows: list[list[list[nodes.Node]]], widths: list[int]
) -> nodes.table:
    return table(headers, rows, widths, classes=["orgchart-reference"])


class DataModelDirective(SphinxDirective):
    """``.. data-model:: sphinx_orgchart.model.Unit``: a model's fields as a table."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"title": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        module_name, _, class_name = self.arguments[0].rpartition(".")
        module = __import__(module_name, fromlist=[class_name])
        model: type[BaseModel] = getattr(module, class_name)
        section = nodes.section(ids=[_anchor(model)])
        section += nodes.title("", self.options.get("title", model.__name__))
        section += nodes.paragraph("", (model.__doc__ or "").strip().splitlines()[0])
        rows = []
        for name, info in model.model_fields.items():
            key = info.alias or name
            rows.append(
                [
                    [nodes.literal("", key)],
                    _type_nodes(info.annotation, list(info.metadata)),
                    [nodes.Text(_default(info))],
                    [nodes.Text(info.description or "")],
                ]
            )
        section += _table(["Key", "Type", "Default", "Meaning"], rows, [18, 22, 12, 48])
        return [section]


class ProblemKindsDirective(SphinxDirective):
    """``.. problem-kinds::``: every problem code with its severity and meaning."""

    def run(self) -> list[nodes.Node]:
        rows = [
            [
                [nodes.literal("", kind.code)],
                [nodes.Text(kind.severity.value)],
                [nodes.Text(kind.doc.replace("``", ""))],
            ]
            for kind in PROBLEM_KINDS.values()
        ]
        return [_table(["Code", "Severity", "When"], rows, [25, 12, 63])]


class CsvColumnsDirective(SphinxDirective):
    """``.. csv-columns::``: the columns of the CSV export."""

    def run(self) -> list[nodes.Node]:
        rows = [[[nodes.literal("", name)], [nodes.Text(doc)]] for name, doc, _ in CSV_COLUMNS]
        return [_table(["Column", "Content"], rows, [25, 75])]


def _inline_rst(text: str) -> list[nodes.Node]:
    """``literal`` spans of a doc string as literal nodes, the rest as text."""
    out: list[nodes.Node] = []
    for index, part in enumerate(text.split("``")):
        if part:
            out.append(nodes.literal("", part) if index % 2 else nodes.Text(part))
    return out


class ConfigValuesDirective(SphinxDirective):
    """``.. orgchart-config::``: every ``orgchart_*`` setting."""

    def run(self) -> list[nodes.Node]:
        rows = []
        for value in CONFIG_VALUES:
            types = " or ".join(t.__name__ for t in value.types)
            rows.append(
                [
                    [nodes.literal("", value.name)],
                    [nodes.Text(types)],
                    [nodes.literal("", repr(value.default))],
                    _inline_rst(value.doc),
                ]
            )
        return [_table(["Setting", "Type", "Default", "Meaning"], rows, [24, 10, 12, 54])]


class WarningsDirective(SphinxDirective):
    """``.. orgchart-warnings::``: every warning subtype, from the data and the extension."""

    def run(self) -> list[nodes.Node]:
        rows = [
            [
                [nodes.literal("", f"orgchart.{kind.code}")],
                [nodes.Text("data")],
                _inline_rst(kind.doc),
            ]
            for kind in PROBLEM_KINDS.values()
        ]
        rows += [
            [
                [nodes.literal("", f"orgchart.{w.subtype}")],
                [nodes.Text("handbook")],
                _inline_rst(w.doc),
            ]
            for w in EXTENSION_WARNINGS.values()
        ]
        return [_table(["Subtype", "Found in", "When"], rows, [32, 12, 56])]


class DirectiveDirective(SphinxDirective):
    """``.. orgchart-directive:: unit``: a directive of the org domain and its options."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        cls = directive_class(name)
        spec = getattr(cls, "option_spec", {}) or {}
        docs = getattr(cls, "option_docs", None)
        if docs is None or set(docs) != set(spec):
            raise self.error(f"org:{name}: every option needs a line in option_docs")
        section = nodes.section(ids=[f"directive-org-{name}"])
        section += nodes.title("", f"org:{name}")
        usage = f".. org:{name}::" + (" ID" if cls.required_arguments else "")
        section += nodes.literal_block(usage, usage)
        section += nodes.paragraph("", "", *_inline_rst(" ".join((cls.__doc__ or "").split())))
        if cls.required_arguments:
            section += nodes.paragraph(
                "",
                "",
                nodes.strong("", "Argument:"),
                nodes.Text(" "),
                *_inline_rst(getattr(cls, "argument_doc", "")),
            )
        if spec:
            kinds = {
                directives.flag: "flag",
                directives.unchanged: "text",
                directives.unchanged_required: "text",
            }
            rows = [
                [
                    [nodes.literal("", f":{option}:")],
                    [
                        nodes.Text(
                            kinds.get(spec[option], getattr(spec[option], "__name__", "value"))
                        )
                    ],
                    _inline_rst(docs[option]),
                ]
                for option in spec
            ]
            section += _table(["Option", "Value", "Meaning"], rows, [20, 12, 68])
        return [section]


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the reference directives."""
    app.add_directive("orgchart-config", ConfigValuesDirective)
    app.add_directive("orgchart-warnings", WarningsDirective)
    app.add_directive("orgchart-directive", DirectiveDirective)
    app.add_directive("data-model", DataModelDirective)
    app.add_directive("problem-kinds", ProblemKindsDirective)
    app.add_directive("csv-columns", CsvColumnsDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
