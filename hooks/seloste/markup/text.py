"""Text as a reader sees it: whitespace normalised, the visible text of HTML and of one-line Markdown.

Every stage compares texts this way: fidelity to the capture, facts' quotes, diffs, the search index.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from html import unescape
from html.parser import HTMLParser

from .render import inline_html


def normalize(text: str) -> str:
    """NFC, every kind of whitespace (incl. no-break space) as one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())  # split() splits where \s matches (a test checks)


_BLOCKS = frozenset({"p", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "div", "tr", "td", "th"})
"""Tags whose start and end stand for a space between words."""


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@functools.lru_cache(maxsize=1 << 14)
def plain_text(markdown_line: str) -> str:
    """A one-line Markdown text (a title, a heading) as the reader sees it: ``**Foo** [bar](x)`` -> ``Foo bar``.
    Remembered: a heading or title repeats across an organisation's versions, and its pages are made one after
    another (parsing its HTML again for each was a tenth of a version's view)."""
    return rendered_text(inline_html(markdown_line))


def html_text(html: str) -> str:
    """The visible text of an HTML fragment, whitespace-normalised."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return normalize("".join(parser.parts))


_SIMPLE_TAG = re.compile(
    r"<(?:/([a-zA-Z][a-zA-Z0-9]*)"  # an end tag, or
    r'|([a-zA-Z][a-zA-Z0-9]*)(?:[ \t\n\r\f]+[a-zA-Z][-a-zA-Z0-9_:.]*="[^"<>]*")*[ \t\n\r\f]*/?)>'  # a start tag
)
"""A tag as the sanitiser writes it: a name of ASCII letters and digits, attributes in double quotes."""
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"})
"""Elements whose content an HTML parser may not read as text and tags."""


def rendered_text(html: str) -> str:
    """:func:`html_text` of HTML made of text and simple tags, such as the renderer's (``markdown_html``), without
    its parser: the text between tags, their character references replaced, and a space for a block's tags. HTML
    with anything else (a comment, a ``<`` that opens no such tag, an element of raw text) goes to :func:`html_text`.
    About twice as fast on the sections of notices (a test compares both on generated HTML)."""
    pieces = _SIMPLE_TAG.split(html)
    texts = pieces[::3]
    names = [(end or start).lower() for end, start in zip(pieces[1::3], pieces[2::3], strict=True)]
    if "<" in "".join(texts) or not _RAW_TEXT.isdisjoint(names):
        return html_text(html)
    parts = [unescape(texts[0])]
    for name, text in zip(names, texts[1:], strict=True):
        parts.append(" " if name in _BLOCKS else "")
        parts.append(unescape(text))
    return normalize("".join(parts))
