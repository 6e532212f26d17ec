"""Search at build time: the index of each language's current notices (searchindex.py).

docs/search.en.md records how the engines compared on the archive's query list.
"""

from __future__ import annotations

from pathlib import Path

from ..archive.model import Archive
from .lexicon import Analyser, available
from .searchindex import Index, write_search_index


def index_site(archive: Archive, site_dir: Path, jobs: int = 1) -> tuple[dict[str, Index], Analyser | None]:
    """Write the search index of every language (in ``jobs`` processes); the analyser is None when Voikko is
    missing."""
    analyser = available()
    return write_search_index(archive, site_dir, analyser, jobs), analyser
