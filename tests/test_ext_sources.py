"""The extension in French and English, from MyST Markdown, and across two handbooks."""

from __future__ import annotations

from pathlib import Path

from .sphinx_helpers import build, copy_root, make_app, warning_lines


def test_english_handbook(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path / "src")
    app, _ = build(srcdir, "html", confoverrides={"language": "en"})
    page = (Path(app.outdir) / "org" / "ville-drh.html").read_text(encoding="utf-8")
    for text in (
        "Level",
        "Shared with",
        "common service",
        "since 1\u00a0January\u00a02020",  # a date never breaks
        "Head",
        "Sub-units",
        "42 FTE",
    ):
        assert text in page, text
    index = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert 'title="shared: Ville, Métropole"' in index
    assert "Unit index" in (Path(app.outdir) / "org-units.html").read_text(encoding="utf-8")


def test_french_handbook(tmp_path: Path) -> None:
    srcdir = copy_root("basic", tmp_path / "src")
    app, _ = build(srcdir, "html")
    page = (Path(app.outdir) / "org" / "ville-drh.html").read_text(encoding="utf-8")
    for text in (
        "Niveau",
        "Mutualisée avec",
        "service commun",
        "depuis le 1er\u00a0janvier\u00a02020",
        "Responsable",
        "Sous-unités",
        "42 ETP",
    ):
        assert text in page, text


def test_myst_roles_and_directives(tmp_path: Path) -> None:
    srcdir = copy_root("myst", tmp_path / "src")
    app, warnings = build(srcdir, "html")
    assert warning_lines(warnings) == []
    index = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert 'href="org/ville-drh.html#org-unit-ville-drh"' in index
    assert ">Direction des ressources humaines (DRH)<" in index
    assert ">the IT department<" in index
    assert "Service budget" in index  # the block of ville-fin
    assert "mailto:" not in index.split("Service budget")[0][-2000:]


def test_two_handbooks_linked_by_intersphinx(tmp_path: Path) -> None:
    metro = copy_root("metropole", tmp_path / "metropole")
    metro_app, warnings = build(metro, "html")
    assert warning_lines(warnings) == []
    metro_out = Path(metro_app.outdir)
    # The Métropole handbook has the pages of its own units only.
    assert (metro_out / "org" / "metro-dsi.html").is_file()
    assert not (metro_out / "org" / "ville-drh.html").exists()

    ville = copy_root("ville", tmp_path / "ville")
    mapping = {"metropole": (str(metro_out), str(metro_out / "objects.inv"))}
    ville_app, warnings = build(ville, "html", confoverrides={"intersphinx_mapping": mapping})
    assert warning_lines(warnings) == []
    ville_out = Path(ville_app.outdir)
    assert not (ville_out / "org" / "metro-dsi.html").exists()
    index = (ville_out / "index.html").read_text(encoding="utf-8")
    # The shared Métropole unit links to its page in the other handbook...
    assert f'href="{metro_out}/org/metro-dsi.html#org-unit-metro-dsi"' in index
    assert ">Direction des systèmes d'information (DSI)<" in index
    # ...and says that it is shared; the Ville's own shared unit links locally.
    assert 'title="mutualisée\u00a0: Métropole, Ville"' in index
    assert 'href="org/ville-drh.html#org-unit-ville-drh"' in index
    # In the table of shared units too, the Métropole's unit links to the other handbook.
    table = index[index.index('class="longtable orgchart-table orgchart-shared docutils') :]
    assert f'href="{metro_out}/org/metro-dsi.html#org-unit-metro-dsi"' in table


def test_two_handbooks_built_in_turn_link_every_reference(tmp_path: Path) -> None:
    # docs/recipes.rst: each handbook once, then each again with -a (write all files)
    metro, ville = copy_root("metropole", tmp_path / "m"), copy_root("ville", tmp_path / "v")
    metro_out = metro / "_build" / "html"

    def overrides() -> dict[str, object]:  # a new one a build: Sphinx rewrites it in place
        return {
            "intersphinx_mapping": {"metropole": (str(metro_out), str(metro_out / "objects.inv"))}
        }

    build(ville, "html", confoverrides=overrides())  # the Métropole has no inventory yet
    build(metro, "html")
    # pages are written again only when their source changes: without -a the Ville's
    # pages keep the references written before the Métropole's inventory existed
    app = make_app(ville, "html", confoverrides=overrides())
    try:
        app.build(force_all=True)
    finally:
        app.cleanup()
    assert warning_lines(app.warning.getvalue()) == []  # type: ignore[attr-defined]
    index = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert f'href="{metro_out}/org/metro-dsi.html#org-unit-metro-dsi"' in index


def test_reference_to_a_unit_without_page_and_without_intersphinx(tmp_path: Path) -> None:
    ville = copy_root("ville", tmp_path / "ville")
    _, warnings = build(ville, "html", confoverrides={"language": "en"})
    lines = warning_lines(warnings)
    assert len(lines) == 1
    assert "metro-dsi" in lines[0]
    assert "[orgchart.no-page]" in lines[0]
