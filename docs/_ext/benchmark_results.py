"""``.. benchmark-results:: PATH``: the tables of a benchmark run, read from its JSON file.

The performance page shows the committed results file itself (``benchmarks/results/``), so
that the figures in the docs are always those of a real run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.charts import charts_rst  # noqa: E402
from benchmarks.report import evaluate_targets, to_rst  # noqa: E402


def _value(target: dict[str, Any]) -> str:
    value = target["value"]
    if value is None:
        return "–"
    if "chart renders" in target["target"] or "load" in target["target"]:
        return f"{value:.2f} s"
    if "boxes" in target["target"]:
        return f"{value:.0f}"
    return f"{value:.2f}×"


def targets_rst(results: dict[str, Any]) -> str:
    """The targets of the run as a ``list-table``."""
    lines = [
        ".. list-table:: Targets",
        "   :header-rows: 1",
        "",
        "   * - target",
        "     - size",
        "     - measured",
        "     - met",
    ]
    for target in results.get("targets") or evaluate_targets(results):
        met = {True: "yes", False: "**no**", None: "–"}[target["met"]]
        lines += [
            f"   * - {target['target'].replace('-j 2', '``-j 2``')}",
            f"     - {target['size']:,}",
            f"     - {_value(target)}",
            f"     - {met}",
        ]
    return "\n".join(lines) + "\n"


class BenchmarkResults(SphinxDirective):
    """The measured tables, per size, then the targets."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        path = (Path(self.env.srcdir) / self.arguments[0]).resolve()
        self.env.note_dependency(str(path))
        results = json.loads(path.read_text(encoding="utf-8"))
        text = to_rst(results) + "\n" + targets_rst(results)
        container = nodes.container(classes=["benchmark-results"])
        content = StringList(text.splitlines(), source=str(path))
        self.state.nested_parse(content, 0, container)
        return [container]


class BenchmarkCharts(SphinxDirective):
    """The charts table (``python -m benchmarks.charts``)."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        path = (Path(self.env.srcdir) / self.arguments[0]).resolve()
        self.env.note_dependency(str(path))
        results = json.loads(path.read_text(encoding="utf-8"))
        container = nodes.container(classes=["benchmark-results"])
        content = StringList(charts_rst(results).splitlines(), source=str(path))
        self.state.nested_parse(content, 0, container)
        return [container]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("benchmark-results", BenchmarkResults)
    app.add_directive("benchmark-charts", BenchmarkCharts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
