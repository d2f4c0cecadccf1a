"""Work done once in the main process before a parallel build forks its readers and writers.

With ``-j N``, Sphinx reads and writes the documents in chunks, each in a new process forked
from the main one, which ends when its chunk is done. Whatever a process learns on its
first use (a module imported, the indexes the data builds on first
use, the version and the font of Graphviz, each a ``dot`` run) is lost with it, and every
chunk paid for it again: profiled on a fresh ``-j 2`` build of 200 units, the forked
processes took 1,490 samples against 1,105 for plain reST's (``docs/performance.rst``,
"Where the time goes").

Done here once, before the first fork, every chunk inherits it. A build that reads or
writes nothing in parallel does none of it (a rebuild with no change imports none of it:
``tests/test_light_rebuild.py``). A serial rebuild, too, keeps what it unpickled out of the
garbage collector's walks (:func:`freeze_for_rebuild`).
"""

from __future__ import annotations

import gc
from functools import cached_property
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.application import Sphinx

from .state import get_state

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

__all__ = [
    "before_parallel_read",
    "before_parallel_write",
    "freeze_for_rebuild",
    "resume_collector",
    "suspend_collector",
    "unfreeze",
]

_PARALLEL_MINIMUM = 6
"""Sphinx reads in parallel only more than 5 documents (``Builder.read``)."""

_FROZEN = "_orgchart_gc_frozen"
"""Set on the application while objects are frozen for its build (:func:`_freeze`)."""

_SUSPENDED = "_orgchart_gc_suspended"
"""Set on the application while the collector is suspended (:func:`suspend_collector`)."""

_LEFT_SUSPENDED = False
"""Whether this process's collector was suspended by a build not yet at ``builder-inited``
(one that failed before it, when this is not that build)."""

_WARMED = "_orgchart_writers_warmed"
"""Set on the builder once its main process is warmed up for the writers."""


def _warm_reading(app: Sphinx) -> None:
    """The directives' modules, the data and its indexes."""
    from .directives import DIRECTIVES, directive_class

    for name in DIRECTIVES:
        directive_class(name)
    data = get_state(app.env).data
    if data is None:
        return
    for cls in type(data).__mro__:
        for name, value in vars(cls).items():
            if isinstance(value, cached_property):
                getattr(data, name)


def _warm_drawing() -> None:
    """The chart code, and what Graphviz says of itself (its version, its font)."""
    from ..graph import dot_version
    from ..graph.fonts import resolved_family
    from . import chartdraw  # noqa: F401  (imported for the forked writers)

    dot_version()
    resolved_family()


def _freeze(app: Sphinx) -> None:
    """Keep the objects alive now out of the garbage collector's reach until the build ends
    (:func:`gc.freeze`, meant for a process about to fork). A collection in a forked
    process walks every object it inherited, and writes in each one's header, so that the
    kernel copies every page of them: the package, its data and Sphinx's environment, once
    in each chunk. The garbage is collected first, so that none is kept for the build."""
    gc.collect()
    gc.freeze()
    setattr(app, _FROZEN, True)


def suspend_collector(app: Sphinx, config: object) -> None:
    """``config-inited`` (last): no garbage collection while Sphinx unpickles the
    environment of the last build, until :func:`resume_collector`.

    Unpickling makes every container of the environment at once, and each of the
    collector's walks then goes through all those already made: at 5,000 units Sphinx
    unpickled the environment of a rebuild with no change in 0.42 to 0.43 s, and in 0.13 to
    0.14 s with the collector stopped; the collections of the whole rebuild took 0.15 to
    0.21 s instead of 0.39 to 0.45 s (``docs/performance.rst``, "2 December").
    Unpickling frees nothing, so nothing is left to collect later.
    """
    global _LEFT_SUSPENDED
    if gc.isenabled() or _LEFT_SUSPENDED:
        gc.disable()
        setattr(app, _SUSPENDED, True)
        _LEFT_SUSPENDED = True


def resume_collector(app: Sphinx) -> None:
    """``builder-inited`` (first): the collector runs again; Sphinx has made the environment
    and the builder. (Were the builder to fail, Sphinx stops the build: a process that goes
    on after it, such as a test suite, gets the collector back at its next build.)"""
    global _LEFT_SUSPENDED
    if getattr(app, _SUSPENDED, False):
        setattr(app, _SUSPENDED, False)
        _LEFT_SUSPENDED = False
        if app.env.all_docs:
            # a rebuild: what was unpickled is frozen before the collector runs again,
            # or its first collection walks all of it (see freeze_for_rebuild)
            gc.freeze()
            setattr(app, _FROZEN, True)
        gc.enable()


def freeze_for_rebuild(app: Sphinx) -> None:
    """``builder-inited``: in a rebuild, keep the environment just unpickled, the data and
    Sphinx itself out of the garbage collector's reach until the build ends.

    A rebuild reads few documents, or none, and its collector walked all of them at each
    full collection: two of 67 to 72 ms in a rebuild with no change of the ministry's handbook,
    against one of 14 to 29 ms once frozen (``docs/performance.rst``, "2 December").
    Nothing is collected first: that would be the very walk this saves, and the garbage of
    starting Sphinx is small. A fresh build is left alone: what it frees while writing is
    then collected later, and its peak memory grew by 11 MB at 1,000 units.
    """
    if app.env.all_docs:
        gc.freeze()  # again, when resume_collector froze the environment: the data too
        setattr(app, _FROZEN, True)


def unfreeze(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: give the objects frozen for the build back to the collector (a
    process that runs several builds, such as a test suite, frees them)."""
    if getattr(app, _FROZEN, False):
        setattr(app, _FROZEN, False)
        gc.unfreeze()


def before_parallel_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: warm the main process up when Sphinx reads in parallel."""
    if app.parallel > 1 and len(docnames) >= _PARALLEL_MINIMUM and get_state(env).has_data:
        _warm_reading(app)
        _freeze(app)


def before_parallel_write(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: when Sphinx writes in parallel, warm the main process up at
    its first document, which it writes itself before forking the writers of the others."""
    builder = app.builder
    if not getattr(builder, "parallel_ok", False) or getattr(builder, _WARMED, False):
        return
    setattr(builder, _WARMED, True)
    if not get_state(app.env).has_data:
        return
    _warm_reading(app)  # the writers also resolve the names and counts of the pages
    _warm_drawing()
    _freeze(app)
