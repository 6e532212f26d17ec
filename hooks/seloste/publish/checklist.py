"""What a notice states, item by item in GDPR Art. 13/14 terms (and, where it processes them, the condition for
sensitive data, Art. 9 and 10, and the ground for the personal identity code, Data Protection Act section 29),
and what in it is out of date.

This describes the text, not the organisation's compliance: an item is "stated" when the
notice says it, whatever it says. The views here feed the "at a glance" panel of a notice
page, its checklist page and the comparison of organisations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..archive.evidence import fact_items
from ..archive.facts import Facts
from ..archive.laws import LAWS
from ..archive.model import Version
from ..labels import format_date, labels
from .factlines import FactLine, cited_laws, section_anchor, to_line

Status = Literal["stated", "partly", "not-stated"]
Answer = Literal["some", "none"]
"""What a notice says of an item that can be none (recipients, transfers, a DPO, sensitive data, the identity
code): it names some, or it says there is none. Neither: it does not say (status not-stated)."""
Act = Literal["gdpr", "tietosuojalaki-1050-2018"]
"""The act an item's article is of: the GDPR, or the Data Protection Act (1050/2018)."""

CORE_RIGHTS = ("access", "rectification", "erasure", "restriction", "objection", "portability")
"""The rights Art. 13(2)(b) requires a notice to name."""


@dataclass(frozen=True, kw_only=True, slots=True)
class CheckItem:
    """One Art. 13/14 item: which facts the notice states for it."""

    id: str
    article: str
    """GDPR article, e.g. ``13(1)(c)``; or the section of ``act``."""
    conditional: bool
    """Required only where it applies (a DPO appointed, data transferred, consent relied on, ...)."""
    status: Status
    facts: tuple[tuple[str, Any], ...]
    """(Facts field, fact) for each fact that bears on the item."""
    missing: tuple[str, ...] = ()
    """For a partly stated item: what is not stated (fixed choices such as right ids)."""
    act: Act = "gdpr"
    """Whose article or section ``article`` is."""
    answer: Answer | None = None
    """Of an item that can be none: whether the notice names some or says there is none; None where it does not say,
    or the item cannot be none."""


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


def _sensitive_status(f: Facts) -> Status:
    """The condition or law for each category of sensitive data the notice processes; "we process none" states it
    too."""
    given = [entry.basis_stated for entry in f.sensitive_data]
    if not given:
        return _status(f.no_sensitive_data is not None)
    return "stated" if all(given) else "partly" if any(given) else "not-stated"


def _answer(some: object, none: object) -> Answer | None:
    """Some where the notice names any (whatever it also says there is none of), none where it only says there is
    none, None where it says neither."""
    return "some" if some else "none" if none else None


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
    bases = [basis for p in f.purposes for basis in p.legal_bases]
    given = [p for p in f.purposes if p.basis_stated]  # an Art. 6(1) basis, or the national law it rests on
    rights = {r.right for r in f.rights}
    relies_on_consent = "consent" in bases
    controller = f.controller
    controller_contact = controller is not None and (
        any((controller.email, controller.phone, controller.address)) or f.contact is not None
    )
    mechanisms = [t.mechanism for t in f.transfers]

    items = [
        CheckItem(
            id="controller",
            article="13(1)(a)",
            conditional=False,
            status="not-stated" if controller is None else "stated" if controller_contact else "partly",  # who, first
            facts=_of(f, "controller", "contact"),
        ),
        CheckItem(
            id="dpo",
            article="13(1)(b)",
            conditional=True,
            status=_status(f.dpo is not None or f.no_dpo is not None),  # "we have none" states it too
            facts=_of(f, "dpo", "no_dpo"),
            answer=_answer(f.dpo, f.no_dpo),
        ),
        CheckItem(
            id="purposes", article="13(1)(c)", conditional=False, status=_status(bool(f.purposes)), facts=_of(f, "purposes")
        ),
        CheckItem(
            id="legal_bases",
            article="13(1)(c)",
            conditional=False,
            status="not-stated" if not given else "stated" if len(given) == len(f.purposes) else "partly",
            facts=_of(f, "purposes"),
        ),
        CheckItem(
            id="recipients",
            article="13(1)(e)",
            conditional=False,
            status=_status(bool(f.recipients or f.no_recipients)),  # "not disclosed to third parties" states it too
            facts=_of(f, "no_recipients", "recipients"),
            answer=_answer(f.recipients, f.no_recipients),
        ),
        CheckItem(
            id="transfers",
            article="13(1)(f)",
            conditional=True,
            status="partly"
            if "not-stated" in mechanisms
            else "stated"
            if f.transfers or f.no_transfers  # "not transferred outside the EU/EEA" states it too
            else "not-stated",
            facts=_of(f, "no_transfers", "transfers"),
            answer=_answer(f.transfers, f.no_transfers),
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
        CheckItem(
            id="sensitive_data",
            article="9(2), 10",
            conditional=not f.sensitive_data,
            status=_sensitive_status(f),
            facts=_of(f, "sensitive_data", "no_sensitive_data"),
            answer=_answer(f.sensitive_data, f.no_sensitive_data),
        ),
        CheckItem(
            id="identity_code",
            article="29",
            act="tietosuojalaki-1050-2018",
            conditional=f.identity_code is None,
            status=_status(f.no_identity_code is not None or (f.identity_code is not None and f.identity_code.ground_stated)),
            facts=_of(f, "identity_code", "no_identity_code"),
            answer=_answer(f.identity_code, f.no_identity_code),
        ),
    ]
    return Checklist(items=tuple(items), outdated=outdated_references(f, date))


def outdated_references(facts: Facts, date: Any) -> tuple[Outdated, ...]:
    """Laws and transfer mechanisms the notice relies on that have stopped applying, once each."""
    cited: dict[str, str] = {}
    items = sorted(fact_items(facts), key=lambda found: found[0] != "legal_references")  # where it is cited as a law first
    for field_name, _name, fact in items:
        for law in cited_laws(field_name, fact):
            cited.setdefault(law, fact.section)
    return tuple(
        Outdated(law=law, section=section, cited_after_end=LAWS[law].ended_by(date))
        for law, section in cited.items()
        if LAWS[law].ended is not None
    )


# --- views ------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True, slots=True)
class CheckRow:
    id: str
    label: str
    article: str
    article_label: str
    """The article or section with its act: ``Artikla 13(1)(a)``, ``Data Protection Act, section 29``."""
    article_url: str
    status: Status
    status_label: str
    conditional_note: str | None
    missing: str | None
    lines: tuple[FactLine, ...]
    flags: tuple[str, ...] = ()
    """What is wrong in its facts as the notice states them (a business ID that is not a valid one)."""
    answer: Answer | None = None
    answer_label: str | None = None
    """Of an item that can be none, what the notice says in words: 'names recipients', 'says data is not disclosed'."""


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


def article_url(item: CheckItem, lang: str) -> str:
    """Where the item's article stands: the GDPR's on EUR-Lex, or the act on Finlex."""
    return gdpr_article_url(item.article, lang) if item.act == "gdpr" else LAWS[item.act].source[lang]


def checklist_view(version: Version, date: Any, slug: str, lang: str) -> ChecklistView:
    t = labels(lang)
    result = checklist(version, date)
    rows = []
    for item in result.items:
        lines = tuple(_line_for(item.id, name, fact, slug, lang) for name, fact in item.facts)
        rows.append(
            CheckRow(
                id=item.id,
                label=str(t["checklist_items"][item.id]),
                article=item.article,
                article_label=str(t["checklist_acts"][item.act]).format(article=item.article),
                article_url=article_url(item, lang),
                status=item.status,
                status_label=str(t["checklist_status"][item.status]),
                conditional_note=str(t["checklist_conditions"][item.id])
                if item.conditional and item.status != "stated"
                else None,
                missing=", ".join(str(t["fact_values"][m]) for m in item.missing) or None,
                lines=lines,
                flags=tuple(line.flag for line in lines if line.flag),
                answer=item.answer,
                answer_label=str(t["checklist_answers"][item.id][item.answer]) if item.answer else None,
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
