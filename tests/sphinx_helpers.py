"""Build test projects in a temporary folder, with the extension's warnings collected."""

from __future__ import annotations

import shutil
import subprocess
from io import StringIO
from pathlib import Path
from typing import Any

from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).resolve().parent / "roots"
DATA = Path(__file__).resolve().parent / "data"


def copy_root(name: str, target: Path) -> Path:
    """Copy ``tests/roots/test-<name>`` to ``target`` (links followed) and return it."""
    shutil.copytree(ROOTS / f"test-{name}", target, symlinks=False)
    return target


def make_app(srcdir: Path, builder: str = "html", **kwargs: Any) -> SphinxTestApp:
    """A test application on ``srcdir``, building into ``srcdir/_build``."""
    kwargs.setdefault("status", StringIO())
    kwargs.setdefault("warning", StringIO())
    return SphinxTestApp(builder, srcdir=srcdir, builddir=srcdir / "_build", **kwargs)


def build(srcdir: Path, builder: str = "html", **kwargs: Any) -> tuple[SphinxTestApp, str]:
    """Build ``srcdir`` with ``builder``; return the application and its warnings."""
    app = make_app(srcdir, builder, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app, app.warning.getvalue()  # type: ignore[attr-defined]


def warning_lines(text: str) -> list[str]:
    """Warnings without colour codes, one per line."""
    import re

    clean = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return [line for line in clean.splitlines() if "WARNING" in line or "ERROR" in line]


def make_pdf(outdir: Path) -> subprocess.CompletedProcess[str]:
    """Run the Makefile Sphinx writes with the LaTeX sources (latexmk, xindy options)."""
    return subprocess.run(
        [
            "make",
            "-C",
            str(outdir),
            "all-pdf",
            "LATEXMKOPTS=-halt-on-error -interaction=nonstopmode",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
