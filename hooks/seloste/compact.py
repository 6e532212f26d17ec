"""Pages without their indentation: the templates' (Material's and ours) is a tenth of a notice page.

Each run of HTML whitespace (space, tab, line break) that holds a line break becomes one line
break. A browser collapses such a run to a single space in text, and ignores it between
elements, so the page renders the same. Whitespace shows as written only in ``<pre>`` and
``<textarea>``, and in inline ``<code>`` (Material sets ``white-space: pre-wrap`` on it): a
page that has any of them is left as it is. Other Unicode spaces (an em space, an ideographic
space) are text, not HTML whitespace, and stay.
"""

from __future__ import annotations

import re

_BREAK = re.compile(r"(?<![ \t\r\f])[ \t\r\f]*\n[ \t\r\n\f]*")
"""Starts only at the first blank of a run, so a long run of spaces is scanned once (linear time)."""
_KEEPS_WHITESPACE = re.compile(r"<(?:pre|textarea|code)[\s>]", re.I)


def compact_html(html: str) -> str:
    if _KEEPS_WHITESPACE.search(html):
        return html
    return _BREAK.sub("\n", html)
