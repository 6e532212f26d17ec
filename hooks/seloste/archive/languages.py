"""Who wrote which text: the languages of a version, checked field by field.

A version names the languages the organisation published it in (``published_in``): Finnish, Swedish or
English, one or several (``[fi, sv]`` for a notice published in Finnish and Swedish). Texts in those are the
organisation's own, each faithful to its own capture (``source.capture`` by language). Any other language a text
is given in is the archive's translation. Every text of a version (title, headings, bodies, quotes, a contact's
role) is given in the same languages, so that each page of the site can say truthfully whose text it shows.

- English is always there: the organisation's own, or the archive's translation (made from the first language
  of ``published_in``), unless the version declares ``translation: pending`` (the English pages then show the
  original).
- Finnish is there where the organisation published it; for a notice published only in English, a Finnish
  translation is optional. A notice published in Swedish (and English) but not in Finnish has its Swedish
  original on the Finnish pages.
- Swedish is only ever the organisation's own. Beside Finnish, it is shown on a page of its own (the Finnish
  pages show the Finnish, the English pages the English); see ``Version.separate_languages``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from .evidence import fact_items
from .localized import LANGUAGE_NAMES, TEXT_LANGUAGES, NoticeText
from .model import Version


def listed(langs: Sequence[str]) -> str:
    """``Finnish and English``."""
    names = [LANGUAGE_NAMES[lang] for lang in langs]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def text_fields(version: Version) -> Iterator[tuple[str, Any]]:
    """(dotted name, text) for every text of the notice a version holds, title first."""
    yield "title", version.title
    for index, section in enumerate(version.sections):
        if section.heading is not None:
            yield f"sections[{index}].heading", section.heading
        yield f"sections[{index}].body", section.body
    for _field, name, item in fact_items(version.facts):
        if getattr(item, "quote", None) is not None:
            yield f"facts.{name}.quote", item.quote
        if isinstance(getattr(item, "role", None), NoticeText):  # a contact's role (a recipient's is a kind)
            yield f"facts.{name}.role", item.role


def language_problems(version: Version) -> list[tuple[str, str]]:
    """(dotted field name, message) for every way the version's texts break the rules above."""
    published = version.published_in
    problems: list[tuple[str, str]] = []
    if len(set(published)) != len(published):
        problems.append(("published_in", "published_in: a language is listed twice"))
    if problems:
        return problems

    title = version.title.languages
    for lang in published:
        if lang not in title:
            problems.append(
                (
                    f"title.{lang}",
                    f"title.{lang}: the {LANGUAGE_NAMES[lang]} text is missing; published_in says the organisation "
                    f"published this version in {LANGUAGE_NAMES[lang]}",
                )
            )
    for translated in title:
        if translated in published:
            continue
        if translated == "sv":
            problems.append(
                (
                    "title.sv",
                    "title.sv: a Swedish text is always the organisation's own (the archive makes no Swedish "
                    "translation); add sv to published_in, with the Swedish text's capture, or remove the Swedish",
                )
            )
        elif translated == "fi" and published != ("en",):
            problems.append(
                (
                    "title.fi",
                    f"title.fi: a Finnish translation is only made of a notice published in English; this one was "
                    f"published in {listed(published)}, which its Finnish pages show",
                )
            )
    if "en" not in title and "en" not in published and version.translation != "pending":
        problems.append(
            (
                "title.en",
                "title.en: the English text is missing; every text needs English, the organisation's own or the "
                "archive's translation ('translation: pending' while there is none yet)",
            )
        )
    if problems:
        return problems

    expected = [lang for lang in TEXT_LANGUAGES if lang in title]
    for name, text in text_fields(version):
        if name == "title":
            continue
        have = text.languages
        for lang in expected:
            if lang not in have:
                problems.append(
                    (
                        f"{name}.{lang}",
                        f"{name}.{lang}: the {LANGUAGE_NAMES[lang]} text is missing; every text of this version is given in "
                        f"{listed(expected)}, as its title is",
                    )
                )
        for lang in have:
            if lang not in expected:
                problems.append(
                    (
                        f"{name}.{lang}",
                        f"{name}.{lang}: this version's title has no {LANGUAGE_NAMES[lang]}; every text of a version is given "
                        f"in the same languages ({listed(expected)})",
                    )
                )
    return problems
