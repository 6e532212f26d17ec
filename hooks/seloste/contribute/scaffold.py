"""The drafts ``seloste new-organisation`` and ``seloste new-version`` write: the files a contributor fills in, the
source carried over where it still holds, and what to do next."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..archive.emit import dump, plain
from ..archive.folders import RESERVED_SLUGS
from ..archive.loader import CAPTURES_DIR
from ..archive.localized import ByLanguage
from ..archive.types import SLUG_PATTERN
from ..markup.sitesource import SUFFIXES, dialect_of
from .dating import date_range, first_published_note, range_note
from .usage import UsageError


def new_organisation(
    data: Path, slug: str, name: str, business_id: str | None, given: dt.date | None, *, unknown: bool = False
) -> int:
    """A new organisation's skeleton. Its version is dated ``given``, else today; dated today, or said to be
    (``unknown``) a day its text is known to have been in force rather than published, it says ``first_published:
    unknown``."""
    date, said = given or dt.date.today(), unknown
    unknown = unknown or given is None
    if not re.fullmatch(SLUG_PATTERN, slug) or slug in RESERVED_SLUGS:
        raise UsageError(f"{slug!r} is not a usable slug: lowercase a-z, 0-9 and single hyphens, not one of the site's own paths")
    _not_after_today(date)
    folder = data / slug
    if folder.exists():
        raise UsageError(f"{folder} already exists")
    (folder / "captures").mkdir(parents=True)
    organisation = {"name": name, **({"business_id": business_id} if business_id else {})}
    (folder / "organisation.yaml").write_text(dump(organisation, "organisation"), encoding="utf-8")
    empty = {"fi": "", "en": ""}
    version = {
        "recorded_date": dt.date.today().isoformat(),
        **({"first_published": "unknown"} if unknown else {}),
        "source": {"url": "", "capture": f"captures/{date.isoformat()}.txt"},
        "title": dict(empty),
        "sections": [{"id": "", "heading": dict(empty), "body": dict(empty)}],
        "facts": {"controller": {"name": name, "section": ""}},
    }
    path = folder / f"{date.isoformat()}.yaml"
    path.write_text(dump(version, "version"), encoding="utf-8")
    print(f"created {folder}/organisation.yaml and {path}")
    if unknown:
        print(first_published_note(date, given=said))
    print(f"next: save the notice as published into {folder}/captures/{date.isoformat()}.txt, fill in {path},")
    print("then run 'seloste validate': it names every field still to fill in (data/README.md explains each).")
    return 0


_COMMIT_HASH = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{40}(?![0-9a-fA-F])")
"""A full git commit id, as a URL or a capture's metadata line names the commit it was read at."""


def _names_commit(text: str, commit: str | ByLanguage | None) -> bool:
    commits = [commit] if isinstance(commit, str) else [commit[x] for x in commit.languages] if commit else []
    return bool(any(c and c in text for c in commits) or _COMMIT_HASH.search(text))


def _not_after_today(date: dt.date) -> None:
    """A version is dated when it was published or first seen: never a day still to come."""
    if date > dt.date.today():
        raise UsageError(f"--date {date.isoformat()} is after today; a version is dated when it was published or first seen")


def new_version(data: Path, record, given: dt.date | None, after: dt.date | None) -> int:
    latest, date = record.current, given or dt.date.today()
    if date <= latest.date:
        raise UsageError(f"a new version must be dated after the latest one ({latest.id}); give --date")
    _not_after_today(date)
    folder = data / record.slug
    path = folder / f"{date.isoformat()}.yaml"
    if path.exists():
        raise UsageError(f"{path} already exists")
    published_in = latest.version.published_in
    ending = capture_ending(folder / CAPTURES_DIR, date, latest.version.source.capture)
    names = (
        {lang: f"{CAPTURES_DIR}/{date.isoformat()}.{lang}{ending}" for lang in published_in}
        if len(published_in) > 1
        else {published_in[0]: f"{CAPTURES_DIR}/{date.isoformat()}{ending}"}
    )
    version = plain(latest.version)
    for key in ("stated_date", "first_published", "corrections", "translation"):  # the previous version's own
        version.pop(key, None)
    version["recorded_date"] = dt.date.today().isoformat()
    if changed_after := date_range(latest, date, after=after, date_known=given is not None):
        version["changed_after"] = changed_after.isoformat()
    old = latest.version.source
    kept, left = carried_source(old)
    pages = latest.version.source.capture if isinstance(latest.version.source.capture, tuple) else ()
    if pages:  # a notice over several pages: a capture per page again
        names = {
            f"{published_in[0]} page {i}": f"{CAPTURES_DIR}/{date.isoformat()}.{i}{ending}" for i in range(1, len(pages) + 1)
        }
    capture: object = names if len(names) > 1 and not pages else next(iter(names.values()))
    version["source"] = {**kept, "capture": list(names.values()) if pages else capture}
    if "capture_noise" in version["source"]:  # the capture's chrome comes after the capture, as in data/README.md
        version["source"]["capture_noise"] = version["source"].pop("capture_noise")
    version["change"] = {"kind": "", "summary": {"fi": "", "en": ""}}
    ordered = {key: version[key] for key in ("recorded_date", "changed_after", "source", "change") if key in version}
    ordered.update({key: value for key, value in version.items() if key not in ordered})
    path.write_text(dump(ordered, "version"), encoding="utf-8")

    copied = ["title", "sections", "facts"] + [f"source.{key}" for key in kept]
    print(f"created {path} from version {latest.id}")
    print(f"  copied from {latest.id}: {', '.join(copied)}")
    if left:
        print(f"  not copied, as they name version {latest.id}'s own source: {', '.join(left)}")
    if changed_after:
        print(range_note(latest, date, changed_after))
    for index, (lang, capture_name) in enumerate(names.items()):
        capture_file = folder / capture_name
        label = "source.capture" + (f"[{index}]" if pages else f".{lang}" if len(names) > 1 else "")
        if capture_file.is_file():
            print(f"  {label}: {capture_name}, the capture you saved ({capture_file}); validate compares the text with it")
        else:
            print(f"  {label}: {capture_name}, not saved yet: save the notice as published into {capture_file}")
    print("next: fill in change.kind (substantive, editorial, translation or correction) and change.summary (fi and en);")
    print("  add stated_date if the notice states a date, and where it was published (source.url, or source.commit);")
    print("  edit the texts and facts into the new version's, then run 'seloste validate'.")
    return 0


CAPTURE_ENDINGS = tuple(dict.fromkeys(SUFFIXES.values()))
"""The endings a capture file may have: a Markdown or MDX file's capture keeps its kind (``captures/<date>.mdx``)."""


def capture_ending(captures: Path, date: dt.date, previous: object) -> str:
    """The ending of a new version's capture files: that of a capture already saved for ``date``
    (``<date>.mdx``, ``<date>.fi.md``, ``<date>.1.txt``), else that of the previous version's captures, so that a
    Markdown or MDX file's capture is read as its kind again."""
    day = date.isoformat()
    for ending in CAPTURE_ENDINGS:
        if (captures / f"{day}{ending}").is_file() or any(captures.glob(f"{day}.*{ending}")):
            return ending
    names = (
        [previous] if isinstance(previous, str)
        else list(previous) if isinstance(previous, tuple)
        else [previous[lang] for lang in previous.languages] if isinstance(previous, ByLanguage)
        else []
    )  # fmt: skip
    return SUFFIXES[dialect_of(names[0])] if names else ".txt"


def carried_source(old) -> tuple[dict[str, object], list[str]]:
    """The previous version's source fields that still hold for a new version, and the names of those left out:
    where the notice lives is kept (repository, path, a URL without a commit, the site's chrome in
    capture_noise); what names the previous version's own text is not (its commit, a URL or a noise line that
    names a commit, its capture, its transcription note)."""
    kept: dict[str, object] = {}
    left: list[str] = []
    if old.url is not None:
        urls = [old.url] if isinstance(old.url, str) else [old.url[x] for x in old.url.languages]
        if any(_names_commit(url, old.commit) for url in urls):
            left.append("source.url (it names a commit)")
        else:
            kept["url"] = plain(old.url)
    if any(_names_commit(url, old.commit) for url in old.pages):  # a further page's file at the previous commit
        left.append("source.pages (they name a commit)")
    elif old.pages:
        kept["pages"] = list(old.pages)
    for key in ("repository", "path"):
        if getattr(old, key) is not None:
            kept[key] = plain(getattr(old, key))
    if old.commit is not None:
        left.append("source.commit")
    # lines given as text are the site's chrome, likely in the new capture too; lines by number are the old capture's
    noise = [line for line in old.capture_noise if isinstance(line, str) and not _names_commit(line, old.commit)]
    if noise:
        kept["capture_noise"] = noise
    if any(isinstance(line, str) and _names_commit(line, old.commit) for line in old.capture_noise):
        left.append("the source.capture_noise lines that name a commit")
    if any(not isinstance(line, str) for line in old.capture_noise):
        left.append("the source.capture_noise lines given by number (the previous capture's line numbers)")
    if old.note is not None:
        left.append("source.note")
    return kept, left
