"""The Content-Security-Policy: on every page, and the site still works under it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from conftest import serve
from seloste.archive.loader import load_archive
from seloste.publish.csp import inline_script_hashes, policy, with_csp
from sitebuild import DATA, Build

PAGE = '<html><head><meta charset="utf-8"><script>var a = 1;</script><script type="application/json">{}</script></head></html>'


def test_policy_allows_the_pages_own_inline_scripts_by_hash_and_nothing_else_inline() -> None:
    (only,) = inline_script_hashes(PAGE)  # the JSON data block is not a script a browser runs
    # printf 'var a = 1;' | openssl dgst -sha256 -binary | base64
    assert only == "'sha256-+dZ6udsWxNVoGfScAq7t5IIF5UJb4F6RhjbN6oe1p4w='"
    text = policy(PAGE)
    assert "default-src 'none'" in text and f"script-src 'self' {only};" in text
    assert "wasm" not in text and "eval" not in text
    assert "'unsafe-inline'" not in text and "style-src 'self';" in text


def test_the_policy_is_the_first_thing_in_head_and_added_once() -> None:
    once = with_csp(PAGE)
    assert once.startswith('<html><head><meta http-equiv="Content-Security-Policy" content="default-src')
    assert with_csp(once) == once


def _without_policy(site: Build) -> list[str]:
    pages = sorted(site.site.rglob("*.html"))
    return [str(p.relative_to(site.site)) for p in pages if 'http-equiv="Content-Security-Policy"' not in p.read_text()]


@pytest.mark.build
def test_every_html_page_of_the_site_carries_the_policy(frozen_site: Build) -> None:
    assert len(sorted(frozen_site.site.rglob("*.html"))) > 50
    assert _without_policy(frozen_site) == []


@pytest.mark.build
def test_every_html_page_of_the_live_archives_site_carries_the_policy(real_site: Build) -> None:
    archive = load_archive(DATA)
    assert len(sorted(real_site.site.rglob("*.html"))) >= 2 * sum(len(o.versions) + 1 for o in archive.organisations)
    assert _without_policy(real_site) == []


@pytest.fixture(scope="module")
def site_url(frozen_site: Build) -> Iterator[str]:
    with serve(frozen_site.site) as url:
        yield url


@pytest.mark.browser
def test_search_comparison_and_filters_work_under_the_policy_and_injected_scripts_do_not_run(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    page.goto(site_url + "en/")
    page.keyboard.press("/")
    page.keyboard.type("cookies")
    page.wait_for_selector(".sl-search__results > li")
    page.goto(site_url + "infocrea/compare/?from=2018-05-24&to=2018-09-19")
    page.wait_for_selector(".sl-diff ins, .sl-diff del")
    page.goto(site_url + "facts/")
    page.wait_for_selector("#sl-filters:not([hidden])")
    assert page.evaluate("typeof __md_get") == "function"  # Material's own inline set-up ran
    assert violations == []
    ran = page.evaluate(
        """() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';
                   document.head.append(s);
                   const img = document.createElement('img'); img.setAttribute('onerror', 'window.__ran = 2'); img.src = 'x:';
                   document.body.append(img);
                   return new Promise(r => setTimeout(() => r(window.__ran ?? null), 300)); }"""
    )
    context.close()
    assert ran is None
