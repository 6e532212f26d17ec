"""A Finnish lexicon for search: which word forms of the notices belong together.

Pagefind stems Finnish with Snowball, which misses consonant gradation (henkilötiedot /
henkilötietojen) and compounds (seloste / tietosuojaseloste). Voikko, the Finnish
morphological analyser, gives each word form its base forms and compound parts; from it we
publish, for every form in the current notices, the other forms that share its base form,
including compounds that end in it. The search script expands a query word with them
(docs/search.en.md). Without Voikko installed, no lexicon is written and search falls back
to Snowball alone.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

LEXICON_DIR = "search-lexicon"
MAX_FORMS = 12
"""At most this many other forms per word (the most frequent first)."""
_WORD = re.compile(r"[^\W\d_]{3,}")
_PART = re.compile(r"\(([^()]+)\)")


class Analyser:
    """Voikko's analysis of Finnish word forms (base forms, and the base of a compound's last part)."""

    def __init__(self) -> None:
        import libvoikko  # Debian's libvoikko1 and voikko-fi provide the library and the dictionary

        self._voikko = libvoikko.Voikko("fi")
        self._cache: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    def analyse(self, word: str) -> tuple[frozenset[str], frozenset[str]]:
        """(base forms, bases of the last compound part when it differs) of ``word``."""
        if word not in self._cache:
            bases, last_parts = set(), set()
            for analysis in self._voikko.analyze(word):
                base = analysis.get("BASEFORM", "").lower()
                if base:
                    bases.add(base)
                parts = _PART.findall(analysis.get("WORDBASES", ""))
                if len(parts) > 1 and not parts[-1].startswith("+"):
                    last_parts.add(parts[-1].lower())
            self._cache[word] = (frozenset(bases), frozenset(last_parts - bases))
        return self._cache[word]


@functools.cache
def available() -> Analyser | None:
    """Voikko with its Finnish dictionary, or None if it is not installed.

    One analyser per process: its cache of analyses carries over the rebuilds of `mkdocs serve`.
    """
    try:
        return Analyser()
    except Exception:
        return None


def words(texts: Iterable[str]) -> dict[str, int]:
    """Lower-case word forms of the texts with their frequency."""
    counts: dict[str, int] = defaultdict(int)
    for text in texts:
        for word in _WORD.findall(text.lower()):
            counts[word] += 1
    return counts


def build_lexicon(counts: dict[str, int], analyser: Analyser) -> dict[str, list[str]]:
    """For each form, and each base form: the forms that share the base form, or end in it as a compound.

    Base forms are keys too, since readers type the dictionary form (säilytysaika) even where the
    notices only use another one (säilytysajat).
    """
    groups: dict[str, set[str]] = defaultdict(set)
    keys: dict[str, frozenset[str]] = {}
    for word in counts:
        bases, last_parts = analyser.analyse(word)
        keys[word] = bases
        for key in bases | last_parts:
            groups[key].add(word)
    for base in groups:
        keys.setdefault(base, frozenset({base}))
    stem = _stemmer()
    lexicon = {}
    for word, bases in keys.items():
        related = set().union(*(groups[b] for b in bases)) - {word} if bases else set()
        # Pagefind stems both the index and the query with Snowball: one form per Snowball stem is
        # enough, and forms of the query's own stem add nothing.
        by_stem: dict[str, str] = {}
        for form in sorted(related, key=lambda w: (-counts.get(w, 0), w)):
            by_stem.setdefault(stem(form), form)
        by_stem.pop(stem(word), None)
        if by_stem:
            lexicon[word] = sorted(by_stem.values())[:MAX_FORMS]
    return lexicon


@functools.cache
def _stemmer():
    import snowballstemmer  # the Snowball algorithm Pagefind's index uses for Finnish

    return functools.lru_cache(maxsize=1 << 18)(snowballstemmer.stemmer("finnish").stemWord)


def shard(word: str) -> str:
    """The lexicon file a word is in: its first two letters."""
    return word[:2]


def write_lexicon(site_dir: Path, lang: str, lexicon: dict[str, list[str]]) -> int:
    """Write the lexicon as small JSON files, one per first two letters; returns the number of files."""
    folder = site_dir / LEXICON_DIR / lang
    folder.mkdir(parents=True, exist_ok=True)
    shards: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for word in sorted(lexicon):
        shards[shard(word)][word] = lexicon[word]
    for name, table in shards.items():
        (folder / f"{name}.json").write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(shards)
