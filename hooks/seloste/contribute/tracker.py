"""``seloste track``: fetch the live notices the archive follows and record the ones that changed.

A notice changed when the words of its selected part of the page differ from those of its latest capture (its declared
noise left out): a change only in the page around the notice, or only in whitespace, where its lines break and markup,
is not a new version. For each notice that changed, the new captures and a draft version dated the day it was found
are written (importer.py), with ``changed_after``: the change happened after the last check that found the notice
unchanged (the tracking log's, else the latest version's date) and no later than today; a person sets the kind of
change, reviews the facts and translates. One source failing is reported and the others go on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..archive.capturetext import capture_sentences
from ..archive.errors import DataErrors
from ..archive.loader import CAPTURES_DIR, load_archive
from ..archive.model import Archive, OrganisationRecord, Version
from ..archive.organisation import TrackedPage
from ..compare.report import ReportItem, changes, render_report, render_unloadable
from ..markup.sitesource import text_file
from .carriednoise import page_noise
from .carrying import carried_note
from .extract import ExtractError, capture_of, page_title
from .fetch import FetchError, fetch
from .githubfile import Commit, branch_file, last_commit
from .importer import Page, draft_version, write_version
from .multilingual import capture_names, draft_languages
from .stateddate import latest_statement

Status = Literal["unchanged", "changed", "failed", "skipped"]


@dataclass(frozen=True, slots=True)
class Outcome:
    slug: str
    status: Status
    message: str
    written: tuple[Path, ...] = ()
    version: str | None = None
    """The draft version written, for a notice that changed."""
    gone: bool = False
    """Failed because the page or file is no longer at its address (removed or moved), not because it could not be
    reached or read today."""


def tracked(archive: Archive) -> list[OrganisationRecord]:
    return [record for record in archive.organisations if record.organisation.tracking]


def track(
    records: list[OrganisationRecord],
    data_dir: Path,
    *,
    jobs: int = 4,
    timeout: float = 20.0,
    today: dt.date | None = None,
    unchanged: dict[str, dt.date] | None = None,
) -> list[Outcome]:
    """Each record's outcome, in the order given; several fetched at a time. ``unchanged``: the last day each notice
    was found unchanged at its source, from the tracking log, for the range a change found today lies in."""
    day, seen = today or dt.date.today(), unchanged or {}
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(lambda record: _track(record, data_dir, day, timeout, seen.get(record.slug)), records))


def _words(capture: str, noise: tuple, page: int, url: str) -> list[str]:
    """The words of a capture's sentences, in order: where its lines break is no change of its text (a capture written
    by hand may wrap a sentence that the page's capture has on one line). A text file's "> 18" (``url``) is its text."""
    sentences = capture_sentences(capture, noise, page, quotes=not text_file(url))
    return " ".join(sentence.text for sentence in sentences).split()


def _track(record: OrganisationRecord, data_dir: Path, today: dt.date, timeout: float, unchanged: dt.date | None) -> Outcome:
    latest = record.current
    version = latest.version
    languages = version.published_in
    tracking = record.organisation.tracking
    read = _read(record, timeout)
    if isinstance(read, Outcome):
        return read
    pages, commits, titles = read
    changed: list[bool] = []  # each page's words against its capture's (the capture of its language, at its place)
    counted: dict[str, int] = {}
    noise = version.source.capture_noise
    for tracked_page, page in zip(tracking, pages, strict=True):
        lang = _lang(tracked_page, version)
        n = counted[lang] = counted.get(lang, -1) + 1
        old = latest.pages.get(lang, ())
        if n >= len(old):
            changed.append(True)
            continue
        now = page_noise(old[n], page.capture, noise, n)  # its lines named by number, where they stand now
        changed.append(_words(old[n], noise, n, page.name) != _words(page.capture, now, n, page.name))
    same = not any(changed) and all(len(latest.pages.get(lang, ())) == counted.get(lang, -1) + 1 for lang in languages)
    if same:
        return Outcome(record.slug, "unchanged", f"unchanged since {latest.id}")
    folder = data_dir / record.slug
    texts: dict[str, list[str]] = {}
    for tracked_page, page in zip(tracking, pages, strict=True):
        texts.setdefault(_lang(tracked_page, version), []).append(page.capture)
    statement = latest_statement({lang: "\n".join(captures) for lang, captures in texts.items()})[0]  # the latest any states
    stated = statement[0] if statement else None
    # changed after the last check that found it unchanged (else after the latest version's date), and by today:
    # on the date the notice states where that lies between (the archive's version date); for a repository's file, on
    # the day of the commit that changed it; else today, in a range
    after = max(latest.date, unchanged or latest.date)
    # the day the files whose words changed were last committed, where each is a repository's file
    made = [commit for commit, moved in zip(commits, changed, strict=True) if moved]
    committed = max(c.day for c in made) if made and None not in made else None  # type: ignore[union-attr]
    if committed is not None and committed <= latest.date:  # the text that commit made is not this version's
        return Outcome(
            record.slug,
            "failed",
            f"the file reads otherwise than version {latest.id}, though the last commit that changed it "
            f"({', '.join(c.id[:12] for c in made if c)}, {committed.isoformat()}) is not after that version: the version "
            "may not be the branch's latest text; read the file's history there and import what it shows",
        )
    changed_after = None
    if stated is not None and after < stated <= today:
        date = stated
    elif committed is not None and after < committed <= today:  # after the last check that found it unchanged
        date = committed
    else:
        date, changed_after = today, (after if after < today else None)
    if date <= latest.date or (folder / f"{date.isoformat()}.yaml").exists():
        return Outcome(record.slug, "skipped", f"changed, but version {latest.id} is dated today or later; look again tomorrow")
    controller = record.organisation.name
    try:
        if len(languages) > 1:  # the organisation's own texts, each its language's page, paired as import pairs them
            by_language = {_lang(t, version): page for t, page in zip(tracking, pages, strict=True)}  # one page each
            ordered: dict[str, Page] = {lang: by_language[lang] for lang in languages}
            paired = draft_languages(
                ordered, date=date, stated=stated, controller=controller, titles=titles, previous=version,
                changed_after=changed_after, previous_pages=latest.pages,
            )  # fmt: skip
            draft, carried, names = paired.version, paired.carried, list(capture_names(date, ordered).values())
            pages, pairing = list(ordered.values()), paired.pairing  # which sections it paired: for the reviewer to check
            notes = paired.notes
        else:
            draft, carried, _check, notes = draft_version(
                pages, lang=languages[0], date=date, stated=stated, controller=controller,
                fallback_title=titles.get(languages[0]), previous=version, changed_after=changed_after,
                previous_pages=latest.pages,
            )  # fmt: skip
            names, pairing = None, []
    except ExtractError as err:  # what the page shows is not in its source: a person imports it as the page renders
        return Outcome(record.slug, "failed", f"changed, but cannot be drafted: {err}")
    written = write_version(folder, date, draft, pages, names)
    return Outcome(
        record.slug,
        "changed",
        f"changed since {latest.id}: wrote {', '.join(p.relative_to(data_dir.parent).as_posix() for p in written)}"
        + (f"; {note}" if (note := carried_note(carried, latest.id)) else "")
        + "".join(f"\n{line}" for line in (*pairing, *notes)),  # and what the draft could not tell, for its reviewer
        tuple(written),
        date.isoformat(),
    )


def _lang(page: TrackedPage, version: Version) -> str:
    """The language of a followed page's text: its own ``lang``, else the version's (first) language."""
    return page.lang or version.published_in[0]


def _read(record: OrganisationRecord, timeout: float) -> Outcome | tuple[list[Page], list[Commit | None], dict[str, str | None]]:
    """Each followed page of ``record``, in order, read as its capture would be; the last commit of each that is a
    repository's file (else None); each language's page title. An Outcome instead where the notice needs reading no
    further (its files at the latest version's commits, asked first) or a page could not be read."""
    latest = record.current
    version, tracking = latest.version, record.organisation.tracking
    files = [branch_file(tracked_page.url) for tracked_page in tracking]
    try:  # a repository's file on a branch: its last commit there
        commits = [last_commit(file, timeout=timeout) if file is not None else None for file in files]
    except FetchError as err:
        return Outcome(record.slug, "failed", str(err), gone=err.gone)
    if all(c is not None and c.id == _pinned(version, _lang(t, version)) for c, t in zip(commits, tracking, strict=True)):
        return Outcome(record.slug, "unchanged", f"unchanged since {latest.id} (its commit, {commits[-1].id[:12]})")  # type: ignore[union-attr]
    pages: list[Page] = []
    titles: dict[str, str | None] = {}
    for tracked_page, file, commit in zip(tracking, files, commits, strict=True):
        try:
            fetched = fetch(file.at(commit.id).address if file and commit else tracked_page.url, timeout=timeout)
            capture = capture_of(
                fetched.text, select=tracked_page.select, remove=tracked_page.remove, base=fetched.url, name=tracked_page.url
            )
        except FetchError as err:  # its message names the address
            if file is not None and commit is not None and err.status == 404:  # the commit that last touched it took it away
                return Outcome(record.slug, "failed", _file_gone(tracked_page.url, file.ref, commit), gone=True)
            return Outcome(record.slug, "failed", str(err), gone=err.gone)
        except ExtractError as err:
            return Outcome(record.slug, "failed", f"{tracked_page.url}: {err}")
        pages.append(Page(fetched.url, capture, tracked_page.url))
        titles[_lang(tracked_page, version)] = titles.get(_lang(tracked_page, version)) or page_title(fetched.text)
    return pages, commits, titles


def _pinned(version: Version, lang: str) -> str | None:
    """The commit the version's text in ``lang`` was read at, where it names one."""
    commit = version.source.commit
    return commit if isinstance(commit, str) or commit is None else getattr(commit, lang)


def _file_gone(url: str, branch: str, commit: Commit) -> str:
    return (
        f"{url}: the file is not at its path at {commit.id[:12]} ({commit.day.isoformat()}), the last commit on {branch} "
        "that touched it: that commit removed or moved it; find where the notice is now and follow it there "
        "(organisation.yaml, tracking)"
    )


PLACEHOLDER_KIND = "substantive"
"""What the report reads the draft's unset kind of change as; the report says it is for a person to set."""


def draft_report(data_dir: Path, slug: str, version_id: str) -> str:
    """The change report of a draft version ``track`` wrote, before a person has set its kind of change and summary
    (which the data needs to load): the organisation without the draft against the organisation with it. A draft that
    does not load (a fact quoting words the change altered) gets what to fix, and its text's changes, read with the
    facts of both its version and the latest left out."""
    title = f"The notice of {slug} changed at its source"
    with tempfile.TemporaryDirectory(prefix="seloste-draft-") as tmp:
        before, after = Path(tmp) / "before" / "data", Path(tmp) / "after" / "data"
        shutil.copytree(data_dir / slug, after / slug)
        shutil.copytree(data_dir / slug, before / slug)
        (before / slug / f"{version_id}.yaml").unlink()
        for capture in (before / slug / CAPTURES_DIR).glob(f"{version_id}.*"):
            capture.unlink()
        draft = after / slug / f"{version_id}.yaml"
        text = draft.read_text(encoding="utf-8")
        text = (
            text.replace("kind: ''", f"kind: {PLACEHOLDER_KIND}", 1)
            .replace("fi: ''", "fi: '-'", 1)
            .replace("en: ''", "en: '-'", 1)
        )
        draft.write_text(text, encoding="utf-8")
        base = load_archive(before, root=before.parent)  # the organisation as track loaded it: valid
        try:
            head = load_archive(after, root=after.parent)  # its paths as the repository's: data/<slug>/...
        except DataErrors as errors:  # a fact whose quote the change altered, say: a person fixes the draft
            problems = [str(error) for error in errors.errors]
            latest = base.get(slug).current.id
            for folder, version in ((before, latest), (after, latest), (after, version_id)):
                _leave_facts_out(folder / slug / f"{version}.yaml")
            try:
                base, head = load_archive(before, root=before.parent), load_archive(after, root=after.parent)
            except DataErrors:
                return render_unloadable(title, problems)
            return render_unloadable(title, problems, _drafted(changes(base, head), version_id))
    return render_report(_drafted(changes(base, head), version_id), title)


def _drafted(items: list[ReportItem], version_id: str) -> list[ReportItem]:
    return [dataclasses.replace(item, draft=item.new.id == version_id) for item in items]


def _leave_facts_out(path: Path) -> None:
    """The version file at ``path`` with ``facts: {}``, the rest as it was: the block under its top-level ``facts:``
    (indented lines, comments and blank lines) left out."""
    kept: list[str] = []
    within = False
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if within and line[:1] in (" ", "#", "\n", "\r"):
            continue
        within = line.startswith("facts:")
        kept.append("facts: {}\n" if within else line)
    path.write_text("".join(kept), encoding="utf-8")
