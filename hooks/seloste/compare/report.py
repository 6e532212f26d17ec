"""The change report: what a pull request does to the published notices, in Markdown.

Written into the pull request's job summary by CI and printed by ``seloste report`` and
``seloste changes``. Texts come from contributors, so everything is escaped for Markdown
and HTML before the template inserts it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import jinja2

from ..archive.emit import plain
from ..archive.localized import LANGUAGE_NAMES, LANGUAGES
from ..archive.model import Archive, Correction, OrganisationRecord, Version, VersionRecord
from ..archive.organisation import Organisation, Update
from ..labels import format_date, labels, plural
from ..limits import MAX_REPORT_BYTES
from ..markup.text import plain_text
from .blocks import shown_nested
from .diff import VersionDiff, diff_texts, diff_versions, first_diffs, separate_diffs, version_text
from .facts import LIST_FACTS, evidence_changes, unstated_facts
from .gaps import translation_gaps, untranslated_sections
from .lineage import section_lineages
from .untranslated import untranslated
from .words import Segment

TEMPLATES = Path(__file__).with_name("templates")
ItemKind = Literal["new-organisation", "organisation-details", "new-version", "corrected-version", "comparison"]

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


_MOVE_WORDS = {op: str(labels("en")["diff"][f"{op}_text"]) for op in ("moved_away", "moved_here")}
"""Each end of a moved line, as the report (in English) names it: the comparison page's words."""


def segments_markdown(segments: tuple[Segment, ...], row: bool = False) -> str:
    """Segments as Markdown: insertions and deletions marked, a moved line between ⟦↕ ↕⟧ saying which end of the move
    it is (``moved from here:``, ``moved here:``); a change of whitespace alone is no mark (the newer text's whitespace
    stands), and no mark is ever empty. ``row``: a table row's, whose cells stand on one line, between '|' (the line
    breaks in its text are the markup's, as the comparison page shows them)."""
    parts = []
    for segment in segments:
        text = escape_markdown(segment.text.replace("\n", " ") if row else segment.text)
        blank = not segment.text.strip()
        if segment.op == "equal" or (blank and segment.op == "insert"):
            parts.append(text)
        elif blank:
            continue
        elif segment.op == "insert":
            parts.append(f"<ins>{text}</ins>")
        elif segment.op == "delete":
            parts.append(f"<del>{text}</del>")
        else:  # the two ends of a move, told apart (as the page strikes one and underlines the other)
            parts.append(f"⟦↕{_MOVE_WORDS[segment.op]}: {text}↕⟧")
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class FieldChange:
    """A field of the data, by its dotted name (``address.city``, ``capture_noise[0]``), as it was and as it is."""

    field: str
    old: str | None
    new: str | None


def _flat(value: object, prefix: str = "") -> dict[str, str]:
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _flat(item, f"{prefix}.{key}" if prefix else key).items()}
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in _flat(item, f"{prefix}[{i}]").items()}
    return {prefix: str(value)}


def field_changes(old: object | None, new: object | None) -> tuple[FieldChange, ...]:
    """Every field of two values of the model that differs, in the order of the newer one's fields."""
    before = _flat(plain(old)) if old is not None else {}
    after = _flat(plain(new)) if new is not None else {}
    names = list(after) + [name for name in before if name not in after]
    return tuple(FieldChange(n, before.get(n), after.get(n)) for n in names if before.get(n) != after.get(n))


@dataclass(frozen=True, slots=True)
class CommentChange:
    """Comment lines of a data file that a change removed or added: they reach no page, but editors act on them
    (the first line names the schema an editor loads)."""

    path: str
    removed: tuple[str, ...]
    added: tuple[str, ...]


def _details(organisation: Organisation) -> Organisation:
    return dataclasses.replace(organisation, updates=())


@dataclass(frozen=True, kw_only=True, slots=True)
class ReportItem:
    kind: ItemKind
    organisation: OrganisationRecord
    old: VersionRecord | None
    new: VersionRecord
    diffs: dict[str, VersionDiff]
    """By site language (the text its pages show), then by each language of the organisation's own texts that no
    site language's pages show (the Swedish beside Finnish: :func:`separate_languages`); empty where there is no text
    to compare (the organisation's details)."""
    details: tuple[FieldChange, ...] = ()
    """The organisation's details: all of them for a new organisation, those changed otherwise."""
    updates: tuple[Update, ...] = ()
    """Updates of the organisation's details this change declares."""
    corrections: tuple[Correction, ...] = ()
    """Corrections of a published version this change declares."""
    source: tuple[FieldChange, ...] = ()
    """The version's source fields: all of them for a new version, those changed for a corrected one."""
    metadata: tuple[FieldChange, ...] = ()
    """A corrected version's own details that changed: its dates, its kind and summary of change, its languages."""
    draft: bool = False
    """A draft the tracker wrote: its kind of change and summary are for a person to set."""
    kept: tuple[tuple[str, str, int], ...] = ()
    """Under ``translation: unaffected``: (translation language, text, words changed) of each text whose original
    changed while its translation was kept as it was."""
    gaps: tuple[tuple[str, str], ...] = ()
    """(text, what to read again) where a translation new or changed in this version may leave a sentence of its
    original out (``gaps.py``)."""

    @property
    def titles(self) -> str:
        """The new version's title in each language it is given in: ``Tietosuojaseloste (fi) / Privacy notice (en)``."""
        title = self.new.version.title
        return " / ".join(f"{plain_text(title[lang])} ({lang})" for lang in title.languages)

    def heading(self, key: str) -> str:
        """The heading of the text ``diffs[key]`` compares: ``Suomi (fi): the organisation's own text``."""
        if key not in LANGUAGES:
            return f"{NATIVE_NAMES[key]} ({key}): the organisation's own text, on a page of its own"
        also = [LANGUAGE_NAMES[lang] for lang in self._untranslated() if self.new.version.reading(lang)[0] == key]
        return f"{NATIVE_NAMES[key]} ({key}): {self.reading(key)}" + "".join(
            f"; the {name} pages show it too, not translated" for name in also
        )

    def shown_diffs(self) -> list[tuple[str, VersionDiff]]:
        """The texts compared, each once: a site language's pages that show another's text untranslated (an English
        notice's Finnish pages) show the same words, compared under that language."""
        untranslated = self._untranslated()
        return [(key, diff) for key, diff in self.diffs.items() if key not in untranslated]

    def _untranslated(self) -> tuple[str, ...]:
        """The site languages whose pages show the original of another site language's own text, not translated."""
        return tuple(
            lang
            for lang in LANGUAGES
            if lang in self.diffs and (read := self.new.version.reading(lang))[1] == "original" and read[0] in self.diffs
        )

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
    env.globals.update(plural=plural, shown_nested=shown_nested, untranslated_sections=untranslated_sections)
    env.globals.update(evidence_changes=evidence_changes, unstated_facts=unstated_facts)
    return env


_FIRST: dict[ItemKind, int] = {"corrected-version": 0, "organisation-details": 0, "new-version": 1, "comparison": 1}
"""Which changes a cut report keeps first: what changes published text or details, then new versions, then new
organisations (all their text is new, and long)."""


def render_unloadable(title: str, errors: list[str], items: list[ReportItem] | None = None) -> str:
    """A draft's that does not load yet: ``errors``, then ``items`` (None where they could not be read: render_report)."""
    return render_report(items or [], title, problems=(errors, items is not None))


def render_report(
    items: list[ReportItem],
    title: str,
    comments: list[CommentChange] | None = None,
    *,
    full: str = "seloste changes",
    limit: int | None = None,
    problems: tuple[list[str], bool] | None = None,
) -> str:
    """The report in Markdown, at most ``limit`` bytes: past it, the changes to published notices come first, and a
    closing line says what was left out and how to see all of it (``full``, the command that prints it). ``problems``: a
    draft's that does not load yet (what to fix) and whether ``items`` are its changes read with the facts left out."""
    limit = MAX_REPORT_BYTES if limit is None else limit
    env = _environment()
    shared: dict[str, object] = {"labels": {lang: labels(lang) for lang in LANGUAGES}, "languages": LANGUAGES}
    shared.update(list_facts=LIST_FACTS, facts_read=not (problems and problems[1]))  # a draft read without its facts
    head = env.get_template("report.md").render(items=items, comments=comments, title=title, problems=problems)
    parts = [env.get_template("comments.md").render(comments=comments or [])] if comments else []
    order = sorted(range(len(items)), key=lambda i: _FIRST.get(items[i].kind, 2))
    room = limit - _size(head) - _CLOSING_ROOM
    shown: dict[int, str] = {}
    skipped: tuple[int, str] | None = None

    def item(index: int, heading: bool) -> str:
        return env.get_template("item.md").render(item=items[index], heading=heading, **shared)

    def follows(index: int) -> bool:  # the change before it was the same organisation's
        return index > 0 and items[index - 1].organisation.slug == items[index].organisation.slug

    for index in [-1] * len(parts) + order:  # the comments first, then the changes by what they change
        text = parts[0] if index < 0 else item(index, not follows(index))
        if _size(text) <= room:
            shown[index] = text
            room -= _size(text)
        elif skipped is None:
            skipped = (index, text)
    for index in [i for i in shown if i >= 0 and follows(i) and i - 1 not in shown]:
        shown[index] = item(index, True)  # the change it followed was left out: it names its organisation itself
    if skipped is None:
        return head + "".join(shown[i] for i in [-1] * len(parts) + list(range(len(items))))
    cut = None
    if room >= _CLOSING_ROOM:  # the first part that did not fit, as much of it as fits, if that is something
        shown[skipped[0]] = _lines_within(skipped[1], room) + "\n"
        cut = _name(items[skipped[0]]) if skipped[0] >= 0 else "the comments changed"
    left_out = [_name(items[i]) for i in range(len(items)) if i not in shown]
    closing = env.get_template("cut.md").render(limit=limit, left_out=left_out, total=len(items), cut=cut, full=full)
    return head + "".join(shown[i] for i in sorted(shown)) + closing


_CLOSING_ROOM = 8_192
"""Bytes kept for the closing line of a cut report (twenty names of what was left out, at most)."""


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _lines_within(text: str, room: int) -> str:
    """The whole lines of ``text`` that fit in ``room`` bytes."""
    kept = text.encode("utf-8")[: max(room, 0)].decode("utf-8", "ignore")
    return kept[: kept.rfind("\n") + 1]


def _name(item: ReportItem) -> str:
    what = {"new-organisation": "new organisation", "organisation-details": "details", "corrected-version": "correction"}
    return f"{item.organisation.slug} ({what.get(item.kind, 'version')} {item.new.id})"


def comparison(record: OrganisationRecord, old_id: str, new_id: str) -> ReportItem:
    old, new = record.version(old_id), record.version(new_id)
    ids = [v.id for v in record.versions]
    lineages = section_lineages(record.versions)
    return ReportItem(
        kind="comparison",
        organisation=record,
        old=old,
        new=new,
        diffs={
            **{lang: diff_versions(old, new, lang, lineages) for lang in LANGUAGES},
            **separate_diffs(old, new, lineages.get(old.id), lineages.get(new.id)),
        },
        kept=_kept(old, new) if ids.index(new_id) == ids.index(old_id) + 1 else (),  # declared against the one before
        gaps=translation_gaps(old.version, new.version),
    )


NATIVE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
"""Each language by its own name, in the report's headings."""


def _declared(before: tuple, after: tuple) -> tuple:
    """The entries of a list of declarations (updates, corrections) that ``after`` adds to ``before``."""
    return after[len(before) :] if after[: len(before)] == before else after


_METADATA = (
    "published_in", "stated_date", "stated_month", "recorded_date", "changed_after", "first_published", "change", "translation"
)  # fmt: skip
"""A version's own details that pages show (dates, the change's kind and summary, languages), apart from its text."""


def _metadata(version: Version) -> dict[str, object]:
    data = plain(version)
    return {key: data[key] for key in _METADATA if key in data}


def _kept(previous: VersionRecord | None, version: VersionRecord) -> tuple[tuple[str, str, int], ...]:
    """What ``translation: unaffected`` covers in ``version``: each text whose translation it keeps as it was."""
    if previous is None or version.version.translation != "unaffected":
        return ()
    ids = [section.id for section in version.version.sections]
    return tuple((lang, _with_id(name, ids), words) for lang, name, words in untranslated(previous.version, version.version))


def _with_id(name: str, ids: list[str]) -> str:
    """A section's text named with its id too, for a reader of the report: ``sections[8].body (oikeusperuste)``."""
    index = re.match(r"sections\[([0-9]+)\]", name)
    return f"{name} ({ids[int(index[1])]})" if index else name


def changes(base: Archive, head: Archive) -> list[ReportItem]:
    """Everything ``head`` changes that readers or editors will see, relative to ``base``: each new organisation with
    its details, changed details of a published one with their declared updates, and each new or corrected version
    with its text (a new organisation's first version in full), facts, source and declared corrections."""
    items: list[ReportItem] = []
    published = {record.slug: record for record in base.organisations}
    for record in head.organisations:
        before = published.get(record.slug)
        organisation = record.organisation
        if before is None:
            details = field_changes(None, _details(organisation))
            items.append(
                ReportItem(
                    kind="new-organisation", organisation=record, old=None, new=record.current, diffs={},
                    details=details, updates=organisation.updates,
                )
            )  # fmt: skip
        else:
            details = field_changes(_details(before.organisation), _details(organisation))
            updates = _declared(before.organisation.updates, organisation.updates)
            if details or updates:
                items.append(
                    ReportItem(
                        kind="organisation-details", organisation=record, old=None, new=record.current, diffs={},
                        details=details, updates=updates,
                    )
                )  # fmt: skip
        old_versions = {v.id: v for v in before.versions} if before else {}
        lineages = section_lineages(record.versions)
        published_lineages = section_lineages(before.versions) if before else {}
        for index, version in enumerate(record.versions):
            previous: VersionRecord | None
            if version.id in old_versions:
                previous = old_versions[version.id]
                if previous.version == version.version:
                    continue
                kind: ItemKind = "corrected-version"
                corrections = _declared(previous.version.corrections, version.version.corrections)
                source = field_changes(previous.version.source, version.version.source)
                metadata = field_changes(_metadata(previous.version), _metadata(version.version))
            else:
                previous = record.versions[index - 1] if index else None
                kind, corrections = "new-version", version.version.corrections
                source = field_changes(None, version.version.source)
                metadata = ()
            if previous is None:
                diffs = first_diffs(version)
            else:
                # a corrected version is compared with itself as published, each with its own history's lineages
                old_lineage = (published_lineages if kind == "corrected-version" else lineages).get(previous.id)
                diffs = {
                    lang: diff_texts(
                        version_text(previous, lang, old_lineage), version_text(version, lang, lineages.get(version.id)), lang
                    )
                    for lang in LANGUAGES
                }
                diffs |= separate_diffs(previous, version, old_lineage, lineages.get(version.id))
            items.append(
                ReportItem(
                    kind=kind, organisation=record, old=previous, new=version, diffs=diffs,
                    corrections=corrections, source=source, metadata=metadata, kept=_kept(previous, version),
                    gaps=translation_gaps(previous.version if previous else None, version.version),
                )
            )  # fmt: skip
    return items
