"""Hypothesis settings of the robustness tests: two profiles, and how many cases to run.

- ``ci`` (the default): derandomized, so that ``make test`` runs the same cases every time
  and a failure is reproducible; no example database is written, and a failing case is
  reported as found, without shrinking it (shrinking a whole package takes minutes);
- ``fuzz``: random cases each run, failing cases shrunk to a minimal package, kept in
  ``.hypothesis/examples`` and replayed first next time.

The profile comes from ``ORGCHART_FUZZ_PROFILE``; the number of cases from
``ORGCHART_FUZZ_EXAMPLES`` (data-layer tests) and ``ORGCHART_FUZZ_BUILD_EXAMPLES`` (Sphinx
builds)::

    ORGCHART_FUZZ_PROFILE=fuzz ORGCHART_FUZZ_EXAMPLES=10000 pytest tests/test_robustness_fuzz.py
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis.database import DirectoryBasedExampleDatabase

__all__ = [
    "BUILD_EXAMPLES_VARIABLE",
    "EXAMPLES_VARIABLE",
    "LATEX_EXAMPLES_VARIABLE",
    "PROFILE_VARIABLE",
    "examples",
    "fuzz_settings",
]

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES_VARIABLE = "ORGCHART_FUZZ_EXAMPLES"
BUILD_EXAMPLES_VARIABLE = "ORGCHART_FUZZ_BUILD_EXAMPLES"
LATEX_EXAMPLES_VARIABLE = "ORGCHART_FUZZ_LATEX_EXAMPLES"
PROFILE_VARIABLE = "ORGCHART_FUZZ_PROFILE"

# Generated packages are large inputs, and a Sphinx build takes a tenth of a second: neither
# is a sign of a badly written strategy here.
_SUPPRESSED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    print_blob=True,
    suppress_health_check=_SUPPRESSED,
)
settings.register_profile(
    "fuzz",
    derandomize=False,
    database=DirectoryBasedExampleDatabase(str(ROOT / ".hypothesis" / "examples")),
    deadline=None,
    print_blob=True,
    suppress_health_check=_SUPPRESSED,
)


def examples(variable: str, default: int) -> int:
    """The number of cases asked for in the environment ``variable``, else ``default``."""
    value = os.environ.get(variable, "").strip()
    if not value:
        return default
    try:
        count = int(value)
    except ValueError:
        raise ValueError(f"{variable}={value!r}: give a whole number of cases") from None
    if count < 1:
        raise ValueError(f"{variable}={value!r}: give at least one case")
    return count


def fuzz_settings(max_examples: int) -> settings:
    """Settings of the chosen profile (``ci`` unless told), running ``max_examples`` cases."""
    profile = os.environ.get(PROFILE_VARIABLE, "").strip() or "ci"
    return settings(settings.get_profile(profile), max_examples=max_examples)
