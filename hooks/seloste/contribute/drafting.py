"""A draft version's text out of a notice's captures: the title, and a section at each heading.

The captures are the pages as :mod:`.extract` made them (or Markdown and text files as they are); the draft's texts
are their lines, so that the draft passes the fidelity check by construction. A notice over several pages takes its
title from the first; a later page with a title of its own is one section, its headings inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..markup.sitesource import Dialect, text_file
from .extract import RELATIVE_LINK, ExtractError
from .plaintext import as_markdown as plain_text_as_markdown
from .wrapping import draft_markdown

if TYPE_CHECKING:
    from ..archive.model import Version


@dataclass(frozen=True, slots=True)
class Draft:
    """A notice's text as a draft version's: the title, and (heading or None, Markdown body) per section."""

    title: str
    sections: tuple[tuple[str | None, str], ...]
    notes: tuple[str, ...] = ()
    """What reading a site's source could not tell, where it kept the text (``tietosuoja.mdx:12:1: '<Nimi>' is read as
    text ...``): for the person importing to check against the page."""


_ATX_START = re.compile(r"^(#{1,6})\s+(.*)$")


def _atx(line: str) -> tuple[int, str] | None:
    """A Markdown heading line's level and text, without its closing hashes: (2, 'Foo') for ``## Foo ##``. Trimmed in
    Python, not by a lazy pattern that tries every split of a long run of spaces or hashes (cubic in it)."""
    match = _ATX_START.match(line)
    return (len(match[1]), match[2].rstrip().rstrip("#").rstrip()) if match else None


_EMPTY_HEADING = re.compile(r"^#{1,6}[ \t]*$")
_BOLD_LINE = re.compile(r"^\*\*([^*\n]{2,120})\*\*:?$")
_LINK = re.compile(r"!?\[([^\[\]]*+)\]\([^)\[]*+\)")
"""A link or image; its text and address hold no ``[``, so that each attempt reads no further than the next one."""


def _heading_text(text: str) -> str:
    """A heading as the draft writes it: its words, without emphasis or links (a heading carries none)."""
    text = _LINK.sub(r"\1", text)
    return re.sub(r"\*\*|__", "", text).strip()


_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)\n(.*?)\n(?:\1|\.\.\.)\n", re.DOTALL)
_FRONT_TITLE = re.compile(r"^title\s*[:=]\s*(.*)$", re.MULTILINE)


def _without_front_matter(capture: str) -> tuple[str, str | None]:
    """A Markdown file's text without its front matter (metadata no reader sees), and the title it gives."""
    match = _FRONT_MATTER.match(capture)
    if not match:
        return capture, None
    title = _FRONT_TITLE.search(match[2])
    if not title:
        return capture[match.end() :], None
    value = title[1].removeprefix('"') if title[1].startswith('"') else title[1].removeprefix("'")
    value = value.rstrip()
    value = value[:-1] if value.endswith(('"', "'")) else value  # one closing quote, then the spaces before the end
    return capture[match.end() :], value.strip() or None


def draft(
    pages: list[str],
    fallback_title: str | None = None,
    kinds: list[tuple[str, Dialect]] | None = None,
    sectioned: frozenset[str] = frozenset(),
) -> Draft:
    """The pages' captures as one notice: the first page's title (its only top heading, standing first; or its
    front matter's title), then each page's sections at its headings. A later page's own title opens a section of
    its own, with the page's parts inside it, unless the previous version has one of them as a section of its own
    (``sectioned``: its sections' headings, by :func:`heading_key`): then each part is a section, as there. Where a
    page has no headings but lines that are wholly bold ("bold paragraph as heading"), it is split at those. Deeper
    headings stay inside their section as ``###``. ``kinds``: each page's name (for messages) and how its site source
    is read (markup/sitesource.py); what the page shows that the file does not hold is an ExtractError naming it, at
    its line."""
    title: str | None = None
    sections: list[tuple[str | None, str]] = []
    notes: list[str] = []
    unreadable: list[str] = []
    for number, capture in enumerate(pages):
        name, dialect = kinds[number] if kinds else (f"page {number + 1}", "text")
        whole = capture.replace("\r\n", "\n").replace("\r", "\n")
        text, front_title = _without_front_matter(whole)
        first_line = whole.count("\n", 0, len(whole) - len(text)) + 1
        text, read = draft_markdown(text, dialect, first_line)  # a Markdown file's paragraphs, each on one line
        if dialect == "text":  # a page's text or a text file: its bullets; a text file's numbered headings (plaintext.py),
            own = any(_atx(line) or _BOLD_LINE.match(line.strip()) for line in text.split("\n"))  # unless _page splits it
            plain = text_file(name)
            text = plain_text_as_markdown(text, headings=plain and not own, text_file=plain)
        for note in read:  # MDX, MDC, inline HTML: the text, and what of it could not be told
            (unreadable if note.unreadable else notes).append(f"{name}:{note.line}:{note.column}: {note.message}")
        page_title_, page_sections = _page(text, first_page=number == 0)
        if number == 0:
            title = page_title_ or front_title
            if page_title_ and front_title and _heading_text(front_title) != page_title_:  # which one the site shows: a person
                notes.append(
                    f"{name}: the title is its top heading {page_title_!r}; its front matter's title {front_title!r} is "
                    "left out (where the site shows that one as the page's title, give it as title)"
                )
            if title is None and page_sections and page_sections[0][0] is None and fallback_title is None:
                first, _, rest = page_sections[0][1].partition("\n")  # a first short line stands as the title
                if len(first) <= 120 and first.strip():
                    title, page_sections[0] = _heading_text(first), (None, rest.strip("\n"))
        elif (page_title_ or front_title) and any(heading_key(h) in sectioned for h, _text in page_sections if h):
            opening = page_sections[0][1] if page_sections and page_sections[0][0] is None else ""  # as the previous version
            page_sections = [(page_title_ or front_title, opening), *(part for part in page_sections if part[0] is not None)]
        elif page_title_ or front_title:  # a later page with a title of its own: one section, its parts inside
            body = "\n\n".join(
                part for heading, text_ in page_sections for part in ((f"## {heading}" if heading else ""), text_) if part
            )
            page_sections = [(page_title_ or front_title, _deeper(body))]
        sections += page_sections
    found = [(heading, _lists_apart(_nested_by_four(body))) for heading, body in sections if heading is not None or body.strip()]
    if not title and not fallback_title and found and found[0][0]:  # no title but a first heading: it is the title,
        title, found[0] = found[0][0], (None, found[0][1])  # once (a text twice would not be the capture's)
    if unreadable:
        raise ExtractError("\n".join(unreadable))
    return Draft(title=title or fallback_title or "", sections=tuple(found), notes=tuple(notes))


def heading_key(heading: str) -> str:
    """A heading as drafts and versions are compared by: its words, without emphasis or links, in any case."""
    return " ".join(_heading_text(heading).split()).casefold()


def sectioned_headings(version: Version | None, lang: str) -> frozenset[str]:
    """The headings of ``version``'s sections in ``lang`` (:func:`heading_key`): a draft of the next version splits a
    later page as the version does (:func:`draft`)."""
    if version is None:
        return frozenset()
    return frozenset(heading_key(str(text)) for s in version.sections if s.heading and (text := getattr(s.heading, lang, None)))


_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|[0-9]{1,9}[.)])[ \t]")


def _lists_apart(body: str) -> str:
    """The body with a blank line before each list that follows a paragraph directly (``Tietoja:`` then ``- nimi``):
    without it, Python-Markdown reads the items as the paragraph's lines. A line that continues a list item (a lazy
    continuation) stays where it is."""
    lines = body.split("\n")
    out: list[str] = []
    in_list = False
    for line in lines:
        item = bool(_LIST_ITEM.match(line))
        if item and out and out[-1].strip() and not in_list and not _atx(out[-1]):
            out.append("")
        in_list = item or (in_list and bool(line.strip()))
        out.append(line)
    return "\n".join(out)


_ITEM = re.compile(r"( *)(?:[-*+]|[0-9]+[.)])(?:[ \t]|$)")


def _nested_by_four(body: str) -> str:
    """A body whose nested list items stand four spaces deeper per level: markdownify, and many Markdown files, nest
    them by their parent's marker width (two spaces under ``- ``), which CommonMark nests and Python-Markdown does not
    (``seloste validate`` refuses it); at four, both nest them. Only the items' lines move, and only their spaces."""
    lines = body.split("\n")
    open_items: list[int] = []
    """The indentation, as written, of each list item the line may be nested in, outermost first."""
    for index, line in enumerate(lines):
        item = _ITEM.match(line)
        if item is None:
            if line and not line.startswith(" "):
                open_items.clear()  # a paragraph: the list has ended
            continue
        indent = len(item[1])
        while open_items and open_items[-1] >= indent:
            open_items.pop()
        lines[index] = "    " * len(open_items) + line[indent:]
        open_items.append(indent)
    return "\n".join(lines)


def _deeper(body: str) -> str:
    """A body whose sub-headings were section headings: each inside one level deeper (``###`` stays the first)."""
    lines = body.split("\n")
    levels = sorted({h[0] for line in lines if (h := _atx(line))})
    if not levels:
        return body
    shift = {level: min(6, 3 + rank) for rank, level in enumerate(levels)}
    return "\n".join(f"{'#' * shift[h[0]]} {h[1]}" if (h := _atx(line)) else line for line in lines)


def _page(text: str, *, first_page: bool = True) -> tuple[str | None, list[tuple[str | None, str]]]:
    """A page's title (a heading standing first that no other heading of its level or above matches) and its
    sections at the next level of headings found. On the notice's first page, one heading at that level over deeper
    ones (a subtitle over numbered sections) opens a section of its own and the next level's headings the rest; a
    later page with a title is one section, its headings kept at their depths inside it."""
    lines = ["" if _EMPTY_HEADING.match(line) else line for line in text.split("\n")]  # a heading without words
    atx = [(i, *h) for i, line in enumerate(lines) if (h := _atx(line))]
    title: str | None = None
    if atx:
        first, level, heading = atx[0]
        before = "\n".join(lines[:first]).strip()
        if not before and sum(1 for _, other, _ in atx if other <= level) == 1 and len(atx) > 1:
            title = _heading_text(heading)
            lines[first] = ""
            atx = atx[1:]
        elif not before and len(atx) == 1:  # the only heading, standing first: the title, at whatever level
            title = _heading_text(heading)
            lines[first] = ""
            atx = []
    if atx:
        top = min(level for _, level, _ in atx)
        below = [level for _, level, _ in atx if level > top]
        if first_page and below and sum(1 for _, level, _ in atx if level == top) == 1:
            # one heading at the top level over several deeper ones (a subtitle over numbered sections): it opens a
            # section of its own, and the next level's headings open the rest
            opening = next(i for i, level, _ in atx if level == top)
            top = min(below)
            starts = {i: _heading_text(text) for i, level, text in atx if level == top or i == opening}
        else:
            starts = {i: _heading_text(text) for i, level, text in atx if level == top}
        deeper = {i: (level, text) for i, level, text in atx if level > top}
    else:
        top, deeper = 0, {}
        starts = {i: _heading_text(m[1]) for i, line in enumerate(lines) if (m := _BOLD_LINE.match(line.strip()))}
    sections: list[tuple[str | None, list[str]]] = [(None, [])]
    for i, line in enumerate(lines):
        if i in starts:
            sections.append((starts[i], []))
        elif i in deeper:
            level, heading = deeper[i]
            sections[-1][1].append("#" * min(6, 3 + level - top - 1) + " " + heading)
        else:
            sections[-1][1].append(line)
    return title, [(heading, RELATIVE_LINK.sub(r"\1", "\n".join(body).strip("\n"))) for heading, body in sections]
