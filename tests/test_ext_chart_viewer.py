"""What the chart viewer reads from a page, and what is printed of a chart: its heading on
its page, its legend with it, nothing that only makes sense on the web."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from .sphinx_helpers import build, copy_root, warning_lines


def test_charts_carry_what_the_viewer_needs(tmp_path: Path) -> None:
    srcdir = copy_root("charts", tmp_path / "src")
    app, warnings = build(srcdir, "html")
    assert warning_lines(warnings) == []
    out = Path(app.outdir)
    page = (out / "index.html").read_text(encoding="utf-8")
    tag = re.search(r'<div class="orgchart-chart"[^>]*>', page)
    assert tag is not None
    attributes = dict(re.findall(r'(data-orgchart-[a-z]+)="([^"]*)"', tag.group(0)))
    boxes = json.loads(html.unescape(attributes["data-orgchart-boxes"]))
    assert boxes["ville-dg"][:2] == ["DGS — Direction générale des services", None]
    assert boxes["ville-drh"][1] == "ville-res"  # its parent: the path to the top
    assert "Service paie" in boxes["ville-drh"][2]  # listed in the DRH's box
    labels = json.loads(html.unescape(attributes["data-orgchart-labels"]))
    assert labels["fullscreen"] == "Plein écran"
    assert labels["found"] == "%(index)s sur %(count)s : %(path)s"
    # the SVG's natural size, in CSS pixels, to zoom from
    svg = re.search(r'data="(_images/orgchart-[0-9a-f]+\.svg)"', page)
    assert svg is not None
    head = (out / svg.group(1)).read_text(encoding="utf-8")
    width = re.search(r'<svg width="([\d.]+)pt"', head)
    assert width is not None
    width_pt = float(width.group(1))
    assert float(attributes["data-orgchart-width"]) == round(width_pt * 4 / 3, 1)
    assert '<div class="orgchart-frame"><object' in page
    assert "orgchart-viewer.js" in page


def test_print_keeps_headings_and_legends_with_their_charts(tmp_path: Path) -> None:
    srcdir = copy_root("charts", tmp_path / "src")
    app, warnings = build(srcdir, "latex")
    assert warning_lines(warnings) == []
    tex = (Path(app.outdir) / "organigrammes.tex").read_text(encoding="utf-8")
    # no link back to the overview on paper
    assert "retour" not in tex
    # each detailed chart's heading comes right before its chart, in the same environment
    # (the landscape page, when there is one), not before it is opened
    headings = [m.start() for m in re.finditer("Organigramme détaillé", tex)]
    assert headings
    for start in headings:
        following = tex[start : start + 400]
        assert "\\begin{landscape}" not in following
        assert "\\sphinxincludegraphics" in following
    # the legend is in its chart's paragraph, a break allowed only as a last resort
    assert re.search(
        r"\\sphinxincludegraphics\[width=[\d.]+in\]\{\{orgchart-[0-9a-f]+\}\.pdf\}\n"
        r"\\par\\penalty9999\\medskip\n\\sphinxincludegraphics\{\{orgchart-legend-",
        tex,
    )
