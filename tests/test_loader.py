"""Loading whole packages: files, nesting, inheritance, order, and located problems."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from sphinx_orgchart.loader import load_package

MANIFEST = """\
package:
  name: Test
  as_of: 2026-01-01
organisations:
  - id: ville
    name: Ville de Test
    kind: commune
  - id: metro
    name: Test Métropole
    kind: metropole
    order: 1
levels:
  - id: dg
    name: {fr: Direction générale, en: General management}
    plural: {fr: Directions générales, en: General managements}
    rank: 0
  - id: direction
    name: Direction
    rank: 1
    parents: [dg]
  - id: service
    name: Service
    rank: 2
    parents: [direction]
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def unit(uid: str, level: str, **fields: str) -> str:
    extra = "".join(f"    {k}: {v}\n" for k, v in fields.items())
    return (
        f"  - id: {uid}\n    name: {uid.upper()}\n    level: {level}\n"
        f"    head: {{title: Chef}}\n{extra}"
    )


def test_nested_and_flat_units_in_several_files(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "orgchart.yaml": MANIFEST + "units:\n" + unit("m", "dg", organisation="metro"),
            "ville/dg.yaml": """\
            units:
              - id: dgs
                name: Direction générale
                level: dg
                organisation: ville
                head: {id: dgs-post, title: DGS}
                units:
                  - id: drh
                    name: DRH
                    level: direction
                    head: {title: DRH}
                    posts: [{title: Adjoint}, {id: drh-rrh, title: RRH}]
            """,
            "ville/services.yaml": "units:\n"
            + unit("paie", "service", parent="drh")
            + unit("carrieres", "service", parent="drh", order="1"),
        },
    )
    result = load_package(tmp_path)
    assert result.problems == []
    data = result.data
    assert data is not None
    assert data.units["drh"].parent == "dgs"
    assert data.units["drh"].organisation == "ville"  # inherited when nested
    assert data.units["paie"].organisation == "ville"  # inherited through a flat parent
    assert data.children["drh"] == ["carrieres", "paie"]  # order first, then as written
    assert [u.id for u in data.package.units] == ["m", "dgs", "drh", "carrieres", "paie"]
    assert data.units["drh"].head.id == "drh.head"  # type: ignore[union-attr]
    assert [p.id for p in data.units["drh"].posts] == ["drh.post-1", "drh-rrh"]
    assert data.posts["dgs-post"][0] == "dgs"
    assert [a.id for a in data.ancestors("paie")] == ["dgs", "drh"]
    assert [u.id for u in data.descendants("dgs")] == ["drh", "carrieres", "paie"]
    assert len(result.files) == 3


def test_organisations_in_their_order(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "orgchart.yaml": MANIFEST
            + "units:\n"
            + unit("v", "dg", organisation="ville")
            + unit("m", "dg", organisation="metro")
        },
    )
    data = load_package(tmp_path).data
    assert data is not None
    assert [u.id for u in data.package.units] == ["m", "v"]  # metro has order 1


def test_single_file_package(tmp_path: Path) -> None:
    path = tmp_path / "all.yaml"
    path.write_text(MANIFEST + "units:\n" + unit("v", "dg", organisation="ville"), encoding="utf-8")
    result = load_package(path)
    assert result.ok
    assert result.data is not None
    assert list(result.data.units) == ["v"]


def test_include_and_exclude(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "orgchart.yaml": MANIFEST
            + "include: ['data/**/*.yaml']\nexclude: ['data/draft*', 'data/old/**']\n",
            "data/old/sub/e.yaml": "units:\n" + unit("e", "dg", organisation="ville"),
            "data/a.yaml": "units:\n" + unit("a", "dg", organisation="ville"),
            "data/draft.yaml": "units:\n" + unit("b", "dg", organisation="ville"),
            "other/c.yaml": "units:\n" + unit("c", "dg", organisation="ville"),
            ".hidden/d.yaml": "units:\n" + unit("d", "dg", organisation="ville"),
        },
    )
    data = load_package(tmp_path).data
    assert data is not None
    assert set(data.units) == {"a"}


def test_include_outside_the_package_is_refused(tmp_path: Path) -> None:
    write(
        tmp_path,
        {"pkg/orgchart.yaml": MANIFEST + "include: ['../*.yaml']\n", "secret.yaml": "units: []\n"},
    )
    result = load_package(tmp_path / "pkg")
    assert sorted(p.code for p in result.problems) == [
        "empty-organisation",
        "empty-organisation",
        "file-outside",
    ]
    outside = next(p for p in result.problems if p.code == "file-outside")
    assert outside.line == MANIFEST.count("\n") + 1  # the line of the pattern


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_links_outside_the_package_are_not_followed(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pkg/orgchart.yaml": MANIFEST
            + "units:\n"
            + unit("v", "dg", organisation="ville")
            + unit("m", "dg", organisation="metro"),
            "outside.yaml": "units:\n" + unit("x", "dg", organisation="ville"),
        },
    )
    (tmp_path / "pkg" / "link.yaml").symlink_to(tmp_path / "outside.yaml")
    result = load_package(tmp_path / "pkg")
    assert [p.code for p in result.problems] == ["file-outside"]
    assert result.data is not None
    assert "x" not in result.data.units


def test_one_broken_file_does_not_cascade(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "orgchart.yaml": MANIFEST + "units:\n" + unit("m", "dg", organisation="metro"),
            "a.yaml": "units:\n  - id: dgs\n    name: [oops\n",
            "b.yaml": "units:\n" + unit("drh", "direction", parent="dgs"),
        },
    )
    result = load_package(tmp_path)
    # The syntax error only: 'dgs' is not reported as an unknown parent.
    assert [(p.path.name if p.path else "", p.code) for p in result.errors] == [
        ("a.yaml", "yaml-syntax")
    ]


def test_broken_record_does_not_cascade(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "orgchart.yaml": MANIFEST
            + "units:\n"
            + unit("m", "dg", organisation="metro")
            + unit("dgs", "dg", organisation="ville", valid_from="2024-13-45")
            + unit("drh", "direction", parent="dgs")
        },
    )
    result = load_package(tmp_path)
    assert [p.code for p in result.errors] == ["invalid-value"]


def test_missing_folder_and_manifest(tmp_path: Path) -> None:
    assert [p.code for p in load_package(tmp_path / "nope").problems] == ["file-unreadable"]
    assert [p.code for p in load_package(tmp_path).problems] == ["manifest"]
    assert load_package(tmp_path).data is None


def test_problems_are_sorted_by_file_and_line(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "orgchart.yaml": MANIFEST,
            "b.yaml": "units:\n" + unit("y", "dg", parent="nope"),
            "a.yaml": "units:\n" + unit("x", "dg", organisation="nope"),
        },
    )
    problems = load_package(tmp_path).problems
    keys = [(p.path.name if p.path else "", p.line or 0) for p in problems]
    assert keys == sorted(keys)
    assert {p.code for p in problems} >= {"unknown-reference"}
