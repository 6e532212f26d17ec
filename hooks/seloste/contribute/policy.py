"""The rules a change to the archive must keep, checked against the base branch.

- A published version is never edited or deleted, except by a declared correction: an
  entry in its ``corrections`` with the date and the reason, which the site shows.
- A published version's capture never changes, byte for byte: it is the provenance. A new
  version comes with its capture.
- A new version is dated after the latest published version of its organisation.
- A change to a Finnish text needs its English counterpart, unless the version declares
  ``translation: pending`` (the English pages then say so). A section is compared with the one it
  continues, as the comparison pairs them (compare/lineage.py): a new id does not make it new.
  (That each section's English has the paragraphs and list items of its Finnish is the loader's
  rule: it holds for every version.)
- A published organisation is never removed; its details (name, business ID, address, contacts,
  website) change only with a declared update, which the change report shows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..archive.decode import decode_file
from ..archive.errors import DataError, Location, display_path
from ..archive.loader import ORGANISATION_FILE
from ..archive.localized import LANGUAGE_NAMES, NoticeMarkdown, NoticeText
from ..archive.model import Archive, Organisation, OrganisationRecord, Version, VersionRecord
from ..archive.yamlsource import YamlFileError, read_yaml
from ..compare.lineage import section_lineages
from ..compare.untranslated import untranslated


def check_change(base: Archive, head: Archive, data_dir: Path, root: Path | None = None) -> list[DataError]:
    """Every way ``head`` breaks the rules relative to ``base``."""
    errors: list[DataError] = []
    heads = {record.slug: record for record in head.organisations}
    for published in base.organisations:
        current = heads.get(published.slug)
        folder = data_dir / published.slug
        if current is None:
            errors.append(_error(folder, root, f"organisation {published.slug!r} is published and cannot be removed"))
            continue
        errors += _check_organisation(published, current, data_dir, root)
    published_slugs = {r.slug for r in base.organisations}
    published_ids = {(r.slug, v.id) for r in base.organisations for v in r.versions}
    for record in head.organisations:
        if record.slug not in published_slugs:
            errors += _check_translations(record, set(), data_dir, root)
        for version in record.versions:
            if (record.slug, version.id) not in published_ids and version.version.source.capture is None:
                errors.append(
                    _located(
                        data_dir / record.slug / f"{version.id}.yaml",
                        root,
                        "source",
                        "a new version needs its original capture: save the notice as published in "
                        f"captures/{version.id}.txt and name it here (capture: captures/{version.id}.txt)",
                    )
                )
    return sorted(errors)


def _check_details(base: Organisation, head: Organisation, file: Path, root: Path | None) -> list[DataError]:
    """The organisation's published details change only with a declared update."""
    if head.updates[: len(base.updates)] != base.updates:
        return [_located(file, root, "updates", "published updates are kept as they are; add a new one", Organisation)]
    changed = [
        f.name
        for f in dataclasses.fields(Organisation)
        if f.name not in ("updates", "tracking") and getattr(base, f.name) != getattr(head, f.name)
    ]
    if changed and len(head.updates) == len(base.updates):
        message = (
            f"the organisation's published details changed ({', '.join(changed)}); declare the change: add an entry to "
            "'updates' with its date and the reason in fi and en"
        )
        return [_located(file, root, changed[0], message, Organisation)]
    return []


def _check_organisation(base: OrganisationRecord, head: OrganisationRecord, data_dir: Path, root: Path | None) -> list[DataError]:
    folder = data_dir / head.slug
    errors = _check_details(base.organisation, head.organisation, folder / ORGANISATION_FILE, root)
    head_versions = {v.id: v for v in head.versions}
    latest = base.versions[-1].date
    published_ids = {v.id for v in base.versions}
    for published in base.versions:
        file = folder / f"{published.id}.yaml"
        now = head_versions.get(published.id)
        if now is None:
            errors.append(
                _error(
                    file,
                    root,
                    "this published version was deleted; published versions are never deleted "
                    "(to fix its text, edit it and declare a correction)",
                )
            )
            continue
        errors += _check_edit(published.version, now.version, file, root)
        errors += _changed_captures(published, now, folder, root)
    for version in head.versions:
        if version.id not in published_ids and version.date <= latest:
            errors.append(
                _error(
                    folder / f"{version.id}.yaml",
                    root,
                    f"a new version must be dated after the latest published version ({latest.isoformat()})",
                )
            )
    errors += _check_correction_dates(base, head, folder, root)
    errors += _check_corrections_carried(base, head, folder, root)
    errors += _check_translations(head, published_ids, data_dir, root, base)
    return errors


def latest_date(record: OrganisationRecord) -> dt.date:
    """The latest date the archive gives an organisation: its versions' dates, the days they were recorded, their
    corrections' and its details' updates' dates."""
    dates = [record.versions[-1].date, *(u.date for u in record.organisation.updates)]
    for v in record.versions:
        dates += [v.version.recorded_date, *(c.date for c in v.version.corrections)]
    return max(dates)


def _check_correction_dates(
    base: OrganisationRecord, head: OrganisationRecord, folder: Path, root: Path | None
) -> list[DataError]:
    """A correction the change adds is dated no earlier than the latest date the published archive gives the
    organisation: it cannot have been made before what is already published, and dated earlier it would hide when
    the text changed. (Not the base commit's date: a pull request open for days, brought up to date with a busier
    main, would have to date its correction again each time.)"""
    floor = latest_date(base)
    published = {v.id: len(v.version.corrections) for v in base.versions}
    errors = []
    for record in head.versions:
        for index, correction in enumerate(record.version.corrections):
            if index >= published.get(record.id, 0) and correction.date < floor:
                errors.append(
                    _located(
                        folder / f"{record.id}.yaml",
                        root,
                        f"corrections[{index}].date",
                        f"{correction.date} is before {floor}, the latest date the published archive already gives "
                        "this organisation; a new correction is dated the day it was made",
                    )
                )
    return errors


_Texts = dict[tuple[str, str], tuple[str, str, NoticeText | NoticeMarkdown]]
"""A version's texts by (section lineage, part), the title as ("", "title"): each one's dotted name, the language
its translation follows, and the text."""


def _translated_texts(version: Version, lineage: Mapping[str, str]) -> _Texts:
    found: _Texts = {("", "title"): ("title", version.published_in[0], version.title)}
    for index, section in enumerate(version.sections):
        key, original = lineage.get(section.id, section.id), version.original_of(section)
        if section.heading is not None:
            found.setdefault((key, "heading"), (f"sections[{index}].heading", original, section.heading))
        found.setdefault((key, "body"), (f"sections[{index}].body", original, section.body))
    return found


def _check_corrections_carried(
    base: OrganisationRecord, head: OrganisationRecord, folder: Path, root: Path | None
) -> list[DataError]:
    """A translation a correction mends is mended in every later version that has the same original and still the
    translation the correction replaced: else their comparison shows the mend as a change of the notice that the
    organisation never made. A later version's text is its section's that continues the mended one (lineage.py: under
    another id too). Each version's texts are read once: the work grows with versions times texts."""
    published = {v.id: v.version for v in base.versions}
    if all(v.id not in published or len(v.version.corrections) == len(published[v.id].corrections) for v in head.versions):
        return []  # no correction in this change (most changes): the texts need not be read
    lineages = section_lineages(head.versions)
    texts = [_translated_texts(record.version, lineages.get(record.id, {})) for record in head.versions]
    errors = []
    for index, record in enumerate(head.versions):
        old = published.get(record.id)
        if old is None or len(record.version.corrections) == len(old.corrections):
            continue
        mended = _mended(texts[index], _translated_texts(old, lineages.get(record.id, {})), record.version.published_in)
        for key, lang, original, text, replaced in mended:
            for later, later_texts in zip(head.versions[index + 1 :], texts[index + 1 :], strict=True):
                name, _, same = later_texts.get(key, ("", "", None))
                if same is None or not {original, lang} <= {*same.languages}:
                    continue
                if same[original] == text[original] and same[lang] == replaced[lang]:
                    how = "a correction of this version" if later.id in published else "it is not published yet"
                    message = (
                        f"the same {LANGUAGE_NAMES[original]} as version {record.id}, whose {LANGUAGE_NAMES[lang]} a "
                        f"correction in this change mends, and still the text it replaced: correct it here too ({how}), "
                        "or the comparison shows the mend as a change of the notice"
                    )
                    errors.append(_located(folder / f"{later.id}.yaml", root, f"{name}.{lang}", message))
    return errors


def _mended(
    texts: _Texts, before: _Texts, own: tuple[str, ...]
) -> Iterator[tuple[tuple[str, str], str, str, NoticeText | NoticeMarkdown, Any]]:
    """(key, language, original's language, text, the text it replaced) of each translation in ``texts`` (a language
    not in ``own``, the organisation's) that is not as it was ``before`` (the version as published), its original
    given."""
    for key, (_name, original, text) in texts.items():
        replaced = before.get(key, ("", "", None))[2]
        if replaced is None or original not in text.languages:
            continue
        for lang in text.languages:
            if lang != original and lang in replaced.languages and replaced[lang] != text[lang] and lang not in own:
                yield key, lang, original, text, replaced


def _changed_captures(published: VersionRecord, now: VersionRecord, folder: Path, root: Path | None) -> list[DataError]:
    """Each page of each language's capture, byte for byte: a byte-order mark, a line end or a trailing space is as
    much a change as a word (fidelity reads the text without them; the capture is the original's record)."""
    errors = []
    for lang, digests in published.digests.items():
        after = now.digests.get(lang, ())
        if after == digests:
            continue
        common = min(len(digests), len(after))  # the first page that differs, or the first one added or removed
        page = next((i for i in range(common) if digests[i] != after[i]), common)
        files = now.version.source.capture_files(now.version.published_in).get(lang, ())
        if page >= len(files):
            files = published.version.source.capture_files(published.version.published_in)[lang]
        message = (
            "the capture of a published version was changed; a capture is the original as it was captured "
            "and is kept as it is (a correction fixes our transcription, never the capture)"
        )
        before, text = published.pages[lang], now.pages.get(lang, ())
        line = 1
        if page < min(len(before), len(text)):
            line = _first_changed_line(before[page], text[page])
            if _words(before[page]) == _words(text[page]):
                message += (
                    "; its words are unchanged but its bytes are not (a byte-order mark, line ends or spaces, as an "
                    "editor may change them on saving): restore the file as it was published"
                )
        shown = display_path(folder / files[min(page, len(files) - 1)], root)
        errors.append(DataError(Location(shown, line), message))
    return errors


def _first_changed_line(before: str, after: str) -> int:
    """The first line (from 1) where a capture's text differs from what it was (1 where only its bytes do)."""
    pairs = itertools.zip_longest(before.splitlines(keepends=True), after.splitlines(keepends=True))
    return next((number for number, (old, new) in enumerate(pairs, start=1) if old != new), 1)


def _words(text: str) -> list[str]:
    """The words of a capture's text (read without its byte-order mark)."""
    return text.split()


def _without_corrections(version: Version) -> Version:
    return dataclasses.replace(version, corrections=())


def _check_edit(published: Version, now: Version, file: Path, root: Path | None) -> list[DataError]:
    if now.corrections[: len(published.corrections)] != published.corrections:
        return [_located(file, root, "corrections", "published corrections are kept as they are; add a new one")]
    before, after = _without_corrections(published), _without_corrections(now)
    if before == after and len(now.corrections) > len(published.corrections):
        name = f"corrections[{len(published.corrections)}]"
        message = (
            "the version is otherwise as published; a correction declares a change made to it: make it, or remove this entry"
        )
        return [_located(file, root, name, message)]
    if before != after and len(now.corrections) == len(published.corrections):
        message = (
            "this version is published and was changed; declare the change: add an entry to 'corrections' "
            "with its date and the reason in fi and en"
        )
        where = _first_change(before, after)
        return [_located(file, root, where, message) if where else _error(file, root, message)]
    return []


def _first_change(before: object, after: object, name: str = "") -> str:
    """The field of a version where ``after`` first differs from ``before``, as the loader names it
    (``sections[9].body.en``): the deepest one that tells where, else the list or record that holds the change."""
    if dataclasses.is_dataclass(before) and type(before) is type(after):
        for field in dataclasses.fields(before):
            ours, theirs = getattr(before, field.name), getattr(after, field.name)
            if ours != theirs:
                return _first_change(ours, theirs, f"{name}.{field.name}" if name else field.name)
    elif isinstance(before, tuple) and isinstance(after, tuple):
        for index, (ours, theirs) in enumerate(zip(before, after, strict=False)):
            if ours != theirs:
                return _first_change(ours, theirs, f"{name}[{index}]")
    return name


def _check_translations(
    head: OrganisationRecord, published_ids: set[str], data_dir: Path, root: Path | None, base: OrganisationRecord | None = None
) -> list[DataError]:
    """An original text changed without its translation, in new versions and corrected ones; a translation left as it
    was must be declared: 'pending', or 'unaffected', which covers each text whose original changed by a typo-sized
    fix (held to that size) while its translation stayed the same, whatever the version's kind of change; a text whose
    translation changed is translated as usual and needs no declaration."""
    errors: list[DataError] = []
    base_versions = {v.id: v.version for v in base.versions} if base else {}
    for index, record in enumerate(head.versions):
        version = record.version
        if version.translation == "pending":
            continue
        file = data_dir / head.slug / f"{record.id}.yaml"
        before: Version | None
        if record.id in published_ids:
            before = base_versions[record.id]
            if _without_corrections(base_versions[record.id]) == _without_corrections(version):
                continue
        else:
            before = head.versions[index - 1].version if index else None
        if before is None:
            continue
        unaffected = version.translation == "unaffected"  # per text: the version's kind of change is another matter
        original = version.published_in[0]
        for lang, name, words in untranslated(before, version):
            if not unaffected and record.id in published_ids:  # a correction of the archive's transcription
                message = (
                    f"the correction changes the {LANGUAGE_NAMES[original]} text but not the {LANGUAGE_NAMES[lang]}; "
                    "correct the translation too where it followed the mistake, or, where the correction fixes a typo "
                    f"of at most {UNAFFECTED_WORDS} words that the translation does not show, declare "
                    "'translation: unaffected' on this version"
                )
            elif not unaffected:
                message = (
                    f"the {LANGUAGE_NAMES[original]} text changed but the {LANGUAGE_NAMES[lang]} did not; update the "
                    "translation, or declare 'translation: pending' on this version ('translation: unaffected' if this "
                    f"text's change is a typo fix of at most {UNAFFECTED_WORDS} words that the translation does not show)"
                )
            elif words > UNAFFECTED_WORDS:
                message = (
                    f"'translation: unaffected' keeps a text's translation as it was only where at most "
                    f"{UNAFFECTED_WORDS} words of its original changed; {words} words of this {LANGUAGE_NAMES[original]} "
                    f"text changed: update the {LANGUAGE_NAMES[lang]}"
                )
            else:
                continue
            errors.append(_located(file, root, name, message))
    return errors


UNAFFECTED_WORDS = 3
"""How many words of a text's original a fix may change and leave its translation as it was ('unaffected')."""


def _error(path: Path, root: Path | None, message: str) -> DataError:
    return DataError(Location(display_path(path, root)), message)


def _located(file: Path, root: Path | None, name: str, message: str, kind: type = Version) -> DataError:
    """An error at the place of ``name`` in ``file``, a file of ``kind`` (line 1 if it cannot be found)."""
    where = Location(display_path(file, root))
    try:
        shown, node = read_yaml(file, root)
        _, decoder = decode_file(shown, node, kind)
        where = decoder.locations.get(name, where)
    except (YamlFileError, OSError):
        pass
    return DataError(where, f"{name}: {message}")
