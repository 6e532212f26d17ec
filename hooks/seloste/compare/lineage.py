"""Each section followed across an organisation's versions: its lineage, the same in every language.

A section keeps its id across versions; where an editor gave it a new id, it is the section of the
previous version whose text reads most alike (at least SAME_SECTION), read in a language the
organisation itself wrote both versions in. The diff pairs two versions' sections by lineage first
(diff.py), so the Finnish and the English pages pair the same sections: a translation can read more,
or less, alike than its original. The build writes each section's lineage into the versions file's
markup (``data-lineage``), where the comparison script reads it.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..archive.model import Section, Version, VersionRecord
from ..limits import MAX_DIFF_WORK
from ..markup.blocks import blocks
from ..matching import Budget
from .words import best_pairs, similarity

SAME_SECTION = 0.6
"""Text similarity from which two sections with different ids count as one section (as in diff.py)."""

Lineages = Mapping[str, Mapping[str, str]]
"""By version id, each section's lineage by the section's id."""


@dataclass(frozen=True, slots=True)
class _Texts:
    """What a version's lineages depend on."""

    id: str
    published_in: tuple[str, ...]
    text_languages: tuple[str, ...]
    sections: tuple[Section, ...]


def section_lineages(versions: Sequence[VersionRecord]) -> Lineages:
    """The lineage of every section of ``versions`` (oldest first). A lineage is named after the id its section
    first had (``yhteystiedot``; ``yhteystiedot~2`` for a later, unrelated section of that id). Worked out once
    for an organisation's history, however many pages ask."""
    global _last
    last = _last
    if last is not None and last[0] is versions:  # an organisation's pages ask one after another: its texts are
        return last[1]  # not hashed again for each
    found = _lineages(tuple(_Texts(v.id, v.version.published_in, v.version.text_languages, v.version.sections) for v in versions))
    if isinstance(versions, tuple):  # immutable: while held here, its identity is its content's
        _last = (versions, found)
    return found


_last: tuple[tuple[VersionRecord, ...], Lineages] | None = None
"""The versions last asked for (held, so that no other tuple takes their identity) and their lineages."""


@functools.lru_cache(maxsize=1024)
def _lineages(versions: tuple[_Texts, ...]) -> Lineages:
    result: dict[str, dict[str, str]] = {}
    names: set[str] = set()
    previous: _Texts | None = None
    before: dict[str, str] = {}
    for version in versions:
        current: dict[str, str] = {}
        if previous is not None:
            current = {new_id: before[old_id] for new_id, old_id in _pairs(previous, version).items()}
        for section in version.sections:
            if section.id not in current:
                current[section.id] = _unused(section.id, names)
            names.add(current[section.id])
        result[version.id] = before = {s.id: current[s.id] for s in version.sections}
        previous = version
    return result


def section_pairs(old: Version, new: Version) -> Mapping[str, str]:
    """The section of ``old`` that each section of ``new`` continues, by id, as the lineages pair two consecutive
    versions: the same id, else the most alike text (the rules a pull request keeps compare sections so, like the
    comparison: a section given a new id is still the section it was)."""
    return _pairs(
        _Texts("old", old.published_in, old.text_languages, old.sections),
        _Texts("new", new.published_in, new.text_languages, new.sections),
    )


def continuing(old: Version, sections: Sequence[Section], lang: str) -> Mapping[str, str]:
    """The section of ``old`` that each of ``sections`` (a draft's, its texts in ``lang``) continues, by id, paired as
    :func:`section_pairs` pairs two versions' (import carries translations and facts so)."""
    return _pairs(
        _Texts("old", old.published_in, old.text_languages, old.sections), _Texts("new", (lang,), (lang,), tuple(sections))
    )


def _pairs(previous: _Texts, version: _Texts) -> Mapping[str, str]:
    earlier = {s.id for s in previous.sections}
    pairs = {s.id: s.id for s in version.sections if s.id in earlier}
    old = [s for s in previous.sections if s.id not in pairs]
    new = [s for s in version.sections if s.id not in pairs]
    lang = _shared_original(previous, version)
    if lang and old and new:
        old_texts = [_text(s, lang) for s in old]
        new_texts = [_text(s, lang) for s in new]
        budget = Budget(MAX_DIFF_WORK)  # as a comparison's: past it, sections with new ids start lineages of their own
        candidates = [
            (similarity(a, b, budget), i, j)
            for i, a in enumerate(old_texts)
            for j, b in enumerate(new_texts)
            if not budget.exhausted
        ]
        for i, j in best_pairs(candidates, SAME_SECTION):
            pairs[new[j].id] = old[i].id
    return pairs


def _shared_original(old: _Texts, new: _Texts) -> str | None:
    """A language the organisation itself published both versions in, else one both versions' texts are in."""
    for lang in new.published_in:
        if lang in old.published_in:
            return lang
    given: tuple[str, ...] = (*new.published_in, *old.published_in, *new.text_languages)
    return next((text_lang for text_lang in given if text_lang in old.text_languages and text_lang in new.text_languages), None)


def _text(section: Section, lang: str) -> str:
    """The section's text in ``lang``; where the organisation's text in it has no such section, in the first
    language given (a section is told apart from the others by its words in any one language)."""
    body = section.body
    return " ".join(b.text for b in blocks(body[lang] if lang in body.languages else body[body.languages[0]]))


def _unused(name: str, names: set[str]) -> str:
    n = 1
    while (candidate := name if n == 1 else f"{name}~{n}") in names:
        n += 1
    return candidate
