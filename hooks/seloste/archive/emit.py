"""Write data files in the archive's own YAML style (for the contributor commands)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import yaml

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/{kind}.schema.json\n"


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # lists indented under their key, as in data/README.md

    def ignore_aliases(self, data: object) -> bool:
        return True  # the archive refuses anchors and aliases: a value used twice is written out twice


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def plain(value: Any) -> Any:
    """A model value as plain data: dates as ISO text; unset optional fields and empty lists left out."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if item is None or item == () or (f.default is not dataclasses.MISSING and item == f.default):
                continue
            out[f.name] = plain(item)
        return out
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def yaml_text(data: dict[str, Any]) -> str:
    """YAML text of plain ``data``, in the archive's style."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)


def dump(data: dict[str, Any], kind: str) -> str:
    """YAML text for a data file of ``kind`` (organisation or version), with its schema line."""
    return SCHEMA_LINE.format(kind=kind) + yaml_text(data)
