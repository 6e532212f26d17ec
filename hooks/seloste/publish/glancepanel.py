"""The "at a glance" panel of a current notice: every fact, stated or not, linked to its section, with how it
changed across the versions and what in it no longer applies.

Each fact the notice states is one line (its first entry, how many more, whether it changed or cites what no
longer applies) that opens on all its entries, each linked to its section, and its history. The facts it does not
state are named together in one line. The panel stays short on a phone, and the notice's text follows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..archive.model import OrganisationRecord
from ..labels import labels, plural
from .checklist import OutdatedView, outdated_views
from .facthistory import FactHistory, fact_histories, version_glances
from .factlines import FactLine


@dataclass(frozen=True, kw_only=True, slots=True)
class PanelLine:
    text: str
    detail: str
    href: str
    """The section that states it."""
    outdated: str | None
    """Where the panel explains that the law or mechanism it cites no longer applies (``#sl-outdated-privacy-shield``)."""
    flag: str | None = None
    """What is wrong in it as the notice states it (a business ID that is not a valid one), in words."""


@dataclass(frozen=True, kw_only=True, slots=True)
class PanelRow:
    field: str
    label: str
    lines: tuple[PanelLine, ...]
    """Empty when the current version does not state it."""
    inline: bool
    """Short entries without details, read best as one run of text."""
    history: FactHistory
    preview: str
    """The summary line: the first entry (the first that no longer applies, if any), or "not stated"."""
    more: str | None
    """How many entries the summary line does not name (``ja 12 muuta``)."""
    outdated: bool
    """An entry cites a law or mechanism that no longer applies."""
    flagged: bool = False
    """An entry is wrong as the notice states it."""

    @property
    def changed(self) -> bool:
        return self.history.changes > 0


@dataclass(frozen=True, kw_only=True, slots=True)
class Unstated:
    """A fact no version of the notice states."""

    field: str
    label: str


@dataclass(frozen=True, kw_only=True, slots=True)
class GlancePanel:
    rows: tuple[PanelRow, ...]
    """The facts the notice states, and those it stated in an earlier version (their history says when)."""
    unstated: tuple[Unstated, ...]
    outdated: tuple[OutdatedView, ...]
    """Laws and mechanisms the notice cites that no longer apply, with their sources (as its checklist)."""
    flags: tuple[str, ...]
    """What is wrong in its facts as the notice states them (a business ID that is not a valid one), in words."""
    several_versions: bool
    """The archive holds more than one version: a fact that never changed says so."""


def outdated_anchor(law: str) -> str:
    return f"#sl-outdated-{law}"


def glance_panel(record: OrganisationRecord, lang: str) -> GlancePanel:
    """The panel of the organisation's current notice."""
    current = record.current
    outdated = outdated_views(current.version, current.known_from, record.slug, lang)
    ended = {o.law for o in outdated}
    histories = fact_histories(record, lang)
    t = labels(lang)
    rows = []
    unstated = []
    for row in version_glances(record, lang)[-1]:  # the current version's, as its history has them
        lines = tuple(_panel_line(line, ended) for line in row.lines)
        history = histories[row.field]
        if not lines and not history.changes:
            unstated.append(Unstated(field=row.field, label=row.label))
            continue
        rows.append(
            PanelRow(
                field=row.field,
                label=row.label,
                lines=lines,
                inline=row.inline,
                history=history,
                preview=_first(lines).text if lines else str(t["not_stated"]),
                more=plural(t["fact_more"], len(lines) - 1).format(count=len(lines) - 1) if len(lines) > 1 else None,
                outdated=any(line.outdated for line in lines),
                flagged=any(line.flag for line in lines),
            )
        )
    flags = tuple(dict.fromkeys(line.flag for row in rows for line in row.lines if line.flag))
    return GlancePanel(
        rows=tuple(rows), unstated=tuple(unstated), outdated=outdated, flags=flags, several_versions=len(record.versions) > 1
    )


def _panel_line(line: FactLine, ended: set[str]) -> PanelLine:
    law = next((law for law in line.laws if law in ended), None)
    return PanelLine(
        text=line.text,
        detail=line.detail,
        href=line.href,
        outdated=outdated_anchor(law) if law else None,
        flag=line.flag,
    )


def _first(lines: tuple[PanelLine, ...]) -> PanelLine:
    """The entry the summary line names: one that no longer applies comes first, as the line is marked for it."""
    return next((line for line in lines if line.outdated), lines[0])
