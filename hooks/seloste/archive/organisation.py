"""Who an organisation is: ``data/<slug>/organisation.yaml`` in the model (:mod:`.model` holds its notices)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .githubpage import file_page
from .localized import ByLanguage, Language, Localized, described
from .types import BusinessId, Email, Phone, PostalCode, Selector, Str, Url


@dataclass(frozen=True, kw_only=True, slots=True)
class Address:
    street: Str = described("Street address, as the organisation writes it.")
    postal_code: PostalCode | None = described("Postal code.", default=None)
    city: Str = described("Post office / city.")


@dataclass(frozen=True, kw_only=True, slots=True)
class ContactChannels:
    email: Email | None = described("Public e-mail address.", default=None)
    phone: Phone | None = described("Public phone number.", default=None)
    url: Url | None = described("Contact page or form.", default=None)


@dataclass(frozen=True, kw_only=True, slots=True)
class TrackedPage:
    """A page of the live notice that ``seloste track`` fetches, and which part of it is the notice."""

    url: Url = described("The page's address.")
    select: Selector | None = described(
        "CSS selector of the notice's part of the page, e.g. 'main article' (default: the whole body).", default=None
    )
    remove: tuple[Selector, ...] = described(
        "CSS selectors of what inside that part is not the notice (a cookie banner, a form).", default=()
    )
    lang: Language | None = described(
        "The language of the page's text, for a notice the organisation publishes in several languages: one page for "
        "each language of its published_in.",
        default=None,
    )

    @property
    def repository_file(self) -> bool:
        """A file of a GitHub repository (GitHub's page of it), not a page readers of the site see."""
        return file_page(self.url) is not None


@dataclass(frozen=True, kw_only=True, slots=True)
class Update:
    """A change to published details of the organisation (its name, business ID, address, contacts, website): allowed
    only when declared, with its reason."""

    date: dt.date = described("When the details changed, or were found to be wrong.")
    reason: Localized = described("What changed and why, e.g. 'The company changed its name.'")


@dataclass(frozen=True, kw_only=True, slots=True)
class Names(ByLanguage):
    """The organisation's name in another language, where it writes it otherwise there."""

    fi: Str | None = described("In Finnish.", default=None)
    sv: Str | None = described("In Swedish, e.g. 'Undervisnings- och kulturministeriet'.", default=None)
    en: Str | None = described("In English.", default=None)


@dataclass(frozen=True, kw_only=True, slots=True)
class Organisation:
    """``data/<slug>/organisation.yaml``: who the organisation is."""

    name: Str = described(
        "The organisation's name as it writes it, e.g. 'Micro Magic Oy': its own, not one that looks like another "
        "organisation's (Unicode's confusables), and each word in the letters of one script."
    )
    names: Names | None = described(
        "Its name in another language, as it writes it there (an official parallel name, e.g. the Swedish name of a "
        "Finnish body): a page in that language shows it, and search finds the organisation by every name.",
        default=None,
    )
    business_id: BusinessId | None = described("Business ID (Y-tunnus), where known.", default=None)
    address: Address | None = described("Postal address.", default=None)
    contact: ContactChannels | None = described("Public contact channels.", default=None)
    website: Url | None = described("The organisation's website, where known.", default=None)
    tracking: tuple[TrackedPage, ...] = described(
        "The live notice's pages in reading order, for 'seloste track' to follow ('seloste import' writes them).",
        default=(),
    )
    updates: tuple[Update, ...] = described(
        "Every change to these details after they were published, oldest first: its date and reason in fi and en.",
        default=(),
    )

    def name_in(self, lang: str) -> str:
        """The name a reader of ``lang`` reads: the one it writes in that language, else ``name``."""
        other = self.names and getattr(self.names, lang, None)
        return str(other) if other else self.name

    def other_names(self, shown: str) -> tuple[tuple[str, str | None], ...]:
        """(name, its language where ``names`` gives it) for each name but ``shown``, ``name`` first."""
        seen, found = {shown}, []
        for field, name in self.all_names:
            if name not in seen:  # a name it gives in two languages: once, with the first
                seen.add(name)
                found.append((name, None if field == "name" else field.removeprefix("names.")))
        return tuple(found)

    @property
    def all_names(self) -> tuple[tuple[str, str], ...]:
        """(field, name): ``name``, then each other name it gives (fi, sv, en)."""
        others = tuple((f"names.{lang}", self.names[lang]) for lang in self.names.languages) if self.names else ()
        return (("name", self.name), *others)


def tracking_problems(organisation: Organisation, languages: tuple[str, ...]) -> list[tuple[str, str]]:
    """(field, message) for each followed page whose language does not fit the latest version's ``languages`` (its
    published_in): a notice in several languages is followed on one page for each, each with its lang; a notice in one
    language, on pages of that language."""
    tracking = organisation.tracking
    if not tracking:
        return []
    if len(languages) == 1:
        return [
            (
                f"tracking[{i}].lang",
                f"tracking[{i}].lang: {page.lang}, but the latest version is published in {languages[0]} only",
            )
            for i, page in enumerate(tracking)
            if page.lang not in (None, languages[0])
        ]
    wanted = ", ".join(languages)
    problems = [
        (f"tracking[{i}]", f"tracking[{i}]: the latest version is published in {wanted}: give each page its lang")
        for i, page in enumerate(tracking)
        if page.lang is None
    ]
    given = [page.lang for page in tracking if page.lang is not None]
    if not problems and sorted(given) != sorted(languages):
        problems.append(
            (
                "tracking",
                f"tracking: one page for each language the latest version is published in ({wanted}); it names "
                + ", ".join(given),
            )
        )
    return problems
