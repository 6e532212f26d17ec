"""Lite pages: each version's permanent page, the history, the comparison and the checklist page.

They are rendered with the templates in ``overrides/seloste/lite/`` straight from the core's
views (:mod:`seloste.publish.liteviews`, one per page kind), outside the MkDocs page pipeline:
at archive scale (thousands of organisations, five versions each) a full Material page per
version would make the site too big and the build too slow (docs/architecture.en.md has the
figures). They share the site's stylesheets and the notice markup with the Material pages.

A version's permanent page holds its full text: the notice markup, as the current notice page
shows it. The comparison reads the two versions it compares from their pages.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from markupsafe import Markup

from ..archive.facts import Facts
from ..archive.localized import LANGUAGES, ORIGINAL_LANGUAGE
from ..archive.model import Archive, OrganisationRecord
from ..compare.facts import LIST_FACTS
from ..labels import labels
from .compact import compact_html
from .csp import with_csp
from .frame import CHROME_FILE, SiteConfig, Style, frame, not_found_frame
from .header import icon_id, same_page_links
from .liteviews import Links, LiteKind, LiteView, Shown, lite_view, organisation_pages
from .packed import content_query, json_bytes
from .pages import NoticeView, version_view
from .timing import stage
from .urls import lang_prefix, notice_path, root_of, site_url

LANGUAGE_SCRIPT = "assets/seloste-language.js"
UI_FILE = "compare-labels.json"
"""Per language (``compare-labels.json``, ``en/compare-labels.json``): written once, not into every comparison
page."""


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory: MkDocs makes a new Jinja environment for each language of each
    build (and `mkdocs serve` rebuilds on every edit); compiling Material's templates again each time is
    a large part of a small build."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None, source: str) -> jinja2.bccache.Bucket:
        """The template's bucket for ``environment``'s options: a template that MkDocs' environment and the lite
        pages' both load (the notice markup) is compiled once for each (their whitespace and escaping differ), so
        what a page holds never depends on which of them compiled it first."""
        bucket = super().get_bucket(environment, name, filename, source)
        bucket.key += "-" + _options_key(environment)
        bucket.reset()
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


def _options_key(env: jinja2.Environment) -> str:
    """What of ``env``'s options changes the code a template compiles to."""
    autoescape = env.autoescape if isinstance(env.autoescape, bool) else getattr(env.autoescape, "__qualname__", "?")
    options = (
        env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, autoescape,
        sorted(env.extensions), env.optimized,
    )  # fmt: skip
    return hashlib.sha256(repr(options).encode("utf-8")).hexdigest()[:16]


BYTECODE_CACHE = MemoryBytecodeCache()


class LiteRenderer:
    """Renders lite pages (and the 404 page, and the icons file) with the templates of ``overrides/`` (and
    Material's icons, from the theme's other folders); autoescape is on."""

    def __init__(self, templates: Path | Sequence[Path], style: Style, *, csp: bool = True) -> None:
        folders = [templates] if isinstance(templates, Path) else list(templates)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(folders),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            bytecode_cache=BYTECODE_CACHE,
            auto_reload=False,  # a renderer serves one build (each build makes its own): no template file is looked
        )  # at again for each page and each include once loaded
        self.env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}
        self.style = style
        self.csp = csp
        """Give each page its Content-Security-Policy (not in a live-reloading preview, whose script is inline)."""

    @classmethod
    def for_site(cls, site_dir: Path, theme_dirs: Sequence[Path], site: SiteConfig, *, csp: bool) -> LiteRenderer:
        """A renderer with the built site's stylesheets and scripts (:func:`site_style` of the files in ``site_dir``)
        and what the site's configuration and navigation give every page (``site``). ``theme_dirs``: the theme's
        template folders, ours first (MkDocs' ``theme.dirs``)."""
        assets = {p.relative_to(site_dir).as_posix(): p for p in site_dir.glob("assets/**/*") if p.is_file()}
        return cls(theme_dirs, site_style(assets, site), csp=csp)

    def render(self, view: LiteView) -> str:
        """The page of ``view``, with the template of its kind."""
        template = self.env.get_template(f"seloste/lite/{view.KIND}.html")
        html = template.render(
            page=view, frame=view.chrome.frame, n=getattr(view, "notice", None), t=labels(view.chrome.lang), kind=view.KIND
        )
        return self._finish(html, view.chrome.page_url + "index.html")

    def not_found_page(self, base: str) -> str:
        """The site's 404 page, in both languages (Finnish, and English at an address under ``en/``). GitHub Pages
        serves it at any address that has no page, so its links are absolute: ``base`` is the site's path
        (``/seloste/``)."""
        pages = {lang: not_found_frame(self.style, lang, base) for lang in LANGUAGES}
        template = self.env.get_template("seloste/lite/not-found.html")
        html = template.render(
            frame=pages[ORIGINAL_LANGUAGE], pages=pages, labels={lang: labels(lang) for lang in LANGUAGES}, kind="not-found",
            t=labels(ORIGINAL_LANGUAGE), base=base, page=None,
        )  # fmt: skip
        return self._finish(html, "404.html")

    def chrome_script(self, lang: str) -> str:
        """The script that draws the header, navigation, back-to-top button and footer of ``lang``'s lite pages
        (``frame.CHROME_FILE``), from the templates the 404 page and the Material pages' header are rendered with."""
        generic = frame(self.style, lang=lang, root="", title="", counterparts=same_page_links("", lang))
        prefixes = {other: lang_prefix(other) for other in LANGUAGES}
        template = self.env.get_template("seloste/lite/chrome.js")
        return template.render(frame=generic, t=labels(lang), prefixes=prefixes, site_name=self.style.site_name)

    def icons(self, names: Sequence[str]) -> str:
        """The icons file (``assets/seloste-icons.svg``): Material's icons ``names``, each a symbol."""
        return self.env.get_template("seloste/icons.svg").render(icons=names, icon_id=icon_id)

    def _finish(self, html: str, page: str) -> str:
        """``html`` compacted, with its policy; ``page`` is its site path, for the policy's errors."""
        html = compact_html(html)
        return with_csp(html, page) if self.csp else html

    def article(self, view: NoticeView) -> Markup:
        """A version's notice markup (``seloste/notice-article.html``), as its pages show it (links relative to
        the page ``view`` was made for)."""
        template = self.env.get_template("seloste/notice-article.html")
        return Markup(template.render(n=view, t=labels(view.lang)))


MATERIAL_CSS = re.compile(r"assets/stylesheets/[^/]+\.min\.css")
MATERIAL_BUNDLE = re.compile(r"assets/javascripts/bundle\.[^/]+\.min\.js")


def site_style(assets: Mapping[str, Path], site: SiteConfig) -> Style:
    """What every lite page shares of the site: its stylesheets (Material's, then ``extra_css``) and scripts
    (Material's, then ``extra_javascript``, as the Material pages have them; the comparison's, asked for with
    their content hash), and ``site``'s name, colours and navigation. ``assets``: the site's files by their path in
    the site (MkDocs' files, or the built site's), each with a file of the same content."""
    material_css = sorted(path for path in assets if MATERIAL_CSS.fullmatch(path))
    bundle = sorted(path for path in assets if MATERIAL_BUNDLE.fullmatch(path))
    first = tuple(js for js in site.extra_javascript if js == LANGUAGE_SCRIPT)  # on the 404 page, before the rest
    rest = tuple(js for js in site.extra_javascript if js != LANGUAGE_SCRIPT)
    scripts = [f"assets/seloste-{name}.js" for name in ("diff", "compare")]
    return Style(
        stylesheets=(*material_css, *site.extra_css),
        scripts=tuple(path + content_query(assets[path].read_bytes()) for path in scripts),
        site_scripts=(*first, *bundle, *rest),  # as the Material pages ask for them (Material's is named by its content)
        site_name=site.site_name,
        palette=site.palette,
        nav=site.nav,
        features=site.features,
        preview=site.preview,
        repository=site.repository,
    )


@functools.cache
def _ui(lang: str) -> dict[str, Any]:
    t = labels(lang)
    return {
        "diff": t["diff"],
        "fields": t["fact_fields"],
        "fact_order": [f.name for f in dataclasses.fields(Facts)],
        "list_facts": sorted(LIST_FACTS),
    }


@dataclasses.dataclass(frozen=True, slots=True)
class SharedFiles:
    """What every lite page of a language links to: the comparison's labels and the script that draws the pages'
    header, navigation and footer (``files``: their paths and contents), each asked for with its content hash."""

    files: tuple[tuple[str, str | bytes], ...]
    ui_url: str
    """The labels' site path with its content hash."""
    chrome_url: str


def shared_files(lang: str, renderer: LiteRenderer) -> SharedFiles:
    """The files every lite page of ``lang`` links to (written once per language)."""
    ui = json_bytes(_ui(lang)) + b"\n"
    ui_path = site_url(lang, UI_FILE)
    chrome = renderer.chrome_script(lang)
    chrome_path = CHROME_FILE.format(lang=lang)
    return SharedFiles(
        files=((ui_path, ui), (chrome_path, chrome)),
        ui_url=ui_path + content_query(ui),
        chrome_url=chrome_path + content_query(chrome.encode("utf-8")),
    )


def organisation_lite_pages(
    record: OrganisationRecord, lang: str, renderer: LiteRenderer, shared: SharedFiles
) -> Iterator[tuple[str, str]]:
    """(output path relative to the site root, HTML) for every lite page of one organisation in ``lang``."""
    folder = site_url(lang, notice_path(record.slug))  # a version's page is <folder><id>/
    for plan in organisation_pages(record, lang):
        with stage(_STAGES[plan.kind]):
            root = root_of(plan.url)
            shown = None
            if plan.version:
                view = version_view(record, record.version(plan.version), lang, text_lang=plan.text_lang)
                shown = Shown(notice=view, article=renderer.article(view))
            links = Links(versions_url=root + folder, ui_url=root + shared.ui_url, chrome_url=shared.chrome_url)
            html = renderer.render(lite_view(record, plan, renderer.style, links, shown))
        yield plan.output, html


def render_lite_pages(archive: Archive, lang: str, renderer: LiteRenderer) -> Iterator[tuple[str, str | bytes]]:
    """(output path relative to the site root, HTML or bytes) for every lite page of ``lang``, the comparison's
    labels and the script that draws the pages' header, navigation and footer."""
    shared = shared_files(lang, renderer)
    yield from shared.files
    for record in archive.organisations:
        yield from organisation_lite_pages(record, lang, renderer, shared)


_STAGES: dict[LiteKind, str] = {
    "version": "old versions",
    "history": "history and comparison pages",
    "compare": "history and comparison pages",
    "checklist": "checklist pages",
}
