"""Directives of the ``org`` domain, one module per kind of object.

:data:`DIRECTIVES` says which module holds each directive; :meth:`.OrgDomain.directive`
imports it the first time a document uses it, so that a rebuild that reads no document
imports none of them (nor the model and the chart code they need).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docutils.parsers.rst import Directive

__all__ = ["DIRECTIVES", "directive_class"]

DIRECTIVES: dict[str, str] = {
    "unit": "unit:UnitDirective",
    "unit-page": "unit:UnitPageDirective",
    "organisation": "organisation:OrganisationDirective",
    "units-index": "organisation:UnitsIndexDirective",
    "package": "organisation:PackageDirective",
    "chart": "chart:ChartDirective",
    "poster": "poster:PosterDirective",
    "levels": "levels:LevelsDirective",
    "shared": "shared:SharedDirective",
    "directory": "directory:DirectoryDirective",
    "body": "body:BodyDirective",
    "objectives": "objectives:ObjectivesDirective",
    "answers": "answers:AnswersDirective",
    "changes": "history:ChangesDirective",
    "compare": "history:CompareDirective",
}
"""Directive name -> ``module:Class`` (the module in this package)."""


def directive_class(name: str) -> type[Directive]:
    """The class of the ``org:<name>`` directive, its module imported if need be."""
    module, _, attribute = DIRECTIVES[name].partition(":")
    cls: type[Directive] = getattr(import_module(f"{__name__}.{module}"), attribute)
    return cls
