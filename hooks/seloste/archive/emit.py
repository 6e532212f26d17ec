"""Write data files in the archive's own YAML style (for the contributor commands)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

import yaml

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/{kind}.schema.json\n"


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # lists indented under their key, as in data/README.md

    def ignore_aliases(self, data: object) -> bool:
        return True  # the archive refuses anchors and aliases: a value used twice is written out twice

    def choose_scalar_style(self) -> str:
        """A literal block, asked for, also where the text has a tab or a space at a line's end: PyYAML quotes those
        ("a\\tb\\n\\nc"), unreadable to the person who edits the body. A block reads both back as they were (a
        property test); a text of spaces alone, or with a character a block cannot hold, is quoted."""
        event = self.event
        if not isinstance(event, yaml.ScalarEvent):
            return super().choose_scalar_style()
        if "\x85" in event.value:
            return '"'  # PyYAML writes a next line (NEL) as is, in a block or in quotes, and reads it back as a break
        if event.style != "|" or self.flow_level or self.simple_key_context:
            return super().choose_scalar_style()
        lines = "\n".join(line.rstrip(" \t") for line in event.value.split("\n"))  # in time linear in its length
        if self.analyze_scalar(lines.replace("\t", "x")).allow_block:
            return "|"
        return super().choose_scalar_style()


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _Block(str):
    """A section's body: written as a literal block (``|-``) even on one line, so that a person who adds a paragraph
    (a blank line, then its text) adds it to the body; in a plain scalar, YAML would fold the two into one line."""


def _block(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style="|")


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_Block, _block)


def _bodies_as_blocks(data: dict[str, Any]) -> dict[str, Any]:
    """A version's data with each section's bodies marked to be written as literal blocks."""
    sections = data.get("sections")
    if not isinstance(sections, list):
        return data
    marked = [
        {**s, "body": {lang: _Block(text) if isinstance(text, str) else text for lang, text in s["body"].items()}}
        if isinstance(s, dict) and isinstance(s.get("body"), dict)
        else s
        for s in sections
    ]
    return {**data, "sections": marked}


def plain(value: Any, memo: dict[int, Any] | None = None) -> Any:
    """A model value as plain data: dates as ISO text; unset optional fields and empty lists left out. ``memo``: the
    plain data of each model object met already, by identity, to share between calls for the values of one file (a
    section kept as it was across an organisation's versions is one object); the data is then shared too, so not for
    a YAML file, which would write a shared value as an alias."""
    if isinstance(value, tuple | list):
        return [plain(v, memo) for v in value]
    if isinstance(value, dict):
        return {k: plain(v, memo) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    fields = _fields(type(value))
    if fields is None:
        return value
    if memo is not None and id(value) in memo:
        return memo[id(value)]
    out = {}
    for name, default in fields:
        item = getattr(value, name)
        if item is None or item == () or item is default or (default is not _NONE and item == default):
            continue
        out[name] = plain(item, memo)
    if memo is not None:
        memo[id(value)] = out  # the object lives as long as the value the memo is for: its id is not taken again
    return out


_NONE = object()


_FIELDS: dict[type, tuple[tuple[str, Any], ...] | None] = {}


def _fields(cls: type) -> tuple[tuple[str, Any], ...] | None:
    """A model class's fields, each with its default (``_NONE``: none); None for anything but a dataclass."""
    if cls not in _FIELDS:
        found = dataclasses.fields(cls) if dataclasses.is_dataclass(cls) else None
        _FIELDS[cls] = (
            None if found is None else tuple((f.name, _NONE if f.default is dataclasses.MISSING else f.default) for f in found)
        )
    return _FIELDS[cls]


def yaml_text(data: dict[str, Any]) -> str:
    """YAML text of plain ``data``, in the archive's style."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)


def dump(data: dict[str, Any], kind: str) -> str:
    """YAML text for a data file of ``kind`` (organisation or version), with its schema line."""
    if kind != "version":
        return SCHEMA_LINE.format(kind=kind) + yaml_text(data)
    text = yaml_text(_bodies_as_blocks(data))
    # an empty body, which PyYAML will not write as a block (it quotes it, "", where a blank line typed below would
    # fold): a block with no line yet, the body a person types under it (every other empty text is written '')
    return SCHEMA_LINE.format(kind=kind) + re.sub(r'^( +[a-z]{2}): ""$', r"\1: |-", text, flags=re.MULTILINE)
