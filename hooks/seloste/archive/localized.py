"""Texts by language: the archive's own words (:class:`Localized`, Finnish and English) and the notice's
texts (:class:`NoticeText`, in the languages of the version: the organisation's own and the archive's
translations). Field docs (``doc=``) become the JSON Schema's descriptions.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from .types import Markdown, Str

LANGUAGES: tuple[str, ...] = ("fi", "en")
"""The site's languages: Finnish at the root, English under ``en/``."""

ORIGINAL_LANGUAGE = "fi"
"""The site's first language, and the language most notices are published in."""

Language = Literal["fi", "sv", "en"]
"""A language a notice is published in: Finnish, Swedish (Finland's second official language) or English."""

TEXT_LANGUAGES: tuple[Language, ...] = ("fi", "sv", "en")

LANGUAGE_NAMES = {"fi": "Finnish", "sv": "Swedish", "en": "English"}
"""The languages' names in messages to contributors."""

_OWN_LETTERS = {"å": "\ue000", "ä": "\ue001", "ö": "\ue002", "ü": "y"}
"""Finnish and Swedish letters that are not a mark on another: å, ä and ö after z, in that order (private use
characters, after every letter of a name); ü is y."""


def alphabetical(text: str, lang: str) -> str:
    """A key that orders ``text`` as the alphabet of ``lang`` does: in Finnish and Swedish, å, ä and ö after z
    (Ässä Golf last), in English as a and o (Ässä Golf with the a's); any other marked letter as its letter (é as e),
    whatever the case."""
    own = _OWN_LETTERS if lang in ("fi", "sv") else {}
    letters = unicodedata.normalize("NFC", text.casefold())  # "a" and a combining diaeresis are "ä"
    return "".join(own.get(c) or _unmarked(c) for c in letters)


def _unmarked(letter: str) -> str:
    """The letter without its marks (é: e), or nothing for a mark standing alone."""
    return "".join(part for part in unicodedata.normalize("NFD", letter) if not unicodedata.combining(part))


Reading = Literal["own", "translation", "original"]
"""Whose text a page in one site language shows: the organisation's own text in that language, the
archive's translation into it, or (no translation into it) the original in its own language."""


def doc(text: str, **kwargs: object) -> dict[str, object]:
    return {"doc": text, **kwargs}


def described(text: str, *, schema: dict[str, object] | None = None, **kwargs: object):
    """A dataclass field documented with ``text``: the JSON Schema's description of it. ``schema``: JSON Schema
    keywords its type hint cannot say, which validate checks itself (a list's least length: ``minItems``)."""
    return field(metadata=doc(text, **({"schema": schema} if schema else {})), **kwargs)  # type: ignore[call-overload]


@dataclass(frozen=True, kw_only=True, slots=True)
class Localized:
    """The archive's own words (a summary, a fact in brief, a note) in both of the site's languages."""

    fi: Str = described("Finnish.")
    en: Str = described("English.")

    def __getitem__(self, lang: str) -> str:
        return str(getattr(self, lang))


_PRESENT = tuple(tuple(lang for bit, lang in enumerate(TEXT_LANGUAGES) if given >> bit & 1) for given in range(8))
"""The languages given, by which of fi, sv and en are (bits 0, 1, 2): the checks ask a text for them again and again."""


def present_languages(text: object) -> tuple[str, ...]:
    fi, sv, en = getattr(text, "fi"), getattr(text, "sv"), getattr(text, "en")  # noqa: B009 - any text by language
    return _PRESENT[(fi is not None) | (sv is not None) << 1 | (en is not None) << 2]


class ByLanguage:
    """What every value given per language (fi, sv, en) offers: the value for one language, and which are given."""

    __slots__ = ()

    def __getitem__(self, lang: str) -> str:
        value = getattr(self, lang)
        if value is None:
            raise KeyError(lang)
        return str(value)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages given, in the order fi, sv, en."""
        return present_languages(self)


@dataclass(frozen=True, kw_only=True, slots=True)
class NoticeText(ByLanguage):
    """A text of the notice: the organisation's own in each language it published the version in
    (``published_in``), and the archive's translations."""

    fi: Str | None = described("Finnish.", default=None)
    sv: Str | None = described(
        "Swedish: only where the organisation published the notice in Swedish (alone or beside other languages).",
        default=None,
    )
    en: Str | None = described("English.", default=None)


@dataclass(frozen=True, kw_only=True, slots=True)
class NoticeMarkdown(ByLanguage):
    """A Markdown text of the notice, in the languages the version has (as :class:`NoticeText`)."""

    fi: Markdown | None = described("Finnish (Markdown).", default=None)
    sv: Markdown | None = described(
        "Swedish (Markdown): only where the organisation published the notice in Swedish (alone or beside other languages).",
        default=None,
    )
    en: Markdown | None = described("English (Markdown).", default=None)
