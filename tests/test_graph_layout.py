"""The layout of the charts: every chart legible on A4, wide levels cut in parts or drawn as
grids, never a chart lost, attachments and categories shown, posters on their sheet."""

from __future__ import annotations

import itertools
import os
import stat
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest

from sphinx_orgchart.data import OrgData
from sphinx_orgchart.graph import ChartSpec, RenderError, build_charts, to_dot
from sphinx_orgchart.graph.dot import ROUTINGS, DotVariants, dot_variants
from sphinx_orgchart.graph.layout import estimate, fits, printable
from sphinx_orgchart.graph.model import EdgeKind
from sphinx_orgchart.graph.poster import SHEETS, poster
from sphinx_orgchart.graph.printing import best_print
from sphinx_orgchart.graph.render import pdf_size, render, render_best
from sphinx_orgchart.loader import load_package

from .sphinx_helpers import DATA

CRASH = DATA / "graphviz" / "ortho-crash-2.43.dot"


@pytest.fixture(scope="module")
def example(example_org: Path) -> OrgData:
    data = load_package(example_org).data
    assert data is not None
    return data


@pytest.fixture(scope="module")
def ministry(tmp_path_factory: pytest.TempPathFactory) -> OrgData:
    from benchmarks.ministry import write_ministry

    data = load_package(write_ministry(tmp_path_factory.mktemp("ministry"))).data
    assert data is not None
    return data


def _printed_scale(chart_dot: str) -> float:
    size = pdf_size(render(chart_dot, "pdf"))
    assert size is not None
    width, height = size
    return min(1.0, max(min(6.2 / width, 8.8 / height), min(9.2 / width, 5.9 / height)))


def test_a_ministry_without_head_is_cut_within_max_boxes(ministry: OrgData) -> None:
    """19 top units and no head above them; one level of 200 embassies."""
    charts = build_charts(ministry, ChartSpec(organisation="ministere"), "m", "Ministère")
    assert all(len(c.boxes) <= 40 for c in charts)
    assert all(fits(c, 40) for c in charts)
    overviews = [c for c in charts if c.id == "m" or c.id.startswith("m--part")]
    assert {f"dg{n}" for n in range(1, 21)} <= {t for c in overviews for t in c.tops}
    embassies = [c for c in charts if c.id == "m--dg1" or c.id.startswith("m--dg1--part")]
    assert len(embassies) > 4
    assert all(c.part is not None for c in embassies)
    shown = {u for c in embassies for u in c.unit_ids()}
    assert {f"poste{n}" for n in range(1, 201)} <= shown
    # each part leads to the next one
    assert all(
        any(b.continued_in == nxt.id for b in part.boxes.values())
        for part, nxt in itertools.pairwise(embassies)
    )


def test_wide_levels_print_at_7_pt_or_more(ministry: OrgData) -> None:
    charts = build_charts(ministry, ChartSpec(organisation="ministere"), "m", "Ministère")
    for chart in [
        charts[0],
        *[c for c in charts if c.id == "m--dg1" or c.id.startswith("m--dg1--part")][:2],
    ]:
        assert _printed_scale(to_dot(chart)) >= 0.7, chart.id


def test_top_units_without_a_head_are_wrapped(example: OrgData) -> None:
    """The Besançon shape: six pôles, no DGS above them (the chart of the pôles alone)."""
    poles = tuple(
        u.id for u in example.units.values() if u.level == "pole" and u.organisation == "ville"
    )
    spec = ChartSpec(roots=poles, organisation="ville", depth=1)
    charts = build_charts(example, spec, "p", "Pôles")
    assert all(fits(c, 40) for c in charts)
    assert _printed_scale(to_dot(charts[0])) >= 0.7


def test_the_estimate_is_close_to_the_drawing(example: OrgData) -> None:
    for chart in build_charts(example, ChartSpec(organisation="ville"), "v", "V")[:4]:
        size = pdf_size(render(to_dot(chart, graph_attrs={"splines": "polyline"}), "pdf"))
        assert size is not None
        width, height = estimate(chart)
        assert 0.75 < width / size[0] < 1.25, chart.id
        assert 0.75 < height / size[1] < 1.25, chart.id
    assert printable(12.5, 7.8)
    assert not printable(19.0, 8.0)


def test_a_chart_that_dot_243_cannot_route_is_drawn_with_another_routing() -> None:
    """A DOT found by fuzzing our charts: Graphviz 2.43 aborts on it with splines=ortho
    (maze.c:311: chkSgraph: Assertion `np->cells[0]' failed)."""
    source = CRASH.read_text(encoding="utf-8")
    version = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr
    if "2.43" in version:
        with pytest.raises(RenderError, match=r"Assertion|stopped"):
            render(source, "svg")
    variants = [source, source.replace("splines=ortho", "splines=polyline")]
    drawing = render_best(variants, "svg")
    assert drawing.data.startswith(b"<?xml")
    if "2.43" in version:
        assert drawing.variant == 1
        assert drawing.failures


def _fake_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``dot`` on PATH that aborts on right angles, as Graphviz 2.43 does on some charts."""
    real = subprocess.run(["which", "dot"], capture_output=True, text=True).stdout.strip()
    script = tmp_path / "dot"
    script.write_text(
        "#!/bin/sh\n"
        'input=$(cat)\ncase "$input" in *splines=ortho*)\n'
        '  echo "dot: maze.c:311: chkSgraph: Assertion \\`np->cells[0]\' failed." >&2\n'
        "  exit 134;;\nesac\n"
        f'printf "%s" "$input" | {real} "$@"\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")


def test_never_lose_a_chart_nor_the_good_drawing(
    example: OrgData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chart = build_charts(example, ChartSpec(organisation="ccas"), "c", "CCAS")[0]
    _fake_dot(tmp_path, monkeypatch)
    drawing = render_best(dot_variants(chart), "pdf")
    assert drawing.variant == 1
    assert "Assertion" in drawing.failures[0]
    # a narrower retry that fails keeps the first, good drawing
    calls: list[int] = []

    def draw(width: int) -> bytes | None:
        calls.append(width)
        if len(calls) == 1:
            return render_best(dot_variants(chart), "pdf").data
        return None

    best = best_print(chart.row_width, draw)
    assert best is not None
    assert best[0] == chart.row_width


def test_secondary_attachments_are_drawn_by_default(example: OrgData) -> None:
    """The Mission Communication interne (of the DirCom) is also attached to the DRH."""
    charts = build_charts(
        example, ChartSpec(roots=("ville-drh",), organisation="ville"), "d", "DRH"
    )
    box = charts[0].boxes["ville-mission-communication-interne"]
    assert box.dashed
    assert box.unit.also_under
    assert any(e.kind is EdgeKind.attached for e in charts[0].edges)
    off = ChartSpec(roots=("ville-drh",), organisation="ville", show_secondary=False)
    assert (
        "ville-mission-communication-interne" not in build_charts(example, off, "d", "D")[0].boxes
    )


def test_categories_are_written_in_the_boxes(example: OrgData) -> None:
    chart = build_charts(example, ChartSpec(organisation="ville"), "v", "V")[0]
    tagged = [b for b in chart.boxes.values() if b.category]
    assert tagged
    assert all(b.unit.tag for b in tagged)
    assert "[Pôle opérationnel]" in to_dot(chart)


@pytest.mark.parametrize("paper", ["a4", "a3", "a1"])
def test_posters_have_the_size_of_their_sheet(example: OrgData, tmp_path: Path, paper: str) -> None:
    pdf = tmp_path / f"poster-{paper}.pdf"
    pdf.write_bytes(poster(example, ChartSpec(organisation="ccas"), "pdf", paper))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "Syntax Error" not in info.stderr
    line = next(x for x in info.stdout.splitlines() if x.startswith("Page size:"))
    width, height = (float(v) for v in line.split(":")[1].split("pts")[0].split(" x "))
    assert (width, height) == pytest.approx(SHEETS[paper], abs=3)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Centre communal" in text or "CCAS" in text


def test_the_routings_other_than_the_first_are_written_only_when_drawn() -> None:
    """``dot`` draws nearly every chart with right angles: the other DOT sources of a
    chart are written only when it fails on them (:class:`DotVariants`)."""
    written: list[dict[str, str]] = []

    def write(routing: Mapping[str, str]) -> str:
        written.append(dict(routing))
        return f"digraph {{ {len(written)} }}"

    variants = DotVariants(write)
    assert len(variants) == len(ROUTINGS)
    assert written == []
    first = variants[0]
    assert variants[0] == first
    assert written == [{}]  # written once, then kept
    assert variants[-1] == "digraph { 2 }"
    assert written[-1] == ROUTINGS[-1]
    with pytest.raises(IndexError):
        variants[len(ROUTINGS)]
    assert list(variants) == variants[:]
    assert len(written) == len(ROUTINGS)


def test_render_best_writes_the_next_routing_only_after_a_failure(
    example: OrgData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chart = build_charts(example, ChartSpec(organisation="ccas"), "c", "CCAS")[0]
    variants = dot_variants(chart)
    render_best(variants, "svg")
    assert sorted(variants._sources) == [0]  # drawn with the first: no other written
    _fake_dot(tmp_path, monkeypatch)
    again = dot_variants(chart)
    drawing = render_best(again, "svg")
    assert drawing.variant == 1
    assert sorted(again._sources) == [0, 1]
