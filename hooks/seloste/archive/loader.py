"""Load ``data/`` into an :class:`~seloste.model.Archive`, or report every problem found.

Checks within one file are the decoder's; this module adds the checks across files and
fields: folder and file names, version order and dates, section references, captures, and
that each section's English has the paragraphs and list items of its Finnish, in order.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from ..limits import MAX_SECTIONS, MAX_SLUG
from ..markup.blocks import parity_problem
from ..markup.render import link_problems, render_limit
from .captures import CAPTURES_DIR, check_fidelity, check_leftover_captures, read_captures, where_in
from .decode import Decoder, decode_file
from .errors import DataError, DataErrors, Location, Run, display_path
from .evidence import TITLE_ID, evidence_problems, fact_items
from .facts import DENIALS, LIST_DENIALS
from .languages import language_problems, text_fields
from .links import link_provenance
from .localized import LANGUAGE_NAMES
from .lookalike import Names, lookalike_problem, mixed_script_problem, slug_key
from .model import Archive, Organisation, OrganisationRecord, Version, VersionRecord
from .types import SLUG_PATTERN
from .updates import correction_problems, update_problems
from .yamlsource import YamlFileError, read_yaml

ORGANISATION_FILE = "organisation.yaml"
SCHEMA_DIR = "schema"
ALLOWED_TOP_FILES = frozenset({"README.md"})
RESERVED_SLUGS = frozenset(
    {
        *("en", "fi", "sv", "assets", "search", "search-index", "about", "tietoa", "data", "feeds", "feed", "schema", "404"),
        *("facts", "open-data", "architecture", "benchmark", "sitemap", "stylesheets", "javascripts", "images", "lite"),
    }
)
"""Slugs that would collide with the site's own paths."""

_VERSION_FILE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})\.yaml")
_TOP_HEADING = re.compile(r"^ {0,3}#{1,2}(?:\s|$)")


def load_archive(data_dir: Path, root: Path | None = None, *, waiting: frozenset[Path] = frozenset()) -> Archive:
    """Load every organisation under ``data_dir``; raises DataErrors listing all problems.

    ``root`` is what error paths are shown relative to (default: the current directory). ``waiting``: captures
    saved for a version that is about to be written, which no version names yet.
    """
    run = Run(root=root or Path.cwd(), errors=[], waiting=frozenset(path.resolve() for path in waiting))
    if data_dir.is_symlink():  # it could hand the check another folder's data, or its own base's
        run.error(data_dir, "the data folder is a symbolic link; data/ is a folder of its own, not a link to one")
        raise DataErrors(run.errors)
    if not data_dir.is_dir():
        run.error(data_dir, "data folder not found")
        raise DataErrors(run.errors)
    records: list[OrganisationRecord] = []
    folded: dict[str, Path] = {}
    ids: dict[str, str] = {}
    """Business IDs, to the organisation that has each."""
    names = Names()
    slugs: dict[str, str] = {}
    """Slugs, by what they look like (lookalike.slug_key)."""
    for entry in sorted(data_dir.iterdir()):
        if _is_link(run, entry):
            continue
        if entry.is_file():
            if entry.name not in ALLOWED_TOP_FILES:
                run.error(entry, "unexpected file: data/ holds one folder per organisation (data/<slug>/)")
            continue
        if entry.name.startswith("."):  # .gitattributes could hide files from the base branch's git archive
            run.error(entry, "unexpected hidden file or folder: data/ holds one folder per organisation (data/<slug>/)")
            continue
        if entry.name == SCHEMA_DIR:
            continue
        key = entry.name.casefold()
        if key in folded:  # one of the two is not a valid slug, but say why the pair cannot stand
            run.error(entry, f"organisation folder differs from {folded[key].name!r} only by case")
            continue
        folded[key] = entry
        if not _slug_ok(run, entry) or _links_inside(run, entry):
            continue
        if (alike := slugs.setdefault(slug_key(entry.name), entry.name)) != entry.name:
            run.error(
                entry,
                f"organisation folder name {entry.name!r} looks the same as {alike!r}, the folder of another organisation; "
                "choose a slug that reads differently",
            )
            continue
        record, organisation, where = _load_organisation(run, entry)
        if organisation is not None:  # whatever its versions say: who it is must be told apart from the others
            org_file = entry / ORGANISATION_FILE
            business_id = organisation.business_id
            if business_id in ids:
                run.at(
                    where.get("business_id"),
                    org_file,
                    f"business_id: {business_id} is already the business ID of {ids[business_id]!r}; "
                    "an organisation has one folder, with all its notices' versions",
                )
            elif business_id:
                ids[business_id] = entry.name
            looks_like = names.add(display_path(entry, run.root), organisation.name)
            if looks_like is not None:
                run.at(where.get("name"), org_file, lookalike_problem(organisation.name, looks_like[1], looks_like[0]))
        if record is not None:
            records.append(record)
    if run.errors:
        raise DataErrors(run.errors)
    return Archive(organisations=tuple(records))


def _is_link(run: Run, path: Path) -> bool:
    """A symbolic link anywhere in data/ is refused (reported) rather than followed: it could publish a file from
    outside the repository, and a dangling one would crash a build."""
    if not path.is_symlink():
        return False
    run.error(path, "a symbolic link: data/ holds files and folders only; copy the file in instead")
    return True


def _links_inside(run: Run, folder: Path) -> bool:
    """Report every symbolic link inside an organisation's folder; True if there is any."""
    found = False
    for top, folders, files in os.walk(folder, followlinks=False):
        for name in sorted(folders + files):
            found |= _is_link(run, Path(top) / name)
    return found


def _slug_ok(run: Run, folder: Path) -> bool:
    slug = folder.name
    if len(slug) > MAX_SLUG:
        run.error(folder, f"organisation folder name is {len(slug)} characters long; a slug may have at most {MAX_SLUG}")
        return False
    if not re.fullmatch(SLUG_PATTERN, slug) or not slug.isascii():
        run.error(
            folder,
            f"organisation folder name {slug!r} is not a valid slug: "
            "expected lowercase a-z, 0-9 and single hyphens, such as 'micro-magic'",
        )
        return False
    if slug in RESERVED_SLUGS:
        run.error(folder, f"organisation slug {slug!r} is reserved for the site's own pages; choose another")
        return False
    return True


def _load_organisation(run: Run, folder: Path) -> tuple[OrganisationRecord | None, Organisation | None, dict[str, Location]]:
    """The organisation's record if all of it loads; its organisation.yaml if that does, and where each of its values
    is written."""
    failed_before = len(run.errors)
    org_file = folder / ORGANISATION_FILE
    organisation: Organisation | None = None
    where: dict[str, Location] = {}
    if not org_file.is_file():
        run.error(folder, f"missing {ORGANISATION_FILE}: every organisation folder needs one")
    else:
        organisation, org_decoder = _decode(run, org_file, Organisation)
        where = org_decoder.locations
        mixed = mixed_script_problem(organisation.name) if organisation else None
        if mixed:
            run.at(where.get("name"), org_file, mixed)
        for name, message in update_problems(organisation) if organisation else ():
            run.at(where.get(name), org_file, message)

    version_files: list[tuple[dt.date, Path]] = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):  # a .gitattributes here could hide published files from the base's archive
            run.error(
                entry, "unexpected hidden file: an organisation folder holds organisation.yaml, version files and captures/"
            )
            continue
        if entry.name in (ORGANISATION_FILE, CAPTURES_DIR):
            continue
        match = _VERSION_FILE.fullmatch(entry.name)
        if not match or not entry.is_file():
            run.error(
                entry,
                "unexpected file: an organisation folder holds organisation.yaml, <YYYY-MM-DD>.yaml version files and captures/",
            )
            continue
        try:
            version_files.append((dt.date.fromisoformat(match.group(1)), entry))
        except ValueError as err:
            run.error(entry, f"version file name {entry.name!r} is not a real date ({err})")
    if not version_files and org_file.is_file():
        run.error(org_file, "no versions: add at least one <YYYY-MM-DD>.yaml notice version")

    versions: list[VersionRecord] = []
    previous: tuple[VersionRecord, Decoder] | None = None
    for date, path in version_files:
        version, decoder = _decode(run, path, Version)
        if version is None:
            previous = None
            continue
        problems = language_problems(version)
        problems += [  # before anything renders a text: fidelity, links, facts' evidence
            (f"{name}.{lang}", f"{name}.{lang}: {limit}")
            for name, text in text_fields(version)
            for lang in text.languages
            if (limit := render_limit(text[lang]))
        ]
        for name, message in problems:
            run.at(where_in(decoder, name), path, message)
        texts = not problems  # every text the checks below read is there, and can be rendered
        pages, digests = read_captures(run, folder, path, version, decoder)
        captures = {lang: "\n".join(page_texts) for lang, page_texts in pages.items()}
        record = VersionRecord(date=date, version=version, captures=captures, pages=pages, digests=digests)
        if texts:
            check_fidelity(run, folder, path, record, decoder)
            for name, message in link_provenance(record):
                run.at(where_in(decoder, name), path, message)
        _check_version(run, path, record, decoder, previous[0] if previous else None, first=not versions, texts=texts)
        versions.append(record)
        previous = (record, decoder)
    if len(run.errors) == failed_before:  # every version read as it should be: a capture none names is left over
        check_leftover_captures(run, folder, versions)

    if len(run.errors) > failed_before or organisation is None:
        return None, organisation, where
    return OrganisationRecord(slug=folder.name, organisation=organisation, versions=tuple(versions)), organisation, where


_decoded: dict[tuple[str, str, type], tuple[tuple[int, int], object, Decoder, DataError | None]] = {}
"""Decoded files by path, kept while unchanged: `mkdocs serve` reloads data/ on every edit."""


def _decode(run: Run, path: Path, cls: type):
    stat = path.stat()
    key, signature = (str(path.resolve()), str(run.root), cls), (stat.st_mtime_ns, stat.st_size)
    cached = _decoded.get(key)
    if cached is None or cached[0] != signature:
        try:
            display, node = read_yaml(path, run.root)
            value, decoder = decode_file(display, node, cls)
            cached = (signature, value, decoder, None)
        except YamlFileError as err:
            cached = (signature, None, Decoder(display_path(path, run.root)), err.error)
        _decoded[key] = cached
    _signature, value, decoder, error = cached
    if error is not None:
        run.errors.append(error)
    run.errors.extend(decoder.errors)
    return value, decoder


def _check_version(
    run: Run, path: Path, record: VersionRecord, decoder: Decoder, previous: VersionRecord | None, *, first: bool, texts: bool
) -> None:
    """Dates, the change, sections and facts; the texts' links and the facts' evidence only if ``texts`` are all there."""
    version = record.version
    loc = decoder.locations.get

    if version.stated_date and version.stated_date > record.date:
        run.at(
            loc("stated_date"),
            path,
            f"stated_date: {version.stated_date} is after the version date "
            f"{record.date} given by the file name; the version date is the stated date or later",
        )
    today = dt.date.today()
    if record.date > today:
        run.error(path, f"the version date {record.date} (the file name) is after today; a version is dated when published")
    if version.recorded_date > today:
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
    earlier = previous.version.stated_date if previous else None
    if earlier and version.stated_date and version.stated_date < earlier:
        assert previous is not None
        run.at(
            loc("stated_date"),
            path,
            f"stated_date: versions out of order: {version.stated_date} is before "
            f"the previous version's stated date {earlier} ({previous.id}.yaml)",
        )
    if first and version.change is not None:
        run.at(
            loc("change"),
            path,
            "change: the first version of an organisation has nothing to change from; remove 'change'",
        )
    if not first and version.change is None:
        run.error(path, "change: required from the second version on; say what changed (kind and summary)")

    langs = version.text_languages if texts else ()
    for lang in langs:
        for problem in link_problems(version.title[lang]):
            run.at(loc(f"title.{lang}"), path, f"title.{lang}: {problem}")
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
            if parity:
                run.at(loc(f"sections[{index}].body"), path, f"sections[{index}].body: {parity}")
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
    if texts:
        for name, message in evidence_problems(version):
            run.at(loc(name) or loc(name.rsplit(".", 1)[0]), path, message)


def _check_body(run: Run, path: Path, decoder: Decoder, name: str, body: str) -> None:
    where = decoder.locations.get(name)
    for problem in link_problems(body):
        run.at(where, path, f"{name}: {problem}")
    for offset, line in enumerate(body.splitlines()):
        if _TOP_HEADING.match(line):
            line_no = (where.line + 1 + offset) if where else 1
            run.error(
                path,
                f"{name}: '#' and '##' headings are the page's and the sections'; use '###' for a heading inside a section",
                line=line_no,
                column=1,
            )
