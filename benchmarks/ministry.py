"""A generated package shaped like a ministry, for the chart benchmarks.

    python -m benchmarks.ministry /tmp/ministere

Twenty top units and no head above them (a ministry's directions générales and services
rattachés: 19 top units in the real one), one level of 200 siblings (the embassies under
one direction), sub-directions and bureaux elsewhere, and 40 secondary attachments
(bureaux also attached to a sub-direction of another direction). The same seed always
gives the same package.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

from .generate import THEMES, render

__all__ = ["build_ministry", "write_ministry"]

LEVELS: list[dict[str, Any]] = [
    {"id": "dg", "name": {"fr": "Direction générale", "en": "Directorate-general"}, "rank": 0},
    {
        "id": "sd",
        "name": {"fr": "Sous-direction", "en": "Sub-directorate"},
        "rank": 1,
        "parents": ["dg"],
    },
    {
        "id": "bureau",
        "name": {"fr": "Bureau", "en": "Office"},
        "rank": 2,
        "parents": ["sd", "dg"],
        "style": {"stack": True},
    },
    {
        "id": "poste",
        "name": {"fr": "Poste diplomatique", "en": "Diplomatic post"},
        "rank": 2,
        "parents": ["dg"],
    },
]
COUNTRIES = [
    "Afrique du Sud", "Albanie", "Algérie", "Allemagne", "Angola", "Arabie saoudite",
    "Argentine", "Arménie", "Australie", "Autriche", "Azerbaïdjan", "Bangladesh", "Belgique",
    "Bénin", "Bolivie", "Brésil", "Bulgarie", "Burkina Faso", "Cambodge", "Cameroun",
]  # fmt: skip


def _unit(uid: str, name: str, level: str, **extra: Any) -> dict[str, Any]:
    head = {"title": f"Responsable — {name}"}
    return {
        "id": uid,
        "name": name,
        "level": level,
        "organisation": "ministere",
        "head": head,
        **extra,
    }


def build_ministry(seed: int = 1) -> dict[str, dict[str, Any]]:
    """File name -> content of the ministry-shaped package."""
    rng = random.Random(seed)
    files: dict[str, dict[str, Any]] = {
        "orgchart.yaml": {
            "package": {"name": "Ministère généré", "language": "fr", "as_of": "2026-09-01"}
        },
        "referentiel.yaml": {
            "organisations": [{"id": "ministere", "name": "Ministère généré", "kind": "state"}],
            "levels": LEVELS,
        },
    }
    bureaux: list[dict[str, Any]] = []
    sub_directions: list[str] = []
    for d in range(20):
        theme = THEMES[d % len(THEMES)]
        dg_id = f"dg{d + 1}"
        units = [_unit(dg_id, f"Direction générale {theme} {d + 1}", "dg")]
        if d == 0:
            units[0]["name"] = "Direction générale des postes à l'étranger"
            for p in range(200):
                country = COUNTRIES[p % len(COUNTRIES)]
                units.append(
                    _unit(f"poste{p + 1}", f"Ambassade {country} {p + 1}", "poste", parent=dg_id)
                )
        else:
            for s in range(rng.randint(2, 5)):
                sd_id = f"{dg_id}-sd{s + 1}"
                sub_directions.append(sd_id)
                units.append(
                    _unit(sd_id, f"Sous-direction {THEMES[(d + s) % 20]}", "sd", parent=dg_id)
                )
                for b in range(rng.randint(2, 5)):
                    bureau = _unit(
                        f"{sd_id}-b{b + 1}", f"Bureau {THEMES[(d + s + b) % 20]}", "bureau",
                        parent=sd_id,
                    )  # fmt: skip
                    units.append(bureau)
                    bureaux.append(bureau)
        files[f"ministere/{dg_id}.yaml"] = {"units": units}
    for bureau in rng.sample(bureaux, 40):
        parent_dg = bureau["parent"].split("-")[0]
        elsewhere = [sd for sd in sub_directions if not sd.startswith(parent_dg + "-")]
        bureau["attachments"] = [{"unit": rng.choice(elsewhere), "note": "autorité fonctionnelle"}]
    return files


def write_ministry(target: Path, seed: int = 1) -> Path:
    """Write the ministry-shaped package under ``target``."""
    for name, text in render(build_ministry(seed)).items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    write_ministry(parser.parse_args().target)


if __name__ == "__main__":
    main()
