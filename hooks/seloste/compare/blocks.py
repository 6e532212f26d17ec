"""Blocks diffed: a section's paragraphs, list items, sub-headings and table rows aligned, and a changed
block diffed word by word. The browser's port is in docs/assets/seloste-diff.js."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..markup.blocks import Block, BlockKind
from ..matching import Budget, Matcher
from .words import ChangeClass, Segment, classify, similarity, word_diff, worst

Status = Literal["unchanged", "changed", "added", "removed"]

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
    numbering: tuple[str | None, str | None] | None = None
    """The number the block's list started at and starts at now (None: a list without numbers), where it changed:
    every number a reader sees beside the list's items changed, though no word did."""
    depth: int = field(default=0, compare=False)
    """How deep in lists the block stands (its newer side's; ``markup.blocks.Block.depth``)."""


def equal_block(block: Block) -> BlockDiff:
    return BlockDiff(block.kind, "unchanged", (Segment("equal", block.text),), "none", depth=block.depth)


def added_block(block: Block, budget: Budget) -> BlockDiff:
    links = _link_diff((), block.links, budget)
    return BlockDiff(block.kind, "added", (Segment("insert", block.text),), "text", links, depth=block.depth)


def removed_block(block: Block, budget: Budget) -> BlockDiff:
    links = _link_diff(block.links, (), budget)
    return BlockDiff(block.kind, "removed", (Segment("delete", block.text),), "text", links, depth=block.depth)


def _changed(old: Block, new: Block, budget: Budget) -> BlockDiff:
    links = _link_diff(old.links, new.links, budget)
    numbering = (old.start, new.start) if old.start != new.start else None
    classes: list[ChangeClass] = [classify(old.text, new.text)]
    if links:
        classes.append("links")
    if numbering:
        classes.append("numbering")
    change = worst(classes)
    return BlockDiff(new.kind, "changed", word_diff(old.text, new.text, budget), change, links, numbering, new.depth)


def _link_diff(old: Sequence[str], new: Sequence[str], budget: Budget) -> tuple[Segment, ...]:
    """The targets removed and added between two blocks' links, in order; empty if the same."""
    result: list[Segment] = []
    for tag, i1, i2, j1, j2 in Matcher(list(old), list(new), budget).get_opcodes():
        if tag != "equal":
            result += [Segment("delete", target) for target in old[i1:i2]]
            result += [Segment("insert", target) for target in new[j1:j2]]
    return tuple(result)


def _key(block: Block) -> str:
    """What makes two blocks the same: the number their list starts at, their text and where their links lead
    (texts hold no NUL)."""
    return "\0".join((block.start or "", block.text, *block.links))


def block_diffs(old: Sequence[Block], new: Sequence[Block], budget: Budget) -> list[BlockDiff]:
    result: list[BlockDiff] = []
    matcher = Matcher([_key(b) for b in old], [_key(b) for b in new], budget)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.extend(equal_block(b) for b in new[j1:j2])
            continue
        result.extend(_pair_blocks(old[i1:i2], new[j1:j2], budget))
    return result


def _pair_blocks(old: Sequence[Block], new: Sequence[Block], budget: Budget) -> list[BlockDiff]:
    """Within a replaced run, diff similar blocks word by word, in order; the rest are added or removed. Once the
    comparison's budget is spent, no more are paired."""
    result: list[BlockDiff] = []
    j = 0
    for block in old:
        match = None
        for k in range(j, len(new)):
            if budget.exhausted:
                break
            if new[k].kind == block.kind and similarity(block.text, new[k].text, budget) >= SAME_BLOCK:
                match = k
                break
        if match is None:
            result.append(removed_block(block, budget))
            continue
        result.extend(added_block(b, budget) for b in new[j:match])
        result.append(_changed(block, new[match], budget))
        j = match + 1
    result.extend(added_block(b, budget) for b in new[j:])
    return result


def shown_nested(blocks: Sequence[BlockDiff]) -> list[tuple[BlockDiff, int]]:
    """The blocks that changed, each with how deep to show it: under the block it is nested in where that is shown
    too (one deeper than it), else as deep as the nearest one shown that holds it, so that a shown block never
    stands under one that does not hold it (two items of a list whose item is unchanged stand side by side)."""
    shown: list[tuple[BlockDiff, int]] = []
    holders: list[tuple[int, int | None]] = []
    """The blocks that may hold the next one, outermost first: each one's depth, and how deep it is shown (None:
    not shown)."""
    for block in blocks:
        while holders and holders[-1][0] >= block.depth:
            holders.pop()
        at = next((d + 1 for _depth, d in reversed(holders) if d is not None), 0)
        if block.status != "unchanged":
            shown.append((block, at))
        holders.append((block.depth, at if block.status != "unchanged" else None))
    return shown
