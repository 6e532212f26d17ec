"""Which pages the site has, and the typed context each template renders.

Python decides here; the Jinja templates in ``overrides/seloste/`` only render. Every
string that came from the data is either plain text (templates escape it) or ``Markup``
produced by :mod:`seloste.render` (sanitised HTML).

Two families of pages (docs/architecture.en.md explains why):

- MkDocs/Material pages: the home page (:mod:`seloste.publish.home`) and each organisation's current notice;
- lite pages, rendered by :mod:`seloste.lite` after the MkDocs build: each version's
  permanent page, the history, the comparison page.

All links are relative (``root`` + a site path), so the site works under any subpath.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal

from markupsafe import Markup

from ..archive.facts import Contact, Controller
from ..archive.localized import LANGUAGES, Reading
from ..archive.model import Archive, OrganisationRecord, Version, VersionRecord
from ..archive.tracklog import TrackingLog
from ..archive.versioncheck import original_texts
from ..compare.diff import source_hash
from ..compare.facts import facts_pairs, facts_text
from ..compare.lineage import section_lineages
from ..labels import labels
from ..markup.render import inline_html
from ..markup.text import plain_text
from .comparisons import OwnComparison, own_compare_url, own_comparisons
from .dates import DateView, date_view, stated_view, version_date_text, version_date_view
from .factlines import section_anchor
from .glancepanel import GlancePanel, glance_panel
from .readings import OwnTextLink, language_note, original_site, other_texts
from .sectionview import SectionView, absent_view, section_view
from .sourcecheck import SourceCheckView, source_check
from .sourcing import SourceView, source_view
from .story import ChangeLine, DateLine, HeadingView, TimelineEntry, change_line, date_line, heading_view, timeline
from .urls import (
    checklist_path,
    compare_path,
    facts_path,
    feed_path,
    history_path,
    notice_path,
    own_text_path,
    root_of,
    site_url,
    version_path,
)

PageKind = Literal["home", "notice", "facts"]

TEMPLATES: dict[PageKind, str] = {"home": "seloste/home.html", "notice": "seloste/notice.html", "facts": "seloste/facts.html"}


@dataclass(frozen=True, kw_only=True, slots=True)
class PagePlan:
    """One MkDocs-rendered page in one language."""

    src_uri: str
    """The page's source name inside docs/, with the language suffix (``micro-magic/index.en.md``)."""
    lang: str
    kind: PageKind
    slug: str | None = None

    @property
    def template(self) -> str:
        return TEMPLATES[self.kind]

    @property
    def hide(self) -> tuple[str, ...]:
        """Material's page sidebars to hide: the comparison table's six columns need the width (the site's
        links stay in the header's menu)."""
        return ("navigation", "toc") if self.kind == "facts" else ()

    @property
    def url(self) -> str:
        if self.kind == "facts":
            return site_url(self.lang, facts_path())
        return site_url(self.lang, notice_path(self.slug) if self.slug else "")


def site_pages(archive: Archive) -> list[PagePlan]:
    """Every MkDocs-rendered page of both languages."""
    plans: list[PagePlan] = []
    for lang in LANGUAGES:
        plans.append(PagePlan(src_uri=f"index.{lang}.md", lang=lang, kind="home"))
        plans.append(PagePlan(src_uri=f"facts/index.{lang}.md", lang=lang, kind="facts"))
        plans.extend(
            PagePlan(src_uri=f"{record.slug}/index.{lang}.md", lang=lang, kind="notice", slug=record.slug)
            for record in archive.organisations
        )
    return plans


# --- views ----------------------------------------------------------------------------


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
    """The anchor of the section that states it (``#yhteystiedot``)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class CorrectionView:
    date: DateView
    reason: str


@dataclass(frozen=True, kw_only=True, slots=True)
class NoticeView:
    lang: str
    root: str
    """Relative path from this page to the site root."""
    slug: str
    version_id: str
    organisation_name: str
    """The organisation's name in the language of the text shown, where it gives one (``Organisation.name_in``)."""
    organisation_lang: str | None = None
    """That name's language, where it is known and not the page's (the name ``names`` gives in the text's language)."""
    other_names: tuple[tuple[str, str | None], ...] = ()
    """Its other names, each with its language where known (:meth:`Organisation.other_names`)."""
    business_id: str | None
    address: str | None
    website: str | None
    email: str | None
    phone: str | None
    contact_url: str | None
    title: Markup
    title_text: str
    heading: HeadingView
    """The page's heading: the organisation and the notice's own title."""
    dates: DateLine
    change: ChangeLine | None
    """What this version changed (on the current notice: the latest change); None for the first version."""
    timeline: tuple[TimelineEntry, ...]
    version_date: DateView
    stated_date: DateView | None
    recorded_date: DateView
    version_count: int
    version_status: str
    """"Version of 23 June 2021; 2 earlier versions."""
    is_current: bool
    current_url: str
    permanent_url: str
    history_url: str
    own_comparisons: tuple[OwnComparison, ...] = ()
    """The comparisons of the organisation's own texts that pages of their own show (its Swedish), where two of its
    versions have one."""
    compare_current_url: str | None
    """For an old version: its comparison with the current one."""
    feed_url: str
    source: SourceView
    transcription_note: str | None
    corrections: tuple[CorrectionView, ...]
    """Declared corrections to this version after it was published."""
    text_lang: str
    """The language of the notice's text on this page (``sv`` on the Finnish page of a notice published in Swedish)."""
    reading: Reading
    """Whose text this page shows: the organisation's own, the archive's translation, or the original (no translation)."""
    language_note: str
    """What the page says about whose text it is."""
    only_text: bool
    """The page shows the organisation's own text in the only language it published: its note is a line, not a box
    (on a phone, the text starts within two screens)."""
    other_texts: tuple[OwnTextLink, ...]
    """The organisation's own texts in its other languages, where this page's note does not already link to them
    (the Swedish text, from the Finnish page of a notice published in Finnish and Swedish)."""
    own_text_page: bool
    """This page is the page of one of the organisation's own texts that no site language's pages show."""
    translation_pending: bool
    """The translation may not follow the original yet, or is not made yet."""
    is_translation: bool
    original_url: str
    """The same page where the original is shown."""
    original_lang: str
    """The language of the original that page shows (its link's hreflang): Swedish on the Finnish page of a notice
    published in Swedish alone, as the links to the organisation's other texts say theirs."""
    originals: str | None
    """On a page of the archive's translation, a hash of the organisation's own texts, for the comparison in the
    browser: where two versions' translations are the same and their originals are not (a typo fixed, with
    ``translation: unaffected``), it says the original changed. None on other pages."""
    controller: PartyView | None
    """None where the notice names no controller: the header says it is not stated."""
    contact: PartyView | None
    dpo: PartyView | None
    sections: tuple[SectionView, ...]
    glance: GlancePanel | None
    """The "at a glance" panel (current notices only)."""
    source_check: SourceCheckView | None = None
    """Whether the archive follows the notice at its source and what it last found (the notice page only)."""
    checklist_url: str
    facts: dict[str, Any]
    """The facts as display values, published for the comparison in the browser."""

    @property
    def shown_sections(self) -> tuple[SectionView, ...]:
        """The sections this page shows the text of: not those its language's text does not have, but those it shows
        in the original, not translated yet."""
        return tuple(s for s in self.sections if not s.absent or s.untranslated)


def notice_view(record: OrganisationRecord, lang: str, log: TrackingLog | None = None) -> NoticeView:
    """The organisation's current notice, at its own URL; ``log``: the tracking log the site is built with."""
    view = version_view(record, record.current, lang, page=site_url(lang, notice_path(record.slug)))
    return dataclasses.replace(view, source_check=source_check(record, log, lang))


def _own_change_line(record: OrganisationRecord, shown: VersionRecord, lang: str, separate: str | None) -> ChangeLine | None:
    """The version's change; on the page of its own text in ``separate`` (its Swedish), what changed leads to the
    comparison of those texts where the previous version has one too."""
    line = change_line(record, shown, lang)
    if line is None or separate is None:
        return line
    previous = record.versions[record.versions.index(shown) - 1]
    return dataclasses.replace(line, compare_url=own_compare_url(record, previous, shown, lang, separate) or line.compare_url)


def version_view(
    record: OrganisationRecord, shown: VersionRecord, lang: str, *, page: str | None = None, text_lang: str | None = None
) -> NoticeView:
    """One version of the notice; ``page`` is the URL it is shown at (default: its permanent page). ``text_lang``:
    one of the version's :attr:`~seloste.archive.model.Version.separate_languages`, for the page of its text
    (``x/2024-01-10/sv/``) in the frame of ``lang``."""
    slug = record.slug
    separate = text_lang
    own_page = separate is not None
    if separate is not None and separate not in shown.version.separate_languages:
        raise ValueError(f"{slug}/{shown.id}: no page of its own shows the text in {separate}")
    permanent = own_text_path(slug, shown.id, separate) if separate else version_path(slug, shown.id)
    page = page or site_url(lang, permanent)
    version = shown.version
    org = record.organisation
    address = None
    if org.address:
        city = f"{org.address.postal_code or ''} {org.address.city}".strip()
        address = ", ".join(p for p in (org.address.street, city) if p)
    is_current = shown is record.current
    earlier = sum(1 for v in record.versions if v.date < shown.date)
    t = labels(lang)
    reading: Reading
    text_lang, reading = (separate, "own") if separate else version.reading(lang)
    original_lang = original_site(version)
    status_template = t["version_status_none" if not earlier else "version_status_single" if earlier == 1 else "version_status"]
    lineage = section_lineages(record.versions)[shown.id]
    title = Markup(inline_html(version.title[text_lang]))
    title_text = plain_text(version.title[text_lang])
    name = org.name_in(text_lang)
    return NoticeView(
        lang=lang,
        root=root_of(page),
        slug=slug,
        version_id=shown.id,
        organisation_name=name,
        organisation_lang=text_lang if text_lang != lang and org.names and text_lang in org.names.languages else None,
        other_names=org.other_names(name),
        business_id=org.business_id,
        address=address,
        website=org.website,
        email=org.contact.email if org.contact else None,
        phone=org.contact.phone if org.contact else None,
        contact_url=org.contact.url if org.contact else None,
        title=title,
        title_text=title_text,
        heading=heading_view(name, title, title_text),
        dates=date_line(shown, lang),
        change=_own_change_line(record, shown, lang, separate),
        timeline=timeline(record, shown, lang),
        version_date=version_date_view(shown, lang),
        stated_date=stated_view(version, lang),
        recorded_date=date_view(version.recorded_date, lang),
        version_count=len(record.versions),
        version_status=status_template.format(date=version_date_text(shown, lang), count=earlier),
        is_current=is_current,
        current_url=site_url(lang, notice_path(slug)),
        permanent_url=site_url(lang, permanent),
        history_url=site_url(lang, history_path(slug)),
        own_comparisons=own_comparisons(record, lang),
        compare_current_url=None
        if is_current
        else (separate and own_compare_url(record, shown, record.current, lang, separate))
        or site_url(lang, compare_path(slug, shown.id, record.current.id)),
        feed_url=site_url(lang, feed_path(slug)),
        source=source_view(version.source, text_lang),
        transcription_note=version.source.note[lang] if version.source.note else None,
        corrections=tuple(CorrectionView(date=date_view(c.date, lang), reason=c.reason[lang]) for c in version.corrections),
        text_lang=text_lang,
        reading=reading,
        language_note=language_note(version, lang, separate),
        only_text=reading == "own" and len(version.published_in) == 1,
        other_texts=other_texts(record, shown, lang, separate),
        own_text_page=own_page,
        translation_pending=version.translation == "pending" and reading != "own",
        is_translation=reading == "translation",
        original_url=site_url(original_lang, notice_path(slug) if is_current else version_path(slug, shown.id)),
        original_lang=version.reading(original_lang)[0],
        originals=_originals_hash(version) if reading == "translation" else None,
        controller=_party(version.facts.controller, slug, text_lang) if version.facts.controller else None,
        contact=_party(version.facts.contact, slug, text_lang) if version.facts.contact else None,
        dpo=_party(version.facts.dpo, slug, text_lang) if version.facts.dpo else None,
        sections=tuple(
            section_view(s.id, s.heading[text_lang] if s.heading else None, s.body[text_lang], lineage.get(s.id))
            if s.has(text_lang)
            else absent_view(version, s, text_lang, lang, lineage.get(s.id))
            for s in version.sections
        ),
        glance=glance_panel(record, lang) if is_current and not own_page else None,
        checklist_url=site_url(lang, checklist_path(slug)),
        facts=facts_pairs(facts_text(version.facts, lang)),
    )


def _originals_hash(version: Version) -> str:
    """A hash of the version's own texts (:func:`original_texts`): a change of line breaks alone is none."""
    return source_hash(*(original_texts(version) or {}).values())


def _party(party: Controller | Contact, slug: str, text_lang: str) -> PartyView:
    role = getattr(party, "role", None)
    return PartyView(
        name=party.name,
        role=role[text_lang] if role and text_lang in role.languages else None,
        business_id=getattr(party, "business_id", None),
        address=party.address,
        email=party.email,
        phone=party.phone,
        url=getattr(party, "url", None),
        section=section_anchor(party.section, slug),
    )
