"""``sphinx-orgchart validate --ignore CODE`` and the manifest's ``ignore:``.

Warnings of the codes set aside are counted in one line, not listed, and do not fail
``--strict``; an error's code, or a code that does not exist, stops with status 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_orgchart.cli import main

# Two units without a head post (no-head-post), one organisation without units
# (empty-organisation), and no error.
PACKAGE = """\
package: {name: Ville, as_of: 2026-01-01}
organisations:
  - {id: ville, name: Ville, kind: commune}
  - {id: ccas, name: CCAS, kind: ccas}
levels:
  - {id: dg, name: DG, rank: 0}
  - {id: service, name: Service, rank: 1, parents: [dg]}
units:
  - {id: dgs, name: DGS, level: dg, organisation: ville}
  - {id: rh, name: RH, level: service, parent: dgs}
"""


def write(root: Path, manifest: str = PACKAGE) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "orgchart.yaml").write_text(manifest, encoding="utf-8")
    return root


def validate(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    status = main(["validate", *args])
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


EMPTY_CCAS = "orgchart.yaml:4: warning: the organisation 'ccas' has no unit [empty-organisation]"
NO_HEAD = (
    "orgchart.yaml:%d: warning: the unit '%s' has no head post ('head:'); add it, even vacant "
    "[no-head-post]"
)


def test_nothing_set_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(write(tmp_path))
    status, out, _ = validate([".", "--lang", "en", "-q"], capsys)
    assert status == 0
    assert out == [EMPTY_CCAS, NO_HEAD % (9, "dgs"), NO_HEAD % (10, "rh"), "0 errors, 3 warnings"]


def test_one_code_is_counted_not_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(write(tmp_path))
    status, out, err = validate([".", "--lang", "en", "-q", "--ignore", "no-head-post"], capsys)
    assert status == 0
    assert err == ""
    assert out == [EMPTY_CCAS, "2 warnings set aside (no-head-post: 2)", "0 errors, 1 warning"]


def test_several_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--ignore", "no-head-post", "--ignore", "empty-organisation"]
    status, out, _ = validate([str(write(tmp_path)), "--lang", "en", "-q", *args], capsys)
    assert status == 0
    assert out == [
        "3 warnings set aside (empty-organisation: 1, no-head-post: 2)",
        "0 errors, 0 warnings",
    ]


def test_one_warning_set_aside_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--ignore", "empty-organisation", "--ignore", "no-head-post"]
    manifest = PACKAGE.replace("  - {id: rh, name: RH, level: service, parent: dgs}\n", "")
    status, out, _ = validate([str(write(tmp_path, manifest)), "--lang", "fr", "-q", *args], capsys)
    assert status == 0
    assert out == [
        "2 avertissements mis de côté (empty-organisation: 1, no-head-post: 1)",
        "0 erreur, 0 avertissement",
    ]
    status, out, _ = validate(
        [str(tmp_path), "--lang", "fr", "-q", "--ignore", "empty-organisation"], capsys
    )
    assert out[-2:] == [
        "1 avertissement mis de côté (empty-organisation: 1)",
        "0 erreur, 1 avertissement",
    ]


def test_a_code_with_no_problem_prints_no_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = validate(
        [str(write(tmp_path)), "--lang", "en", "-q", "--ignore", "closed-without-end"], capsys
    )
    assert status == 0
    assert not any("set aside" in line for line in out)
    assert out[-1] == "0 errors, 3 warnings"


def test_strict_passes_when_every_warning_is_set_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(write(tmp_path))
    assert validate([root, "-q", "--strict"], capsys)[0] == 1
    args = ["--ignore", "no-head-post", "--ignore", "empty-organisation"]
    assert validate([root, "-q", "--strict", *args], capsys)[0] == 0
    assert validate([root, "-q", "--strict", "--ignore", "no-head-post"], capsys)[0] == 1


def test_the_manifest_sets_codes_aside(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write(tmp_path, PACKAGE + "ignore: [no-head-post]\n")
    status, out, _ = validate([str(root), "--lang", "en", "-q"], capsys)
    assert status == 0
    assert out[-2:] == ["2 warnings set aside (no-head-post: 2)", "0 errors, 1 warning"]
    # ... and the command line adds to it.
    status, out, _ = validate(
        [str(root), "--lang", "en", "-q", "--ignore", "empty-organisation"], capsys
    )
    assert out == [
        "3 warnings set aside (empty-organisation: 1, no-head-post: 2)",
        "0 errors, 0 warnings",
    ]


def test_an_error_code_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = validate(
        [str(write(tmp_path)), "--lang", "en", "--ignore", "unknown-reference"], capsys
    )
    assert status == 2
    assert out == []
    assert err.startswith(
        "cannot set aside 'unknown-reference': it is the code of an error, and only the codes "
        "of warnings can be, one of: "
    )
    assert "no-head-post" in err
    assert "unknown-reference," not in err


def test_an_error_code_in_the_manifest_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write(tmp_path, PACKAGE + "ignore: [cycle]\n")
    status, out, err = validate([str(root), "--lang", "fr"], capsys)
    assert status == 2
    assert out == []
    assert err.startswith("impossible de mettre de côté « cycle » : c'est le code d'une erreur")


def test_an_unknown_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(write(tmp_path))
    status, out, err = validate([root, "--lang", "en", "--ignore", "no-head-posts"], capsys)
    assert status == 2
    assert out == []
    assert err == "'no-head-posts' is not a problem code: did you mean 'no-head-post'?\n"
    status, _, err = validate([root, "--lang", "en", "--ignore", "everything"], capsys)
    assert status == 2
    assert err.startswith(
        "'everything' is not a problem code; the codes that can be set aside are: "
    )
    assert "empty-organisation" in err
