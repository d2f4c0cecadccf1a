"""Build a seed package (tests/data/seeds/<name>) as a small French handbook."""

from __future__ import annotations

import html
import re
from pathlib import Path

from .sphinx_helpers import DATA, build, warning_lines

SEEDS = DATA / "seeds"

PAGES = {
    "glossaire": "Niveaux et catégories\n=====================\n\n.. org:levels::\n",
    "mutualisation": "Mutualisation\n=============\n\n.. org:shared::\n",
    "projet": "Projet\n======\n\n.. org:objectives::\n",
    "annuaire": "Annuaire\n========\n\n.. org:directory::\n",
}


def write_handbook(
    seed: str,
    target: Path,
    extra: dict[str, str] | None = None,
    conf: str = "",
    folder: Path = SEEDS,
) -> Path:
    """A handbook of the package ``folder/<seed>`` (a seed by default) in ``target``: the
    home page shows the package, then one page per view, one chart per organisation, the
    unit pages; ``conf`` is added to ``conf.py``."""
    from sphinx_orgchart.loader import load_package

    root = folder / seed
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
                f'latex_documents = [("index", "{seed}.tex", "{seed}", "tests", "manual")]',
                conf,
                "",
            ]
        ),
        encoding="utf-8",
    )
    charts = "Organigrammes\n=============\n"
    for org in data.organisations.values():
        charts += f"\n{org.name}\n{'-' * len(org.name)}\n\n.. org:chart:: {org.id}\n"
    pages = {**PAGES, "organigramme": charts, **(extra or {})}
    for name, text in pages.items():
        (target / f"{name}.rst").write_text(text, encoding="utf-8")
    toc = "\n".join(f"   {name}" for name in pages)
    title = data.package.package.name
    (target / "index.rst").write_text(
        f"{title}\n{'=' * len(title)}\n\n.. org:package::\n\n.. toctree::\n\n{toc}\n   org/index\n",
        encoding="utf-8",
    )
    return target


def build_seed(
    seed: str, target: Path, builder: str = "html", conf: str = "", **pages: str
) -> Path:
    """Build the seed's handbook; fail on any warning (as ``-W`` does). ``conf``: settings
    added to its ``conf.py`` (``orgchart_show_people = True``)."""
    srcdir = write_handbook(seed, target, pages, conf)
    app, warnings = build(srcdir, builder)
    assert warning_lines(warnings) == []
    return Path(app.outdir)


def text_of(page: Path) -> str:
    """The visible text of an HTML page, spaces collapsed."""
    body = page.read_text(encoding="utf-8")
    body = re.sub(r"<script.*?</script>|<style.*?</style>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body))).strip()


def charts_under(page: Path, heading: str) -> str:
    """The words of the SVG charts (box lines joined by spaces) drawn in the section of
    ``page`` titled ``heading`` (up to the next section)."""
    body = page.read_text(encoding="utf-8")
    start = body.index(f'>{heading}<a class="headerlink"')
    end = body.find("<h2>", start)
    section = body[start : end if end != -1 else len(body)]
    texts = []
    for name in re.findall(r'<object[^>]* data="([^"]+\.svg)"', section):
        svg = (page.parent / name).read_text(encoding="utf-8")
        words = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
        texts.append(re.sub(r"\s+", " ", html.unescape(words)))
    return "\n".join(texts)
