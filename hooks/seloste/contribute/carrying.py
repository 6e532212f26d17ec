"""What a new version's draft takes from the version before it: the translation of each text whose original is the
same, as a start for each that changed; and the facts, each citing the section that continues the one it cited.

A section continues the previous version's of its id, else the one whose text reads most alike (``lineage.py``, as the
comparison pairs them): a section whose heading changed gets a new id from its heading, and is still that section.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..archive.emit import plain
from ..archive.facts import Facts
from ..archive.localized import TEXT_LANGUAGES, ByLanguage, NoticeMarkdown, NoticeText
from ..archive.model import Section, Version
from ..compare.lineage import continuing
from ..compare.untranslated import words_changed
from .policy import UNAFFECTED_WORDS


def carry_over(version: dict[str, Any], lang: str, previous: Version, *, translation: bool = True) -> Carried:
    """Give the draft ``version`` (its texts in ``lang``) the previous version's translation (:func:`carry_translation`,
    unless ``translation`` is False) and facts (:func:`carried_facts`); what it took."""
    drafted = tuple(
        Section(
            id=s["id"],
            heading=NoticeText(**{lang: s["heading"][lang]}) if "heading" in s else None,
            body=NoticeMarkdown(**{lang: s["body"][lang]}),
        )
        for s in version["sections"]
        if lang in s["body"]
    )
    continues = continuing(previous, drafted, lang)
    carried = carry_translation(version, lang, previous, continues) if translation else Carried()
    facts, renamed, unquoted = carried_facts(version, previous, continues)
    version["facts"] = plain(facts)
    return dataclasses.replace(carried, renamed=renamed, unquoted=unquoted)


def carried_facts(
    version: dict[str, Any], previous: Version, continues: Mapping[str, str]
) -> tuple[Facts, tuple[tuple[str, str], ...], tuple[str, ...]]:
    """The previous version's facts for the draft ``version``: in the languages of its texts, each citing the section
    that continues the one it cited, its words in a language that section is not in yet (``not_in``) left out; with
    (old id, new id) of the sections cited under a new id, and the sections cited whose facts lost words so."""
    languages = set(version["title"])
    ids = {s["id"] for s in version["sections"]}
    moved = {old: new for new, old in continues.items() if old != new and old not in ids}
    absent = {s["id"]: set(s.get("not_in", ())) for s in version["sections"]}
    renamed: dict[str, str] = {}
    unquoted: dict[str, None] = {}

    def carried(item: Any) -> Any:
        section = moved.get(item.section, item.section)
        if section != item.section:
            renamed[item.section] = section
        kept = in_languages(item, languages - absent.get(section, set()))
        if kept != in_languages(item, languages):
            unquoted[section] = None
        return dataclasses.replace(kept, section=section)

    facts = previous.facts
    changed: dict[str, Any] = {
        f.name: tuple(map(carried, value)) if isinstance(value, tuple) else carried(value)
        for f in dataclasses.fields(Facts)
        if (value := getattr(facts, f.name)) is not None
    }
    return dataclasses.replace(facts, **changed), tuple(renamed.items()), tuple(unquoted)


@dataclass(frozen=True, slots=True)
class Carried:
    """What a new version's draft took from the previous version's translation, by section id (``title`` for the
    title)."""

    unchanged: tuple[str, ...] = ()
    """Texts whose original is the same as before: their translation carried over as it was."""
    changed: tuple[str, ...] = ()
    """Texts whose original changed: the previous translation carried over, to be brought up to date."""
    new: tuple[str, ...] = ()
    """Sections the previous version has no counterpart of (by id), or that gained a heading: nothing to carry, so
    each names the translation's languages in its ``not_in``, not translated yet (the version's translation pending)."""
    languages: tuple[str, ...] = ()
    renamed: tuple[tuple[str, str], ...] = ()
    """(previous id, new id) of each section facts cite that the draft continues under another id (its heading
    changed): the facts cite the new id (its translation is carried as a changed text's)."""
    unquoted: tuple[str, ...] = ()
    """New sections that facts cite: the facts' words in the translation's languages left out until it is made."""
    small: bool = False
    """Each changed text's original changed by at most ``UNAFFECTED_WORDS`` words: perhaps fixes no translation shows
    (a typo), which ``translation: unaffected`` declares."""

    @property
    def complete(self) -> bool:
        return bool(self.languages) and not self.changed and not self.new


def facts_note(previous_id: str | None) -> str:
    """What import says of the draft's facts: a first version's are for a person to add; a new version's are the
    previous version's, to check against the new text."""
    if previous_id is None:
        return (
            "facts: the draft records only its controller; add the facts the notice states (data/README.md, Facts): its "
            "pages call every fact left out one the notice does not state, and the change report lists them for review"
        )
    return f"facts: those of {previous_id}, carried over; check each against the new text (data/README.md, Facts)"


def carried_note(carried: Carried, previous_id: str) -> str | None:
    """What the draft took of version ``previous_id``'s translation and facts, in a line; None for a first version."""
    parts = []
    if carried.renamed:
        moved = ", ".join(f"{old} is now {new}" for old, new in carried.renamed)
        parts.append(f"sections of {previous_id} under a new id (their heading changed), the facts citing them moved: {moved}")
    if carried.languages:
        parts.append(_translation_note(carried, previous_id))
    return "; ".join(parts) or None


def _translation_note(carried: Carried, previous_id: str) -> str:
    langs = ", ".join(carried.languages)
    same = ", ".join(carried.unchanged) or "none"
    line = f"translation ({langs}) carried over from {previous_id}: unchanged, as it was: {same}"
    if carried.changed:
        line += f"; changed, to translate again (its previous translation kept as a start): {', '.join(carried.changed)}"
    if carried.new:
        line += (
            f"; new, not translated yet (its not_in names {langs}: translate it and take {langs} out of its not_in): "
            + ", ".join(carried.new)
        )
    if carried.unquoted:
        line += f"; the facts citing {', '.join(carried.unquoted)} quote the original only: add their {langs} as you translate"
    if carried.changed or carried.new:
        line += " (translation: pending)"
        if carried.small and not carried.new:
            line += (
                f"; each changed by {UNAFFECTED_WORDS} words or fewer: if these are fixes the translation need not show (a "
                "typo), say 'translation: unaffected' instead (data/README.md)"
            )
    return line


def _same(one: str | None, other: str | None) -> bool:
    """The same original text, whatever its line wrapping."""
    return (one is None and other is None) or (one is not None and other is not None and one.split() == other.split())


def carry_translation(
    version: dict[str, Any], lang: str, previous: Version, continues: Mapping[str, str] | None = None
) -> Carried:
    """Give the draft ``version`` (its texts in ``lang`` only) the previous version's translations: each section's,
    from the section it continues (``continues``, by the draft's ids; else the one of its id), and the title's. A text
    whose original is unchanged keeps its translation as it was; one whose original changed gets the previous
    translation, which the version's ``translation: pending`` marks as not yet updated. A new section (or one that
    gained a heading) has none to carry: its ``not_in`` names the translation's languages, not translated yet while
    the translation is pending."""
    languages = tuple(x for x in previous.text_languages if x != lang and x not in previous.published_in)
    if lang not in previous.text_languages or not languages:
        return Carried()
    before = {s.id: s for s in previous.sections}
    unchanged: list[str] = []
    changed: list[str] = []
    new: list[str] = []
    pairs: list[tuple[str, dict[str, str], Any, dict[str, str] | None, Any]] = [
        ("title", version["title"], previous.title, None, None)
    ]
    for section in version["sections"]:
        old = before.get((continues or {}).get(section["id"], section["id"]))
        if old is None or ("heading" in section) != (old.heading is not None) or not all(map(old.has, (lang, *languages))):
            new.append(section["id"])  # nothing to carry (a heading to translate that none had, say)
            section["not_in"] = [*section.get("not_in", ()), *languages]
            continue
        pairs.append((section["id"], section["body"], old.body, section.get("heading"), old.heading))
    small = True
    for name, text, old_text, heading, old_heading in pairs:
        same = _same(text[lang], old_text[lang]) and (heading is None or _same(heading[lang], old_heading[lang]))
        (unchanged if same else changed).append(name)
        if not same:
            words = words_changed(old_text[lang], text[lang])
            words += words_changed(old_heading[lang], heading[lang]) if heading else 0
            small = small and words <= UNAFFECTED_WORDS
        for other in languages:
            text[other] = old_text[other]
            if heading is not None:
                heading[other] = old_heading[other]
    return Carried(
        unchanged=tuple(unchanged), changed=tuple(changed), new=tuple(new), languages=languages, small=small and bool(changed)
    )


def in_languages(value: Any, languages: set[str]) -> Any:
    """``value`` (a model value) with each text of the notice (:class:`ByLanguage`: a quote, say) in ``languages``
    only; the archive's own texts (in Finnish and English, whatever the notice's) as they are."""
    if isinstance(value, ByLanguage):
        return dataclasses.replace(value, **{lang: None for lang in TEXT_LANGUAGES if lang not in languages})  # type: ignore[type-var]
    if isinstance(value, tuple):
        return tuple(in_languages(item, languages) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: in_languages(getattr(value, f.name), languages) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    return value
