"""Sequence matching in bounded time: difflib's SequenceMatcher drawing on a budget of steps.

Without junk heuristics (``autojunk`` off, which the diff needs to be exact), a longest-match search visits every
pair of equal items of its two ranges, and the recursion that follows repeats it: two paragraphs of one word
repeated take time that grows with the square of their length, and ``x x x ...`` against ``x y x y ...`` with
the cube (1,000 words each: 20 s). Here every search first spends its visits from a :class:`Budget` shared by
one piece of work (one comparison of two versions, one hint): a search the budget cannot pay is not run, and the
matcher falls back to the two sequences' common start and end, with the middle unmatched. The budget's first
refusal spends it all, so that everything after it in the same piece of work takes the fallback too, and the
work stays within the budget plus a pass over each input.

The browser's port (``SequenceMatcher`` in docs/assets/seloste-diff.js) charges the same steps in the same
order, so both fall back at the same place.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Sequence
from typing import Any

SETUP_STEPS = 100
"""What building a matcher costs beyond its items: about 10 microseconds, as long as 100 visits of a search take. A
comparison that weighs thousands of short paragraphs against each other pays for each matcher it builds."""
ITEM_STEPS = 4
"""What reading one item costs, where a matcher indexes it or a search passes over it: as long as about four visits
(a search of a long paragraph against a short one reads every word of the long one and visits few pairs)."""


class OutOfSteps(Exception):
    """A search the budget could not pay."""


class Budget:
    """Steps of matching left for one piece of work; its first refusal spends it all."""

    __slots__ = ("exhausted", "left")

    def __init__(self, steps: int) -> None:
        self.left = steps
        self.exhausted = False

    def spend(self, steps: int) -> bool:
        """Take ``steps`` if they are left; otherwise the budget is exhausted from then on."""
        if self.exhausted or steps > self.left:
            self.exhausted, self.left = True, 0
            return False
        self.left -= steps
        return True


class Matcher(difflib.SequenceMatcher):
    """``difflib.SequenceMatcher(None, a, b, autojunk=False)``, whose work is paid from ``budget``.

    Building it costs ``SETUP_STEPS + ITEM_STEPS * (len(a) + len(b))`` steps; each longest-match search over
    ``a[alo:ahi]`` costs, for each of its items, ``ITEM_STEPS`` plus the number of items of ``b`` equal to it (the pairs it
    may visit: more than it does, never fewer).
    Where the budget cannot pay, the matching blocks are the common start and end (:func:`ends`); the same
    matcher answers as difflib's wherever it can.
    """

    b2j: dict[Any, list[int]]
    """Where each item of ``b`` stands (difflib's own index, built with the matcher)."""

    def __init__(self, a: Sequence[Any], b: Sequence[Any], budget: Budget) -> None:
        self.budget = budget
        self._costs: list[int] | None = None
        if not budget.spend(SETUP_STEPS + ITEM_STEPS * (len(a) + len(b))):
            self.a, self.b, self.opcodes = a, b, None
            self.matching_blocks = ends(a, b)
            return
        super().__init__(None, a, b, autojunk=False)

    def set_seq1(self, a: Sequence[Any]) -> None:
        """A new ``a`` against the same ``b`` (whose index is kept); whoever sets it pays for reading its items."""
        super().set_seq1(a)
        self._costs = None

    def find_longest_match(self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None) -> difflib.Match:
        ahi = len(self.a) if ahi is None else ahi
        if self._costs is None:  # what a search over a[:k] costs, for every k
            b2j, nothing = self.b2j, ()
            self._costs = list(itertools.accumulate((ITEM_STEPS + len(b2j.get(item, nothing)) for item in self.a), initial=0))
        if not self.budget.spend(self._costs[ahi] - self._costs[alo]):
            raise OutOfSteps
        return super().find_longest_match(alo, ahi, blo, bhi)

    def get_matching_blocks(self) -> list[difflib.Match]:
        if self.matching_blocks is None:
            try:
                super().get_matching_blocks()
            except OutOfSteps:
                self.matching_blocks = ends(self.a, self.b)
        return self.matching_blocks


def ends(a: Sequence[Any], b: Sequence[Any]) -> list[difflib.Match]:
    """Matching blocks of the two sequences' common start and common end only, in difflib's form (ending with the
    ``(len(a), len(b), 0)`` sentinel)."""
    size = min(len(a), len(b))
    start = 0
    while start < size and a[start] == b[start]:
        start += 1
    end = 0
    while end < size - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    blocks = [difflib.Match(0, 0, start)] if start else []
    if end:
        blocks.append(difflib.Match(len(a) - end, len(b) - end, end))
    blocks.append(difflib.Match(len(a), len(b), 0))
    return blocks
