"""The comparisons an organisation's versions have: of the texts the site languages' pages read (its Finnish, and
the English), and of each of its own texts that a page of its own shows (the Swedish beside Finnish) where at least
two versions have one. Each is a page of its own (``x/compare/``, ``x/compare/sv/``), linked from the history, from
each other and from the own text's pages."""

from __future__ import annotations

from dataclasses import dataclass

from ..archive.model import OrganisationRecord, VersionRecord
from ..labels import labels
from .urls import compare_path, site_url


def own_text_versions(record: OrganisationRecord, text_lang: str) -> tuple[VersionRecord, ...]:
    """The versions, oldest first, whose own text in ``text_lang`` has a page of its own."""
    return tuple(v for v in record.versions if text_lang in v.version.separate_languages)


def compared_texts(record: OrganisationRecord) -> tuple[str, ...]:
    """The languages of the organisation's own texts shown on pages of their own that at least two versions have:
    each has a comparison of its own."""
    found = dict.fromkeys(lang for v in record.versions for lang in v.version.separate_languages)
    return tuple(lang for lang in found if len(own_text_versions(record, lang)) > 1)


@dataclass(frozen=True, kw_only=True, slots=True)
class OwnComparison:
    """A link to the comparison of the organisation's own texts in one language."""

    text_lang: str
    label: str
    """In the page's language: "Vertaa ruotsinkielisiä tekstejä"."""
    native: str
    """The language's name in itself, marked with its language: "på svenska"."""
    url: str


def own_comparisons(record: OrganisationRecord, lang: str) -> tuple[OwnComparison, ...]:
    t = labels(lang)
    return tuple(
        OwnComparison(
            text_lang=text_lang,
            label=t["compare_own_texts"][text_lang],
            native=t["language_native"][text_lang],
            url=site_url(lang, compare_path(record.slug, text_lang=text_lang)),
        )
        for text_lang in compared_texts(record)
    )


def own_compare_url(record: OrganisationRecord, old: VersionRecord, new: VersionRecord, lang: str, text_lang: str) -> str | None:
    """The comparison of two versions' own texts in ``text_lang``, where both have a page of their own; else None."""
    if text_lang in old.version.separate_languages and text_lang in new.version.separate_languages:
        return site_url(lang, compare_path(record.slug, old.id, new.id, text_lang))
    return None
