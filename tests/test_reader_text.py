"""The example handbook and the quickstart's project read as a reader reads them: the
``text`` builder's output of every page, in French and in English, holds no ISO date in
prose, no "1 janvier", no count of 1 with a plural noun, no "mot;", no breaking space
before French punctuation or inside a number, no act kind said twice (see readertext)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sphinx.writers.text

from sphinx_orgchart.cli import main

from .readertext import text_problems
from .sphinx_helpers import build, warning_lines

ROOT = Path(__file__).resolve().parent.parent
HANDBOOK = ROOT / "docs" / "handbook"


@pytest.fixture(autouse=True)
def _unwrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    # Paragraphs on one line: the text writer's wrapper breaks at no-break spaces (its
    # ``\s`` matches them), which would hide what the page says behind how it wraps.
    monkeypatch.setattr(sphinx.writers.text, "MAXWIDTH", 5000)


def _text(srcdir: Path, language: str, data: Path | None = None) -> Path:
    overrides = {"language": language}
    if data is not None:
        overrides["orgchart_data"] = str(data)
    app, warnings = build(srcdir, "text", confoverrides=overrides)
    assert warning_lines(warnings) == []
    return Path(app.outdir)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_example_handbook_reads_well(language: str, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(HANDBOOK, srcdir, ignore=shutil.ignore_patterns("_build", "org"))
    out = _text(srcdir, language, ROOT / "example_org")
    assert len(list(out.rglob("*.txt"))) > 240
    problems = text_problems(out, language)
    assert problems == [], "\n".join(problems[:40])


@pytest.mark.parametrize("language", ["fr", "en"])
def test_quickstart_project_reads_well(language: str, tmp_path: Path) -> None:
    target = tmp_path / "qs"
    args = ["quickstart", str(ROOT / "example_org"), "-o", str(target), "--lang", language]
    assert main(args) == 0
    out = _text(target, language)
    problems = text_problems(out, language)
    assert problems == [], "\n".join(problems[:40])
