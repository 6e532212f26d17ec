"""The search index: Pagefind over the built site, one index per language.

Only current notices are indexed (their article carries ``data-pagefind-body``); history,
old versions and comparisons never are. Pagefind reads each page's ``<html lang>`` and
builds a separate index per language, stemming Finnish and English words with Snowball.
docs/search.en.md records how the engines compared on the archive's query list.
"""

from __future__ import annotations

import json
import logging
import subprocess
from pathlib import Path

from .blocks import blocks
from .lexicon import available, build_lexicon, words, write_lexicon
from .model import LANGUAGES, Archive
from .pages import lang_prefix
from .timing import stage

log = logging.getLogger(__name__)

BUNDLE = "pagefind"
"""The folder under the site root that holds the index and its scripts."""


class SearchIndexError(Exception):
    """Pagefind failed; the message holds its output."""


def pagefind_executable() -> str:
    from pagefind_bin import get_executable  # the pinned binary, shipped in the wheel

    return str(get_executable())


def notice_glob() -> str:
    """The pages Pagefind reads: the current notices (``<org>/``, ``en/<org>/``). Only they are indexed (they
    carry data-pagefind-body), and without this Pagefind would parse every old version, history and
    checklist page to find that out."""
    return "{" + ",".join(f"{lang_prefix(lang)}*" for lang in LANGUAGES) + "}/" + "index.html"


def index_site(site_dir: Path) -> str:
    """Index the built site in place; returns Pagefind's summary output."""
    command = [pagefind_executable(), "--site", str(site_dir), "--output-subdir", BUNDLE, "--glob", notice_glob()]
    with stage("search index (Pagefind)"):
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(result.stdout + result.stderr)
    _sort_entry(site_dir / BUNDLE / "pagefind-entry.json")
    return result.stdout


def _sort_entry(entry: Path) -> None:
    """Pagefind lists the languages in its entry file in no fixed order; sorted, two builds are byte-identical."""
    if entry.is_file():
        data = json.loads(entry.read_text(encoding="utf-8"))
        data["languages"] = dict(sorted(data.get("languages", {}).items()))
        entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def current_finnish_texts(archive: Archive) -> list[str]:
    """The Finnish texts the search indexes: each current notice's title, headings and blocks."""
    texts = []
    for record in archive.organisations:
        version = record.current.version
        texts.append(version.title.fi)
        for section in version.sections:
            if section.heading:
                texts.append(section.heading.fi)
            texts.extend(block.text for block in blocks(section.body.fi))
    return texts


def write_finnish_lexicon(archive: Archive, site_dir: Path) -> int | None:
    """Write the Finnish search lexicon; returns its number of words, or None without Voikko."""
    analyser = available()
    if analyser is None:
        return None
    with stage("search lexicon (Voikko)"):
        lexicon = build_lexicon(words(current_finnish_texts(archive)), analyser)
        write_lexicon(site_dir, "fi", lexicon)
    return len(lexicon)
