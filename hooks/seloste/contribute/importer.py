"""``seloste import`` and the drafts ``seloste track`` writes: a notice's captures and a draft version.

The draft's original-language texts are its captures' (see extract.py), so it passes the fidelity
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

from ..archive.emit import dump, plain
from ..archive.loader import CAPTURES_DIR, ORGANISATION_FILE
from ..archive.model import OrganisationRecord, Version
from ..archive.types import without_invisible
from ..markup.text import plain_text
from .extract import Draft, draft

OPENING_ID = {"fi": "johdanto", "sv": "inledning", "en": "introduction"}
"""The id of an untitled opening section, in the notice's language."""


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a notice as fetched: where from (None for a local file), and its capture."""

    url: str | None
    capture: str


def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > 50:  # whole words: cut at the last hyphen that keeps it within 50
        slug = slug[:51].rsplit("-", 1)[0] if "-" in slug[:51] else slug[:50]
    return slug.strip("-") or "osio"


def _section_ids(drafted: Draft, lang: str, previous: Version | None) -> list[str]:
    """Ids for the draft's sections: the previous version's where a heading is the same (or nearly), otherwise one
    made from the heading; never one of the page's own ('sl-', 'diff-') and never twice."""
    earlier = (
        {plain_text(s.heading[lang]).casefold(): s.id for s in previous.sections if s.heading and s.has(lang)} if previous else {}
    )
    used: set[str] = set()
    ids = []
    for heading, _body in drafted.sections:
        if heading is None:
            wanted = previous.sections[0].id if previous and previous.sections[0].heading is None else OPENING_ID[lang]
        else:
            key = plain_text(heading).casefold()
            close = difflib.get_close_matches(key, list(earlier), n=1, cutoff=0.8)
            wanted = earlier[close[0]] if close else slugify(heading)
        if wanted.startswith(("sl-", "diff-")) or wanted == "title":
            wanted = f"osio-{wanted}"
        unique, n = wanted, 2
        while unique in used:
            unique, n = f"{wanted}-{n}", n + 1
        used.add(unique)
        ids.append(unique)
    return ids


def capture_names(date: dt.date, pages: int) -> list[str]:
    if pages == 1:
        return [f"{CAPTURES_DIR}/{date.isoformat()}.txt"]
    return [f"{CAPTURES_DIR}/{date.isoformat()}.{i}.txt" for i in range(1, pages + 1)]


def draft_version(
    pages: list[Page],
    *,
    lang: str,
    date: dt.date,
    stated: dt.date | None,
    controller: str,
    fallback_title: str | None,
    previous: Version | None,
) -> dict[str, Any]:
    """The draft version's data: the pages' texts as sections, their captures named, the translation pending."""
    shown = fallback_title if fallback_title and any(fallback_title in page.capture for page in pages) else None
    # a <title> the notice does not show is not its title; what no reader sees (a soft hyphen) is no text's to hold
    drafted = draft([without_invisible(page.capture) for page in pages], shown)
    ids = _section_ids(drafted, lang, previous)
    names = capture_names(date, len(pages))
    urls = [page.url for page in pages if page.url]
    source: dict[str, Any] = {}
    if urls:
        source["url"] = urls[0]
        if len(urls) > 1:
            source["pages"] = urls[1:]
    source["capture"] = names if len(names) > 1 else names[0]
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
    if stated is not None and stated <= date:
        version["stated_date"] = stated.isoformat()
    version["recorded_date"] = dt.date.today().isoformat()
    version["source"] = source
    if previous is not None:
        version["change"] = {"kind": "", "summary": {"fi": "", "en": ""}}
    version["translation"] = "pending"
    version["title"] = {lang: drafted.title}
    version["sections"] = sections
    if previous is not None:
        version["facts"] = plain(previous.facts)
    else:
        version["facts"] = {"controller": {"name": controller, "section": _stating(drafted, ids, controller)}}
    return version


def _stating(drafted: Draft, ids: list[str], name: str) -> str:
    """The first section whose text names the controller (the title's id if only the title does)."""
    for section_id, (heading, body) in zip(ids, drafted.sections, strict=True):
        if name.casefold() in f"{heading or ''}\n{body}".casefold():
            return section_id
    if name.casefold() in drafted.title.casefold():
        return "title"
    return ids[0] if ids else ""


def write_version(folder: Path, date: dt.date, version: dict[str, Any], pages: list[Page]) -> list[Path]:
    """The version file and its captures; returns the paths written."""
    written = []
    names = capture_names(date, len(pages))
    (folder / CAPTURES_DIR).mkdir(parents=True, exist_ok=True)
    for name, page in zip(names, pages, strict=True):
        path = folder / name
        path.write_bytes(page.capture.encode("utf-8"))
        written.append(path)
    path = folder / f"{date.isoformat()}.yaml"
    path.write_text(dump(version, "version"), encoding="utf-8")
    written.append(path)
    return written


def write_organisation(folder: Path, name: str, tracking: list[dict[str, Any]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    organisation: dict[str, Any] = {"name": name}
    if tracking:
        organisation["tracking"] = tracking
    path = folder / ORGANISATION_FILE
    path.write_text(dump(organisation, "organisation"), encoding="utf-8")
    return path


def latest_version(record: OrganisationRecord | None) -> Version | None:
    return record.current.version if record else None
