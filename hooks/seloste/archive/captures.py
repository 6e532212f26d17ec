"""A version's original captures: read and checked, and the version's text held to them.

A capture is the notice as published, kept byte for byte as the version's provenance. Each
language the organisation published the version in has one; its text in that language must hold
every sentence of it, in order, and nothing else (:mod:`seloste.archive.fidelity`).
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from ..limits import MAX_CAPTURE_BYTES, MAX_VERSION_CAPTURE_BYTES
from .capturetext import noise_lines
from .decode import Decoder
from .errors import DataError, Location, Run, display_path
from .fidelity import compare, published_parts
from .hints import Hints, shorten
from .languages import listed
from .likeness import difference_note
from .localized import LANGUAGE_NAMES
from .model import Captures, Version, VersionRecord
from .types import direction_control

CAPTURES_DIR = "captures"


def where_in(decoder: Decoder, name: str) -> Location | None:
    """Where a field stands, or the nearest enclosing one that is written (a missing key's mapping)."""
    while name:
        if name in decoder.locations:
            return decoder.locations[name]
        name = name.rsplit(".", 1)[0] if "." in name else ""
    return None


Pages = dict[str, tuple[str, ...]]
"""A value for each page of each original language's capture, by language."""


def read_captures(run: Run, folder: Path, path: Path, version: Version, decoder: Decoder) -> tuple[Pages, Pages]:
    """The capture of each language the version was published in (page by page), read and checked: each page's
    text, and the SHA-256 of its file's exact bytes."""
    capture = version.source.capture
    published = version.published_in
    if capture is None:
        return {}, {}
    _check_page_paths(run, path, version, decoder)
    if isinstance(capture, Captures):
        if set(capture.languages) != set(published):
            run.at(
                decoder.locations.get("source.capture"),
                path,
                f"source.capture: one capture per language the version was published in ({listed(published)}); "
                f"got {listed(capture.languages) if capture.languages else 'none'}",
            )
            return {}, {}
    elif isinstance(capture, tuple) and not capture:
        run.at(decoder.locations.get("source.capture"), path, "source.capture: an empty list; give one capture per page")
        return {}, {}
    elif isinstance(capture, tuple) and len(published) > 1:
        run.at(
            decoder.locations.get("source.capture"),
            path,
            "source.capture: a list of pages is for a notice published in one language; "
            "a version published in several gives each language one capture",
        )
        return {}, {}
    elif len(published) > 1:
        run.at(
            decoder.locations.get("source.capture"),
            path,
            f"source.capture: this version was published in {listed(published)}: give each language its capture, "
            + "{"
            + ", ".join(f"{lang}: captures/<date>.{lang}.txt" for lang in published)
            + "}",
        )
        return {}, {}
    texts, digests = {}, {}
    named = _Named()
    for lang, names in version.source.capture_files(published).items():
        pages = []
        for index, name in enumerate(names):
            if isinstance(capture, tuple):
                field = f"source.capture[{index}]"
            else:
                field = "source.capture" if isinstance(capture, str) else f"source.capture.{lang}"
            read = _capture(run, folder, path, name, field, decoder.locations.get(field), named)
            if read is not None:
                pages.append(read)
        if len(pages) == len(names):
            texts[lang] = tuple(text for text, _raw in pages)
            digests[lang] = tuple(hashlib.sha256(raw).hexdigest() for _text, raw in pages)
    return texts, digests


def _check_page_paths(run: Run, path: Path, version: Version, decoder: Decoder) -> None:
    """A list in source.path names the file of each page source.capture lists, in the same order: one for each, so
    that each page's file is known (a notice kept in a repository as several files)."""
    paths, capture = version.source.path, version.source.capture
    if not isinstance(paths, tuple):
        return
    where = decoder.locations.get("source.path")
    if not isinstance(capture, tuple):
        run.at(
            where,
            path,
            "source.path: a list is for a notice over several pages, one file per page as source.capture lists them; "
            "a notice in one file gives its path, one file per language gives {fi: ..., en: ...}",
        )
    elif len(paths) != len(capture):
        run.at(
            where,
            path,
            f"source.path: {len(paths)} files for the {len(capture)} pages source.capture lists; give the file of "
            "each page, in the same order",
        )


@dataclasses.dataclass
class _Named:
    """The capture files one version names so far, with the field that first names each, and their bytes."""

    fields: dict[Path, str] = dataclasses.field(default_factory=dict)
    size: int = 0


def _capture(
    run: Run, folder: Path, path: Path, name: str, field: str, where: Location | None, named: _Named
) -> tuple[str, bytes] | None:
    """The capture's text (read as UTF-8, without a byte-order mark) and its file's bytes; None if it cannot be read, is
    named twice by the version, or is too large (alone, or with the version's other captures)."""
    try:
        capture = run.resolved(folder / name)
        exists = capture.is_file()
        size = capture.stat().st_size if exists else 0
    except OSError as err:  # a name the file system cannot hold, such as one too long
        run.at(where, path, f"{field}: {name[:60]!r}{'...' if len(name) > 60 else ''} cannot be a file ({err.strerror})")
        return None
    if not capture.is_relative_to(run.resolved(folder)):
        run.at(where, path, f"{field}: {name!r} must stay inside the organisation's folder")
        return None
    if not exists:
        run.at(
            where,
            path,
            f"{field}: file {name!r} not found next to this version (expected {CAPTURES_DIR}/<date>.txt)",
        )
        return None
    if capture in named.fields:
        run.at(
            where,
            path,
            f"{field}: {name!r} is already {named.fields[capture]}; a version names each capture once "
            "(a notice over several pages has one capture per page)",
        )
        return None
    named.fields[capture] = field
    if size > MAX_CAPTURE_BYTES:  # by its size on disk, before reading it
        run.at(where, path, f"{field}: {name!r} is {size:,} bytes; a capture may be at most {MAX_CAPTURE_BYTES:,} bytes")
        return None
    named.size += size
    if named.size > MAX_VERSION_CAPTURE_BYTES:
        run.at(
            where,
            path,
            f"{field}: with {name!r} ({size:,} bytes) the version's captures come to {named.size:,} bytes; "
            f"a version's captures may be at most {MAX_VERSION_CAPTURE_BYTES:,} bytes together",
        )
        return None
    raw = capture.read_bytes()
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")  # a byte-order mark is the editor's, not the notice's
    except UnicodeDecodeError:
        run.at(where, path, f"{field}: {name!r} is not UTF-8 text")
        return None
    if not text.strip():
        run.at(where, path, f"{field}: {name!r} is empty; it must hold the notice as it was captured")
        return None
    control = direction_control(text)
    if control is not None:  # the text is held to what the capture says: it must read as it says
        index, character = control
        line_start = text.rfind("\n", 0, index) + 1
        run.error(
            capture,
            f"contains {character}: it changes the order in which the capture's text is displayed, so that it reads "
            "otherwise than it says; a notice in Finnish, Swedish or English needs none: remove it from the capture "
            "and say so in source.note",
            text.count("\n", 0, index) + 1,
            index - line_start + 1,
        )
        return None
    return text, raw


def check_leftover_captures(run: Run, folder: Path, versions: list[VersionRecord]) -> None:
    captures = folder / CAPTURES_DIR
    if not captures.is_dir():
        return
    named = {
        run.resolved(folder / name)
        for v in versions
        for names in v.version.source.capture_files(v.version.published_in).values()
        for name in names
    } | run.waiting
    for entry in sorted(captures.iterdir()):
        if entry.name.startswith("."):
            run.error(entry, "unexpected hidden file: captures/ holds the captures the versions name, and nothing else")
        elif run.resolved(entry) not in named:
            run.error(
                entry,
                "unexpected file: captures/ holds the captures the versions name in source.capture, and this is none of them",
            )


def check_fidelity(run: Run, folder: Path, path: Path, record: VersionRecord, decoder: Decoder) -> None:
    """Each original language's text is its capture's, sentence for sentence, in order, with nothing added."""
    files = record.version.source.capture_files(record.version.published_in)
    noise = record.version.source.capture_noise
    # the entries each page of each language's capture has no place for
    places = [[set(noise_lines(text, noise, page)[1]) for page, text in enumerate(pages)] for pages in record.pages.values()]
    unplaced: set[int] = set()
    for index, entry in enumerate(noise):
        if isinstance(entry, str):  # a line of chrome: at the start or end of some page of some language
            if places and all(index in found for pages in places for found in pages):
                unplaced.add(index)
            continue
        page = int(entry.page) - 1  # lines by number: on their page, in every language's capture
        if any(page >= len(pages) or index in pages[page] for pages in places):
            unplaced.add(index)
    for index in sorted(unplaced) if record.captures else ():
        entry = noise[index]
        where = f"source.capture_noise[{index}]"
        if isinstance(entry, str):
            message = (
                f"{where}: {shorten(entry)!r} is not a line at the start or end of the capture, where a page's chrome "
                "stands; inside the notice the same words are the notice's. Give such lines by number: {lines: '40-52'}"
            )
        elif int(entry.page) > max((len(f) for f in files.values()), default=1):
            message = f"{where}: there is no page {entry.page}; source.capture lists {max(len(f) for f in files.values())}"
        else:
            message = f"{where}: the capture has no line {entry.numbers[-1]}"
        run.at(decoder.locations.get(where), path, message)
    for lang in record.captures:
        missing, extras, unchecked, unreadable, moved = compare(record, lang)
        name = ", ".join(files[lang])
        text = f"{folder.name}/{path.name}'s {LANGUAGE_NAMES[lang]} text"
        for move in moved:  # the original's text, out of its order: one error where it stands, saying where it goes
            first = move.sentences[0]
            quote = shorten(" ".join(sentence.text for sentence in move.sentences))
            after = f"after {shorten(move.after.text, 60)!r}" if move.after else "before every other sentence"
            run.at(
                decoder.locations.get(move.field),
                path,
                f"{move.field}: {quote!r} stands out of the original's order: the capture has it at "
                f"{display_path(folder / files[lang][first.page], run.root)}:{first.line}, {after}; publish the "
                "sentences in the capture's order",
            )
        hints = Hints(" ".join(part for _name, part in published_parts(record.version, lang))) if missing else None
        for sentence in missing:
            near = hints.nearest(sentence.text) if hints else None
            where = difference_note(near[0], near[1]) if near else ""
            run.errors.append(
                DataError(
                    Location(display_path(folder / files[lang][sentence.page], run.root), sentence.line, 1),
                    f"this sentence of the original is missing from {text}, or out of order: {shorten(sentence.text)!r}{where}",
                )
            )
        if unchecked:
            run.errors.append(
                DataError(
                    Location(display_path(folder / files[lang][unchecked[0].page], run.root), unchecked[0].line, 1),
                    f"the comparison with {text} stopped after {len(missing)} sentences of the original missing from it: "
                    f"the {len(unchecked):,} sentences from here on were not checked, nor was text added to it looked for "
                    "(is this the capture of this version?)",
                )
            )
        for page, note in unreadable:  # what the page shows that its source does not hold: no text can be faithful to it
            run.errors.append(
                DataError(Location(display_path(folder / files[lang][page], run.root), note.line, note.column), note.message)
            )
        for extra in extras:
            run.at(
                decoder.locations.get(extra.name),
                path,
                f"{extra.name}: text that is not in the original capture ({name}): {shorten(extra.text)!r}; "
                "publish the notice's own words only (a note of ours goes in source.note)",
            )
