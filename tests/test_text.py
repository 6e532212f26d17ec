"""Text as a reader sees it (markup/text.py): the parser-free reading of the renderer's HTML gives the parser's text."""

from __future__ import annotations

import re
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from payloads import MULTI_LINE, SINGLE_LINE
from seloste.markup.render import inline_html, markdown_html
from seloste.markup.text import html_text, normalize, rendered_text

# Pieces of HTML: the renderer's tags, tags it never writes (upper case, odd spacing, single quotes, no quotes, raw
# text elements), comments, declarations, character references whole and cut, stray angle brackets, whitespace of
# every kind.
_PIECE = st.sampled_from(
    [
        *("<p>", "</p>", "<br>", "<br />", "<br/>", "<li>", "</li>", "<ul>", "</ul>", "<strong>", "</em>", "<td>", "<TR>"),
        *('<a href="https://x.fi/?a=1&amp;b=2" rel="noopener noreferrer nofollow">', "</a>", '<ol start="2">', "<h3>"),
        *("<p >", "</p >", "<p\u00a0>", "<p\x0b>", "<p\t>", "<p\n>", "< p>", "</ p>", "<p/x>", '<a href="x>y">', "<a b>"),
        *("<a href='x'>", "<a href=x>", '<a href="x"rel="y">', "<h1x>", "<x:y>", "<script>", "</script>", "<style>"),
        *("<textarea>", "<title>", "<!-- c -->", "<!doctype html>", "<?pi?>", "<![CDATA[x]]>", "<", ">", "</", "</>"),
        *("&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x41;", "&nbsp;", "&amp", "&am", "p;", "&#12", "3;", "&"),
        *(" ", "\n", "\t", "\u00a0", "\u2028", "\u3000", "\x0b", "\x1c", "a", "Ä", "e\u0301", "sana", "x-y", ";"),
    ]
)
_HTML = st.lists(_PIECE | st.text(alphabet="aä &;<>/\"'#=\n", max_size=5), max_size=40).map("".join)
_MARKDOWN = st.lists(
    st.sampled_from(["\n", "\n\n", "- ", "1. ", "**", "_", "`", "[a](https://x.fi/)", "<b>", "&amp;", "| a |\n|---|\n"])
    | st.text(alphabet="aäb &<>#*\n", max_size=8),
    max_size=20,
).map("".join)


@settings(max_examples=1500, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(_HTML)
def test_rendered_text_is_html_text_of_any_html(html: str) -> None:
    assert rendered_text(html) == html_text(html)


@settings(max_examples=400, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(_MARKDOWN)
def test_rendered_text_is_html_text_of_rendered_markdown(text: str) -> None:
    for html in (markdown_html(text), inline_html(text)):
        assert rendered_text(html) == html_text(html)


def test_rendered_text_of_hostile_text_and_chosen_html() -> None:
    for text in [*SINGLE_LINE, *MULTI_LINE]:
        for html in (text, markdown_html(text), inline_html(text)):
            assert rendered_text(html) == html_text(html), html
    assert rendered_text('<p>Yksi<br />\nkaksi &amp; <a href="https://x.fi/">kolme</a></p><li>neljä</li>') == (
        "Yksi kaksi & kolme neljä"
    )
    assert rendered_text("<p>a</p><p>b</p>") == "a b" and rendered_text("<em>a</em><strong>b</strong>") == "ab"
    assert rendered_text("a<!-- b -->c") == html_text("a<!-- b -->c") == "ac"  # through the parser
    for cut in ("&am<em>p;", "&#12<em>3;", "&lt<em>;", "x &amp</em>"):  # a reference is read within its own text
        assert rendered_text(cut) == html_text(cut), cut
    for spaced in ("a<p\u00a0>b", "a<p\x0b>b", "a<p\t>b</p\n>c", "a<br/>b", "a<P>b</LI>c"):  # a name ends as the parser's
        assert rendered_text(spaced) == html_text(spaced), spaced


def test_normalize_splits_where_a_regular_expressions_whitespace_is() -> None:
    space = re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (normalize(f"a{char}b") == "a b") is bool(space.fullmatch(char)), hex(code)
