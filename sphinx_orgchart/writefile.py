"""Write files atomically, and never replace a file the user did not ask to replace."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .i18n import N_, translate

__all__ = ["WriteRefused", "write_bytes_atomic", "write_text_atomic"]


class WriteRefused(Exception):
    """The target exists and replacing it was not allowed."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path

    def message(self, language: str) -> str:
        """What to tell the user."""
        return translate(
            language, N_("%(path)s already exists: nothing was written (use --force to replace it)")
        ) % {"path": self.path}


def write_bytes_atomic(
    path: Path, data: bytes, overwrite: bool = False, durable: bool = True
) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place.

    ``durable`` also flushes the file to the disk before the rename: worth it for what a
    user asked to write, not for files the build writes again at will.
    """
    if path.exists() and not overwrite:
        raise WriteRefused(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str, overwrite: bool = False, durable: bool = True) -> None:
    """Write ``text`` as UTF-8 (see :func:`write_bytes_atomic`)."""
    write_bytes_atomic(path, text.encode("utf-8"), overwrite=overwrite, durable=durable)
