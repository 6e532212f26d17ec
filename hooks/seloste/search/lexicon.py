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

_SEGMENT = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")


class Analyser:
    """Voikko's analysis of Finnish word forms (base forms, and the base of a compound's last part)."""

    def __init__(self) -> None:
        import libvoikko  # Debian's libvoikko1 and voikko-fi provide the library and the dictionary

        self._voikko = libvoikko.Voikko("fi")
        self._cache: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    def analyse(self, word: str) -> tuple[frozenset[str], frozenset[str]]:
        """(base forms, other bases it is made of) of ``word``.

        The other bases are a compound's last part (tietosuojaseloste: seloste), the words it
        begins with (henkilötietorekisteri: henkilö, henkilötieto) and a derived word's root
        (evästeetön: eväste): a search for them finds the word, not the reverse.
        """
        if word not in self._cache:
            bases, others = set(), set()
            for analysis in self._voikko.analyze(word):
                base = analysis.get("BASEFORM", "").lower()
                if base:
                    bases.add(base)
                others |= _made_of(analysis.get("WORDBASES", "").lower())
            self._cache[word] = (frozenset(bases), frozenset(others - bases))
        return self._cache[word]


def _made_of(wordbases: str) -> set[str]:
    """The bases a word is made of, from Voikko's WORDBASES (``+henkilö(henkilö)+tieto(tieto)``)."""
    parts: list[list[str]] = []  # [surface, base] of each word in it; a derivational suffix joins the word before
    root = None
    for surface, base in _SEGMENT.findall(wordbases):
        if base and not base.startswith("+"):
            parts.append([surface, base])
        elif parts:
            root = root or parts[-1][1]
            parts[-1][0] += surface
            parts[-1][1] = parts[-1][0]  # a derived word's base is itself: säilyt+ys -> säilytys
    found = set()
    if root and len(parts) == 1:
        found.add(root)  # evästeetön: eväste
    if len(parts) > 1:
        found.add(parts[-1][1])  # the last part: seloste
        for end in range(1, len(parts)):  # what it begins with: henkilö, henkilötieto
            found.add("".join(surface for surface, _ in parts[: end - 1]) + parts[end - 1][1])
    return found


@functools.cache
def voikko() -> tuple[Analyser | None, str | None]:
    """Voikko with its Finnish dictionary, or None and why it cannot be used: not installed, its dictionary
    missing, or installed and failing (which is not the same, and is said so).

    One analyser per process: its cache of analyses carries over the rebuilds of `mkdocs serve`.
    """
    try:
        return Analyser(), None
    except OSError as err:  # the shared library is not there
        return None, f"Voikko is not installed ({err}; Debian: libvoikko1 voikko-fi)"
    except Exception as err:  # libvoikko.VoikkoException, or anything a broken installation raises
        if "dictionary" in str(err).lower():
            return None, f"Voikko's Finnish dictionary is not installed ({err}; Debian: voikko-fi)"
        return None, f"Voikko is installed but does not work: {type(err).__name__}: {err}"


def available() -> Analyser | None:
    """Voikko with its Finnish dictionary, or None if it cannot be used (:func:`voikko` says why)."""
    return voikko()[0]


@functools.cache
def stemmer(language: str) -> Callable[[str], str]:
    """Snowball's stemmer for ``finnish`` or ``english``, its results cached (kept across rebuilds)."""
    import snowballstemmer

    return functools.lru_cache(maxsize=1 << 18)(snowballstemmer.stemmer(language).stemWord)
