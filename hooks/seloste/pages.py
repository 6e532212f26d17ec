"""Which pages the site has, and the typed context each template renders.

Python decides here; the Jinja templates in ``overrides/seloste/`` only render. Every
string that came from the data is either plain text (templates escape it) or ``Markup``
produced by :mod:`seloste.render` (sanitised HTML).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup

from .labels import format_date
from .model import LANGUAGES, ORIGINAL_LANGUAGE, Archive, Contact, Controller, OrganisationRecord, Source, VersionRecord
from .render import inline_html, markdown_html

PageKind = Literal["home", "notice", "version"]

TEMPLATES: dict[PageKind, str] = {
    "home": "seloste/home.html",
    "notice": "seloste/notice.html",
    "version": "seloste/notice.html",
}


def lang_prefix(lang: str) -> str:
    """The site folder of a language: Finnish at the root, English under ``en/``."""
    return "" if lang == ORIGINAL_LANGUAGE else f"{lang}/"


def site_url(lang: str, path: str = "") -> str:
    """A page's URL relative to the site root, such as ``en/micro-magic/``."""
    return lang_prefix(lang) + path


@dataclass(frozen=True, kw_only=True, slots=True)
class PagePlan:
    """One generated page in one language."""

    src_uri: str
    """The page's source name inside docs/, with the language suffix (``micro-magic/index.en.md``)."""
    lang: str
    kind: PageKind
    slug: str | None = None
    version: str | None = None
    """The version id (its date) of a version page."""

    @property
    def template(self) -> str:
        return TEMPLATES[self.kind]


def site_pages(archive: Archive) -> list[PagePlan]:
    """Every generated page of both languages."""
    plans: list[PagePlan] = []
    for lang in LANGUAGES:
        plans.append(PagePlan(src_uri=f"index.{lang}.md", lang=lang, kind="home"))
        for record in archive.organisations:
            plans.append(PagePlan(src_uri=f"{record.slug}/index.{lang}.md", lang=lang, kind="notice", slug=record.slug))
            plans.extend(
                PagePlan(
                    src_uri=f"{record.slug}/{version.id}/index.{lang}.md",
                    lang=lang,
                    kind="version",
                    slug=record.slug,
                    version=version.id,
                )
                for version in record.versions
            )
    return plans


def notice_path(slug: str) -> str:
    """The organisation's current notice."""
    return f"{slug}/"


def version_path(slug: str, version_id: str) -> str:
    """The permanent page of one version."""
    return f"{slug}/{version_id}/"


# --- views ----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class DateView:
    iso: str
    text: str


def date_view(date: dt.date, lang: str) -> DateView:
    return DateView(iso=date.isoformat(), text=format_date(date, lang))


@dataclass(frozen=True, kw_only=True, slots=True)
class OrganisationRow:
    name: str
    business_id: str | None
    url: str
    current: DateView
    version_count: int


@dataclass(frozen=True, kw_only=True, slots=True)
class HomeView:
    lang: str
    title: str
    organisations: tuple[OrganisationRow, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class PartyView:
    """The controller, the privacy contact or the DPO, as the notice states them."""

    name: str | None
    role: str | None
    business_id: str | None
    address: str | None
    email: str | None
    phone: str | None
    url: str | None
    section: str


@dataclass(frozen=True, kw_only=True, slots=True)
class SectionView:
    id: str
    heading: Markup | None
    heading_text: str
    """The heading as plain text (table of contents, page outline)."""
    body: Markup


@dataclass(frozen=True, kw_only=True, slots=True)
class SourceView:
    url: str | None
    label: str | None
    """What to show for the link: ``owner/repo: path @ 632a041bcc`` or the address without its scheme."""


def source_view(source: Source) -> SourceView:
    if source.repository:
        label = source.repository + (f": {source.path}" if source.path else "")
        if source.commit:
            label += f" @ {source.commit[:10]}"
    elif source.url:
        label = source.url.split("://", 1)[-1]
    else:
        label = None
    return SourceView(url=source.url, label=label)


@dataclass(frozen=True, kw_only=True, slots=True)
class NoticeView:
    lang: str
    slug: str
    organisation_name: str
    business_id: str | None
    address: str | None
    website: str | None
    title: Markup
    title_text: str
    version_date: DateView
    stated_date: DateView | None
    recorded_date: DateView
    version_count: int
    is_current: bool
    current_url: str
    """The organisation's current notice in this language."""
    permanent_url: str
    """This version's permanent page in this language."""
    source: SourceView
    transcription_note: str | None
    is_translation: bool
    original_url: str
    """The same page in the original language."""
    controller: PartyView
    contact: PartyView | None
    dpo: PartyView | None
    sections: tuple[SectionView, ...]


def home_view(archive: Archive, lang: str, title: str) -> HomeView:
    rows = tuple(
        OrganisationRow(
            name=record.organisation.name,
            business_id=record.organisation.business_id,
            url=site_url(lang, notice_path(record.slug)),
            current=date_view(record.current.date, lang),
            version_count=len(record.versions),
        )
        for record in sorted(archive.organisations, key=lambda r: r.organisation.name.casefold())
    )
    return HomeView(lang=lang, title=title, organisations=rows)


def notice_view(record: OrganisationRecord, lang: str) -> NoticeView:
    return version_view(record, record.current, lang)


def version_view(record: OrganisationRecord, shown: VersionRecord, lang: str) -> NoticeView:
    """The page of one version; the current one is also shown at the organisation's own URL."""
    version = shown.version
    org = record.organisation
    address = None
    if org.address:
        address = ", ".join(p for p in (org.address.street, f"{org.address.postal_code or ''} {org.address.city}".strip()) if p)
    facts = version.facts
    sections = tuple(_section_view(s.id, s.heading[lang] if s.heading else None, s.body[lang]) for s in version.sections)
    return NoticeView(
        lang=lang,
        slug=record.slug,
        organisation_name=org.name,
        business_id=org.business_id,
        address=address,
        website=org.website,
        title=Markup(inline_html(version.title[lang])),
        title_text=plain_text(version.title[lang]),
        version_date=date_view(shown.date, lang),
        stated_date=date_view(version.stated_date, lang) if version.stated_date else None,
        recorded_date=date_view(version.recorded_date, lang),
        version_count=len(record.versions),
        is_current=shown is record.current,
        current_url=site_url(lang, notice_path(record.slug)),
        permanent_url=site_url(lang, version_path(record.slug, shown.id)),
        source=source_view(version.source),
        transcription_note=version.source.note[lang] if version.source.note else None,
        is_translation=lang != ORIGINAL_LANGUAGE,
        original_url=site_url(
            ORIGINAL_LANGUAGE,
            notice_path(record.slug) if shown is record.current else version_path(record.slug, shown.id),
        ),
        controller=_party(facts.controller, lang),
        contact=_party(facts.contact, lang) if facts.contact else None,
        dpo=_party(facts.dpo, lang) if facts.dpo else None,
        sections=sections,
    )


def _section_view(section_id: str, heading: str | None, body: str) -> SectionView:
    return SectionView(
        id=section_id,
        heading=Markup(inline_html(heading)) if heading else None,
        heading_text=plain_text(heading) if heading else "",
        body=Markup(markdown_html(body)),
    )


def _party(party: Controller | Contact, lang: str) -> PartyView:
    role = getattr(party, "role", None)
    return PartyView(
        name=party.name,
        role=role[lang] if role else None,
        business_id=getattr(party, "business_id", None),
        address=party.address,
        email=party.email,
        phone=party.phone,
        url=getattr(party, "url", None),
        section=party.section,
    )


_MARKUP = re.compile(r"[*_`]|\\(?=[\\`*_{}\[\]()#+\-.!])")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def plain_text(markdown_line: str) -> str:
    """A one-line Markdown text without its markup: ``**Foo** [bar](x)`` -> ``Foo bar``."""
    return _MARKUP.sub("", _LINK.sub(r"\1", markdown_line)).strip()
