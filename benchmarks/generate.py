"""Generate realistic data packages of a given size, for benchmarks and load tests.

    python -m benchmarks.generate 5000 /tmp/pkg5000

The tree is a Ville: a direction générale, pôles, directions, services and missions, one
file per pôle; one unit in twenty is shared with a Métropole; every unit has a head post;
there is one action for every four units. The same size always gives the same package.
"""

from __future__ import annotations

import argparse
import copy
import random
from pathlib import Path
from typing import Any

import yaml

LEVELS: list[dict[str, Any]] = [
    {
        "id": "dg",
        "name": {"fr": "Direction générale", "en": "General management"},
        "plural": {"fr": "Directions générales", "en": "General managements"},
        "rank": 0,
    },
    {"id": "pole", "name": {"fr": "Pôle", "en": "Division"}, "rank": 1, "parents": ["dg"]},
    {
        "id": "direction",
        "name": {"fr": "Direction", "en": "Department"},
        "rank": 2,
        "parents": ["pole", "dg"],
    },
    {
        "id": "service",
        "name": {"fr": "Service", "en": "Service"},
        "rank": 3,
        "parents": ["direction"],
        "style": {"stack": True},
    },
    {
        "id": "mission",
        "name": {"fr": "Mission", "en": "Mission"},
        "rank": 4,
        "parents": ["service", "direction"],
        "style": {"stack": True, "shape": "note"},
    },
]
THEMES = [
    "Finances",
    "Ressources humaines",
    "Systèmes d'information",
    "Commande publique",
    "Voirie",
    "Espaces verts",
    "Culture",
    "Sports",
    "Éducation",
    "Petite enfance",
    "Urbanisme",
    "Habitat",
    "Mobilités",
    "Eau",
    "Déchets",
    "Action sociale",
    "Démocratie locale",
    "Jeunesse",
    "Patrimoine",
    "Bâtiments",
]
MODES = [
    "service_commun",
    "mise_a_disposition_services",
    "mise_a_disposition_personnels",
    "convention_gestion",
    "groupement_commandes",
    "cooperation_technique",
]


def _unit(uid: str, name: str, level: str, rng: random.Random, **extra: Any) -> dict[str, Any]:
    unit: dict[str, Any] = {
        "id": uid,
        "name": name,
        "sigle": "".join(w[0] for w in name.split() if w[0].isupper())[:6] or None,
        "level": level,
        "head": {"title": f"Responsable — {name}"},
        "missions": [f"Mission {i + 1} de {name.lower()}" for i in range(rng.randint(1, 3))],
        "contact": {
            "email": f"{uid}@ville.example",
            "phone": f"03 81 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        },
        "staff": rng.randint(2, 60),
        **extra,
    }
    if not unit["sigle"]:
        del unit["sigle"]
    return unit


def build(size: int, seed: int = 1) -> dict[str, dict[str, Any]]:
    """File name -> content of a package of about ``size`` units."""
    rng = random.Random(seed)
    poles = max(2, min(8, size // 150 + 2))
    per_pole = (size - 1) // poles
    files: dict[str, dict[str, Any]] = {
        "orgchart.yaml": {
            "package": {
                "name": f"Ville générée ({size} unités)",
                "language": "fr",
                "as_of": "2026-09-01",
            }
        },
        "referentiel.yaml": {
            "organisations": [
                {"id": "ville", "name": "Ville de Générée", "kind": "commune"},
                {"id": "metropole", "name": "Générée Métropole", "kind": "metropole"},
            ],
            "levels": LEVELS,
        },
        "dg.yaml": {
            "units": [
                _unit("dg", "Direction générale des services", "dg", rng, organisation="ville")
            ]
        },
        "metropole.yaml": {
            "units": [
                _unit(
                    "metro-dg",
                    "Direction générale de la Métropole",
                    "dg",
                    rng,
                    organisation="metropole",
                )
            ]
        },
    }
    count = 1
    actions = []
    for p in range(poles):
        theme = THEMES[p % len(THEMES)]
        pole_id = f"pole-{p + 1}"
        units = [_unit(pole_id, f"Pôle {theme} {p + 1}", "pole", rng, parent="dg")]
        count += 1
        budget = per_pole - 1
        d = 0
        while budget > 0:
            d += 1
            direction_id = f"{pole_id}-d{d}"
            units.append(
                _unit(
                    direction_id,
                    f"Direction {THEMES[(p + d) % len(THEMES)]} {d}",
                    "direction",
                    rng,
                    parent=pole_id,
                )
            )
            budget -= 1
            for s in range(min(budget, rng.randint(3, 7))):
                service_id = f"{direction_id}-s{s + 1}"
                extra: dict[str, Any] = {"parent": direction_id}
                if (count + s) % 20 == 0:
                    extra["shared"] = {
                        "with": ["metropole"],
                        "mode": MODES[count % len(MODES)],
                        "since": "2020-01-01",
                    }
                units.append(
                    _unit(
                        service_id,
                        f"Service {THEMES[(p + d + s) % 20]} {s + 1}",
                        "service",
                        rng,
                        **extra,
                    )
                )
                budget -= 1
                if budget > 0 and rng.random() < 0.25:
                    units.append(
                        _unit(
                            f"{service_id}-m",
                            f"Mission transversale {s + 1}",
                            "mission",
                            rng,
                            parent=service_id,
                        )
                    )
                    budget -= 1
        count += len(units) - 1
        files[f"ville/{pole_id}.yaml"] = {"units": units}
        for index, unit in enumerate(units[::4]):
            actions.append(
                {
                    "id": f"a-{pole_id}-{index}",
                    "title": f"Action {index} du {pole_id}",
                    "objective": f"obj-{index % 13 + 1}",
                    "owners": [unit["id"]],
                    "status": "in_progress",
                    "progress": 50,
                }
            )
    files["projet.yaml"] = {
        "objectives": [
            {"id": f"obj-{n}", "title": f"Objectif {n}", "number": n} for n in range(1, 14)
        ],
        "actions": actions,
    }
    return files


def render(files: dict[str, dict[str, Any]]) -> dict[str, str]:
    """File name -> YAML text, as :func:`write` writes it (the same files give the same text)."""
    return {
        name: yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
        for name, content in files.items()
    }


def write(size: int, target: Path, seed: int = 1) -> Path:
    """Write a package of about ``size`` units under ``target``."""
    for name, text in render(build(size, seed)).items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target


# -- edits, as a person maintaining the package would make them ---------------------------


def _units(files: dict[str, dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    return [(name, unit) for name, content in files.items() for unit in content.get("units", [])]


def pick_unit(files: dict[str, dict[str, Any]], level: str = "service") -> str:
    """The id of the unit in the middle of the package among those of ``level``."""
    ids = [str(unit["id"]) for _name, unit in _units(files) if unit["level"] == level]
    return ids[len(ids) // 2]


def rename_unit(files: dict[str, dict[str, Any]], unit_id: str, name: str) -> dict[str, Any]:
    """A copy of ``files`` where the unit ``unit_id`` is called ``name``."""
    edited = copy.deepcopy(files)
    for _file, unit in _units(edited):
        if unit["id"] == unit_id:
            unit["name"] = name
            return edited
    raise KeyError(unit_id)


def add_unit(
    files: dict[str, dict[str, Any]], parent_id: str, unit_id: str, level: str = "service"
) -> dict[str, Any]:
    """A copy of ``files`` with a new unit ``unit_id`` of ``level`` (a service) under
    ``parent_id``, in its file."""
    edited = copy.deepcopy(files)
    for name, parent in _units(edited):
        if parent["id"] == parent_id:
            rng = random.Random(unit_id)
            number = sum(1 for _n, u in _units(edited) if u.get("parent") == parent_id) + 1
            unit = _unit(unit_id, f"Service nouveau {number}", level, rng, parent=parent_id)
            edited[name]["units"].append(unit)
            return edited
    raise KeyError(parent_id)


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int)
    parser.add_argument("target", type=Path)
    args = parser.parse_args()
    write(args.size, args.target)


if __name__ == "__main__":
    main()
