"""Is each text the organisation published faithful to its original capture?

Every sentence of the capture (its capture noise excepted) must appear in the published
text, in order, and the published text must hold nothing else. The capture is light
Markdown as a reader saw the page, so its markup (headings, list markers, emphasis, link
targets) is removed before comparing (``capturetext.py``); the published side is the text of the
rendered HTML.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from dataclasses import dataclass
from typing import NamedTuple

from ..limits import MAX_MISSING_SENTENCES
from ..markup.rendercache import markdown_html
from ..markup.sitesource import Note, dialect_among, text_file
from ..markup.text import normalize, plain_text, rendered_text
from .capturetext import Sentence, read_capture
from .model import Version, VersionRecord

_TOKEN = re.compile(r"[^\W_]+|[\W_]")
"""A run of letters and digits, or any one other character: text cut so that a sentence stands in it as whole words
(not "Evästekäytäntö" inside "Evästekäytäntöön") exactly where its tokens stand in the text's tokens."""


class _Codes:
    """One character for each distinct token this process has read (the same token, the same character, whatever text
    it stands in), and each text and sentence in those characters, remembered: most sections and sentences of a notice
    stand in several of its versions, and are read once for all of them."""

    KEEP = 1 << 18
    """Tokens kept before starting afresh (a new table, nothing remembered), so that a long-lived process does not
    gather every word it ever read; a text with more distinct tokens than that is still read whole."""
    HELD = 1 << 22
    """Characters held, at most (past it, afresh as above): of the tokens in the table, and of the texts and of the
    sentences remembered, each on its own; an organisation's texts are a small part of it. Counted in characters, not
    texts, so that a pull request's long texts cannot make a process keep hundreds of megabytes."""

    def __init__(self) -> None:
        self.table: dict[str, str] = {}
        self.texts: dict[str, tuple[str, tuple[int, ...]]] = {}
        self.sentences: dict[str, str] = {}
        self.held = {"table": 0, "texts": 0, "sentences": 0}

    def room(self, length: int) -> None:
        """Make room for a text of ``length`` characters (at most as many new tokens and characters of them)."""
        if len(self.table) + length > self.KEEP or self.held["table"] + length > self.HELD:
            for remembered in (self.table, self.texts, self.sentences):  # each text and sentence in the old characters
                remembered.clear()
            self.held = dict.fromkeys(self.held, 0)

    def _forget(self, kind: str, remembered: dict, room: int) -> None:
        """Empty ``remembered`` unless what it holds leaves ``room`` characters (a text or sentence forgotten is made
        again; a token's character stays as it is until the table starts afresh)."""
        if self.held[kind] + room > self.HELD:
            remembered.clear()
            self.held[kind] = 0

    def code(self, token: str) -> str:
        found = self.table.get(token)
        if found is None:
            number = len(self.table)
            found = self.table[token] = chr(number if number < 0xD800 else number + 0x800)  # no surrogates
            self.held["table"] += len(token)
        return found

    def text(self, text: str) -> tuple[str, tuple[int, ...]]:
        """The text in the table's characters, and the length of each of its tokens."""
        known = self.texts.get(text)
        if known is None:
            tokens = _TOKEN.findall(text)  # every character is in a token: each starts where the one before ends
            known = ("".join(map(self.code, tokens)), tuple(map(len, tokens)))
            self._forget("texts", self.texts, 4 * len(text))  # the text, its characters and its tokens' lengths
            self.texts[text] = known
            self.held["texts"] += 4 * len(text)
        return known

    def sentence(self, sentence: str) -> str | None:
        """The sentence in the table's characters; None if it has a token no text has had (so no text has it)."""
        known = self.sentences.get(sentence)
        if known is None:
            try:
                known = "".join(map(self.table.__getitem__, _TOKEN.findall(sentence)))
            except KeyError:
                return None  # not remembered: a text read later may have the token
            self._forget("sentences", self.sentences, 2 * len(sentence))
            self.sentences[sentence] = known
            self.held["sentences"] += 2 * len(sentence)
        return known


_CODES = _Codes()


class _Tokens:
    """A text as a string with one character per token (the same token, the same character), so that finding a
    sentence as whole words is ``str.find``: linear in the text and the sentence, whatever they hold."""

    def __init__(self, text: str, parts: list[str] | None = None) -> None:
        """``parts``: texts that ``text`` joins with a space, where the caller has them (each read once, remembered)."""
        _CODES.room(len(text))
        read = [_CODES.text(part) for part in ([text] if parts is None else parts)]
        if len(read) == 1:
            self.text, lengths = read[0]
        else:  # a space is a token of its own: the text's tokens are its parts', a space's between them
            space = _CODES.code(" ")
            self.text = space.join(codes for codes, _lengths in read)
            lengths = tuple(itertools.chain.from_iterable(itertools.chain((1,), part) for _codes, part in read))[1:]
        self.starts = list(itertools.accumulate(lengths, initial=0))
        """Where each token starts in the text, and the text's end."""

    def encode(self, sentence: str) -> str | None:
        """The sentence in the text's characters; None if it has a token the text does not (or one it may not)."""
        return _CODES.sentence(sentence)


class Matched(NamedTuple):
    missing: list[Sentence]
    """The sentences not found in order."""
    spans: list[tuple[int, int]]
    """Where in the text the others stand."""
    unchecked: list[Sentence]
    """The sentences after the ``limit``-th missing one, not looked for."""
    placed: list[int]
    """The index among the sentences of each span's sentence."""


def match_in_order(sentences: list[Sentence], text: str, limit: int | None = None, parts: list[str] | None = None) -> Matched:
    """The sentences not found in order (at most ``limit``: past it, the rest are left unchecked), and the spans of
    ``text`` the others matched. Each sentence is found as whole words, from where the one before it ended. ``parts``:
    the texts that ``text`` joins with a space, where the caller has them."""
    tokens = _Tokens(text, parts)
    missing: list[Sentence] = []
    spans: list[tuple[int, int]] = []
    placed: list[int] = []
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
                    return Matched(missing, spans, sentences[index + 1 :], placed)
        else:
            assert encoded is not None
            position = found + len(encoded)
            spans.append((tokens.starts[found], tokens.starts[position]))
            placed.append(index)
    return Matched(missing, spans, [], placed)


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
        parts.append((f"sections[{i}].body.{lang}", _body_text(section.body[lang])))
    return [(name, text) for name, text in parts if text]


@functools.lru_cache(maxsize=1 << 11)
def _body_text(body: str) -> str:
    """The text a reader sees of a section's body, remembered for the last few thousand: most sections stand in the
    versions before and after too."""
    return rendered_text(markdown_html(body))


class Fidelity(NamedTuple):
    missing: list[Sentence]
    """Sentences of the capture missing from the text (or out of order, where they could not be placed again)."""
    extras: list[Extra]
    """Text that no sentence of the capture accounts for (none looked for if the comparison stopped)."""
    unchecked: list[Sentence]
    """The sentences after the ``MAX_MISSING_SENTENCES``-th missing one: the comparison stopped there."""
    unreadable: tuple[tuple[int, Note], ...] = ()
    """What a capture's markup hides that its page shows (a JSX expression's value), by page."""
    moved: tuple[Moved, ...] = ()
    """Sentences the text holds out of the capture's order (:func:`realign`); not in ``missing``."""


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
    quotes = not any(text_file(name) for name in taken)  # a .txt file's "> 18" is its text
    reads = [
        read_capture(text, source.capture_noise, page, dialect_among([*names[page : page + 1], *taken]), quotes)
        for page, text in enumerate(pages)
    ]
    sentences = [sentence for read, _notes in reads for sentence in read]
    unreadable = tuple((page, note) for page, (_read, notes) in enumerate(reads) for note in notes)
    parts = published_parts(record.version, lang)
    texts = [part for _name, part in parts]
    text = " ".join(texts)
    matched = match_in_order(sentences, text, MAX_MISSING_SENTENCES, texts)
    missing, spans, unchecked = matched.missing, matched.spans, matched.unchecked
    moved: tuple[Moved, ...] = ()
    if unchecked and len(unchecked) * len(text) <= REALIGN_WORK:  # a sentence found far ahead, perhaps: moved later
        whole = matched._replace(missing=[*missing, *unchecked], unchecked=[])
        realigned = realign(sentences, text, texts, whole)
        if len(realigned[1]) < MAX_MISSING_SENTENCES and len(realigned[0]) < MAX_MISSING_SENTENCES:  # else: read as before
            (moved, missing, spans), unchecked = realigned, []
    elif missing:  # some out of order, perhaps: placed again, the fewest moved
        moved, missing, spans = realign(sentences, text, texts, matched)
    if unchecked:
        return Fidelity(missing, [], unchecked, unreadable)
    starts = list(itertools.accumulate((len(part) + 1 for part in texts), initial=0))
    moved = tuple(dataclasses.replace(m, field=parts[bisect.bisect_right(starts, m.start) - 1][0]) for m in moved)
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
    return Fidelity(missing, extras, [], unreadable, moved)


@dataclass(frozen=True, slots=True)
class Moved:
    """Sentences that follow one another in the capture, and stand together in the text, out of the capture's order."""

    sentences: tuple[Sentence, ...]
    start: int
    """Where in the text they stand (the text :func:`compare` joins from its parts)."""
    after: Sentence | None
    """The capture's sentence before them, where they belong (whether the text holds it or not); None: they open the
    capture."""
    field: str = ""
    """The field they stand in (``sections[2].body.fi``), as :func:`compare` names it."""


def realign(
    sentences: list[Sentence], text: str, parts: list[str], matched: Matched
) -> tuple[tuple[Moved, ...], list[Sentence], list[tuple[int, int]]]:
    """The sentences the text holds out of order, those it does not hold, and where each it holds stands.

    :func:`match_in_order` finds each sentence from where the one before it ended: a paragraph moved later is found at
    its new place, and every sentence between its old and new places reads as missing. Here each missing sentence is
    placed where the text holds it outside the others' places (its first such place), but only where the text left
    unread around it is such sentences and nothing more (a word of a missing sentence inside a sentence added is no
    place of it). The longest run of sentences that stand in the capture's order is kept (the longest increasing
    subsequence of their places), and those outside it moved: the fewest. A sentence the capture repeats takes the
    place of a copy that fits its order. Called only where some are missing (at most ``MAX_MISSING_SENTENCES``), each
    looked for at no more than ``_TRIES`` places."""
    tokens = _Tokens(text, parts)
    place = dict(zip(matched.placed, matched.spans, strict=True))
    read = bytearray(len(text))
    for start, end in matched.spans:
        read[start:end] = b"\x01" * (end - start)
    taken = bytearray(read)
    index = {id(sentence): number for number, sentence in enumerate(sentences)}
    placed: list[int] = []
    for sentence in matched.missing:
        encoded, at = tokens.encode(sentence.text), 0
        for _try in range(_TRIES if encoded else 0):
            assert encoded is not None
            found = tokens.text.find(encoded, at)
            if found < 0:
                break
            start, end = tokens.starts[found], tokens.starts[found + len(encoded)]
            if b"\x01" not in taken[start:end]:
                place[index[id(sentence)]] = (start, end)
                taken[start:end] = b"\x01" * (end - start)
                placed.append(index[id(sentence)])
                break
            at = found + 1
    starts = sorted((place[number][0], number) for number in placed)
    for gap in _FREE.finditer(read):  # text the reading in order left: wholly sentences placed again, or none is
        if _LETTER.search(text, gap.start(), gap.end()) and any(
            _LETTER.search(text, free.start(), free.end()) for free in _FREE.finditer(taken, gap.start(), gap.end())
        ):
            for _start, undone in starts[
                bisect.bisect_left(starts, (gap.start(), -1)) : bisect.bisect_left(starts, (gap.end(), -1))
            ]:
                del place[undone]
    order = sorted(place)
    kept = sorted(order[k] for k in _longest_increasing([place[number][0] for number in order]))
    _repeats(sentences, place, kept, [index[id(s)] for s in matched.missing if index[id(s)] not in place])
    moved: list[Moved] = []
    run: list[int] = []
    held = set(kept)
    numbers: list[int | None] = [*sorted(place), None]
    for number in numbers:  # runs of moved sentences: one after another in the capture and in the text
        if run and (
            number is None
            or number in held
            or number != run[-1] + 1
            or place[number][0] < place[run[-1]][1]
            or _LETTER.search(text, place[run[-1]][1], place[number][0])  # other text between them
        ):
            after = next((sentences[n] for n in range(run[0] - 1, -1, -1) if not sentences[n].optional), None)
            moved.append(Moved(tuple(sentences[n] for n in run), place[run[0]][0], after))
            run = []
        if number is not None and number not in held:
            run.append(number)
    looked_for = sorted({*matched.placed, *(index[id(sentence)] for sentence in matched.missing)})
    missing = [sentences[number] for number in looked_for if number not in place]  # a repeat's place given away too
    return tuple(moved), missing, list(place.values())


def _repeats(sentences: list[Sentence], place: dict[int, tuple[int, int]], kept: list[int], unplaced: list[int]) -> None:
    """Give a moved sentence's place to a copy of it the text does not hold yet, where that place fits the copy's
    order between the sentences kept ("Kyllä." twice in the capture, once in the text: the first one is missing,
    the second is where it should be)."""
    held = set(kept)
    copies: dict[str, list[int]] = {}
    for other in unplaced:
        copies.setdefault(sentences[other].text, []).append(other)
    for number in [n for n in sorted(place) if n not in held]:
        start, end = place[number]
        for other in copies.get(sentences[number].text, ()):
            at = bisect.bisect_left(kept, other)
            if (at == 0 or place[kept[at - 1]][1] <= start) and (at == len(kept) or end <= place[kept[at]][0]):
                place[other] = place.pop(number)
                kept.insert(at, other)
                copies[sentences[number].text].remove(other)
                break


_FREE = re.compile(b"\x00+")

REALIGN_WORK = 20_000_000
"""Where the reading in order stopped at ``MAX_MISSING_SENTENCES`` (a sentence found far ahead, and the ones after it
read as missing), the sentences left are placed again (:func:`realign`) if their count times the text's length is at
most this: a notice of a few hundred sentences, not a capture made to be slow."""

_TRIES = 64
"""The places of a missing sentence looked at, at most (a sentence a text repeats very often, "Kyllä.", is left
missing past them)."""


def _longest_increasing(values: list[int]) -> list[int]:
    """The positions in ``values`` of a longest strictly increasing subsequence (patience sorting: n log n)."""
    ends: list[int] = []  # the smallest last value of an increasing run of each length found so far
    at: list[int] = []  # and its position
    before = [-1] * len(values)
    for position, value in enumerate(values):
        length = bisect.bisect_left(ends, value)
        before[position] = at[length - 1] if length else -1
        if length == len(ends):
            ends.append(value)
            at.append(position)
        else:
            ends[length], at[length] = value, position
    found, position = [], at[-1] if at else -1
    while position >= 0:
        found.append(position)
        position = before[position]
    return found[::-1]
