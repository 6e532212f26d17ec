"""A Content-Security-Policy for every page: only the site's own scripts and styles run.

The policy goes in a ``<meta http-equiv>`` tag (GitHub Pages sets no headers). Material's
pages carry a few small inline scripts of their own (its palette and scope set-up); they are
allowed by their SHA-256 hashes, computed from the finished page, so nothing else inline can
run: not a script a notice might smuggle in, nor an event handler attribute. No ``eval``
and no WebAssembly: the search is plain JavaScript.
"""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)
_JS_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
META_NAME = "Content-Security-Policy"


def inline_script_hashes(html: str) -> list[str]:
    """CSP hash sources of the page's inline scripts that a browser would run (JSON data blocks are not run)."""
    hashes = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _JS_TYPES):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(html: str) -> str:
    scripts = " ".join(["'self'", *inline_script_hashes(html)])
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src {scripts}",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "manifest-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
        )
    )


def with_csp(html: str) -> str:
    """The page with its policy as the first element of ``<head>``, before anything it governs."""
    head = _HEAD.search(html)
    if head is None or META_NAME in html[: head.end() + 200]:
        return html
    meta = f'<meta http-equiv="{META_NAME}" content="{policy(html)}">'
    return html[: head.end()] + meta + html[head.end() :]
