"""The search index (searchindex.py): keys that join the forms of a word, compact files, one per need."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seloste.publish.packed import json_bytes
from seloste.search import keytable, searchindex
from seloste.search.language import Keys
from seloste.search.lexicon import Analyser, available
from seloste.search.searchindex import Document, Section, build_index, fnv1a, shard, tokens, write_index

TEXTS = [
    "Käsittelemme henkilötietoja. Henkilötiedot säilytetään henkilötietorekisterissä.",
    "Henkilötietojen säilytysajat vaihtelevat. Tämä tietosuojaseloste kertoo evästeettömästä palvelusta.",
    "Tietosuojaselosteen mukaan rekisteriseloste on vanha. Seloste päivitetään.",
    "Voit tehdä valituksen tietosuojavaltuutetulle. Käytämme evästeitä.",
]


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    found = available()
    assert found is not None, "Voikko is missing: scripts/install-system-packages installs libvoikko1 and voikko-fi"
    return found


def _docs(texts: list[str]) -> list[Document]:
    return [
        Document(f"Org {n}", f"org-{n}/", (Section("", "Tietosuojaseloste", ""), Section("s", "", t)))
        for n, t in enumerate(texts)
    ]


@pytest.fixture(scope="module")
def finnish(analyser: Analyser):
    keys = Keys("fi", analyser)
    index = build_index(_docs(TEXTS), keys)

    def lookup(word: str) -> list[list]:
        """[key, chunk] of each key the word is searched by."""
        return index.files[f"lex/{shard(word)}.json.gz"].get(word, [])

    def docs(word: str) -> set[int]:
        """Documents found by a word the notices use (or its base form), as the search script finds them."""
        found = set()
        for key, chunk in lookup(word):
            entry = index.files[f"keys/{chunk}.json.gz"][key]
            doc = 0
            for delta in entry[1][::2]:
                doc += delta
                found.add(doc)
        return found

    return lookup, docs, index


def test_consonant_gradation_and_base_forms_meet(finnish) -> None:
    _, docs, _ = finnish
    assert docs("henkilötiedot") == docs("henkilötietojen") == docs("henkilötieto") == {0, 1}
    assert docs("säilytysaika") == {1}  # the base form a reader types, though the text says säilytysajat


def test_a_compound_is_found_by_its_last_part_and_by_what_it_starts_with_not_the_reverse(finnish) -> None:
    _, docs, _ = finnish
    assert docs("seloste") == {0, 1, 2, 3}  # every title, tietosuojaseloste, rekisteriseloste
    assert docs("tietosuojaseloste") == {0, 1, 2, 3}  # the titles say Tietosuojaseloste
    assert docs("rekisteriseloste") == {2}
    assert 0 in docs("henkilötiedot")  # henkilötietorekisterissä starts with henkilötieto
    assert docs("evästeitä") == {1, 3}  # evästeettömästä is derived from eväste


def test_marks_list_the_forms_each_key_stands_for(finnish) -> None:
    lookup, _, index = finnish
    forms = set()
    for key, chunk in lookup("henkilötiedot"):
        forms |= set(index.files[f"keys/{chunk}.json.gz"][key][0])
    assert {"henkilötietoja", "henkilötiedot", "henkilötietojen", "henkilötietorekisterissä"} <= forms
    assert "säilytetään" not in forms


def test_positions_place_each_word_for_phrases(finnish) -> None:
    _, _, index = finnish
    meta = index.files["meta.json"]
    bucket = index.files[f"pos/{fnv1a('seloste') % meta['pos']}.json.gz"]
    # document 2 (delta 2 from 0): once, after its title section (1 word, a gap after its heading and
    # after its empty text), the next section's empty heading (a gap) and "tietosuojaselosteen mukaan
    # rekisteriseloste on vanha": no phrase runs from a heading into its text or into the next section
    assert bucket["seloste"] == [2, 1, 4 + 5]


def test_stems_of_each_shard_serve_forms_the_notices_do_not_use(finnish) -> None:
    _, _, index = finnish
    stems = index.files[f"lex/{shard('eväste')}.json.gz"]["~"]
    assert "eväst" in stems  # evästeistä is not in the texts: the search script tries its stem


def test_english_keys_are_stems(tmp_path: Path) -> None:
    docs = [
        Document(
            "A",
            "en/a/",
            (
                Section("", "Privacy notice", ""),
                Section("s", "Cookies", "We transfer data; retention is short."),
            ),
        )
    ]
    index = build_index(docs, Keys("en", None))
    assert index.files[f"lex/{shard('cookies')}.json.gz"]["cookies"] == [["=cookies", 0], ["~cooki", 0]]  # as written, its stem
    size = write_index(tmp_path, "en", index)
    files = [p for p in (tmp_path / "search-index/en").rglob("*") if p.is_file()]
    assert size == sum(p.stat().st_size for p in files)
    doc = json.loads(gzip.decompress((tmp_path / "search-index/en/docs/0.json.gz").read_bytes()))
    assert doc == {
        "t": "A",
        "u": "en/a/",
        "s": [["", "Privacy notice", ""], ["s", "Cookies", "We transfer data; retention is short."]],
    }
    assert (tmp_path / "search-index/en/docs/0.json.gz").read_bytes() == write_and_read(tmp_path / "again", index)


def write_and_read(folder: Path, index) -> bytes:
    write_index(folder, "en", index)
    return (folder / "search-index/en/docs/0.json.gz").read_bytes()  # gzip without name or time: the same bytes


def test_tokens_split_on_anything_but_letters_and_digits() -> None:
    assert tokens("Tietosuoja-asetus (EU) 2016/679, art. 13 – ÄÖ_x") == [
        "tietosuoja",
        "asetus",
        "eu",
        "2016",
        "679",
        "art",
        "13",
        "äö",
        "x",
    ]


def test_every_bucket_is_written_and_the_build_names_its_files(tmp_path: Path, finnish) -> None:
    _, _, index = finnish
    size = write_index(tmp_path / "a", "fi", index)
    folder = tmp_path / "a/search-index/fi"
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    for kind in ("keys", "pos"):  # a phrase word no notice uses still finds its (empty) bucket
        assert sorted(int(p.name.split(".")[0]) for p in (folder / kind).iterdir()) == list(range(meta[kind]))
    assert size == sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    write_index(tmp_path / "b", "fi", index)
    assert json.loads((tmp_path / "b/search-index/fi/meta.json").read_text(encoding="utf-8"))["build"] == meta["build"]
    changed = build_index(_docs(TEXTS[:-1]), Keys("fi", None))
    write_index(tmp_path / "c", "fi", changed)
    assert json.loads((tmp_path / "c/search-index/fi/meta.json").read_text(encoding="utf-8"))["build"] != meta["build"]


def test_keys_are_chunked_in_the_order_of_their_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keytable, "BUCKET_BYTES", 60)
    keys = ("=aamu", "~aamu", "henkilötieto", "=henkilötiedot", "~henkilötiedo", "=öljy")
    forms_of = {key: [key.lstrip("~=")] for key in keys}
    table = keytable.key_table(forms_of, {form: {0: 1} for forms in forms_of.values() for form in forms})
    count, chunks, chunk_of = table.count, table.chunks, table.chunk_of
    assert count == len(chunks) > 2 and all(chunks.values())
    assert all(key in chunks[str(chunk)] for key, chunk in chunk_of.items()) and set(chunk_of) == set(forms_of)
    # a word's keys sit side by side: its form, stem and base form span at most two chunks
    assert len({chunk_of[k] for k in ("henkilötieto", "=henkilötiedot", "~henkilötiedo")}) <= 2
    assert chunk_of["=aamu"] < chunk_of["~henkilötiedo"] <= chunk_of["henkilötieto"] <= chunk_of["=öljy"]


def _chunked_as_measured_by_json_dumps(table: dict[str, list], limit: int) -> dict[str, int]:
    """Each key's chunk, entries measured by their default json.dumps (the key table's measure, worked out so)."""
    chunk_of: dict[str, int] = {}
    chunk, size = -1, limit
    for key in sorted(table, key=lambda k: (k.lstrip("~="), k)):
        entry_size = len(json.dumps(table[key], ensure_ascii=False))
        if size + entry_size > limit and size:
            chunk, size = chunk + 1, 0
        chunk_of[key] = chunk
        size += entry_size
    return chunk_of


_FORM = st.text(alphabet='aäö-"\\\u00e9\x01', min_size=1, max_size=6)


@settings(max_examples=200, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(_FORM, st.dictionaries(st.integers(0, 60), st.integers(1, 500), min_size=1, max_size=30), min_size=1),
    st.lists(st.tuples(st.sampled_from("=~") | _FORM, st.lists(st.integers(0, 100), min_size=1, max_size=4)), max_size=40),
    st.integers(20, 400),
)
def test_key_chunks_are_the_json_of_their_entries_and_measured_as_json_dumps(
    counts: dict[str, dict[int, int]], keyed: list[tuple[str, list[int]]], limit: int
) -> None:
    """Keys with the same forms share their entry, encoded once: each chunk's JSON is what json_bytes gives of it, and
    the chunks are those of entries measured one by one with json.dumps."""
    forms = sorted(counts)
    forms_of = {key: sorted({forms[n % len(forms)] for n in picks}) for key, picks in keyed} or {"=x": forms[:1]}
    original = keytable.BUCKET_BYTES
    keytable.BUCKET_BYTES = limit
    try:
        table = keytable.key_table(forms_of, counts)
    finally:
        keytable.BUCKET_BYTES = original
    assert table.encoded == {name: json_bytes(chunk) for name, chunk in table.chunks.items()}
    entries = {key: entry for chunk in table.chunks.values() for key, entry in chunk.items()}
    assert table.chunk_of == _chunked_as_measured_by_json_dumps(entries, limit)
    for key, (key_forms, flat) in entries.items():
        assert key_forms == forms_of[key]
        notices = [sum(flat[: i + 1 : 2]) for i in range(0, len(flat), 2)]
        assert dict(zip(notices, flat[1::2], strict=True)) == {
            n: max(counts[f].get(n, 0) for f in key_forms) for n in {n for f in key_forms for n in counts[f]}
        }


def test_without_voikko_finnish_is_searched_by_stems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from seloste.archive.loader import load_archive
    from seloste.search import build as search
    from sitebuild import FROZEN

    monkeypatch.setattr(search, "available", lambda: None)
    built, analyser = search.index_site(load_archive(FROZEN), tmp_path)
    assert analyser is None and set(built) == {"fi", "en"}
    index = built["fi"]
    keys = index.files[f"lex/{shard('evästeet')}.json.gz"]["evästeet"]
    assert [key for key, _ in keys] == ["=evästeet", "~eväst"]  # no base forms, the stem still joins evästeitä
    assert (tmp_path / "search-index/fi/meta.json").is_file()


@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        (OSError("libvoikko.so.1: cannot open shared object file"), "Voikko is not installed (libvoikko.so.1: cannot open"),
        (
            RuntimeError("Initialization of Voikko failed: Specified dictionary variant was not found"),
            "Voikko's Finnish dictionary is not installed",
        ),
        (ValueError("bad magic number"), "Voikko is installed but does not work: ValueError: bad magic number"),
    ],
    ids=["library-missing", "dictionary-missing", "broken"],
)
def test_why_voikko_cannot_be_used_is_said_as_it_is(monkeypatch: pytest.MonkeyPatch, failure: Exception, reason: str) -> None:
    from seloste.search import lexicon

    def fail() -> None:
        raise failure

    monkeypatch.setattr(lexicon, "Analyser", fail)
    lexicon.voikko.cache_clear()
    try:
        analyser, said = lexicon.voikko()
        assert analyser is None and said is not None and said.startswith(reason)
    finally:
        lexicon.voikko.cache_clear()


def test_the_languages_endings_are_published_with_the_index_not_kept_in_the_script(tmp_path: Path, finnish) -> None:
    from seloste.search.language import ENDINGS

    _, _, index = finnish
    write_index(tmp_path, "fi", index)
    meta = json.loads((tmp_path / "search-index/fi/meta.json").read_text(encoding="utf-8"))
    assert meta["endings"] == ENDINGS["fi"]
    script = (Path(__file__).resolve().parents[1] / "docs/assets/seloste-search.js").read_text(encoding="utf-8")
    assert "ENDINGS" not in script.replace("language.py, ENDINGS", "") and "ksi|ssa" not in script


def test_voikko_splits_a_form_into_its_stem_and_ending(analyser: Analyser) -> None:
    stems = {word: analyser.analyse(word).stems for word in ("säilytti", "henkilötiedoista", "käsittelijöitä", "ip-osoitteet")}
    assert stems == {
        "säilytti": {("säilytt", "säilyttää")},
        "henkilötiedoista": {("henkilötiedo", "henkilötieto")},
        "käsittelijöitä": {("käsittelij", "käsittelijä")},  # the derivational suffix's first letter kept
        "ip-osoitteet": {("ip-osoitte", "ip-osoite")},  # Voikko knows osoitteet, not IP
    }


def test_a_stem_stands_in_both_grades_and_with_its_last_vowel_changed(analyser: Analyser) -> None:
    keys = Keys("fi", analyser)
    assert {"yhdysvall", "yhdysvalt"} <= set(keys.stems("yhdysvaltain"))  # Yhdysvallat, Yhdysvaltoihin
    assert {"profiloint", "profiloinn"} <= set(keys.stems("profilointi"))  # profiloinnin
    assert {"asia", "asio"} <= set(keys.stems("asia"))  # asioita
    assert "aiheelli" in keys.stems("aiheellinen")  # aiheellisia
    assert all(len(stem) >= 4 for stem in keys.stems("laki"))  # la-in: too short to search by


def test_a_participle_is_a_form_of_its_verb(analyser: Analyser) -> None:
    assert {"siirretty", "siirtää"} <= analyser.analyse("siirretty").bases
    assert {"säilyttänyt", "säilyttää"} <= analyser.analyse("säilyttäneet").bases


def test_a_compound_is_found_by_each_of_its_last_parts(analyser: Analyser) -> None:
    assert {"markkinointikielto", "kielto", "suora", "suoramarkkinointi"} <= analyser.analyse("suoramarkkinointikielto").others


def test_a_compound_is_found_by_the_base_form_of_its_first_part_whatever_its_case(analyser: Analyser) -> None:
    # Voikko gives a derived first part as its root and suffix (terve, +ys), the part itself inflected (terveyden)
    assert {"terveys", "tila"} <= analyser.analyse("terveydentilaa").others
    assert "terveyden" not in analyser.analyse("terveydentilaa").others
    assert {"palvelu", "tarjoaja"} <= analyser.analyse("palveluntarjoajan").others
    assert "tilaus" in analyser.analyse("tilaustenhallinnan").others
    assert {"perintä", "toimisto"} <= analyser.analyse("perintätoimisto").others  # a part in its base form stays so
    assert "perin" not in analyser.analyse("perintätoimisto").others  # not the partitive of perin


def test_a_base_form_finds_the_compounds_that_begin_with_it_in_another_case(analyser: Analyser) -> None:
    texts = ["Terveydentilaa koskevia tietoja käsitellään.", "Ei tietoja henkilön terveystilasta.", "Terveellinen tila."]
    index = build_index(_docs(texts), Keys("fi", analyser))

    def docs(word: str) -> set[int]:
        found = set()
        for key, chunk in index.files[f"lex/{shard(word)}.json.gz"].get(word, []):
            doc = 0
            for delta in index.files[f"keys/{chunk}.json.gz"][key][1][::2]:
                doc += delta
                found.add(doc)
        return found

    assert docs("terveys") == {0, 1}
    assert docs("terveydentila") == {0}


def test_a_word_derived_from_a_name_is_found_by_the_name(analyser: Analyser) -> None:
    assert "yhdysvalta" in analyser.analyse("yhdysvaltalainen").others  # Voikko writes the root yhdys=valta


def test_unlikely_readings_are_left_out(analyser: Analyser) -> None:
    assert analyser.analyse("evästeitä").bases == {"eväste"}  # not eväs + tie
    assert "maa" not in analyser.analyse("voimaan").bases | analyser.analyse("voimaan").others  # not voi + maa
    assert analyser.analyse("kuin").bases == {"kuin"}  # not the instructive of kuu
    assert analyser.analyse("kuusi").bases == {"kuusi"}  # not 'your moon'
    assert analyser.analyse("tietosi").bases == {"tieto"}  # a possessive suffix where nothing else reads
    assert analyser.analyse("mikroni").bases == {"mikro"} and analyser.analyse("mikroni", name=True).bases == set()


def test_english_irregular_forms_are_searched_by_their_base_form() -> None:
    keys = Keys("en", None)
    assert keys.query("withdrew") == {"~withdrew", "~withdraw"}
    assert {"withdraw", "withdrew", "withdrawn"} <= keys.bases("withdrawing")
    assert keys.query("e-mail") == {"~e-mail", "~email"}  # written with or without its hyphen


def test_a_worker_gives_the_build_the_counts_of_what_it_wrote_not_the_files(tmp_path: Path) -> None:
    """The index's files are written where they are built: sending them back would cost pickling them all."""
    from types import SimpleNamespace

    from seloste.archive.loader import load_archive
    from seloste.search import build as search
    from sitebuild import FROZEN

    archive = load_archive(FROZEN)
    counted = search.index_languages(SimpleNamespace(archive=archive), tmp_path, 0, 2)  # type: ignore[arg-type]
    assert set(counted) == {"fi", "en"}
    for lang, index in counted.items():
        assert index.files == {} and index.encoded == {} and index.words > 0 and index.keys > index.words
        full = searchindex.index_language(archive, tmp_path / "again", available(), lang)
        assert (index.words, index.keys) == (full.words, full.keys) and full.files
        assert (tmp_path / f"search-index/{lang}/meta.json").read_bytes() == (
            tmp_path / f"again/search-index/{lang}/meta.json"
        ).read_bytes()
