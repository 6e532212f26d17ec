"""Text as a reader sees it: whitespace normalised, the visible text of HTML and of one-line Markdown.

Every stage compares texts this way: fidelity to the capture, facts' quotes, diffs, the search index.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from html.parser import HTMLParser

from .render import inline_html

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFC, every kind of whitespace (incl. no-break space) as one space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


class _Text(HTMLParser):
    _BLOCKS = frozenset({"p", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "div", "tr", "td", "th"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@functools.lru_cache(maxsize=1 << 14)
def plain_text(markdown_line: str) -> str:
    """A one-line Markdown text (a title, a heading) as the reader sees it: ``**Foo** [bar](x)`` -> ``Foo bar``.
    Remembered: a heading or title repeats across an organisation's versions, and its pages are made one after
    another (parsing its HTML again for each was a tenth of a version's view)."""
    return html_text(inline_html(markdown_line))


def html_text(html: str) -> str:
    """The visible text of an HTML fragment, whitespace-normalised."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return normalize("".join(parser.parts))
