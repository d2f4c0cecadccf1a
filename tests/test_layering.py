"""The data layer (model, loader, validation, export, CLI) never imports Sphinx or docutils."""

from __future__ import annotations

import subprocess
import sys


def test_data_layer_imports_neither_sphinx_nor_docutils() -> None:
    code = (
        "import sys\n"
        "import sphinx_orgchart, sphinx_orgchart.model, sphinx_orgchart.loader\n"
        "import sphinx_orgchart.validate, sphinx_orgchart.export, sphinx_orgchart.cli\n"
        "import sphinx_orgchart.data, sphinx_orgchart.vocab, sphinx_orgchart.wording\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils'))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
