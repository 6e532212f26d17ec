"""A section's text as the reader sees it, as blocks: paragraphs, list items, sub-headings.

The diff works on these blocks (what is rendered, not the Markdown source), so an escape
or a change of list marker is not reported as a change of text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

from .fidelity import normalize
from .render import markdown_html

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


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._stack: list[tuple[BlockKind, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _KINDS:
            if self._stack:  # a list nested in an item: close the item's own text first
                self._flush()
            self._stack.append((_KINDS[tag], []))
        elif tag == "br" and self._stack:
            self._stack[-1][1].append("\n")
        elif tag in ("td", "th") and self._stack:
            self._stack[-1][1].append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _KINDS and self._stack:
            self._flush()
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._stack:
            self._stack[-1][1].append(data)

    def _flush(self) -> None:
        kind, parts = self._stack[-1]
        lines = [normalize(line) for line in "".join(parts).split("\n")]
        text = "\n".join(line for line in lines if line).strip(" |")
        if text:
            self.blocks.append(Block(kind, text))
        parts.clear()


@functools.lru_cache(maxsize=1 << 16)
def blocks(markdown: str) -> tuple[Block, ...]:
    """The blocks of a Markdown body, in reading order (cached: most sections repeat across versions)."""
    return html_blocks(markdown_html(markdown))


def html_blocks(html: str) -> tuple[Block, ...]:
    """The blocks of rendered HTML, as a browser's reader of the page sees them."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    return tuple(parser.blocks)
