"""The corpus of broken packages: each one must produce exactly its expected messages.

Each folder of ``tests/data/bad/`` is a package (or a package that fails to be one) with an
``expected.txt`` listing, one per line, the problems ``sphinx-orgchart validate`` prints in
English, paths relative to the folder. An optional ``expected.fr.txt`` gives the French.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_orgchart.cli import main
from sphinx_orgchart.loader import load_package

BAD = Path(__file__).resolve().parent / "data" / "bad"
CASES = sorted(p for p in BAD.iterdir() if p.is_dir())


def _expected(case: Path, name: str) -> list[str]:
    return [
        line
        for line in (case / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_package_messages(case: Path) -> None:
    result = load_package(case)
    got = [problem.format("en", base=case) for problem in result.problems]
    assert got == _expected(case, "expected.txt")


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if (c / "expected.fr.txt").exists()],
    ids=[c.name for c in CASES if (c / "expected.fr.txt").exists()],
)
def test_bad_package_messages_in_french(case: Path) -> None:
    result = load_package(case)
    got = [problem.format("fr", base=case) for problem in result.problems]
    assert got == _expected(case, "expected.fr.txt")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_cli_reports_without_traceback(
    case: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(case)
    status = main(["validate", ".", "--lang", "en"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    expected = _expected(case, "expected.txt")
    has_error = any(": error: " in line for line in expected)
    assert status == (1 if has_error else 0)
    printed = [line for line in out.splitlines() if ": error: " in line or ": warning: " in line]
    assert printed == expected
