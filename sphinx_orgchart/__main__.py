"""``python -m sphinx_orgchart``: the same as the ``sphinx-orgchart`` command."""

import sys

from .cli import main

sys.exit(main())
