"""The command line: exit statuses, summaries, languages, files written safely."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_orgchart.cli import main
from sphinx_orgchart.graph.fonts import FONT_PACKAGE

from .fontconfig import hide_chart_font, restore_chart_font


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


def test_validate_example_org(example_org: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["validate", str(example_org), "--lang", "en"], capsys)
    assert status == 0
    assert "0 errors, 0 warnings" in out
    assert "Ville de Belcourt (ville):" in out
    assert "Units per level:" in out
    assert "Shared units per mode:" in out


def test_validate_in_french(example_org: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["validate", str(example_org), "--lang", "fr"], capsys)
    assert status == 0
    assert "0 erreur, 0 avertissement" in out
    assert "Unités par niveau :" in out
    assert "service commun" in out


def test_language_follows_the_locale(
    example_org: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    _, out, _ = run(["validate", str(example_org), "-q"], capsys)
    assert "0 erreur" in out


def test_the_done_when_scenario(
    example_org: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A copy of example_org with four mistakes: each reported with file and line, exit 1."""
    copy = tmp_path / "org"
    shutil.copytree(example_org, copy)
    files = sorted(copy.rglob("*.yaml"))
    unit_files = [p for p in files if "units:" in p.read_text(encoding="utf-8")]
    target = unit_files[0]
    text = target.read_text(encoding="utf-8")
    lines = text.splitlines()
    # 1. a duplicate id: a second record with the first unit's id, in another file.
    first_id = next(line.split("id:")[1].strip() for line in lines if "- id:" in line)
    (copy / "zz-duplicate.yaml").write_text(
        "units:\n"
        f"  - id: {first_id}\n    name: Doublon\n    level: service\n    organisation: ville\n"
        # 2. an unknown parent
        "  - id: zz-orphan\n    name: Orpheline\n    level: service\n    parent: zz-nowhere\n"
        "    head: {title: Chef}\n"
        # 3. a cycle
        "  - id: zz-a\n    name: A\n    level: service\n    parent: zz-b\n    head: {title: A}\n"
        "  - id: zz-b\n    name: B\n    level: service\n    parent: zz-a\n    head: {title: B}\n",
        encoding="utf-8",
    )
    # 4. a YAML syntax error in another file.
    (copy / "zz-syntax.yaml").write_text(
        "units:\n  - id: zz-c\n    name: [oops\n", encoding="utf-8"
    )
    status, out, err = run(["validate", str(copy), "--lang", "en"], capsys)
    assert status == 1
    assert "Traceback" not in out + err
    dup = copy / "zz-duplicate.yaml"
    assert f"{dup}:2: error: the id '{first_id}' is used twice in 'units'" in out
    assert f"{dup}:9: error: parent: unknown id 'zz-nowhere' among the units" in out
    assert "the units zz-a → zz-b → zz-a form a cycle" in out
    assert f"{copy / 'zz-syntax.yaml'}:3: error: YAML syntax error" in out
    # The duplicate's other place is named too.
    assert (
        f": error: the id '{first_id}' is used twice in 'units'; the other is at "
        "zz-duplicate.yaml:2" in out
    )


def test_export_json_to_file_is_atomic_and_safe(
    example_org: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.json"
    assert run(["export", str(example_org), "-o", str(target)], capsys)[0] == 0
    first = target.read_bytes()
    json.loads(first)
    target.write_text("hand-written", encoding="utf-8")
    status, _, err = run(["export", str(example_org), "-o", str(target), "--lang", "en"], capsys)
    assert status == 1
    assert "already exists" in err
    assert target.read_text(encoding="utf-8") == "hand-written"
    assert run(["export", str(example_org), "-o", str(target), "--force"], capsys)[0] == 0
    assert target.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def test_export_refuses_a_broken_package(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "orgchart.yaml").write_text(
        "package: {name: x, as_of: 2026-01-01}\nunits: [{id: a}]\n", encoding="utf-8"
    )
    status, out, err = run(["export", str(tmp_path), "--format", "csv", "--lang", "en"], capsys)
    assert status == 1
    assert out == ""
    assert "the field 'name' is required" in err
    assert "nothing was written" in err


def test_export_csv_to_stdout(example_org: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["export", str(example_org), "--format", "csv", "--excel"], capsys)
    assert status == 0
    assert out.startswith("\ufeffid;name;sigle;")


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["schema"], capsys)
    assert status == 0
    assert json.loads(out)["$schema"].endswith("2020-12/schema")


def test_strict_fails_on_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "orgchart.yaml").write_text(
        "package: {name: x, as_of: 2026-01-01}\n"
        "organisations: [{id: v, name: V, kind: commune}]\n"
        "levels: [{id: dg, name: DG, rank: 0}]\n"
        "units: [{id: a, name: A, level: dg, organisation: v}]\n",
        encoding="utf-8",
    )
    assert run(["validate", str(tmp_path), "-q"], capsys)[0] == 0
    assert run(["validate", str(tmp_path), "-q", "--strict"], capsys)[0] == 1


def test_python_dash_m_and_console_script(example_org: Path) -> None:
    env = {**os.environ, "LANG": "C"}
    done = subprocess.run(
        [sys.executable, "-m", "sphinx_orgchart", "validate", str(example_org), "-q"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 errors, 0 warnings" in done.stdout
    script = Path(sys.executable).parent / "sphinx-orgchart"
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert done.stdout.startswith("sphinx-orgchart ")


def test_render_writes_a_poster(
    example_org: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "organigramme.pdf"
    status, out, _ = run(
        ["render", str(example_org), "--root", "ville-pole-rm", "-o", str(target), "--lang", "en"],
        capsys,
    )
    assert status == 0
    assert "A3 landscape, text printed at" in out
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    from sphinx_orgchart.graph.render import pdf_size

    size = pdf_size(data)
    assert size is not None
    assert size[0] > size[1]  # landscape
    svg = tmp_path / "organigramme.svg"
    assert run(["render", str(example_org), "--format", "svg", "-o", str(svg)], capsys)[0] == 0
    assert "Direction générale des" in svg.read_text(encoding="utf-8")
    status, _, err = run(
        [
            "render",
            str(example_org),
            "--root",
            "nope",
            "-o",
            str(tmp_path / "x.pdf"),
            "--lang",
            "en",
        ],
        capsys,
    )
    assert status == 1
    assert "unknown unit or organisation 'nope'" in err


def test_render_says_which_font_package_is_missing(
    example_org: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "organigramme.svg"
    args = ["render", str(example_org), "--root", "ville-pole-fgcp", "--format", "svg"]
    hide_chart_font(tmp_path / "fontconfig", monkeypatch)
    try:
        status, _, err = run([*args, "-o", str(target), "--lang", "en"], capsys)
    finally:
        restore_chart_font(monkeypatch)
    assert status == 0  # drawn all the same, in the font there is
    assert "the charts' font Liberation Sans is not installed" in err
    assert f"apt-get install {FONT_PACKAGE}" in err
    status, _, err = run([*args, "-o", str(target), "--force", "--lang", "en"], capsys)
    assert status == 0
    assert FONT_PACKAGE not in err
