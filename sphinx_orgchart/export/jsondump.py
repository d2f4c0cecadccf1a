"""Lossless JSON export: a single-file package that loads back to the same data."""

from __future__ import annotations

import json
import re
from typing import Any

from ..data import OrgData
from ..model import SECTIONS

__all__ = ["package_dict", "package_json"]


def package_dict(data: OrgData) -> dict[str, Any]:
    """The package as plain JSON values: units flat, every field explicit."""
    package = data.package
    result: dict[str, Any] = {"package": package.package.model_dump(mode="json")}
    for section in SECTIONS:
        records = getattr(package, section)
        if section == "units":
            result[section] = [r.model_dump(mode="json", exclude={"units"}) for r in records]
        else:
            result[section] = [r.model_dump(mode="json") for r in records]
    return result


# Characters YAML (which reads the export back) does not accept as they are: written as
# \u escapes, which JSON and YAML both read.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def package_json(data: OrgData) -> str:
    """The JSON text of :func:`package_dict`, stable from one run to the next."""
    text = json.dumps(package_dict(data), ensure_ascii=False, indent=2, allow_nan=False)
    return _UNSAFE.sub(lambda match: f"\\u{ord(match[0]):04x}", text) + "\n"
