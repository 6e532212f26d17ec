"""Who wrote which text: notices published in Finnish and English, only in English, only in Swedish.

The fixtures in tests/fixtures/languages/ hold one organisation of each shape; the loader's rules
are tested on edits of them, and a site built from them must say the truth about each text's
language on every page, in its banners, its lang attributes, its search index and its open data.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from datadir import FIXTURES
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive
from seloste.search.searchindex import documents
from sitebuild import Build, build, fixture_project, resolve

LANGUAGE_FIXTURES = FIXTURES / "languages"


def _copy(tmp_path: Path, *slugs: str) -> Path:
    data = tmp_path / "data"
    for slug in slugs or tuple(p.name for p in LANGUAGE_FIXTURES.iterdir()):
        shutil.copytree(LANGUAGE_FIXTURES / slug, data / slug)
    return data


def _errors(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as raised:
        load_archive(data, root=data.parent)
    return [str(error) for error in raised.value.errors]


def _edit(data: Path, slug: str, old: str, new: str, name: str = "2024-01-10.yaml") -> None:
    path = data / slug / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_each_shape_loads_with_the_readings_its_pages_show(tmp_path: Path) -> None:
    archive = load_archive(_copy(tmp_path), root=tmp_path)
    readings = {r.slug: [r.current.version.reading(lang) for lang in ("fi", "en")] for r in archive.organisations}
    assert readings == {
        "english-only": [("en", "original"), ("en", "own")],
        "english-suomennettu": [("fi", "translation"), ("en", "own")],
        "omat-kielet": [("fi", "own"), ("en", "own")],
        "svenska": [("sv", "original"), ("en", "translation")],
    }
    both = archive.get("omat-kielet").current
    assert set(both.captures) == {"fi", "en"} and both.captures["en"].startswith("Kaksikielinen Oy's privacy notice")


def test_the_organisations_own_english_is_checked_against_its_own_capture(tmp_path: Path) -> None:
    data = _copy(tmp_path, "omat-kielet")
    _edit(data, "omat-kielet", "We keep customer data for three years", "We keep customer data for four years")
    errors = _errors(data)
    assert errors[-1] == (
        "data/omat-kielet/captures/2024-01-10.en.txt:9:1: this sentence of the original is missing from "
        "omat-kielet/2024-01-10.yaml's English text, or out of order: "
        "'We keep customer data for three years after the customer relationship ends.'; the nearest text has "
        "'customer data for four years after' where the capture has 'customer data for three years after'"
    )


def test_a_version_published_in_two_languages_needs_a_capture_of_each(tmp_path: Path) -> None:
    data = _copy(tmp_path, "omat-kielet")
    _edit(
        data,
        "omat-kielet",
        "  capture:\n    fi: captures/2024-01-10.fi.txt\n    en: captures/2024-01-10.en.txt\n",
        "  capture: captures/2024-01-10.fi.txt\n",
    )
    assert _errors(data)[0] == (
        "data/omat-kielet/2024-01-10.yaml:6:12: source.capture: this version was published in Finnish and English: "
        "give each language its capture, {fi: captures/<date>.fi.txt, en: captures/<date>.en.txt}"
    )


@pytest.mark.parametrize(
    ("slug", "old", "new", "expected"),
    [
        (
            "svenska",
            "        Vi sparar kunduppgifterna i fem år.\n      en: |-\n        We keep customer data for five years.\n",
            "        Vi sparar kunduppgifterna i fem år.\n",
            "data/svenska/2024-01-10.yaml:25:7: sections[1].body.en: the English text is missing; every text of this "
            "version is given in Swedish and English, as its title is",
        ),
        (
            "svenska",
            "  sv: Dataskyddsbeskrivning\n",
            "  sv: Dataskyddsbeskrivning\n  fi: Tietosuojaseloste\n",
            "data/svenska/2024-01-10.yaml:9:7: title.fi: a Finnish translation is only made of a notice published in "
            "English; this one was published in Swedish, which its Finnish pages show",
        ),
        (
            "english-only",
            "published_in: [en]",
            "published_in: [sv]",
            "data/english-only/2024-01-10.yaml:8:3: title.sv: the Swedish text is missing; published_in says the "
            "organisation published this version in Swedish",
        ),
        (
            "omat-kielet",
            "        fi: Säilytämme asiakastietoja kolme vuotta asiakkuuden päättymisestä\n",
            "",
            "data/omat-kielet/2024-01-10.yaml:40:9: facts.retention[0].quote.fi: the Finnish text is missing; every "
            "text of this version is given in Finnish and English, as its title is",
        ),
    ],
    ids=["translation-incomplete", "finnish-translation-of-swedish", "original-missing", "quote-language-missing"],
)
def test_every_text_of_a_version_is_in_the_same_languages(tmp_path: Path, slug: str, old: str, new: str, expected: str) -> None:
    data = _copy(tmp_path, slug)
    _edit(data, slug, old, new)
    assert _errors(data) == [expected]


SWEDISH_ONLY = """published_in: [sv]
recorded_date: "2024-02-01"
source:
  capture: captures/2024-01-10.txt
title:
  sv: Dataskyddsbeskrivning
sections:
  - id: personuppgiftsansvarig
    heading:
      sv: Personuppgiftsansvarig
    body:
      sv: Svenska Exempel Ab, Exempelvägen 4, 65100 Vasa.
  - id: lagring
    heading:
      sv: Lagring
    body:
      sv: Vi sparar kunduppgifterna i fem år.
facts:
  controller:
    name: Svenska Exempel Ab
    section: personuppgiftsansvarig
"""


def test_english_may_wait_for_its_translation_when_the_version_says_so(tmp_path: Path) -> None:
    data = _copy(tmp_path, "svenska")
    path = data / "svenska" / "2024-01-10.yaml"
    path.write_text(SWEDISH_ONLY, encoding="utf-8")
    assert _errors(data) == [
        "data/svenska/2024-01-10.yaml:6:3: title.en: the English text is missing; every text needs English, the "
        "organisation's own or the archive's translation ('translation: pending' while there is none yet)"
    ]
    path.write_text("translation: pending\n" + SWEDISH_ONLY, encoding="utf-8")
    archive = load_archive(data, root=tmp_path)
    assert archive.get("svenska").current.version.reading("en") == ("sv", "original")


def test_the_search_index_of_a_language_holds_only_texts_in_that_language(tmp_path: Path) -> None:
    archive = load_archive(_copy(tmp_path), root=tmp_path)
    finnish = {doc.url: doc for doc in documents(archive, "fi")}
    english = {doc.url: doc for doc in documents(archive, "en")}
    # the English-only notice's words are in the English index, not the Finnish one (found there by name)
    assert [s.heading for s in finnish["english-only/"].sections] == ["Nordic Example Ltd"]
    assert "We keep account data for two years" in english["en/english-only/"].sections[-1].text
    assert "Säilytämme tilin tietoja" in finnish["english-suomennettu/"].sections[-1].text
    assert [s.heading for s in finnish["svenska/"].sections] == ["Svenska Exempel Ab"]
    assert "We keep customer data for five years" in english["en/svenska/"].sections[-1].text


@pytest.fixture(scope="module")
def language_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = fixture_project(tmp_path_factory.mktemp("languages"))
    _copy(root)
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return result


def _notes(site: Build, path: str) -> dict[str, str]:
    page = site.soup(path)
    return {note["class"][-1]: note.get_text(" ", strip=True) for note in page.select("article .admonition")}


def _text_lang(site: Build, path: str) -> tuple[str, str | None, str | None]:
    page = site.soup(path)
    title = page.select_one("article h1 .sl-notice__title")  # the organisation's name before it is in the page's language
    return page.html["lang"], title.get("lang"), page.select_one(".sl-notice__text").get("lang")


@pytest.mark.build
def test_pages_say_whose_text_they_show(language_site: Build) -> None:
    # the organisation's own Finnish and English: no translation claimed on either page
    assert _notes(language_site, "omat-kielet/") == {
        "sl-own-text": "Organisaation oma teksti Organisaatio julkaisi tämän selosteen suomeksi ja englanniksi; "
        "tämä on sen oma suomenkielinen teksti, ei käännös."
    }
    assert _notes(language_site, "en/omat-kielet/") == {
        "sl-own-text": "The organisation's own text The organisation published this notice in Finnish and English; "
        "this is its own English text, not a translation."
    }
    assert _text_lang(language_site, "omat-kielet/") == ("fi", None, None)
    assert _text_lang(language_site, "en/omat-kielet/") == ("en", None, None)
    # English only: the Finnish page shows the English original, says so, and marks its language
    assert _notes(language_site, "english-only/") == {
        "sl-original-only": "Vain alkuperäiskielellä Organisaatio julkaisi tämän selosteen vain englanniksi, eikä "
        "arkisto ole suomentanut sitä. Alla on alkuperäinen teksti sellaisenaan."
    }
    assert _text_lang(language_site, "english-only/") == ("fi", "en", "en")
    assert _notes(language_site, "en/english-only/") == {}
    assert _text_lang(language_site, "en/english-only/") == ("en", None, None)
    # English with the archive's Finnish translation: the Finnish page says it is ours, the original prevails
    notes = _notes(language_site, "english-suomennettu/")
    assert (
        list(notes) == ["sl-translation"]
        and "arkiston suomennos selosteesta, jonka organisaatio julkaisi englanniksi" in notes["sl-translation"]
    )
    link = language_site.soup("english-suomennettu/").select_one(".sl-translation a")
    assert resolve("english-suomennettu/", link["href"]) == "en/english-suomennettu/" and link["hreflang"] == "en"
    assert _notes(language_site, "en/english-suomennettu/") == {}
    # Swedish only: the Finnish page shows the Swedish original; the English page is our translation of it
    assert _text_lang(language_site, "svenska/") == ("fi", "sv", "sv")
    assert "vain ruotsiksi" in _notes(language_site, "svenska/")["sl-original-only"]
    notes = _notes(language_site, "en/svenska/")
    assert list(notes) == ["sl-translation"] and "a notice the organisation published in Swedish" in notes["sl-translation"]
    link = language_site.soup("en/svenska/").select_one(".sl-translation a")
    assert resolve("en/svenska/", link["href"]) == "svenska/" and link["hreflang"] == "fi"


@pytest.mark.build
def test_open_data_says_who_wrote_each_reading(language_site: Build) -> None:
    index = json.loads((language_site.site / "data/v2/index.json").read_text(encoding="utf-8"))
    versions = {org["slug"]: org["versions"][0] for org in index["organisations"]}
    assert versions["svenska"]["published_in"] == ["sv"]
    assert versions["svenska"]["readings"] == {
        "fi": {"language": "sv", "whose": "original"},
        "en": {"language": "en", "whose": "translation"},
    }
    assert versions["omat-kielet"]["readings"]["en"] == {"language": "en", "whose": "own"}
    record = json.loads(gzip.decompress((language_site.site / "data/v2/omat-kielet.json.gz").read_bytes()))
    assert record["versions"]["2024-01-10"]["published_in"] == ["fi", "en"]
