"""The sitemap: which pages search engines are told about, and when what each shows last changed.

The dates come from the data alone, never from the clock, so a build of the same data is the same on any
day. A page's date is the latest change it shows: a version's date, or a later correction's. A version whose
date is known only as a range (``changed_after``) is dated by the range's last day, the first day its text is known:
the page did not show it before then, and an earlier day could be before the text existed. The current
notice and its checklist show the current version; an old version's permanent page shows that version; the
history shows every version; the home and comparison pages show the whole archive. A page that shows no
data (the hand-written ones) has no date: the sitemap leaves it out rather than invent one.

MkDocs and static-i18n know the Material pages (hand-written and generated); the lite pages are the
core's own (:mod:`seloste.publish.lite`), so their entries are made here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..archive.localized import LANGUAGES
from ..archive.model import Archive, OrganisationRecord, VersionRecord
from .liteviews import LitePlan, organisation_pages
from .pages import PagePlan


def version_changed(record: VersionRecord) -> dt.date:
    """The latest change to a version: its date, or its latest correction's."""
    return max((record.date, *(correction.date for correction in record.version.corrections)))


def organisation_changed(record: OrganisationRecord) -> dt.date:
    """The latest change to any version of the organisation's notice."""
    return max(version_changed(version) for version in record.versions)


def archive_changed(archive: Archive) -> dt.date | None:
    """The latest change anywhere in the archive; None for an archive without organisations."""
    return max((organisation_changed(record) for record in archive.organisations), default=None)


def page_changed(archive: Archive, plan: PagePlan) -> dt.date | None:
    """The latest change a Material page generated from the data shows."""
    if plan.kind == "notice":
        assert plan.slug is not None
        return version_changed(archive.get(plan.slug).current)
    return archive_changed(archive)  # the home page and the comparison show every organisation


def lite_page_changed(record: OrganisationRecord, plan: LitePlan) -> dt.date:
    """The latest change a lite page shows."""
    if plan.kind == "history":
        return organisation_changed(record)
    if plan.version is not None:
        return version_changed(record.version(plan.version))
    return version_changed(record.current)  # the checklist of the current notice


@dataclass(frozen=True, kw_only=True, slots=True)
class Alternate:
    lang: str
    url: str
    """Relative to the site root."""


@dataclass(frozen=True, kw_only=True, slots=True)
class SitemapEntry:
    url: str
    """Relative to the site root (``en/micro-magic/history/``)."""
    lastmod: str
    """ISO 8601 date."""
    alternates: tuple[Alternate, ...]
    """The page in every language, this one included."""


@dataclass(frozen=True, kw_only=True, slots=True)
class SitemapView:
    """What the sitemap template renders besides the Material pages MkDocs lists."""

    lastmod: dict[str, str]
    """The ISO date of each generated Material page, by its source name (``micro-magic/index.en.md``)."""
    lite: tuple[SitemapEntry, ...]
    """Every lite page that search engines may index (not the comparisons, nor the current version's redirect)."""


def sitemap_view(archive: Archive, plans: dict[str, PagePlan]) -> SitemapView:
    lastmod = {src_uri: date.isoformat() for src_uri, plan in plans.items() if (date := page_changed(archive, plan))}
    lite = tuple(
        SitemapEntry(
            url=plan.url,
            lastmod=lite_page_changed(record, plan).isoformat(),
            alternates=tuple(Alternate(lang=other, url=plan.url_in(other)) for other in LANGUAGES),
        )
        for lang in LANGUAGES
        for record in archive.organisations
        for plan in organisation_pages(record, lang)
        # the current version's page names the notice canonical; the page of its Swedish text beside Finnish does not
        if plan.indexed and (plan.version != record.current.id or plan.text_lang)
    )
    return SitemapView(lastmod=lastmod, lite=lite)
