"""The facts page: organisations side by side by their current notices' facts, with filters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..archive.laws import LAWS
from ..archive.model import Archive
from ..archive.types import country_names
from ..compare.facts import fact_line
from .checklist import checklist, to_line
from .pages import DateView, date_view
from .urls import checklist_path, facts_path, notice_path, root_of, site_url


@dataclass(frozen=True, kw_only=True, slots=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True, kw_only=True, slots=True)
class FactsRow:
    name: str
    url: str
    checklist_url: str
    version: DateView
    stated: int
    total: int
    transfers: tuple[str, ...]
    """Destinations with their safeguards, as readers read them."""
    tools: tuple[str, ...]
    """Cookie tools and named recipients."""
    retention: tuple[str, ...]
    """The periods stated."""
    outdated: tuple[str, ...]
    """Names of the laws cited that no longer apply."""
    filters: dict[str, str]
    """data-* attributes the page's filter script matches on: countries and tools as space-separated ids, flags as 1/0."""


@dataclass(frozen=True, kw_only=True, slots=True)
class FactsPageView:
    lang: str
    root: str
    rows: tuple[FactsRow, ...]
    countries: tuple[Choice, ...]
    tools: tuple[Choice, ...]


def _tool_id(name: str) -> str:
    return "-".join(re.findall(r"\w+", name.casefold()))


def _transfer_text(transfer: Any, slug: str, lang: str) -> str:
    line = to_line("transfers", transfer, slug, lang)
    return f"{line.text} ({line.detail})"


def facts_page_view(archive: Archive, lang: str) -> FactsPageView:
    names = country_names(lang)
    countries: dict[str, str] = {}
    tools: dict[str, str] = {}
    rows = []
    for record in sorted(archive.organisations, key=lambda r: r.organisation.name.casefold()):
        version = record.current.version
        f = version.facts
        result = checklist(version, record.current.date)
        codes = sorted({c for c in (*(x.country for x in f.transfers), *(x.country for x in f.recipients)) if c})
        countries.update((code, names.get(code, code)) for code in codes)
        named = [fact_line("cookies", c, lang)[0] for c in f.cookies] + [
            fact_line("recipients", r, lang)[0] for r in f.recipients
        ]
        named_ids: dict[str, str] = {}
        for tool in named:
            named_ids.setdefault(_tool_id(tool), tool)
        tools.update(named_ids)
        rows.append(
            FactsRow(
                name=record.organisation.name,
                url=site_url(lang, notice_path(record.slug)),
                checklist_url=site_url(lang, checklist_path(record.slug)),
                version=date_view(record.current.date, lang),
                stated=result.stated,
                total=len(result.items),
                transfers=tuple(_transfer_text(x, record.slug, lang) for x in f.transfers),
                tools=tuple(named_ids.values()),
                retention=tuple(fact_line("retention", x, lang)[1] for x in f.retention),
                outdated=tuple(LAWS[o.law].name[lang] for o in result.outdated),
                filters={
                    "countries": " ".join(codes),
                    "tools": " ".join(named_ids),
                    "retention": "1" if f.retention else "0",
                    "dpo": "1" if f.dpo else "0",
                    "bases": "1" if any(i.id == "legal_bases" and i.status == "stated" for i in result.items) else "0",
                    "outdated": "1" if result.outdated else "0",
                },
            )
        )
    return FactsPageView(
        lang=lang,
        root=root_of(site_url(lang, facts_path())),
        rows=tuple(rows),
        countries=tuple(Choice(value=c, label=n) for c, n in sorted(countries.items(), key=lambda x: x[1])),
        tools=tuple(Choice(value=i, label=n) for i, n in sorted(tools.items(), key=lambda x: x[1].casefold())),
    )
