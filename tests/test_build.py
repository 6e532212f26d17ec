"""Build a small fixture site with MkDocs and inspect the HTML of both languages."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from pathlib import Path

import feedparser
import pytest

from datadir import FIXTURES, business_id_for, copy_valid, make_data, name_for
from sitebuild import ROOT, Build, build, fixture_project, resolve

pytestmark = pytest.mark.build

EVIL_NAME = "Pahis </title><script>alert(1)</script> Oy"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = fixture_project(tmp_path_factory.mktemp("project"))
    copy_valid(root)
    evil_org = (FIXTURES / "invalid/organisation/_base.yaml").read_text().replace("name: Esimerkki Oy", f'name: "{EVIL_NAME}"')
    make_data(root, slug="pahis", organisation=evil_org)
    corrected = (
        (FIXTURES / "invalid/version/_base.yaml")
        .read_text()
        .replace(
            "title:",
            'translation: pending\ncorrections:\n  - date: "2024-03-01"\n    reason:\n'
            "      fi: Kirjoitusvirhe korjattiin.\n      en: A typo was fixed.\ntitle:",
            1,
        )
    )
    make_data(root, slug="korjattu", version=corrected)
    organisation = root / "data" / "esimerkki" / "organisation.yaml"
    organisation.write_text(organisation.read_text(encoding="utf-8") + TRACKING, encoding="utf-8")
    (root / "state").mkdir()
    (root / "state" / "log.yaml").write_text(TRACKING_LOG, encoding="utf-8")
    result = build(root, root / "site", env={**os.environ, "SELOSTE_TRACKING_LOG": "state/log.yaml"})
    assert result.returncode == 0, result.stderr
    return result


TRACKING = "tracking:\n  - url: https://esimerkki.fi/tietosuoja\n"
TRACKING_LOG = """format: '1'
notices:
  - {slug: esimerkki, checked: 2026-12-01, status: failed, version: 2024-06-01, unchanged: 2026-11-30}
"""


def test_a_notice_page_says_when_the_archive_last_saw_the_notice_at_its_source_or_that_it_does_not_follow_it(
    fixture_site: Build,
) -> None:
    lines = {
        path: " ".join(fixture_site.soup(path).select_one(".sl-sourcecheck").get_text(" ", strip=True).split())
        for path in ("esimerkki/", "en/esimerkki/", "pahis/", "en/pahis/")
    }
    summary = fixture_site.soup("en/esimerkki/").select_one(".sl-dates summary .sl-dates__source")
    assert summary is not None and summary.get_text(" ", strip=True) == "its source could not be read on 1 December 2026"
    assert lines["esimerkki/"].startswith(
        "Arkisto ei saanut selostetta luettua julkaisupaikastaan viimeisimmässä tarkistuksessa 1.12.2026"
    )
    assert "Viimeksi se oli ennallaan 30.11.2026" in lines["esimerkki/"]
    assert "It was last found unchanged on 30 November 2026" in lines["en/esimerkki/"]
    assert lines["en/pahis/"].startswith("The archive does not follow this notice at its source")
    assert lines["pahis/"].startswith("Arkisto ei seuraa tätä selostetta")
    assert fixture_site.soup("esimerkki/2024-06-01/").select_one(".sl-sourcecheck") is None  # a version's own page


def test_a_build_given_a_tracking_log_that_is_not_there_stops_and_names_it(tmp_path: Path) -> None:
    root = fixture_project(tmp_path / "project")
    copy_valid(root)
    result = build(root, root / "site", env={**os.environ, "SELOSTE_TRACKING_LOG": "missing.yaml"})
    assert result.returncode != 0
    assert "missing.yaml:1:1: the tracking log (extra.tracking_log, SELOSTE_TRACKING_LOG) names this file" in result.stderr
    assert "1 error in data/ or the tracking log; nothing was built" in result.stderr
    assert "Traceback" not in result.stderr


def test_home_lists_organisations_in_both_languages(fixture_site: Build) -> None:
    fi, en = fixture_site.soup(""), fixture_site.soup("en/")
    assert fi.html["lang"] == "fi" and en.html["lang"] == "en"
    rows = [[cell.get_text(strip=True) for cell in row.find_all(["th", "td"])] for row in fi.select(".sl-orgs tbody tr")]
    assert rows == [
        ["Esimerkki Oy", "1783913-6", "1.6.2024", "2"],
        [name_for("korjattu"), business_id_for("korjattu"), "10.1.2024", "1"],
        [EVIL_NAME, business_id_for("pahis"), "10.1.2024", "1"],
    ]
    en_rows = [[c.get_text(strip=True) for c in r.find_all(["th", "td"])] for r in en.select(".sl-orgs tbody tr")]
    assert en_rows[0] == ["Esimerkki Oy", "1783913-6", "1 June 2024", "2"]
    link = en.select_one(".sl-orgs tbody a")
    assert link is not None and resolve("en/", str(link["href"])) == "en/esimerkki/"


def test_every_page_links_the_archives_repository_in_its_language(fixture_site: Build) -> None:
    """Its code and data, where a reader who would correct or add a notice goes (mkdocs.yml's extra.repository): in
    the Material pages' footer and in the one the lite pages' script draws."""
    for prefix, said in (("", "Lähdekoodi ja aineisto"), ("en/", "Source code and data")):
        link = fixture_site.soup(prefix).select_one("footer .md-copyright a.sl-repository")
        assert link is not None and (link["href"], link.get_text()) == ("https://github.com/seloste/seloste", said)
        lang = prefix[:2] or "fi"
        chrome = (fixture_site.site / "assets" / f"seloste-chrome.{lang}.js").read_text(encoding="utf-8")
        assert "sl-repository" in chrome and json.dumps(said)[1:-1] in chrome


def test_home_lists_the_recent_changes_newest_first_with_their_comparison_in_both_languages(fixture_site: Build) -> None:
    expected = {
        "fi": [
            ("2024-06-01", "1.6.2024", "Esimerkki Oy", "Säilytysaika lyheni viiteen vuoteen. (sisällöllinen muutos)"),
            ("2024-01-10", "10.1.2024", "Esimerkki Oy", ""),
            ("2024-01-10", "10.1.2024", "Korjattu Oy", ""),
            ("2024-01-10", "10.1.2024", EVIL_NAME, ""),
        ],
        "en": [
            (
                "2024-06-01",
                "1 June 2024",
                "Esimerkki Oy",
                "The retention period was shortened to five years. (substantive change)",
            ),
            ("2024-01-10", "10 January 2024", "Esimerkki Oy", ""),
            ("2024-01-10", "10 January 2024", "Korjattu Oy", ""),
            ("2024-01-10", "10 January 2024", EVIL_NAME, ""),
        ],
    }
    for lang, prefix in (("fi", ""), ("en", "en/")):
        page = fixture_site.soup(prefix)
        rows = page.select(".sl-recent tbody tr")
        found = []
        for row in rows:
            time = row.select_one("time")
            what = row.select_one(".sl-recent__what")
            summary = (
                " ".join(what.find_all(string=True, recursive=False)).strip()
                + " "
                + (what.small.get_text() if what.small else "")
            )
            found.append((time["datetime"], time.get_text(), row.select_one("th a").get_text(), summary.strip()))
        assert found == expected[lang]
        links = [resolve(prefix, row.select_one(".sl-recent__what a")["href"]) for row in rows]
        texts = [row.select_one(".sl-recent__what a").get_text() for row in rows]
        first = "First version" if lang == "en" else "Ensimmäinen versio"
        compare = "Compare with the previous version" if lang == "en" else "Vertaa edelliseen versioon"
        assert texts == [compare, first, first, first]
        # the comparison with the previous version; a first version: its page (the notice, while it is current)
        assert links == [
            f"{prefix}esimerkki/compare/?from=2024-01-10&to=2024-06-01",
            f"{prefix}esimerkki/2024-01-10/",
            f"{prefix}korjattu/",
            f"{prefix}pahis/",
        ]
        assert [resolve(prefix, row.select_one("th a")["href"]) for row in rows] == [
            f"{prefix}{slug}/" for slug in ("esimerkki", "esimerkki", "korjattu", "pahis")
        ]
        follow = page.select_one(".sl-recent + .sl-note a")
        assert resolve(prefix, follow["href"]) == f"{prefix}feed.xml"


def test_notice_page_has_header_contents_and_sections(fixture_site: Build) -> None:
    page = fixture_site.soup("esimerkki/")
    assert page.html["lang"] == "fi"
    assert page.select_one("article.sl-notice h1 .sl-notice__title").get_text(strip=True) == "no"  # typed `no`, stays text
    assert page.select_one("article.sl-notice h1").get_text(" ", strip=True) == "Esimerkki Oy: no"
    ids = ["rekisterinpitaja", "tietojen-sailytys", "erityiset"]
    assert [s["data-section"] for s in page.select(".sl-notice__text section")] == ids
    assert [h["id"] for h in page.select(".sl-notice__text section h2")] == ids
    assert [a["href"] for a in page.select(".sl-toc a")] == [f"#{i}" for i in ids]
    headings = [h.get_text(strip=True) for h in page.select(".sl-notice__text section h2")]
    assert headings == ["1. Rekisterinpitäjä", "2. Tietojen säilytys", "3. Terveystiedot, henkilötunnus ja lapset"]
    dates = page.select_one(".sl-dates summary").get_text(" ", strip=True)
    assert dates.startswith("Versio 1.6.2024 · seloste ei kerro päiväystään · tallennettu arkistoon 2.6.2024")
    assert page.select_one(".sl-parties") is None  # the current notice shows its parties at a glance
    glance = {row["data-fact"]: row for row in page.select("[data-fact]")}
    assert [a.get_text(" ", strip=True) for a in glance["controller"].select("details > ul > li > a")] == ["Esimerkki Oy"]
    dpo = glance["dpo"].select_one("details > ul > li > a").get_text(" ", strip=True)
    assert dpo == "Maija Meikäläinen, https://esimerkki.fi/yhteys"
    assert page.select_one(".sl-translation") is None
    # Material's sidebar outline is fed from the sections
    assert [a["href"] for a in page.select(".md-sidebar--secondary a.md-nav__link")] == [f"#{i}" for i in ids]


def test_english_page_is_marked_as_translation_linking_the_original(fixture_site: Build) -> None:
    page = fixture_site.soup("en/esimerkki/")
    assert page.html["lang"] == "en"
    note = page.select_one(".sl-translation")
    assert note is not None and "The Finnish original prevails" in note.get_text()
    original = note.select_one("a[hreflang=fi]")
    assert original is not None and resolve("en/esimerkki/", str(original["href"])) == "esimerkki/"
    headings = [h.get_text(strip=True) for h in page.select(".sl-notice__text section h2")]
    assert headings == ["1. Controller", "2. Retention", "3. Health data, identity code and children"]
    assert "We keep the data for five years." in page.select_one("section[data-section=tietojen-sailytys]").get_text()


def test_language_switcher_lands_on_the_same_page(fixture_site: Build) -> None:
    for path, other, other_lang in (("esimerkki/", "en/esimerkki/", "en"), ("en/esimerkki/", "esimerkki/", "fi")):
        page = fixture_site.soup(path)
        switch = page.select_one(f"a.md-select__link[hreflang={other_lang}]")
        assert switch is not None and resolve(path, str(switch["href"])) == other
        alternate = page.select_one(f"link[rel=alternate][hreflang={other_lang}]")
        assert alternate is not None and resolve(path, str(alternate["href"])) == other


def test_templates_are_not_published(fixture_site: Build) -> None:
    assert (fixture_site.site / "feed.xml").is_file()
    assert not (fixture_site.site / "seloste").exists()


def test_lite_pages_name_themselves_and_their_translation_as_alternates(fixture_site: Build) -> None:
    for path in ("esimerkki/history/", "en/esimerkki/2024-01-10/", "esimerkki/compare/", "en/esimerkki/checklist/"):
        lang, other = ("en", "fi") if path.startswith("en/") else ("fi", "en")
        same = path.removeprefix("en/") if lang == "en" else "en/" + path
        page = fixture_site.soup(path)
        alternates = {link["hreflang"]: resolve(path, link["href"]) for link in page.select("link[rel=alternate][hreflang]")}
        assert alternates == {lang: path, other: same}, path


def test_current_notice_says_which_version_and_links_the_history(fixture_site: Build) -> None:
    timeline = fixture_site.soup("esimerkki/").select_one(".sl-timeline")
    assert timeline.select_one("ol").get_text(" ", strip=True) == "10.1.2024 1.6.2024 (uusin)"
    links = {a.get_text(strip=True): resolve("esimerkki/", a["href"]) for a in timeline.select("a")}
    assert links["Historia ja vertailu"] == "esimerkki/history/"
    en = fixture_site.soup("en/esimerkki/").select_one(".sl-timeline ol")
    assert en.get_text(" ", strip=True) == "10 January 2024 1 June 2024 (latest)"
    assert fixture_site.soup("pahis/").select_one(".sl-timeline ol").get_text(" ", strip=True) == "10.1.2024 (uusin)"


def test_old_version_has_a_permanent_page_saying_it_is_not_current(fixture_site: Build) -> None:
    path = "esimerkki/2024-01-10/"
    old = fixture_site.soup(path)
    assert old.html["lang"] == "fi"
    banner = old.select_one(".sl-old-version")
    assert banner is not None and "Tämä ei ole uusin versio" in banner.get_text()
    links = [resolve(path, a["href"]) for a in banner.select("a")]
    assert links == ["esimerkki/", "esimerkki/compare/?from=2024-01-10&to=2024-06-01"]
    assert old.select_one("article h1").get_text(strip=True) == "Esimerkki Oy:n tietosuojaseloste"
    assert old.select_one("title").get_text() == "Esimerkki Oy: versio 10.1.2024 - Seloste"
    en_path = "en/esimerkki/2024-01-10/"
    en_old = fixture_site.soup(en_path)
    assert en_old.html["lang"] == "en"
    assert "This is not the latest version" in en_old.select_one(".sl-old-version").get_text()
    original = fixture_site.soup(en_path).select_one(".sl-translation a[hreflang=fi]")  # with its text
    assert resolve(en_path, original["href"]) == "esimerkki/2024-01-10/"
    switch = en_old.select_one(".md-header a[hreflang=fi]")  # the header's place holds it for readers without scripts
    assert resolve(en_path, switch["href"]) == "esimerkki/2024-01-10/"
    alternates = {link["hreflang"]: resolve(en_path, link["href"]) for link in en_old.select("link[rel=alternate][hreflang]")}
    assert alternates == {"fi": "esimerkki/2024-01-10/", "en": "en/esimerkki/2024-01-10/"}
    stylesheets = [resolve(en_path, link["href"]) for link in en_old.select("link[rel=stylesheet]")]
    assert all((fixture_site.site / css).is_file() for css in stylesheets) and "assets/seloste.css" in stylesheets


ENGLISH_ONLY = sorted(
    f"en/{path.name.removesuffix('.en.md')}/"
    for path in (ROOT / "docs").glob("*.en.md")
    if not path.with_name(path.name.replace(".en.md", ".fi.md")).exists()
)
"""The pages for developers, written in English only (docs/architecture.en.md and the like)."""


def test_an_english_only_page_names_no_finnish_counterpart_and_switches_to_the_about_pages_section_on_it(
    fixture_site: Build,
) -> None:
    assert "en/architecture/" in ENGLISH_ONLY and "en/benchmark/" in ENGLISH_ONLY
    for path in ENGLISH_ONLY:
        page = fixture_site.soup(path)
        links = page.select("link[rel=alternate][hreflang]")
        alternates = {link["hreflang"]: resolve(path, link["href"]) for link in links}
        assert alternates == {"en": path}
        switch = page.select_one(".md-header a.md-select__link[hreflang=fi]")
        assert resolve(path, switch["href"]) == "about/#developers" and switch.has_attr("data-elsewhere")
        assert not page.select(".md-header a.md-select__link[hreflang=en][data-elsewhere]")
        assert not page.select("[style]")  # tables align with an attribute: the page's policy allows no inline style


@pytest.mark.parametrize(("path", "section"), [("about/", "developers"), ("en/about/", "developers")])
def test_the_about_page_names_the_english_only_pages_in_its_section_for_developers(
    fixture_site: Build, path: str, section: str
) -> None:
    """A reader meets the pages for developers under a heading that says whom they are for and that they are in
    English only; the language switch of those pages leads there, in Finnish."""
    page = fixture_site.soup(path)
    heading = page.select_one(f"h2#{section}")
    assert heading is not None
    assert heading.get_text(strip=True).rstrip("¶") == {"about/": "Kehittäjille", "en/about/": "For developers"}[path]
    following = heading.find_next_siblings()
    body = following[: next((i for i, e in enumerate(following) if e.name == "h2"), len(following))]
    assert any(("vain englanniksi" if path == "about/" else "in English only") in e.get_text() for e in body)
    linked = sorted(resolve(path, a["href"]) for e in body for a in e.select("a[href]"))
    assert linked == ENGLISH_ONLY
    everywhere = {resolve(path, a["href"]) for a in page.select("article a[href]")}
    assert everywhere & set(ENGLISH_ONLY) == set(linked)  # not linked from the page's other sections
    if path == "about/":  # English link text on a Finnish page, and where it leads
        assert all(a["lang"] == "en" and a["hreflang"] == "en" for e in body for a in e.select("a[href]"))


def test_the_comparison_reads_each_version_from_its_page(fixture_site: Build) -> None:
    for prefix, lang in (("", "fi"), ("en/", "en")):
        page_path = f"{prefix}esimerkki/compare/"
        folder = resolve(page_path, fixture_site.soup(page_path).select_one("#sl-diff")["data-versions"])
        assert folder == f"{prefix}esimerkki/"
        for version_id in ("2024-01-10", "2024-06-01"):  # the current version has its page too
            article = fixture_site.soup(f"{folder}{version_id}/").select_one("article.sl-notice")
            assert article["data-version"] == version_id and article["lang"] == lang
            assert article.select(".sl-notice__text > section.sl-section[data-source]") and article.select_one("#sl-facts")
        assert not (fixture_site.site / folder / "versions.json.gz").exists()  # no second copy of every version


def test_an_old_versions_page_holds_its_full_text_and_needs_no_script(fixture_site: Build) -> None:
    for path in ("esimerkki/2024-01-10/", "en/esimerkki/2024-01-10/"):
        page = fixture_site.soup(path)
        article = page.select_one("article.sl-notice")
        assert article["data-version"] == "2024-01-10" and article.get("data-versions") is None
        assert len(article.select(".sl-notice__text > section.sl-section .sl-section__body p")) >= 2
        assert len(page.select(".sl-old-version")) == 1 and page.select("noscript") == []
        assert not page.select("script[src*='seloste-compare.js']")  # nothing to load: the text is there
        assert page.select_one("link[rel=canonical]") is None and page.select_one("meta[name=robots]") is None


def test_the_current_versions_permanent_address_is_a_page_naming_the_notice_as_canonical(fixture_site: Build) -> None:
    for prefix, note in (("", "uusin versio"), ("en/", "latest version")):
        path = f"{prefix}esimerkki/2024-06-01/"
        page = fixture_site.soup(path)
        assert page.select_one("meta[http-equiv=refresh]") is None
        assert resolve(path, page.select_one("link[rel=canonical]")["href"]) == f"{prefix}esimerkki/"
        assert page.select_one("meta[name=robots]") is None  # a page of its own, its text the notice page's
        assert note in page.select_one(".sl-current-version").get_text()
        assert resolve(path, page.select_one(".sl-current-version a")["href"]) == f"{prefix}esimerkki/"
        article = page.select_one("article.sl-notice")
        notice = fixture_site.soup(f"{prefix}esimerkki/").select_one("article.sl-notice")
        assert article["data-version"] == notice["data-version"] == "2024-06-01"
        assert page.select(".sl-old-version") == []
        text = [s.get_text(" ", strip=True) for s in article.select(".sl-notice__text > section")]
        assert text == [s.get_text(" ", strip=True) for s in notice.select(".sl-notice__text > section")]


def test_history_lists_every_version_and_compares_any_two(fixture_site: Build) -> None:
    path = "esimerkki/history/"
    page = fixture_site.soup(path)
    rows = page.select(".sl-history tbody tr")
    assert [row.select_one("th time")["datetime"] for row in rows] == ["2024-06-01", "2024-01-10"]
    cells = [[td.get_text(" ", strip=True) for td in row.find_all("td")[2:]] for row in rows]
    assert cells == [
        ["sisällöllinen muutos", "Säilytysaika lyheni viiteen vuoteen. vertaa edelliseen"],
        ["ensimmäinen tallennettu versio", ""],
    ]
    assert "(uusin)" in rows[0].select_one("th").get_text()
    form = page.select_one("form.sl-history")
    assert form["method"] == "get" and resolve(path, form["action"]) == "esimerkki/compare/"
    assert [(i["name"], i["value"]) for i in page.select("input[checked]")] == [("to", "2024-06-01"), ("from", "2024-01-10")]
    previous = rows[0].select_one("td a")
    assert resolve(path, previous["href"]) == "esimerkki/compare/?from=2024-01-10&to=2024-06-01"
    versions = [resolve(path, row.select_one("th a")["href"]) for row in rows]
    assert versions == ["esimerkki/", "esimerkki/2024-01-10/"]
    en = fixture_site.soup("en/esimerkki/history/")
    assert en.select_one("h1").get_text() == "Esimerkki Oy: Version history"
    # what each date beside a version means, as the notice page says it (no version here is dated by a range)
    terms = [dt.get_text() for dt in en.select("details.sl-dates dt")]
    assert terms == ["Version date", "Date the notice states", "Recorded in the archive"]
    assert [dt.get_text() for dt in page.select("details.sl-dates dt")] == [
        "Version päiväys",
        "Selosteen oma päiväys",
        "Tallennettu arkistoon",
    ]
    assert en.select(".sl-history tbody tr td")[2].get_text(strip=True) == "substantive change"


def test_compare_page_names_both_versions_and_loads_the_script(fixture_site: Build) -> None:
    path = "en/esimerkki/compare/"
    page = fixture_site.soup(path)
    options = page.select("select[name=from] option")
    assert [o["value"] for o in options] == ["2024-06-01", "2024-01-10"]
    read = [resolve(path, a["href"]) for a in page.select("noscript a")]  # without the script: each version, the open data
    assert read == ["en/esimerkki/", "data/v2/esimerkki.json.gz"]
    assert page.select_one("select[name=from] option[selected]")["value"] == "2024-01-10"
    assert page.select_one("select[name=to] option[selected]")["value"] == "2024-06-01"
    script, query = resolve(path, page.select_one("script[src*=seloste-compare]")["src"]).split("?")
    assert script == "assets/seloste-compare.js" and (fixture_site.site / script).is_file()
    assert query == "v=" + hashlib.sha256((fixture_site.site / script).read_bytes()).hexdigest()[:16]  # never a stale copy
    assert "needs JavaScript" in page.select_one("noscript").get_text()
    diff = page.select_one("#sl-diff")
    labels_url, query = resolve(path, diff["data-labels"]).split("?")
    labels = (fixture_site.site / labels_url).read_bytes()
    assert labels_url == "en/compare-labels.json" and query == "v=" + hashlib.sha256(labels).hexdigest()[:16]
    assert json.loads(labels)["diff"]["failed"] == diff["data-failed"] == "The versions could not be loaded."
    assert page.select_one("meta[name=robots]")["content"] == "noindex"


def test_feeds_are_valid_atom_linked_from_the_pages(fixture_site: Build) -> None:
    for lang, prefix in (("fi", ""), ("en", "en/")):
        feed = feedparser.parse((fixture_site.site / prefix / "esimerkki/feed.xml").read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert feed.version == "atom10"
        assert [e.updated for e in feed.entries] == ["2024-06-02T00:00:00Z", "2024-02-01T00:00:00Z"]  # recorded
        base = "https://seloste.github.io/seloste/" + prefix
        assert [e.link for e in feed.entries] == [
            base + "esimerkki/compare/?from=2024-01-10&to=2024-06-01",
            base + "esimerkki/2024-01-10/",
        ]
        summary = "Säilytysaika lyheni viiteen vuoteen." if lang == "fi" else "The retention period was shortened to five years."
        assert feed.entries[0].summary == summary
        site_feed = feedparser.parse((fixture_site.site / prefix / "feed.xml").read_bytes())
        assert not site_feed.bozo and len(site_feed.entries) == 5  # every version of the three organisations, a correction
        assert site_feed.feed.language == lang
        for page_path in (prefix, prefix + "esimerkki/", prefix + "esimerkki/history/"):
            links = fixture_site.soup(page_path).select("link[rel=alternate][type='application/atom+xml']")
            assert links and all((fixture_site.site / resolve(page_path, link["href"])).is_file() for link in links), page_path


def test_only_current_notices_are_in_the_search_index_one_index_per_language(fixture_site: Build) -> None:
    for lang, prefix in (("fi", ""), ("en", "en/")):
        folder = fixture_site.site / "search-index" / lang
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        docs = [json.loads(gzip.decompress(path.read_bytes())) for path in sorted((folder / "docs").iterdir())]
        # three organisations: their current notice pages, and nothing else (no history, versions, comparisons)
        assert meta["docs"] == len(docs) == 3
        assert sorted(doc["u"] for doc in docs) == [f"{prefix}{slug}/" for slug in ("esimerkki", "korjattu", "pahis")]
        esimerkki = next(doc for doc in docs if doc["u"] == f"{prefix}esimerkki/")
        page = fixture_site.soup(f"{prefix}esimerkki/")
        assert [s[0] for s in esimerkki["s"][1:]] == [s["data-section"] for s in page.select(".sl-notice__text section")]
        # the title, and the organisation's name under it: a notice is found by the name even where its text never says it
        assert esimerkki["s"][0] == ["", page.select_one("article h1 .sl-notice__title").get_text(strip=True), esimerkki["t"]]
        assert esimerkki["t"] == page.select_one("article h1 .sl-notice__h1-org").get_text(strip=True).removesuffix(":")


def test_text_from_data_never_becomes_markup(fixture_site: Build) -> None:
    for path in ("", "en/", "pahis/", "en/pahis/", "pahis/2024-01-10/"):
        html = (fixture_site.site / path / "index.html").read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, path
        assert "</title><script>" not in html, path
    page = fixture_site.soup("pahis/")
    assert page.select_one("article h1").get_text(strip=True).startswith(EVIL_NAME)


def test_bad_data_stops_the_build_with_located_errors_and_no_traceback(tmp_path: Path) -> None:
    root = fixture_project(tmp_path / "project")
    base = (FIXTURES / "invalid/version/_base.yaml").read_text()
    make_data(root, version=base.replace("title:", "titel:").replace('"2024-02-01"', '"2024-02-30"'))
    result = build(root, root / "site")
    assert result.returncode == 1
    assert "data/esimerkki/2024-01-10.yaml:3:16: recorded_date: '2024-02-30' is not a real date" in result.stderr
    assert "data/esimerkki/2024-01-10.yaml:6:1: titel: unknown key 'titel'; did you mean 'title'?" in result.stderr
    assert "2 errors in data/; nothing was built" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (root / "site" / "index.html").exists()


def test_text_unfaithful_to_its_capture_stops_the_build(tmp_path: Path) -> None:
    root = fixture_project(tmp_path / "project")
    data = copy_valid(root)
    version = data / "esimerkki/2024-01-10.yaml"
    version.write_text(version.read_text(encoding="utf-8").replace("viisi vuotta.", "viisi vuotta. Myymme tietosi."))
    result = build(root, root / "site")
    assert result.returncode == 1
    assert "sections[2].body.fi: text that is not in the original capture (captures/2024-01-10.txt): 'Myymme tietosi.'" in (
        result.stderr
    )
    assert "1 error in data/; nothing was built" in result.stderr
    assert "Traceback" not in result.stderr


def test_declared_corrections_are_shown_and_a_pending_translation_is_said_plainly(fixture_site: Build) -> None:
    fi, en = fixture_site.soup("korjattu/"), fixture_site.soup("en/korjattu/")
    assert fi.select_one(".sl-corrections li").get_text(" ", strip=True) == "1.3.2024 : Kirjoitusvirhe korjattiin."
    assert en.select_one(".sl-corrections li").get_text(" ", strip=True) == "1 March 2024 : A typo was fixed."
    assert fi.select_one(".sl-translation-pending") is None
    pending = en.select_one(".sl-translation-pending")
    assert pending is not None and "has not been updated yet" in pending.get_text()
    assert fixture_site.soup("en/esimerkki/").select_one(".sl-translation-pending") is None
