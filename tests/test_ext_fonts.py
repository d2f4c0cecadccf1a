"""A build on a machine without the charts' font warns once, naming the package."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_orgchart.graph.fonts import FONT_PACKAGE

from .fontconfig import hide_chart_font, restore_chart_font
from .sphinx_helpers import build, copy_root, warning_lines

TWO_POSTERS = "\n.. org:poster:: ville\n   :paper: a4\n"


def test_a_build_without_the_charts_font_warns_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    srcdir = copy_root("charts", tmp_path / "charts")
    with (srcdir / "index.rst").open("a", encoding="utf-8") as index:
        index.write(TWO_POSTERS)
    hide_chart_font(tmp_path / "fontconfig", monkeypatch)
    try:
        _, warnings = build(srcdir, "html")
    finally:
        restore_chart_font(monkeypatch)
    font = [line for line in warning_lines(warnings) if "[orgchart.font]" in line]
    assert len(font) == 1, warning_lines(warnings)
    assert FONT_PACKAGE in font[0]
    assert "index.rst:4:" in font[0]  # at the first chart drawn


def test_a_build_with_the_charts_font_says_nothing(tmp_path: Path) -> None:
    srcdir = copy_root("charts", tmp_path / "charts")
    _, warnings = build(srcdir, "html")
    assert warning_lines(warnings) == []
