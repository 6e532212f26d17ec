"""The site of the frozen fixture archive (a copy of the real notices) in headless Chromium (Debian's, driven by
Playwright)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from conftest import serve
from readable import unreadable
from seloste.archive.loader import load_archive
from seloste.labels import labels
from seloste.publish.dates import correction_lines
from sitebuild import FROZEN, Build, build, fixture_project

HISTORY = Path(__file__).parent / "fixtures" / "history"

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


_HOME_TABLES_FIT = """() => {
    const width = document.documentElement.clientWidth;
    const cells = Array.from(document.querySelectorAll(".sl-home-table :is(th, td)"));
    const clipped = cells.filter((cell) => cell.getBoundingClientRect().right > width + 0.5).map((cell) => cell.textContent);
    const scrolled = Array.from(document.querySelectorAll(".sl-home-table .md-typeset__scrollwrap"))
        .filter((wrap) => wrap.scrollWidth > wrap.clientWidth);
    return {cells: cells.length, clipped, scrolled: scrolled.length,
            overflow: document.documentElement.scrollWidth - width,
            headers: Array.from(document.querySelectorAll(".sl-home-table thead")).map((h) => h.offsetParent !== null)};
}"""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("prefix", ["", "en/"], ids=["fi", "en"])
def test_the_home_pages_tables_fit_a_desktop_and_a_phone_screen(browser: Browser, site_url: str, prefix: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 400)
    page = context.new_page()
    page.goto(site_url + prefix)
    fit = page.evaluate(_HOME_TABLES_FIT)
    assert fit["cells"] > 0 and fit["clipped"] == [] and fit["scrolled"] == 0 and fit["overflow"] <= 0, fit
    assert fit["headers"] == [width > 400] * 2  # on a phone each row is a card, its cells one under another
    compare = page.locator(".sl-recent__what a[href*='compare/']").first
    compare.click()  # the newest change opens in its comparison
    page.wait_for_selector("#sl-diff[data-ready]")
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
    facts = diff.locator(".sl-diff__facts tr.sl-diff__fact").all_inner_texts()
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
    assert marks == ['"⟦+"', '"⟦−"']
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
    assert row.locator("th").inner_text() == "Cookies and tracking"
    assert row.locator("ins").inner_text() == "cookies (purpose: analytics)"


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
        # long compounds in every column, as the live archive's Finnish names the Privacy Shield
        page.evaluate("document.querySelectorAll('.sl-facts-row td').forEach(td => td.append(' EU–USA-yksityisyydensuojakehys'))")
        assert page.evaluate(fits), path
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


# --- the comparison reads right: both languages, a desktop and a phone, light and dark -------------

LANGS = pytest.mark.parametrize("prefix", ["", "en/"], ids=["fi", "en"])
WIDTHS = pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
INFOCREA = "infocrea/compare/?from=2018-06-25&to=2018-09-19"
"""The opening section gains a heading, its first lines join one paragraph, links change and a paragraph keeps
its own square brackets."""
PLANEETTA = "planeetta-internet/compare/?from=2010-06-15&to=2018-06-07"
"""A rewrite: an untitled opening section removed, lines moved between sections, 43 changed facts."""


@pytest.fixture
def reader(browser: Browser) -> Iterator[Callable[..., Page]]:
    """Opens a page at a width (a desktop's 1280 px, a phone's 390 px) in a colour scheme; no script error allowed."""
    contexts = []
    errors: list[str] = []

    def open_page(width: int = 1280, scheme: Literal["light", "dark"] = "light") -> Page:
        context = browser.new_context(viewport={"width": width, "height": 900 if width > 500 else 844}, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert errors == [], errors


def _compared(page: Page, url: str) -> Locator:
    page.goto(url)
    page.wait_for_selector("#sl-diff[data-ready]")
    return page.locator("#sl-diff")


@LANGS
def test_a_comparison_says_the_facts_changed_beside_the_texts_change(page: Page, site_url: str, prefix: str) -> None:
    """Planeetta Internet's data protection officer changed in the text and in the facts: the summary says both, the
    page's and the status line read by a screen reader."""
    diff = _compared(page, f"{site_url}{prefix}planeetta-internet/compare/?from=2021-01-26&to=2022-03-21")
    too = (
        "The facts the archive reads from the notice changed too."
        if prefix
        else "Myös arkiston selosteesta poimimat tiedot muuttuivat."
    )
    assert diff.locator(".sl-diff__summary").all_inner_texts()[1:] == [too]
    assert page.locator("[role=status]").first.inner_text().endswith(too)


def _contrast(page: Page, selector: str) -> float:
    """The contrast ratio of an element's text on its background (the nearest ancestor's that is not transparent)."""
    fg, bg = page.evaluate(
        """selector => {
          const rgb = (value) => value.match(/[\\d.]+/g).map(Number);
          let node = document.querySelector(selector);
          const fg = rgb(getComputedStyle(node).color);
          let bg = [0, 0, 0, 0];
          for (; node && bg.length > 3 && bg[3] === 0; node = node.parentElement) {
            bg = rgb(getComputedStyle(node).backgroundColor);
          }
          return [fg, bg];
        }""",
        selector,
    )

    def luminance(rgb: list[float]) -> float:
        c = [v / 255 for v in rgb[:3]]
        c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@LANGS
@WIDTHS
@pytest.mark.parametrize("view", ["inline", "side"])
def test_no_change_mark_is_empty(reader: Callable[..., Page], site_url: str, prefix: str, width: int, view: str) -> None:
    # an inserted line break once read as an empty [+ +]
    page = reader(width)
    for pair in (INFOCREA, PLANEETTA):
        diff = _compared(page, f"{site_url}{prefix}{pair}&view={view}")
        marks = diff.locator("ins, del, .sl-diff__move").evaluate_all("nodes => nodes.map(n => n.textContent)")
        assert marks and [m for m in marks if not m.strip()] == [], pair


@LANGS
@WIDTHS
def test_lines_that_only_moved_read_as_moved_or_unchanged(
    reader: Callable[..., Page], site_url: str, prefix: str, width: int
) -> None:
    page = reader(width)
    diff = _compared(page, site_url + prefix + INFOCREA)
    changed = " ".join(diff.locator(".sl-diff__section :is(ins, del)").all_inner_texts())
    assert "Jarmo Lahti" in diff.locator(".sl-diff__section").first.inner_text() and "Jarmo Lahti" not in changed
    diff = _compared(page, site_url + prefix + PLANEETTA)
    moved = diff.locator(".sl-diff__section .sl-diff__move", has_text="Lauri Kasti")
    assert moved.count() == 2  # where the line stood, and where it stands now
    assert diff.locator(".sl-diff__section :is(ins, del)", has_text="Lauri Kasti").count() == 0
    # the two read apart (a trial found them alike): struck where it stood, underlined where it stands, as the legend says
    lines = "el => [el.classList.contains('sl-diff__move--away') ? 'away' : 'here', getComputedStyle(el).textDecorationLine]"
    assert sorted(m.evaluate(lines) for m in moved.all()) == [["away", "line-through"], ["here", "underline"]]
    legend = diff.locator(".sl-diff__legend .sl-diff__move")
    words = ["siirretty täältä", "siirretty tähän"] if not prefix else ["moved from here", "moved here"]
    # and to a screen reader, which hears no strike or underline: each end starts with its words
    heard = "el => [el.classList.contains('sl-diff__move--away') ? 0 : 1, el.querySelector('.sl-visually-hidden').textContent]"
    assert sorted(m.evaluate(heard) for m in moved.all()) == [[0, words[0] + ": "], [1, words[1] + ": "]]
    assert legend.all_inner_texts() == words and [m.evaluate(lines) for m in legend.all()] == [
        ["away", "line-through"],
        ["here", "underline"],
    ]


@LANGS
@WIDTHS
def test_the_older_column_keeps_apart_the_lines_that_joined_one_paragraph(
    reader: Callable[..., Page], site_url: str, prefix: str, width: int
) -> None:
    # 2018-06-25 had its opening line as a paragraph of its own, and its company and contact lines a line break apart
    page = reader(width)
    diff = _compared(page, f"{site_url}{prefix}{INFOCREA}&view=side")
    older, newer = diff.locator(".sl-diff__section").first.locator(".sl-diff__column").all()
    breaks = {
        "": ["tietosuojaseloste\nYritys:", "Helsinki\nYhteyshenkilö:"],
        "en/": ["notice\nCompany:", "Helsinki\nContact person:"],
    }
    for column in (older, newer):
        text = column.inner_text()
        assert all(line in text for line in breaks[prefix]), text[:300]


@LANGS
@WIDTHS
def test_each_column_of_the_side_by_side_view_is_named_where_it_begins(
    reader: Callable[..., Page], site_url: str, prefix: str, width: int
) -> None:
    page = reader(width)
    diff = _compared(page, f"{site_url}{prefix}{INFOCREA}&view=side")
    older, newer = diff.locator(".sl-diff__section").first.locator(".sl-diff__column").all()
    names = {
        "": ["Vanhempi versio: 25.6.2018", "Uudempi versio: 19.9.2018 (uusin)"],
        "en/": ["Older version: 25 June 2018", "Newer version: 19 September 2018 (latest)"],
    }[prefix]
    heads = diff.locator(".sl-diff__column-heads")
    named = [column.locator(".sl-diff__column-name") for column in (older, newer)]
    if width > 500:  # side by side: named once above both, the names staying in sight
        assert heads.is_visible() and heads.locator("strong").all_inner_texts() == names
        assert not any(name.is_visible() for name in named)
        assert (newer.bounding_box() or {})["x"] > (older.bounding_box() or {})["x"]
    else:  # one under the other: each named at its top, not both at the top of the screen
        assert heads.is_hidden()
        assert [name.inner_text() for name in named] == names and all(name.is_visible() for name in named)
        old_box, new_name = older.bounding_box() or {}, named[1].bounding_box() or {}
        assert new_name["y"] >= old_box["y"] + old_box["height"]


@LANGS
@WIDTHS
def test_change_marks_are_brackets_no_notice_writes(reader: Callable[..., Page], site_url: str, prefix: str, width: int) -> None:
    page = reader(width)
    diff = _compared(page, site_url + prefix + INFOCREA)
    # the notice's own [...] stays plain text, its marks are not those of a change
    own = diff.locator(".sl-diff__block", has_text="250").first
    assert own.inner_text().startswith("[") and own.locator(":scope > ins, :scope > del").count() == 0
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        marks = page.evaluate(
            """() => ['ins', 'del', '.sl-diff__move'].map(sel => {
                 const node = document.querySelector('.sl-diff__legend ' + sel);
                 return [getComputedStyle(node, '::before').content, getComputedStyle(node, '::after').content];
               })"""
        )
        assert marks == [['"⟦+"', '"+⟧"'], ['"⟦−"', '"−⟧"'], ['"⟦↕"', '"↕⟧"']], media
    legend = diff.locator(".sl-diff__legend")
    assert legend.locator("ins").inner_text() == ("lisätty" if not prefix else "inserted")
    assert legend.locator("del").inner_text() == ("poistettu" if not prefix else "deleted")


@LANGS
@WIDTHS
def test_an_untitled_opening_section_has_a_name(reader: Callable[..., Page], site_url: str, prefix: str, width: int) -> None:
    page = reader(width)
    diff = _compared(page, site_url + prefix + PLANEETTA)
    name = "Johdanto (ei otsikkoa)" if not prefix else "Introduction (no heading)"
    assert diff.locator(".sl-diff__section--removed h2").first.inner_text() == name
    headings = diff.locator("h2").all_inner_texts()
    assert headings and [h for h in headings if not h.strip()] == []


@WIDTHS
def test_finnish_and_english_pair_the_same_sections(reader: Callable[..., Page], site_url: str, width: int) -> None:
    # 2010's 'Rekisterin suojaus' reads like 2018's 'Säilytys ja suojaus' in English, not in the Finnish original
    page = reader(width)
    shown = {}
    for prefix in ("", "en/"):
        diff = _compared(page, site_url + prefix + PLANEETTA)
        shown[prefix] = diff.locator("section.sl-diff__section[id]").evaluate_all(
            "nodes => nodes.map(n => n.id + ' ' + n.className)"
        )
    assert shown[""] == shown["en/"]
    assert "diff-rekisterin-suojaus sl-diff__section sl-diff__section--removed" in shown[""]


@pytest.fixture(scope="module")
def typo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Build, str]]:
    """tests/fixtures/typo-and-date's library, its second version only fixing the Finnish title's typo: the notice
    states the same date, and the English title rightly stays ('translation: unaffected')."""
    root = fixture_project(tmp_path_factory.mktemp("typo") / "project")
    shutil.copytree(Path(__file__).parent / "fixtures" / "typo-and-date", root / "data")
    (root / "data" / "README.md").unlink()
    library = root / "data" / "kirjasto"
    second = library / "2024-03-27.yaml"
    text = second.read_text(encoding="utf-8").replace('stated_date: "2024-03-27"', 'stated_date: "2024-03-01"')
    text = text.replace("fi: Päivitetty 27.3.2024", "fi: Päivitetty 1.3.2024").replace(
        "en: Updated 27 March 2024", "en: Updated 1 March 2024"
    )
    second.write_text(
        text.replace("Päiväys muuttui ja otsikon", "Otsikon").replace("The date changed and a typo", "A typo"), encoding="utf-8"
    )
    capture = library / "captures" / "2024-03-27.txt"
    capture.write_text(capture.read_text(encoding="utf-8").replace("27.3.2024", "1.3.2024"), encoding="utf-8")
    pending = root / "data" / "kesken"  # the same, its newer version's translation not made yet
    shutil.copytree(library, pending)
    for file in pending.rglob("*.*"):  # another organisation: its own name and business ID
        file.write_text(
            file.read_text(encoding="utf-8").replace("Esimerkki Oy", "Kesken Oy").replace("1783913-6", "2466095-1"),
            encoding="utf-8",
        )
    second = pending / "2024-03-27.yaml"
    second.write_text(
        second.read_text(encoding="utf-8").replace("translation: unaffected", "translation: pending"), encoding="utf-8"
    )
    built = build(root, root / "site")
    assert built.returncode == 0, built.stderr
    with serve(built.site) as url:
        yield built, url


def test_a_translation_unchanged_where_its_original_changed_says_so(reader: Callable[..., Page], typo_site) -> None:
    """The English pages show the archive's translation, the same in both versions: 'The versions do not differ in
    this language' alone read as if the notice had not changed (a maintainer's trial). The Finnish shows the fix."""
    built, url = typo_site
    originals = [
        built.soup(f"en/kirjasto/{v}/").select_one("article.sl-notice").get("data-originals")
        for v in ("2024-03-01", "2024-03-27")
    ]
    assert all(originals) and originals[0] != originals[1]
    assert built.soup("kirjasto/2024-03-27/").select_one("article.sl-notice").get("data-originals") is None  # its own text
    page = reader(1280)
    diff = _compared(page, url + "en/kirjasto/compare/?from=2024-03-01&to=2024-03-27")
    assert "The versions do not differ in this language." in diff.inner_text()
    assert (
        diff.locator(".sl-diff__originals").inner_text().startswith("The translation did not change, but the organisation's own")
    )
    # it leads to the same two versions compared in the original (a trial's reader found nothing to follow)
    link = diff.locator(".sl-diff__originals a")
    assert link.inner_text() == "Compare the original texts"
    assert link.get_attribute("href").endswith("/kirjasto/compare/?from=2024-03-01&to=2024-03-27&view=inline")
    link.click()
    page.wait_for_url("**/kirjasto/compare/?from=2024-03-01&to=2024-03-27*")
    page.wait_for_selector("#sl-diff[data-ready]")
    diff = page.locator("#sl-diff")
    assert (
        "/en/" not in page.url
        and diff.locator(".sl-diff__originals").count() == 0
        and "Tietosuojaseloste" in diff.locator("ins").all_inner_texts()
    )
    diff = _compared(page, url + "en/kesken/compare/?from=2024-03-01&to=2024-03-27")  # no typo said: not translated yet
    assert "the newer version's translation is not made yet" in diff.locator(".sl-diff__originals").inner_text()


@pytest.fixture(scope="module")
def history_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site of the fixture organisation whose versions cover each kind of change (tests/fixtures/history), its
    2024-03-01 cookies section changed in whitespace alone in both languages."""
    root = fixture_project(tmp_path_factory.mktemp("history") / "project")
    shutil.copytree(HISTORY, root / "data")
    version = root / "data/muutos/2024-03-01.yaml"
    text = version.read_text(encoding="utf-8")
    version.write_text(text.replace("en: We use strictly necessary cookies.", "en: We use  strictly necessary cookies.", 1))
    built = build(root, root / "site")
    assert built.returncode == 0, built.stderr
    with serve(built.site) as url:
        yield url


@LANGS
@WIDTHS
def test_a_section_changed_only_in_whitespace_is_folded_with_a_note(
    reader: Callable[..., Page], history_site_url: str, prefix: str, width: int
) -> None:
    page = reader(width)
    diff = _compared(page, history_site_url + prefix + "muutos/compare/?from=2024-01-01&to=2024-03-01")
    assert diff.locator(".sl-diff__section:not(details *)").count() == 1  # only the opening's changed date is shown
    folded = diff.locator("details.sl-diff__unchanged")
    summary = folded.locator("summary").inner_text()
    assert ("joista 1 muuttui vain välilyönneiltään" if not prefix else "1 of them changed only in whitespace") in summary
    folded.locator("summary").click()
    note = "Vain välilyönnit tai muotoilu muuttuivat." if not prefix else "Only whitespace or formatting changed."
    assert folded.locator(".sl-diff__section", has_text=note).locator("h2").inner_text() == (
        "Evästeet" if not prefix else "Cookies"
    )
    assert folded.locator("ins, del").count() == 0


@LANGS
@WIDTHS
def test_an_unknown_version_in_the_address_is_named_and_the_known_ones_offered(
    reader: Callable[..., Page], site_url: str, prefix: str, width: int
) -> None:
    page = reader(width)
    page.goto(f"{site_url}{prefix}infocrea/compare/?from=2099-01-01&to=2018-09-19")
    error = page.locator("#sl-diff .sl-diff__error")
    expect(error).to_contain_text("2099-01-01")
    assert page.locator("#sl-diff .sl-diff__section").count() == 0  # no other pair shown in its place
    offered = page.locator("#sl-diff .sl-diff__known a")
    assert offered.count() == 3
    offered.nth(1).click()
    page.wait_for_url(lambda url: "from=2018-06-25" in url and "to=2018-09-19" in url)
    page.wait_for_selector("#sl-diff[data-ready]")


@LANGS
@WIDTHS
def test_the_history_offers_only_an_older_from_and_a_newer_to(
    reader: Callable[..., Page], site_url: str, prefix: str, width: int
) -> None:
    page = reader(width)
    page.goto(site_url + prefix + "planeetta-internet/history/")

    def disabled(name: str) -> list[str]:
        return page.locator(f"input[name={name}]:disabled").evaluate_all("nodes => nodes.map(n => n.value)")

    # the defaults: the previous version and the current one
    assert disabled("from") == ["2022-03-21"] and disabled("to") == ["2021-01-26", "2018-06-07", "2010-06-15"]
    page.locator("input[name=to][value='2022-03-21']").check()
    page.locator("input[name=from][value='2010-06-15']").check()
    page.locator("input[name=to][value='2018-06-07']").check()
    assert disabled("from") == ["2022-03-21", "2021-01-26", "2018-06-07"] and disabled("to") == ["2010-06-15"]
    page.locator("form.sl-history button[type=submit]").click()
    page.wait_for_url(lambda url: "from=2010-06-15" in url and "to=2018-06-07" in url)


_HISTORY_CARDS = """() => {
    const box = (e) => e.getBoundingClientRect();
    const shown = (e) => e.getClientRects().length > 0;
    const rows = [...document.querySelectorAll(".sl-history tbody tr")];
    return {
        width: document.documentElement.clientWidth,
        scrolled: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        head: shown(document.querySelector(".sl-history thead")),
        cards: rows.map((row) => {
            const style = getComputedStyle(row);
            const cells = [...row.children].filter(shown);
            return {
                top: box(row).top, bottom: box(row).bottom, left: box(row).left, right: box(row).right,
                frame: ["Top", "Right", "Bottom", "Left"].every((side) => parseFloat(style["border" + side + "Width"]) > 0),
                rules: cells.filter((c) => parseFloat(getComputedStyle(c).borderTopWidth) > 0).length,
                empty: cells.filter((c) => !c.textContent.trim() && !c.querySelector("input")).length,
                outside: cells.filter((c) => box(c).right > box(row).right + 0.5 || box(c).left < box(row).left - 0.5).length,
                heading: box(row.querySelector("th")).top,
                picks: [...row.querySelectorAll("input[type=radio]")].map((radio) => {
                    const word = row.querySelector("label[for='" + radio.id + "']");
                    const at = word && shown(word) ? box(word) : null;
                    return {name: radio.name, top: box(radio).top, bottom: box(radio).bottom, right: box(radio).right,
                            left: box(radio).left, word: at ? [word.textContent, at.left, at.top, at.bottom, at.right] : null};
                }),
            };
        }),
    };
}"""


@LANGS
def test_on_a_desktop_the_history_gives_its_width_to_the_versions_not_to_the_radios(
    reader: Callable[..., Page], site_url: str, prefix: str
) -> None:
    """Each radio centred in a column as narrow as its name; the version's column wide enough for its dates to run
    a few words a line (Material's head cells, 5rem at least, made the radios' columns wider than the version's)."""
    page = reader(1280)
    page.goto(f"{site_url}{prefix}planeetta-internet/history/")
    cells = page.evaluate(
        """() => {
            const row = document.querySelector(".sl-history tbody tr");
            const box = (e) => e.getBoundingClientRect();
            return [...row.children].map((c) => {
                const radio = c.querySelector("input[type=radio]");
                return {width: box(c).width, centre: (box(c).left + box(c).right) / 2,
                        radio: radio ? (box(radio).left + box(radio).right) / 2 : null};
            });
        }"""
    )
    older, newer, version, *_rest = cells
    for pick in (older, newer):
        assert abs(pick["radio"] - pick["centre"]) < 2 and pick["width"] < version["width"] * 0.75, cells
    assert version["width"] >= 160, cells


@LANGS
def test_on_a_phone_each_version_of_the_history_is_a_card_with_its_radios_named_beside_them(
    reader: Callable[..., Page], site_url: str, prefix: str
) -> None:
    """Each version a framed card on the screen, apart from the next, with no rule between its lines and no empty
    line; its two radios side by side on its first line, each with its word beside it, which picks it too; then the
    version. A notice of one version has no radios: its card is the screen's width too."""
    words = {"from": "Older", "to": "Newer"} if prefix else {"from": "Vanhempi", "to": "Uudempi"}
    for slug, versions in (("planeetta-internet", 4), ("infocrea", 3), ("midare", 1)):
        page = reader(390)
        page.goto(f"{site_url}{prefix}{slug}/history/")
        found = page.evaluate(_HISTORY_CARDS)
        assert not found["head"] and found["scrolled"] <= 0 and len(found["cards"]) == versions, found
        assert unreadable(page, ".sl-history", ".sl-history tbody :is(th, td)") == [], slug
        for card, following in zip(found["cards"], [*found["cards"][1:], None], strict=True):
            assert card["frame"] and card["rules"] == card["empty"] == card["outside"] == 0, card
            assert card["left"] >= 0 and card["right"] <= found["width"], card
            assert following is None or following["top"] > card["bottom"], card  # a space between the cards
            if versions == 1:
                assert card["picks"] == []
                continue
            (older, newer) = card["picks"]
            assert older["top"] == newer["top"] and older["bottom"] <= card["heading"], card  # one line, above the version
            for pick in (older, newer):
                word, left, top, bottom, _right = pick["word"]
                assert word == words[pick["name"]] and left >= pick["right"], card  # beside its radio, after it
                assert top < pick["bottom"] and bottom > pick["top"], card  # on its line
            assert older["word"][4] <= newer["left"], card  # the older's word ends before the newer's radio
        if versions == 1:
            continue
        last = page.locator(".sl-history tbody tr").last
        radio = last.locator("input[name=from]")
        assert not radio.is_checked()
        last.locator("label", has_text=words["from"]).click()
        assert radio.is_checked()


_TABLE_CARDS = """(within) => {
    const box = (e) => e.getBoundingClientRect();
    const shown = (e) => e.getClientRects().length > 0;
    return {
        scrolled: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        head: shown(document.querySelector(within + " thead")),
        cards: [...document.querySelectorAll(within + " tbody tr")].filter(shown).map((row) => {
            const style = getComputedStyle(row);
            return {
                top: box(row).top, bottom: box(row).bottom,
                frame: ["Top", "Right", "Bottom", "Left"].every((side) => parseFloat(style["border" + side + "Width"]) > 0),
                rules: [...row.children].filter((c) => shown(c) && parseFloat(getComputedStyle(c).borderTopWidth) > 0).length,
            };
        }),
    };
}"""


@LANGS
@pytest.mark.parametrize(
    ("path", "within"),
    [("facts/", ".sl-table-wrap"), ("infocrea/checklist/", ".sl-table-wrap"), (PLANEETTA, ".sl-diff__facts")],
    ids=["facts", "checklist", "compared facts"],
)
def test_on_a_phone_facts_and_the_checklist_are_framed_cards_with_no_rule_between_their_lines(
    reader: Callable[..., Page], site_url: str, prefix: str, path: str, within: str
) -> None:
    """The facts page's, the checklist's and a comparison's changed facts, as the history's versions are: Material's
    rule over every cell made each card a stack of ruled lines."""
    page = reader(390)
    page.goto(f"{site_url}{prefix}{path}")
    if "compare/" in path:
        page.wait_for_selector("#sl-diff[data-ready]")
        page.evaluate("document.querySelectorAll('.sl-diff__facts details').forEach((d) => { d.open = true; })")
    found = page.evaluate(_TABLE_CARDS, within)
    assert not found["head"] and found["scrolled"] <= 0 and len(found["cards"]) > 1, found
    for card, following in zip(found["cards"], [*found["cards"][1:], None], strict=True):
        assert card["frame"] and card["rules"] == 0, card
        assert following is None or following["top"] > card["bottom"], card  # a space between the cards


@LANGS
def test_on_a_phone_the_version_pickers_fit_the_screen_whatever_their_longest_option(
    reader: Callable[..., Page], site_url: str, prefix: str
) -> None:
    """A select is as wide as its longest option: a version known only to have changed between two days, the latest,
    named in full in English ran 402 px wide on a 390 px phone, and the page scrolled sideways."""
    page = reader(390)
    _compared(page, site_url + prefix + PLANEETTA)
    page.evaluate(
        """() => document.querySelectorAll("#sl-compare-form select").forEach((select) => {
            select.add(new Option("22 November 2026 – 6 December 2026 (latest) ".repeat(2), "x"));
        })"""
    )
    found = page.evaluate(
        """() => ({scrolled: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                   selects: [...document.querySelectorAll("#sl-compare-form select")]
                       .map((s) => s.getBoundingClientRect().right)})"""
    )
    assert found["scrolled"] <= 0 and all(right <= 390 for right in found["selects"]), found


@LANGS
@WIDTHS
def test_the_comparison_links_both_versions_and_each_changed_section(
    reader: Callable[..., Page], site_url: str, prefix: str, width: int
) -> None:
    page = reader(width)
    diff = _compared(page, site_url + prefix + PLANEETTA)
    versions = diff.locator(".sl-diff__versions a")
    hrefs = versions.evaluate_all("links => links.map(a => a.href)")
    assert hrefs == [f"{site_url}{prefix}planeetta-internet/2010-06-15/", f"{site_url}{prefix}planeetta-internet/2018-06-07/"]
    added = diff.locator("#diff-kerattavat-tiedot .sl-diff__section-link")
    assert added.get_attribute("href").endswith("planeetta-internet/2018-06-07/#kerattavat-tiedot")
    removed = diff.locator("#diff-vastaava-henkilo .sl-diff__section-link")
    assert removed.get_attribute("href").endswith("planeetta-internet/2010-06-15/#vastaava-henkilo")
    removed.click()
    page.wait_for_url("**/planeetta-internet/2010-06-15/#vastaava-henkilo")
    page.wait_for_selector("article.sl-notice #vastaava-henkilo")  # the version's page holds its text
    assert page.locator("#vastaava-henkilo").bounding_box()["y"] < 300  # opened at the section
    # the current version's section: on the notice page, where it is
    diff = _compared(page, site_url + prefix + "planeetta-internet/compare/?from=2021-01-26&to=2022-03-21")
    link = diff.locator(".sl-diff__section-link").first
    assert link.evaluate("a => a.href") == f"{site_url}{prefix}planeetta-internet/#yhteystiedot"


@LANGS
def test_the_comparison_says_why_each_version_between_the_two_changed(
    reader: Callable[..., Page], site_url: str, prefix: str
) -> None:
    """The history says why each version changed; the comparison of two versions lists the summaries of the versions
    after the older one, up to the newer, each linked to its page."""
    lang = "en" if prefix else "fi"
    record = load_archive(FROZEN, root=FROZEN.parent).get("planeetta-internet")
    kinds = labels(lang)["change_kinds"]
    page = reader(1280)
    diff = _compared(page, site_url + prefix + "planeetta-internet/compare/?from=2010-06-15&to=2021-01-26")
    items = diff.locator(".sl-diff__recorded li")
    expected = []
    for version_id in ("2018-06-07", "2021-01-26"):
        change = record.version(version_id).version.change
        expected.append(f"{change.summary[lang]} ({kinds[change.kind]})")
    texts = items.evaluate_all("items => items.map(li => li.textContent)")
    assert [text.split(": ", 1)[1] for text in texts] == expected
    hrefs = items.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs == [f"{site_url}{prefix}planeetta-internet/{v}/" for v in ("2018-06-07", "2021-01-26")]
    # two versions in a row: the newer's alone
    diff = _compared(page, site_url + prefix + "planeetta-internet/compare/?from=2018-06-07&to=2021-01-26")
    assert diff.locator(".sl-diff__recorded li").count() == 1


@LANGS
def test_the_comparison_says_when_and_why_the_archive_corrected_the_versions_it_compares(
    reader: Callable[..., Page], site_url: str, prefix: str
) -> None:
    """The texts compared are the versions as the archive corrected them: the comparison lists each correction of the
    older version, of those between and of the newer, once with the versions it corrected (here one correction of
    three), each linked to its version's page, as the history does."""
    lang = "en" if prefix else "fi"
    record = load_archive(FROZEN, root=FROZEN.parent).get("planeetta-internet")
    page = reader(1280)
    diff = _compared(page, site_url + prefix + "planeetta-internet/compare/?from=2018-06-07&to=2022-03-21")
    items = diff.locator(".sl-diff__corrected li")
    ids = [v.id for v in record.versions if "2018-06-07" <= v.id <= "2022-03-21"]
    expected: dict[str, list[str]] = {}
    for v in ids:
        for line in correction_lines(record.version(v).version, lang, "compare_corrected"):
            expected.setdefault(line, []).append(v)
    assert sum(map(len, expected.values())) > len(expected), expected  # the fixture's: one correction of several versions
    texts = items.evaluate_all("items => items.map(li => li.textContent)")
    assert [text.split(" – ", 1)[1] for text in texts] == list(expected)
    hrefs = items.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs == [f"{site_url}{prefix}planeetta-internet/{v}/" for versions in expected.values() for v in versions]
    assert diff.locator(".sl-diff__corrected > p").text_content() == labels(lang)["diff"]["compared_corrected"]


@LANGS
@WIDTHS
def test_the_reader_steps_from_change_to_change_by_button_and_key(
    reader: Callable[..., Page], site_url: str, prefix: str, width: int
) -> None:
    page = reader(width)
    diff = _compared(page, site_url + prefix + INFOCREA)
    stops = diff.locator("[data-stop]")
    count = stops.count()
    assert count == 2  # the title, the opening section
    status = page.locator("#sl-diff-status")
    assert status.get_attribute("role") == "status"
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "diff-title"
    change = "Muutos 1/2: Otsikko" if not prefix else "Change 1 of 2: Title"
    assert status.inner_text() == change
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.id") == "diff-asiakasrekisterin-tietosuojaseloste"
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.id") == "diff-title"
    next_button = diff.locator("button[data-step='1']")
    assert next_button.inner_text() == ("Seuraava muutos" if not prefix else "Next change")
    next_button.click()
    assert page.evaluate("document.activeElement.id") == "diff-asiakasrekisterin-tietosuojaseloste"
    page.locator("select[name=from]").focus()
    page.keyboard.press("j")  # typing in a field: the key is the field's
    assert page.evaluate("document.activeElement.name") == "from"


@LANGS
@WIDTHS
def test_changed_facts_have_column_headers_one_row_per_renamed_entry_and_fold_large_groups(
    reader: Callable[..., Page], site_url: str, prefix: str, width: int
) -> None:
    page = reader(width)
    diff = _compared(page, site_url + prefix + "infocrea/compare/?from=2018-05-24&to=2018-06-25")
    facts = diff.locator(".sl-diff__facts")
    if width < 500:
        facts.locator("summary").first.click()  # folded on a phone
    headers = facts.locator("thead th").all_inner_texts()
    assert headers == (["Tieto", "Muutos", "Ennen", "Jälkeen"] if not prefix else ["Fact", "Change", "Before", "After"])
    assert [th.get_attribute("scope") for th in facts.locator("thead th").all()] == ["col"] * 4
    renamed = facts.locator("tr.sl-diff__fact", has_text="Google Inc")
    assert renamed.count() == 1 and "Google LLC (Google Suite)" in renamed.locator("ins").inner_text()
    diff = _compared(page, site_url + prefix + PLANEETTA)
    facts = diff.locator(".sl-diff__facts")
    if width < 500:
        facts.locator("summary").first.click()
    assert "ei kerrottu" not in facts.inner_text() and "not stated" not in facts.inner_text()
    group = facts.locator("details.sl-diff__facts-group")
    assert group.count() == 1 and not group.get_attribute("open")
    assert group.locator("summary").inner_text() == (
        "Käsittelyn tarkoitukset: 17 muutosta" if not prefix else "Purposes: 17 changes"
    )


@LANGS
@WIDTHS
def test_the_changes_of_the_text_are_within_reach(reader: Callable[..., Page], site_url: str, prefix: str, width: int) -> None:
    page = reader(width)
    diff = _compared(page, site_url + prefix + PLANEETTA)
    folded = diff.locator("details.sl-diff__facts-all")
    assert (folded.get_attribute("open") is None) == (width < 500)  # on a phone the facts are one line that opens
    first = diff.locator("section.sl-diff__section").first.bounding_box()
    assert first["y"] < (2500 if width < 500 else 4000), first


@LANGS
@WIDTHS
def test_the_dark_scheme_keeps_the_comparison_readable(
    reader: Callable[..., Page], site_url: str, prefix: str, width: int
) -> None:
    page = reader(width, "dark")
    _compared(page, site_url + prefix + PLANEETTA)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    for selector in (
        "#sl-diff button[data-view=side]",  # not pressed
        "#sl-diff button[data-view=inline]",
        "#sl-diff button[data-step='1']",
        ".sl-diff__section ins",
        ".sl-diff__section del",
        ".sl-diff__section .sl-diff__move",
    ):
        assert _contrast(page, selector) >= 4.5, selector
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.sl-diff__section ins')).backgroundColor") != "rgb(215, 245, 221)"
    )
