"""Load ``data/`` into an :class:`~seloste.model.Archive`, or report every problem found.

Checks within one file are the decoder's; this module adds the checks across files and
fields: folder and file names, version order and dates, section references, captures, and
that each section's English has the paragraphs and list items of its Finnish, in order.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path

from ..markup.render import render_limit
from ..processes import cycles_left_alone, worker_start
from . import today, validation_cache
from .captures import CAPTURES_DIR, check_fidelity, check_leftover_captures, read_captures, where_in
from .decode import Decoder, decode_path
from .errors import DataError, DataErrors, Location, Run
from .folders import is_link, links_inside, slug_ok
from .languages import language_problems, text_fields
from .links import link_provenance
from .lookalike import Names, lookalike_problem, name_problems, slug_key
from .model import Archive, Organisation, OrganisationRecord, Section, Version, VersionRecord
from .organisation import tracking_problems
from .unreadable import without_unreadable
from .updates import update_problems
from .versioncheck import check_version

log = logging.getLogger("mkdocs.plugins.seloste.loader")

ORGANISATION_FILE = "organisation.yaml"
SCHEMA_DIR = "schema"
ALLOWED_TOP_FILES = frozenset({"README.md"})

_VERSION_FILE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})\.yaml")


def load_archive(
    data_dir: Path,
    root: Path | None = None,
    *,
    waiting: frozenset[Path] = frozenset(),
    only: Collection[str] | None = None,
    jobs: int = 1,
    passed: Path | None = None,
) -> Archive:
    """Load every organisation under ``data_dir``; raises DataErrors listing all problems.

    ``root`` is what error paths are shown relative to (default: the current directory). ``waiting``: captures
    saved for a version that is about to be written, which no version names yet. ``only``: load these
    organisations' folders and no others (the rules across organisations then hold among them). ``jobs``: load
    the organisations in that many processes (the archive and the problems found are the same). ``passed``:
    ``validate_archive``'s cache folder, read and never written: an organisation whose files passed its checks
    there, as they are, under this code, is read without checking them again (the archive is the same).
    """
    run, folders = _scan(data_dir, root, waiting, only)
    with cycles_left_alone():
        loaded = _load_all(run, folders, jobs, light=False, cache=passed)
    _across(run, folders, loaded)
    if run.errors:
        raise DataErrors(run.errors)
    return Archive(organisations=tuple(result.record for result in loaded if result.record is not None))


@dataclass(frozen=True, slots=True)
class Checked:
    """What ``validate_archive`` found valid: so many organisations, with so many versions in all."""

    organisations: int
    versions: int


def validate_archive(
    data_dir: Path,
    root: Path | None = None,
    *,
    waiting: frozenset[Path] = frozenset(),
    jobs: int = 1,
    cache: Path | None = None,
    trusted: Collection[str] = frozenset(),
) -> Checked:
    """Every check ``load_archive`` makes, without keeping the archive: raises DataErrors listing all problems.

    ``jobs``: check the organisations in that many processes. ``cache``: a folder where the outcome of each
    organisation's own checks is kept under the digest of its files (with the checking code's and where paths are
    shown from), and the day it was found; an organisation whose files are unchanged is not checked again (on a
    later day too, unless a date its checks compared with today was after the day they ran). The rules across
    organisations are always checked, and the problems found are the same with or without the cache. ``trusted``:
    organisations whose own checks are taken as passed, their files being as at a revision whose data passed the
    same checks (``seloste check --base``); only what the rules across organisations read is read from them.
    """
    run, folders = _scan(data_dir, root, waiting, None, reference=True)
    with cycles_left_alone():
        loaded = _load_all(run, folders, jobs, light=True, cache=cache, trusted=trusted)
    _across(run, folders, loaded)
    if run.errors:
        raise DataErrors(run.errors)
    return Checked(len(folders), sum(result.versions for result in loaded))


def _scan(
    data_dir: Path, root: Path | None, waiting: frozenset[Path], only: Collection[str] | None, *, reference: bool = False
) -> tuple[Run, list[Path]]:
    """The folders of the organisations to load, after the checks of their names; raises DataErrors if there is no
    data folder. ``reference``: the run holds the texts to render alike in both renderers (``Run.reference``)."""
    run = Run(root=root or Path.cwd(), errors=[], waiting=frozenset(path.resolve() for path in waiting), reference=reference)
    if data_dir.is_symlink():  # it could hand the check another folder's data, or its own base's
        run.error(data_dir, "the data folder is a symbolic link; data/ is a folder of its own, not a link to one")
        raise DataErrors(run.errors)
    if not data_dir.is_dir():
        run.error(data_dir, "data folder not found")
        raise DataErrors(run.errors)
    folders: list[Path] = []
    folded: dict[str, Path] = {}
    slugs: dict[str, str] = {}
    """Slugs, by what they look like (lookalike.slug_key)."""
    for entry in sorted(data_dir.iterdir()):
        if only is not None and entry.name not in only:
            continue
        if is_link(run, entry):
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
        if not slug_ok(run, entry) or links_inside(run, entry):
            continue
        if (alike := slugs.setdefault(slug_key(entry.name), entry.name)) != entry.name:
            run.error(
                entry,
                f"organisation folder name {entry.name!r} looks the same as {alike!r}, the folder of another organisation; "
                "choose a slug that reads differently",
            )
            continue
        folders.append(entry)
    return run, folders


@dataclass(frozen=True, slots=True)
class _Loaded:
    """One organisation folder's outcome: its record if all of it loads (None in a light load, which keeps only
    the number of its versions), its organisation.yaml if that does and where each of its values is written, and
    the problems found in the folder."""

    record: OrganisationRecord | None
    organisation: Organisation | None
    where: dict[str, Location]
    errors: tuple[DataError, ...]
    versions: int
    found_on: dt.date | None = None
    """The day its checks began on (None: not checked here), and the latest date they compared with today (None:
    none), for how long the outcome lasts (``today.lasts``)."""
    latest: dt.date | None = None
    passed: bool = False
    """Loaded as validate passed it (its outcome in the cache), without its checks."""


def _load_one(root: Path, waiting: frozenset[Path], folder: Path, light: bool, reference: bool, cache: Path | None) -> _Loaded:
    """The folder's outcome. ``cache``: validate's; a light load (validate) takes the outcome kept there for the
    folder's files as they are, or keeps the one it finds (and the record it loaded, if it passed); a full load only
    reads it, and loads a folder that passed without its checks."""
    slot = validation_cache.slot(cache, root, waiting, folder) if cache is not None else None
    kept = validation_cache.read(*slot) if slot is not None else None
    if light and slot is not None and kept is not None:
        if kept.errors or validation_cache.record_path(slot[0]).is_file():
            validation_cache.touch(slot[0])
            return kept
        kept = None  # passed, but its record is gone: checked again, and kept with its record
    loaded = _checked(root, waiting, folder, reference, passed=kept is not None and not kept.errors)
    if slot is not None and (light or loaded.passed):
        if validation_cache.folder_digest(folder, root, waiting) != slot[1]:  # a file changed while it was read: what
            # was read is not what the outcome is kept for; a folder read as validate passed it is checked in full
            loaded = _checked(root, waiting, folder, reference, passed=False) if loaded.passed else loaded
        elif light and loaded.found_on is not None:
            outcome = replace(loaded, record=None)
            validation_cache.write(*slot, outcome, loaded.found_on, loaded.latest, record=loaded.record)
            return outcome
    return replace(loaded, record=None) if light else loaded


def _from_validate(run: Run, folder: Path, cache: Path) -> _Loaded | None:
    """The folder's outcome as ``seloste validate`` kept it, with the record its checks loaded, if it passed them for
    the folder's files as they are (read here, in the build's own process: no file of the folder is read but to hash
    it, and nothing crosses between processes); else None."""
    path = validation_cache.slot_path(cache, run.root, folder)
    if not validation_cache.record_path(path).is_file():
        return None  # nothing kept: the folder is not hashed here, but where it is loaded
    digest = validation_cache.folder_digest(folder, run.root, run.waiting)
    kept: _Loaded | None = validation_cache.read(path, digest)
    if kept is None or kept.errors:
        return None
    record = validation_cache.read_record(path, digest)
    return replace(kept, record=record, passed=True) if record is not None else None


def _checked(root: Path, waiting: frozenset[Path], folder: Path, reference: bool, *, passed: bool) -> _Loaded:
    run = Run(root=root, errors=[], waiting=waiting, reference=reference)
    with today.compared() as noted:
        record, organisation, where = _load_organisation(run, folder, passed=passed)
    versions = len(record.versions) if record else 0
    latest = max(noted.dates, default=None)
    return _Loaded(record, organisation, where, tuple(run.errors), versions, noted.day, latest, passed)


def _load_task(task: tuple[Path, frozenset[Path], Path, bool, bool, Path | None]) -> _Loaded:
    return _load_one(*task)


def _load_all(
    run: Run, folders: list[Path], jobs: int, *, light: bool, cache: Path | None = None, trusted: Collection[str] = ()
) -> list[_Loaded]:
    """Each folder's outcome, in the folders' order: a trusted folder's from its organisation.yaml alone, the others'
    from ``jobs`` processes when there are enough folders to share out, else from here, each from the cache where it
    holds one for the folder's files as they are (``_load_one``). A full load (not ``light``) reads the cache and
    writes nothing to it: it takes the record validate kept for a folder that passed (``_from_validate``), else loads
    a folder that passed without its checks."""
    loaded: list[_Loaded | None] = [
        _organisation_only(run, folder) if folder.name in trusted
        else _from_validate(run, folder, cache) if cache is not None and not light
        else None
        for folder in folders
    ]  # fmt: skip
    missing = [index for index, result in enumerate(loaded) if result is None]
    tasks = [(run.root, run.waiting, folders[index], light, run.reference, cache) for index in missing]
    if jobs > 1 and len(tasks) >= 2 * jobs:
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        # the workers end with this process: a validate or build stopped outright leaves none behind
        with context.Pool(jobs, initializer=worker_start, initargs=(os.getpid(),)) as pool:
            results = pool.map(_load_task, tasks, chunksize=max(1, min(32, len(tasks) // (4 * jobs))))
    else:
        results = [_load_task(task) for task in tasks]
    for index, result in zip(missing, results, strict=True):
        loaded[index] = result
    done = [result for result in loaded if result is not None]
    if cache is not None and not light:
        passed = sum(result.passed for result in done)
        said = "seloste: %d of %d organisations unchanged since `seloste validate` passed them: not checked again (%d"
        rest = f"; the other {len(folders) - passed} checked" if passed < len(folders) else ""
        log.info(said + " read back whole from its cache)%s", passed, len(folders), len(folders) - len(missing), rest)
    for result in done:
        run.errors.extend(result.errors)
    return done


def _organisation_only(run: Run, folder: Path) -> _Loaded:
    """A trusted folder's outcome: its organisation.yaml, for the rules across organisations, and its versions counted."""
    own = Run(root=run.root, errors=[], waiting=run.waiting)
    organisation, decoder = decode_path(own, folder / ORGANISATION_FILE, Organisation)
    versions = sum(1 for entry in folder.iterdir() if _VERSION_FILE.fullmatch(entry.name))
    return _Loaded(None, organisation, dict(decoder.locations), tuple(own.errors), versions)


def _across(run: Run, folders: list[Path], loaded: list[_Loaded]) -> None:
    """The rules across organisations, in the folders' order: a business ID is one organisation's, and no two
    organisations' names look the same."""
    ids: dict[str, str] = {}
    """Business IDs, to the organisation that has each."""
    names = Names()
    for entry, result in zip(folders, loaded, strict=True):
        organisation, where = result.organisation, result.where
        if organisation is None:
            continue
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
        for field, name in organisation.all_names:
            looks_like = names.add(run.shown(entry), name)
            if looks_like is not None and looks_like[0] != run.shown(entry):  # its own names may be alike
                run.at(where.get(field), org_file, lookalike_problem(name, looks_like[1], looks_like[0], field))


def _load_organisation(
    run: Run, folder: Path, *, passed: bool = False
) -> tuple[OrganisationRecord | None, Organisation | None, dict[str, Location]]:
    """The organisation's record if all of it loads; its organisation.yaml if that does, and where each of its values
    is written. ``passed``: these files passed every check under this code (``validate_archive``'s cache says so):
    they are read into the model, not checked again."""
    failed_before = len(run.errors)
    org_file = folder / ORGANISATION_FILE
    organisation: Organisation | None = None
    where: dict[str, Location] = {}
    if not org_file.is_file():
        run.error(folder, f"missing {ORGANISATION_FILE}: every organisation folder needs one")
    else:
        organisation, org_decoder = decode_path(run, org_file, Organisation, comments=not passed)
        where = dict(org_decoder.locations)  # made Locations: it crosses processes, and the cache keeps it
        for name, message in (
            [*name_problems(organisation), *update_problems(organisation)] if organisation and not passed else ()
        ):
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
        version, decoder = decode_path(run, path, Version, comments=not passed)
        change_given = False
        if version is None:
            version, decoder, change_given = without_unreadable(path, run.root, decoder)
        if version is None:
            previous = None
            continue
        texts = passed or _texts_ready(run, path, version, decoder)
        pages, digests = read_captures(run, folder, path, version, decoder)
        captures = {lang: "\n".join(page_texts) for lang, page_texts in pages.items()}
        record = VersionRecord(date=date, version=version, captures=captures, pages=pages, digests=digests)
        if not passed:
            if texts:
                check_fidelity(run, folder, path, record, decoder)
                for name, message in link_provenance(record):
                    run.at(where_in(decoder, name), path, message)
            check_version(
                run, path, record, decoder, previous[0] if previous else None, first=not versions, texts=texts,
                change_given=change_given,
            )  # fmt: skip
        versions.append(record)
        previous = (record, decoder)
    if len(run.errors) == failed_before and not passed:  # every version read as it should be: is a capture left over?
        check_leftover_captures(run, folder, versions)
        for name, message in tracking_problems(organisation, versions[-1].version.published_in) if organisation else ():
            run.at(where.get(name), org_file, message)  # the pages followed, in the latest version's languages

    if len(run.errors) > failed_before or organisation is None:
        return None, organisation, where
    return OrganisationRecord(slug=folder.name, organisation=organisation, versions=_sharing(versions)), organisation, where


def _sharing(versions: list[VersionRecord]) -> tuple[VersionRecord, ...]:
    """The versions, each section that an earlier one has as it is the same object: most of a notice's sections stay
    as they were from one version to the next, and a record holds each once (in memory, in validate's cache and
    between processes)."""
    seen: dict[Section, Section] = {}
    shared = []
    for record in versions:
        sections = tuple(seen.setdefault(section, section) for section in record.version.sections)
        if any(ours is not theirs for ours, theirs in zip(sections, record.version.sections, strict=True)):
            record = replace(record, version=replace(record.version, sections=sections))
        shared.append(record)
    return tuple(shared)


def _texts_ready(run: Run, path: Path, version: Version, decoder: Decoder) -> bool:
    """Whether every text the checks read is there, in each language it must be, and can be rendered (each that
    is not is reported): before anything renders a text (fidelity, links, facts' evidence)."""
    problems = language_problems(version)
    problems += [
        (f"{name}.{lang}", f"{name}.{lang}: {limit}")
        for name, text in text_fields(version)
        for lang in text.languages
        if (limit := render_limit(text[lang]))
    ]
    for name, message in problems:
        run.at(where_in(decoder, name), path, message)
    return not problems
