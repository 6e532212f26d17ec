"""Is each text the organisation published faithful to its original capture?

Every sentence of the capture (its capture noise excepted) must appear in the published
text, in order, and the published text must hold nothing else. The capture is light
Markdown as a reader saw the page, so its markup (headings, list markers, emphasis, link
targets) is removed before comparing; the published side is the text of the rendered HTML.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

from .model import Version, VersionRecord
from .render import inline_html, markdown_html

_HEADING = re.compile(r"^\s*#{1,6}\s+")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|[0-9]+\.)\s+")
_LINK = re.compile(r"\[([^\[\]]*)\]\([^)\s]*\)")
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,2}|_{1,2}(?!\w)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFC, every kind of whitespace (incl. no-break space) as one space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


@dataclass(frozen=True, slots=True)
class Sentence:
    line: int
    """Line of the capture it stands on (1-based)."""
    text: str


def capture_sentences(capture: str, noise: tuple[str, ...] = ()) -> list[Sentence]:
    """The sentences of a capture, in order, without its Markdown markup and noise lines."""
    noise_lines = {normalize(line) for line in noise}
    sentences: list[Sentence] = []
    for line_no, raw in enumerate(capture.splitlines(), start=1):
        line = normalize(raw)
        if not line or line in noise_lines:
            continue
        line = line.removesuffix("\\").rstrip()
        line = _HEADING.sub("", line)
        line = _LIST_MARKER.sub("", line)
        line = _LINK.sub(r"\1", line)
        line = normalize(_EMPHASIS.sub("", line))
        sentences.extend(Sentence(line_no, s) for s in _SENTENCE_END.split(line) if s)
    return sentences


class _Text(HTMLParser):
    _BLOCKS = frozenset({"p", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "div", "tr", "td", "th"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(markdown_line: str) -> str:
    """A one-line Markdown text (a title, a heading) as the reader sees it: ``**Foo** [bar](x)`` -> ``Foo bar``."""
    return html_text(inline_html(markdown_line))


def html_text(html: str) -> str:
    """The visible text of an HTML fragment, whitespace-normalised."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return normalize("".join(parser.parts))


def missing_in_order(sentences: list[Sentence], text: str) -> list[Sentence]:
    """Sentences not found in ``text`` in order (each searched after the previous match)."""
    return _match(sentences, text)[0]


def _match(sentences: list[Sentence], text: str) -> tuple[list[Sentence], list[tuple[int, int]]]:
    """The sentences not found in order, and the spans of ``text`` the others matched."""
    missing = []
    spans = []
    position = 0
    for sentence in sentences:
        found = text.find(sentence.text, position)
        if found < 0:
            missing.append(sentence)
        else:
            position = found + len(sentence.text)
            spans.append((found, position))
    return missing, spans


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
        if section.heading:
            parts.append((f"sections[{i}].heading.{lang}", plain_text(section.heading[lang])))
        parts.append((f"sections[{i}].body.{lang}", html_text(markdown_html(section.body[lang]))))
    return [(name, text) for name, text in parts if text]


def compare(record: VersionRecord, lang: str | None = None) -> tuple[list[Sentence], list[Extra]]:
    """Capture sentences missing from the version's text in ``lang`` (default: the first language it was published
    in), or out of order, and text in that language that is not in the capture; ([], []) if faithful or the
    version has no capture in that language."""
    lang = lang or record.version.published_in[0]
    capture = record.captures.get(lang)
    if capture is None:
        return [], []
    sentences = capture_sentences(capture, record.version.source.capture_noise)
    parts = published_parts(record.version, lang)
    text = " ".join(part for _name, part in parts)
    missing, spans = _match(sentences, text)
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
    return missing, extras


_FREE = re.compile(b"\x00+")


def shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
