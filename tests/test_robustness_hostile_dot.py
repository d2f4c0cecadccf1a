"""Charts of the hostile corpus (``tests/data/hostile``) through the real ``dot``: names
stay labels, no node, link or element is injected."""

from __future__ import annotations

import json
from xml.etree import ElementTree

from sphinx_orgchart.graph import ChartSpec, build_charts, to_dot
from sphinx_orgchart.graph.grids import grid_id, grids
from sphinx_orgchart.graph.render import render

from .test_robustness_hostile import corpus


def test_dot_of_every_chart_holds_the_names_as_labels_only() -> None:
    """Each organisation's whole chart, with links, through the real ``dot``: one node per
    box, or per grid of boxes (no node injected), every link one of ours, every name in the
    SVG as text (no element or attribute made from the data)."""
    data = corpus()
    for org_id in data.organisations:
        for chart in build_charts(data, ChartSpec(organisation=org_id), org_id, org_id):
            links = {uid: f"org/{uid}.html" for uid in chart.unit_ids()}
            source = to_dot(chart, links)
            layout = json.loads(render(source, "json"))
            drawn = [o for o in layout["objects"] if "nodes" not in o]
            gridded = grids(chart)
            in_grids = {box_id for kids in gridded.values() for box_id in kids}
            expected = {b for b in chart.boxes if b not in in_grids}
            expected |= {grid_id(parent) for parent in gridded}
            assert sorted(o["name"] for o in drawn) == sorted(expected), org_id
            for obj in layout["objects"]:
                assert set(obj) <= DOT_ATTRIBUTES, set(obj) - DOT_ATTRIBUTES
            svg = render(source, "svg").decode("utf-8")
            root = ElementTree.fromstring(svg)  # well-formed: nothing broke out of a label
            hrefs = {
                value
                for element in root.iter()
                for name, value in element.attrib.items()
                if name.endswith("href")
            }
            assert hrefs <= set(links.values()), hrefs - set(links.values())
            assert not [e for e in root.iter() if e.tag.endswith("script")]
            texts = "".join(root.itertext())
            for uid in chart.unit_ids():
                sigle = data.units[uid].sigle
                if sigle and len(sigle) < 20:
                    assert sigle in texts, (uid, sigle)


DOT_ATTRIBUTES = {
    "_gvid",
    "name",
    "_draw_",
    "_ldraw_",
    "label",
    "shape",
    "style",
    "fillcolor",
    "color",
    "fontname",
    "fontsize",
    "margin",
    "height",
    "width",
    "pos",
    "penwidth",
    "tooltip",
    "URL",
    "href",
    "target",
    "id",
    "bb",
    "nodes",
    "edges",
    "subgraphs",
    "_subgraph_cnt",
    "lp",
    "lheight",
    "lwidth",
    "labeljust",
    "labelloc",
    "peripheries",
    "fontcolor",
    "cluster",
    "rank",
    "compound",
    "rankdir",
    "splines",
    "nodesep",
    "ranksep",
    "bgcolor",
    "pad",
    "ordering",
    "newrank",
    "class",
    "xdotversion",
    "directed",
    "strict",
}
