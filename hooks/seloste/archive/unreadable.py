"""A version whose only unreadable parts are those no other check reads from (or keys it does not know), checked without
them in the same run."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .decode import Decoder, decode_file
from .model import Version
from .yamlsource import YamlFileError, read_yaml

_SEPARABLE = ("change", "corrections", "facts")
"""The parts of a version that no other check reads from: a problem inside one of them (a draft's change still to
write, a fact missing a required key) leaves the texts, the captures and the dates to be checked in the same run."""


_UNKNOWN_KEY = re.compile(
    r"(?P<key>[a-z_]+): unknown key '(?P=key)'; (?:did you mean '(?P<meant>[a-z_]+)'\?|expected one of: .*)"
)
"""A decoder's message about an unknown key of the version itself (``titel: unknown key 'titel'; did you mean
'title'?``): the key is read as the one it was meant to be, or left out, so that the rest is checked in the same run."""


def _part(message: str) -> str | None:
    """The separable part of a version a decoder's message is about (``facts.purposes[0].quote: ...``), or None."""
    return next((part for part in _SEPARABLE if message.startswith((f"{part}.", f"{part}:", f"{part}["))), None)


def _meant(messages: list[str]) -> dict[str, str | None]:
    """Each unknown key of the version itself, with the key it was meant to be (None: one it has no use for)."""
    return {m["key"]: m["meant"] for m in map(_UNKNOWN_KEY.fullmatch, messages) if m}


def _read_as_meant(key: yaml.Node, meant: dict[str, str | None]) -> yaml.Node | None:
    if not isinstance(key, yaml.ScalarNode) or key.value not in meant:
        return key
    name = meant[key.value]
    return None if name is None else yaml.ScalarNode(key.tag, name, key.start_mark, key.end_mark)


def without_unreadable(path: Path, root: Path | None, decoder: Decoder) -> tuple[Version | None, Decoder, bool]:
    """A version whose only problems are in its ``change`` (a draft whose kind and summary are still to write, as
    new-version leaves them), its ``corrections`` or its ``facts`` (a required key missing, a choice misspelt), or
    keys of its own it does not know (``titel``, read as the ``title`` it was meant to be; one with no such likeness
    left out), decoded without them (facts as none): their errors are reported, and the rest of the version is
    checked in the same run (its texts against its captures, its dates), so that one run finds every problem.
    Returns the version, its decoder and whether its change was given; (None, the decoder, False) where anything
    else is wrong too. (A fact's evidence is checked once the facts read: a fact that does not read cannot be held
    to its section.)"""
    meant = _meant([e.message for e in decoder.errors])
    parts = {_part(e.message) for e in decoder.errors if not _UNKNOWN_KEY.fullmatch(e.message)}
    if not decoder.errors or None in parts:
        return None, decoder, False
    try:
        display, node = read_yaml(path, root)
    except YamlFileError:
        return None, decoder, False
    if not isinstance(node, yaml.MappingNode):
        return None, decoder, False
    rest = [
        (read, value)
        for key, value in node.value
        if not (isinstance(key, yaml.ScalarNode) and key.value in parts) and (read := _read_as_meant(key, meant)) is not None
    ]
    if "facts" in parts:  # the facts as none: a version has them, and every fact is optional
        mark = node.start_mark
        empty = yaml.MappingNode("tag:yaml.org,2002:map", [], mark, mark)
        rest.append((yaml.ScalarNode("tag:yaml.org,2002:str", "facts", mark, mark), empty))
    stripped = yaml.MappingNode(node.tag, rest, node.start_mark, node.end_mark, node.flow_style)
    value, without = decode_file(display, stripped, Version)
    if value is None or without.errors:
        return None, decoder, False
    given = "change" in parts and any(isinstance(key, yaml.ScalarNode) and key.value == "change" for key, _ in node.value)
    return value, without, given
