"""How many sentences a text has, for a reviewer to see where a translation may leave one of its original's out.

A sentence may end at '.', '!', '?' or '…' (after any closing quote, bracket or emphasis mark) followed by white space
and a capital letter. Whether it does cannot always be told from the text: the full stop of an abbreviation that
stands before a name ('esim. Google', 'e.g. Google', 't.ex. Google'), of a word with a full stop inside it ('the U.S.
The transfer', 'EU-U.S. Privacy Shield'), of an initial ('J. Virtanen') or a number ('Sivun 3. Kappale', '2018. The')
may or may not end one, and a word alone between two ends ('Huom! Tiedot', 'No. We never') may be a sentence of its
own or not. So a text has a number of sentences it certainly has and a number it may have: a translation whose
paragraph may have fewer sentences than its original's certainly has is one a reviewer should read again
(``compare/gaps.py``). Neither count is a rule a text must follow.
"""

from __future__ import annotations

import functools
import re

_OPENING = "\"'“”«»\u2018\u2019"
"""Quotation marks that may open a sentence: Finnish and Swedish open a quotation with the closing marks."""
_END = re.compile(r"[.!?…]+[\"”’»)\]*_]*(?=\s+[" + _OPENING + r"(\[*_]*[A-ZÅÄÖÜ])")
_ABBREVIATIONS = frozenset(
    {
        *("esim", "mm", "ns", "ks", "kts", "vrt", "ml", "ym", "yms", "jne", "tms", "huom", "pj", "puh", "nro", "klo"),
        *("t.ex", "bl.a", "s.k", "inkl", "enl", "dvs", "p.g.a", "f.d", "jfr", "osv", "ca", "nr", "tfn"),  # Swedish
        *("e.g", "i.e", "cf", "incl", "approx", "vs", "dr", "mr", "mrs", "ms", "prof", "st", "jr", "no", "art", "tel"),
    }
)
"""Words, in Finnish, Swedish and English (lower case), whose full stop may end a sentence or may not."""
_DOTTED = re.compile(r"(?:^|[-/(])(?:\w{1,3}\.)+\w{1,3}$")
"""A short word with full stops inside it ('U.S', 'EU-U.S', 'p.g.a'), not an address ('www.esimerkki.fi')."""


@functools.lru_cache(maxsize=1 << 14)
def sentence_counts(text: str) -> tuple[int, int]:
    """The number of sentences ``text`` certainly has, and the number it may have (0 and 0 if it has no words)."""
    if not text.strip():
        return 0, 0
    certain = possible = 1
    start = 0  # where the sentence since the last certain end starts
    for end in _END.finditer(text):
        at = end.start()
        before = text[start:at].split()
        word = before[-1].lstrip("*_([" + _OPENING) if before else ""
        possible += 1
        if len(before) < 2 or _may_go_on(word):
            continue
        certain += 1
        start = end.end()
    return certain, possible


def _may_go_on(word: str) -> bool:
    """Whether a sentence may go on after ``word`` and its full stop (or its '!' or '?': 'Huom!')."""
    short = len(word) == 1 and word.isalpha()  # an initial
    return word.lower() in _ABBREVIATIONS or _DOTTED.search(word) is not None or short or word[:1].isdecimal()
