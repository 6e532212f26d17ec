"""A date as pages show it: machine-readable for ``<time datetime>``, and written as a reader of the page's language
writes it. A version's date is a day, or, for a version whose date is known only as a range (``changed_after``), the
range: every page that names a version names it by :func:`version_date_view`, so none shows a day the text did not
change on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..archive.model import VersionRecord
from ..labels import format_date, labels


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


def date_view(date: dt.date, lang: str) -> DateView:
    return DateView(iso=date.isoformat(), text=format_date(date, lang))


def version_date_view(record: VersionRecord, lang: str) -> DateView:
    """A version's date: its day, or the range it is known to lie in (after ``changed_after``, no later than the
    version date)."""
    last = date_view(record.date, lang)
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
    """A version's date in words: ``3.12.2026``, or its range ``15.3.2026–3.12.2026``."""
    return version_date_view(record, lang).text
