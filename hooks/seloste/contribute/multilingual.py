"""``seloste import`` of a notice the organisation publishes in several languages itself: one version, each language's
capture kept and its text the capture's, sections paired by their order.

Each language's page is drafted on its own (drafting.py), as a notice in one language is; the drafts are then laid side
by side. An untitled opening pairs with the other text's untitled opening; the titled sections pair by order. A section
one text has and the other lacks (more sections in one than the other) is given in the language that has it, with
``not_in`` naming the other (data/README.md, "A section one of the organisation's texts does not have"), so the draft
validates, and the command says which sections it paired so that a person checks them against the pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..archive.loader import CAPTURES_DIR
from ..archive.localized import LANGUAGE_NAMES
from ..archive.model import Version
from ..archive.types import without_invisible
from ..markup.sitesource import SUFFIXES
from ..markup.text import plain_text
from .carriednoise import without_noise
from .carrying import Carried, carry_over
from .controller import controller_fact
from .drafting import Draft, draft
from .importer import Page, date_fields, pinned_file, pinned_languages, section_ids


@dataclass(frozen=True, slots=True)
class Paired:
    """The draft version's data, what a person must check of its controller (or None), and of its pairing."""

    version: dict[str, Any]
    controller_check: str | None
    pairing: list[str]
    """Lines for the person: which sections were paired by order, and the TODO where the texts' counts differ."""
    carried: Carried = Carried()
    """For a new version, what it took of the previous version's translation (the languages not the organisation's)."""
    notes: tuple[str, ...] = ()
    """What reading the pages' site source could not tell (:attr:`Draft.notes`)."""


def capture_names(date: dt.date, pages: dict[str, Page]) -> dict[str, str]:
    """Each language's capture file: ``captures/<date>.fi.txt``; a Markdown or MDX file's keeps its kind (``.fi.mdx``)."""
    return {lang: f"{CAPTURES_DIR}/{date.isoformat()}.{lang}{SUFFIXES[page.kind[1]]}" for lang, page in pages.items()}


def _parts(drafted: Draft) -> tuple[tuple[str | None, str] | None, list[tuple[str | None, str]]]:
    """A draft's untitled opening (or None) and its titled sections."""
    sections = list(drafted.sections)
    opening = sections.pop(0) if sections and sections[0][0] is None else None
    return opening, sections


def draft_languages(
    pages: dict[str, Page],
    *,
    date: dt.date,
    stated: dt.date | None,
    controller: str,
    titles: dict[str, str | None],
    previous: Version | None,
    changed_after: dt.date | None = None,
    first_published_unknown: bool = False,
    previous_pages: dict[str, tuple[str, ...]] | None = None,
) -> Paired:
    """The draft of one version published in each language of ``pages`` (the first listed is the first in
    ``published_in``), its sections paired by order; ``changed_after``, ``first_published_unknown`` and
    ``previous_pages`` as :func:`importer.draft_version` takes them."""
    languages = list(pages)
    first = languages[0]
    noise = previous.source.capture_noise if previous else ()  # left out as importer.draft_version leaves it out
    kept, left_out, lost = without_noise(
        {lang: [without_invisible(page.capture)] for lang, page in pages.items()}, noise, previous_pages or {}
    )
    drafts = {
        lang: draft(
            kept[lang],
            titles[lang] if titles[lang] and titles[lang] in page.capture else None,  # type: ignore[operator]
            [page.kind],
        )
        for lang, page in pages.items()
    }
    parts = {lang: _parts(drafted) for lang, drafted in drafts.items()}
    longest = max(len(titled) for _opening, titled in parts.values())
    rows: list[dict[str, tuple[str | None, str]]] = []
    if any(opening for opening, _titled in parts.values()):
        rows.append({lang: opening for lang, (opening, _titled) in parts.items() if opening is not None})
    for index in range(longest):
        rows.append({lang: titled[index] for lang, (_opening, titled) in parts.items() if index < len(titled)})
    # ids: the first language's headings (the previous version's ids where they match), else the row's own language's
    own = [row.get(first) or next(iter(row.values())) for row in rows]
    ids = section_ids(Draft(title=drafts[first].title, sections=tuple(own)), first, previous)
    sections = []
    for section_id, row in zip(ids, rows, strict=True):
        section: dict[str, Any] = {"id": section_id}
        absent = [lang for lang in languages if lang not in row]
        if absent:
            section["not_in"] = absent
        if any(heading is not None for heading, _body in row.values()):
            section["heading"] = {lang: heading for lang, (heading, _body) in row.items()}
        section["body"] = {lang: body for lang, (_heading, body) in row.items()}
        sections.append(section)
    source: dict[str, Any] = {}
    urls = {lang: page.url for lang, page in pages.items() if page.url}
    if urls:
        source["url"] = urls
        if len(urls) == len(pages):  # each a file at a commit: where each text comes from, as for one language
            source.update(pinned_languages({lang: pinned_file(url) for lang, url in urls.items()}))
    source["capture"] = capture_names(date, pages)
    if left_out:
        source["capture_noise"] = left_out
    version: dict[str, Any] = {"published_in": languages}
    version.update(date_fields(date, stated, changed_after, first_published_unknown=first_published_unknown and previous is None))
    version["source"] = source
    if previous is not None:
        version["change"] = {"kind": "", "summary": {"fi": "", "en": ""}}
    if "en" not in languages:
        version["translation"] = "pending"  # the English is ours, still to write
    version["title"] = {lang: drafted.title for lang, drafted in drafts.items()}
    version["sections"] = sections
    check = None
    carried = Carried()
    if previous is not None:  # a translation of ours, where every section is in each text; the facts, as importer.py's
        carried = carry_over(version, first, previous, translation=not any("not_in" in section for section in sections))
        if carried.complete and "translation" in version:
            del version["translation"]
    else:
        read = [(s["id"], s.get("heading", {}).get(first), s["body"][first]) for s in sections if first in s["body"]]
        fact, check = controller_fact(read, controller)
        version["facts"] = {"controller": fact}
    notes = (*(note for drafted in drafts.values() for note in drafted.notes), *([lost] if lost else []))
    return Paired(version, check, _pairing(sections, parts, languages), carried, notes)


def _shown(heading: str | None) -> str | None:
    """A heading as its page shows it (``1\\. Johdanto`` as ``1. Johdanto``), for the pairing import prints."""
    return plain_text(heading) if heading else None


def _pairing(sections: list[dict[str, Any]], parts: dict[str, Any], languages: list[str]) -> list[str]:
    counts = {lang: len(titled) + (opening is not None) for lang, (opening, titled) in parts.items()}
    names = [LANGUAGE_NAMES[lang] for lang in languages]
    lines = [
        f"sections paired by order ({' = '.join(names)}): "
        + "; ".join(
            " = ".join(
                _shown(section.get("heading", {}).get(lang)) or ("(opening)" if lang in section["body"] else "-")
                for lang in languages
            )
            for section in sections
        )
    ]
    if len(set(counts.values())) > 1:
        told = ", ".join(f"the {LANGUAGE_NAMES[lang]} {n}" for lang, n in counts.items())
        lacking = [f"{s['id']} (not_in: [{', '.join(s['not_in'])}])" for s in sections if "not_in" in s]
        lines.append(
            f"TODO sections: the texts have different numbers of sections ({told}); paired by order, these are in "
            f"one text only: {', '.join(lacking)}. Check each pair against the pages: where a text lacks a section "
            "in the middle, move the sections after it up by one and give the one it lacks not_in (data/README.md, "
            '"A section one of the organisation\'s texts does not have")'
        )
    return lines
