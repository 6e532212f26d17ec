"""A translation holds each sentence of its original: a paragraph or list item of the English with fewer sentences
than the Finnish's is an error naming it (a sentence left out), while a sentence split in two is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from datadir import copy_valid
from seloste.contribute.cli import main
from seloste.markup.blocks import parity_problem
from seloste.markup.sentences import sentence_count


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("Rekisterinpitäjä", 1),
        ("Säilytämme tietoja viisi vuotta. Myymme tietosi.", 2),
        ("Voimassa 1.3.2024. Päivitetty 2.3.2024.", 2),
        ("Kysy! Vastaamme? Heti…", 3),
        ("Käytämme esim. Google Analyticsia ja mm. Matomoa.", 1),
        ("We use e.g. Google Analytics, i.e. a tool.", 1),
        ("Contact Dr. Smith or J. Virtanen.", 1),
        ("Soita puh. 010 123 4567 tai tel. 040 1.", 1),
        ("Names, addresses, etc. We keep them.", 2),  # 'etc.' before a capital ends a sentence
        ("Tiedot säilytetään Minikone Oy:llä. Vastaamme heti.", 2),
        ("Requests are kept at Minikone Oy. We answer at once.", 2),
        ("**Rekisteri.** Tiedot ovat tässä.", 2),
        ('He said "Stop." Then he left.', 2),
        ("Tiedot luovutetaan esim. verottajalle. muuten ei.", 1),  # a small letter after it: not a new sentence
    ],
)
def test_sentences_are_counted_as_a_reader_reads_them(text: str, count: int) -> None:
    assert sentence_count(text) == count


def test_a_sentence_left_out_of_a_paragraph_is_named_with_its_counts() -> None:
    original = "Säilytämme tietoja viisi vuotta.\n\n- asiakastiedot. Myös vanhat.\n- laskutustiedot"
    left_out = "We keep the data for five years.\n\n- customer data.\n- billing data"
    assert parity_problem(original, left_out) == (
        "list item 1 ('asiakastiedot. Myös vanhat.') has 2 sentences in the Finnish and 1 in the English: a sentence "
        "may be left out; translate each sentence as one of its own, in the same order (or declare 'translation: "
        "pending' on this version)"
    )
    whole = "We keep the data for five years.\n\n- customer data. Old ones too.\n- billing data"
    assert parity_problem(original, whole) is None
    split = "We keep the data. For five years.\n\n- customer data. Old ones too.\n- billing data"
    assert parity_problem(original, split) is None  # a sentence the translation splits in two leaves nothing out


def test_validate_finds_a_sentence_the_translation_leaves_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    version = tmp_path / "data/esimerkki/2024-01-10.yaml"
    text = version.read_text(encoding="utf-8")
    version.write_text(text.replace("personal data. Updated 10.1.2024.", "personal data."), encoding="utf-8")
    assert main(["validate"]) == 1
    line = text[: text.index("This notice tells how")].count("\n")  # the English body's "en: |-" line
    assert capsys.readouterr().err == (
        f"data/esimerkki/2024-01-10.yaml:{line}:11: sections[0].body.en: paragraph 1 ('Tämä seloste kertoo, miten "
        "käsittelemme …') has 2 sentences in the Finnish and 1 in the English: a sentence may be left out; translate "
        "each sentence as one of its own, in the same order (or declare 'translation: pending' on this version)\n"
        "1 error in the data\n"
    )
