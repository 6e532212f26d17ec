"""Whose text a page shows, in words: the note before a notice's text (the organisation's own text in one of its
languages, the archive's translation, or the original where there is no translation), and the links to the
organisation's own texts in its other languages (its Swedish beside Finnish on a page of its own)."""

from __future__ import annotations

from dataclasses import dataclass

from ..archive.localized import LANGUAGES, Reading
from ..archive.model import OrganisationRecord, Version, VersionRecord
from ..labels import labels
from .urls import notice_path, own_text_path, site_url, version_path


@dataclass(frozen=True, kw_only=True, slots=True)
class OwnTextLink:
    """A link to the organisation's own text in another language than the page shows."""

    text_lang: str
    """The language of that text (the link's ``hreflang``)."""
    label: str
    """``Lue ruotsinkielinen teksti``."""
    native: str
    """The language's name in itself, which a reader of that language finds (``på svenska``)."""
    url: str


def original_site(version: Version) -> str:
    """The site language whose pages show the organisation's own text of ``version`` (the other shows the archive's
    translation, or the same text): where a reader of the translation finds the original."""
    return next(site for site in LANGUAGES if version.reading(site)[1] != "translation")


def in_languages(langs: tuple[str, ...], lang: str) -> str:
    """``in Finnish and English`` / ``suomeksi ja englanniksi``."""
    t = labels(lang)
    names = [t["in_language"][code] for code in langs]
    if len(names) == 1:
        return names[0]
    if lang == "en":  # "in Finnish and in English" reads as two; one preposition serves
        names = [names[0], *(name.removeprefix("in ") for name in names[1:])]
    return ", ".join(names[:-1]) + f" {t['and']} " + names[-1]


def language_note(version: Version, lang: str, text_lang: str | None = None) -> str:
    """Whose text a page in ``lang`` shows (the text in ``text_lang``, on the page of one of the organisation's own
    texts), in a sentence: every page says it, the organisation's own text in the only language it published too
    (a reader who came to the Finnish page from the English one, the archive's translation, asks)."""
    reading: Reading
    text_lang, reading = (text_lang, "own") if text_lang else version.reading(lang)
    t = labels(lang)
    if reading == "own":
        if len(version.published_in) == 1:
            return t["own_text_notice_single"].format(in_languages=in_languages(version.published_in, lang))
        return t["own_text_notice"].format(
            in_languages=in_languages(version.published_in, lang), adjective=t["language_adjective"][text_lang]
        )
    in_original = in_languages(version.published_in, lang)
    several = len(version.published_in) > 1
    # a translation follows the first language (the loader holds its structure to it); an original is shown as is
    adjective = t["language_adjective"][version.published_in[0] if reading == "translation" else text_lang]
    name = "translation_notice" if reading == "translation" else "original_only_notice"
    return t[name + ("_several" if several else "")].format(
        in_original=in_original, original_adjective=adjective, from_original=t["from_language"][version.published_in[0]]
    )


def other_texts(record: OrganisationRecord, shown: VersionRecord, lang: str, text_lang: str | None) -> tuple[OwnTextLink, ...]:
    """Links from a page in ``lang`` to the organisation's own texts of ``shown`` in its other languages than the
    page shows (``text_lang``, on the page of one of them): each on the page of the site language that shows it
    (its Finnish text on the Finnish page), or on its own page in ``lang``'s frame (its Swedish text beside
    Finnish)."""
    version = shown.version
    t = labels(lang)
    on_page = text_lang or version.reading(lang)[0]
    is_current = shown is record.current
    links = []
    for other in version.published_in:
        if other == on_page:
            continue
        site = next((s for s in LANGUAGES if version.reading(s)[0] == other and version.reading(s)[1] != "translation"), None)
        if site is None:
            url = site_url(lang, own_text_path(record.slug, shown.id, other))
        else:
            url = site_url(site, notice_path(record.slug) if is_current else version_path(record.slug, shown.id))
        links.append(
            OwnTextLink(
                text_lang=other,
                label=t["read_own_text"].format(adjective=t["language_adjective"][other]),
                native=t["language_native"][other],
                url=url,
            )
        )
    return tuple(links)
