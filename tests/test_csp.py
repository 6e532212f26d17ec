"""The Content-Security-Policy: once on every page, first in its head; the site works under it."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from conftest import serve
from seloste.archive.loader import load_archive
from seloste.publish.csp import PolicyError, inline_script_hashes, policy, with_csp
from sitebuild import DATA, FROZEN, Build, build, fixture_project

PAGE = (
    '<!doctype html>\n<html lang="fi" class="no-js">\n<head>\n<meta charset="utf-8">\n<title>t</title>\n'
    '<script>var a = 1;</script><script type="application/json">{}</script>\n</head>\n</html>\n'
)


def page(head: str = "", body: str = "") -> str:
    """A page shaped as the templates write them (compacted: no indentation)."""
    start = '<!doctype html>\n<html lang="fi" class="no-js">\n<head>\n<meta charset="utf-8">\n'
    return f"{start}{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n"


def policies(soup: BeautifulSoup) -> tuple[list, object]:
    """Every Content-Security-Policy meta element of the page, wherever it is, and the first element of its head."""
    found = soup.find_all("meta", attrs={"http-equiv": re.compile(r"^\s*content-security-policy\s*$", re.I)})
    return found, soup.head.find(True) if soup.head else None


def test_a_title_that_names_the_policy_does_not_keep_the_page_from_getting_it() -> None:
    for title in (
        "Esimerkki Oy (Content-Security-Policy)",
        "Esimerkki Oy &lt;meta http-equiv=&quot;Content-Security-Policy&quot; content=&quot;script-src *&quot;&gt;",
    ):
        html = with_csp(page(f"<title>{title}</title>"), "esimerkki/history/index.html")
        (only,), first = policies(BeautifulSoup(html, "html.parser"))
        assert first is only
        assert only["content"].startswith("default-src 'none'; script-src 'self'; ")


def test_policy_allows_the_pages_own_inline_scripts_by_hash_and_nothing_else_inline() -> None:
    (only,) = inline_script_hashes(PAGE)  # the JSON data block is not a script a browser runs
    # printf 'var a = 1;' | openssl dgst -sha256 -binary | base64
    assert only == "'sha256-+dZ6udsWxNVoGfScAq7t5IIF5UJb4F6RhjbN6oe1p4w='"
    text = policy(PAGE)
    assert "default-src 'none'" in text and f"script-src 'self' {only};" in text
    assert "wasm" not in text and "eval" not in text
    assert "'unsafe-inline'" not in text and "style-src 'self';" in text


def test_a_page_gets_its_policy_once_and_only_at_the_start_of_its_head() -> None:
    once = with_csp(page("<title>t</title>"), "x/index.html")
    assert once.startswith('<!doctype html>\n<html lang="fi" class="no-js">\n<head><meta http-equiv="Content-Security-Policy"')
    with pytest.raises(PolicyError, match=r"^x/index\.html: the page already has a Content-Security-Policy"):
        with_csp(once, "x/index.html")
    for shape in (
        "<html><body>no head</body></html>",
        "<p>x</p>" + page(),
        "<!doctype html><html><!-- c --><head></head></html>",
    ):
        with pytest.raises(PolicyError, match=r"^x/index\.html: the page does not start with <!doctype html><html><head>"):
            with_csp(shape, "x/index.html")


def policy_problems(site: Build) -> list[str]:
    """Every page of the built site whose policy is missing, repeated or not first in its head (read with an HTML
    parser)."""
    problems = []
    for file in sorted(site.site.rglob("*.html")):
        found, first = policies(BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser"))
        if len(found) != 1 or first is not found[0]:
            problems.append(f"{file.relative_to(site.site)}: {len(found)} policies, the first element of head is {first}")
    return problems


@pytest.mark.build
def test_every_page_of_the_site_has_one_policy_first_in_its_head(frozen_site: Build) -> None:
    assert len(sorted(frozen_site.site.rglob("*.html"))) > 50
    assert policy_problems(frozen_site) == []


@pytest.mark.build
def test_every_page_of_the_live_archives_site_has_one_policy_first_in_its_head(real_site: Build) -> None:
    archive = load_archive(DATA)
    assert len(sorted(real_site.site.rglob("*.html"))) >= 2 * sum(len(o.versions) + 1 for o in archive.organisations)
    assert policy_problems(real_site) == []


NAMED = "Infocrea Oy (Content-Security-Policy)"


@pytest.fixture(scope="module")
def named_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The frozen archive's site with one organisation named after the policy, as a pull request could name it."""
    root = fixture_project(tmp_path_factory.mktemp("named") / "project")
    shutil.copytree(FROZEN, root / "data")
    organisation = root / "data" / "infocrea" / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    assert "\nname: Infocrea Oy\n" in text
    organisation.write_text(text.replace("\nname: Infocrea Oy\n", f"\nname: {NAMED}\n"), encoding="utf-8")
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.build
def test_an_organisation_named_after_the_policy_gets_it_on_every_page_of_its_own(named_site: Build) -> None:
    own = sorted(str(p.relative_to(named_site.site)) for p in named_site.site.glob("**/infocrea/**/index.html"))
    for kind in ("", "history/", "compare/", "checklist/", "2018-05-24/", "2018-06-25/"):
        for lang in ("", "en/"):
            assert f"{lang}infocrea/{kind}index.html" in own
            assert NAMED in named_site.soup(f"{lang}infocrea/{kind}").title.get_text(), f"{lang}infocrea/{kind}"
    assert policy_problems(named_site) == []


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
