"""The site works at a project subpath, as on GitHub Pages (https://<user>.github.io/<repo>/).

The site of the live archive (marked archive) and that of the frozen fixture archive are each
built for http://127.0.0.1:PORT/seloste/ and served only there; a crawler follows every
internal link, stylesheet, script, image, form target, feed (and the links inside the feeds),
comparison source and search resource of both languages. Nothing may be missing and nothing
may point outside the subpath, and every organisation's pages are reached.
"""

from __future__ import annotations

import functools
import re
import shutil
import socket
import threading
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser

from seloste.archive.loader import load_archive
from seloste.archive.model import Archive
from seloste.search.searchindex import shard
from sitebuild import DATA, FROZEN, PROJECT, build, fixture_project

pytestmark = pytest.mark.build

PREFIX = "/seloste/"


@dataclass
class Served:
    base: str
    archive: Archive
    frozen: bool


class _Subpath(SimpleHTTPRequestHandler):
    """Serves the site only under PREFIX, like a GitHub project site."""

    def translate_path(self, path: str) -> str:
        clean = urlsplit(path).path
        if not clean.startswith(PREFIX):
            return str(Path(self.directory) / "__outside_the_subpath__")
        return super().translate_path("/" + clean[len(PREFIX) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()  # like GitHub Pages: the site's 404 page, with status 404, at any missing address
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module", params=[pytest.param("live", marks=pytest.mark.archive), "frozen"])
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The site of the live or the frozen archive, built and served under PREFIX."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}{PREFIX}"
    root = tmp_path_factory.mktemp("subpath")
    if request.param == "live":
        project, archive = PROJECT, load_archive(DATA)
    else:
        project = fixture_project(root / "project")
        shutil.copytree(FROZEN, project / "data")
        archive = load_archive(FROZEN)
    site = root / "site"
    result = build(project, site, site_url=base)
    assert result.returncode == 0, result.stderr
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Subpath, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Served(base, archive, frozen=request.param == "frozen")
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def base_url(served: Served) -> str:
    return served.base


def _a_word_of(archive: Archive) -> str:
    """A word the first notice uses, whose lexicon file the search fetches."""
    return re.findall(r"[a-zåäö]{4,}", archive.organisations[0].current.version.sections[0].body.fi.lower())[0]


def _references(url: str, body: bytes, content_type: str, word: str) -> list[str]:
    if "xml" in content_type or url.endswith(".xml"):
        feed = ElementTree.fromstring(body)
        return [link.get("href", "") for link in feed.iter("{http://www.w3.org/2005/Atom}link")]
    soup = BeautifulSoup(body, "html.parser")
    found = [tag.get(attr) for tag, attr in (
        *((t, "href") for t in soup.find_all(["a", "link", "use"])),
        *((t, "src") for t in soup.find_all(["script", "img", "source", "iframe"])),
        *((t, "action") for t in soup.find_all("form")),
        *((t, "data-versions") for t in soup.select("[data-versions]")),  # the folder of the versions a comparison reads
        *((t, "data-labels") for t in soup.select("[data-labels]")),  # the comparison's labels
    )]  # fmt: skip
    refresh = soup.select_one("meta[http-equiv=refresh]")
    if refresh:
        found.append(refresh["content"].split("url=", 1)[1])
    search = soup.select_one("[data-sl-search]")
    if search:  # the search's resources: each language's index, as the search script finds its files
        base = urljoin(url, search["data-sl-search"])
        for lang in ("fi", "en"):
            found += [urljoin(base, f"search-index/{lang}/meta.json"), urljoin(base, f"search-index/{lang}/docs/0.json.gz")]
            found += [urljoin(base, f"search-index/{lang}/keys/0.json.gz"), urljoin(base, f"search-index/{lang}/pos/0.json.gz")]
        found.append(urljoin(base, f"search-index/fi/lex/{shard(word)}.json.gz"))
    return [ref for ref in found if ref and not ref.startswith(("mailto:", "tel:", "javascript:"))]


def _expected_paths(archive: Archive) -> set[str]:
    """What a crawl of any archive's site reaches: both languages' pages of every organisation and version."""
    expected = {"", "en/", "en/feed.xml", "search-index/fi/meta.json", "search-index/en/docs/0.json.gz", "en/architecture/"}
    for record in archive.organisations:
        for prefix in ("", "en/"):
            expected |= {f"{prefix}{record.slug}/", f"{prefix}{record.slug}/history/", f"{prefix}{record.slug}/checklist/"}
            expected |= {f"{prefix}{record.slug}/{v.id}/" for v in record.versions if v is not record.current}
    return expected


def test_every_internal_reference_resolves_under_the_subpath(served: Served) -> None:
    base_url, archive = served.base, served.archive
    word = "henkilötiedot" if served.frozen else _a_word_of(archive)
    origin = base_url.split(PREFIX)[0]
    queue = deque([base_url, base_url + "en/"])
    seen: set[str] = set()
    fragments: list[tuple[str, str, str]] = []
    pages: dict[str, BeautifulSoup] = {}
    broken: list[str] = []
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                body, kind = response.read(), response.headers.get_content_type()
        except urllib.error.HTTPError as err:
            broken.append(f"{url}: {err.code}")
            continue
        if kind == "text/html":
            pages[url] = BeautifulSoup(body, "html.parser")
        readable = ("text/html", "application/xml", "text/xml", "application/atom+xml", "application/json")
        if kind not in readable and not url.endswith(".xml"):
            continue
        if kind == "application/json":
            continue
        for ref in _references(url, body, kind, word):
            target, fragment = urldefrag(urljoin(url, ref))
            if not target.startswith(origin):
                continue  # an external site
            path = urlsplit(target).path
            if not path.startswith(PREFIX):
                broken.append(f"{url}: {ref} leaves the subpath")
                continue
            page = target.split("?")[0]
            if fragment:
                fragments.append((url, page, fragment))
            queue.append(page)
    for source, page, fragment in fragments:
        if page in pages and not pages[page].find(id=fragment):
            broken.append(f"{source}: #{fragment} not found on {page}")
    assert broken == []
    paths = {urlsplit(url).path.removeprefix(PREFIX) for url in seen}
    assert sorted(_expected_paths(archive) - paths) == []
    assert f"search-index/fi/lex/{shard(word)}.json.gz" in paths
    if not served.frozen:
        return
    # on the frozen archive: both languages, every kind of page, feeds, the comparison script and the search
    # resources were reached
    for expected in (
        "",
        "en/",
        "planeetta-internet/",
        "en/planeetta-internet/2018-06-07/",
        "en/planeetta-internet/2022-03-21/",
        "assets/seloste-icons.svg",
        "assets/seloste-chrome.en.js",
        "data/v2/planeetta-internet.json.gz",
        "planeetta-internet/history/",
        "en/planeetta-internet/compare/",
        "planeetta-internet/feed.xml",
        "en/feed.xml",
        "assets/seloste-compare.js",
        "search-index/fi/meta.json",
        "search-index/en/docs/0.json.gz",
        f"search-index/fi/lex/{shard('henkilötiedot')}.json.gz",
        "en/architecture/",
    ):
        assert expected in paths, expected
    assert len(seen) >= 90  # pages of both languages, feeds, assets (95 when written)


@pytest.mark.browser
def test_search_works_under_the_subpath(served: Served, browser: Browser) -> None:
    base_url = served.base
    page = browser.new_page()
    name = served.archive.organisations[0].organisation.name  # any archive's notices are found by their names
    queries = (("", "henkilötiedot"), ("en/", "cookies")) if served.frozen else (("", name), ("en/", name))
    for path, query in queries:
        page.goto(base_url + path)
        hits = page.evaluate("q => selosteSearch.find(q)", query)
        assert hits and all(hit["url"].startswith(PREFIX) for hit in hits)
        assert all(section.startswith(PREFIX) for hit in hits for section in hit["sections"])
        for hit in hits[:2]:
            with urllib.request.urlopen(urljoin(base_url, hit["url"]), timeout=10) as response:
                assert response.status == 200
    page.close()


def test_a_missing_address_gets_the_404_page_in_both_languages_with_working_links(base_url: str, browser: Browser) -> None:
    page = browser.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: response.status >= 400 and response.url != missing and failed.append(response.url))
    missing = base_url + "ei-ole/2020-01-01/"
    response = page.goto(missing)
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == "fi"
    assert page.locator("h1").inner_text() == "Sivua ei löytynyt"
    assert page.locator("section[lang=en] h2").inner_text() == "Page not found"
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert header == "rgb(64, 81, 181)"  # Material's indigo: the site's stylesheets apply
    assert failed == []  # its stylesheets and icon load from the absolute addresses
    page.get_by_role("link", name="To the front page in English").click()
    page.wait_for_url(base_url + "en/")
    page.go_back()
    page.get_by_role("link", name="Etusivulle").click()
    page.wait_for_url(base_url)
    page.close()
