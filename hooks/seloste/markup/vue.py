"""A notice held in a Vue single-file component (a ``.vue`` file: a Vue or Nuxt page), read as the page shows it.

Such a file holds the page's markup in its top-level ``<template>`` block, beside ``<script>`` and ``<style>`` blocks
that no reader sees. :func:`template_markup` gives that block as HTML, for ``seloste import`` to read as it reads a
page (it was read as an HTML page before, where a ``<template>`` is not shown: the notice vanished, and the capture
was empty):

- a ``<template>`` inside it (``<template v-if="...">``) shows its content without itself;
- ``<NuxtLink to="...">`` and ``<router-link to="...">`` are links;
- an interpolation that is a string literal is its text (``{{ 'vain' }}``); any other (``{{ yhteyshenkilo }}``),
  ``v-html``, ``v-text`` and ``v-for`` (content and repetitions the page gets when it runs) and ``v-else`` (one of
  two texts, never both) are decided only when the site runs, so the file does not hold what the page shows: a note
  marked ``unreadable``, at its line and column;
- a template in another language than HTML (``<template lang="pug">``) is not read.

Each character is read a bounded number of times: the file comes from a pull request.
"""

from __future__ import annotations

import html
import re

from .sitesource import Note

VUE_FILES = (".vue",)
"""The endings of a file read as a Vue single-file component."""

_TOP_OPEN = re.compile(r"^<template\b([^>\n]*+)>", re.MULTILINE)
_TOP_CLOSE = re.compile(r"^</template\s*+>", re.MULTILINE)
_INNER_TEMPLATE = re.compile(r"</?template\b[^<>]*+>")
_LANG = re.compile(r"""\blang\s*+=\s*+["']?+([\w-]++)""")
_LINK_TAG = re.compile(r"<(/?)(?:NuxtLink|RouterLink|nuxt-link|router-link)\b([^<>]*+)>")
_TO = re.compile(r"""(?<![:\w-])to(\s*+=)""")
_RUNTIME_DIRECTIVE = re.compile(r"""\sv-(html|text|for|else-if|else)(?=[\s=/>])""")
_STRING = re.compile(r"""\s*+(?:"((?:[^"\\]|\\.)*+)"|'((?:[^'\\]|\\.)*+)')\s*+""", re.DOTALL)
_DIRECTIVE_SAYS = {
    "html": "puts HTML that the site has when it runs in its element",
    "text": "puts text that the site has when it runs in its element",
    "for": "repeats its element for data that the site has when it runs",
    "else-if": "shows its element or the one before it, as the site decides when it runs",
    "else": "shows its element or the one before it, as the site decides when it runs",
}


def template_markup(text: str) -> tuple[str, list[Note]]:
    """The markup of a Vue component's ``<template>`` block as HTML the page shows, and what could not be read as the
    page shows it (see the module's docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    notes: list[Note] = []

    def note(position: int, message: str) -> None:
        line = text.count("\n", 0, position) + 1
        notes.append(Note(line, position - (text.rfind("\n", 0, position) + 1) + 1, message, unreadable=True))

    opening = _TOP_OPEN.search(text)
    closings = list(_TOP_CLOSE.finditer(text, opening.end())) if opening else []
    if opening is None or not closings:
        note(opening.start() if opening else 0, "the file holds no <template> block, with its </template> at a line's "
             "start: nothing here is a page's text; capture the page as it renders")  # fmt: skip
        return "", notes
    if (lang := _LANG.search(opening[1])) and lang[1].lower() != "html":
        note(opening.start(), f"the template is written in {lang[1]!r}, not HTML; capture the page as it renders")
        return "", notes
    start, end = opening.end(), closings[-1].start()
    for directive in _RUNTIME_DIRECTIVE.finditer(text, start, end):
        note(
            directive.start() + 1,
            f"v-{directive[1]} {_DIRECTIVE_SAYS[directive[1]]}: the file does not hold what the page shows there; "
            "capture the page as it renders (import its address)",
        )
    out: list[str] = []
    position = start
    while position < end:
        mustache = text.find("{{", position, end)
        if mustache < 0:
            out.append(text[position:end])
            break
        closing = text.find("}}", mustache + 2, end)
        if closing < 0:
            note(mustache, "this interpolation ('{{') is not closed within the template")
            break
        out.append(text[position:mustache])
        literal = _STRING.fullmatch(text, mustache + 2, closing)
        if literal:
            value = next(g for g in literal.groups() if g is not None)
            out.append(html.escape(re.sub(r"\\(.)", r"\1", value), quote=False))
        else:
            shown = text[mustache : closing + 2]
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            note(
                mustache,
                f"the interpolation {shown!r} is not text: what the page shows in its place is not in the file; "
                "capture the page as it renders (import its address)",
            )
        position = closing + 2
    markup = _INNER_TEMPLATE.sub("", "".join(out))
    markup = _LINK_TAG.sub(lambda m: "<" + m[1] + "a" + _TO.sub(r"href\1", m[2]) + ">", markup)
    return markup, sorted(notes, key=lambda n: (n.line, n.column))
