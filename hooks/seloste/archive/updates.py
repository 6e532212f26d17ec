"""Declared changes to an organisation's published details (``updates`` in organisation.yaml).

``seloste check`` requires one for every change of the details (contribute/policy.py); here,
what holds for any archive: each is dated, oldest first, no later than today, and gives a
reason of its own in each language.
"""

from __future__ import annotations

import datetime as dt

from .model import Organisation


def update_problems(organisation: Organisation) -> list[tuple[str, str]]:
    """(field name, message) for each declared update that cannot be right."""
    problems: list[tuple[str, str]] = []
    today = dt.date.today()
    previous: dt.date | None = None
    for index, update in enumerate(organisation.updates):
        name = f"updates[{index}]"
        if update.date > today:
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
