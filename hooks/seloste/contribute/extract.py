"""A notice out of a fetched page: its part of the page as Markdown (the capture), split into the
title and sections of a draft version.

The capture is the selected part of the page (``select``; the whole body by default), without
what ``remove`` names and without scripts, styles and forms, converted to Markdown: headings,
paragraphs, lists, tables, emphasis and links kept, so it holds the text as published and the
addresses its links lead to. A Markdown or plain-text source is its own capture. The draft's
texts are the capture's lines, so the draft passes the fidelity check by construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

import bs4
from markdownify import markdownify

from ..limits import MAX_PAGE_DEPTH
from ..markup.jsx import JSX_FILES, page_markup
from ..markup.sitesource import Dialect, text_file
from ..markup.vue import VUE_FILES, template_markup
from .linestarts import as_shown
from .plaintext import as_markdown as plain_text_as_markdown
from .wrapping import draft_markdown

NOT_TEXT = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select", "input", "textarea")
"""Elements never part of a notice's text: code, and the controls of forms (a newsletter sign-up, a search box)."""


class ExtractError(Exception):
    """The page does not hold the notice where its declaration says."""


@dataclass(frozen=True, slots=True)
class Draft:
    """A notice's text as a draft version's: the title, and (heading or None, Markdown body) per section."""

    title: str
    sections: tuple[tuple[str | None, str], ...]
    notes: tuple[str, ...] = ()
    """What reading a site's source could not tell, where it kept the text (``tietosuoja.mdx:12:1: '<Nimi>' is read as
    text ...``): for the person importing to check against the page."""


def looks_like_html(text: str) -> bool:
    return bool(re.match(r"\s*(?:<!doctype html|<html|<head|<body|<\?xml)", text, re.IGNORECASE)) or bool(
        re.search(r"<(?:p|div|h[1-6]|main|article|section)\b[^>]*>", text[:5000], re.IGNORECASE)
    )


def _parsed(html: str) -> bs4.BeautifulSoup:
    try:
        return bs4.BeautifulSoup(html, "html.parser")
    except bs4.ParserRejectedMarkup as err:
        raise ExtractError(f"the page's HTML cannot be read ({str(err)[:200]})") from err


def page_title(html: str) -> str | None:
    title = _parsed(html).title
    return " ".join(title.get_text().split()) if title and title.get_text().strip() else None


MARKDOWN_FILES = (".md", ".mdx", ".mdc", ".markdown", ".txt")
"""A file named so is Markdown (MDX, Nuxt Content's MDC) or text, whatever raw HTML it holds: its own capture."""


def capture_of(
    text: str, *, select: str | None = None, remove: tuple[str, ...] = (), base: str | None = None, name: str = ""
) -> str:
    """The capture of a fetched page's text: Markdown of its selected part (an HTML page), or the text itself (a
    Markdown or text file, by its ``name``'s ending or its content). ``base``: the page's address, against which its
    relative links are made whole (without one they are kept as text)."""
    suffix = re.search(r"(\.[A-Za-z]+)(?:[?#].*)?$", name)
    ending = suffix[1].lower() if suffix else ""
    reader = page_markup if ending in JSX_FILES else template_markup if ending in VUE_FILES else None
    if reader:  # a React or Vue component's source: its markup, read as a page's (markup/jsx.py, markup/vue.py)
        text, unreadable = reader(text)
        if unreadable:
            raise ExtractError("\n".join(f"{name}:{note.line}:{note.column}: {note.message}" for note in unreadable))
    elif ending in MARKDOWN_FILES or not looks_like_html(text):
        return text  # Markdown or plain text: the file is its own capture, as it is
    soup = _parsed(text)
    deepest = _depth(soup)
    if deepest > MAX_PAGE_DEPTH:
        raise ExtractError(
            f"the page nests too deep to read: its elements nest {deepest:,} deep, and at most {MAX_PAGE_DEPTH} are read "
            "(a notice's page nests a few dozen)"
        )
    try:
        capture = _capture(soup, select, remove, base)
    except RecursionError as err:  # the limit above should make this impossible: a page is never a traceback
        raise ExtractError("the page nests too deep to read") from err
    if not capture.strip():  # an empty capture is refused by validate: say why here, and write nothing
        where = f"the part --select {select!r} names" if select else "its body"
        raise ExtractError(
            f"{name or 'the page'}: the page shows no text in {where}, so there is nothing to capture; its text may be "
            "put there by a script when the page runs (capture the page as a browser renders it), or be elsewhere"
        )
    return capture


def _depth(soup: bs4.BeautifulSoup) -> int:
    """How deep the page's elements nest, found in one pass (the parser builds the tree without recursing)."""
    depth = {id(soup): 0}
    deepest = 0
    for element in soup.descendants:
        if isinstance(element, bs4.Tag):
            depth[id(element)] = level = depth.get(id(element.parent), 0) + 1
            deepest = max(deepest, level)
    return deepest


def _capture(soup: bs4.BeautifulSoup, select: str | None, remove: tuple[str, ...], base: str | None) -> str:
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
        for image in root.find_all(["img", "picture"]):  # images are not published, nor their alt texts (no page shows
            image.decompose()  # those to a reader who sees the image): a notice's words are the page's text
        for empty in root.find_all(["a", "h1", "h2", "h3", "h4", "h5", "h6"]):  # a heading or a link with no words
            if not empty.get_text(strip=True):  # (an image's, an empty <h1></h1>) would be a bare '#' or '[](...)'
                empty.decompose()
        for cell in root.find_all(["td", "th"]):  # a | inside a cell would end it in the Markdown table
            for piece in cell.find_all(string=True):
                if "|" in piece:
                    piece.replace_with(piece.replace("|", "\\|"))
        for block in root.find_all("pre"):  # preformatted lines (an address, say): the notice's lines, not code
            lines = [line.strip() for line in block.get_text().split("\n")]
            paragraph = soup.new_tag("p")
            for line in (line for line in lines if line):
                if paragraph.contents:
                    paragraph.append(soup.new_tag("br"))
                paragraph.append(re.sub(r"\s+", " ", line))
            block.replace_with(paragraph)
        for piece in root.find_all(string=True):  # the source's line wrapping is not the page's: a browser flows it
            if piece.find_parent(["pre", "code"]):
                continue
            text = re.sub(r"\s+", " ", piece) if re.search(r"\s\s|[\n\r\t]", piece) else str(piece)
            text = text.replace("<", "&lt;")  # a "<" the page shows is text, not the start of a tag
            if text != piece:
                piece.replace_with(text)
        as_shown(root)  # where its lines start: no space after a line break, a '>' there its text (linestarts.py)
        for link in root.find_all("a"):
            href = str(link.get("href") or "").strip()
            if re.match(r"(?:https?|mailto):", href, re.IGNORECASE):
                continue
            within = bool(href) and not href.startswith("#") and not re.match(r"[a-z][a-z0-9+.-]*:", href, re.IGNORECASE)
            if within and base:
                link["href"] = urljoin(base, href)
            elif not (within and _SITE_PATH.fullmatch(href)):  # an anchor on the page, a script: the words only
                link.unwrap()
            # else a link within the site with no address to make it whole: kept, so that import names it
            # (site_links_note) and the draft keeps its words
    markdown = "\n\n".join(markdownify(str(root), heading_style="ATX", bullets="-") for root in roots)
    return _tidy(markdown)


_SITE_PATH = re.compile(r"[^\s()\[\]<>]+")
"""A link's address within the site that a Markdown link can hold as it is (``/evasteet/``, ``evasteet.html``)."""


def _tidy(text: str) -> str:
    """Lines without trailing spaces, at most one blank line between blocks, one newline at the end."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line if line.startswith(("    ", "\t")) else re.sub(r"(?<=\S) {2,}(?=\S)", " ", line) for line in lines]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


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


def draft(pages: list[str], fallback_title: str | None = None, kinds: list[tuple[str, Dialect]] | None = None) -> Draft:
    """The pages' captures as one notice: the first page's title (its only top heading, standing first; or its
    front matter's title), then each page's sections at its headings. A later page's own title opens a section of
    its own. Where a page has no headings but lines that are wholly bold ("bold paragraph as heading"), it is split
    at those. Deeper headings stay inside their section as ``###``. ``kinds``: each page's name (for messages) and how
    its site source is read (markup/sitesource.py); what the page shows that the file does not hold is an
    ExtractError naming it, at its line."""
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
    return title, [(heading, _RELATIVE_LINK.sub(r"\1", "\n".join(body).strip("\n"))) for heading, body in sections]


_RELATIVE_LINK = re.compile(r"(?<!!)\[([^\[\]]*+)\]\((?!https?:|mailto:)([^)\[]*+)\)", re.IGNORECASE)
"""A Markdown link within the site (``[evästeet](/evasteet/)``): its words are the notice's, its address is not
whole, so the draft keeps the words (an HTML page's links are made whole from its address before this)."""


def site_links_note(captures: list[str], shown: int = 10) -> str | None:
    """What import says of the links within the site that Markdown captures hold (an anchor on the page aside): the
    draft keeps their words without their address, which a reader may need (a separate annex's)."""
    links = [f"'{m[1]}' ({m[2]})" for c in captures for m in _RELATIVE_LINK.finditer(c) if not m[2].startswith("#")]
    if not links:
        return None
    more = f" and {len(links) - shown} more" if len(links) > shown else ""
    return (
        "links within the site kept as words only (their address is not whole in the capture): "
        + ", ".join(links[:shown]) + more + "; say in source.note where they led, if a reader needs it"
    )  # fmt: skip


_FUNCTION_WORDS = {
    "fi": frozenset({"ja", "on", "tai", "ei", "että", "tietoja", "henkilötietoja", "voidaan", "joka", "jotka", "kun", "sekä"}),
    "sv": frozenset({"och", "att", "är", "för", "av", "som", "med", "till", "om", "inte", "kan", "eller", "vi", "de"}),
    "en": frozenset({"the", "and", "of", "to", "is", "are", "we", "you", "your", "for", "with", "that", "be", "or"}),
}
"""Words each language uses often and the others hardly at all: enough to tell a page's language apart."""


def reads_as(text: str) -> str | None:
    """The language a text reads as, by its commonest words; None where it is too short or no language stands out
    (twice the words of the next)."""
    words = re.findall(r"[a-zåäö]+", text.lower())
    counts = sorted(((sum(w in vocabulary for w in words), lang) for lang, vocabulary in _FUNCTION_WORDS.items()), reverse=True)
    (best, lang), (second, _) = counts[0], counts[1]
    return lang if best >= 8 and best >= 2 * second else None
