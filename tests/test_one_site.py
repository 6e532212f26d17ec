"""One site: every page kind, Material's and the lite ones, in both languages and at a desktop's and a phone's
width, on the site of the frozen fixture archive (served as GitHub Pages serves it, its 404 page included)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

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
    "not found": "no-such-page/",
}
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module")
def site_url(frozen_site: Build) -> Iterator[str]:
    with serve(frozen_site.site) as url:
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


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["fi", "en"])
@pytest.mark.parametrize("kind", PAGES)
def test_no_page_asks_for_a_sitemap(page: Page, site_url: str, kind: str, prefix: str) -> None:
    asked: list[str] = []
    page.on("request", lambda request: "sitemap" in request.url and asked.append(request.url))
    _open(page, site_url + prefix + PAGES[kind])
    assert asked == []
