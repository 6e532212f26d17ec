"""The commands that follow live notices: ``seloste import`` and ``seloste track``."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import urllib.parse
from pathlib import Path
from typing import Any

from ..archive.errors import DataErrors
from ..archive.folders import RESERVED_SLUGS
from ..archive.loader import ORGANISATION_FILE, load_archive
from ..archive.localized import LANGUAGE_NAMES
from ..archive.model import Archive, OrganisationRecord
from ..archive.tracklog import EMPTY, CheckStatus, TrackingLog, dump_log, load_log, next_check
from ..archive.types import SLUG_PATTERN
from .carrying import carried_note, facts_note
from .dating import date_range, first_published_note, range_note
from .extract import MARKDOWN_FILES, ExtractError, capture_of, page_title, reads_as, site_links_note
from .fetch import FetchError, fetch, file_address
from .githubfile import at_last_commit, branch_file, followed_address
from .importer import Page, draft_version, pinned_file, write_organisation, write_version
from .multilingual import capture_names, draft_languages
from .scaffold import carried_source
from .stateddate import date_note, latest_statement
from .tracker import Outcome, draft_report, track, tracked
from .usage import UsageError

EXIT_OK, EXIT_FAILED = 0, 1


def _serves_text(url: str) -> bool:
    """Whether an address serves a file as the text it holds, as a saved text or Markdown file does: one named so (GitHub's
    page of a file is read as the file, ``fetch.file_address``)."""
    return urllib.parse.urlsplit(file_address(url)).path.lower().endswith(MARKDOWN_FILES)


def _previous_address(previous: Any, pages: list[Page], languages: list[str]) -> str | dict[str, str] | None:
    """The previous version's address, for a new version imported from saved files that name none: where it is one
    page's (or one page per language, in the languages of the new version's pages), and names no commit; None
    otherwise."""
    if any(page.url for page in pages):
        return None
    kept, _left = carried_source(previous.source)
    url = kept.get("url")
    if "pages" in kept:
        return None
    if isinstance(url, str):
        return url if len(pages) == 1 else None
    return url if isinstance(url, dict) and len(pages) > 1 and set(url) == set(languages) else None


def run_import(args: argparse.Namespace) -> int:
    data: Path = args.data
    slug: str = args.slug
    if not re.fullmatch(SLUG_PATTERN, slug) or slug in RESERVED_SLUGS:
        raise UsageError(f"{slug!r} is not a usable slug: lowercase a-z, 0-9 and single hyphens, not one of the site's own paths")
    folder = data / slug
    record = None
    if folder.exists():
        try:
            record = load_archive(data).get(slug)
        except DataErrors as err:
            raise UsageError(f"{data} has problems to fix before a new version can be added:\n{err.report()}") from None
        except KeyError:
            raise UsageError(f"{folder} exists but is not an organisation's folder") from None
    elif not args.name:
        raise UsageError(f"{slug} is a new organisation: give its name as it writes it, --name 'Esimerkki Oy'")
    if args.url and len(args.url) != len(args.sources):
        raise UsageError(f"give one --url per SOURCE, in the same order ({len(args.sources)} sources, {len(args.url)} --url)")
    also, also_urls = _by_language(args.also, "--also", "SOURCE"), _by_language(args.also_url, "--also-url", "URL")
    if args.language in also:
        raise UsageError(
            f"--also {args.language}=...: {args.language} is the SOURCE's language (--language); --also gives the others"
        )
    if also and len(args.sources) > 1:
        raise UsageError(
            "a notice published in several languages is imported with one page per language: one SOURCE and one "
            f"--also LANG=SOURCE for each other language (got {len(args.sources)} SOURCEs)"
        )
    if unaddressed := sorted(set(also_urls) - set(also)):
        raise UsageError(f"--also-url {unaddressed[0]}=...: no --also {unaddressed[0]}=SOURCE to give an address to")
    pages: list[Page] = []
    saved_text: list[str] = []
    """Saved text or Markdown files given the address of a web page: 'seloste track' would read that page's HTML."""
    title, commits = None, []

    def read(source: str, url: str | None) -> tuple[Page, str | None]:
        """One SOURCE as a page, and its page's title: a repository's file on a branch at its last commit there (kept
        in ``commits``, and said); a saved text given a page's address is kept in ``saved_text``."""
        read_at, commit = at_last_commit(source)
        fetched = fetch(read_at)
        url = fetched.url or url
        if commit is not None:
            commits.append(commit)
            print(f"{source}: read at {commit.id}, the last commit to change it there, of {commit.day.isoformat()}")
        capture = capture_of(fetched.text, select=args.select, remove=tuple(args.remove), base=url, name=source)
        if url and not fetched.url and capture == fetched.text and not _serves_text(url):
            saved_text.append(source)
        return Page(url, capture, source), page_title(fetched.text)

    others: dict[str, Page] = {}
    titles: dict[str, str | None] = {}
    try:
        for index, source in enumerate(args.sources):
            page, page_title_ = read(source, args.url[index] if args.url else None)
            pages.append(page)
            title = title or page_title_
        titles[args.language] = title
        for lang, source in also.items():
            others[lang], titles[lang] = read(source, also_urls.get(lang))
    except (FetchError, ExtractError) as err:
        print(f"seloste import: {err}", file=sys.stderr)
        return EXIT_FAILED
    names = LANGUAGE_NAMES
    for number, page in enumerate(pages, start=1):
        found = reads_as(page.capture)
        if found and found != args.language:
            raise UsageError(
                f"SOURCE {number} ({args.sources[number - 1]}) reads as {names[found]}, not {names[args.language]}: "
                f"the SOURCEs are the pages of one language's notice, in order (give --language {found} if the notice "
                "is in that language; for a notice the organisation publishes in several languages, give the others "
                "with --also LANG=SOURCE)"
            )
    for lang, page in others.items():
        found = reads_as(page.capture)
        if found and found != lang:
            raise UsageError(
                f"--also {lang}={also[lang]} reads as {names[found]}, not {names[lang]}: give it as --also {found}=..."
            )
    today = dt.date.today()
    statement, differing = latest_statement(
        {args.language: "\n".join(p.capture for p in pages)} | {k: p.capture for k, p in others.items()}
    )
    stated = statement[0] if statement else None
    # a stated date no later than the latest version's is not this text's (a change that kept the date it states)
    known = args.date or (stated if stated and stated <= today and not (record and stated <= record.current.date) else None)
    # files of a repository, each read at the last commit that changed it on its branch: they changed on that day
    committed = max(c.day for c in commits) if len(commits) == len(args.sources) + len(also) else None
    if committed and record and committed <= record.current.date:  # what the tracker refuses to write: said here
        print(
            f"check the repository's history: its last commit of the file ({committed.isoformat()}) is not after version "
            f"{record.current.id}, so that version may not be the branch's latest text; this one is dated as a change seen today"
        )
    committed = committed if committed and not (record and committed <= record.current.date) and not known else None
    known = known or committed
    date = known or today
    if date > today:
        raise UsageError(f"--date {date.isoformat()} is after today; a version is dated when it was published or first seen")
    if record is not None and date <= record.current.date:
        raise UsageError(f"a new version of {slug} must be dated after its latest ({record.current.id}); give --date")
    if record is None and args.changed_after:
        raise UsageError("--changed-after is for a new version of an organisation: a first version has no text before it")
    if record is not None and args.first_published_unknown:
        raise UsageError(
            f"--first-published-unknown is for an organisation's first version; {slug} has versions: where the day a new "
            "version's text changed is not known, give --changed-after"
        )
    # a first version dated by neither a stated date nor --date is dated today, the day its capture shows it in force
    unknown = record is None and (args.first_published_unknown or known is None)
    after = date_range(record.current, date, after=args.changed_after, date_known=known is not None) if record else None
    name = record.organisation.name if record else args.name
    previous = record.current.version if record else None
    previous_pages = record.current.pages if record else None  # its captures: where its noise stood
    pairing: list[str] = []
    capture_files = None
    try:
        if others:
            by_language = {args.language: pages[0], **others}
            paired = draft_languages(
                by_language, date=date, stated=stated, controller=name, titles=titles, previous=previous,
                changed_after=after, first_published_unknown=unknown, previous_pages=previous_pages,
            )  # fmt: skip
            version, carried, check, pairing = paired.version, paired.carried, paired.controller_check, paired.pairing
            notes = paired.notes
            pages, capture_files = list(by_language.values()), list(capture_names(date, by_language).values())
        else:
            version, carried, check, notes = draft_version(
                pages, lang=args.language, date=date, stated=stated, controller=name, fallback_title=title,
                previous=previous, changed_after=after, first_published_unknown=unknown,
                previous_pages=previous_pages,
            )  # fmt: skip
    except ExtractError as err:  # what the page shows there is not in the file: nothing is written
        print(f"seloste import: nothing written: what the page shows cannot be read from its source:\n{err}", file=sys.stderr)
        return EXIT_FAILED
    languages = [args.language, *others]
    address = _previous_address(previous, pages, languages) if previous is not None else None
    if address is not None:  # saved files, with no --url: the notice is where the previous version was read
        version["source"] = {"url": address, **version["source"]}
    written, tracked = [], []
    if record is None:
        tracking: list[dict[str, Any]] = [
            {
                "url": followed_address(page.name if branch_file(page.name) else page.url),  # a file: on its branch
                **({"select": args.select} if args.select else {}),
                **({"remove": args.remove} if args.remove else {}),
                **({"lang": lang} if others else {}),  # several languages: each page's
            }
            for page, lang in zip(pages, languages if others else [args.language] * len(pages), strict=True)
            if page.url
        ]
        tracked = tracking if len(tracking) == len(pages) and not saved_text else []
        controller = version.get("facts", {}).get("controller", {})
        # the organisation's own business ID, where the notice names it plainly as the controller's
        business_id = controller.get("business_id") if check is None and controller.get("name") == name else None
        written.append(write_organisation(folder, name, tracked, business_id))
    written += write_version(folder, date, version, pages, capture_files)
    for path in written:
        print(f"wrote {path}")
    print("\n".join(filter(None, (date_note(statement, given=args.date, date=date, committed=committed is not None), differing))))
    for line in pairing:
        print(line)
    for kept in notes:  # text kept where it may be markup: for a person to check against the page
        print(f"check against the page: {kept}")
    if record is None and saved_text:
        print(
            f"not tracked: {saved_text[0]} is saved text, and 'seloste track' would read the page at its address, "
            "whose text (its HTML's, menus and all, without --select) is not this capture's: import the page from its "
            "address, or from the page saved as HTML, with --select, to follow it"
        )
    if record is not None and after is not None:
        print(range_note(record.current, date, after))
    if unknown:
        print(first_published_note(date, given=args.first_published_unknown))
    if address is not None and record is not None:
        shown = address if isinstance(address, str) else ", ".join(f"{lang}: {url}" for lang, url in address.items())
        print(
            f"source.url: {shown}, the previous version's ({record.current.id}): the saved files name no address; "
            "give --url (--also-url) if they were saved from another"
        )
    if record is not None and (note := carried_note(carried, record.current.id)):
        print(note)
    if record is not None and (told := record.current.version.source.note) is not None:
        print(f"source.note of {record.current.id} not copied (it tells of that capture): {told['en']!r}; add it if it holds")
    left = [key for key in ("repository", "path", "commit") if getattr(record.current.version.source, key) is not None
            and key not in version["source"]] if record is not None else []  # fmt: skip
    if record is not None and left:
        print(
            f"{', '.join('source.' + key for key in left)} of {record.current.id} not copied: this version's text was not "
            "read as that repository's file at a commit; give them if it is one (data/README.md, source)"
        )
    for detail in _details_to_check(record, pages) if record is not None else ():
        print(detail)
    for page in pages:
        if tail := unfinished_ending(page.capture):
            print(
                f"check the capture: {page.kind[0]} ends in mid-sentence ('... {tail}'): a notice saved or selected "
                "in part is archived in part; save the whole page, or widen --select"
            )
    if check:
        print(check)
    if links := site_links_note([page.capture for page in pages]):
        print(links)
    if record is None and tracked and any(page.url and pinned_file(page.url) and not branch_file(page.name) for page in pages):
        print(
            "tracked on the repository's default branch (HEAD): a later commit that changes the file's text becomes a "
            "draft version; where the site readers see is not built from that branch, track its page instead"
        )
    print(facts_note(record.current.id if record is not None else None))
    return _report_validation(data, pending="translation" in version, own=version.get("published_in", [args.language]))


_JOINING = frozenset(
    {"ja", "tai", "sekä", "eli", "jos", "kun", "että", "koska", "mutta", "kuten"}  # Finnish
    | {"and", "or", "if", "when", "that", "the", "of", "to"}
    | {"och", "eller", "om", "att", "som"}  # Swedish
)
"""Words no sentence ends with."""


def unfinished_ending(capture: str) -> str | None:
    """The last words of a capture whose last line is a sentence broken off: it ends in a comma or a semicolon, or in
    a word no sentence ends with ('jos', 'and'). A page saved before it had loaded, or a selection that ends inside
    the notice. None where it may end as a notice does: a sentence without its full stop ("Kaikki oikeudet
    pidätetään") is not told from one broken off, and is not named."""
    lines = [line.strip() for line in capture.splitlines() if line.strip()]
    if not lines:
        return None
    words = lines[-1].split()
    last = words[-1]
    return " ".join(words[-6:]) if last[-1] in ",;" or last.lower() in _JOINING else None


def _details_to_check(record: OrganisationRecord, pages: list[Page]) -> list[str]:
    """The organisation's details (organisation.yaml) that its previous notice gives and the new one does not: for a
    person to check, and to declare an update of them there, with its date and reason."""
    organisation, before = record.organisation, "\n".join(t for texts in record.current.pages.values() for t in texts)
    now = "\n".join(page.capture for page in pages)
    contact, address = organisation.contact, organisation.address
    details = {
        "contact.email": contact and contact.email, "contact.phone": contact and contact.phone,
        "address.street": address and address.street, "business_id": organisation.business_id,
    }  # fmt: skip
    return [
        f"check {ORGANISATION_FILE}: {name} {value!r} stands in the previous version's capture and not in this one "
        "(an update of the organisation's details is declared in its 'updates', with the date and reason)"
        for name, value in details.items()
        if value and value in before and value not in now
    ]


def _by_language(given: list[str], option: str, what: str) -> dict[str, str]:
    """``LANG=VALUE`` options by language, each language once."""
    found: dict[str, str] = {}
    for entry in given:
        lang, sign, value = entry.partition("=")
        if not sign or lang not in LANGUAGE_NAMES or not value:
            raise UsageError(
                f"{option} {entry!r}: expected LANG={what}, LANG one of {', '.join(LANGUAGE_NAMES)} (e.g. {option} en={what})"
            )
        if lang in found:
            raise UsageError(f"{option} {lang}=... is given twice; one {what} per language")
        found[lang] = value
    return found


def _report_validation(data: Path, *, pending: bool, own: list[str]) -> int:
    """Whether the draft validates as written; if not, what is left (and exit status 1)."""
    try:
        load_archive(data)
    except DataErrors as err:
        print(f"the draft does not validate yet; fix these, then run 'seloste validate' again:\n{err.report()}")
        return EXIT_FAILED
    if pending:
        print("the draft validates; its translation is pending: add the English texts, then remove 'translation: pending'")
    elif len(own) > 1:
        names = [LANGUAGE_NAMES[x] for x in own]
        print(f"the draft validates; its texts are the organisation's own, in {', '.join(names[:-1])} and {names[-1]}")
    else:
        print("the draft validates; its English is the organisation's own text (a Finnish translation is optional)")
    return EXIT_OK


def run_track(args: argparse.Namespace, archive: Archive) -> int:
    records = tracked(archive)
    if args.slugs:
        known = {record.slug for record in records}
        unknown = [slug for slug in args.slugs if slug not in known]
        if unknown:
            raise UsageError(f"not tracked: {', '.join(unknown)}; tracked: {', '.join(sorted(known)) or 'none'}")
        records = [record for record in records if record.slug in args.slugs]
    if args.list:
        for record in records:
            print(record.slug)
        if not records:  # said, on stderr: the output is the list (scripts/tracking_prs.py reads it), and it is empty
            print(
                "no organisation is tracked (its organisation.yaml lists the pages to follow as tracking: data/README.md)",
                file=sys.stderr,
            )
        return EXIT_OK
    log = load_log(args.log) if args.log and args.log.exists() else EMPTY  # a damaged log stops before any fetch
    today = dt.date.today()
    seen = {  # the last day each was found unchanged, while the check was against its latest version
        record.slug: check.unchanged
        for record in records
        if (check := log.get(record.slug)) and check.unchanged and check.version == record.current.id
    }
    outcomes = track(records, args.data, jobs=args.jobs, timeout=args.timeout, today=today, unchanged=seen)
    if args.log:
        current = {record.slug: record.current.id for record in records}
        args.log.parent.mkdir(parents=True, exist_ok=True)
        args.log.write_text(dump_log(logged(log, outcomes, current, today)), encoding="utf-8")
        print(f"the tracking log is in {args.log}")
    for outcome in outcomes:
        print(f"{outcome.slug}: {outcome.status}: {outcome.message}")
        if args.reports and outcome.version:
            args.reports.mkdir(parents=True, exist_ok=True)
            report = args.reports / f"{outcome.slug}.md"
            report.write_text(draft_report(args.data, outcome.slug, outcome.version), encoding="utf-8")
            print(f"{outcome.slug}: the change report is in {report}")
    counts = {status: sum(1 for o in outcomes if o.status == status) for status in ("unchanged", "changed", "skipped", "failed")}
    print(", ".join(f"{count} {status}" for status, count in counts.items()) + f" of {len(outcomes)} tracked")
    return EXIT_FAILED if counts["failed"] else EXIT_OK


LOGGED_AS: dict[str, CheckStatus] = {"unchanged": "unchanged", "changed": "changed", "skipped": "changed", "failed": "failed"}
"""How each outcome goes into the tracking log: a change found on the day of the latest version ("skipped", to be
recorded the next day) is a change all the same."""


def logged(log: TrackingLog, outcomes: list[Outcome], current: dict[str, str], today: dt.date) -> TrackingLog:
    """``log`` with the checks of ``today``: each outcome against the version that was the latest (``current``)."""
    for outcome in outcomes:
        check = next_check(
            log.get(outcome.slug),
            slug=outcome.slug,
            today=today,
            status=LOGGED_AS[outcome.status],
            version=current[outcome.slug],
            gone=outcome.gone,
        )
        log = log.with_check(check)
    return log
