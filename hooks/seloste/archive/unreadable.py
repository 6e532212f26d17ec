"""A version whose only unreadable parts are those no other check reads from, checked without them in the same run."""

from __future__ import annotations

from pathlib import Path

import yaml

from .decode import Decoder, decode_file
from .model import Version
from .yamlsource import YamlFileError, read_yaml

_SEPARABLE = ("change", "corrections", "facts")
"""The parts of a version that no other check reads from: a problem inside one of them (a draft's change still to
write, a fact missing a required key) leaves the texts, the captures and the dates to be checked in the same run."""


def _part(message: str) -> str | None:
    """The separable part of a version a decoder's message is about (``facts.purposes[0].quote: ...``), or None."""
    return next((part for part in _SEPARABLE if message.startswith((f"{part}.", f"{part}:", f"{part}["))), None)


def without_unreadable(path: Path, root: Path | None, decoder: Decoder) -> tuple[Version | None, Decoder, bool]:
    """A version whose only problems are in its ``change`` (a draft whose kind and summary are still to write, as
    new-version leaves them), its ``corrections`` or its ``facts`` (a required key missing, a choice misspelt), decoded
    without them (facts as none): their errors are reported, and the rest of the version is checked in the same run
    (its texts against its captures, its dates), so that one run finds every problem. Returns the version, its
    decoder and whether its change was given; (None, the decoder, False) where anything else is wrong too. (A fact's
    evidence is checked once the facts read: a fact that does not read cannot be held to its section.)"""
    parts = {_part(e.message) for e in decoder.errors}
    if not decoder.errors or None in parts:
        return None, decoder, False
    try:
        display, node = read_yaml(path, root)
    except YamlFileError:
        return None, decoder, False
    if not isinstance(node, yaml.MappingNode):
        return None, decoder, False
    rest = [(key, value) for key, value in node.value if not (isinstance(key, yaml.ScalarNode) and key.value in parts)]
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
