"""The previous version's capture noise, found again in a new capture of its page: for the tracking and for drafts.

Noise given as text (a page's chrome, "Hyppää sisältöön") is found as the loader finds it, at the capture's start or
end. Lines given by number (``capture_noise: [{lines: '34'}]``) are found again as below.

Noise is given by number where the words are the notice's elsewhere, or where the line is markup whose words a reader
never sees as the notice's (a cookie-settings button, a page-header component): by where it stands, not by what it
says. When the page changes, such lines move. They are found again where the two captures' lines agree, in order
(``difflib``'s matching blocks, blank lines left aside), and named by their new numbers: the tracking reads the new
capture without them, as it read the old one, and a draft names them in its own ``capture_noise``. A line in a part of
the page that changed is not found again; the draft keeps it, and says so, for a person to name it.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from ..archive.capturetext import noise_lines
from ..archive.model import NoiseLines

ALIGN_WORK = 4_000_000
"""Lines of the old capture times lines of the new, at most, that are aligned (a notice has a few hundred lines; a
page of tens of thousands is not aligned, and its numbered lines are not found again)."""


def moved_lines(old: str, new: str, numbers: Collection[int]) -> dict[int, int]:
    """Each of ``numbers`` (lines of ``old``, from 1) that stands in ``new`` among the lines the two have in common, in
    order, with its number there. Blank lines are no anchor (every capture has many), and a line's indentation is no
    part of it."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    kept_old = [i for i, line in enumerate(old_lines) if line.strip()]
    kept_new = [j for j, line in enumerate(new_lines) if line.strip()]
    if not numbers or len(kept_old) * len(kept_new) > ALIGN_WORK:
        return {}
    matcher = difflib.SequenceMatcher(
        None, [old_lines[i].strip() for i in kept_old], [new_lines[j].strip() for j in kept_new], autojunk=False
    )
    wanted, found = set(numbers), {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            number = kept_old[block.a + k] + 1
            if number in wanted:
                found[number] = kept_new[block.b + k] + 1
    return found


@dataclass
class Renumbered:
    """The previous version's noise entries by number, as the new captures have them."""

    entries: dict[int, list[dict[str, str]]] = field(default_factory=dict)
    """By the entry's index in the previous version's ``capture_noise``: the new entries that name its lines."""
    lines: dict[str, list[set[int]]] = field(default_factory=dict)
    """The new captures' lines they name, by language, page by page."""
    lost: list[NoiseLines] = field(default_factory=list)
    """The entries whose lines the new captures do not have where they stood."""

    def note(self) -> str | None:
        """What a person is to do about the entries not found again, or None."""
        if not self.lost:
            return None
        named = ", ".join(f"lines {entry.lines}" + (f" of page {entry.page}" if entry.page != "1" else "") for entry in self.lost)
        return (
            f"the previous version's capture_noise names {named} by number; the page changed around them, so the draft "
            "keeps what stands there now: if it is not the notice's, name its lines in source.capture_noise and remove "
            "its words from the text"
        )


def renumbered(old: dict[str, tuple[str, ...]], new: dict[str, list[str]], noise: tuple[str | NoiseLines, ...]) -> Renumbered:
    """The numbered entries of ``noise`` (the previous version's, over its captures ``old``, by language, page by page)
    found again in the new captures (``new``, likewise). An entry stands for its page in every language, so it is
    carried where each language's capture has its lines at the same new numbers."""
    found = Renumbered(lines={lang: [set() for _page in pages] for lang, pages in new.items()})
    aligned: dict[tuple[str, int], dict[int, int]] = {}
    """Each language's page aligned once, for every numbered line on it (the alignment is the same for each)."""
    for index, entry in enumerate(noise):
        if isinstance(entry, str):
            continue
        page = int(entry.page) - 1
        numbers: set[tuple[int, ...]] = set()
        for lang, pages in new.items():
            before = old.get(lang, ())
            if page >= len(before) or page >= len(pages):
                numbers.add(())
                continue
            written = before[page].splitlines()
            wanted = [n for n in entry.numbers if n <= len(written) and written[n - 1].strip()]
            if (lang, page) not in aligned:
                on_page = [n for e in noise if isinstance(e, NoiseLines) and int(e.page) - 1 == page for n in e.numbers]
                aligned[lang, page] = moved_lines(before[page], pages[page], on_page)
            moved = {n: aligned[lang, page][n] for n in wanted if n in aligned[lang, page]}
            numbers.add(tuple(sorted(moved.values())) if wanted and len(moved) == len(wanted) else ())
        at = next(iter(numbers)) if len(numbers) == 1 else ()
        if not at:
            found.lost.append(entry)
            continue
        for lang in new:
            found.lines[lang][page].update(at)
        blank = set.intersection(  # a range goes over lines blank in every language only
            *({n for n, line in enumerate(pages[page].splitlines(), 1) if not line.strip()} for pages in new.values())
        )
        found.entries[index] = [
            {"lines": f"{first}-{last}" if last > first else str(first), **({"page": entry.page} if page else {})}
            for first, last in _runs(at, blank)
        ]
    return found


def _runs(numbers: tuple[int, ...], blank: set[int]) -> Iterator[tuple[int, int]]:
    """The first and last of each run of ``numbers`` that follow one another, or only blank lines between them."""
    first = last = numbers[0]
    for number in numbers[1:]:
        if all(n in blank for n in range(last + 1, number)):
            last = number
            continue
        yield first, last
        first = last = number
    yield first, last


def page_noise(old: str, new: str, noise: tuple[str | NoiseLines, ...], page: int) -> tuple[str | NoiseLines, ...]:
    """The noise of a new capture of page ``page`` (from 0) of one language, for reading its words as the old capture's
    were read: the entries given as text, and those by number found again (:func:`moved_lines`)."""
    numbered = [n for entry in noise if isinstance(entry, NoiseLines) and int(entry.page) == page + 1 for n in entry.numbers]
    moved = moved_lines(old, new, numbered)
    return (
        *(entry for entry in noise if isinstance(entry, str)),
        *(NoiseLines(lines=str(number), page=str(page + 1)) for number in sorted(moved.values())),
    )


def without_noise(
    texts: dict[str, list[str]], noise: tuple[str | NoiseLines, ...], old: dict[str, tuple[str, ...]]
) -> tuple[dict[str, list[str]], list[str | dict[str, str]], str | None]:
    """The new captures' texts (by language, page by page) with the lines the previous version names as noise blank:
    its page's chrome where the new texts have it at their start or end, and its lines by number where they are found
    again (:func:`renumbered`, from the previous version's captures ``old``); the new version's ``capture_noise``, in
    the previous one's order; and what a person is to do about numbered lines not found again, or None."""
    if not noise:
        return texts, [], None
    chrome = tuple(entry for entry in noise if isinstance(entry, str))
    numbered = renumbered(old, texts, noise)
    placed: set[int] = set()
    blanked: dict[str, list[str]] = {}
    for lang, pages in texts.items():
        blanked[lang] = []
        for page, text in enumerate(pages):
            skip, unplaced = noise_lines(text, chrome, page) if chrome else (frozenset(), ())
            placed |= set(range(len(chrome))) - set(unplaced)
            skip = skip | numbered.lines[lang][page]
            lines = text.splitlines(keepends=True)  # numbered as the capture's lines are; each line's end kept
            blanked[lang].append(
                "".join(line[len(line.splitlines()[0]) :] if n in skip else line for n, line in enumerate(lines, 1))
            )
    entries: list[str | dict[str, str]] = []
    text_index = 0
    for index, entry in enumerate(noise):
        if isinstance(entry, str):
            if text_index in placed:
                entries.append(entry)
            text_index += 1
        else:
            entries += numbered.entries.get(index, [])
    return blanked, entries, numbered.note()
