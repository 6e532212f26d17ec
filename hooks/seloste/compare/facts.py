"""Facts as readers read them, and facts compared field by field.

A fact's display text (``Google LLC (processor, United States)``) is what the at-a-glance panel,
the checklist, the comparison page and the change report show; a change of a fact is a change of
that text, never of the quote or section that is its evidence.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, Union

from ..archive.evidence import fact_items
from ..archive.facts import DENIED, Facts, StatedNone, StatedNoneOf
from ..archive.laws import LAWS
from ..archive.localized import TEXT_LANGUAGES, ByLanguage, Localized
from ..archive.types import country_names, usable_email
from ..labels import labels
from ..limits import MAX_DIFF_WORK
from ..matching import Budget
from .words import best_pairs, similarity

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
    old_item: str | None = None
    """A list fact's entry that reads differently now: the entry it was (``Google Inc`` for ``Google LLC``)."""


FactsText = dict[str, dict[str, dict[str, str]]]
"""``{"single": {field: {part: value}}, "list": {field: {entry key: value}}, "entries": {field: {entry key:
reading}}}`` in one language: a list entry's value is what it says beyond its key (``role: processor``), its
reading the whole entry as a reader reads it, leaving out what it does not state (``Google LLC (role:
processor)``; ``customer service``, not ``customer service (legal basis: not stated)``)."""

SAME_FACT = 0.5
"""Word similarity from which a removed and an added entry of one list fact are one entry changed."""


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


_KEY_FIELDS: dict[str, str] = {
    "sensitive_data": "category",
    "children": "text",
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


_NOT_SHOWN = frozenset({"section", "quote", "other_laws"})
"""Evidence, not content: a fact changes when what it says changes, not where or in which words. (A purpose's
``other_laws`` are content, read with its ``laws``: :func:`field_text`.)"""


def _display(value: Any, lang: str, skip: frozenset[str] = frozenset()) -> str | None:
    """A fact value as a reader of ``lang`` reads it (section references and ``skip`` left out)."""
    if value is None:
        return None
    if isinstance(value, Localized):
        return value[lang]
    if isinstance(value, ByLanguage):  # a text of the notice: in lang where the notice has it
        given = value.languages
        return value[lang if lang in given else given[0]] if given else None
    if dataclasses.is_dataclass(value):
        parts = [field_text(value, f.name, lang) for f in dataclasses.fields(value) if f.name not in _NOT_SHOWN | skip]
        return ", ".join(p for p in parts if p) or None
    return str(value)


def field_text(fact: Any, name: str, lang: str) -> str | None:
    """One field of a fact as a reader of ``lang`` reads it: a fixed choice in words, a country code as its name."""
    value = getattr(fact, name)
    hint = _hints(fact.__class__)[name]
    options = typing.get_args(hint) if typing.get_origin(hint) in (Union, types.UnionType) else (hint,)
    if isinstance(value, str) and any(typing.get_origin(option) is Literal for option in options):  # a legal basis or several
        return fact_value_label(value, lang)
    if name == "laws":  # the archive's laws in words, then those it does not list, as the notice names them
        named = [fact_value_label(str(v), lang) for v in value]
        named += [law[lang] for law in getattr(fact, "other_laws", ())]
        return ", ".join(named) or None
    if isinstance(value, tuple):  # fixed choices (provisions), each in words; none is nothing stated
        return ", ".join(fact_value_label(str(v), lang) for v in value) or None
    if name == "email" and value is not None:
        return email_text(value, lang)
    if name == "country" and value is not None:
        return country_names(lang).get(value, value)
    if name == "age_limit" and value is not None:
        return str(labels(lang)["age_years"]).format(age=value)
    return _display(value, lang)


def email_text(stated: str, lang: str) -> str:
    """An e-mail as the notice writes it, and, where it hides it from harvesters, the address it stands for:
    'tietosuoja(a)yritys.fi (osoite: tietosuoja@yritys.fi)'."""
    usable = usable_email(stated)
    if usable is None or usable == stated:
        return stated
    return str(labels(lang)["email_usable"]).format(stated=stated, address=usable)


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


def stated_none_text(name: str, lang: str) -> str:
    """What the notice says there is none of, as one phrase: 'no data protection officer (the notice says so)'."""
    t = labels(lang)
    return f"{t['stated_none'][name]} ({t['stated_none_note']})"


def fact_line(name: str, item: Any, lang: str) -> tuple[str, str]:
    """One fact as a reader of ``lang`` reads it: (what, details), e.g. ('asiakaspalvelu', 'sopimus'). What the notice
    says there is none of reads as one phrase, its details beside the note that the notice says so: ('data is not
    transferred outside the EU/EEA', 'the notice says so; data: logs'), shown 'X (the notice says so; data: logs)',
    never two brackets in a row."""
    if isinstance(item, StatedNone | StatedNoneOf):  # which fact it is, and of which data, if it says so of part of it
        details = _details(item, lang, "") if isinstance(item, StatedNoneOf) else ""
        if not details:
            return stated_none_text(name, lang), ""
        t = labels(lang)
        return str(t["stated_none"][name]), f"{t['stated_none_note']}; {details}"
    if name in _KEY_FIELDS:
        return _key(name, item, lang), _details(item, lang, _KEY_FIELDS[name])
    return _display(item, lang) or "", ""


def _details(item: Any, lang: str, key: str, *, stated_only: bool = False) -> str:
    """What a list entry says beyond its identifying text, each part named: 'legal basis: consent'; with
    ``stated_only``, without the parts it does not state ('legal basis: not stated')."""
    if not dataclasses.is_dataclass(item):
        return ""
    names = labels(lang)["fact_fields"]
    skip = _NOT_SHOWN | {key}
    fields = [f.name for f in dataclasses.fields(item) if f.name not in skip]
    if stated_only:
        fields = [name for name in fields if getattr(item, name) != "not-stated"]
    parts = ((name, field_text(item, name, lang)) for name in fields)
    return ", ".join(f"{names.get(name, name)}: {text}" for name, text in parts if text)


def _reading(name: str, item: Any, lang: str) -> str:
    """A list entry as a whole, without what it does not state: 'Google LLC (role: processor)'."""
    key, detail = fact_line(name, item, lang)
    details = _details(item, lang, _KEY_FIELDS[name], stated_only=True) if name in _KEY_FIELDS else ""
    if isinstance(item, StatedNoneOf):
        details = detail
        key = fact_line(name, item, lang)[0]
    return f"{key} ({details})" if details and details != key else key


def facts_text(facts: Facts, lang: str) -> FactsText:
    """The facts as display values in ``lang``: what a version page publishes for the diff."""
    single: dict[str, dict[str, str]] = {}
    listed: dict[str, dict[str, str]] = {}
    readings: dict[str, dict[str, str]] = {}
    for f in dataclasses.fields(Facts):
        value = getattr(facts, f.name)
        if isinstance(value, tuple):
            entries: dict[str, str] = {}
            whole: dict[str, str] = {}
            taken: dict[str, int] = {}
            for item in value:
                key, detail = fact_line(f.name, item, lang)
                if isinstance(item, StatedNoneOf) and item.data is not None:  # told apart by the data it is said of
                    key, detail = item.data[lang], stated_none_text(f.name, lang)
                n = taken.get(key, 1)  # the numbers below it are taken already: thousands alike stay linear
                while (unique := key if n == 1 else f"{key} ({n})") in entries:  # two facts may read alike
                    n += 1
                taken[key] = n + 1
                entries[unique] = detail or key  # a fact that is all key (a right, a law) reads as itself
                whole[unique] = _reading(f.name, item, lang)
            listed[f.name] = entries
            readings[f.name] = whole
        elif isinstance(value, StatedNone):
            single[f.name] = {"stated": fact_line(f.name, value, lang)[0]}
        elif value is not None:
            texts = {part.name: field_text(value, part.name, lang) for part in dataclasses.fields(value)}
            single[f.name] = {name: text for name, text in texts.items() if name not in _NOT_SHOWN and text is not None}
    return {"single": single, "list": listed, "entries": readings}


def diff_facts(old: FactsText, new: FactsText, budget: Budget | None = None) -> list[FactChange]:
    """Field-level changes of the structured facts, in the order of the model's fields."""
    budget = budget or Budget(MAX_DIFF_WORK)
    changes: list[FactChange] = []
    for f in dataclasses.fields(Facts):
        name = f.name
        if name in old["list"] or name in new["list"]:
            changes += _list_changes(name, old, new, budget)
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


def _list_changes(name: str, old: FactsText, new: FactsText, budget: Budget) -> list[FactChange]:
    """A list fact's entries removed, added and changed: an entry whose key is gone and one whose key is new are
    one entry changed where they read alike (``Google Inc`` -> ``Google LLC``); each named by its reading."""
    before, after = old["list"].get(name, {}), new["list"].get(name, {})
    read_before, read_after = _readings(old, name), _readings(new, name)
    gone = [k for k in before if k not in after]
    came = [k for k in after if k not in before]
    candidates = []
    for i, a in enumerate(gone):
        for j, b in enumerate(came):
            if budget.exhausted:  # no more entries paired: the rest are removed and added
                break
            candidates.append((similarity(read_before[a], read_after[b], budget), i, j))
    pairs = sorted(best_pairs(candidates, SAME_FACT))
    paired_gone = {i for i, _ in pairs}
    paired_came = {j for _, j in pairs}
    changes = [FactChange(name, k, "removed", read_before[k], None) for i, k in enumerate(gone) if i not in paired_gone]
    changes += [FactChange(name, k, "added", None, read_after[k]) for j, k in enumerate(came) if j not in paired_came]
    changes += [FactChange(name, k, "changed", v, after[k]) for k, v in before.items() if k in after and v != after[k]]
    changes += [
        FactChange(name, came[j], "changed", read_before[gone[i]], read_after[came[j]], old_item=gone[i]) for i, j in pairs
    ]
    return changes


def _readings(facts: FactsText, name: str) -> dict[str, str]:
    """Each entry's reading; where none is given, its key and its value."""
    given = facts.get("entries", {}).get(name, {})
    return {k: given.get(k) or (k if v in ("", k) else f"{k} ({v})") for k, v in facts["list"].get(name, {}).items()}


def _joined(parts: dict[str, str] | None) -> str | None:
    return ", ".join(parts.values()) if parts else None


def facts_pairs(facts: FactsText) -> dict[str, list[tuple[str, list[tuple[str, str]]]]]:
    """The facts as ordered pairs for publishing as JSON (JSON objects do not keep key order)."""
    return {kind: [(name, list(values.items())) for name, values in table.items()] for kind, table in facts.items()}


def unstated_facts(facts: Facts) -> tuple[str, ...]:
    """The facts ``facts`` records none of, nor that the notice says there is none: the pages call each one not
    stated by the notice (laws cited: also none given as the ground of another fact)."""
    denied_by = {row: denial for denial, row in DENIED.items()}
    cited = any(getattr(item, "laws", ()) for _field, _name, item in fact_items(facts))
    return tuple(
        f.name
        for f in dataclasses.fields(Facts)
        if f.name not in DENIED
        and not getattr(facts, f.name)
        and not (f.name in denied_by and getattr(facts, denied_by[f.name]))
        and not (f.name == "legal_references" and cited)
    )


def evidence_changes(old: Facts, new: Facts) -> tuple[str, ...]:
    """The dotted names of what the facts quote or cite that changed while the facts stayed (``facts.x[0].quote.fi``,
    ``facts.x[0].section``): no reader's fact changes, so the facts' table leaves them out, but a reviewer reads them."""
    before = {name: item for _field, name, item in fact_items(old)}
    found: list[str] = []
    for _field, name, item in fact_items(new):
        earlier = before.get(name)
        if earlier is None or type(earlier) is not type(item) or _content(earlier) != _content(item):
            continue  # a fact added, removed or changed (a list reordered, say): the facts' table shows it
        quote, was = getattr(item, "quote", None), getattr(earlier, "quote", None)
        if quote != was:
            langs = {*(quote.languages if quote else ()), *(was.languages if was else ())}
            found += [
                f"facts.{name}.quote.{lang}"
                for lang in TEXT_LANGUAGES
                if lang in langs and getattr(quote, lang, None) != getattr(was, lang, None)
            ]
        if getattr(item, "section", None) != getattr(earlier, "section", None):
            found.append(f"facts.{name}.section")
    return tuple(found)


def _content(item: Any) -> Any:
    """A fact without its evidence: what it says."""
    evidence = {name: None for name in ("quote", "section") if hasattr(item, name)}
    return dataclasses.replace(item, **evidence) if evidence else item
