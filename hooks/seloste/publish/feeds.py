"""Atom feeds of changes: one per organisation and one for the whole site, per language.

One entry per version, with its summary and a link to its comparison with the previous
version (the first version links to its own page). Dates are the versions' own, never the
build machine's clock, so two builds of one commit give the same feeds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..archive.model import Archive, OrganisationRecord, VersionRecord
from ..labels import format_date, labels
from .lite import LiteRenderer
from .urls import compare_path, feed_path, notice_path, site_url, version_path

SITE_FEED_ENTRIES = 100
"""The site-wide feed lists the newest changes only; each organisation's feed lists all of its versions."""


@dataclass(frozen=True, kw_only=True, slots=True)
class FeedEntry:
    id: str
    title: str
    updated: str
    link: str
    summary: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Feed:
    lang: str
    id: str
    title: str
    self_url: str
    page_url: str
    updated: str
    entries: tuple[FeedEntry, ...]


def _timestamp(record: VersionRecord) -> str:
    return f"{record.date.isoformat()}T00:00:00Z"


def _entries(record: OrganisationRecord, lang: str, base: str) -> list[FeedEntry]:
    t = labels(lang)
    entries = []
    for index, version in enumerate(record.versions):
        change = version.version.change
        kind = t["change_kinds"][change.kind if change else "first"]
        if index:
            link = compare_path(record.slug, record.versions[index - 1].id, version.id)
        else:
            link = version_path(record.slug, version.id)
        entries.append(
            FeedEntry(
                id=base + site_url(lang, version_path(record.slug, version.id)),
                title=t["feed_entry_title"].format(
                    name=record.organisation.name, date=format_date(version.date, lang), kind=kind
                ),
                updated=_timestamp(version),
                link=base + site_url(lang, link),
                summary=change.summary[lang] if change else kind,
            )
        )
    return entries


def _feed(lang: str, base: str, path: str, title: str, page: str, entries: list[FeedEntry]) -> Feed:
    entries = sorted(entries, key=lambda e: (e.updated, e.id), reverse=True)
    return Feed(
        lang=lang,
        id=base + site_url(lang, path),
        title=title,
        self_url=base + site_url(lang, path),
        page_url=base + site_url(lang, page),
        updated=entries[0].updated if entries else "1970-01-01T00:00:00Z",
        entries=tuple(entries),
    )


def feeds(archive: Archive, lang: str, base_url: str) -> Iterator[tuple[str, Feed]]:
    """(output path relative to the site root, feed) for every feed of ``lang``.

    ``base_url`` is the site's absolute address (``https://user.github.io/repo/``).
    """
    base = base_url if base_url.endswith("/") else base_url + "/"
    t = labels(lang)
    everything: list[FeedEntry] = []
    for record in archive.organisations:
        entries = _entries(record, lang, base)
        everything += entries
        title = t["org_feed_title"].format(name=record.organisation.name)
        yield (
            site_url(lang, feed_path(record.slug)),
            _feed(lang, base, feed_path(record.slug), title, notice_path(record.slug), entries),
        )
    newest = sorted(everything, key=lambda e: (e.updated, e.id), reverse=True)[:SITE_FEED_ENTRIES]
    yield site_url(lang, feed_path()), _feed(lang, base, feed_path(), t["site_feed_title"], "", newest)


def render_feeds(archive: Archive, lang: str, base_url: str, renderer: LiteRenderer) -> Iterator[tuple[str, str]]:
    template = renderer.env.get_template("seloste/feed.xml")
    for path, feed in feeds(archive, lang, base_url):
        yield path, template.render(feed=feed)
