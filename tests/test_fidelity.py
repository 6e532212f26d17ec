"""Fidelity: every sentence of each original capture is published, in order, and nothing else."""

from __future__ import annotations

import dataclasses
import itertools
import typing
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seloste.archive import fidelity
from seloste.archive.capturetext import Sentence, _line_sentences, capture_sentences, front_matter
from seloste.archive.fidelity import Extra, _Tokens, compare, match_in_order
from seloste.archive.loader import load_archive
from seloste.markup.render import markdown_html
from seloste.markup.sitesource import Dialect, SiteSource, text_file
from seloste.markup.text import html_text
from sitebuild import DATA, FROZEN


def test_capture_markup_and_noise_are_removed() -> None:
    capture = "Hyppää sisältöön\n\n# Otsikko\n\n - Yksi. Kaksi!\n 1. Kolme\n**Lihava** [linkki](https://x.fi).  \n"
    sentences = [s.text for s in capture_sentences(capture, ("Hyppää sisältöön",))]
    assert sentences == ["Otsikko", "Yksi.", "Kaksi!", "Kolme", "Lihava linkki."]
    assert [s.line for s in capture_sentences(capture, ("Hyppää sisältöön",))] == [3, 5, 5, 6, 7]


def test_a_dropped_or_reordered_sentence_is_found() -> None:
    sentences = capture_sentences("Eka lause. Toka lause. Kolmas lause.")
    assert match_in_order(sentences, "Eka lause. Toka lause. Kolmas lause.")[0] == []
    assert [s.text for s in match_in_order(sentences, "Eka lause. Kolmas lause.")[0]] == ["Toka lause."]
    assert [s.text for s in match_in_order(sentences, "Toka lause. Eka lause. Kolmas lause.")[0]] == ["Toka lause."]


def test_a_plain_texts_bullets_are_list_marks_not_text() -> None:
    capture = "Tiedot:\n • nimi\n   ▪ sähköposti\n● osoite\n•ei välilyöntiä\n"
    assert [s.text for s in capture_sentences(capture)] == ["Tiedot:", "nimi", "sähköposti", "osoite", "•ei välilyöntiä"]


@pytest.mark.parametrize("dialect", ["text", "markdown", "mdx"])
def test_a_quotes_marks_are_markup_not_text(dialect: Dialect) -> None:
    """As a heading's and a list item's: a page's quote, as the capture's Markdown writes it, shows its words only."""
    capture = (
        "> Lainaus laista.\n> > Sisempi lainaus.\n>\n> ## Otsikko lainauksessa\n> - kohta\n- > lainaus kohdassa\n"
        "> | Tieto | Aika |\n> |---|---|\n> ---\nEi lainaus > tämä.\n\\> 18 vuotta\n"
    )
    assert [s.text for s in capture_sentences(capture, dialect=dialect)] == [
        "Lainaus laista.",
        "Sisempi lainaus.",
        "Otsikko lainauksessa",
        "kohta",
        "lainaus kohdassa",  # a quote in a list item
        "Tieto Aika",  # a table in a quote, read cell by cell; its rule and a rule in a quote are no text
        "Ei lainaus > tämä.",
        "> 18 vuotta",  # an escaped '>' is text (a page's, a text file's: import escapes it)
    ]


def test_a_text_files_greater_than_sign_is_text() -> None:
    """A plain text file (a notice published as .txt) has no quotes: its "> 18" is what a reader of the file reads."""
    capture = "Ikäraja:\n> 18 vuotta\n- > 65 vuotta\n"
    assert [s.text for s in capture_sentences(capture, quotes=False)] == ["Ikäraja:", "> 18 vuotta", "> 65 vuotta"]
    assert [s.text for s in capture_sentences(capture)] == ["Ikäraja:", "18 vuotta", "65 vuotta"]  # a page's: a quote
    assert text_file("https://x.fi/seloste.txt?v=2") and text_file("seloste.TXT") and not text_file("captures/a.md")


def test_html_text_separates_blocks() -> None:
    assert html_text("<p>Yksi<br>kaksi</p><ul><li>a</li><li>b&nbsp;c</li></ul>") == "Yksi kaksi a b c"


@pytest.mark.archive
def test_the_real_data_is_faithful_to_its_captures() -> None:
    archive = load_archive(DATA)  # raises DataErrors on a sentence missing or added
    # every version of the real data has its capture kept beside it
    assert all(v.capture_text for o in archive.organisations for v in o.versions)


def _with_finnish_body(record, index: int, body: str):
    version = record.version
    sections = list(version.sections)
    section = sections[index]
    sections[index] = dataclasses.replace(section, body=dataclasses.replace(section.body, fi=body))
    return dataclasses.replace(record, version=dataclasses.replace(version, sections=tuple(sections)))


def test_text_the_capture_does_not_hold_is_found_in_its_field() -> None:
    record = load_archive(FROZEN).get("micro-magic").versions[0]
    assert compare(record) == ([], [], [], (), ())  # headings' numbers ("8.") are the capture's list markers, not added text
    index = next(i for i, s in enumerate(record.version.sections) if s.id == "sailyttamisen-periaatteet")
    body = record.version.sections[index].body.fi
    first, rest = body.split(". ", 1)
    added = _with_finnish_body(record, index, f"{first}. Myymme tietosi mainostajille. {rest}")
    assert compare(added) == ([], [Extra(f"sections[{index}].body.fi", "Myymme tietosi mainostajille.")], [], (), ())
    reworded = _with_finnish_body(record, index, body.replace("poistetaan", "myydään"))
    missing, extras, _unchecked, _unreadable, _moved = compare(reworded)
    assert [s.text for s in missing] == ["Sen jälkeen henkilötiedot poistetaan tai tehdään nimettömiksi."]
    assert extras == [Extra(f"sections[{index}].body.fi", "Sen jälkeen henkilötiedot myydään tai tehdään nimettömiksi.")]


def test_a_sentence_is_found_as_whole_words_only() -> None:
    sentences = capture_sentences("Evästekäytäntö\n")
    missing, _, _, _ = match_in_order(sentences, "Kysy evästekäytäntöön ja Evästekäytäntöön liittyvistä asioista.")
    assert [s.text for s in missing] == ["Evästekäytäntö"]
    assert match_in_order(sentences, "Evästekäytäntö. Muuta.")[0] == []


def test_a_mark_nothing_closes_is_the_pages_text() -> None:
    """A cookie's name (_ga, _gid) and a footnote's asterisk are text on the page: the capture keeps them, as the
    published text's rendering does; marks in pairs are emphasis, removed on both sides."""
    capture = "Evästeet _ga ja _gid ovat Googlen. Pakolliset tiedot*\n\n**Lihava** ja _kursiivi_ ja tieto**suoja**.\n"
    sentences = [s.text for s in capture_sentences(capture)]
    assert sentences == ["Evästeet _ga ja _gid ovat Googlen.", "Pakolliset tiedot*", "Lihava ja kursiivi ja tietosuoja."]
    assert html_text(markdown_html(capture)) == " ".join(sentences)


def test_a_horizontal_rule_is_markup_not_a_sentence() -> None:
    assert [s.text for s in capture_sentences("Alku.\n\n---\n\n***\n\n_ _ _\n\nLoppu.\n")] == ["Alku.", "Loppu."]


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("Evästeet sivuillamme Käytämme evästeitä.", []),  # the page shows its heading, which opens with the title
        ("Evästeet Evästeet sivuillamme Käytämme evästeitä.", []),  # it shows the title, then the heading
        ("Evästeet Käytämme evästeitä.", ["Evästeet sivuillamme"]),  # the heading's own words are missing
    ],
)
def test_a_front_matter_title_that_opens_the_first_heading_does_not_take_the_headings_words(
    text: str, missing: list[str]
) -> None:
    """A page's front matter title ("Evästeet") is optional text: read where the page shows it, and not where the
    heading that stands next opens with the same words ("Evästeet sivuillamme"), which would leave the rest of the
    heading ("sivuillamme") unmatched and the heading missing."""
    capture = '---\ntitle: "Evästeet"\n---\n\n## Evästeet sivuillamme\n\nKäytämme evästeitä.\n'
    sentences = capture_sentences(capture)
    assert [s.text for s in sentences] == ["Evästeet", "Evästeet sivuillamme", "Käytämme evästeitä."]
    assert [s.text for s in match_in_order(sentences, text).missing] == missing


_WORDS = st.sampled_from(
    ["Sana", "toinen.", "Kolmas!", "**lihava**", "_ga", "`koodi`", "[linkki](https://x.fi)", "&amp;", "\\*", ":badge[ok]{x}",
     "|", "#", "- ", "1.", "---", "ä", "\u00a0", "  ", "e\u0301", "?"]
)  # fmt: skip
_CONTEXT = st.sampled_from(["<Huom>", "</Huom>", "<Huom tyyppi={x}>", "import X from 'y'", "::huom", "::", "<br>"])


@settings(max_examples=300, derandomize=True)
@given(st.lists(st.one_of(st.lists(_WORDS, max_size=8).map("".join), _CONTEXT), min_size=1, max_size=8), st.sampled_from(
    typing.get_args(Dialect)))  # fmt: skip
def test_a_capture_line_without_tags_reads_the_same_wherever_it_stands(lines: list[str], dialect: Dialect) -> None:
    """A line with no tag and no expression is read once for every capture it stands in (remembered): it must read as
    it does where it stands, whatever components open and close around it."""
    source = SiteSource(lines, dialect, frozenset(front_matter(lines)))
    in_place = [
        (number, text)
        for number, raw in enumerate(lines, start=1)
        if number not in source.markup and number not in front_matter(lines)
        for text in _line_sentences(raw, partial(source.text, number))
    ]
    read = capture_sentences("\n".join(lines), dialect=dialect)
    assert [(s.line, s.text) for s in read if s.line not in front_matter(lines)] == in_place


@settings(max_examples=300, derandomize=True)
@given(st.lists(st.text(max_size=30), max_size=6))
def test_the_tokens_of_a_texts_parts_are_the_texts_own(parts: list[str]) -> None:
    """The published text is its parts joined by spaces, and read part by part (each remembered): the same tokens, at
    the same places, as the text read whole."""
    text = " ".join(parts)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fidelity, "_CODES", fidelity._Codes())  # a table with room for both: neither starts it afresh
        whole, by_part = _Tokens(text), _Tokens(text, parts)
    assert (by_part.text, by_part.starts) == (whole.text, whole.starts)


@settings(max_examples=200, derandomize=True)
@given(
    st.lists(st.lists(_WORDS, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=5),
    st.lists(st.lists(_WORDS, min_size=1, max_size=6).map(" ".join), max_size=4),
)
def test_sentences_are_found_alike_when_the_token_table_starts_afresh(sentences: list[str], parts: list[str]) -> None:
    """The process's table of token characters starts afresh when full, forgetting every text and sentence read in
    its characters: what is found, and where, is the same as with room for all."""
    read = [Sentence(n, text) for n, text in enumerate(sentences, start=1)]
    text = " ".join(parts)
    roomy = match_in_order(read, text, parts=parts)
    for limit in ("KEEP", "HELD"):  # tokens, characters held
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(fidelity._CODES, limit, 3)  # afresh before each text, and a text longer than it read whole
            assert match_in_order(read, text, parts=parts) == roomy
            assert match_in_order(read, text) == roomy
        assert match_in_order(read, text) == roomy


def test_what_the_token_table_holds_is_bounded_in_characters() -> None:
    """Long texts (a pull request's) are remembered only up to the table's characters: a process does not keep them
    all, as it did when it counted texts (500 texts of 200 kB held about 1 GB)."""
    codes = fidelity._Codes()
    for number in range(40):
        text = "sana toinen " * 20_000 + str(number)
        codes.room(len(text))
        codes.text(text)
        assert codes.sentence(("sana toinen " * 400).strip() + str(number)) is None  # a token no text has
        assert codes.sentence(("sana toinen " * 400).strip()) is not None
        assert max(codes.held.values()) <= codes.HELD
        assert sum(map(len, codes.texts)) <= codes.HELD and sum(map(len, codes.sentences)) <= codes.HELD


@given(st.lists(st.integers(min_value=0, max_value=30), max_size=40))
def test_the_order_kept_is_a_longest_increasing_run_of_places(values: list[int]) -> None:
    """realign keeps the longest run of sentences in the capture's order: what it calls moved is the fewest."""
    from seloste.archive.fidelity import _longest_increasing

    kept = _longest_increasing(values)
    assert kept == sorted(kept) and all(values[a] < values[b] for a, b in itertools.pairwise(kept))
    longest = [1] * len(values)  # the length of a longest increasing run ending at each place, by the book
    for j in range(len(values)):
        for i in range(j):
            if values[i] < values[j]:
                longest[j] = max(longest[j], longest[i] + 1)
    assert len(kept) == max(longest, default=0)


def test_a_sentence_a_text_repeats_is_placed_once_where_the_others_leave_room() -> None:
    """ "Kyllä." twice in the capture, the second moved: the first keeps its place, the second is moved, not missing."""
    from seloste.archive.fidelity import realign

    sentences = [Sentence(n, text) for n, text in enumerate(["Alku.", "Kyllä.", "Väli.", "Kyllä.", "Loppu."], 1)]
    text = "Alku. Kyllä. Kyllä. Väli. Loppu."
    matched = match_in_order(sentences, text)
    assert [s.line for s in matched.missing] == [4]  # read in order, the second is looked for after "Väli."
    moved, missing, spans = realign(sentences, text, [text], matched)
    assert missing == [] and len(spans) == 5 and len(set(spans)) == 5
    assert [len(m.sentences) for m in moved] == [1] and moved[0].sentences[0].line in (3, 4)


def _realigned(capture: list[str], parts: list[str]) -> tuple[list[tuple[list[int], int | None, int]], list[int]]:
    """(each moved run's lines, the line it follows, the part it stands in), and the missing lines."""
    from seloste.archive.fidelity import realign

    sentences = [Sentence(n, text) for n, text in enumerate(capture, 1)]
    text = " ".join(parts)
    moved, missing, _spans = realign(sentences, text, parts, match_in_order(sentences, text, parts=parts))
    starts = [sum(len(p) + 1 for p in parts[:k]) for k in range(len(parts))]
    where = [max(k for k, start in enumerate(starts) if start <= m.start) for m in moved]
    runs = [([s.line for s in m.sentences], m.after.line if m.after else None, at) for m, at in zip(moved, where, strict=True)]
    return runs, [s.line for s in missing]


def test_a_missing_sentences_words_inside_a_sentence_added_are_no_place_of_it() -> None:
    """'Lisätietoja' left out, 'Lisätietoja saat meiltä.' added elsewhere: a sentence missing and text added, not a
    word moved out of a sentence of the contributor's (the session's second review)."""
    assert _realigned(["Alku.", "Väli.", "Lisätietoja", "Loppu."], ["Lisätietoja saat meiltä. Alku. Väli.", "Loppu."]) == (
        [],
        [3],
    )
    # where the stretch left unread is the moved sentences and nothing more, they moved
    assert _realigned(["Alku.", "Väli.", "Lisätietoja", "Loppu."], ["Lisätietoja Alku. Väli.", "Loppu."]) == ([([3], 2, 0)], [])


def test_a_sentence_the_capture_repeats_and_the_text_has_once_is_missing_where_its_order_says() -> None:
    """The first 'Kyllä.' left out: one sentence missing, the first, not the second moved and the first missing."""
    capture = ["Alku.", "Kyllä.", "Väli.", "Kyllä.", "Loppu."]
    assert _realigned(capture, ["Alku. Väli. Kyllä. Loppu."]) == ([], [2])
    heading = ["Alku.", "Yhteystiedot", "Eka.", "Toka.", "Yhteystiedot", "Loppu."]
    assert _realigned(heading, ["Alku. Eka. Toka.", "Yhteystiedot", "Loppu."]) == ([], [2])


def test_a_moved_run_is_one_error_only_where_its_sentences_stand_together() -> None:
    """Two sentences the capture has one after the other, moved apart with a kept heading between them: two errors,
    each in its own field; and each says the sentence the capture has before it, moved or missing as that one may be."""
    runs, missing = _realigned(["A1.", "B1.", "C1.", "D1.", "E1."], ["A1. D1. B1.", "E1.", "C1."])
    assert missing == [] and runs == [([2], 1, 0), ([3], 2, 2)]
    assert _realigned(["A1.", "B1.", "C1."], ["C1. B1."]) == ([([2], 1, 0)], [1])  # after A1., which is missing
