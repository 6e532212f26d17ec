"""How many sentences a text has, for holding a translation to its original sentence by sentence.

A sentence ends at '.', '!', '?' or '…' (after any closing quote, bracket or emphasis mark) followed by white space
and a capital letter, unless the word before it is an abbreviation that stands before a name or a number ('esim.',
'mm.', 't.ex.', 'e.g.', 'puh.', 'Dr.') or an initial ('J. Virtanen'). Both texts of a translation are counted alike, so what
is written the same way in both (a company's 'Oy.', a date, a section's number) counts the same in both; what is left
out of one is a sentence fewer. The archive's own translations, every paragraph and list item of them, count as their
originals do (`seloste validate` holds data/ to it).
"""

from __future__ import annotations

import functools
import re

_END = re.compile(r"[.!?…]+[\"”’»)\]*_]*(?=\s+[\"“«(\[*_]*[A-ZÅÄÖÜ])")
_ABBREVIATIONS = frozenset(
    {
        *("esim", "mm", "ns", "vrt", "ks", "puh", "nro", "n", "s", "p", "klo"),  # Finnish
        *("t.ex", "bl.a", "s.k", "jfr", "ca", "nr", "tfn"),  # Swedish
        *("e.g", "i.e", "eg", "ie", "incl", "approx", "no", "vs", "art", "tel", "dr", "mr", "mrs", "ms", "prof", "st", "jr"),
    }
)
"""Words whose full stop stands before a name or a number rather than ending a sentence, in Finnish and English
and Swedish (lower case). 'etc.', 'jne.' and the like are not among them: before a capital letter they end a sentence."""


@functools.lru_cache(maxsize=1 << 14)
def sentence_count(text: str) -> int:
    """The number of sentences in ``text`` (0 if it has no words; a text without a full stop is one)."""
    if not text.strip():
        return 0
    count = 1
    for end in _END.finditer(text):
        at = end.start()
        word = text[max(text.rfind(" ", 0, at), text.rfind("\n", 0, at), text.rfind("\t", 0, at)) + 1 : at]
        word = word.lstrip('*_(["“')
        if word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isalpha() and word.isupper()):
            continue
        count += 1
    return count
