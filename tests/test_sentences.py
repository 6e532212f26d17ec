"""Where a translation may leave a sentence of its original out, the change report says so, for its reviewer to read
the two again: a paragraph or list item of the translation that may have fewer sentences than its original certainly
has. What ends a sentence cannot always be told from the text, so it is a note, never an error, and where a full stop
may or may not end a sentence the note is left out rather than given wrongly."""

from __future__ import annotations

from pathlib import Path

import pytest

from datadir import copy_valid
from seloste.archive.loader import load_archive
from seloste.compare.gaps import gap, translation_gaps
from seloste.contribute.cli import main
from seloste.markup.sentences import sentence_counts


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("", (0, 0)),
        ("Rekisterinpitäjä", (1, 1)),
        ("Säilytämme tietoja viisi vuotta. Myymme tietosi.", (2, 2)),
        ("Kysy meiltä! Vastaamme pian? Heti tänään…", (3, 3)),
        ("Käytämme esim. Google Analyticsia ja mm. Matomoa.", (1, 3)),  # 'esim.' before a name may end nothing
        ("Tiedot siirretään EU-U.S. Privacy Shield -järjestelyllä.", (1, 2)),  # nor a word with a stop inside it
        ("Contact J. Virtanen. He answers.", (2, 3)),  # an initial
        ("Voimassa 1.3.2024. Päivitetty 2.3.2024.", (1, 2)),  # a number: a date ends one, an ordinal ('3. Kappale') not
        ("Huom! Tiedot poistetaan.", (1, 2)),  # a word alone may be a sentence or not
        ("Names, addresses, etc. We keep them.", (2, 2)),  # 'etc.' before a capital ends one
        ("Tiedot ovat Minikone Oy:llä. Vastaamme heti.", (2, 2)),
        ("**Rekisteri on tämä.** Tiedot ovat tässä.", (2, 2)),
        ("Paina ”Hyväksy” nyt. ”Hylkää” poistaa evästeet.", (2, 2)),  # a Finnish quotation opens with ”
        ("Tiedot luovutetaan verottajalle. muuten ei.", (1, 1)),  # a small letter after it: no new sentence
    ],
)
def test_a_text_has_the_sentences_it_certainly_has_and_those_it_may_have(text: str, counts: tuple[int, int]) -> None:
    assert sentence_counts(text) == counts


def test_a_sentence_left_out_of_a_paragraph_or_item_is_named_with_its_counts() -> None:
    original = "Säilytämme tietoja viisi vuotta.\n\n- Asiakastiedot poistetaan. Myös vanhat poistetaan.\n- laskutustiedot"
    left_out = "We keep the data for five years.\n\n- Customer data is deleted.\n- billing data"
    assert gap(original, left_out) == (
        "list item 1 ('Asiakastiedot poistetaan. Myös vanhat poistetaan.') has 2 sentences in the Finnish and 1 "
        "sentence in the English: a sentence may be left out"
    )
    whole = "We keep the data for five years.\n\n- Customer data is deleted. Old data is deleted too.\n- billing data"
    split = "We keep the data. For five years.\n\n- Customer data is deleted. Old data too.\n- billing data"
    assert gap(original, whole) is None and gap(original, split) is None  # a sentence split in two leaves nothing out
    assert gap("### Rekisteri. Yhteystiedot.\n\nTeksti.", "### Register and contacts\n\nText.") is None  # a heading
    assert gap("Kaksi. Kappaletta.\n\nKolme.", "Two paragraphs.") is None  # other blocks: validate's error, not this


@pytest.mark.parametrize(
    ("original", "translation", "theirs", "ours"),
    [
        (
            "Tietoja luovutetaan Facebookille, Instagramille ym. Metan palveluille.",
            "Data goes to Meta's services.",
            "Finnish",
            "English",
        ),
        ("Käytämme palveluita, ml. Google Analyticsia.", "We use services, including Google Analytics.", "Finnish", "English"),
        ("Huom! Tiedot poistetaan automaattisesti.", "Note: the data is deleted automatically.", "Finnish", "English"),
        (
            "Myymmekö tietojasi? Emme. Emme koskaan myy niitä.",
            "Do we sell your data? No. We never sell it.",
            "Finnish",
            "English",
        ),
        (
            "Suojaamme tiedot. Pääsy on rajattu.",
            "We protect the data with the state of the art. Access is restricted.",
            "Finnish",
            "English",
        ),
        (
            "Tiedot siirretään Yhdysvaltoihin. Siirto perustuu kehykseen.",
            "Data goes to the U.S. The transfer relies on it.",
            "Finnish",
            "English",
        ),
        ("Sivun 3. Kappale koskee evästeitä.", "The third paragraph of the page is about cookies.", "Finnish", "English"),
        (
            "We are certified under the EU-U.S. Data Privacy Framework.",
            "Meillä on EU:n ja Yhdysvaltojen kehyksen sertifikaatti.",
            "English",
            "Finnish",
        ),
        (
            "Press “Accept” to agree. “Reject” declines all.",
            "Paina ”Hyväksy” hyväksyäksesi. ”Hylkää” hylkää kaikki.",
            "English",
            "Finnish",
        ),
        ("Vi använder kakor inkl. Google Analytics.", "We use cookies including Google Analytics.", "Swedish", "English"),
        (
            "Uppgifterna lämnas p.g.a. Lagen om bokföring ut.",
            "The data is disclosed because of the Accounting Act.",
            "Swedish",
            "English",
        ),
    ],
)
def test_a_complete_translation_is_not_said_to_leave_anything_out(
    original: str, translation: str, theirs: str, ours: str
) -> None:
    assert gap(original, translation, theirs, ours) is None


def test_the_report_names_a_sentence_a_new_versions_translation_leaves_out_and_validate_passes_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    version = tmp_path / "data/esimerkki/2024-06-01.yaml"
    version.write_text(
        version.read_text(encoding="utf-8").replace("We use Google Analytics. We use it", "We use it"), encoding="utf-8"
    )
    assert main(["validate"]) == 0  # a note for the reviewer, not an error
    capsys.readouterr()
    assert main(["report", "esimerkki"]) == 0
    report = capsys.readouterr().out
    assert (
        "- Translation to read again, ` sections[1].body.en `: paragraph 1 ('Säilytämme tietoja viisi vuotta. "
        "Käytämme Google …') has 11 sentences in the Finnish and 10 sentences in the English: a sentence may be left out\n"
    ) in report


def test_only_the_texts_a_version_changes_are_read_again(tmp_path: Path) -> None:
    copy_valid(tmp_path)
    versions = tmp_path / "data/esimerkki"
    first = versions / "2024-01-10.yaml"
    first.write_text(first.read_text(encoding="utf-8").replace(" Updated 10.1.2024.", ""), encoding="utf-8")
    record = load_archive(tmp_path / "data", root=tmp_path).get("esimerkki")
    old, new = (v.version for v in record.versions)
    assert [name for name, _note in translation_gaps(None, old)] == ["sections[0].body.en"]
    assert translation_gaps(old, old) == ()  # as it was: read before
    assert translation_gaps(None, new) == ()
