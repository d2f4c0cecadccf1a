"""The benchmark harness runs (a smoke test: no timing is asserted, see benchmarks/)."""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks.charts import page_charts
from benchmarks.generate import build
from benchmarks.measure import Project
from benchmarks.probe import memory_file, peak_kib
from benchmarks.run import main
from benchmarks.variants import FEATURES, VARIANTS


def test_the_quick_benchmark_runs_and_writes_its_report(tmp_path: Path) -> None:
    results = main(["--quick", "--out", str(tmp_path)])
    size = results["sizes"]["200"]
    variants = size["variants"]
    assert set(variants) == {"orgchart", "baseline"}
    for name, measured in variants.items():
        assert measured["full"]["n"] == 1, name
        assert measured["warnings"] == [], (name, measured["warnings"])
    # The same content: as many documents in both handbooks; renaming one unit re-reads
    # its page in both.
    assert variants["orgchart"]["read_full"] == variants["baseline"]["read_full"] > 200
    assert f"org/{size['edited_unit']}" in variants["orgchart"]["read_edit_docs"]
    assert set(size["ratios"]["orgchart/baseline"]) >= {"full", "nochange", "edit", "add"}
    reports = [p for p in tmp_path.iterdir() if p.suffix == ".md"]
    assert len(reports) == 1
    assert "| full build (fresh), s |" in reports[0].read_text("utf-8")


def test_the_hand_written_charts_are_those_the_extension_draws(tmp_path: Path) -> None:
    """The plain reST handbook carries the charts of sphinx-orgchart's unit pages, no more
    and no fewer (a baseline drawing more charts would flatter the extension)."""
    files = build(200, 1)
    expected = {chart.chart_id for charts in page_charts(files).values() for chart in charts}
    assert len(expected) > 20
    project = Project(tmp_path / "orgchart", VARIANTS["orgchart"]("alabaster", list(FEATURES)))
    project.sync(files)
    assert project.build().warnings == []
    units = {str(unit["id"]) for content in files.values() for unit in content.get("units", [])}
    drawn = {
        chart_id
        for page in (project.outdir / "org").glob("*.html")
        for chart_id in re.findall(r'id="(orgchart-[^"]+)"', page.read_text("utf-8"))
        if chart_id.removeprefix("orgchart-").split("--")[0] in units
    }
    assert drawn == expected


def _html_times(project: Project) -> dict[str, int]:
    return {
        p.relative_to(project.outdir).as_posix(): p.stat().st_mtime_ns
        for p in project.outdir.rglob("*.html")
    }


def test_both_handbooks_write_the_same_pages_after_a_rename(tmp_path: Path) -> None:
    """A fair rename: the hand-written handbook writes again (at least) every page the
    extension writes again: the unit's page, its parents' charts, the pages whose navigation
    shows it and the directory (Sphinx alone would leave them showing the old name)."""
    from benchmarks.generate import pick_unit, rename_unit

    files = build(200, 1)
    unit_id = pick_unit(files)
    written: dict[str, set[str]] = {}
    for name in ("orgchart", "baseline"):
        project = Project(tmp_path / name, VARIANTS[name]("alabaster", list(FEATURES)))
        project.sync(files)
        assert project.build().warnings == []
        before = _html_times(project)
        project.sync(rename_unit(files, unit_id, "Service renommé"))
        assert project.build().warnings == []
        after = _html_times(project)
        written[name] = {
            page
            for page, stamp in after.items()
            # (Sphinx writes its indices on every build: genindex, search, the domain's)
            if before.get(page) != stamp
            and page not in ("genindex.html", "search.html", "org-units.html", "org-shared.html")
        }
        directory = (project.outdir / "org" / "directory.html").read_text("utf-8")
        assert "Service renommé" in directory, name
    assert f"org/{unit_id}.html" in written["orgchart"]
    assert "org/directory.html" in written["orgchart"]
    assert written["orgchart"] <= written["baseline"], written["orgchart"] - written["baseline"]


def test_the_ministry_shaped_package_can_be_edited_as_the_benchmark_edits() -> None:
    from benchmarks.generate import add_unit, pick_unit, rename_unit
    from benchmarks.ministry import build_ministry
    from benchmarks.run import SHAPES

    files = build_ministry(1)
    level = SHAPES["ministry"]
    unit_id = pick_unit(files, level)
    units = {u["id"]: u for c in files.values() for u in c.get("units", [])}
    assert units[unit_id]["level"] == level
    renamed = rename_unit(files, unit_id, "Bureau renommé")
    added = add_unit(renamed, units[unit_id]["parent"], "nouveau", level)
    new = [u for c in added.values() for u in c.get("units", []) if u["id"] == "nouveau"]
    assert new[0]["level"] == level
    assert new[0]["parent"] == units[unit_id]["parent"]
    for name in ("orgchart", "baseline"):
        sources = VARIANTS[name]("alabaster", list(FEATURES)).sources(added)
        assert any("Bureau renommé" in text for text in sources.values()), name


def test_the_peak_memory_is_the_builds_own_not_the_runners(tmp_path: Path) -> None:
    """A runner that holds more memory than the build it starts: Linux's ``ru_maxrss``
    reports the runner's peak for the build (Python starts it by ``vfork`` and ``exec``),
    the probe reports the build's own."""
    files = build(20, 1)
    project = Project(tmp_path / "small", VARIANTS["baseline"]("alabaster", []))
    project.sync(files)
    held = bytearray(400 * 1024 * 1024)  # the runner now holds 400 MiB
    held[::4096] = b"x" * len(held[::4096])  # touched: resident, not only reserved
    result = project.build()
    assert len(held) == 400 * 1024 * 1024
    assert 20 < result.maxrss_mib < 300  # a 20-unit handbook: under 300 MiB, not 400
    assert memory_file(project.root / "probe.json").exists()
    peak = peak_kib()
    assert peak is not None
    assert peak / 1024 > 400  # this process's own peak holds what it holds
