"""The checks of one version file within its organisation: its dates, its change, its sections and their texts'
links, headings and translation, and its facts' sections and evidence."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..limits import MAX_SECTIONS
from ..markup.agreement import body_disagreement, inline_disagreement
from ..markup.blocks import parity_problem
from ..markup.render import link_problems
from .dating import first_published_problems, range_problems
from .decode import Decoder
from .errors import Run
from .evidence import TITLE_ID, evidence_problems, fact_items
from .facts import DENIALS, LIST_DENIALS
from .localized import LANGUAGE_NAMES, TEXT_LANGUAGES
from .model import Version, VersionRecord
from .today import after_today
from .updates import correction_problems

_TOP_HEADING = re.compile(r"^ {0,3}#{1,2}(?:\s|$)")


def check_version(
    run: Run,
    path: Path,
    record: VersionRecord,
    decoder: Decoder,
    previous: VersionRecord | None,
    *,
    first: bool,
    texts: bool,
    change_given: bool = False,
) -> None:
    """Dates, the change, sections and facts; the texts' links and the facts' evidence only if ``texts`` are all there.
    ``change_given``: the version gives a change that could not be read (its errors are reported), checked without it."""
    version = record.version
    loc = decoder.locations.get

    for message in stated_month_problems(version, record.date, previous.version if previous else None):
        run.at(loc("stated_month"), path, message)
    if version.stated_date and version.stated_date > record.date:
        run.at(
            loc("stated_date"),
            path,
            f"stated_date: {version.stated_date} is after the version date "
            f"{record.date} given by the file name; the version date is the stated date or later",
        )
    if after_today(record.date):
        run.error(path, f"the version date {record.date} (the file name) is after today; a version is dated when published")
    if after_today(version.recorded_date):
        run.at(loc("recorded_date"), path, f"recorded_date: {version.recorded_date} is after today")
    for name, message in correction_problems(version, record.date):
        run.at(loc(name), path, message)
    if version.recorded_date < record.date:
        run.at(
            loc("recorded_date"),
            path,
            f"recorded_date: {version.recorded_date} is before the version date "
            f"{record.date}; a version cannot be recorded before it exists",
        )
    for message in range_problems(record, previous):
        run.at(loc("changed_after"), path, message)
    for message in first_published_problems(record, previous):
        run.at(loc("first_published"), path, message)
    earlier = previous.version.stated_date if previous else None
    if earlier and version.stated_date and version.stated_date < earlier:
        assert previous is not None
        run.at(
            loc("stated_date"),
            path,
            f"stated_date: versions out of order: {version.stated_date} is before "
            f"the previous version's stated date {earlier} ({previous.id}.yaml)",
        )
    if first and version.change is not None:  # (one not yet readable is reported as such; this, once it is)
        run.at(
            loc("change"),
            path,
            "change: the first version of an organisation has nothing to change from; remove 'change'",
        )
    if not first and version.change is None and not change_given:
        run.error(path, "change: required from the second version on; say what changed (kind and summary)")
    if texts and previous is not None and version.change is not None:
        for message in kind_problems(version, previous):
            run.at(loc("change.kind") or loc("change"), path, message)

    langs = version.text_languages if texts else ()
    for lang in langs:
        for problem in link_problems(version.title[lang]):
            run.at(loc(f"title.{lang}"), path, f"title.{lang}: {problem}")
        if run.reference and (disagreement := inline_disagreement(version.title[lang])):
            run.at(loc(f"title.{lang}"), path, f"title.{lang}: {disagreement}")
    ids: dict[str, int] = {}
    for index, section in enumerate(version.sections):
        if section.id in ids:
            run.at(
                loc(f"sections[{index}].id"),
                path,
                f"sections[{index}].id: duplicate section id {section.id!r} (also sections[{ids[section.id]}])",
            )
        ids.setdefault(section.id, index)
        if section.id.startswith(("sl-", "diff-")) or section.id == f"{path.parent.name}-title":
            run.at(
                loc(f"sections[{index}].id"),
                path,
                f"sections[{index}].id: {section.id!r} is an id of the page's own (its parts are 'sl-...', the comparison's "
                "'diff-...', the title '<slug>-title'); choose another id",
            )
        if section.id == TITLE_ID:
            run.at(
                loc(f"sections[{index}].id"),
                path,
                f"sections[{index}].id: {TITLE_ID!r} is kept for facts that the notice's title states; choose another id",
            )
        for lang in (x for x in langs if section.has(x)):
            if section.heading:
                for problem in link_problems(section.heading[lang]):
                    run.at(loc(f"sections[{index}].heading.{lang}"), path, f"sections[{index}].heading.{lang}: {problem}")
                if run.reference and (disagreement := inline_disagreement(section.heading[lang])):
                    run.at(loc(f"sections[{index}].heading.{lang}"), path, f"sections[{index}].heading.{lang}: {disagreement}")
        if section.heading is None and index > 0:
            run.at(
                loc(f"sections[{index}]"),
                path,
                f"sections[{index}].heading: required except for an untitled opening section",
            )
        for lang in (x for x in langs if section.has(x)):
            _check_body(run, path, decoder, f"sections[{index}].body.{lang}", section.body[lang])
        original = version.original_of(section)
        for lang in (x for x in langs if x not in version.published_in and version.translation != "pending"):
            theirs, ours = LANGUAGE_NAMES[original], LANGUAGE_NAMES[lang]  # each translation against the original
            parity = parity_problem(section.body[original], section.body[lang], theirs, ours)
            if parity:  # where the translation is, which is what to mend (its original is held to the capture)
                where = loc(f"sections[{index}].body.{lang}") or loc(f"sections[{index}].body")
                run.at(where, path, f"sections[{index}].body.{lang}: {parity}")
    if not version.sections:
        run.at(loc("sections"), path, "sections: expected at least one section")
    elif len(version.sections) > MAX_SECTIONS:
        run.at(
            loc("sections"),
            path,
            f"sections: {len(version.sections):,} sections; a version may have at most {MAX_SECTIONS} "
            "(a part of a section goes under a '###' heading inside it)",
        )

    for _field, name, item in fact_items(version.facts):
        if item.section not in ids and item.section != TITLE_ID:
            known = ", ".join(ids) or "none"
            run.at(
                loc(f"facts.{name}.section") or loc(f"facts.{name}"),
                path,
                f"facts.{name}.section: no section has id {item.section!r}; expected one of: {known}",
            )
    for stated, denial, what in DENIALS:
        if getattr(version.facts, stated) and getattr(version.facts, denial) is not None:
            run.at(
                loc(f"facts.{denial}"),
                path,
                f"facts.{denial}: the notice cannot both {what}; keep the one its text states",
            )
    for stated, denial, what in LIST_DENIALS:
        if not getattr(version.facts, stated):
            continue
        for index, entry in enumerate(getattr(version.facts, denial)):
            if entry.data is None:
                run.at(
                    loc(f"facts.{denial}[{index}]"),
                    path,
                    f"facts.{denial}[{index}]: the notice cannot both {what}, of all its data; keep the one its text "
                    f"states, or give the data it says so of (data: {{fi: ..., en: ...}}) where it says so of part of it",
                )
    rights = [r.right for r in version.facts.rights]
    if "gdpr-rights" in rights and len(rights) > 1:  # the rights as a whole, none named: no named one beside it
        index = rights.index("gdpr-rights")
        run.at(
            loc(f"facts.rights[{index}].right") or loc("facts.rights"),
            path,
            f"facts.rights[{index}].right: gdpr-rights is for a notice that names none of the rights; this one names "
            f"{', '.join(r for r in rights if r != 'gdpr-rights')}: list those, and not gdpr-rights",
        )
    for index, purpose in enumerate(version.facts.purposes):
        bases, where = purpose.legal_basis, f"facts.purposes[{index}].legal_basis"
        if isinstance(bases, tuple) and (len(set(bases)) < 2 or len(set(bases)) < len(bases)):
            fix = (
                f"give each once ([{', '.join(dict.fromkeys(bases))}])"
                if len(set(bases)) > 1
                else f"write one basis as a value of its own (legal_basis: {bases[0] if bases else 'consent'})"
            )
            run.at(loc(where), path, f"{where}: a list is for two or more different bases, got [{', '.join(bases)}]; {fix}")
    if texts:
        for name, message in evidence_problems(version):
            run.at(loc(name) or loc(name.rsplit(".", 1)[0]), path, message)


def _check_body(run: Run, path: Path, decoder: Decoder, name: str, body: str) -> None:
    where = decoder.locations.get(name)
    for problem in link_problems(body):
        run.at(where, path, f"{name}: {problem}")
    if run.reference and (disagreement := body_disagreement(body)):
        if where is None or "\n" not in body:
            run.at(where, path, f"{name}: {disagreement.message}")
        else:  # a block scalar: its text starts on the line after the key's
            run.error(path, f"{name}: {disagreement.message}", line=where.line + disagreement.line, column=1)
    for offset, line in enumerate(body.splitlines()):
        if _TOP_HEADING.match(line):
            line_no = (where.line + 1 + offset) if where else 1
            run.error(
                path,
                f"{name}: '#' and '##' headings are the page's and the sections'; use '###' for a heading inside a section",
                line=line_no,
                column=1,
            )


def stated_month_problems(version: Version, date: dt.date, previous: Version | None) -> list[str]:
    """A month the notice states ('Päivitetty: tammikuu 2025') is given where it states no day, and not after the
    version's month or before the date or month the previous version stated."""
    month = version.stated_month
    if month is None:
        return []
    if version.stated_date is not None:
        return [
            "stated_month: the version gives stated_date too; give the day the notice states in stated_date or, where "
            "it states a month only, the month in stated_month"
        ]
    if month > date.isoformat()[:7]:
        return [
            f"stated_month: {month} is after the version date {date} given by the file name; the version date is then or later"
        ]
    before = previous and (previous.stated_month or (previous.stated_date.isoformat()[:7] if previous.stated_date else None))
    if before and month < before:
        return [f"stated_month: versions out of order: {month} is before the month the previous version states, {before}"]
    return []


def original_texts(version: Version) -> dict[str, str] | None:
    """The organisation's own text of a version in each language it was published in, by language (in the order fi, sv,
    en, whatever ``published_in``'s): its title, each section's heading and body, as one run of words (whitespace as one
    space: a change of line breaks alone is none, nor where a section ends). None where a text is missing (an error of
    its own, reported where it is)."""
    found: dict[str, str] = {}
    for lang in sorted(version.published_in, key=TEXT_LANGUAGES.index):
        texts: list[str | None] = [getattr(version.title, lang, None)]
        for section in (s for s in version.sections if s.has(lang)):
            texts += (getattr(section.heading, lang, None) if section.heading else "", getattr(section.body, lang, None))
        whole = [text for text in texts if text is not None]
        if len(whole) < len(texts):
            return None
        found[lang] = " ".join(" ".join(whole).split())
    return found


def kind_problems(version: Version, previous: VersionRecord) -> list[str]:
    """A change of the translation only (``translation``) whose organisation's own text changed. The other way round
    is no contradiction: a version may record a change of the source alone (a button's HTML now a shortcode), its text
    the same, as an editorial change."""
    assert version.change is not None
    if version.change.kind != "translation":
        return []
    now, before = original_texts(version), original_texts(previous.version)
    if now is None or before is None or now == before:
        return []
    own = " and ".join(LANGUAGE_NAMES[lang] for lang in version.published_in)
    return [
        f"change.kind: 'translation' is a change of the archive's translation only, but the organisation's own {own} "
        f"text differs from {previous.id}.yaml's; say 'substantive' (what is done with personal data changed), "
        "'editorial' (wording only) or 'correction' (a fix of the archive's transcription)"
    ]
