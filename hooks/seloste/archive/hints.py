"""Hints for a fidelity error: where a text comes closest to holding a sentence missing from it, and quotes
shortened for a message."""

from __future__ import annotations

from ..limits import MAX_HINT_WORK
from ..matching import ITEM_STEPS, SETUP_STEPS, Budget, Matcher, OutOfSteps


def shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Hints:
    """Where a text comes closest to holding a sentence missing from it, for the error that names the sentence.

    The text's words are indexed once; each hint's search is paid from a budget of ``MAX_HINT_WORK`` steps, and a
    hint the budget cannot pay is left out (the error stands without it)."""

    def __init__(self, text: str) -> None:
        self.published = text.split()
        self._matcher = Matcher((), self.published, Budget(SETUP_STEPS + ITEM_STEPS * len(self.published)))

    def nearest(self, sentence: str) -> tuple[str, str] | None:
        """The first words that differ, with a few words of context: (as the capture has them, as the text has them);
        None if no word of the sentence is in the text, or if finding out would take too long."""
        words, published = sentence.split(), self.published
        budget = Budget(MAX_HINT_WORK)
        if not budget.spend(ITEM_STEPS * len(words)):
            return None
        matcher = self._matcher
        matcher.budget = budget
        matcher.set_seq1(words)
        try:
            anchor = matcher.find_longest_match(0, len(words), 0, len(published))
        except OutOfSteps:
            return None
        if anchor.size == 0:
            return None
        start = max(0, anchor.b - anchor.a)
        window = published[start : start + len(words) + 3]
        opcodes = Matcher(words, window, budget).get_opcodes()
        if budget.exhausted:
            return None
        for tag, i1, i2, j1, j2 in opcodes:
            if tag != "equal":
                before = max(0, i1 - 3)
                ours = " ".join(words[before:i2] + words[i2 : i2 + 2])
                theirs = " ".join(window[max(0, j1 - (i1 - before)) : j2] + window[j2 : j2 + 2])
                return ours, theirs
        return None
