"""Build a package of tests/data/structure as a French handbook that fails on any warning
(the seeds' handbook, from another folder)."""

from __future__ import annotations

from pathlib import Path

from .seeds_helpers import write_handbook
from .sphinx_helpers import DATA, build, warning_lines

STRUCTURE = DATA / "structure"


def build_structure(package: str, target: Path, builder: str = "html") -> Path:
    """Build the package's handbook; fail on any warning (as ``-W`` does)."""
    srcdir = write_handbook(package, target, folder=STRUCTURE)
    app, warnings = build(srcdir, builder)
    assert warning_lines(warnings) == []
    return Path(app.outdir)
