"""A section of a notice as its page shows it: its own text, or, where the text the page shows has no such section,
what stands in its place (``absent_view``)."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

from markupsafe import Markup

from ..archive.model import Section, Version
from ..compare.diff import source_hash
from ..labels import labels
from ..markup.render import inline_html
from ..markup.rendercache import markdown_html
from ..markup.text import plain_text


@dataclass(frozen=True, kw_only=True, slots=True)
class SectionView:
    id: str
    heading: Markup | None
    heading_text: str
    """The heading as plain text (table of contents, page outline)."""
    body: Markup
    source: str
    """Hash of the section as written, for the comparison in the browser."""
    lineage: str | None = None
    """The section across the organisation's versions (compare/lineage.py), for the comparison in the browser."""
    absent: str | None = None
    """Where the organisation's text this page shows has no such section: the sentence that says so (the page
    shows that in its place, outside the text the comparison reads)."""
    absent_heading: str | None = None
    """Then, the section's heading in the first language whose text has it (``absent_lang``)."""
    absent_lang: str | None = None
    untranslated: str | None = None
    """A section the archive has not translated yet (``translation: pending``): the language of its original, which the
    page shows in its place (its heading, body and source are the original's; ``absent`` says so)."""


@functools.lru_cache(maxsize=1 << 12)
def section_view(section_id: str, heading: str | None, body: str, lineage: str | None = None) -> SectionView:
    """A section as pages show it: made once per distinct section of an organisation (most repeat across its
    versions). The cache holds an organisation's sections, its pages' are made one after another: each view holds a
    copy of its body's HTML, and one for every section of a large archive would take hundreds of megabytes."""
    return SectionView(
        id=section_id,
        heading=Markup(inline_html(heading)) if heading else None,
        heading_text=plain_text(heading) if heading else "",
        body=Markup(markdown_html(body)),
        source=source_hash(heading, body),
        lineage=lineage,
    )


def absent_view(version: Version, section: Section, text_lang: str, lang: str, lineage: str | None = None) -> SectionView:
    """A section the organisation's text in ``text_lang`` does not have, as a page in ``lang`` says so; one the archive
    has not translated yet, the original in its place."""
    t = labels(lang)
    other = version.original_of(section)
    heading = plain_text(section.heading[other]) if section.heading else None
    if version.untranslated(section, text_lang):  # the archive's translation, not made of it yet: the original instead
        shown = section_view(section.id, section.heading[other] if section.heading else None, section.body[other], lineage)
        note = t["section_untranslated"].format(in_language=t["in_language"][other])
        return dataclasses.replace(shown, absent=note, untranslated=other)
    return SectionView(
        id=section.id,
        heading=None,
        heading_text="",
        body=Markup(""),
        source="",
        absent=t["section_not_in"].format(in_language=t["in_language"][text_lang])
        + (t["section_not_in_heading"].format(in_language=t["in_language"][other]) if heading else "."),
        absent_heading=heading,
        absent_lang=other,
    )
