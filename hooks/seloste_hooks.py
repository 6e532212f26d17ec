"""MkDocs adapter: wires the plain core (``seloste``) into the build. Nothing else lives here.

static-i18n runs each language as a full nested build, at priority -100: every event below
fires once per language. Pages are generated before i18n (-50) under suffixed names inside
docs/ so that i18n routes them (``x.en.md`` -> ``/en/x/``); i18n replaces File objects, so
their (empty) content is restored after it, in ``on_nav`` (-200). The search index is started in the outer
build's ``on_files``, once MkDocs has cleaned the site folder; each language's lite pages and feeds in ``on_env``,
once the language's navigation and files are known. They run in worker processes while MkDocs reads and renders
its pages; the outer build waits for them in its last post-build event (-300), after i18n's nested builds. See
docs/architecture.en.md.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from markupsafe import escape
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import AnchorLink, TableOfContents

from seloste.archive import validation_cache
from seloste.archive.errors import DataError, DataErrors
from seloste.archive.tracklog import named_log
from seloste.publish.compact import compact_html
from seloste.publish.csp import PolicyError, with_csp
from seloste.publish.devserver import address_problem, preview_log
from seloste.publish.errorpage import not_built, show_errors, summary
from seloste.publish.frame import NavLink, nav_links, site_config
from seloste.publish.header import header_view
from seloste.publish.lite import BYTECODE_CACHE, site_style
from seloste.publish.overlap import Overlap, Started
from seloste.publish.site import Renderer, Site, load_site, preview_only, site_of_none
from seloste.publish.timing import write_on_exit
from seloste.publish.urls import root_of
from seloste.publish.workers import JobsError, WorkerLost, available_jobs
from seloste.search.build import start_index
from seloste.search.lexicon import voikko
from seloste.search.searchindex import Index, describe

log = logging.getLogger("mkdocs.plugins.seloste")

_site: Site | None = None
_serving = False
"""`mkdocs serve` injects its live-reload script inline; the policy would block it, so previews go without it."""
_nav: dict[str, tuple[NavLink, ...]] = {}
"""Each language's navigation, for the lite pages' drawer."""
_jobs = 1
"""Processes for the load and the stages after it: every core this process may use, or ``SELOSTE_JOBS``; one under
`mkdocs serve`, whose threads a forked process must not inherit mid-work."""
_overlap: Overlap | None = None
"""The stages of this build that run beside MkDocs' rendering, joined at its end."""
_started: list[tuple[str, int, Started[int]]] = []
"""Each language's lite pages and feeds started: the language, the files written here, the stage."""
_search: Started[dict[str, Index]] | None = None
_assets: dict[str, Path] = {}
"""The files the site's assets are copied from, by their path in the site (what the lite pages link to)."""
_listening = False
"""`mkdocs serve` serves (its first build is done): the address is its own."""
_data_errors: tuple[DataError, ...] = ()
"""What the build found wrong in the data (its load failed), for the preview to show in the browser (the preview's
rebuild empties it before each build)."""


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config):
    global _site, _jobs, _data_errors
    if os.environ.get("SELOSTE_TIMINGS"):  # scripts/benchmark.py: where the build's time goes
        write_on_exit(Path(os.environ["SELOSTE_TIMINGS"]))
    project = Path(config.config_file_path).parent
    if _serving and not _listening and (problem := address_problem(*config.dev_addr)):
        raise PluginError(problem)  # before the first build, not after it
    try:
        _jobs = available_jobs(_serving, os.environ.get("SELOSTE_JOBS", ""))
    except JobsError as err:
        raise PluginError(str(err)) from None
    only, first_preview = preview_only(os.environ.get("SELOSTE_ONLY", "")), _serving and not _listening
    try:
        tracking_log = named_log(project, config.extra.get("tracking_log"))
        if not (first_preview and _data_errors):  # else a language's build of a first preview that found errors
            _site = load_site(project / "data", tracking_log, only, _jobs, passed=validation_cache.default_folder())
    except DataErrors as err:
        _data_errors = tuple(err.errors)
        for error in err.errors:
            (preview_log() if first_preview else log).error(str(error))
        if not first_preview:
            raise PluginError(not_built(err.errors, tracking_log=bool(config.extra.get("tracking_log")))) from None
    if first_preview and _data_errors:  # it serves the errors: an archive of none, built quickly, its pages replaced
        _site = site_of_none(project / "data", only)
    return config


@event_priority(-50)
def on_files(files: Files, config) -> Files:
    global _overlap, _search, _assets
    assert _site is not None
    if not getattr(config.plugins.get("i18n"), "building", False):  # the outer build: MkDocs has cleaned site_dir
        if _overlap is not None:
            _overlap.cancel()  # an earlier build that failed (`mkdocs serve`)
        _overlap, _started[:], _assets = Overlap(_site, _jobs), [], {}
        _search, analyser = start_index(_site, Path(config.site_dir), _overlap)  # beside MkDocs' reading of the pages
        if analyser is None:
            log.warning("seloste: %s; Finnish search uses stemming only", voikko()[1])
    templates = os.path.join(config.theme.custom_dir, "seloste", "")
    for file in [f for f in files if f.abs_src_path and f.abs_src_path.startswith(templates)]:
        files.remove(file)  # MkDocs copies a theme's non-.html files as assets; the feed's template is not one
    for plan in _site.plans.values():
        if files.get_file_from_path(plan.src_uri) is not None:
            raise PluginError(f"docs/{plan.src_uri} is generated from data/; remove the hand-written file")
        file = File(plan.src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
        file.content_string = ""
        file.abs_src_path = os.path.join(config.docs_dir, plan.src_uri)  # i18n only handles files "in" docs_dir
        files.append(file)
    return files


@event_priority(-200)
def on_nav(nav, config, files: Files):
    assert _site is not None
    for file in files:
        if file.src_uri in _site.plans:
            file.content_string = ""
    _nav[config.theme["language"]] = nav_links(nav.items)  # as i18n translated it
    return nav


def on_page_markdown(markdown: str, page, config, files) -> str:
    plan = _site.plans.get(page.file.src_uri) if _site else None
    if plan is None:
        return markdown
    page.meta["template"] = plan.template
    if plan.hide:
        page.meta["hide"] = list(plan.hide)
    assert _site is not None  # a plan was found in it
    page.meta["title"] = str(escape(_site.title(plan)))  # Material prints meta.title unescaped
    return ""


@event_priority(-150)  # after static-i18n's (50), which sets config.extra.alternate for each page
def on_page_context(context, page, config, nav):
    assert _site is not None
    lang = config.theme["language"]
    context["t"] = _site.labels(lang)
    plan = _site.plans.get(page.file.src_uri)
    if plan is not None:
        view = _site.view(plan)
        context["seloste"] = view
        page.toc = TableOfContents([AnchorLink(str(escape(e.title)), e.id, 2) for e in _site.outline(view)])
    counterparts = {other: file.url for other, file in getattr(page.file, "alternates", {}).items() if file is not None}
    title = _site.title(plan) if plan is not None else page.title
    context["sl_header"] = header = header_view(
        lang=lang, root=root_of(page.url), site_name=config.site_name, title=title, palette=config.theme["palette"],
        counterparts=counterparts, preview=_site.preview,
    )  # fmt: skip
    # Material writes these as the page's hreflang links: only the languages that have the page
    config.extra.alternate = [{"lang": link.lang, "link": link.url} for link in header.languages if link.lang in counterparts]
    return context


def on_env(env, config, files):
    env.bytecode_cache = BYTECODE_CACHE  # Material's templates compiled once per process, not once per language and build
    assert _site is not None and _overlap is not None
    for file in files:  # the nested builds have the theme's assets but not docs/assets/, which the outer one copied
        if file.abs_src_path and not file.is_documentation_page():
            _assets.setdefault(file.dest_uri, Path(file.abs_src_path))
    style = site_style(_assets, site_config(config, _nav, _site.preview))
    made = Renderer(tuple(Path(d) for d in config.theme.dirs), style, not _serving)
    lang = config.theme["language"]
    try:
        _started.append((lang, *_site.start_extra(lang, Path(config.site_dir), made, config.site_url or "", _overlap)))
    except PolicyError as err:
        raise PluginError(str(err)) from err
    return env


def on_post_page(output: str, page, config) -> str:
    output = compact_html(output)
    try:
        return output if _serving else with_csp(output, page.file.dest_uri)
    except PolicyError as err:
        raise PluginError(str(err)) from err


def on_post_template(output: str, template_name: str, config) -> str:
    if not template_name.endswith(".html"):
        return output
    output = compact_html(output)
    try:
        return output if _serving else with_csp(output, template_name)
    except PolicyError as err:
        raise PluginError(str(err)) from err


@event_priority(-300)  # after i18n's (-100), which builds the other languages inside the outer build's post-build, and
def on_post_build(config) -> None:  # the other hooks' (-200), which write beside the stages (the 404 page, the sitemap)
    global _overlap
    if getattr(config.plugins.get("i18n"), "building", False):
        return  # a nested per-language build: the outer one waits for every language's stages
    assert _overlap is not None and _search is not None
    try:
        _overlap.join()
    except (PolicyError, WorkerLost) as err:
        raise PluginError(str(err)) from err
    finally:
        _overlap = None
    for lang, written, started in _started:
        log.info("seloste: wrote %d lite pages and feeds (%s)", written + sum(started.results), lang)
    log.info("seloste: search index built (%s)", describe({k: v for part in _search.results for k, v in part.items()}))
    if _data_errors and not _listening:  # the preview's first build, of none of the archive: the errors in its place
        show_errors(Path(config.site_dir), _data_errors, tuple(Path(d) for d in config.theme.dirs))
        preview_log().error("seloste: %s", summary(_data_errors))


def on_serve(server, config, builder):
    """A rebuild that finds errors in the data shows them in the browser, on every page (``publish/errorpage.py``);
    without this the preview's pages wait, with no answer, until a build succeeds. (A first build with errors builds
    an archive of none and puts them in place of its pages: ``on_config``, ``on_post_build``.)"""
    global _listening
    site_dir, templates = Path(config.site_dir), tuple(Path(d) for d in config.theme.dirs)

    def build_or_show_errors(config=None) -> None:
        global _data_errors
        _data_errors = ()  # this build's, or none: a build that fails before loading the data (mkdocs.yml) found none
        try:
            builder(config)
        except Abort:
            if not _data_errors:
                raise
            show_errors(site_dir, _data_errors, templates)
            log.error("seloste: %s", summary(_data_errors))

    _listening = True
    server.builder = build_or_show_errors
    return server


def on_build_error(error: Exception) -> None:
    if _overlap is not None:
        _overlap.cancel()  # the build failed: its workers stop


def on_shutdown() -> None:
    if _overlap is not None:
        _overlap.cancel()  # stopped (Ctrl+C, which MkDocs' build_error does not see): its workers stop at once
