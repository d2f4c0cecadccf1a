"""A tiny Sphinx extension the benchmark handbooks load: it records the documents read.

When the environment variable ``ORGCHART_BENCH_PROBE`` names a file, the names of the
documents Sphinx is about to read (``env-before-read-docs``, after every extension had its
say in ``env-get-outdated``) are written to it as a JSON list, and the peak memory of the
process when the build finished (``VmHWM`` of ``/proc/self/status``, in KiB) to the same
name with ``.memory`` added.

The peak is read here, not from the ``rusage`` of the process: on Linux, ``ru_maxrss``
keeps the peak of the process that started it (the memory of the benchmark runner, which
holds the generated packages, when Python starts it by ``vfork`` and ``exec``), so that a
build smaller than the runner measured the runner. ``VmHWM`` is the peak of the process's
own memory since its ``exec``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

__all__ = ["PROBE_VARIABLE", "memory_file", "peak_kib", "setup"]

PROBE_VARIABLE = "ORGCHART_BENCH_PROBE"


def _record(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    target = os.environ.get(PROBE_VARIABLE)
    if target:
        Path(target).write_text(json.dumps(sorted(docnames)), encoding="utf-8")


def memory_file(probe: Path) -> Path:
    """Where the peak memory of the build that wrote ``probe`` is."""
    return probe.with_name(probe.name + ".memory")


def peak_kib() -> int | None:
    """The peak resident memory of this process (``VmHWM``), in KiB; None off Linux."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None


def _record_memory(app: Sphinx, exception: BaseException | None) -> None:
    target = os.environ.get(PROBE_VARIABLE)
    peak = peak_kib()
    if target and peak is not None:
        memory_file(Path(target)).write_text(str(peak), encoding="ascii")


def setup(app: Sphinx) -> dict[str, Any]:
    """Connect the recorders; safe in parallel builds (they run in the main process)."""
    app.connect("env-before-read-docs", _record)
    app.connect("build-finished", _record_memory, priority=1000)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
