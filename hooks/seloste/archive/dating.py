"""A version whose date is known only as a range: ``changed_after`` and the version date (the file name).

A version's date is the day its text took effect. Where that day is not known (a change of a notice that kept the
date it states, found in a git history whose commit dates are lost, or by the tracker between two daily checks), the
version is named by the first day its text is known (the day it was recorded, or the check that saw it) and says
``changed_after``: the last day the previous text is known to have stood. Every page then says "between
<changed_after> and <version date>" rather than a day the text did not change on.

An organisation's first version has no previous text; where the day it was first published is not known, it is named
by a day its text is known to have been in force (the day it was captured, or the day a commit or an archive snapshot
shows it) and says ``first_published: unknown``: every page then says it was in force by that day, first published
then or earlier, rather than that it was published on it.
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


def first_published_problems(record: VersionRecord, previous: VersionRecord | None) -> list[str]:
    """What is wrong with ``first_published: unknown``: only a first version may say it; a later one's text came
    after the previous version's, and where the day it changed is not known, ``changed_after`` says so."""
    if record.version.first_published is None or previous is None:
        return []
    return [
        f"first_published: {record.version.first_published}: only an organisation's first version may say its "
        f"publication day is not known; this version follows {previous.id}.yaml, so its text was published after "
        f"{previous.date}: remove 'first_published', and if the day it changed is not known, give "
        f'changed_after: "{previous.id}" (the last day the previous text is known to have stood)'
    ]
