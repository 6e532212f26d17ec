"""A version whose date is known only as a range: ``changed_after`` and the version date (the file name).

A version's date is the day its text took effect. Where that day is not known (a change of a notice that kept the
date it states, found in a git history whose commit dates are lost, or by the tracker between two daily checks), the
version is named by the first day its text is known (the day it was recorded, or the check that saw it) and says
``changed_after``: the last day the previous text is known to have stood. Every page then says "between
<changed_after> and <version date>" rather than a day the text did not change on.
"""

from __future__ import annotations

from .model import VersionRecord


def range_problems(record: VersionRecord, previous: VersionRecord | None) -> list[str]:
    """What is wrong with a version's date range (``changed_after``): it lies after the previous version's date and
    before the version's own (the file name, the range's last day); a first version has no previous text to change
    from."""
    after = record.version.changed_after
    if after is None:
        return []
    if previous is None:
        return [
            f"changed_after: {after}: the first version of an organisation has no previous text to change from; its "
            "date (the file name) is the earliest day it is known to have been published: remove 'changed_after'"
        ]
    if after >= record.date:
        return [
            f"changed_after: {after} is not before the version date {record.date} (the file name), the last day of the "
            "range: give the day after which the text changed, before the version date, or remove 'changed_after' if "
            "the version date is the day it changed"
        ]
    if after < previous.date:
        return [
            f"changed_after: {after} is before the previous version's date {previous.date} ({previous.id}.yaml): the text "
            f"changed after the previous version took effect; give {previous.date} or later"
        ]
    return []
