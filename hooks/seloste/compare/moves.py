"""Lines that moved: a whole line deleted in one place and the same line inserted in another.

Blocks are diffed one section at a time, so a line that went to another paragraph, list item or
section would read as deleted and added again. Once every section's blocks are diffed, each line
wholly deleted is matched with a line wholly inserted that reads exactly the same (in the same
section first, then anywhere; in reading order):

- in the same section, where the line keeps its place among the section's lines (a paragraph split
  or joined, a line that became a list item), it is unchanged: equal text where it stands now, and
  nothing where it stood (a block left with nothing goes); a line break beside it that sets it apart
  from text the older side shows there is no change either, as a line break or another block set the
  two apart in the older text (the older side never runs two lines into one word);
- anywhere else it moved: ``moved_away`` where it stood, ``moved_here`` where it stands.

A link target that went with its line is no longer reported as removed and added. The browser's
port is settleMoves in docs/assets/seloste-diff.js.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import cast

from ..matching import Budget, Matcher
from .blocks import BlockDiff
from .words import ChangeClass, Op, Segment, worst

_WORD = re.compile(r"\w")
_OLD_SIDE = frozenset({"equal", "delete", "moved_away"})
_NEW_SIDE = frozenset({"equal", "insert", "moved_here"})
_DROP = ""
"""The op of a piece that goes: a line that kept its place, where it stood."""

Piece = list[str]
"""``[op, text]``: a segment's text up to a line break, or a line break."""


@dataclass(frozen=True, slots=True)
class _Line:
    block: int
    pieces: tuple[int, ...]
    """Indexes of the line's pieces in its block."""


def _pieces(segments: tuple[Segment, ...]) -> list[Piece]:
    result: list[Piece] = []
    for seg in segments:
        for k, part in enumerate(seg.text.split("\n")):
            if k:
                result.append([seg.op, "\n"])
            if part:
                result.append([seg.op, part])
    return result


def _lines(blocks: list[list[Piece]], side: frozenset[str]) -> list[_Line]:
    """The lines of one side of a section in order: each block's text on that side, cut at its line breaks."""
    lines: list[_Line] = []
    for b, pieces in enumerate(blocks):
        current: list[int] = []
        started = False
        for k, (op, text) in enumerate(pieces):
            if op not in side:
                continue
            started = True
            if text == "\n":
                lines.append(_Line(b, tuple(current)))
                current = []
            else:
                current.append(k)
        if started:
            lines.append(_Line(b, tuple(current)))
    return lines


def _text(blocks: list[list[Piece]], line: _Line) -> str:
    return "".join(blocks[line.block][k][1] for k in line.pieces)


def _whole(blocks: list[list[Piece]], line: _Line, op: str) -> bool:
    """Whether the line is all ``op`` (but for whitespace) and has a word."""
    parts = [blocks[line.block][k] for k in line.pieces]
    return any(p[0] == op and _WORD.search(p[1]) for p in parts) and all(p[0] == op or not p[1].strip() for p in parts)


class _Unmatched:
    """Inserted lines that read alike, in reading order, handed out from the first not yet taken: every list is
    read once, however many deleted lines ask."""

    __slots__ = ("lines", "next")

    def __init__(self) -> None:
        self.lines: list[tuple[int, int]] = []
        self.next = 0

    def first(self, taken: set[tuple[int, int]]) -> tuple[int, int] | None:
        while self.next < len(self.lines) and self.lines[self.next] in taken:
            self.next += 1
        return self.lines[self.next] if self.next < len(self.lines) else None


def settle_moves(sections: list[list[BlockDiff]], paired: list[bool], budget: Budget) -> list[list[BlockDiff]]:
    """Each section's block diffs, in reading order, with moved lines settled; ``paired`` tells which sections are
    in both versions (only there can a line keep its place)."""
    blocks = [[_pieces(b.segments) for b in section] for section in sections]
    old_lines = [_lines(section, _OLD_SIDE) for section in blocks]
    new_lines = [_lines(section, _NEW_SIDE) for section in blocks]
    deleted = [(s, n) for s, lines in enumerate(old_lines) for n, line in enumerate(lines) if _whole(blocks[s], line, "delete")]
    inserted = [(s, n) for s, lines in enumerate(new_lines) for n, line in enumerate(lines) if _whole(blocks[s], line, "insert")]
    here: dict[tuple[int, str], _Unmatched] = {}
    anywhere: dict[str, _Unmatched] = {}
    for t, m in inserted:
        text = _text(blocks[t], new_lines[t][m])
        here.setdefault((t, text), _Unmatched()).lines.append((t, m))
        anywhere.setdefault(text, _Unmatched()).lines.append((t, m))
    matches: list[tuple[int, int, int, int]] = []
    matched: set[tuple[int, int]] = set()
    taken: set[tuple[int, int]] = set()
    for same_section in (True, False):  # each deleted line, in reading order, takes the first inserted one that reads
        for s, n in deleted:  # the same (in its section first), as a scan of every inserted line would
            if (s, n) in matched:
                continue
            text = _text(blocks[s], old_lines[s][n])
            found = (here.get((s, text)) if same_section else anywhere.get(text)) or _Unmatched()
            twin = found.first(taken)
            if twin is not None:
                matches.append((s, n, *twin))
                matched.add((s, n))
                taken.add(twin)
    if not matches:
        return sections
    kept: dict[int, set[tuple[int, int]]] = {}
    for s, _n, t, _m in matches:
        if s == t and paired[s] and s not in kept:
            kept[s] = _kept_in_place(blocks[s], old_lines[s], new_lines[s], budget)
    links = [[list(b.links) for b in section] for section in sections]
    touched: set[tuple[int, int]] = set()
    cancelled: set[tuple[int, int, int, int]] = set()
    in_place: dict[tuple[int, int], list[_Line]] = {}
    """The lines kept in place, by their section and block."""
    for s, n, t, m in matches:
        old, new = old_lines[s][n], new_lines[t][m]
        stays = s == t and paired[s] and (n, m) in kept[s]
        if stays:
            in_place.setdefault((t, new.block), []).append(new)
        for k in old.pieces:
            blocks[s][old.block][k][0] = _DROP if stays else "moved_away"
        for k in new.pieces:
            if blocks[t][new.block][k][0] == "insert":
                blocks[t][new.block][k][0] = "equal" if stays else "moved_here"
        if (s, old.block) != (t, new.block) and (s, old.block, t, new.block) not in cancelled:
            _cancel_links(links[s][old.block], links[t][new.block])  # once a pair: a second time finds nothing
            cancelled.add((s, old.block, t, new.block))
        touched |= {(s, old.block), (t, new.block)}
    for (t, k), kept_lines in in_place.items():  # once every line has settled: a neighbour kept in place is equal by now
        blocks[t][k] = _kept_apart(blocks[t][k], kept_lines)
    result: list[list[BlockDiff]] = []
    for s, section in enumerate(sections):
        settled = [_settled(b, blocks[s][k], links[s][k]) if (s, k) in touched else b for k, b in enumerate(section)]
        result.append([b for b in settled if b is not None])
    return result


def _kept_apart(pieces: list[Piece], lines: list[_Line]) -> list[Piece]:
    """A block's pieces with each line kept in place set apart, on the older side, from the text the older side shows
    beside it: a line break or another block set them apart in the older text, so the older side never runs the line
    into its neighbour. A break inserted between them is equal; where there is none, the older side has its own."""
    breaks: set[int] = set()
    """Where the older side needs a break of its own: before the piece of that index."""
    for line in lines:
        for start, step in ((line.pieces[0], -1), (line.pieces[-1], 1)):
            beside = _nearest(pieces, start, step, _OLD_SIDE)
            if beside is None or pieces[beside][1] == "\n":
                continue
            k = _nearest(pieces, start, step, _NEW_SIDE)
            if k is not None and pieces[k] == ["insert", "\n"] and abs(k - start) < abs(beside - start):
                pieces[k][0] = "equal"
            else:
                breaks.add(start if step < 0 else start + 1)
    if not breaks:
        return pieces
    result: list[Piece] = []
    for k, piece in enumerate(pieces):
        if k in breaks:
            result.append(["delete", "\n"])
        result.append(piece)
    return result


def _nearest(pieces: list[Piece], start: int, step: int, side: frozenset[str]) -> int | None:
    """The index of the nearest piece of ``side`` from ``start`` toward ``step`` (-1 before, 1 after), if any."""
    k = start + step
    while 0 <= k < len(pieces):
        if pieces[k][0] in side:
            return k
        k += step
    return None


def _kept_in_place(blocks: list[list[Piece]], old: list[_Line], new: list[_Line], budget: Budget) -> set[tuple[int, int]]:
    """The (old line, new line) pairs of one section that keep their place among the section's lines."""
    a, b = [_text(blocks, line) for line in old], [_text(blocks, line) for line in new]
    matcher = Matcher(a, b, budget)
    return {(i + k, j + k) for i, j, size in matcher.get_matching_blocks() for k in range(size)}


def _cancel_links(removed: list[Segment], added: list[Segment]) -> None:
    """A link target removed from one block and added to another went with a moved line: it is no change."""
    for seg in [s for s in removed if s.op == "delete"]:
        twin = next((other for other in added if other.op == "insert" and other.text == seg.text), None)
        if twin is not None:
            removed.remove(seg)
            added.remove(twin)


def _tidy(pieces: list[Piece]) -> list[Piece]:
    """The pieces left, with the line breaks that went with a line gone too: no deleted break at either end of
    the older text or next to another; a break between two moved pieces moved with them."""
    kept = [p for p in pieces if p[0] != _DROP]
    # A deleted break goes where it would stand first or last on the older side, or before another break, once the
    # breaks that go have gone: it stays if the nearest piece after it that stays is text, and a piece other than a
    # deleted break stands somewhere before it. One pass from the end decides each.
    old = [p for p in kept if p[0] in _OLD_SIDE]
    other_before = [False]
    for piece in old:
        other_before.append(other_before[-1] or piece != ["delete", "\n"])
    going: set[int] = set()
    after: Piece | None = None
    for k in range(len(old) - 1, -1, -1):
        piece = old[k]
        if piece == ["delete", "\n"] and (after is None or after[1] == "\n" or not other_before[k]):
            going.add(id(piece))  # this one, not an equal one
        else:
            after = piece
    kept = [p for p in kept if id(p) not in going]
    for side, moved in ((_OLD_SIDE, "moved_away"), (_NEW_SIDE, "moved_here")):
        plain = "delete" if moved == "moved_away" else "insert"
        line = [p for p in kept if p[0] in side]
        for k in range(1, len(line) - 1):
            if line[k] == [plain, "\n"] and line[k - 1][0] == moved and line[k + 1][0] == moved:
                line[k][0] = moved
    return kept


def _settled(block: BlockDiff, pieces: list[Piece], links: list[Segment]) -> BlockDiff | None:
    """A block after its moved lines settled; None if nothing of its own is left."""
    runs: list[tuple[str, list[str]]] = []  # pieces of one op joined once: adding one by one is quadratic
    for op, text in _tidy(pieces):
        if runs and runs[-1][0] == op:
            runs[-1][1].append(text)
        else:
            runs.append((op, [text]))
    segments = [Segment(cast(Op, op), "".join(texts)) for op, texts in runs]

    def visible(*ops: str) -> bool:
        return any(seg.op in ops and seg.text.strip() for seg in segments)

    status = block.status
    if status == "removed" and not visible("delete", "moved_away"):
        return None
    if status == "added" and not visible("insert", "moved_here"):
        status = "changed"
    change: ChangeClass = "whitespace"
    if visible("moved_away", "moved_here"):
        change = "text"
    elif visible("insert", "delete"):
        change = block.change
    if links:
        change = worst([change, "links"])
    if block.numbering:
        change = worst([change, "numbering"])
    return replace(block, status=status, segments=tuple(segments), change=change, links=tuple(links))
