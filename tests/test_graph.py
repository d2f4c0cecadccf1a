"""The chart model and its DOT, without Sphinx; then rendered by the real ``dot``."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from sphinx_orgchart.data import OrgData
from sphinx_orgchart.graph import ChartSpec, build_charts, dot_version, render, to_dot
from sphinx_orgchart.graph.fonts import (
    FONT,
    FONT_FAMILY,
    FONT_PACKAGE,
    font_substitute,
    resolved_family,
)
from sphinx_orgchart.graph.layout import fits
from sphinx_orgchart.graph.model import EdgeKind
from sphinx_orgchart.graph.printing import LANDSCAPE, MIN_SCALE, PORTRAIT, place
from sphinx_orgchart.graph.render import fixed_pdf_dates, pdf_size
from sphinx_orgchart.loader import load_package

from .fontconfig import hide_chart_font, restore_chart_font
from .sphinx_helpers import DATA


@pytest.fixture(scope="module")
def chart_font() -> str:
    """Sizes hold only with the charts' font: say which package to install when it lacks."""
    substitute = font_substitute()
    if substitute is not None:
        pytest.fail(
            f"Graphviz draws the charts in {substitute or 'no font'}, not {FONT_FAMILY}: "
            f"chart sizes are wrong on this machine. Install the package {FONT_PACKAGE} "
            f"(scripts/install-system-deps.sh graphviz, or apt-get install {FONT_PACKAGE})",
            pytrace=False,
        )
    return FONT_FAMILY


@pytest.fixture
def without_chart_font(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Graphviz sees no font but one DejaVu Sans (or none at all) in this test."""
    hide_chart_font(tmp_path, monkeypatch)
    yield tmp_path
    restore_chart_font(monkeypatch)


@pytest.fixture(scope="module")
def mini() -> OrgData:
    data = load_package(DATA / "mini").data
    assert data is not None
    return data


@pytest.fixture(scope="module")
def example(example_org: Path) -> OrgData:
    data = load_package(example_org).data
    assert data is not None
    return data


def test_boxes_stack_services_under_their_direction(mini: OrgData) -> None:
    [chart] = build_charts(mini, ChartSpec(organisation="ville"), "c", "Ville")
    assert chart.tops == ["ville-dg"]
    drh = chart.boxes["ville-drh"]
    assert [row.unit_id for row in drh.stacked] == ["ville-paie", "ville-carrieres"]
    assert "ville-paie" not in chart.boxes
    # closed units are not drawn; a unit still to come (a future date) is drawn as planned
    assert "ville-old" not in chart.unit_ids()
    futur = chart.box_of("ville-futur")
    assert futur is not None
    rows = [chart.boxes[futur].unit, *chart.boxes[futur].stacked]
    assert next(r for r in rows if r.unit_id == "ville-futur").status == "prévue"
    # a chart of an earlier date than the data's shows only the units of then
    [before] = build_charts(
        mini, ChartSpec(organisation="ville", as_of=mini.as_of - dt.timedelta(days=1)), "c", "V"
    )
    assert "ville-futur" not in before.unit_ids()
    # the direction rattachée directement is beside the top
    assert any(
        e.source == "ville-dg" and e.target == "ville-com" and e.kind is EdgeKind.direct
        for e in chart.edges
    )


def test_shared_units_of_another_organisation_are_drawn_dashed(mini: OrgData) -> None:
    [chart] = build_charts(mini, ChartSpec(organisation="ville"), "c", "Ville")
    # The Métropole's DSI, shared with the Ville and attached nowhere in it, is in a dashed
    # box of the Métropole's shared units, under the top.
    group = chart.boxes["shared-from-metropole"]
    assert group.dashed
    assert [row.unit_id for row in group.stacked] == ["metro-dsi"]
    assert group.stacked[0].shared_from == "Métropole"
    assert any(
        e.target == "shared-from-metropole" and e.kind is EdgeKind.shared for e in chart.edges
    )
    assert "metro-dsi" in chart.unit_ids()
    [without] = build_charts(mini, ChartSpec(organisation="ville", show_shared=False), "c", "V")
    assert "metro-dsi" not in without.unit_ids()
    # and the Ville's shared DRH is in the Métropole's chart
    [metro] = build_charts(mini, ChartSpec(organisation="metropole"), "m", "Métropole")
    assert "ville-drh" in metro.unit_ids()


def test_shared_units_attached_somewhere_are_drawn_there(example: OrgData) -> None:
    charts = build_charts(example, ChartSpec(organisation="ville"), "v", "Ville")
    # The Métropole's DSI is attached to the Ville's pôle Ressources: it is drawn there.
    pole = next(c for c in charts if c.id == "v--ville-pole-rm")
    assert pole.boxes["metro-dsi"].dashed
    assert pole.boxes["metro-dsi"].unit.shared_from == "Métropole"


def test_depth_levels_and_date(mini: OrgData) -> None:
    [one] = build_charts(mini, ChartSpec(organisation="ville", depth=1), "c", "V")
    assert set(one.boxes) == {
        "ville-dg",
        "ville-com",
        "ville-res",
        "ville-pop",
        "shared-from-metropole",
    }
    [no_poles] = build_charts(
        mini, ChartSpec(organisation="ville", exclude_levels=frozenset({"pole"})), "c", "V"
    )
    assert "ville-res" not in no_poles.boxes
    assert "ville-drh" in no_poles.children["ville-dg"]  # passed through to the DG
    [old] = build_charts(mini, ChartSpec(organisation="ville", as_of=dt.date(2024, 6, 1)), "c", "V")
    assert "ville-old" in old.unit_ids()
    [future] = build_charts(
        mini, ChartSpec(organisation="ville", as_of=dt.date(2027, 6, 1)), "c", "V"
    )
    assert "ville-futur" in future.boxes
    # planned, starting 2027-01-01: in the target view it exists, no longer "(prévue)"
    assert future.boxes["ville-futur"].unit.status is None
    assert not future.boxes["ville-futur"].dashed


def test_big_charts_are_split_into_an_overview_and_one_chart_per_pole(example: OrgData) -> None:
    charts = build_charts(example, ChartSpec(organisation="ville", legend=True), "ville", "Ville")
    overview, *details = charts
    poles = [
        u.id for u in example.units.values() if u.level == "pole" and u.organisation == "ville"
    ]
    assert set(poles) <= set(overview.boxes)
    # one chart per pôle; a pôle too big to print legibly whole has its own detailed charts
    assert {f"ville--{p}" for p in poles} <= {c.id for c in details}
    assert all(overview.boxes[p].continued_in == f"ville--{p}" for p in poles)
    assert all(c.parent_chart == "ville" for c in details if c.id.count("--") == 1)
    assert all(fits(c, 40) for c in charts)
    # every current unit of the Ville is in exactly one of the charts (with the boxes cut
    # off repeated as the top of their own chart)
    shown = {u for c in charts for u in c.unit_ids()}
    current = {
        u.id
        for u in example.units.values()
        if u.organisation == "ville"
        and (u.is_valid_on(example.as_of) or (u.status == "planned" and not u.valid_from))
    }
    assert current <= shown
    for chart in charts:
        assert len(chart.boxes) <= 40
        assert chart.legend


def test_dot_is_deterministic_and_complete(example: OrgData) -> None:
    first = [to_dot(c) for c in build_charts(example, ChartSpec(organisation="ville"), "v", "V")]
    again = [to_dot(c) for c in build_charts(example, ChartSpec(organisation="ville"), "v", "V")]
    assert first == again
    assert "ordering=out" in first[0]


def test_dot_links_only_where_given(mini: OrgData) -> None:
    [chart] = build_charts(mini, ChartSpec(organisation="ville"), "c", "V")
    assert "HREF" not in to_dot(chart)
    source = to_dot(chart, {"ville-drh": "org/ville-drh.html#x"})
    assert source.count("HREF") == 1
    assert 'HREF="org/ville-drh.html#x" TARGET="_top"' in source


HOSTILE = '"];  x [URL="javascript:alert(1)"] <script>{}|<>\\N & % # _ ~ ^'


def test_hostile_names_stay_text(mini: OrgData, tmp_path: Path) -> None:
    unit = mini.units["ville-drh"].model_copy(update={"name": HOSTILE, "sigle": "<b>S</b>"})
    package = mini.package.model_copy(
        update={"units": [unit if u.id == "ville-drh" else u for u in mini.package.units]}
    )
    data = OrgData(package, mini.origins)
    [chart] = build_charts(data, ChartSpec(organisation="ville"), "c", "V")
    source = to_dot(chart)
    layout = json.loads(render(source, "json"))
    drawn = [o for o in layout["objects"] if "nodes" not in o]  # nodes, not subgraphs
    assert len(drawn) == len(chart.boxes)  # no injected node
    assert "javascript" not in json.dumps([o.get("URL", "") for o in layout["objects"]])
    svg = render(source, "svg").decode()
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg
    assert "\\N" in svg  # the backslash sequence is printed, not interpreted


def test_real_dot_gives_identical_svg_with_links(mini: OrgData) -> None:
    [chart] = build_charts(mini, ChartSpec(organisation="ville"), "c", "V")
    source = to_dot(chart, {u: f"{u}.html" for u in chart.unit_ids()})
    svg = render(source, "svg")
    assert svg == render(source, "svg")
    text = svg.decode()
    assert 'xlink:href="ville-paie.html"' in text
    assert 'target="_top"' in text
    assert "Direction des ressources humaines" in text


def test_pdf_size(mini: OrgData) -> None:
    [chart] = build_charts(mini, ChartSpec(organisation="ville"), "c", "V")
    size = pdf_size(render(to_dot(chart), "pdf"))
    assert size is not None
    assert 3 < size[0] < 30
    assert 1 < size[1] < 20


@pytest.mark.parametrize(
    ("width", "height", "landscape", "scale"),
    [
        (5.0, 4.0, False, 1.0),  # fits as it is
        (8.0, 4.0, False, PORTRAIT[0] / 8.0),  # shrunk on the portrait page, still legible
        (11.0, 5.0, True, LANDSCAPE[0] / 11.0),  # needs the landscape page
        (20.0, 5.0, True, LANDSCAPE[0] / 20.0),  # too big: the build warns
    ],
)
def test_print_placement_rule(width: float, height: float, landscape: bool, scale: float) -> None:
    placement = place(width, height)
    assert placement.landscape is landscape
    assert placement.scale == pytest.approx(scale)
    assert placement.legible is (scale >= MIN_SCALE)


@pytest.mark.usefixtures("chart_font")
def test_every_chart_of_example_org_prints_legibly(example: OrgData) -> None:
    """The rule of the documentation, checked on the charts the handbook draws."""
    sizes = []
    for org in example.organisations:
        for chart in build_charts(example, ChartSpec(organisation=org, legend=True), org, org):
            size = pdf_size(render(to_dot(chart), "pdf"))
            assert size is not None
            placement = place(*size)
            sizes.append((chart.id, round(size[0], 1), placement.landscape))
            assert placement.legible, (chart.id, size)
    assert re.search("landscape|True", str(sizes)) or sizes


def test_a_shared_unit_is_in_the_charts_of_both_organisations(example: OrgData) -> None:
    for unit in example.shared_units:
        if not unit.is_valid_on(example.as_of):
            continue
        for org in example.organisations_of(unit):
            charts = build_charts(example, ChartSpec(organisation=org), org, org)
            assert any(unit.id in c.unit_ids() for c in charts), (unit.id, org)


def test_left_right_direction(mini: OrgData) -> None:
    from sphinx_orgchart.graph import Direction

    [chart] = build_charts(
        mini, ChartSpec(organisation="ville", direction=Direction.left_right), "c", "V"
    )
    assert "rankdir=LR" in to_dot(chart)


def test_secondary_attachments_are_dashed_links(example: OrgData) -> None:
    charts = build_charts(
        example, ChartSpec(organisation="ville", show_secondary=True, split=False), "v", "V"
    )
    secondary = [e for e in charts[0].edges if e.kind is EdgeKind.secondary]
    assert secondary
    assert "[constraint=false style=dashed]" in to_dot(charts[0])


@pytest.mark.usefixtures("chart_font")
def test_the_ville_chart_has_the_same_size_on_every_machine(example: OrgData) -> None:
    """Measured with Liberation Sans (DejaVu Sans gave 14.07 × 6.26 in, not legible)."""
    if dot_version() != "2.43.0":
        pytest.skip(f"sizes measured with Graphviz 2.43.0, this is {dot_version()}")
    ville = build_charts(example, ChartSpec(organisation="ville", legend=True), "ville", "V")[0]
    size = pdf_size(render(to_dot(ville), "pdf"))
    assert size is not None
    # with the direction to come on 1 January 2027 (the DTE), drawn as planned
    assert size == pytest.approx((10.88, 6.46), abs=0.01)
    assert place(*size).legible


def test_the_svg_names_the_font_then_its_metric_twins(mini: OrgData) -> None:
    [chart] = build_charts(mini, ChartSpec(organisation="ville"), "c", "V")
    svg = render(to_dot(chart), "svg").decode()
    families = set(re.findall(r'font-family="([^"]*)"', svg))
    assert families == {FONT}
    assert FONT.split(",") == [FONT_FAMILY, "Arial", "Helvetica", "sans-serif"]


@pytest.mark.usefixtures("chart_font")
def test_dot_draws_in_the_installed_font() -> None:
    assert resolved_family() == FONT_FAMILY
    assert font_substitute() is None


def test_a_machine_without_the_font_is_told(without_chart_font: Path) -> None:
    substitute = font_substitute()
    assert substitute is not None
    assert substitute in ("DejaVu Sans", "")  # "" when fontconfig finds no font at all


def test_pdf_dates_are_source_date_epoch(mini: OrgData, monkeypatch: pytest.MonkeyPatch) -> None:
    [chart] = build_charts(mini, ChartSpec(organisation="ville"), "c", "V")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    pdf = render(to_dot(chart), "pdf")
    assert re.findall(rb"/CreationDate \(D:(\d+)", pdf) == [b"20231114221320"]
    drawn = b"/CreationDate (D:20261201153508+01'00)\n/ModDate (D:20261201153508-05'30')"
    fixed = fixed_pdf_dates(drawn)
    assert fixed == b"/CreationDate (D:20231114221320+00'00)\n/ModDate (D:20231114221320+00'00')"
    assert len(fixed) == len(drawn)  # the cross-reference offsets stay right
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert fixed_pdf_dates(drawn) == drawn
