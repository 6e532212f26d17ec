"""What a notice states, item by item in GDPR Art. 13/14 terms, and what in it is out of date.

This describes the text, not the organisation's compliance: an item is "stated" when the
notice says it, whatever it says. The views here feed the "at a glance" panel of a notice
page, its checklist page and the comparison of organisations.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal

from ..archive.evidence import TITLE_ID, fact_items
from ..archive.facts import Facts
from ..archive.laws import LAWS
from ..archive.model import Version
from ..compare.facts import fact_line, field_text
from ..labels import format_date, labels

Status = Literal["stated", "partly", "not-stated"]

CORE_RIGHTS = ("access", "rectification", "erasure", "restriction", "objection", "portability")
"""The rights Art. 13(2)(b) requires a notice to name."""


@dataclass(frozen=True, kw_only=True, slots=True)
class CheckItem:
    """One Art. 13/14 item: which facts the notice states for it."""

    id: str
    article: str
    """GDPR article, e.g. ``13(1)(c)``."""
    conditional: bool
    """Required only where it applies (a DPO appointed, data transferred, consent relied on, ...)."""
    status: Status
    facts: tuple[tuple[str, Any], ...]
    """(Facts field, fact) for each fact that bears on the item."""
    missing: tuple[str, ...] = ()
    """For a partly stated item: what is not stated (fixed choices such as right ids)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Outdated:
    """A law or mechanism the notice relies on that no longer applies."""

    law: str
    section: str
    cited_after_end: bool
    """The version is dated on or after the day the law stopped applying."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Checklist:
    items: tuple[CheckItem, ...]
    outdated: tuple[Outdated, ...]

    @property
    def stated(self) -> int:
        return sum(1 for item in self.items if item.status == "stated")


def _status(present: bool) -> Status:
    return "stated" if present else "not-stated"


def _of(facts: Facts, *names: str) -> tuple[tuple[str, Any], ...]:
    found: list[tuple[str, Any]] = []
    for name in names:
        value = getattr(facts, name)
        if isinstance(value, tuple):
            found += [(name, item) for item in value]
        elif value is not None:
            found.append((name, value))
    return tuple(found)


def checklist(version: Version, date: Any) -> Checklist:
    """The checklist of one version (``date``: the version's date, for what was out of date then)."""
    f = version.facts
    bases = [p.legal_basis for p in f.purposes]
    given = [b for b in bases if b != "not-stated"]
    rights = {r.right for r in f.rights}
    relies_on_consent = "consent" in bases
    controller_contact = any((f.controller.email, f.controller.phone, f.controller.address)) or f.contact is not None
    mechanisms = [t.mechanism for t in f.transfers]

    items = [
        CheckItem(
            id="controller",
            article="13(1)(a)",
            conditional=False,
            status="stated" if controller_contact else "partly",
            facts=_of(f, "controller", "contact"),
        ),
        CheckItem(
            id="dpo",
            article="13(1)(b)",
            conditional=True,
            status=_status(f.dpo is not None or f.no_dpo is not None),  # "we have none" states it too
            facts=_of(f, "dpo", "no_dpo"),
        ),
        CheckItem(
            id="purposes", article="13(1)(c)", conditional=False, status=_status(bool(f.purposes)), facts=_of(f, "purposes")
        ),
        CheckItem(
            id="legal_bases",
            article="13(1)(c)",
            conditional=False,
            status="not-stated" if not given else "stated" if len(given) == len(bases) else "partly",
            facts=_of(f, "purposes"),
        ),
        CheckItem(
            id="recipients", article="13(1)(e)", conditional=False, status=_status(bool(f.recipients)), facts=_of(f, "recipients")
        ),
        CheckItem(
            id="transfers",
            article="13(1)(f)",
            conditional=True,
            status="not-stated" if not f.transfers else "partly" if "not-stated" in mechanisms else "stated",
            facts=_of(f, "transfers"),
        ),
        CheckItem(
            id="retention", article="13(2)(a)", conditional=False, status=_status(bool(f.retention)), facts=_of(f, "retention")
        ),
        CheckItem(
            id="rights",
            article="13(2)(b)",
            conditional=False,
            status="not-stated" if not rights else "stated" if rights >= set(CORE_RIGHTS) else "partly",
            facts=_of(f, "rights"),
            missing=tuple(r for r in CORE_RIGHTS if r not in rights) if rights else (),
        ),
        CheckItem(
            id="withdraw_consent",
            article="13(2)(c)",
            conditional=not relies_on_consent,
            status=_status("withdraw-consent" in rights),
            facts=tuple(("rights", r) for r in f.rights if r.right == "withdraw-consent"),
        ),
        CheckItem(
            id="complaint",
            article="13(2)(d)",
            conditional=False,
            status=_status(f.complaint is not None),
            facts=_of(f, "complaint"),
        ),
        CheckItem(
            id="automated_decisions",
            article="13(2)(f)",
            conditional=False,
            status=_status(f.automated_decisions is not None),
            facts=_of(f, "automated_decisions"),
        ),
        CheckItem(
            id="data_categories",
            article="14(1)(d)",
            conditional=True,
            status=_status(bool(f.data_categories)),
            facts=_of(f, "data_categories"),
        ),
        CheckItem(id="sources", article="14(2)(f)", conditional=True, status=_status(bool(f.sources)), facts=_of(f, "sources")),
    ]
    return Checklist(items=tuple(items), outdated=outdated_references(f, date))


def cited_law(field_name: str, fact: Any) -> str | None:
    """The law or transfer mechanism of ``laws.yaml`` a fact cites, if any (a law cited, a transfer's mechanism)."""
    if field_name == "legal_references":
        return str(fact.law)
    if field_name == "transfers" and fact.mechanism in LAWS:
        return str(fact.mechanism)
    return None


def outdated_references(facts: Facts, date: Any) -> tuple[Outdated, ...]:
    """Laws and transfer mechanisms the notice relies on that have stopped applying, once each."""
    cited: dict[str, str] = {}
    for field_name in ("legal_references", "transfers"):
        for fact in getattr(facts, field_name):
            law = cited_law(field_name, fact)
            if law is not None:
                cited.setdefault(law, fact.section)
    return tuple(
        Outdated(law=law, section=section, cited_after_end=LAWS[law].ended_by(date))
        for law, section in cited.items()
        if LAWS[law].ended is not None
    )


# --- views ------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class FactLine:
    text: str
    detail: str
    href: str
    """The anchor of the section that states it, relative to the notice page (``#tietojen-sailytys``)."""
    law: str | None = None
    """The law or transfer mechanism the fact cites (:func:`cited_law`)."""


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


_LABELLED_CHOICE = {"purposes": "legal_basis", "transfers": "mechanism", "cookies": "purpose"}
"""Details that are a bare fixed choice ('not stated') and so are shown with what they are."""


def to_line(field_name: str, item: Any, slug: str, lang: str) -> FactLine:
    text, detail = fact_line(field_name, item, lang)
    choice = _LABELLED_CHOICE.get(field_name)
    if choice:
        country = field_text(item, "country", lang) if hasattr(item, "country") else None
        if country and country.casefold() in text.casefold():
            country = None  # the text names it already: "Yhdysvallat", not "Yhdysvallat (Yhdysvallat, ...)"
        labelled = f"{labels(lang)['fact_fields'][choice]}: {field_text(item, choice, lang)}"
        detail = ", ".join(p for p in (country, labelled) if p)
    return FactLine(text=text, detail=detail, href=section_anchor(item.section, slug), law=cited_law(field_name, item))


def fact_lines(facts: Facts, slug: str, lang: str) -> dict[str, tuple[FactLine, ...]]:
    """Every fact as a line a reader of ``lang`` reads, by Facts field, in the model's order."""
    lines: dict[str, list[FactLine]] = {f.name: [] for f in dataclasses.fields(Facts)}
    for field_name, _name, item in fact_items(facts):
        lines[field_name].append(to_line(field_name, item, slug, lang))
    return {name: tuple(found) for name, found in lines.items()}


_SHOWN_WITH = {"no_dpo": "dpo"}
"""Facts that say there is none, shown in the row of what they deny ("no data protection officer (the notice
says so)" rather than "not stated")."""


def glance(facts: Facts, slug: str, lang: str) -> tuple[GlanceRow, ...]:
    """The "at a glance" panel: every Art. 13/14 fact, stated or not, linked to its section."""
    names = labels(lang)["fact_fields"]
    lines = fact_lines(facts, slug, lang)
    for denial, row in _SHOWN_WITH.items():
        lines[row] += lines.pop(denial)
    return tuple(GlanceRow(field=field_name, label=str(names[field_name]), lines=found) for field_name, found in lines.items())


@dataclass(frozen=True, kw_only=True, slots=True)
class CheckRow:
    id: str
    label: str
    article: str
    article_url: str
    status: Status
    status_label: str
    conditional_note: str | None
    missing: str | None
    lines: tuple[FactLine, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class OutdatedView:
    law: str
    """Its id in ``laws.yaml``."""
    name: str
    href: str
    """The section citing it, on the notice page."""
    explanation: str
    ended_short: str
    """What ended it, in a few words."""
    when: str
    source_url: str
    ended_source_url: str


@dataclass(frozen=True, kw_only=True, slots=True)
class ChecklistView:
    rows: tuple[CheckRow, ...]
    outdated: tuple[OutdatedView, ...]
    stated: int
    total: int


def _line_for(item_id: str, field_name: str, fact: Any, slug: str, lang: str) -> FactLine:
    line = to_line(field_name, fact, slug, lang)
    if item_id == "purposes":  # the bases are the next item's
        return FactLine(text=line.text, detail="", href=line.href)
    return line


def gdpr_article_url(article: str, lang: str) -> str:
    """EUR-Lex's GDPR text at the article (``13(2)(a)`` -> ``#art_13``)."""
    return f"{LAWS['gdpr'].source[lang]}#art_{article.split('(')[0]}"


def checklist_view(version: Version, date: Any, slug: str, lang: str) -> ChecklistView:
    t = labels(lang)
    result = checklist(version, date)
    rows = []
    for item in result.items:
        rows.append(
            CheckRow(
                id=item.id,
                label=str(t["checklist_items"][item.id]),
                article=item.article,
                article_url=gdpr_article_url(item.article, lang),
                status=item.status,
                status_label=str(t["checklist_status"][item.status]),
                conditional_note=str(t["checklist_conditions"][item.id])
                if item.conditional and item.status != "stated"
                else None,
                missing=", ".join(str(t["fact_values"][m]) for m in item.missing) or None,
                lines=tuple(_line_for(item.id, name, fact, slug, lang) for name, fact in item.facts),
            )
        )
    return ChecklistView(
        rows=tuple(rows), outdated=outdated_views(version, date, slug, lang), stated=result.stated, total=len(result.items)
    )


def outdated_views(version: Version, date: Any, slug: str, lang: str) -> tuple[OutdatedView, ...]:
    """What the version cites that no longer applies, explained with its sources (the checklist page, the notice's
    panel)."""
    t = labels(lang)
    return tuple(
        OutdatedView(
            law=o.law,
            name=LAWS[o.law].name[lang],
            href=section_anchor(o.section, slug),
            explanation=(LAWS[o.law].ended_because or {})[lang],
            ended_short=(LAWS[o.law].ended_short or {})[lang],
            when=str(t["outdated_after" if o.cited_after_end else "outdated_since"]).format(
                date=format_date(LAWS[o.law].ended, lang)  # type: ignore[arg-type]
            ),
            source_url=LAWS[o.law].source[lang],
            ended_source_url=(LAWS[o.law].ended_source or {})[lang],
        )
        for o in outdated_references(version.facts, date)
    )
