"""Turn located YAML nodes into the typed model, collecting every problem with its place.

The decoder is driven by the dataclasses' type hints (and the ``Annotated`` constraints in
:mod:`seloste.types`), so adding a field to the model adds it to the loader and the schema.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import hashlib
import re
import types
import typing
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Literal, Union

import yaml

from ..limits import MAX_FILE_BYTES, MAX_UNKNOWN_KEYS
from .errors import DataError, Location, Run
from .types import Text
from .yamlsource import STANDARD_TAGS, YamlFileError, check_tag, location, read_yaml

_MISSING = object()
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class Places(Mapping[str, Location]):
    """Where each decoded value stands, by its dotted name (``sections[2].id``): each value's place is kept as the
    parser marked it and made a :class:`Location` only when asked for (a file has a place for every value, and the
    checks ask for a few)."""

    __slots__ = ("_marks", "path")

    def __init__(self, path: str) -> None:
        self.path = path
        self._marks: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Location:
        mark = self._marks[name]
        return Location(self.path, mark.line + 1, mark.column + 1)

    def get(self, name: str, default: Any = None) -> Any:
        mark = self._marks.get(name)
        return default if mark is None else Location(self.path, mark.line + 1, mark.column + 1)

    def __contains__(self, name: object) -> bool:
        return name in self._marks

    def __iter__(self) -> Iterator[str]:
        return iter(self._marks)

    def __len__(self) -> int:
        return len(self._marks)


class Decoder:
    """Decodes one file's nodes; problems accumulate in ``errors``."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[DataError] = []
        self.locations = Places(path)
        """Where each decoded value stands, by its dotted name (``sections[2].id``)."""
        self._marks = self.locations._marks
        self._seen: set[int] = set()

    def error(self, node: yaml.Node | None, message: str) -> None:
        where = location(self.path, node) if node is not None else Location(self.path)
        self.errors.append(DataError(where, message))

    def decode(self, node: yaml.Node | None, hint: Any, name: str) -> Any:
        """Decode ``node`` as ``hint``; returns _MISSING after reporting a problem."""
        if node is None:
            self.error(None, f"the file is empty; expected {describe(hint)}")
            return _MISSING
        if id(node) in self._seen:
            self.error(node, f"{_label(name)}YAML anchors and aliases (&, *) are not allowed; write the value out")
            return _MISSING
        self._seen.add(id(node))
        self._marks[name] = node.start_mark
        if node.tag not in STANDARD_TAGS:
            self.error(node, f"{_label(name)}{check_tag(node)}")
            return _MISSING
        return self._decode(node, hint, name)

    def _decode(self, node: yaml.Node, hint: Any, name: str) -> Any:
        planned = _plans.get(id(hint))  # by identity: a typing alias hashes its arguments each time
        if planned is None or planned[0] is not hint:
            planned = _plans[id(hint)] = (hint, _plan(hint))  # the hint held, so no other takes its id
        kind, detail = planned[1]
        if kind == "text":
            if node.__class__ is yaml.ScalarNode and type(value := node.value) is str and (node.style or value not in _NULLS):
                problem = detail.problem(value)  # a text, as most values are: _text's checks, without its steps
                if problem:
                    self.error(node, f"{_label(name)}{problem}")
                    return _MISSING
                return _shared(value)
            value = self._text(node, detail, name)
            return value if value is _MISSING else _shared(value)
        if kind == "union":
            if _is_null(node):
                self.error(node, f"{_label(name)}expected {describe(hint)}, got nothing; leave the key out if there is none")
                return _MISSING
            # a text, a mapping or a list (one capture, one per language, one per page): by node kind
            chosen = next((option for option, node_kind in detail if isinstance(node, node_kind)), detail[0][0])
            if len(detail) > 1 and typing.get_origin(chosen) is Literal and isinstance(node, yaml.ScalarNode):  # or a list
                return self._choice(node, typing.get_args(chosen), name, several=True)
            return self._decode(node, chosen, name)
        if kind == "tuple":
            return self._sequence(node, detail, name)
        if kind == "choice":
            return self._choice(node, detail, name)
        if kind == "date":
            return self._date(node, name)
        return self._record(node, hint, name)

    def _scalar(self, node: yaml.Node, expected: str, name: str) -> str | None:
        if isinstance(node, yaml.ScalarNode):
            if _is_null(node):
                self.error(node, f"{_label(name)}expected {expected}, got nothing")
                return None
            return str(node.value)
        self.error(node, f"{_label(name)}expected {expected}, got {_kind(node)}")
        return None

    def _text(self, node: yaml.Node, constraint: Text, name: str) -> Any:
        value = self._scalar(node, constraint.expected, name)
        if value is None:
            return _MISSING
        problem = constraint.problem(value)
        if problem:
            self.error(node, f"{_label(name)}{problem}")
            return _MISSING
        return value

    def _date(self, node: yaml.Node, name: str) -> Any:
        expected = "a date as YYYY-MM-DD, such as '2021-06-23'"
        value = self._scalar(node, expected, name)
        if value is None:
            return _MISSING
        if not _DATE.fullmatch(value):
            self.error(node, f"{_label(name)}expected {expected}, got {value!r}")
            return _MISSING
        try:
            return dt.date.fromisoformat(value)
        except ValueError as err:
            self.error(node, f"{_label(name)}{value!r} is not a real date ({err})")
            return _MISSING

    def _choice(self, node: yaml.Node, choices: tuple[str, ...], name: str, several: bool = False) -> Any:
        expected = "one of " + ", ".join(choices) + (f", or a list of several: [{choices[0]}, {choices[1]}]" if several else "")
        value = self._scalar(node, expected, name)
        if value is None:
            return _MISSING
        if value not in choices:
            self.error(node, f"{_label(name)}expected {expected}; got {value!r}")
            return _MISSING
        return value

    def _sequence(self, node: yaml.Node, item_hint: Any, name: str) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"{_label(name)}expected a list, each item {describe(item_hint)}; got {_kind(node)}")
            return _MISSING
        items = [self.decode(item, item_hint, f"{name}[{i}]") for i, item in enumerate(node.value)]
        if any(item is _MISSING for item in items):
            return _MISSING
        return tuple(items)

    def _record(self, node: yaml.Node, cls: Any, name: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{_label(name)}expected {describe(cls)}, got {_kind(node)}")
            return _MISSING
        fields, hints, required = _shape(cls)
        values: dict[str, Any] = {}
        seen_keys: dict[str, yaml.Node] = {}
        failed = False
        suggested: set[str] = set()
        unknown: list[yaml.Node] = []
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.error(key_node, f"{_label(name)}YAML merge keys (<<) are not allowed; write the keys out")
                return _MISSING
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in STANDARD_TAGS:
                self.error(key_node, f"{_label(name)}keys must be plain names")
                failed = True
                continue
            key = str(key_node.value)
            label = f"{name}.{key}" if name else key
            if key in seen_keys:
                first = seen_keys[key].start_mark.line + 1
                self.error(key_node, f"{label}: duplicate key (first given on line {first})")
                failed = True
                continue
            seen_keys[key] = key_node
            if key not in fields:
                unknown.append(key_node)
                failed = True
                if len(unknown) > MAX_UNKNOWN_KEYS:
                    continue  # counted below, in one line
                by_language = cls.__name__ in ("Localized", "NoticeText", "NoticeMarkdown")
                if node.flow_style and by_language and _is_null(value_node):  # {fi: a, b, en: c}
                    self.error(
                        key_node,
                        f"{name or key}: in {{fi: ..., en: ...}} a comma ends the text, and {key!r} was read as a key; "
                        'quote a text that contains a comma: {fi: "a, b", en: "a, b"}',
                    )
                    continue
                given = {str(k.value) for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
                close = difflib.get_close_matches(key, [f for f in fields if f not in given], n=1, cutoff=0.75)
                if close:
                    suggested.add(close[0])
                    self.error(key_node, f"{label}: unknown key {key!r}; did you mean {close[0]!r}?")
                else:
                    allowed = ", ".join(fields)
                    self.error(key_node, f"{label}: unknown key {key!r}; expected one of: {allowed}")
                continue
            value = self.decode(value_node, hints[key], label)
            if value is _MISSING:
                failed = True
            else:
                values[key] = value
        if len(unknown) > MAX_UNKNOWN_KEYS:
            more = unknown[MAX_UNKNOWN_KEYS:]
            self.error(
                more[0],
                f"{_label(name)}and {len(more):,} more unknown keys, from {str(more[0].value)[:60]!r} on "
                f"(the first {MAX_UNKNOWN_KEYS} are reported one by one); expected only: {', '.join(fields)}",
            )
        for field_name in required:
            if field_name not in seen_keys and field_name not in suggested:
                label = f"{name}.{field_name}" if name else field_name
                if cls.__name__ == "Localized":
                    language = {"fi": "Finnish", "en": "English"}[field_name]
                    self.error(node, f"{label}: the {language} text is missing; every text needs both 'fi' and 'en'")
                else:
                    self.error(node, f"{label}: required key is missing; expected {describe(hints[field_name])}")
                failed = True
        if failed:
            return _MISSING
        return cls(**values)


_texts: dict[str, str] = {}
"""The texts decoded lately, each once (emptied when full): a text every version of a notice repeats is one string in
the model, not one per version, which the model's memory, the hash each cache computes of it and the pickle that
brings a worker's organisations back to the loading process each pay for once."""
_TEXTS = 1 << 15


def _shared(value: str) -> str:
    """``value``, or the equal text decoded lately."""
    known = _texts.get(value)
    if known is not None:
        return known
    if len(_texts) >= _TEXTS:
        _texts.clear()
    _texts[value] = value
    return value


_plans: dict[int, tuple[Any, tuple[str, Any]]] = {}
"""Each type hint decoded so far (the model's few dozen) and its plan, by the hint's identity."""


@functools.cache
def _plan(hint: Any) -> tuple[str, Any]:
    """How a value of type ``hint`` is decoded, and what with (worked out once per type, not once per value)."""
    origin = typing.get_origin(hint)
    if origin is typing.Annotated:
        _base, *extras = typing.get_args(hint)
        return "text", next((e for e in extras if isinstance(e, Text)), Text())
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]

        def kind(option: Any) -> type:
            if dataclasses.is_dataclass(option):
                return yaml.MappingNode
            return yaml.SequenceNode if typing.get_origin(option) is tuple else yaml.ScalarNode

        return "union", tuple((option, kind(option) if len(options) > 1 else yaml.Node) for option in options)
    if origin is tuple:
        (item_hint, _ellipsis) = typing.get_args(hint)
        return "tuple", item_hint
    if origin is Literal:
        return "choice", typing.get_args(hint)
    if hint is str:
        return "text", Text()
    if hint is dt.date:
        return "date", None
    if dataclasses.is_dataclass(hint):
        return "record", None
    raise TypeError(f"no decoder for {hint!r}")  # a bug in the model, not in the data


@functools.cache
def _shape(cls: type) -> tuple[dict[str, dataclasses.Field], dict[str, Any], tuple[str, ...]]:
    """A record's fields by name, their type hints, and the names of those it requires, in order."""
    fields = {f.name: f for f in dataclasses.fields(cls)}
    required = tuple(
        name for name, f in fields.items() if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )
    return fields, typing.get_type_hints(cls, include_extras=True), required


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


def _is_null(node: yaml.Node) -> bool:
    """A plain empty / ``~`` / ``null`` scalar (a quoted ``""`` is an empty text, not nothing)."""
    return isinstance(node, yaml.ScalarNode) and not node.style and node.value in _NULLS


def _label(name: str) -> str:
    return f"{name}: " if name else ""


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if _is_null(node):
        return "nothing"
    return f"the text {node.value!r}"


def describe(hint: Any) -> str:
    """What a person should write for a value of type ``hint``."""
    origin = typing.get_origin(hint)
    if origin is typing.Annotated:
        extras = [e for e in typing.get_args(hint)[1:] if isinstance(e, Text)]
        return extras[0].expected if extras else "text"
    if origin in (Union, types.UnionType):
        return " or ".join(describe(a) for a in typing.get_args(hint) if a is not type(None))
    if origin is tuple:
        return f"a list, each item {describe(typing.get_args(hint)[0])}"
    if origin is Literal:
        return "one of " + ", ".join(typing.get_args(hint))
    if hint is dt.date:
        return "a date as YYYY-MM-DD"
    if hint is str:
        return "text"
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if hint.__name__ == "Localized":
            return "texts in both languages as 'fi:' and 'en:'"
        if hint.__name__ in ("NoticeText", "NoticeMarkdown"):
            return "the text by language, as 'fi:' and 'en:' (or 'sv:')"
        if hint.__name__ == "Captures":
            return "one capture per language, as 'fi:', 'sv:', 'en:'"
        fields = dataclasses.fields(hint)
        optional = all(f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING for f in fields)
        keys = "a mapping with keys " + ", ".join(f.name for f in fields)
        return keys + (", each of which may be left out ('{}' for none of them)" if optional else "")
    return str(hint)


def decode_file(path: str, node: yaml.Node | None, cls: type) -> tuple[Any, Decoder]:
    """Decode a whole file as ``cls``; returns (value or None, the decoder with errors and locations)."""
    decoder = Decoder(path)
    value = decoder.decode(node, cls, "")
    return (None if value is _MISSING else value), decoder


_decoded: dict[tuple[str, str, type, bool], tuple[bytes, object, Decoder, DataError | None]] = {}
"""Decoded files by path (and whether their comments were checked), kept while their bytes are the same: `mkdocs
serve` reloads data/ on every edit (the digest of the bytes, not the file's time and size, which an edit can keep)."""


def decode_path(run: Run, path: Path, cls: type, *, comments: bool = True) -> tuple[Any, Decoder]:
    """Decode the file at ``path`` as ``cls``, its problems added to ``run``; decoded once while its bytes are the same.
    ``comments``: check its comments (``read_yaml``); not for a file that passed every check as it is."""
    key = (run.place(path), str(run.root), cls, comments)
    raw = None
    try:
        size = path.stat().st_size  # a file over the limit is not read: its size is its error
        raw = path.read_bytes() if size <= MAX_FILE_BYTES else None
        signature = hashlib.blake2b(raw).digest() if raw is not None else b"size %d" % size
    except OSError:
        signature = b""  # read_yaml says what is wrong
    cached = _decoded.get(key)
    if cached is None or not signature or cached[0] != signature:
        shown = run.shown(path)
        try:
            value, decoder = decode_file(shown, read_yaml(path, run.root, shown=shown, raw=raw, comments=comments)[1], cls)
            cached = (signature, value, decoder, None)
        except YamlFileError as err:
            cached = (signature, None, Decoder(shown), err.error)
        _decoded[key] = cached
    _signature, value, decoder, error = cached
    if error is not None:
        run.errors.append(error)
    run.errors.extend(decoder.errors)
    return value, decoder
