"""A fontconfig setup without the charts' font, for the tests of what a machine lacking it
is told (Graphviz reads ``FONTCONFIG_FILE`` like every fontconfig program)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from sphinx_orgchart.graph.fonts import forget_resolved_family


def fontconfig_with(folder: Path, fonts: list[Path]) -> Path:
    """A fontconfig file in ``folder`` that knows only ``fonts`` (copied there)."""
    (folder / "fonts").mkdir(parents=True)
    for font in fonts:
        (folder / "fonts" / font.name).write_bytes(font.read_bytes())
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><dir>{folder / 'fonts'}</dir><cachedir>{folder / 'cache'}</cachedir>"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def hide_chart_font(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on in this test, Graphviz sees one DejaVu Sans (or no font at all)."""
    found = subprocess.run(
        ["fc-list", "--format", "%{file}\\n", "DejaVu Sans:style=Book"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    monkeypatch.setenv(
        "FONTCONFIG_FILE", str(fontconfig_with(folder, [Path(f) for f in found[:1]]))
    )
    forget_resolved_family()


def restore_chart_font(monkeypatch: pytest.MonkeyPatch) -> None:
    """Undo :func:`hide_chart_font`."""
    monkeypatch.undo()
    forget_resolved_family()
