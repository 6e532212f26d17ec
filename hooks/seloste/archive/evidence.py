"""Facts are only what the text says: each fact is checked against the section it cites.

A fact summarised in our words carries a quote, which must stand word for word in the cited
section, in every language of the text. A fact given as a value (the controller's name, e-mail,
phone, business ID, address, a contact's web address) must itself appear in the cited section's
original text as the notice writes it (an e-mail hidden from harvesters, 'tietosuoja(a)yritys.fi', too; a web
address also as a link's address there), and a contact's role in each language's text.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator
from typing import Any

from ..markup.render import inline_html
from ..markup.rendercache import markdown_html
from ..markup.text import html_text, normalize
from .facts import Contact, Controller, Facts
from .localized import LANGUAGE_NAMES
from .model import Version
from .types import usable_email

TITLE_ID = "title"
"""What a fact cites as its section when the notice's title states it; no section may take this id."""
_VERBATIM = ("name", "business_id", "email", "phone")


def fact_items(facts: Facts) -> Iterator[tuple[str, str, Any]]:
    """(field, dotted name, item) for every fact, in the model's order: ``purposes[0]``, ``controller``."""
    for f in dataclasses.fields(Facts):
        value = getattr(facts, f.name)
        if value is None:
            continue
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                yield f.name, f"{f.name}[{index}]", item
        else:
            yield f.name, f.name, value


def section_texts(version: Version, lang: str) -> dict[str, str]:
    """Each section's visible text (heading and body) in ``lang``, whitespace-normalised, by id; the title as ``title``."""
    return {section_id: section_text(version, section_id, lang) for section_id in _section_ids(version)}


def _section_ids(version: Version) -> list[str]:
    return [TITLE_ID, *dict.fromkeys(section.id for section in version.sections)]


def section_text(version: Version, section_id: str, lang: str) -> str:
    """The visible text of one section (the first of that id) or of the title, whitespace-normalised; empty where the
    text in ``lang`` has no such section (``not_in``)."""
    if section_id == TITLE_ID:
        return _title_text(version.title[lang])
    section = next(s for s in version.sections if s.id == section_id)
    if not section.has(lang):
        return ""  # the organisation's text in this language has no such section
    return _section_text(section.heading[lang] if section.heading else None, section.body[lang])


# Worked out once per distinct text: most sections and titles stand alike in an organisation's versions, which are
# checked one after another (so a small cache holds them, and no archive's worth of visible text is kept).
@functools.lru_cache(maxsize=1 << 10)
def _title_text(title: str) -> str:
    return html_text(inline_html(title))


@functools.lru_cache(maxsize=1 << 10)
def _section_text(heading: str | None, body: str) -> str:
    html = f"<h2>{inline_html(heading)}</h2>" if heading is not None else ""
    return html_text(html + markdown_html(body))


def evidence_problems(version: Version) -> list[tuple[str, str]]:
    """(dotted field name, message) for every fact its cited section does not bear out.

    Facts citing a section that does not exist are the loader's to report; they are skipped here.
    Only the sections that facts cite are rendered.
    """
    ordered = _section_ids(version)  # where a fact's words stand instead, the first in the notice's order
    known = set(ordered)
    texts: dict[tuple[str, str], str] = {}

    def text(section_id: str, lang: str) -> str:
        if (section_id, lang) not in texts:
            texts[section_id, lang] = section_text(version, section_id, lang)
        return texts[section_id, lang]

    def original(section_id: str) -> str:
        cited = next((s for s in version.sections if s.id == section_id), None)
        return version.original_of(cited) if cited is not None else version.published_in[0]

    def details(name: str, item: Controller | Contact, section: str) -> list[tuple[str, str]]:
        """What of a controller's or contact's details the section does not state: its values, in its original
        text; a contact's role, in each language given; its web address, in the text or as a link's address."""
        found = _value_problems(name, item, section, text(section, original(section)))
        role = item.role if isinstance(item, Contact) else None
        for lang in role.languages if role is not None else ():  # the languages the section is in (languages.py)
            assert role is not None
            # casefolded: a role that opens a line is capitalised there ("Yhteyshenkilö ...")
            if normalize(role[lang]).casefold() not in text(section, lang).casefold():
                found.append(
                    (
                        f"facts.{name}.role.{lang}",
                        f"facts.{name}.role.{lang}: {role[lang]!r} does not appear in the {LANGUAGE_NAMES[lang]} "
                        f"text of section {section!r}; give the role as it stands there",
                    )
                )
        if isinstance(item, Contact) and item.url is not None:
            lang = original(section)
            found += _url_problems(name, item.url, section, text(section, lang), _markdown(version, section, lang))
        return found

    problems: list[tuple[str, str]] = []
    for _field, name, item in fact_items(version.facts):
        section = item.section
        if section not in known:
            continue
        quote = getattr(item, "quote", None)
        cited = next((s for s in version.sections if s.id == section), None)
        if quote is not None:
            langs = [x for x in version.text_languages if cited is None or cited.has(x)]
            absent = [lang for lang in langs if normalize(quote[lang]) not in text(section, lang)]
            # another section has the words in every language: the citation is what to mend
            holding = (o for o in ordered if o != section and all(normalize(quote[x]) in text(o, x) for x in langs))
            there = next(holding, None) if absent else None
            for lang in absent:
                problems.append(
                    (
                        f"facts.{name}.quote.{lang}",
                        f"facts.{name}.quote.{lang}: not found in the {LANGUAGE_NAMES[lang]} text of section {section!r}; "
                        + (
                            f"section {there!r} has it: cite that section (facts.{name}.section)"
                            if there
                            else "copy the words exactly as they stand there"
                        ),
                    )
                )
        if isinstance(item, Controller | Contact):
            found = details(name, item, section)
            elsewhere = (o for o in ordered if o != section and not details(name, item, o))
            if found and (other := next(elsewhere, None)):  # every detail is in another section: the citation is wrong
                found = [
                    (
                        f"facts.{name}.section",
                        f"facts.{name}.section: the details given are not all in section {section!r}, and section "
                        f"{other!r} states every one: cite that section",
                    )
                ]
            problems += found
    return problems


def _markdown(version: Version, section_id: str, lang: str) -> str:
    """The Markdown of a section (heading and body) or of the title in ``lang``: where a link's address stands."""
    if section_id == TITLE_ID:
        return version.title[lang]
    section = next(s for s in version.sections if s.id == section_id)
    return f"{section.heading[lang] if section.heading else ''}\n{section.body[lang]}"


def _url_problems(name: str, url: str, section: str, text: str, markdown: str) -> list[tuple[str, str]]:
    """A contact page is stated when its address stands in the section's text or is the address of a link there."""
    if normalize(url) in text or url in markdown:
        return []
    message = (
        f"facts.{name}.url: {url!r} does not appear in section {section!r}, neither in its text nor as a link's "
        "address; give the address as it stands there"
    )
    return [(f"facts.{name}.url", message)]


_HIDDEN_EMAIL = re.compile(
    r"(?<![\w.%+'-])[\w.%+'-]+(?:\s*[(\[{]\s*(?:at|a|ät)\s*[)\]}]\s*|\s+(?:at|ät)\s+)[\w-]+"
    r"(?:(?:\.|\s*[(\[{]\s*(?:dot|piste)\s*[)\]}]\s*|\s+(?:dot|piste)\s+)[\w-]+)+",
    re.IGNORECASE,
)
"""An e-mail address as a notice writes it to hide it from harvesters (types.usable_email reads it)."""


def _written_as(address: str, text: str) -> str | None:
    """How the text writes ``address`` where it hides it ('tietosuoja(a)yritys.fi' for 'tietosuoja@yritys.fi')."""
    return next((m.group() for m in _HIDDEN_EMAIL.finditer(text) if usable_email(m.group()) == address), None)


def _value_problems(name: str, item: Controller | Contact, section: str, text: str) -> list[tuple[str, str]]:
    problems = []
    for key in _VERBATIM:
        value = getattr(item, key, None)
        if value is not None and normalize(value) not in text:
            message = f"facts.{name}.{key}: {value!r} does not appear in section {section!r}"
            written = _written_as(value, text) if key == "email" else None
            if written is not None:
                message += (
                    f", which writes it {written!r}; give it as the notice writes it (the pages show the address it stands for)"
                )
            problems.append((f"facts.{name}.{key}", message))
    if item.address is not None:
        for part in (normalize(p) for p in item.address.split(",")):
            if part and part not in text:
                problems.append(
                    (
                        f"facts.{name}.address",
                        f"facts.{name}.address: {part!r} does not appear in section {section!r}; "
                        "give the address as it stands there, parts separated by commas",
                    )
                )
    return problems
