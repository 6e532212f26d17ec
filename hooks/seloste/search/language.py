"""What search knows of each language: how text splits into words, the keys a word is indexed and searched by,
and the endings a word may have after a stem.

The search script (docs/assets/seloste-search.js) splits queries as :func:`terms` does (a test compares them)
and reads the endings from the index's meta.json, so that this knowledge has one home.
"""

from __future__ import annotations

import re
import unicodedata

from .lexicon import NOTHING, Analyser, Analysis, stemmer

STEM = "~"
"""Prefix of a key that is a Snowball stem (base forms have none); in a lexicon file, the table of stems."""
FOLDED = "^"
"""In a lexicon file, the table of words written without their diacritics (henkilotiedot), and, under
FOLDED + STEM, of stems so written."""
EXACT = "="
"""Prefix of a key that is a form as written: results that use the query's own form rank first."""

TOP = "*"
"""In a lexicon file, its most used words: those of its first two letters or, in a file of one letter, of that
letter. While a reader types, the start of a word finds what they find."""
TOP_WORDS = 20

_WORD = re.compile(r"[^\W_]+")
_TERM = re.compile(r"[^\W_]+(?:[-\u2010\u2011][^\W_]+)*")
_HYPHENS = re.compile(r"[\u2010\u2011]")
_POSSESSIVE = re.compile(r"(?<=[^\W_])['\u2019]s(?![^\W_])")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """``text`` without diacritics, as a keyboard without ä and ö writes it (henkilötiedot: henkilotiedot)."""
    if text.isascii():  # nothing to take off
        return text
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.category(c).startswith("M"))
    return unicodedata.normalize("NFC", bare)


def tokens(text: str) -> list[str]:
    """Lower-case words, letters and digits: what a notice's text is counted and placed by (phrases)."""
    return _WORD.findall(nfc(text).lower())


def terms(text: str) -> list[str]:
    """Lower-case words as a query takes them: a hyphenated word is one (IP-osoite, e-mail), its hyphens ASCII; an
    English possessive's 's goes (cookie's)."""
    return [_HYPHENS.sub("-", term) for term in _TERM.findall(_POSSESSIVE.sub("", nfc(text).lower()))]


def compounds(text: str) -> list[str]:
    """The hyphenated words of a text (ip-osoitteesi): indexed as words of their own, besides their parts."""
    return [_HYPHENS.sub("-", term) for term in _TERM.findall(nfc(text).lower()) if "-" in term]


_FI_ENDING = (
    r"^(?:ks|kse|ksi|de|te|tt|t|s|se|si|ne|nn|ll|rr)?[aeiouyäö]{0,2}"  # what a stem's other forms add (oikeu-de-n)
    r"(?:i|isi|is|ne|nu|ny|nee|nei|va|vä|vi|ma|mä|mi|mis|mise|mine|minen|ta|tä|tta|ttä|tu|ty|ttu|tty|tav|täv|ttav"
    r"|ttäv|tava|tävä|ttava|ttävä|taisi|täisi|ttaisi|ttäisi|tiin|ttiin|taan|tään|ttaan|ttään|ess|essa|essä|en|nut"
    r"|nyt|neet|[dlrs][uy]t?|ko|kö|ka|kä|kaa|kää|mpi|mpa|mpä|mma|mmä|mmi|impi|imma|immä|immi)?"  # tense, mood,
    # passive, participle, infinitive, comparative
    r"[aeiouyäöij]{0,2}"  # a vowel, the plural
    r"(?:n|a|ä|ta|tä|na|nä|ksi|kse|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|tta|ttä|ne|in|en|iin|seen|siin|h[aeiouyäö]n?"
    r"|see|sii|den|de|tten|tte|ten|te|t|mme|tte|vat|vät|sti|ssti)?"  # case (without its n before a possessive),
    # person, adverb
    r"(?:ni|si|mme|nne|nsa|nsä|an|en|in|on|un|yn|än|ön|emme|een)?"  # possessive suffix
    r"(?:kin|kaan|kään|ko|kö|han|hän|pa|pä|s)?$"  # clitic
)

ENDINGS: dict[str, str] = {
    # The endings a word the notices do not use may have after a stem of theirs (Voikko's stem of one of their
    # words, a Snowball stem or a word they use): the search script searches such a word by that stem's keys.
    # A regular expression valid in Python and JavaScript, published in meta.json.
    "fi": _FI_ENDING,
    "en": r"^(?:[bdgklmnprt]?(?:ing|ings|ed|er|ers|est)|e|e?s|'s|d|ly|ies|ied|y)?$",
}


def _listed(text: str) -> tuple[str, ...]:
    return tuple(text.split())


STOPWORDS: dict[str, tuple[str, ...]] = {
    # Words so common that searching for them finds every notice and marks every line: a query leaves them out
    # (unless they are all it has, or they stand in a quoted phrase). Published in meta.json.
    "fi": _listed(
        """ja ei en et emme ette eivät on ole ovat oli olivat olla olemme olette olen olet sekä tai vai eli että
        jos kun kuin myös mutta se sen sitä siitä siihen sillä ne niiden niitä niistä niihin niillä tämä
        tämän tätä tästä tähän nämä näiden näitä joka jonka jota jossa josta johon jotka joiden joita joissa
        joista joihin mikä minkä mitä missä mistä mihin me meidän meitä meille te teidän teitä teille he heidän
        heitä heille minä minun sinä sinun hän hänen sinua minua nyt jo vielä vain niin"""
    ),
    "en": _listed(
        """a an the of and or to in on at by for from with as is are be been being was were it its this that
        these those we our us you your they their them he his she her i me my not no if any all which who whom
        what when where how will may can do does did has have had such than so but also into about there"""
    ),
}

_DERIVED = {"en": re.compile(r"([^\W\d_]{4,}?)(?:less|ful|ness|ment|ments|able|ible|like)")}
"""English words made of a word and a derivational suffix."""

_IRREGULAR = """
be was were been being am is are; become became becoming becomes; begin began begun; break broke broken;
bring brought; build built; buy bought; choose chose chosen; come came; do did done does doing; draw drew drawn;
drive drove driven; eat ate eaten; fall fell fallen; feel felt; find found; forbid forbade forbidden;
forget forgot forgotten; freeze froze frozen; get got gotten; give gave given; go went gone goes; grow grew grown;
have had has having; hear heard; hide hid hidden; hold held; keep kept; know knew known; lay laid; lead led;
leave left; lend lent; lose lost; make made; mean meant; meet met; overwrite overwrote overwritten; pay paid;
rewrite rewrote rewritten; ride rode ridden; rise rose risen; run ran; say said; see saw seen; seek sought;
sell sold; send sent; show showed shown; sign signed; speak spoke spoken; spend spent; stand stood; steal stole
stolen; take took taken; teach taught; tell told; think thought; throw threw thrown; undergo underwent undergone;
understand understood; undertake undertook undertaken; wear wore worn; win won; withdraw withdrew withdrawn;
withhold withheld; write wrote written; child children; person people; datum data; analysis analyses;
criterion criteria; medium media
"""
FORMS: dict[str, tuple[str, ...]] = {
    entry.split()[0]: tuple(entry.split()) for entry in _IRREGULAR.replace("\n", " ").split(";") if entry.strip()
}
"""English words whose forms are not a stem and an ending (withdraw, withdrew, withdrawn): base -> its forms."""
IRREGULAR = {form: base for base, forms in FORMS.items() for form in forms[1:]}

MIN_STEM = 4
"""The shortest Voikko stem a word the notices do not use is searched by (shorter ones begin too many words)."""

_GRADATION = (
    ("kk", "k"),
    ("pp", "p"),
    ("tt", "t"),
    ("nt", "nn"),
    ("lt", "ll"),
    ("rt", "rr"),
    ("mp", "mm"),
    ("nk", "ng"),
    ("t", "d"),
)
"""Finnish consonant gradation: the strong and weak grade of a stem's last consonants (tieto : tiedo-n)."""
_LAST_CONSONANTS = re.compile(r"([^aeiouyäö]+)([aeiouyäö]*)$")


def grades(stem: str) -> set[str]:
    """A Finnish stem in both grades of its last consonants (yhdysvalt: yhdysvall; siirrett: siirret)."""
    found = {stem}
    match = _LAST_CONSONANTS.search(stem)
    if match is None:
        return found
    head, consonants, vowels = stem[: match.start()], match[1], match[2]
    for strong, weak in _GRADATION:
        for this, other in ((strong, weak), (weak, strong)):
            if consonants == this or (len(this) == 2 and consonants.endswith(this)):
                found.add(head + consonants[: -len(this)] + other + vowels)
    return found


_STEM_VOWELS = (("a", ("o", "")), ("ä", ("ö", "")), ("i", ("e",)), ("ne", ("",)))
"""How a stem's last letters change in other forms of its word: asia : asioi-ta, päivä : päivi-ä, kieli : kiele-n,
aiheellinen : aiheellis-ta (Voikko's stem of a base form holds the base form's letters)."""


def variants(stem: str) -> set[str]:
    """A Finnish stem as other forms of its word may have it: in both grades, its last vowel changed or gone."""
    found = {stem}
    for end, others in _STEM_VOWELS:
        if stem.endswith(end):
            found |= {stem[: -len(end)] + other for other in others}
    return {graded for variant in found for graded in grades(variant)}


class Keys:
    """The keys a word form is indexed by and searched by, in one language."""

    def __init__(self, lang: str, analyser: Analyser | None, names: frozenset[str] = frozenset()) -> None:
        """``names``: the words of the organisations' names, which are names wherever they stand."""
        self.lang = lang
        self._names = names
        self._stem = stemmer("finnish" if lang == "fi" else "english")
        self._analyser = analyser if lang == "fi" else None
        self._derived = _DERIVED.get(lang)
        self._irregular = {self._stem(base): base for base in FORMS} if lang == "en" else {}
        self._queries: dict[str, frozenset[str]] = {}
        self._stem_variants: dict[str, tuple[str, ...]] = {}

    def _analysis(self, form: str) -> Analysis:
        return self._analyser.analyse(form, form in self._names) if self._analyser is not None else NOTHING

    def query(self, form: str) -> frozenset[str]:
        """A query word's keys: its stem and its base forms; a hyphenated word's also the stem of the word written
        without hyphens (e-mail, email); an irregular English form's also its base form's stem (withdrew). Worked
        out once per form (the index asks for a form's keys several times)."""
        found = self._queries.get(form)
        if found is None:
            found = self._queries[form] = self._query(form)
        return found

    def _query(self, form: str) -> frozenset[str]:
        keys = {self.stem(form)} | self._analysis(form).bases
        if "-" in form:
            keys.add(self.stem(form.replace("-", "")))
        if self.lang == "en" and form in IRREGULAR:
            keys.add(self.stem(IRREGULAR[form]))
        return frozenset(keys)

    def index(self, form: str) -> frozenset[str]:
        """A text word's keys: those of a query, and those of the words it is made of (Voikko's analysis
        of Finnish; an English word and a derivational suffix: cookieless is found by cookies)."""
        keys = self.query(form) | self._analysis(form).others
        if self._derived is not None:
            match = self._derived.fullmatch(form)
            if match:
                keys |= {STEM + self._stem(match[1])}
        return keys

    def stem(self, form: str) -> str:
        """The form's Snowball stem, as a key."""
        return STEM + self._stem(form)

    def bases(self, form: str) -> frozenset[str]:
        """Base forms and the bases it is made of: dictionary words a reader may type that the text need not use
        (in English, the other forms of an irregular verb)."""
        analysis = self._analysis(form)
        if self.lang == "en":
            base = IRREGULAR.get(form) or self._irregular.get(self._stem(form))
            return frozenset(FORMS[base]) if base else frozenset()
        return analysis.bases | analysis.others

    def _variants(self, stem: str) -> tuple[str, ...]:
        """The stem's :func:`variants` of MIN_STEM letters or more, worked out once (the forms of a word share it)."""
        found = self._stem_variants.get(stem)
        if found is None:
            found = self._stem_variants[stem] = tuple(v for v in variants(stem) if len(v) >= MIN_STEM)
        return found

    def stems(self, form: str) -> dict[str, frozenset[str]]:
        """The stems of ``form`` other forms of its words share (Voikko's), each with the keys of those words."""
        found: dict[str, set[str]] = {}
        for stem, base in self._analysis(form).stems:
            for variant in self._variants(stem):
                found.setdefault(variant, set()).add(base)
        return {stem: frozenset(bases) for stem, bases in found.items()}
