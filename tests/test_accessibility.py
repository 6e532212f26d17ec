"""Accessibility: axe-core in Chromium on every page kind of both languages, and the keyboard alone (on the site of
the frozen fixture archive, whose pages the paths name).

axe-core (npm, locked in package-lock.json) is injected into each page; the browser context
bypasses the site's Content-Security-Policy for that injection only. Serious and critical
violations fail; the WCAG 2.1 A/AA rules and axe's best practices run.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import pytest
from playwright.sync_api import Browser, Page

from conftest import serve
from sitebuild import ROOT, Build

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules/axe-core/axe.min.js"
PAGES = {
    "home": "",
    "notice": "planeetta-internet/",
    "old version": "planeetta-internet/2018-06-07/",
    "current version": "planeetta-internet/2022-03-21/",
    "history": "planeetta-internet/history/",
    "diff": "planeetta-internet/compare/?from=2018-06-07&to=2022-03-21",
    "checklist": "midare/checklist/",
    "comparison": "facts/",
    "comparison, filtered to nothing": "facts/?name=zzz&dpo=1",
    "open data": "open-data/",
    "about": "about/",
    "not found": "no-such-page/",
}


@pytest.fixture(scope="module")
def site_url(frozen_site: Build) -> Iterator[str]:
    with serve(frozen_site.site, "/seloste/") as url:  # where the site's 404 page expects it (site_url)
        yield url


def axe(page: Page) -> list[str]:
    assert AXE.is_file(), "axe-core is missing: run npm ci (make test does)"
    page.add_script_tag(path=str(AXE))
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
    results = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags)
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["fi", "en"])
@pytest.mark.parametrize("kind", PAGES)
def test_no_serious_or_critical_violation(page: Page, site_url: str, kind: str, prefix: str) -> None:
    page.goto(site_url + prefix + PAGES[kind])
    if kind == "diff":
        page.wait_for_selector(".sl-diff ins, .sl-diff del")
    if kind.startswith("comparison"):
        page.wait_for_selector("#sl-filters:not([hidden])")
    assert axe(page) == []


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["fi", "en"])
def test_search_dialog_with_results_has_no_serious_violation(page: Page, site_url: str, prefix: str) -> None:
    page.goto(site_url + prefix)
    page.keyboard.press("/")
    page.keyboard.type("evästeet" if not prefix else "cookies")
    page.wait_for_selector(".sl-search__results > li")
    assert axe(page) == []


def _tab_until(page: Page, test: str, limit: int = 200) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(test):
            return True
    return False


def test_every_function_is_reachable_by_keyboard(page: Page, site_url: str) -> None:
    # the notice: the at-a-glance links and the checklist, by Tab alone
    page.goto(site_url + "en/midare/")
    assert _tab_until(page, "document.activeElement.matches('.sl-glance a')")
    assert _tab_until(page, "document.activeElement.matches('a.sl-glance__checklist')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/midare/checklist/")
    # the history: pick two versions with the keyboard and compare them
    page.goto(site_url + "en/planeetta-internet/history/")
    assert _tab_until(page, "document.activeElement.matches('input[name=from]')")
    page.keyboard.press("ArrowDown")  # radio groups move with the arrow keys
    assert _tab_until(page, "document.activeElement.matches('button[type=submit]')")
    page.keyboard.press("Enter")
    page.wait_for_selector(".sl-diff ins, .sl-diff del")
    assert "compare/" in page.url
    # the comparison page's filters
    page.goto(site_url + "en/facts/")
    assert _tab_until(page, "document.activeElement.matches('input[name=retention]')")
    page.keyboard.press("Space")
    assert page.locator("tr.sl-facts-row[hidden]").count() > 0
    # search: the shortcut opens it, Escape closes it and gives focus back
    page.goto(site_url + "en/")
    page.keyboard.press("/")
    page.keyboard.type("cookies")
    page.wait_for_selector(".sl-search__results > li")
    assert _tab_until(page, "document.activeElement.closest('.sl-search__results') !== null", limit=10)
    page.keyboard.press("Escape")
    assert page.evaluate("!document.querySelector('dialog.sl-search').open")


def test_focus_is_visible_on_the_sites_own_controls(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/facts/")
    assert _tab_until(page, "document.activeElement.matches('input[name=retention]')")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["fi", "en"])
@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_comparison_has_no_serious_violation_at_either_width_in_either_scheme(
    browser: Browser, site_url: str, prefix: str, width: int, scheme: Literal["light", "dark"]
) -> None:
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    for query in ("?from=2010-06-15&to=2018-06-07", "?from=2010-06-15&to=2018-06-07&view=side", "?from=2099-01-01"):
        page.goto(site_url + prefix + "planeetta-internet/compare/" + query)
        page.wait_for_selector("#sl-diff[data-ready], #sl-diff .sl-diff__error")
        page.locator("details").evaluate_all("all => all.forEach(d => (d.open = true))")  # check what opens, too
        page.keyboard.press("j")  # and a change in focus
        assert axe(page) == [], query
    context.close()
