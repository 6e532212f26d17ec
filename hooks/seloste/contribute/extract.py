"""A notice out of a fetched page: its part of the page as Markdown (the capture), which :mod:`.drafting` splits into
the title and sections of a draft version.

The capture is the selected part of the page (``select``; the whole body by default), without
what ``remove`` names and without scripts, styles and forms, converted to Markdown: headings,
paragraphs, lists, tables, emphasis and links kept, so it holds the text as published and the
addresses its links lead to. A Markdown or plain-text source is its own capture. The draft's
texts are the capture's lines, so the draft passes the fidelity check by construction.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import bs4
from markdownify import markdownify

from ..limits import MAX_PAGE_DEPTH
from ..markup.jsx import JSX_FILES, page_markup
from ..markup.vue import VUE_FILES, template_markup
from .linestarts import as_shown

NOT_TEXT = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select", "input", "textarea")
"""Elements never part of a notice's text: code, and the controls of forms (a newsletter sign-up, a search box)."""


class ExtractError(Exception):
    """The page does not hold the notice where its declaration says."""


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


RELATIVE_LINK = re.compile(r"(?<!!)\[([^\[\]]*+)\]\((?!https?:|mailto:)([^)\[]*+)\)", re.IGNORECASE)
"""A Markdown link within the site (``[evästeet](/evasteet/)``): its words are the notice's, its address is not
whole, so the draft keeps the words (an HTML page's links are made whole from its address before this)."""


def site_links_note(captures: list[str], shown: int = 10) -> str | None:
    """What import says of the links within the site that Markdown captures hold (an anchor on the page aside): the
    draft keeps their words without their address, which a reader may need (a separate annex's)."""
    links = [f"'{m[1]}' ({m[2]})" for c in captures for m in RELATIVE_LINK.finditer(c) if not m[2].startswith("#")]
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
