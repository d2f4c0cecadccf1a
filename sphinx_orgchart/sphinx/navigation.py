"""Which pages to write again when the navigation changes.

Sphinx writes again the documents it read, not those whose sidebar or previous / next
links show a document added, removed, renamed or moved. The extension compares the tree
before and after reading, and names them (``env-get-updated``).

The rule needs nothing of the organisation data: :func:`setup` makes this module a Sphinx
extension of its own, which the benchmarks load into the plain reST handbook so that its
rebuilds write the same pages as the extension's (``benchmarks/variants.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ThemeError

__all__ = [
    "NavigationMemory",
    "navigation_to_rewrite",
    "remember_added",
    "remember_navigation",
    "setup",
]


@dataclass
class NavigationMemory:
    """What one build remembers between its events: the documents added (``env-get-outdated``),
    and the navigation of the documents about to be read (``env-before-read-docs``)."""

    added: set[str] = field(default_factory=set)
    before_read: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    relations: dict[str, list[str | None]] = field(default_factory=dict)


def _navigation_of(env: BuildEnvironment, docname: str) -> tuple[str, list[str]]:
    title = env.titles.get(docname)
    return (title.astext() if title is not None else "", env.toctree_includes.get(docname, []))


def remember_added(memory: NavigationMemory, added: set[str]) -> None:
    """Keep the documents added in this build (from ``env-get-outdated``)."""
    memory.added = set(added)


def remember_navigation(
    memory: NavigationMemory, env: BuildEnvironment, docnames: list[str]
) -> None:
    """Keep the title and toctree of the documents about to be read, and every document's
    parent, previous and next (``env-before-read-docs``), to tell which pages' navigation
    reading them changes."""
    memory.before_read = {doc: _navigation_of(env, doc) for doc in docnames}
    memory.relations = env.collect_relations() if env.toctree_includes else {}


def _subtree(env: BuildEnvironment, top: str) -> set[str]:
    found = {top}
    stack = [top]
    while stack:
        for child in env.toctree_includes.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def _collapsed_sidebars(app: Sphinx) -> bool:
    """Whether the theme's sidebar shows the tree only along the current page's path (the
    toctree's ``collapse``): alabaster, Read the Docs and the basic themes by default."""
    theme = getattr(app.builder, "theme", None)
    if theme is None:
        return True  # not HTML: no sidebar
    try:
        options = theme.get_options(app.config.html_theme_options)
    except ThemeError:  # a theme Sphinx could load but not configure: assume the worst
        return False
    collapse = [value for name, value in options.items() if "collapse" in name]
    return bool(collapse) and all(str(v).lower() not in ("false", "0", "") for v in collapse)


def navigation_to_rewrite(app: Sphinx, env: BuildEnvironment, memory: NavigationMemory) -> set[str]:
    """The documents whose navigation reading changed: their parent, previous or next
    changed; or the sidebar of the pages under a document whose toctree changed, or under
    the parent of a document added, removed or renamed (all of them if that is the root,
    or if the theme shows the whole tree on every page)."""
    added = memory.added
    before = memory.relations
    after = env.collect_relations() if env.toctree_includes else {}
    moved = {d for d, parents in after.items() if before.get(d) != parents}
    tops: set[str | None] = set()
    for doc, (title, includes) in memory.before_read.items():
        now = _navigation_of(env, doc)
        # (a document in no toctree, an orphan, is in no page's navigation)
        if doc in after and (doc in added or now[0] != title):
            tops.add(after[doc][0])
            # the pages whose previous / next link shows its title
            moved.update(d for d in [*before.get(doc, [])[1:], *after.get(doc, [])[1:]] if d)
        if now[1] != includes:
            tops.add(doc)
    tops.update(parents[0] for d, parents in before.items() if d not in after)
    memory.before_read, memory.relations, memory.added = {}, {}, set()
    if not tops:
        return moved & env.found_docs
    if None in tops or app.config.root_doc in tops or not _collapsed_sidebars(app):
        return set(env.found_docs)
    for top in tops:
        moved |= _subtree(env, str(top))
    return moved & env.found_docs


def setup(app: Sphinx) -> dict[str, Any]:
    """This rule alone, as a Sphinx extension (``extensions = ["sphinx_orgchart.sphinx.
    navigation"]``): plain Sphinx then writes again the pages whose navigation an edit
    changed. The extension itself does not load it (it applies the rule with its own)."""
    memory = NavigationMemory()

    def outdated(app: Sphinx, env: BuildEnvironment, added: set[str], *_: Any) -> list[str]:
        remember_added(memory, added)
        return []

    app.connect("env-get-outdated", outdated)
    app.connect(
        "env-before-read-docs", lambda app, env, docs: remember_navigation(memory, env, docs)
    )
    app.connect("env-get-updated", lambda app, env: sorted(navigation_to_rewrite(app, env, memory)))
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
