"""An organisation's name in another language (``names`` in organisation.yaml): checked as ``name`` is, and shown
where a page's text is in that language.

The fixture ``languages/suomi-ruotsi`` is Tvåspråkiga Oy, which writes itself "Tvåspråkiga Ab" in its Swedish text (its
``names.sv``; each test here gives its own ``names``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from datadir import FIXTURES, edit
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive
from seloste.archive.model import Archive
from seloste.publish.feeds import organisation_feed
from seloste.publish.home import home_view
from seloste.publish.opendata import index, organisation_data
from seloste.publish.pages import notice_view, version_view
from seloste.publish.site import Site
from seloste.search.searchindex import documents

SLUG = "suomi-ruotsi"
NAMES = "names:\n  sv: Tvåspråkiga Ab\n  en: Bilingual Ltd\n"


def _data(tmp_path: Path, names: str = NAMES, *slugs: str) -> Path:
    data = tmp_path / "data"
    for slug in (SLUG, *slugs):
        shutil.copytree(FIXTURES / "languages" / slug, data / slug)
    organisation = data / SLUG / "organisation.yaml"  # the fixture's names given here instead
    organisation.write_text(organisation.read_text(encoding="utf-8").split("names:")[0] + names, encoding="utf-8")
    return data


def _errors(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as raised:
        load_archive(data, root=data.parent)
    return [str(error) for error in raised.value.errors]


def _archive(tmp_path: Path) -> Archive:
    data = _data(tmp_path, NAMES, "svenska")
    return load_archive(data, root=data.parent)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ("names: {}\n", "4:8: names: give the name in at least one language (fi, sv, en), or leave names out"),
        (
            "names:\n  fi: Tvåspråkiga  Oy\n",
            "5:7: names.fi: reads as name; leave it out (a page shows name where names gives none)",
        ),
        (
            "names:\n  en: TVÅSPRÅKIGA OY.\n",  # in other case, with a full stop
            "5:7: names.en: reads as name; leave it out (a page shows name where names gives none)",
        ),
        (
            "names:\n  sv: Tvåspråkig\u0430 Ab\n",  # a Cyrillic a
            "5:7: names.sv: the word 'Tvåspråkig\u0430' mixes Latin and Cyrillic letters (U+0430 CYRILLIC SMALL LETTER A at "
            "character 11), as a name made to look like another does; write each word in the letters of one script",
        ),
        ("names:\n  de: Zweisprachige GmbH\n", "5:3: names.de: unknown key 'de'; expected one of: fi, sv, en"),
        ("names:\n  sv: ''\n", "5:7: names.sv: expected text, got an empty value"),
    ],
    ids=["none", "same-as-name", "reads-as-name", "mixed-script", "unknown-language", "empty"],
)
def test_a_name_in_another_language_is_checked_as_the_name_is(tmp_path: Path, names: str, expected: str) -> None:
    assert _errors(_data(tmp_path, names)) == [f"data/{SLUG}/organisation.yaml:{expected}"]


def test_a_name_in_another_language_may_not_look_like_another_organisations_name(tmp_path: Path) -> None:
    # of two organisations, the later folder is told (english-only, suomi-ruotsi, svenska)
    data = _data(tmp_path, "names:\n  sv: Svenska exempel Ab\n  en: Nordic  Example Ltd\n", "english-only", "svenska")
    assert _errors(data) == [
        f"data/{SLUG}/organisation.yaml:6:7: names.en: 'Nordic  Example Ltd' differs only in its spaces from 'Nordic "
        "Example Ltd', the name of the organisation in data/english-only/; an organisation has one folder, with all its "
        "notices' versions, and another organisation's name must read differently",
        "data/svenska/organisation.yaml:2:7: name: 'Svenska Exempel Ab' differs only in case from 'Svenska exempel Ab', "
        f"the name of the organisation in data/{SLUG}/; an organisation has one folder, with all its notices' versions, "
        "and another organisation's name must read differently",
    ]


def test_an_organisations_own_names_may_be_alike(tmp_path: Path) -> None:
    data = _data(tmp_path, "names:\n  sv: Tvåspråkiga Ab\n  en: Tvåspråkiga Ab\n")
    organisation = load_archive(data, root=data.parent).get(SLUG).organisation
    assert organisation.name_in("en") == "Tvåspråkiga Ab"
    assert organisation.other_names("Tvåspråkiga Oy") == (("Tvåspråkiga Ab", "sv"),)  # once, with its first language


def test_each_page_names_the_organisation_in_the_language_of_its_text(tmp_path: Path) -> None:
    record = _archive(tmp_path).get(SLUG)
    finnish, english = notice_view(record, "fi"), notice_view(record, "en")
    assert (finnish.organisation_name, finnish.organisation_lang) == ("Tvåspråkiga Oy", None)  # no Finnish name: name
    assert (english.organisation_name, english.organisation_lang) == ("Bilingual Ltd", None)  # the page's language
    for lang in ("fi", "en"):  # the Swedish text's page, in each site language: the Swedish name, marked Swedish
        swedish = version_view(record, record.current, lang, text_lang="sv")
        assert (swedish.organisation_name, swedish.organisation_lang) == ("Tvåspråkiga Ab", "sv")
        assert swedish.other_names == (("Tvåspråkiga Oy", None), ("Bilingual Ltd", "en"))
    # beside it, every other name, with its language where names gives it
    assert finnish.other_names == (("Tvåspråkiga Ab", "sv"), ("Bilingual Ltd", "en"))
    assert english.other_names == (("Tvåspråkiga Oy", None), ("Tvåspråkiga Ab", "sv"))


def test_the_heading_and_title_of_a_page_give_the_name_of_its_texts_language(tmp_path: Path) -> None:
    data = _data(tmp_path)
    # a title that does not name the organisation: the heading puts its name before it
    edit(data / SLUG / "2024-01-10.yaml", "en: Tvåspråkiga Oy's privacy notice", "en: Privacy notice")
    record = load_archive(data, root=data.parent).get(SLUG)
    assert notice_view(record, "en").heading.organisation == "Bilingual Ltd"
    assert notice_view(record, "fi").heading.organisation is None  # "Tvåspråkiga Oy:n tietosuojaseloste" names it
    site = Site.build(load_archive(data, root=data.parent))
    plans = {(plan.lang, plan.kind): plan for plan in site.plans.values() if plan.slug == SLUG}
    assert site.title(plans["en", "notice"]) == "Bilingual Ltd: Privacy notice"
    assert site.title(plans["fi", "notice"]) == "Tvåspråkiga Oy:n tietosuojaseloste"


def test_the_lists_feeds_and_open_data_give_each_name(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    # each language's list of organisations: the name in that language, in that language's order
    assert [row.name for row in home_view(archive, "en").organisations] == ["Bilingual Ltd", "Svenska Exempel Ab"]
    assert [row.name for row in home_view(archive, "fi").organisations] == ["Svenska Exempel Ab", "Tvåspråkiga Oy"]
    record = archive.get(SLUG)
    assert organisation_feed(record, "en", "https://example.org/seloste/")[1].title.startswith("Bilingual Ltd")
    assert organisation_feed(record, "fi", "https://example.org/seloste/")[1].title.startswith("Tvåspråkiga Oy")
    entries = {entry["slug"]: entry for entry in index(archive)["organisations"]}
    assert entries[SLUG]["name"] == "Tvåspråkiga Oy"
    assert entries[SLUG]["names"] == {"sv": "Tvåspråkiga Ab", "en": "Bilingual Ltd"}
    assert entries["svenska"]["names"] == {}
    assert organisation_data(record)["organisation"]["names"] == {"sv": "Tvåspråkiga Ab", "en": "Bilingual Ltd"}


def test_search_finds_an_organisation_by_each_of_its_names_in_either_language(tmp_path: Path) -> None:
    archive = _archive(tmp_path)
    for lang in ("fi", "en"):
        found = next(doc for doc in documents(archive, lang) if SLUG in doc.url)
        words = " ".join(f"{section.heading} {section.text}" for section in found.sections)
        for name in ("Tvåspråkiga Oy", "Tvåspråkiga Ab", "Bilingual Ltd"):
            assert name in words, (lang, name)
        assert found.title == ("Bilingual Ltd" if lang == "en" else "Tvåspråkiga Oy")
