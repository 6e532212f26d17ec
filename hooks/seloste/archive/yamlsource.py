"""Read a YAML file into located nodes, without PyYAML's type guessing.

PyYAML turns ``no`` into ``False``, ``1.10`` into ``1.1`` and unquoted ``2024-13-01`` into a
bare ValueError; it accepts duplicate keys silently and constructs arbitrary objects from
``!!python/...`` tags. We only *compose* the document (nodes with line/column marks) and
hand the nodes to the typed decoder, which reads every scalar as the text that was typed.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..limits import MAX_DEPTH, MAX_FILE_BYTES
from .errors import DataError, Location, display_path

try:  # the C parser is ~30x faster; both give the same nodes and marks
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

_STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


class YamlFileError(Exception):
    """The file cannot be read as YAML at all."""

    def __init__(self, error: DataError) -> None:
        self.error = error
        super().__init__(str(error))


def location(path: str, node: yaml.Node) -> Location:
    return Location(path, node.start_mark.line + 1, node.start_mark.column + 1)


_MODELINE = re.compile(r"^[ \t]*#[ \t]*yaml-language-server[ \t]*:(?P<rest>.*)$", re.MULTILINE)
OWN_SCHEMA = re.compile(r" \$schema=(?:\.\./)+(?:data/)?schema/(?:organisation|version)\.schema\.json")
"""What a file's editor line may name: the archive's own schemas, by a relative path (``../schema/version.schema.json``),
never an address an editor would fetch."""


def _check_modelines(path: str, text: str) -> None:
    for match in _MODELINE.finditer(text):
        if not OWN_SCHEMA.fullmatch(match["rest"].rstrip()):
            line = text.count("\n", 0, match.start()) + 1
            raise YamlFileError(
                DataError(
                    Location(path, line, 1),
                    "the editor line may name only the archive's own schema: "
                    "# yaml-language-server: $schema=../schema/version.schema.json (or organisation.schema.json)",
                )
            )


def read_yaml(file: Path, root: Path | None = None) -> tuple[str, yaml.Node | None]:
    """Compose ``file`` into a node tree; returns the display path and the root node.

    Raises YamlFileError with a located message for anything that is not well-formed,
    UTF-8 encoded YAML of reasonable size.
    """
    path = display_path(file, root)
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
    _check_modelines(path, text)
    try:
        _reject_deep_nesting(path, text)
        if "&" in text or "*" in text:
            _reject_anchors(path, text)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
        problem = " ".join(part for part in (err.context, err.problem) if part)
        if mark and mark.index < len(text) and text[mark.index] == "\t":
            problem = "a tab character here; YAML indents with spaces only"
        raise YamlFileError(DataError(where, f"YAML syntax error: {problem} (check the indentation and quoting here)")) from err
    except yaml.YAMLError as err:
        raise YamlFileError(DataError(Location(path), f"YAML error: {err}")) from err
    return path, node


def _reject_deep_nesting(path: str, text: str) -> None:
    if text.count("[") + text.count("{") + text.count(":") + text.count("-") < MAX_DEPTH:
        return  # too few markers to nest that deep
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                where = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
                raise YamlFileError(
                    DataError(where, f"lists and mappings nested more than {MAX_DEPTH} deep; a data file needs far fewer")
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _reject_anchors(path: str, text: str) -> None:
    """Refuse anchors and aliases before composing: they reuse values (and can multiply them)."""
    for event in yaml.parse(text, Loader=_Loader):
        anchor = getattr(event, "anchor", None)  # aliases, scalars and collections have one
        if isinstance(event, yaml.AliasEvent):
            what = f"alias *{anchor}"
        elif anchor:
            what = f"anchor &{anchor}"
        else:
            continue
        mark = event.start_mark
        where = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
        raise YamlFileError(DataError(where, f"YAML {what}: anchors and aliases are not allowed; write the value out in full"))


def check_tag(node: yaml.Node) -> str | None:
    """A message if the node carries a tag other than YAML's standard ones."""
    if node.tag in _STANDARD_TAGS:
        return None
    return f"YAML tag {node.tag.replace('tag:yaml.org,2002:', '!!')!r} is not allowed; write plain values"
