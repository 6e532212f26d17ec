"""What the diff compares: a version as a reader of one language sees it.

The comparison script reads exactly this back from a version's markup in the versions file
(seloste-compare.js, readVersion), so that the browser compares any two versions with the same
input as the Python core (:func:`version_text_json`; docs/architecture.en.md).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..archive.model import Section, Version, VersionRecord
from ..markup.blocks import Block, blocks
from ..markup.text import plain_text
from .facts import FactsText, facts_pairs, facts_text


@dataclass(frozen=True, slots=True)
class SectionText:
    """A section as a reader of one language sees it: what the diff compares."""

    id: str
    heading: str | None
    """The heading as plain text."""
    blocks: tuple[Block, ...]
    source: str
    """A short hash of the heading and body as written: tells formatting-only changes apart."""
    lineage: str | None = None
    """The section across the organisation's versions, the same in every language (lineage.py): the diff pairs
    sections by it first. None where it is not known."""


@dataclass(frozen=True, slots=True)
class VersionText:
    """A version as a reader of one language sees it."""

    id: str
    title: str
    sections: tuple[SectionText, ...]
    facts: FactsText


def source_hash(*parts: str | None) -> str:
    digest = hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8"), usedforsecurity=False)
    return digest.hexdigest()[:12]


_NO_FACTS: FactsText = {"single": {}, "list": {}}


def version_text(
    record: VersionRecord, lang: str, lineage: Mapping[str, str] | None = None, *, text_lang: str | None = None
) -> VersionText:
    """The version as a page in ``lang`` shows it: its text in the language that page reads (see Version.reading),
    its facts in ``lang``; ``lineage`` gives each section's lineage by its id (:func:`lineage.section_lineages`).
    With ``text_lang``, its text in that language, as the page of one of the organisation's own texts shows it (the
    Swedish beside Finnish), without the facts (the site languages' texts carry them); no text at all where the
    version has none in that language."""
    version = record.version
    if text_lang is not None and text_lang not in version.text_languages:
        return VersionText(id=record.id, title="", sections=(), facts=_NO_FACTS)
    shown = text_lang or version.reading(lang)[0]
    lineage = lineage or {}
    sections = tuple(
        SectionText(
            id=s.id,
            heading=plain_text(s.heading[read]) if s.heading else None,
            blocks=blocks(s.body[read]),
            source=source_hash(s.heading[read] if s.heading else None, s.body[read]),
            lineage=lineage.get(s.id),
        )
        for s in version.sections
        if (read := _read(version, s, shown)) is not None
    )
    facts = _NO_FACTS if text_lang else facts_text(version.facts, lang)
    return VersionText(id=record.id, title=plain_text(version.title[shown]), sections=sections, facts=facts)


def _read(version: Version, section: Section, shown: str) -> str | None:
    """The language a page of the text in ``shown`` reads the section in: that one; for a section the archive has not
    translated yet, its original, which the page shows in its place; None where that text has no such section (the
    organisation's own, without it)."""
    if section.has(shown):
        return shown
    return version.original_of(section) if version.untranslated(section, shown) else None


def version_text_json(text: VersionText) -> dict[str, Any]:
    """A version as plain data, as the comparison script reads it from a version's markup (seloste-compare.js,
    readVersion): what tests give the browser's diff core to compare with this one."""
    return {
        "id": text.id,
        "title": text.title,
        "sections": [
            {
                "id": s.id,
                "heading": s.heading,
                "blocks": [{"kind": b.kind, "text": b.text, "links": list(b.links), "start": b.start} for b in s.blocks],
                "source": s.source,
                "lineage": s.lineage,
            }
            for s in text.sections
        ],
        "facts": facts_pairs(text.facts),
    }
