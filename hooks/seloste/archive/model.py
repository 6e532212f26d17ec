"""The typed model of the archive: what the loader returns, frozen past it.

Field docs (``doc=``) become the JSON Schema's descriptions, so editors show them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .types import (
    BusinessId,
    CommitId,
    Country,
    Email,
    LineRange,
    Markdown,
    Phone,
    PostalCode,
    RelPath,
    Repository,
    Slug,
    Str,
    Url,
)

LANGUAGES: tuple[str, ...] = ("fi", "en")
"""The site's languages: Finnish at the root, English under ``en/``."""

ORIGINAL_LANGUAGE = "fi"
"""The site's first language, and the language most notices are published in."""

Language = Literal["fi", "sv", "en"]
"""A language a notice is published in: Finnish, Swedish (Finland's second official language) or English."""

TEXT_LANGUAGES: tuple[Language, ...] = ("fi", "sv", "en")

Reading = Literal["own", "translation", "original"]
"""Whose text a page in one site language shows: the organisation's own text in that language, the
archive's translation into it, or (no translation into it) the original in its own language."""


def doc(text: str, **kwargs: object) -> dict[str, object]:
    return {"doc": text, **kwargs}


def _f(text: str, **kwargs: object):
    return field(metadata=doc(text), **kwargs)  # type: ignore[call-overload]


@dataclass(frozen=True, kw_only=True, slots=True)
class Localized:
    """The archive's own words (a summary, a fact in brief, a note) in both of the site's languages."""

    fi: Str = _f("Finnish.")
    en: Str = _f("English.")

    def __getitem__(self, lang: str) -> str:
        return str(getattr(self, lang))


def _present(text: object) -> tuple[str, ...]:
    return tuple(lang for lang in TEXT_LANGUAGES if getattr(text, lang) is not None)


@dataclass(frozen=True, kw_only=True, slots=True)
class NoticeText:
    """A text of the notice: the organisation's own in each language it published the version in
    (``published_in``), and the archive's translations."""

    fi: Str | None = _f("Finnish.", default=None)
    sv: Str | None = _f("Swedish: only where the organisation published the notice in Swedish.", default=None)
    en: Str | None = _f("English.", default=None)

    def __getitem__(self, lang: str) -> str:
        value = getattr(self, lang)
        if value is None:
            raise KeyError(lang)
        return str(value)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this text is given in, in the order fi, sv, en."""
        return _present(self)


@dataclass(frozen=True, kw_only=True, slots=True)
class NoticeMarkdown:
    """A Markdown text of the notice, in the languages the version has (as :class:`NoticeText`)."""

    fi: Markdown | None = _f("Finnish (Markdown).", default=None)
    sv: Markdown | None = _f("Swedish (Markdown): only where the organisation published the notice in Swedish.", default=None)
    en: Markdown | None = _f("English (Markdown).", default=None)

    def __getitem__(self, lang: str) -> str:
        value = getattr(self, lang)
        if value is None:
            raise KeyError(lang)
        return str(value)

    @property
    def languages(self) -> tuple[str, ...]:
        return _present(self)


@dataclass(frozen=True, kw_only=True, slots=True)
class Address:
    street: Str = _f("Street address, as the organisation writes it.")
    postal_code: PostalCode | None = _f("Postal code.", default=None)
    city: Str = _f("Post office / city.")


@dataclass(frozen=True, kw_only=True, slots=True)
class ContactChannels:
    email: Email | None = _f("Public e-mail address.", default=None)
    phone: Phone | None = _f("Public phone number.", default=None)
    url: Url | None = _f("Contact page or form.", default=None)


@dataclass(frozen=True, kw_only=True, slots=True)
class Organisation:
    """``data/<slug>/organisation.yaml``: who the organisation is."""

    name: Str = _f("The organisation's name as it writes it, e.g. 'Micro Magic Oy'.")
    business_id: BusinessId | None = _f("Business ID (Y-tunnus), where known.", default=None)
    address: Address | None = _f("Postal address.", default=None)
    contact: ContactChannels | None = _f("Public contact channels.", default=None)
    website: Url | None = _f("The organisation's website, where known.", default=None)


# --- a version of a notice ---------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class Captures:
    """One original capture per language the organisation published the version in."""

    fi: RelPath | None = _f("The capture of the Finnish original.", default=None)
    sv: RelPath | None = _f("The capture of the Swedish original.", default=None)
    en: RelPath | None = _f("The capture of the English original.", default=None)

    @property
    def languages(self) -> tuple[str, ...]:
        return _present(self)


@dataclass(frozen=True, kw_only=True, slots=True)
class NoiseLines:
    """Lines of the capture that are not part of the notice, by number: where they stand, not what they say."""

    lines: LineRange = _f("A line number, or the first and last line of a range ('40-52').")

    @property
    def numbers(self) -> range:
        first, _, last = self.lines.partition("-")
        return range(int(first), int(last or first) + 1)


@dataclass(frozen=True, kw_only=True, slots=True)
class Source:
    url: Url | None = _f("Where the notice was published, where known (its first page, if it has several).", default=None)
    pages: tuple[Url, ...] = _f(
        "The notice's further pages in reading order, where it is split over several; the capture holds their texts "
        "one after another, after the first page's.",
        default=(),
    )
    repository: Repository | None = _f("Public git repository the version was taken from (owner/name).", default=None)
    path: RelPath | None = _f("Path of the notice inside that repository.", default=None)
    commit: CommitId | None = _f("Commit that introduced this version.", default=None)
    capture: RelPath | Captures | None = _f(
        "The original capture of this version, relative to the organisation's folder (captures/<date>.txt); "
        "for a version published in several languages, one per language ({fi: captures/<date>.fi.txt, en: ...}).",
        default=None,
    )
    capture_noise: tuple[Str | NoiseLines, ...] = _f(
        "What in the capture is not part of the notice (navigation, forms, metadata): a line as it stands at the "
        "capture's start or end, or {lines: '40-52'} for lines anywhere, by number.",
        default=(),
    )
    note: Localized | None = _f("What a reader should know about the transcription.", default=None)

    def captures(self, published_in: tuple[str, ...]) -> dict[str, str]:
        """The capture of each original language, by language: a single capture is the first language's."""
        if self.capture is None:
            return {}
        if isinstance(self.capture, Captures):
            return {lang: str(getattr(self.capture, lang)) for lang in self.capture.languages}
        return {published_in[0]: str(self.capture)}


ChangeKind = Literal["substantive", "editorial", "translation", "correction"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Change:
    """What this version changed compared with the previous one."""

    kind: ChangeKind = _f(
        "substantive: what is done with personal data changed; editorial: wording only; "
        "translation: the English text only; correction: a fix of this archive's own transcription."
    )
    summary: Localized = _f("One line on what changed.")


@dataclass(frozen=True, kw_only=True, slots=True)
class Correction:
    """A change to an already published version: allowed only when declared, and shown to readers."""

    date: dt.date = _f("When the correction was made.")
    reason: Localized = _f("What was corrected and why.")


TranslationState = Literal["complete", "pending", "unaffected"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Section:
    id: Slug = _f("Stable id of the section, kept across versions; the anchor in URLs.")
    heading: NoticeText | None = _f("The section's heading; omitted only for an untitled opening section.", default=None)
    body: NoticeMarkdown = _f("The section's text in Markdown.")


# --- structured facts in GDPR Art. 13/14 terms ------------------------------------------
#
# Every fact names the section that states it. Facts summarised in our own words (a purpose,
# a retention period) also carry a quote: words copied exactly from that section, in Finnish
# and in English, which the loader finds in the section's text. A fact the text does not
# state is left out ("not stated"); it is never guessed.


@dataclass(frozen=True, kw_only=True, slots=True)
class Controller:
    """Art. 13(1)(a): the identity and contact details of the controller."""

    name: Str = _f("The controller's name as stated (found in the cited section's text).")
    business_id: BusinessId | None = _f("Business ID, if the notice states it.", default=None)
    address: Str | None = _f("Address as stated; parts separated by commas, each found in the section.", default=None)
    email: Email | None = _f("E-mail as stated.", default=None)
    phone: Phone | None = _f("Phone as stated.", default=None)
    section: Slug = _f("Id of the section that states this.")


@dataclass(frozen=True, kw_only=True, slots=True)
class Contact:
    """Art. 13(1)(a)-(b): whom to contact about personal data; or the DPO."""

    name: Str | None = _f("Person's or unit's name, if stated.", default=None)
    role: NoticeText | None = _f("Role or title as stated, in each language of the text.", default=None)
    email: Email | None = _f("E-mail, if stated.", default=None)
    phone: Phone | None = _f("Phone, if stated.", default=None)
    address: Str | None = _f("Address, if stated.", default=None)
    url: Url | None = _f("Contact page or form, if stated.", default=None)
    section: Slug = _f("Id of the section that states this.")


LegalBasis = Literal[
    "consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interests", "not-stated"
]


@dataclass(frozen=True, kw_only=True, slots=True)
class Purpose:
    """Art. 13(1)(c)-(d): a purpose of processing and its legal basis."""

    purpose: Localized = _f("The purpose in a few words.")
    legal_basis: LegalBasis = _f("The Art. 6(1) basis the notice gives for this purpose; not-stated if it gives none.")
    quote: NoticeText = _f("Words copied exactly from the section that state this, in each language of the text.")
    section: Slug = _f("Id of the section that states this.")


@dataclass(frozen=True, kw_only=True, slots=True)
class Stated:
    """A fact stated in words: a data category, a source, the right to complain, ..."""

    text: Localized = _f("What the notice says, in a few words.")
    quote: NoticeText = _f("Words copied exactly from the section that state this, in each language of the text.")
    section: Slug = _f("Id of the section that states this.")


RecipientRole = Literal["processor", "recipient", "joint-controller", "authority", "group-company"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Recipient:
    """Art. 13(1)(e): a recipient or category of recipients, or a processor."""

    name: Localized = _f("Name of the recipient or category of recipients, as stated.")
    role: RecipientRole = _f("Its role.")
    country: Country | None = _f("Country where it processes the data, if stated.", default=None)
    quote: NoticeText = _f("Words copied exactly from the section that state this, in each language of the text.")
    section: Slug = _f("Id of the section that states this.")


TransferMechanism = Literal[
    "adequacy-decision",
    "data-privacy-framework",
    "privacy-shield",
    "standard-contractual-clauses",
    "binding-corporate-rules",
    "consent",
    "not-stated",
]


@dataclass(frozen=True, kw_only=True, slots=True)
class Transfer:
    """Art. 13(1)(f): a transfer outside the EEA and its safeguard."""

    destination: Localized = _f("Where the data goes, as stated ('the USA', 'outside the EU/EEA').")
    country: Country | None = _f("The destination as a country code, if the notice names a country.", default=None)
    mechanism: TransferMechanism = _f("The safeguard the notice names; not-stated if none.")
    quote: NoticeText = _f("Words copied exactly from the section that state this, in each language of the text.")
    section: Slug = _f("Id of the section that states this.")


@dataclass(frozen=True, kw_only=True, slots=True)
class Retention:
    """Art. 13(2)(a): how long data is kept."""

    category: Localized = _f("Which data, as stated.")
    period: Localized = _f("The period or criterion, as stated.")
    quote: NoticeText = _f("Words copied exactly from the section that state this, in each language of the text.")
    section: Slug = _f("Id of the section that states this.")


RightKind = Literal[
    "information",
    "access",
    "rectification",
    "erasure",
    "restriction",
    "objection",
    "object-direct-marketing",
    "portability",
    "withdraw-consent",
    "automated-decisions",
]


@dataclass(frozen=True, kw_only=True, slots=True)
class Right:
    """Art. 13(2)(b)-(c): a right of the data subject the notice names."""

    right: RightKind = _f("Which right (Art. 15-22 GDPR; withdraw-consent is Art. 7(3)).")
    quote: NoticeText = _f("Words copied exactly from the section that state this, in each language of the text.")
    section: Slug = _f("Id of the section that states this.")


CookiePurpose = Literal["necessary", "functional", "analytics", "marketing", "not-stated"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Cookie:
    """Cookies and tracking tools the notice names."""

    tool: Localized = _f("The tool ('Google Analytics') or, if none is named, what is used ('cookies').")
    purpose: CookiePurpose = _f("What it is used for, as stated; not-stated if the notice does not say.")
    quote: NoticeText = _f("Words copied exactly from the section that state this, in each language of the text.")
    section: Slug = _f("Id of the section that states this.")


Law = Literal[
    "gdpr",
    "tietosuojalaki-1050-2018",
    "henkilotietolaki-523-1999",
    "sahkoisen-viestinnan-palvelulaki-917-2014",
    "kirjanpitolaki-1336-1997",
    "privacy-shield",
]


@dataclass(frozen=True, kw_only=True, slots=True)
class LegalReference:
    """A law or legal instrument the notice cites."""

    law: Law = _f("Which law; the archive knows its source and whether it still applies.")
    quote: NoticeText = _f("Words copied exactly from the section that cite it, in each language of the text.")
    section: Slug = _f("Id of the section that cites it.")


@dataclass(frozen=True, kw_only=True, slots=True)
class StatedNone:
    """The notice says there is none (no data protection officer): the words that say so."""

    quote: NoticeText = _f("Words copied exactly from the section that say there is none, in each language of the text.")
    section: Slug = _f("Id of the section that says so.")


@dataclass(frozen=True, kw_only=True, slots=True)
class Facts:
    """Structured facts in GDPR Art. 13/14 terms. A fact the text does not state is left out."""

    controller: Controller = _f("The controller.")
    contact: Contact | None = _f("Contact for privacy matters.", default=None)
    dpo: Contact | None = _f("Data protection officer, if the notice names one.", default=None)
    no_dpo: StatedNone | None = _f(
        "The notice says it has no data protection officer (then dpo is left out); with the words that say so.",
        default=None,
    )
    purposes: tuple[Purpose, ...] = _f("Purposes and legal bases.", default=())
    data_categories: tuple[Stated, ...] = _f("Categories of personal data.", default=())
    sources: tuple[Stated, ...] = _f("Where the data comes from.", default=())
    recipients: tuple[Recipient, ...] = _f("Recipients and processors.", default=())
    transfers: tuple[Transfer, ...] = _f("Transfers outside the EEA.", default=())
    retention: tuple[Retention, ...] = _f("Retention periods.", default=())
    rights: tuple[Right, ...] = _f("Rights of the data subject the notice names.", default=())
    complaint: Stated | None = _f("The right to complain to a supervisory authority.", default=None)
    cookies: tuple[Cookie, ...] = _f("Cookies and tracking tools.", default=())
    automated_decisions: Stated | None = _f("What the notice says on automated decisions and profiling.", default=None)
    legal_references: tuple[LegalReference, ...] = _f("Laws and legal instruments the notice cites.", default=())


@dataclass(frozen=True, kw_only=True, slots=True)
class Version:
    """``data/<slug>/<YYYY-MM-DD>.yaml``: one version of an organisation's privacy notice."""

    published_in: tuple[Language, ...] = _f(
        "The languages the organisation published this version in, each with its own capture; the first is the "
        "language of a single capture. Texts in these languages are the organisation's own; any other is the archive's "
        "translation (English always, unless the organisation published English or the translation is pending; "
        "Finnish for a notice published only in English, optionally).",
        default=("fi",),
    )
    stated_date: dt.date | None = _f("The date the notice itself states; omit if it states none.", default=None)
    recorded_date: dt.date = _f("The date this archive recorded the text.")
    source: Source = _f("Where the text comes from.")
    change: Change | None = _f("What changed since the previous version; omitted in the first.", default=None)
    translation: TranslationState = _f(
        "pending: the original changed and the English translation is not updated, or not made, yet (the English "
        "pages say so and, without one, show the original). unaffected: an editorial fix of the original (a typo, "
        "punctuation: a few words at most in each text) that the translation does not show, which stays as it was.",
        default="complete",
    )
    corrections: tuple[Correction, ...] = _f(
        "Corrections made to this version after it was published, oldest first, each with its reason.", default=()
    )
    title: NoticeText = _f("The notice's own title.")
    sections: tuple[Section, ...] = _f("The text, as ordered sections.")
    facts: Facts = _f("Structured facts stated in the text.")

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


# --- the loaded archive ----------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class VersionRecord:
    """A version with what the loader knows about it beyond the file's contents."""

    date: dt.date
    """The version date: the file name."""
    version: Version
    captures: dict[str, str] = field(default_factory=dict)
    """The original capture of each language the version was published in, by language, where it names them."""

    @property
    def id(self) -> str:
        return self.date.isoformat()

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
