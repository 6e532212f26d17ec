"""Markdown from the data to HTML that is safe to publish.

The pages are rendered by cmark-gfm, GitHub's CommonMark renderer (``cmark.py``): what a contributor sees in a pull
request's preview. Python-Markdown, which rendered the pages before, stays as the reference: ``seloste validate``
refuses a text the two render differently (``agreement.py``), so no published page changed when the renderer did,
and none changes unseen.

Text fields arrive in pull requests from people we do not know. Two layers keep their
markup from running in a reader's browser:

1. raw HTML is not Markdown here: it never reaches cmark (``cmark.py``), and Python-Markdown's HTML passes are
   removed, so ``<b>`` in a body is shown as the text ``<b>``;
2. the rendered HTML is cleaned with nh3 against an allow-list of tags and attributes, and
   links are limited to http, https and mailto.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
import nh3

from ..limits import MAX_BRACKETS, MAX_INLINE_MARKS, MAX_NESTING
from .cmark import cmark_html
from .plainprose import as_cmark_writes, plain_html

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "b",
        "i",
        "a",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "code",
        "pre",
        "hr",
        "ins",
        "del",
        "sub",
        "sup",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def _only_allowed(tag: str, attribute: str, value: str) -> str | None:
    return value if attribute in ALLOWED_ATTRIBUTES.get(tag, ()) or (tag, attribute) == ("a", "rel") else None


@functools.cache
def _converter() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["nl2br", "sane_lists", "tables"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


@functools.cache
def _cleaner() -> nh3.Cleaner:
    """The sanitiser, made once: ``nh3.clean`` builds it anew from its options for every text, which took most of its
    time (a build cleans about 110,000 bodies at 2,000 organisations x 5 versions)."""
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_only_allowed,  # not even nh3's generic title and lang: a title is text no check reads
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def sanitize(html: str) -> str:
    """Clean HTML against the allow-list; anything else is dropped or escaped."""
    return _cleaner().clean(html)


def _python_markdown(text: str) -> str:
    md = _converter()
    try:
        return md.convert(text)
    finally:
        md.reset()


_given: dict[str, str] = {}
"""Texts rendered for this process by others (:func:`remember`), each as :func:`markdown_html` renders it."""


def remember(rendered: Iterable[tuple[str, str]]) -> None:
    """Take ``(text, html)`` pairs, each ``html`` what :func:`markdown_html` gives for ``text`` (rendered in another
    process, ``publish/prerender.py``), so that this process does not render those texts again."""
    _given.update(rendered)


def given(text: str) -> str | None:
    """What :func:`remember` was given for ``text``, or None."""
    return _given.get(text)


@functools.lru_cache(maxsize=1 << 18)
def markdown_html(text: str) -> str:
    """Render a body's Markdown to sanitised HTML with cmark-gfm (cached: most sections repeat across versions).

    The cache holds every distinct body of a large archive (about 110,000 at 2,000 organisations x
    5 versions, both languages): the build renders the current notices, then the old versions, so a
    smaller cache would evict each body before its next use (measured: 2.6x the build time at 4,000
    organisations, against 2x the organisations). Its keys are the archive's own strings.
    """
    given = _given.get(text)
    if given is not None:
        return given
    html = cmark_html(text).rstrip("\n")
    plain = plain_html(text)
    if plain is not None and html == as_cmark_writes(plain):
        return plain  # plain prose as cmark-gfm renders it: the sanitiser would give it back as it is (tested)
    return sanitize(html)


def reference_html(text: str) -> str:
    """A body's Markdown as Python-Markdown renders it, sanitised: what the pages showed before cmark-gfm rendered them,
    and what ``seloste validate`` holds cmark-gfm's HTML to (``agreement.py``). Plain prose, headings, strong starts
    and plain links are written as the two would give them, without running either (tested)."""
    html = plain_html(text)
    return sanitize(_python_markdown(text)) if html is None else html


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.problems.append(
                f"image {dict(attrs).get('src') or ''!r}: images are not published; "
                "describe it in words, or link to it as [text](https://...)"
            )
        elif tag == "a":
            href = (dict(attrs).get("href") or "").strip()
            scheme = urlsplit(href).scheme.lower() if ":" in href else ""
            if scheme not in URL_SCHEMES:
                self.problems.append(
                    f"link {href!r}: links must be full http://, https:// or mailto: addresses "
                    "(such as https://www.example.fi/); any other would be published without its address"
                )
            elif "href=" not in sanitize(f'<a href="{html.escape(href)}">a</a>'):  # a host the URL parser refuses
                self.problems.append(
                    f"link {href!r}: this address cannot be read as one (its host is no valid name, such as www.a.1 "
                    "or 1.2.3.256); it would be published without it: check the address"
                )


_NESTED = re.compile(r"^(?:\s*(?:[-*+>]|[0-9]+[.)])(?=\s|$)){" + str(MAX_NESTING + 1) + ",}", re.MULTILINE)


_INDENTED = re.compile(r"^(?:[ ]{4}|\t){" + str(MAX_NESTING + 1) + r",}(?:[-*+>]|[0-9]+[.)])(?=\s|$)", re.MULTILINE)
"""A list or quote marker indented as deep as that many levels: nesting built up line by line."""


_INLINE_MARKS = ("*", "_", "`", "&", "\\", "<", "  \n")
"""What starts an inline element (emphasis, code, a character reference, an escape, an autolink, a line break made
with two spaces): each is one more placeholder for Python-Markdown's inline passes, which take more than linear
time in their number."""


@functools.lru_cache(maxsize=1 << 18)
def render_limit(text: str) -> str | None:
    """Why a text cannot be rendered safely within bounds, or None: checked before any rendering."""
    if text.count("[") > MAX_BRACKETS:
        return f"has {text.count('['):,} '[' characters; a text may have at most {MAX_BRACKETS}, which a notice never needs"
    marks = sum(text.count(mark) for mark in _INLINE_MARKS)
    if marks > MAX_INLINE_MARKS:
        return (
            f"has {marks:,} characters of inline markup (*, _, `, &, \\, < and line breaks made with two spaces); "
            f"a text may have at most {MAX_INLINE_MARKS:,}, which a notice never needs"
        )
    nested = _NESTED.search(text) or _INDENTED.search(text)
    if nested:
        line = text.count("\n", 0, nested.start()) + 1
        return f"line {line} of the text opens more than {MAX_NESTING} nested lists or quotes; a notice needs a few"
    return None


def link_problems(text: str) -> list[str]:
    """What the sanitiser would silently drop from a text's links and images, in words for its author; or why the
    text cannot be rendered at all (:func:`render_limit`)."""
    if "[" not in text and "<" not in text:
        return []  # no Markdown link, reference, image or autolink
    return list(_link_problems(text))


@functools.lru_cache(maxsize=1 << 16)
def _link_problems(text: str) -> tuple[str, ...]:
    if render_limit(text):
        return ()  # reported as such, before anything renders the text
    parser = _Links()
    parser.feed(_python_markdown(text))
    parser.close()
    return tuple(parser.problems)


_BLOCK_START = re.compile(r"^(\s*)(?:([0-9]+)\.(?=\s)|([-+*](?=\s)|[#>]))")


def inline_html(text: str) -> str:
    """Render a one-line text (heading, title) with inline Markdown only, sanitised.

    A heading such as ``1. Rekisterinpitäjä`` is text, not an ordered list: a leading block
    marker is escaped before rendering.
    """
    return _unwrapped(markdown_html(inline_source(text)))


def inline_source(text: str) -> str:
    """The Markdown :func:`inline_html` renders for a one-line ``text``: its leading block marker escaped."""
    return _escaped_start(text)


def reference_inline_html(text: str) -> str:
    """:func:`inline_html` as Python-Markdown renders it (``agreement.py``)."""
    return _unwrapped(reference_html(_escaped_start(text)))


def _escaped_start(text: str) -> str:
    return _BLOCK_START.sub(lambda m: f"{m[1]}{m[2]}\\." if m[2] else f"{m[1]}\\{m[3]}", text)


def _unwrapped(html: str) -> str:
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html
