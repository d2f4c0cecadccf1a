"""A tiny Sphinx extension the benchmark handbooks load: it records the documents read.

When the environment variable ``ORGCHART_BENCH_PROBE`` names a file, the names of the
documents Sphinx is about to read (``env-before-read-docs``, after every extension had its
say in ``env-get-outdated``) are written to it as a JSON list.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

__all__ = ["PROBE_VARIABLE", "setup"]

PROBE_VARIABLE = "ORGCHART_BENCH_PROBE"


def _record(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    target = os.environ.get(PROBE_VARIABLE)
    if target:
        Path(target).write_text(json.dumps(sorted(docnames)), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    """Connect the recorder; safe in parallel builds (it runs in the main process)."""
    app.connect("env-before-read-docs", _record)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
