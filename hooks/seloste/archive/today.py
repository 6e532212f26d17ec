"""Today's date, for the one rule of an organisation's own checks that reads it: nothing is dated after today.

Each date compared with today is noted while an organisation is checked (``compared``). An outcome found on a day
when none of them was after that day is the outcome of every later day too, as the dates stay behind it: the
validation cache keeps it across days (``lasts``). An outcome that found a date after its day is checked again on
another day, when that date may have come.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

_noting: list[list[dt.date]] = []
"""The dates compared with today in each block of ``compared`` open, innermost last."""


def today() -> dt.date:
    """Today's date, as every check reads it."""
    return dt.date.today()


def after_today(date: dt.date) -> bool:
    """Whether ``date`` is after today; noted for the outcome being found."""
    if _noting:
        _noting[-1].append(date)
    return date > today()


@dataclass(frozen=True, slots=True)
class Noted:
    """The day a block of checks began on, and the dates they compared with today (added as they run)."""

    day: dt.date
    dates: list[dt.date]


@contextmanager
def compared() -> Iterator[Noted]:
    """The day the block begins on, and the dates compared with today within it. An outcome is dated by the day its
    checks began: one that ran past midnight is held to that day, and a date it compared after it is found again."""
    noted = Noted(today(), [])
    _noting.append(noted.dates)
    try:
        yield noted
    finally:
        _noting.pop()


def lasts(found_on: dt.date, latest: dt.date | None, on: dt.date) -> bool:
    """Whether an outcome found on ``found_on``, whose latest date compared with today was ``latest`` (None: none),
    is the outcome on ``on``: the same day, or a later one when no date compared was after ``found_on``."""
    return found_on == on or (found_on < on and (latest is None or latest <= found_on))
