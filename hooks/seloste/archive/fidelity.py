"""Is each text the organisation published faithful to its original capture?

Every sentence of the capture (its capture noise excepted) must appear in the published
text, in order, and the published text must hold nothing else. The capture is light
Markdown as a reader saw the page, so its markup (headings, list markers, emphasis, link
targets) is removed before comparing; the published side is the text of the rendered HTML.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import NamedTuple

from ..limits import MAX_MISSING_SENTENCES
from ..markup.emphasis import without_emphasis
from ..markup.rendercache import markdown_html
from ..markup.sitesource import Dialect, Note, SiteSource, dialect_among
from ..markup.text import normalize, plain_text, rendered_text
from .model import NoiseLines, Version, VersionRecord
from .types import without_invisible

_HEADING = re.compile(r"^\s*#{1,6}(?:\s+|$)")
"""A Markdown heading's marks; a line of them alone (``#``) is a heading without words, as Markdown reads it."""
_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|[0-9]+\.)\s+")
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
    capture: str, noise: tuple[str | NoiseLines, ...] = (), page: int = 0, dialect: Dialect = "text"
) -> list[Sentence]:
    """The sentences of a capture, in order, without its Markdown markup and noise (:func:`read_capture`)."""
    return read_capture(capture, noise, page, dialect)[0]


def read_capture(
    capture: str, noise: tuple[str | NoiseLines, ...] = (), page: int = 0, dialect: Dialect = "text"
) -> tuple[list[Sentence], list[Note]]:
    """The sentences of a capture, in order, without its Markdown markup and noise, and what its markup hides that the
    page shows. Table rows are read cell by cell; front matter is metadata, but for the page's title; the markup of a
    site's source (MDX, MDC, inline HTML) is read as its ``dialect`` reads it (markup/sitesource.py)."""
    skip, _unplaced = noise_lines(capture, noise, page)
    lines = without_invisible(capture).splitlines()  # what no reader sees is no text's to hold
    metadata = front_matter(lines)
    source = SiteSource(lines, dialect, frozenset(metadata))  # MDX's import/export and component lines, MDC's fences
    markup = source.markup
    sentences: list[Sentence] = []
    for line_no, raw in enumerate(lines, start=1):
        line = normalize(raw)
        if not line or line_no in skip or line_no in markup:
            continue
        if line_no in metadata:
            title = metadata[line_no]
            if title:
                sentences.extend(
                    Sentence(line_no, s, page, optional=True) for s in _SENTENCE_END.split(normalize(html.unescape(title))) if s
                )
            continue
        if _THEMATIC_BREAK.match(raw):
            continue
        if _TABLE_ROW.match(line):
            if _TABLE_RULE.match(line):
                continue
            cells = re.split(r"(?<!\\)\|", line.strip("|"))
            line = " ".join(normalize(_text_of(cell, partial(source.text, line_no))) for cell in cells if cell.strip())
            sentences.extend(Sentence(line_no, s, page) for s in _SENTENCE_END.split(line) if s)
            continue
        line = line.removesuffix("\\").rstrip()
        line = _HEADING.sub("", line)
        line = _LIST_MARKER.sub("", line)
        for part in _text_of(line, partial(source.text, line_no)).split("\n"):  # a <br>: a break
            sentences.extend(Sentence(line_no, s, page) for s in _SENTENCE_END.split(normalize(part)) if s)
    return sentences, [note for note in source.notes if note.unreadable and note.line not in skip]


_TOKEN = re.compile(r"[^\W_]+|[\W_]")
"""A run of letters and digits, or any one other character: text cut so that a sentence stands in it as whole words
(not "Evästekäytäntö" inside "Evästekäytäntöön") exactly where its tokens stand in the text's tokens."""


class _Tokens:
    """A text as a string with one character per token (the same token, the same character), so that finding a
    sentence as whole words is ``str.find``: linear in the text and the sentence, whatever they hold."""

    def __init__(self, text: str) -> None:
        tokens = _TOKEN.findall(text)  # every character is in a token: each starts where the one before ends
        self.codes: dict[str, str] = {
            token: chr(number if number < 0xD800 else number + 0x800)  # no surrogates
            for number, token in enumerate(dict.fromkeys(tokens))
        }
        self.starts = list(itertools.accumulate(map(len, tokens), initial=0))
        """Where each token starts in the text, and the text's end."""
        self.text = "".join(map(self.codes.__getitem__, tokens))

    def encode(self, sentence: str) -> str | None:
        """The sentence in the text's characters; None if it has a token the text does not."""
        codes = [self.codes.get(token) for token in _TOKEN.findall(sentence)]
        return None if None in codes else "".join(codes)  # type: ignore[arg-type]


class Matched(NamedTuple):
    missing: list[Sentence]
    """The sentences not found in order."""
    spans: list[tuple[int, int]]
    """Where in the text the others stand."""
    unchecked: list[Sentence]
    """The sentences after the ``limit``-th missing one, not looked for."""


def match_in_order(sentences: list[Sentence], text: str, limit: int | None = None) -> Matched:
    """The sentences not found in order (at most ``limit``: past it, the rest are left unchecked), and the spans of
    ``text`` the others matched. Each sentence is found as whole words, from where the one before it ended."""
    tokens = _Tokens(text)
    missing: list[Sentence] = []
    spans: list[tuple[int, int]] = []
    position = 0
    """In tokens."""
    for index, sentence in enumerate(sentences):
        if sentence.optional and index + 1 < len(sentences):
            following = tokens.encode(sentences[index + 1].text)
            at = tokens.text.find(following, position) if following else -1
            if sentences[index + 1].text == sentence.text or (
                at >= 0 and not text[tokens.starts[position] : tokens.starts[at]].strip()
            ):
                continue  # the page's own first heading stands next (repeating the front matter title, or opening
                # with its words: "Evästeet", then "Evästeet sivuillamme"): the heading is what the page shows
        encoded = tokens.encode(sentence.text)
        found = tokens.text.find(encoded, position) if encoded else -1
        if sentence.optional and found >= 0 and text[tokens.starts[position] : tokens.starts[found]].strip():
            found = -1  # optional text counts only where it stands next: a front matter title, as the notice's title
        if found < 0:
            if not sentence.optional:
                missing.append(sentence)
                if limit is not None and len(missing) >= limit and index + 1 < len(sentences):
                    return Matched(missing, spans, sentences[index + 1 :])
        else:
            assert encoded is not None
            position = found + len(encoded)
            spans.append((tokens.starts[found], tokens.starts[position]))
    return Matched(missing, spans, [])


@dataclass(frozen=True, slots=True)
class Extra:
    """Published text that no sentence of the capture accounts for."""

    name: str
    """The field it stands in, as the loader names it (``sections[2].body.fi``)."""
    text: str


_LETTER = re.compile(r"[^\W\d_]")
"""Text left over between matched sentences counts if it has a letter: a heading's number ("1.") is the
capture's Markdown list marker, removed from the capture side, and not text of its own."""


def published_parts(version: Version, lang: str = "fi") -> list[tuple[str, str]]:
    """The text a reader sees of a version, field by field: (field name, visible text)."""
    parts = [("title." + lang, plain_text(version.title[lang]))]
    for i, section in enumerate(version.sections):
        if not section.has(lang):  # the organisation's text in this language has no such section
            continue
        if section.heading:
            parts.append((f"sections[{i}].heading.{lang}", plain_text(section.heading[lang])))
        parts.append((f"sections[{i}].body.{lang}", rendered_text(markdown_html(section.body[lang]))))
    return [(name, text) for name, text in parts if text]


class Fidelity(NamedTuple):
    missing: list[Sentence]
    """Sentences of the capture missing from the text, or out of order."""
    extras: list[Extra]
    """Text that no sentence of the capture accounts for (none looked for if the comparison stopped)."""
    unchecked: list[Sentence]
    """The sentences after the ``MAX_MISSING_SENTENCES``-th missing one: the comparison stopped there."""
    unreadable: tuple[tuple[int, Note], ...] = ()
    """What a capture's markup hides that its page shows (a JSX expression's value), by page."""


def compare(record: VersionRecord, lang: str | None = None) -> Fidelity:
    """Capture sentences missing from the version's text in ``lang`` (default: the first language it was published
    in), or out of order, and text in that language that is not in the capture; nothing if faithful or the
    version has no capture in that language. Past ``MAX_MISSING_SENTENCES`` missing sentences the comparison stops
    (each search for a missing one reads the whole text): the rest are unchecked, and no added text is sought."""
    lang = lang or record.version.published_in[0]
    pages = record.pages.get(lang) or ((record.captures[lang],) if lang in record.captures else ())
    if not pages:
        return Fidelity([], [], [])
    source, names = record.version.source, record.version.source.capture_files(record.version.published_in).get(lang, ())
    taken = [name if isinstance(name, str | None) else getattr(name, lang, None) for name in (source.path, source.url)]
    reads = [
        read_capture(text, source.capture_noise, page, dialect_among([*names[page : page + 1], *taken]))
        for page, text in enumerate(pages)
    ]
    sentences = [sentence for read, _notes in reads for sentence in read]
    unreadable = tuple((page, note) for page, (_read, notes) in enumerate(reads) for note in notes)
    parts = published_parts(record.version, lang)
    text = " ".join(part for _name, part in parts)
    missing, spans, unchecked = match_in_order(sentences, text, MAX_MISSING_SENTENCES)
    if unchecked:
        return Fidelity(missing, [], unchecked, unreadable)
    covered = bytearray(len(text))
    for start, end in spans:
        covered[start:end] = b"\x01" * (end - start)
    extras = []
    offset = 0
    for name, part in parts:
        for free in _FREE.finditer(covered, offset, offset + len(part)):
            run = text[free.start() : free.end()]
            if _LETTER.search(run):
                extras.append(Extra(name, normalize(run)))
        offset += len(part) + 1
    return Fidelity(missing, extras, [], unreadable)


_FREE = re.compile(b"\x00+")
