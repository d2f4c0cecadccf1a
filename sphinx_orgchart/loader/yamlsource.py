"""Read one YAML file safely into plain values, remembering the line of every key and item.

Only the safe subset of YAML is accepted: standard tags, bounded alias expansion, no duplicate
keys, UTF-8 text. libyaml's C parser is used when PyYAML was built with it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..i18n import N_
from ..problems import (
    FILE_EMPTY,
    FILE_TOO_LARGE,
    FILE_UNREADABLE,
    YAML_ALIAS,
    YAML_DUPLICATE_KEY,
    YAML_SYNTAX,
    YAML_TAG,
    Problem,
)
from .encoding import decode

__all__ = ["MAX_FILE_BYTES", "MAX_NODES", "LineMap", "YamlFile", "read_yaml"]

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Files larger than this (20 MiB) are refused: a package splits into several files."""

MAX_NODES = 1_000_000
"""Most values one file may expand to, aliases included (stops "billion laughs")."""

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge")
)

_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"

Path_ = tuple[str | int, ...]


TEXT_START = -1
"""Last item of the path under which a text's first line is kept, when it is not the key's."""


@dataclass
class LineMap:
    """Line numbers (1-based) of the keys and items of one file, by their path."""

    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """Line of ``path``, or of its closest ancestor that has one."""
        lines = self.lines
        for end in range(len(path), -1, -1):
            line = lines.get(path[:end])
            if line is not None:
                return line
        return None

    def text_line(self, path: Path_) -> int | None:
        """Line of the first line of the text at ``path`` (a block scalar starts below its key)."""
        return self.lines.get((*path, TEXT_START)) or self.line_of(path)


@dataclass
class YamlFile:
    """One file's values, line map and the problems met while reading it."""

    path: Path
    value: Any = None
    lines: LineMap = field(default_factory=LineMap)
    problems: list[Problem] = field(default_factory=list)
    text: str = field(default="", repr=False)
    digest: str = ""
    """SHA-256 of the bytes read ("" when the file could not be read)."""

    @property
    def guessed_ids(self) -> set[str]:
        """Ids that look written in the text, for a file that could not be parsed."""
        return set(_ID_LINE.findall(self.text)) if self.value is None else set()


# ``id: x`` at the start of a line or of a list item, or inside a flow mapping ``{id: x}``.
_ID_LINE = re.compile(r"""(?:^|[\s{,])id:\s*["']?([a-z0-9][a-z0-9._-]*)""", re.MULTILINE)


class SourceInt(int):
    """An integer that remembers how it was written (0142764040 read as octal, +33...)."""

    text: str

    def __new__(cls, value: int, text: str) -> SourceInt:
        number = super().__new__(cls, value)
        number.text = text
        return number

    def __reduce__(self) -> tuple[type[SourceInt], tuple[int, str]]:
        # pickled with the package's read cache: keep how it was written
        return (SourceInt, (int(self), self.text))


_TIME_LIKE = re.compile(r"^(\d{1,2}):(\d{2})$")
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"


def _expanded_size(root: yaml.Node, limit: int) -> int:
    """How many values ``root`` expands to with its aliases; stops counting past ``limit``."""
    memo: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in memo and not done:
            continue
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        if done:
            memo[id(node)] = min(limit + 1, 1 + sum(memo.get(id(c), 0) for c in children))
            continue
        memo[id(node)] = 0  # in progress: a recursive alias counts nothing more
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in memo)
    return memo[id(root)]


class _FastLoader(_Loader):  # type: ignore[misc,valid-type]
    """The safe loader, with PyYAML's tag resolution in one step.

    The composer asks the resolver the tag of every node; PyYAML's resolver, written for
    every loader, took a fifth of the time of reading 10,000 units. The answers are the
    same (``tests/test_yamlsource.py`` compares them): the same implicit resolvers, chosen
    by the value's first character, and the default tags.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], _WILDCARD):
                    if regexp.match(value):
                        return tag
            return _STR_TAG
        return _SEQ_TAG if kind is yaml.SequenceNode else _MAP_TAG

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """No path resolvers: nothing to follow."""

    def ascend_resolver(self) -> None:
        """No path resolvers: nothing to follow."""


_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_WILDCARD: list[tuple[str, re.Pattern[str]]] = list(_Loader.yaml_implicit_resolvers.get(None, []))
_IMPLICIT: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    first: [*resolvers, *_WILDCARD]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
    if first is not None
}
if _Loader.yaml_path_resolvers or (
    _Loader.DEFAULT_SCALAR_TAG,
    _Loader.DEFAULT_SEQUENCE_TAG,
    _Loader.DEFAULT_MAPPING_TAG,
) != (_STR_TAG, _SEQ_TAG, _MAP_TAG):
    _FastLoader = _Loader  # type: ignore[misc,assignment]  # changed elsewhere: PyYAML's own


class _Builder:
    """Turns a composed node tree into plain values and a line map."""

    def __init__(self, loader: yaml.SafeLoader, out: YamlFile, aliases: bool, merges: bool) -> None:
        self.loader = loader
        self.out = out
        self.active: set[int] = set()
        self.fatal = False
        self.aliases = aliases
        """Whether the text may hold aliases (a ``*``): only then can a node recur."""
        self.merges = merges
        """Whether the text may hold merge keys (``<<``, or a key tagged ``!!merge``)."""

    def problem(self, code: str, msgid: str, line: int, **args: object) -> None:
        self.out.problems.append(Problem(code, msgid, args, self.out.path, line))

    def refuse(self, code: str, msgid: str, line: int, **args: object) -> None:
        """A problem after which the file is not used at all."""
        self.problem(code, msgid, line, **args)
        self.fatal = True

    def build(self, node: yaml.Node, path: Path_) -> Any:
        line = node.start_mark.line + 1
        self.out.lines.lines.setdefault(path, line)
        if node.tag not in _STANDARD_TAGS:
            tag = node.tag
            if tag.startswith("tag:yaml.org,2002:"):
                tag = "!!" + tag.removeprefix("tag:yaml.org,2002:")
            self.refuse(
                YAML_TAG,
                N_(
                    "the YAML tag %(tag)s is not allowed: write plain values (text, numbers, "
                    "dates, lists, mappings)"
                ),
                line,
                tag=tag,
            )
            return None
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if not self.aliases:
            return self.collection(node, path)
        if id(node) in self.active:
            self.refuse(YAML_ALIAS, N_("a YAML alias refers to itself"), line)
            return None
        self.active.add(id(node))
        try:
            return self.collection(node, path)
        finally:
            self.active.discard(id(node))

    def collection(self, node: yaml.Node, path: Path_) -> Any:
        if isinstance(node, yaml.SequenceNode):
            return self.sequence(node, path)
        assert isinstance(node, yaml.MappingNode)
        return self.mapping(node, path)

    def sequence(self, node: yaml.SequenceNode, path: Path_) -> list[Any]:
        lines = self.out.lines.lines
        result: list[Any] = []
        for index, item in enumerate(node.value):
            if type(item) is yaml.ScalarNode and item.tag == _STR_TAG:
                # the common case of build(), inline: a text item
                lines.setdefault((*path, index), item.start_mark.line + 1)
                result.append(item.value)
            else:
                result.append(self.build(item, (*path, index)))
        return result

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == _STR_TAG:
            return node.value  # most scalars: no need for the constructor
        if node.tag in (_INT_TAG, _FLOAT_TAG) and ":" in node.value:
            # YAML 1.1 reads 8:30 as the number 510; nobody means that: keep the text.
            match = _TIME_LIKE.match(node.value)
            return f"{int(match[1]):02d}:{match[2]}" if match else node.value
        try:
            value = self.loader.construct_object(node, deep=True)
        except (ValueError, yaml.YAMLError):
            # An impossible date such as 2024-13-45: keep the text, validation explains.
            return node.value
        if node.tag == _INT_TAG and isinstance(value, int) and not isinstance(value, bool):
            return SourceInt(value, node.value)
        return value

    def mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        if self.merges:
            try:
                self.loader.flatten_mapping(node)
            except yaml.YAMLError:
                self.refuse(
                    YAML_SYNTAX,
                    N_("a merge key '<<' must refer to a mapping (an &anchor) or a list of them"),
                    node.start_mark.line + 1,
                )
                return {}
        lines = self.out.lines.lines
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if type(key_node) is not yaml.ScalarNode:
                self.problem(
                    YAML_SYNTAX, N_("a key must be a plain word, not a list or mapping"), key_line
                )
                continue
            key_tag = key_node.tag
            if key_tag == _STR_TAG:
                key = key_node.value
            elif key_tag not in _STANDARD_TAGS:
                self.build(key_node, path)  # refuses the tag, located on the key's line
                continue
            else:
                key = str(self.scalar(key_node))
            if key in seen:
                self.problem(
                    YAML_DUPLICATE_KEY,
                    N_(
                        "the key '%(key)s' appears twice in the same mapping (first on line "
                        "%(first)s): keep one"
                    ),
                    key_line,
                    key=key,
                    first=seen[key],
                )
                continue
            seen[key] = key_line
            key_path = (*path, key)
            lines[key_path] = key_line  # the key's line, not its value's
            if type(value_node) is yaml.ScalarNode:
                first = value_node.start_mark.line + 1 + (value_node.style in ("|", ">"))
                if first != key_line:  # a block scalar, or a text starting on the next line
                    lines[(*key_path, TEXT_START)] = first
                if value_node.tag == _STR_TAG:
                    # build()'s common case, inline: the key's line is already the path's
                    result[key] = value_node.value
                    continue
            result[key] = self.build(value_node, key_path)
        return result


def read_yaml(path: Path, max_bytes: int = MAX_FILE_BYTES) -> YamlFile:
    """Read ``path``; problems are collected in the result, never raised."""
    out = YamlFile(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            out.problems.append(
                Problem(
                    FILE_TOO_LARGE,
                    N_(
                        "the file is %(size)s MiB, more than the %(limit)s MiB allowed: split it "
                        "into several files"
                    ),
                    {"size": f"{size / 2**20:.1f}", "limit": f"{max_bytes / 2**20:.0f}"},
                    path,
                )
            )
            return out
        data = path.read_bytes()
        out.digest = hashlib.sha256(data).hexdigest()
    except OSError as exc:
        out.problems.append(
            Problem(
                FILE_UNREADABLE,
                N_("cannot read the file: %(reason)s"),
                {"reason": exc.strerror or str(exc)},
                path,
            )
        )
        return out
    text, problem = decode(data, path)
    if text is None:
        if problem is not None:
            out.problems.append(problem)
        # Kept only to guess the ids the file defines (see YamlFile.guessed_ids).
        out.text = data.decode("utf-8", errors="replace")
        return out
    out.text = text
    if "\ufeff" in text:
        # A byte order mark left in the middle (two files pasted together): YAML reads
        # it as a character of the line, which then seems misindented.
        out.problems.append(
            Problem(
                YAML_SYNTAX,
                N_(
                    "an invisible byte order mark (U+FEFF) is on this line, in the middle "
                    "of the file (often left by pasting two files together): delete it"
                ),
                {},
                path,
                text[: text.index("\ufeff")].count("\n") + 1,
            )
        )
        text = text.replace("\ufeff", "")
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG):
            out.problems.append(
                Problem(
                    FILE_EMPTY,
                    N_("the file holds no data: it is empty, or only comments or null"),
                    {},
                    path,
                    1,
                )
            )
            return out
        if "*" in text and _expanded_size(node, MAX_NODES) > MAX_NODES:
            out.problems.append(
                Problem(
                    YAML_ALIAS,
                    N_(
                        "the YAML aliases of this file expand to more than "
                        "%(limit)s values: write the data without aliases"
                    ),
                    {"limit": MAX_NODES},
                    path,
                    node.start_mark.line + 1,
                )
            )
            return out
        builder = _Builder(loader, out, aliases="*" in text, merges="<<" in text or "merge" in text)
        try:
            value = builder.build(node, ())
        except RecursionError:
            builder.refuse(
                YAML_SYNTAX,
                N_("the values of this file are nested too deeply"),
                node.start_mark.line + 1,
            )
            value = None
        out.value = None if builder.fatal else value
    except yaml.MarkedYAMLError as exc:
        from .yamlsyntax import syntax_problem  # only for a file that has a mistake

        out.problems.append(syntax_problem(path, text, exc))
    except yaml.reader.ReaderError as exc:
        # A character YAML refuses (a control character pasted from a spreadsheet...).
        line = text[: exc.position].count("\n") + 1
        out.problems.append(
            Problem(
                YAML_SYNTAX,
                N_(
                    "the file contains the character U+%(code)04X, which YAML does not "
                    "allow: remove it"
                ),
                {
                    "code": exc.character
                    if isinstance(exc.character, int)
                    else ord(str(exc.character)[:1] or "\0")
                },
                path,
                line,
            )
        )
    except yaml.YAMLError as exc:
        out.problems.append(
            Problem(YAML_SYNTAX, N_("YAML syntax error: %(problem)s"), {"problem": str(exc)}, path)
        )
    finally:
        loader.dispose()
    return out
