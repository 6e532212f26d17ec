"""The typed model of the archive: what the loader returns, frozen past it.

Field docs (``doc=``) become the JSON Schema's descriptions, so editors show them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .facts import Facts
from .localized import LANGUAGES, ByLanguage, Language, Localized, NoticeMarkdown, NoticeText, Reading, described
from .organisation import Organisation
from .types import (
    CommitId,
    LineRange,
    Month,
    PageNumber,
    RelPath,
    RepoPath,
    Repository,
    Slug,
    Str,
    Url,
)

# --- a version of a notice ---------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class Captures(ByLanguage):
    """One original capture per language the organisation published the version in."""

    fi: RelPath | None = described("The capture of the Finnish original.", default=None)
    sv: RelPath | None = described("The capture of the Swedish original.", default=None)
    en: RelPath | None = described("The capture of the English original.", default=None)


@dataclass(frozen=True, kw_only=True, slots=True)
class PathsByLanguage(ByLanguage):
    """Where each language's original is in the repository, for a notice published in several files."""

    fi: RepoPath | None = described("The Finnish original's file.", default=None)
    sv: RepoPath | None = described("The Swedish original's file.", default=None)
    en: RepoPath | None = described("The English original's file.", default=None)


@dataclass(frozen=True, kw_only=True, slots=True)
class UrlsByLanguage(ByLanguage):
    """Where each language's original was published, for a notice published at one address per language."""

    fi: Url | None = described("The Finnish original's address.", default=None)
    sv: Url | None = described("The Swedish original's address.", default=None)
    en: Url | None = described("The English original's address.", default=None)


@dataclass(frozen=True, kw_only=True, slots=True)
class CommitsByLanguage(ByLanguage):
    """The commit that introduced each language's original, for a notice whose languages changed in different
    commits."""

    fi: CommitId | None = described("The Finnish original's commit.", default=None)
    sv: CommitId | None = described("The Swedish original's commit.", default=None)
    en: CommitId | None = described("The English original's commit.", default=None)


def by_language(value: str | ByLanguage | tuple[str, ...] | None, lang: str) -> str | None:
    """A source field's value for one language: the value itself, or its entry for ``lang`` (else the first given);
    of one per page, the first page's."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, tuple):
        return value[0] if value else None
    given = value.languages
    return value[lang] if lang in given else value[given[0]] if given else None


@dataclass(frozen=True, kw_only=True, slots=True)
class NoiseLines:
    """Lines of the capture that are not part of the notice, by number: where they stand, not what they say."""

    lines: LineRange = described("A line number, or the first and last line of a range ('40-52').")
    page: PageNumber = described("Which page's capture, for a notice over several pages (default: the first).", default="1")

    @property
    def numbers(self) -> range:
        first, _, last = self.lines.partition("-")
        return range(int(first), int(last or first) + 1)


@dataclass(frozen=True, kw_only=True, slots=True)
class Source:
    url: Url | UrlsByLanguage | None = described(
        "Where the notice was published, where known (its first page, if it has several); one per language "
        "({fi: ..., en: ...}) if each language is at its own address.",
        default=None,
    )
    pages: tuple[Url, ...] = described(
        "The notice's further pages in reading order, where it is split over several: each with its capture in "
        "source.capture's list, or their texts one after another in one capture, after the first page's.",
        default=(),
    )
    repository: Repository | None = described("Public GitHub repository the version was taken from (owner/name).", default=None)
    path: RepoPath | PathsByLanguage | tuple[RepoPath, ...] | None = described(
        "Path of the notice inside that repository; one per language ({fi: ..., en: ...}) if each is its own file; "
        "for a notice over several files, one per page in reading order, as source.capture lists them.",
        default=None,
    )
    commit: CommitId | CommitsByLanguage | None = described(
        "Commit that introduced this version; one per language ({fi: ..., en: ...}) if they differ.", default=None
    )
    capture: RelPath | Captures | tuple[RelPath, ...] | None = described(
        "The original capture of this version, relative to the organisation's folder (captures/<date>.txt; a Markdown "
        "or MDX file's keeps its kind, captures/<date>.md or .mdx, which tells how its markup is read); "
        "for a version published in several languages, one per language ({fi: captures/<date>.fi.txt, en: ...}); for a "
        "notice over several pages, one per page in reading order ([captures/<date>.1.txt, captures/<date>.2.txt]).",
        default=None,
    )
    capture_noise: tuple[Str | NoiseLines, ...] = described(
        "What in the capture is not part of the notice (navigation, forms, metadata): a line as it stands at the "
        "capture's start or end, or {lines: '40-52'} for lines anywhere, by number.",
        default=(),
    )
    note: Localized | None = described("What a reader should know about the transcription.", default=None)

    def capture_files(self, published_in: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
        """The capture files of each original language, by language: one, or one per page of a notice over several
        pages (a list, for a notice published in one language); a single capture is the first language's."""
        if self.capture is None:
            return {}
        if isinstance(self.capture, Captures):
            return {lang: (str(getattr(self.capture, lang)),) for lang in self.capture.languages}
        if isinstance(self.capture, tuple):
            return {published_in[0]: tuple(str(name) for name in self.capture)}
        return {published_in[0]: (str(self.capture),)}

    def captures(self, published_in: tuple[str, ...]) -> dict[str, str]:
        """The (first) capture file of each original language, by language."""
        return {lang: files[0] for lang, files in self.capture_files(published_in).items() if files}


ChangeKind = Literal["substantive", "editorial", "translation", "correction"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Change:
    """What this version changed compared with the previous one."""

    kind: ChangeKind = described(
        "substantive: what is done with personal data changed; editorial: wording only (a typo fixed, a new stated "
        "date); translation: the English text only; correction: a fix of this archive's own transcription."
    )
    summary: Localized = described("One line on what changed.")


@dataclass(frozen=True, kw_only=True, slots=True)
class Correction:
    """A change to an already published version: allowed only when declared, and shown to readers."""

    date: dt.date = described("When the correction was made.")
    reason: Localized = described("What was corrected and why.")


TranslationState = Literal["complete", "pending", "unaffected"]
FirstPublished = Literal["unknown"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Section:
    id: Slug = described("Stable id of the section, kept across versions; the anchor in URLs.")
    heading: NoticeText | None = described("The section's heading; omitted only for an untitled opening section.", default=None)
    body: NoticeMarkdown = described("The section's text in Markdown.")
    not_in: tuple[Language, ...] = described(
        "Languages the organisation published the version in whose own text has no counterpart of this section (its "
        "Swedish leaves it out, say): the section has no heading or body in them, their pages say it is not there, and "
        "each of those texts is held to its capture without it. The archive's translation has every section, but while "
        "the version's translation is pending: a section not translated yet names the translation's language here "
        "(its pages show the original in its place).",
        default=(),
    )

    def has(self, lang: str) -> bool:
        """Whether the section is in the text in ``lang`` (given its version's languages)."""
        return lang not in self.not_in


@dataclass(frozen=True, kw_only=True, slots=True)
class Version:
    """``data/<slug>/<YYYY-MM-DD>.yaml``: one version of an organisation's privacy notice."""

    published_in: tuple[Language, ...] = described(
        "The languages the organisation published this version in (fi, sv, en: one or several, e.g. [fi, sv]), each "
        "with its own capture; the first is the language of a single capture, and the one the archive's translation "
        "is made from. Texts in these languages are the organisation's own; any other is the archive's translation "
        "(English always, unless the organisation published English or the translation is pending; Finnish for a "
        "notice published only in English, optionally). A Swedish text beside Finnish is shown on a page of its own.",
        default=("fi",),
    )
    stated_date: dt.date | None = described("The date the notice itself states; omit if it states none.", default=None)
    stated_month: Month | None = described("A notice that states a month only ('tammikuu 2025'): it, YYYY-MM.", default=None)
    recorded_date: dt.date = described("The date this archive recorded the text.")
    changed_after: dt.date | None = described(
        "Only for a version whose date is not known: the text took effect at an unknown time after this date (the "
        "previous version's date, or the last day the previous text was seen) and no later than the version date (the "
        "file name: the first day the text is known). Pages then say 'between <changed_after> and <version date>'.",
        default=None,
    )
    first_published: FirstPublished | None = described(
        "Only for an organisation's first version whose publication day is not known: 'unknown'. The version date "
        "(the file name) is then a day the text is known to have been in force (the day it was captured, or the day "
        "a commit or an archive snapshot shows it), and the text was first published on or before it. Pages then say "
        "'in force by <version date>; first published then or earlier, the day is not known'.",
        default=None,
    )
    source: Source = described("Where the text comes from.")
    change: Change | None = described("What changed since the previous version; omitted in the first.", default=None)
    translation: TranslationState = described(
        "pending: the original changed and the English translation is not updated, or not made, yet (the English pages say so "
        "and, without one, show the original). unaffected: each text whose original changed only by a fix the translation "
        "does not show (a typo, punctuation: at most 3 words of that text) keeps its translation as it was, and needs no new "
        "one; every other text whose original changed has its translation updated in this version, as usual. It says nothing "
        "of the version's kind of change (a substantive change elsewhere, or a new stated date, may come with it).",
        default="complete",
    )
    corrections: tuple[Correction, ...] = described("Later corrections to it, oldest first, each with its reason.", default=())
    title: NoticeText = described("The notice's own title.")
    sections: tuple[Section, ...] = described("The text, as ordered sections.")
    facts: Facts = described("Structured facts stated in the text.")

    @property
    def text_languages(self) -> tuple[str, ...]:
        """Every language the text is given in: the originals and the archive's translations."""
        return self.title.languages

    def reading(self, site_lang: str) -> tuple[str, Reading]:
        """The language of the text a page in ``site_lang`` shows, and whose text that is."""
        if site_lang in self.published_in:
            return site_lang, "own"
        if site_lang in self.text_languages:
            return site_lang, "translation"
        return self.published_in[0], "original"

    def untranslated(self, section: Section, lang: str) -> bool:
        """Whether ``section`` waits for the archive's translation into ``lang`` (its ``not_in`` names a language the
        organisation did not publish the version in, which only a pending translation allows): its pages show the
        original in its place."""
        return lang not in self.published_in and not section.has(lang)

    def original_of(self, section: Section) -> str:
        """The first language the organisation published the version in whose text has ``section``: what the
        archive's translation of it follows."""
        return next((lang for lang in self.published_in if section.has(lang)), self.published_in[0])

    @property
    def separate_languages(self) -> tuple[str, ...]:
        """The languages the organisation published the version in whose text no page of a site language shows
        (Swedish beside Finnish): each is shown on a page of its own, in each site language's frame."""
        shown = {self.reading(site_lang)[0] for site_lang in LANGUAGES}
        return tuple(lang for lang in self.published_in if lang not in shown)


# --- the loaded archive ----------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class VersionRecord:
    """A version with what the loader knows about it beyond the file's contents."""

    date: dt.date
    """The version date: the file name."""
    version: Version
    captures: dict[str, str] = field(default_factory=dict)
    """The original capture of each language the version was published in, by language, where it names them (a
    notice's pages joined, one line between them)."""
    pages: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The same, page by page: each page's capture as its file holds it (read as UTF-8 text, without a byte-order
    mark)."""
    digests: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The SHA-256 of each page's capture file, by language: its exact bytes (a byte-order mark, line ends and
    trailing spaces included), which a published version's capture keeps for good."""

    @property
    def id(self) -> str:
        return self.date.isoformat()

    @property
    def changed_after(self) -> dt.date | None:
        """For a version whose date is known only as a range: the day after which it changed (the file's date is
        the range's last day); None for a version whose date is known."""
        return self.version.changed_after

    @property
    def published_by(self) -> bool:
        """A first version whose publication day is not known: in force by its date, first published then or
        earlier (``first_published: unknown``)."""
        return self.version.first_published == "unknown"

    @property
    def known_from(self) -> dt.date:
        """What the archive can say for sure about when the text took effect, from below: on its date, or after
        ``changed_after`` for a range; nothing for a first version published on an unknown day by its date (the
        earliest date there is). A law that had ended by this day had ended before the text was published."""
        if self.published_by:
            return dt.date.min
        return self.changed_after or self.date

    @property
    def capture_text(self) -> str | None:
        """The capture of the first language the version was published in, if it names one."""
        return self.captures.get(self.version.published_in[0])


@dataclass(frozen=True, kw_only=True, slots=True)
class OrganisationRecord:
    slug: str
    organisation: Organisation
    versions: tuple[VersionRecord, ...]
    """Oldest first; never empty."""

    @property
    def current(self) -> VersionRecord:
        return self.versions[-1]

    def version(self, version_id: str) -> VersionRecord:
        for record in self.versions:
            if record.id == version_id:
                return record
        raise KeyError(f"{self.slug}/{version_id}")


@dataclass(frozen=True, kw_only=True, slots=True)
class Archive:
    organisations: tuple[OrganisationRecord, ...]
    """Sorted by slug."""
    _by_slug: dict[str, OrganisationRecord] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_slug", {record.slug: record for record in self.organisations})

    def get(self, slug: str) -> OrganisationRecord:
        """The organisation ``slug`` (every page of the site looks its organisation up: a scan would make the
        build quadratic in the number of organisations)."""
        return self._by_slug[slug]
