"""Build a benchmark project with Sphinx in a subprocess, and measure the build.

A :class:`Project` is a folder with ``src/`` (the Sphinx sources), ``out/`` (the HTML and
the doctrees) and, for sphinx-orgchart, ``data/``. Each build is ``python -m sphinx -b html
-q -j N src out`` in a fresh process; its wall-clock time, its peak memory (``ru_maxrss`` of
the process and the children it waited for, from ``os.wait4``) and the documents it read
(recorded by :mod:`benchmarks.probe`) are returned.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .probe import PROBE_VARIABLE, memory_file
from .variants import Files, Variant

__all__ = [
    "BuildError",
    "BuildResult",
    "Project",
    "build_environment",
    "extension_digest",
    "summary",
]

PYCACHE = Path(__file__).resolve().parent / "_work" / "pycache"
"""Where the Sphinx processes keep their bytecode (ignored by git)."""

BUILD_TIMEOUT = 3600.0
"""Seconds after which a build is considered hung."""


class BuildError(RuntimeError):
    """A Sphinx build of a benchmark project failed."""


@dataclass
class BuildResult:
    """What one build cost."""

    seconds: float
    maxrss_mib: float
    read: list[str]
    warnings: list[str] = field(default_factory=list)
    extension: str = ""
    """Digest of sphinx-orgchart's files when the build started (see :func:`extension_digest`)."""
    load: float = 0.0
    """The machine's load average (1 minute) when the build started: other work running."""


class Project:
    """A handbook of one variant, in its own folder, kept in sync with the data."""

    def __init__(self, root: Path, variant: Variant) -> None:
        self.root = root
        self.variant = variant
        self.root.mkdir(parents=True, exist_ok=True)

    @property
    def srcdir(self) -> Path:
        """The Sphinx source folder."""
        return self.root / "src"

    @property
    def outdir(self) -> Path:
        """The HTML output folder (doctrees in its ``.doctrees``)."""
        return self.root / "out"

    def sync(self, files: Files) -> list[str]:
        """Write the sources whose text changed; return their paths (relative)."""
        changed = []
        for relative, text in self.variant.sources(files).items():
            path = self.root / relative
            if path.exists() and path.read_text(encoding="utf-8") == text:
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(relative)
        return changed

    def build(self, jobs: int = 1) -> BuildResult:
        """Run Sphinx once; raise :class:`BuildError` when it fails."""
        probe = self.root / "probe.json"
        probe.unlink(missing_ok=True)
        memory_file(probe).unlink(missing_ok=True)
        extension = extension_digest()
        load = os.getloadavg()[0]
        command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-j", str(jobs)]
        command += [str(self.srcdir), str(self.outdir)]
        environment = build_environment()
        environment[PROBE_VARIABLE] = str(probe)
        stdout_path, stderr_path = self.root / "stdout.log", self.root / "stderr.log"
        with stdout_path.open("wb") as stdout, stderr_path.open("wb") as stderr:
            start = time.perf_counter()
            process = subprocess.Popen(
                command, stdout=stdout, stderr=stderr, env=environment, cwd=self.root
            )
            status, usage = _wait(process)
            seconds = time.perf_counter() - start
        errors = stderr_path.read_text(encoding="utf-8", errors="replace")
        if status != 0:
            raise BuildError(f"{' '.join(command)} exited with {status}:\n{errors[-3000:]}")
        read = json.loads(probe.read_text(encoding="utf-8")) if probe.exists() else []
        # the process's own peak (see benchmarks.probe); the rusage one when it is missing
        peak = memory_file(probe)
        maxrss_kib = int(peak.read_text(encoding="ascii")) if peak.exists() else usage.ru_maxrss
        warnings = [line for line in errors.splitlines() if "WARNING" in line or "ERROR" in line]
        return BuildResult(seconds, maxrss_kib / 1024, read, warnings, extension, load)

    def remove(self) -> None:
        """Delete the project's folder."""
        shutil.rmtree(self.root, ignore_errors=True)


def extension_digest() -> str:
    """A digest of sphinx-orgchart's source files.

    The extension may be edited while a long benchmark runs; a change between a fresh build
    and the rebuilds measured on it (a new setting, a new ``env_version``) makes Sphinx read
    everything again, so such measurements must be made again.
    """
    import sphinx_orgchart

    package = Path(sphinx_orgchart.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build_environment() -> dict[str, str]:
    """The environment of the Sphinx processes.

    Compiled bytecode is written and read under ``benchmarks/_work/pycache``: a process
    started with ``PYTHONDONTWRITEBYTECODE`` would otherwise compile every module without a
    ``.pyc`` (such as an editable install of sphinx-orgchart) on every build, which users do
    not pay.
    """
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    environment["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    environment["PYTHONHASHSEED"] = "0"
    return environment


def _wait(process: subprocess.Popen[bytes]) -> tuple[int, Any]:
    """Wait for ``process`` with ``wait4``, which gives the resources of that process alone."""
    deadline = time.monotonic() + BUILD_TIMEOUT
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return process.returncode, usage
        if time.monotonic() > deadline:
            process.kill()
            raise BuildError(f"build timed out after {BUILD_TIMEOUT:.0f} s")
        time.sleep(0.005)


def summary(samples: list[float]) -> dict[str, Any]:
    """Median, fastest, slowest and the samples themselves."""
    if not samples:
        return {"median": None, "min": None, "max": None, "n": 0, "samples": []}
    return {
        "median": statistics.median(samples),
        "min": min(samples),
        "max": max(samples),
        "n": len(samples),
        "samples": [round(s, 4) for s in samples],
    }
