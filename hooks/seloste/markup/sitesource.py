"""What a capture of a site's source holds that is the site's, not the notice's text.

A notice kept in a site's repository is often not plain Markdown: MDX adds ES module lines (``import Callout from
'../components/Callout'``, ``export const meta = {...}``) and JSX component tags (``<Callout type="info">``,
``<TableOfContents />``); Nuxt Content's MDC adds block components (``::alert{type="info"}`` ... ``::``, ``:::``
fences, a ``---`` block of props, ``#slot`` lines) and inline ones (``:badge[Uusi]{color="green"}``); and any
Markdown may hold inline HTML (``<a href="..." target="_blank">ehdot</a>``). A reader of the page sees none of that
markup, only the text inside it. Both the fidelity check (the capture's sentences) and ``seloste import`` (the draft's
Markdown) read a capture through this module, so that they agree on what is text.

Every pattern here is possessive or bounded, and each line is read once: a capture comes from a pull request.
"""

from __future__ import annotations

import re

MAX_BLOCK_LINES = 200
"""An ES module statement or a JSX tag written over several lines ends within this many (a real one within a dozen);
past it, the lines are read as text, and the check names them."""

_IMPORT_START = re.compile(r"^import\s*+[\w*{'\"]")
_IMPORT = re.compile(r"^import\s*+(?:[^'\";]*?\bfrom\s*+)?(?:'[^'\n]*+'|\"[^\"\n]*+\")\s*+;?\s*+$", re.DOTALL)
"""``import X from 'y'``, ``import {A, B} from "y";``, ``import 'y'``: the whole statement, maybe over lines."""
_EXPORT = re.compile(r"^export\s++(?:const|let|var|function|async|class|default|type|interface)\b|^export\s*+[{*]")
_MDX_COMMENT = re.compile(r"^\s*+\{/\*.*?\*/\}\s*+$")
_TAG_NAME = r"[A-Za-z][\w.:-]*+"
_ATTRIBUTE = r"""\s++[\w:.@-]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|\{[^{}]*+\}|[^\s"'=<>`]++))?+"""
_TAG = re.compile(rf"(?<!\\)<(/?)({_TAG_NAME})(?:{_ATTRIBUTE})*+\s*+/?>")
"""An HTML or JSX tag on one line: ``<a href="x" target="_blank">``, ``</Callout>``, ``<TableOfContents />``; not
after a backslash (``\\<nimi>`` is text a page shows)."""
_COMPONENT = re.compile(rf"(?<!\\)</?[A-Z][\w.]*+(?:{_ATTRIBUTE})*+\s*+/?>")
"""A JSX component's tag: its name starts with a capital (a lower-case one is HTML)."""
_COMPONENT_LINE = re.compile(rf"^\s*+(?:{_COMPONENT.pattern}\s*+)++$")
_COMPONENT_OPEN = re.compile(r"^\s*+<[A-Z][\w.]*+(?:\s[^<>]*+)?$")
"""The start of a JSX tag whose attributes go on over the next lines."""
_MDC_FENCE = re.compile(r"^\s*+:{2,}+(?:[A-Za-z][\w-]*+)?(?:\{[^{}\n]*+\})?\s*+$")
"""``::alert{type="info"}``, ``::`` (a block component's end), ``:::`` (a nested one's)."""
_MDC_SLOT = re.compile(r"^\s*+#[A-Za-z][\w-]*+\s*+$")
_MDC_INLINE = re.compile(r"(?<![^\s(]):[A-Za-z][\w-]*+(?:\[([^\[\]\n]*+)\](?:\{[^{}\n]*+\})?+|\{[^{}\n]*+\})")
"""``:badge[Uusi]{color="green"}`` (its text, ``Uusi``) or ``:icon{name="x"}`` (none), at a line's start or after a
space or ``(``: a colon inside a word or an address (``https://x.fi/:a[b]``) is text."""
_BLOCK_TAGS = frozenset({"br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "hr", "section", "article", "table"})
"""HTML tags that set text apart: a space where they stand (``Nimi<br>Osoite`` reads as two words)."""
_HREF = re.compile(r"""\shref\s*+=\s*+(?:"([^"]*+)"|'([^']*+)'|([^\s"'=<>`]++))""")
_LINK = re.compile(r"(?<!\\)<a\b([^<>]*+)>([^<]*+)</a\s*+>", re.IGNORECASE)
_EMPHASIS_TAGS = {"strong": "**", "b": "**", "em": "*", "i": "*"}


_MARKUP_STARTS = frozenset("ie<{:#")
"""How a line of markup starts: ``import``, ``export``, a tag, an MDX comment, an MDC fence, a slot."""


def markup_lines(lines: list[str], skip: frozenset[int] = frozenset()) -> set[int]:
    """The numbers (1-based) of the lines that are wholly the site's markup: ES module statements, lines of JSX
    component tags or an MDX comment, MDC block fences, a block component's props and its slot names. ``skip``: lines
    read otherwise (front matter), never markup."""
    found: set[int] = set()
    index, depth, text_until = 0, 0, -1
    """``depth``: MDC block components open around the line; ``text_until``: the last line a statement or tag that
    did not end was read to, whose lines are text (each line is read as one's start once at most)."""
    while index < len(lines):
        line = lines[index]
        number = index + 1
        if number in skip or line.lstrip()[:1] not in _MARKUP_STARTS:  # most lines: text, told at a glance
            index += 1
            continue
        end: int | None = None
        if index > text_until and (_IMPORT_START.match(line) or _EXPORT.match(line)):
            end, read = _statement_end(lines, index)
            text_until = read if end is None else text_until
        if end is None and index > text_until and _COMPONENT_OPEN.match(line) and not _COMPONENT_LINE.match(line):
            end, read = _tag_end(lines, index)
            text_until = read if end is None else text_until
        if end is not None:
            found.update(range(number, end + 2))
            index = end + 1
            continue
        if _MDC_FENCE.match(line):
            found.add(number)
            opening = bool(re.match(r"^\s*+:{2,}+[A-Za-z]", line))
            depth = depth + 1 if opening else max(0, depth - 1)
            if opening and index + 1 < len(lines) and lines[index + 1].strip() == "---":
                close = next(
                    (i for i in range(index + 2, min(len(lines), index + 2 + MAX_BLOCK_LINES)) if lines[i].strip() == "---"), None
                )
                if close is not None:  # the component's props, as YAML between two rules
                    found.update(range(index + 2, close + 2))
                    index = close + 1
                    continue
        elif _COMPONENT_LINE.match(line) or _MDX_COMMENT.match(line) or (depth and _MDC_SLOT.match(line)):
            found.add(number)
        index += 1
    return found


def _statement_end(lines: list[str], start: int) -> tuple[int | None, int]:
    """The index of the last line of the ES module statement starting at ``start`` (its brackets closed), or None if
    it is not one (an ``import`` that does not end ``from '...'``, or no end before a blank line); and the last line
    read."""
    depth, index = 0, start
    for index in range(start, min(len(lines), start + MAX_BLOCK_LINES)):
        if index > start and not lines[index].strip():  # MDX ends a block of import/export at a blank line
            return None, index
        line = re.sub(r"'[^'\n]*+'|\"[^\"\n]*+\"|`[^`\n]*+`", "", lines[index])
        depth += sum(line.count(c) for c in "{([") - sum(line.count(c) for c in "})]")
        if depth <= 0:
            if lines[start].startswith("import"):
                return (index if _IMPORT.match("\n".join(lines[start : index + 1])) else None), index
            return index, index
    return None, index


def _tag_end(lines: list[str], start: int) -> tuple[int | None, int]:
    """The index of the line that closes a JSX tag opened (and not closed) on line ``start``: the first to end with
    ``>``; None if none does before a blank line; and the last line read."""
    index = start
    for index in range(start, min(len(lines), start + MAX_BLOCK_LINES)):
        if index > start and not lines[index].strip():
            return None, index
        if lines[index].rstrip().endswith(">"):
            return index, index
    return None, index


_ELEMENT_NAMES = (
    "a abbr address article aside audio b bdi bdo blockquote br button caption center cite code col colgroup data dd "
    "del details dfn div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 header hr i "
    "iframe img input ins kbd label legend li main mark nav noscript object ol optgroup option p picture pre q s samp "
    "script section select small source span strike strong style sub summary sup svg table tbody td template textarea "
    "tfoot th thead time tr tt u ul var video wbr"
)
HTML_ELEMENTS = frozenset(_ELEMENT_NAMES.split())
"""The HTML elements a notice's source may hold. A lower-case name that is none of them (``<nimi>``, a template's
placeholder) is text the page shows; a capitalised one is a JSX component, one with a hyphen a custom element."""


def is_tag(name: str) -> bool:
    return name.lower() in HTML_ELEMENTS or name[0].isupper() or "-" in name


def _tag_text(match: re.Match[str]) -> str:
    if not is_tag(match[2]):
        return match[0]
    return " " if match[2].lower() in _BLOCK_TAGS else ""


def inline_text(line: str) -> str:
    """A line with its inline markup of a site's source read as a page shows it: each HTML or JSX tag gone (a space for
    one that sets text apart, such as ``<br>``), an MDC inline component as its text."""
    if "<" in line:
        line = _TAG.sub(_tag_text, line)
    if ":" in line:
        line = _MDC_INLINE.sub(lambda m: m[1] or "", line)
    return line


def as_markdown(text: str) -> str:
    """A capture's Markdown without its site's markup, for a draft: the markup lines left out (a blank line in their
    place), an inline HTML link ``<a href="https://...">ehdot</a>`` as ``[ehdot](https://...)``, ``<strong>`` and
    ``<em>`` as ``**`` and ``*``, every other tag and inline MDC component as its text."""
    lines = text.split("\n")
    markup = markup_lines(lines)
    kept = ["" if number in markup else _inline_markdown(line) for number, line in enumerate(lines, start=1)]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept))


def _inline_markdown(line: str) -> str:
    read = line
    if "<" in read:
        read = _LINK.sub(_link, read)
        read = _TAG.sub(lambda m: (is_tag(m[2]) and _EMPHASIS_TAGS.get(m[2].lower(), "")) or _tag_text(m), read)
    if ":" in read:
        read = _MDC_INLINE.sub(lambda m: m[1] or "", read)
    return line if read == line else re.sub(r"(?<=\S) {2,}(?=\S)", " ", read).strip()


def _link(match: re.Match[str]) -> str:
    href = _HREF.search(" " + match[1])
    address = next((group for group in href.groups() if group is not None), "") if href else ""
    words = match[2]
    if re.match(r"(?:https?|mailto):", address, re.IGNORECASE) and words.strip():
        return f"[{words}]({address})"
    return words if words.strip() else ""
