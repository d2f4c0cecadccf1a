"""Unit names in references, taken from the data when the document is written.

The directory and the unit blocks name many units (rows, sub-units, parents). Their
references carry ``orgchart_name``: the text of the link is set from the data at write
time, so that renaming a unit rewrites these documents instead of reading them again (see
:func:`~sphinx_orgchart.sphinx.state.note_deps`). The read-time text stays when the data
cannot be loaded.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .state import get_state

__all__ = ["LiveNames"]


class LiveNames(SphinxPostTransform):
    """Set the text of the references marked ``orgchart_name`` from the current data:
    ``label`` gives the name and the sigle, ``short`` the sigle, else the name."""

    default_priority = 5  # before the references are resolved (10)

    def run(self, **kwargs: Any) -> None:
        data = get_state(self.env).data
        if data is None:
            return
        for node in self.document.findall(addnodes.pending_xref):
            form = node.get("orgchart_name")
            if not form:
                continue
            unit = data.units.get(node["reftarget"])
            if unit is None or not node.children:
                continue
            text = unit.label if form == "label" else (unit.sigle or unit.name)
            inner = node.children[0]
            if isinstance(inner, nodes.Element):
                inner.children = []
                inner += nodes.Text(text)
