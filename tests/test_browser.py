"""The real site in headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from conftest import serve
from sitebuild import Build

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(real_site: Build) -> Iterator[str]:
    with serve(real_site.site) as url:
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
    assert page.locator("#sailytysaika h2").is_visible()


def test_notice_fits_a_phone_screen_and_lists_its_contents(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in ("mikroni-digital/", "en/planeetta-internet/2010-06-15/", "en/"):
        page.goto(site_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (path, overflow)
    page.goto(site_url + "mikroni-digital/")
    assert page.locator(".sl-toc").is_visible()  # the sidebar outline is hidden at this width
    context.close()
