"""What search knows of words: Snowball stems, and Voikko's analysis of Finnish.

Snowball stemming misses consonant gradation (henkilötiedot / henkilötietojen) and compounds
(seloste / tietosuojaseloste). Voikko, the Finnish morphological analyser, gives each word
form its base forms, the bases of what a compound is made of, and where its stem ends and its
ending begins (``säilytt`` + ``i``); the search index (searchindex.py) keys words by all of
these. Without Voikko installed, Finnish search falls back to Snowball alone.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from typing import Any

_SEGMENT = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")
_FST = re.compile(r"\[[^\]]*\]|[^\[]+")
_PARTS = re.compile(r"=")


@dataclasses.dataclass(frozen=True, slots=True)
class Analysis:
    """What Voikko says of a word form, all in lower case.

    ``bases``: its base forms, a participle's verb among them (säilyttänyt: säilyttää), since a participle is a
    form of its verb. ``others``: the other bases it is made of: a compound's last parts (tietosuojaseloste:
    seloste; suoramarkkinointikielto: markkinointikielto, kielto), the words it begins with
    (henkilötietorekisteri: henkilö, henkilötieto) and a derived word's root (evästeetön: eväste); a search for
    them finds the word, not the reverse. ``stems``: (stem, base) pairs, the part of the form its other forms
    share (säilytti: säilytt, of säilyttää): a form the notices do not use is searched by the stem it starts with.
    """

    bases: frozenset[str]
    others: frozenset[str]
    stems: frozenset[tuple[str, str]]


NOTHING = Analysis(bases=frozenset(), others=frozenset(), stems=frozenset())


class Analyser:
    """Voikko's analysis of Finnish word forms."""

    def __init__(self) -> None:
        import libvoikko  # Debian's libvoikko1 and voikko-fi provide the library and the dictionary

        self._voikko = libvoikko.Voikko("fi")
        self._cache: dict[tuple[str, bool], Analysis] = {}
        self._parts: dict[str, frozenset[str]] = {}

    def analyse(self, word: str, name: bool = False) -> Analysis:
        """Voikko's analysis of ``word``, its likeliest readings only (:func:`likeliest`); ``name``: the word is
        a name, which has no possessive suffix (Mikroni is not 'my micro'). A hyphenated word Voikko does not
        know (IP-osoitteet) is analysed by its last part (osoitteet), the rest kept as it is (base ip-osoite)."""
        if (word, name) not in self._cache:
            found = self._voikko.analyze(word)
            head = ""
            if not found and "-" in word.strip("-"):
                head, _, tail = word.rpartition("-")
                head += "-"
                found = self._voikko.analyze(tail)
            readings = likeliest(found)
            if name:
                readings = [reading for reading in readings if "POSSESSIVE" not in reading]
            self._cache[word, name] = _combine(word, head, readings, self._part_bases)
        return self._cache[word, name]

    def _part_bases(self, surface: str) -> frozenset[str]:
        """The base forms of a derived word that stands before the rest of a compound, maybe inflected: Voikko gives
        the bases of its root and suffix only (terveyden: terve, +ys), so the part is analysed as a word of its own
        (terveyden: terveys; palvelun: palvelu). A part that is a base form of its own is that (perintä, not the
        partitive of perin); one with no reading of one word has none."""
        found = self._parts.get(surface)
        if found is None:
            readings = [r for r in likeliest(self._voikko.analyze(surface)) if _words_in(r) == 1]
            found = frozenset(r["BASEFORM"].lower() for r in readings if r.get("BASEFORM"))
            found = self._parts[surface] = frozenset({surface}) if surface in found else found
        return found


def likeliest(analyses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The readings of a word worth searching by: those of the fewest words (evästeitä is eväste, not eväs + tie;
    voimaan is voima, not voi + maa), and, where another reading has neither, none with a possessive suffix
    (kuusi is six, not 'your moon') or in the instructive case (kuin is 'than', not 'with moons')."""
    if not analyses:
        return analyses
    fewest = min(_words_in(analysis) for analysis in analyses)
    found = [analysis for analysis in analyses if _words_in(analysis) == fewest]
    plain = [a for a in found if "POSSESSIVE" not in a and a.get("SIJAMUOTO") != "keinonto"]
    return plain or found


def _words_in(analysis: dict[str, Any]) -> int:
    return max(1, analysis.get("STRUCTURE", "").count("="))


def _combine(word: str, head: str, analyses: list[dict[str, Any]], part_bases: Callable[[str], frozenset[str]]) -> Analysis:
    bases: set[str] = set()
    others: set[str] = set()
    stems: set[tuple[str, str]] = set()
    for analysis in analyses:
        base = analysis.get("BASEFORM", "").lower()
        if not base:
            continue
        base = head + base
        bases.add(base)
        made_of = {head + part for part in _made_of(analysis.get("WORDBASES", "").lower(), part_bases)}
        root = _root(analysis.get("WORDBASES", "").lower())
        if "PARTICIPLE" in analysis and root:
            bases.add(head + root)  # siirretty is a form of siirtää
        others |= made_of
        stem = _stem(word, head, analysis.get("FSTOUTPUT", ""))
        if stem:
            stems.add((stem, base))
            if "PARTICIPLE" in analysis and root:
                stems.add((stem, head + root))
    return Analysis(bases=frozenset(bases), others=frozenset(others - bases), stems=frozenset(stems))


def _stem(word: str, head: str, fst: str) -> str:
    """The stem of ``word`` as Voikko splits it: its surface up to the inflection of its last part. Where the word
    ends in a derivational suffix (käsittelijä: käsitteli + jä), the stem keeps what every form of the suffix
    begins with (käsittelijä, käsittelijöitä: käsittelij)."""
    surface = ""
    opened = ""  # the tag of the base form being skipped ([Xp] a word's, [Xj] a derivational suffix's)
    suffix = ""
    derivation: tuple[int, str] | None = None  # where the last part's derivational suffix stands, and its base
    stem_end: int | None = None
    pending = False  # after [X]: the inflection begins at the next tag
    for token in _FST.findall(fst):
        if not token.startswith("["):
            if opened:
                suffix += token.lower()
            else:
                surface += token
        elif token == "[X]":
            derivation = (len(surface), suffix) if opened == "[Xj]" else None
            opened, suffix, pending, stem_end = "", "", True, None
        elif token.startswith("[X"):
            opened = token
        elif pending and token[1] not in "BI":  # compound boundaries and information tags are not inflection
            stem_end, pending = len(surface), False
    text = surface.lower()
    end = len(text) if stem_end is None else stem_end
    if derivation is not None:
        at, base = derivation
        shared = len(_common_prefix(text[at:], base))
        end = at + (shared - 1 if base and shared == len(base) else shared)
    stem = head + text[:end]
    return stem if word.lower().startswith(stem) else ""


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _root(wordbases: str) -> str | None:
    """A derived word's root (the base of its first part, when a derivational suffix follows), from WORDBASES."""
    segments = _SEGMENT.findall(wordbases)
    if len(segments) > 1 and segments[0][1] and any(not base or base.startswith("+") for _, base in segments[1:]):
        words = [base for _, base in segments if base and not base.startswith("+")]
        if len(words) == 1:
            return _PARTS.sub("", words[0])
    return None


def _made_of(wordbases: str, part_bases: Callable[[str], frozenset[str]]) -> set[str]:
    """The bases a word is made of, from Voikko's WORDBASES (``+henkilö(henkilö)+tieto(tieto)``). A derived word
    before the compound's last part may be inflected (``+terve(terve)+yden(+ys)+tila(tila)``: terveyden, of
    terveys): its bases are ``part_bases`` of it, so that terveydentila is found by terveys as terveystila is."""
    parts: list[list[str]] = []  # [surface, base] of each word in it; a derivational suffix joins the word before
    derived: set[int] = set()  # the parts that are derived words
    root = None
    for surface, base in _SEGMENT.findall(wordbases):
        if base and not base.startswith("+"):
            parts.append([surface, _PARTS.sub("", base)])  # a proper name's parts: yhdys=valta
        elif parts:
            root = root or parts[-1][1]
            parts[-1][0] += surface
            parts[-1][1] = parts[-1][0]  # a derived word's base is itself: säilyt+ys -> säilytys
            derived.add(len(parts) - 1)
    found = set()
    if root and len(parts) == 1:
        found.add(root)  # evästeetön: eväste
    if len(parts) > 1:
        bases = [
            {base} if n not in derived or n == len(parts) - 1 else part_bases(surface) or {base}
            for n, (surface, base) in enumerate(parts)
        ]
        for start in range(1, len(parts)):  # what it ends with: seloste; markkinointikielto, kielto
            found.add("".join(surface for surface, _ in parts[start:-1]) + parts[-1][1])
        for end in range(1, len(parts)):  # what it begins with: henkilö, henkilötieto
            found |= {"".join(surface for surface, _ in parts[: end - 1]) + base for base in bases[end - 1]}
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
