"""cmark-gfm renders the pages; a text it renders differently from Python-Markdown, the reference, is refused by
``seloste validate`` with its line and how to write it. A text not refused renders alike."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datadir import FIXTURES, SLUG, VERSION, make_data
from deadline import deadline
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive, validate_archive
from seloste.markup.agreement import body_disagreement, inline_disagreement
from seloste.markup.blocks import html_blocks
from seloste.markup.cmark import LT, cmark_html
from seloste.markup.render import _python_markdown, inline_html, markdown_html, reference_inline_html, sanitize
from sitebuild import DATA

_UNSEEN = re.compile(r"\n[ \t]+")
_AROUND_BLOCK_TAGS = re.compile(r"\s*(</?(?:p|ul|ol|li|h[1-6]|table|thead|tbody|tr|th|td|blockquote|hr)\b[^>]*>)\s*")


def _python_markdowns(text: str) -> str:
    """Python-Markdown's HTML, sanitised: run here, never through the shortcut the check takes for plain prose."""
    return sanitize(_python_markdown(text))


def _as_shown(html: str) -> str:
    """HTML without the white space a browser does not show (outside ``<pre>``, which the texts here never hold)."""
    return _AROUND_BLOCK_TAGS.sub(r"\1", _UNSEEN.sub("\n", html))


# --- what notices write, and where the two specifications differ ---------------------------------------------------

_WORD = st.sampled_from(
    ["tiedot", "Rekisterinpitäjä", "käsittely", "data", "Oy", "2024", "1.", "§", "–", "(a)", "e-mail", "www.esimerkki.fi"]
)
_INLINE = st.sampled_from(
    [
        "**lihava**",
        "*kursiivi*",
        "_alaviiva_",
        "`koodi`",
        "` koodi `",
        "[linkki](https://esimerkki.fi/)",
        "<https://esimerkki.fi>",
        "<tietosuoja@esimerkki.fi>",
        "<b>",
        "a < b",
        "a & b",
        "&amp;",
        "&rsquo;",
        "\\*",
        "\\<",
        "~~pois~~",
        "snake_case_name",
        "**a**b",
        "*",
        "_",
        "`",
        "[",
        "]",
    ]
)
_LINE = st.lists(_WORD | _INLINE, min_size=1, max_size=6).map(" ".join)
_PARAGRAPH = st.lists(_LINE, min_size=1, max_size=3).map("\n".join)
_MARKER = st.sampled_from(["- ", "* ", "+ ", "1. ", "2. ", "1) "])
_ITEMS = st.lists(st.tuples(st.sampled_from(["", "", "  ", "    "]), _MARKER, _LINE), min_size=1, max_size=4).map(
    lambda items: "\n".join(indent + marker + line for indent, marker, line in items)
)
_HEADING = st.tuples(st.sampled_from(["### ", "#### ", "###", "#"]), _LINE).map("".join)
_TABLE = st.tuples(_WORD, _WORD, st.sampled_from(["|---|---|", "|:-:|--:|", "| --- | --- |"]), _LINE).map(
    lambda t: f"| {t[0]} | {t[1]} |\n{t[2]}\n| {t[3]} | x |"
)
_BLOCK = _PARAGRAPH | _ITEMS | _HEADING | _TABLE | st.sampled_from(["    koodi", "> lainaus", "---", "***"])
_GLUE = st.sampled_from(["\n\n", "\n\n", "\n", "\n\n\n", "  \n"])


@st.composite
def _bodies(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(_BLOCK, min_size=1, max_size=5))
    text = blocks[0]
    for block in blocks[1:]:
        text += draw(_GLUE) + block
    return text


@settings(max_examples=600, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(_bodies())
def test_a_body_validate_does_not_refuse_renders_alike_in_both(text: str) -> None:
    """The key guarantee: not refused implies the same HTML as Python-Markdown gives (but for white space a browser
    does not show), and so the same blocks for every reading of the text (the diff, fidelity, search)."""
    found = body_disagreement(text)
    ours, reference = markdown_html(text), _python_markdowns(text)
    if found is None:
        assert _as_shown(ours) == _as_shown(reference)
        assert html_blocks(ours) == html_blocks(reference)
    else:
        assert _as_shown(ours) != _as_shown(reference)
        assert 1 <= found.line <= text.count("\n") + 1
        assert found.message


@settings(max_examples=300, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(_LINE | _HEADING | st.tuples(_MARKER, _LINE).map("".join))
def test_a_title_validate_does_not_refuse_renders_alike_in_both(text: str) -> None:
    if inline_disagreement(text) is None:
        assert _as_shown(inline_html(text)) == _as_shown(reference_inline_html(text))
    else:
        assert _as_shown(inline_html(text)) != _as_shown(reference_inline_html(text))


@pytest.mark.parametrize(
    ("text", "line", "advice"),
    [
        ("Keräämme tietoja\n- asiakkaista\n- kumppaneista", 2, "a list needs a blank line before it"),
        ("Oikeudet:\n\n- poistaa, kun:\n  - suostumus\n  - ei velvoitetta\n- valittaa", 4, "four spaces"),
        ("Alku\n\n- yksi\n\n- kaksi\n- kolme", 5, "a blank line between some of a list's items and not others"),
        ("Alku\n\n- yksi\n- kaksi\n\n- kolme", 6, "put one between every two of its items or none"),
        ("Alku\n\n1) yksi\n2) kaksi", 3, "'1. ', with a full stop"),
        ("Alku\n\n- yksi\n* kaksi", 4, "the same marker"),
        ("Eväste `_ga ` tallentaa", 1, "inline code starts or ends with a space"),
        ("Alku\n\n###Asiakkaat", 3, "a heading needs a space after its '#' marks"),
        ("Alku\n\n1.\n\nLoppu", 3, "a list item needs its text on the marker's line"),
        ("Alku\n\n  + yksi\n- kaksi", 4, "the same marker"),
    ],
)
def test_a_difference_is_named_at_its_line_with_how_to_write_it(text: str, line: int, advice: str) -> None:
    found = body_disagreement(text)
    assert found is not None
    assert (found.line, advice in found.message) == (line, True), found


@pytest.mark.parametrize("text", ["Alku\n\n- yksi\n- kaksi\n- kolme", "Alku\n\n- yksi\n\n- kaksi\n\n- kolme"])
def test_a_list_spaced_alike_between_every_two_items_renders_alike(text: str) -> None:
    """A capture's list with a blank line between every two items (as a saved page often has, and `seloste import`
    keeps) is written so; only a list spaced between some items and not others is refused."""
    assert body_disagreement(text) is None


def test_a_difference_without_a_known_cause_is_still_refused_at_its_block() -> None:
    text = f"Alku\n\nteksti {LT} merkki"  # the stand-in for '<' written in a text: shown as '<' by cmark, refused
    found = body_disagreement(text)
    assert found is not None and found.line == 3 and "plainer Markdown" in found.message


def test_finding_where_a_long_text_parts_takes_a_few_renderings_not_one_per_block() -> None:
    """Trying every block's prefix in turn took time growing with the square of the blocks (2 s at 1,000; a 1 MB
    body holds 60,000): the search halves instead."""
    text = "Kappale yksi.\n\n" * 5000 + "Teksti\n- a\n- b"
    with deadline(10):
        found = body_disagreement(text)
    assert found is not None and found.line == 10_002 and "blank line before it" in found.message


# --- cmark-gfm, as the pages use it -----------------------------------------------------------------------------------


def test_raw_html_is_text_in_cmark_too_and_code_keeps_it() -> None:
    html = markdown_html("<div>\n<b>lihava</b> `<i>` <https://esimerkki.fi> <tietosuoja@esimerkki.fi>\n</div>")
    assert "<div" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;b&gt;lihava&lt;/b&gt;" in html and "<code>&lt;i&gt;</code>" in html
    assert '<a href="https://esimerkki.fi" rel="noopener noreferrer nofollow">https://esimerkki.fi</a>' in html
    assert '<a href="mailto:tietosuoja@esimerkki.fi" rel="noopener noreferrer nofollow">' in html


def test_cmark_gives_python_markdowns_html_for_what_notices_write() -> None:
    text = (
        "### Otsikko\n\nNimi: Oy\nY-tunnus: 1\n\n- yksi **lihava**\n- kaksi [linkki](https://x.fi/)\n\n"
        "1. eka\n2. toka\n\n| a | b |\n|:-:|---|\n| 1 | 2 |"
    )
    assert markdown_html(text) == _python_markdowns(text)


def test_cmark_frees_what_it_allocates() -> None:
    """The wheel's own helpers keep each parsed document and its HTML (60 kB a 6 kB text): 2,000 texts would keep
    120 MB. The pages' renderer frees both."""
    text = ("Rekisterinpitäjä käsittelee **tietoja** [näin](https://x.fi/).\n\n- yksi\n- kaksi\n\n" * 60)[:6000]

    def resident_kb() -> int:
        return int(Path("/proc/self/statm").read_text().split()[1]) * 4

    cmark_html(text)
    before = resident_kb()
    for number in range(2000):
        cmark_html(f"{text}{number}")
    assert resident_kb() - before < 20_000


# --- validate refuses it; the build leaves it to validate -------------------------------------------------------------


def test_validate_names_the_line_where_the_renderers_part_and_the_build_renders(tmp_path: Path) -> None:
    base = (FIXTURES / "invalid/version/_base.yaml").read_text(encoding="utf-8")
    body = "      fi: |-\n        Esimerkki Oy\n        - asiakkaat\n      en: |-\n        Esimerkki Oy\n\n        - customers"
    version = base.replace("      fi: Esimerkki Oy\n      en: Esimerkki Oy", body)
    assert version != base
    data = make_data(tmp_path, version=version)
    with pytest.raises(DataErrors) as caught:
        validate_archive(data, root=tmp_path)
    line = version.splitlines().index("        - asiakkaat") + 1
    assert [str(error) for error in caught.value.errors] == [
        f"data/{SLUG}/{VERSION}.yaml:{line}:1: sections[0].body.fi: a list needs a blank line before it (the line above "
        "would otherwise be read as its own); as written, the pages' renderer (cmark-gfm, as GitHub's preview of the "
        "file shows it) and Python-Markdown, which rendered the published pages, show it differently"
    ]
    assert load_archive(data, root=tmp_path).get(SLUG)  # a build renders it (as GitHub shows it) and leaves it to validate


@pytest.mark.archive
def test_every_text_of_the_archive_renders_alike_in_both() -> None:
    """Every distinct body, title and heading of data/: the pages cmark-gfm renders show what Python-Markdown showed."""
    archive = load_archive(DATA)
    bodies: set[str] = set()
    lines: set[str] = set()
    for record in archive.organisations:
        for shown in record.versions:
            version = shown.version
            lines.update(version.title[lang] for lang in version.text_languages)
            for section in version.sections:
                for lang in section.body.languages:
                    bodies.add(section.body[lang])
                if section.heading:
                    lines.update(section.heading[lang] for lang in section.heading.languages)
    assert bodies and lines
    assert [text for text in sorted(bodies) if _as_shown(markdown_html(text)) != _as_shown(_python_markdowns(text))] == []
    assert [text for text in sorted(lines) if inline_html(text) != reference_inline_html(text)] == []
