"""Run Graphviz's ``dot``; read the size of what it drew."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..writefile import write_bytes_atomic

__all__ = [
    "Drawing",
    "RenderError",
    "dot_version",
    "fixed_pdf_dates",
    "on_sheet",
    "pdf_size",
    "render",
    "render_best",
    "stamp_pdf",
]


class RenderError(Exception):
    """``dot`` is missing or failed."""


def render(source: str, fmt: str, dot: str = "dot") -> bytes:
    """The output of ``dot -T<fmt>`` for ``source`` (a PDF dated by ``SOURCE_DATE_EPOCH``,
    when that is set: see :func:`fixed_pdf_dates`)."""
    if shutil.which(dot) is None:
        raise RenderError(
            f"the Graphviz program '{dot}' is not installed "
            "(Debian, Ubuntu: apt-get install graphviz)"
        )
    try:
        done = subprocess.run(
            [dot, f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            check=False,
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RenderError(str(exc)) from exc
    if done.returncode != 0:
        error = done.stderr.decode("utf-8", "replace").strip()
        raise RenderError(error or f"'{dot}' stopped with code {done.returncode}")
    return fixed_pdf_dates(done.stdout) if fmt == "pdf" else done.stdout


@dataclass(frozen=True)
class Drawing:
    """What :func:`render_best` drew: the output, which of the sources gave it (0: the
    preferred one), and why the sources before it failed."""

    data: bytes
    variant: int
    failures: tuple[str, ...] = ()


def render_best(sources: Sequence[str], fmt: str, dot: str = "dot") -> Drawing:
    """The drawing of the first of ``sources`` that ``dot`` draws (the same chart with other
    routings or layouts, the preferred first: :func:`.dot.dot_variants`).

    Graphviz 2.43's right-angle router aborts on some charts; the chart is then drawn with
    the next source, never lost as long as one of them draws. Raises :class:`RenderError`,
    with every failure, when none does, or at once when ``dot`` is missing.
    """
    failures: list[str] = []
    for index, source in enumerate(sources):
        try:
            return Drawing(render(source, fmt, dot), index, tuple(failures))
        except RenderError as exc:
            if shutil.which(dot) is None:
                raise
            failures.append(str(exc) or "dot failed")
    raise RenderError("; ".join(dict.fromkeys(failures)) or "nothing to draw")


def first_line(message: str) -> str:
    """The line of a ``dot`` failure that says what failed (its assertion, mostly)."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    chosen = next((line for line in lines if "Assertion" in line or "rror" in line), None)
    return chosen or (lines[-1] if lines else message)


@lru_cache(maxsize=1)
def dot_version(dot: str = "dot") -> str:
    """Graphviz's version, e.g. "2.43.0" (part of cache keys)."""
    try:
        done = subprocess.run([dot, "-V"], capture_output=True, check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    match = re.search(rb"version (\S+)", done.stderr + done.stdout)
    return match.group(1).decode() if match else "unknown"


_MEDIABOX = re.compile(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")


def pdf_size(data: bytes) -> tuple[float, float] | None:
    """Width and height, in inches, of the first page of a PDF drawn by ``dot``."""
    match = _MEDIABOX.search(data)
    if match is None:
        return None
    x0, y0, x1, y1 = (float(v) for v in match.groups())
    return (x1 - x0) / 72, (y1 - y0) / 72


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}(Z|[+-]\d\d'\d\d'?)?\)")


def fixed_pdf_dates(data: bytes) -> bytes:
    """A PDF's bytes with its dates set to ``SOURCE_DATE_EPOCH``, when that is set.

    Graphviz draws PDFs through cairo, which writes the clock's time as ``/CreationDate``
    (cairo 1.16 ignores ``SOURCE_DATE_EPOCH``). The date is rewritten with the same number
    of bytes, so that the file's cross-reference offsets stay right. Every PDF that
    sphinx-orgchart writes goes through here: :func:`render` for the ones it draws,
    :func:`stamp_pdf` for those ``sphinx.ext.graphviz`` writes.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return data
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC).strftime("%Y%m%d%H%M%S").encode()

    def fixed(match: re.Match[bytes]) -> bytes:
        zone = match[2] or b""
        zone = b"Z" if zone == b"Z" else re.sub(rb"\d", b"0", zone)
        if zone.startswith(b"-"):
            zone = b"+" + zone[1:]
        return b"/" + match[1] + b" (D:" + moment + zone + b")"

    return _PDF_DATE.sub(fixed, data)


def stamp_pdf(path: Path) -> bytes:
    """The PDF at ``path``, rewritten in place by :func:`fixed_pdf_dates` when it changes
    (for the files ``sphinx.ext.graphviz`` draws)."""
    data = path.read_bytes()
    stamped = fixed_pdf_dates(data)
    if stamped != data:
        write_bytes_atomic(path, stamped, overwrite=True, durable=False)
    return stamped


_OBJECT = re.compile(rb"(?m)^(\d+) 0 obj\b")
_XREF = re.compile(rb"xref\n0 (\d+)\n(?:\d{10} \d{5} [fn] ?\r?\n)+")
_STARTXREF = re.compile(rb"startxref\s+\d+")


def on_sheet(data: bytes, sheet: tuple[float, float]) -> bytes:
    """A one-page PDF drawn by ``dot`` (cairo), its page made ``sheet`` (width and height
    in points) with the drawing in its middle.

    Graphviz's PDF page is the size of the drawing (its ``page`` attribute is not honoured by
    cairo); the drawing is left as it is and the page's ``/MediaBox`` made the sheet's size
    around it (a box may start below zero). The cross-reference table is written again for
    the new offsets.
    """
    match = _MEDIABOX.search(data)
    if match is None:
        return data
    x0, y0, x1, y1 = (float(v) for v in match.groups())
    dx, dy = (sheet[0] - (x1 - x0)) / 2, (sheet[1] - (y1 - y0)) / 2
    box = [x0 - dx, y0 - dy, x0 - dx + sheet[0], y0 - dy + sheet[1]]
    text = " ".join(f"{v:.2f}".rstrip("0").rstrip(".") for v in box)
    data = data[: match.start()] + b"/MediaBox [ " + text.encode() + b" ]" + data[match.end() :]
    xref = _XREF.search(data)
    if xref is None:
        return data
    count = int(xref[1])
    offsets = {int(m[1]): m.start() for m in _OBJECT.finditer(data, 0, xref.start())}
    rows = [b"0000000000 65535 f \n"]
    for number in range(1, count):
        if number in offsets:
            rows.append(b"%010d 00000 n \n" % offsets[number])
        else:
            rows.append(b"0000000000 65535 f \n")
    table = b"xref\n0 %d\n" % count + b"".join(rows)
    data = data[: xref.start()] + table + data[xref.end() :]
    start = data.index(b"xref\n0 ")
    return _STARTXREF.sub(b"startxref\n%d" % start, data)
