"""One notion of a unit still to come (:meth:`Unit.is_coming`): planned with no date, or
starting after the date of the data, it is drawn as planned (dashed, "prévue") in the chart
of that date and listed as planned in the sub-units of its parent and in the directory; a
chart of another date shows the units of that date only (tests/data/coming)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from sphinx_orgchart.data import OrgData
from sphinx_orgchart.graph import ChartSpec, build_charts
from sphinx_orgchart.graph.model import Box, Chart, Row
from sphinx_orgchart.loader import load_package
from sphinx_orgchart.model import UnitStatus

from .audit import audit_html
from .seeds_helpers import charts_under, text_of
from .sphinx_helpers import DATA, build, warning_lines

PACKAGE = DATA / "coming"
COMING = ("cohesion", "vie-associative")


@pytest.fixture(scope="module")
def data() -> OrgData:
    result = load_package(PACKAGE)
    assert result.data is not None
    assert list(result.problems) == []
    return result.data


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = tmp_path_factory.mktemp("coming") / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        "\n".join(
            [
                'project = "Unités à venir"',
                'extensions = ["sphinx_orgchart"]',
                f"orgchart_data = {str(PACKAGE)!r}",
                'language = "fr"',
                'exclude_patterns = ["_build"]',
                "",
            ]
        ),
        encoding="utf-8",
    )
    pages = {
        "organigramme": "Organigramme\n============\n\n.. org:chart:: ville\n",
        "avant": "En 2015\n=======\n\n.. org:chart:: ville\n   :as-of: 2015-06-01\n",
        "annuaire": "Annuaire\n========\n\n.. org:directory::\n",
    }
    for name, text in pages.items():
        (srcdir / f"{name}.rst").write_text(text, encoding="utf-8")
    toc = "\n".join(f"   {name}" for name in pages)
    (srcdir / "index.rst").write_text(
        f"Unités à venir\n==============\n\n.. toctree::\n\n{toc}\n   org/index\n",
        encoding="utf-8",
    )
    app, warnings = build(srcdir, "html")
    assert warning_lines(warnings) == []
    return Path(app.outdir)


def test_both_ways_of_saying_it_are_one_notion(data: OrgData) -> None:
    day = data.as_of
    for uid in COMING:
        unit = data.units[uid]
        assert unit.is_coming(day)
        assert unit.is_shown_on(day)
        assert unit.status_on(day) is UnitStatus.planned
    assert not data.units["ancien-service"].is_shown_on(day)
    # once started, the experimental service is experimental
    assert data.units["vie-associative"].status_on(dt.date(2024, 9, 1)) is UnitStatus.experimental


def _row(chart: Chart, unit_id: str) -> tuple[Box, Row]:
    box_id = chart.box_of(unit_id)
    assert box_id is not None, unit_id
    box = chart.boxes[box_id]
    return box, next(r for r in (box.unit, *box.stacked) if r.unit_id == unit_id)


def test_the_chart_of_the_date_draws_them_dashed_as_planned(data: OrgData) -> None:
    chart = build_charts(data, ChartSpec(organisation="ville", language="fr"), "c", "c")[0]
    for uid in COMING:
        box, row = _row(chart, uid)
        assert row.status == "prévue", uid
        assert box.dashed or box.unit.unit_id != uid, uid
    assert chart.box_of("drh") is not None
    assert chart.box_of("ancien-service") is None


def test_a_chart_of_an_earlier_date_shows_the_units_of_then(data: OrgData) -> None:
    spec = ChartSpec(organisation="ville", as_of=dt.date(2015, 6, 1))
    chart = build_charts(data, spec, "c", "c")[0]
    assert chart.box_of("ancien-service") is not None
    assert chart.box_of("vie-associative") is None  # it starts in 2024
    assert chart.box_of("drh") is not None


def test_the_built_chart_marks_them(site: Path) -> None:
    chart = charts_under(site / "organigramme.html", "Organigramme")
    assert "Direction de la cohésion sociale (prévue)" in chart
    assert "Service Vie associative (prévue)" in chart
    assert "Service des fêtes" not in chart
    before = charts_under(site / "avant.html", "En 2015")
    assert "Service des fêtes" in before
    assert "Service Vie associative" not in before


def test_the_parent_lists_them_as_planned(site: Path) -> None:
    page = text_of(site / "org" / "dg.html")
    subunits = page[page.index("Sous-unités") :]
    assert re.search(r"Direction de la cohésion sociale\W* prévue", subunits)
    assert re.search(r"Service Vie associative\W* prévue", subunits)
    assert "Service des fêtes" not in subunits


def test_the_directory_lists_them_as_planned(site: Path) -> None:
    directory = text_of(site / "annuaire.html")
    assert re.search(r"Direction de la cohésion sociale\W* prévue", directory)
    assert re.search(r"Service Vie associative\W* prévue", directory)
    assert "expérimentale" not in directory  # not yet
    assert "Service des fêtes" not in directory


def test_the_pages_pass_the_html_audit(site: Path) -> None:
    assert audit_html(site).problems == []
