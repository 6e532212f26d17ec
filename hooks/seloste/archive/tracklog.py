"""The tracking log: when ``seloste track`` last checked each tracked notice at its source, and what it found.

``seloste track --log FILE`` keeps it; the site is built with it (``SELOSTE_TRACKING_LOG``, read by mkdocs.yml
into ``extra.tracking_log``), so that a notice page can say when the archive last saw its notice unchanged at its
source. It is not part of data/: it changes every day without any notice changing, it is the tracking job's own
record rather than a contribution, and a pull request cannot change it. The published site's log lives on its own
branch (.github/workflows/track.yml). A build given no log says it has no record of the checks; a build of the same
commit with the same log is the same site.

The log is YAML read with the data's own loader, so a damaged log is refused with the place of each problem.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Literal

from .decode import decode_file
from .emit import plain, yaml_text
from .errors import DataError, DataErrors, Location
from .types import Slug, Text
from .yamlsource import YamlFileError, read_yaml

FORMAT: Literal["1"] = "1"
"""The log's format; a log of another format is refused (it would be read wrong)."""

CheckStatus = Literal["unchanged", "changed", "failed"]
VersionId = Annotated[str, Text(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "a version id such as '2026-11-01'")]


@dataclass(frozen=True, kw_only=True, slots=True)
class NoticeCheck:
    """The latest check of one organisation's notice at its source."""

    slug: Slug
    checked: dt.date
    """The day of the latest check."""
    status: CheckStatus
    """What it found: the text the same as ``version``'s, different, or the source could not be read."""
    version: VersionId
    """The archive's latest version when it checked: what the source was compared with."""
    unchanged: dt.date | None = None
    """The latest day the source was found the same as ``version`` (kept through later failed checks)."""
    changed: dt.date | None = None
    """The first day the source was found different from ``version`` (kept while the new version awaits review)."""
    gone: dt.date | None = None
    """The first day of the failed checks in a row that found the notice no longer at its address (the page answered
    404 or 410, or a commit removed or moved the repository's file); only on a failed check."""


@dataclass(frozen=True, kw_only=True, slots=True)
class TrackingLog:
    format: Literal["1"]
    notices: tuple[NoticeCheck, ...] = ()

    def get(self, slug: str) -> NoticeCheck | None:
        return next((check for check in self.notices if check.slug == slug), None)

    def with_check(self, check: NoticeCheck) -> TrackingLog:
        """The log with ``check`` in place of the slug's previous one; notices in slug order."""
        kept = [old for old in self.notices if old.slug != check.slug]
        return replace(self, notices=tuple(sorted([*kept, check], key=lambda c: c.slug)))


EMPTY = TrackingLog(format=FORMAT)


def load_log(file: Path, root: Path | None = None) -> TrackingLog:
    """The log in ``file``. Raises DataErrors, each with its place, for a log that cannot be read as one."""
    try:
        path, node = read_yaml(file, root, data_file=False)
    except YamlFileError as err:
        raise DataErrors([err.error]) from None
    log, decoder = decode_file(path, node, TrackingLog)
    errors = list(decoder.errors)
    if log is not None:
        seen: set[str] = set()
        for index, check in enumerate(log.notices):
            where = decoder.locations.get(f"notices[{index}]", Location(path))
            if check.slug in seen:
                errors.append(DataError(where, f"{check.slug!r} is logged twice; each notice has one entry"))
            seen.add(check.slug)
            errors += [DataError(where, problem) for problem in _problems(check)]
    if errors:
        raise DataErrors(errors)
    assert log is not None
    return log


def named_log(project: Path, named: str | None) -> Path | None:
    """The tracking log a build is given (mkdocs.yml's ``extra.tracking_log``, from SELOSTE_TRACKING_LOG), relative
    to ``project``; None if none is named. Raises DataErrors if it names no file: a deploy that meant to pass the log
    must not publish pages that say there is no record of the checks."""
    if not named:
        return None
    path = project / named
    if not path.is_file():
        message = "the tracking log (extra.tracking_log, SELOSTE_TRACKING_LOG) names this file, which is not there"
        raise DataErrors([DataError(Location(str(named)), message)])
    return path


def _problems(check: NoticeCheck) -> list[str]:
    problems = []
    for name in ("unchanged", "changed", "gone"):
        day = getattr(check, name)
        if day is not None and day > check.checked:
            problems.append(f"{check.slug}: {name} ({day}) is after the day of the check ({check.checked})")
    if check.status == "unchanged" and check.unchanged != check.checked:
        problems.append(f"{check.slug}: a check that found the notice unchanged has 'unchanged' on its own day")
    if check.status == "changed" and check.changed is None:
        problems.append(f"{check.slug}: a check that found the notice changed says since when ('changed')")
    if check.gone is not None and check.status != "failed":
        problems.append(f"{check.slug}: only a failed check found the notice gone ('gone'); this one is {check.status}")
    return problems


def dump_log(log: TrackingLog) -> str:
    """The log as YAML, notices in slug order, only the fields that are set."""
    ordered = replace(log, notices=tuple(sorted(log.notices, key=lambda c: c.slug)))
    head = "# The archive's tracking log, kept by `seloste track --log`: the latest check of each tracked notice.\n"
    return head + yaml_text(plain(ordered))


def next_check(
    previous: NoticeCheck | None, *, slug: str, today: dt.date, status: CheckStatus, version: str, gone: bool = False
) -> NoticeCheck:
    """The check of ``today``, after ``previous``. What a check against an earlier version found says nothing of
    this one: the days carried over are those of checks against the same version. ``gone``: a failed check found the
    notice no longer at its address; the day it was first found so is kept while every check since has."""
    same = previous if previous is not None and previous.version == version else None
    unchanged = today if status == "unchanged" else (same.unchanged if same else None)
    changed: dt.date | None
    if status == "changed":
        changed = (same.changed if same and same.changed else None) or today
    elif status == "failed":
        changed = same.changed if same else None
    else:
        changed = None
    missing = ((same.gone if same and same.gone else None) or today) if status == "failed" and gone else None
    return NoticeCheck(
        slug=slug, checked=today, status=status, version=version, unchanged=unchanged, changed=changed, gone=missing
    )
