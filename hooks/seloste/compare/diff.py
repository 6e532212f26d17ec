"""Compare two versions of a notice: sections aligned, words diffed, facts field by field.

The result is a typed :class:`VersionDiff` for one language; templates render it and the
change report prints it. Nothing here builds HTML.

- Sections are aligned by id (ids are kept across versions); an unmatched section whose
  text closely matches an unmatched section of the other version is the same section with
  a new id. A section whose heading changed is *renamed*; one whose place in the order
  changed is *moved* (never a deletion plus an addition).
- Inside a section, blocks (paragraphs, list items, sub-headings) are aligned, and a
  changed block is diffed word by word.
- A change that only touches whitespace/formatting or only dates is classified as such.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal

from ..archive.model import VersionRecord
from ..markup.blocks import Block, BlockKind, blocks
from ..markup.text import plain_text
from .facts import FactChange, FactsText, diff_facts, facts_pairs, facts_text
from .words import ChangeClass, Op, Segment, classify, similarity, word_diff, worst

Status = Literal["unchanged", "changed", "added", "removed"]

SAME_SECTION = 0.6
"""Text similarity from which two sections with different ids count as one section."""
SAME_BLOCK = 0.4
"""Word similarity from which two blocks are diffed word by word rather than replaced."""


@dataclass(frozen=True, slots=True)
class BlockDiff:
    kind: BlockKind
    status: Status
    segments: tuple[Segment, ...]
    change: ChangeClass
    links: tuple[Segment, ...] = ()
    """The link targets added (``insert``) and removed (``delete``), in order; empty if they stayed the same. A
    link's target is not in the text a reader sees, so a changed target is shown on its own."""


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

    @property
    def changed_sections(self) -> list[SectionDiff]:
        return [s for s in self.sections if s.status != "unchanged" or s.moved or s.renamed]

    @property
    def words_inserted(self) -> int:
        return _count_words(self, "insert")

    @property
    def words_deleted(self) -> int:
        return _count_words(self, "delete")


# --- words ------------------------------------------------------------------------------


def _equal(block: Block) -> BlockDiff:
    return BlockDiff(block.kind, "unchanged", (Segment("equal", block.text),), "none")


def _added(block: Block) -> BlockDiff:
    return BlockDiff(block.kind, "added", (Segment("insert", block.text),), "text", _link_diff((), block.links))


def _removed(block: Block) -> BlockDiff:
    return BlockDiff(block.kind, "removed", (Segment("delete", block.text),), "text", _link_diff(block.links, ()))


def _changed(old: Block, new: Block) -> BlockDiff:
    links = _link_diff(old.links, new.links)
    change = classify(old.text, new.text)
    return BlockDiff(new.kind, "changed", word_diff(old.text, new.text), worst([change, "links"]) if links else change, links)


def _link_diff(old: Sequence[str], new: Sequence[str]) -> tuple[Segment, ...]:
    """The targets removed and added between two blocks' links, in order; empty if the same."""
    result: list[Segment] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, list(old), list(new), autojunk=False).get_opcodes():
        if tag != "equal":
            result += [Segment("delete", target) for target in old[i1:i2]]
            result += [Segment("insert", target) for target in new[j1:j2]]
    return tuple(result)


def _key(block: Block) -> str:
    """What makes two blocks the same: their text and where their links lead (texts hold no NUL)."""
    return "\0".join((block.text, *block.links))


def _block_diffs(old: Sequence[Block], new: Sequence[Block]) -> list[BlockDiff]:
    result: list[BlockDiff] = []
    matcher = SequenceMatcher(None, [_key(b) for b in old], [_key(b) for b in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.extend(_equal(b) for b in new[j1:j2])
            continue
        result.extend(_pair_blocks(old[i1:i2], new[j1:j2]))
    return result


def _pair_blocks(old: Sequence[Block], new: Sequence[Block]) -> list[BlockDiff]:
    """Within a replaced run, diff similar blocks word by word, in order; the rest are added or removed."""
    result: list[BlockDiff] = []
    j = 0
    for block in old:
        match = next(
            (k for k in range(j, len(new)) if new[k].kind == block.kind and similarity(block.text, new[k].text) >= SAME_BLOCK),
            None,
        )
        if match is None:
            result.append(_removed(block))
            continue
        result.extend(_added(b) for b in new[j:match])
        result.append(_changed(block, new[match]))
        j = match + 1
    result.extend(_added(b) for b in new[j:])
    return result


# --- sections ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SectionText:
    """A section as a reader of one language sees it: what the diff compares."""

    id: str
    heading: str | None
    """The heading as plain text."""
    blocks: tuple[Block, ...]
    source: str
    """A short hash of the heading and body as written: tells formatting-only changes apart."""


@dataclass(frozen=True, slots=True)
class VersionText:
    """A version as a reader of one language sees it: what the comparison script reads back from a version's
    markup on its permanent page, so that the browser compares any two versions with exactly this input
    (:func:`version_text_json`; docs/architecture.en.md)."""

    id: str
    title: str
    sections: tuple[SectionText, ...]
    facts: FactsText


def source_hash(*parts: str | None) -> str:
    digest = hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8"), usedforsecurity=False)
    return digest.hexdigest()[:12]


def version_text(record: VersionRecord, lang: str) -> VersionText:
    """The version as a page in ``lang`` shows it: its text in the language that page reads (see Version.reading),
    its facts in ``lang``."""
    version = record.version
    text_lang, _reading = version.reading(lang)
    sections = tuple(
        SectionText(
            id=s.id,
            heading=plain_text(s.heading[text_lang]) if s.heading else None,
            blocks=blocks(s.body[text_lang]),
            source=source_hash(s.heading[text_lang] if s.heading else None, s.body[text_lang]),
        )
        for s in version.sections
    )
    return VersionText(
        id=record.id, title=plain_text(version.title[text_lang]), sections=sections, facts=facts_text(version.facts, lang)
    )


@dataclass(frozen=True, slots=True)
class _Side:
    index: int
    section: SectionText

    @property
    def heading(self) -> str | None:
        return self.section.heading

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self.section.blocks

    @property
    def text(self) -> str:
        return " ".join(b.text for b in self.blocks)


def _sides(sections: tuple[SectionText, ...]) -> list[_Side]:
    return [_Side(i, s) for i, s in enumerate(sections)]


def _align(old: list[_Side], new: list[_Side]) -> list[tuple[_Side, _Side]]:
    """Pairs of (old, new) sides that are the same section."""
    new_by_id = {side.section.id: side for side in new}
    pairs = [(side, new_by_id[side.section.id]) for side in old if side.section.id in new_by_id]
    paired_old = {o.index for o, _ in pairs}
    paired_new = {n.index for _, n in pairs}
    candidates = sorted(
        (
            (similarity(o.text, n.text), o.index, n.index)
            for o in old
            if o.index not in paired_old
            for n in new
            if n.index not in paired_new
        ),
        reverse=True,
    )
    for score, i, j in candidates:
        if score < SAME_SECTION:
            break
        if i in paired_old or j in paired_new:
            continue
        pairs.append((old[i], new[j]))
        paired_old.add(i)
        paired_new.add(j)
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


def _section_diff(old: _Side | None, new: _Side | None, moved: bool) -> SectionDiff:
    if old is None:
        assert new is not None
        return SectionDiff(
            None, new.section.id, None, new.heading,
            (Segment("insert", new.heading),) if new.heading else (),
            "added", False, False,
            tuple(_added(b) for b in new.blocks), "text",
        )  # fmt: skip
    if new is None:
        return SectionDiff(
            old.section.id, None, old.heading, None,
            (Segment("delete", old.heading),) if old.heading else (),
            "removed", False, False,
            tuple(_removed(b) for b in old.blocks), "text",
        )  # fmt: skip
    block_diffs = tuple(_block_diffs(old.blocks, new.blocks))
    heading_change = classify(old.heading or "", new.heading or "")
    renamed = heading_change not in ("none", "whitespace")
    change = worst([heading_change, *(b.change for b in block_diffs)])
    if change == "none" and old.section.source != new.section.source:
        change = "whitespace"  # the source changed, what a reader sees did not
    heading = word_diff(old.heading or "", new.heading or "") if (old.heading or new.heading) else ()
    status: Status = "unchanged" if change == "none" else "changed"
    return SectionDiff(
        old.section.id, new.section.id, old.heading, new.heading, heading, status, moved, renamed, block_diffs, change
    )


def diff_versions(old: VersionRecord, new: VersionRecord, lang: str) -> VersionDiff:
    """What changed from ``old`` to ``new``, in language ``lang``."""
    return diff_texts(version_text(old, lang), version_text(new, lang), lang)


def diff_texts(old: VersionText, new: VersionText, lang: str) -> VersionDiff:
    """What changed between two versions as readers of ``lang`` see them."""
    old_sides, new_sides = _sides(old.sections), _sides(new.sections)
    pairs = _align(old_sides, new_sides)
    moved = _moved(pairs)
    by_new = {n.index: o for o, n in pairs}
    paired_old = {o.index for o, _ in pairs}

    # In new order; a removed section stands where it stood, after the sections that preceded it.
    entries: list[tuple[float, int, SectionDiff]] = []
    for side in new_sides:
        partner = by_new.get(side.index)
        diff = _section_diff(partner, side, moved=partner is not None and partner.index in moved)
        entries.append((float(side.index), 0, diff))
    for side in old_sides:
        if side.index not in paired_old:
            preceding = max((n.index for o, n in pairs if o.index < side.index), default=-1)
            entries.append((preceding + 0.5, side.index, _section_diff(side, None, moved=False)))
    sections = tuple(diff for _, _, diff in sorted(entries, key=lambda e: (e[0], e[1])))

    title = word_diff(old.title, new.title)
    facts = tuple(diff_facts(old.facts, new.facts))
    change = worst([classify(old.title, new.title), *(s.change for s in sections)] + ["text" for s in sections if s.moved])
    if facts and change == "none":
        change = "text"
    return VersionDiff(lang, old.id, new.id, title, facts, sections, change)


def _count_words(diff: VersionDiff, op: Op) -> int:
    segments = [seg for section in diff.sections for seg in section.heading]
    segments += [seg for section in diff.sections for block in section.blocks for seg in block.segments]
    return sum(len(re.findall(r"\w+", seg.text)) for seg in segments if seg.op == op)


def version_text_json(text: VersionText) -> dict[str, Any]:
    """A version as plain data, as the comparison script reads it from a version's markup (seloste-compare.js,
    readVersion): what tests give the browser's diff core to compare with this one."""
    return {
        "id": text.id,
        "title": text.title,
        "sections": [
            {
                "id": s.id,
                "heading": s.heading,
                "blocks": [{"kind": b.kind, "text": b.text, "links": list(b.links)} for b in s.blocks],
                "source": s.source,
            }
            for s in text.sections
        ],
        "facts": facts_pairs(text.facts),
    }


def diff_json(diff: VersionDiff) -> dict[str, Any]:
    """The diff as plain data: the comparison page's script produces exactly this for the same versions."""

    def segs(segments: tuple[Segment, ...]) -> list[list[str]]:
        return [[s.op, s.text] for s in segments]

    return {
        "change": diff.change,
        "title": segs(diff.title),
        "facts": [[f.field, f.item, f.kind, f.old, f.new] for f in diff.facts],
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
                    {"kind": b.kind, "status": b.status, "change": b.change, "segments": segs(b.segments), "links": segs(b.links)}
                    for b in s.blocks
                ],
            }
            for s in diff.sections
        ],
        "words_inserted": diff.words_inserted,
        "words_deleted": diff.words_deleted,
    }
