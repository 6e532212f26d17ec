"""The site of the frozen fixture archive (a copy of the real notices) in headless Chromium (Debian's, driven by
Playwright)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import serve
from sitebuild import Build

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(frozen_site: Build) -> Iterator[str]:
    with serve(frozen_site.site) as url:
        yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], errors


def test_reader_opens_an_organisation_and_switches_language(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.get_by_role("link", name="Micro Magic Oy").click()
    page.wait_for_url(site_url + "micro-magic/")
    assert page.locator("html").get_attribute("lang") == "fi"
    assert page.locator("article h1").inner_text() == "Micro Magicin tietosuojaseloste"
    page.locator(".md-header .md-select").hover()
    page.locator("a.md-select__link[hreflang=en]").click()
    page.wait_for_url(site_url + "en/micro-magic/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("article h1").inner_text() == "Micro Magic privacy notice"
    assert page.locator(".sl-translation").is_visible()


def test_sections_are_reachable_from_the_outline(page: Page, site_url: str) -> None:
    page.goto(site_url + "planeetta-internet/")
    outline = page.locator(".md-sidebar--secondary a.md-nav__link", has_text="Kauanko henkilötietojani säilytetään?")
    outline.click()
    assert page.url.endswith("#sailytysaika")
    assert page.locator("h2#sailytysaika").is_visible()


def test_notice_fits_a_phone_screen_and_lists_its_contents(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in (
        "mikroni-digital/",
        "en/planeetta-internet/2010-06-15/",
        "en/",
        "planeetta-internet/history/",
        "en/planeetta-internet/compare/?from=2010-06-15&to=2022-03-21",
        "planeetta-internet/compare/?from=2021-01-26&to=2022-03-21&view=side",
    ):
        page.goto(site_url + path)
        if "compare" in path:
            page.wait_for_selector("#sl-diff[data-ready]")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (path, overflow)
    page.goto(site_url + "mikroni-digital/")
    assert page.locator(".sl-toc").is_visible()  # the sidebar outline is hidden at this width
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["fi", "en"])
def test_an_old_version_shows_its_text_and_opens_at_a_section(page: Page, site_url: str, prefix: str, frozen_site: Build) -> None:
    path = f"{prefix}planeetta-internet/2018-06-07/"
    expected = frozen_site.soup(path).select_one("article.sl-notice")
    page.goto(site_url + path + "#sailytysaika")
    article = page.locator("article.sl-notice")
    assert article.count() == 1 and article.get_attribute("data-version") == "2018-06-07"
    sections = page.locator(".sl-notice__text > section.sl-section")
    assert sections.count() == len(expected.select(".sl-notice__text > section.sl-section")) > 10
    first = expected.select_one(".sl-notice__text > section .sl-section__body p").get_text(" ", strip=True)
    assert " ".join(sections.nth(0).locator(".sl-section__body p").nth(0).inner_text().split()) == " ".join(first.split())
    assert page.locator(".sl-old-version").count() == 1
    heading = page.locator("h2#sailytysaika")
    assert heading.is_visible() and heading.bounding_box()["y"] < 300  # opened at the section
    assert page.evaluate("window.scrollY") > 1000


def test_an_old_version_keeps_the_readers_place_on_reload_and_back(page: Page, site_url: str) -> None:
    page.goto(site_url + "planeetta-internet/2018-06-07/")
    page.evaluate("scrollTo(0, 3000)")
    page.wait_for_function("scrollY === 3000")
    page.reload()
    page.wait_for_function("scrollY === 3000")
    page.goto(site_url + "planeetta-internet/history/")
    page.go_back()
    page.wait_for_function("scrollY === 3000")
    page.goto(site_url + "en/planeetta-internet/2018-06-07/#%E0%A4%A")  # a malformed address: the text, no error
    assert page.locator(".sl-notice__text > section").count() > 10


def test_a_comparison_whose_labels_cannot_load_says_so(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.route("**/compare-labels.json*", lambda route: route.fulfill(status=503, body="unavailable"))
    page.goto(site_url + "en/infocrea/compare/?from=2018-05-24&to=2018-09-19")
    page.wait_for_selector("#sl-diff .sl-diff__error")
    assert page.locator("#sl-diff").inner_text() == "The versions could not be loaded."
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("prefix", ["", "en/"], ids=["fi", "en"])
def test_without_javascript_an_old_version_shows_its_full_text(
    browser: Browser, site_url: str, frozen_site: Build, prefix: str, width: int
) -> None:
    path = f"{prefix}planeetta-internet/2018-06-07/"
    expected = frozen_site.soup(path).select(".sl-notice__text > section.sl-section")
    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + path)
    sections = page.locator(".sl-notice__text > section.sl-section")
    assert sections.count() == len(expected) > 10
    last = " ".join(expected[-1].get_text(" ").split())
    assert " ".join(sections.nth(len(expected) - 1).inner_text().split()) == last
    assert sections.nth(len(expected) - 1).is_visible()
    assert page.locator(".sl-old-version").is_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["fi", "en"])
def test_the_current_versions_permanent_address_is_a_page(page: Page, site_url: str, prefix: str) -> None:
    response = page.goto(site_url + f"{prefix}planeetta-internet/2022-03-21/")
    assert response is not None and response.status == 200
    assert page.url == site_url + f"{prefix}planeetta-internet/2022-03-21/"  # no redirect
    assert page.locator("article.sl-notice").get_attribute("data-version") == "2022-03-21"
    assert page.locator(".sl-notice__text > section").count() > 10
    assert page.locator(".sl-current-version").is_visible() and page.locator(".sl-old-version").count() == 0
    canonical = page.evaluate("document.querySelector('link[rel=canonical]').href")
    assert canonical == site_url + f"{prefix}planeetta-internet/"


def test_reader_picks_two_versions_in_the_history_and_sees_what_changed(page: Page, site_url: str) -> None:
    page.goto(site_url + "planeetta-internet/history/")
    page.locator("input[name=from][value='2018-06-07']").check()
    page.locator("input[name=to][value='2022-03-21']").check()
    page.get_by_role("button", name="Vertaa valittuja versioita").click()
    page.wait_for_url(lambda url: "/planeetta-internet/compare/?" in url and "from=2018-06-07" in url and "to=2022-03-21" in url)
    page.wait_for_selector("#sl-diff[data-ready]")
    diff = page.locator("#sl-diff")
    assert diff.locator(".sl-diff__section ins").all_inner_texts() == ["tietosuojavastaava Salla Vainionpää", "440"]
    assert diff.locator(".sl-diff__section del").all_inner_texts() == ["toimitusjohtaja Lauri Kasti", "458"]
    facts = diff.locator(".sl-diff__facts tr").all_inner_texts()
    assert facts[0].split("\t")[:2] == ["Yhteyshenkilö – nimi", "muuttui"]
    # the fourteen unchanged sections are one collapsed line that opens
    unchanged = diff.locator("details.sl-diff__unchanged")
    assert unchanged.count() == 1 and not unchanged.get_attribute("open")
    assert unchanged.locator("summary").inner_text().startswith("14 muuttumatonta osiota")
    unchanged.locator("summary").click()
    assert unchanged.locator("section").nth(0).is_visible()


def test_side_by_side_view_and_marks_without_colour(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/planeetta-internet/compare/?from=2021-01-26&to=2022-03-21")
    page.wait_for_selector("#sl-diff[data-ready]")
    page.get_by_role("button", name="Side by side").click()
    assert page.get_by_role("button", name="Side by side").get_attribute("aria-pressed") == "true"
    assert "view=side" in page.url
    old, new = page.locator(".sl-diff__column").all()[:2]
    assert old.locator("del").all_inner_texts() == ["Heidi Eronen"] and old.locator("ins").count() == 0
    assert new.locator("ins").all_inner_texts() == ["Salla Vainionpää"] and new.locator("del").count() == 0
    page.emulate_media(media="print")
    marks = page.evaluate(
        "() => ['ins', 'del'].map(t => getComputedStyle(document.querySelector('.sl-diff__section ' + t), '::before').content)"
    )
    assert marks == ['"[+"', '"[−"']
    assert page.locator(".sl-compare__form").is_hidden()


def test_comparing_a_version_with_itself_asks_for_two(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/infocrea/compare/?from=2018-06-25&to=2018-06-25")
    expect(page.locator("#sl-diff")).to_have_text("Pick two different versions.")  # once the script has run


def test_a_comparison_keeps_its_pair_and_view_across_languages_and_shows_a_reversed_pair_oldest_first(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "en/planeetta-internet/compare/?from=2018-06-07&to=2010-06-15&view=side")
    page.wait_for_selector("#sl-diff[data-ready]")
    heads = page.locator(".sl-diff__column-heads strong").all_inner_texts()
    assert heads[0].endswith("15 June 2010") and heads[1].endswith("7 June 2018"), heads
    assert page.url.endswith("?from=2010-06-15&to=2018-06-07&view=side")
    page.locator("button[data-view=inline]").click()
    page.locator(".md-header .md-select").hover()
    page.locator(".md-header a.md-select__link[hreflang=fi]").click()
    page.wait_for_url(site_url + "planeetta-internet/compare/?from=2010-06-15&to=2018-06-07&view=inline")
    page.wait_for_selector("#sl-diff[data-ready]")
    assert page.locator("select[name=from]").input_value() == "2010-06-15"
    assert page.locator("select[name=to]").input_value() == "2018-06-07"
    page.locator("select[name=to]").select_option("2022-03-21")
    page.locator("button[data-view=side]").click()
    page.locator("#sl-compare-form button[type=submit]").click()
    page.wait_for_url(site_url + "planeetta-internet/compare/?from=2010-06-15&to=2022-03-21&view=side")


def test_changed_facts_name_a_list_entry_by_its_text_and_label_its_parts(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/planeetta-internet/compare/?from=2010-06-15&to=2018-06-07")
    page.wait_for_selector("#sl-diff[data-ready]")
    row = page.locator(".sl-diff__fact", has_text="Cookies and tracking")
    assert row.locator("th").inner_text() == "Cookies and tracking – cookies"
    assert row.locator("ins").inner_text() == "purpose: analytics"


def test_lite_pages_follow_the_readers_colour_scheme(browser: Browser, site_url: str) -> None:
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    dark = browser.new_context(color_scheme="dark")
    page = dark.new_page()
    for path in ("planeetta-internet/history/", "en/planeetta-internet/2018-06-07/", "en/infocrea/checklist/"):
        page.goto(site_url + path)
        assert page.evaluate(scheme) == "slate", path  # the system's dark scheme, as on the Material pages
    dark.close()
    light = browser.new_context(color_scheme="light")
    page = light.new_page()
    page.goto(site_url + "planeetta-internet/history/")
    assert page.evaluate(scheme) == "default"
    page.goto(site_url + "planeetta-internet/")
    page.locator("label[for=__palette_1]").click()  # the reader picks the dark scheme on a Material page
    assert page.evaluate(scheme) == "slate"
    page.goto(site_url + "en/planeetta-internet/compare/")
    assert page.evaluate(scheme) == "slate"  # and keeps it on the lite pages of both languages
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)"
    light.close()


def test_the_facts_table_fits_a_desktop_screen_in_both_languages(browser: Browser, site_url: str) -> None:
    fits = "(w => w.querySelector('table').scrollWidth <= w.clientWidth)(document.querySelector('.sl-facts-table'))"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for path in ("facts/", "en/facts/"):
        page.goto(site_url + path)
        assert page.evaluate(fits), path  # no column cut off behind a sideways scroll
    context.close()


@pytest.mark.parametrize(("prefix", "added"), [("", "Linkki lisätty:"), ("en/", "Link added:")], ids=["fi", "en"])
def test_the_comparison_shows_where_a_link_leads_now(page: Page, site_url: str, prefix: str, added: str) -> None:
    # Infocrea's 2018-09-19 notice links the regulation at https:// where 2018-06-25 linked it at http://: the
    # words are the same, the target is not, and the reader sees both
    page.goto(site_url + f"{prefix}infocrea/compare/?from=2018-06-25&to=2018-09-19")
    page.wait_for_selector("#sl-diff[data-ready]")
    regulation = "eur-lex.europa.eu/legal-content/FI/TXT/HTML/?uri=CELEX:32016R0679&from=EN"
    link = page.locator(".sl-diff__link--insert", has_text="https://" + regulation)
    assert link.count() == 1 and link.inner_text().startswith(added)
    assert page.locator(".sl-diff__link--delete del", has_text="http://" + regulation).count() == 1
    assert "null" not in page.locator("#sl-diff").inner_text()  # the opening section gained its heading
