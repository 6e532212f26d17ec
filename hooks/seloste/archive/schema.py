"""JSON Schemas for the data files, generated from the model's type hints.

The schemas in ``data/schema/`` are committed so editors can use them
(``# yaml-language-server: $schema=...``); ``seloste schema --check`` and the test suite
fail when they fall out of step with the model.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from pathlib import Path
from typing import Any, Literal, Union

from .model import Organisation, Version
from .types import Text

SCHEMAS: dict[str, type] = {"organisation.schema.json": Organisation, "version.schema.json": Version}
SCHEMA_ID_BASE = "https://seloste.github.io/schema/"

_SINGLE_LINE = r"^\s*[^\n]*\S[^\n]*\s*$"
_NOT_BLANK = r"\S"


def schema_for(cls: type) -> dict[str, Any]:
    defs: dict[str, Any] = {}
    root = _object(cls, defs)
    name = next(file for file, model in SCHEMAS.items() if model is cls)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID_BASE + name,
        "title": f"Seloste {cls.__name__.lower()} file",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _object(cls: Any, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, include_extras=True)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for f in dataclasses.fields(cls):
        prop = _type(hints[f.name], defs)
        if f.metadata.get("doc"):
            prop = {"description": f.metadata["doc"], **prop}
        prop.update(f.metadata.get("schema", {}))  # an array's keywords, which apply to nothing else a union allows
        properties[f.name] = prop
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
    schema: dict[str, Any] = {"type": "object"}
    if cls.__doc__:
        schema["description"] = " ".join(cls.__doc__.split())
    schema.update({"additionalProperties": False, "properties": properties, "required": required})
    return schema


def _type(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin is typing.Annotated:
        text = next((e for e in typing.get_args(hint)[1:] if isinstance(e, Text)), Text())
        return _text(text)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(options) > 1:
            return {"anyOf": [_type(a, defs) for a in options]}
        return _type(options[0], defs)
    if origin is tuple:
        return {"type": "array", "items": _type(typing.get_args(hint)[0], defs)}
    if origin is Literal:
        return {"enum": list(typing.get_args(hint))}
    if hint is dt.date:
        return {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    if hint is str:
        return _text(Text())
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            defs[name] = _object(hint, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no schema for {hint!r}")


def _text(text: Text) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    if text.pattern:
        schema["pattern"] = f"^(?:{text.pattern})$"
    elif text.single_line:
        schema["pattern"] = _SINGLE_LINE
    else:
        schema["pattern"] = _NOT_BLANK
    if text.json_format:
        schema["format"] = text.json_format
    return schema


def render(cls: type) -> str:
    return json.dumps(schema_for(cls), indent=2, ensure_ascii=False) + "\n"


def stale_schemas(schema_dir: Path) -> list[str]:
    """Names of committed schema files that differ from the model."""
    return [
        name
        for name, cls in SCHEMAS.items()
        if not (schema_dir / name).is_file() or (schema_dir / name).read_text(encoding="utf-8") != render(cls)
    ]


def write_schemas(schema_dir: Path) -> list[Path]:
    schema_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, cls in SCHEMAS.items():
        path = schema_dir / name
        path.write_text(render(cls), encoding="utf-8")
        written.append(path)
    return written
