"""A notice out of a fetched page: its part of the page as Markdown (the capture), split into the
title and sections of a draft version.

The capture is the selected part of the page (``select``; the whole body by default), without
what ``remove`` names and without scripts, styles and forms, converted to Markdown: headings,
paragraphs, lists, tables, emphasis and links kept, so it holds the text as published and the
addresses its links lead to. A Markdown or plain-text source is its own capture. The draft's
texts are the capture's lines, so the draft passes the fidelity check by construction.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import bs4
from markdownify import markdownify

from ..compare.words import DATE

NOT_TEXT = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select", "input", "textarea")
"""Elements never part of a notice's text: code, and the controls of forms (a newsletter sign-up, a search box)."""


class ExtractError(Exception):
    """The page does not hold the notice where its declaration says."""


@dataclass(frozen=True, slots=True)
class Draft:
    """A notice's text as a draft version's: the title, and (heading or None, Markdown body) per section."""

    title: str
    sections: tuple[tuple[str | None, str], ...]


def looks_like_html(text: str) -> bool:
    return bool(re.match(r"\s*(?:<!doctype html|<html|<head|<body|<\?xml)", text, re.IGNORECASE)) or bool(
        re.search(r"<(?:p|div|h[1-6]|main|article|section)\b[^>]*>", text[:5000], re.IGNORECASE)
    )


def page_title(html: str) -> str | None:
    title = bs4.BeautifulSoup(html, "html.parser").title
    return " ".join(title.get_text().split()) if title and title.get_text().strip() else None


def capture_of(text: str, *, select: str | None = None, remove: tuple[str, ...] = ()) -> str:
    """The capture of a fetched page's text: Markdown of its selected part (an HTML page), or the text itself."""
    if not looks_like_html(text):
        return _tidy(text)
    soup = bs4.BeautifulSoup(text, "html.parser")
    for element in soup.find_all(NOT_TEXT):
        element.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, bs4.Comment)):
        comment.extract()
    roots = soup.select(select) if select else [soup.body or soup]
    if not roots:
        raise ExtractError(f"the selector {select!r} matches nothing on the page (has the page changed its layout?)")
    for root in roots:
        for selector in remove:
            for element in root.select(selector):
                element.decompose()
        for cell in root.find_all(["td", "th"]):  # a | inside a cell would end it in the Markdown table
            for piece in cell.find_all(string=True):
                if "|" in piece:
                    piece.replace_with(piece.replace("|", "\\|"))
    markdown = "\n\n".join(markdownify(str(root), heading_style="ATX", bullets="-") for root in roots)
    return _tidy(markdown)


def _tidy(text: str) -> str:
    """Lines without trailing spaces, at most one blank line between blocks, one newline at the end."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\*\*([^*\n]{2,120})\*\*:?$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def _heading_text(text: str) -> str:
    """A heading as the draft writes it: its words, without emphasis or links (a heading carries none)."""
    text = _LINK.sub(r"\1", text)
    return re.sub(r"\*\*|__", "", text).strip()


def draft(capture: str, fallback_title: str | None = None) -> Draft:
    """The capture split into a title and sections at its headings; where it has no headings but lines that are
    wholly bold ("bold paragraph as heading"), at those. Deeper headings stay inside their section as ``###``."""
    lines = capture.split("\n")
    atx = [(i, len(m[1]), m[2]) for i, line in enumerate(lines) if (m := _ATX.match(line))]
    title: str | None = None
    if atx and atx[0][1] == 1 and sum(1 for _, level, _ in atx if level == 1) == 1:
        title = _heading_text(atx[0][2])
        lines[atx[0][0]] = ""
        atx = atx[1:]
    if atx:
        top = min(level for _, level, _ in atx)
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
            level, text = deeper[i]
            sections[-1][1].append("#" * min(6, 3 + level - top - 1) + " " + text)
        else:
            sections[-1][1].append(line)
    found = [(heading, "\n".join(body).strip("\n")) for heading, body in sections]
    found = [(heading, body) for heading, body in found if heading is not None or body.strip()]
    if title is None:
        title = fallback_title or (found[0][0] if found and found[0][0] else "")
    return Draft(title=title, sections=tuple(found))


_STATED = re.compile(
    r"(?:päivitetty|päivitys|muutettu|laadittu|voimassa|updated|last updated|revised|effective)\D{0,30}?(" + DATE.pattern + ")",
    re.IGNORECASE,
)
_FI_MONTHS = ["tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka", "marras", "joulu"]
_EN_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def stated_date(text: str) -> dt.date | None:
    """The latest date the text states as its own ("Päivitetty 1.3.2024", "Last updated March 3, 2024"), if any."""
    found = [date for m in _STATED.finditer(text) if (date := _parse(m[1])) is not None]
    return max(found, default=None)


def _parse(text: str) -> dt.date | None:
    text = text.strip()
    try:
        if m := re.fullmatch(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{2,4})", text):
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            return dt.date(year, int(m[2]), int(m[1]))
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            return dt.date.fromisoformat(text)
        if m := re.fullmatch(r"([0-9]{1,2})\.? (\w+)kuuta ([0-9]{4})", text):
            return dt.date(int(m[3]), _FI_MONTHS.index(m[2].lower()) + 1, int(m[1]))
        if m := re.fullmatch(r"(\w+) ([0-9]{1,2}),? ([0-9]{4})", text):
            return dt.date(int(m[3]), _EN_MONTHS.index(m[1].lower()) + 1, int(m[2]))
    except ValueError:
        return None
    return None
