"""A Markdown file's paragraphs as its site shows them: each on one line, but for its line breaks.

A Markdown file may wrap a paragraph over several lines; its site (and GitHub's preview) shows those lines as one run
of text. The archive's pages keep each line of a paragraph as a line (``CMARK_OPT_HARDBREAKS``: a page's capture has a
line for each line the page showed, an address block's too). So a draft from a Markdown file joins the lines of each
paragraph, as its renderer does, and keeps a line break where the file makes one: two spaces or a backslash at the
line's end, or a ``<br>`` (in the draft, a new line alone: the archive's renderer and Python-Markdown's nl2br both break
the line there, where a backslash would show in Python-Markdown). A line with an HTML block's tag stays a line of its
own. A capture of a page, or a text file, is left as it is: its lines are the ones a reader saw.
"""

from __future__ import annotations

import re

from ..archive.capturetext import QUOTE_MARKS
from ..markup.cmark import paragraph_lines
from ..markup.sitesource import Dialect, Note, as_markdown, markdown_lines

_HARD_BREAK = re.compile(r"(?: {2,}|(?<!\\)(?:\\\\)*\\|<br\b[^>]*>(?:\s*</[A-Za-z][^>]*>)*\s*)$", re.IGNORECASE)
"""The end of a line that breaks its paragraph's line there: CommonMark's hard line break (two spaces, or a backslash
that no backslash escapes), or a ``<br>`` (closing tags after it are no text)."""
_BREAK_FIRST = re.compile(r"^\s*<br\b[^>]*>", re.IGNORECASE)
"""The start of a line that opens with a line break: the line before ends there."""
_BLOCK = re.compile(
    r"</?(?:p|div|li|ul|ol|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|h[1-6]|hr|blockquote|pre|section|article|aside|"
    r"header|footer|nav|figure|details|summary)\b|(?-i:<[A-Z])",
    re.IGNORECASE,
)
"""An HTML block's tag, or a component's (a capital letter): its text is a block of its own on the site, so a line with
one joins neither the line before nor the one after (cmark reads the tags as text here, as the pages do)."""
_TRAILING_BACKSLASH = re.compile(r"(?<!\\)((?:\\\\)*)\\$")
"""A backslash at a line's end that no backslash escapes (a hard break's, which the draft writes as the new line alone)."""


def draft_markdown(text: str, dialect: Dialect, first_line: int = 1) -> tuple[str, list[Note]]:
    """A page's text as a draft's Markdown (:func:`as_markdown`, each line without its trailing spaces), and what
    reading it could not tell; a Markdown file's (``dialect`` not ``text``) with each paragraph's lines joined."""
    stripped = "\n".join(line.rstrip() for line in text.split("\n"))
    if dialect == "text":
        return as_markdown(stripped, dialect, first_line)
    read, notes = markdown_lines(stripped, dialect, first_line)
    lines: list[str] = []
    hard: set[int] = set()
    """The numbers (1-based) of the lines in ``lines`` that end in a line break of the file's own (or a block's end)."""
    for line, made in zip(text.split("\n"), read, strict=True):
        block = _BLOCK.search(line) is not None
        if block or _BREAK_FIRST.match(line):
            hard.add(len(lines))  # the line before ends here
        pieces = made.split("\n")  # a <br> in the line: a break after each piece but the last
        hard.update(range(len(lines) + 1, len(lines) + len(pieces)))
        lines += pieces
        if block or _HARD_BREAK.search(line):
            hard.add(len(lines))
            lines[-1] = _TRAILING_BACKSLASH.sub(r"\1", lines[-1]).rstrip()  # in the body, a line break is a new line alone
    return re.sub(r"\n{3,}", "\n\n", joined_paragraphs(lines, hard)), notes


def joined_paragraphs(lines: list[str], hard: set[int]) -> str:
    """The text of ``lines`` with each soft line break inside a paragraph made a space: a paragraph's next line joins
    it, without its indent and its quote's marks, unless the line before ends in a line break (a number of ``hard``)."""
    joined: list[str | None] = list(lines)
    for first, last in paragraph_lines("\n".join(lines)):
        kept = first  # the line the next joins
        for number in range(first + 1, last + 1):
            if number - 1 in hard:
                kept = number
                continue
            # without its indent, and its quote's marks where it stands in one (a line of a paragraph that is not in a
            # quote cannot start with '>': that would start a quote)
            joined[kept - 1] = f"{(joined[kept - 1] or '').rstrip()} {QUOTE_MARKS.sub('', lines[number - 1]).strip()}"
            joined[number - 1] = None
    return "\n".join(line for line in joined if line is not None)
