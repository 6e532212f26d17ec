"""Markdown from the data becomes safe HTML."""

from __future__ import annotations

from seloste.render import inline_html, markdown_html


def test_paragraphs_lists_and_line_breaks() -> None:
    html = markdown_html("Nimi: Oy\nY-tunnus: 1\n\n- yksi\n- kaksi\n\n1. eka\n2. toka")
    assert html == (
        "<p>Nimi: Oy<br>\nY-tunnus: 1</p>\n<ul>\n<li>yksi</li>\n<li>kaksi</li>\n</ul>\n<ol>\n<li>eka</li>\n<li>toka</li>\n</ol>"
    )


def test_links_keep_http_and_mailto_and_lose_other_schemes() -> None:
    html = markdown_html("[a](https://x.fi/) [b](mailto:a@x.fi) [c](javascript:alert(1)) [d](data:text/html,x)")
    assert '<a href="https://x.fi/" rel="noopener noreferrer nofollow">a</a>' in html
    assert '<a href="mailto:a@x.fi" rel="noopener noreferrer nofollow">b</a>' in html
    assert "javascript:" not in html and "data:" not in html
    assert '<a rel="noopener noreferrer nofollow">c</a>' in html
    assert '<a rel="noopener noreferrer nofollow">d</a>' in html


def test_raw_html_is_text_not_markup() -> None:
    html = markdown_html('<script>alert(1)</script> <img src=x onerror="alert(1)"> <b>lihava</b>')
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;lihava&lt;/b&gt;" in html


def test_typographic_characters_are_kept_as_published() -> None:
    text = 'Micro Magic Oy (jäljempänä ”Micro Magic” tai ”Me”) ja – kilpailut -- "lainaus"'
    assert inline_html(text) == 'Micro Magic Oy (jäljempänä ”Micro Magic” tai ”Me”) ja – kilpailut -- "lainaus"'


def test_inline_html_keeps_emphasis_without_paragraph() -> None:
    assert inline_html("**Infocrea Oy:n** seloste") == "<strong>Infocrea Oy:n</strong> seloste"


def test_headings_keep_their_numbers_and_markers() -> None:
    assert inline_html("1. Rekisterinpitäjä") == "1. Rekisterinpitäjä"
    assert inline_html("10. Tarkastusoikeus") == "10. Tarkastusoikeus"
    assert inline_html("- viiva") == "- viiva"
    assert inline_html("# risuaita") == "# risuaita"
    assert inline_html("> lainaus") == "&gt; lainaus"
    assert inline_html("+ plus") == "+ plus"
