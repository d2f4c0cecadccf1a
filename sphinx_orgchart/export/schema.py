"""The JSON Schema of a package file, for editors that complete and check YAML."""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..model import PackageFile

__all__ = ["json_schema"]

SCHEMA_ID = "https://sphinx-orgchart.readthedocs.io/schema/package-file.json"


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of one file of a package."""
    schema = PackageFile.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"sphinx-orgchart package file ({__version__})",
        **schema,
    }


def json_schema_text() -> str:
    """The schema as stable JSON text."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
