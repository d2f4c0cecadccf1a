"""Build a package of tests/data/structure as a French handbook that fails on any warning."""

from __future__ import annotations

from pathlib import Path

from .seeds_helpers import PAGES
from .sphinx_helpers import DATA, build, warning_lines

STRUCTURE = DATA / "structure"


def write_handbook(package: str, target: Path) -> Path:
    """A handbook of ``tests/data/structure/<package>``: its presentation, the views, one
    chart per organisation, the unit pages."""
    from sphinx_orgchart.loader import load_package

    root = STRUCTURE / package
    data = load_package(root).data
    assert data is not None
    target.mkdir(parents=True)
    (target / "conf.py").write_text(
        "\n".join(
            [
                f"project = {data.package.package.name!r}",
                'extensions = ["sphinx_orgchart"]',
                f"orgchart_data = {str(root)!r}",
                'language = "fr"',
                'exclude_patterns = ["_build"]',
                'latex_engine = "xelatex"',
                f'latex_documents = [("index", "{package}.tex", "{package}", "tests", "manual")]',
                "",
            ]
        ),
        encoding="utf-8",
    )
    charts = "Organigrammes\n=============\n"
    for org in data.organisations.values():
        charts += f"\n{org.name}\n{'-' * len(org.name)}\n\n.. org:chart:: {org.id}\n"
    pages = {**PAGES, "organigramme": charts}
    for name, text in pages.items():
        (target / f"{name}.rst").write_text(text, encoding="utf-8")
    toc = "\n".join(f"   {name}" for name in pages)
    title = data.package.package.name
    (target / "index.rst").write_text(
        f"{title}\n{'=' * len(title)}\n\n.. org:package::\n\n.. toctree::\n\n{toc}\n   org/index\n",
        encoding="utf-8",
    )
    return target


def build_structure(package: str, target: Path, builder: str = "html") -> Path:
    """Build the package's handbook; fail on any warning (as ``-W`` does)."""
    srcdir = write_handbook(package, target)
    app, warnings = build(srcdir, builder)
    assert warning_lines(warnings) == []
    return Path(app.outdir)
