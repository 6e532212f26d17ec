"""Which tools a fact names, for the facts page: each tool once, under one name (``tools.yaml``).

A notice names a tool in its own words ("Google Analytics 4", "Google (Google Analytics)"); the
facts keep those words. The facts page lists the organisations' tools side by side, so there the
spellings of one tool become that tool's one name, and cookies in general are not a tool, nor is
the site's own storage of a setting (a cookie such as ``theme`` or ``cookie_consent``, as the table lists them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

TOOLS_FILE = Path(__file__).with_name("tools.yaml")


@dataclass(frozen=True, slots=True)
class Tool:
    id: str
    name: str
    spellings: tuple[str, ...]
    provider: str | None = None


def _pattern(spellings: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``spellings`` as whole words, letter case and spacing aside."""
    words = ("\\s+".join(re.escape(word) for word in spelling.split()) for spelling in spellings)
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)


def _load() -> tuple[dict[str, Tool], frozenset[str], frozenset[str]]:
    with TOOLS_FILE.open(encoding="utf-8") as stream:
        table = yaml.load(stream, Loader=yaml.CSafeLoader)
    tools = {
        key: Tool(id=key, name=value["name"], spellings=tuple(value["spellings"]), provider=value.get("provider"))
        for key, value in table["tools"].items()
    }
    for tool in tools.values():
        if not tool.spellings:
            raise ValueError(f"{TOOLS_FILE}: {tool.id} has no spellings")
        if tool.provider is not None and tool.provider not in tools:
            raise ValueError(f"{TOOLS_FILE}: {tool.id}'s provider {tool.provider!r} is not a tool of the table")
    not_tools, own_storage = (frozenset(_plain(name) for name in table[key]) for key in ("not_tools", "own_storage"))
    return tools, not_tools, own_storage


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


TOOLS, NOT_TOOLS, OWN_STORAGE = _load()
_PATTERNS = {tool.id: _pattern(tool.spellings) for tool in TOOLS.values()}


def named_tools(name: str) -> tuple[Tool, ...]:
    """The tools of the table that ``name`` names (none for a name the table does not know), in table order."""
    found = [tool for tool in TOOLS.values() if _PATTERNS[tool.id].search(name)]
    providers = {tool.provider for tool in found}
    return tuple(tool for tool in found if tool.id not in providers)


def is_tool(name: str) -> bool:
    """False for what names cookies in general ("evästeet", "cookies"), not a tool."""
    return _plain(name) not in NOT_TOOLS


def is_own_storage(name: str) -> bool:
    """Whether a cookie the notice names is the site's own storage of a setting, named by the cookie's own name
    (``theme``, ``cookie_consent``, "evästeasetusten tallennus"), as the table lists them: not a tool. A name the
    table does not list is shown as written, so that no service goes unseen (a CDN's or a payment service's
    necessary cookies)."""
    return _plain(name) in OWN_STORAGE
