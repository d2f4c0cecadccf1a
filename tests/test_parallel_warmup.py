"""A parallel build does once, in the main process, what each forked chunk would do again.

With ``-j 2`` Sphinx forks a new process for each chunk of documents it reads or writes.
The main process imports the directives, builds the data's indexes, asks Graphviz its
version and its font, and freezes what is alive (:mod:`sphinx_orgchart.sphinx.warmup`)
before the first fork: the chunks inherit all of it. Each build runs in a new process, as
``sphinx-build`` does, and a probe extension records what each process saw.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sphinx_orgchart.sphinx.directives import DIRECTIVES

from .process_handbook import REPO, write_handbook

PROBE = """
import gc, json, os, subprocess, sys

MAIN = os.getpid()
_seen = set()
_run = subprocess.run


def _record(what, **values):
    line = json.dumps({"pid": os.getpid(), "main": os.getpid() == MAIN, "what": what, **values})
    fd = os.open(os.environ["ORGCHART_PROBE_FILE"], os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    try:
        os.write(fd, (line + "\\n").encode())
    finally:
        os.close(fd)


def run(args, *rest, **options):
    if args and os.path.basename(str(args[0])) == "dot" and ("-V" in args or "-v" in args):
        _record("graphviz-asked", args=[str(a) for a in args[1:]])
    return _run(args, *rest, **options)


subprocess.run = run


def _first(what, **values):
    if os.getpid() != MAIN and (what, os.getpid()) not in _seen:
        _seen.add((what, os.getpid()))
        _record(what, frozen=gc.get_freeze_count(), **values)


def _source_read(app, docname, source):
    prefix = "sphinx_orgchart.sphinx.directives."
    _first("reader", modules=sorted(m[len(prefix):] for m in sys.modules if m.startswith(prefix)))


def _page(app, pagename, templatename, context, doctree):
    _first("writer")


def _finished(app, exception):
    _record("finished", frozen=gc.get_freeze_count())


def setup(app):
    app.connect("source-read", _source_read)
    app.connect("html-page-context", _page)
    app.connect("build-finished", _finished, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""


def _handbook(tmp_path: Path) -> Path:
    return write_handbook(tmp_path, "warmup_probe", PROBE, "orgchart_page_charts = True\n")


def _build(src: Path, out: Path, jobs: int) -> list[dict[str, object]]:
    """Build in a new process; what the probe recorded."""
    probe = src.parent / f"probe-{jobs}.jsonl"
    probe.unlink(missing_ok=True)
    environment = {**os.environ, "ORGCHART_PROBE_FILE": str(probe)}
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(REPO), *filter(None, [environment.get("PYTHONPATH")])]
    )
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "-j", str(jobs)]
    done = subprocess.run(
        [*command, str(src), str(out), "-d", str(out.parent / f"doctrees-{jobs}")],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in probe.read_text("utf-8").splitlines()]


def _output(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


def test_the_forked_chunks_inherit_the_warm_up(tmp_path: Path) -> None:
    src = _handbook(tmp_path)
    records = _build(src, tmp_path / "parallel" / "html", 2)
    readers = [r for r in records if r["what"] == "reader"]
    writers = [r for r in records if r["what"] == "writer"]
    assert len(readers) >= 2  # the build did fork its readers
    assert writers  # and its writers
    modules = sorted(spec.partition(":")[0] for spec in DIRECTIVES.values())
    for reader in readers:
        # every directive's module was there before the chunk read its first document
        assert isinstance(reader["modules"], list)
        assert set(modules) <= set(reader["modules"]), reader
        assert reader["frozen"], reader
    assert all(writer["frozen"] for writer in writers), writers
    # Graphviz was asked its version and its font once, by the main process
    asked = [r for r in records if r["what"] == "graphviz-asked"]
    assert asked
    assert all(r["main"] for r in asked), asked
    assert len(asked) == len({tuple(r["args"]) for r in asked}), asked  # type: ignore[arg-type]
    # nothing stays frozen once the build is over
    assert [r["frozen"] for r in records if r["what"] == "finished"] == [0]


def test_a_serial_build_does_no_warm_up_and_writes_the_same_files(tmp_path: Path) -> None:
    src = _handbook(tmp_path)
    _build(src, tmp_path / "parallel" / "html", 2)
    records = _build(src, tmp_path / "serial" / "html", 1)
    assert [r for r in records if r["what"] in ("reader", "writer")] == []
    assert [r["frozen"] for r in records if r["what"] == "finished"] == [0]
    assert _output(tmp_path / "parallel" / "html") == _output(tmp_path / "serial" / "html")


REBUILD_PROBE = """
import gc, json, os


def _record(what, **values):
    with open(os.environ["ORGCHART_PROBE_FILE"], "a") as out:
        out.write(json.dumps({"what": what, **values}) + "\\n")


def setup(app):
    app.connect(
        "env-before-read-docs",
        lambda app, env, docnames: _record("reading", frozen=gc.get_freeze_count()),
    )
    app.connect(
        "build-finished",
        lambda app, exc: _record("finished", frozen=gc.get_freeze_count()),
        priority=900,
    )
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""


def test_a_rebuild_keeps_what_it_unpickled_out_of_the_collectors_walks(tmp_path: Path) -> None:
    """A serial rebuild freezes the environment it unpickled until the build ends; a fresh
    build does not (``warmup.freeze_for_rebuild``), and the rebuild writes what it wrote."""
    src = write_handbook(tmp_path, "rebuild_probe", REBUILD_PROBE)
    out = tmp_path / "serial" / "html"
    fresh = _build(src, out, 1)
    first = _output(out)
    (src / "annuaire.rst").write_text(
        "Annuaire\n========\n\nL'annuaire des services.\n\n.. org:directory::\n", "utf-8"
    )
    rebuild = _build(src, out, 1)
    assert [r["frozen"] for r in fresh if r["what"] == "reading"] == [0]
    assert next(r["frozen"] for r in rebuild if r["what"] == "reading") > 1000
    assert [r["frozen"] for r in fresh + rebuild if r["what"] == "finished"] == [0, 0]
    second = _output(out)
    assert second.pop("annuaire.html") != first.pop("annuaire.html")
    edited = ("searchindex.js", "_sources/annuaire.rst.txt")
    assert {k: v for k, v in second.items() if k not in edited} == {
        k: v for k, v in first.items() if k not in edited
    }
