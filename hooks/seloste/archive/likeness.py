"""How a text differs from its capture where the two look alike.

A fidelity error quotes the capture's words and the nearest words of the text. Where they differ only in what the
eye passes over (a no-break space for a space, an en dash for a hyphen, a curly quote, an emphasis mark, a Cyrillic
letter that looks Latin), the two quotes would look the same: the error then says which characters differ, by name
and code point, and never shows two identical quotes.
"""

from __future__ import annotations

import difflib
import unicodedata

_PLAIN = frozenset(" abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789åäöÅÄÖéÉüÜ.,;:!?()[]/&%€$#@+='\"-")
"""Characters a reader tells apart at a glance in Finnish, Swedish or English text."""
_MARKS = frozenset("*_`\\ ")
"""Emphasis and escape marks, and the space: visible as a difference only to a careful eye."""
_CONTEXT = 60


def _unusual(chars: str) -> bool:
    return any(c not in _PLAIN for c in chars) or (bool(chars) and all(c in _MARKS for c in chars))


def character(c: str) -> str:
    """A character by name and code point: "a no-break space (U+00A0)", "an en dash '–' (U+2013)"."""
    name = unicodedata.name(c, "").lower() or f"character {ord(c):04X}"
    article = "an" if name[0] in "aeiou" else "a"
    shown = "" if c.isspace() or unicodedata.category(c)[0] in "CZ" else f" {c!r}"
    return f"{article} {name}{shown} (U+{ord(c):04X})"


def _characters(chars: str) -> str:
    named = [character(c) for c in dict.fromkeys(chars)]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def _shorten(text: str, at: int = 0) -> str:
    """At most ``_CONTEXT`` characters of ``text``, from a little before ``at`` (where it differs)."""
    start = max(0, at - _CONTEXT // 3) if len(text) > _CONTEXT else 0
    shown = text[start : start + _CONTEXT - 1] if len(text) - start > _CONTEXT else text[start:]
    return ("…" if start else "") + shown + ("…" if start + len(shown) < len(text) else "")


def difference_note(capture: str, text: str) -> str:
    """The clause a missing sentence's error ends with: where the nearest text has ``text`` for the capture's
    ``capture``. Quoted both, as they stand; where they look alike, what differs, character by character."""
    opcodes = [op for op in difflib.SequenceMatcher(None, capture, text, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not opcodes:
        return ""
    _tag, i1, i2, j1, j2 = opcodes[0]
    ours, theirs = _shorten(capture, i1), _shorten(text, j1)
    left, right = capture[i1:i2], text[j1:j2]
    if ours != theirs and not (_unusual(left) or _unusual(right)):
        return f"; the nearest text has {theirs!r} where the capture has {ours!r}"
    if not left:
        what = f"the text has {_characters(right)} where the capture has none"
    elif not right:
        what = f"the capture has {_characters(left)} where the text has none"
    else:
        what = f"the capture has {_characters(left)} where the text has {_characters(right)}"
    if ours == theirs:  # two quotes that read the same would tell nothing
        return f"; the nearest text looks the same, {theirs!r}, but {what}"
    return f"; the nearest text has {theirs!r} where the capture has {ours!r}: {what}"
