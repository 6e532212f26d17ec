"""``seloste import`` and the drafts ``seloste track`` writes: a notice's captures and a draft version.

The draft's original-language texts are its captures' (see drafting.py), so it passes the fidelity
check as written; its translation is pending, so it validates before anyone translates it. What
only a person can say is left for one: the kind of change, and the facts beyond the controller.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..archive.emit import dump
from ..archive.githubpage import file_page
from ..archive.loader import CAPTURES_DIR, ORGANISATION_FILE
from ..archive.model import OrganisationRecord, Version
from ..archive.types import without_invisible
from ..markup.sitesource import SUFFIXES, Dialect, dialect_of
from ..markup.text import plain_text
from .carriednoise import without_noise
from .carrying import Carried, carry_over
from .controller import controller_fact
from .drafting import Draft, draft, sectioned_headings

OPENING_ID = {"fi": "johdanto", "sv": "inledning", "en": "introduction"}
"""The id of an untitled opening section, in the notice's language."""
WHOLE_ID = {"fi": "seloste", "sv": "beskrivning", "en": "notice"}
"""The id of the one section of a notice with no headings: the whole text, not an introduction."""


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a notice as fetched: where from (None for a local file), and its capture."""

    url: str | None
    capture: str
    name: str = ""
    """The source as given (a file's path or an address): its ending tells how its site source is read (an MDX file's
    JSX, a Markdown file's angle brackets), and names it in what the import says."""

    @property
    def kind(self) -> tuple[str, Dialect]:
        """Its name for messages, and how its text is read (markup/sitesource.py)."""
        name = self.name or self.url or "the page"
        return name, dialect_of(name)


def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > 50:  # whole words: cut at the last hyphen that keeps it within 50
        slug = slug[:51].rsplit("-", 1)[0] if "-" in slug[:51] else slug[:50]
    return slug.strip("-") or "osio"


def section_ids(drafted: Draft, lang: str, previous: Version | None) -> list[str]:
    """Ids for the draft's sections: the previous version's where a heading is the same (or nearly), otherwise one
    made from the heading; never one of the page's own ('sl-', 'diff-') and never twice. Where the previous version
    has several sections under one heading (each page of a notice over several opening with "Johdanto"), they are
    taken in their order."""
    earlier: dict[str, list[str]] = {}
    for section in previous.sections if previous else ():
        if section.heading and section.has(lang):
            earlier.setdefault(plain_text(section.heading[lang]).casefold(), []).append(section.id)
    used: set[str] = set()
    ids = []
    for heading, _body in drafted.sections:
        if heading is None:
            opening = WHOLE_ID if len(drafted.sections) == 1 else OPENING_ID
            wanted = previous.sections[0].id if previous and previous.sections[0].heading is None else opening[lang]
        else:
            key = plain_text(heading).casefold()
            close = difflib.get_close_matches(key, list(earlier), n=1, cutoff=0.8)
            wanted = next((i for i in earlier[close[0]] if i not in used), earlier[close[0]][-1]) if close else slugify(heading)
        if wanted.startswith(("sl-", "diff-")) or wanted == "title":
            wanted = f"osio-{wanted}"
        unique, n = wanted, 2
        while unique in used:
            unique, n = f"{wanted}-{n}", n + 1
        used.add(unique)
        ids.append(unique)
    return ids


def capture_names(date: dt.date, pages: list[Page]) -> list[str]:
    """The capture files' names: ``captures/<date>.txt``, or one per page (``<date>.1.txt``); a Markdown or MDX file's
    capture keeps its kind (``<date>.md``, ``<date>.mdx``), which tells the check how to read it."""
    kinds = [SUFFIXES[page.kind[1]] for page in pages]
    if len(kinds) == 1:
        return [f"{CAPTURES_DIR}/{date.isoformat()}{kinds[0]}"]
    return [f"{CAPTURES_DIR}/{date.isoformat()}.{i}{suffix}" for i, suffix in enumerate(kinds, start=1)]


def date_fields(
    date: dt.date, stated: dt.date | None, changed_after: dt.date | None, *, first_published_unknown: bool
) -> dict[str, str]:
    """A draft's date fields, in the order its file gives them: the date the notice states (none after the version's
    own ``date``), the day it is recorded (today), and where the day is not known, ``changed_after`` (it changed after
    that day, no later than ``date``) or, for a first version, ``first_published: unknown`` (in force by ``date``,
    first published then or earlier)."""
    fields = {"stated_date": stated.isoformat()} if stated is not None and stated <= date else {}
    fields["recorded_date"] = dt.date.today().isoformat()
    if changed_after is not None:
        fields["changed_after"] = changed_after.isoformat()
    if first_published_unknown:
        fields["first_published"] = "unknown"
    return fields


def draft_version(
    pages: list[Page],
    *,
    lang: str,
    date: dt.date,
    stated: dt.date | None,
    controller: str,
    fallback_title: str | None,
    previous: Version | None,
    changed_after: dt.date | None = None,
    first_published_unknown: bool = False,
    previous_pages: dict[str, tuple[str, ...]] | None = None,
) -> tuple[dict[str, Any], Carried, str | None, tuple[str, ...]]:
    """The draft version's data: the pages' texts as sections, their captures named, the translation pending; for a
    new version, what it took of the previous version's translation and facts (carrying.py); for a first one,
    what a person must check of the controller it names (controller.py), or None; and what reading the pages' site
    source could not tell (:attr:`Draft.notes`), with what to do about the previous version's noise (its captures,
    ``previous_pages``) that the new pages do not have where it stood. An ExtractError where a page holds what the
    file cannot say."""
    shown = fallback_title if fallback_title and any(fallback_title in page.capture for page in pages) else None
    # a <title> the notice does not show is not its title; what no reader sees (a soft hyphen) is no text's to hold
    # the previous version's noise left out: its page's chrome, and its lines by number where they stand now
    noise = previous.source.capture_noise if previous else ()
    kept, chrome, lost = without_noise({lang: [without_invisible(page.capture) for page in pages]}, noise, previous_pages or {})
    texts = kept[lang]
    drafted = draft(texts, shown, [page.kind for page in pages], sectioned_headings(previous, lang))
    ids = section_ids(drafted, lang, previous)
    names = capture_names(date, pages)
    urls = [page.url for page in pages if page.url]
    source: dict[str, Any] = {}
    if urls:
        source["url"] = urls[0]
        if len(urls) > 1:
            source["pages"] = urls[1:]
        source.update(pinned_source([pinned_file(url) for url in urls], len(pages)))
    source["capture"] = names if len(names) > 1 else names[0]
    if chrome:
        source["capture_noise"] = chrome
    sections = []
    for section_id, (heading, body) in zip(ids, drafted.sections, strict=True):
        section: dict[str, Any] = {"id": section_id}
        if heading is not None:
            section["heading"] = {lang: heading}
        section["body"] = {lang: body}
        sections.append(section)
    version: dict[str, Any] = {}
    if lang != "fi":
        version["published_in"] = [lang]
    version.update(date_fields(date, stated, changed_after, first_published_unknown=first_published_unknown and previous is None))
    version["source"] = source
    if previous is not None:
        version["change"] = {"kind": "", "summary": {"fi": "", "en": ""}}
    if lang != "en" or (previous is not None and "fi" in previous.text_languages):
        version["translation"] = "pending"  # an English original needs no translation (a Finnish one is optional)
    version["title"] = {lang: drafted.title}
    version["sections"] = sections
    carried = carry_over(version, lang, previous) if previous is not None else Carried()  # its translation and facts
    check = None
    if carried.complete and "translation" in version:
        del version["translation"]  # every text the same as before, each with its translation
    if previous is None:
        read = [(section_id, heading, body) for section_id, (heading, body) in zip(ids, drafted.sections, strict=True)]
        fact, check = controller_fact(read, controller)
        version["facts"] = {"controller": fact}
    return version, carried, check, (*drafted.notes, *([lost] if lost else []))


def write_version(
    folder: Path, date: dt.date, version: dict[str, Any], pages: list[Page], names: list[str] | None = None
) -> list[Path]:
    """The version file and its captures (named ``names``, or by :func:`capture_names`); returns the paths written."""
    written = []
    names = names or capture_names(date, pages)
    (folder / CAPTURES_DIR).mkdir(parents=True, exist_ok=True)
    for name, page in zip(names, pages, strict=True):
        path = folder / name
        path.write_bytes(page.capture.encode("utf-8"))
        written.append(path)
    path = folder / f"{date.isoformat()}.yaml"
    path.write_text(dump(version, "version"), encoding="utf-8")
    written.append(path)
    return written


def write_organisation(folder: Path, name: str, tracking: list[dict[str, Any]], business_id: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    organisation: dict[str, Any] = {"name": name}
    if business_id:
        organisation["business_id"] = business_id
    if tracking:
        organisation["tracking"] = tracking
    path = folder / ORGANISATION_FILE
    path.write_text(dump(organisation, "organisation"), encoding="utf-8")
    return path


def latest_version(record: OrganisationRecord | None) -> Version | None:
    return record.current.version if record else None


def pinned_source(pinned: list[tuple[str, str, str] | None], pages: int) -> dict[str, Any]:
    """Where the text comes from, of pages that are each a file of one repository at a commit (``pinned``, by
    :func:`pinned_file`): the repository, the file (one per page, for several), and their commit where they share
    one (else each page's address names its own). Nothing where a page is not such a file."""
    if len(pinned) != pages or not pinned or any(p is None for p in pinned):
        return {}
    files = [p for p in pinned if p is not None]
    if len({repository for repository, _path, _commit in files}) > 1:
        return {}
    paths = [path for _repository, path, _commit in files]
    source: dict[str, Any] = {"repository": files[0][0], "path": paths[0] if len(paths) == 1 else paths}
    if len({commit for _repository, _path, commit in files}) == 1:
        source["commit"] = files[0][2]
    return source


def pinned_languages(pinned: dict[str, tuple[str, str, str] | None]) -> dict[str, Any]:
    """:func:`pinned_source` of a notice published in several languages, each a file of one repository at a commit
    (``pinned``, by language): the repository, each language's file, and the commit they share (else each one's)."""
    files = dict(pinned)
    if not files or any(p is None for p in files.values()) or len({p[0] for p in files.values() if p}) > 1:
        return {}
    commits = {lang: p[2] for lang, p in files.items() if p}
    return {
        "repository": next(p[0] for p in files.values() if p),
        "path": {lang: p[1] for lang, p in files.items() if p},
        "commit": next(iter(commits.values())) if len(set(commits.values())) == 1 else commits,
    }


def pinned_file(url: str) -> tuple[str, str, str] | None:
    """(repository, path, commit) of a GitHub address that names a file at a commit, else None. Such an address shows
    that commit's text for good: it records where the text comes from, and tracking it would never see a change."""
    page = file_page(url)
    return (page.repository, page.file_path, page.commit) if page is not None and page.commit else None
