"""Each fact as one line a reader reads: what it says, its details, the section that states it, the laws it
cites and what in it is wrong as written.

The "at a glance" panel, the checklist, the facts page and each fact's history all read the facts through these
lines, so a fact reads alike wherever it is shown.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ..archive.evidence import TITLE_ID, fact_items
from ..archive.facts import DENIED, Controller, Facts
from ..archive.laws import LAWS
from ..archive.types import business_id_flaw
from ..compare.facts import fact_line, fact_value_label, field_text
from ..labels import labels


@dataclass(frozen=True, kw_only=True, slots=True)
class FactLine:
    text: str
    detail: str
    href: str
    """The anchor of the section that states it, relative to the notice page (``#tietojen-sailytys``)."""
    laws: tuple[str, ...] = ()
    """The laws and transfer mechanisms of ``laws.yaml`` the fact cites (:func:`cited_laws`)."""
    flag: str | None = None
    """What is wrong in the fact as the notice states it (a business ID that is not a valid one), in words."""


@dataclass(frozen=True, kw_only=True, slots=True)
class GlanceRow:
    field: str
    label: str
    lines: tuple[FactLine, ...]
    """Empty when the notice does not state it."""

    @property
    def inline(self) -> bool:
        """Short facts without details read best as one run of text."""
        return len(self.lines) > 1 and not any(line.detail for line in self.lines)


def section_anchor(section: str, slug: str) -> str:
    return f"#{slug}-title" if section == TITLE_ID else f"#{section}"


def cited_laws(field_name: str, fact: Any) -> tuple[str, ...]:
    """The laws and transfer mechanisms of ``laws.yaml`` a fact cites: a law cited, a transfer's mechanism, the laws
    given as the basis of sensitive data or of the personal identity code."""
    if field_name == "legal_references":
        return (str(fact.law),)
    if field_name == "transfers":
        return (str(fact.mechanism),) if fact.mechanism in LAWS else ()
    if field_name in ("sensitive_data", "identity_code", "purposes"):
        return tuple(str(law) for law in fact.laws)
    return ()


_LABELLED_CHOICE = {"transfers": "mechanism", "cookies": "purpose"}
"""Details that are a bare fixed choice ('not stated') and so are shown with what they are."""

_BASIS = {"sensitive_data": "condition", "identity_code": "ground", "purposes": "legal_basis"}
"""Facts whose detail is the basis the notice gives: a condition, ground or legal basis, and the laws it names; or
not stated."""


def _named(lang: str, name: str, value: str | None) -> str:
    """``peruste: ei kerrottu``: a part of a fact with what it is, 'not stated' where it is nothing."""
    return f"{labels(lang)['fact_fields'][name]}: {value or labels(lang)['not_stated']}"


def _basis(item: Any, choice: str, lang: str) -> str:
    given = getattr(item, choice)  # a purpose's may be several: (consent, public-task)
    parts = [fact_value_label(b, lang) for b in (given if isinstance(given, tuple) else (given,)) if b != "not-stated"]
    parts += [LAWS[law].name[lang] for law in item.laws]
    parts += [law[lang] for law in getattr(item, "other_laws", ())]
    return _named(lang, choice, ", ".join(parts))


def business_id_flag(controller: Controller, lang: str) -> str | None:
    """What is wrong with the business ID the notice states, in words; None where it is a valid one or none."""
    value = controller.business_id
    flaw = business_id_flaw(value) if value is not None else None
    if flaw is None:
        return None
    return str(labels(lang)["business_id_flaws"][flaw.kind]).format(value=value, expected=flaw.expected)


def to_line(field_name: str, item: Any, slug: str, lang: str) -> FactLine:
    text, detail = fact_line(field_name, item, lang)
    choice = _LABELLED_CHOICE.get(field_name)
    if choice:
        country = field_text(item, "country", lang) if hasattr(item, "country") else None
        if country and country.casefold() in text.casefold():
            country = None  # the text names it already: "Yhdysvallat", not "Yhdysvallat (Yhdysvallat, ...)"
        labelled = f"{labels(lang)['fact_fields'][choice]}: {field_text(item, choice, lang)}"
        detail = ", ".join(p for p in (country, labelled) if p)
    if field_name in _BASIS:
        if field_name != "purposes":
            text = field_text(item, "category" if field_name == "sensitive_data" else "text", lang) or ""
        detail = _basis(item, _BASIS[field_name], lang)
    if field_name == "children":
        age = field_text(item, "age_limit", lang)
        provisions = _named(lang, "provisions", field_text(item, "provisions", lang))
        detail = f"{_named(lang, 'age_limit', age)}; {provisions}" if age else provisions
    flag = business_id_flag(item, lang) if isinstance(item, Controller) else None
    return FactLine(
        text=text, detail=detail, href=section_anchor(item.section, slug), laws=cited_laws(field_name, item), flag=flag
    )


def fact_lines(facts: Facts, slug: str, lang: str) -> dict[str, tuple[FactLine, ...]]:
    """Every fact as a line a reader of ``lang`` reads, by Facts field, in the model's order."""
    lines: dict[str, list[FactLine]] = {f.name: [] for f in dataclasses.fields(Facts)}
    for field_name, _name, item in fact_items(facts):
        lines[field_name].append(to_line(field_name, item, slug, lang))
    return {name: tuple(found) for name, found in lines.items()}


def laws_cited_elsewhere(facts: Facts, slug: str, lang: str) -> tuple[FactLine, ...]:
    """The laws the notice gives as the ground of another fact (a purpose's legal basis, sensitive data, the
    identity code) that no entry of legal_references names: each once, linked to the section that gives it, so the
    laws cited are every law the facts cite."""
    listed = {str(ref.law) for ref in facts.legal_references}
    found: dict[str, FactLine] = {}
    for _field, _name, item in fact_items(facts):
        for law in (str(law) for law in getattr(item, "laws", ())):  # a ground given, not a transfer's mechanism
            if law not in listed and law not in found:
                found[law] = FactLine(text=LAWS[law].name[lang], detail="", href=section_anchor(item.section, slug), laws=(law,))
    return tuple(found.values())


def _entries(value: Any) -> tuple[Any, ...]:
    return value if isinstance(value, tuple) else () if value is None else (value,)


def glance(facts: Facts, slug: str, lang: str) -> tuple[GlanceRow, ...]:
    """The "at a glance" panel: every fact, stated or not, linked to its section; sensitive data first."""
    names = labels(lang)["fact_fields"]
    lines = fact_lines(facts, slug, lang)
    for denial, row in DENIED.items():  # said there is none of: in the row of what it denies
        said = lines.pop(denial)
        of_part = [getattr(entry, "data", None) is not None for entry in _entries(getattr(facts, denial))]
        # said of all the data, first ("none, but the authorities ..."); said of part of it, after what the notice
        # names: a summary that reads "not transferred" must not stand for a notice that transfers its analytics data
        lines[row] = (
            tuple(line for line, part in zip(said, of_part, strict=True) if not part)
            + lines[row]
            + tuple(line for line, part in zip(said, of_part, strict=True) if part)
        )
    lines["legal_references"] += laws_cited_elsewhere(facts, slug, lang)
    return tuple(GlanceRow(field=field_name, label=str(names[field_name]), lines=found) for field_name, found in lines.items())
