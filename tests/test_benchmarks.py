"""The benchmark harness runs (a smoke test: no timing is asserted, see benchmarks/)."""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks.charts import page_charts
from benchmarks.generate import build
from benchmarks.measure import Project
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
