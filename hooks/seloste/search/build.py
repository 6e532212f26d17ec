"""Search at build time: the index of each language's current notices (searchindex.py).

docs/search.en.md records how the engines compared on the archive's query list.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..archive.localized import LANGUAGES
from ..archive.model import Archive
from ..publish.overlap import Overlap, Started
from ..publish.site import Site
from .lexicon import Analyser, available
from .searchindex import Index, index_language, write_search_index


def index_site(archive: Archive, site_dir: Path, jobs: int = 1) -> tuple[dict[str, Index], Analyser | None]:
    """Write the search index of every language (in ``jobs`` processes); the analyser is None when Voikko is
    missing."""
    analyser = available()
    return write_search_index(archive, site_dir, analyser, jobs), analyser


def start_index(site: Site, site_dir: Path, overlap: Overlap) -> tuple[Started[dict[str, Index]], Analyser | None]:
    """Start the search index of every language in ``overlap`` (each language a chunk of its own: the lexicon and
    the key files are built from every notice's words together); the analyser is None when Voikko is missing."""
    analyser = available()  # before the workers are forked: they inherit it
    return overlap.start("search index", index_languages, (site_dir,), len(LANGUAGES)), analyser


def index_languages(site: Site, site_dir: Path, start: int, stop: int) -> dict[str, Index]:
    """Build and write the index of the languages ``start`` to ``stop`` (an :class:`Overlap` stage). What the build
    is given back is their counts, not their files, which are written: a worker would pickle them all for the main
    process to read back (17 MB for Finnish at 1,000 organisations: 0.8 s of CPU in all)."""
    counted: dict[str, Index] = {}
    for lang in LANGUAGES[start:stop]:
        index = index_language(site.archive, site_dir, available(), lang)
        counted[lang] = dataclasses.replace(index, files={}, encoded={})
    return counted
