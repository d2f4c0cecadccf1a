"""DILA extracts: subtree, guessed levels, attachments, contacts, RGPD, problems located.

The records below are written in the shape of the DILA's *Référentiel de l'organisation
administrative de l'État* (synthetic values, not a real extract).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sphinx_orgchart.cli import main
from sphinx_orgchart.loader import load_package

ROOT = "11111111-0000-0000-0000-000000000001"
SUB = "11111111-0000-0000-0000-000000000002"
BUREAU = "11111111-0000-0000-0000-000000000003"
OTHER = "11111111-0000-0000-0000-000000000004"
OUTSIDE = "11111111-0000-0000-0000-000000000009"


def _service(ident: str, name: str, children: list[str], **extra: object) -> dict[str, object]:
    return {
        "id": ident,
        "nom": name,
        "hierarchie": [{"type_hierarchie": "Service Fils", "service": c} for c in children],
        **extra,
    }


def _extract(tmp_path: Path) -> Path:
    services = [
        _service(
            ROOT,
            "Direction générale des essais",
            [SUB, OTHER],
            sigle="DGE",
            adresse=[
                {"numero_voie": "1 rue de l'Essai", "code_postal": "75007", "nom_commune": "Paris"}
            ],
            telephone=[{"valeur": "01 40 00 00 00"}],
            adresse_courriel=["pas une adresse"],
            affectation_personne=[
                {"fonction": "Directeur général", "personne": {"prenom": "Jean", "nom": "Test"}}
            ],
            texte_reference=[
                {"libelle": "Décret n° 2020-1", "valeur": "https://www.legifrance.gouv.fr/x"}
            ],
            champ_inconnu="x",
        ),
        _service(SUB, "Sous-direction des méthodes", [BUREAU]),
        _service(
            BUREAU,
            "Bureau des mesures",
            [],
            hierarchie=[{"type_hierarchie": "Autre hiérarchie", "service": OTHER}],
        ),
        _service(OTHER, "Service des contrôles", [OUTSIDE]),
        _service(OTHER, "Service des contrôles (doublon)", []),
    ]
    path = tmp_path / "dila.json"
    path.write_text(json.dumps({"service": services}, ensure_ascii=False), encoding="utf-8")
    return path


def test_dila_subtree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extract = _extract(tmp_path)
    status = main(
        ["import", str(extract), "-o", str(tmp_path / "p"), "--root", ROOT, "--lang", "en"]
    )
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "4 units" in out
    assert "1 attachment" in out
    assert f"record {OTHER}: warning: the service {OTHER} appears twice" in err
    assert f"record {OTHER}, field hierarchie: warning: the service {OUTSIDE} named here" in err
    assert (
        f"record {ROOT}, field adresse_courriel: warning: 'pas une adresse' is not a valid email"
        in err
    )
    assert "note: the field 'champ_inconnu' (in 1 records) has no place" in err
    assert "the names of 1 people were left out (RGPD)" in err
    assert "level 'sous-direction' guessed from the names: rank 1" in err
    loaded = load_package(tmp_path / "p")
    assert loaded.ok, [p.format("en") for p in loaded.problems]
    data = loaded.data
    assert data is not None
    bureau = data.units[BUREAU]
    assert bureau.parent == SUB
    # "Autre hiérarchie" reads as "Service Fils" does: the service named is (also) below.
    assert [a.unit for a in data.units[OTHER].attachments] == [BUREAU]
    top = data.units[ROOT]
    assert top.contact is not None
    assert top.contact.address == "1 rue de l'Essai\n75007 Paris"
    assert top.head is not None
    assert top.head.title == "Directeur général"
    assert top.head.holder is None
    assert "Jean" not in (tmp_path / "p").joinpath("dila", f"0001-{ROOT}.yaml").read_text("utf-8")


def test_dila_keeps_names_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extract = _extract(tmp_path)
    assert main(["import", str(extract), "-o", str(tmp_path / "p"), "--with-people"]) == 0
    data = load_package(tmp_path / "p").data
    assert data is not None
    head = data.units[ROOT].head
    assert head is not None
    assert head.holder is not None
    assert head.holder.name == "Jean Test"


def test_dila_unknown_root(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extract = _extract(tmp_path)
    assert (
        main(["import", str(extract), "-o", str(tmp_path / "p"), "--root", "nope", "--lang", "en"])
        == 1
    )
    assert "the root nope is not in the extract" in capsys.readouterr().err
