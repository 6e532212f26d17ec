"""What a capture of a site's source holds that is the site's, not the notice's text.

A notice kept in a site's repository is often not plain Markdown: MDX adds ES module lines (``import Callout from
'../components/Callout'``, ``export const meta = {...}``) and JSX component tags (``<Callout type="info">``,
``<TableOfContents />``); Nuxt Content's MDC adds block components (``::alert{type="info"}`` ... ``::``, ``:::``
fences, a ``---`` block of props, ``#slot`` lines) and inline ones (``:badge[Uusi]{color="green"}``); and any
Markdown may hold inline HTML (``<a href="..." target="_blank">ehdot</a>``) and, in a Jekyll or Hugo site, lines of
template code (``{% include page/title.html %}``, ``{{< cookie_settings >}}``). A reader of the page sees none of that
markup, only the text inside it. Both the fidelity check (the capture's sentences) and ``seloste import`` (the draft's
Markdown) read a capture through this module, so that they agree on what is text.

What is markup depends on the file (:data:`Dialect`, from the capture's or the source's name): in a ``.md`` file a word in
angle brackets that is no HTML element (``<Nimi>``, ``<Yritys Oy>``) is text; in MDX a capitalised tag is a component's
only where it has a JSX tag's shape and its closing tag (or closes itself), else it is text and a note says so. A ``<br>``
is a line break, as the page shows it: a line break in the draft (a hard break: the renderer's option, and a Python-
Markdown's nl2br, read a newline inside a paragraph as one). A JSX expression that is a string literal is its text, a
comment nothing; one whose value the file does not hold (``{nimi}``), or an ES module statement that does not end, is
a note marked ``unreadable``: ``seloste import`` stops at it, and ``seloste validate`` refuses the capture, at its line.

Every pattern here is possessive or bounded, and each line is read once: a capture comes from a pull request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .esm import statement_end

Dialect = Literal["markdown", "mdx", "text"]
"""How a capture is read: ``markdown`` (a ``.md`` file: a word in angle brackets that is no HTML element is text, and
there are no ES module lines), ``mdx`` (JSX: tags, ES module statements, ``{...}`` expressions), ``text`` (a capture
of unknown kind: a JSX tag of valid shape and its ES module lines are read as in MDX, braces are text)."""

MAX_BLOCK_LINES = 200
"""A JSX tag written over several lines, or a component's props, ends within this many (a real one within a dozen);
past it, the lines are read as text, and the check names them."""

_IMPORT_START = re.compile(r"^import\s*+[\w*{'\"]")
_IMPORT = re.compile(r"^import\s*+(?:[^'\";]*?\bfrom\s*+)?(?:'[^'\n]*+'|\"[^\"\n]*+\")\s*+;?\s*+$", re.DOTALL)
"""``import X from 'y'``, ``import {A, B} from "y";``, ``import 'y'``: the whole statement, maybe over lines."""
_EXPORT = re.compile(r"^export\s++(?:const|let|var|function|async|class|default|type|interface)\b|^export\s*+[{*]")
_MDX_COMMENT = re.compile(r"^\s*+\{/\*.*?\*/\}\s*+$")
_TAG_NAME = r"[A-Za-z][\w.:-]*+"
_ATTRIBUTE = r"""\s++[\w:.@-]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|\{[^{}]*+\}|[^\s"'=<>`]++))?+"""
_TAG = re.compile(rf"(?<!\\)<(/?)({_TAG_NAME})(?:{_ATTRIBUTE})*+\s*+(/?)>")
"""An HTML or JSX tag on one line: ``<a href="x" target="_blank">``, ``</Callout>``, ``<TableOfContents />``; not
after a backslash (``\\<nimi>`` is text a page shows)."""
_JSX_TAG = re.compile(
    r"""</?[A-Z][\w.]*+(?:\s++[A-Za-z_$][\w$:.-]*+(?:\s*+=\s*+(?:"[^"\n]*+"|'[^'\n]*+'|\{[^{}\n]*+\}))?+)*+\s*+/?>"""
)
"""A JSX component's tag of valid shape: a capitalised name, attributes whose values are quoted or in braces."""
_COMPONENT = re.compile(rf"(?<!\\)</?[A-Z][\w.]*+(?:{_ATTRIBUTE})*+\s*+/?>")
"""A JSX component's tag: its name starts with a capital (a lower-case one is HTML)."""
_COMPONENT_LINE = re.compile(rf"^\s*+(?:{_COMPONENT.pattern}\s*+)++$")
_COMPONENT_OPEN = re.compile(r"^\s*+<([A-Z][\w.]*+)(?:\s[^<>]*+)?$")
"""The start of a JSX tag whose attributes go on over the next lines."""
_NAMES = re.compile(r"(?<!\\)<(/?)([A-Z][\w.]*+)")
_MDC_FENCE = re.compile(r"^\s*+:{2,}+(?:[A-Za-z][\w-]*+)?(?:\{[^{}\n]*+\})?\s*+$")
"""``::alert{type="info"}``, ``::`` (a block component's end), ``:::`` (a nested one's)."""
_MDC_SLOT = re.compile(r"^\s*+#[A-Za-z][\w-]*+\s*+$")
_TEMPLATE_LINE = re.compile(r"^\s*+(?:(?:\{%(?:[^{}%\n]|%(?!\}))*+%\}|\{\{[<%](?:[^{}<>%\n]|[<>%](?!\}\}))*+[>%]\}\})\s*+)++$")
"""A line of a static site generator's template code alone: Jekyll's Liquid tags (``{% include page/title.html %}``,
``{%- capture x -%}``), Hugo's shortcodes (``{{< cookie_settings "Open" >}}``, ``{{% notice %}}``)."""
_MDC_INLINE = re.compile(r"(?<![^\s(]):[A-Za-z][\w-]*+(?:\[([^\[\]\n]*+)\](?:\{[^{}\n]*+\})?+|\{[^{}\n]*+\})")
"""``:badge[Uusi]{color="green"}`` (its text, ``Uusi``) or ``:icon{name="x"}`` (none), at a line's start or after a
space or ``(``: a colon inside a word or an address (``https://x.fi/:a[b]``) is text."""
_BLOCK_TAGS = frozenset({"p", "div", "li", "ul", "ol", "tr", "td", "th", "hr", "section", "article", "table"})
"""HTML tags that set text apart: a space where they stand (``Nimi<div>Osoite`` reads as two words)."""
_BREAK = "\n"
"""What a ``<br>`` reads as: a line break, as the page shows it (a hard break in a draft's Markdown)."""
_HREF = re.compile(r"""\shref\s*+=\s*+(?:"([^"]*+)"|'([^']*+)'|([^\s"'=<>`]++))""")
_LINK = re.compile(r"(?<!\\)<a\b([^<>]*+)>([^<]*+)</a\s*+>", re.IGNORECASE)
_EMPHASIS_TAGS = {"strong": "**", "b": "**", "em": "*", "i": "*"}
_EXPRESSION = re.compile(r"(?<!\\)\{([^{}\n]*+)\}")
_STRING = re.compile(r"""\s*+(?:"((?:[^"\\]|\\.)*+)"|'((?:[^'\\]|\\.)*+)'|`((?:[^`\\$]|\\.)*+)`)\s*+""")
_COMMENT = re.compile(r"\s*+(?:/\*.*?\*/\s*+)*+", re.DOTALL)
_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
_CODE_SPAN = re.compile(r"(`[^`\n]*+`)")
_BLOCK_START = re.compile(r"^(?:[#>|+*-]|[0-9]{1,9}(?=[.)]))")
"""What would start a block where a line break leaves it at a line's start: escaped in a draft."""
_MARKUP_STARTS = frozenset("ie<{:#")
"""How a line of markup starts: ``import``, ``export``, a tag, an MDX comment, an MDC fence, a slot."""


def _ending(name: str | None) -> str:
    """A file name's or an address's ending (``.md``), in lower case; "" if it has none."""
    suffix = re.search(r"(\.[A-Za-z]+)(?:[?#].*)?$", name or "")
    return suffix[1].lower() if suffix else ""


def dialect_of(name: str | None) -> Dialect:
    """How a capture named ``name`` (a file's name or address; a capture file's name) is read, by its ending."""
    ending = _ending(name)
    return "mdx" if ending == ".mdx" else "markdown" if ending in (".md", ".markdown", ".mdc") else "text"


def text_file(name: object) -> bool:
    """Whether the file or address ``name`` a notice was taken from is a plain text file (``.txt``): its lines have
    no Markdown's quotes, so a ``>`` that starts one is its text ("> 18 vuotta")."""
    return isinstance(name, str) and _ending(name) == ".txt"


def dialect_among(names: list[object]) -> Dialect:
    """How a capture is read: by the first of ``names`` whose ending tells (its own file's, ``captures/<date>.mdx``, then
    the file or address it was taken from), else as ``text``."""
    return next((d for name in names if isinstance(name, str) and (d := dialect_of(name)) != "text"), "text")


SUFFIXES: dict[Dialect, str] = {"markdown": ".md", "mdx": ".mdx", "text": ".txt"}
"""A capture file's ending by how it is read: a Markdown or MDX file keeps its kind (``captures/<date>.mdx``)."""


@dataclass(frozen=True, slots=True)
class Note:
    """What reading a capture could not do as the page does: text it kept that may be markup, or (``unreadable``)
    what the file does not hold (a JSX expression's value, a statement that does not end)."""

    line: int
    column: int
    message: str
    unreadable: bool = False


class SiteSource:
    """A capture's lines read as its page shows them (see the module's docstring); ``notes`` says what it could not
    tell. ``skip``: lines read otherwise (front matter), never markup; ``first_line``: the number of ``lines[0]`` in the
    file, for the notes."""

    def __init__(self, lines: list[str], dialect: Dialect = "text", skip: frozenset[int] = frozenset(), first_line: int = 1):
        self.lines, self.dialect, self.offset = lines, dialect, first_line - 1
        self._notes: dict[tuple[int, int, str], Note] = {}
        self.opened: dict[str, int] = {}
        """The first line (1-based) each component's name opens on; ``closed``: the last line it is closed on."""
        self.closed: dict[str, int] = {}
        if dialect != "markdown":
            for number, line in enumerate(lines, start=1):
                if "<" not in line:
                    continue
                for match in _TAG.finditer(line):  # an opening tag of a JSX tag's shape opens; any closing one closes
                    if match[2][0].isupper() and match[1]:
                        self.closed[match[2]] = number
                    elif match[2][0].isupper() and _JSX_TAG.fullmatch(match[0]):
                        self.opened.setdefault(match[2], number)
                if opening := _COMPONENT_OPEN.match(line):  # a tag whose attributes go on over the next lines
                    self.opened.setdefault(opening[1], number)
        self.markup = self._markup_lines(skip)

    @property
    def notes(self) -> list[Note]:
        return sorted(self._notes.values(), key=lambda n: (n.line, n.column))

    def _note(self, number: int, column: int, message: str, *, unreadable: bool = False) -> None:
        note = Note(number + self.offset, column, message, unreadable)
        self._notes.setdefault((note.line, column, message), note)

    def _column(self, number: int, text: str) -> int:
        """Where ``text`` starts on line ``number`` (1-based; 1 where it does not stand whole on the line)."""
        return max(1, self.lines[number - 1].find(text) + 1) if 0 < number <= len(self.lines) else 1

    def _component(self, number: int, tag: str) -> bool:
        """Whether a capitalised tag on line ``number`` is a JSX component's: of valid shape, and self-closing, or
        opened before it (a closing tag) or closed after it (an opening tag). Else it is text, and a note says so."""
        name = _NAMES.match(tag)
        assert name is not None
        paired = (
            tag.endswith("/>")
            or (name[1] and self.opened.get(name[2], number + 1) <= number)
            or (not name[1] and self.closed.get(name[2], 0) >= number)
        )
        if _JSX_TAG.fullmatch(tag) and paired:
            return True
        reason = ("its opening tag" if name[1] else "its closing tag") if _JSX_TAG.fullmatch(tag) else "a JSX tag's shape"
        self._note(number, self._column(number, tag), f"{tag!r} is read as text, as the page would show it: it has not {reason}")
        return False

    def _markup_lines(self, skip: frozenset[int]) -> set[int]:
        """The numbers (1-based) of the lines that are wholly the site's markup: ES module statements, lines of JSX
        component tags or an MDX comment, MDC block fences, a block component's props and its slot names."""
        lines, jsx = self.lines, self.dialect != "markdown"
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
            if jsx and index > text_until and (_IMPORT_START.match(line) or _EXPORT.match(line)):
                end, text_until = self._statement(index, text_until)
            opening = _COMPONENT_OPEN.match(line) if jsx and end is None and index > text_until else None
            if opening and not _COMPONENT_LINE.match(line):
                end, read = _tag_end(lines, index)
                if end is not None and not self._component(number, " ".join(part.strip() for part in lines[index : end + 1])):
                    end = None
                text_until = read if end is None else text_until
            if end is not None:
                found.update(range(number, end + 2))
                index = end + 1
                continue
            if _MDC_FENCE.match(line):
                found.add(number)
                opens = bool(re.match(r"^\s*+:{2,}+[A-Za-z]", line))
                depth = depth + 1 if opens else max(0, depth - 1)
                if opens and index + 1 < len(lines) and lines[index + 1].strip() == "---":
                    close = next(
                        (i for i in range(index + 2, min(len(lines), index + 2 + MAX_BLOCK_LINES)) if lines[i].strip() == "---"),
                        None,
                    )
                    if close is not None:  # the component's props, as YAML between two rules
                        found.update(range(index + 2, close + 2))
                        index = close + 1
                        continue
            elif (
                (jsx and _COMPONENT_LINE.match(line) and all(self._component(number, m[0]) for m in _COMPONENT.finditer(line)))
                or (jsx and _MDX_COMMENT.match(line))
                or (depth and _MDC_SLOT.match(line))
            ):
                found.add(number)
            elif self.dialect != "mdx" and _TEMPLATE_LINE.match(line):
                found.add(number)
                self._note(
                    number,
                    self._column(number, line.strip()),
                    f"{line.strip()[:80]!r} is the site's template code (Liquid, a Hugo shortcode), read as markup, not "
                    "text: what it puts on the page, if anything, is not in the file; compare the draft with the page",
                )
            index += 1
        return found

    def _statement(self, start: int, text_until: int) -> tuple[int | None, int]:
        """The last line of the ES module statement at line index ``start`` and the new ``text_until``. In MDX, one that
        does not end is an error (what the page shows cannot be told); elsewhere its lines are text."""
        end, read, left = statement_end(self.lines, start)
        if (
            end is not None
            and self.lines[start].startswith("import")
            and not _IMPORT.match("\n".join(self.lines[start : end + 1]))
        ):
            end, left = None, "no 'from' and module name"
        if end is not None:
            return end, text_until
        if self.dialect != "mdx":
            return None, read
        kind = "import" if self.lines[start].startswith("import") else "export"
        self._note(
            start + 1,
            1,
            f"this {kind} statement does not end: {left} is left open at line {read + 1 + self.offset} (MDX reads an "
            "ES module statement to its end, over blank lines too); what of it is the page's text cannot be told",
            unreadable=True,
        )
        return read, text_until

    def text(self, number: int, line: str) -> str:
        """Line ``number`` (or a part of it) as a page shows it: each HTML or JSX tag gone (a line break for ``<br>``, a
        space for one that sets text apart), a JSX expression as its text, an MDC inline component as its text."""
        if "<" in line:
            line = _TAG.sub(lambda m: self._tag_text(number, m), line)
        if "{" in line and self.dialect == "mdx":  # after the tags: ``<Linkki href={osoite}>`` is a tag's
            line = self._expressions(number, line)
        if ":" in line:
            line = _MDC_INLINE.sub(lambda m: m[1] or "", line)
        return line

    def _tag_text(self, number: int, match: re.Match[str]) -> str:
        if not self._is_tag(number, match):
            return match[0]
        name = match[2].lower()
        return _BREAK if name == "br" else " " if name in _BLOCK_TAGS else ""

    def _is_tag(self, number: int, match: re.Match[str]) -> bool:
        name = match[2]
        if name.lower() in HTML_ELEMENTS or "-" in name:
            return True
        return name[0].isupper() and self.dialect != "markdown" and self._component(number, match[0])

    def _expressions(self, number: int, line: str) -> str:
        """A line's JSX expressions outside code spans read: a string literal as its text, a comment as nothing; any
        other (``{nimi}``) as nothing, and a note that the file does not hold what the page shows there."""
        parts = _CODE_SPAN.split(line)  # text, a code span, text, ...: braces in code are code's
        return "".join(
            _EXPRESSION.sub(lambda m: self._expression(number, m), part) if index % 2 == 0 and "{" in part else part
            for index, part in enumerate(parts)
        )

    def _expression(self, number: int, match: re.Match[str]) -> str:
        inner = match[1]
        literal = _STRING.fullmatch(inner)
        if literal:
            text = next(group for group in literal.groups() if group is not None)
            return re.sub(r"\\(.)", r"\1", text)
        if _COMMENT.fullmatch(inner):
            return ""
        self._note(
            number,
            self._column(number, match[0]),
            f"the JSX expression {match[0]!r} is not text: what the page shows in its place is not in the file; capture "
            "the page as it renders (import its address)",
            unreadable=True,
        )
        return ""

    def markdown(self, number: int, line: str) -> str:
        """Line ``number`` as a draft's Markdown: an HTML link as a Markdown link, ``<strong>`` and ``<em>`` as ``**``
        and ``*``, ``<br>`` as a line break (a space in a table's row or a heading), every other tag as its text."""
        read = line
        if "<" in read:
            read = _LINK.sub(_link, read)
            read = _TAG.sub(
                lambda m: (self._is_tag(number, m) and _EMPHASIS_TAGS.get(m[2].lower(), "")) or self._tag_text(number, m), read
            )
        if "{" in read and self.dialect == "mdx":
            read = self._expressions(number, read)
        if ":" in read:
            read = _MDC_INLINE.sub(lambda m: m[1] or "", read)
        if read == line:
            return line
        pieces = [_SPACES.sub(" ", piece).strip() for piece in read.split(_BREAK)]
        pieces = [piece for piece in pieces if piece] or [""]
        if line.lstrip().startswith(("|", "#")):  # a table's row or a heading is one line: a break in it reads as a space
            return " ".join(pieces)
        indent = line[: len(line) - len(line.lstrip())]  # a nested list item's, kept; the next lines continue it
        return indent + _BREAK.join([pieces[0], *(_BLOCK_START.sub(_escaped_start, piece) for piece in pieces[1:])])


def _escaped_start(match: re.Match[str]) -> str:
    """A block's start escaped as text: ``\\-``, ``\\#``; a number's mark after it, ``2\\.`` (a digit is no character
    Markdown escapes: ``\\2.`` would show its backslash)."""
    return match[0] + "\\" if match[0][0].isdigit() else "\\" + match[0]


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


def markup_lines(lines: list[str], skip: frozenset[int] = frozenset(), dialect: Dialect = "text") -> set[int]:
    """The numbers (1-based) of the lines that are wholly the site's markup (:meth:`SiteSource._markup_lines`)."""
    return SiteSource(lines, dialect, skip).markup


def as_markdown(text: str, dialect: Dialect = "text", first_line: int = 1) -> tuple[str, list[Note]]:
    """A capture's Markdown without its site's markup, for a draft, and what reading it could not tell: the markup
    lines left out (a blank line in their place), each other line as :meth:`SiteSource.markdown` reads it."""
    kept, notes = markdown_lines(text, dialect, first_line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)), notes


def markdown_lines(text: str, dialect: Dialect = "text", first_line: int = 1) -> tuple[list[str], list[Note]]:
    """:func:`as_markdown`'s Markdown line by line of ``text``: each line's (several where a ``<br>`` breaks it; an
    empty one for a line of markup), and the notes."""
    lines = text.split("\n")
    source = SiteSource(lines[:-1] if text.endswith("\n") else lines, dialect, first_line=first_line)  # as the check reads
    kept = ["" if number in source.markup else source.markdown(number, line) for number, line in enumerate(lines, start=1)]
    return kept, source.notes


def _link(match: re.Match[str]) -> str:
    href = _HREF.search(" " + match[1])
    address = next((group for group in href.groups() if group is not None), "") if href else ""
    words = match[2]
    if re.match(r"(?:https?|mailto):", address, re.IGNORECASE) and words.strip():
        return f"[{words}]({address})"
    return words if words.strip() else ""
