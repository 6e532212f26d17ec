"""The date of a new version that ``seloste new-version``, ``seloste import`` and ``seloste track`` write, when the day
its text took effect is not known: the version is dated by the first day its text is known (today, for a text seen
today) and says ``changed_after``, the day after which it changed (data/README.md, "A version whose date is not
known"). A first version has no text before it: where the day it was first published is not known, it is dated by a
day its text is known to have been in force (today, for a text captured today) and says ``first_published: unknown``
(data/README.md, "A first version whose publication day is not known")."""

from __future__ import annotations

import datetime as dt

from ..archive.model import VersionRecord
from .usage import UsageError


def date_range(latest: VersionRecord, date: dt.date, *, after: dt.date | None, date_known: bool) -> dt.date | None:
    """The new version's ``changed_after``: ``after`` as given, else, where its date is not known (``date_known``
    false: no --date, no stated date later than the latest version's), the latest version's date; None where the date
    is known to the day. Refuses a range that is not after the latest version's date and before ``date``."""
    if after is None and date_known:
        return None
    chosen = after or latest.date
    if chosen < latest.date:
        raise UsageError(
            f"--changed-after {chosen.isoformat()} is before the latest version's date ({latest.id}): the text changed "
            "after the latest version took effect"
        )
    if chosen >= date:
        if after is not None:
            raise UsageError(
                f"--changed-after {chosen.isoformat()} is not before the version date {date.isoformat()}: give the day "
                "after which the text changed, or leave --changed-after out if the version date is the day it changed"
            )
        return None  # the version is dated the day after the latest: no day between them is unknown
    return chosen


def range_note(latest: VersionRecord, date: dt.date, after: dt.date) -> str:
    """What the command says it did, and what the person can narrow."""
    return (
        f"  changed_after: {after.isoformat()}: the day the text changed is not known, so the version is dated "
        f"{date.isoformat()}, the first day its text is known, and its pages say it changed between {after.isoformat()} "
        f"and {date.isoformat()}; give a later day if the previous text ({latest.id}) is known to have stood later (the "
        "last check that found it unchanged), or, if you learn the day, name the version by it and remove changed_after"
    )


def first_published_note(date: dt.date, *, given: bool) -> str:
    """What ``seloste import`` and ``seloste new-organisation`` say when they write ``first_published: unknown``."""
    why = (
        "--first-published-unknown: the day it was first published is not known"
        if given
        else "the notice states no date and no --date was given"
    )
    return (
        f"  first_published: unknown: {why}, so the version is dated {date.isoformat()}, a day its text is known to "
        f"have been in force, and its pages say it was in force by {date.isoformat()}, first published then or "
        "earlier; if you learn the day it was published, name the version by it (--date) and remove first_published"
    )
