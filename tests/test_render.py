"""Markdown from the data becomes safe HTML."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seloste.markup.blocks import block_kinds, html_blocks, parity_problem
from seloste.markup.cmark import cmark_html
from seloste.markup.plainprose import _PLAIN_LINE, _plain_line, plain_html, plain_kinds
from seloste.markup.render import (
    _python_markdown,
    inline_html,
    link_problems,
    markdown_html,
    reference_html,
    sanitize,
)


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


def test_the_sanitiser_keeps_only_the_allow_list() -> None:
    """What passes the sanitiser (made once, reused for every text): the allowed tags and their allowed attributes,
    links of the allowed schemes with the site's rel; not a generic title or lang, a comment, a script's content."""
    html = (
        '<p title="t" lang="fi" class="c" id="i">a<!-- note --><a href="javascript:alert(1)" title="y">b</a> '
        '<a href="https://x.fi/" rel="me" target="_blank">c</a><img src="x" onerror="alert(1)"><script>alert(1)</script></p>'
        '<ol start="3" reversed><li>d</li></ol><table><tr><td align="left" style="color:red">e</td></tr></table>'
    )
    assert (
        sanitize(html)
        == sanitize(html)
        == (
            '<p>a<a rel="noopener noreferrer nofollow">b</a> <a href="https://x.fi/" rel="noopener noreferrer nofollow">c</a></p>'
            '<ol start="3"><li>d</li></ol><table><tbody><tr><td align="left">e</td></tr></tbody></table>'
        )
    )


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


# Plain prose (lines starting with a letter; words, digits, punctuation; line and paragraph breaks),
# the same with one character or break that may mean something to Markdown put in somewhere, and
# random texts: the shortcut must give Python-Markdown's HTML or stand aside.
_PIECE = st.text(alphabet="aäöZÅb1 .,;:?!'\"()/%@+-–…€§", min_size=1, max_size=8)
_LINE = st.tuples(st.sampled_from("aÄzQé"), st.lists(_PIECE, max_size=8)).map(lambda t: t[0] + "".join(t[1]))
_NUMBER_BEFORE = st.sampled_from(["", "", "1. ", "12 ", "3.", "4) "])
_BOLD_LINE = st.tuples(
    st.sampled_from(["**", "**", "*", "__"]),
    _NUMBER_BEFORE,
    _LINE,
    st.sampled_from(["**", "**", "** ", "*", " **"]),
    st.sampled_from(["", "", " ", "  ", ":", "*"]),
    st.sampled_from(["", "1 ", "-"]),
    _LINE | st.just(""),
).map("".join)
"""A line that starts with a strong part (``**Sähköposti:** info@...``), and near misses."""
_HEADING = st.tuples(
    st.sampled_from(["###", "####", "######", "#", "##", "#######"]),
    st.sampled_from([" ", " ", "  ", ""]),
    _NUMBER_BEFORE,
    _LINE,
    st.sampled_from(["", "", " ", " #", "\nrivi"]),
).map("".join)
_LINK_LINE = st.tuples(
    st.sampled_from(["", "Sähköposti: ", "katso ", "Katso!", "("]),
    st.sampled_from(["[", "[", "![", "[ "]),
    _LINE,
    st.sampled_from(["](", "](", "] (", "]("]),
    st.sampled_from(["https://", "mailto:", "http://", "www.", "javascript:"]),
    st.sampled_from(["esimerkki.fi", "www.x-y.fi/a_b?c=1#d", "x.fi/", "a.b@x.fi", "x..fi", "-x.fi", "x.fi:80", "x.fi/%20"])
    | st.text(alphabet="aZ0._~:/?#@!$+,;=%-_&()* ä", min_size=1, max_size=12),
    st.sampled_from([")", ")", ") ", ' "otsikko")']),
    st.sampled_from(["", ".", " ja lisää.", "))", "*"]),
).map("".join)
"""A line with a link (``Sähköposti: [info@esimerkki.fi](mailto:info@esimerkki.fi)``), and near misses."""
_ANY_LINE = _LINE | _BOLD_LINE | _LINK_LINE
_PARAGRAPH = st.lists(_ANY_LINE, min_size=1, max_size=3).map("\n".join)
_LIST = st.lists(_ANY_LINE.map(lambda line: "- " + line), min_size=1, max_size=4).map("\n".join)
_PROSE = st.lists(_PARAGRAPH | _LIST | _HEADING, min_size=1, max_size=4).map("\n\n".join)
_SPECIAL = st.sampled_from([*"*_#>[]&<\\`|=~\t", "\n", "\n\n\n", "  \n", "\n1. ", "\n- ", "\n    ", " "])


def _insert(parts: tuple[str, int, str]) -> str:
    text, at, special = parts
    at %= len(text) + 1
    return text[:at] + special + text[at:]


_NUMBERED = st.tuples(st.sampled_from(["1", "10", "2024", "07"]), st.sampled_from(["\\. ", " ", ". ", "\\.", ") "]), _LINE).map(
    "".join
)
"""A line after a number, as a numbered heading is written once escaped (``1\\. Otsikko``), or without a full stop."""
_NUMBERED_PARAGRAPH = st.lists(_LINE | _NUMBERED, min_size=1, max_size=3).map("\n".join)
_NUMBERED_PROSE = st.lists(_NUMBERED_PARAGRAPH | _LIST, min_size=1, max_size=4).map("\n\n".join)
_MIXED = st.tuples(_PROSE | _NUMBERED_PROSE, st.integers(min_value=0), _SPECIAL).map(_insert)
_WORD = st.text(alphabet="aäöZÅb1 .,;:?!'\"()/%@+-–…€§*_#>[]&<\\`|=~\t", min_size=1, max_size=12)
_TEXT = st.lists(st.sampled_from(["\n", "\n\n", "\n\n\n", " ", "  \n", "1. ", "- ", "    "]) | _WORD, max_size=25).map("".join)


@settings(max_examples=400, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(_PROSE | _NUMBERED_PROSE | _MIXED | _TEXT)
def test_plain_prose_shortcut_gives_python_markdowns_html(text: str) -> None:
    html = plain_html(text)
    assert html is None or html == sanitize(_python_markdown(text))


@settings(max_examples=400, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(_PROSE | _NUMBERED_PROSE | _MIXED | _TEXT)
def test_plain_prose_is_rendered_as_the_sanitiser_gives_cmarks_html_without_running_it(text: str) -> None:
    """markdown_html and reference_html skip the sanitiser for plain prose (what cmark-gfm writes of it, and
    Python-Markdown's HTML of it): it would give the same HTML back."""
    assert markdown_html(text) == sanitize(cmark_html(text).rstrip("\n"))
    assert reference_html(text) == sanitize(_python_markdown(text))
    plain = plain_html(text)
    assert plain is None or sanitize(plain) == plain


def test_numbered_headings_and_plain_prose_take_the_shortcut() -> None:
    for text in (
        "1\\. Rekisterinpitäjä",
        "10 Rekisterin nimi",
        "Johdanto:\n\n- yksi\n\n12\\. Loppu.\n2024 alkaen",
        "### Evästeiden käyttö\n\nKäytämme evästeitä.",
        "#### 1. Rekisterinpitäjä",
        "**Ässä Golf Oy**\nSähköposti: info@assagolf.fi",
        "- **Nimi:** Matti Meikäläinen\n- **Puhelin:** 040 123 4567",
    ):
        assert plain_html(text) is not None, text
        assert markdown_html(text) == plain_html(text) == _python_markdown(text), text
    for text in ("Sähköposti: [info@esimerkki.fi](mailto:info@esimerkki.fi).", "- katso [sivut](https://esimerkki.fi/a_b?c=1)"):
        assert plain_html(text) is not None, text
        assert markdown_html(text) == plain_html(text) == sanitize(_python_markdown(text)), text
    for text in (
        "1. lista",
        "1\\.Otsikko",
        "1) lista",
        "- 1\\. kohta",
        "1  kaksi välilyöntiä",
        "## h2",
        "### Otsikko\nrivi",
        "**a**b",
        "![kuva](https://x.fi/k.png)",
        "[sivut](https://www.a.1)",  # hosts the sanitiser's URL parser may refuse, dropping the address
        "[ip](https://1.2.3.4/)",
        "[idn](https://xn--a.fi)",
    ):
        assert plain_html(text) is None, text


@settings(max_examples=1000, derandomize=True)
@given(st.text(alphabet="aäZ1²½_ .,;:?!'\"()/%@+-–…€§*#\\\t\u00a0\u0301", max_size=12), st.integers(0, 3))
def test_a_plain_line_is_found_as_the_pattern_finds_it(line: str, start: int) -> None:
    assert _plain_line(line, start) == (bool(line[start:]) and _PLAIN_LINE.fullmatch(line, start) is not None)


def test_plain_prose_shortcut_is_taken_for_prose_and_not_for_markdown() -> None:
    prose = "Käsittelemme henkilötietoja (EU) 2016/679 mukaisesti – “luottamuksellisesti”.\nToinen rivi!\n\nUusi kappale."
    assert plain_html(prose) == _python_markdown(prose)
    for markdown in ("1. lista", "# otsikko", "**lihava**x", "[linkki](www.x.fi)", "rivi  \nkatko", "> lainaus", "* tähti"):
        assert plain_html(markdown) is None, markdown
    lists = "Johdanto:\n\n- yksi, kaksi.\n- kolme\n\nLoppu."
    assert (
        plain_html(lists)
        == _python_markdown(lists)
        == ("<p>Johdanto:</p>\n<ul>\n<li>yksi, kaksi.</li>\n<li>kolme</li>\n</ul>\n<p>Loppu.</p>")
    )
    for markdown in ("- a\n\n- b", "Rivi\n- ei lista", "- - sisäkkäinen", "- a\n  jatkuu", "-  kaksi välilyöntiä"):
        assert plain_html(markdown) is None or plain_html(markdown) == _python_markdown(markdown), markdown
    assert plain_html("- a\n\n- b") is None  # one loose list to Markdown


def test_links_and_images_the_sanitiser_would_drop_are_named() -> None:
    text = (
        "[ok](https://example.fi/) [mail](mailto:a@example.fi) <https://example.fi/auto>\n\n"
        "[data](data:text/html,hi) [ent](&#106;avascript:alert(1)) [rel](www.example.fi) [proto](//evil.example/x)\n\n"
        "![pix](https://evil.example/p.png) [r][x]\n\n[x]: vbscript:x\n"
    )
    assert link_problems(text) == [
        *(
            f"link {href!r}: links must be full http://, https:// or mailto: addresses (such as https://www.example.fi/); "
            "any other would be published without its address"
            for href in ("data:text/html,hi", "javascript:alert(1)", "www.example.fi", "//evil.example/x")
        ),
        "image 'https://evil.example/p.png': images are not published; describe it in words, or link to it as "
        "[text](https://...)",
        "link 'vbscript:x': links must be full http://, https:// or mailto: addresses (such as https://www.example.fi/); "
        "any other would be published without its address",
    ]
    assert link_problems("Plain text, no links.") == []


@settings(max_examples=400, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(_PROSE | _NUMBERED_PROSE | _MIXED | _TEXT)
def test_block_kinds_found_without_rendering_are_the_rendered_blocks_kinds(text: str) -> None:
    rendered = tuple(block.kind for block in html_blocks(markdown_html(text)))
    assert block_kinds(text) == rendered
    plain = plain_kinds(text)
    assert plain is None or plain == rendered


def test_block_kinds_of_prose_and_lists_skip_rendering() -> None:
    text = "Johdanto:\n\n- yksi, kaksi.\n- kolme\n\nLoppu.\nToinen rivi."
    assert plain_kinds(text) == ("paragraph", "item", "item", "paragraph")
    assert plain_kinds("*kursiivi*") is None and block_kinds("*kursiivi*") == ("paragraph",)


def test_a_list_with_blank_lines_between_its_items_is_read_as_items() -> None:
    """Each item of such a list is a paragraph in the HTML: it is still a list item, and an item's second paragraph is
    its text's next line (the translation's check counted them as paragraphs: "the English has 9 paragraphs")."""
    text = "Johdanto:\n\n- yksi\n\n- kaksi\n\n    toinen kappale\n\n    - sisempi\n\n- kolme"
    assert [(b.kind, b.text, b.depth) for b in html_blocks(markdown_html(text))] == [
        ("paragraph", "Johdanto:", 0),
        ("item", "yksi", 0),
        ("item", "kaksi\ntoinen kappale", 0),
        ("item", "sisempi", 1),
        ("item", "kolme", 0),
    ]
    after = "- a\n    - x\n\n    jälkeen\n- b"  # a paragraph after the item's nested list: no item of its own
    assert [(b.kind, b.text) for b in html_blocks(markdown_html(after))] == [
        ("item", "a"),
        ("item", "x"),
        ("paragraph", "jälkeen"),
        ("item", "b"),
    ]
    problem = parity_problem("Alku\n\n- yksi\n\n- kaksi\n\n- kolme", "Start\n\n- one\n\n- two")
    assert problem is not None and problem.startswith(
        "the English has 1 paragraph, 2 list items, the Finnish 1 paragraph, 3 list items;"
    ), problem


def test_a_link_whose_host_the_sanitiser_refuses_is_named() -> None:
    for href in ("https://www.a.1", "https://1.2.3.256/x", "https://xn--a.fi"):
        (problem,) = link_problems(f"Katso [sivut]({href}).")
        assert problem.startswith(f"link {href!r}: this address cannot be read as one"), problem
        assert "href=" not in markdown_html(f"Katso [sivut]({href}).")  # what would be published
    assert link_problems("[a](https://www.esimerkki.fi/a?b=1&c=2) [b](https://ääkkönen.fi) <https://x.fi>") == []


def test_a_body_without_brackets_or_angles_has_no_links() -> None:
    from seloste.archive.links import _inline_links, body_links

    for text in ("Osoite https://example.fi/ ja a@example.fi", "www.example.fi/sivu", "&lt;https://example.fi/&gt;"):
        assert "<a" not in markdown_html(text) and list(body_links(text)) == [] and _inline_links(text) == ()
    assert list(body_links("[sivu](https://example.fi/)")) == ["https://example.fi/"]
    assert _inline_links("<https://example.fi/>") == ("https://example.fi/",)
