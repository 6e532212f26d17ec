"""MkDocs adapter: what the whole site shares, written once after every language is built: the 404 page (both
languages in one page), the icons file the pages draw their header's icons from, and Material's script with its
sitemap requests stopped (publish/vendor.py).

static-i18n builds the other languages inside the default language's post-build event (at
priority -100), and each build would leave a 404 page of its own language with the last
page's language links; this runs after them (-200), once, in the outer build.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from seloste.publish.csp import PolicyError
from seloste.publish.frame import NavLink, nav_links, site_config
from seloste.publish.header import ICONS, ICONS_FILE, palette_icons
from seloste.publish.lite import LiteRenderer
from seloste.publish.site import preview_only
from seloste.publish.vendor import VendorChanged, stop_sitemap_requests

_serving = False
_nav: dict[str, tuple[NavLink, ...]] = {}
"""Each language's navigation, for the 404 page's drawer."""


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(-200)
def on_nav(nav, config, files):
    _nav[config.theme["language"]] = nav_links(nav.items)  # as i18n translated it
    return nav


@event_priority(-200)
def on_post_build(config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a nested per-language build
    site_dir = Path(config.site_dir)
    renderer = LiteRenderer.for_site(
        site_dir,
        [Path(d) for d in config.theme.dirs],
        site_config(config, _nav, preview_only(os.environ.get("SELOSTE_ONLY", ""))),
        csp=not _serving,
    )
    base = urlsplit(config.site_url or "/").path or "/"
    try:
        page = renderer.not_found_page(base)
    except PolicyError as err:
        raise PluginError(str(err)) from err
    (site_dir / "404.html").write_text(page, encoding="utf-8")
    icons = renderer.icons([*ICONS, *palette_icons(config.theme["palette"])])
    (site_dir / ICONS_FILE).write_text(icons, encoding="utf-8")
    try:
        stop_sitemap_requests(site_dir)
    except VendorChanged as err:
        raise PluginError(str(err)) from err
