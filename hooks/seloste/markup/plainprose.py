"""Plain Markdown written as HTML without a parser: paragraphs, simple lists, headings, a strong start, plain links.

Most bodies of an archive are such prose. For them, :func:`plain_html` gives what Python-Markdown (as ``render.py``
configures it) and then the sanitiser give, without running either, and :func:`plain_kinds` their blocks' kinds
without rendering; anything else is None, and goes to the renderers. ``tests/test_render.py`` holds both to the
renderers on generated texts.
"""

from __future__ import annotations

import functools
import re
import typing

_PUNCTUATION = " .,;:?!'\"()/%@+\\-\u20ac\u00a7\u2013\u2014\u2026\u2018\u2019\u201c\u201d\u00ab\u00bb"
_PLAIN_LINE = re.compile(r"[^\W\d_](?:[^\W_]|[" + _PUNCTUATION + r"])*(?<! )")
"""A line with no Markdown in it: it starts with a letter (no list, heading or quote), holds letters,
digits, spaces and punctuation that mean nothing to Markdown, and ends without a space (no hard break)."""
_NOT_PLAIN = re.compile(r"[^\w" + _PUNCTUATION + r"]|_")
"""A character no line of :data:`_PLAIN_LINE` holds: one search finds it (the pattern's fullmatch tries each character
against two classes in turn, which takes twice as long on a notice's long lines)."""
_NUMBER = re.compile(r"[0-9]+(?:\\\.)? ")
"""A paragraph line's number before its words, as a numbered heading is written once ``inline_html`` has escaped it
(``1\\. Rekisterinpitäjä``), or without a full stop (``1 Rekisterin nimi``): text, not a list, to both renderers."""


def _plain_line(line: str, start: int = 0) -> bool:
    """Whether ``line[start:]`` is a :data:`_PLAIN_LINE` (tests/test_render.py holds the two to the same answers)."""
    first = line[start : start + 1]
    return first.isalnum() and not first.isdecimal() and line[-1] != " " and _NOT_PLAIN.search(line, start) is None


def _paragraph_line(line: str) -> bool:
    """A plain line, or one after a number (:data:`_NUMBER`)."""
    if _plain_line(line):
        return True
    number = _NUMBER.match(line) if line[:1].isdigit() else None
    return number is not None and _plain_line(line, number.end())


_HEADING = re.compile(r"(#{3,6}) (?:[0-9]+\.? )?")
"""A heading of a level the sanitiser keeps (``### Evästeet``, ``#### 1. Rekisterinpitäjä``), before its plain words."""
_BOLD_START = re.compile(r"\*\*((?:[0-9]+\.? )?[^\W\d_][^*\n]*?)\*\*(?: (?=[^ ])|$)")
"""A line's strong start (``**Rekisterinpitäjä:** Oy Esimerkki Ab``, ``**1. Yhteystiedot**``): its plain words between
``**`` and ``**``, then the line's end or a space and plain text (:func:`_plain_inline`)."""


_DOMAIN = r"(?:(?![Xx][Nn]--)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
"""A host name the sanitiser's URL parser takes: labels of letters, digits and hyphens, none an IDN's ``xn--``, and a
top-level domain of letters (not an address of digits, which the parser may refuse and the sanitiser then drops)."""
_PLAIN_LINK = re.compile(
    r"\[([^\W_][^\[\]\n]*?)\]\((https?://"
    + _DOMAIN
    + r"(?:/[A-Za-z0-9._~/?#@!$+,;=-]*)?|mailto:[A-Za-z0-9._+-]+@"
    + _DOMAIN
    + r")\)"
)
"""A link with plain words to a full address of plain ASCII, which neither Markdown nor HTML escapes or reads and the
sanitiser keeps as it is (``[info@esimerkki.fi](mailto:info@esimerkki.fi)``, ``[sivut](https://esimerkki.fi/a_b)``)."""


def _plain_inline(line: str, start: int = 0) -> str | None:
    """The HTML of ``line[start:]`` as Python-Markdown writes it (then sanitised) if it is plain text that may start with
    a strong part (:data:`_BOLD_START`) and hold links (:data:`_PLAIN_LINK`); None if it holds anything else."""
    html: list[str] = []
    position = start
    bold = _BOLD_START.match(line, start) if line.startswith("**", start) else None
    if bold is not None:
        words = bold[1]
        if not _plain_line(words, words.find(" ") + 1 if words[:1].isdigit() else 0):
            return None
        html.append(f"<strong>{words}</strong>" + (" " if bold.end() < len(line) else ""))
        position = bold.end()
    elif not (line[start : start + 1] == "[" or (line[start : start + 1].isalnum() and not line[start].isdecimal())):
        return None  # not a letter first: a list's or a heading's mark, or other Markdown
    if line[-1:] == " ":
        return None  # a hard line break
    for link in _PLAIN_LINK.finditer(line, position) if "[" in line else ():
        words, between = link[1], line[position : link.start()]
        if between[-1:] == "!" or _NOT_PLAIN.search(between) or words[-1] == " " or _NOT_PLAIN.search(words):
            return None  # an image, or a link among other Markdown
        html += [between, f'<a href="{link[2]}" rel="noopener noreferrer nofollow">{words}</a>']
        position = link.end()
    if _NOT_PLAIN.search(line, position):
        return None
    html.append(line[position:])
    return "".join(html)


def _heading(block: str) -> tuple[str, str] | None:
    """A block of one heading line of plain words: its tag and its words."""
    heading = _HEADING.match(block) if block.startswith("###") else None
    if heading is None or "\n" in block or not _plain_line(block, heading.end()):
        return None
    return f"h{len(heading[1])}", block[len(heading[1]) + 1 :]


Structure = tuple[tuple[str, tuple[str, ...]], ...]
"""Each block's kind (``p``, ``ul``, ``h3`` to ``h6``) and its lines' HTML."""


@functools.lru_cache(maxsize=1 << 12)
def _plain_structure(text: str) -> Structure | None:
    """A body of plain paragraphs, simple lists and headings as its blocks, or None if the body has anything else.

    A plain line may start with a strong part (``**Rekisterinpitäjä:** ...``). A simple list is a block of ``- `` items
    of one plain line each; a heading is a block of one line. Two lists in a row (only a blank line between them) are
    one loose list to Markdown, with paragraphs in its items: such bodies are left to it. Remembered for the last few
    thousand texts: a body's rendering, its check against the reference and its blocks' kinds each ask, one after
    another."""
    found: list[tuple[str, tuple[str, ...]]] = []
    previous_list = False
    for block in text.rstrip("\n").split("\n\n"):
        heading = _heading(block)
        if heading is not None:
            found.append((heading[0], (heading[1],)))
            previous_list = False
            continue
        lines = block.split("\n")
        if all(line.startswith("- ") for line in lines):
            items = [_plain_inline(line, 2) for line in lines]
            if None in items or previous_list:
                return None
            found.append(("ul", typing.cast(tuple[str, ...], tuple(items))))
            previous_list = True
            continue
        parts = [_paragraph_html(line) for line in lines]
        if None in parts:
            return None
        found.append(("p", typing.cast(tuple[str, ...], tuple(parts))))
        previous_list = False
    return tuple(found)


def _paragraph_html(line: str) -> str | None:
    """A paragraph line's HTML: a plain line (:func:`_plain_inline`), or plain words after a number."""
    if _paragraph_line(line):
        return line.replace("\\.", ".", 1) if line[:1].isdigit() else line
    return _plain_inline(line) if line[:1] in ("*", "[") or "[" in line else None


def plain_html(text: str) -> str | None:
    """What Python-Markdown (as configured here) makes of a body of plain paragraphs, simple lists and headings
    (:func:`_plain_structure`), sanitised, or None if the body has anything else. Most bodies are such prose; this skips
    the parser and the sanitiser for them, with the same result (tests/test_render.py checks it against them on
    generated texts)."""
    structure = _plain_structure(text)
    if structure is None:
        return None
    return "\n".join(
        "<ul>\n<li>" + "</li>\n<li>".join(lines) + "</li>\n</ul>"
        if kind == "ul"
        else f"<{kind}>" + "<br>\n".join(lines) + f"</{kind}>"
        for kind, lines in structure
    )


def as_cmark_writes(plain_html: str) -> str:
    """:func:`plain_html`'s HTML as cmark-gfm writes the same blocks: a line break as ``<br />``, a double quote as
    ``&quot;`` (the sanitiser writes both back as they were). Not a link's: its attributes' quotes would be written so
    too, and no HTML cmark writes is equal to it (the sanitiser adds the link's ``rel``)."""
    return plain_html.replace("<br>", "<br />").replace('"', "&quot;")


_KINDS = {"p": "paragraph", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading"}


def plain_kinds(text: str) -> tuple[str, ...] | None:
    """The kinds of the blocks a reader sees in a body of plain paragraphs, simple lists and headings ('paragraph',
    'item', 'heading'), without rendering it; None if the body has anything else (tests/test_render.py checks them
    against the rendered blocks')."""
    structure = _plain_structure(text)
    if structure is None:
        return None
    return tuple(kind for tag, lines in structure for kind in (["item"] * len(lines) if tag == "ul" else [_KINDS[tag]]))
