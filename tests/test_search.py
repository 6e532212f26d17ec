"""Search that understands Finnish: the issue's query list against the built index.

Expected hits come from an oracle independent of the engine: a pattern matching the forms of
each word, applied to the text of every section of every current notice. The search must
find every organisation and every titled section whose text uses a form of the word
(recall), and only organisations that do (precision). These run on the frozen fixture archive
(frozen_site), whose texts they were written against; on the live archive (real_site, marked
archive) every current notice must be found by its name and the count of results must be right.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page

from conftest import serve
from search_queries import ENGLISH, FINNISH, PRECISION
from seloste.archive.loader import load_archive
from seloste.markup.text import html_text
from seloste.search.language import tokens
from sitebuild import DATA, FROZEN, ROOT, Build

pytestmark = [pytest.mark.browser, pytest.mark.build]

FROZEN_ARCHIVE = load_archive(FROZEN)
ARCHIVE = load_archive(DATA)


def _sections(site: Build, lang: str) -> dict[str, tuple[str, dict[str, str]]]:
    """slug -> (organisation name, {section anchor or '': text})."""
    prefix = "" if lang == "fi" else "en/"
    result = {}
    for record in FROZEN_ARCHIVE.organisations:
        page = site.soup(f"{prefix}{record.slug}/")
        texts = {}
        for section in page.select(".sl-notice__text section"):
            heading = section.find("h2")
            texts[heading["id"] if heading else ""] = html_text(str(section)).lower()
        title = page.select_one("article h1")
        texts[""] = texts.get("", "") + " " + html_text(str(title)).lower()
        result[record.slug] = (record.organisation.name, texts)
    return result


@pytest.fixture(scope="module")
def site_url(frozen_site: Build) -> Iterator[str]:
    with serve(frozen_site.site) as url:
        yield url


def _find(page: Page, url: str, query: str) -> dict[str, set[str]]:
    """organisation name -> anchors of the sections found, through the site's own search script."""
    if page.url != url:
        page.goto(url)
    found = page.evaluate("q => selosteSearch.find(q)", query)
    return {hit["title"]: {urlsplit(s).fragment for s in hit["sections"]} for hit in found}


@pytest.mark.parametrize(
    ("lang", "query", "pattern"), [("fi", q, p) for q, p in FINNISH.items()] + [("en", q, p) for q, p in ENGLISH.items()]
)
def test_query_finds_every_section_using_the_word(
    frozen_site: Build, site_url: str, page: Page, lang: str, query: str, pattern: str
) -> None:
    sections = _sections(frozen_site, lang)
    oracle = re.compile(pattern)
    expected = {
        name: {anchor for anchor, text in texts.items() if anchor and oracle.search(text)}
        for name, texts in sections.values()
        if any(oracle.search(text) for text in texts.values())
    }
    found = _find(page, site_url + ("" if lang == "fi" else "en/"), query)
    assert set(expected) <= set(found), f"missing {set(expected) - set(found)}"
    loose = re.compile(PRECISION.get(query, pattern))
    allowed = {name for name, texts in sections.values() if any(loose.search(text) for text in texts.values())}
    assert set(found) <= allowed, f"found without the word: {set(found) - allowed}"
    for name, anchors in expected.items():
        assert anchors <= found[name], (name, anchors - found[name])


def test_one_language_at_a_time(site_url: str, page: Page) -> None:
    # an English word on the Finnish site and a Finnish one on the English site find nothing
    assert _find(page, site_url, "retention") == {}
    assert _find(page, site_url + "en/", "evästeet") == {}
    assert _find(page, site_url + "en/", "retention") != {}


def test_several_words_must_all_match_and_a_phrase_is_exact(frozen_site: Build, site_url: str, page: Page) -> None:
    both = _find(page, site_url, "henkilötietojen säilytysaika")
    assert set(both) and set(both) <= set(_find(page, site_url, "säilytysaika")) & set(_find(page, site_url, "henkilötiedot"))
    with_phrase = {
        name for name, texts in _sections(frozen_site, "fi").values() if any("oikeus tarkastaa" in t for t in texts.values())
    }
    assert set(_find(page, site_url, '"oikeus tarkastaa"')) == with_phrase == {"Infocrea Oy", "Midare Oy", "Mikromafia Oy"}
    assert len(_find(page, site_url, "oikeus tarkastaa")) >= len(with_phrase)


def test_only_current_notices_are_indexed(site_url: str, page: Page) -> None:
    page.goto(site_url)
    urls = page.evaluate(
        """async () => { const all = []; for (const q of ['tietosuojaseloste', 'rekisteri', 'Heidi']) {
             for (const hit of await selosteSearch.find(q)) all.push(hit.url); } return all; }"""
    )
    assert urls and all(re.fullmatch(r"/[a-z0-9-]+/", url) for url in urls), urls
    assert _find(page, site_url, "Heidi") == {}  # only the 2021 version names Heidi Eronen


def test_search_box_in_each_language(frozen_site: Build, site_url: str, browser: Browser) -> None:
    for path, query, button, expected in (
        ("planeetta-internet/", "tietosuojavaltuutetulle", "Hae selosteista", "Mikroni Digital"),
        ("en/micro-magic/", "retention", "Search the notices", "Micro Magic Oy"),
    ):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(site_url + path)
        header = page.locator(".md-header")
        before = header.bounding_box()
        page.keyboard.press("/")
        assert page.locator("#sl-search").is_visible()
        page.keyboard.type(query)
        result = page.locator(".sl-search__result", has_text=expected).first
        result.wait_for()
        assert result.locator("mark").count() >= 1
        link = result.locator(".sl-search__section").first
        href = link.get_attribute("href")
        assert href and "#" in href
        link.click()
        page.wait_for_url(f"**{urlsplit(href).path}#{urlsplit(href).fragment}")
        assert page.locator(f"h2#{urlsplit(href).fragment}").is_visible()
        assert header.bounding_box() == before  # no layout jump
        page.get_by_role("button", name=button).click()
        assert page.locator("#sl-search").is_visible()
        page.keyboard.press("Escape")
        assert not page.locator("#sl-search").is_visible()
        context.close()
    del frozen_site


def test_search_at_phone_width(site_url: str, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_url)
    page.get_by_role("button", name="Hae selosteista").click()
    page.keyboard.type("evästeet")
    page.locator(".sl-search__result").first.wait_for()
    box = page.locator("#sl-search").bounding_box()
    assert box and box["width"] <= 360 and page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def test_results_show_only_text(frozen_site: Build) -> None:
    script = (frozen_site.site / "assets/seloste-search.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    page = BeautifulSoup((frozen_site.site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("button[data-sl-search]") is not None
    assert page.select_one("#sl-search") is None  # the dialog is made when search is first opened


def test_a_form_the_notices_do_not_use_is_found_by_its_stem(site_url: str, page: Page) -> None:
    page.goto(site_url)
    keys = page.evaluate("w => selosteSearch.keys(w)", "evästeillemme")  # no notice says "evästeillemme"
    assert {"~eväst", "eväste"} <= {key for key, _ in keys}  # what evästeet, evästeitä... are searched by
    assert page.evaluate("w => selosteSearch.keys(w)", "evästeet") != keys  # a form of the notices: its own keys
    assert page.evaluate("w => selosteSearch.keys(w)", "evästexyz") == []  # a stem, but "xyz" is no ending
    english = site_url + "en/"
    assert set(_find(page, english, "cookie")) == set(_find(page, english, "cookies")) != set()  # cooki + e
    assert _find(page, english, "cooking") == {}  # cooki + ng is no English ending
    assert set(_find(page, site_url, "evästeillemme")) == set(_find(page, site_url, "evästeet")) != set()
    assert _find(page, site_url, "qwxyzzy") == {}


@pytest.mark.parametrize(
    ("typed", "spelled"),
    [
        ("henkilotiedot", "henkilötiedot"),
        ("evasteet", "evästeet"),
        ("sailytysaika", "säilytysaika"),
        ("rekisterinpitaja", "rekisterinpitäjä"),
    ],
)
def test_a_keyboard_without_ä_and_ö_finds_what_the_spelled_word_finds(
    site_url: str, page: Page, typed: str, spelled: str
) -> None:
    found = _find(page, site_url, typed)
    assert found and found == _find(page, site_url, spelled)


@pytest.mark.parametrize(
    ("path", "typed", "spelled"),
    [("", "tietosuojaselote", "tietosuojaseloste"), ("", "henkilötiedto", "henkilötiedot"), ("en/", "cokies", "cookies")],
)
def test_one_slip_of_the_finger_finds_what_the_spelled_word_finds(
    site_url: str, page: Page, path: str, typed: str, spelled: str
) -> None:
    found = _find(page, site_url + path, typed)
    assert found and set(found) == set(_find(page, site_url + path, spelled))


def test_a_word_under_six_letters_is_not_taken_for_another(site_url: str, page: Page) -> None:
    assert _find(page, site_url, "teito") == {}  # tieto, two letters swapped: too short to guess
    assert _find(page, site_url, "tietto") != {}


def test_what_only_a_slip_finds_comes_after_what_the_word_finds(site_url: str, page: Page) -> None:
    page.goto(site_url)
    hits = page.evaluate("q => selosteSearch.search(q)", "sopimusvelvoitteiden")
    found = page.evaluate("q => selosteSearch.find(q)", "sopimusvelvoitteiden")
    # Planeetta Internet writes sopimusvelvoitteidemme; Mikroni Digital's notice has sopimusvelvotteiden
    assert [hit["title"] for hit in found] == ["Planeetta Internet Oy", "Mikroni Digital"]
    assert [hit["near"] for hit in hits] == [0, 1]


def test_a_compound_no_notice_uses_finds_the_notices_holding_its_parts(
    frozen_site: Build, site_url: str, browser: Browser
) -> None:
    """hoitotiedot (treatment data): no notice uses it in any form, nor a word one slip from it. It finds the notices
    holding a form of hoito and one of tieto, and the results say it was searched by its parts."""
    sections = _sections(frozen_site, "fi")

    def holding(pattern: str) -> set[str]:
        return {name for name, texts in sections.values() if any(re.search(pattern, text) for text in texts.values())}

    assert not holding(r"hoitotie[dt]o")
    expected = holding(r"hoi[dt]o") & holding(r"tie[dt]o")
    page = browser.new_page()
    page.goto(site_url)
    found = page.evaluate("q => selosteSearch.find(q)", "hoitotiedot")
    assert expected and {hit["title"] for hit in found} == expected
    assert [hit["parts"] for hit in found] == [1] * len(found)
    for whole in ("henkilötiedot", "tietosuojaselote"):  # a word found whole, or one slip from a word, is not split
        assert {hit["parts"] for hit in page.evaluate("q => selosteSearch.find(q)", whole)} == {0}
    ui = page.evaluate("selosteSearch.ready().then(meta => meta.ui)")
    count = ui["result"] if len(found) == 1 else ui["results"].replace("{count}", str(len(found)))
    said = ui["parts"].replace("{word}", "hoitotiedot").replace("{parts}", "hoito + tiedot")
    page.keyboard.press("/")
    page.keyboard.type("hoitotiedot")
    page.wait_for_function("t => document.getElementById('sl-search-status').textContent === t", arg=f"{count}. {said}")
    page.wait_for_function(
        "n => document.querySelectorAll('#sl-search-results > .sl-search__result').length === n", arg=len(found)
    )
    marked = {mark.lower() for mark in page.locator("#sl-search-results mark").all_inner_texts()}
    assert any(re.match(r"hoi[dt]o", word) for word in marked) and any(re.search(r"tie[dt]o", word) for word in marked)
    page.close()


def _marks(page: Page, url: str, query: str) -> list[str]:
    """The words marked in the results the search dialog shows for ``query``, lower-cased."""
    page.goto(url)
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.locator(".sl-search__result").first.wait_for()
    page.wait_for_timeout(200)
    return [mark.lower() for mark in page.locator("#sl-search-results mark").all_inner_texts()]


@pytest.mark.parametrize(("path", "common", "query"), [("", "ja", "oikeus ja poistaminen"), ("en/", "of", "right of access")])
def test_common_words_neither_flood_the_results_nor_fill_the_excerpts(
    site_url: str, browser: Browser, path: str, common: str, query: str
) -> None:
    page = browser.new_page()
    page.goto(site_url + path)
    alone = page.evaluate("q => selosteSearch.search(q)", common)
    assert alone == []  # every notice uses it
    without = " ".join(word for word in query.split() if word != common)
    assert _find(page, site_url + path, query) == _find(page, site_url + path, without) != {}
    marks = _marks(page, site_url + path, query)
    assert marks and common not in marks
    page.locator("#sl-search-input").fill(common)
    ui = page.evaluate("selosteSearch.ready().then(meta => meta.ui)")
    page.wait_for_function(
        "t => document.getElementById('sl-search-status').textContent === t", arg=ui["common"].replace("{query}", common)
    )
    assert page.locator(".sl-search__result").count() == 0
    page.close()


@pytest.mark.parametrize(("word", "unrelated"), [("kuu", {"kuin", "kuusi"}), ("tie", {"evästeitä"}), ("maa", {"voimaan"})])
def test_a_short_word_is_not_found_inside_unrelated_words(
    frozen_site: Build, site_url: str, page: Page, word: str, unrelated: set[str]
) -> None:
    texts = " ".join(text for _, texts in _sections(frozen_site, "fi").values() for text in texts.values())
    assert all(re.search(rf"\b{other}\b", texts) for other in unrelated)  # the notices use them
    page.goto(site_url)
    found = page.evaluate("q => selosteSearch.prepare(q).then(found => Array.from(found.marks))", word)
    assert found and not set(found) & unrelated  # kuu finds kuukautta, tie Mannerheimintie, maa maiden


def test_a_name_is_not_found_by_what_another_name_begins_with(site_url: str, page: Page) -> None:
    assert set(_find(page, site_url, "Mikroni")) == {"Mikroni Digital"}  # not Mikromafia Oy: Mikroni is no 'my micro'
    assert {"Mikroni Digital", "Mikromafia Oy"} <= set(_find(page, site_url, "Mikro"))


def test_a_hyphenated_query_is_one_word(site_url: str, browser: Browser) -> None:
    page = browser.new_page()
    marks = _marks(page, site_url, "IP-osoite")
    assert marks and all(mark.startswith("ip-osoit") for mark in marks)  # not sähköpostiosoite, not IP alone
    assert set(_find(page, site_url, "IP-osoite")) < set(_find(page, site_url, "osoite"))
    page.close()


def _best_passage(tokens: list[str], forms: list[set[str]], length: int = 24) -> int:
    """The most query words any passage of ``length`` words of a text holds (counted as the search script counts)."""
    holds = [{i for i, word in enumerate(forms) if token in word} for token in tokens]
    return max((len(set().union(*holds[max(0, i - 6) : max(0, i - 6) + length])) for i, h in enumerate(holds) if h), default=0)


@pytest.mark.parametrize(("path", "query"), [("en/", "right to object"), ("", "oikeus vastustaa"), ("en/", "cookies analytics")])
def test_an_excerpt_shows_the_passage_that_holds_the_most_query_words(
    frozen_site: Build, site_url: str, browser: Browser, path: str, query: str
) -> None:
    lang = "en" if path else "fi"
    texts = {}
    for file in (frozen_site.site / "search-index" / lang / "docs").glob("*.json.gz"):
        doc = json.loads(gzip.decompress(file.read_bytes()))
        texts.update({(doc["u"], anchor): text for anchor, _, text in doc["s"]})
    page = browser.new_page()
    page.goto(site_url + path)
    forms = [set(f) for f in page.evaluate("q => selosteSearch.prepare(q).then(f => f.terms.map(t => Array.from(t)))", query)]
    _marks(page, site_url + path, query)
    shown = page.evaluate(
        """() => Array.from(document.querySelectorAll('#sl-search-results li li')).map(li => ({
             href: li.querySelector('a').getAttribute('href'),
             marks: Array.from(li.querySelectorAll('.sl-search__excerpt mark'), m => m.textContent.toLowerCase())}))"""
    )
    checked = 0
    for item in shown:
        url = urlsplit(item["href"])
        text = texts.get((url.path.removeprefix("/"), url.fragment))
        if not text or not item["marks"]:
            continue
        expected = _best_passage(tokens(text), forms)
        assert len({i for mark in item["marks"] for i, word in enumerate(forms) if mark in word}) == expected, item
        checked += expected > 1
    assert checked  # some excerpt shows more than one of the query's words
    page.close()


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, {"width": 360, "height": 740}], ids=["desktop", "phone"])
def test_enter_searches_at_once_and_keeps_the_dialog_open(site_url: str, browser: Browser, viewport: dict[str, int]) -> None:
    phone = viewport["width"] < 400
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.goto(site_url)
    page.get_by_role("button", name="Hae selosteista").click()
    field = page.locator("#sl-search-input")
    assert field.get_attribute("enterkeyhint") == "search"  # a phone keyboard shows its search key
    field.fill("evästeet")
    field.press("Enter")  # what that key sends
    page.locator(".sl-search__result").first.wait_for()
    page.wait_for_timeout(300)
    assert page.locator("#sl-search").is_visible()
    page.get_by_role("button", name="Sulje haku").click()
    assert not page.locator("#sl-search").is_visible()
    context.close()


@pytest.mark.parametrize("start", ["s", "säil", "rekisterinp"])
def test_the_start_of_a_word_finds_the_words_it_begins(site_url: str, browser: Browser, start: str) -> None:
    page = browser.new_page()
    marks = _marks(page, site_url, start)  # typed, never completed
    assert marks and all(mark.startswith(start) for mark in marks)
    assert not page.locator("#sl-search-status").inner_text().startswith("Ei osumia")
    page.keyboard.type(" ")  # a finished word is searched as it is: nothing begins with it alone
    page.wait_for_timeout(400)
    page.close()


@pytest.mark.parametrize(("path", "query", "other"), [("en/", "evästeet", "/"), ("", "retention", "/en/")])
def test_a_query_in_the_other_language_offers_that_languages_results(
    site_url: str, browser: Browser, path: str, query: str, other: str
) -> None:
    page = browser.new_page()
    page.goto(site_url + path)
    ui = page.evaluate("selosteSearch.ready().then(meta => meta.ui)")
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.wait_for_function(
        "t => document.getElementById('sl-search-status').textContent === t", arg=ui["none"].replace("{query}", query)
    )
    offer = page.locator(".sl-search__elsewhere button")
    offer.wait_for()
    count = int(re.findall(r"\d+", offer.inner_text())[-1])
    assert count > 0
    offer.click()
    page.wait_for_function(
        "n => document.querySelectorAll('#sl-search-results > .sl-search__result').length === n", arg=min(count, 10)
    )
    links = page.locator(".sl-search__org").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert links and all(link.startswith(other) and (other == "/en/" or not link.startswith("/en/")) for link in links)
    assert page.locator("#sl-search-results").get_attribute("lang") == ("fi" if other == "/" else "en")
    page.close()


def test_missing_index_files_cause_no_errors(site_url: str, browser: Browser) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("response", lambda response: errors.append(response.url) if response.status >= 400 else None)
    for path, queries in (
        ("", ["q", "qq", "ÿÿ", "qwxyzzyq", "xq-zz", '"qq ww"', "ööö", "retention"]),
        ("en/", ["zz", "evästeet", "ÿÿÿÿÿÿ"]),
    ):
        page.goto(site_url + path)
        page.keyboard.press("/")
        for query in queries:
            page.locator("#sl-search-input").fill(query)
            page.locator("#sl-search-input").press("Enter")
            page.wait_for_timeout(300)
            page.evaluate("q => selosteSearch.find(q)", query)
    assert errors == []
    page.close()


def test_a_phrase_marks_its_words_only_where_they_form_it(site_url: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type('"oikeus tarkastaa"')
    page.locator(".sl-search__result").first.wait_for()
    page.wait_for_timeout(300)
    marks = page.locator("#sl-search-results mark").all_inner_texts()
    assert marks and [m.lower() for m in marks] == ["oikeus", "tarkastaa"] * (len(marks) // 2)
    page.close()


def test_an_organisation_is_found_by_its_name_first(site_url: str, page: Page) -> None:
    page.goto(site_url)
    found = page.evaluate("q => selosteSearch.find(q)", "Mikroni")
    assert found and found[0]["title"] == "Mikroni Digital"  # before notices that only share its stem (mikro)


def test_typographic_quotes_make_a_phrase_too(site_url: str, page: Page) -> None:
    straight = _find(page, site_url, '"oikeus tarkastaa"')
    assert _find(page, site_url, "”oikeus tarkastaa”") == _find(page, site_url, "«oikeus tarkastaa»") == straight
    assert len(_find(page, site_url, "oikeus tarkastaa")) > len(straight)


def test_index_files_are_asked_for_by_build_and_only_those_that_exist(site_url: str, browser: Browser) -> None:
    page = browser.new_page()
    requests: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: requests.append(request.url) if "/search-index/" in request.url else None)
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page.goto(site_url)
    build = page.evaluate("selosteSearch.ready().then(meta => meta.build)")
    for query in ("qqqq", "qqqq rekisteri", "henkilötiedot", "ÿÿ"):
        page.evaluate("q => selosteSearch.find(q)", query)
    files = [url for url in requests if not url.endswith("/meta.json")]
    assert files and all(url.endswith("?v=" + build) for url in files)
    assert [url for url in files if "/lex/71-71." in url] == []  # no notice word starts with "qq": nothing to fetch
    assert failed == []
    page.close()


def test_a_failed_index_file_says_so_and_the_next_try_works(site_url: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(site_url)
    page.route("**/search-index/fi/docs/**", lambda route: route.fulfill(status=503, body="unavailable"))
    failed = page.evaluate("selosteSearch.ready().then(meta => meta.ui.failed)")
    page.keyboard.press("/")
    page.keyboard.type("evästeet")
    page.wait_for_function("t => document.getElementById('sl-search-status').textContent === t", arg=failed)
    page.unroute("**/search-index/fi/docs/**")
    page.keyboard.type(" ")
    page.keyboard.press("Backspace")
    page.locator(".sl-search__result").first.wait_for()
    page.close()


def test_search_that_cannot_read_its_index_says_so_and_the_next_opening_works(site_url: str, browser: Browser) -> None:
    page = browser.new_page()
    page.route("**/search-index/fi/meta.json", lambda route: route.fulfill(status=503, body="unavailable"))
    page.goto(site_url)
    page.keyboard.press("/")
    page.wait_for_function("document.getElementById('sl-search-status').textContent === 'Haku ei ole käytettävissä.'")
    page.unroute("**/search-index/fi/meta.json")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Hae selosteista").click()
    page.keyboard.type("evästeet")
    page.locator(".sl-search__result").first.wait_for()
    assert page.locator("#sl-search-input").get_attribute("placeholder") == "Hae, esim. evästeet tai säilytysaika"
    page.close()


def test_more_results_come_ten_at_a_time_once_per_click(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from synthetic import generate

    from sitebuild import build, fixture_project

    project = fixture_project(tmp_path_factory.mktemp("many") / "project")
    generate(project, 13, 1)  # more notices than one page of results
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        page = browser.new_page()
        page.goto(url)
        page.keyboard.press("/")
        page.keyboard.type("henkilötiedot")  # every synthetic notice uses it
        results = page.locator("#sl-search-results > .sl-search__result")
        page.wait_for_function("() => document.querySelectorAll('#sl-search-results > .sl-search__result').length === 10")
        more = page.locator(".sl-search__more button")
        # two clicks on the button before the page changes (a double click's second click landed on a result link
        # where the button had gone, on a busy machine, and left the page)
        more.evaluate("button => { button.click(); button.click(); }")
        page.wait_for_function("() => !document.querySelector('.sl-search__more')")
        page.wait_for_timeout(300)
        assert results.count() == 13
        names = results.locator(".sl-search__org").all_inner_texts()
        assert len(set(names)) == 13
        page.close()


COVER_QUERIES = [
    "evästeet henkilötiedot",
    "evästeet oikeus",
    "evästeet markkinointi",
    "evästeet asiakas",
    "oikeus säilytys luovutus",
    "suostumus markkinointi",
    "google analytiikka tietoturva",
]


def test_the_sections_shown_hold_every_query_word_a_notice_has(site_url: str, page: Page) -> None:
    """A result shows three sections: together they hold every query word its notice holds, not the same
    word three times over."""
    page.goto(site_url)
    shown = 3  # MAX_SECTIONS in seloste-search.js
    checked = 0
    for query in COVER_QUERIES:
        for hit in page.evaluate("q => selosteSearch.find(q)", query):
            held = {test for tests in hit["has"] for test in tests}
            first = {test for tests in hit["has"][:shown] for test in tests}
            assert first == held, (query, hit["title"], hit["has"])
            checked += len(hit["has"]) > shown
    assert checked >= 10  # results where the choice mattered: more sections than are shown


def test_the_count_of_results_is_singular_for_one(site_url: str, page: Page) -> None:
    for path, one, several in (("", "Salla", "henkilötietojen"), ("en/", "Salla", "personal data")):
        page.goto(site_url + path)
        page.keyboard.press("/")
        status = page.locator("#sl-search-status")
        expected = {"": ("1 organisaatio", "organisaatiota"), "en/": ("1 organisation", "organisations")}[path]
        page.keyboard.type(one)
        page.wait_for_function("t => document.getElementById('sl-search-status').textContent === t", arg=expected[0])
        page.locator("#sl-search input").fill(several)
        page.wait_for_function(
            "t => /^[2-9][0-9]* /.test(document.getElementById('sl-search-status').textContent)", arg=expected[1]
        )
        assert status.inner_text().endswith(expected[1])


# --- on the live archive: what holds for any valid archive ------------------------------------


@pytest.fixture(scope="module")
def live_url(real_site: Build) -> Iterator[str]:
    with serve(real_site.site) as url:
        yield url


@pytest.mark.archive
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_every_current_notice_is_found_by_its_name(live_url: str, page: Page, lang: str) -> None:
    prefix = "" if lang == "fi" else "en/"
    page.goto(live_url + prefix)
    for record in ARCHIVE.organisations:
        hits = page.evaluate("q => selosteSearch.find(q)", record.organisation.name)
        urls = {hit["url"]: hit["title"] for hit in hits}
        assert urls.get(f"/{prefix}{record.slug}/") == record.organisation.name, (record.slug, list(urls))


@pytest.mark.archive
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_count_of_results_is_the_number_of_organisations_found(live_url: str, page: Page, lang: str) -> None:
    """The query of the archive's list that finds the most notices: its count in words, ten results shown at a time."""
    prefix = "" if lang == "fi" else "en/"
    page.goto(live_url + prefix)
    queries = FINNISH if lang == "fi" else ENGLISH
    counts = {query: len(page.evaluate("q => selosteSearch.find(q)", query)) for query in queries}
    query = max(counts, key=lambda q: (counts[q], q))
    count = counts[query]
    ui = page.evaluate("selosteSearch.ready().then(meta => meta.ui)")
    expected = ui["none"].replace("{query}", query) if count == 0 else ui["result"] if count == 1 else ui["results"]
    expected = expected.replace("{count}", str(count))
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.wait_for_function("t => document.getElementById('sl-search-status').textContent === t", arg=expected)
    page.wait_for_function(
        "n => document.querySelectorAll('#sl-search-results > .sl-search__result').length === n", arg=min(count, 10)
    )
    assert (page.locator(".sl-search__more button").count() == 1) is (count > 10)
