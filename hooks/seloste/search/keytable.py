"""The key files of the search index (``keys/<chunk>.json.gz``, described in searchindex.py): for each key, the forms
of the notices that carry it and the notices that use it, with how often, in chunks of about BUCKET_BYTES.

Most keys share their forms with other keys: a form's own key, its stem and its base forms, where no other form of
the notices has them, are carried by that form alone. Keys with the same forms have the same entry, which is worked out
and encoded as JSON once, and each chunk file is joined from the JSON of its entries as they were encoded to measure
them: the JSON ``json.dumps`` gives of the chunk (a test compares them).
"""

from __future__ import annotations

import dataclasses
import json

from .language import EXACT, STEM

BUCKET_BYTES = 24_000
"""Aimed size of a key chunk before compression; a common key can make its own larger."""


@dataclasses.dataclass(frozen=True, slots=True)
class KeyTable:
    """The key chunks: their number, each chunk's entries (key -> [forms, notices and counts]) and its JSON (compact,
    UTF-8), and each key's chunk."""

    count: int
    chunks: dict[str, dict[str, list]]
    encoded: dict[str, bytes]
    chunk_of: dict[str, int]


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def key_table(forms_of: dict[str, list[str]], counts: dict[str, dict[int, int]]) -> KeyTable:
    """The chunks of the keys ``forms_of`` (key -> the forms that carry it, in order), ``counts`` being each form's
    occurrences in each notice. Keys go in the order of their words: the keys of one query word (its form, stem and
    base forms, which mostly begin alike) tend to share a chunk, and a query fetches fewer files."""
    entries: dict[tuple[str, ...], tuple[list, str, int]] = {}
    chunks: dict[str, dict[str, list]] = {}
    parts: dict[str, list[str]] = {}
    chunk_of: dict[str, int] = {}
    name = ""
    size = BUCKET_BYTES
    for key in sorted(forms_of, key=lambda k: (k.lstrip(STEM + EXACT), k)):
        forms = forms_of[key]
        entry = entries.get(group := tuple(forms))
        if entry is None:
            entry = entries[group] = _entry(forms, counts)
        value, text, entry_size = entry
        if size + entry_size > BUCKET_BYTES and size:
            name = str(len(chunks))
            chunks[name], parts[name] = {}, []
            size = 0
        chunks[name][key] = value
        parts[name].append(_json(key) + ":" + text)
        chunk_of[key] = len(chunks) - 1
        size += entry_size
    encoded = {name: ("{" + ",".join(texts) + "}").encode("utf-8") for name, texts in parts.items()}
    return KeyTable(count=len(chunks), chunks=chunks, encoded=encoded, chunk_of=chunk_of)


def _entry(forms: list[str], counts: dict[str, dict[int, int]]) -> tuple[list, str, int]:
    """A key's entry ([forms, flat notice deltas and counts]), its JSON, and the size it is measured by: its length
    as ``json.dumps`` writes it by default (with ", " between items)."""
    per_notice = dict(counts[forms[0]])
    for form in forms[1:]:  # a notice's count for a key: its most frequent form's (forms of a word overlap)
        for number, n in counts[form].items():
            if n > per_notice.get(number, 0):
                per_notice[number] = n
    flat: list[int] = []
    previous = 0
    for number in sorted(per_notice):
        flat += (number - previous, per_notice[number])
        previous = number
    value = [forms, flat]
    text = _json(value)
    return value, text, len(text) + max(len(forms) - 1, 0) + max(len(flat) - 1, 0) + 1
