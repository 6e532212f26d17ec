"""What every page MkDocs does not render (a lite page, the 404 page) has around its content, as Material's
pages have it: the header (:mod:`seloste.publish.header`), the site's navigation in the drawer and the sidebar,
the footer, the site's stylesheets, and Material's script with the configuration it reads.
``overrides/seloste/lite/base.html`` renders a :class:`Frame`.

On an organisation's lite pages (16,000 version pages alone at 2,000 organisations) the header, the navigation,
the back-to-top button and the footer are not written into every page: they are the same markup, so each page
has their places (with the links that work without scripts) and one script per language draws them there as
the page loads, before it is shown (``assets/seloste-chrome.<lang>.js``, rendered by the build from the same
templates as the Material pages' header). Written into every page they were 5 kB of each, 150 MB of the site
(docs/architecture.en.md). The 404 page, one page, has them written in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..archive.localized import LANGUAGES
from ..labels import labels
from .header import HeaderView, LanguageLink, header_view
from .urls import site_url

CHROME_FILE = "assets/seloste-chrome.{lang}.js"
"""Draws the header, navigation, back-to-top button and footer of the lite pages of a language."""


@dataclass(frozen=True, kw_only=True, slots=True)
class NavLink:
    title: str
    url: str
    """A site path (``en/facts/``)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class SiteConfig:
    """What the pages MkDocs does not render take from its configuration, and from the navigation its build of
    each language made (the MkDocs adapter gathers them)."""

    site_name: str
    extra_css: tuple[str, ...] = ()
    extra_javascript: tuple[str, ...] = ()
    palette: tuple[Mapping[str, Any], ...] = ()
    features: tuple[str, ...] = ()
    nav: Mapping[str, tuple[NavLink, ...]] = field(default_factory=dict)
    preview: tuple[str, ...] = ()
    """In a partial preview, the only organisations built (every page's header says so)."""
    repository: str = ""
    """The address of the archive's repository, its code and data (``extra.repository``), which every page's footer
    links; none where it is not configured."""


def nav_links(items: Iterable[Any]) -> tuple[NavLink, ...]:
    """The site's navigation from the items of MkDocs' (pages and links: a ``title`` and a ``url``)."""
    return tuple(NavLink(title=str(item.title), url=str(item.url)) for item in items if getattr(item, "url", None) is not None)


def site_config(config: Mapping[str, Any], nav: Mapping[str, tuple[NavLink, ...]], preview: tuple[str, ...] = ()) -> SiteConfig:
    """The :class:`SiteConfig` of MkDocs' configuration ``config`` (read as a mapping) and each language's ``nav``;
    ``preview``: the only organisations a partial preview builds."""
    palette = config["theme"]["palette"]
    return SiteConfig(
        site_name=str(config["site_name"]),
        extra_css=tuple(str(css) for css in config["extra_css"]),
        extra_javascript=tuple(str(js) for js in config["extra_javascript"]),
        palette=(palette,) if isinstance(palette, Mapping) else tuple(palette or ()),
        features=tuple(config["theme"]["features"] or ()),
        nav=dict(nav),
        preview=preview,
        repository=str(config.get("extra", {}).get("repository") or ""),
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class Style:
    """What the built site gives every lite page: its stylesheets and scripts, its name, colour schemes and
    navigation (MkDocs' configuration and the navigation of each language, as its build made them)."""

    stylesheets: tuple[str, ...]
    scripts: tuple[str, ...] = ()
    """The comparison page's own scripts."""
    site_scripts: tuple[str, ...] = ()
    """What every page runs: Material's script, then the site's (``extra_javascript``)."""
    site_name: str = "Seloste"
    palette: tuple[Mapping[str, Any], ...] = ()
    """``theme.palette``, as configured."""
    nav: Mapping[str, tuple[NavLink, ...]] = field(default_factory=dict)
    """Each language's navigation."""
    features: tuple[str, ...] = ()
    """``theme.features``, for Material's script."""
    preview: tuple[str, ...] = ()
    """In a partial preview, the only organisations built."""
    repository: str = ""
    """The archive's repository, which the footer links (:attr:`SiteConfig.repository`)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Frame:
    lang: str
    root: str
    title: str
    """The page's title, without the site's name."""
    header: HeaderView
    nav: tuple[NavLink, ...]
    stylesheets: tuple[str, ...]
    scripts: tuple[str, ...]
    material: dict[str, Any]
    """The configuration Material's script reads (``<script id="__config">``)."""
    noindex: bool = False
    chrome: str | None = None
    """The script that draws the header, navigation and footer (a site path, with its content hash); None: they
    are written into the page."""
    repository: str = ""
    """The archive's repository, which the footer links."""

    @property
    def alternates(self) -> tuple[LanguageLink, ...]:
        """The page in each language, for search engines (hreflang)."""
        return self.header.languages


def frame(
    style: Style,
    *,
    lang: str,
    root: str,
    title: str,
    counterparts: Mapping[str, str | None],
    scripts: tuple[str, ...] = (),
    noindex: bool = False,
    chrome: str | None = None,
) -> Frame:
    """The frame of a page in ``lang`` whose path to the site root is ``root``; ``counterparts`` are the same page
    in each language, ``scripts`` what it runs after the site's scripts."""
    return Frame(
        lang=lang,
        root=root,
        title=title,
        header=header_view(
            lang=lang,
            root=root,
            site_name=style.site_name,
            title=title,
            palette=style.palette,
            counterparts=counterparts,
            preview=style.preview,
        ),
        nav=style.nav.get(lang, ()),
        repository=style.repository,
        stylesheets=style.stylesheets,
        scripts=(*style.site_scripts, *scripts),
        material={
            "base": root[:-1] if len(root) > 1 else root or ".",
            "features": list(style.features),
            "search": None,
            "tags": None,
            "translations": {},
            "version": None,
        },
        noindex=noindex,
        chrome=chrome,
    )


def not_found_frame(style: Style, lang: str, base: str) -> Frame:
    """The 404 page's frame in ``lang``: GitHub Pages serves the page at any address that has no page, so its links
    start from the site's absolute path ``base``; its language switch leads to each language's home page."""
    return frame(
        style,
        lang=lang,
        root=base,
        title=str(labels(lang)["not_found_title"]),
        counterparts={other: site_url(other) for other in LANGUAGES},
        noindex=True,
    )
