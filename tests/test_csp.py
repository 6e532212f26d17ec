"""The Content-Security-Policy: once on every page, first in its head; only known inline scripts; the site works."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from conftest import serve
from datadir import copy_valid
from seloste.archive.loader import load_archive
from seloste.publish.csp import KNOWN_SCRIPTS, PolicyError, inline_script_hashes, policy, with_csp
from sitebuild import DATA, FROZEN, Build, build, fixture_project

MATERIAL = Path(importlib.util.find_spec("material").submodule_search_locations[0]) / "templates"  # type: ignore[index, union-attr]
SCOPE = (MATERIAL / "partials/javascripts/base.html").read_text(encoding="utf-8")
SCOPE_SCRIPT = re.search(r"<script>(.*)</script>", SCOPE).group(1)  # type: ignore[union-attr]
"""Material's storage scope set-up as its template writes it, with its Jinja expression for the site's root."""
TARGET_SCRIPT = "var target=document.getElementById(location.hash.slice(1));" + (
    'target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))'
)
TARGET_HASH = "'sha256-/8wPdzX9q0NNJXyA5lzsLojXFpkeaXVxhbfkUOQaWy8='"
"""printf '%s' "$TARGET_SCRIPT" | openssl dgst -sha256 -binary | base64"""


def scope_script(base_url: str) -> str:
    return SCOPE_SCRIPT.replace("{{ config.extra.scope | d(base_url) }}", base_url)


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


def test_only_the_known_inline_scripts_are_allowed_each_by_its_hash() -> None:
    html = page(
        f"<script>{scope_script('../..')}</script>",
        '<script type="application/json" id="__config">{"base": "../.."}</script>'
        '<script src="../../assets/javascripts/bundle.js"></script>'
        f"<script>{TARGET_SCRIPT}</script><script>{TARGET_SCRIPT}</script>",
    )
    scope = hashlib.sha256(scope_script("../..").encode()).digest()
    assert inline_script_hashes(html, "en/x/index.html") == [f"'sha256-{base64.b64encode(scope).decode()}'", TARGET_HASH]
    text = policy(inline_script_hashes(html, "en/x/index.html"))
    assert f"script-src 'self' 'sha256-{base64.b64encode(scope).decode()}' {TARGET_HASH};" in text
    assert "default-src 'none'" in text and "style-src 'self';" in text and "base-uri 'none'" in text
    assert "'unsafe-" not in text  # no 'unsafe-hashes' or 'unsafe-inline': no event handler attribute ever runs
    assert "eval" not in text and "wasm" not in text and "*" not in text


def test_materials_scope_script_is_known_with_any_way_to_the_root_and_nothing_else_in_its_place() -> None:
    for base_url in (".", "..", "../..", "../../../..", "/", "/seloste/", "/a-b_c.d~e%20/f/"):
        assert inline_script_hashes(page(f"<script>{scope_script(base_url)}</script>"), "x/index.html"), base_url
    for base_url in (
        "",
        "../x",
        "...",
        "./..",
        "/seloste",
        "//evil.test/",
        "https://evil.test/",
        '/",location),alert(1),new URL("/',
        "/\\u0022/",
        "/a b/",
    ):
        with pytest.raises(PolicyError, match="an inline script that the Content-Security-Policy does not allow"):
            inline_script_hashes(page(f"<script>{scope_script(base_url)}</script>"), "x/index.html")


def test_every_allowed_script_is_materials_own_script_as_its_installed_templates_write_it() -> None:
    """The allow-list follows the pinned Material: a script of theirs that changes fails here, not in a reader's browser."""
    content = (MATERIAL / "partials/javascripts/content.html").read_text(encoding="utf-8")
    scripts = re.findall(r"^\s*<script>(.*)</script>$", content, re.M)
    assert [s for s in scripts if _is_known(s)] == [scripts[-1]]  # the first script, for linked tabs, is not allowed
    # the palette's script is not needed inline (assets/seloste-palette.js does its work): not allowed either
    palette = (MATERIAL / "partials/javascripts/palette.html").read_text(encoding="utf-8")
    assert not [s for s in re.findall(r"^\s*<script>(.*)</script>$", palette, re.M) if _is_known(s)]
    assert _is_known(scope_script("..")) and _is_known(TARGET_SCRIPT)
    assert len(KNOWN_SCRIPTS) == 2


def _is_known(script: str) -> bool:
    try:
        return bool(inline_script_hashes(page(f"<script>{script}</script>"), "x"))
    except PolicyError:
        return False


def test_an_unknown_inline_script_stops_with_the_page_and_the_start_of_the_script() -> None:
    long = "window.__ran = 1; " * 20
    for tag, shown in (
        ("<script>", "<script>"),
        ('<script type="module">', '<script type="module">'),
        ("<SCRIPT type=text/javascript >", "<script type=text/javascript>"),
        ('<script type="text/x-other">', '<script type="text/x-other">'),
    ):
        html = page(f"<script>{TARGET_SCRIPT}</script>", f"{tag}{long}</script>")
        with pytest.raises(PolicyError) as raised:
            with_csp(html, "en/esimerkki/index.html")
        assert str(raised.value) == (
            "en/esimerkki/index.html: an inline script that the Content-Security-Policy does not allow (the allowed ones "
            f"are KNOWN_SCRIPTS in hooks/seloste/publish/csp.py): {shown}{long[:160]}…"
        )
    near_miss = page(f"<script>{TARGET_SCRIPT};window.__ran=1</script>")
    with pytest.raises(PolicyError, match=r"^x/index.html: .*<script>var target="):
        with_csp(near_miss, "x/index.html")


def test_a_script_tag_the_check_cannot_read_stops_too() -> None:
    for body in ("<script>window.__ran = 1;", '<script data-x="1>window.__ran = 1;</script>', "<script defer/></script>"):
        with pytest.raises(PolicyError, match="a <script> tag that could not be read"):
            with_csp(page(body=body), "x/index.html")


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
    """Every page of the built site whose policy is missing, repeated, not first in its head, or that has an inline
    script that is not on the allow-list or whose hash its policy does not list (read with an HTML parser, not with
    the expressions of csp.py)."""
    problems = []
    for file in sorted(site.site.rglob("*.html")):
        path = str(file.relative_to(site.site))
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        found, first = policies(soup)
        if len(found) != 1 or first is not found[0]:
            problems.append(f"{path}: {len(found)} policies, the first element of head is {first}")
            continue
        allowed = set(re.search(r"script-src ([^;]*)", found[0]["content"]).group(1).split())  # type: ignore[union-attr]
        inline = [
            s.string or "" for s in soup.find_all("script") if not s.has_attr("src") and s.get("type") != "application/json"
        ]
        unknown = [s[:60] for s in inline if not any(known.fullmatch(s) for known in KNOWN_SCRIPTS.values())]
        hashes = {f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in inline}
        if unknown or allowed != {"'self'", *hashes}:
            problems.append(f"{path}: unknown inline scripts {unknown}, script-src {sorted(allowed)}")
    return problems


@pytest.mark.build
def test_every_page_of_the_site_has_one_policy_first_in_its_head_and_only_known_inline_scripts(frozen_site: Build) -> None:
    pages = sorted(frozen_site.site.rglob("*.html"))
    assert len(pages) > 50
    assert policy_problems(frozen_site) == []
    for home in ("index.html", "en/index.html"):  # a Material page: its inline set-up is there, allowed
        scripts = (frozen_site.site / home).read_text(encoding="utf-8")
        assert "__md_scope=new URL(" in scripts and "assets/seloste-palette.js" in scripts, home  # the palette: a file


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


@pytest.mark.build
def test_a_material_feature_with_an_inline_script_not_on_the_allow_list_stops_the_build(tmp_path: Path) -> None:
    root = fixture_project(tmp_path / "project")
    copy_valid(root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    - toc.follow\n" in text
    config.write_text(text.replace("    - toc.follow\n", "    - toc.follow\n    - content.tabs.link\n"), encoding="utf-8")
    result = build(root, root / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(
        r"ERROR +- +[\w/]*\.html: an inline script that the Content-Security-Policy does not allow \(the allowed ones "
        r'are KNOWN_SCRIPTS in hooks/seloste/publish/csp.py\): <script>var tabs=__md_get\("__tabs"\);if\(Array',
        result.stderr,
    ), result.stderr


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
