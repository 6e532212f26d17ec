"""GitHub's CommonMark renderer (cmark-gfm, from the cmarkgfm wheel), called directly: what a contributor sees in a
pull request's preview of a Markdown file is what the pages show.

The wheel's own helpers never free the parsed document nor the HTML string cmark returns: about ten times each text's
size stays allocated (60 kB for a 6 kB text), which at the 110,000 distinct texts of a large archive is gigabytes.
This module calls the same functions of the same library through ``ctypes`` and frees both.

Raw HTML: cmark would pass a tag through (or, in its safe mode, drop it for a comment); a notice shows ``<b>`` as the
text ``<b>``. So every ``<`` that does not open an autolink is swapped for a character no Markdown rule knows before
parsing, and written back as ``&lt;`` in the HTML: raw HTML never reaches the parser, and inside code the character
is shown as it was. ``CMARK_OPT_UNSAFE`` is then safe and keeps a ``javascript:`` link's address for the sanitiser to
remove (cmark's safe mode empties it, and an empty ``href`` would be published as a link to the page itself).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import re

import cmarkgfm._cmark as _compiled  # type: ignore[import-untyped]

_P = ctypes.c_void_p

OPTIONS = (
    _compiled.lib.CMARK_OPT_HARDBREAKS  # a line break in a paragraph is a line break, as Python-Markdown's nl2br
    | _compiled.lib.CMARK_OPT_UNSAFE  # no raw HTML reaches the parser (LT below); URLs are the sanitiser's
    | _compiled.lib.CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES  # a column's alignment as a style: not published
)

LT = "\u2e30"
"""Stands for ``<`` while cmark parses (RING POINT, punctuation as ``<`` is, so emphasis next to it reads alike)."""

_RAW_LT = re.compile(
    r"<(?![A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\x00-\x20<>]*>"  # not an autolink <https://...> (CommonMark's own grammar)
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"  # nor <name@example.fi>
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*>)"
)
"""A ``<`` that does not open an autolink: what cmark would read as raw HTML, or as text."""


class _Library:
    def __init__(self) -> None:
        lib = ctypes.CDLL(_compiled.__file__)
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        signatures: dict[str, tuple[type | None, list[type]]] = {
            "cmark_gfm_core_extensions_ensure_registered": (None, []),
            "cmark_find_syntax_extension": (_P, [ctypes.c_char_p]),
            "cmark_parser_new": (_P, [ctypes.c_int]),
            "cmark_parser_attach_syntax_extension": (ctypes.c_int, [_P, _P]),
            "cmark_parser_feed": (None, [_P, ctypes.c_char_p, ctypes.c_size_t]),
            "cmark_parser_finish": (_P, [_P]),
            "cmark_parser_get_syntax_extensions": (_P, [_P]),
            "cmark_render_html": (_P, [_P, ctypes.c_int, _P]),
            "cmark_render_xml": (_P, [_P, ctypes.c_int]),
            "cmark_node_free": (None, [_P]),
            "cmark_parser_free": (None, [_P]),
        }
        for name, (result, arguments) in signatures.items():
            function = getattr(lib, name)
            function.restype = result
            function.argtypes = arguments
        libc.free.restype = None
        libc.free.argtypes = [_P]
        lib.cmark_gfm_core_extensions_ensure_registered()
        self.table = lib.cmark_find_syntax_extension(b"table")
        if not self.table:
            raise RuntimeError("cmark-gfm has no table extension")
        self.lib = lib
        self.free = libc.free

    def render(self, source: bytes, options: int, *, xml: bool = False) -> str:
        """The source's HTML, or with ``xml`` cmark's XML of its tree (every block, a tight list's paragraphs too)."""
        lib = self.lib
        parser = lib.cmark_parser_new(options)
        try:
            lib.cmark_parser_attach_syntax_extension(parser, self.table)
            lib.cmark_parser_feed(parser, source, len(source))
            root = lib.cmark_parser_finish(parser)
            try:
                html = (
                    lib.cmark_render_xml(root, options)
                    if xml
                    else lib.cmark_render_html(root, options, lib.cmark_parser_get_syntax_extensions(parser))
                )
                try:
                    return ctypes.string_at(html).decode("utf-8")
                finally:
                    self.free(html)
            finally:
                lib.cmark_node_free(root)
        finally:
            lib.cmark_parser_free(parser)


@functools.cache
def _library() -> _Library:
    return _Library()


def cmark_html(text: str, *, sourcepos: bool = False) -> str:
    """A Markdown text as cmark-gfm renders it (tables, hard line breaks, raw HTML as text), not yet sanitised.
    ``sourcepos``: each block says the lines it comes from (``data-sourcepos="3:1-4:9"``)."""
    if "<" in text:
        text = _RAW_LT.sub(LT, text)
    options = OPTIONS | (_compiled.lib.CMARK_OPT_SOURCEPOS if sourcepos else 0)
    html = _library().render(text.encode("utf-8"), options)
    if "%E2%B8%B0" in html:
        html = html.replace("%E2%B8%B0", "%3C")
    return html.replace(LT, "&lt;") if LT in html else html


_PARAGRAPH = re.compile(
    r'<paragraph sourcepos="([0-9]+):[0-9]+-([0-9]+):[0-9]+"'
    r'|<paragraph>(?:(?!</paragraph>).)*+</paragraph>\s*+<table sourcepos="([0-9]+):[0-9]+-([0-9]+):[0-9]+">'
    r'(?:(?:(?!</table>|<table_row ).)*+<table_row sourcepos="([0-9]+):)?',
    re.DOTALL,
)
"""A paragraph's lines; or, where a table follows it at once, cmark-gfm gives it none (its table's first row was read
as the paragraph's last line), the table's: it starts where the paragraph does, its header row two lines before its
first body row (or on the line before its delimiter row, its last, where it has none)."""


def paragraph_lines(text: str) -> list[tuple[int, int]]:
    """The first and last line (1-based) of each paragraph of a Markdown text, as the pages' renderer reads it: a list
    item's and a quote's too, a tight list's as well; raw HTML read as text, as the pages read it."""
    if "<" in text:
        text = _RAW_LT.sub(LT, text)  # one character for one: the lines stay where they are
    xml = _library().render(text.encode("utf-8"), OPTIONS | _compiled.lib.CMARK_OPT_SOURCEPOS, xml=True)
    return [
        (int(first), int(last)) if first else (int(start), (int(row) - 2 if row else int(end) - 1) - 1)
        for first, last, start, end, row in _PARAGRAPH.findall(xml)
    ]
