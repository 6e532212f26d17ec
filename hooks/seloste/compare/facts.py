"""Facts as readers read them, and facts compared field by field.

A fact's display text (``Google LLC (processor, United States)``) is what the at-a-glance panel,
the checklist, the comparison page and the change report show; a change of a fact is a change of
that text, never of the quote or section that is its evidence.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from dataclasses import dataclass
from typing import Any, Literal

from ..archive.facts import Facts, StatedNone
from ..archive.laws import LAWS
from ..archive.localized import ByLanguage, Localized
from ..archive.types import country_names
from ..labels import labels

FactChangeKind = Literal["added", "removed", "changed"]


@dataclass(frozen=True, slots=True)
class FactChange:
    field: str
    """The fact's name in the model: ``dpo``, ``retention``, ``recipients`` ..."""
    item: str | None
    """Which entry of a list fact, or which part of a single fact (``name``)."""
    kind: FactChangeKind
    old: str | None
    new: str | None


FactsText = dict[str, dict[str, dict[str, str]]]
"""``{"single": {field: {part: value}}, "list": {field: {entry key: value}}}`` in one language."""


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


_KEY_FIELDS: dict[str, str] = {
    "purposes": "purpose",
    "recipients": "name",
    "transfers": "destination",
    "retention": "category",
    "data_categories": "text",
    "sources": "text",
    "rights": "right",
    "cookies": "tool",
    "legal_references": "law",
}
"""What identifies an entry of a list fact across versions."""

LIST_FACTS = frozenset(_KEY_FIELDS)
"""The facts that are lists: a change names the entry by its identifying text, not by a field."""


_NOT_SHOWN = frozenset({"section", "quote"})
"""Evidence, not content: a fact changes when what it says changes, not where or in which words."""


def _display(value: Any, lang: str, skip: frozenset[str] = frozenset()) -> str | None:
    """A fact value as a reader of ``lang`` reads it (section references and ``skip`` left out)."""
    if value is None:
        return None
    if isinstance(value, Localized):
        return value[lang]
    if isinstance(value, ByLanguage):  # the notice's own words (a role): the reader's language, else the text's own
        return value[lang] if lang in value.languages else value[value.languages[0]]
    if dataclasses.is_dataclass(value):
        parts = [field_text(value, f.name, lang) for f in dataclasses.fields(value) if f.name not in _NOT_SHOWN | skip]
        return ", ".join(p for p in parts if p) or None
    return str(value)


def field_text(fact: Any, name: str, lang: str) -> str | None:
    """One field of a fact as a reader of ``lang`` reads it: a fixed choice in words, a country code as its name."""
    value = getattr(fact, name)
    if isinstance(value, str) and typing.get_origin(_hints(fact.__class__)[name]) is Literal:
        return fact_value_label(value, lang)
    if name == "country" and value is not None:
        return country_names(lang).get(value, value)
    return _display(value, lang)


def fact_value_label(value: str, lang: str) -> str:
    """A fixed choice (``processor``, ``consent``, a law's id) in words of ``lang``."""
    if value in LAWS:
        return LAWS[value].name[lang]
    return str(labels(lang)["fact_values"].get(value, value))


def _key(name: str, item: Any, lang: str) -> str:
    field_name = _KEY_FIELDS.get(name)
    if field_name is None:
        return _display(item, lang) or ""
    return field_text(item, field_name, lang) or ""


def fact_line(name: str, item: Any, lang: str) -> tuple[str, str]:
    """One fact as a reader of ``lang`` reads it: (what, details), e.g. ('asiakaspalvelu', 'sopimus')."""
    if isinstance(item, StatedNone):  # nothing but its evidence: what it says is which fact it is
        return str(labels(lang)["stated_none"][name]), ""
    if name in _KEY_FIELDS:
        return _key(name, item, lang), _details(item, lang, _KEY_FIELDS[name])
    return _display(item, lang) or "", ""


def _details(item: Any, lang: str, key: str) -> str:
    """What a list entry says beyond its identifying text, each part named: 'legal basis: consent'."""
    if not dataclasses.is_dataclass(item):
        return ""
    names = labels(lang)["fact_fields"]
    parts = ((f.name, field_text(item, f.name, lang)) for f in dataclasses.fields(item) if f.name not in _NOT_SHOWN | {key})
    return ", ".join(f"{names.get(name, name)}: {text}" for name, text in parts if text)


def facts_text(facts: Facts, lang: str) -> FactsText:
    """The facts as display values in ``lang``: what a version page publishes for the diff."""
    single: dict[str, dict[str, str]] = {}
    listed: dict[str, dict[str, str]] = {}
    for f in dataclasses.fields(Facts):
        value = getattr(facts, f.name)
        if isinstance(value, tuple):
            entries: dict[str, str] = {}
            for item in value:
                key, detail = fact_line(f.name, item, lang)
                n = 1
                while (unique := key if n == 1 else f"{key} ({n})") in entries:  # two facts may read alike
                    n += 1
                entries[unique] = detail or key  # a fact that is all key (a right, a law) reads as itself
            listed[f.name] = entries
        elif isinstance(value, StatedNone):
            single[f.name] = {"stated": fact_line(f.name, value, lang)[0]}
        elif value is not None:
            texts = {part.name: field_text(value, part.name, lang) for part in dataclasses.fields(value)}
            single[f.name] = {name: text for name, text in texts.items() if name not in _NOT_SHOWN and text is not None}
    return {"single": single, "list": listed}


def diff_facts(old: FactsText, new: FactsText) -> list[FactChange]:
    """Field-level changes of the structured facts, in the order of the model's fields."""
    changes: list[FactChange] = []
    for f in dataclasses.fields(Facts):
        name = f.name
        if name in old["list"] or name in new["list"]:
            before, after = old["list"].get(name, {}), new["list"].get(name, {})
            changes += [FactChange(name, k, "removed", v, None) for k, v in before.items() if k not in after]
            changes += [FactChange(name, k, "added", None, v) for k, v in after.items() if k not in before]
            changes += [FactChange(name, k, "changed", v, after[k]) for k, v in before.items() if k in after and v != after[k]]
            continue
        a, b = old["single"].get(name), new["single"].get(name)
        if a is None and b is None:
            continue
        if a is None or b is None:
            kind: FactChangeKind = "added" if a is None else "removed"
            changes.append(FactChange(name, None, kind, _joined(a), _joined(b)))
            continue
        for part in [*a, *(p for p in b if p not in a)]:
            x, y = a.get(part), b.get(part)
            if x != y:
                changes.append(FactChange(name, part, "added" if x is None else "removed" if y is None else "changed", x, y))
    return changes


def _joined(parts: dict[str, str] | None) -> str | None:
    return ", ".join(parts.values()) if parts else None


def facts_pairs(facts: FactsText) -> dict[str, list[tuple[str, list[tuple[str, str]]]]]:
    """The facts as ordered pairs for publishing as JSON (JSON objects do not keep key order)."""
    return {kind: [(name, list(values.items())) for name, values in table.items()] for kind, table in facts.items()}
