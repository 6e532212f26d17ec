"""Who wrote which text: notices published in Finnish and English, only in English, only in Swedish, in Finnish and
Swedish, in Swedish and English.

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

from datadir import FIXTURES, VERSION_LINE, edit
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive
from seloste.compare.report import changes, render_report
from seloste.compare.texts import version_text
from seloste.publish.pages import notice_view
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
    edit(data / slug / name, old, new, 1)


def test_each_shape_loads_with_the_readings_its_pages_show(tmp_path: Path) -> None:
    archive = load_archive(_copy(tmp_path), root=tmp_path)
    readings = {r.slug: [r.current.version.reading(lang) for lang in ("fi", "en")] for r in archive.organisations}
    assert readings == {
        "english-only": [("en", "original"), ("en", "own")],
        "english-suomennettu": [("fi", "translation"), ("en", "own")],
        "omat-kielet": [("fi", "own"), ("en", "own")],
        "svenska": [("sv", "original"), ("en", "translation")],
        "suomi-ruotsi": [("fi", "own"), ("en", "translation")],
        "svenska-engelska": [("sv", "original"), ("en", "own")],
        "osio-puuttuu": [("fi", "own"), ("en", "own")],
    }
    both = archive.get("omat-kielet").current
    assert set(both.captures) == {"fi", "en"} and both.captures["en"].startswith("Kaksikielinen Oy's privacy notice")
    # the Swedish text beside Finnish is the one own text no site language's page shows: it gets a page of its own
    separate = {r.slug: r.current.version.separate_languages for r in archive.organisations}
    assert separate == {slug: () for slug in separate} | {"suomi-ruotsi": ("sv",)}
    finnish_swedish = archive.get("suomi-ruotsi").current
    assert finnish_swedish.captures["sv"].startswith("Tvåspråkiga Ab:s dataskyddsbeskrivning")


def test_the_swedish_beside_finnish_is_checked_against_its_own_capture(tmp_path: Path) -> None:
    data = _copy(tmp_path, "suomi-ruotsi")
    _edit(data, "suomi-ruotsi", "        Vi sparar kunduppgifterna i fyra år.\n", "        Vi sparar kunduppgifterna i fem år.\n")
    quote = "        sv: Vi sparar kunduppgifterna i {} år\n"
    _edit(data, "suomi-ruotsi", quote.format("fyra"), quote.format("fem"))
    assert _errors(data) == [
        "data/suomi-ruotsi/2024-01-10.yaml:34:11: sections[1].body.sv: text that is not in the original capture "
        "(captures/2024-01-10.sv.txt): 'Vi sparar kunduppgifterna i fem år.'; publish the notice's own words only (a "
        "note of ours goes in source.note)",
        "data/suomi-ruotsi/captures/2024-01-10.sv.txt:9:1: this sentence of the original is missing from "
        "suomi-ruotsi/2024-01-10.yaml's Swedish text, or out of order: 'Vi sparar kunduppgifterna i fyra år.'; the "
        "nearest text has 'sparar kunduppgifterna i fem år.' where the capture has 'sparar kunduppgifterna i fyra år.'",
    ]


def test_a_version_published_in_finnish_and_swedish_needs_both_texts_and_captures(tmp_path: Path) -> None:
    data = _copy(tmp_path, "suomi-ruotsi")
    _edit(data, "suomi-ruotsi", "    sv: captures/2024-01-10.sv.txt\n", "")
    assert _errors(data) == [
        "data/suomi-ruotsi/2024-01-10.yaml:7:5: source.capture: one capture per language the version was published "
        "in (Finnish and Swedish); got Finnish"
    ]
    data = _copy(tmp_path / "again", "suomi-ruotsi")
    _edit(data, "suomi-ruotsi", "  sv: Tvåspråkiga Ab:s dataskyddsbeskrivning\n", "")
    assert _errors(data)[0] == (
        "data/suomi-ruotsi/2024-01-10.yaml:10:3: title.sv: the Swedish text is missing; published_in says the "
        "organisation published this version in Swedish"
    )


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
            "version is given in Swedish and English, as its title is; translate it, or, until every text is "
            "translated, leave the English out of every text, the title's too, with 'translation: pending'",
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
        (  # a Finnish translation of an English notice is optional: no 'translation: pending' to declare for it
            "english-suomennettu",
            "      fi: |-\n        Nordic Translated Ltd, Example Street 3, 00100 Helsinki, on henkilötietojesi "
            "rekisterinpitäjä.\n",
            "",
            "data/english-suomennettu/2024-01-10.yaml:16:7: sections[0].body.fi: the Finnish text is missing; every text "
            "of this version is given in Finnish and English, as its title is",
        ),
    ],
    ids=[
        "translation-incomplete",
        "finnish-translation-of-swedish",
        "original-missing",
        "quote-language-missing",
        "optional-finnish-incomplete",
    ],
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
    path.write_text(VERSION_LINE + SWEDISH_ONLY, encoding="utf-8")
    assert _errors(data) == [
        "data/svenska/2024-01-10.yaml:7:3: title.en: the English text is missing; every text needs English, the "
        "organisation's own or the archive's translation ('translation: pending' while there is none yet)"
    ]
    path.write_text(VERSION_LINE + "translation: pending\n" + SWEDISH_ONLY, encoding="utf-8")
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
    # Finnish and Swedish: the Finnish index holds the Finnish (not the Swedish), the English one the translation
    assert [s.text for s in finnish["suomi-ruotsi/"].sections][-1] == "Säilytämme asiakastietoja neljä vuotta."
    assert "Vi sparar" not in " ".join(s.text for doc in finnish.values() for s in doc.sections)
    assert "We keep customer data for four years" in english["en/suomi-ruotsi/"].sections[-1].text


@pytest.fixture(scope="module")
def language_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = fixture_project(tmp_path_factory.mktemp("languages"))
    _copy(root)
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return result


def _notes(site: Build, path: str) -> dict[str, str]:
    page = site.soup(path)
    notes = page.select("article :is(.admonition, .sl-own-text--only)")
    return {note["class"][-1]: note.get_text(" ", strip=True) for note in notes}


def _links(site: Build, path: str) -> list[tuple[str, str]]:
    """Where a page's note about whose text it shows links to, and in which language the text there is."""
    links = site.soup(path).select("article .admonition:not(.sl-current-version) a")
    return [(resolve(path, a["href"]), a["hreflang"]) for a in links]


def _text_lang(site: Build, path: str) -> tuple[str, str | None, str | None]:
    page = site.soup(path)
    title = page.select_one("article h1 .sl-notice__title")  # the organisation's name before it is in the page's language
    return page.html["lang"], title.get("lang"), page.select_one(".sl-notice__text").get("lang")


@pytest.mark.build
def test_pages_say_whose_text_they_show(language_site: Build) -> None:
    # the organisation's own Finnish and English: no translation claimed on either page
    assert _notes(language_site, "omat-kielet/") == {
        "sl-own-text": "Organisaation oma teksti Organisaatio julkaisi tämän selosteen suomeksi ja englanniksi; "
        "tämä on sen oma suomenkielinen teksti, ei arkiston käännös. Lue sen englanninkielinen teksti ( in English )"
    }
    assert _notes(language_site, "en/omat-kielet/") == {
        "sl-own-text": "The organisation's own text The organisation published this notice in Finnish and English; "
        "this is its own English text, not the archive's translation. Read its Finnish text ( suomeksi )"
    }
    assert _links(language_site, "omat-kielet/") == [("en/omat-kielet/", "en")]
    assert _links(language_site, "en/omat-kielet/") == [("omat-kielet/", "fi")]
    assert _text_lang(language_site, "omat-kielet/") == ("fi", None, None)
    assert _text_lang(language_site, "en/omat-kielet/") == ("en", None, None)
    # English only: the Finnish page shows the English original, says so, and marks its language
    assert _notes(language_site, "english-only/") == {
        "sl-original-only": "Vain alkuperäiskielellä Organisaatio julkaisi tämän selosteen vain englanniksi, eikä "
        "arkisto ole suomentanut sitä. Alla on alkuperäinen teksti sellaisenaan."
    }
    assert _text_lang(language_site, "english-only/") == ("fi", "en", "en")
    assert _notes(language_site, "en/english-only/") == {
        "sl-own-text--only": "The organisation's own text, not the archive's translation."
    }
    said = language_site.soup("en/english-only/").select_one(".sl-own-text--only")["title"]
    assert (
        said
        == "The organisation published this notice in English; this is its own text as published, not the archive's translation."
    )
    assert _text_lang(language_site, "en/english-only/") == ("en", None, None)
    # English with the archive's Finnish translation: the Finnish page says it is ours, the original prevails
    notes = _notes(language_site, "english-suomennettu/")
    assert (
        list(notes) == ["sl-translation"]
        and "arkiston suomennos selosteesta, jonka organisaatio julkaisi englanniksi" in notes["sl-translation"]
    )
    link = language_site.soup("english-suomennettu/").select_one(".sl-translation a")
    assert resolve("english-suomennettu/", link["href"]) == "en/english-suomennettu/" and link["hreflang"] == "en"
    assert list(_notes(language_site, "en/english-suomennettu/")) == ["sl-own-text--only"]
    # Swedish only: the Finnish page shows the Swedish original; the English page is our translation of it
    assert _text_lang(language_site, "svenska/") == ("fi", "sv", "sv")
    assert "vain ruotsiksi" in _notes(language_site, "svenska/")["sl-original-only"]
    notes = _notes(language_site, "en/svenska/")
    assert list(notes) == ["sl-translation"] and "a notice the organisation published in Swedish" in notes["sl-translation"]
    link = language_site.soup("en/svenska/").select_one(".sl-translation a")
    assert resolve("en/svenska/", link["href"]) == "svenska/" and link["hreflang"] == "sv"  # the text's, not the frame's


@pytest.mark.build
def test_finnish_and_swedish_each_shown_as_the_organisations_own_text(language_site: Build) -> None:
    # the Finnish page: the organisation's own Finnish, and a link to its own Swedish, marked Swedish
    assert _notes(language_site, "suomi-ruotsi/") == {
        "sl-own-text": "Organisaation oma teksti Organisaatio julkaisi tämän selosteen suomeksi ja ruotsiksi; tämä on "
        "sen oma suomenkielinen teksti, ei arkiston käännös. Lue sen ruotsinkielinen teksti ( på svenska )"
    }
    assert _text_lang(language_site, "suomi-ruotsi/") == ("fi", None, None)
    name = language_site.soup("suomi-ruotsi/").select_one("article .sl-notice__name")  # no Finnish name given: name
    assert (name.get_text(), name.get("lang")) == ("Tvåspråkiga Oy", None)
    names = language_site.soup("suomi-ruotsi/").select_one("article .sl-notice__names")
    assert names.get_text() == "Nimi myös: Tvåspråkiga Ab (ruotsiksi)" and names.select_one("span")["lang"] == "sv"
    assert _links(language_site, "suomi-ruotsi/") == [("suomi-ruotsi/2024-01-10/sv/", "sv")]
    native = language_site.soup("suomi-ruotsi/").select_one(".sl-own-text a span")
    assert native["lang"] == "sv" and native.get_text() == "på svenska"
    # the English page: the archive's translation, of which text, and both own texts to read
    notes = _notes(language_site, "en/suomi-ruotsi/")
    assert notes == {
        "sl-translation": "Translation This is the archive's English translation of a notice the organisation "
        "published in Finnish and Swedish, translated from Finnish. The organisation's own texts prevail; where the "
        "translation differs from them, only they state what the organisation committed to. Read its Finnish text "
        "( suomeksi ) Read its Swedish text ( på svenska )"
    }
    assert _links(language_site, "en/suomi-ruotsi/") == [("suomi-ruotsi/", "fi"), ("en/suomi-ruotsi/2024-01-10/sv/", "sv")]
    assert _text_lang(language_site, "en/suomi-ruotsi/") == ("en", None, None)
    # the Swedish text's page, in each site language: marked Swedish, the organisation's own, not a translation
    for path, note in (
        (
            "suomi-ruotsi/2024-01-10/sv/",
            "Organisaation oma teksti Organisaatio julkaisi tämän selosteen suomeksi ja ruotsiksi; tämä on sen oma "
            "ruotsinkielinen teksti, ei arkiston käännös. Lue sen suomenkielinen teksti ( suomeksi )",
        ),
        (
            "en/suomi-ruotsi/2024-01-10/sv/",
            "The organisation's own text The organisation published this notice in Finnish and Swedish; this is its own "
            "Swedish text, not the archive's translation. Read its Finnish text ( suomeksi )",
        ),
    ):
        page = language_site.soup(path)
        assert _notes(language_site, path)["sl-own-text"] == note
        assert _text_lang(language_site, path) == (path[:2] if path.startswith("en/") else "fi", "sv", "sv")
        assert page.select_one("article .sl-toc ol")["lang"] == "sv"
        name = page.select_one("article .sl-notice__name")  # its Swedish name (names.sv), marked Swedish
        assert (name.get_text(), name["lang"]) == ("Tvåspråkiga Ab", "sv")
        headings = [h.get_text() for h in page.select(".sl-notice__text h2")]
        assert headings == ["Personuppgiftsansvarig", "Lagring"]
        assert "Vi sparar kunduppgifterna i fyra år." in page.select_one(".sl-notice__text").get_text()
        assert _links(language_site, path) == [("suomi-ruotsi/", "fi")]
        assert page.select_one('link[rel="canonical"]') is None  # not the Finnish notice page's text
        permanent = page.select_one(".sl-meta a[href]:not([rel])")
        assert resolve(path, permanent["href"]) == path
        # the language switch leads to the Swedish text's page in the other site language
        alternates = {a["hreflang"]: resolve(path, a["href"]) for a in page.select('link[rel="alternate"][hreflang]')}
        assert alternates["fi"] == "suomi-ruotsi/2024-01-10/sv/" and alternates["en"] == "en/suomi-ruotsi/2024-01-10/sv/"
    assert "ruotsinkielinen teksti" in language_site.soup("suomi-ruotsi/2024-01-10/sv/").title.get_text()
    sitemap = (language_site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "suomi-ruotsi/2024-01-10/sv/</loc>" in sitemap and "en/suomi-ruotsi/2024-01-10/sv/</loc>" in sitemap
    # Swedish and English: the Finnish page shows the Swedish, without claiming it is all the organisation published
    assert _notes(language_site, "svenska-engelska/") == {
        "sl-original-only": "Vain alkuperäiskielellä Organisaatio julkaisi tämän selosteen ruotsiksi ja englanniksi, "
        "mutta ei suomeksi, eikä arkisto ole suomentanut sitä. Alla on sen oma ruotsinkielinen teksti sellaisenaan. "
        "Lue sen englanninkielinen teksti ( in English )"
    }
    assert _text_lang(language_site, "svenska-engelska/") == ("fi", "sv", "sv")
    assert _links(language_site, "svenska-engelska/") == [("en/svenska-engelska/", "en")]
    assert _links(language_site, "en/svenska-engelska/") == [("svenska-engelska/", "sv")]
    assert not (language_site.site / "svenska-engelska/2024-01-10/sv").exists()  # the Finnish pages show it


@pytest.mark.build
def test_the_feeds_say_which_languages_the_organisation_published(language_site: Build) -> None:
    finnish = (language_site.site / "suomi-ruotsi/feed.xml").read_text(encoding="utf-8")
    english = (language_site.site / "en/suomi-ruotsi/feed.xml").read_text(encoding="utf-8")
    assert "<li>Organisaatio julkaisi tämän version suomeksi ja ruotsiksi.</li>" in finnish
    assert "<li>The organisation published this version in Finnish and Swedish.</li>" in english


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
    # where each own text is: the Swedish beside Finnish on pages of its own, each of which exists
    both = versions["suomi-ruotsi"]
    assert both["published_in"] == ["fi", "sv"]
    assert both["readings"]["en"] == {"language": "en", "whose": "translation"}
    assert both["own_texts"] == {
        "fi": {"fi": "suomi-ruotsi/"},
        "sv": {"fi": "suomi-ruotsi/2024-01-10/sv/", "en": "en/suomi-ruotsi/2024-01-10/sv/"},
    }
    assert versions["svenska"]["own_texts"] == {"sv": {"fi": "svenska/"}}
    assert versions["omat-kielet"]["own_texts"] == {"fi": {"fi": "omat-kielet/"}, "en": {"en": "en/omat-kielet/"}}
    for org in index["organisations"]:
        for page in (p for v in org["versions"] for pages in v["own_texts"].values() for p in pages.values()):
            assert (language_site.site / page / "index.html").is_file(), page
    record = json.loads(gzip.decompress((language_site.site / "data/v2/suomi-ruotsi.json.gz").read_bytes()))
    assert record["versions"]["2024-01-10"]["sections"][1]["body"]["sv"] == "Vi sparar kunduppgifterna i fyra år."


def test_the_change_report_shows_the_swedish_beside_finnish_word_by_word(tmp_path: Path) -> None:
    """No text reaches readers unseen: the Swedish has no site language's pages, so the report compares it on its own."""
    base = load_archive(_copy(tmp_path / "base", "suomi-ruotsi"), root=tmp_path / "base")
    data = _copy(tmp_path / "head", "suomi-ruotsi")
    _edit(data, "suomi-ruotsi", "Strandvägen 3", "Strandvägen 5")
    capture = data / "suomi-ruotsi" / "captures" / "2024-01-10.sv.txt"
    capture.write_text(capture.read_text(encoding="utf-8").replace("Strandvägen 3", "Strandvägen 5"), encoding="utf-8")
    items = changes(base, load_archive(data, root=tmp_path / "head"))
    assert [(item.kind, list(item.diffs)) for item in items] == [("corrected-version", ["fi", "en", "sv"])]
    assert [items[0].diffs[lang].change for lang in ("fi", "en", "sv")] == ["none", "none", "text"]
    report = render_report(items, "Changes")
    swedish = report[report.index("### Svenska (sv): the organisation's own text, on a page of its own") :]
    assert "Strandvägen <del>3</del><ins>5</ins>" in swedish.replace("~~", "")
    # a first version's Swedish is shown whole, after the Finnish and the English
    (tmp_path / "empty").mkdir()
    first = render_report(changes(load_archive(tmp_path / "empty", root=tmp_path), base), "Changes")
    assert first.index("### Suomi (fi)") < first.index("### English (en)") < first.index("### Svenska (sv)")
    assert "<ins>Vi sparar kunduppgifterna i fyra år.</ins>" in first


def test_the_change_report_shows_an_english_notice_once_saying_the_finnish_pages_show_it_untranslated(
    tmp_path: Path,
) -> None:
    base = _copy(tmp_path / "base", "english-suomennettu")
    (tmp_path / "empty").mkdir()
    report = render_report(
        changes(
            load_archive(tmp_path / "empty", root=tmp_path),
            load_archive(_copy(tmp_path / "head", "english-only"), root=tmp_path / "head"),
        ),
        "Changes",
    )
    assert "### English (en): the organisation's own text; the Finnish pages show it too, not translated" in report
    assert "### Suomi (fi)" not in report and report.count("<ins>Nordic Example Ltd") == 1, report
    # with a Finnish translation, each is compared
    translated = render_report(
        changes(load_archive(tmp_path / "empty", root=tmp_path), load_archive(base, root=tmp_path / "base")), "Changes"
    )
    assert (
        "### Suomi (fi): the archive's translation" in translated
        and "### English (en): the organisation's own text\n" in translated
    )


def test_the_change_report_says_a_change_of_punctuation_adds_or_removes_no_word(tmp_path: Path) -> None:
    base = load_archive(_copy(tmp_path / "base", "english-suomennettu"), root=tmp_path / "base")
    data = _copy(tmp_path / "head", "english-suomennettu")
    _edit(data, "english-suomennettu", "00100 Helsinki, on henkilötietojesi", "00100 Helsinki on henkilötietojesi")
    report = render_report(changes(base, load_archive(data, root=tmp_path / "head")), "Changes")
    finnish = report[report.index("### Suomi (fi)") : report.index("### English (en)")]
    assert "Tekstiä muutettiin. Yhtään sanaa ei lisätty eikä poistettu: välimerkit" in finnish, finnish
    english = report[report.index("### English (en)") :]
    assert english.startswith("### English (en): the organisation's own text\n\nNo changes.\n\n"), english  # no count


# --- a section one of the organisation's own texts does not have (not_in) ----------------------------------------


def test_a_section_absent_from_one_own_text_is_held_to_the_other_texts_capture_only(tmp_path: Path) -> None:
    archive = load_archive(_copy(tmp_path, "osio-puuttuu"), root=tmp_path)  # each text faithful to its own capture
    record = archive.get("osio-puuttuu").current
    assert [s.id for s in record.version.sections if s.has("en")] == ["rekisterinpitaja", "sailytys"]
    assert "evästeitä" in record.captures["fi"] and "cookie" not in record.captures["en"].lower()
    # the comparison and the search read the English text without the section, the Finnish with it
    assert [s.id for s in version_text(record, "en").sections] == ["rekisterinpitaja", "sailytys"]
    assert [s.id for s in version_text(record, "fi").sections] == ["rekisterinpitaja", "evasteet", "sailytys"]
    english = {doc.url: doc for doc in documents(archive, "en")}["en/osio-puuttuu/"]
    assert [s.anchor for s in english.sections] == ["", "rekisterinpitaja", "sailytys"]
    # the Finnish text of the section is still held to the Finnish capture
    data = _copy(tmp_path / "again", "osio-puuttuu")
    _edit(data, "osio-puuttuu", "kävijämäärien seuraamiseen.", "kävijöiden seuraamiseen.")
    assert any("captures/2024-01-10.fi.txt" in error and "kävijämäärien" in error for error in _errors(data))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    not_in: [en]                  # the organisation's English text has no section on cookies\n",
            "",
            [
                "data/osio-puuttuu/2024-01-10.yaml:24:7: sections[1].heading.en: the English text is missing; every text "
                "of this version is given in Finnish and English, as its title is; if the organisation's English text has "
                "no counterpart of this section, say so with 'not_in: [en]' on the section",
                "data/osio-puuttuu/2024-01-10.yaml:26:7: sections[1].body.en: the English text is missing; every text of "
                "this version is given in Finnish and English, as its title is; if the organisation's English text has no "
                "counterpart of this section, say so with 'not_in: [en]' on the section",
                "data/osio-puuttuu/2024-01-10.yaml:53:9: facts.cookies[0].quote.en: the English text is missing; every "
                "text of this version is given in Finnish and English, as its title is",
            ],
        ),
        (
            "    not_in: [en]  ",
            "    not_in: [sv]  ",
            [
                "data/osio-puuttuu/2024-01-10.yaml:23:13: sections[1].not_in: sv is not a language the organisation "
                "published this version in; only an organisation's own text may lack a section (the archive's "
                "translation has every section, but one not translated yet while the version says 'translation: pending')"
            ],
        ),
        (
            "    not_in: [en]  ",
            "    not_in: [fi, en]  ",
            [
                "data/osio-puuttuu/2024-01-10.yaml:23:13: sections[1].not_in: the section would be in none of the "
                "organisation's texts; remove it instead"
            ],
        ),
        (
            "   # the English text has no such section\n",
            "\n        en: Google Analytics cookies\n",
            [
                "data/osio-puuttuu/2024-01-10.yaml:55:13: facts.cookies[0].quote.en: the section's not_in says the "
                "organisation's English text has no such section; remove this English text, or en from not_in"
            ],
        ),
    ],
    ids=["not-declared", "not-an-own-language", "in-no-text", "quote-in-the-absent-language"],
)
def test_a_section_absent_from_an_own_text_is_declared_and_nothing_else(
    tmp_path: Path, old: str, new: str, expected: list[str]
) -> None:
    data = _copy(tmp_path, "osio-puuttuu")
    _edit(data, "osio-puuttuu", old, new)
    assert _errors(data) == expected


@pytest.mark.build
def test_the_page_of_a_text_without_a_section_says_so_in_its_place(language_site: Build) -> None:
    english = language_site.soup("en/osio-puuttuu/")
    text = english.select_one(".sl-notice__text")
    assert [s["data-section"] for s in text.select(":scope > section.sl-section")] == ["rekisterinpitaja", "sailytys"]
    absent = text.select_one("#evasteet")
    assert absent.name == "p" and absent.get_text(" ", strip=True) == (
        "This section is not in the organisation's text in English; in Finnish, it is headed: Evästeet"
    )
    assert absent.select_one("span")["lang"] == "fi"
    assert [a.get_text() for a in english.select(".sl-toc li a")] == ["Controller", "Retention"]
    assert english.select_one(".sl-toc__count").get_text() == "(2)"
    outline = [a.get_text(strip=True) for a in english.select(".md-sidebar--secondary .md-nav__link")]
    assert outline == ["Controller", "Retention"]  # Material's outline of the page too
    finnish = language_site.soup("osio-puuttuu/")
    assert [s["data-section"] for s in finnish.select(".sl-notice__text > section.sl-section")] == [
        "rekisterinpitaja",
        "evasteet",
        "sailytys",
    ]
    assert finnish.select(".sl-section-absent") == []
    # the at-a-glance fact still leads to where the section stands on the English page: the note in its place
    cookie_link = next(a for a in english.select(".sl-glance a[href]") if a["href"].endswith("#evasteet"))
    assert cookie_link is not None


@pytest.mark.build
def test_a_text_with_one_section_of_its_own_lists_no_contents(tmp_path: Path) -> None:
    """The organisation's English text has the retention section only: its page lists no contents of one entry (it
    counted the sections the text does not have), and Material's outline names that one section."""
    root = fixture_project(tmp_path / "project")
    data = _copy(root, "osio-puuttuu")
    _edit(
        data,
        "osio-puuttuu",
        "  - id: rekisterinpitaja\n    heading:\n      fi: Rekisterinpitäjä\n      en: Controller\n",
        "  - id: rekisterinpitaja\n    not_in: [en]\n    heading:\n      fi: Rekisterinpitäjä\n",
    )
    _edit(
        data,
        "osio-puuttuu",
        "      fi: |-\n        Osittainen Oy, Kauppakatu 7, 40100 Jyväskylä.\n      en: |-\n"
        "        Osittainen Oy, Kauppakatu 7, 40100 Jyväskylä.\n",
        "      fi: |-\n        Osittainen Oy, Kauppakatu 7, 40100 Jyväskylä.\n",
    )
    capture = data / "osio-puuttuu" / "captures" / "2024-01-10.en.txt"
    capture.write_text(
        capture.read_text(encoding="utf-8").replace("## Controller\n\nOsittainen Oy, Kauppakatu 7, 40100 Jyväskylä.\n\n", "")
    )
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    english = result.soup("en/osio-puuttuu/")
    assert [s["data-section"] for s in english.select(".sl-notice__text > section.sl-section")] == ["sailytys"]
    assert english.select_one(".sl-toc") is None
    assert [a.get_text(strip=True) for a in english.select(".md-sidebar--secondary .md-nav__link")] == ["Retention"]
    assert [a.get_text() for a in result.soup("osio-puuttuu/").select(".sl-toc li a")] == [
        "Rekisterinpitäjä",
        "Evästeet",
        "Säilytys",
    ]


def test_names_are_in_the_order_of_each_languages_alphabet() -> None:
    from seloste.archive.localized import alphabetical

    # Ässä Golf written as a and a combining diaeresis, as a file may have it
    names = ["Öljy Oy", "A\u0308ssa\u0308 Golf Oy", "Åland Ab", "Zeta Oy", "Über Oy", "ubigu", "Émile", "Atte Kohtala", "aalto"]
    assert sorted(names, key=lambda name: alphabetical(name, "fi")) == [
        "aalto", "Atte Kohtala", "Émile", "ubigu", "Über Oy", "Zeta Oy", "Åland Ab", "A\u0308ssa\u0308 Golf Oy", "Öljy Oy"
    ]  # fmt: skip
    assert sorted(names, key=lambda name: alphabetical(name, "en")) == [
        "aalto", "Åland Ab", "A\u0308ssa\u0308 Golf Oy", "Atte Kohtala", "Émile", "Öljy Oy", "Über Oy", "ubigu", "Zeta Oy"
    ]  # fmt: skip


@pytest.mark.build
def test_the_contents_mark_the_archives_name_for_an_untitled_opening_in_the_pages_language(tmp_path: Path) -> None:
    """The contents of a text in another language than the page's are marked with the text's language; the name the
    archive gives an untitled opening is in the page's (the session's review)."""
    root = fixture_project(tmp_path / "project")
    data = _copy(root, "english-only")
    version = data / "english-only" / "2024-01-10.yaml"
    version.write_text(version.read_text(encoding="utf-8").replace("    heading:\n      en: Who we are\n", ""), "utf-8")
    capture = data / "english-only" / "captures" / "2024-01-10.txt"
    capture.write_text(capture.read_text(encoding="utf-8").replace("## Who we are\n\n", ""), encoding="utf-8")
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    contents = result.soup("english-only/").select_one(".sl-toc ol")
    assert contents is not None and contents["lang"] == "en"
    first, second = contents.select("li a")
    assert first.select_one("span[lang=fi]").get_text() == "Johdanto (ei otsikkoa)"
    assert second.get_text() == "How long we keep data" and second.select_one("[lang]") is None
    assert result.soup("en/english-only/").select_one(".sl-toc ol li a").get_text() == "Introduction (no heading)"


def _untranslated(data: Path) -> None:
    """suomi-ruotsi with its second section not translated yet: the English left out, the translation pending."""
    _edit(data, "suomi-ruotsi", 'recorded_date: "2024-02-01"\n', 'recorded_date: "2024-02-01"\ntranslation: pending\n')
    _edit(data, "suomi-ruotsi", "      en: Retention\n", "")
    _edit(data, "suomi-ruotsi", "      en: |-\n        We keep customer data for four years.\n", "    not_in: [en]\n")
    _edit(data, "suomi-ruotsi", "        en: We keep customer data for four years\n", "")


def test_while_the_translation_is_pending_a_section_may_wait_for_it_and_its_page_shows_the_original(tmp_path: Path) -> None:
    data = _copy(tmp_path, "suomi-ruotsi")
    _untranslated(data)
    record = load_archive(data, root=tmp_path).get("suomi-ruotsi")
    sections = {s.id: s for s in notice_view(record, "en").sections}
    assert sections["rekisterinpitaja"].absent is None  # translated: as it is
    waiting = sections["sailytys"]
    assert waiting.absent == "This section is not translated yet; the organisation's own text in Finnish:"
    assert (waiting.untranslated, waiting.heading_text) == ("fi", "Säilytys")
    assert str(waiting.body).strip() == "<p>Säilytämme asiakastietoja neljä vuotta.</p>"
    assert notice_view(record, "fi").sections[1].absent is None  # the Finnish page: the organisation's own text
    # in the contents, under its original heading
    assert [(v.id, v.heading_text) for v in notice_view(record, "en").shown_sections] == [
        ("rekisterinpitaja", "Controller"),
        ("sailytys", "Säilytys"),
    ]
    # the built page: the sentence, then the original's heading and text, marked Finnish
    root = fixture_project(tmp_path / "project")
    shutil.copytree(data, root / "data")
    built = build(root, root / "site")
    assert built.returncode == 0, built.stderr
    original = built.soup("en/suomi-ruotsi/").select_one('section.sl-section[data-section="sailytys"]')
    note = original.select_one(".sl-section-absent")
    assert (note.get_text(), note["lang"]) == (
        "This section is not translated yet; the organisation's own text in Finnish:",
        "en",
    )
    assert original["lang"] == "fi" and original.h2["id"] == "sailytys"
    assert original.select_one(".sl-section__body").get_text(" ", strip=True) == "Säilytämme asiakastietoja neljä vuotta."
    # and the comparison reads it as the page shows it: in the original, as a section added or changed
    from seloste.compare.texts import version_text

    shown = {section.id: section for section in version_text(record.current, "en").sections}
    assert (
        shown["sailytys"].heading == "Säilytys" and shown["sailytys"].blocks[0].text == "Säilytämme asiakastietoja neljä vuotta."
    )
    assert shown["sailytys"].source == original["data-source"]  # as the script reads it from the page
    entry = built.soup("en/suomi-ruotsi/").select_one('.sl-toc a[href="#sailytys"] span')
    assert (entry.get_text(), entry["lang"]) == ("Säilytys", "fi")


@pytest.mark.parametrize(
    ("pending", "english", "expected"),
    [
        (
            False,
            False,
            "data/suomi-ruotsi/2024-01-10.yaml:35:13: sections[1].not_in: en is not a language the organisation published "
            "this version in; only an organisation's own text may lack a section (the archive's translation has every "
            "section, but one not translated yet while the version says 'translation: pending')",
        ),
        (
            True,
            True,
            "data/suomi-ruotsi/2024-01-10.yaml:36:11: sections[1].body.en: the section's not_in says its English translation "
            "is not made yet; remove this English text, or en from not_in",
        ),
    ],
    ids=["not-pending", "translated-after-all"],
)
def test_a_section_waits_for_its_translation_only_while_it_is_pending(
    tmp_path: Path, pending: bool, english: bool, expected: str
) -> None:
    data = _copy(tmp_path, "suomi-ruotsi")
    _untranslated(data)
    if not pending:
        _edit(data, "suomi-ruotsi", "translation: pending\n", "")
    if english:
        _edit(data, "suomi-ruotsi", "    not_in: [en]\n", "      en: We keep customer data for four years.\n    not_in: [en]\n")
    assert expected in _errors(data)


def test_the_change_report_names_the_sections_not_translated_yet(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    data = _copy(tmp_path / "head", "suomi-ruotsi")
    _untranslated(data)
    report = render_report(changes(load_archive(tmp_path / "empty", root=tmp_path), load_archive(data)), "Changes")
    assert (
        "- The English translation is declared pending. Not translated yet (its `not_in` names the translation's "
        "language): Säilytys (` sections[1] `)."
    ) in report


def test_a_section_cannot_wait_for_a_translation_the_version_does_not_have(tmp_path: Path) -> None:
    data = _copy(tmp_path, "suomi-ruotsi")
    _untranslated(data)
    for english in ("  en: Tvåspråkiga Oy's privacy notice\n", "      en: Controller\n"):
        _edit(data, "suomi-ruotsi", english, "")
    _edit(data, "suomi-ruotsi", "      en: |-\n        Tvåspråkiga Oy, Rantatie 3, 65100 Vaasa.\n", "")
    assert _errors(data) == [
        "data/suomi-ruotsi/2024-01-10.yaml:32:13: sections[1].not_in: this version gives no English text yet (its title has "
        "none): not_in names only a language the version's texts are in"
    ]
