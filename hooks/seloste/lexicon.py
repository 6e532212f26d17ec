"""What search knows of words: Snowball stems, and Voikko's analysis of Finnish.

Snowball stemming misses consonant gradation (henkilötiedot / henkilötietojen) and compounds
(seloste / tietosuojaseloste). Voikko, the Finnish morphological analyser, gives each word
form its base forms and the base of a compound's last part; the search index
(searchindex.py) keys words by both. Without Voikko installed, Finnish search falls back to
Snowball alone.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

_PART = re.compile(r"\(([^()]+)\)")


class Analyser:
    """Voikko's analysis of Finnish word forms (base forms, and the base of a compound's last part)."""

    def __init__(self) -> None:
        import libvoikko  # Debian's libvoikko1 and voikko-fi provide the library and the dictionary

        self._voikko = libvoikko.Voikko("fi")
        self._cache: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    def analyse(self, word: str) -> tuple[frozenset[str], frozenset[str]]:
        """(base forms, other bases it is made of) of ``word``.

        The other bases are a compound's last part (tietosuojaseloste: seloste) and a derived
        word's root (evästeetön: eväste): a search for them finds the word, not the reverse.
        """
        if word not in self._cache:
            bases, last_parts = set(), set()
            for analysis in self._voikko.analyze(word):
                base = analysis.get("BASEFORM", "").lower()
                if base:
                    bases.add(base)
                parts = _PART.findall(analysis.get("WORDBASES", ""))
                derived = False
                while parts and parts[-1].startswith("+"):  # a derivational suffix: evästee(eväste)+tön(+tön)
                    parts.pop()
                    derived = True
                if parts and (len(parts) > 1 or derived):
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


@functools.cache
def stemmer(language: str) -> Callable[[str], str]:
    """Snowball's stemmer for ``finnish`` or ``english``, its results cached (kept across rebuilds)."""
    import snowballstemmer

    return functools.lru_cache(maxsize=1 << 18)(snowballstemmer.stemmer(language).stemWord)
