"""Count the cases the robustness tests run, and print the count when the session ends.

Each generated case calls :meth:`FuzzReport.case`. The report is a pytest plugin registered
by a session fixture: at the end of the run it prints, in the terminal summary, how many
cases each test ran, how long they took and which kinds of damage the broken packages
had, and writes the same figures to ``.hypothesis/orgchart-fuzz-count.json``.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

__all__ = ["COUNT_FILE", "FuzzReport", "register"]

COUNT_FILE = Path(__file__).resolve().parents[2] / ".hypothesis" / "orgchart-fuzz-count.json"
PLUGIN_NAME = "orgchart-fuzz-report"


class FuzzReport:
    """Cases run and seconds spent per test, and mutations seen."""

    def __init__(self) -> None:
        self.cases: Counter[str] = Counter()
        self.seconds: dict[str, float] = {}
        self.mutations: Counter[str] = Counter()

    @contextmanager
    def case(self, test: str, mutations: Iterable[str] = ()) -> Iterator[None]:
        """Time one case of ``test``; count it, and the kinds of its ``mutations``."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.cases[test] += 1
            self.seconds[test] = self.seconds.get(test, 0.0) + time.perf_counter() - start
            self.mutations.update(m.split()[0] for m in mutations)

    def summary(self) -> dict[str, Any]:
        """The figures, as JSON values."""
        return {
            "cases": sum(self.cases.values()),
            "tests": {
                test: {"cases": count, "seconds": round(self.seconds[test], 2)}
                for test, count in sorted(self.cases.items())
            },
            "mutations": dict(sorted(self.mutations.items())),
        }

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        """Print the figures after the tests, and keep them in :data:`COUNT_FILE`."""
        if not self.cases:
            return
        figures = self.summary()
        write = terminalreporter.write_line
        terminalreporter.write_sep("-", "orgchart robustness: generated cases")
        for test, values in figures["tests"].items():
            write(f"{values['cases']:>8} cases  {values['seconds']:>8.1f} s  {test}")
        write(f"{figures['cases']:>8} cases in total")
        if figures["mutations"]:
            kinds = ", ".join(f"{k} {n}" for k, n in figures["mutations"].items())
            write(f"  damage applied to the broken packages: {kinds}")
        COUNT_FILE.parent.mkdir(parents=True, exist_ok=True)
        COUNT_FILE.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
        write(f"  (written to {COUNT_FILE})")


REPORT = FuzzReport()


def register(config: pytest.Config) -> FuzzReport:
    """The session's report, registered as a plugin the first time."""
    if not config.pluginmanager.has_plugin(PLUGIN_NAME):
        config.pluginmanager.register(REPORT, PLUGIN_NAME)
    return REPORT
