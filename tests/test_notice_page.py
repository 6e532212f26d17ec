"""A notice page tells its story before its text, in both languages (the site of the frozen fixture archive): whose
notice it is, its dates explained, its latest change with the comparison, every version, the feed, what no longer
applies and how each fact changed; the text starts within about two screens on a phone; corrections follow it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page

from conftest import serve
from readable import unreadable
from sitebuild import FROZEN, Build, resolve
from test_accessibility import axe

NOTICES = sorted(path.name for path in FROZEN.iterdir() if (path / "organisation.yaml").is_file())
LANGS = [("fi", ""), ("en", "en/")]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def notice(site: Build, prefix: str, slug: str) -> BeautifulSoup:
    return site.soup(f"{prefix}{slug}/")


# --- the built pages ----------------------------------------------------------------------------------------------


@pytest.mark.build
@pytest.mark.parametrize(
    ("prefix", "slug", "heading", "title"),
    [
        ("", "infocrea", "Infocrea Oy: Tietosuojaseloste", "Tietosuojaseloste"),
        ("en/", "infocrea", "Infocrea Oy: Privacy notice", "Privacy notice"),
        ("", "planeetta-internet", "Planeetta Internet Oy: Tietosuojaseloste", "Tietosuojaseloste"),
        ("en/", "midare", "Midare Oy: Privacy notice", "Privacy notice"),
        ("", "micro-magic", "Micro Magicin tietosuojaseloste", "Micro Magicin tietosuojaseloste"),  # names itself
        ("en/", "micro-magic", "Micro Magic privacy notice", "Micro Magic privacy notice"),
    ],
)
def test_the_heading_names_the_organisation_and_keeps_the_notices_own_title(
    frozen_site: Build, prefix: str, slug: str, heading: str, title: str
) -> None:
    page = notice(frozen_site, prefix, slug)
    (h1,) = page.select("article.sl-notice h1")
    assert h1.get_text(" ", strip=True).replace(" :", ":") == heading
    assert h1.select_one(".sl-notice__title").get_text(strip=True) == title
    assert page.title.get_text() == f"{heading} - Seloste"
    # the page opens on whose notice it is; the organisation's details (address, e-mail) follow, under the heading
    header = page.select_one("article.sl-notice header")
    assert [child.name for child in header.find_all(recursive=False)][:2] == ["h1", "p"]
    assert header.select_one("h1 + p.sl-notice__orginfo").get_text(strip=True)


@pytest.mark.build
@pytest.mark.parametrize(("prefix", "name"), [("", "Johdanto (ei otsikkoa)"), ("en/", "Introduction (no heading)")])
def test_the_contents_name_an_untitled_opening_as_the_archives_name_for_it(frozen_site: Build, prefix: str, name: str) -> None:
    """Not a plain "Johdanto", which reads as the notice's own heading (and stood beside a "1. Johdanto" of a trial's
    notice): the contents say the text there has none, as the comparison does."""
    page = notice(frozen_site, prefix, "minikone")
    contents = [a.get_text(strip=True) for a in page.select(".sl-toc a")]
    assert contents[0] == name and name not in contents[1:], contents
    assert page.select(".md-sidebar--secondary a.md-nav__link")[0].get_text(strip=True) == name  # Material's outline


@pytest.mark.build
@pytest.mark.parametrize(("lang", "prefix"), LANGS, ids=["fi", "en"])
def test_one_date_line_tells_the_three_dates_apart_and_explains_them(frozen_site: Build, lang: str, prefix: str) -> None:
    (dates,) = notice(frozen_site, prefix, "planeetta-internet").select(".sl-notice__header details.sl-dates")
    line = dates.select_one("summary").get_text(" ", strip=True)
    assert (
        line
        == {
            "fi": "Versio 21.3.2022 · seloste ei kerro päiväystään · tallennettu arkistoon 22.11.2026 · "
            "arkisto ei seuraa julkaisupaikkaa Mitä päivät tarkoittavat?",
            "en": "Version of 21 March 2022 · the notice states no date · recorded in the archive 22 November 2026 · "
            "not followed at its source What do these dates mean?",
        }[lang]
    )
    assert [t["datetime"] for t in dates.select("summary time")] == ["2022-03-21", "2026-11-22"]
    terms = [dt.get_text(strip=True) for dt in dates.select("dl dt")]
    assert (
        terms
        == {
            "fi": ["Version päiväys", "Selosteen oma päiväys", "Tallennettu arkistoon", "Julkaisupaikassa", "Uusin"],
            "en": ["Version date", "Date the notice states", "Recorded in the archive", "At its source", "Latest"],
        }[lang]
    )
    assert all(dd.get_text(strip=True) for dd in dates.select("dl dd"))
    # a version named by the date it states says so once
    first = frozen_site.soup(f"{prefix}planeetta-internet/2010-06-15/").select_one("details.sl-dates summary")
    assert first.get_text(" ", strip=True).startswith(
        {
            "fi": "Versio 15.6.2010 (selosteen oma päiväys) · tallennettu",
            "en": "Version of 15 June 2010 (the date the notice states) · recorded",
        }[lang]
    )


@pytest.mark.build
@pytest.mark.parametrize(("lang", "prefix"), LANGS, ids=["fi", "en"])
def test_the_latest_change_is_one_sentence_linking_its_comparison(frozen_site: Build, lang: str, prefix: str) -> None:
    path = f"{prefix}planeetta-internet/"
    change = frozen_site.soup(path).select_one(".sl-notice__header .sl-change")
    assert (
        change.get_text(" ", strip=True)
        == {
            "fi": "Viimeisin muutos 21.3.2022 (sisällöllinen muutos): Tietosuojavastaava vaihtui: Heidi Erosen tilalle tuli "
            "Salla Vainionpää. Katso, mitä muuttui",
            "en": "Latest change 21 March 2022 (substantive change): The data protection officer changed from Heidi Eronen to "
            "Salla Vainionpää. See what changed",
        }[lang]
    )
    assert resolve(path, change.select_one("a")["href"]) == f"{prefix}planeetta-internet/compare/?from=2021-01-26&to=2022-03-21"
    assert notice(frozen_site, prefix, "mikromafia").select_one(".sl-change") is None  # one version: no change yet


@pytest.mark.build
@pytest.mark.parametrize(("lang", "prefix"), LANGS, ids=["fi", "en"])
def test_the_timeline_links_every_version_marks_the_current_and_offers_the_feed(
    frozen_site: Build, lang: str, prefix: str
) -> None:
    path = f"{prefix}planeetta-internet/"
    timeline = frozen_site.soup(path).select_one(".sl-notice__header nav.sl-timeline")
    versions = timeline.select("ol > li")
    assert [resolve(path, li.a["href"]) for li in versions] == [
        f"{prefix}planeetta-internet/2010-06-15/",
        f"{prefix}planeetta-internet/2018-06-07/",
        f"{prefix}planeetta-internet/2021-01-26/",
        f"{prefix}planeetta-internet/",
    ]
    assert [li.a.get("aria-current") for li in versions] == [None, None, None, "page"]
    assert versions[-1].get_text(" ", strip=True) == {"fi": "21.3.2022 (uusin)", "en": "21 March 2022 (latest)"}[lang]
    for path_ in (resolve(path, li.a["href"]) for li in versions[:-1]):
        assert (frozen_site.site / path_ / "index.html").is_file()
    feed = timeline.select_one("a[type='application/atom+xml']")
    assert resolve(path, feed["href"]) == f"{prefix}planeetta-internet/feed.xml"
    assert (frozen_site.site / prefix / "planeetta-internet/feed.xml").read_text(encoding="utf-8").startswith("<?xml")
    # an earlier version's page marks itself in the same timeline
    old = frozen_site.soup(f"{prefix}planeetta-internet/2018-06-07/").select_one("nav.sl-timeline")
    assert [li.a.get("aria-current") for li in old.select("ol > li")] == [None, "page", None, None]


@pytest.mark.build
@pytest.mark.parametrize(("lang", "prefix"), LANGS, ids=["fi", "en"])
@pytest.mark.parametrize(
    ("slug", "law", "source", "words"),
    [
        ("infocrea", "privacy-shield", "62018CJ0311", "C-311/18 (Schrems II)"),
        ("midare", "privacy-shield", "62018CJ0311", "C-311/18 (Schrems II)"),
        ("mikromafia", "henkilotietolaki-523-1999", "finlex.fi", "1050/2018"),
    ],
)
def test_the_panel_flags_an_outdated_law_or_mechanism_with_its_source(
    frozen_site: Build, lang: str, prefix: str, slug: str, law: str, source: str, words: str
) -> None:
    page = notice(frozen_site, prefix, slug)
    note = page.select_one(f".sl-glance .sl-glance__outdated li#sl-outdated-{law}")
    assert note is not None and words in note.get_text(" ", strip=True)
    assert source in note.select_one("a")["href"]
    flags = page.select(f".sl-glance__row a.sl-flag[href='#sl-outdated-{law}']")
    assert flags and all(flag.find_parent(class_="sl-glance__row").select_one(".sl-badge--outdated") for flag in flags)
    checklist = frozen_site.soup(f"{prefix}{slug}/checklist/")
    assert {li.strong.get_text() for li in checklist.select(".sl-outdated__item")} >= {note.strong.get_text()}


@pytest.mark.build
@pytest.mark.parametrize(("lang", "prefix"), LANGS, ids=["fi", "en"])
def test_each_fact_opens_on_its_history_at_an_anchor_of_its_own(frozen_site: Build, lang: str, prefix: str) -> None:
    path = f"{prefix}planeetta-internet/"
    page = frozen_site.soup(path)
    history = page.select_one("#sl-fact-dpo details #sl-fact-dpo-history")
    periods = [li.get_text(" ", strip=True) for li in history.select("ol > li")]
    assert [p.split(" ")[0] for p in periods] == {"fi": ["15.6.2010", "26.1.2021", "21.3.2022"], "en": ["15", "26", "21"]}[lang]
    assert "Heidi Eronen" in periods[1] and "Salla Vainionpää" in periods[2]
    assert periods[0].endswith({"fi": "ei kerrottu", "en": "not stated"}[lang])
    links = [resolve(path, li.a["href"]) for li in history.select("ol > li")]
    assert links == [f"{prefix}planeetta-internet/2010-06-15/", f"{prefix}planeetta-internet/2021-01-26/", path]
    assert len(page.select("[id^=sl-fact-]:not([id$=-history])")) == 17  # every fact has its anchor


@pytest.mark.build
@pytest.mark.parametrize(("lang", "prefix"), LANGS, ids=["fi", "en"])
def test_a_facts_history_marks_only_the_latest_versions_date_latest(frozen_site: Build, lang: str, prefix: str) -> None:
    latest = {"fi": "(uusin)", "en": "(latest)"}[lang]
    # Infocrea's recipients changed on 25 June 2018 and read alike in the latest version, of 19 September
    recipients = notice(frozen_site, prefix, "infocrea").select("#sl-fact-recipients-history ol > li")
    assert [li.time["datetime"] for li in recipients] == ["2018-05-24", "2018-06-25"]
    assert not [li for li in recipients if latest in li.get_text(" ", strip=True)]
    # Planeetta Internet's data protection officer changed in its latest version, of 21 March 2022
    officers = notice(frozen_site, prefix, "planeetta-internet").select("#sl-fact-dpo-history ol > li")
    assert [latest in li.get_text(" ", strip=True) for li in officers] == [False, False, True]


@pytest.mark.build
@pytest.mark.parametrize(("lang", "prefix"), LANGS, ids=["fi", "en"])
def test_corrections_and_the_source_come_after_the_notice(frozen_site: Build, lang: str, prefix: str) -> None:
    article = notice(frozen_site, prefix, "planeetta-internet").select_one("article.sl-notice")
    corrections = article.select_one(".sl-corrections")
    assert corrections is not None and corrections.find_parent("header") is None
    order = [e for e in article.find_all(True) if e.has_attr("class")]
    position = {
        name: next(i for i, e in enumerate(order) if name in e["class"])
        for name in ("sl-glance", "sl-notice__text", "sl-corrections", "sl-meta")
    }
    assert position["sl-glance"] < position["sl-notice__text"] < position["sl-meta"] < position["sl-corrections"]


# --- in the browser ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site_url(frozen_site: Build) -> Iterator[str]:
    with serve(frozen_site.site) as url:
        yield url


ABOUT_TWO_SCREENS = 2.25
"""Where a notice's text may start on a phone, in screen heights: two, and a quarter for what some pages must say
first (that the English text is a translation, a long latest change)."""


@pytest.mark.browser
def test_on_a_phone_the_text_starts_within_about_two_screens(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    starts = {}
    for slug in NOTICES:
        for _lang, prefix in LANGS:
            page.goto(f"{site_url}{prefix}{slug}/")
            starts[prefix + slug] = page.evaluate(
                "document.querySelector('.sl-notice__text > .sl-section').getBoundingClientRect().top + scrollY"
            )
            assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0, prefix + slug
    context.close()
    assert max(starts.values()) <= ABOUT_TWO_SCREENS * PHONE["height"], starts
    assert starts["planeetta-internet"] <= 2 * PHONE["height"], starts  # the longest panel, in its own language


@pytest.fixture(params=[DESKTOP, PHONE], ids=["1280", "390"])
def viewport_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=request.param, bypass_csp=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "prefix"), LANGS, ids=["fi", "en"])
def test_the_dates_the_change_and_the_versions_are_on_screen_and_the_dates_explain_themselves(
    viewport_page: Page, site_url: str, lang: str, prefix: str
) -> None:
    page = viewport_page
    page.goto(f"{site_url}{prefix}planeetta-internet/")
    height = page.viewport_size["height"]
    for selector in ("article h1", ".sl-dates summary", ".sl-change a", ".sl-timeline a[aria-current]", ".sl-timeline a[type]"):
        box = page.locator(selector).bounding_box()
        assert box is not None and box["y"] + box["height"] <= height, selector  # on the first screen
    page.locator(".sl-change a").click()
    page.wait_for_url("**/planeetta-internet/compare/?from=2021-01-26&to=2022-03-21")
    page.go_back()
    definitions = page.locator(".sl-dates dl")
    assert definitions.is_hidden()
    page.locator(".sl-dates summary").focus()
    page.keyboard.press("Enter")
    assert definitions.is_visible() and definitions.locator("dt").count() == 5


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "prefix"), LANGS, ids=["fi", "en"])
def test_a_fact_opens_on_its_history_and_its_anchor_opens_it(viewport_page: Page, site_url: str, lang: str, prefix: str) -> None:
    page = viewport_page
    page.goto(f"{site_url}{prefix}planeetta-internet/#sl-fact-dpo-history")
    history = page.locator("#sl-fact-dpo-history")
    assert history.is_visible() and "Heidi Eronen" in history.inner_text()  # the address opens the fact
    purposes = page.locator("#sl-fact-purposes")
    assert purposes.locator(".sl-fact-history").is_hidden()
    purposes.locator("summary").click()
    assert purposes.locator(".sl-fact-history").is_visible()
    assert purposes.locator("details > ul a").first.is_visible()
    panel = "(p => p.scrollWidth <= p.clientWidth)(document.querySelector('.sl-glance'))"
    assert page.evaluate(panel)  # nothing in the panel runs out of it, open or not


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "prefix"), LANGS, ids=["fi", "en"])
def test_every_fact_of_the_panel_reads_in_full_on_a_phone_and_a_desktop(
    viewport_page: Page, site_url: str, lang: str, prefix: str
) -> None:
    """Each fact's name and its first entry wrap, whole, in the panel: nothing cut short with an ellipsis, no word
    of a long name ("Valitus valvontaviranomaiselle", "Planeetta Internet Oy, 1753494-9, Mannerheimintie ...")
    broken where it would fit on a line."""
    page = viewport_page
    previews = 0
    for slug in NOTICES:
        page.goto(f"{site_url}{prefix}{slug}/")
        assert unreadable(page, ".sl-glance", ".sl-glance__facts dt, .sl-glance__preview") == [], slug
        previews += page.locator(".sl-glance__preview").count()
        assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0, slug
    assert previews > 50


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("lang", "prefix"), LANGS, ids=["fi", "en"])
def test_the_story_and_the_open_panel_have_no_serious_accessibility_violation(
    browser: Browser, site_url: str, lang: str, prefix: str, scheme: str
) -> None:
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport, color_scheme=scheme, bypass_csp=True)
        page = context.new_page()
        page.goto(f"{site_url}{prefix}infocrea/")
        for summary in page.locator(".sl-glance__more > summary, .sl-dates > summary").all()[:4]:
            summary.click()
        assert axe(page) == [], (viewport, scheme)
        context.close()


def test_a_translations_hash_of_its_originals_changes_with_their_words_not_their_line_breaks() -> None:
    """What the comparison reads to say the organisation's own text changed where the translation did not: a change
    of whitespace alone (a line wrapped elsewhere) is none, a word is one."""
    import dataclasses

    from seloste.archive.loader import load_archive
    from seloste.publish.pages import version_view

    record = load_archive(FROZEN).get("planeetta-internet")
    shown = record.current
    assert version_view(record, shown, "fi").originals is None  # the organisation's own text: nothing to say

    def originals(body: str) -> str | None:
        first, *rest = shown.version.sections
        changed = dataclasses.replace(first, body=dataclasses.replace(first.body, fi=body))
        version = dataclasses.replace(shown.version, sections=(changed, *rest))
        latest = dataclasses.replace(shown, version=version)
        return version_view(dataclasses.replace(record, versions=(*record.versions[:-1], latest)), latest, "en").originals

    body = shown.version.sections[0].body.fi
    assert originals(body) is not None
    assert originals(body.replace(" ", "\n", 1)) == originals(body) != originals(body.replace(" ", " muutettu ", 1))
