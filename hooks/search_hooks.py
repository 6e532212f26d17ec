"""MkDocs adapter: write the search index (both languages) with the core's search step.

static-i18n builds the other languages inside the default language's post-build event
(at priority -100); this runs after that (-200), once, in the outer build.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from seloste.publish.site import load_site, preview_only
from seloste.publish.workers import JobsError, available_jobs
from seloste.search.build import index_site
from seloste.search.lexicon import voikko
from seloste.search.searchindex import describe

log = logging.getLogger("mkdocs.plugins.seloste.search")

_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(-200)
def on_post_build(config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a nested per-language build: the outer one indexes the whole site
    only = preview_only(os.environ.get("SELOSTE_ONLY", ""))  # a partial preview indexes its organisations only
    site = load_site(Path(config.config_file_path).parent / "data", only=only)  # cached: already loaded for this build
    try:
        jobs = available_jobs(_serving, os.environ.get("SELOSTE_JOBS", ""))  # each language in a process of its own
    except JobsError as err:
        raise PluginError(str(err)) from None
    built, analyser = index_site(site.archive, Path(config.site_dir), jobs)
    if analyser is None:
        log.warning("seloste: %s; Finnish search uses stemming only", voikko()[1])
    log.info("seloste: search index built (%s)", describe(built))
