"""Words diffed: the segments that turn one text into another, and how much a change means.

The browser's comparison script (docs/assets/seloste-compare.js) ports this module; a test runs
both on the same texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from ..limits import MAX_DIFF_WORK
from ..matching import Budget, Matcher

Op = Literal["equal", "insert", "delete", "moved_away", "moved_here"]
"""What a piece of text is: in both versions; only in the newer; only in the older; a line the older version had
here and the newer has elsewhere; a line the newer version has here and the older had elsewhere (moves.py)."""
ChangeClass = Literal["none", "whitespace", "dates", "numbering", "links", "facts", "text"]
"""How much a change means: nothing; only whitespace or formatting; only dates; only the numbering of a list; only
where links lead; only the facts (a version's, the texts the same); the text."""

_RANK: dict[ChangeClass, int] = {"none": 0, "whitespace": 1, "dates": 2, "numbering": 3, "links": 4, "facts": 5, "text": 6}


@dataclass(frozen=True, slots=True)
class Segment:
    op: Op
    text: str


_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_MONTHS = (
    "tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta|lokakuuta|"
    "marraskuuta|joulukuuta|January|February|March|April|May|June|July|August|September|October|November|December"
)
DATE = re.compile(
    rf"(?<!\w)(?:[0-9]{{1,2}}\.[0-9]{{1,2}}\.[0-9]{{2,4}}|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}|"
    rf"[0-9]{{1,2}}\.? (?:{_MONTHS}) [0-9]{{4}}|(?:{_MONTHS}) [0-9]{{1,2}},? [0-9]{{4}})"
)
"""Dates as notices write them. ASCII digits and a look-behind instead of \\b, so the browser's
port of this module (docs/assets/seloste-compare.js) matches exactly the same text."""


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(old: str, new: str, budget: Budget | None = None) -> tuple[Segment, ...]:
    """Word-level segments turning ``old`` into ``new``, matched within ``budget`` (a comparison's; by default one
    of its own); past it, their common start and end are kept and the rest is shown removed and added whole."""
    a, b = tokens(old), tokens(new)
    raw: list[Segment] = []
    for tag, i1, i2, j1, j2 in Matcher(a, b, budget or Budget(MAX_DIFF_WORK)).get_opcodes():
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
    result: list[Segment] = []
    for i, seg in enumerate(segments):
        gap = 0 < i < len(segments) - 1 and seg.op == "equal" and len(seg.text) <= 2 and not re.search(r"\w", seg.text)
        if gap and result[-1].op != "equal" and segments[i + 1].op != "equal":  # the one before as it now reads
            result += [Segment("delete", seg.text), Segment("insert", seg.text)]
        else:
            result.append(seg)
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
    runs: list[tuple[Op, list[str]]] = []  # each run's texts joined once: adding one by one is quadratic
    for seg in segments:
        if runs and runs[-1][0] == seg.op:
            runs[-1][1].append(seg.text)
        elif seg.text:
            runs.append((seg.op, [seg.text]))
    return tuple(_slide_spaces([Segment(op, "".join(texts)) for op, texts in runs]))


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


def similarity(old: str, new: str, budget: Budget | None = None) -> float:
    """How alike two texts read, word by word (0 to 1), within ``budget``: one step for the asking, then the
    matcher's; 0 once the budget is spent."""
    budget = budget or Budget(MAX_DIFF_WORK)
    if not budget.spend(1):
        return 0.0
    a, b = old.split(), new.split()
    if not a and not b:
        return 1.0
    return Matcher(a, b, budget).ratio()


def best_pairs(candidates: Iterable[tuple[float, int, int]], threshold: float) -> list[tuple[int, int]]:
    """From ``(score, i, j)`` candidates, pairs ``(i, j)`` best first, each ``i`` and ``j`` used once, none below
    ``threshold``; ties go to the higher ``i``, then ``j`` (as the browser's port sorts them)."""
    pairs: list[tuple[int, int]] = []
    used_i: set[int] = set()
    used_j: set[int] = set()
    for score, i, j in sorted(candidates, reverse=True):
        if score < threshold:
            break
        if i in used_i or j in used_j:
            continue
        pairs.append((i, j))
        used_i.add(i)
        used_j.add(j)
    return pairs


def classify(old: str, new: str) -> ChangeClass:
    """How ``old`` -> ``new`` changed, for plain texts."""
    if old == new:
        return "none"
    if " ".join(old.split()) == " ".join(new.split()):
        return "whitespace"
    if DATE.sub("<date>", old) == DATE.sub("<date>", new):
        return "dates"
    return "text"


def worst(classes: Iterable[ChangeClass]) -> ChangeClass:
    return max(classes, key=_RANK.__getitem__, default="none")


# --- blocks ------------------------------------------------------------------------------
