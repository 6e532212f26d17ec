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

import dataclasses
import functools
import hashlib
import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal

from ..archive.laws import LAWS
from ..archive.model import Facts, Localized, StatedNone, VersionRecord
from ..archive.types import country_names
from ..labels import labels
from ..markup.blocks import Block, BlockKind, blocks
from ..markup.text import plain_text

Op = Literal["equal", "insert", "delete"]
Status = Literal["unchanged", "changed", "added", "removed"]
ChangeClass = Literal["none", "whitespace", "dates", "text"]
"""How much a change means: nothing; only whitespace or formatting; only dates; the text."""

_RANK: dict[ChangeClass, int] = {"none": 0, "whitespace": 1, "dates": 2, "text": 3}
SAME_SECTION = 0.6
"""Text similarity from which two sections with different ids count as one section."""
SAME_BLOCK = 0.4
"""Word similarity from which two blocks are diffed word by word rather than replaced."""


@dataclass(frozen=True, slots=True)
class Segment:
    op: Op
    text: str


@dataclass(frozen=True, slots=True)
class BlockDiff:
    kind: BlockKind
    status: Status
    segments: tuple[Segment, ...]
    change: ChangeClass


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


FactChangeKind = Literal["added", "removed", "changed"]


@dataclass(frozen=True, slots=True)
class FactChange:
    field: str
    """The fact's name in the model: ``dpo``, ``retention``, ``recipients`` ..."""
    item: str | None
    """Which entry of a list fact, or which part of a single fact (``name``)."""
    kind: FactChangeKind
    old: str | None
    new: str | None


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

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_MONTHS = (
    "tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta|lokakuuta|"
    "marraskuuta|joulukuuta|January|February|March|April|May|June|July|August|September|October|November|December"
)
_DATE = re.compile(
    rf"(?<!\w)(?:[0-9]{{1,2}}\.[0-9]{{1,2}}\.[0-9]{{2,4}}|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}|"
    rf"[0-9]{{1,2}}\.? (?:{_MONTHS}) [0-9]{{4}}|(?:{_MONTHS}) [0-9]{{1,2}},? [0-9]{{4}})"
)
"""Dates as notices write them. ASCII digits and a look-behind instead of \\b, so the browser's
port of this module (docs/assets/seloste-compare.js) matches exactly the same text."""


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Word-level segments turning ``old`` into ``new``."""
    a, b = tokens(old), tokens(new)
    raw: list[Segment] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            raw.append(Segment("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            raw.append(Segment("delete", "".join(a[i1:i2])))
        if j2 > j1:
            raw.append(Segment("insert", "".join(b[j1:j2])))
    return _merge(_absorb_gaps(raw))


def _absorb_gaps(segments: list[Segment]) -> list[Segment]:
    """A lone space or punctuation mark between two changes joins them, so 'Heidi Eronen' ->
    'Salla Vainionpää' reads as one replacement, not two."""
    result = list(segments)
    i = 1
    while i < len(result) - 1:  # the list grows as gaps are split: re-read its length
        seg = result[i]
        if seg.op == "equal" and len(seg.text) <= 2 and not re.search(r"\w", seg.text):
            before, after = result[i - 1], result[i + 1]
            if before.op != "equal" and after.op != "equal":
                result[i] = Segment("delete", seg.text)
                result.insert(i + 1, Segment("insert", seg.text))
        i += 1
    # gather deletes before inserts within each run of changes
    ordered: list[Segment] = []
    run: list[Segment] = []
    for seg in [*result, Segment("equal", "")]:
        if seg.op == "equal":
            ordered += [s for s in run if s.op == "delete"] + [s for s in run if s.op == "insert"]
            run = []
            if seg.text:
                ordered.append(seg)
        else:
            run.append(seg)
    return ordered


def _merge(segments: Iterable[Segment]) -> tuple[Segment, ...]:
    merged: list[Segment] = []
    for seg in segments:
        if merged and merged[-1].op == seg.op:
            merged[-1] = Segment(seg.op, merged[-1].text + seg.text)
        elif seg.text:
            merged.append(seg)
    return tuple(_slide_spaces(merged))


def _slide_spaces(segments: list[Segment]) -> list[Segment]:
    """An inserted or deleted run reads best as 'word ' rather than ' word': where a lone
    change starts with the space that also starts the text after it, shift it by that space."""
    for i in range(1, len(segments) - 1):
        before, change, after = segments[i - 1], segments[i], segments[i + 1]
        if before.op != "equal" or after.op != "equal" or change.op == "equal":
            continue
        space = change.text[:1]
        if space.isspace() and after.text.startswith(space):
            segments[i - 1] = Segment("equal", before.text + space)
            segments[i] = Segment(change.op, change.text[1:] + space)
            segments[i + 1] = Segment("equal", after.text[1:])
    return [seg for seg in segments if seg.text]


def _similarity(old: str, new: str) -> float:
    a, b = old.split(), new.split()
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def classify(old: str, new: str) -> ChangeClass:
    """How ``old`` -> ``new`` changed, for plain texts."""
    if old == new:
        return "none"
    if " ".join(old.split()) == " ".join(new.split()):
        return "whitespace"
    if _DATE.sub("<date>", old) == _DATE.sub("<date>", new):
        return "dates"
    return "text"


def _worst(classes: Iterable[ChangeClass]) -> ChangeClass:
    return max(classes, key=_RANK.__getitem__, default="none")


# --- blocks ------------------------------------------------------------------------------


def _equal(block: Block) -> BlockDiff:
    return BlockDiff(block.kind, "unchanged", (Segment("equal", block.text),), "none")


def _block_diffs(old: list[Block], new: list[Block]) -> list[BlockDiff]:
    result: list[BlockDiff] = []
    matcher = SequenceMatcher(None, [b.text for b in old], [b.text for b in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.extend(_equal(b) for b in new[j1:j2])
            continue
        result.extend(_pair_blocks(old[i1:i2], new[j1:j2]))
    return result


def _pair_blocks(old: list[Block], new: list[Block]) -> list[BlockDiff]:
    """Within a replaced run, diff similar blocks word by word, in order; the rest are added or removed."""
    result: list[BlockDiff] = []
    j = 0
    for block in old:
        match = next(
            (k for k in range(j, len(new)) if new[k].kind == block.kind and _similarity(block.text, new[k].text) >= SAME_BLOCK),
            None,
        )
        if match is None:
            result.append(BlockDiff(block.kind, "removed", (Segment("delete", block.text),), "text"))
            continue
        result.extend(BlockDiff(b.kind, "added", (Segment("insert", b.text),), "text") for b in new[j:match])
        paired = new[match]
        result.append(BlockDiff(paired.kind, "changed", word_diff(block.text, paired.text), classify(block.text, paired.text)))
        j = match + 1
    result.extend(BlockDiff(b.kind, "added", (Segment("insert", b.text),), "text") for b in new[j:])
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


FactsText = dict[str, dict[str, dict[str, str]]]
"""``{"single": {field: {part: value}}, "list": {field: {entry key: value}}}`` in one language."""


@dataclass(frozen=True, slots=True)
class VersionText:
    """A version as a reader of one language sees it. Published in each version's page, so the
    browser can compare any two versions with exactly this input (docs/architecture.md)."""

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
            (_similarity(o.text, n.text), o.index, n.index)
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


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _longest_increasing(values: list[int]) -> set[int]:
    best: list[list[int]] = []
    for value in values:
        candidates = [run for run in best if run[-1] < value]
        longest = max(candidates, key=len, default=[])
        best.append([*longest, value])
    return set(max(best, key=len, default=[]))


def _section_diff(old: _Side | None, new: _Side | None, moved: bool) -> SectionDiff:
    if old is None:
        assert new is not None
        return SectionDiff(
            None, new.section.id, None, new.heading,
            (Segment("insert", new.heading),) if new.heading else (),
            "added", False, False,
            tuple(BlockDiff(b.kind, "added", (Segment("insert", b.text),), "text") for b in new.blocks), "text",
        )  # fmt: skip
    if new is None:
        return SectionDiff(
            old.section.id, None, old.heading, None,
            (Segment("delete", old.heading),) if old.heading else (),
            "removed", False, False,
            tuple(BlockDiff(b.kind, "removed", (Segment("delete", b.text),), "text") for b in old.blocks), "text",
        )  # fmt: skip
    block_diffs = tuple(_block_diffs(old.blocks, new.blocks))
    heading_change = classify(old.heading or "", new.heading or "")
    renamed = heading_change not in ("none", "whitespace")
    change = _worst([heading_change, *(b.change for b in block_diffs)])
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
    change = _worst([classify(old.title, new.title), *(s.change for s in sections)] + ["text" for s in sections if s.moved])
    if facts and change == "none":
        change = "text"
    return VersionDiff(lang, old.id, new.id, title, facts, sections, change)


def _count_words(diff: VersionDiff, op: Op) -> int:
    segments = [seg for section in diff.sections for seg in section.heading]
    segments += [seg for section in diff.sections for block in section.blocks for seg in block.segments]
    return sum(len(re.findall(r"\w+", seg.text)) for seg in segments if seg.op == op)


# --- facts -------------------------------------------------------------------------------

_KEY_FIELDS: dict[str, str] = {
    "purposes": "purpose",
    "recipients": "name",
    "transfers": "destination",
    "retention": "category",
    "data_categories": "text",
    "sources": "text",
    "rights": "right",
    "cookies": "tool",
    "legal_references": "law",
}
"""What identifies an entry of a list fact across versions."""

LIST_FACTS = frozenset(_KEY_FIELDS)
"""The facts that are lists: a change names the entry by its identifying text, not by a field."""


_NOT_SHOWN = frozenset({"section", "quote"})
"""Evidence, not content: a fact changes when what it says changes, not where or in which words."""


def _display(value: Any, lang: str, skip: frozenset[str] = frozenset()) -> str | None:
    """A fact value as a reader of ``lang`` reads it (section references and ``skip`` left out)."""
    if value is None:
        return None
    if isinstance(value, Localized):
        return value[lang]
    if dataclasses.is_dataclass(value):
        parts = [field_text(value, f.name, lang) for f in dataclasses.fields(value) if f.name not in _NOT_SHOWN | skip]
        return ", ".join(p for p in parts if p) or None
    return str(value)


def field_text(fact: Any, name: str, lang: str) -> str | None:
    """One field of a fact as a reader of ``lang`` reads it: a fixed choice in words, a country code as its name."""
    value = getattr(fact, name)
    if isinstance(value, str) and typing.get_origin(_hints(type(fact))[name]) is Literal:
        return fact_value_label(value, lang)
    if name == "country" and value is not None:
        return country_names(lang).get(value, value)
    return _display(value, lang)


def fact_value_label(value: str, lang: str) -> str:
    """A fixed choice (``processor``, ``consent``, a law's id) in words of ``lang``."""
    if value in LAWS:
        return LAWS[value].name[lang]
    return str(labels(lang)["fact_values"].get(value, value))


def _key(name: str, item: Any, lang: str) -> str:
    field_name = _KEY_FIELDS.get(name)
    if field_name is None:
        return _display(item, lang) or ""
    return field_text(item, field_name, lang) or ""


def fact_line(name: str, item: Any, lang: str) -> tuple[str, str]:
    """One fact as a reader of ``lang`` reads it: (what, details), e.g. ('asiakaspalvelu', 'sopimus')."""
    if isinstance(item, StatedNone):  # nothing but its evidence: what it says is which fact it is
        return str(labels(lang)["stated_none"][name]), ""
    if name in _KEY_FIELDS:
        return _key(name, item, lang), _details(item, lang, _KEY_FIELDS[name])
    return _display(item, lang) or "", ""


def _details(item: Any, lang: str, key: str) -> str:
    """What a list entry says beyond its identifying text, each part named: 'legal basis: consent'."""
    if not dataclasses.is_dataclass(item):
        return ""
    names = labels(lang)["fact_fields"]
    parts = ((f.name, field_text(item, f.name, lang)) for f in dataclasses.fields(item) if f.name not in _NOT_SHOWN | {key})
    return ", ".join(f"{names.get(name, name)}: {text}" for name, text in parts if text)


def facts_text(facts: Facts, lang: str) -> FactsText:
    """The facts as display values in ``lang``: what a version page publishes for the diff."""
    single: dict[str, dict[str, str]] = {}
    listed: dict[str, dict[str, str]] = {}
    for f in dataclasses.fields(Facts):
        value = getattr(facts, f.name)
        if isinstance(value, tuple):
            entries: dict[str, str] = {}
            for item in value:
                key, detail = fact_line(f.name, item, lang)
                n = 1
                while (unique := key if n == 1 else f"{key} ({n})") in entries:  # two facts may read alike
                    n += 1
                entries[unique] = detail or key  # a fact that is all key (a right, a law) reads as itself
            listed[f.name] = entries
        elif isinstance(value, StatedNone):
            single[f.name] = {"stated": fact_line(f.name, value, lang)[0]}
        elif value is not None:
            texts = {part.name: field_text(value, part.name, lang) for part in dataclasses.fields(value)}
            single[f.name] = {name: text for name, text in texts.items() if name not in _NOT_SHOWN and text is not None}
    return {"single": single, "list": listed}


def diff_facts(old: FactsText, new: FactsText) -> list[FactChange]:
    """Field-level changes of the structured facts, in the order of the model's fields."""
    changes: list[FactChange] = []
    for f in dataclasses.fields(Facts):
        name = f.name
        if name in old["list"] or name in new["list"]:
            before, after = old["list"].get(name, {}), new["list"].get(name, {})
            changes += [FactChange(name, k, "removed", v, None) for k, v in before.items() if k not in after]
            changes += [FactChange(name, k, "added", None, v) for k, v in after.items() if k not in before]
            changes += [FactChange(name, k, "changed", v, after[k]) for k, v in before.items() if k in after and v != after[k]]
            continue
        a, b = old["single"].get(name), new["single"].get(name)
        if a is None and b is None:
            continue
        if a is None or b is None:
            kind: FactChangeKind = "added" if a is None else "removed"
            changes.append(FactChange(name, None, kind, _joined(a), _joined(b)))
            continue
        for part in [*a, *(p for p in b if p not in a)]:
            x, y = a.get(part), b.get(part)
            if x != y:
                changes.append(FactChange(name, part, "added" if x is None else "removed" if y is None else "changed", x, y))
    return changes


def _joined(parts: dict[str, str] | None) -> str | None:
    return ", ".join(parts.values()) if parts else None


def facts_pairs(facts: FactsText) -> dict[str, list[tuple[str, list[tuple[str, str]]]]]:
    """The facts as ordered pairs for publishing as JSON (JSON objects do not keep key order)."""
    return {kind: [(name, list(values.items())) for name, values in table.items()] for kind, table in facts.items()}


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
                    {"kind": b.kind, "status": b.status, "change": b.change, "segments": segs(b.segments)} for b in s.blocks
                ],
            }
            for s in diff.sections
        ],
        "words_inserted": diff.words_inserted,
        "words_deleted": diff.words_deleted,
    }
