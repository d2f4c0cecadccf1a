"""Reading one YAML file: safety limits, line numbers, and clear problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_orgchart.loader import yamlsource
from sphinx_orgchart.loader.yamlsource import read_yaml


def _read(tmp_path: Path, text: str | bytes) -> yamlsource.YamlFile:
    path = tmp_path / "f.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return read_yaml(path)


def codes(file: yamlsource.YamlFile) -> list[str]:
    return [p.code for p in file.problems]


def test_values_and_lines(tmp_path: Path) -> None:
    file = _read(tmp_path, "units:\n  - id: a\n    name: Été\n    valid_from: 2024-01-01\n")
    assert file.problems == []
    assert file.value["units"][0]["name"] == "Été"
    assert str(file.value["units"][0]["valid_from"]) == "2024-01-01"
    assert file.lines.line_of(("units", 0, "name")) == 3
    assert file.lines.line_of(("units", 0, "missing", 4)) == 2  # closest known ancestor


def test_python_tags_are_refused(tmp_path: Path) -> None:
    file = _read(tmp_path, "units: !!python/object/apply:os.system ['echo pwned']\n")
    assert codes(file) == ["yaml-tag"]
    assert file.problems[0].line == 1
    assert file.value is None


def test_custom_tags_are_refused(tmp_path: Path) -> None:
    assert codes(_read(tmp_path, "a: !include other.yaml\n")) == ["yaml-tag"]


def test_alias_bomb_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsource, "MAX_NODES", 10_000)
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    file = _read(tmp_path, "\n".join(lines) + "\n")
    assert codes(file) == ["yaml-alias"]
    assert file.value is None


def test_small_aliases_are_fine(tmp_path: Path) -> None:
    file = _read(tmp_path, "a: &x {k: 1}\nb: *x\nc:\n  <<: *x\n  j: 2\n")
    assert file.problems == []
    assert file.value == {"a": {"k": 1}, "b": {"k": 1}, "c": {"k": 1, "j": 2}}


def test_duplicate_keys(tmp_path: Path) -> None:
    file = _read(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert codes(file) == ["yaml-duplicate-key"]
    assert file.problems[0].line == 3
    assert file.problems[0].args["first"] == 1
    assert file.value == {"a": 1, "b": 2}


def test_not_utf8(tmp_path: Path) -> None:
    file = _read(tmp_path, "a: 1\nname: P\xf4le\n".encode("latin-1"))
    assert codes(file) == ["file-encoding"]
    assert file.problems[0].line == 2


def test_binary(tmp_path: Path) -> None:
    assert codes(_read(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")) == ["file-binary"]


def test_empty_file_is_a_warning(tmp_path: Path) -> None:
    file = _read(tmp_path, "# nothing yet\n")
    assert codes(file) == ["file-empty"]
    assert file.problems[0].severity == "warning"


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 2000 + "\n", encoding="utf-8")
    file = read_yaml(path, max_bytes=1000)
    assert codes(file) == ["file-too-large"]


def test_several_documents(tmp_path: Path) -> None:
    file = _read(tmp_path, "a: 1\n---\nb: 2\n")
    assert codes(file) == ["yaml-syntax"]
    assert "several YAML documents" in file.problems[0].message("en")


def test_syntax_error_is_explained_and_located(tmp_path: Path) -> None:
    file = _read(tmp_path, "units:\n  - id: a\n    name: Eau: assainissement\n")
    assert codes(file) == ["yaml-syntax"]
    assert file.problems[0].line == 3
    assert "quotes" in file.problems[0].message("en")
    assert "guillemets" in file.problems[0].message("fr")


def test_ids_of_an_unparsable_file_are_guessed(tmp_path: Path) -> None:
    file = _read(tmp_path, "units:\n  - id: ville-drh\n    name: [oops\n  - id: 'ville-dsi'\n")
    assert file.value is None
    assert file.guessed_ids == {"ville-drh", "ville-dsi"}


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    assert _read(tmp_path, "\ufeffa: 1\n".encode()).value == {"a": 1}


def test_sexagesimal_numbers_stay_text(tmp_path: Path) -> None:
    # YAML 1.1 would read 8:30 as 510; the loader keeps what was written.
    file = _read(tmp_path, "start: 8:30\nend: 11:00\nodd: 1:2:3\n")
    assert file.value == {"start": "08:30", "end": "11:00", "odd": "1:2:3"}


def test_numbers_remember_how_they_were_written(tmp_path: Path) -> None:
    file = _read(tmp_path, "phone: 0142764040\nintl: +33381615050\n")
    assert file.value["phone"] == 0o142764040
    assert file.value["phone"].text == "0142764040"
    assert file.value["intl"].text == "+33381615050"


def test_tab_is_named(tmp_path: Path) -> None:
    file = _read(tmp_path, "units:\n\t- id: a\n")
    assert "tab character" in file.problems[0].message("en")


def test_python_tag_makes_the_file_unused(tmp_path: Path) -> None:
    file = _read(tmp_path, "units:\n  - id: a\n    name: !!python/object/apply:os.system [ls]\n")
    assert [p.code for p in file.problems] == ["yaml-tag"]
    assert "!!python/object/apply:os.system" in file.problems[0].message("en")
    assert file.value is None
    assert file.guessed_ids == {"a"}


def test_deep_nesting_is_reported(tmp_path: Path) -> None:
    file = _read(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert [p.code for p in file.problems] == ["yaml-syntax"]


_SCALARS = [
    *("", "~", "null", "Null", "NULL", "true", "True", "false", "FALSE", "yes", "no", "on"),
    *("0", "-12", "+33", "0142764040", "0x1F", "0o17", "1_000", "190:20:30", "8:30"),
    *("1.5", "-.5", "1e3", "6.8523015e+5", ".inf", "-.Inf", ".nan", "1_000.5"),
    *("2024-01-01", "2024-13-45", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10"),
    *("<<", "=", "Été", "DSI", "a b", "-", "--", "1er janvier", "#x", "a: b", "[x]", "{x}"),
]


@pytest.mark.parametrize("implicit", [(True, False), (False, True), (False, False)])
def test_the_fast_resolver_gives_pyyamls_tags(implicit: tuple[bool, bool]) -> None:
    """``_FastLoader.resolve`` answers as PyYAML's safe resolver, for plain and quoted
    values and for collections."""
    import yaml

    mine, theirs = yamlsource._FastLoader(""), yaml.SafeLoader("")
    try:
        for value in _SCALARS:
            expected = theirs.resolve(yaml.ScalarNode, value, implicit)
            assert mine.resolve(yaml.ScalarNode, value, implicit) == expected, value
        for kind in (yaml.SequenceNode, yaml.MappingNode):
            assert mine.resolve(kind, None, implicit) == theirs.resolve(kind, None, implicit)
    finally:
        mine.dispose()
        theirs.dispose()


def test_a_file_reads_as_pyyaml_reads_it(tmp_path: Path) -> None:
    """Values, tags and lines of a file mixing every kind of node, plain, quoted, block,
    flow, aliases and merge keys: the same as PyYAML's own safe loader reads."""
    import yaml

    # "=" (!!value) and "<<" (!!merge) as values are refused by both; PyYAML fails on 2024-13-45
    plain = [v for v in _SCALARS if ":" not in v and v not in ("-", "--", "=", "<<", "2024-13-45")]
    lines = [f"k{index}: {value}" for index, value in enumerate(plain)]
    lines += [f'q{index}: "{value}"' for index, value in enumerate(_SCALARS)]
    lines += ["base: &b {x: 1, y: [a, 2, 2024-01-01]}", "other:", "  <<: *b", "  z: |", "    t"]
    lines += ["items:", "  - plain", "  - 12", "  - {id: a, n: 3}", "  - - nested", "    - 1.5"]
    text = "\n".join(lines) + "\n"
    file = _read(tmp_path, text)
    assert file.problems == []
    expected = yaml.safe_load(text)
    for key, value in expected.items():
        got = file.value[key]
        assert got == value or (value != value and got != got), key  # NaN is not NaN
        assert type(got) is type(value) or isinstance(got, type(value)), key
    assert file.lines.line_of(("items", 2, "n")) == len(lines) - 2
    assert file.lines.line_of(("items", 3, 1)) == len(lines)
    assert file.lines.text_line(("other", "z")) == len(lines) - 6


def test_a_merge_key_written_with_its_tag_merges(tmp_path: Path) -> None:
    """``!!merge`` is a merge key without ``<<`` in the text: merged as PyYAML merges it."""
    file = _read(tmp_path, "base: &b {x: 1}\nother:\n  !!merge m: *b\n  z: 2\n")
    assert file.problems == []
    assert file.value["other"] == {"x": 1, "z": 2}
