"""Emphasis marks read as cmark-gfm reads them (markup/emphasis.py), held to its rendering."""

from __future__ import annotations

import random

import pytest

from seloste.archive.capturetext import capture_sentences
from seloste.markup.emphasis import without_emphasis
from seloste.markup.text import normalize, plain_text

_PIECES = ["*", "_", "**", "__", "***", "a", "b", "ä", " ", ".", "(", ")", "5", "-", "!"]


def test_the_marks_read_as_emphasis_are_those_the_renderer_reads_so() -> None:
    """On generated lines of marks, letters, spaces and punctuation, what is left is the text cmark-gfm shows."""
    rng = random.Random(2)
    for _ in range(5000):
        line = "x" + "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 16))) + "y"
        assert normalize(without_emphasis(line)) == plain_text(line), line


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("Evästeet _ga ja _gid sekä _tärkeä_ tieto.", "Evästeet _ga ja _gid sekä tärkeä tieto."),
        ("**Evästeet:** _ga, _gid ja _tärkeä_.", "Evästeet: _ga, _gid ja tärkeä."),
        ("Evästeet __utma ja __utmz (_katso_).", "Evästeet __utma ja __utmz (katso)."),
        ("Nimi*, sähköposti* ja *puhelinnumero*.", "Nimi*, sähköposti* ja puhelinnumero."),
        ("Hinta on 5*3 euroa, *ei* enempää.", "Hinta on 5*3 euroa, ei enempää."),
        ("*Pakolliset tiedot. Muut tiedot *vapaaehtoisia*.", "*Pakolliset tiedot. Muut tiedot vapaaehtoisia."),
        ("**Huom:**Tiedot", "**Huom:**Tiedot"),
        ("tieto**suoja** ja snake_case", "tietosuoja ja snake_case"),
    ],
)
def test_a_capture_line_reads_as_its_page_shows_it(line: str, shown: str) -> None:
    """A cookie's name, a footnote's asterisk and a product are text beside real emphasis on the same line."""
    assert plain_text(line) == shown
    assert " ".join(s.text for s in capture_sentences(line + "\n")) == shown
