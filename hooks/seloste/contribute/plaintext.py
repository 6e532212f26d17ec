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
_NUMBERED = re.compile(r"^[ \t]{0,3}([0-9]{1,2})\.(?:[ \t]*[–-][ \t]*[0-9]{1,2}\.)?[ \t]+\S.{0,118}$")
"""A line that may head a section: a number and a full stop (``1. – 2.`` for two merged), then a short text; a few
spaces before it (a text browser's dump of a page numbers its headings `` 1. Yleistä``)."""
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]")
_BOLD_HEADING = re.compile(r"^\*\*[^*\n]{2,120}\*\*:?$")


def as_markdown(text: str) -> str:
    """``text`` with its bullet lines as Markdown list items (their indentation kept: the draft nests them), and, where
    it has no Markdown headings (nor bold lines, which the draft takes as headings), its numbered headings as
    headings (:func:`_numbered_headings`)."""
    lines = [_BULLET.sub(r"\1- ", line) for line in text.split("\n")]
    if not any(_MARKDOWN_HEADING.match(line) or _BOLD_HEADING.match(line.strip()) for line in lines):
        for index in _numbered_headings(lines):
            lines[index] = "## " + lines[index].lstrip()
    return "\n".join(lines)


def _numbered_headings(lines: list[str]) -> list[int]:
    """The lines that head sections: numbered lines that end in no full stop or other sentence mark, each followed by
    text that is not another numbered line (a numbered list's items follow one another), numbered in order (or each
    the same: a page whose every heading is a list of its own shows each as 1.); none unless there are two or
    more."""
    found: list[int] = []
    last = 0
    for index, line in enumerate(lines):
        match = _NUMBERED.match(line)
        if match is None or line.rstrip()[-1] in ".,;!?" or int(match[1]) < last:
            continue
        following = next((other for other in lines[index + 1 :] if other.strip()), None)
        if following is None or _NUMBERED.match(following) or re.match(r"[0-9]+[.)]", following.lstrip()):
            continue
        found.append(index)
        last = int(match[1])
    return found if len(found) >= 2 else []
