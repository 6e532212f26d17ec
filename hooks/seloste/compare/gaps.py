"""Where a translation may leave a sentence of its original out: for the reviewer of a change, in its report.

A paragraph or list item of a translation that may have fewer sentences than its original certainly has
(``markup/sentences.py``) is named, with both counts and its original's start. It is a note to read the two again, not
an error: what ends a sentence cannot always be told from the text, and a translation may join two sentences."""

from __future__ import annotations

from ..archive.localized import LANGUAGE_NAMES
from ..archive.model import Version
from ..markup.blocks import blocks, parity_problem
from ..markup.sentences import sentence_counts
from ..markup.text import plain_text

_KINDS = {"paragraph": "paragraph", "item": "list item"}
"""The blocks held to their original's sentences: headings and table rows are words more than sentences."""


def translation_gaps(previous: Version | None, version: Version) -> tuple[tuple[str, str], ...]:
    """(the translated text's dotted name, what to read again) for each paragraph or list item of ``version``'s
    translations that may leave a sentence out; only in texts new or changed since ``previous`` (its texts as they
    were have been read). Nothing while the translation is pending."""
    if version.translation == "pending":
        return ()
    earlier = {section.id: section for section in previous.sections} if previous else {}
    found = []
    for index, section in enumerate(version.sections):
        original = version.original_of(section)
        before = earlier.get(section.id)
        for lang in version.text_languages:
            if lang in version.published_in or not (section.has(lang) and section.has(original)):
                continue
            if before is not None and all(before.has(x) and before.body[x] == section.body[x] for x in (original, lang)):
                continue
            note = gap(section.body[original], section.body[lang], LANGUAGE_NAMES[original], LANGUAGE_NAMES[lang])
            if note:
                found.append((f"sections[{index}].body.{lang}", note))
    return tuple(found)


def untranslated_sections(version: Version) -> tuple[tuple[str, str], ...]:
    """(dotted name, heading or id) of each section the archive has not translated yet (its ``not_in`` names a language
    the organisation did not publish, while the translation is pending)."""
    return tuple(
        (f"sections[{index}]", plain_text(section.heading[version.original_of(section)]) if section.heading else section.id)
        for index, section in enumerate(version.sections)
        if any(version.untranslated(section, lang) for lang in section.not_in)
    )


def gap(original: str, translation: str, theirs: str = "Finnish", ours: str = "English") -> str | None:
    """The first paragraph or list item of ``translation`` that may have fewer sentences than its original's
    certainly has, in words; None if none (or if the two have different blocks, which validate refuses)."""
    if parity_problem(original, translation, theirs, ours):
        return None
    counted: dict[str, int] = {}
    for source, translated in zip(blocks(original), blocks(translation), strict=True):
        if source.kind not in _KINDS:
            continue
        counted[source.kind] = counted.get(source.kind, 0) + 1
        certain, possible = sentence_counts(source.text)[0], sentence_counts(translated.text)[1]
        if possible < certain:
            start = source.text if len(source.text) <= 50 else source.text[:50].rsplit(" ", 1)[0] + " …"
            return (
                f"{_KINDS[source.kind]} {counted[source.kind]} ({start!r}) has {certain} sentences in the {theirs} "
                f"and {_sentences(possible)} in the {ours}: a sentence may be left out"
            )
    return None


def _sentences(count: int) -> str:
    return f"{count} sentence{'s' if count != 1 else ''}"
