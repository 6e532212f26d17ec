"""Whether cmark-gfm, which renders the pages, and Python-Markdown, which rendered them before, show a text alike.

The two follow different specifications (CommonMark and Markdown.pl's) and differ on a few constructs: a list right
under a paragraph's line, a nested list indented by two spaces, a blank line between a list's items, and more. A
text they render differently is refused by ``seloste validate`` (``archive/versioncheck.py``) with the line where the
difference starts and how to write it so that both agree. So the change of renderer changed no published page, and a
text that is not refused renders alike in both (``tests/test_agreement.py`` holds this on generated texts).

"Alike" is equal HTML after the sanitiser, except for white space a browser does not show: the spaces that start a line
after a line break (Python-Markdown keeps them, cmark drops them), and line breaks between a block's tags (cmark puts a
nested list on a line of its own). No reading of the text here sees them either (``text.py``, ``blocks.py``). Text in
``<pre>`` is compared as it is.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .cmark import cmark_html
from .render import inline_html, markdown_html, reference_html, reference_inline_html, render_limit

_LINE_START_SPACE = re.compile(r"\n[ \t]+")
_BLOCK_TAG_SPACE = re.compile(r"\s*(</?(?:p|ul|ol|li|h[1-6]|table|thead|tbody|tr|th|td|blockquote|hr)\b[^>]*>)\s*")
_SOURCEPOS = re.compile(r'^<[a-z0-9]+ data-sourcepos="(\d+):\d+-(\d+):\d+"', re.MULTILINE)
"""A top-level block of cmark's HTML with the lines it comes from (a nested block is indented in no way cmark
writes, but its lines lie within its parent's, so the first match per line range is enough)."""

_ITEM = re.compile(r"^( *)(?:[-*+]|[0-9]+[.)])(?:[ \t]|$)")
_BLANK = re.compile(r"^[ \t]*$")
_CODE = re.compile(r"`([^`]+)`")
_ORDERED_PAREN = re.compile(r" *[0-9]+\)")
_HEADING_WITHOUT_SPACE = re.compile(r" {0,3}#{1,6}[^#\s]")


@dataclass(frozen=True, slots=True)
class Disagreement:
    line: int
    """The line of the text (1 for its first) where the two renderings start to differ."""
    message: str


def _alike(ours: str, reference: str) -> bool:
    if ours == reference:
        return True
    if "<pre" in ours or "<pre" in reference:
        return False
    return _unseen_space_removed(ours) == _unseen_space_removed(reference)


def _unseen_space_removed(html: str) -> str:
    return _BLOCK_TAG_SPACE.sub(r"\1", _LINE_START_SPACE.sub("\n", html))


@functools.lru_cache(maxsize=1 << 16)
def body_disagreement(text: str) -> Disagreement | None:
    """Where and why a body renders differently in cmark-gfm and Python-Markdown, or None if alike.

    Plain prose and simple lists are compared with the HTML Python-Markdown is known to give them
    (``plainprose.plain_html``, tested against it), without running it: most texts of an archive are such."""
    if render_limit(text):
        return None  # refused as such, before anything renders it
    if _alike(markdown_html(text), reference_html(text)):  # plain prose: each the same HTML, made without the parser
        return None
    line = _first_differing_line(text)
    hint = _hint(text, line)
    return Disagreement(hint[0] if hint else line, (hint[1] if hint else _PLAINER) + _WHY)


_PLAINER = (
    "write this part in plainer Markdown (paragraphs, '- ' lists with a blank line before them, '**bold**', '*emphasis*', links)"
)
_WHY = (
    "; as written, the pages' renderer (cmark-gfm, as GitHub's preview of the file shows it) and Python-Markdown, "
    "which rendered the published pages, show it differently"
)


@functools.lru_cache(maxsize=1 << 16)
def inline_disagreement(text: str) -> str | None:
    """Why a one-line text (a title, a heading) renders differently in the two, or None if alike (worked out once per
    distinct text: most headings stand in every version of a notice, many in every notice)."""
    if render_limit(text) or _alike(inline_html(text), reference_inline_html(text)):
        return None
    return "write it without Markdown other than '**bold**', '*emphasis*' and links" + _WHY


def _first_differing_line(text: str) -> int:
    """The first line of the first top-level block after which the two renderings of the text's start differ.

    Found by halving (a few renderings of the text's start, whatever its length: trying every block in turn took
    time that grows with the square of the number of blocks, 2 s at 1,000). Where a later block changes how an earlier
    one renders (a list made loose), it names a block near where they part."""
    lines = text.split("\n")
    blocks = _blocks(text)
    low, high = 0, len(blocks) - 1  # the whole text is known to differ: its last block's prefix does
    while low < high:
        middle = (low + high) // 2
        prefix = "\n".join(lines[: blocks[middle][1]])
        if _alike(markdown_html(prefix), reference_html(prefix)):
            low = middle + 1
        else:
            high = middle
    return blocks[low][0] if blocks else 1


def _blocks(text: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for match in _SOURCEPOS.finditer(cmark_html(text, sourcepos=True)):
        start, end = int(match[1]), int(match[2])
        if not found or start > found[-1][1]:
            found.append((start, end))
    return found


def _hint(text: str, line: int) -> tuple[int, str] | None:
    """A difference of the two specifications found at or after ``line``: its own line, and how to write it. Spaces
    at a line's end are named only where nothing else is found: they change a text's rendering less often."""
    lines = text.split("\n")
    for index in range(max(line - 1, 0), len(lines)):
        current, previous = lines[index], lines[index - 1] if index else ""
        advice = _advice(current, previous, lines[index - 2] if index > 1 else "")
        if advice:
            return index + 1, advice
    for index in range(max(line - 1, 0), len(lines) - 1):
        if lines[index].endswith("  "):
            return index + 1, "a line ends with spaces: remove them (a line break is written as a new line alone)"
    return None


def _advice(current: str, previous: str, before_previous: str) -> str | None:
    item, above = _ITEM.match(current), _ITEM.match(previous)
    if _HEADING_WITHOUT_SPACE.match(current):
        return "a heading needs a space after its '#' marks ('### Otsikko'); a '#' that is text is written '\\#'"
    if item and not current[item.end() :].strip():
        return "a list item needs its text on the marker's line ('- teksti'); a number that is text is written '1\\.'"
    if item and previous and not _BLANK.match(previous) and not above and not previous.startswith(" "):
        return "a list needs a blank line before it (the line above would otherwise be read as its own)"
    if item and above and 0 < len(item[1]) - len(above[1]) < 4:
        return "a nested list's items need four spaces before their marker ('    - ')"
    if item and not above and _BLANK.match(previous) and _ITEM.match(before_previous):
        return (
            "a blank line between some of a list's items and not others makes the renderers space them differently: "
            "put one between every two of its items or none (remove this one), or a paragraph between two lists"
        )
    if item and _ORDERED_PAREN.match(current):
        return "an ordered list's items are written '1. ', with a full stop"
    marker, marker_above = current.lstrip()[:1], previous.lstrip()[:1]
    if item and above and marker != marker_above and not (marker + marker_above).isdigit():
        return "a list's items all use the same marker ('- ')"
    if any(code[1].startswith(" ") or code[1].endswith(" ") for code in _CODE.finditer(current)):
        return "inline code starts or ends with a space inside its backticks: remove the space"
    return None
