"""Fidelity: every sentence of each original capture is published, in order."""

from __future__ import annotations

from pathlib import Path

from seloste.fidelity import capture_sentences, fidelity_errors, html_text, missing_in_order
from seloste.loader import load_archive

ROOT = Path(__file__).resolve().parents[1]


def test_capture_markup_and_noise_are_removed() -> None:
    capture = "Hyppää sisältöön\n\n# Otsikko\n\n - Yksi. Kaksi!\n 1. Kolme\n**Lihava** [linkki](https://x.fi).  \n"
    sentences = [s.text for s in capture_sentences(capture, ("Hyppää sisältöön",))]
    assert sentences == ["Otsikko", "Yksi.", "Kaksi!", "Kolme", "Lihava linkki."]
    assert [s.line for s in capture_sentences(capture, ("Hyppää sisältöön",))] == [3, 5, 5, 6, 7]


def test_a_dropped_or_reordered_sentence_is_found() -> None:
    sentences = capture_sentences("Eka lause. Toka lause. Kolmas lause.")
    assert missing_in_order(sentences, "Eka lause. Toka lause. Kolmas lause.") == []
    assert [s.text for s in missing_in_order(sentences, "Eka lause. Kolmas lause.")] == ["Toka lause."]
    assert [s.text for s in missing_in_order(sentences, "Toka lause. Eka lause. Kolmas lause.")] == ["Toka lause."]


def test_html_text_separates_blocks() -> None:
    assert html_text("<p>Yksi<br>kaksi</p><ul><li>a</li><li>b&nbsp;c</li></ul>") == "Yksi kaksi a b c"


def test_the_real_data_is_faithful_to_its_captures() -> None:
    archive = load_archive(ROOT / "data")
    assert fidelity_errors(archive, ROOT / "data") == []
    # every version of the real data has its capture kept beside it
    assert all(v.capture_text for o in archive.organisations for v in o.versions)
