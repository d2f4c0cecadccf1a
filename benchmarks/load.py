"""Time loading and validating a package (YAML read, validation, cross-checks).

    python -m benchmarks.load [PATH ...] [--sizes 5000] [--runs 7]

Each run is a fresh process (as in a CLI call or a Sphinx build), with the environment of
the benchmark's builds (bytecode kept under ``benchmarks/_work/pycache``, after one untimed
run has written it: a user's installation does not compile the package's modules again on
every call); prints the median and the fastest of the runs, in seconds.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.generate import write
from benchmarks.measure import build_environment

_CODE = (
    "import time\n"
    "from sphinx_orgchart.loader import load_package\n"
    "t = time.perf_counter()\n"
    "r = load_package({path!r})\n"
    "elapsed = time.perf_counter() - t\n"
    "assert r.data is not None and not r.errors, r.problems[:3]\n"
    "print(elapsed, len(r.data.units))\n"
)


def time_load(path: Path, runs: int) -> tuple[float, float, int]:
    """Median and best load time of ``path`` over ``runs`` fresh processes, and its units."""
    times = []
    units = 0
    environment = build_environment()
    for run in range(runs + 1):
        out = subprocess.run(
            [sys.executable, "-c", _CODE.format(path=str(path))],
            capture_output=True,
            text=True,
            check=True,
            env=environment,
        ).stdout.split()
        if run:  # the first run writes the bytecode of the modules it imports
            times.append(float(out[0]))
        units = int(out[1])
    return statistics.median(times), min(times), units


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--sizes", type=int, nargs="*", default=[5000])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        targets = list(args.paths)
        for size in args.sizes:
            targets.append(write(size, Path(tmp) / f"generated-{size}"))
        print(f"{'package':<40} {'units':>6} {'median s':>9} {'best s':>7}")
        for path in targets:
            median, best, units = time_load(path, args.runs)
            print(f"{path.name:<40} {units:>6} {median:>9.3f} {best:>7.3f}")


if __name__ == "__main__":
    main()
