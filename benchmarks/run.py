"""Build the sphinx-orgchart handbook, the same content in plain reST and with sphinx-needs,
side by side, and report what each costs.

    python -m benchmarks.run [--sizes 200 1000 5000] [--runs N] [--quick] [--out DIR]

For each size, each run builds every variant from scratch in a temporary folder (the
variants take turns, so that a slow spell of the machine hits them all), then measures on
that build a no-change rebuild, rebuilds after renaming one unit and after adding one, and
separately a fresh ``-j 2`` build. Figures are medians; ratios are taken between medians
measured in the same run. Results go to ``benchmarks/results/`` (JSON and Markdown, one file
per run, and ``latest.md``/``latest.json`` for the last full measurement).

From Python (a smoke test)::

    from benchmarks.run import main
    results = main(["--quick", "--out", str(tmp_path)])
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import importlib.util
import json
import os
import platform
import sys
import tempfile
from pathlib import Path
from typing import Any

from .charts import chart_stats
from .generate import add_unit, build, pick_unit, rename_unit, render
from .load import time_load
from .measure import BuildResult, Project, extension_digest, summary
from .ministry import build_ministry
from .report import evaluate_targets, ratios, to_markdown, write_results
from .variants import FEATURES, VARIANTS, Variant

__all__ = ["main", "measure_ministry", "measure_package", "measure_size", "measure_themes"]

RESULTS = Path(__file__).resolve().parent / "results"
RETRIES = 2
"""Times a cycle is measured again when sphinx-orgchart changed while it was measured."""
LARGE = 2000
"""From this size on, at most ``--large-runs`` fresh builds are made per variant."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000])
    parser.add_argument("--runs", type=int, default=5, help="fresh builds per variant")
    parser.add_argument(
        "--large-runs", type=int, default=3, help=f"fresh builds at {LARGE} units and more"
    )
    parser.add_argument("--j2-runs", type=int, help="fresh -j 2 builds (default: as --runs)")
    parser.add_argument(
        "--inc-runs", type=int, default=3, help="rebuilds of each kind after each fresh build"
    )
    parser.add_argument("--variants", nargs="+", choices=list(VARIANTS), default=list(VARIANTS))
    parser.add_argument(
        "--features",
        nargs="*",
        choices=FEATURES,
        default=list(FEATURES),
        help="what the handbooks show besides the unit pages (none: the pages alone)",
    )
    parser.add_argument(
        "--theme-size",
        type=int,
        default=1000,
        help="size at which furo is compared with alabaster (0: not at all)",
    )
    parser.add_argument(
        "--ministry",
        action="store_true",
        help="also measure the ministry-shaped package (20 top units, no head, 1,289 units)",
    )
    parser.add_argument("--theme-runs", type=int, default=2, help="builds per theme")
    parser.add_argument("--load-runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke test: size 200, one run, no -j 2, no sphinx-needs",
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for the results")
    parser.add_argument("--keep", type=Path, help="build here and keep the projects")
    return parser


def _apply_quick(args: argparse.Namespace) -> None:
    args.sizes = [200]
    args.runs = args.large_runs = args.inc_runs = 1
    args.j2_runs = 0
    args.load_runs = 1
    args.theme_size = 0
    args.variants = [v for v in args.variants if v != "needs"]


def _variant(name: str, args: argparse.Namespace, theme: str = "alabaster") -> Variant:
    return VARIANTS[name](theme, args.features)


def _progress(message: str) -> None:
    """A line of progress on stderr (the report goes to stdout)."""
    stamp = dt.datetime.now().strftime("%H:%M:%S")
    print(f"[{stamp}] {message}", file=sys.stderr, flush=True)


def _measure_cycle(
    project: Project,
    files: dict[str, Any],
    unit_id: str,
    parent_id: str,
    inc_runs: int,
    level: str = "service",
) -> dict[str, list[BuildResult]]:
    """A fresh build, then no-change rebuilds, renames of one unit, additions of one unit."""
    results: dict[str, list[BuildResult]] = {"full": [], "nochange": [], "edit": [], "add": []}
    project.sync(files)
    results["full"].append(project.build())
    for _ in range(inc_runs):
        results["nochange"].append(project.build())
    name = next(u["name"] for c in files.values() for u in c.get("units", []) if u["id"] == unit_id)
    current = files
    for index in range(inc_runs):
        current = rename_unit(files, unit_id, f"{name} renommé {index + 1}")
        project.sync(current)
        results["edit"].append(project.build())
    for index in range(inc_runs):
        current = add_unit(current, parent_id, f"{parent_id}-nouveau{index + 1}", level)
        project.sync(current)
        results["add"].append(project.build())
    return results


def _collect(cycles: list[dict[str, list[BuildResult]]], j2: list[BuildResult]) -> dict[str, Any]:
    """Medians and counts of a variant's builds."""

    def samples(kind: str) -> list[BuildResult]:
        return [result for cycle in cycles for result in cycle[kind]]

    out: dict[str, Any] = {kind: summary([r.seconds for r in samples(kind)]) for kind in cycles[0]}
    out["maxrss_mib"] = summary([r.maxrss_mib for r in samples("full")])
    out["load_average"] = summary([r.load for kind in cycles[0] for r in samples(kind)])
    out["j2"] = summary([r.seconds for r in j2])
    out["j2_maxrss_mib"] = summary([r.maxrss_mib for r in j2])
    if out["j2"]["median"]:
        out["j2_speedup"] = out["full"]["median"] / out["j2"]["median"]
    for kind in ("full", "nochange", "edit", "add"):
        counts = sorted({len(r.read) for r in samples(kind)})
        out[f"read_{kind}"] = counts[0] if len(counts) == 1 else counts
    out["read_edit_docs"] = samples("edit")[-1].read[:50]
    out["read_add_docs"] = samples("add")[-1].read[:50]
    warnings = [w for kind in cycles[0] for r in samples(kind) for w in r.warnings]
    out["warnings"] = sorted(set(warnings))[:20]
    out["warning_count"] = len(warnings)
    return out


def _warm_up(args: argparse.Namespace, work: Path) -> None:
    """Build a tiny handbook of each variant once, so that bytecode and disk caches are warm."""
    for name in args.variants:
        _progress(f"warming up: {name}")
        project = Project(work / f"warm-up-{name}", _variant(name, args))
        project.sync(build(20, args.seed))
        project.build()
        project.remove()


SHAPES = {"ministry": "bureau"}
"""Packages of another shape than the Ville-shaped ones ``--sizes`` generates, with the level
of the unit renamed and added: the ministry of the charts benchmark (``--ministry``)."""


def measure_size(size: int, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Every measurement at ``size`` units (a Ville-shaped package)."""
    return measure_package(build(size, args.seed), args, work, f"{size}", size)


def measure_ministry(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Every measurement on the ministry-shaped package: twenty top units and no head, a
    level of 200 siblings, 40 secondary attachments."""
    files = build_ministry(args.seed)
    units = sum(len(c.get("units", [])) for c in files.values())
    return measure_package(files, args, work, "ministry", units, shape="ministry")


def measure_package(
    files: dict[str, Any],
    args: argparse.Namespace,
    work: Path,
    name: str,
    size: int,
    shape: str = "ville",
) -> dict[str, Any]:
    """Every measurement on the package ``files`` (``name`` labels its folders)."""
    level = SHAPES.get(shape, "service")
    units = [u for c in files.values() for u in c.get("units", [])]
    unit_id = pick_unit(files, level)
    parent_id = next(u["parent"] for u in units if u["id"] == unit_id)
    runs = args.runs if size < LARGE else min(args.runs, args.large_runs)
    j2_runs = runs if args.j2_runs is None else min(args.j2_runs, runs)
    cycles: dict[str, list[dict[str, list[BuildResult]]]] = {v: [] for v in args.variants}
    j2: dict[str, list[BuildResult]] = {v: [] for v in args.variants}
    tainted = dict.fromkeys(args.variants, 0)
    for run in range(runs):
        for variant in args.variants:
            _progress(f"{name} ({size} units): {variant}, run {run + 1}/{runs}")
            for attempt in range(RETRIES + 1 if size < LARGE else 2):
                project = Project(work / f"{variant}-{name}-{run}", _variant(variant, args))
                cycle = _measure_cycle(project, files, unit_id, parent_id, args.inc_runs, level)
                project.remove()
                digests = {r.extension for kind in cycle.values() for r in kind}
                if variant != "orgchart" or len(digests) == 1:
                    break
                _progress(f"sphinx-orgchart changed during the measurement (attempt {attempt + 1})")
                tainted[variant] += 1
            cycles[variant].append(cycle)
            if run < j2_runs:
                project = Project(work / f"{variant}-{name}-{run}-j2", _variant(variant, args))
                project.sync(files)
                j2[variant].append(project.build(jobs=2))
                project.remove()
    result: dict[str, Any] = {
        "size": size,
        "shape": shape,
        "units": len(units),
        "edited_unit": unit_id,
        "added_under": parent_id,
        "runs": runs,
        "j2_runs": j2_runs,
        "inc_runs": args.inc_runs,
        "variants": {v: _collect(cycles[v], j2[v]) for v in args.variants},
        "remeasured_because_extension_changed": tainted,
    }
    if "charts" in args.features:
        result["charts"] = chart_stats(files)
    if "orgchart" in args.variants:
        data = work / f"package-{name}"
        for relative, text in render(files).items():
            path = data / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        median, best, _units = time_load(data, args.load_runs)
        result["load"] = {"median": median, "min": best, "n": args.load_runs}
    result["ratios"] = ratios(result)
    return result


def measure_themes(size: int, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Fresh full builds of the sphinx-orgchart handbook with alabaster and with furo."""
    files = build(size, args.seed)
    runs = args.theme_runs
    times: dict[str, list[float]] = {"alabaster": [], "furo": []}
    memory: dict[str, list[float]] = {"alabaster": [], "furo": []}
    for run in range(runs):
        for theme in times:
            _progress(f"{size} units: orgchart with {theme}, run {run + 1}/{runs}")
            project = Project(work / f"theme-{theme}-{run}", _variant("orgchart", args, theme))
            project.sync(files)
            result = project.build()
            times[theme].append(result.seconds)
            memory[theme].append(result.maxrss_mib)
            project.remove()
    out: dict[str, Any] = {
        "size": size,
        "runs": runs,
        **{theme: summary(samples) for theme, samples in times.items()},
        "maxrss_mib": {theme: summary(samples) for theme, samples in memory.items()},
    }
    out["ratio"] = out["furo"]["median"] / out["alabaster"]["median"]
    return out


def _meta(args: argparse.Namespace, argv: list[str]) -> dict[str, Any]:
    def version(package: str) -> str | None:
        try:
            return importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            return None

    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "command": " ".join(["python -m benchmarks.run", *argv]),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "versions": {
            p: version(p) for p in ("sphinx", "sphinx-orgchart", "sphinx-needs", "docutils", "furo")
        },
        "sizes": args.sizes,
        "variants": args.variants,
        "features": args.features,
        "quick": args.quick,
        "extension_digest_start": extension_digest(),
    }


def _save_progress(results: dict[str, Any], out: Path) -> None:
    """Keep what is measured so far, in case a long run is interrupted."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "in-progress.json").write_text(json.dumps(results, indent=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Run the benchmarks; print the Markdown report; return the results."""
    arguments = list(argv) if argv is not None else sys.argv[1:]
    args = _parser().parse_args(arguments)
    if args.quick:
        _apply_quick(args)
    if "needs" in args.variants and importlib.util.find_spec("sphinx_needs") is None:
        _progress(
            "sphinx-needs is not installed: its variant is left out (pip install sphinx-needs)"
        )
        args.variants = [v for v in args.variants if v != "needs"]
    results: dict[str, Any] = {"meta": _meta(args, arguments), "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="orgchart-bench-") as tmp:
        work = args.keep or Path(tmp)
        _warm_up(args, work)
        for size in args.sizes:
            results["sizes"][str(size)] = measure_size(size, args, work)
            _save_progress(results, args.out)
        if args.ministry:
            results["sizes"]["ministry"] = measure_ministry(args, work)
            _save_progress(results, args.out)
        if args.theme_size and "orgchart" in args.variants:
            results["themes"] = measure_themes(args.theme_size, args, work)
    results["meta"]["extension_digest_end"] = extension_digest()
    results["targets"] = evaluate_targets(results)
    markdown = to_markdown(results)
    paths = write_results(results, markdown, args.out, latest=not args.quick)
    (args.out / "in-progress.json").unlink(missing_ok=True)
    print(markdown)
    print("Written: " + ", ".join(str(p) for p in paths))
    return results


if __name__ == "__main__":
    main()
