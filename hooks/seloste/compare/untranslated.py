"""The texts of a version whose original changed while a translation of them stayed the same: what
``translation: unaffected`` declares to be typo-sized fixes (``seloste check`` holds each to its size, and the change
report names them)."""

from __future__ import annotations

from ..archive.localized import NoticeMarkdown, NoticeText
from ..archive.model import Version
from ..limits import MAX_DIFF_WORK
from ..matching import Budget, Matcher
from .lineage import section_pairs


def untranslated(before: Version, after: Version) -> list[tuple[str, str, int]]:
    """(translation language, dotted name, words changed) of each text whose original changed while that language's
    translation stayed the same. Texts the organisation published in several languages are each its own."""
    original = after.published_in[0]
    found = []
    for lang in (x for x in after.text_languages if x not in after.published_in):
        pairs: list[tuple[str, NoticeText | NoticeMarkdown, NoticeText | NoticeMarkdown]] = [("title", before.title, after.title)]
        earlier = {s.id: s for s in before.sections}
        continues = section_pairs(before, after)  # by lineage: a section given a new id is still held to this rule
        for index, section in enumerate(after.sections):
            if section.id not in continues:
                continue
            old = earlier[continues[section.id]]
            if old.heading and section.heading:
                pairs.append((f"sections[{index}].heading", old.heading, section.heading))
            pairs.append((f"sections[{index}].body", old.body, section.body))
        for name, old_text, new_text in pairs:
            if not {original, lang} <= {*old_text.languages} & {*new_text.languages}:
                continue  # a section the organisation's text in the original language does not have (not_in)
            if old_text[original] != new_text[original] and old_text[lang] == new_text[lang]:
                found.append((lang, name, words_changed(old_text[original], new_text[original])))
    return found


def words_changed(old: str, new: str) -> int:
    """How many words of ``old`` and ``new`` differ, taking the larger side of each change (past the matching budget,
    every word between their common start and end counts as changed)."""
    matcher = Matcher(old.split(), new.split(), Budget(MAX_DIFF_WORK))
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
