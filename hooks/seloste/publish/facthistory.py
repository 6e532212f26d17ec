"""How each fact of the at-a-glance panel read in every version of a notice, oldest first.

A fact's history is worked out from what the panel shows for each version (:func:`~.factlines.glance`), so it
reads exactly as the panel would have read then: the data protection officer of Planeetta Internet was not stated
in 2010, Heidi Eronen in 2021 and Salla Vainionpää since 2022. Versions that state a fact alike are one period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..archive.model import OrganisationRecord, VersionRecord
from .dates import DateView, version_date_view
from .factlines import FactLine, GlanceRow, glance
from .urls import notice_path, site_url, version_path

PeriodShows = Literal["none", "value", "entries", "changes"]
"""How a period reads: not stated; its one value; all its entries (a list fact's first period); the entries it
added and removed (a list fact's later periods)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class FactPeriod:
    """Versions in a row that state a fact alike, named by the first of them."""

    date: DateView
    url: str
    """The page of the period's first version (the notice page for the current version)."""
    is_current: bool
    """The period's first version, whose date names it, is the current version. A period that began earlier and
    reaches the current version is not: its date is not the latest version's."""
    lines: tuple[str, ...]
    """What the fact said, a line per entry; empty where the notice did not state it."""
    added: tuple[str, ...]
    """Entries it gained from the period before (everything, for the first period)."""
    removed: tuple[str, ...]
    """Entries of the period before that it no longer has."""
    shows: PeriodShows


@dataclass(frozen=True, kw_only=True, slots=True)
class FactHistory:
    field: str
    periods: tuple[FactPeriod, ...]
    """Oldest first; one for a fact every version states alike."""
    listed: bool
    """Some version states more than one entry: each period is told by what it added and removed, not in full."""

    @property
    def changes(self) -> int:
        return len(self.periods) - 1


def line_text(line: FactLine) -> str:
    """An entry as the panel writes it: ``palvelujen kohdentaminen (oikeusperuste: sopimus)``."""
    return f"{line.text} ({line.detail})" if line.detail else line.text


def periods(values: Sequence[tuple[str, ...]]) -> list[tuple[int, tuple[str, ...]]]:
    """(index of the first version, value) for each run of versions with the same value, oldest first."""
    runs: list[tuple[int, tuple[str, ...]]] = []
    for index, value in enumerate(values):
        if not runs or runs[-1][1] != value:
            runs.append((index, value))
    return runs


def version_glances(record: OrganisationRecord, lang: str) -> tuple[tuple[GlanceRow, ...], ...]:
    """What the panel shows for each version's facts (:func:`~.factlines.glance`), oldest first. A version that
    states its facts as the one before it did (most do) shares that version's rows; the organisation asked for last
    is remembered (its notice page asks for the history and the current rows one after the other)."""
    global _last
    last = _last
    if last is not None and last[0] is record.versions and last[1] == (record.slug, lang):
        return last[2]
    made: list[tuple[GlanceRow, ...]] = []
    for index, shown in enumerate(record.versions):
        facts = shown.version.facts
        same = index > 0 and facts == record.versions[index - 1].version.facts
        made.append(made[-1] if same else glance(facts, record.slug, lang))
    _last = (record.versions, (record.slug, lang), tuple(made))
    return _last[2]


_last: tuple[tuple[VersionRecord, ...], tuple[str, str], tuple[tuple[GlanceRow, ...], ...]] | None = None
"""The versions last asked for (held: no other tuple can take their identity), for which organisation and language,
and their rows."""


def fact_histories(record: OrganisationRecord, lang: str) -> dict[str, FactHistory]:
    """Every fact of the panel, by its field, across the organisation's versions."""
    slug = record.slug
    glances = version_glances(record, lang)
    read: dict[int, dict[str, tuple[str, ...]]] = {}  # by the rows' identity: versions that share rows share this
    for rows in glances:
        if id(rows) not in read:
            read[id(rows)] = {row.field: tuple(line_text(line) for line in row.lines) for row in rows}
    by_version = [read[id(rows)] for rows in glances]
    histories: dict[str, FactHistory] = {}
    for field_name in by_version[-1]:
        values = [fields.get(field_name, ()) for fields in by_version]
        runs = periods(values)
        listed = any(len(v) > 1 for v in values)
        made = []
        for position, (first, value) in enumerate(runs):
            before = runs[position - 1][1] if position else ()
            version = record.versions[first]
            current = version is record.current
            made.append(
                FactPeriod(
                    date=version_date_view(version, lang),
                    url=site_url(lang, notice_path(slug) if current else version_path(slug, version.id)),
                    is_current=current,
                    lines=value,
                    added=tuple(line for line in value if line not in before),
                    removed=tuple(line for line in before if line not in value),
                    shows=_shows(value, listed=listed, first=not position),
                )
            )
        histories[field_name] = FactHistory(field=field_name, periods=tuple(made), listed=listed)
    return histories


def _shows(value: tuple[str, ...], *, listed: bool, first: bool) -> PeriodShows:
    if not listed or first:
        return "none" if not value else "entries" if listed else "value"
    return "changes"
