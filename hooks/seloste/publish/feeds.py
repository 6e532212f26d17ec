"""Atom feeds of changes: one per organisation and one for the whole site, per language.

An entry for each version (its summary, linking to its comparison with the previous version; the
first version links to its own page), for each correction declared on a version (its reason, linking
to the version) and for each declared update of the organisation's details (its reason, linking to
the history). A version's entry says both the date its notice states and the date the archive
recorded it, its version date: a day, or, for a version whose date is known only as a range
(``changed_after``), "between <one day> and <another>" (its title names the range too), and the
languages the organisation published it in.

Every date is the data's, never the build machine's clock, so two builds of one commit give the
same feeds: an entry is published and updated on the day the archive recorded what it reports (a
version's ``recorded_date``, a correction's or an update's ``date``), and a feed is updated when its
newest entry is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..archive.model import Archive, OrganisationRecord, VersionRecord
from ..labels import labels
from .dates import DateView, date_view, stated_view, version_date_text, version_date_view
from .lite import LiteRenderer
from .readings import in_languages
from .urls import compare_path, feed_path, history_path, notice_path, site_url, version_path

SITE_FEED_ENTRIES = 100
"""The site-wide feed lists the newest entries only; each organisation's feed lists all of its own."""

EntryKind = Literal["version", "correction", "update"]
LinkKind = Literal["compare", "version", "history"]


@dataclass(frozen=True, kw_only=True, slots=True)
class NoticeDates:
    """A version's dates, as an entry's content gives them."""

    version: DateView
    stated: DateView | None
    """The date the notice states; None if it states none."""
    recorded: DateView
    """When the archive recorded the text."""
    languages: str
    """The languages the organisation published the version in, in a sentence (its own texts; any other is the
    archive's translation)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class FeedEntry:
    id: str
    kind: EntryKind
    title: str
    date: DateView
    """The day the archive recorded what the entry reports: the entry's ``published`` and ``updated``."""
    link: str
    link_kind: LinkKind
    """Where the link leads, for its text."""
    summary: str
    """What changed, what was corrected or what was updated, in a line."""
    notice: NoticeDates | None
    """The dates of the version an entry reports on; None for an update of the organisation's details."""

    @property
    def updated(self) -> str:
        return _timestamp(dt.date.fromisoformat(self.date.iso))

    @property
    def published(self) -> str:
        return self.updated  # an entry is never edited: what changes later is an entry of its own (a correction)


@dataclass(frozen=True, kw_only=True, slots=True)
class Feed:
    lang: str
    id: str
    title: str
    self_url: str
    page_url: str
    updated: str
    entries: tuple[FeedEntry, ...]


def _timestamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def _notice_dates(version: VersionRecord, lang: str) -> NoticeDates:
    return NoticeDates(
        version=version_date_view(version, lang),
        stated=stated_view(version.version, lang),
        recorded=date_view(version.version.recorded_date, lang),
        languages=labels(lang)["feed_languages"].format(in_languages=in_languages(version.version.published_in, lang)),
    )


def _version_entries(record: OrganisationRecord, lang: str, base: str) -> Iterator[FeedEntry]:
    t = labels(lang)
    name = record.organisation.name_in(lang)
    for index, version in enumerate(record.versions):
        change = version.version.change
        kind = t["change_kinds"][change.kind if change else "first"]
        page = base + site_url(lang, version_path(record.slug, version.id))
        yield FeedEntry(
            id=page,
            kind="version",
            title=t["feed_entry_title"].format(name=name, date=version_date_text(version, lang), kind=kind),
            date=date_view(version.version.recorded_date, lang),
            link=base + site_url(lang, compare_path(record.slug, record.versions[index - 1].id, version.id)) if index else page,
            link_kind="compare" if index else "version",
            summary=change.summary[lang] if change else kind,
            notice=_notice_dates(version, lang),
        )
        for number, correction in enumerate(version.version.corrections, start=1):
            yield FeedEntry(
                id=f"{page}#correction-{number}",  # corrections are only ever added: a number stays the same
                kind="correction",
                title=t["feed_correction_title"].format(name=name, date=version_date_text(version, lang)),
                date=date_view(correction.date, lang),
                link=page,
                link_kind="version",
                summary=correction.reason[lang],
                notice=_notice_dates(version, lang),
            )


def _update_entries(record: OrganisationRecord, lang: str, base: str) -> Iterator[FeedEntry]:
    t = labels(lang)
    history = base + site_url(lang, history_path(record.slug))
    for number, update in enumerate(record.organisation.updates, start=1):
        yield FeedEntry(
            id=f"{history}#update-{number}",  # updates are only ever added: a number stays the same
            kind="update",
            title=t["feed_update_title"].format(name=record.organisation.name_in(lang)),
            date=date_view(update.date, lang),
            link=history,
            link_kind="history",
            summary=update.reason[lang],
            notice=None,
        )


def _newest_first(entries: list[FeedEntry]) -> list[FeedEntry]:
    return sorted(entries, key=lambda e: (e.updated, e.id), reverse=True)


def _feed(lang: str, base: str, path: str, title: str, page: str, entries: list[FeedEntry]) -> Feed:
    entries = _newest_first(entries)
    return Feed(
        lang=lang,
        id=base + site_url(lang, path),
        title=title,
        self_url=base + site_url(lang, path),
        page_url=base + site_url(lang, page),
        updated=entries[0].updated if entries else "1970-01-01T00:00:00Z",
        entries=tuple(entries),
    )


def organisation_feed(record: OrganisationRecord, lang: str, base_url: str) -> tuple[str, Feed]:
    """(output path relative to the site root, feed) of one organisation's feed in ``lang``."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    entries = [*_version_entries(record, lang, base), *_update_entries(record, lang, base)]
    title = labels(lang)["org_feed_title"].format(name=record.organisation.name_in(lang))
    feed = _feed(lang, base, feed_path(record.slug), title, notice_path(record.slug), entries)
    return site_url(lang, feed_path(record.slug)), feed


def site_feed(archive: Archive, lang: str, base_url: str) -> tuple[str, Feed]:
    """(output path relative to the site root, feed) of the whole site's feed in ``lang``: the newest entries of
    every organisation's."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    everything = [e for r in archive.organisations for e in (*_version_entries(r, lang, base), *_update_entries(r, lang, base))]
    newest = _newest_first(everything)[:SITE_FEED_ENTRIES]
    return site_url(lang, feed_path()), _feed(lang, base, feed_path(), labels(lang)["site_feed_title"], "", newest)


def feeds(archive: Archive, lang: str, base_url: str) -> Iterator[tuple[str, Feed]]:
    """(output path relative to the site root, feed) for every feed of ``lang``.

    ``base_url`` is the site's absolute address (``https://user.github.io/repo/``).
    """
    for record in archive.organisations:
        yield organisation_feed(record, lang, base_url)
    yield site_feed(archive, lang, base_url)


def render_feed(feed: Feed, renderer: LiteRenderer) -> str:
    return renderer.env.get_template("seloste/feed.xml").render(feed=feed, t=labels(feed.lang))


def render_feeds(archive: Archive, lang: str, base_url: str, renderer: LiteRenderer) -> Iterator[tuple[str, str]]:
    for path, feed in feeds(archive, lang, base_url):
        yield path, render_feed(feed, renderer)
