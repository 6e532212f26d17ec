"""Where a page's lines start, as a browser shows them, before markdownify writes the page as Markdown.

A browser shows no space at a line's start after a line break (a page's source often breaks its own line after a
``<br>``), and a ``>`` that starts a line is text: markdownify writes it as it is (it escapes no ``>``), where Markdown
would read it as a quote's mark, and the draft would show a quote without it ("> 18 vuotta" as "18 vuotta").
"""

from __future__ import annotations

import bs4

TEXT_BLOCKS = ("p", "li", "td", "th", "dd", "dt", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6")
"""Elements whose text starts a line of its own."""


def as_shown(root: bs4.Tag) -> None:
    """Each line's start in ``root`` as a browser shows it: no space after a line break, a starting ``>`` escaped."""
    starts = []
    for brk in root.find_all("br"):
        text = brk.next_sibling
        if isinstance(text, bs4.NavigableString) and text[:1].isspace():
            text.replace_with(text := bs4.NavigableString(text.lstrip()))
        starts.append(text)
    starts += [next((t for t in block.find_all(string=True) if t.strip()), None) for block in root.find_all(TEXT_BLOCKS)]
    for text in starts:
        if isinstance(text, bs4.NavigableString) and text.lstrip().startswith(">") and not text.find_parent(["pre", "code"]):
            at = text.index(">")
            text.replace_with(text[:at] + "\\" + text[at:])
