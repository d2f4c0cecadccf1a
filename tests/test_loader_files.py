"""Paths the patterns match that cannot be committed as files: each gets its message.

A link to a folder outside the package, a dangling link, a named pipe: created here, in a
temporary folder, since the corpus of ``tests/data/bad/`` is made of plain files.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from sphinx_orgchart.cli import main
from sphinx_orgchart.loader import load_package, package_files

from .test_robustness_yaml import OUTSIDE_UNIT, needs_symlinks, package

needs_fifos = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def messages(root: Path, language: str = "en") -> list[str]:
    return [p.format(language, base=root) for p in load_package(root).problems]


@needs_symlinks
def test_a_link_to_a_folder_outside_is_reported_once(tmp_path: Path) -> None:
    outside = tmp_path / "referentiel"
    outside.mkdir()
    for name in ("a.yaml", "b.yaml"):
        (outside / name).write_text(OUTSIDE_UNIT.replace("secret", name[0]), encoding="utf-8")
    root = package(tmp_path / "pkg")
    (root / "partage").symlink_to(outside, target_is_directory=True)
    assert messages(root) == [
        "partage/: error: this folder is a link to "
        f"{outside}, outside the package folder: the files in it are not read; copy them "
        "into the package instead [file-outside]"
    ]
    assert messages(root, "fr") == [
        f"partage/: erreur: ce dossier est un lien vers {outside}, hors du dossier du paquet : "
        "ses fichiers ne sont pas lus ; copiez-les plutôt dans le paquet [file-outside]"
    ]


@needs_symlinks
def test_a_link_to_a_folder_the_patterns_do_not_reach_is_not_reported(tmp_path: Path) -> None:
    outside = tmp_path / "referentiel"
    outside.mkdir()
    root = package(tmp_path / "pkg")
    (root / "orgchart.yaml").write_text(
        (root / "orgchart.yaml").read_text(encoding="utf-8") + "include: ['services/*.yaml']\n",
        encoding="utf-8",
    )
    (root / "services").mkdir()
    (root / "services" / "vide.yaml").write_text("levels: []\n", encoding="utf-8")
    (root / "archives").symlink_to(outside, target_is_directory=True)
    assert messages(root) == []


@needs_symlinks
def test_a_dangling_link(tmp_path: Path) -> None:
    root = package(tmp_path / "pkg")
    (root / "services.yaml").symlink_to("ancien/services.yaml")
    assert messages(root) == [
        "services.yaml: error: this file is a symbolic link to ancien/services.yaml, which "
        "does not exist: restore that file, or delete the link [file-unreadable]"
    ]
    assert messages(root, "fr") == [
        "services.yaml: erreur: ce fichier est un lien symbolique vers ancien/services.yaml, "
        "qui n'existe pas : rétablissez ce fichier, ou supprimez le lien [file-unreadable]"
    ]


@needs_fifos
def test_a_named_pipe_is_reported_and_never_opened(tmp_path: Path) -> None:
    root = package(tmp_path / "pkg")
    os.mkfifo(root / "flux.yaml")
    # Opening a pipe for reading would wait for a writer forever: load in a thread.
    found: list[list[str]] = []
    worker = threading.Thread(target=lambda: found.append(messages(root)), daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert found == [
        [
            "flux.yaml: error: this is a named pipe, a socket or a device, not a file: it is "
            "not read; put the YAML file itself here [file-unreadable]"
        ]
    ]
    assert package_files(root) == [root / "orgchart.yaml"]


@needs_fifos
def test_the_cli_reports_a_pipe_with_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = package(tmp_path / "pkg")
    os.mkfifo(root / "flux.yaml")
    assert main(["validate", str(root), "--lang", "en", "-q"]) == 1
    out = capsys.readouterr().out
    assert "flux.yaml: error: this is a named pipe" in out


def test_include_patterns_that_match_nothing(tmp_path: Path) -> None:
    """'x.yaml' and 'x.yml' count as one pattern; the manifest counts as a match."""
    root = package(tmp_path / "pkg", {"unites/dgs.yaml": "levels: []\n"})
    manifest = (root / "orgchart.yaml").read_text(encoding="utf-8")
    include = (
        "include: ['**/*.yaml', '**/*.yml', 'unites/*.yaml', 'unites/*.yml', 'services/*.yaml']\n"
    )
    (root / "orgchart.yaml").write_text(manifest + include, encoding="utf-8")
    line = manifest.count("\n") + 1
    assert messages(root) == [
        f"orgchart.yaml:{line}: warning: the include pattern 'services/*.yaml' matches no file: "
        "check the folder names and the extension (.yaml or .yml); patterns are relative to "
        "the package folder [nothing-included]"
    ]
    (root / "unites" / "dgs.yaml").unlink()
    # '**/*.yaml' matches the manifest: a one-file package may say so.
    assert sorted(m.split("'")[1] for m in messages(root)) == ["services/*.yaml", "unites/*.yaml"]


def test_excluding_everything_is_fine_when_the_manifest_holds_the_units(tmp_path: Path) -> None:
    root = package(tmp_path / "pkg", {"brouillons/a.yaml": "units: [\n"})
    manifest = (root / "orgchart.yaml").read_text(encoding="utf-8")
    (root / "orgchart.yaml").write_text(manifest + "exclude: ['brouillons/**']\n", "utf-8")
    assert messages(root) == []
