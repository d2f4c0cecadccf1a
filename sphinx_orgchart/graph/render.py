"""Run Graphviz's ``dot``; read the size of what it drew."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from ..writefile import write_bytes_atomic

__all__ = [
    "RenderError",
    "dot_version",
    "fixed_pdf_dates",
    "pdf_size",
    "render",
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
        raise RenderError(done.stderr.decode("utf-8", "replace").strip())
    return fixed_pdf_dates(done.stdout) if fmt == "pdf" else done.stdout


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
