"""Pages without their indentation render the same."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from conftest import serve
from seloste.archive.loader import load_archive
from seloste.publish.compact import compact_html
from sitebuild import DATA, Build


def test_indentation_and_blank_lines_go_and_a_line_break_stays_between_words() -> None:
    html = "<ul>\n    <li>one\n        two</li>\n\n\n    <li>three</li>  \n</ul>\n"
    assert compact_html(html) == "<ul>\n<li>one\ntwo</li>\n<li>three</li>\n</ul>\n"


def test_a_page_where_whitespace_shows_is_left_as_it_is() -> None:
    pages = (
        "<div>\n  <pre>a\n    b</pre>\n</div>",
        "<form>\n  <textarea>\n  x</textarea></form>",
        "<PRE class=x>\n  y</PRE>",
        "<p>a <code>x\n   y</code> b</p>\n  <p>c</p>",  # Material: code is white-space: pre-wrap
    )
    for html in pages:
        assert compact_html(html) == html


def test_spaces_that_are_text_stay_and_a_long_run_of_blanks_is_one_run() -> None:
    assert compact_html("<p>x\n\u2003\u2003y</p>\n  <p>a\n\u3000b</p>") == "<p>x\n\u2003\u2003y</p>\n<p>a\n\u3000b</p>"
    assert compact_html("<p>a" + " " * 100_000 + "b</p>\n\t <p>c\r\n  d</p>") == "<p>a" + " " * 100_000 + "b</p>\n<p>c\nd</p>"


def _not_compact(pages: list) -> list:
    return [page for page in pages if compact_html(page.read_text(encoding="utf-8")) != page.read_text(encoding="utf-8")]


@pytest.mark.build
def test_the_sites_pages_are_compact(frozen_site: Build) -> None:
    pages = sorted(frozen_site.site.rglob("*.html"))
    assert len(pages) > 80
    assert _not_compact(pages) == []


@pytest.mark.build
def test_the_live_archives_pages_are_compact(real_site: Build) -> None:
    archive = load_archive(DATA)
    pages = sorted(real_site.site.rglob("*.html"))
    assert len(pages) >= 2 * sum(len(o.versions) + 1 for o in archive.organisations)  # a notice and each version's page
    assert _not_compact(pages) == []


@pytest.fixture(scope="module")
def site_url(frozen_site: Build) -> Iterator[str]:
    with serve(frozen_site.site) as url:
        yield url


PAGES = ["", "planeetta-internet/", "planeetta-internet/history/", "midare/checklist/", "facts/", "infocrea/2018-05-24/"]


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"], ids=["fi", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_a_page_renders_the_same_text_however_its_lines_are_indented(
    browser: Browser, site_url: str, frozen_site: Build, path: str, prefix: str
) -> None:
    """What a reader sees does not depend on the whitespace compact_html takes away: the page as built, and the
    same page with every line break widened to blank lines and indentation, show the same text (innerText
    follows the stylesheets' white-space rules)."""
    html = (frozen_site.site / prefix / path / "index.html").read_text(encoding="utf-8")
    widened = html.replace("\n", "\n  \n\t    ")
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    shown = []
    url = site_url + prefix + path
    for body in (html, widened):
        page.route(url, lambda route, _request, body=body: route.fulfill(body=body, content_type="text/html"))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        shown.append(page.evaluate("document.body.innerText"))
        page.unroute(url)
    context.close()
    assert len(shown[0]) > 200 and shown[0] == shown[1]
