"""Ratios, the targets of issue 18, and the Markdown/JSON reports of a benchmark run."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

__all__ = ["evaluate_targets", "ratios", "to_markdown", "to_rst", "write_results"]

METRICS: dict[str, str] = {
    "full": "full build (fresh), s",
    "nochange": "rebuild, no change, s",
    "edit": "rebuild after renaming one unit, s",
    "add": "rebuild after adding one unit, s",
    "maxrss_mib": "peak memory of the full build, MiB",
    "j2": "full build with -j 2, s",
}
"""Measures that have a median per variant, with their label in the tables."""

COUNTS: dict[str, str] = {
    "read_edit": "documents read after renaming one unit",
    "read_add": "documents read after adding one unit",
    "read_full": "documents read by the full build",
}
"""Counts of documents read, with their label."""

PAIRS = (("orgchart", "baseline"), ("orgchart", "needs"), ("needs", "baseline"))
"""Ratios computed for every measure: numerator / denominator."""

TITLES = {"orgchart": "sphinx-orgchart", "baseline": "plain reST", "needs": "sphinx-needs"}
SHORT = {"orgchart": "orgchart", "baseline": "plain", "needs": "needs"}


def _median(size_result: dict[str, Any], variant: str, metric: str) -> float | None:
    value = size_result["variants"].get(variant, {}).get(metric)
    return value.get("median") if isinstance(value, dict) else None


def ratios(size_result: dict[str, Any]) -> dict[str, dict[str, float]]:
    """``{"orgchart/baseline": {"full": 1.04, ...}, ...}`` for the variants measured."""
    out: dict[str, dict[str, float]] = {}
    for top, bottom in PAIRS:
        pair: dict[str, float] = {}
        for metric in METRICS:
            a, b = _median(size_result, top, metric), _median(size_result, bottom, metric)
            if a is not None and b:
                pair[metric] = a / b
        if pair:
            out[f"{top}/{bottom}"] = pair
    return out


def _target(
    name: str, size: int, value: float | None, limit: float, at_most: bool = True
) -> dict[str, Any]:
    met = None if value is None else (value <= limit if at_most else value >= limit)
    return {"target": name, "size": size, "value": value, "limit": limit, "met": met}


def evaluate_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of issue 18 that this run can check, per package."""
    targets: list[dict[str, Any]] = []
    for size_result in results["sizes"].values():
        size = int(size_result["size"])
        large = size >= 10000
        base = size_result["ratios"].get("orgchart/baseline", {})
        needs = size_result["ratios"].get("orgchart/needs", {})
        if base and large:
            targets += [
                _target("full build < 1.2× plain reST", size, base.get("full"), 1.2),
                _target("peak memory < 1.2× plain reST", size, base.get("maxrss_mib"), 1.2),
            ]
        elif base:
            targets += [
                _target("full build ≤ 1.05× plain reST", size, base.get("full"), 1.05),
                _target("no-change rebuild ≤ 1.2× plain reST", size, base.get("nochange"), 1.2),
                _target("rename rebuild ≤ 1.5× plain reST", size, base.get("edit"), 1.5),
                _target("add rebuild ≤ 1.2× plain reST", size, base.get("add"), 1.2),
                _target("peak memory ≤ 1.2× plain reST", size, base.get("maxrss_mib"), 1.2),
            ]
        variants = size_result["variants"]
        ours = variants.get("orgchart", {}).get("j2_speedup")
        plain = variants.get("baseline", {}).get("j2_speedup")
        if ours and plain:
            targets.append(_target("-j 2 speed-up ≥ plain reST's", size, ours / plain, 1.0, False))
        if size >= 5000 and "edit" in needs:
            targets.append(
                _target("rename rebuild faster than sphinx-needs", size, needs["edit"], 1.0)
            )
        if large and "load" in size_result:
            targets.append(
                _target("load + validate < 2 s", size, size_result["load"]["median"], 2.0)
            )
        charts = size_result.get("charts") or {}
        if charts.get("charts"):
            targets.append(
                _target("boxes in the biggest chart ≤ 150", size, charts["max_boxes"], 150)
            )
            targets.append(
                _target("slowest chart renders < 2 s", size, charts["render_max_s"], 2.0)
            )
    return targets


def _number(value: Any, unit: str = "") -> str:
    if value is None:
        return "–"
    if isinstance(value, list):
        return "/".join(str(v) for v in value)
    if isinstance(value, int):
        return f"{value:,}"
    if unit == "×":
        return f"{value:.2f}×"
    if unit == "MiB":
        return f"{value:,.0f}"
    return f"{value:.2f}" if value < 10 else f"{value:,.1f}"


def _pair_title(pair: str) -> str:
    top, bottom = pair.split("/")
    return f"{SHORT[top]} / {SHORT[bottom]}"


def _size_table(size_result: dict[str, Any]) -> list[str]:
    variants = list(size_result["variants"])
    pairs = [p for p in ("orgchart/baseline", "orgchart/needs") if p in size_result["ratios"]]
    header = ["measure", *(TITLES[v] for v in variants), *(_pair_title(p) for p in pairs)]
    lines = ["| " + " | ".join(header) + " |", "|---" + "|---:" * (len(header) - 1) + "|"]
    for metric, label in METRICS.items():
        unit = "MiB" if metric == "maxrss_mib" else "s"
        cells = [_number(_median(size_result, v, metric), unit) for v in variants]
        cells += [_number(size_result["ratios"][p].get(metric), "×") for p in pairs]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    speedups = [size_result["variants"][v].get("j2_speedup") for v in variants]
    cells = [_number(s, "×") for s in speedups] + [""] * len(pairs)
    lines.append("| -j 2 speed-up (-j 1 time / -j 2 time) | " + " | ".join(cells) + " |")
    for metric, label in COUNTS.items():
        cells = [_number(size_result["variants"][v].get(metric)) for v in variants]
        lines.append(f"| {label} | " + " | ".join(cells + [""] * len(pairs)) + " |")
    if "load" in size_result:
        cells = [
            _number(size_result["load"]["median"]) if v == "orgchart" else "–" for v in variants
        ]
        lines.append(
            "| data load + validation, s | " + " | ".join(cells + [""] * len(pairs)) + " |"
        )
    return lines


def to_markdown(results: dict[str, Any]) -> str:
    """The report: a table per size, the theme comparison, the targets."""
    meta = results["meta"]
    versions = ", ".join(f"{k} {v}" for k, v in meta["versions"].items() if v)
    lines = [
        f"# Benchmarks of sphinx-orgchart — {meta['date']}",
        "",
        f"`{meta['command']}` — Python {meta['python']}, {meta['cpus']} CPUs, {versions}.",
        "Medians; ratios between medians of the same run.",
        "",
    ]
    for size_result in results["sizes"].values():
        lines += [
            f"## {size_result['size']:,} units"
            + (", ministry-shaped" if size_result.get("shape") == "ministry" else ""),
            "",
            f"{size_result['units']:,} units generated; {size_result['runs']} fresh build(s) "
            f"per variant ({size_result['j2_runs']} with -j 2), each followed by "
            f"{size_result['inc_runs']} rebuild(s) of each kind; unit renamed: "
            f"`{size_result['edited_unit']}`, unit added under `{size_result['added_under']}`.",
            "",
            *_size_table(size_result),
            "",
        ]
        loads = [
            v["load_average"]["median"]
            for v in size_result["variants"].values()
            if v.get("load_average", {}).get("median") is not None
        ]
        if loads:
            lines += [
                f"Load average when the builds started (median per variant): at most "
                f"{max(loads):.1f}, on {meta['cpus']} CPUs.",
                "",
            ]
        charts = size_result.get("charts")
        if charts and charts.get("charts"):
            lines += [
                f"Charts on the unit pages: {charts['charts']:,} on "
                f"{charts['pages_with_charts']:,} pages; the biggest has {charts['max_boxes']} "
                f"boxes ({charts['max_units']} units, median {charts['median_units']:g}); "
                f"`dot -Tsvg` on the {len(charts['render_biggest_s'])} biggest: at most "
                f"{charts['render_max_s']:.2f} s.",
                "",
            ]
        remeasured = {
            k: v
            for k, v in size_result.get("remeasured_because_extension_changed", {}).items()
            if v
        }
        if remeasured:
            lines += [
                "Measured again because sphinx-orgchart was edited during the measurement: "
                + ", ".join(f"{TITLES[k]} {v}×" for k, v in remeasured.items()),
                "",
            ]
        for name, variant in size_result["variants"].items():
            if variant.get("warning_count"):
                lines.append(f"{TITLES[name]}: {variant['warning_count']} warning lines, e.g.")
                lines += [f"    {w[:200]}" for w in variant["warnings"][:3]]
                lines.append("")
    themes = results.get("themes")
    if themes:
        lines += [
            f"## Themes: sphinx-orgchart handbook, {themes['size']:,} units",
            "",
            "| theme | full build, s | peak memory, MiB |",
            "|---|---:|---:|",
        ]
        for theme in ("alabaster", "furo"):
            lines.append(
                f"| {theme} | {_number(themes[theme]['median'])} | "
                f"{_number(themes['maxrss_mib'][theme]['median'], 'MiB')} |"
            )
        lines += ["", f"furo / alabaster: {_number(themes['ratio'], '×')}", ""]
    if results.get("targets"):
        lines += ["## Targets of issue 18", "", "| target | size | measured | limit | met |"]
        lines.append("|---|---:|---:|---:|---|")
        for t in results["targets"]:
            met = {True: "yes", False: "**no**", None: "–"}[t["met"]]
            if "boxes" in t["target"]:
                value = str(t["value"])
            elif "load" in t["target"] or "renders" in t["target"]:
                value = f"{t['value']:.2f} s"
            else:
                value = _number(t["value"], "×")
            lines.append(f"| {t['target']} | {t['size']:,} | {value} | {t['limit']} | {met} |")
        lines.append("")
    return "\n".join(lines)


def write_results(results: dict[str, Any], markdown: str, out: Path, latest: bool) -> list[Path]:
    """Write ``<date>-<sizes>.json`` and ``.md`` under ``out`` (and ``latest.*``)."""
    out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.fromisoformat(results["meta"]["date"]).strftime("%Y-%m-%d-%H%M")
    sizes = "-".join(str(s) for s in results["meta"]["sizes"])
    stem = f"{stamp}-{sizes}" + ("-quick" if results["meta"]["quick"] else "")
    text = json.dumps(results, indent=1, ensure_ascii=False) + "\n"
    paths = [out / f"{stem}.json", out / f"{stem}.md"]
    if latest:
        paths += [out / "latest.json", out / "latest.md"]
    for path in paths:
        path.write_text(text if path.suffix == ".json" else markdown + "\n", encoding="utf-8")
    return paths


def to_rst(results: dict[str, Any]) -> str:
    """The tables of a run as reStructuredText ``list-table`` directives (for the docs)."""
    out: list[str] = []
    for size_result in results["sizes"].values():
        rows = [line.strip("|").split(" | ") for line in _size_table(size_result)]
        header, body = rows[0], rows[2:]
        out += [
            f".. list-table:: {size_result['size']:,} units"
            + (", ministry-shaped" if size_result.get("shape") == "ministry" else ""),
            "   :header-rows: 1",
            "   :stub-columns: 1",
            "",
        ]
        for row in [header, *body]:
            cells = [re.sub(r"-j (\d)", r"``-j \1``", cell.strip()) for cell in row]
            out.append(f"   * - {cells[0]}")
            out += [f"     - {cell}".rstrip() for cell in cells[1:]]
        out.append("")
    return "\n".join(out)


def main() -> None:
    """``python -m benchmarks.report RESULTS.json [--rst]``: print a run's report again."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("results", type=Path)
    parser.add_argument("--rst", action="store_true", help="reST tables, for the docs")
    args = parser.parse_args()
    results = json.loads(args.results.read_text(encoding="utf-8"))
    print(to_rst(results) if args.rst else to_markdown(results))


if __name__ == "__main__":
    main()
