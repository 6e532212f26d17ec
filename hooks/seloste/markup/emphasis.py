"""Emphasis marks as CommonMark reads them, for text read as Markdown without rendering it (a capture's lines).

A run of ``*`` or ``_`` is emphasis only where it can open or close (the flanking rules: ``_`` not inside a word), and
only where a closer finds an opener of its kind before it, the nearest one first (the spec's "process emphasis", with
its rule of 3). A mark that nothing pairs with is text, as the page shows it: a cookie's name (``_ga``), a footnote's
asterisk, ``5*3``. The delimiters are kept on a stack and each closer's search starts where the last failed search of
its kind stopped (``openers_bottom``), so a line is read in time linear in its marks, whatever they are.
``tests/test_emphasis.py`` holds the result to cmark-gfm's rendering on generated lines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_RUN = re.compile(r"\*+|_+")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _space(char: str) -> bool:
    return char == "" or char in "\t\n\f\r" or unicodedata.category(char) == "Zs"


def _punctuation(char: str) -> bool:
    return char in _ASCII_PUNCTUATION or unicodedata.category(char).startswith("P")


@dataclass(slots=True)
class _Run:
    char: str
    start: int
    end: int
    """What is left of the run: the marks an emphasis has not taken (an opener gives its last ones, a closer its
    first)."""
    length: int
    """The run's whole length, for the rule of 3."""
    can_open: bool
    can_close: bool


def _runs(line: str) -> list[_Run]:
    found = []
    for match in _RUN.finditer(line):
        start, end = match.span()
        before = line[start - 1] if start else ""
        after = line[end] if end < len(line) else ""
        left = not _space(after) and (not _punctuation(after) or _space(before) or _punctuation(before))
        right = not _space(before) and (not _punctuation(before) or _space(after) or _punctuation(after))
        if match[0][0] == "*":
            can_open, can_close = left, right
        else:  # '_' opens or closes only at a word's edge
            can_open = left and (not right or _punctuation(before))
            can_close = right and (not left or _punctuation(after))
        found.append(_Run(match[0][0], start, end, end - start, can_open, can_close))
    return found


def without_emphasis(line: str) -> str:
    """``line`` without the ``*`` and ``_`` marks CommonMark reads as emphasis; every other mark kept."""
    if "*" not in line and "_" not in line:
        return line
    taken: list[tuple[int, int]] = []
    stack: list[_Run] = []
    bottoms: dict[tuple[str, int], int] = {}
    """Per closer's mark and length modulo 3 (cmark-gfm's key, which the pages' renderer uses: later cmark adds
    whether the closer can open), how far down the stack a search for its opener may go."""
    for closer in _runs(line):
        while closer.can_close and closer.end > closer.start:
            key = (closer.char, closer.length % 3)
            found = None
            for index in range(len(stack) - 1, min(bottoms.get(key, 0), len(stack)) - 1, -1):
                opener = stack[index]
                if opener.char != closer.char or not opener.can_open:
                    continue
                both = opener.can_close or closer.can_open
                if both and (opener.length + closer.length) % 3 == 0 and (opener.length % 3 or closer.length % 3):
                    continue  # the rule of 3
                found = index
                break
            if found is None:
                bottoms[key] = len(stack)
                break
            opener = stack[found]
            used = 2 if opener.end - opener.start >= 2 and closer.end - closer.start >= 2 else 1
            taken += [(opener.end - used, opener.end), (closer.start, closer.start + used)]
            opener.end -= used
            closer.start += used
            del stack[found + 1 :]  # the marks between them are text now
            if opener.end == opener.start:
                stack.pop()
            for other, bottom in bottoms.items():
                bottoms[other] = min(bottom, len(stack))
        if closer.can_open and closer.end > closer.start:
            stack.append(closer)
    if not taken:
        return line
    taken.sort()
    parts, done = [], 0
    for start, end in taken:
        parts.append(line[done:start])
        done = end
    return "".join(parts) + line[done:]
