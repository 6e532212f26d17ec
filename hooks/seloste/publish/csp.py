"""A Content-Security-Policy for every page: only the site's own scripts and styles run.

The policy goes in a ``<meta http-equiv>`` tag (GitHub Pages sets no headers), as the first
element of ``<head>``, before anything it governs. Every page passes through :func:`with_csp`
exactly once, as the last step of its rendering, so nothing asks whether a page already has a
policy (what a page says, its title included, cannot make it skip one): a page that arrives with
a policy at the start of its head has passed twice, and is refused.

Scripts run from the site's own files (``'self'``). Inline, only the scripts of
:data:`KNOWN_SCRIPTS` run, each allowed by its SHA-256 hash on the pages that carry it; an inline
script that is not among them stops the build, so one can neither run unnoticed (were it
hashed) nor be blocked unnoticed (were it not). Event handler attributes never run: the policy
has no ``'unsafe-hashes'`` and no ``'unsafe-inline'``. No ``eval`` and no WebAssembly: the search
is plain JavaScript.

The scripts of a page are found with regular expressions, not an HTML parser: they read every
page of the site (700 MB at 2,000 organisations), which the standard library's html.parser
reads at about 13 MB a second and these expressions at about 300. That is sound for these pages
because a ``<script`` can only come from a template: data reaches a page as escaped text or as
sanitised markup (``seloste.markup.render``), whose text and attribute values have ``<`` escaped
and which keeps no ``script`` element and no comment. A ``<script`` tag that the expressions
cannot read stops the build rather than being skipped.
"""

from __future__ import annotations

import base64
import hashlib
import re

META_NAME = "Content-Security-Policy"


class PolicyError(ValueError):
    """A page that cannot be given its policy: an unknown inline script, or no ``<head>`` where it belongs."""


# MkDocs' `base_url` as Material writes it into a script: the way up from a page to the site's root ("." at the
# root, "..", "../.." deeper), or the site's path for a template rendered without a page, such as 404.html ("/",
# "/seloste/"). Nothing in it can end the string it stands in or add code.
_BASE_URL = r"(?:\.|\.\.(?:/\.\.)*|/(?:[A-Za-z0-9._~%-]+/)*)"


def _known(script: str) -> re.Pattern[str]:
    """An inline script exactly as its template writes it, ``{base_url}`` standing for the only part that varies."""
    return re.compile(_BASE_URL.join(re.escape(part) for part in script.split("{base_url}")))


KNOWN_SCRIPTS: dict[str, re.Pattern[str]] = {
    # Material (mkdocs-material==9.8.1, requirements/site.txt), material/templates/partials/javascripts/base.html:
    # the scope of its local storage (the site's root) and the functions that read and write it.
    "Material: storage scope": _known(
        '__md_scope=new URL("{base_url}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
        '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
        '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}'
    ),
    # (Material's colour-palette script, partials/javascripts/palette.html, is not here: overrides/partials/header.html
    # replaces the header that includes it, and assets/seloste-palette.js does its work as a file.)
    # Material, partials/javascripts/content.html: opens the content tab that the address's #fragment names.
    # (The same file's script for linked tabs comes only with the `content.tabs.link` feature, which the site
    # does not use: it is not allowed.)
    "Material: tab from the address": _known(
        "var target=document.getElementById(location.hash.slice(1));"
        'target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))'
    ),
    # The site's own templates (overrides/) have no inline script: their scripts are files under assets/.
}
"""Every inline script a page may run, by where it comes from. A script of a newer Material, of a feature turned
on in mkdocs.yml or of a template of ours goes here after review, with a comment naming its source."""

_SCRIPT_START = re.compile(r"<script(?=[\s/>])", re.I)
_ATTRIBUTE = r"""[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
_SCRIPT = re.compile(
    rf"<script(?P<attributes>(?:\s+{_ATTRIBUTE})*)\s*>(?P<body>.*?)</script\s*>",
    re.I | re.S,
)
_ATTRIBUTE_PARTS = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_DATA_TYPES = frozenset({"application/json"})
"""``type`` values of the data blocks the pages carry (a browser runs none of them). Any other ``type`` is taken
for a script: a browser runs more kinds than JavaScript's MIME types (modules, import maps)."""
_PAGE_START = re.compile(r"\A\s*<!doctype html>\s*<html(?:\s[^<>]*)?>\s*<head>", re.I)
_SHOWN = 160
"""Characters of an unknown script that its error shows."""


def inline_script_hashes(html: str, page: str) -> list[str]:
    """CSP hash sources of the inline scripts of ``html`` (the page at site path ``page``), in order of appearance,
    each once. Raises PolicyError for a script that is not one of KNOWN_SCRIPTS."""
    hashes: list[str] = []
    position = 0
    while start := _SCRIPT_START.search(html, position):
        script = _SCRIPT.match(html, start.start())
        if script is None:
            shown = html[start.start() : start.start() + _SHOWN]
            raise PolicyError(f"{page}: a <script> tag that could not be read (malformed, or without </script>): {shown}")
        position = script.end()
        attributes = _attributes(script.group("attributes"))
        if "src" in attributes or attributes.get("type", "").strip().lower() in _DATA_TYPES:
            continue  # a script from a file, which 'self' governs; or data, which no browser runs
        body = script.group("body")
        if not any(known.fullmatch(body) for known in KNOWN_SCRIPTS.values()):
            shown = body[:_SHOWN] + ("…" if len(body) > _SHOWN else "")
            raise PolicyError(
                f"{page}: an inline script that the Content-Security-Policy does not allow (the allowed ones are "
                f"KNOWN_SCRIPTS in hooks/seloste/publish/csp.py): <script{script.group('attributes')}>{shown}"
            )
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def _attributes(text: str) -> dict[str, str]:
    """A tag's attributes by lower-case name; the first of a repeated name counts, as in a browser."""
    found: dict[str, str] = {}
    for match in _ATTRIBUTE_PARTS.finditer(text):
        found.setdefault(match.group(1).lower(), next((v for v in match.groups()[1:] if v is not None), ""))
    return found


def policy(script_hashes: list[str]) -> str:
    """The policy of a page whose inline scripts have ``script_hashes``."""
    return "; ".join(
        (
            "default-src 'none'",
            "script-src " + " ".join(["'self'", *script_hashes]),
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
    ``<head>``. Raises PolicyError if the page does not start with its ``<head>``, already has a policy there, or
    has an unknown inline script."""
    head = _PAGE_START.match(html)
    if head is None:
        raise PolicyError(f"{page}: the page does not start with <!doctype html><html><head>: {html[:_SHOWN]!r}")
    if html.startswith(f'<meta http-equiv="{META_NAME}"', head.end()):
        raise PolicyError(f"{page}: the page already has a Content-Security-Policy: each page is given one, once")
    meta = f'<meta http-equiv="{META_NAME}" content="{policy(inline_script_hashes(html, page))}">'
    return html[: head.end()] + meta + html[head.end() :]
