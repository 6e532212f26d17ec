"""What the build changes in Material's own built files: one selector of its script.

Material's script (``assets/javascripts/bundle.*.min.js``, its ``setupAlternate``) asks for
``sitemap.xml`` beside the address of every ``<link rel=alternate>`` of a page: it expects those
links to name the roots of other language *sites*, whose sitemaps it reads to send a reader who
switches language to the same page there. Here no such link names a site's root: static-i18n
links each page to the same page in the other language (``en/x/`` from ``x/``), and a notice's
Atom feed is an alternate too (``x/feed.xml``). So every page asked for sitemaps that do not
exist (``en/x/sitemap.xml``, ``x/sitemap.xml``) and logged a 404 for each, and the sitemaps it
did find served no purpose: the language switch already leads to the same page (its links are
the page's own). The same selector was narrowed upstream in Material's
successor (zensical/ui#214, for feeds); the per-page language links of static-i18n have no fix
there either.

The fix is the selector: the script reads only ``link[rel=alternate][data-md-sitemap]``, which no
page has. The links stay as they are, for search engines (hreflang) and feed readers.
"""

from __future__ import annotations

from pathlib import Path

BUNDLES = "assets/javascripts/bundle.*.min.js"
_ALTERNATES = '"link[rel=alternate]"'
_SITEMAP_SITES = '"link[rel=alternate][data-md-sitemap]"'


class VendorChanged(Exception):
    """Material's script is not the one this fix was written for: look again before changing it."""


def stop_sitemap_requests(site_dir: Path) -> int:
    """Narrow the selector in Material's script under ``site_dir``; returns the number of files changed (0 when
    they already were). Raises :class:`VendorChanged` if a script does not hold the selector exactly once."""
    changed = 0
    bundles = sorted(site_dir.glob(BUNDLES))
    if not bundles:
        raise VendorChanged(f"no {BUNDLES} under {site_dir}: Material's script has moved")
    for bundle in bundles:
        code = bundle.read_text(encoding="utf-8")
        if code.count(_SITEMAP_SITES) == 1 and _ALTERNATES not in code:
            continue
        if code.count(_ALTERNATES) != 1:
            raise VendorChanged(
                f"{bundle.name}: expected {_ALTERNATES} once, found it {code.count(_ALTERNATES)} times; "
                "Material's script changed (see hooks/seloste/publish/vendor.py)"
            )
        bundle.write_text(code.replace(_ALTERNATES, _SITEMAP_SITES), encoding="utf-8")
        changed += 1
    return changed
