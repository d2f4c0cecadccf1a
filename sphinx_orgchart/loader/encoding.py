"""From a file's bytes to its text: UTF-8 only, and a clear message for anything else."""

from __future__ import annotations

import codecs
from pathlib import Path

from ..i18n import N_
from ..problems import FILE_BINARY, FILE_ENCODING, Problem

__all__ = ["decode"]

# Byte order marks of the encodings Windows tools call "Unicode" (longest first).
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 if the file looks saved so (a byte order mark, or ASCII text whose
    every other byte is NUL), else None."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return name
    head = data[: min(len(data), 512) // 4 * 4]
    if len(head) < 8:
        return None
    if (not any(head[1::4] + head[2::4] + head[3::4]) and all(head[0::4])) or (
        not any(head[0::4] + head[1::4] + head[2::4]) and all(head[3::4])
    ):
        return "UTF-32"
    if (not any(head[1::2]) and all(head[0::2])) or (not any(head[0::2]) and all(head[1::2])):
        return "UTF-16"
    return None


def decode(data: bytes, path: Path) -> tuple[str | None, Problem | None]:
    """The text of a file's bytes, or the problem that stops reading it as YAML text."""
    wide = _wide_encoding(data)
    if wide is not None:
        msgid = N_(
            'the file is saved as %(encoding)s ("Unicode" in some editors), not '
            "UTF-8: save it as UTF-8 in your editor"
        )
        return None, Problem(FILE_ENCODING, msgid, {"encoding": wide}, path, 1)
    if b"\x00" in data[:8192]:
        return None, Problem(FILE_BINARY, N_("this is a binary file, not YAML text"), {}, path)
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        msgid = N_("the file is not UTF-8 (byte 0x%(byte)s): save it as UTF-8 in your editor")
        return None, Problem(FILE_ENCODING, msgid, {"byte": f"{data[exc.start]:02x}"}, path, line)
