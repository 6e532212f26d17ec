"""The change report: what a pull request does to the published notices, in Markdown.

Written into the pull request's job summary by CI and printed by ``seloste report`` and
``seloste changes``. Texts come from contributors, so everything is escaped for Markdown
and HTML before the template inserts it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import jinja2

from ..archive.localized import LANGUAGE_NAMES, LANGUAGES
from ..archive.model import Archive, OrganisationRecord, VersionRecord
from ..labels import format_date, labels
from ..markup.text import plain_text
from .diff import VersionDiff, diff_versions
from .facts import LIST_FACTS
from .words import Segment

TEMPLATES = Path(__file__).with_name("templates")
ItemKind = Literal["new-organisation", "new-version", "corrected-version", "comparison"]

_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]|~])")
_MARKDOWN_BLOCK_START = re.compile(r"^(\s*)([0-9]+)([.)])|^(\s*)([#>+\-=])", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """Text as literal Markdown: HTML characters as entities, inline markup and line-start markers escaped."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)
    text = _MARKDOWN_BLOCK_START.sub(lambda m: f"{m[1]}{m[2]}\\{m[3]}" if m[2] else f"{m[4]}\\{m[5]}", text)
    return text.replace("\n", "<br>")


def code_markdown(text: str) -> str:
    """Text as a Markdown code span, shown exactly as it is and never a link: a fence longer than any run of
    backticks in it (CommonMark), the text on one line."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {' '.join(text.split())} {fence}"


def segments_markdown(segments: tuple[Segment, ...]) -> str:
    parts = []
    for segment in segments:
        text = escape_markdown(segment.text)
        if segment.op == "insert":
            parts.append(f"<ins>{text}</ins>")
        elif segment.op == "delete":
            parts.append(f"<del>{text}</del>")
        else:
            parts.append(text)
    return "".join(parts)


@dataclass(frozen=True, kw_only=True, slots=True)
class ReportItem:
    kind: ItemKind
    organisation: OrganisationRecord
    old: VersionRecord | None
    new: VersionRecord
    diffs: dict[str, VersionDiff]
    """By language; empty for a new organisation."""

    @property
    def titles(self) -> str:
        """The new version's title in each language it is given in: ``Tietosuojaseloste (fi) / Privacy notice (en)``."""
        title = self.new.version.title
        return " / ".join(f"{plain_text(title[lang])} ({lang})" for lang in title.languages)

    def reading(self, lang: str) -> str:
        """Whose text the pages in ``lang`` show: ``the organisation's own``, ``the archive's translation`` or ``the
        original in English (not translated)``."""
        text_lang, whose = self.new.version.reading(lang)
        if whose == "original":
            return f"the original in {LANGUAGE_NAMES[text_lang]} (not translated)"
        return "the organisation's own text" if whose == "own" else "the archive's translation"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,  # Markdown: every text passes through the md filter instead
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = escape_markdown
    env.filters["segments"] = segments_markdown
    env.filters["code"] = code_markdown
    env.globals["format_date"] = format_date
    return env


def render_report(items: list[ReportItem], title: str) -> str:
    template = _environment().get_template("report.md")
    return template.render(
        items=items, title=title, labels={lang: labels(lang) for lang in LANGUAGES}, languages=LANGUAGES, list_facts=LIST_FACTS
    )


def comparison(record: OrganisationRecord, old_id: str, new_id: str) -> ReportItem:
    old, new = record.version(old_id), record.version(new_id)
    return ReportItem(
        kind="comparison",
        organisation=record,
        old=old,
        new=new,
        diffs={lang: diff_versions(old, new, lang) for lang in LANGUAGES},
    )


def changes(base: Archive, head: Archive) -> list[ReportItem]:
    """Every new organisation, new version and corrected version of ``head`` relative to ``base``."""
    items: list[ReportItem] = []
    published = {record.slug: record for record in base.organisations}
    for record in head.organisations:
        before = published.get(record.slug)
        if before is None:
            items.append(ReportItem(kind="new-organisation", organisation=record, old=None, new=record.current, diffs={}))
            continue
        old_versions = {v.id: v for v in before.versions}
        for index, version in enumerate(record.versions):
            previous: VersionRecord | None
            if version.id in old_versions:
                previous = old_versions[version.id]
                if previous.version == version.version:
                    continue
                kind: ItemKind = "corrected-version"
            else:
                previous = record.versions[index - 1] if index else None
                kind = "new-version"
            diffs = {lang: diff_versions(previous, version, lang) for lang in LANGUAGES} if previous else {}
            items.append(ReportItem(kind=kind, organisation=record, old=previous, new=version, diffs=diffs))
    return items
