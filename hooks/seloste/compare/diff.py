"""Compare two versions of a notice: sections aligned, words diffed, facts field by field.

The result is a typed :class:`VersionDiff` for one language; templates render it and the
change report prints it. Nothing here builds HTML.

- Sections are aligned by lineage (lineage.py: the same section across the organisation's
  versions, whatever its id, the same in every language), then by id; an unmatched section
  whose lineage is not known and whose text closely matches an unmatched section of the other
  version is the same section with a new id. A section whose heading changed is *renamed*; one whose place in the order
  changed is *moved* (never a deletion plus an addition).
- Inside a section, blocks (paragraphs, list items, sub-headings) are aligned, and a
  changed block is diffed word by word (blocks.py); a line that went elsewhere unchanged is
  not a deletion plus an addition (moves.py).
- A change that only touches whitespace/formatting or only dates is classified as such.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..archive.localized import LANGUAGES, ORIGINAL_LANGUAGE
from ..archive.model import VersionRecord
from ..limits import MAX_DIFF_WORK
from ..matching import Budget
from .blocks import BlockDiff, Status, added_block, block_diffs, removed_block
from .facts import FactChange, diff_facts
from .lineage import SAME_SECTION, Lineages
from .moves import settle_moves
from .texts import SectionText, VersionText, version_text
from .texts import source_hash as source_hash
from .texts import version_text_json as version_text_json
from .words import ChangeClass, Op, Segment, best_pairs, classify, similarity, word_diff, worst


@dataclass(frozen=True, slots=True)
class SectionDiff:
    old_id: str | None
    new_id: str | None
    old_heading: str | None
    new_heading: str | None
    heading: tuple[Segment, ...]
    status: Status
    moved: bool
    renamed: bool
    blocks: tuple[BlockDiff, ...]
    change: ChangeClass

    @property
    def id(self) -> str:
        return self.new_id or self.old_id or ""


@dataclass(frozen=True, slots=True)
class VersionDiff:
    lang: str
    old_id: str
    new_id: str
    title: tuple[Segment, ...]
    facts: tuple[FactChange, ...]
    sections: tuple[SectionDiff, ...]
    change: ChangeClass
    coarse: bool = False
    """The comparison ran out of its budget of word matching (MAX_DIFF_WORK): from there on, paragraphs were
    compared whole, not word by word."""

    @property
    def changed_sections(self) -> list[SectionDiff]:
        return [s for s in self.sections if s.status != "unchanged" or s.moved or s.renamed]

    @property
    def words_inserted(self) -> int:
        return _count_words(self, "insert")

    @property
    def words_deleted(self) -> int:
        return _count_words(self, "delete")


# --- sections ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Side:
    index: int
    section: SectionText

    @property
    def heading(self) -> str | None:
        return self.section.heading

    @property
    def text(self) -> str:
        return " ".join(b.text for b in self.section.blocks)


def _sides(sections: tuple[SectionText, ...]) -> list[_Side]:
    return [_Side(i, s) for i, s in enumerate(sections)]


def _align(old: list[_Side], new: list[_Side], budget: Budget) -> list[tuple[_Side, _Side]]:
    """Pairs of (old, new) sides that are the same section: by lineage, then by id, then (where a side's lineage is
    not known) by text similarity, while the budget lasts."""
    pairs: list[tuple[_Side, _Side]] = []
    paired_old: set[int] = set()
    paired_new: set[int] = set()

    def pair_by(key: Callable[[SectionText], str | None]) -> None:
        first: dict[str, _Side] = {}
        for side in new:
            value = key(side.section)
            if value is not None and side.index not in paired_new:
                first.setdefault(value, side)
        for side in old:
            value = key(side.section)
            partner = first.get(value) if value is not None and side.index not in paired_old else None
            if partner is not None and partner.index not in paired_new:
                pairs.append((side, partner))
                paired_old.add(side.index)
                paired_new.add(partner.index)

    pair_by(lambda s: s.lineage)
    pair_by(lambda s: s.id)
    candidates = []
    for o in old:
        if o.index in paired_old:
            continue
        for n in new:
            if budget.exhausted:
                break
            if n.index not in paired_new and not (o.section.lineage and n.section.lineage):
                candidates.append((similarity(o.text, n.text, budget), o.index, n.index))
    pairs += [(old[i], new[j]) for i, j in best_pairs(candidates, SAME_SECTION)]
    return pairs


def _moved(pairs: list[tuple[_Side, _Side]]) -> set[int]:
    """Old indexes of paired sections that left the longest run kept in order."""
    by_new = sorted(pairs, key=lambda p: p[1].index)
    sequence = [o.index for o, _ in by_new]
    kept = _longest_increasing(sequence)
    return {i for i in sequence if i not in kept}


def _longest_increasing(values: list[int]) -> set[int]:
    best: list[list[int]] = []
    for value in values:
        candidates = [run for run in best if run[-1] < value]
        longest = max(candidates, key=len) if candidates else []
        best.append([*longest, value])
    found: list[int] = max(best, key=len) if best else []
    return set(found)


def _blocks(old: _Side | None, new: _Side | None, budget: Budget) -> list[BlockDiff]:
    if old is None:
        assert new is not None
        return [added_block(b, budget) for b in new.section.blocks]
    if new is None:
        return [removed_block(b, budget) for b in old.section.blocks]
    return block_diffs(old.section.blocks, new.section.blocks, budget)


def _section_diff(old: _Side | None, new: _Side | None, moved: bool, blocks: list[BlockDiff], budget: Budget) -> SectionDiff:
    if old is None:
        assert new is not None
        return SectionDiff(
            None, new.section.id, None, new.heading,
            (Segment("insert", new.heading),) if new.heading else (),
            "added", False, False, tuple(blocks), "text",
        )  # fmt: skip
    if new is None:
        return SectionDiff(
            old.section.id, None, old.heading, None,
            (Segment("delete", old.heading),) if old.heading else (),
            "removed", False, False, tuple(blocks), "text",
        )  # fmt: skip
    heading_change = classify(old.heading or "", new.heading or "")
    renamed = heading_change not in ("none", "whitespace")
    change = worst([heading_change, *(b.change for b in blocks)])
    if change == "none" and old.section.source != new.section.source:
        change = "whitespace"  # the source changed, what a reader sees did not
    heading = word_diff(old.heading or "", new.heading or "", budget) if (old.heading or new.heading) else ()
    status: Status = "unchanged" if change == "none" else "changed"
    return SectionDiff(
        old.section.id, new.section.id, old.heading, new.heading, heading, status, moved, renamed, tuple(blocks), change
    )


def diff_versions(
    old: VersionRecord,
    new: VersionRecord,
    lang: str,
    lineages: Lineages,
    budget: Budget | None = None,
    *,
    text_lang: str | None = None,
) -> VersionDiff:
    """What changed from ``old`` to ``new``, in language ``lang``; ``lineages``: those of their organisation's
    sections (lineage.section_lineages). With ``text_lang``, between the organisation's own texts in that language,
    as the pages of their own show them (the Swedish beside Finnish: texts only, the facts being the site languages')."""
    old_text = version_text(old, lang, lineages.get(old.id), text_lang=text_lang)
    new_text = version_text(new, lang, lineages.get(new.id), text_lang=text_lang)
    return diff_texts(old_text, new_text, lang, budget)


def diff_texts(old: VersionText, new: VersionText, lang: str, budget: Budget | None = None) -> VersionDiff:
    """What changed between two versions as readers of ``lang`` see them, in at most ``budget`` steps of word matching
    (MAX_DIFF_WORK); the browser's port takes the same steps in the same order."""
    budget = budget or Budget(MAX_DIFF_WORK)
    old_sides, new_sides = _sides(old.sections), _sides(new.sections)
    pairs = _align(old_sides, new_sides, budget)
    moved = _moved(pairs)
    by_new = {n.index: o for o, n in pairs}
    paired_old = {o.index for o, _ in pairs}

    # In new order; a removed section stands where it stood, after the sections that preceded it.
    entries: list[tuple[float, int, _Side | None, _Side | None]] = []
    for side in new_sides:
        entries.append((float(side.index), 0, by_new.get(side.index), side))
    for side in old_sides:
        if side.index not in paired_old:
            preceding = max((n.index for o, n in pairs if o.index < side.index), default=-1)
            entries.append((preceding + 0.5, side.index, side, None))
    entries.sort(key=lambda e: (e[0], e[1]))
    paired = [o is not None and n is not None for _, _, o, n in entries]
    blocks = settle_moves([_blocks(o, n, budget) for _, _, o, n in entries], paired, budget)
    sections = tuple(
        _section_diff(o, n, o is not None and n is not None and o.index in moved, b, budget)
        for (_, _, o, n), b in zip(entries, blocks, strict=True)
    )

    facts = tuple(diff_facts(old.facts, new.facts, budget))
    title = word_diff(old.title, new.title, budget)
    change = worst([classify(old.title, new.title), *(s.change for s in sections)] + ["text" for s in sections if s.moved])
    if facts and change == "none":
        change = "facts"  # the archive's reading of the text changed, not the text
    return VersionDiff(lang, old.id, new.id, title, facts, sections, change, budget.exhausted)


COUNTED_WORD = re.compile(r"\w+(?:[-/.:'’]\w+)*")
"""A word as a reader counts it: a date (``27/03/2023``), a compound (``IP-osoitteita``) or an inflected name
(``Oy:n``) is one, though the diff matches it by its parts."""


def _count_words(diff: VersionDiff, op: Op) -> int:
    """Words the title, the headings and the texts gained (``insert``) or lost (``delete``)."""
    segments = list(diff.title) + [seg for section in diff.sections for seg in section.heading]
    segments += [seg for section in diff.sections for block in section.blocks for seg in block.segments]
    return sum(len(COUNTED_WORD.findall(seg.text)) for seg in segments if seg.op == op)


def diff_json(diff: VersionDiff) -> dict[str, Any]:
    """The diff as plain data: the comparison page's script produces exactly this for the same versions."""

    def segs(segments: tuple[Segment, ...]) -> list[list[str]]:
        return [[s.op, s.text] for s in segments]

    return {
        "change": diff.change,
        "title": segs(diff.title),
        "facts": [[f.field, f.item, f.kind, f.old, f.new, f.old_item] for f in diff.facts],
        "sections": [
            {
                "old_id": s.old_id,
                "new_id": s.new_id,
                "old_heading": s.old_heading,
                "new_heading": s.new_heading,
                "heading": segs(s.heading),
                "status": s.status,
                "moved": s.moved,
                "renamed": s.renamed,
                "change": s.change,
                "blocks": [
                    {
                        "kind": b.kind,
                        "status": b.status,
                        "change": b.change,
                        "segments": segs(b.segments),
                        "links": segs(b.links),
                        "numbering": list(b.numbering) if b.numbering else None,
                    }
                    for b in s.blocks
                ],
            }
            for s in diff.sections
        ],
        "words_inserted": diff.words_inserted,
        "words_deleted": diff.words_deleted,
        "coarse": diff.coarse,
    }


NOTHING = VersionText(id="", title="", sections=(), facts={"single": {}, "list": {}})
"""What an organisation's first version is compared with: its whole text is new."""


def first_diffs(version: VersionRecord) -> dict[str, VersionDiff]:
    """An organisation's first version compared with nothing (its whole text new), in each site language and each
    own text that no site language shows (:func:`separate_languages`)."""
    diffs = {lang: diff_texts(NOTHING, version_text(version, lang), lang) for lang in LANGUAGES}
    for text_lang in separate_languages(None, version):
        diffs[text_lang] = diff_texts(NOTHING, version_text(version, ORIGINAL_LANGUAGE, text_lang=text_lang), ORIGINAL_LANGUAGE)
    return diffs


def separate_languages(old: VersionRecord | None, new: VersionRecord) -> tuple[str, ...]:
    """The languages of the organisation's own texts that no site language's pages of ``new`` (or of ``old``) show:
    the report compares them on their own, as their own pages show them, so that no text reaches readers unseen."""
    both = (*(old.version.separate_languages if old else ()), *new.version.separate_languages)
    return tuple(dict.fromkeys(both))


def separate_diffs(
    old: VersionRecord, new: VersionRecord, old_lineage: Mapping[str, str] | None, new_lineage: Mapping[str, str] | None
) -> dict[str, VersionDiff]:
    """Two versions compared in each own text that no site language's pages show (:func:`separate_languages`)."""
    lang = ORIGINAL_LANGUAGE
    return {
        text_lang: diff_texts(
            version_text(old, lang, old_lineage, text_lang=text_lang),
            version_text(new, lang, new_lineage, text_lang=text_lang),
            lang,
        )
        for text_lang in separate_languages(old, new)
    }
