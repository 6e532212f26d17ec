"""The one-pass composer (yamlsource.compose): libyaml's nodes, and the problems the checks before composing found."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from seloste.archive.yamlsource import _NAMES_A_SCHEMA, YamlFileError, compose
from seloste.limits import MAX_DEPTH

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(p for folder in ("data", "tests/fixtures") for p in (ROOT / folder).rglob("*.yaml"))


def _mark(mark: yaml.Mark | None) -> tuple | None:
    return None if mark is None else (mark.name, mark.index, mark.line, mark.column, mark.buffer, mark.pointer)


def _tree(node: yaml.Node | None) -> object:
    if node is None:
        return None
    own = (type(node).__name__, node.tag, _mark(node.start_mark), _mark(node.end_mark))
    if isinstance(node, yaml.ScalarNode):
        return (*own, node.style, node.value)
    if isinstance(node, yaml.SequenceNode):
        return (*own, node.flow_style, [_tree(item) for item in node.value])
    return (*own, node.flow_style, [(_tree(key), _tree(value)) for key, value in node.value])


def _text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None


@pytest.mark.parametrize("text", [t for t in map(_text, FILES) if t is not None and "&" not in t and "*" not in t][:400])
def test_nodes_are_libyamls_own(text: str) -> None:
    try:
        expected = _tree(yaml.compose(text, Loader=yaml.CSafeLoader))
    except yaml.MarkedYAMLError as error:
        with pytest.raises(yaml.MarkedYAMLError) as caught:
            compose("x.yaml", text)
        assert str(caught.value) == str(error)
        return
    assert _tree(compose("x.yaml", text)) == expected


def test_every_shape_of_node_is_libyamls_own() -> None:
    text = (
        "a: 1\nb: [x, 'y', \"z\", {c: d}]\n? [e, f]\n: g\nh: |\n  i\n  j\nk: >-\n  l\nm:\n- n\n- o: p\n  q: !!str 1\n"
        "r: ! s\nt: ~\nu: no\nv:\nw: <<\n=: x\n"
        "y: 'no'\nz: \"1.10\"\naa: 1.10\nab: ! no\nac: |-\n  no\nad: 2024-01-10\nae: '2024-01-10'\n"
    )
    for _ in range(2):  # the second time, each plain scalar's tag as remembered from the first
        assert _tree(compose("x.yaml", text)) == _tree(yaml.compose(text, Loader=yaml.CSafeLoader))


def _problem(text: str) -> str:
    try:
        compose("x.yaml", text)
    except YamlFileError as error:
        return str(error.error)
    except yaml.MarkedYAMLError as error:
        return f"{type(error).__name__}: {error.problem}"
    return "composed"


NESTED = "- " * (MAX_DEPTH + 1) + "x"
DEEP = f"lists and mappings nested more than {MAX_DEPTH} deep; a data file needs far fewer"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (NESTED, f"x.yaml:1:{2 * MAX_DEPTH + 1}: {DEEP}"),
        ("- " * MAX_DEPTH + "x", "composed"),
        ("[" * 100_000, f"x.yaml:1:{MAX_DEPTH + 1}: {DEEP}"),
        # explicit keys nest mappings with no ':' or '-' to count
        ("? " * (MAX_DEPTH + 1) + "x", f"x.yaml:1:{2 * MAX_DEPTH + 1}: {DEEP}"),
        ("? " * MAX_DEPTH + "x", "composed"),
        ("a: &x 1\nb: *x\n", "x.yaml:1:4: YAML anchor &x: anchors and aliases are not allowed; write the value out in full"),
        ("a: *x\n", "x.yaml:1:4: YAML alias *x: anchors and aliases are not allowed; write the value out in full"),
        # an anchor before a syntax error: the anchor, as the check of anchors before composing found it first
        ("a: &x 1\nb: [\n", "x.yaml:1:4: YAML anchor &x: anchors and aliases are not allowed; write the value out in full"),
        # with enough markers to nest deep, the check of nesting read the whole text first: the syntax error
        ("a: &x 1\n" + "b: c\n" * MAX_DEPTH + "d: [\n", "ParserError: did not find expected node content"),
        # nesting too deep after an anchor: the check of nesting came first
        ("a: &x 1\nb: " + "[" * 50, f"x.yaml:2:{MAX_DEPTH + 3}: {DEEP}"),
        ("a: 1\n---\nb: 2\n", "ComposerError: but found another document"),
        # a second document before a syntax error: the composer refused it before it read the error
        ("a: 1\n---\nb: [\n", "ComposerError: but found another document"),
        ("a: 1\n---\nb: &y 2\n", "x.yaml:3:4: YAML anchor &y: anchors and aliases are not allowed; write the value out in full"),
        ("", "composed"),
    ],
)
def test_problems_are_those_of_the_checks_one_after_another(text: str, expected: str) -> None:
    assert _problem(text) == expected


_SCHEMA_PARTS = ["$", "schema", "SCHEMA", "\u017fchema", "y", "Y", "aml-language-server", "AML-LANGUAGE-\u017fERVER", "yaml"]


@settings(max_examples=500, derandomize=True)
@given(st.lists(st.sampled_from([*_SCHEMA_PARTS, "-", ":", " ", "ä", "K", "\u212a"]), max_size=12).map("".join))
def test_a_comment_naming_a_schema_is_found_in_any_case_where_it_starts(text: str) -> None:
    """What names a schema is sought from its first character ($, y or Y): the same places as the two names sought
    with case ignored."""
    ignoring_case = re.compile(r"\$schema|yaml-language-server", re.IGNORECASE)
    assert [m.span() for m in _NAMES_A_SCHEMA.finditer(text)] == [m.span() for m in ignoring_case.finditer(text)]
