"""Read a YAML file into located nodes, without PyYAML's type guessing.

PyYAML turns ``no`` into ``False``, ``1.10`` into ``1.1`` and unquoted ``2024-13-01`` into a
bare ValueError; it accepts duplicate keys silently and constructs arbitrary objects from
``!!python/...`` tags. We only *compose* the document (nodes with line/column marks) and
hand the nodes to the typed decoder, which reads every scalar as the text that was typed.
"""

from __future__ import annotations

import bisect
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..limits import MAX_DEPTH, MAX_FILE_BYTES
from .emit import SCHEMA_LINE
from .errors import DataError, Location, display_path
from .types import bidi_control, hidden_character

try:  # the C parser is ~30x faster; both give the same nodes and marks
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


class YamlFileError(Exception):
    """The file cannot be read as YAML at all."""

    def __init__(self, error: DataError) -> None:
        self.error = error
        super().__init__(str(error))


def location(path: str, node: yaml.Node) -> Location:
    return Location(path, node.start_mark.line + 1, node.start_mark.column + 1)


_MODELINE = re.compile(r"^#[ \t]*yaml-language-server[ \t]*:(?P<rest>.*)$")
OWN_SCHEMA = re.compile(r" \$schema=(?:\.\./)+(?:data/)?schema/(?P<kind>organisation|version)\.schema\.json")
"""What a file's editor line may name: the archive's own schemas, by a relative path (``../schema/version.schema.json``),
never an address an editor would fetch."""
_NAMES_A_SCHEMA = re.compile(r"[$yY](?:(?<=\$)(?i:schema)|(?<=[yY])(?i:aml-language-server))")
"""What editors read a schema from in a comment: yaml-language-server's modeline (``# yaml-language-server:
$schema=...``, wherever it stands), JetBrains' ``# $schema: ...``; in any case (``$SCHEMA``). Each is sought from the
character that starts it, which no other matches in any case: twice as fast over a file as the two, case ignored."""


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment of a YAML file: from its '#' to the end of its line."""

    line: int
    column: int
    """Of its '#', both from 1."""
    text: str


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""YAML 1.1's line breaks, as the parser counts lines."""
_BEFORE_COMMENT = frozenset(" \t\r\n\x85\u2028\u2029")


def _hashes(text: str) -> list[int]:
    """Where a '#' can start a comment: at the text's or a line's start, or after a space or tab (found with
    str.find: a regular expression with a look-behind tries every character of the text)."""
    found = []
    at = text.find("#")
    while at != -1:
        if at == 0 or text[at - 1] in _BEFORE_COMMENT:
            found.append(at)
        at = text.find("#", at + 1)
    return found


_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*")


def comments(text: str, root: yaml.Node | None = None) -> list[Comment]:
    """Every comment of a YAML text, whole-line and trailing alike. A '#' is a comment's only outside the text's
    scalars (a quoted or block text may hold one: it is the text's) and after a space or at a line's start, as
    YAML reads it; a block text's header line (``body: |-  # ...``) may end in one. ``root``: the text as composed,
    where it is (the scalars' places are read from its nodes, not scanned again). Raises yaml.YAMLError where the
    text is not YAML."""
    hashes = _hashes(text)
    if not hashes:
        return []
    if hashes == [0]:  # the usual file: the editor line, and no other '#' a comment could start at
        return [_first_line(text)]
    covered: list[tuple[int, int]] = []
    for start, end, style in _scalar_spans(root) if root is not None else _token_spans(text):
        if style in ("|", ">"):
            header = _LINE_BREAK.search(text, start)
            indicator = _BLOCK_HEADER.match(text, start)
            covered.append((start, indicator.end() if indicator else start + 1))
            covered.append((header.start() if header else len(text), end))
        elif end > start:
            covered.append((start, end))
    covered.sort()
    starts = [start for start, _end in covered]
    found: list[Comment] = []
    after = 0
    for at in hashes:
        index = bisect.bisect_right(starts, at) - 1
        if at < after or (index >= 0 and at < covered[index][1]):
            continue
        end_of_line = _LINE_BREAK.search(text, at)
        after = end_of_line.start() if end_of_line else len(text)
        breaks = list(_LINE_BREAK.finditer(text, 0, at))
        line_start = breaks[-1].end() if breaks else 0
        found.append(Comment(len(breaks) + 1, at - line_start + 1, text[at:after]))
    return found


def _first_line(text: str) -> Comment:
    """The text's first line, as the comment it is when the text starts with '#'."""
    first = _LINE_BREAK.search(text)
    return Comment(1, 1, text[: first.start() if first else len(text)])


def _token_spans(text: str) -> Iterator[tuple[int, int, str | None]]:
    for token in yaml.scan(text, Loader=_Loader):
        yield token.start_mark.index, token.end_mark.index, getattr(token, "style", None)


def _scalar_spans(root: yaml.Node) -> Iterator[tuple[int, int, str | None]]:
    stack = [root]
    while stack:  # not recursive: nesting is limited before composing, but a walk needs no stack of its own anyway
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            yield node.start_mark.index, node.end_mark.index, node.style
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)


def _check_comments(file: Path, path: str, text: str, root: yaml.Node | None, data_file: bool) -> None:
    """Refuse a comment that names a schema (an editor would fetch and apply it) other than the first line's own,
    and one that holds a character no reader sees or a direction control: comments show in a pull request's diff,
    where such a character can make the text read otherwise ('Trojan Source'). A data file whose first line is not
    its editor line is refused too: the archive's test of data/ holds every file to it, and validate says so first."""
    found = comments(text, root)  # the usual file's only '#' starts its editor line: found without reading further
    kind = "organisation" if file.name == "organisation.yaml" else "version"
    wanted = SCHEMA_LINE.format(kind=kind).rstrip("\n")
    for comment in found:
        hidden = bidi_control(comment.text) or hidden_character(comment.text)
        if hidden:
            raise YamlFileError(DataError(Location(path, comment.line, comment.column), f"comment: {hidden}"))
        if not _NAMES_A_SCHEMA.search(comment.text):
            continue
        if comment.line == 1 and comment.column == 1:
            problem = _editor_line_problem(comment.text, kind, wanted)
            if problem:
                raise YamlFileError(DataError(Location(path, 1, 1), problem))
            continue
        raise YamlFileError(
            DataError(
                Location(path, comment.line, comment.column),
                f"a comment may not name a schema ($schema): only the file's first line does, as the editor line '{wanted}'",
            )
        )
    if data_file and not _starts_with_line(text, wanted):  # what the first line says, read without parsing
        problem = f"the first line is to be the editor line '{wanted}' (it lets editors check the file against the schema)"
        raise YamlFileError(DataError(Location(path, 1, 1), problem))


def _starts_with_line(text: str, line: str) -> bool:
    """Whether ``line`` is the text's whole first line."""
    return text.startswith(line) and text[len(line) : len(line) + 1] in _LINE_ENDS


_LINE_ENDS = frozenset(("", "\r", "\n", "\x85", "\u2028", "\u2029"))


def _editor_line_problem(line: str, kind: str, wanted: str) -> str | None:
    """What is wrong with a first line that names a schema: it may name only the archive's own, the one of the file's
    kind, and by the one path that leads there from ``data/<organisation>/`` (a file copied from a test fixture kept
    a longer one, which leads nowhere from data/, and its editor would check nothing)."""
    if line == wanted:
        return None
    modeline = _MODELINE.fullmatch(line.rstrip())
    named = OWN_SCHEMA.fullmatch(modeline["rest"].rstrip()) if modeline else None
    if not named:
        return (
            "the editor line may name only the archive's own schema: "
            "# yaml-language-server: $schema=../schema/version.schema.json (or organisation.schema.json)"
        )
    if named["kind"] != kind:
        other = named["kind"]
        return f"the editor line names {other}.schema.json, the schema of another kind of file: a {kind} file's is '{wanted}'"
    return f"the editor line is to read exactly '{wanted}' (the path from data/<organisation>/)"


def read_yaml(
    file: Path,
    root: Path | None = None,
    *,
    shown: str | None = None,
    raw: bytes | None = None,
    data_file: bool = True,
    comments: bool = True,
) -> tuple[str, yaml.Node | None]:
    """Compose ``file`` into a node tree; returns the display path and the root node. ``shown``: the display path,
    where the caller has it; ``raw``: the file's bytes, where the caller has read them (and found them within the
    size limit); ``data_file``: a file of ``data/<organisation>/``, which begins with its editor line (the tracking
    log, which has no schema, does not); ``comments``: check its comments (False: they passed, the file as it is).

    Raises YamlFileError with a located message for anything that is not well-formed,
    UTF-8 encoded YAML of reasonable size.
    """
    path = display_path(file, root) if shown is None else shown
    if raw is None:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:  # before reading it
            message = f"file is {size:,} bytes; a data file may be at most {MAX_FILE_BYTES:,} bytes"
            raise YamlFileError(DataError(Location(path), message))
        raw = file.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise YamlFileError(
            DataError(
                Location(path, line, column),
                f"file is not valid UTF-8 (byte 0x{raw[err.start]:02x}); save it as UTF-8",
            )
        ) from err
    text = text.removeprefix("\ufeff")
    try:
        node = compose(path, text)
        if comments:
            _check_comments(file, path, text, node, data_file)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
        problem = " ".join(part for part in (err.context, err.problem) if part)
        hint = "check the indentation and quoting here"
        if mark and mark.index < len(text) and text[mark.index] == "\t":
            problem = "a tab character here; YAML indents with spaces only"
        elif "mapping values are not allowed" in problem:  # a key where a text goes on: the line above may be the cause
            hint = "check the indentation of this line and the line above; a text holding ': ' is quoted"
        raise YamlFileError(DataError(where, f"YAML syntax error: {problem} ({hint})")) from err
    except yaml.YAMLError as err:
        raise YamlFileError(DataError(Location(path), f"YAML error: {err}")) from err
    return path, node


_RESOLVER = yaml.resolver.Resolver()
_TEXT_TAG = _RESOLVER.DEFAULT_SCALAR_TAG
"""What the resolver gives a quoted or block scalar: a text, whatever it says."""
_plain_tags: dict[str, str] = {}
"""What the resolver gives each short plain scalar seen (keys, ids, dates, choices: the same few thousand again and again),
by its text: it tries a pattern or more for each."""


def _plain_tag(value: str, implicit: tuple[bool, bool]) -> str:
    tag = _plain_tags.get(value)
    if tag is None:
        tag = _RESOLVER.resolve(yaml.ScalarNode, value, implicit)  # by the text alone: no path resolvers are set
        if len(value) <= 64:
            if len(_plain_tags) >= 1 << 14:
                _plain_tags.clear()
            _plain_tags[value] = tag
    return tag


def compose(path: str, text: str) -> yaml.Node | None:
    """``text`` composed into nodes as ``yaml.compose`` does it with libyaml, in one reading of its events that also
    refuses nesting deeper than MAX_DEPTH (libyaml's composer recurses in C: it would crash the process, not raise)
    and anchors and aliases (they reuse values, and can multiply them). Each problem is the one the checks made one
    after another gave: nesting as deep (``_reject_deep_nesting``), then anchors (``_reject_anchors``), then what the
    composer refuses (a second document), each where the text first has it; a syntax error before any of them is
    that error."""
    deep = _may_nest_deep(text)
    anchor: YamlFileError | None = None
    second: yaml.composer.ComposerError | None = None
    root: yaml.Node | None = None
    depth = 0
    current: yaml.Node | None = None  # the list or mapping being composed, its items and whether it is a list
    items: list | None = None
    in_list = False
    key: yaml.Node | None = None  # a mapping's key waiting for its value
    stack: list[tuple[yaml.Node | None, list | None, bool, yaml.Node | None]] = []  # those it is in, outermost first
    parser = _Loader(text)
    get_event, resolve = parser.get_event, _RESOLVER.resolve
    ScalarEvent, ScalarNode, SequenceStartEvent, MappingStartEvent = _SCALAR_EVENT, _SCALAR_NODE, _SEQUENCE_START, _MAPPING_START
    try:
        get_event()  # the stream's start
        while True:
            event = get_event()
            kind = type(event)
            node: yaml.Node
            if kind is ScalarEvent:
                if anchor is None and event.anchor:
                    anchor = _anchor_error(path, event)
                tag = event.tag
                if tag is None or tag == "!":
                    implicit = event.implicit
                    tag = _plain_tag(event.value, implicit) if implicit[0] else _TEXT_TAG
                node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if anchor is None and event.anchor:
                    anchor = _anchor_error(path, event)
                depth += 1
                if deep and depth > MAX_DEPTH:
                    raise _too_deep(path, event)
                node_kind = yaml.SequenceNode if kind is SequenceStartEvent else yaml.MappingNode
                tag = event.tag
                if tag is None or tag == "!":
                    tag = resolve(node_kind, None, event.implicit)
                stack.append((current, items, in_list, key))
                current = node_kind(tag, [], event.start_mark, None, event.flow_style)
                items, in_list, key = current.value, kind is SequenceStartEvent, None
                continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                depth -= 1
                node = typing.cast(yaml.Node, current)
                node.end_mark = event.end_mark
                current, items, in_list, key = stack.pop()
            elif kind is yaml.AliasEvent:  # refused, and not composed
                if anchor is None:
                    anchor = _anchor_error(path, event)
                continue
            elif kind is yaml.StreamEndEvent:
                break
            elif kind is yaml.DocumentStartEvent:
                if root is not None and second is None:
                    second = yaml.composer.ComposerError(
                        "expected a single document in the stream", root.start_mark, "but found another document",
                        event.start_mark,
                    )  # fmt: skip
                continue
            else:  # the end of a document
                continue
            if items is None:
                root = node if root is None else root
            elif in_list:
                items.append(node)
            elif key is None:
                key = node
            else:
                items.append((key, node))
                key = None
    except yaml.MarkedYAMLError:
        if not deep:  # the checks before composing did not read the whole text: the first of them met this first
            first = anchor if anchor is not None or "&" in text or "*" in text else second
            if first is not None:
                raise first from None
        raise
    finally:
        parser.dispose()
    if anchor is not None:
        raise anchor
    if second is not None:
        raise second
    return root


_SCALAR_EVENT, _SCALAR_NODE = yaml.ScalarEvent, yaml.ScalarNode
_SEQUENCE_START, _MAPPING_START = yaml.SequenceStartEvent, yaml.MappingStartEvent


def _may_nest_deep(text: str) -> bool:
    """Whether the text has enough of what opens a list or mapping ('[', '{', a key's ':' or '?', an item's '-')
    to nest deeper than MAX_DEPTH."""
    return text.count("[") + text.count("{") + text.count(":") + text.count("-") + text.count("?") >= MAX_DEPTH


def _too_deep(path: str, event: yaml.Event) -> YamlFileError:
    mark = event.start_mark
    where = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
    return YamlFileError(DataError(where, f"lists and mappings nested more than {MAX_DEPTH} deep; a data file needs far fewer"))


def _anchor_error(path: str, event: yaml.Event) -> YamlFileError:
    anchor = getattr(event, "anchor", None)
    what = f"alias *{anchor}" if isinstance(event, yaml.AliasEvent) else f"anchor &{anchor}"
    mark = event.start_mark
    where = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
    return YamlFileError(DataError(where, f"YAML {what}: anchors and aliases are not allowed; write the value out in full"))


def check_tag(node: yaml.Node) -> str | None:
    """A message if the node carries a tag other than YAML's standard ones."""
    if node.tag in STANDARD_TAGS:
        return None
    return f"YAML tag {node.tag.replace('tag:yaml.org,2002:', '!!')!r} is not allowed; write plain values"
