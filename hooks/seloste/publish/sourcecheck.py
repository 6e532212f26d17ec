"""What a notice page says about the notice at its source: whether the archive follows it, and when it last saw it
unchanged there.

"Current" on this site means the latest version the archive holds, not the notice in force: the organisation may
have changed its notice since. This line says how far that can be, from the tracking log the site was built with
(``seloste.archive.tracklog``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..archive.model import OrganisationRecord
from ..archive.organisation import TrackedPage
from ..archive.tracklog import TrackingLog
from .dates import DateView, date_view

SourceState = Literal["not_tracked", "no_record", "not_yet", "unchanged", "changed", "failed", "gone"]


@dataclass(frozen=True, kw_only=True, slots=True)
class SourceCheckView:
    state: SourceState
    """not_tracked: the archive does not follow the notice; no_record: it does, but the site was built without the
    tracking log or the log has no check of it yet; not_yet: no check since the latest version was recorded;
    unchanged, changed, failed: what the latest check found; gone: the latest check, and each since ``gone``, found
    the notice no longer at its address (removed, or moved elsewhere)."""
    checked: DateView | None = None
    """The day of the latest check (changed, failed)."""
    unchanged: DateView | None = None
    """The latest day the notice was found unchanged at its source."""
    changed: DateView | None = None
    """The first day the notice was found changed (changed, and failed after a change)."""
    gone: DateView | None = None
    """The first day the notice was found no longer at its address (gone)."""
    sources: tuple[TrackedPage, ...] = ()
    """The pages the archive follows: each address, and the part of the page it reads (``select``, ``remove``)."""

    @property
    def day(self) -> DateView | None:
        """The day the line names for what the latest check found: the last day the notice was found unchanged, the
        first day it was found changed or gone, or the day of the check that failed; None before any check."""
        return {"unchanged": self.unchanged, "changed": self.changed, "gone": self.gone, "failed": self.checked}.get(self.state)


def source_check(record: OrganisationRecord, log: TrackingLog | None, lang: str) -> SourceCheckView:
    tracking = record.organisation.tracking
    if not tracking:
        return SourceCheckView(state="not_tracked")
    sources = tuple(tracking)
    check = log.get(record.slug) if log is not None else None
    if check is None:
        return SourceCheckView(state="no_record", sources=sources)
    if check.version != record.current.id:
        # The check compared the source with another version: what it found says nothing of this one.
        return SourceCheckView(state="not_yet", sources=sources)
    return SourceCheckView(
        state="gone" if check.gone else check.status,
        checked=date_view(check.checked, lang),
        unchanged=date_view(check.unchanged, lang) if check.unchanged else None,
        changed=date_view(check.changed, lang) if check.changed else None,
        gone=date_view(check.gone, lang) if check.gone else None,
        sources=sources,
    )
