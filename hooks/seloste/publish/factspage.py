"""The facts page: organisations side by side by their current notices' facts, with filters."""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass
from typing import Any

from ..archive.facts import Facts, SensitiveCategory
from ..archive.laws import LAWS
from ..archive.localized import alphabetical
from ..archive.model import Archive
from ..archive.types import country_names
from ..compare.facts import fact_line, fact_value_label, stated_none_text
from ..labels import labels
from .checklist import checklist
from .dates import DateView, version_date_view
from .factlines import to_line
from .tools import is_own_storage, is_tool, named_tools
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
    """Destinations with their safeguards, as readers read them; and that the notice says data is not transferred
    outside the EU/EEA, where it does: first where it says so of all its data, last where of part of it."""
    tools: tuple[str, ...]
    """The tools (cookie tools and recipients) the notice names, each once under its one name, and its other
    recipients as written; cookies in general are not a tool."""
    disclosure: tuple[str, ...]
    """That the notice says it discloses data to no third parties, where it does (of which data, if of part)."""
    retention: tuple[str, ...]
    """The periods stated."""
    outdated: tuple[str, ...]
    """Names of the laws cited that no longer apply."""
    sensitive: tuple[str, ...]
    """What readers look for first: the categories of sensitive data, the personal identity code, children's data
    with its age limits; or that the notice says it processes no sensitive data or no identity code."""
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
    categories: tuple[Choice, ...]
    """The categories of sensitive data the notices say they process, in the model's order."""


def _tool_id(name: str) -> str:
    return "-".join(re.findall(r"\w+", name.casefold()))


def _named(facts: Facts, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """The tools and the other recipients ``facts`` name, each by id, in the order the facts name them. A tool of
    the table (tools.yaml) is listed under its one name, whatever the spelling; a cookie's tool the table does not
    know and any other recipient, as written; a cookie of the site's own (``theme``, ``cookie_consent``), not at all."""
    tools: dict[str, str] = {}
    recipients: dict[str, str] = {}
    cookies = [c.tool[lang] for c in facts.cookies if is_tool(c.tool[lang]) and not is_own_storage(c.tool[lang])]
    named = [(name, tools) for name in cookies]
    for name, kind in named + [(r.name[lang], recipients) for r in facts.recipients]:
        known = named_tools(name)
        for tool in known:
            tools.setdefault(tool.id, tool.name)
        if not known:
            kind.setdefault(_tool_id(name), name)
    return tools, {key: name for key, name in recipients.items() if key not in tools}


def _choices(names: dict[str, str], lang: str) -> tuple[Choice, ...]:
    return tuple(Choice(value=i, label=n) for i, n in sorted(names.items(), key=lambda x: alphabetical(x[1], lang)))


def _transfer_text(transfer: Any, slug: str, lang: str) -> str:
    line = to_line("transfers", transfer, slug, lang)
    return f"{line.text} ({line.detail})"


def _denials(field_name: str, entries: tuple[Any, ...], slug: str, lang: str, *, of_part: bool) -> tuple[str, ...]:
    """What the notice says there is none of, of all its data or (``of_part``) of the part it names, as the panel
    reads it: 'data is not transferred outside the EU/EEA (the notice says so) (data: web server log data)'."""
    lines = (to_line(field_name, entry, slug, lang) for entry in entries if (entry.data is not None) == of_part)
    return tuple(dict.fromkeys(f"{line.text} ({line.detail})" if line.detail else line.text for line in lines))


def _sensitive(facts: Facts, lang: str) -> tuple[str, ...]:
    """A notice's sensitive data, identity code and children as the facts page lists them: 'terveystiedot',
    'henkilötunnus', 'lasten tiedot (ikäraja: 15 vuotta)'; and what it says it does not process."""
    t = labels(lang)
    shown = [fact_value_label(entry.category, lang) for entry in facts.sensitive_data]
    shown += [stated_none_text(name, lang) for name in ("no_sensitive_data", "no_identity_code") if getattr(facts, name)]
    if facts.identity_code is not None:
        shown.append(str(t["facts_page_identity_code"]))
    if facts.children:
        ages = [str(t["age_years"]).format(age=c.age_limit) for c in facts.children if c.age_limit]
        limit = f" ({t['fact_fields']['age_limit']}: {', '.join(ages)})" if ages else ""
        shown.append(f"{t['facts_page_children']}{limit}")
    return tuple(dict.fromkeys(shown))


def facts_page_view(archive: Archive, lang: str) -> FactsPageView:
    names = country_names(lang)
    countries: dict[str, str] = {}
    tools: dict[str, str] = {}
    recipients: dict[str, str] = {}
    categories: set[str] = set()
    rows = []
    for record in sorted(archive.organisations, key=lambda r: (alphabetical(r.organisation.name_in(lang), lang), r.slug)):
        version = record.current.version
        f = version.facts
        result = checklist(version, record.current.known_from)
        codes = sorted({c for c in (*(x.country for x in f.transfers), *(x.country for x in f.recipients)) if c})
        countries.update((code, names.get(code, code)) for code in codes)
        row_tools, row_recipients = _named(f, lang)
        tools.update(row_tools)
        recipients.update(row_recipients)
        named_ids = row_tools | row_recipients
        row_categories = list(dict.fromkeys(entry.category for entry in f.sensitive_data))
        categories.update(row_categories)
        rows.append(
            FactsRow(
                name=record.organisation.name_in(lang),
                url=site_url(lang, notice_path(record.slug)),
                checklist_url=site_url(lang, checklist_path(record.slug)),
                version=version_date_view(record.current, lang),
                stated=result.stated,
                total=len(result.items),
                transfers=_denials("no_transfers", f.no_transfers, record.slug, lang, of_part=False)
                + tuple(_transfer_text(x, record.slug, lang) for x in f.transfers)
                + _denials("no_transfers", f.no_transfers, record.slug, lang, of_part=True),
                tools=tuple(named_ids.values()),
                disclosure=_denials("no_recipients", f.no_recipients, record.slug, lang, of_part=False)
                + _denials("no_recipients", f.no_recipients, record.slug, lang, of_part=True),
                retention=tuple(fact_line("retention", x, lang)[1] for x in f.retention),
                outdated=tuple(LAWS[o.law].name[lang] for o in result.outdated),
                sensitive=_sensitive(f, lang),
                filters={
                    "categories": " ".join(row_categories),
                    "sensitive": "1" if f.sensitive_data else "0",
                    "idcode": "1" if f.identity_code else "0",
                    "children": "1" if f.children else "0",
                    "countries": " ".join(codes),
                    "tools": " ".join(named_ids),
                    "retention": "1" if f.retention else "0",
                    "dpo": "1" if f.dpo else "0",
                    "notransfers": "1" if f.no_transfers and not f.transfers else "0",
                    "bases": "1" if any(i.id == "legal_bases" and i.status == "stated" for i in result.items) else "0",
                    "outdated": "1" if result.outdated else "0",
                },
            )
        )
    return FactsPageView(
        lang=lang,
        root=root_of(site_url(lang, facts_path())),
        rows=tuple(rows),
        countries=tuple(Choice(value=c, label=n) for c, n in sorted(countries.items(), key=lambda x: alphabetical(x[1], lang))),
        tools=_choices(tools, lang),
        recipients=_choices({key: name for key, name in recipients.items() if key not in tools}, lang),
        categories=tuple(
            Choice(value=c, label=fact_value_label(c, lang)) for c in typing.get_args(SensitiveCategory) if c in categories
        ),
    )
