"""The package inside a build: loaded once, cached in the environment with the hashes of its
files, and fingerprinted so that an edit re-reads only the documents that show what changed.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .. import __version__
from ..i18n import N_
from ..loader import digest_files, package_files
from ..problems import Problem
from .config import data_path
from .fingerprints import fingerprints, hash_value
from .navigation import (
    NavigationMemory,
    navigation_to_rewrite,
    remember_added,
    remember_navigation,
)
from .text import __, console_language
from .warnings import BAD_OPTION, NO_DATA, UNKNOWN_TARGET, WARNING_TYPE, logger, warn

if TYPE_CHECKING:
    # Loading the data imports the model and the loader: a rebuild with no change in the
    # data imports neither (see :attr:`OrgState.data`).
    from ..data import OrgData
    from ..loader import ReadCache

__all__ = [
    "OrgState",
    "before_reading",
    "get_state",
    "load_state",
    "note_deps",
    "note_references",
    "outdated_docs",
    "rewritten_docs",
]

DOMAIN = "org"


@dataclass
class OrgState:
    """What the build knows of the package; lives in the domain's data, pickled with the env."""

    root: str = ""
    digests: dict[str, str] = field(default_factory=dict)
    loaded: OrgData | None = None  # the data, once read (see ``data``)
    data_file: str = ""  # where it is kept between builds, apart from the environment
    data_key: str = ""  # what the data kept there was loaded from ("" if not kept)
    problems: list[Problem] = field(default_factory=list)
    fingerprints: dict[str, str] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)
    pages: dict[str, str] = field(default_factory=dict)
    nav: Any = None  # pages.Navigation: which page lists which
    rewrite: list[str] = field(default_factory=list)  # documents to write, not read, again
    nav_prints: dict[str, str] = field(default_factory=dict)  # pages.nav_fingerprints
    navigation: NavigationMemory = field(default_factory=NavigationMemory)
    pages_key: tuple[Any, ...] = ()  # what the generated pages were made from
    page_digests: dict[str, str] = field(default_factory=dict)  # their texts' digests
    settings: tuple[str, str] = ("", "")
    indices: dict[str, tuple[str, Any]] = field(default_factory=dict)  # indices.py
    owner_pid: int = 0  # the process that loaded the package in this build

    @property
    def has_data(self) -> bool:
        """Whether the package could be loaded, without reading its data."""
        return self.loaded is not None or bool(self.data_key)

    @property
    def data(self) -> OrgData | None:
        """The package's data; read from its own file the first time a build needs it (a
        rebuild with no change in the data needs it only if documents are read again)."""
        if self.loaded is None and self.data_key:
            self.loaded = _read_data(self)
        return self.loaded

    @data.setter
    def data(self, value: OrgData | None) -> None:
        self.loaded = value

    def __setstate__(self, state: dict[str, Any]) -> None:
        # an environment pickled by an older version may lack the newer fields
        self.__dict__.update({**OrgState().__dict__, **state})

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        if self.data_key:
            state["loaded"] = None  # kept in data_file: the environment loads faster
        if self.owner_pid and self.owner_pid != os.getpid():
            # A parallel reader sends its environment back to the main process, which has
            # the package already: do not pickle it once per chunk of documents.
            state.update(
                loaded=None,
                problems=[],
                fingerprints={},
                digests={},
                pages={},
                nav=None,
                changed=set(),
                page_digests={},
                nav_prints={},
                navigation=NavigationMemory(),
            )
        return state


def get_state(env: BuildEnvironment) -> OrgState:
    """The package state of this build."""
    state: OrgState = env.domaindata[DOMAIN]["state"]
    return state


def load_state(app: Sphinx) -> OrgState:
    """Load the package unless the cached one has the same files; report its problems."""
    env = app.env
    state = get_state(env)
    root = data_path(app)
    digests = digest_files(package_files(root))
    settings = (str(root), app.config.orgchart_as_of or "")
    if not state.has_data or state.settings != settings or state.digests != digests:
        from ..loader import load_package
        from ..timeline import as_of_view

        logger.info(__("loading the organisation data from %s"), root)
        cache = _read_cache(app)
        result = load_package(root, cache)
        _write_cache(app, cache)
        if result.data is not None and app.config.orgchart_as_of:
            result.data = as_of_view(
                result.data, dt.date.fromisoformat(str(app.config.orgchart_as_of))
            )
        new_prints = fingerprints(result.data) if result.data else {}
        old_prints = state.fingerprints
        state.changed = {
            key
            for key in old_prints.keys() | new_prints.keys()
            if old_prints.get(key) != new_prints.get(key)
        }
        state.root = str(root)
        state.settings = settings
        state.digests = result.files or digests
        state.data = result.data
        state.data_file = str(Path(app.doctreedir) / DATA_FILE)
        state.data_key = _write_data(state)
        state.problems = result.problems
        state.fingerprints = new_prints
    else:
        state.changed = set()
        state.data_file = str(Path(app.doctreedir) / DATA_FILE)
    state.owner_pid = os.getpid()
    report_problems(app, state)
    return state


DATA_FILE = "orgchart-data.pickle"
"""In the doctrees folder: the validated data of the last build that loaded the package."""


def _data_key(state: OrgState) -> str:
    return hash_value([__version__, state.settings, sorted(state.digests.items())])


def _write_data(state: OrgState) -> str:
    """Keep the data in its own file; its key, or "" if it could not be written (the
    environment then keeps the data itself)."""
    if state.loaded is None:
        return ""
    key = _data_key(state)
    path = Path(state.data_file)
    try:
        partial = path.with_name(f"{path.name}.{os.getpid()}")
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(pickle.dumps((key, state.loaded), pickle.HIGHEST_PROTOCOL))
        partial.replace(path)
    except (OSError, pickle.PicklingError):
        return ""
    return key


def _read_data(state: OrgState) -> OrgData | None:
    """The data kept by :func:`_write_data`; loaded again from the package's files if that
    file is gone or holds other data."""
    try:
        key, data = pickle.loads(Path(state.data_file).read_bytes())
    except Exception:  # a file cut short, deleted, or written by another version
        key, data = "", None
    if key == state.data_key and key == _data_key(state):
        loaded: OrgData | None = data
        return loaded
    from ..loader import load_package
    from ..timeline import as_of_view

    result = load_package(state.root)
    state.data_key = ""
    if result.data is not None and state.settings[1]:
        return as_of_view(result.data, dt.date.fromisoformat(state.settings[1]))
    return result.data


READ_CACHE = "orgchart-files.pickle"
"""In the doctrees folder: the package's files as parsed by the last build that loaded it."""


def _read_cache(app: Sphinx) -> ReadCache:
    from ..loader import ReadCache

    path = Path(app.doctreedir) / READ_CACHE
    try:
        return ReadCache.loads(path.read_bytes())
    except OSError:
        return ReadCache()


def _write_cache(app: Sphinx, cache: ReadCache) -> None:
    path = Path(app.doctreedir) / READ_CACHE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}")
        partial.write_bytes(cache.dumps())
        partial.replace(path)
    except OSError:
        pass  # a cache only: the next build parses the files again


def report_problems(app: Sphinx, state: OrgState) -> None:
    """Every problem of the data, as a located warning, on every build."""
    language = console_language()
    for problem in state.problems:
        message = problem.message(language)
        location = problem.location() if problem.line else None
        if problem.path is not None and not problem.line:
            message = f"{problem.path}: {message}"  # Sphinx reads a bare path as a docname
        logger.warning(message, type=WARNING_TYPE, subtype=problem.code, location=location)
    if not state.has_data:
        loaded = __(
            "the organisation data could not be loaded: the directives of sphinx-orgchart "
            "will show nothing"
        )
        warn(
            f"{state.root}: {loaded}",
            NO_DATA,
        )


WRITE_ONLY = "="
"""Prefix of the dependencies that call for writing a document again, not reading it."""


def note_deps(env: BuildEnvironment, keys: Iterable[str], names: Iterable[str] = ()) -> None:
    """Record that the current document shows the data behind ``keys``.

    ``unit:<id>`` stands for the unit's whole record, its name included, unless the unit is
    in ``names``: the document shows that unit's name only through references named when
    the document is written (see :class:`~sphinx_orgchart.sphinx.livenames.LiveNames`), so
    that renaming the unit rewrites the document without reading it again.
    """
    deps: set[str] = env.domaindata[DOMAIN]["deps"].setdefault(env.docname, set())
    named = set(names)
    # The same keys recur in thousands of documents: interned, the pickled environment holds
    # each once (it is read on every build, a third smaller at 1,000 units).
    for key in keys:
        deps.add(sys.intern(key))
        if key.startswith("unit:") and key[5:] not in named:
            deps.add(sys.intern("label:" + key[5:]))
    deps.update(sys.intern(f"{WRITE_ONLY}label:{unit_id}") for unit_id in named)


def outdated_docs(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Documents to read again because data they show has changed (``env-get-outdated``)."""
    state = get_state(env)
    state.rewrite = []
    remember_added(state.navigation, added)  # for rewritten_docs
    if not state.changed:
        return []
    deps: dict[str, set[str]] = env.domaindata[DOMAIN]["deps"]
    written = {WRITE_ONLY + key for key in state.changed}
    stale: list[str] = []
    for doc, keys in sorted(deps.items()):
        if doc in changed or doc in added or doc in removed:
            continue
        if not keys.isdisjoint(state.changed):
            stale.append(doc)
        elif not keys.isdisjoint(written):
            state.rewrite.append(doc)
    if stale:
        logger.info(__("the organisation data changed: %d documents to read again"), len(stale))
    return stale


def before_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Keep the navigation of the documents about to be read (``env-before-read-docs``)."""
    remember_navigation(get_state(env).navigation, env, docnames)


def rewritten_docs(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Documents to write again without reading them (``env-get-updated``): those that name
    a renamed unit in references named at write time, and those whose navigation (sidebar,
    previous / next links) shows a document added, removed, renamed or moved."""
    state = get_state(env)
    return sorted(set(state.rewrite) | navigation_to_rewrite(app, env, state.navigation))


def note_references(app: Sphinx, doctree: nodes.document) -> None:
    """Record that the document read shows the name of everything it links to
    (``doctree-read``), whichever directive or role made the link."""
    env = app.env
    data = get_state(env).data
    keys: set[str] = set()
    names: set[str] = set()
    for ref in doctree.findall(addnodes.pending_xref):
        if ref.get("refdomain") != DOMAIN:
            continue
        kind, target = ref.get("reftype", ""), ref.get("reftarget", "")
        if kind == "unit":
            if ref.get("orgchart_name"):
                names.add(target)
            else:
                keys.add(f"label:{target}")
        elif kind == "post":
            unit = data.posts.get(target) if data is not None else None
            keys.add(f"unit:{unit[0]}" if unit else f"post:{target}")
        elif kind.endswith("-entry"):
            keys.add(f"unit:{target}")
        else:
            keys.add(f"{kind}:{target}")
    deps: set[str] = env.domaindata[DOMAIN]["deps"].setdefault(env.docname, set())
    deps.update(sys.intern(key) for key in keys)
    deps.update(sys.intern(f"{WRITE_ONLY}label:{unit_id}") for unit_id in names)


def data_of(env: BuildEnvironment) -> OrgData | None:
    """The loaded organisation data, if any."""
    return get_state(env).data


def digest_key(path: Path) -> str:
    """The key a file has in :attr:`OrgState.digests`."""
    return path.as_posix()


def data_for(directive: Any) -> OrgData | None:
    """The data a directive shows: as of its ``:as-of:`` date when it has one."""
    data = get_state(directive.env).data
    text = directive.options.get("as-of", "")
    if data is None or not text:
        return data
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        warn(
            __(":as-of: %r is not a date written YYYY-MM-DD") % text,
            BAD_OPTION,
            directive.get_location(),
        )
        return data
    from ..timeline import as_of_view

    note_deps(directive.env, ["events", "units", "organisations"])
    return as_of_view(data, day)


class OptionError(Exception):
    """An option names something the data does not have (the warning is already given)."""


def option_id(directive: Any, data: OrgData, option: str, section: str) -> str | None:
    """The id an option names, or None when the option is not given.

    ``section`` is the kind of record it names ("organisations", "units", "objectives").
    Raises :class:`OptionError`, after a located warning, when the data has no such id.
    """
    value = str(directive.options.get(option, "")).strip()
    if not value:
        return None
    if value not in getattr(data, section):
        warn(
            __(
                "unknown id '%(id)s' in :%(option)s: of %(directive)s: no such %(kind)s in "
                "the organisation data"
            )
            % {
                "id": value,
                "option": option,
                "directive": directive.name,
                "kind": __(CONSOLE_KINDS[section]),
            },
            UNKNOWN_TARGET,
            directive.get_location(),
        )
        raise OptionError(value)
    return value


CONSOLE_KINDS = {
    "organisations": N_("organisation"),
    "units": N_("unit"),
    "objectives": N_("objective"),
    "levels": N_("level"),
}
