"""Pages without their indentation: the templates' (Material's and ours) is a tenth of a notice page.

Each run of whitespace that holds a line break becomes one line break. A browser collapses
such a run to a single space in text, and ignores it between elements, so the page renders
the same; only whitespace where it shows as written (``<pre>``, ``<textarea>``) would change,
and a page that has either is left as it is.
"""

from __future__ import annotations

import re

_BREAK = re.compile(r"[ \t]*\n\s*")
_KEEPS_WHITESPACE = re.compile(r"<(?:pre|textarea)[\s>]", re.I)


def compact_html(html: str) -> str:
    if _KEEPS_WHITESPACE.search(html):
        return html
    return _BREAK.sub("\n", html)
