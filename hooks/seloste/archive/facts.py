"""The structured facts of a version, in GDPR Art. 13/14 terms.

Every fact names the section that states it. Facts summarised in our own words (a purpose, a retention
period) also carry a quote: words copied exactly from that section, in each language of the text, which
the loader finds in the section's text. A fact the text does not state is left out ("not stated"); it is never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .laws import Law
from .localized import Localized, NoticeText, described
from .types import Age, Country, Phone, Slug, StatedBusinessId, StatedEmail, Str, Url


@dataclass(frozen=True, kw_only=True, slots=True)
class Controller:
    """Art. 13(1)(a): the identity and contact details of the controller."""

    name: Str = described("The controller's name as stated (found in the cited section's text).")
    business_id: StatedBusinessId | None = described(
        "Business ID as the notice states it, even if it is not a valid one (a wrong check digit, no hyphen): the pages flag it.",
        default=None,
    )
    address: Str | None = described("Address as stated; parts separated by commas, each found in the section.", default=None)
    email: StatedEmail | None = described(
        "E-mail as the notice writes it, also where it hides it from harvesters ('tietosuoja(a)yritys.fi', "
        "'etunimi.sukunimi[at]yritys.fi'): the pages show it so, with the address it stands for.",
        default=None,
    )
    phone: Phone | None = described("Phone as stated.", default=None)
    section: Slug = described("Id of the section that states this.")


@dataclass(frozen=True, kw_only=True, slots=True)
class Contact:
    """Art. 13(1)(a)-(b): whom to contact about personal data; or the DPO."""

    name: Str | None = described("Person's or unit's name, if stated.", default=None)
    role: NoticeText | None = described("Role or title as stated, in each language of the text.", default=None)
    email: StatedEmail | None = described(
        "E-mail, if stated, as the notice writes it (also 'tietosuoja(a)yritys.fi', 'nimi[at]yritys.fi').", default=None
    )
    phone: Phone | None = described("Phone, if stated.", default=None)
    address: Str | None = described("Address, if stated.", default=None)
    url: Url | None = described("Contact page or form, if stated.", default=None)
    section: Slug = described("Id of the section that states this.")


StatedBasis = Literal["consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interests"]
LegalBasis = Literal[StatedBasis, "not-stated"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Purpose:
    """Art. 13(1)(c)-(d): a purpose of processing and its legal basis, with the national law the notice grounds it
    on (Art. 6(3): a legal obligation or a public task rests on a law, 'Kirjanpitolaki (1336/1997)')."""

    purpose: Localized = described("The purpose in a few words.")
    legal_basis: LegalBasis | tuple[StatedBasis, ...] = described(
        "The Art. 6(1) basis the notice gives for this purpose; a list of two or more where it gives several "
        "([consent, public-task]); not-stated if it gives none (a national law it gives instead goes in laws).",
        schema={"minItems": 2, "uniqueItems": True},  # a list's; validate says what to write instead (versioncheck)
    )
    laws: tuple[Law, ...] = described(
        "National laws the notice gives as the ground of this purpose's basis, from the archive's laws "
        "(laws.yaml), e.g. kirjanpitolaki-1336-1997 for 'laskutustietoja käsitellään kirjanpitolain mukaisesti'.",
        default=(),
    )
    other_laws: tuple[Localized, ...] = described(
        "National laws it gives that the archive's laws do not list, as the notice names them, in a few words "
        "({fi: verolainsäädäntö, en: tax legislation}).",
        default=(),
    )
    quote: NoticeText = described("Words copied exactly from the section that state this, in each language of the text.")
    section: Slug = described("Id of the section that states this.")

    @property
    def legal_bases(self) -> tuple[StatedBasis, ...]:
        """The Art. 6(1) bases it gives, one or more; none where it gives none."""
        basis = self.legal_basis
        return basis if isinstance(basis, tuple) else () if basis == "not-stated" else (basis,)

    @property
    def basis_stated(self) -> bool:
        """The notice gives a basis for it: an Art. 6(1) basis or a national law."""
        return bool(self.legal_bases or self.laws or self.other_laws)


@dataclass(frozen=True, kw_only=True, slots=True)
class Stated:
    """A fact stated in words: a data category, a source, the right to complain, ..."""

    text: Localized = described("What the notice says, in a few words.")
    quote: NoticeText = described("Words copied exactly from the section that state this, in each language of the text.")
    section: Slug = described("Id of the section that states this.")


RecipientRole = Literal["processor", "recipient", "joint-controller", "authority", "group-company"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Recipient:
    """Art. 13(1)(e): a recipient or category of recipients, or a processor."""

    name: Localized = described("Name of the recipient or category of recipients, as stated.")
    role: RecipientRole = described("Its role.")
    country: Country | None = described("Country where it processes the data, if stated.", default=None)
    quote: NoticeText = described("Words copied exactly from the section that state this, in each language of the text.")
    section: Slug = described("Id of the section that states this.")


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

    destination: Localized = described("Where the data goes, as stated ('the USA', 'outside the EU/EEA').")
    country: Country | None = described("The destination as a country code, if the notice names a country.", default=None)
    mechanism: TransferMechanism = described("The safeguard the notice names; not-stated if none.")
    quote: NoticeText = described("Words copied exactly from the section that state this, in each language of the text.")
    section: Slug = described("Id of the section that states this.")


@dataclass(frozen=True, kw_only=True, slots=True)
class Retention:
    """Art. 13(2)(a): how long data is kept."""

    category: Localized = described("Which data, as stated.")
    period: Localized = described("The period or criterion, as stated.")
    quote: NoticeText = described("Words copied exactly from the section that state this, in each language of the text.")
    section: Slug = described("Id of the section that states this.")


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
    "gdpr-rights",
]


@dataclass(frozen=True, kw_only=True, slots=True)
class Right:
    """Art. 13(2)(b)-(c): a right of the data subject the notice names."""

    right: RightKind = described("Which right (GDPR Art. 15-22; withdraw-consent: 7(3); gdpr-rights: all, none named).")
    quote: NoticeText = described("Words copied exactly from the section that state this, in each language of the text.")
    section: Slug = described("Id of the section that states this.")


CookiePurpose = Literal["necessary", "functional", "analytics", "marketing", "not-stated"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Cookie:
    """Cookies and tracking tools the notice names."""

    tool: Localized = described("The tool ('Google Analytics') or, if none is named, what is used ('cookies').")
    purpose: CookiePurpose = described("What it is used for, as stated; not-stated if the notice does not say.")
    quote: NoticeText = described("Words copied exactly from the section that state this, in each language of the text.")
    section: Slug = described("Id of the section that states this.")


@dataclass(frozen=True, kw_only=True, slots=True)
class LegalReference:
    """A law or legal instrument the notice cites."""

    law: Law = described("Which law; the archive knows its source and whether it still applies.")
    quote: NoticeText = described("Words copied exactly from the section that cite it, in each language of the text.")
    section: Slug = described("Id of the section that cites it.")


@dataclass(frozen=True, kw_only=True, slots=True)
class StatedNone:
    """The notice says there is none (no data protection officer, no sensitive data): the words that say so."""

    quote: NoticeText = described("Words copied exactly from the section that say there is none, in each language of the text.")
    section: Slug = described("Id of the section that says so.")


@dataclass(frozen=True, kw_only=True, slots=True)
class StatedNoneOf:
    """The notice says there is none of a list fact (the data is not disclosed to third parties, not transferred
    outside the EU/EEA), of all its data or of the part it names: the words that say so."""

    data: Localized | None = described(
        "Which data the notice says so of, in a few words ('web server log data'), where it says so of part of its "
        "data only (one register of several); left out where it says so of all its data.",
        default=None,
    )
    quote: NoticeText = described("Words copied exactly from the section that say there is none, in each language of the text.")
    section: Slug = described("Id of the section that says so.")


# --- what readers look for first: sensitive data, the personal identity code, children ----------------------

SensitiveCategory = Literal[
    "health",
    "genetic",
    "biometric",
    "ethnic-origin",
    "political-opinions",
    "beliefs",
    "trade-union",
    "sex-life",
    "criminal",
]
"""The special categories of Art. 9(1) (``beliefs``: religious or philosophical; ``sex-life``: sex life or sexual
orientation), and criminal convictions and offences (``criminal``, Art. 10)."""

SensitiveCondition = Literal[
    "explicit-consent",
    "employment-social-security",
    "vital-interests",
    "not-for-profit-members",
    "made-public",
    "legal-claims",
    "substantial-public-interest",
    "health-care",
    "public-health",
    "archiving-research",
    "official-authority",
    "not-stated",
]
"""The conditions of Art. 9(2)(a)-(j), in order, and Art. 10's official authority; not-stated where the notice
names none."""


@dataclass(frozen=True, kw_only=True, slots=True)
class SensitiveData:
    """Art. 9 and 10: a special category of personal data, or data on criminal convictions and offences, that the
    notice says it processes, with the condition or the national law it gives for it."""

    category: SensitiveCategory = described(
        "Which category (Art. 9(1)), or criminal for data on criminal convictions and offences (Art. 10)."
    )
    condition: SensitiveCondition = described(
        "The condition of Art. 9(2) the notice gives for processing it (official-authority: Art. 10's); "
        "not-stated if it gives none (a national law it gives goes in laws)."
    )
    laws: tuple[Law, ...] = described(
        "National laws the notice gives as the basis for processing it, e.g. the Act on the Status and Rights of "
        "Patients (785/1992) for a patient register.",
        default=(),
    )
    quote: NoticeText = described("Words copied exactly from the section that state this, in each language of the text.")
    section: Slug = described("Id of the section that states this.")

    @property
    def basis_stated(self) -> bool:
        """The notice gives a condition or a law for it."""
        return self.condition != "not-stated" or bool(self.laws)


IdentityCodeGround = Literal["consent", "provided-by-law", "unique-identification", "listed-activity", "not-stated"]
"""The grounds of the Data Protection Act (1050/2018) section 29 for processing the personal identity code: the
data subject's unambiguous consent (29(1)(1)), provided by law (29(1)(2)), identifying the data subject
unambiguously is important (29(1)(3)), an activity the section lists (29(2): credit, debt collection, insurance,
renting, health care, social welfare, employment, ...); not-stated where the notice gives none."""


@dataclass(frozen=True, kw_only=True, slots=True)
class IdentityCode:
    """The notice says it processes the personal identity code (henkilötunnus), whose processing section 29 of the
    Data Protection Act (1050/2018) restricts; with the ground it gives."""

    text: Localized = described("What the notice says of it, in a few words ('to identify patients').")
    ground: IdentityCodeGround = described("The ground of section 29 the notice gives; not-stated if it gives none.")
    laws: tuple[Law, ...] = described("Laws the notice gives as the basis for processing it.", default=())
    quote: NoticeText = described("Words copied exactly from the section that state this, in each language of the text.")
    section: Slug = described("Id of the section that states this.")

    @property
    def ground_stated(self) -> bool:
        return self.ground != "not-stated" or bool(self.laws)


ChildrenProvision = Literal["gdpr-article-8", "tietosuojalaki-5"]
"""Provisions on children's data: GDPR Art. 8 (a child's consent to information society services) and the Data
Protection Act (1050/2018) section 5 (in Finland, from the age of 13)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Children:
    """What the notice says about children's data or an age limit, with the provisions it cites."""

    text: Localized = described("What the notice says, in a few words ('guardians consent for members under 15').")
    age_limit: Age | None = described("The age limit the notice states, in years, if it states one.", default=None)
    provisions: tuple[ChildrenProvision, ...] = described(
        "The provisions the notice cites for it; left out if it cites none.", default=()
    )
    quote: NoticeText = described("Words copied exactly from the section that state this, in each language of the text.")
    section: Slug = described("Id of the section that states this.")


@dataclass(frozen=True, kw_only=True, slots=True)
class Facts:
    """Structured facts: first what readers look for first (sensitive data, the personal identity code, children),
    then the items of GDPR Art. 13/14. A fact the text does not state is left out."""

    sensitive_data: tuple[SensitiveData, ...] = described(
        "Special categories of personal data (Art. 9) and criminal data (Art. 10) the notice says it processes.",
        default=(),
    )
    no_sensitive_data: StatedNone | None = described(
        "The notice says it processes no special categories of personal data (then sensitive_data is left out); with "
        "the words that say so.",
        default=None,
    )
    identity_code: IdentityCode | None = described(
        "The notice says it processes the personal identity code (henkilötunnus).", default=None
    )
    no_identity_code: StatedNone | None = described(
        "The notice says it does not process the personal identity code (then identity_code is left out); with the "
        "words that say so.",
        default=None,
    )
    children: tuple[Children, ...] = described("What the notice says about children's data or an age limit.", default=())
    controller: Controller | None = described("The controller; left out only where the notice names none.", default=None)
    contact: Contact | None = described("Contact for privacy matters.", default=None)
    dpo: Contact | None = described("Data protection officer, if the notice names one.", default=None)
    no_dpo: StatedNone | None = described(
        "The notice says it has no data protection officer (then dpo is left out); with the words that say so.",
        default=None,
    )
    purposes: tuple[Purpose, ...] = described("Purposes and legal bases.", default=())
    data_categories: tuple[Stated, ...] = described("Categories of personal data.", default=())
    sources: tuple[Stated, ...] = described("Where the data comes from.", default=())
    recipients: tuple[Recipient, ...] = described("Recipients and processors.", default=())
    no_recipients: tuple[StatedNoneOf, ...] = described(
        "The notice says it discloses the data to no third parties ('Tietoja ei luovuteta kolmansille osapuolille'), "
        "with the words that say so: one entry for all its data, or one per part it says so of. Recipients it names "
        "all the same (processors, authorities, an exception it makes) stay in recipients.",
        default=(),
    )
    transfers: tuple[Transfer, ...] = described("Transfers outside the EEA.", default=())
    no_transfers: tuple[StatedNoneOf, ...] = described(
        "The notice says the data is not transferred outside the EU/EEA ('Tietoja ei siirretä EU:n tai ETA:n "
        "ulkopuolelle'), with the words that say so: one entry for all its data (then transfers is left out), or one "
        "per part it says so of (data: ...).",
        default=(),
    )
    retention: tuple[Retention, ...] = described("Retention periods.", default=())
    rights: tuple[Right, ...] = described("Rights of the data subject the notice names.", default=())
    complaint: Stated | None = described("The right to complain to a supervisory authority.", default=None)
    cookies: tuple[Cookie, ...] = described("Cookies and tracking tools.", default=())
    automated_decisions: Stated | None = described("What the notice says on automated decisions and profiling.", default=None)
    legal_references: tuple[LegalReference, ...] = described("Laws and legal instruments the notice cites.", default=())


DENIALS = (
    ("dpo", "no_dpo", "name a data protection officer (facts.dpo) and say it has none"),
    ("sensitive_data", "no_sensitive_data", "say it processes sensitive data (facts.sensitive_data) and that it processes none"),
    (
        "identity_code",
        "no_identity_code",
        "say it processes the personal identity code (facts.identity_code) and that it does not",
    ),
)
"""(a fact, the fact that says there is none, both in words): a notice states one or the other, which the loader
holds."""

LIST_DENIALS = (
    ("transfers", "no_transfers", "say data is transferred outside the EEA (facts.transfers) and that none of it is"),
)
"""(a list fact, the list of what says there is none of it, both in words): an entry that says so of all the data
(no ``data``) cannot stand beside an entry of the fact, which the loader holds; one that says so of part of the data
can (a notice that transfers its analytics data to the US and says its customer data stays in the EU/EEA).
``no_recipients`` is not among them: a notice that discloses to 'no third parties' names, in the same breath, the
processors that work for it, the authorities the law entitles and the exceptions it makes."""


DENIED = {
    "no_sensitive_data": "sensitive_data",
    "no_identity_code": "identity_code",
    "no_dpo": "dpo",
    "no_recipients": "recipients",
    "no_transfers": "transfers",
}
"""Each fact that says there is none of another, by the fact it denies (its row on the pages: "no DPO", not "not stated")."""
