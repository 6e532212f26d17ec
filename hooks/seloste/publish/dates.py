"""A date as pages show it: machine-readable for ``<time datetime>``, and written as a reader of the page's language
writes it. A version's date is a day, or, for a version whose date is known only as a range (``changed_after``), the
range; for an organisation's first version whose publication day is not known (``first_published: unknown``), the day
it was in force by, "or earlier": every page that names a version names it by :func:`version_date_view`, so none shows
a day the text did not change on, or says a text was published on a day it was only known to be in force."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from ..archive.model import Version, VersionRecord
from ..labels import format_date, format_month, labels


@dataclass(frozen=True, kw_only=True, slots=True)
class DateView:
    iso: str
    """The day; for a range, its last day (the version date)."""
    text: str
    """As the page's language writes it; for a range, the range: ``15.3.2026–3.12.2026``."""
    after: DateView | None = None
    """A version dated only as a range: the day after which its text changed."""
    last: DateView | None = None
    """A version dated only as a range: the range's last day, the first day the text is known (the version date)."""
    between: str | None = None
    """A version dated only as a range, in a sentence: ``between 15 March 2026 and 3 December 2026``."""
    by: DateView | None = None
    """A first version whose publication day is not known: the day its text is known to have been in force by."""
    in_force_by: str | None = None
    """The same in a sentence: ``in force by 4 December 2026; first published then or earlier``."""


@functools.lru_cache(maxsize=1 << 13)
def date_view(date: dt.date, lang: str) -> DateView:
    """Remembered (the view is immutable): a version's date is shown on each of its organisation's pages, in the
    timeline of each version's page, the history, the feed."""
    return DateView(iso=date.isoformat(), text=format_date(date, lang))


def stated_view(version: Version, lang: str) -> DateView | None:
    """The date the notice states: its day (``stated_date``), or the month where it states a month only
    (``stated_month``: ``1/2025``, ``January 2025``); None where it states neither."""
    if version.stated_date is not None:
        return date_view(version.stated_date, lang)
    if version.stated_month is None:
        return None
    year, month = (int(part) for part in version.stated_month.split("-"))
    return DateView(iso=version.stated_month, text=format_month(year, month, lang))


def version_date_view(record: VersionRecord, lang: str) -> DateView:
    """A version's date: its day, the range it is known to lie in (after ``changed_after``, no later than the
    version date), or the day a first version was in force by (``first_published: unknown``)."""
    last = date_view(record.date, lang)
    if record.published_by:
        short, sentence = labels(lang)["date_by"], labels(lang)["date_by_sentence"]
        return DateView(
            iso=last.iso,
            text=short["before"] + last.text + short["end"],
            by=last,
            in_force_by=sentence["before"] + last.text + sentence["end"],
        )
    if record.changed_after is None:
        return last
    after = date_view(record.changed_after, lang)
    span, between = labels(lang)["date_span"], labels(lang)["date_between"]
    return DateView(
        iso=last.iso,
        text=after.text + span + last.text,
        after=after,
        last=last,
        between=between["before"] + after.text + between["middle"] + last.text + between["end"],
    )


def version_date_text(record: VersionRecord, lang: str) -> str:
    """A version's date in words: ``3.12.2026``, its range ``15.3.2026–3.12.2026``, or ``4.12.2026 (tai aiemmin)``."""
    return version_date_view(record, lang).text


def correction_lines(version: Version, lang: str, label: str = "history_corrected") -> tuple[str, ...]:
    """A line for each correction the archive made to ``version``: when and why, in the words of ``label`` (the
    history's, or the comparison's, which names the versions itself)."""
    line = labels(lang)[label]
    return tuple(line.format(date=date_view(c.date, lang).text, reason=c.reason[lang]) for c in version.corrections)
