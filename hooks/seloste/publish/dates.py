"""A date as pages show it: machine-readable for ``<time datetime>``, and written as a reader of the page's language
writes it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..labels import format_date


@dataclass(frozen=True, kw_only=True, slots=True)
class DateView:
    iso: str
    text: str


def date_view(date: dt.date, lang: str) -> DateView:
    return DateView(iso=date.isoformat(), text=format_date(date, lang))
