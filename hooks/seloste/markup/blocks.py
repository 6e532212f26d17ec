"""A section's text as the reader sees it, as blocks: paragraphs, list items, sub-headings.

The diff works on these blocks (what is rendered, not the Markdown source), so an escape
or a change of list marker is not reported as a change of text.
"""

from __future__ import annotations

import functools
import re
import typing
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Literal

from .plainprose import plain_kinds
from .rendercache import markdown_html
from .text import normalize

BlockKind = Literal["paragraph", "item", "heading", "row"]

_KINDS: dict[str, BlockKind] = {
    "p": "paragraph",
    "li": "item",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "tr": "row",
}


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str
    """Plain text; a line break inside the block is ``\\n``."""
    links: tuple[str, ...] = ()
    """The targets of the block's links, in reading order: what a reader who follows them reaches."""
    start: str | None = None
    """The number the innermost list that holds the block starts at, as the page numbers it ('1', or '3' where the
    Markdown's first item is '3.'); None outside lists and in a list without numbers. Not in the text, but every
    number a reader sees beside the list's items follows from it."""
    depth: int = field(default=0, compare=False)
    """How deep in lists the block stands: 0 outside them and in a list of the text's own, 1 in a list inside an item
    of that list, and so on. For showing the blocks as the page nests them; not compared (the words are)."""


_START = re.compile(r"[0-9]+")


def list_start(value: str | None) -> str:
    """An ordered list's first number as a browser reads its ``start`` (digits; '1' if none): without leading
    zeros, and as text (a number of any length, never converted)."""
    value = (value or "").strip()
    return (value.lstrip("0") or "0") if _START.fullmatch(value) else "1"


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._stack: list[tuple[BlockKind, list[str], list[str], str | None, int]] = []
        self._lists: list[str | None] = []
        """The start of each list the parser is in, innermost last (None for a list without numbers)."""
        self._in_item: list[bool] = []
        """For each paragraph open, innermost last: whether it is a list item's own text (a list with a blank line
        between its items wraps each item's text in one), read as the item's, not as a paragraph of its own."""
        self._nested: list[bool] = []
        """For each block open: whether a block inside it (a nested list) has begun, after which a paragraph in it is
        one of its own, not its text."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ol", "ul"):
            self._lists.append(list_start(dict(attrs).get("start")) if tag == "ol" else None)
        elif tag == "p" and self._stack and self._stack[-1][0] == "item" and not self._nested[-1]:
            self._in_item.append(True)
            parts = self._stack[-1][1]
            if "".join(parts).strip():  # the item's second paragraph: on a line of its own, as the page shows it
                parts.append("\n")
        elif tag in _KINDS:
            if tag == "p":
                self._in_item.append(False)
            if self._stack:  # a list nested in an item: close the item's own text first
                self._flush()
                self._nested[-1] = True
            self._nested.append(False)
            self._stack.append((_KINDS[tag], [], [], self._lists[-1] if self._lists else None, max(len(self._lists) - 1, 0)))
        elif tag == "a" and self._stack:
            href = dict(attrs).get("href")
            if href:
                self._stack[-1][2].append(href)
        elif tag == "br" and self._stack:
            self._stack[-1][1].append("\n")
        elif tag in ("td", "th") and self._stack:
            self._stack[-1][1].append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ol", "ul") and self._lists:
            self._lists.pop()
        elif tag == "p" and self._in_item and self._in_item.pop():
            return
        elif tag in _KINDS and self._stack:
            self._flush()
            self._stack.pop()
            self._nested.pop()

    def handle_data(self, data: str) -> None:
        if self._stack:
            self._stack[-1][1].append(data)

    def _flush(self) -> None:
        kind, parts, links, start, depth = self._stack[-1]
        lines = [normalize(line) for line in "".join(parts).split("\n")]
        text = "\n".join(line for line in lines if line).strip(" |")
        if text:
            self.blocks.append(Block(kind, text, tuple(links), start, depth))
        parts.clear()
        links.clear()


@functools.lru_cache(maxsize=1 << 16)
def blocks(markdown: str) -> tuple[Block, ...]:
    """The blocks of a Markdown body, in reading order (cached: most sections repeat across versions)."""
    return html_blocks(markdown_html(markdown))


@functools.lru_cache(maxsize=1 << 16)
def block_kinds(markdown: str) -> tuple[BlockKind, ...]:
    """The kinds of a Markdown body's blocks, in reading order: those of :func:`blocks`, found without rendering the
    body where it is plain prose and simple lists."""
    plain = plain_kinds(markdown)
    if plain is not None:
        return typing.cast(tuple[BlockKind, ...], plain)
    return tuple(block.kind for block in blocks(markdown))


def html_blocks(html: str) -> tuple[Block, ...]:
    """The blocks of rendered HTML, as a browser's reader of the page sees them."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    return tuple(parser.blocks)


_KIND_NAMES: dict[BlockKind, tuple[str, str]] = {
    "paragraph": ("paragraph", "paragraphs"),
    "item": ("list item", "list items"),
    "heading": ("heading", "headings"),
    "row": ("table row", "table rows"),
}


def parity_problem(original: str, translation: str, theirs: str = "Finnish", ours: str = "English") -> str | None:
    """Why a body's translation does not have the original's paragraphs, list items, headings and table rows in
    the same order (a paragraph left untranslated, or two run together); None if it does."""
    fi, en = list(block_kinds(original)), list(block_kinds(translation))
    if fi == en:
        return None
    counts = f"the {ours} has {_counted(en)}, the {theirs} {_counted(fi)}"
    if sorted(fi) == sorted(en):
        counts = f"the {ours} has the {theirs}'s {_counted(fi)}, in another order"
    return (
        f"{counts}; translate each paragraph and list item "
        "as one of its own, in the same order (or declare 'translation: pending' on this version)"
    )


def _counted(kinds: list[BlockKind]) -> str:
    counts = {kind: kinds.count(kind) for kind in _KIND_NAMES if kind in kinds}
    return ", ".join(f"{n} {_KIND_NAMES[kind][n != 1]}" for kind, n in counts.items()) or "no text"
