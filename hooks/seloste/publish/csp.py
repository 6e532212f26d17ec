"""A Content-Security-Policy for every page: only the site's own scripts and styles run.

The policy goes in a ``<meta http-equiv>`` tag (GitHub Pages sets no headers), as the first
element of ``<head>``, before anything it governs. Every page passes through :func:`with_csp`
exactly once, as the last step of its rendering, so nothing asks whether a page already has a
policy (what a page says, its title included, cannot make it skip one): a page that arrives with
a policy at the start of its head has passed twice, and is refused.

Material's pages carry a few small inline scripts of their own (its palette and scope set-up);
they are allowed by their SHA-256 hashes, computed from the finished page, so nothing else inline
can run: not a script a notice might smuggle in, nor an event handler attribute. No ``eval`` and
no WebAssembly: the search is plain JavaScript.
"""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_JS_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
_PAGE_START = re.compile(r"\A\s*<!doctype html>\s*<html(?:\s[^<>]*)?>\s*<head>", re.I)
META_NAME = "Content-Security-Policy"


class PolicyError(ValueError):
    """A page that cannot be given its policy: no ``<head>`` where it belongs, or one that already has it."""


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


def with_csp(html: str, page: str) -> str:
    """The finished page ``html`` (at site path ``page``, for messages) with its policy as the first element of
    ``<head>``. Raises PolicyError if the page does not start with its ``<head>`` or already has a policy there."""
    head = _PAGE_START.match(html)
    if head is None:
        raise PolicyError(f"{page}: the page does not start with <!doctype html><html><head>: {html[:160]!r}")
    if html.startswith(f'<meta http-equiv="{META_NAME}"', head.end()):
        raise PolicyError(f"{page}: the page already has a Content-Security-Policy: each page is given one, once")
    meta = f'<meta http-equiv="{META_NAME}" content="{policy(html)}">'
    return html[: head.end()] + meta + html[head.end() :]
