"""The Finnish search lexicon (built with Voikko): forms that belong together."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seloste.lexicon import Analyser, available, build_lexicon, words, write_lexicon

TEXTS = [
    "Käsittelemme henkilötietoja. Henkilötiedot säilytetään.",
    "Henkilötietojen säilytysajat vaihtelevat. Tämä tietosuojaseloste kertoo.",
    "Tietosuojaselosteen mukaan rekisteriseloste on vanha. Seloste päivitetään.",
    "Voit tehdä valituksen tietosuojavaltuutetulle.",
]


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    found = available()
    assert found is not None, "Voikko is missing: scripts/install-system-packages installs libvoikko1 and voikko-fi"
    return found


def test_consonant_gradation_joins_the_forms_of_a_word(analyser: Analyser) -> None:
    lexicon = build_lexicon(words(TEXTS), analyser)
    # one form per Snowball stem: henkilötietoja and henkilötietojen both stem to henkilötieto
    assert lexicon["henkilötiedot"] in (["henkilötietoja"], ["henkilötietojen"])
    assert lexicon["henkilötietojen"] == ["henkilötiedot"]


def test_a_base_form_reaches_the_forms_used(analyser: Analyser) -> None:
    lexicon = build_lexicon(words(TEXTS), analyser)
    assert lexicon["säilytysaika"] == ["säilytysajat"]  # readers type the base form; the text has another
    assert lexicon["henkilötieto"] == ["henkilötiedot"]  # the base form's own stem covers the others


def test_compounds_are_found_by_their_last_part_not_the_other_way(analyser: Analyser) -> None:
    lexicon = build_lexicon(words(TEXTS), analyser)
    assert "rekisteriseloste" in lexicon["seloste"]
    assert [w for w in lexicon["seloste"] if w.startswith("tietosuojaselost")]  # one form per Snowball stem
    assert "seloste" not in lexicon.get("tietosuojaseloste", [])
    assert "rekisteriseloste" not in lexicon.get("tietosuojaseloste", [])


def test_lexicon_is_sharded_by_first_two_letters(tmp_path: Path, analyser: Analyser) -> None:
    lexicon = build_lexicon(words(TEXTS), analyser)
    files = write_lexicon(tmp_path, "fi", lexicon)
    shard = json.loads((tmp_path / "search-lexicon/fi/he.json").read_text(encoding="utf-8"))
    assert files == len({word[:2] for word in lexicon}) and "henkilötiedot" in shard
    assert all(word.startswith("he") for word in shard)
