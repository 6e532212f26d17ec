"""What a reader sees of an original capture: its sentences, in order, line by line.

A capture is light Markdown as a reader saw the page (or a site's source), so its markup is removed: quotes', headings'
and list items' marks, emphasis, link targets, a table's rules, front matter but for its title, the site's own markup
(``markup/sitesource.py``), and the lines named as noise (a page's chrome). ``fidelity.py`` holds a version's text to
these sentences.
"""

from __future__ import annotations

import functools
import html
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from ..markup.emphasis import without_emphasis
from ..markup.sitesource import Dialect, Note, SiteSource
from ..markup.text import normalize
from .model import NoiseLines
from .types import without_invisible

_HEADING = re.compile(r"^\s*#{1,6}(?:\s+|$)")
"""A Markdown heading's marks; a line of them alone (``#``) is a heading without words, as Markdown reads it."""
BULLETS = "•◦▪‣●○■"
"""Characters a plain text's list items start with (``• nimi``), read as Markdown's ``-``: a list item's mark."""
_LIST_MARKER = re.compile(r"^\s*(?:[-*+" + BULLETS + r"]|[0-9]+\.)\s+")
QUOTE_MARKS = re.compile(r"^\s*(?:>\s?)+")
"""A Markdown quote's marks (``> ``, ``> > `` in a quote within a quote), before a heading's or a list item's in it."""
_LINK = re.compile(r"\[([^\[\]]*+)\]\([^)\s\[]*+\)")
"""``[text](address)``. Possessive, and an address has no ``[``: each attempt reads no further than the next ``[``, so
that a line of 100,000 ``[](`` is read once, not once per bracket."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True, slots=True)
class Sentence:
    line: int
    """Line of the capture it stands on (1-based)."""
    text: str
    page: int = 0
    """Which page's capture, for a notice over several pages (0: the first)."""
    optional: bool = False
    """Text the published notice may hold or not: a Markdown file's front matter title (a site shows it as the
    page's title, or shows its own heading and keeps the title for the browser tab or a date)."""


@functools.lru_cache(maxsize=64)
def noise_lines(capture: str, noise: tuple[str | NoiseLines, ...], page: int = 0) -> tuple[frozenset[int], tuple[int, ...]]:
    """The capture's line numbers that are noise, and the indexes of noise entries that stand nowhere they may.

    A line given as text is noise only in the runs of noise and blank lines at the capture's start and end (a
    page's chrome): the same words inside the notice are the notice's. Lines given by number are noise anywhere.
    Remembered for the last few captures: the check of a version's noise and the reading of its capture both ask.
    """
    if not noise:
        return frozenset(), ()
    lines = [normalize(raw) for raw in without_invisible(capture).splitlines()]
    numbered = {n for entry in noise if isinstance(entry, NoiseLines) and int(entry.page) == page + 1 for n in entry.numbers}
    texts: dict[str, list[int]] = {}
    for index, entry in enumerate(noise):
        if isinstance(entry, str):
            texts.setdefault(normalize(entry), []).append(index)
    used: set[int] = set()
    found = {n for n in numbered if n <= len(lines)}
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        for i in order:
            if i + 1 in numbered or not lines[i]:
                continue
            if lines[i] not in texts:
                break
            found.add(i + 1)
            used.update(texts[lines[i]])
    unplaced = tuple(
        i
        for i, e in enumerate(noise)
        if (i not in used if isinstance(e, str) else int(e.page) == page + 1 and e.numbers[-1] > len(lines))
    )
    return frozenset(found), unplaced


_TABLE_ROW = re.compile(r"^\|.*\|$")
_TABLE_RULE = re.compile(r"^\|[\s|:-]+\|$")
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
"""A Markdown horizontal rule (``---``, ``***``, ``___``): markup, not text."""
_BACKTICKS = re.compile(r"`+")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def _code_spans(line: str, keep: Callable[[str], str]) -> str:
    """The line with each code span (a run of backticks, text, and the next run of as many) replaced by
    ``keep(its text)``; a run with no closing run is text. One pass: each run is paired with the next run of its
    length, found from the end."""
    runs = list(_BACKTICKS.finditer(line))
    if len(runs) < 2:
        return line
    closing: list[int | None] = [None] * len(runs)
    last: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = len(runs[index][0])
        closing[index] = last.get(length)
        last[length] = index
    parts: list[str] = []
    done, index = 0, 0
    while index < len(runs):
        end = closing[index]
        if end is None:
            index += 1
            continue
        opening = runs[index]
        parts += [line[done : opening.start()], keep(line[opening.end() : runs[end].start()].strip())]
        done, index = runs[end].end(), end + 1
    return "".join(parts) + line[done:]


def _text_of(line: str, inline: Callable[[str], str]) -> str:
    """A capture line's text as a reader sees it: Markdown's marks removed, code and escaped characters kept (a
    ``<br>`` as a newline: a line break, as the page shows it)."""
    kept: list[str] = []

    def keep(text: str) -> str:
        kept.append(text)
        return f"\x00{len(kept) - 1}\x00"

    line = _code_spans(line, keep)
    line = _ESCAPED.sub(lambda m: keep(m.group(1)), line)
    line = _AUTOLINK.sub(lambda m: keep(m.group(1)), line)  # <https://...>, <name@example.fi>: the address shows
    line = inline(line)  # <a href="..." target="_blank">, <Callout>, :badge[text]{...}: a reader sees the text
    line = _LINK.sub(r"\1", line)
    line = without_emphasis(line)  # as the page's renderer reads it: a mark nothing pairs with is text ('_ga')
    line = html.unescape(line)  # &rsquo; &amp; &#8217;: what a rendering shows
    return re.sub("\x00([0-9]+)\x00", lambda m: kept[int(m.group(1))], line)


_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^\s<>]++|[^\s<>@]++@(?=[^\s<>@]+\.[^\s<>@])[^\s<>@]++)>")
"""``<https://...>`` or ``<name@example.fi>``; possessive, so that a long run with no closing ``>`` is read once."""
_FRONT_MATTER_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$")
_FRONT_MATTER_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
"""YAML front matter (Jekyll, Astro, Hugo) and TOML front matter (Hugo)."""


def front_matter(lines: list[str]) -> dict[int, str | None]:
    """The lines of a Markdown file's front matter (a ``---`` or ``+++`` block at the very start), by line number:
    its title (``title:`` or ``title =``; the page may show it) or None (metadata no reader sees, and the fences)."""
    closing = _FRONT_MATTER_FENCES.get(lines[0].strip()) if lines else None
    if closing is None:
        return {}
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in closing), None)
    if end is None:
        return {}
    found: dict[int, str | None] = {1: None, end + 1: None}
    for i in range(1, end):
        match = _FRONT_MATTER_KEY.match(lines[i].strip())
        value = match.group(2).strip() if match and match.group(1) == "title" else ""
        if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        found[i + 1] = value or None
    return found


def capture_sentences(
    capture: str, noise: tuple[str | NoiseLines, ...] = (), page: int = 0, dialect: Dialect = "text", quotes: bool = True
) -> list[Sentence]:
    """The sentences of a capture, in order, without its Markdown markup and noise (:func:`read_capture`)."""
    return read_capture(capture, noise, page, dialect, quotes)[0]


def read_capture(
    capture: str, noise: tuple[str | NoiseLines, ...] = (), page: int = 0, dialect: Dialect = "text", quotes: bool = True
) -> tuple[list[Sentence], list[Note]]:
    """The sentences of a capture, in order, without its Markdown markup and noise, and what its markup hides that the
    page shows. Table rows are read cell by cell; front matter is metadata, but for the page's title; the markup of a
    site's source (MDX, MDC, inline HTML) is read as its ``dialect`` reads it (markup/sitesource.py). Without ``quotes``
    (a plain text file's capture), a ``>`` that starts a line is text, not a quote's mark."""
    skip, _unplaced = noise_lines(capture, noise, page)
    lines = without_invisible(capture).splitlines()  # what no reader sees is no text's to hold
    metadata = front_matter(lines)
    source = SiteSource(lines, dialect, frozenset(metadata))  # MDX's import/export and component lines, MDC's fences
    markup = source.markup
    sentences: list[Sentence] = []
    for line_no, raw in enumerate(lines, start=1):
        if line_no in skip or line_no in markup:
            continue
        if line_no in metadata:
            title = metadata[line_no]
            if title and normalize(raw):
                sentences.extend(
                    Sentence(line_no, s, page, optional=True) for s in _SENTENCE_END.split(normalize(html.unescape(title))) if s
                )
            continue
        if "<" in raw or "{" in raw:  # a tag or an expression: read as the lines around it have it (SiteSource)
            texts = _line_sentences(raw, partial(source.text, line_no), quotes)
        else:
            texts = _plain_line_sentences(raw, dialect, quotes)
        sentences.extend(Sentence(line_no, s, page) for s in texts)
    return sentences, [note for note in source.notes if note.unreadable and note.line not in skip]


def _line_sentences(raw: str, inline: Callable[[str], str], quotes: bool = True) -> tuple[str, ...]:
    """The sentences of one line of a capture, read as a reader sees it: a table row cell by cell, a quote's, a
    heading's and a list item's marks removed, nothing of a thematic break (a blank line has none)."""
    unquoted = QUOTE_MARKS.sub("", raw) if quotes else raw  # a quote's marks first: a table's row or a rule may stand in a quote
    line = normalize(unquoted)
    if not line or _THEMATIC_BREAK.match(unquoted):
        return ()
    if _TABLE_ROW.match(line):
        if _TABLE_RULE.match(line):
            return ()
        cells = re.split(r"(?<!\\)\|", line.strip("|"))
        line = " ".join(normalize(_text_of(cell, inline)) for cell in cells if cell.strip())
        return tuple(s for s in _SENTENCE_END.split(line) if s)
    line = line.removesuffix("\\").rstrip()
    line = _HEADING.sub("", line)
    line = _LIST_MARKER.sub("", line)
    line = QUOTE_MARKS.sub("", line) if quotes else line  # and a quote in a list item ("- > lainaus")
    parts = _text_of(line, inline).split("\n")  # a <br>: a break
    return tuple(s for part in parts for s in _SENTENCE_END.split(normalize(part)) if s)


@functools.lru_cache(maxsize=1 << 12)
def _plain_line_sentences(raw: str, dialect: Dialect, quotes: bool) -> tuple[str, ...]:
    """:func:`_line_sentences` of a line with no tag and no expression, which reads the same wherever it stands (no
    component opened around it changes it): remembered for the last few thousand lines, since most lines of a capture
    stand in the captures of the versions before and after it."""
    return _line_sentences(raw, partial(_PLAIN_SOURCES[dialect].text, 0), quotes)


_PLAIN_SOURCES = {dialect: SiteSource([], dialect) for dialect in typing.get_args(Dialect)}
