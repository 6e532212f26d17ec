"""What the top of a notice page tells before its text: whose notice it is, which version and from when, what
changed last, and every version at a glance.

Each piece is a small view of its own, decided here and rendered by ``overrides/seloste/notice-article.html``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from ..archive.model import OrganisationRecord, VersionRecord
from ..labels import labels
from .dates import DateView, date_view, stated_view, version_date_view
from .urls import compare_path, notice_path, site_url, version_path

_LEGAL_FORMS = re.compile(
    r"(?:[\s,]+(?:oyj|oy|ab|abp|ry|rf|ky|ay|tmi|osk|sr|ltd|llc|inc|plc|gmbh|as|aps|corp)\.?)+$", re.IGNORECASE
)
"""A company form at the end of a name (``Visiosto oy``, ``Acme Ab Oy``): a title naming the organisation seldom
repeats it (``Visiosto oy:n tietosuojaseloste``, ``Micro Magicin tietosuojaseloste``)."""


def names_organisation(title: str, name: str) -> bool:
    """Does the notice's title name the organisation (its name without the company form, at a word's start)?"""
    stem = _LEGAL_FORMS.sub("", name).strip() or name
    return re.search(r"(?<!\w)" + re.escape(stem.casefold()), title.casefold()) is not None


@dataclass(frozen=True, kw_only=True, slots=True)
class HeadingView:
    """The page's ``<h1>``: the notice's own title, after the organisation's name where the title does not name it."""

    organisation: str | None
    """Shown before the title; None when the title names the organisation already."""
    title: Markup
    """The notice's own title, as it has it."""
    text: str
    """The whole heading as plain text (the page's ``<title>``)."""


def heading_view(organisation: str, title: Markup, title_text: str) -> HeadingView:
    named = names_organisation(title_text, organisation)
    return HeadingView(organisation=None if named else organisation, title=title, text=heading_text(organisation, title_text))


def heading_text(organisation: str, title_text: str) -> str:
    """The heading as plain text: ``Infocrea Oy: Tietosuojaseloste``, ``Micro Magicin tietosuojaseloste``."""
    return title_text if names_organisation(title_text, organisation) else f"{organisation}: {title_text}"


@dataclass(frozen=True, kw_only=True, slots=True)
class DateLine:
    """The version's three dates in one line, each explained on demand."""

    version: DateView
    """The version date: the date the notice states, else the earliest it is known to have been published; for a
    version dated only as a range (``changed_after``), the range."""
    stated: DateView | None
    """The date the notice itself states; None if it states none."""
    stated_is_version: bool
    """The version is named by the date the notice states (the line says so once instead of twice)."""
    recorded: DateView


def date_line(shown: VersionRecord, lang: str) -> DateLine:
    stated = shown.version.stated_date
    return DateLine(
        version=version_date_view(shown, lang),
        stated=stated_view(shown.version, lang),
        stated_is_version=stated == shown.date and shown.changed_after is None and not shown.published_by,
        recorded=date_view(shown.version.recorded_date, lang),
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class ChangeLine:
    """What a version changed from the one before it, in a sentence, with the comparison of the two."""

    latest: bool
    """The current version's change (the notice's latest); else an earlier version's own."""
    date: DateView
    kind: str
    summary: str | None
    """The archive's one-line summary; None where the version declares none."""
    compare_url: str
    """The comparison of the previous version with this one."""


def change_line(record: OrganisationRecord, shown: VersionRecord, lang: str) -> ChangeLine | None:
    """None for the first version recorded: there is nothing before it to compare with."""
    index = record.versions.index(shown)
    if index == 0:
        return None
    change = shown.version.change
    return ChangeLine(
        latest=shown is record.current,
        date=version_date_view(shown, lang),
        kind=str(labels(lang)["change_kinds"][change.kind if change else "substantive"]),
        summary=change.summary[lang] if change else None,
        compare_url=site_url(lang, compare_path(record.slug, record.versions[index - 1].id, shown.id)),
    )


TIMELINE_MAX = 8
"""Versions the timeline names at most: the first, the latest ones and the one the page shows; the history page
lists them all."""


@dataclass(frozen=True, kw_only=True, slots=True)
class TimelineEntry:
    date: DateView
    url: str
    """The version's page (the notice page for the current version)."""
    is_current: bool
    is_shown: bool
    """The version this page shows."""
    after_gap: bool
    """Versions between the previous entry and this one are left out."""


def timeline(record: OrganisationRecord, shown: VersionRecord, lang: str) -> tuple[TimelineEntry, ...]:
    """The versions, oldest first: every one, or at most TIMELINE_MAX of them with gaps marked."""
    slug = record.slug
    versions = record.versions
    last, index = len(versions) - 1, versions.index(shown)
    tail = TIMELINE_MAX - 1  # after the first version, the latest ones
    if 0 < index <= last - tail:
        tail -= 1  # and the shown one between them
    named = {0, index, *range(max(1, last - tail + 1), last + 1)}
    order = sorted(named)
    return tuple(
        TimelineEntry(
            date=version_date_view(versions[i], lang),
            url=site_url(lang, notice_path(slug) if versions[i] is record.current else version_path(slug, versions[i].id)),
            is_current=versions[i] is record.current,
            is_shown=versions[i] is shown,
            after_gap=position > 0 and i - order[position - 1] > 1,
        )
        for position, i in enumerate(order)
    )
