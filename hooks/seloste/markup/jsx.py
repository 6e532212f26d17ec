"""A notice held in a React component's source (a ``.jsx`` or ``.tsx`` file: a Next.js, Gatsby or Vite page), read as
the page shows it.

Such a file is JavaScript or TypeScript: ``import`` lines, constants, the component's function, and the JSX markup it
returns (``<h2 className="font-semibold">1. Rekisterinpitäjä</h2>``). A reader sees only the markup's text, as React
renders it, so :func:`page_markup` gives that markup as HTML, for ``seloste import`` to read as it reads a page:

- the code around the markup is not text (it was read as the notice's first and last lines before);
- JSX text is not HTML text: each of its lines is trimmed and the lines left with words are joined by one space, so
  a line break between a word and a tag is no space at all (``Lue`` and ``<a>ehdot</a>`` on the next line read
  ``Lueehdot``, as the page shows them);
- an expression that is a string literal is its text (``{" "}``, ``{'vain'}``), a comment nothing; any other
  (``{COMPANY}``, ``{rows.map(...)}``) is filled in only when the site runs, so the file does not hold what the page
  shows: a :class:`~seloste.markup.sitesource.Note` marked ``unreadable``, at its line and column;
- what goes to the document's head (``<Head>``, ``<title>``, ``<meta>``) is not on the page; a self-closing component
  (an icon: ``<IoIosMail />``) has no text; Next.js's ``<Link href="...">`` is a link;
- the file's markup must be one tree: where it holds several (a helper component beside the page), which of them the
  page shows, and where, is decided when the site runs, and a note says so.

Each character is read once, and nesting is kept on a list, not the call stack: the file comes from a pull request.
"""

from __future__ import annotations

import html
import re

from .sitesource import Note

JSX_FILES = (".jsx", ".tsx", ".js")
"""The endings of a file read as a React component's source (Gatsby and Create React App pages are ``.js``)."""

_NAME = re.compile(r"[A-Za-z_$][\w$.:-]*+")
_ATTRIBUTE_NAME = re.compile(r"[A-Za-z_$][\w$:.-]*+")
_STRING = re.compile(r"""\s*+(?:"((?:[^"\\]|\\.)*+)"|'((?:[^'\\]|\\.)*+)'|`((?:[^`\\$]|\\.)*+)`)\s*+""", re.DOTALL)
_COMMENT = re.compile(r"\s*+(?:/\*.*?\*/\s*+|//[^\n]*+\n\s*+)*+", re.DOTALL)
_STARTS_AFTER = frozenset("(,=?:[{&|")
"""The characters after which a ``<`` starts JSX markup (an expression starts there); after a name or a number it is a
comparison or a TypeScript type's (``useState<boolean>``)."""
_STARTS_AFTER_WORD = re.compile(r"(?:\A|[^\w$])(?:return|default)\Z")
_NOT_SHOWN = frozenset({"Head", "Helmet", "title", "meta", "link", "script", "style", "Script", "noscript"})
"""Elements whose content is not on the page: the document's head, code."""
_KEPT_ATTRIBUTES = {"href": "href", "className": "class", "class": "class", "id": "id"}
"""The attributes the HTML keeps: a link's address, and what ``--select`` may name (a class, an id)."""


class _Tag:
    __slots__ = ("attributes", "closing", "end", "name", "self_closing")

    def __init__(self, name: str, closing: bool, self_closing: bool, attributes: dict[str, str], end: int):
        self.name, self.closing, self.self_closing, self.attributes, self.end = name, closing, self_closing, attributes, end


def page_markup(text: str) -> tuple[str, list[Note]]:
    """The JSX markup of a component's source ``text`` as HTML the page shows, and what could not be read as the
    page shows it (see the module's docstring)."""
    reader = _Reader(text)
    trees = reader.trees()
    if not trees and not reader.notes:
        reader.note(0, "the file holds no JSX markup: nothing here is a page's text; capture the page as it renders")
    elif len(trees) > 1:
        lines = ", ".join(str(reader.line_column(start)[0]) for start, _ in trees)
        reader.note(
            trees[1][0],
            f"the file holds {len(trees)} pieces of JSX markup (at lines {lines}): which of them the page shows, and in "
            "what order, is decided when the site runs; capture the page as it renders (import its address)",
        )
    return "".join(markup for _, markup in trees), reader.notes


class _Reader:
    def __init__(self, text: str):
        self.text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.notes: list[Note] = []
        self.stopped = False
        """Whether a tag or an expression that does not end stopped the reading (the file would not build)."""

    def line_column(self, position: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, position) + 1
        return line, position - (self.text.rfind("\n", 0, position) + 1) + 1

    def note(self, position: int, message: str) -> None:
        line, column = self.line_column(position)
        self.notes.append(Note(line, column, message, unreadable=True))

    def trees(self) -> list[tuple[int, str]]:
        """Each JSX tree of the file with text in it, outside strings, template literals and comments: where it
        starts, and its HTML. A tree without text (an icon in a constant, ``<Layout />``) shows the notice nothing."""
        text, found = self.text, list[tuple[int, str]]()
        position, length, last = 0, len(text), -1
        """``last``: the last character of code read (not in a string or a comment), where JSX may start after."""
        while position < length:
            char = text[position]
            if char in "'\"`":
                position = self._string_end(position)
                last = position - 1
                continue
            if text.startswith("//", position):
                position = text.find("\n", position)
                position = length if position < 0 else position
                continue
            if text.startswith("/*", position):
                end = text.find("*/", position + 2)
                position = length if end < 0 else end + 2
                continue
            tag = self._tag(position) if char == "<" and _starts_markup(text, last) else None
            if self.stopped:
                return found
            if tag and not tag.closing:
                tree_end, markup = self._tree(position, tag)
                if tree_end is None:
                    return found
                if _has_text(markup):
                    found.append((position, markup))
                position = last = tree_end
                continue
            if not char.isspace():
                last = position
            position += 1
        return found

    def _string_end(self, position: int) -> int:
        """The position after the string or template literal that starts at ``position`` (its end, or the file's)."""
        text, quote = self.text, self.text[position]
        position += 1
        depth = 0
        while position < len(text):
            char = text[position]
            if char == "\\":
                position += 2
                continue
            if quote == "`" and text.startswith("${", position):
                depth, position = depth + 1, position + 2
                continue
            if quote == "`" and depth and char == "}":
                depth -= 1
            elif char == quote and not depth:
                return position + 1
            elif char == "\n" and quote != "`":
                return position  # a quote does not go on to the next line
            position += 1
        return position

    def _expression_end(self, position: int) -> int | None:
        """The position after the ``}`` that closes the ``{`` at ``position``, or None where it is not closed."""
        text, depth = self.text, 0
        while position < len(text):
            char = text[position]
            if char in "'\"`":
                position = self._string_end(position)
                continue
            if text.startswith("/*", position):
                end = text.find("*/", position + 2)
                if end < 0:
                    return None
                position = end + 2
                continue
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    return position + 1
            position += 1
        return None

    def _tag(self, position: int) -> _Tag | None:
        """The JSX tag at ``position`` (a ``<``), or None where it has no tag's shape (a comparison, a type)."""
        text = self.text
        at = _skip(text, position + 1)
        closing = text.startswith("/", at)
        if closing:
            at = _skip(text, at + 1)
        name_match = _NAME.match(text, at)
        name = name_match[0] if name_match else ""
        at = name_match.end() if name_match else at
        attributes: dict[str, str] = {}
        while True:
            at = _skip(text, at)
            if text.startswith(">", at):
                return _Tag(name, closing, False, attributes, at + 1)
            if text.startswith("/>", at) and not closing and name:
                return _Tag(name, closing, True, attributes, at + 2)
            if not name or closing:
                return None
            if text.startswith("{", at):  # a spread, {...props}
                end = self._expression_end(at)
                if end is None:
                    return self._stop_at(at, "this expression in a JSX tag is not closed before the file ends")
                at = end
                continue
            attribute = _ATTRIBUTE_NAME.match(text, at)
            if not attribute:
                return None
            at = _skip(text, attribute.end())
            if not text.startswith("=", at):
                continue
            at = _skip(text, at + 1)
            if text.startswith(("'", '"'), at):
                end = self._string_end(at)
                if end == at + 1 or text[end - 1 : end] != text[at]:
                    return self._stop_at(at, "this JSX attribute's value does not end on its line")
                if attribute[0] in _KEPT_ATTRIBUTES:
                    attributes[_KEPT_ATTRIBUTES[attribute[0]]] = html.unescape(text[at + 1 : end - 1])
                at = end
            elif text.startswith("{", at):
                end = self._expression_end(at)
                if end is None:
                    return self._stop_at(at, "this expression in a JSX tag is not closed before the file ends")
                literal = _STRING.fullmatch(text, at + 1, end - 1)
                if literal and attribute[0] in _KEPT_ATTRIBUTES:  # href={"https://..."}
                    value = next(g for g in literal.groups() if g is not None)
                    attributes[_KEPT_ATTRIBUTES[attribute[0]]] = re.sub(r"\\(.)", r"\1", value)
                at = end
            else:
                return None

    def _stop_at(self, position: int, message: str) -> _Tag | None:
        """Stop reading the file where something does not end (the site would not build), saying so: no tag."""
        self.note(position, message)
        self.stopped = True
        return None

    def _tree(self, start: int, first: _Tag) -> tuple[int | None, str]:
        """The end of the JSX tree that opens with ``first`` at ``start``, and its HTML."""
        out: list[str] = []
        open_: list[tuple[str, int, bool]] = []
        """The names open, where each opened, and whether its content is shown."""
        tag, position, text = first, start, self.text
        next_lt = next_brace = position - 1
        """Where the next ``<`` and ``{`` are (past the end: none), each looked for again only once passed, so that
        each character is read once."""
        while True:
            shown = open_[-1][2] if open_ else True
            if tag.closing:
                name, opened, _ = open_.pop()
                if tag.name != name:
                    self.note(position, f"</{tag.name}> closes <{name}>, opened at line {self.line_column(opened)[0]}")
                    return None, ""
                if shown and name and name not in _NOT_SHOWN:
                    out.append(f"</{_html_name(name)}>")
            elif tag.self_closing:
                if shown and tag.name[:1].islower() and tag.name not in _NOT_SHOWN:
                    out.append(f"<{tag.name}{_attributes(tag)} />")
            else:
                open_.append((tag.name, position, shown and tag.name not in _NOT_SHOWN))
                if shown and tag.name and tag.name not in _NOT_SHOWN:
                    out.append(f"<{_html_name(tag.name)}{_attributes(tag)}>")
            position = tag.end
            if not open_:
                return position, "".join(out)
            # the children up to the next tag: text and expressions
            chunk: list[tuple[bool, str]] = []
            """The text up to the next tag: JSX text (False), and the values of string expressions (True)."""
            while True:
                if next_lt < position:
                    next_lt = _find(text, "<", position)
                if next_brace < position:
                    next_brace = _find(text, "{", position)
                stop = min(next_lt, next_brace)
                if stop == len(text):
                    name, opened, _ = open_[-1]
                    self.note(opened, f"the JSX element <{name}> is not closed before the file ends")
                    return None, ""
                chunk.append((False, text[position:stop]))
                if text[stop] == "<":
                    next_tag = self._tag(stop)
                    if next_tag is None:
                        if not self.stopped:
                            self.note(stop, "a '<' in JSX text that starts no tag: the site would not build; check the file")
                        return None, ""
                    break
                end = self._expression_end(stop)
                if end is None:
                    self.note(stop, "this JSX expression is not closed before the file ends")
                    return None, ""
                chunk.append((True, self._expression_text(stop, end)))  # as it stands, not trimmed as JSX text is
                position = end
            piece = _text_html(chunk) if open_[-1][2] else ""
            if piece and out and out[-1].endswith("<br />"):
                piece = piece.lstrip(" ")  # a space at a line's start shows on no page
            if piece:
                out.append(piece)
            tag, position = next_tag, stop

    def _expression_text(self, start: int, end: int) -> str:
        inner = self.text[start + 1 : end - 1]
        literal = _STRING.fullmatch(inner)
        if literal:
            return re.sub(r"\\(.)", r"\1", next(g for g in literal.groups() if g is not None))
        if _COMMENT.fullmatch(inner):
            return ""
        shown = self.text[start:end] if end - start <= 60 else self.text[start : start + 57] + "..."
        self.note(
            start,
            f"the JSX expression {shown!r} is not text: what the page shows in its place is not in the file; capture the "
            "page as it renders (import its address)",
        )
        return ""


def _starts_markup(text: str, last: int) -> bool:
    """Whether a ``<`` read after the code character at ``last`` starts JSX markup (see ``_STARTS_AFTER``)."""
    if last < 0:
        return True
    char = text[last]
    if char in _STARTS_AFTER or (char == ">" and text[last - 1 : last] == "="):
        return True
    return bool(_STARTS_AFTER_WORD.search(text, max(0, last - 7), last + 1))


def _find(text: str, char: str, start: int) -> int:
    found = text.find(char, start)
    return len(text) if found < 0 else found


def _has_text(markup: str) -> bool:
    return bool(re.search(r">\s*+[^\s<]", ">" + markup))


def _skip(text: str, at: int) -> int:
    """The position after the spaces at ``at``."""
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _html_name(name: str) -> str:
    return "a" if name == "Link" else name


def _attributes(tag: _Tag) -> str:
    return "".join(f' {key}="{html.escape(value)}"' for key, value in tag.attributes.items())


def _text_html(chunk: list[tuple[bool, str]]) -> str:
    """JSX text, trimmed as JSX trims it, and the values of its string expressions, as they stand, as HTML."""
    return "".join(html.escape(value, quote=False) if literal else _jsx_text(value) for literal, value in chunk)


def _jsx_text(text: str) -> str:
    """JSX text as React renders it (Babel's rule): the spaces at the start of each line but the first, and at the
    end of each line but the last, dropped; lines left empty dropped; the others joined by one space. JSX text holds
    no ``<`` or ``{``; its character references (``&nbsp;``) stay, for the HTML parser to read as a page's."""
    lines = text.replace("\t", " ").split("\n")
    kept = []
    for index, raw in enumerate(lines):
        line = raw if index == 0 else raw.lstrip(" ")
        line = line if index == len(lines) - 1 else line.rstrip(" ")
        if line:
            kept.append(line)
    return " ".join(kept)
