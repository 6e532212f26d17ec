"""``seloste import SOURCE --also LANG=SOURCE``: a notice the organisation publishes in two (or three) languages itself
becomes one version in one run (issue 15): ``published_in`` lists the languages, each language's capture is kept and
its text held to it, and the sections are paired by order, with ``not_in`` and a TODO where one text has more."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from cliruns import run
from datadir import FIXTURES
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive

IMPORTS = FIXTURES / "import"
FI_HTML, EN_HTML = IMPORTS / "kaksikielinen.fi.html", IMPORTS / "kaksikielinen.en.html"
FI_MD, SV_MD = IMPORTS / "suomi-ruotsi.fi.md", IMPORTS / "suomi-ruotsi.sv.md"


def errors(data: Path) -> list[str]:
    try:
        load_archive(data)
    except DataErrors as err:
        return [str(e) for e in err.errors]
    return []


def files(data: Path) -> set[str]:
    return {p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file()}


def bilingual(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    return run(
        capsys, "import", "kaksikko", str(FI_HTML), "--also", f"en={EN_HTML}", "--select", "main", "--name", "Kaksikko Oy",
        "--url", "https://kaksikko.fi/tietosuoja", "--also-url", "en=https://kaksikko.fi/en/privacy",
    )  # fmt: skip


def test_a_notice_in_finnish_and_english_is_one_version_with_each_languages_capture(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = bilingual(capsys)
    assert code == 0 and "the draft validates; its texts are the organisation's own, in Finnish and English" in out, out
    assert files(data) == {
        "kaksikko/organisation.yaml",
        "kaksikko/2025-05-02.yaml",
        "kaksikko/captures/2025-05-02.fi.txt",
        "kaksikko/captures/2025-05-02.en.txt",
    }
    version = yaml.safe_load((data / "kaksikko" / "2025-05-02.yaml").read_text(encoding="utf-8"))
    assert version["published_in"] == ["fi", "en"] and "translation" not in version
    assert version["source"]["url"] == {"fi": "https://kaksikko.fi/tietosuoja", "en": "https://kaksikko.fi/en/privacy"}
    assert version["source"]["capture"] == {"fi": "captures/2025-05-02.fi.txt", "en": "captures/2025-05-02.en.txt"}
    assert version["title"] == {"fi": "Tietosuojaseloste", "en": "Privacy notice"}
    pairs = [(s.get("heading", {}).get("fi"), s.get("heading", {}).get("en")) for s in version["sections"]]
    assert pairs == [
        (None, None),
        ("1. Rekisterinpitäjä", "1. Controller"),
        ("2. Käsiteltävät tiedot", "2. Data we process"),
        ("3. Säilytysaika", "3. Retention"),
        ("4. Evästeet", None),
    ]
    assert version["sections"][0]["body"] == {"fi": "Päivitetty 2.5.2025.", "en": "Updated 2 May 2025."}
    assert version["sections"][-1]["not_in"] == ["en"] and set(version["sections"][-1]["body"]) == {"fi"}
    captures = data / "kaksikko" / "captures"
    assert "Privacy notice" in (captures / "2025-05-02.en.txt").read_text(encoding="utf-8")
    assert "Privacy" not in (captures / "2025-05-02.fi.txt").read_text(encoding="utf-8")
    # the counts differ: said, with what to check
    assert "TODO sections: the texts have different numbers of sections (the Finnish 5, the English 4)" in out
    assert "these are in one text only: 4-evasteet (not_in: [en])" in out
    assert "sections paired by order (Finnish = English): (opening) = (opening); 1. Rekisterinpitäjä = 1. Controller" in out
    organisation = yaml.safe_load((data / "kaksikko" / "organisation.yaml").read_text(encoding="utf-8"))
    assert organisation["tracking"] == [  # each language's page, followed as such
        {"url": "https://kaksikko.fi/tietosuoja", "select": "main", "lang": "fi"},
        {"url": "https://kaksikko.fi/en/privacy", "select": "main", "lang": "en"},
    ]
    assert errors(data) == []


def test_each_languages_text_is_held_to_its_own_capture(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bilingual(capsys)
    path = data / "kaksikko" / "2025-05-02.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("for six years", "for ten years"), encoding="utf-8")
    found = errors(data)
    missing = [e for e in found if e.startswith("data/kaksikko/captures/2025-05-02.en.txt:")]
    assert len(missing) == 1 and "missing from kaksikko/2025-05-02.yaml's English text" in missing[0], found
    assert (
        "the nearest text has 'customer and for ten years after' where the capture has 'customer and for six years" in missing[0]
    )
    assert not [e for e in found if "2025-05-02.fi.txt" in e or ".fi:" in e]  # the Finnish is as its capture


def test_a_notice_in_finnish_and_swedish_gets_our_english_later(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "import", "kahden-kielen", str(FI_MD), "--also", f"sv={SV_MD}", "--name", "Kahden Kielen Oy")
    assert code == 0 and "its translation is pending" in out, out
    assert "TODO" not in out  # as many sections in each
    version = yaml.safe_load((data / "kahden-kielen" / "2025-06-10.yaml").read_text(encoding="utf-8"))
    assert version["published_in"] == ["fi", "sv"] and version["translation"] == "pending"
    assert [s.get("heading") for s in version["sections"]] == [
        None,
        {"fi": "Rekisterinpitäjä", "sv": "Personuppgiftsansvarig"},
        {"fi": "Tietojen käyttö", "sv": "Användning av uppgifterna"},
    ]
    for lang, source in (("fi", FI_MD), ("sv", SV_MD)):  # a Markdown file is its own capture, byte for byte
        assert (data / "kahden-kielen" / "captures" / f"2025-06-10.{lang}.md").read_bytes() == source.read_bytes()
    assert errors(data) == []


def test_a_new_version_in_two_languages_keeps_the_section_ids(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", "kahden-kielen", str(FI_MD), "--also", f"sv={SV_MD}", "--name", "Kahden Kielen Oy")
    newer = {}
    for lang, source in (("fi", FI_MD), ("sv", SV_MD)):
        text = source.read_text(encoding="utf-8").replace("10.6.2025", "1.9.2025")
        newer[lang] = tmp_path / source.name
        newer[lang].write_text(text.replace("hoitamiseen.", "hoitamiseen ja markkinointiin."), encoding="utf-8")
    code, out = run(capsys, "import", "kahden-kielen", str(newer["fi"]), "--also", f"sv={newer['sv']}")
    assert "wrote data/kahden-kielen/2025-09-01.yaml" in out, out
    version = yaml.safe_load((data / "kahden-kielen" / "2025-09-01.yaml").read_text(encoding="utf-8"))
    assert [s["id"] for s in version["sections"]] == ["johdanto", "rekisterinpitaja", "tietojen-kaytto"]
    assert version["published_in"] == ["fi", "sv"] and version["change"] == {"kind": "", "summary": {"fi": "", "en": ""}}
    assert code == 1 and "change.kind" in out  # what is left for a person, named


def test_a_new_version_in_two_languages_carries_the_facts_in_both(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", "kahden-kielen", str(FI_MD), "--also", f"sv={SV_MD}", "--name", "Kahden Kielen Oy")
    first = data / "kahden-kielen" / "2025-06-10.yaml"
    purpose = {
        "purpose": {"fi": "asiakassuhteen hoito", "en": "managing the customer relationship"},
        "legal_basis": ["contract", "legal-obligation"],
        "quote": {"fi": "asiakassuhteen hoitamiseen", "sv": "sköta kundrelationen"},  # the words of its own texts
        "section": "tietojen-kaytto",
    }
    facts = yaml.safe_dump({"purposes": [purpose]}, allow_unicode=True, sort_keys=False)
    first.write_text(first.read_text(encoding="utf-8") + "".join(f"  {line}\n" for line in facts.splitlines()), encoding="utf-8")
    newer = {}
    for lang, source in (("fi", FI_MD), ("sv", SV_MD)):
        newer[lang] = tmp_path / source.name
        newer[lang].write_text(source.read_text(encoding="utf-8").replace("10.6.2025", "1.9.2025"), encoding="utf-8")
    code, out = run(capsys, "import", "kahden-kielen", str(newer["fi"]), "--also", f"sv={newer['sv']}")
    version = yaml.safe_load((data / "kahden-kielen" / "2025-09-01.yaml").read_text(encoding="utf-8"))
    assert code == 1 and "change.kind" in out and version["facts"]["purposes"] == [purpose]
    assert version["facts"]["controller"] == {
        "name": "Kahden Kielen Oy",
        "business_id": "1783913-6",
        "section": "rekisterinpitaja",
    }


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--also", "fi=x.md"], "--also fi=...: fi is the SOURCE's language"),
        (["--also", "de=x.md"], "expected LANG=SOURCE, LANG one of fi, sv, en"),
        (["--also", "en=a.md", "--also", "en=b.md"], "--also en=... is given twice"),
        (["--also-url", "en=https://x.fi/en"], "--also-url en=...: no --also en=SOURCE"),
        ([str(FI_MD), "--also", "en=x.md"], "one page per language"),
        (["--also", f"en={SV_MD}"], f"--also en={SV_MD} reads as Swedish, not English: give it as --also sv=..."),
    ],
)
def test_languages_given_wrongly_are_named_and_nothing_is_written(
    data: Path, capsys: pytest.CaptureFixture[str], extra: list[str], said: str
) -> None:
    code, out = run(capsys, "import", "kahden-kielen", str(FI_MD), *extra, "--name", "Kahden Kielen Oy")
    assert code == 2 and said in out, out
    assert files(data) == set()


def test_one_language_imports_as_before(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "import", "kahden-kielen", str(FI_MD), "--name", "Kahden Kielen Oy")
    assert code == 0 and "sections paired" not in out, out
    assert files(data) == {
        "kahden-kielen/organisation.yaml",
        "kahden-kielen/2025-06-10.yaml",
        "kahden-kielen/captures/2025-06-10.md",  # a Markdown file's capture keeps its kind
    }


def test_a_new_version_in_two_languages_that_keeps_its_stated_date_is_dated_as_a_range(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "import", "kahden-kielen", str(FI_MD), "--also", f"sv={SV_MD}", "--name", "Kahden Kielen Oy")
    newer = {}
    for lang, source in (("fi", FI_MD), ("sv", SV_MD)):  # changed, still stating 10.6.2025
        newer[lang] = tmp_path / source.name
        newer[lang].write_text(source.read_text(encoding="utf-8").replace("Vaasa.", "Vaasa, Suomi."), encoding="utf-8")
    _code, out = run(capsys, "import", "kahden-kielen", str(newer["fi"]), "--also", f"sv={newer['sv']}")
    today = dt.date.today().isoformat()
    version = yaml.safe_load((data / "kahden-kielen" / f"{today}.yaml").read_text(encoding="utf-8"))
    assert version["changed_after"] == "2025-06-10" and version["stated_date"] == "2025-06-10", out
    keys = list(version)
    assert keys.index("recorded_date") + 1 == keys.index("changed_after")  # where the files put it
    assert version["source"]["capture"] == {"fi": f"captures/{today}.fi.md", "sv": f"captures/{today}.sv.md"}


@pytest.mark.parametrize("sv_commit", ["9acc56d0" * 5, "253603b8" * 5], ids=["one commit", "a commit each"])
def test_files_of_a_repository_at_a_commit_say_where_each_languages_text_comes_from(
    data: Path, capsys: pytest.CaptureFixture[str], sv_commit: str
) -> None:
    """As for a notice in one language: the repository, each language's file, and the commit (one, where they share
    it). A contributor's trial found the three left out, silently, for a notice in several languages."""
    fi_commit = "9acc56d0" * 5
    fi_url = f"https://github.com/seura/sivut/blob/{fi_commit}/content/tietosuoja.md"
    sv_url = f"https://github.com/seura/sivut/blob/{sv_commit}/content/dataskydd.md"
    args = ["--url", fi_url, "--also", f"sv={SV_MD}", "--also-url", f"sv={sv_url}", "--name", "Kahden Kielen Oy"]
    code, out = run(capsys, "import", "kahden-kielen", str(FI_MD), *args)
    assert code == 0 and "the draft validates" in out, out
    source = yaml.safe_load((data / "kahden-kielen" / "2025-06-10.yaml").read_text(encoding="utf-8"))["source"]
    assert source["repository"] == "seura/sivut"
    assert source["path"] == {"fi": "content/tietosuoja.md", "sv": "content/dataskydd.md"}
    assert source["commit"] == (fi_commit if sv_commit == fi_commit else {"fi": fi_commit, "sv": sv_commit})
    assert errors(data) == []


def test_three_languages_are_one_version(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    english = tmp_path / "privacy.md"
    english.write_text(
        "# Privacy notice\n\nUpdated 10.6.2025.\n\n## Controller\n\nKahden Kielen Oy (business ID 1783913-6), Satamakatu 1, "
        "65100 Vaasa.\n\n## Use of the data\n\nWe use the data to manage the customer relationship.\n",
        encoding="utf-8",
    )
    args = ["--also", f"sv={SV_MD}", "--also", f"en={english}", "--name", "Kahden Kielen Oy"]
    code, out = run(capsys, "import", "kolme", str(FI_MD), *args)
    assert code == 0 and "its texts are the organisation's own, in Finnish, Swedish and English" in out, out
    version = yaml.safe_load((data / "kolme" / "2025-06-10.yaml").read_text(encoding="utf-8"))
    assert version["published_in"] == ["fi", "sv", "en"] and "translation" not in version
    assert version["sections"][1]["heading"] == {"fi": "Rekisterinpitäjä", "sv": "Personuppgiftsansvarig", "en": "Controller"}
    assert errors(data) == []


def test_an_opening_only_one_text_has_stands_in_that_language_only(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english = tmp_path / "privacy.html"
    english.write_text(EN_HTML.read_text(encoding="utf-8").replace("<p>Updated 2 May 2025.</p>", ""), encoding="utf-8")
    code, out = run(
        capsys, "import", "kaksikko", str(FI_HTML), "--also", f"en={english}", "--select", "main", "--name", "Kaksikko Oy"
    )
    assert code == 0 and "the draft validates" in out, out
    version = yaml.safe_load((data / "kaksikko" / "2025-05-02.yaml").read_text(encoding="utf-8"))
    assert version["sections"][0] == {"id": "johdanto", "not_in": ["en"], "body": {"fi": "Päivitetty 2.5.2025."}}
    assert version["sections"][1]["heading"] == {"fi": "1. Rekisterinpitäjä", "en": "1. Controller"}  # still paired
    assert "(the Finnish 5, the English 3)" in out and "johdanto (not_in: [en]), 4-evasteet (not_in: [en])" in out


def test_the_pairing_import_prints_shows_each_heading_as_its_page_does(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A heading the file escapes ('## 1\\. Rekisterinpitäjä', so that no list starts) reads '1. Rekisterinpitäjä'."""
    finnish, english = tmp_path / "tietosuoja.md", tmp_path / "privacy.md"
    finnish.write_text(
        "# Tietosuojaseloste\n\n## 1\\. Rekisterinpitäjä\n\nPari Oy (Y-tunnus 1783913-6), Satamakatu 1, 65100 Vaasa.\n",
        encoding="utf-8",
    )
    english.write_text(
        "# Privacy notice\n\n## 1\\. Controller\n\nPari Oy (business ID 1783913-6), Satamakatu 1, 65100 Vaasa.\n",
        encoding="utf-8",
    )
    code, out = run(capsys, "import", "pari", str(finnish), "--also", f"en={english}", "--name", "Pari Oy")
    assert code == 0, out
    assert "sections paired by order (Finnish = English): 1. Rekisterinpitäjä = 1. Controller" in out, out


def test_texts_that_state_different_dates_are_dated_by_the_latest_and_import_names_each(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    swedish = tmp_path / SV_MD.name  # the Swedish updated later than the Finnish says
    swedish.write_text(SV_MD.read_text(encoding="utf-8").replace("Uppdaterad 10.6.2025", "Uppdaterad 12.6.2025"), "utf-8")
    code, out = run(capsys, "import", "kahden-kielen", str(FI_MD), "--also", f"sv={swedish}", "--name", "Kahden Kielen Oy")
    assert code == 0 and "wrote data/kahden-kielen/2025-06-12.yaml" in out, out
    assert (
        "the texts state different dates (fi: 'Päivitetty 10.6.2025' (2025-06-10); sv: 'Uppdaterad 12.6.2025' "
        "(2025-06-12)): the latest is read as the notice's date; check it is the version's"
    ) in out
    # the same date in both: no such line
    code, out = run(capsys, "import", "toinen", str(FI_MD), "--also", f"sv={SV_MD}", "--name", "Toinen Oy")
    assert code == 0 and "the notice states its date" in out and "different dates" not in out, out


def test_a_saved_text_given_with_also_and_a_pages_address_is_not_followed_at_that_page(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As a SOURCE saved as text is not: the tracking would read the page's HTML, whose text is not this capture's (a
    review found the English followed at its page while its capture was a saved text)."""
    from seloste.contribute.extract import capture_of

    (tmp_path / "en.txt").write_text(capture_of(EN_HTML.read_text(encoding="utf-8"), select="main"), encoding="utf-8")
    _code, out = run(
        capsys, "import", "kaksikko", str(FI_HTML), "--url", "https://kaksikko.fi/tietosuoja", "--also",
        f"en={tmp_path / 'en.txt'}", "--also-url", "en=https://kaksikko.fi/en/privacy", "--select", "main",
        "--name", "Kaksikko Oy",
    )  # fmt: skip
    organisation = yaml.safe_load((data / "kaksikko" / "organisation.yaml").read_text(encoding="utf-8"))
    assert "tracking" not in organisation, organisation
    assert f"not tracked: {tmp_path / 'en.txt'} is saved text" in out, out
