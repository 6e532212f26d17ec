"""One site: every page kind, Material's and the lite ones, in both languages and at a desktop's and a phone's
width, on the site of the frozen fixture archive, served where its site_url puts it (/seloste/) as GitHub Pages
serves it (its 404 page at any missing address)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import serve
from sitebuild import Build

pytestmark = pytest.mark.browser

PAGES = {
    "home": "",
    "notice": "planeetta-internet/",
    "old version": "planeetta-internet/2018-06-07/",
    "current version": "planeetta-internet/2022-03-21/",
    "history": "planeetta-internet/history/",
    "comparison": "planeetta-internet/compare/?from=2018-06-07&to=2022-03-21",
    "checklist": "midare/checklist/",
    "facts": "facts/",
    "about": "about/",
    "not found": "no-such-page/2020-01-01/",
}
WIDTHS = {"desktop": 1280, "phone": 390}
LANGS = {"fi": "", "en": "en/"}

HEADER = """() => {
  const header = document.querySelector('.md-header');
  const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const box = (el) => el ? Math.round(el.getBoundingClientRect().height) : null;
  const drawn = (el) => !shown(el) || [...el.querySelectorAll('svg')].every(svg => svg.getBoundingClientRect().width > 0);
  const toggle = [...header.querySelectorAll('[data-md-component=palette] label')].find(shown);
  const pick = (selector) => header.querySelector(selector);
  const button = pick('.md-select > button'), search = pick('[data-sl-search]');
  return {
    height: box(header),
    logo: [shown(pick('a.md-logo')), drawn(pick('a.md-logo')), new URL(pick('a.md-logo').href).pathname],
    menu: [shown(pick('label[for=__drawer]')), drawn(pick('label[for=__drawer]'))],
    palette: toggle ? [box(toggle), drawn(toggle), toggle.title] : null,
    languages: [...header.querySelectorAll('.md-select a.md-select__link')].map(a => a.hreflang + ' ' + a.textContent.trim()),
    language_button: [shown(button), drawn(button), button.getAttribute('aria-label')],
    search: [shown(search), drawn(search), search.getAttribute('aria-keyshortcuts')],
    title: pick('.md-header__topic .md-ellipsis').textContent.trim(),
  };
}"""


@pytest.fixture(scope="module")
def site_url(frozen_site: Build) -> Iterator[str]:
    with serve(frozen_site.site, "/seloste/") as url:  # where the site's 404 page expects it (site_url)
        yield url


@pytest.fixture(params=list(WIDTHS))
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": WIDTHS[request.param], "height": 900})
    yield context.new_page()
    context.close()


def _open(page: Page, url: str) -> None:
    page.goto(url)
    if "compare/?" in url:
        page.wait_for_selector("#sl-diff[data-ready]")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGES)
def test_no_console_error_or_failed_request_on_any_page_kind(page: Page, site_url: str, kind: str, lang: str) -> None:
    url = site_url + LANGS[lang] + PAGES[kind]
    problems: list[str] = []
    page.on("console", lambda message: message.type in ("error", "warning") and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    page.on(
        "response",
        lambda response: response.status >= 400 and response.url != url and problems.append(f"{response.status} {response.url}"),
    )
    _open(page, url)
    page.keyboard.press("/")  # search: its dialog, its index, and words the notices have and have not
    page.keyboard.type("evästeet" if lang == "fi" else "cookies")
    page.locator(".sl-search__result").first.wait_for()
    assert page.evaluate("q => selosteSearch.find(q)", "qqxy ÿÿ zzz") == []
    page.wait_for_load_state("networkidle")
    if kind == "not found":  # the address has no page: the browser reports the 404 page's own status, and only that
        problems = [p for p in problems if not p.startswith("Failed to load resource: the server responded with a status of 404")]
        assert len([p for p in problems if "404" in p]) == 0
    assert problems == []


@pytest.mark.parametrize("path", ["en/architecture/", "en/benchmark/", "en/search/"])
def test_no_console_error_on_the_english_only_pages(page: Page, site_url: str, path: str) -> None:
    problems: list[str] = []
    page.on("console", lambda message: message.type in ("error", "warning") and problems.append(message.text))
    page.on("response", lambda response: response.status >= 400 and problems.append(f"{response.status} {response.url}"))
    _open(page, site_url + path)
    assert problems == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", [kind for kind in PAGES if kind != "notice"])
def test_every_page_kind_has_the_notice_pages_header(page: Page, site_url: str, kind: str, lang: str) -> None:
    _open(page, site_url + LANGS[lang] + PAGES["notice"])
    notice = page.evaluate(HEADER)
    _open(page, site_url + LANGS[lang] + PAGES[kind])
    header = page.evaluate(HEADER)
    assert header["title"] and notice["title"]
    for control in ("height", "logo", "menu", "palette", "languages", "language_button", "search"):
        assert header[control] == notice[control], control
    assert header["logo"][2] == "/seloste/" + LANGS[lang]  # the home page of the page's language
    assert notice["palette"][1] and notice["search"][1] and notice["logo"][1]  # its icons drawn
    assert notice["palette"][2] == ("Vaihda tummaan tilaan" if lang == "fi" else "Switch to dark mode")
    assert notice["languages"] == ["fi Suomi", "en English"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGES)
def test_search_opens_with_its_shortcuts_on_every_page_kind(page: Page, site_url: str, kind: str, lang: str) -> None:
    _open(page, site_url + LANGS[lang] + PAGES[kind])
    for shortcut in ("/", "Control+k"):
        page.keyboard.press(shortcut)
        dialog = page.locator("dialog#sl-search")
        dialog.wait_for()
        assert page.evaluate("document.activeElement.id") == "sl-search-input"
        expect(page.locator("#sl-search-input")).to_have_attribute("placeholder", re.compile(".+"))  # its labels came
        page.keyboard.press("Escape")
        assert not dialog.is_visible()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGES)
def test_no_untranslated_chrome(page: Page, site_url: str, kind: str, lang: str) -> None:
    _open(page, site_url + LANGS[lang] + PAGES[kind])
    assert page.locator("html").get_attribute("lang") == lang
    footer = page.locator(".md-copyright").inner_text()
    assert footer == (
        "Lähdekoodi ja aineisto · Tehty Material for MkDocs -teemalla"
        if lang == "fi"
        else "Source code and data · Made with Material for MkDocs"
    )
    titles = page.evaluate(
        "[...document.querySelectorAll('[data-md-component=palette] :is([title], [aria-label])')]"
        ".map(e => e.title || e.getAttribute('aria-label'))"
    )
    assert titles and all(("tila" in t) == (lang == "fi") and "/" not in t for t in titles), titles


def _switch(page: Page) -> None:
    page.locator(".md-header .md-select").hover()
    page.locator(".md-header a.md-select__link:not([hreflang={}])".format(page.locator("html").get_attribute("lang"))).click()


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("planeetta-internet/#sailytysaika", "en/planeetta-internet/#sailytysaika"),
        ("en/planeetta-internet/2018-06-07/#sailytysaika", "planeetta-internet/2018-06-07/#sailytysaika"),
        ("planeetta-internet/2022-03-21/#sailytysaika", "en/planeetta-internet/2022-03-21/#sailytysaika"),
        (
            "en/planeetta-internet/compare/?from=2010-06-15&to=2022-03-21&view=side",
            "planeetta-internet/compare/?from=2010-06-15&to=2022-03-21&view=side",
        ),
        ("midare/checklist/#outdated", "en/midare/checklist/#outdated"),
        ("en/architecture/#a-plain-core-under-a-thin-mkdocs-adapter", "about/#developers"),  # no Finnish page: why
        ("en/about/#developers", "about/#developers"),  # a hand-written page's section of the same id in both
        ("en/no-such-page/", ""),
    ],
)
def test_the_language_switch_keeps_the_readers_place(page: Page, site_url: str, start: str, expected: str) -> None:
    _open(page, site_url + start)
    _switch(page)
    page.wait_for_url(re.compile(re.escape(site_url + expected.split("#")[0]) + r"(#.*)?$"))
    assert page.url == site_url + expected or ("#" not in expected and page.url.split("#")[0] == site_url + expected)
    if "#" in expected:
        target = page.locator("#" + expected.split("#")[1])
        target.wait_for()
        assert page.evaluate("scrollY") > 0 and 0 <= target.bounding_box()["y"] < 900  # at the section


def test_the_language_switch_follows_a_comparison_changed_on_the_page(page: Page, site_url: str) -> None:
    _open(page, site_url + "planeetta-internet/compare/?from=2018-06-07&to=2022-03-21")
    page.locator("button[data-view=side]").click()
    _switch(page)
    page.wait_for_url(site_url + "en/planeetta-internet/compare/?from=2018-06-07&to=2022-03-21&view=side")
    page.wait_for_selector("#sl-diff[data-ready] .sl-diff__columns:not(.sl-diff__column-heads)")


def test_the_404_page_speaks_the_language_of_its_address(page: Page, site_url: str) -> None:
    fi, en = "Sivua ei löytynyt", "Page not found"
    for prefix, lang, heading, other in (("", "fi", fi, en), ("en/", "en", en, fi)):
        response = page.goto(site_url + prefix + "ei-ole/2020-01-01/")
        assert response is not None and response.status == 404
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("h1").inner_text() == heading
        assert page.locator(f"section[lang={'en' if lang == 'fi' else 'fi'}] h2").inner_text() == other
        assert page.title().startswith(heading)
        assert page.evaluate(HEADER)["language_button"][2] == ("Valitse kieli" if lang == "fi" else "Select language")
        first = page.locator(".md-nav--primary .md-nav__link").first
        assert first.inner_text() == ("Tietosuojaselosteet" if lang == "fi" else "Privacy notices")


@pytest.mark.parametrize("lang", LANGS)
def test_without_scripts_a_lite_page_links_home_and_to_the_other_language(browser: Browser, site_url: str, lang: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + LANGS[lang] + PAGES["old version"])
    home = page.locator(".md-header a", has_text="Seloste")
    assert home.is_visible() and home.get_attribute("href") == ("../../" if lang == "fi" else "../../../en/")
    other = page.locator(".md-header a[hreflang]")
    assert other.is_visible() and other.inner_text() == ("English" if lang == "fi" else "Suomi")
    other.click()
    page.wait_for_url(site_url + LANGS["en" if lang == "fi" else "fi"] + PAGES["old version"])
    context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("lang", LANGS)
def test_a_versions_text_has_the_notice_pages_reading_width(browser: Browser, site_url: str, lang: str, width: str) -> None:
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    measure = (
        "[...document.querySelectorAll('.sl-notice__text > section .sl-section__body p')].slice(0, 3)"
        ".map(p => Math.round(p.getBoundingClientRect().width))"
    )
    widths = {}
    for kind in ("notice", "old version", "current version"):
        _open(page, site_url + LANGS[lang] + PAGES[kind])
        widths[kind] = page.evaluate(measure)
    assert widths["notice"][0] == widths["old version"][0] == widths["current version"][0] > 250
    context.close()


def test_long_text_keeps_a_readable_measure_on_a_wide_screen(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 2560, "height": 1200})
    page = context.new_page()
    for kind in ("notice", "old version", "history", "checklist", "comparison"):
        _open(page, site_url + PAGES[kind])
        widest = page.evaluate(
            "Math.max(...[...document.querySelectorAll('.md-content p')].map(p => p.getBoundingClientRect().width))"
            " / parseFloat(getComputedStyle(document.querySelector('.md-content .md-typeset')).fontSize)"
        )
        assert widest < 50, (kind, widest)  # in ems of the text: about 90 characters at most
    context.close()
