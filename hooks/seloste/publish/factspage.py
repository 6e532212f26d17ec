"""The facts page: organisations side by side by their current notices' facts, with filters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..archive.facts import Facts
from ..archive.laws import LAWS
from ..archive.model import Archive
from ..archive.types import country_names
from ..compare.facts import fact_line
from .checklist import checklist
from .dates import DateView, date_view
from .factlines import to_line
from .tools import is_tool, named_tools
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
    """The tools (cookie tools and recipients) the notice names, each once under its one name, and its other
    recipients as written; cookies in general are not a tool."""
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
    """The tools and services the notices name, each once."""
    recipients: tuple[Choice, ...]
    """The other recipients they name, as written."""


def _tool_id(name: str) -> str:
    return "-".join(re.findall(r"\w+", name.casefold()))


def _named(facts: Facts, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """The tools and the other recipients ``facts`` name, each by id, in the order the facts name them. A tool of
    the table (tools.yaml) is listed under its one name, whatever the spelling; a cookie's tool the table does not
    know and any other recipient, as written."""
    tools: dict[str, str] = {}
    recipients: dict[str, str] = {}
    named = [(c.tool[lang], tools) for c in facts.cookies if is_tool(c.tool[lang])]
    for name, kind in named + [(r.name[lang], recipients) for r in facts.recipients]:
        known = named_tools(name)
        for tool in known:
            tools.setdefault(tool.id, tool.name)
        if not known:
            kind.setdefault(_tool_id(name), name)
    return tools, {key: name for key, name in recipients.items() if key not in tools}


def _choices(names: dict[str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(value=i, label=n) for i, n in sorted(names.items(), key=lambda x: x[1].casefold()))


def _transfer_text(transfer: Any, slug: str, lang: str) -> str:
    line = to_line("transfers", transfer, slug, lang)
    return f"{line.text} ({line.detail})"


def facts_page_view(archive: Archive, lang: str) -> FactsPageView:
    names = country_names(lang)
    countries: dict[str, str] = {}
    tools: dict[str, str] = {}
    recipients: dict[str, str] = {}
    rows = []
    for record in sorted(archive.organisations, key=lambda r: r.organisation.name.casefold()):
        version = record.current.version
        f = version.facts
        result = checklist(version, record.current.date)
        codes = sorted({c for c in (*(x.country for x in f.transfers), *(x.country for x in f.recipients)) if c})
        countries.update((code, names.get(code, code)) for code in codes)
        row_tools, row_recipients = _named(f, lang)
        tools.update(row_tools)
        recipients.update(row_recipients)
        named_ids = row_tools | row_recipients
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
        tools=_choices(tools),
        recipients=_choices({key: name for key, name in recipients.items() if key not in tools}),
    )
