"""Exports of a loaded package: lossless JSON, a CSV table of units, the JSON Schema."""

from .csvtable import CSV_COLUMNS, units_csv
from .jsondump import package_json
from .schema import json_schema

__all__ = ["CSV_COLUMNS", "json_schema", "package_json", "units_csv"]
