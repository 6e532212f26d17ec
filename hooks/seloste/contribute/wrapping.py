"""A Markdown file's paragraphs as its site shows them: each on one line, but for its line breaks.

A Markdown file may wrap a paragraph over several lines; its site (and GitHub's preview) shows those lines as one run
of text. The archive's pages keep each line of a paragraph as a line (``CMARK_OPT_HARDBREAKS``: a page's capture has a
line for each line the page showed, an address block's too). So a draft from a Markdown file joins the lines of each
paragraph, as its renderer does, and keeps a line break where the file makes one: two spaces or a backslash at the
line's end, or a ``<br>``. A capture of a page, or a text file, is left as it is: its lines are the ones a reader saw.
"""

from __future__ import annotations

import re

from ..markup.cmark import paragraph_lines
from ..markup.sitesource import Dialect, Note, as_markdown, markdown_lines

_HARD_BREAK = re.compile(r"(?: {2,}|\\|<br\s*/?>\s*)$", re.IGNORECASE)
"""The end of a line that breaks its paragraph's line there: CommonMark's hard line break, or a ``<br>``."""
_QUOTE_MARKS = re.compile(r"^\s*(?:>\s?)*")
"""A paragraph's line's indent, and its quote's marks where it stands in a quote (a line of a paragraph that is not
in one cannot start with ``>``: that would start a quote)."""


def draft_markdown(text: str, dialect: Dialect, first_line: int = 1) -> tuple[str, list[Note]]:
    """A page's text as a draft's Markdown (:func:`as_markdown`, each line without its trailing spaces), and what
    reading it could not tell; a Markdown file's (``dialect`` not ``text``) with each paragraph's lines joined."""
    stripped = "\n".join(line.rstrip() for line in text.split("\n"))
    if dialect == "text":
        return as_markdown(stripped, dialect, first_line)
    read, notes = markdown_lines(stripped, dialect, first_line)
    lines: list[str] = []
    hard: set[int] = set()
    """The numbers (1-based) of the lines in ``lines`` that end in a line break of the file's own."""
    for line, made in zip(text.split("\n"), read, strict=True):
        pieces = made.split("\n")  # a <br> in the line: a break after each piece but the last
        hard.update(range(len(lines) + 1, len(lines) + len(pieces)))
        lines += pieces
        if _HARD_BREAK.search(line):
            hard.add(len(lines))
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
            joined[kept - 1] = f"{(joined[kept - 1] or '').rstrip()} {_QUOTE_MARKS.sub('', lines[number - 1]).strip()}"
            joined[number - 1] = None
    return "\n".join(line for line in joined if line is not None)
