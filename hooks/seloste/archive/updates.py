"""Declared changes: to an organisation's published details (``updates`` in organisation.yaml) and to a
published version's text (its ``corrections``).

``seloste check`` requires one for every change (contribute/policy.py); here, what holds for any
archive: each is dated no later than today (an update oldest first; a correction after its version's
date and no earlier than the day it was recorded) and gives a reason of its own in each language.
"""

from __future__ import annotations

import datetime as dt
import re

from .hints import shorten
from .model import Organisation, Version
from .today import after_today


def update_problems(organisation: Organisation) -> list[tuple[str, str]]:
    """(field name, message) for each declared update that cannot be right."""
    problems: list[tuple[str, str]] = []
    previous: dt.date | None = None
    for index, update in enumerate(organisation.updates):
        name = f"updates[{index}]"
        if after_today(update.date):
            problems.append((f"{name}.date", f"{name}.date: {update.date} is after today"))
        elif previous and update.date < previous:
            problems.append(
                (f"{name}.date", f"{name}.date: {update.date} is before the update above it ({previous}); oldest first")
            )
        previous = update.date
        if " ".join(update.reason.fi.split()) == " ".join(update.reason.en.split()):
            problems.append(
                (f"{name}.reason", f"{name}.reason: the same text in Finnish and English; give the reason in each language")
            )
    return problems


def correction_problems(version: Version, date: dt.date) -> list[tuple[str, str]]:
    """(field name, message) for each correction of ``version`` (dated ``date``) that cannot be right. A correction
    fixes what the archive recorded: it is made after the version's date (dated on it, it would hide that the text
    changed after publication) and no earlier than the day the version was recorded."""
    problems: list[tuple[str, str]] = []
    earliest = max(date + dt.timedelta(days=1), version.recorded_date)
    for index, correction in enumerate(version.corrections):
        name = f"corrections[{index}]"
        if after_today(correction.date):
            problems.append((f"{name}.date", f"{name}.date: {correction.date} is after today"))
        elif correction.date < earliest:
            problems.append(
                (
                    f"{name}.date",
                    f"{name}.date: {correction.date} is before {earliest}: a correction is dated the day it was made, after "
                    f"the version's date ({date}) and no earlier than the day it was recorded ({version.recorded_date})",
                )
            )
        if _words(correction.reason.fi) == _words(correction.reason.en):
            problems.append(
                (
                    f"{name}.reason",
                    f"{name}.reason: the Finnish and the English reason are the same text "
                    f"({shorten(correction.reason.en, 60)!r}); say in each language what was corrected and why",
                )
            )
    return problems


def _words(text: str) -> list[str]:
    """A text's words, whatever their case, spacing and punctuation: what a reader would call the same text."""
    return re.findall(r"\w+", text.casefold())
