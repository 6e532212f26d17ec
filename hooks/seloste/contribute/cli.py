"""``seloste``: the archive's command line, for contributors, editors and CI.

Exit codes: 0 success; 1 the data (or the change, or a schema) has problems, each listed
as ``path:line:col: message``; 2 the command was used wrongly (unknown organisation,
version or git revision, a file that already exists).
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import os
import sys
import time
import typing
from pathlib import Path

from ..archive.errors import DataErrors
from ..archive.loader import CAPTURES_DIR, load_archive, validate_archive
from ..archive.model import Archive
from ..archive.validation_cache import default_folder, prune
from ..labels import counted
from .usage import UsageError

if typing.TYPE_CHECKING:
    from .gitbase import Base

# Each command imports what only it needs when it runs (the change report, git, fetching and reading pages, the
# scaffolds, the schemas): `seloste validate`, run after every edit, starts in half the time without them.

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
EPILOG = "Exit codes: 0 success, 1 problems in the data (listed as path:line:col: message), 2 usage error."


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seloste", description="Seloste: validate, update and compare the privacy-notice archive's data.", epilog=EPILOG
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=summary, description=description, epilog=EPILOG)
        p.add_argument("--data", type=Path, default=Path("data"), help="the data folder (default: data)")
        return p

    validate = command(
        "validate",
        "check every file under data/ and report all problems",
        "Check every organisation and version under the data folder: each file against the model, each fact against "
        "the section it cites, that each version's Finnish text holds every sentence of its original capture in order, "
        "and nothing else, and that each section's English has the paragraphs and list items of its Finnish, in the "
        "same order (unless the version declares 'translation: pending'). Report every problem as path:line:col: "
        "message. Only the rules that need the published data are left to 'seloste check --base': published versions "
        "and their captures unchanged, new versions dated after the published ones, Finnish changes matched in "
        "English. Exit 0 if the data is valid, 1 if not.",
    )
    check = command(
        "check",
        "validate, then check the change against a base revision (the pull request's rules)",
        "Validate the data (everything 'seloste validate' checks, for every organisation the change touches; the "
        "others, whose files are as at the base, are read for the rules across organisations only when the checking "
        "code and its libraries are the base's, as in CI: --full checks every one), then compare it with the data at "
        "a base git revision: a published version is never edited or deleted unless a correction with its reason is declared, "
        "a published capture never changes, a new version comes with its capture and is dated after the latest "
        "published one, and a change of the original comes with its translation's unless the version declares "
        "'translation: pending' (or 'unaffected': each text changed only by a typo fix of at most 3 words keeps its "
        "translation). Exit 0 if all rules hold, 1 if not, "
        "2 if the revision cannot be read.",
    )
    check.add_argument("--base", required=True, help="git revision to compare with, e.g. origin/main")
    check.add_argument(
        "--full",
        action="store_true",
        help="check every organisation again, also those whose files are as at the base (by default these are taken "
        "as the base's checks left them when the checking code and its libraries are the base's)",
    )
    for p in (validate, check):
        p.add_argument(
            "--jobs",
            type=int,
            default=_cores(),
            help="organisations checked at a time, each in a process of its own (default: the cores this process may use)",
        )
        p.add_argument(
            "--no-cache",
            action="store_true",
            help="check every organisation again, not only those whose files changed since the last run "
            "(the cache is in $SELOSTE_CACHE, else ~/.cache/seloste)",
        )
    changed = command(
        "changes",
        "print a Markdown report of what changed against a base revision",
        "Print, in Markdown, every new organisation, new version and corrected version compared with the data at a "
        "base git revision: facts field by field and the text word by word, in Finnish and English. "
        "CI writes it into the pull request's job summary.",
    )
    changed.add_argument("--base", required=True, help="git revision to compare with, e.g. origin/main")
    report = command(
        "report",
        "print the change report between two versions of an organisation",
        "Print, in Markdown, what changed between two versions of an organisation's notice: facts field by field "
        "and the text word by word, in Finnish and English. Without versions: the latest against the one before.",
    )
    report.add_argument("slug", help="the organisation's folder name, e.g. planeetta-internet")
    report.add_argument("old", nargs="?", help="the older version (its date), e.g. 2021-01-26")
    report.add_argument("new", nargs="?", help="the newer version (its date), e.g. 2022-03-21")
    new_org = command(
        "new-organisation",
        "start a new organisation from a skeleton",
        "Create data/SLUG/ with organisation.yaml, a first version file to fill in and a captures/ folder. The "
        "skeleton's empty texts fail validation on purpose, each naming the field to fill in. Without --date the version "
        "is dated today and says first_published: unknown (in force by today, first published then or earlier).",
    )
    new_org.add_argument("slug", help="folder name: lowercase a-z, 0-9 and single hyphens, e.g. esimerkki-oy")
    new_org.add_argument("--name", required=True, help="the organisation's name as it writes it")
    new_org.add_argument("--business-id", help="the Y-tunnus, if known")
    new_org.add_argument(
        "--date",
        type=dt.date.fromisoformat,
        help="version date: the date the notice states, or the day it was published (default: today, with "
        "first_published: unknown)",
    )
    new_org.add_argument(
        "--first-published-unknown",
        action="store_true",
        help="--date is a day the text is known to have been in force (a commit's, an archive snapshot's), not the day "
        "it was published, which is not known",
    )
    new_version = command(
        "new-version",
        "start a new version from the latest one",
        "Copy the organisation's latest version to DATE.yaml with today's recording date and an empty change "
        "to fill in; the texts and facts are the previous version's, to edit into the new one. source.capture names "
        "captures/DATE.txt, whether the capture is saved already (then it is used, and validate compares the text "
        "with it) or not yet. Of the previous source, what says where the notice lives is kept: repository, path, "
        "a url without a commit id, and capture_noise lines without one; what names the previous version's own "
        "text is not: commit, a url or noise line with a commit id, note. Also not copied: stated_date, first_published, "
        "corrections, translation. Without --date (the day the text changed is not known) the version is dated today "
        "and says changed_after: the latest version's date, or --changed-after. It prints what it copied and what is left.",
    )
    new_version.add_argument("slug", help="the organisation's folder name")
    new_version.add_argument(
        "--date", type=dt.date.fromisoformat, help="version date (default: today, with --changed-after the latest's date)"
    )
    new_version.add_argument(
        "--changed-after", type=dt.date.fromisoformat, help="the day after which the text changed, where its day is not known"
    )

    importing = command(
        "import",
        "start an organisation's notice, or a new version of it, from its page",
        "Fetch SOURCE (an http(s) address, or a local file: an HTML page, Markdown, MDX, Nuxt Content, a React or "
        "Vue component's .jsx, .tsx, .js or .vue source (its markup, read as the page shows it) or plain text; "
        "several SOURCEs are one notice over several pages, in reading order; --also LANG=SOURCE, the same notice as "
        "the organisation publishes it in another language), take the part --select names without what --remove names, "
        "and write data/SLUG/: organisation.yaml if the organisation is new (with the pages and selectors under "
        "'tracking', for 'seloste track'), the capture of each page (the selected part as Markdown, byte for byte) "
        "and a draft version whose texts are the capture's, split into sections at its headings, with the translation "
        "pending. The version is dated by the date the notice states, or --date, or today; a new organisation's version "
        "dated today says first_published: unknown (in force by today, first published then or earlier).",
    )
    importing.add_argument("slug", help="the organisation's folder name, e.g. esimerkki-oy")
    importing.add_argument("sources", nargs="+", metavar="SOURCE", help="the notice's page(s): address or file")
    importing.add_argument("--select", help="CSS selector of the notice in the page, e.g. 'main article' (default: body)")
    importing.add_argument("--remove", action="append", default=[], help="CSS selector of something to leave out (repeatable)")
    importing.add_argument("--name", help="the organisation's name as it writes it (needed for a new organisation)")
    importing.add_argument("--date", type=dt.date.fromisoformat, help="version date (default: the stated date, or today)")
    importing.add_argument(
        "--changed-after", type=dt.date.fromisoformat, help="the day after which the text changed, where its day is not known"
    )
    importing.add_argument(
        "--first-published-unknown",
        action="store_true",
        help="for a new organisation: --date (or the stated date) is a day the text is known to have been in force, not "
        "the day it was published; without a stated date or --date this is said for you",
    )
    importing.add_argument("--language", choices=("fi", "sv", "en"), default="fi", help="the notice's language (default: fi)")
    importing.add_argument(
        "--url", action="append", default=[], help="where a SOURCE saved as a file is published (one per SOURCE, in order)"
    )
    importing.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="LANG=SOURCE",
        help="the same notice as the organisation publishes it in another language (fi, sv or en), e.g. --also "
        "en=https://example.fi/en/privacy; repeatable. One version with published_in listing SOURCE's language and "
        "these, each language's capture its own, sections paired by order",
    )
    importing.add_argument(
        "--also-url", action="append", default=[], metavar="LANG=URL", help="where an --also SOURCE saved as a file is published"
    )
    tracking = command(
        "track",
        "fetch the tracked notices and record the ones that changed",
        "Fetch the pages of every organisation with 'tracking' in its organisation.yaml (or of those named), several "
        "at a time, and compare the notice's text with its latest capture. For each that changed, write the new "
        "captures and a draft version, dated by the date the notice states where that is after the day it was last "
        "found unchanged, else today (with changed_after), with change.kind left for a person to set and the translation "
        "pending. A source that fails is reported and the others go on. Exit 1 if any source failed, 0 otherwise, "
        "whether or not anything changed.",
    )
    tracking.add_argument("slugs", nargs="*", metavar="SLUG", help="organisations to track (default: every tracked one)")
    tracking.add_argument("--jobs", type=int, default=4, help="pages fetched at a time (default: 4)")
    tracking.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for a page (default: 20)")
    tracking.add_argument("--list", action="store_true", help="only list the tracked organisations")
    tracking.add_argument("--reports", type=Path, help="write the change report of each draft to DIR/<slug>.md")
    tracking.add_argument(
        "--log",
        type=Path,
        help="keep the tracking log in FILE (created if missing): the day and outcome of each notice's latest check, "
        "which the site shows (SELOSTE_TRACKING_LOG)",
    )

    schema = sub.add_parser(
        "schema",
        help="check or rewrite data/schema/*.json from the model",
        description="The JSON Schemas in data/schema/ are generated from the model. --check exits 1 if they are "
        "out of date; --write regenerates them.",
        epilog=EPILOG,
    )
    mode = schema.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="exit 1 if a schema file is out of date")
    mode.add_argument("--write", action="store_true", help="regenerate the schema files")
    schema.add_argument("--dir", type=Path, default=Path("data/schema"), help="schema folder (default: data/schema)")
    return parser


def run() -> typing.NoReturn:
    """The command line's entry (``seloste``, ``python -m seloste``): :func:`main`, then out of the process without
    freeing what it holds. What a command made is freed with the process; freeing it object by object first took 5 s
    of a 37 s validate of 2,000 organisations in one process (mypy leaves the same way). Exit handlers still run, and
    every file a command writes is closed before :func:`main` returns."""
    code = main()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except DataErrors as err:
        print(err.report(), file=sys.stderr)
        return EXIT_DATA
    except UsageError as err:  # a git revision that cannot be read too (gitbase.GitError)
        print(f"seloste {args.command}: {err}", file=sys.stderr)
        return EXIT_USAGE


def _as_at_base(base: Base, trusted: frozenset[str], *, full: bool) -> str:
    """What the check said of the organisations whose files are as at the base."""
    same = counted(len(base.untouched), "organisation", "organisations")
    changed = counted(len(base.touched), "organisation", "organisations")
    if trusted:
        return (
            f"({changed} changed, checked in full; {same} as at {base.ref}, file for file, taken as the checks of "
            f"{base.ref} left them, read only for the rules across organisations: 'seloste validate' checks every one)"
        )
    why = "as asked (--full)" if full else f"as {base.distrust}"
    return f"({changed} changed; every organisation checked in full, {why})"


def _run(args: argparse.Namespace) -> int:
    if args.command == "schema":
        return _schema(args.dir, write=args.write)
    if args.command == "new-organisation":
        from .scaffold import new_organisation

        return new_organisation(
            args.data, args.slug, args.name, args.business_id, args.date, unknown=args.first_published_unknown
        )
    if args.command == "import":
        from .following import run_import

        return run_import(args)
    waiting: set[Path] = set()
    if args.command == "new-version":  # the new version's captures may be saved before it: captures/DATE.txt, DATE.fi.txt
        from .scaffold import CAPTURE_ENDINGS

        captures = args.data / args.slug / CAPTURES_DIR
        day = (args.date or dt.date.today()).isoformat()
        waiting = {path for end in CAPTURE_ENDINGS for path in (captures / f"{day}{end}", *captures.glob(f"{day}.*{end}"))}
    if args.command in ("validate", "check"):
        cache = None if args.no_cache else default_folder()
        against = None
        if args.command == "check":
            from .gitbase import base_of

            against = base_of(args.base, args.data)
        trusted = against.untouched if against and not args.full and against.distrust is None else frozenset()
        try:
            checked = validate_archive(args.data, jobs=max(1, args.jobs), cache=cache, trusted=trusted)  # fidelity included
        finally:
            if cache is not None:
                prune(cache, time.time())  # what no run has used for weeks: organisations and checkouts gone
        if against is None:
            organisations = counted(checked.organisations, "organisation", "organisations")
            print(f"{args.data}: {organisations}, {counted(checked.versions, 'version', 'versions')}: valid")
            return EXIT_OK
        from .gitbase import check_change_at

        problems = check_change_at(against, args.data)
        if problems:
            raise DataErrors(problems)
        print(f"{args.data}: valid, and the change against {args.base} keeps the archive's rules")
        print(_as_at_base(against, trusted, full=args.full))
        return EXIT_OK
    archive = _valid(args.data, frozenset(waiting))  # a new version's capture may be saved before the version
    if args.command == "changes":
        from ..compare.report import changes, render_report
        from .gitbase import comment_changes, data_at, load_base

        with data_at(args.base, args.data) as base_dir:
            base = load_base(base_dir, args.base)
            comments = comment_changes(base_dir, args.data)
        title = f"Changes to the published notices (against {args.base})"
        print(render_report(changes(base, archive), title, comments, full=f"seloste changes --base {args.base}"), end="")
        return EXIT_OK
    if args.command == "report":
        from ..compare.report import comparison, render_report

        record = _organisation(archive, args.slug)
        ids = [v.id for v in record.versions]
        if args.old is None and args.new is None:
            if len(ids) < 2:
                raise UsageError(f"{args.slug} has only one version ({ids[0]}); nothing to compare")
            old, new = ids[-2], ids[-1]
        elif args.old is not None and args.new is not None:
            old, new = args.old, args.new
        else:
            raise UsageError("give both versions, or neither")
        for version in (old, new):
            if version not in ids:
                raise UsageError(f"{args.slug} has no version {version}; its versions are {', '.join(ids)}")
        name = record.organisation.name
        print(
            render_report(
                [comparison(record, old, new)], f"{name}: {old} → {new}", full=f"seloste report {args.slug} {old} {new}"
            ),
            end="",
        )
        return EXIT_OK
    if args.command == "new-version":
        from .scaffold import new_version

        return new_version(args.data, _organisation(archive, args.slug), args.date, args.changed_after)
    if args.command == "track":
        from .following import run_track

        return run_track(args, archive)
    raise UsageError(f"unknown command {args.command}")  # pragma: no cover - argparse rejects it first


def _valid(data: Path, waiting: frozenset[Path] = frozenset()) -> Archive:
    return load_archive(data, waiting=waiting)  # every check, fidelity to the captures included


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _organisation(archive: Archive, slug: str):
    try:
        return archive.get(slug)
    except KeyError:
        known = ", ".join(record.slug for record in archive.organisations)
        raise UsageError(f"no organisation {slug!r} in the data; known: {known}") from None


def _schema(schema_dir: Path, *, write: bool) -> int:
    from ..archive.schema import stale_schemas, write_schemas

    if write:
        for path in write_schemas(schema_dir):
            print(f"wrote {path}")
        return EXIT_OK
    stale = stale_schemas(schema_dir)
    for name in stale:
        print(f"{schema_dir / name}:1:1: out of date with the model; run 'seloste schema --write'", file=sys.stderr)
    return EXIT_DATA if stale else EXIT_OK
