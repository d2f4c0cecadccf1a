"""Which pages to write again when the navigation changes.

Sphinx writes again the documents it read, not those whose sidebar or previous / next
links show a document added, removed, renamed or moved. The extension compares the tree
before and after reading, and names them (``env-get-updated``).
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ThemeError

from .state import get_state

__all__ = ["before_reading", "navigation_to_rewrite", "rewritten_docs"]


def _navigation_of(env: BuildEnvironment, docname: str) -> tuple[str, list[str]]:
    title = env.titles.get(docname)
    return (title.astext() if title is not None else "", env.toctree_includes.get(docname, []))


def before_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Keep the title and toctree of the documents about to be read, and every document's
    parent, previous and next (``env-before-read-docs``), to tell which pages' navigation
    reading them changes."""
    state = get_state(env)
    state.before_read = {doc: _navigation_of(env, doc) for doc in docnames}
    state.relations = env.collect_relations() if env.toctree_includes else {}


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


def navigation_to_rewrite(app: Sphinx, env: BuildEnvironment, added: set[str]) -> set[str]:
    """The documents whose navigation reading changed: their parent, previous or next
    changed; or the sidebar of the pages under a document whose toctree changed, or under
    the parent of a document added, removed or renamed (all of them if that is the root,
    or if the theme shows the whole tree on every page)."""
    state = get_state(env)
    before = state.relations
    after = env.collect_relations() if env.toctree_includes else {}
    moved = {d for d, parents in after.items() if before.get(d) != parents}
    tops: set[str | None] = set()
    for doc, (title, includes) in state.before_read.items():
        now = _navigation_of(env, doc)
        # (a document in no toctree, an orphan, is in no page's navigation)
        if doc in after and (doc in added or now[0] != title):
            tops.add(after[doc][0])
            # the pages whose previous / next link shows its title
            moved.update(d for d in [*before.get(doc, [])[1:], *after.get(doc, [])[1:]] if d)
        if now[1] != includes:
            tops.add(doc)
    tops.update(parents[0] for d, parents in before.items() if d not in after)
    state.before_read, state.relations = {}, {}
    if not tops:
        return moved & env.found_docs
    if None in tops or app.config.root_doc in tops or not _collapsed_sidebars(app):
        return set(env.found_docs)
    for top in tops:
        moved |= _subtree(env, str(top))
    return moved & env.found_docs


def rewritten_docs(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Documents to write again without reading them (``env-get-updated``): those that name
    a renamed unit in references named at write time, and those whose navigation (sidebar,
    previous / next links) shows a document added, removed, renamed or moved."""
    state = get_state(env)
    rewrite = set(state.rewrite) | navigation_to_rewrite(app, env, state.added)
    state.added = set()
    return sorted(rewrite)
