"""Lite pages: each version's permanent page, the history and the comparison page.

They are rendered with the templates in ``overrides/seloste/lite/`` straight from the
core's views, outside the MkDocs page pipeline: at archive scale (thousands of
organisations, five versions each) a full Material page per version would make the site
too big and the build too slow (docs/architecture.md has the figures). They share the
site's stylesheets and the notice markup with the Material pages.

The text of every version of an organisation, in one language, is one compressed file,
``<slug>/versions.json.gz``: each version's notice markup, as the current notice page shows
it. Successive versions differ in a few sections, and a section they share is stored once,
so each version after the first costs a fraction of its size. A version's permanent page holds what says which version it is
(its title, that it is not the current one, the translation notice) and shows the text from
that file; the comparison page reads both versions from it.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import jinja2
import jinja2.bccache

from ..archive.model import LANGUAGES, Archive, Facts, OrganisationRecord
from ..compare.diff import LIST_FACTS
from ..labels import format_date, labels
from .checklist import ChecklistView, checklist_view
from .compact import compact_html
from .csp import with_csp
from .opendata import open_data_file
from .packed import content_query, gzipped, json_bytes
from .pages import (
    DateView,
    NoticeView,
    checklist_path,
    compare_path,
    date_view,
    feed_path,
    history_path,
    lang_prefix,
    notice_path,
    other_language,
    root_of,
    site_url,
    version_path,
    version_view,
    versions_path,
)
from .timing import stage

LiteKind = Literal["version", "redirect", "history", "compare", "checklist"]
VERSIONS_FORMAT = 1
UI_FILE = "compare-labels.json"
"""Per language (``compare-labels.json``, ``en/compare-labels.json``): written once, not into every comparison
page."""
_PART_START = re.compile(r'<(?:section class="sl-section" |script type="application/json" id="sl-facts">)')
"""Where the notice template starts a section and the facts. Only the template writes these: a body's markup is
sanitised, and neither ``section`` nor ``script`` is among the tags it may keep."""


@dataclass(frozen=True, kw_only=True, slots=True)
class LitePlan:
    url: str
    """The page's folder relative to the site root, with the language prefix (``en/x/history/``)."""
    lang: str
    kind: LiteKind
    slug: str
    version: str | None = None

    @property
    def output(self) -> str:
        return self.url + "index.html"


def lite_pages(archive: Archive) -> list[LitePlan]:
    return [plan for lang in LANGUAGES for record in archive.organisations for plan in organisation_pages(record, lang)]


def organisation_pages(record: OrganisationRecord, lang: str) -> list[LitePlan]:
    slug = record.slug
    plans = [
        LitePlan(url=site_url(lang, history_path(slug)), lang=lang, kind="history", slug=slug),
        LitePlan(url=site_url(lang, compare_path(slug)), lang=lang, kind="compare", slug=slug),
        LitePlan(url=site_url(lang, checklist_path(slug)), lang=lang, kind="checklist", slug=slug),
    ]
    for version in record.versions:
        kind: LiteKind = "redirect" if version is record.current else "version"
        url = site_url(lang, version_path(slug, version.id))
        plans.append(LitePlan(url=url, lang=lang, kind=kind, slug=slug, version=version.id))
    return plans


@dataclass(frozen=True, kw_only=True, slots=True)
class Chrome:
    """What every lite page has around its content."""

    lang: str
    root: str
    title: str
    home_url: str
    organisation: str
    current_url: str
    history_url: str
    feed_url: str
    page_url: str
    """This page."""
    other_lang: str
    other_url: str
    """The same page in the other language."""
    open_data_url: str
    stylesheets: tuple[str, ...]
    scripts: tuple[str, ...] = ()
    noindex: bool = False
    palette_script: str | None = None
    """The script that applies the reader's colour scheme (``assets/seloste-palette.js``)."""
    palettes: tuple[dict[str, str], ...] = ()
    """The site's colour palettes: media query, scheme, primary and accent colour."""


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


@dataclass(frozen=True, kw_only=True, slots=True)
class CompareOption:
    id: str
    label: str
    url: str
    """The page holding this version's text (the notice page for the current one)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class LiteView:
    chrome: Chrome
    notice: NoticeView | None = None
    rows: tuple[HistoryRow, ...] = ()
    options: tuple[CompareOption, ...] = ()
    default_from: str | None = None
    default_to: str | None = None
    compare_url: str | None = None
    redirect_url: str | None = None
    checklist: ChecklistView | None = None
    version_date: DateView | None = None
    single_version: bool = False
    """The organisation has one version so far: nothing to compare yet."""
    versions_url: str | None = None
    """The organisation's versions file in this language, with its content hash as query (a new build's file is
    never read from a stale cache); on version and comparison pages."""
    ui_url: str | None = None
    """The labels the comparison script needs, in the page's language: one file per language (``UI_FILE``),
    with its content hash as query; on comparison pages."""


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory: MkDocs makes a new Jinja environment for each language of each
    build (and `mkdocs serve` rebuilds on every edit); compiling Material's templates again each time is
    a large part of a small build."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


BYTECODE_CACHE = MemoryBytecodeCache()


class LiteRenderer:
    """Renders lite pages with the templates of ``overrides/``; autoescape is on."""

    def __init__(
        self,
        templates: Path,
        stylesheets: tuple[str, ...],
        scripts: tuple[str, ...],
        *,
        csp: bool = True,
        palette_script: str | None = None,
        palettes: tuple[dict[str, str], ...] = (),
    ) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            bytecode_cache=BYTECODE_CACHE,
        )
        self.stylesheets = stylesheets
        self.scripts = scripts
        self.csp = csp
        """Give each page its Content-Security-Policy (not in a live-reloading preview, whose script is inline)."""
        self.palette_script = palette_script
        self.palettes = palettes

    @classmethod
    def for_site(
        cls, site_dir: Path, templates: Path, extra_css: tuple[str, ...], *, csp: bool, palettes: Any = ()
    ) -> LiteRenderer:
        """A renderer with the built site's stylesheets (Material's, then ``extra_css``), the comparison script, and
        the site's colour palettes (MkDocs' ``theme.palette``: one mapping or a list of them)."""
        material = sorted(p.relative_to(site_dir).as_posix() for p in (site_dir / "assets/stylesheets").glob("*.min.css"))
        script = versioned(site_dir, "assets/seloste-compare.js")
        options = [palettes] if isinstance(palettes, dict) else list(palettes or ())
        kept = tuple(
            {key: str(option[key]) for key in ("media", "scheme", "primary", "accent") if option.get(key)} for option in options
        )
        return cls(
            templates,
            (*material, *extra_css),
            (script,),
            csp=csp,
            palette_script=versioned(site_dir, "assets/seloste-palette.js"),
            palettes=kept,
        )

    def render(
        self,
        archive: Archive,
        plan: LitePlan,
        *,
        versions_url: str | None = None,
        notice: NoticeView | None = None,
        ui_url: str | None = None,
    ) -> str:
        """The page of ``plan``. Version and comparison pages need the URLs of the organisation's versions file and
        (comparison) of the labels file; a version page may be given its version's view, made for the file."""
        record = archive.get(plan.slug)
        view = self.view(record, plan, versions_url=versions_url, notice=notice, ui_url=ui_url)
        template = self.env.get_template(f"seloste/lite/{plan.kind}.html")
        html = compact_html(template.render(page=view, n=view.notice, t=labels(plan.lang)))
        return with_csp(html) if self.csp else html

    def not_found_page(self, base: str) -> str:
        """The site's 404 page, in both languages. GitHub Pages serves it at any address that has no page, so its
        links are absolute: ``base`` is the site's path (``/seloste/``)."""
        template = self.env.get_template("seloste/lite/not-found.html")
        html = compact_html(
            template.render(
                base=base,
                stylesheets=self.stylesheets,
                palette_script=self.palette_script,
                palettes=self.palettes,
                fi=labels("fi"),
                en=labels("en"),
            )
        )
        return with_csp(html) if self.csp else html

    def versions_file(self, views: dict[str, NoticeView], lang: str) -> bytes:
        """The organisation's versions file in ``lang`` from the views of its versions (oldest first), gzip-
        compressed (reproducibly: no time in the header)::

            {"format": 1, "parts": [markup, ...], "versions": {id: [part index, ...]}}

        A version's notice markup (the one its permanent page shows, links relative to that page) is its parts
        joined. The markup is cut before each section and before the facts, and a part the versions share is
        stored once: an unchanged section costs a number, whatever the size of the notice (gzip alone finds
        repeats only within 32 kB, less than one version of a long notice)."""
        template = self.env.get_template("seloste/notice-article.html")
        t = labels(lang)
        parts: dict[str, int] = {}
        versions = {}
        for id, view in views.items():
            markup = template.render(n=view, t=t)  # not compacted: gzip takes the indentation to almost nothing
            cuts = [0, *(match.start() for match in _PART_START.finditer(markup)), len(markup)]
            versions[id] = [parts.setdefault(markup[a:b], len(parts)) for a, b in itertools.pairwise(cuts) if b > a]
        return gzipped(json_bytes({"format": VERSIONS_FORMAT, "parts": list(parts), "versions": versions}))

    def view(
        self,
        record: OrganisationRecord,
        plan: LitePlan,
        *,
        versions_url: str | None = None,
        notice: NoticeView | None = None,
        ui_url: str | None = None,
    ) -> LiteView:
        lang = plan.lang
        t = labels(lang)
        slug = record.slug
        other = other_language(lang)
        other_url = lang_prefix(other) + plan.url.removeprefix(lang_prefix(lang))
        name = record.organisation.name
        if plan.kind == "version":
            title = f"{name}: {t['version_of']} {format_date(record.version(plan.version or '').date, lang)}"
        else:
            title = {
                "redirect": name,
                "history": f"{name}: {t['history']}",
                "compare": f"{name}: {t['compare_title']}",
                "checklist": f"{name}: {t['checklist_title']}",
            }[plan.kind]
        chrome = Chrome(
            lang=lang,
            root=root_of(plan.url),
            title=title,
            home_url=site_url(lang),
            organisation=record.organisation.name,
            current_url=site_url(lang, notice_path(slug)),
            history_url=site_url(lang, history_path(slug)),
            feed_url=site_url(lang, feed_path(slug)),
            page_url=plan.url,
            other_lang=other,
            other_url=other_url,
            open_data_url=open_data_file(slug),
            stylesheets=self.stylesheets,
            scripts=self.scripts if plan.kind in ("compare", "version") else (),
            noindex=plan.kind in ("compare", "redirect"),
            palette_script=self.palette_script,
            palettes=self.palettes,
        )
        if plan.kind == "version":
            notice = notice or version_view(record, record.version(plan.version or ""), lang)
            return LiteView(chrome=chrome, notice=notice, versions_url=versions_url)
        if plan.kind == "redirect":
            return LiteView(chrome=chrome, redirect_url=chrome.current_url)
        if plan.kind == "checklist":
            current = record.current
            return LiteView(
                chrome=chrome,
                checklist=checklist_view(current.version, current.date, slug, lang),
                version_date=date_view(current.date, lang),
            )
        if plan.kind == "history":
            return LiteView(
                chrome=chrome,
                rows=_history_rows(record, lang),
                compare_url=site_url(lang, compare_path(slug)),
                default_from=record.versions[-2].id if len(record.versions) > 1 else record.current.id,
                default_to=record.current.id,
                single_version=len(record.versions) == 1,
            )
        options = tuple(
            CompareOption(
                id=v.id,
                label=format_date(v.date, lang) + (f" ({t['current_marker']})" if v is record.current else ""),
                url=site_url(lang, notice_path(slug) if v is record.current else version_path(slug, v.id)),
            )
            for v in reversed(record.versions)
        )
        return LiteView(
            chrome=chrome,
            options=options,
            default_from=record.versions[-2].id if len(record.versions) > 1 else record.current.id,
            default_to=record.current.id,
            versions_url=versions_url,
            ui_url=ui_url,
            single_version=len(record.versions) == 1,
        )


def versioned(site_dir: Path, path: str) -> str:
    """``path`` (a file of the built site) with its content hash as query: a page of a new build never runs a
    script cached from an older one."""
    return path + content_query((site_dir / path).read_bytes())


def _history_rows(record: OrganisationRecord, lang: str) -> tuple[HistoryRow, ...]:
    t = labels(lang)
    rows = []
    for index, v in enumerate(record.versions):
        change = v.version.change
        is_current = v is record.current
        previous = record.versions[index - 1].id if index else None
        rows.append(
            HistoryRow(
                id=v.id,
                date=date_view(v.date, lang),
                stated=date_view(v.version.stated_date, lang) if v.version.stated_date else None,
                recorded=date_view(v.version.recorded_date, lang),
                kind=t["change_kinds"][change.kind if change else "first"],
                summary=change.summary[lang] if change else None,
                url=site_url(lang, notice_path(record.slug) if is_current else version_path(record.slug, v.id)),
                is_current=is_current,
                compare_previous_url=site_url(lang, compare_path(record.slug, previous, v.id)) if previous else None,
            )
        )
    return tuple(reversed(rows))


@functools.cache
def _ui(lang: str) -> dict[str, Any]:
    t = labels(lang)
    return {
        "diff": t["diff"],
        "fields": t["fact_fields"],
        "fact_order": [f.name for f in dataclasses.fields(Facts)],
        "list_facts": sorted(LIST_FACTS),
    }


def render_lite_pages(archive: Archive, lang: str, renderer: LiteRenderer) -> Iterator[tuple[str, str | bytes]]:
    """(output path relative to the site root, HTML or bytes) for every lite page of ``lang`` and each
    organisation's versions file."""
    ui = json_bytes(_ui(lang)) + b"\n"
    ui_path = site_url(lang, UI_FILE)
    yield ui_path, ui
    ui_query = content_query(ui)
    for record in archive.organisations:
        with stage("old versions"):
            views = {v.id: version_view(record, v, lang) for v in record.versions}
            data = renderer.versions_file(views, lang)
        path = site_url(lang, versions_path(record.slug))
        yield path, data
        query = content_query(data)
        for plan in organisation_pages(record, lang):
            with stage(_STAGES[plan.kind]):
                root = root_of(plan.url)
                versions_url = root + path + query
                ui_url = root + ui_path + ui_query
                notice = views.get(plan.version or "")
                html = renderer.render(archive, plan, versions_url=versions_url, notice=notice, ui_url=ui_url)
            yield plan.output, html


_STAGES: dict[LiteKind, str] = {
    "version": "old versions",
    "redirect": "old versions",
    "history": "history and comparison pages",
    "compare": "history and comparison pages",
    "checklist": "checklist pages",
}
