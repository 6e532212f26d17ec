"""A plain text notice's structure as Markdown, for a draft: its bullets as lists, its numbered headings as headings.

A notice saved as plain text (a ``.txt`` file, the text of a page) writes its lists with bullet characters (``•
nimi``, nested by indentation) and often its sections as numbered lines (``3. Rekisterin nimi``, then the section's
text). Read as Markdown, the bullets are text in a paragraph and the numbered lines an ordered list, so the draft would
have one section of literal bullets. Only the draft changes: the capture stays the text as it was saved, and the
capture's reading takes a bullet as a list item's mark (``archive/capturetext.py``).
"""

from __future__ import annotations

import re

from ..archive.capturetext import BULLETS

_BULLET = re.compile(r"^([ \t]*)[" + BULLETS + r"][ \t]+(?=\S)")
_NUMBERED = re.compile(r"^[ \t]{0,3}([0-9]{1,2})\.(?:[ \t]*[–-][ \t]*([0-9]{1,2})\.)?[ \t]+\S.{0,118}$")
"""A line that may head a section: a number and a full stop (``1. – 2.`` for two merged), then a short text; a few
spaces before it (a text browser's dump of a page numbers its headings `` 1. Yleistä``)."""
_ANY_NUMBERED = re.compile(r"^[ \t]*[0-9]{1,3}[.)](?:[ \t]|$)")
"""Any numbered line: a list's item, or a heading."""


def as_markdown(text: str, *, headings: bool = True, text_file: bool = False) -> str:
    """``text`` with its bullet lines as Markdown list items (their indentation kept: the draft nests them), and, where
    ``headings`` (a text the draft finds no headings in of its own), its numbered headings as headings
    (:func:`_numbered_headings`). A ``text_file`` has no quotes: a ``>`` that starts a line or a list item is its text,
    escaped."""
    lines = [_BULLET.sub(r"\1- ", line) for line in text.split("\n")]
    if text_file:
        lines = [_QUOTE_MARK.sub(r"\1\\>", line) for line in lines]
    if headings:
        for index in _numbered_headings(lines):
            lines[index] = "## " + lines[index].lstrip()
    return "\n".join(lines)


_QUOTE_MARK = re.compile(r"^(\s*(?:[-*+][ \t]+|[0-9]{1,9}[.)][ \t]+)?)>")
"""A ``>`` that starts a line, or a list item's text (``- > 65 vuotta``), where Markdown would read a quote."""


def _numbered_headings(lines: list[str]) -> list[int]:
    """The numbered lines, where every one of them heads a section; else none (they are a list's items). Each must be
    a short line that ends in no full stop or other sentence mark, no line ending in ':' may introduce it, and the
    text after it must start anew (not another numbered line, not a line in lower case that continues it); and they
    must be numbered 1, 2, 3 and on (``1. – 2.`` stands for both), or each 1. (a text browser's dump of a page whose
    every heading is a list of its own). None unless there are two or more."""
    found: list[int] = []
    expected, ones = 1, True
    for index, line in enumerate(lines):
        if not _ANY_NUMBERED.match(line):
            continue
        match = _NUMBERED.match(line)
        following = next((other.lstrip() for other in lines[index + 1 :] if other.strip()), "")
        before = next((other.rstrip() for other in reversed(lines[:index]) if other.strip()), "")
        if (
            match is None
            or line.rstrip()[-1] in ".,;!?"
            or not following
            or _ANY_NUMBERED.match(following)
            or following[:1].islower()
            or before.endswith(":")
        ):
            return []
        number, last = int(match[1]), int(match[2] or match[1])
        if not (number == expected or (ones and found and number == 1)):
            return []
        ones, expected = ones and last == 1, last + 1
        found.append(index)
    return found if len(found) >= 2 else []
