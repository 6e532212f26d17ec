"""The home page: the archive's recent changes and its organisations.

Python decides what the home page lists (which changes, their order, where each leads);
``overrides/seloste/home.html`` renders it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..archive.localized import alphabetical
from ..archive.model import Archive, OrganisationRecord, VersionRecord
from ..labels import labels
from .dates import DateView, version_date_view
from .urls import compare_path, feed_path, notice_path, root_of, site_url, version_path

RECENT_CHANGES = 5
"""How many changes the home page lists; the site's feed has more, and each organisation's history has all."""


@dataclass(frozen=True, kw_only=True, slots=True)
class OrganisationRow:
    name: str
    business_id: str | None
    url: str
    current: DateView
    version_count: int


@dataclass(frozen=True, kw_only=True, slots=True)
class RecentChange:
    """A version of a notice, as the home page lists it among the archive's recent changes."""

    date: DateView
    """The version date."""
    organisation: str
    organisation_url: str
    first: bool
    """The organisation's first version in the archive: nothing to compare it with."""
    summary: str | None
    """What changed, in a line; None for a first version."""
    kind: str | None
    """What kind of change it is ("substantive change"); None for a first version."""
    url: str
    """The comparison with the previous version; for a first version, the version itself (the notice page while
    it is current)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class HomeView:
    lang: str
    root: str
    title: str
    feed_url: str
    changes: tuple[RecentChange, ...]
    """The newest versions of the whole archive, newest first."""
    organisations: tuple[OrganisationRow, ...]


def _newest_first(archive: Archive) -> list[tuple[OrganisationRecord, int]]:
    """Every version as (its organisation, its index there), by version date, newest first; of one date, the one
    recorded later first, then by the organisation's name (the order is the data's alone: two builds agree)."""
    every = [(record, index) for record in archive.organisations for index in range(len(record.versions))]
    every.sort(key=lambda x: (x[0].organisation.name.casefold(), x[0].slug))
    every.sort(key=lambda x: (x[0].versions[x[1]].date, x[0].versions[x[1]].version.recorded_date), reverse=True)  # stable
    return every


def _change(record: OrganisationRecord, index: int, lang: str) -> RecentChange:
    version: VersionRecord = record.versions[index]
    change = version.version.change
    first = index == 0
    if first:
        url = notice_path(record.slug) if version is record.current else version_path(record.slug, version.id)
    else:
        url = compare_path(record.slug, record.versions[index - 1].id, version.id)
    return RecentChange(
        date=version_date_view(version, lang),
        organisation=record.organisation.name_in(lang),
        organisation_url=site_url(lang, notice_path(record.slug)),
        first=first,
        summary=change.summary[lang] if change and not first else None,
        kind=str(labels(lang)["change_kinds"][change.kind]) if change and not first else None,
        url=site_url(lang, url),
    )


def recent_changes(archive: Archive, lang: str, count: int = RECENT_CHANGES) -> tuple[RecentChange, ...]:
    """The archive's ``count`` newest versions, newest first."""
    return tuple(_change(record, index, lang) for record, index in _newest_first(archive)[:count])


def home_view(archive: Archive, lang: str) -> HomeView:
    page = site_url(lang)
    rows = tuple(
        OrganisationRow(
            name=record.organisation.name_in(lang),
            business_id=record.organisation.business_id,
            url=site_url(lang, notice_path(record.slug)),
            current=version_date_view(record.current, lang),
            version_count=len(record.versions),
        )
        for record in sorted(archive.organisations, key=lambda r: (alphabetical(r.organisation.name_in(lang), lang), r.slug))
    )
    return HomeView(
        lang=lang,
        root=root_of(page),
        title=str(labels(lang)["home_title"]),
        feed_url=site_url(lang, feed_path()),
        changes=recent_changes(archive, lang),
        organisations=rows,
    )
