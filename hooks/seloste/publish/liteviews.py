"""The views of the lite pages: one dataclass and one pure function per page kind.

Each view names its template (``seloste/lite/<kind>.html``); :class:`~seloste.publish.lite.LiteRenderer`
renders whichever it is given. Adding a page kind is a dataclass, a function, a template and an entry
in :data:`VIEWS` (CONTRIBUTING.md, "Adding a page kind").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Literal

from markupsafe import Markup

from ..archive.model import OrganisationRecord
from ..labels import labels
from .checklist import ChecklistView, checklist_view
from .comparisons import OwnComparison, compared_texts, own_comparisons, own_text_versions
from .dates import DateView, correction_lines, date_view, stated_view, version_date_text, version_date_view
from .frame import Frame, Style, frame
from .header import same_page_links
from .opendata import open_data_file
from .pages import CorrectionView, NoticeView
from .readings import original_site
from .urls import (
    checklist_path,
    compare_path,
    feed_path,
    history_path,
    lang_prefix,
    notice_path,
    own_text_path,
    root_of,
    site_url,
    version_path,
)

LiteKind = Literal["version", "history", "compare", "checklist"]


@dataclass(frozen=True, kw_only=True, slots=True)
class LitePlan:
    """One lite page to write: which kind, of which organisation (and version), in which language."""

    url: str
    """The page's folder relative to the site root, with the language prefix (``en/x/history/``)."""
    lang: str
    kind: LiteKind
    slug: str
    version: str | None = None
    text_lang: str | None = None
    """For the page of a version's text in a language no site language's pages show (``x/2024-01-10/sv/``), and the
    comparison of those texts (``x/compare/sv/``)."""

    @property
    def output(self) -> str:
        return self.url + "index.html"

    @property
    def indexed(self) -> bool:
        """Whether search engines may index the page: not a comparison (any two versions, endless)."""
        return self.kind not in ("compare", "redirect")

    def url_in(self, lang: str) -> str:
        """The same page in ``lang``."""
        return lang_prefix(lang) + self.url.removeprefix(lang_prefix(self.lang))


def organisation_pages(record: OrganisationRecord, lang: str) -> list[LitePlan]:
    slug = record.slug
    plans = [
        LitePlan(url=site_url(lang, history_path(slug)), lang=lang, kind="history", slug=slug),
        LitePlan(url=site_url(lang, compare_path(slug)), lang=lang, kind="compare", slug=slug),
        LitePlan(url=site_url(lang, checklist_path(slug)), lang=lang, kind="checklist", slug=slug),
    ]
    for version in record.versions:  # the current one too: its permanent address is a page of its own
        url = site_url(lang, version_path(slug, version.id))
        plans.append(LitePlan(url=url, lang=lang, kind="version", slug=slug, version=version.id))
        for text_lang in version.version.separate_languages:  # its Swedish text beside Finnish, on a page of its own
            url = site_url(lang, own_text_path(slug, version.id, text_lang))
            plans.append(LitePlan(url=url, lang=lang, kind="version", slug=slug, version=version.id, text_lang=text_lang))
    for text_lang in compared_texts(record):  # the comparison of its own Swedish texts, beside the one of its Finnish
        url = site_url(lang, compare_path(slug, text_lang=text_lang))
        plans.append(LitePlan(url=url, lang=lang, kind="compare", slug=slug, text_lang=text_lang))
    return plans


@dataclass(frozen=True, kw_only=True, slots=True)
class Chrome:
    """What every lite page of an organisation has around its content: the site's frame, and the organisation's
    pages it links to."""

    lang: str
    root: str
    title: str
    frame: Frame
    organisation: str
    current_url: str
    history_url: str
    feed_url: str
    page_url: str
    """This page."""
    open_data_url: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Links:
    """What a page links to beyond the organisation's pages: the folder of its versions' pages, the comparison's
    labels file (with its content hash as query: a new build's file is never read from a stale cache)."""

    versions_url: str | None = None
    """The organisation's folder, where each version's page is (``<folder><id>/``)."""
    ui_url: str | None = None
    chrome_url: str | None = None
    """The script that draws the page's header, navigation and footer (``frame.CHROME_FILE``)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Shown:
    """A version as its permanent page shows it: its view, and its notice markup (``seloste/notice-article.html``)."""

    notice: NoticeView
    article: Markup


def chrome(record: OrganisationRecord, plan: LitePlan, style: Style, title: str, links: Links) -> Chrome:
    lang, slug = plan.lang, record.slug
    root = root_of(plan.url)
    return Chrome(
        lang=lang,
        root=root,
        title=title,
        frame=frame(
            style,
            lang=lang,
            root=root,
            title=title,
            counterparts=same_page_links(plan.url, lang),
            scripts=style.scripts if plan.kind in ("compare", "history") else (),
            noindex=not plan.indexed,
            chrome=links.chrome_url,
        ),
        organisation=record.organisation.name_in(lang),
        current_url=site_url(lang, notice_path(slug)),
        history_url=site_url(lang, history_path(slug)),
        feed_url=site_url(lang, feed_path(slug)),
        page_url=plan.url,
        open_data_url=open_data_file(slug),
    )


# --- a version's permanent page --------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class VersionPage:
    """A version's permanent page: its full text in the page (readable without scripts, printable, seen by
    crawlers and web archives). The current version's page names the notice page as canonical: while the version
    is current, that page shows the same text."""

    KIND: ClassVar[LiteKind] = "version"
    chrome: Chrome
    notice: NoticeView
    article: Markup
    """The notice markup, as the notice page shows it."""
    canonical_url: str | None
    """The notice page, for the current version (relative to this page's root, as every link)."""


def version_page(record: OrganisationRecord, plan: LitePlan, style: Style, links: Links, shown: Shown | None) -> VersionPage:
    if shown is None:
        raise ValueError(f"{plan.url}: a version's page needs its rendered notice markup")
    version = record.version(plan.version or "")
    t = labels(plan.lang)
    title = f"{record.organisation.name_in(plan.lang)}: {t['version_of']} {version_date_text(version, plan.lang)}"
    if plan.text_lang:
        title += ", " + t["own_text_page_title"].format(adjective=t["language_adjective"][plan.text_lang])
    page_chrome = chrome(record, plan, style, title, links)
    return VersionPage(
        chrome=page_chrome,
        notice=shown.notice,
        article=shown.article,
        canonical_url=page_chrome.current_url if version is record.current and not plan.text_lang else None,
    )


# --- the history ----------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class HistoryRow:
    id: str
    date: DateView
    stated: DateView | None
    recorded: DateView
    kind: str
    summary: str | None
    url: str
    is_current: bool
    compare_previous_url: str | None
    range_note: str | None = None
    """For a version dated only as a range: that it changed between its two days, the exact day not known; for a
    first version whose publication day is not known, that it was in force by its day, published then or earlier."""
    corrections: tuple[str, ...] = ()
    """Each correction the archive made to the version after publishing it, in words (its date and reason)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class HistoryPage:
    KIND: ClassVar[LiteKind] = "history"
    chrome: Chrome
    rows: tuple[HistoryRow, ...]
    """Newest first."""
    compare_url: str
    default_from: str
    default_to: str
    single_version: bool
    """The organisation has one version so far: nothing to compare yet."""
    updates: tuple[CorrectionView, ...] = ()
    """Declared changes to the organisation's details, newest first."""
    own_comparisons: tuple[OwnComparison, ...] = ()
    """The comparisons of the organisation's own texts that pages of their own show (its Swedish)."""


def history_page(record: OrganisationRecord, plan: LitePlan, style: Style, links: Links, shown: Shown | None) -> HistoryPage:
    lang = plan.lang
    return HistoryPage(
        chrome=chrome(record, plan, style, f"{record.organisation.name_in(lang)}: {labels(lang)['history']}", links),
        rows=_history_rows(record, lang),
        compare_url=site_url(lang, compare_path(record.slug)),
        own_comparisons=own_comparisons(record, lang),
        default_from=record.versions[-2].id if len(record.versions) > 1 else record.current.id,
        default_to=record.current.id,
        single_version=len(record.versions) == 1,
        updates=tuple(
            CorrectionView(date=date_view(u.date, lang), reason=u.reason[lang]) for u in reversed(record.organisation.updates)
        ),
    )


def _history_rows(record: OrganisationRecord, lang: str) -> tuple[HistoryRow, ...]:
    t = labels(lang)
    rows = []
    for index, v in enumerate(record.versions):
        change = v.version.change
        is_current = v is record.current
        previous = record.versions[index - 1].id if index else None
        date = version_date_view(v, lang)
        rows.append(
            HistoryRow(
                id=v.id,
                date=date,
                range_note=t["history_range"].format(between=date.between, unknown=t["date_range_unknown"])
                if date.after
                else t["history_by"].format(sentence=date.in_force_by, unknown=t["date_range_unknown"])
                if date.by
                else None,
                stated=stated_view(v.version, lang),
                recorded=date_view(v.version.recorded_date, lang),
                kind=t["change_kinds"][change.kind if change else "first"],
                summary=change.summary[lang] if change else None,
                url=site_url(lang, notice_path(record.slug) if is_current else version_path(record.slug, v.id)),
                is_current=is_current,
                compare_previous_url=site_url(lang, compare_path(record.slug, previous, v.id)) if previous else None,
                corrections=correction_lines(v.version, lang),
            )
        )
    return tuple(reversed(rows))


# --- the comparison -------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class CompareOption:
    id: str
    label: str
    url: str
    """The page holding this version's text (the notice page for the current one)."""
    permanent_url: str
    """The version's permanent page (for the current one, an address that leads to the notice page)."""
    change: str | None = None
    """What changed in it since the version before, as the archive recorded it: its summary and kind (None for the
    first), which the comparison lists for the versions after the older one it compares, up to the newer."""
    corrected: tuple[str, ...] = ()
    """A line for each correction the archive made to it (``correction_lines``): the comparison lists them for the two
    versions it compares and those between."""


@dataclass(frozen=True, kw_only=True, slots=True)
class ComparePage:
    KIND: ClassVar[LiteKind] = "compare"
    chrome: Chrome
    options: tuple[CompareOption, ...]
    """Newest first."""
    default_from: str
    default_to: str
    versions_url: str | None
    """The organisation's folder: each version's page, where the comparison reads it, is ``<folder><id>/``."""
    ui_url: str | None
    """The labels the comparison script needs, in the page's language (one file per language)."""
    single_version: bool
    text_lang: str | None = None
    """For the comparison of the organisation's own texts in a language pages of their own show (its Swedish): that
    language. The script reads each version's page of that text, and marks the texts it shows with the language."""
    intro: str | None = None
    """Whose texts it compares: the organisation's own in a language (:attr:`text_lang`), or, on the comparison the
    site language's pages read, what its versions' pages show (``compare_whose``)."""
    main_url: str | None = None
    """From the comparison of own texts: the comparison the site language's pages read."""
    own_comparisons: tuple[OwnComparison, ...] = ()
    """The other comparisons of the organisation's own texts."""
    original_url: str | None = None
    """Where the site language's pages show the archive's translation (of its current version): the comparison the
    other site language's pages read, of the organisation's own text, where a change the translation does not show is
    to be seen."""


def compare_page(record: OrganisationRecord, plan: LitePlan, style: Style, links: Links, shown: Shown | None) -> ComparePage:
    lang, slug, text_lang = plan.lang, record.slug, plan.text_lang
    t = labels(lang)
    versions = own_text_versions(record, text_lang) if text_lang else record.versions

    def page_of(v) -> str:
        if text_lang:
            return site_url(lang, own_text_path(slug, v.id, text_lang))
        return site_url(lang, notice_path(slug) if v is record.current else version_path(slug, v.id))

    options = tuple(
        CompareOption(
            id=v.id,
            label=version_date_text(v, lang) + (f" ({t['current_marker']})" if v is record.current else ""),
            url=page_of(v),
            permanent_url=page_of(v) if text_lang else site_url(lang, version_path(slug, v.id)),
            change=f"{change.summary[lang]} ({t['change_kinds'][change.kind]})" if (change := v.version.change) else None,
            corrected=correction_lines(v.version, lang, "compare_corrected"),
        )
        for v in reversed(versions)
    )
    title = t["compare_own_title"][text_lang] if text_lang else t["compare_title"]
    current = record.current.version
    own = original_site(current) if current.reading(lang)[1] == "translation" else None
    kinds = {v.version.reading(lang)[1] for v in versions}
    whose = kinds.pop() if len(kinds) == 1 else "mixed" if "translation" in kinds else "mixed_own"
    return ComparePage(
        chrome=chrome(record, plan, style, f"{record.organisation.name_in(lang)}: {title}", links),
        options=options,
        default_from=versions[-2].id if len(versions) > 1 else versions[-1].id,
        default_to=versions[-1].id,
        versions_url=links.versions_url,
        ui_url=links.ui_url,
        single_version=len(versions) == 1,
        text_lang=text_lang,
        intro=t["compare_own_intro"][text_lang] if text_lang else None if len(versions) == 1 else t["compare_whose"][whose],
        main_url=site_url(lang, compare_path(slug)) if text_lang else None,
        own_comparisons=tuple(c for c in own_comparisons(record, lang) if c.text_lang != text_lang),
        original_url=None if text_lang or own is None else site_url(own, compare_path(slug)),
    )


# --- the checklist --------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class ChecklistPage:
    KIND: ClassVar[LiteKind] = "checklist"
    chrome: Chrome
    checklist: ChecklistView
    version_date: DateView


def checklist_page(record: OrganisationRecord, plan: LitePlan, style: Style, links: Links, shown: Shown | None) -> ChecklistPage:
    current = record.current
    return ChecklistPage(
        chrome=chrome(
            record, plan, style, f"{record.organisation.name_in(plan.lang)}: {labels(plan.lang)['checklist_title']}", links
        ),
        checklist=checklist_view(current.version, current.known_from, record.slug, plan.lang),
        version_date=version_date_view(current, plan.lang),
    )


LiteView = VersionPage | HistoryPage | ComparePage | ChecklistPage

VIEWS: dict[LiteKind, Callable[[OrganisationRecord, LitePlan, Style, Links, Shown | None], LiteView]] = {
    "version": version_page,
    "history": history_page,
    "compare": compare_page,
    "checklist": checklist_page,
}
"""The view function of each page kind."""


def lite_view(
    record: OrganisationRecord, plan: LitePlan, style: Style, links: Links = Links(), shown: Shown | None = None
) -> LiteView:
    """The view of ``plan``'s page (a version's page is given its version as shown: its view and its markup)."""
    return VIEWS[plan.kind](record, plan, style, links, shown)
