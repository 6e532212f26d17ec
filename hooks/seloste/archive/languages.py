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
- A section one of the organisation's own texts does not have (its English leaves it out) names that language in
  its ``not_in``: it is given, and its facts quote it, in the other languages only. A translation has every
  section, except while it is pending: a section not translated yet (new in the version, say) names the
  translation's language in ``not_in`` too, and its pages show the original in its place.
- Swedish is only ever the organisation's own. Beside Finnish, it is shown on a page of its own (the Finnish
  pages show the Finnish, the English pages the English); see ``Version.separate_languages``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from .evidence import fact_items
from .localized import LANGUAGE_NAMES, TEXT_LANGUAGES, NoticeText
from .model import Section, Version


def listed(langs: Sequence[str]) -> str:
    """``Finnish and English``."""
    names = [LANGUAGE_NAMES[lang] for lang in langs]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _section_of(version: Version, name: str) -> Section | None:
    """The section a text field belongs to: its own (``sections[2].body``), or the one a fact cites."""
    if name.startswith("sections["):
        return version.sections[int(name[len("sections[") : name.index("]")])]
    if name.startswith("facts."):
        item = _fact_named(version, name)
        return next((s for s in version.sections if item is not None and s.id == item.section), None)
    return None


def _fact_named(version: Version, name: str) -> Any:
    wanted = name.removeprefix("facts.").rsplit(".", 1)[0]
    return next((item for _field, fact, item in fact_items(version.facts) if fact == wanted), None)


def _not_in_problems(version: Version) -> list[tuple[str, str]]:
    """A section may be left out of an own text only: of a language the organisation published, never of every one."""
    problems = []
    for index, section in enumerate(version.sections):
        name = f"sections[{index}].not_in"
        if len(set(section.not_in)) != len(section.not_in):
            problems.append((name, f"{name}: a language is listed twice"))
        for lang in section.not_in:
            if lang not in version.published_in and version.translation == "pending" and lang not in version.title.languages:
                problems.append(
                    (
                        name,
                        f"{name}: this version gives no {LANGUAGE_NAMES[lang]} text yet (its title has none): not_in names "
                        "only a language the version's texts are in",
                    )
                )
            elif lang not in version.published_in and version.translation != "pending":
                problems.append(
                    (
                        name,
                        f"{name}: {lang} is not a language the organisation published this version in; only an "
                        f"organisation's own text may lack a section (the archive's translation has every section, but "
                        f"one not translated yet while the version says 'translation: pending')",
                    )
                )
        if set(version.published_in) <= set(section.not_in):
            problems.append((name, f"{name}: the section would be in none of the organisation's texts; remove it instead"))
    return problems


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

    problems += _not_in_problems(version)
    if problems:
        return problems
    everywhere = [lang for lang in TEXT_LANGUAGES if lang in title]
    for name, text in text_fields(version):
        if name == "title":
            continue
        section = _section_of(version, name)
        absent = section.not_in if section is not None else ()
        expected = [lang for lang in everywhere if lang not in absent]
        have = text.languages
        for lang in expected:
            if lang not in have:
                problems.append(
                    (
                        f"{name}.{lang}",
                        f"{name}.{lang}: the {LANGUAGE_NAMES[lang]} text is missing; every text of this version is given in "
                        f"{listed(everywhere)}, as its title is"
                        + (
                            f"; if the organisation's {LANGUAGE_NAMES[lang]} text has no counterpart of this section, "
                            f"say so with 'not_in: [{lang}]' on the section"
                            if lang in version.published_in and len(version.published_in) > 1 and name.startswith("sections[")
                            else f"; translate it, or, until every text is translated, leave the {LANGUAGE_NAMES[lang]} out "
                            "of every text, the title's too, with 'translation: pending'"
                            if lang == "en" and lang not in version.published_in  # a Finnish translation is optional
                            else ""
                        ),
                    )
                )
        for lang in have:
            if lang in absent:
                problems.append(
                    (
                        f"{name}.{lang}",
                        f"{name}.{lang}: the section's not_in says "
                        + (
                            f"the organisation's {LANGUAGE_NAMES[lang]} text has no such section"
                            if lang in version.published_in
                            else f"its {LANGUAGE_NAMES[lang]} translation is not made yet"
                        )
                        + f"; remove this {LANGUAGE_NAMES[lang]} text, or {lang} from not_in",
                    )
                )
            elif lang not in everywhere:
                problems.append(
                    (
                        f"{name}.{lang}",
                        f"{name}.{lang}: this version gives no {LANGUAGE_NAMES[lang]} text (its title has none): every text "
                        f"of a version, its facts' too, is given in the same languages ({listed(expected)}); remove this "
                        f"{LANGUAGE_NAMES[lang]}, or give the {LANGUAGE_NAMES[lang]} of every text",
                    )
                )
    return problems
