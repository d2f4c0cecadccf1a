"""Run Graphviz's ``dot``; read the size of what it drew."""

from __future__ import annotations

import re
import shutil
import subprocess
from functools import lru_cache

__all__ = ["RenderError", "dot_version", "pdf_size", "render"]


class RenderError(Exception):
    """``dot`` is missing or failed."""


def render(source: str, fmt: str, dot: str = "dot") -> bytes:
    """The output of ``dot -T<fmt>`` for ``source``."""
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
    return done.stdout


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
