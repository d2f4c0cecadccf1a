"""``.. orgchart-example::``: a reStructuredText example, shown as its source and then as
what the extension makes of it, from the example package.

The docs build with ``-W``: an example that names a unit, a level or an option the package or
the extension does not have fails the build, so the examples cannot go stale.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata


class ExampleDirective(SphinxDirective):
    """The content, as a code block, then parsed."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        source = "\n".join(self.content)
        code = nodes.literal_block(source, source, language="rst")
        self.set_source_info(code)
        result = nodes.container(classes=["orgchart-example-result"])
        self.state.nested_parse(self.content, self.content_offset, result)
        return [code, result]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_directive("orgchart-example", ExampleDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
