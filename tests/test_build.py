"""Build a small fixture site with MkDocs and inspect the HTML of both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from datadir import FIXTURES, copy_valid, make_data
from sitebuild import Build, build, fixture_project, resolve

pytestmark = pytest.mark.build

EVIL_NAME = "Pahis </title><script>alert(1)</script> Oy"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = fixture_project(tmp_path_factory.mktemp("project"))
    copy_valid(root)
    evil_org = (FIXTURES / "invalid/organisation/_base.yaml").read_text().replace("name: Esimerkki Oy", f'name: "{EVIL_NAME}"')
    make_data(root, slug="pahis", organisation=evil_org)
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return result


def test_home_lists_organisations_in_both_languages(fixture_site: Build) -> None:
    fi, en = fixture_site.soup(""), fixture_site.soup("en/")
    assert fi.html["lang"] == "fi" and en.html["lang"] == "en"
    rows = [[cell.get_text(strip=True) for cell in row.find_all(["th", "td"])] for row in fi.select(".sl-orgs tbody tr")]
    assert rows == [["Esimerkki Oy", "1783913-6", "1.6.2024", "2"], [EVIL_NAME, "1783913-6", "10.1.2024", "1"]]
    en_rows = [[c.get_text(strip=True) for c in r.find_all(["th", "td"])] for r in en.select(".sl-orgs tbody tr")]
    assert en_rows[0] == ["Esimerkki Oy", "1783913-6", "1 June 2024", "2"]
    link = en.select_one(".sl-orgs tbody a")
    assert link is not None and resolve("en/", str(link["href"])) == "en/esimerkki/"


def test_notice_page_has_header_contents_and_sections(fixture_site: Build) -> None:
    page = fixture_site.soup("esimerkki/")
    assert page.html["lang"] == "fi"
    assert page.select_one("article.sl-notice h1").get_text(strip=True) == "no"  # the title typed as `no` stays text
    assert [s["id"] for s in page.select(".sl-notice__text section")] == ["rekisterinpitaja", "tietojen-sailytys"]
    assert [a["href"] for a in page.select(".sl-toc a")] == ["#rekisterinpitaja", "#tietojen-sailytys"]
    headings = [h.get_text(strip=True) for h in page.select(".sl-notice__text section h2")]
    assert headings == ["1. Rekisterinpitäjä", "2. Tietojen säilytys"]
    meta = page.select_one(".sl-meta").get_text(" ", strip=True)
    assert "Version päiväys 1.6.2024" in meta and "Tallennettu arkistoon 2.6.2024" in meta
    assert "seloste ei kerro päiväystään" in meta
    parties = page.select_one(".sl-parties").get_text(" ", strip=True)
    assert "Rekisterinpitäjä Esimerkki Oy" in parties and "Tietosuojavastaava Maija Meikäläinen" in parties
    assert page.select_one(".sl-translation") is None
    # Material's sidebar outline is fed from the sections
    assert [a["href"] for a in page.select(".md-sidebar--secondary a.md-nav__link")] == [
        "#rekisterinpitaja",
        "#tietojen-sailytys",
    ]


def test_english_page_is_marked_as_translation_linking_the_original(fixture_site: Build) -> None:
    page = fixture_site.soup("en/esimerkki/")
    assert page.html["lang"] == "en"
    note = page.select_one(".sl-translation")
    assert note is not None and "The Finnish original prevails" in note.get_text()
    original = note.select_one("a[hreflang=fi]")
    assert original is not None and resolve("en/esimerkki/", str(original["href"])) == "esimerkki/"
    assert [h.get_text(strip=True) for h in page.select(".sl-notice__text section h2")] == ["1. Controller", "2. Retention"]
    assert "We keep the data for five years." in page.select_one("#tietojen-sailytys").get_text()


@pytest.mark.parametrize(
    ("path", "other"), [("esimerkki/", "en/esimerkki/"), ("en/esimerkki/2024-01-10/", "esimerkki/2024-01-10/")]
)
def test_language_switcher_lands_on_the_same_page(fixture_site: Build, path: str, other: str) -> None:
    page = fixture_site.soup(path)
    other_lang = "fi" if path.startswith("en/") else "en"
    switch = page.select_one(f"a.md-select__link[hreflang={other_lang}]")
    assert switch is not None and resolve(path, str(switch["href"])) == other
    alternate = page.select_one(f"link[rel=alternate][hreflang={other_lang}]")
    assert alternate is not None and resolve(path, str(alternate["href"])) == other


def test_every_version_has_a_permanent_page_and_old_ones_say_so(fixture_site: Build) -> None:
    old = fixture_site.soup("esimerkki/2024-01-10/")
    banner = old.select_one(".sl-old-version")
    assert banner is not None and "Tämä ei ole voimassa oleva versio" in banner.get_text()
    assert resolve("esimerkki/2024-01-10/", str(banner.select_one("a")["href"])) == "esimerkki/"
    assert old.select_one("article h1").get_text(strip=True) == "Esimerkki Oy:n tietosuojaseloste"
    current = fixture_site.soup("esimerkki/2024-06-01/")
    assert current.select_one(".sl-old-version") is None
    en_old = fixture_site.soup("en/esimerkki/2024-01-10/")
    assert "This is not the current version" in en_old.select_one(".sl-old-version").get_text()
    original = en_old.select_one(".sl-translation a[hreflang=fi]")
    assert resolve("en/esimerkki/2024-01-10/", str(original["href"])) == "esimerkki/2024-01-10/"


def test_text_from_data_never_becomes_markup(fixture_site: Build) -> None:
    for path in ("", "en/", "pahis/", "en/pahis/", "pahis/2024-01-10/"):
        html = (fixture_site.site / path / "index.html").read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, path
        assert "</title><script>" not in html, path
    page = fixture_site.soup("pahis/")
    assert page.select_one(".sl-notice__org").get_text(strip=True).startswith(EVIL_NAME)


def test_bad_data_stops_the_build_with_located_errors_and_no_traceback(tmp_path: Path) -> None:
    root = fixture_project(tmp_path / "project")
    base = (FIXTURES / "invalid/version/_base.yaml").read_text()
    make_data(root, version=base.replace("title:", "titel:").replace('"2024-02-01"', '"2024-02-30"'))
    result = build(root, root / "site")
    assert result.returncode == 1
    assert "data/esimerkki/2024-01-10.yaml:2:16: recorded_date: '2024-02-30' is not a real date" in result.stderr
    assert "data/esimerkki/2024-01-10.yaml:5:1: titel: unknown key 'titel'; did you mean 'title'?" in result.stderr
    assert "2 error(s) in data/; nothing was built" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (root / "site" / "index.html").exists()
