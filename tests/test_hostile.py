"""No script from data: the payload corpus in every kind of text field, every page kind opened in Chromium.

The browser context bypasses the Content-Security-Policy, so what is tested here is that no
markup from the data survives: the policy (tests/test_csp.py) is a second, separate layer.
"""

from __future__ import annotations

import gzip
import json
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
import yaml
from playwright.sync_api import Browser

from conftest import serve
from datadir import ORGANISATION_LINE, VERSION_LINE
from payloads import BODY, MULTI_LINE, NOTICE_LINE, ONE_LINE, REFUSED, SINGLE_LINE, UNRENDERABLE
from seloste.markup.render import markdown_html
from sitebuild import Build, build, fixture_project

SLUG = "vihamielinen"
NAME = "Vihamielinen Oy " + ONE_LINE
BUSINESS_ID = '1234567-8"><img src=x onerror="window.__xss=1">'
"""A business ID as a notice states it (not a valid one: kept as written, and flagged on the pages)."""
BODY_EN = BODY.replace("Vihamielinen testi.", "Hostile test.")


def both(text: str) -> dict[str, str]:
    return {"fi": text, "en": text}


def quoted(fi: str = "Vihamielinen testi.", en: str = "Hostile test.") -> dict[str, str]:
    return {"fi": fi, "en": en}


def version(first: bool) -> dict:
    fact = {"quote": quoted(), "section": "yleista"}
    data: dict = {
        "recorded_date": "2024-02-01" if first else "2024-06-02",
        "source": {"url": "https://evil.test/lahde", "note": both(ONE_LINE)},
    }
    if first:
        # a reason is given in each language (the same text in both is refused): the payload in each
        data["corrections"] = [{"date": "2024-03-01", "reason": quoted(ONE_LINE, "In English: " + ONE_LINE)}]
    else:
        data["change"] = {"kind": "substantive", "summary": both(ONE_LINE)}
    data |= {
        "title": both(NOTICE_LINE + ("" if first else " v2")),
        "sections": [
            {"id": "yleista", "heading": both(NOTICE_LINE), "body": {"fi": BODY, "en": BODY_EN}},
            {"id": "lisaa", "heading": both("Lisää " + SINGLE_LINE[0]), "body": both(BODY if first else BODY + "\n\nUusi.")},
            {"id": "tunnus", "heading": both("Tunnus"), "body": both(f"Vihamielinen, Y-tunnus {BUSINESS_ID}")},
        ],
        "facts": {
            "sensitive_data": [{"category": "health", "condition": "not-stated", "laws": ["potilaslaki-785-1992"], **fact}],
            "identity_code": {"text": both(ONE_LINE), "ground": "not-stated", **fact},
            "children": [{"text": both(p), "age_limit": "13", "provisions": ["gdpr-article-8"], **fact} for p in SINGLE_LINE[:3]],
            "controller": {"name": "Vihamielinen", "business_id": BUSINESS_ID, "section": "tunnus"},
            # a role must stand in its section's text as a reader sees it, which a payload's markup never does
            "contact": {"role": quoted("testi", "test"), "section": "yleista"},
            "purposes": [{"purpose": both(ONE_LINE), "legal_basis": "consent", **fact}],
            "data_categories": [{"text": both(p), **fact} for p in SINGLE_LINE],
            "sources": [{"text": both(ONE_LINE), **fact}],
            "recipients": [{"name": both(ONE_LINE), "role": "processor", "country": "US", **fact}],
            "transfers": [{"destination": both(ONE_LINE), "country": "US", "mechanism": "privacy-shield", **fact}],
            "retention": [{"category": both(ONE_LINE), "period": both(SINGLE_LINE[1]), **fact}],
            "rights": [{"right": "access", **fact}],
            "complaint": {"text": both(ONE_LINE), **fact},
            "cookies": [{"tool": both(p), "purpose": "analytics", **fact} for p in SINGLE_LINE[:10]],
            "automated_decisions": {"text": both(ONE_LINE), **fact},
        },
    }
    return data


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True  # the archive refuses anchors: write shared values out


def dump(data: dict, line: str) -> str:
    """``data`` as a data file's YAML, after its editor ``line`` (ORGANISATION_LINE or VERSION_LINE)."""
    return line + yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100_000)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = fixture_project(tmp_path_factory.mktemp("hostile"))
    folder = root / "data" / SLUG
    folder.mkdir(parents=True)
    organisation = {"name": NAME, "address": {"street": ONE_LINE, "city": ONE_LINE}, "website": "https://evil.test/"}
    (folder / "organisation.yaml").write_text(dump(organisation, ORGANISATION_LINE), encoding="utf-8")
    (folder / "2024-01-10.yaml").write_text(dump(version(first=True), VERSION_LINE), encoding="utf-8")
    (folder / "2024-06-01.yaml").write_text(dump(version(first=False), VERSION_LINE), encoding="utf-8")
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def site_url(hostile_site: Build) -> Iterator[str]:
    with serve(hostile_site.site) as url:
        yield url


PAGES = [
    "",
    "facts/",
    f"{SLUG}/",
    f"{SLUG}/2024-01-10/",
    f"{SLUG}/history/",
    f"{SLUG}/compare/?from=2024-01-10&to=2024-06-01",
    f"{SLUG}/checklist/",
]
SHOWS_NAME = {"", "facts/", f"{SLUG}/", f"{SLUG}/history/", f"{SLUG}/checklist/", f"{SLUG}/2024-01-10/"}

INSPECT = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const value = attr.value.toLowerCase();
      if (attr.name.startsWith('on')) found.push(`${el.tagName} ${attr.name}`);
      if (['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'xlink:href', 'poster'].includes(attr.name)
          && /^\\s*(javascript|data|vbscript):/.test(value)) found.push(`${el.tagName} ${attr.name}=${value}`);
      if (attr.name === 'style' && /xss|evil/.test(value)) found.push(`${el.tagName} style`);
      if (['src', 'srcset', 'poster', 'data', 'action'].includes(attr.name) && value.includes('evil.test'))
        found.push(`${el.tagName} ${attr.name}=${value}`);
    }
    const tag = el.tagName.toLowerCase();
    if (['iframe', 'object', 'embed', 'base', 'video', 'audio', 'source', 'math', 'frame'].includes(tag))
      found.push(`element ${tag}`);  // the site itself uses none of these
    if (tag === 'form' && /evil/.test(el.getAttribute('action') || '')) found.push('form action');
    if ((tag === 'script' || tag === 'style') && /xss|evil/.test(el.textContent)
        && !(tag === 'script' && el.type === 'application/json')) found.push(`${tag} with payload`);
    if (tag === 'link' && /evil/.test(el.getAttribute('href') || '')) found.push('link from data');
    if (tag === 'meta' && /evil/.test(el.getAttribute('content') || '')) found.push('meta from data');
  }
  return found;
}"""


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"], ids=["fi", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_no_payload_runs_fetches_or_survives_as_markup(browser: Browser, site_url: str, path: str, prefix: str) -> None:
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    dialogs: list[str] = []
    outside: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: request.url.startswith(site_url) or outside.append(request.url))
    page.goto(site_url + prefix + path)
    page.wait_for_timeout(300)
    if "compare/" in path:
        page.wait_for_selector(".sl-diff ins, .sl-diff del")
    page.mouse.move(200, 300)
    page.keyboard.press("Tab")
    ran = page.evaluate("window.__xss ?? null")
    markup = page.evaluate(INSPECT)
    text = page.evaluate("document.body.innerText")
    context.close()
    assert (dialogs, outside, ran, markup) == ([], [], None, [])
    if path in SHOWS_NAME:
        assert "Vihamielinen Oy <script>window.__xss=1</script> ⁂ " in text  # shown as text, not run
        assert "{{ 7*7 }}" in text and "{% for x in range(3) %}silmukka{% endfor %}" in text  # not templated
    if path in (f"{SLUG}/", f"{SLUG}/checklist/"):
        assert BUSINESS_ID in text  # the flag of a business ID that is not valid names it, as text


@pytest.mark.browser
def test_search_results_show_payloads_as_text(browser: Browser, site_url: str) -> None:
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda request: request.url.startswith(site_url) or outside.append(request.url))
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type("vihamielinen")
    page.wait_for_selector(".sl-search__results > li")
    page.wait_for_timeout(300)
    result = page.locator(".sl-search__results").inner_text()
    ran, markup = page.evaluate("window.__xss ?? null"), page.evaluate(INSPECT)
    context.close()
    assert (outside, ran, markup) == ([], None, [])
    assert "Vihamielinen Oy <script>" in result


@pytest.mark.build
def test_feeds_and_open_data_carry_payloads_as_text(hostile_site: Build) -> None:
    for feed in ("feed.xml", f"{SLUG}/feed.xml", f"en/{SLUG}/feed.xml"):
        tree = ET.parse(hostile_site.site / feed)  # well-formed: every payload escaped
        titles = [e.text or "" for e in tree.iter("{http://www.w3.org/2005/Atom}title")]
        assert any("<script>window.__xss=1</script>" in title for title in titles), titles
        assert not list(tree.iter("script")) and not list(tree.iter("{http://www.w3.org/1999/xhtml}script"))
    data = json.loads(gzip.decompress((hostile_site.site / f"data/v2/{SLUG}.json.gz").read_bytes()))
    assert data["versions"]["2024-06-01"]["sections"][0]["body"]["fi"] == BODY  # open data keeps the text as written


def test_the_corpus_covers_every_kind_of_payload() -> None:
    everything = "\n".join(SINGLE_LINE + MULTI_LINE)
    for kind in ("<script", "onerror=", "javascript:", "data:", "<svg", "<style", "style=", "{{", "{%", "{:", "&#x3C;", "&lt;"):
        assert kind in everything, kind
    assert len(SINGLE_LINE) + len(MULTI_LINE) >= 30


def test_links_that_would_lose_their_address_are_refused_in_the_notice_and_neutralised_anyway(tmp_path) -> None:
    root = fixture_project(tmp_path / "project")
    folder = root / "data" / SLUG
    folder.mkdir(parents=True)
    (folder / "organisation.yaml").write_text(dump({"name": "Vihamielinen Oy"}, ORGANISATION_LINE), encoding="utf-8")
    data = version(first=True)
    data["title"] = both(REFUSED[0])
    data["sections"][0]["heading"] = both(REFUSED[2])
    data["sections"][0]["body"] = {"fi": "\n\n".join(REFUSED), "en": BODY_EN}
    (folder / "2024-01-10.yaml").write_text(dump(data, VERSION_LINE), encoding="utf-8")
    result = build(root, root / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for name in ("title.fi", "title.en", "sections[0].heading.fi", "sections[0].body.fi"):
        assert f"data/{SLUG}/2024-01-10.yaml:" in result.stderr and f": {name}: " in result.stderr, name
    assert result.stderr.count(": sections[0].body.fi: ") == len(REFUSED)
    for payload in REFUSED:  # the sanitiser, the layer behind the loader, drops them too
        html = markdown_html(payload)
        assert "<img" not in html and "javascript" not in html.lower() and "vbscript" not in html and "data:" not in html


def test_text_the_renderer_cannot_take_stops_the_build_at_its_place_before_any_rendering(tmp_path) -> None:
    root = fixture_project(tmp_path / "project")
    folder = root / "data" / SLUG
    folder.mkdir(parents=True)
    (folder / "organisation.yaml").write_text(dump({"name": "Vihamielinen Oy"}, ORGANISATION_LINE), encoding="utf-8")
    data = version(first=True)
    data["sections"] = [
        {"id": f"osio-{name}", "heading": both(name), "body": {"fi": body, "en": "Hostile test."}}
        for name, body in UNRENDERABLE.items()
    ]
    data["facts"]["controller"]["section"] = "osio-brackets"
    data["facts"] = {"controller": data["facts"]["controller"]}
    (folder / "2024-01-10.yaml").write_text(dump(data, VERSION_LINE), encoding="utf-8")
    started = time.perf_counter()
    result = build(root, root / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    for index, name in enumerate(UNRENDERABLE):
        assert f": sections[{index}].body.fi: " in result.stderr, name
    assert time.perf_counter() - started < 60
