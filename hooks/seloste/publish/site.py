"""The site as a whole: the loaded archive, its page plan and the view of each page.

This is the single object the MkDocs adapter talks to. It is cached across the nested
per-language builds and rebuilt only when a file under data/ changes.
"""

from __future__ import annotations

import difflib
import functools
import gc
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..archive.errors import DataError, DataErrors, Location, display_path
from ..archive.loader import ORGANISATION_FILE, load_archive
from ..archive.localized import ORIGINAL_LANGUAGE
from ..archive.model import Archive
from ..archive.tracklog import TrackingLog, load_log
from ..labels import labels
from ..markup.text import plain_text
from .factspage import FactsPageView, facts_page_view
from .feeds import organisation_feed, render_feed, site_feed
from .frame import Style
from .home import HomeView, home_view
from .lite import LiteRenderer, SharedFiles, organisation_lite_pages, shared_files
from .opendata import open_data_organisation_file, open_data_site_files
from .overlap import Overlap, Started
from .pages import NoticeView, PagePlan, notice_view, site_pages
from .prerender import prerender
from .sitemap import SitemapView, sitemap_view
from .story import heading_text
from .timing import stage


@dataclass(frozen=True, kw_only=True, slots=True)
class OutlineEntry:
    id: str
    title: str


@dataclass
class Site:
    archive: Archive
    plans: dict[str, PagePlan]
    """Generated pages by their source name."""
    tracking_log: TrackingLog | None = None
    """The tracking log the site is built with (None: built without one, and the notice pages say so)."""
    preview: tuple[str, ...] = ()
    """A partial preview's organisations, the only ones built (every page says so); empty: the whole archive."""

    @classmethod
    def build(cls, archive: Archive, tracking_log: TrackingLog | None = None, preview: tuple[str, ...] = ()) -> Site:
        plans = {plan.src_uri: plan for plan in site_pages(archive)}
        return cls(archive=archive, plans=plans, tracking_log=tracking_log, preview=preview)

    def labels(self, lang: str) -> dict[str, Any]:
        return labels(lang)

    def view(self, plan: PagePlan) -> HomeView | NoticeView | FactsPageView:
        with stage("page views (Material pages)"):
            return self._view(plan)

    def _view(self, plan: PagePlan) -> HomeView | NoticeView | FactsPageView:
        if plan.kind == "home":
            return home_view(self.archive, plan.lang)
        if plan.kind == "facts":
            return facts_page_view(self.archive, plan.lang)
        assert plan.slug is not None
        return notice_view(self.archive.get(plan.slug), plan.lang, self.tracking_log)

    def title(self, plan: PagePlan) -> str:
        """The page's title as plain text."""
        if plan.kind in ("home", "facts"):
            return str(labels(plan.lang)[f"{plan.kind}_page_title" if plan.kind == "facts" else "home_title"])
        assert plan.slug is not None
        record = self.archive.get(plan.slug)
        version = record.current.version
        text_lang = version.reading(plan.lang)[0]
        return heading_text(record.organisation.name_in(text_lang), plain_text(version.title[text_lang]))

    def start_extra(
        self, lang: str, site_dir: Path, renderer: Renderer, base_url: str, overlap: Overlap
    ) -> tuple[int, Started[int]]:
        """Write what spans organisations of ``lang`` into ``site_dir`` (the comparison's labels, the chrome script,
        the site feed and, in the original language, the open data index) and start the lite pages, feed (and open
        data file) of each organisation in ``overlap``: the number of files written, and the stage (its results are
        the numbers of files its chunks write)."""
        lite = LiteRenderer(renderer.templates, renderer.style, csp=renderer.csp)
        with stage("feeds"):
            path, feed = site_feed(self.archive, lang, base_url)
            outputs = [*shared_files(lang, lite).files, (path, render_feed(feed, lite))]
        if lang == ORIGINAL_LANGUAGE:
            with stage("open data"):
                outputs += open_data_site_files(self.archive)
        written = _write(site_dir, outputs)
        stage_name, count = "lite pages, feeds and open data", len(self.archive.organisations)
        started = overlap.start(stage_name, write_organisations, (lang, site_dir, renderer, base_url), count)
        return written, started

    @functools.cached_property
    def sitemap(self) -> SitemapView:
        """The sitemap's dates and lite pages (the same for every language's build)."""
        return sitemap_view(self.archive, self.plans)

    def outline(self, view: HomeView | NoticeView | FactsPageView) -> list[OutlineEntry]:
        """The page's table of contents."""
        if isinstance(view, NoticeView):
            untitled = str(labels(view.lang)["diff"]["untitled_section"])  # says it is the archive's name for it
            shown = view.shown_sections
            if len(shown) == 1 and not shown[0].heading_text:
                return []  # a notice with no headings: its one text is no introduction, and there is nothing to go to
            return [OutlineEntry(id=s.id, title=s.heading_text or untitled) for s in shown]
        return []


_cache: dict[tuple[Path, tuple[str, ...]], tuple[tuple[tuple[str, int, int], ...], Site]] = {}


def _signature(data_dir: Path, only: tuple[str, ...] = ()) -> tuple[tuple[str, int, int], ...]:
    """Every file's and folder's path, time and size (a link's own, never followed): of the preview's organisations'
    folders, or of all of ``data_dir``."""
    entries: list[tuple[str, int, int]] = []
    for top in [data_dir / slug for slug in only] if only else [data_dir]:
        try:
            _add_entries(os.fspath(top), entries)
        except OSError:  # no folder there, or one that cannot be read: the loader says what is wrong
            entries.append((os.fspath(top), -1, -1))
    entries.sort()
    return tuple(entries)


def _add_entries(folder: str, entries: list[tuple[str, int, int]]) -> None:
    with os.scandir(folder) as listing:
        for entry in listing:
            stat = entry.stat(follow_symlinks=False)
            entries.append((entry.path, stat.st_mtime_ns, stat.st_size))
            if entry.is_dir(follow_symlinks=False):
                _add_entries(entry.path, entries)


def load_site(
    data_dir: Path, tracking_log: Path | None = None, only: tuple[str, ...] = (), jobs: int = 1, passed: Path | None = None
) -> Site:
    """Load the site from ``data_dir`` (and the tracking log in ``tracking_log``, if given), reusing the last load if
    no file changed. Raises DataErrors for either. ``only``: a partial preview of these organisations (each must have
    its folder in ``data_dir``): only they are loaded, checked and built, and every page says so. ``jobs``: load the
    organisations in that many processes (the archive is the same). ``passed``: ``seloste validate``'s cache, where
    an organisation whose files passed its checks as they are is read without checking them again (``load_archive``)."""
    missing = [slug for slug in only if not (data_dir / slug / ORGANISATION_FILE).is_file()]
    if missing:
        known = display_path(data_dir)
        folders = [f.name for f in data_dir.iterdir() if (f / ORGANISATION_FILE).is_file()] if data_dir.is_dir() else []
        raise DataErrors(
            [
                DataError(
                    Location(known),
                    f"the preview asks for {slug!r} (ORGS, SELOSTE_ONLY), which is no organisation in {known}/"
                    + "".join(f"; did you mean {close!r}?" for close in difflib.get_close_matches(slug, folders, n=1)),
                )
                for slug in missing
            ]
        )
    key = (data_dir.resolve(), only)
    signature = _signature(data_dir.resolve(), only) + _file_signature(tracking_log)
    cached = _cache.get(key)
    if cached and cached[0] == signature:
        return cached[1]
    gc.unfreeze()  # a site loaded before (`mkdocs serve`), about to be replaced: the collector may free it
    with stage("load and validate"):
        archive = load_archive(data_dir, only=set(only) if only else None, jobs=jobs, passed=passed)
        gc.freeze()  # see below: the archive first, the site's views made of it next
        site = Site.build(archive, load_log(tracking_log) if tracking_log else None, preview=only)
    prerender(archive, jobs)  # before the stages are forked: every process of the build inherits each text rendered
    _cache[key] = (signature, site)
    # The site lives as long as the build: the collector's full passes need not walk its millions of objects again
    # (at 2,000 organisations x 5 versions they took 6.5 s of CPU of a build in one process, 3.2 s of the main
    # process's on two). Reference counting still frees what it drops.
    gc.freeze()
    return site


def site_of_none(data_dir: Path, only: tuple[str, ...] = ()) -> Site:
    """A site of no organisations, taken as this build's site of ``data_dir`` (:func:`built_site`): what a preview's
    first build builds, quickly, where the data has errors, before it puts them in place of its pages. The next
    :func:`load_site` reads the data again (no signature of a folder is empty)."""
    site = Site.build(Archive(organisations=()))
    _cache[(data_dir.resolve(), only)] = ((), site)
    return site


def built_site(data_dir: Path, only: tuple[str, ...] = ()) -> Site:
    """The site this build loaded from ``data_dir`` (:func:`load_site`, with its tracking log), as it was loaded: each
    part of one build shows one reading of the data, even where a file changed since (``mkdocs serve`` builds again),
    and none loads it again. Loaded here, without a log, only where no build has loaded it."""
    cached = _cache.get((data_dir.resolve(), only))
    return cached[1] if cached else load_site(data_dir, only=only)


@dataclass(frozen=True, slots=True)
class Renderer:
    """What a worker makes its :class:`LiteRenderer` of (a renderer itself does not cross processes)."""

    templates: tuple[Path, ...]
    style: Style
    csp: bool


_made: list[tuple[str, Renderer, LiteRenderer, SharedFiles]] = []
"""This process's last renderer and shared files, with the language and :class:`Renderer` they were made of (made
once per language, not per chunk)."""


def write_organisations(site: Site, lang: str, site_dir: Path, made: Renderer, base_url: str, start: int, stop: int) -> int:
    """Write the lite pages and feed of ``lang`` (and, in the original language, the open data file) of the
    organisations ``start`` to ``stop`` into ``site_dir`` (an :class:`Overlap` stage); returns the number of files."""
    if not _made or _made[0][:2] != (lang, made):
        renderer = LiteRenderer(made.templates, made.style, csp=made.csp)
        _made[:] = [(lang, made, renderer, shared_files(lang, renderer))]
    renderer, shared = _made[0][2:]
    written = 0
    for record in site.archive.organisations[start:stop]:
        outputs: list[tuple[str, str | bytes]] = [*organisation_lite_pages(record, lang, renderer, shared)]
        with stage("feeds"):
            path, feed = organisation_feed(record, lang, base_url)
            outputs.append((path, render_feed(feed, renderer)))
        if lang == ORIGINAL_LANGUAGE:
            with stage("open data"):
                outputs.append(open_data_organisation_file(record))
        written += _write(site_dir, outputs)
    return written


def _write(site_dir: Path, outputs: list[tuple[str, str | bytes]]) -> int:
    with stage("writing generated files"):
        for path, content in outputs:
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
    return len(outputs)


def _file_signature(path: Path | None) -> tuple[tuple[str, int, int], ...]:
    if path is None:
        return ()
    stat = path.stat()
    return ((str(path), stat.st_mtime_ns, stat.st_size),)


def preview_only(value: str) -> tuple[str, ...]:
    """The organisations a partial preview builds, from ``SELOSTE_ONLY`` (slugs separated by commas or spaces;
    empty: the whole archive)."""
    return tuple(sorted({slug for slug in value.replace(",", " ").split() if slug}))
