"""The package's files as read last time, so that a rebuild parses again only the files
that changed.

Parsing YAML is most of the cost of loading a package (0.5 s of 0.55 s for 1,000 units);
unpickling a file read before takes a twentieth of that. The cache maps each file's path to
the SHA-256 of its bytes and its :class:`~.yamlsource.YamlFile`, pickled: every hit gives
fresh objects, which the assembler may change freely. It is tied to the code that reads
files: a new version of the reader starts from an empty cache.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from . import encoding, yamlsource, yamlsyntax
from .yamlsource import YamlFile, read_yaml

__all__ = ["ReadCache"]


def _reader_digest() -> str:
    """What the parsed form depends on: the source of the modules that read a file."""
    digest = hashlib.sha256()
    for module in (yamlsource, yamlsyntax, encoding):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()


class ReadCache:
    """Parsed files by path, each with the digest of the bytes it was parsed from."""

    def __init__(self) -> None:
        self.entries: dict[str, tuple[str, bytes]] = {}
        self.parsed = 0
        """Files parsed (not found in the cache) since the cache was made or loaded."""

    def read(self, path: Path) -> YamlFile:
        """The file at ``path``, from the cache when its bytes are the ones parsed before."""
        key = path.as_posix()
        entry = self.entries.get(key)
        if entry is not None:
            try:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                digest = ""
            if digest and digest == entry[0]:
                cached: YamlFile = pickle.loads(entry[1])
                return cached
        file = read_yaml(path)
        self.parsed += 1
        if file.digest:
            self.entries[key] = (file.digest, pickle.dumps(file, pickle.HIGHEST_PROTOCOL))
        else:
            self.entries.pop(key, None)
        return file

    def keep_only(self, paths: list[str]) -> None:
        """Forget the files that are no longer part of the package."""
        wanted = set(paths)
        for key in [k for k in self.entries if k not in wanted]:
            del self.entries[key]

    def dumps(self) -> bytes:
        """The cache as bytes, to keep between processes."""
        return pickle.dumps((_reader_digest(), self.entries), pickle.HIGHEST_PROTOCOL)

    @classmethod
    def loads(cls, data: bytes) -> ReadCache:
        """A cache from :meth:`dumps`; empty if unreadable or written by another reader."""
        cache = cls()
        try:
            reader, entries = pickle.loads(data)
        except Exception:  # a cache file cut short or from elsewhere
            return cache
        if reader == _reader_digest() and isinstance(entries, dict):
            cache.entries = entries
        return cache
