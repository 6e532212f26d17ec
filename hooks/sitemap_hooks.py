"""MkDocs adapter: the sitemap dated from the data, the same whatever day it is built.

MkDocs dates every page with the day of the build, and stamps ``sitemap.xml.gz`` with it. Instead,
``overrides/sitemap.xml`` (which takes the place of static-i18n's) renders the core's dates
(:mod:`seloste.publish.sitemap`), and the gzip copy is made again without a time. static-i18n renders
the sitemap in each language's build; the last one, which knows every language's pages, is kept.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import event_priority

from seloste.publish.packed import gzipped
from seloste.publish.site import built_site, preview_only


def on_template_context(context, template_name: str, config):
    if template_name == "sitemap.xml":
        only = preview_only(os.environ.get("SELOSTE_ONLY", ""))  # a partial preview maps its organisations only
        context["seloste_sitemap"] = built_site(Path(config.config_file_path).parent / "data", only).sitemap
    return context


@event_priority(-200)
def on_post_build(config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a nested per-language build: the outer one writes the final copy
    sitemap, compressed = Path(config.site_dir) / "sitemap.xml", Path(config.site_dir) / "sitemap.xml.gz"
    if sitemap.exists() and compressed.exists():
        compressed.write_bytes(gzipped(sitemap.read_bytes()))
