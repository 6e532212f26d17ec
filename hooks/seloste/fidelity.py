"""Is the published Finnish text faithful to the original capture?

Every sentence of the capture (its capture noise excepted) must appear in the published
text, in order. The capture is light Markdown as a reader saw the page, so its markup
(headings, list markers, emphasis, link targets) is removed before comparing; the
published side is the text of the rendered HTML.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .errors import DataError, Location, display_path
from .model import Archive, VersionRecord
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
    missing = []
    position = 0
    for sentence in sentences:
        found = text.find(sentence.text, position)
        if found < 0:
            missing.append(sentence)
        else:
            position = found + len(sentence.text)
    return missing


def published_text(record: VersionRecord, lang: str = "fi") -> str:
    """The text a reader sees of a version: its title and sections, rendered."""
    version = record.version
    parts = [inline_html(version.title[lang])]
    for section in version.sections:
        if section.heading:
            parts.append(f"<h2>{inline_html(section.heading[lang])}</h2>")
        parts.append(markdown_html(section.body[lang]))
    return html_text("".join(parts))


def check_version(record: VersionRecord) -> list[Sentence]:
    """Capture sentences missing from the version's Finnish text ([] if faithful or no capture)."""
    if record.capture_text is None:
        return []
    sentences = capture_sentences(record.capture_text, record.version.source.capture_noise)
    return missing_in_order(sentences, published_text(record))


def fidelity_errors(archive: Archive, data_dir: Path, root: Path | None = None) -> list[DataError]:
    """A located error for every capture sentence missing from its version's Finnish text."""
    errors = []
    for organisation in archive.organisations:
        for record in organisation.versions:
            if record.version.source.capture is None:
                continue
            capture = display_path(data_dir / organisation.slug / record.version.source.capture, root)
            for sentence in check_version(record):
                errors.append(
                    DataError(
                        Location(capture, sentence.line, 1),
                        f"this sentence of the original is missing from {organisation.slug}/{record.id}.yaml's "
                        f"Finnish text, or out of order: {sentence.text!r}",
                    )
                )
    return errors
