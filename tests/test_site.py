"""The live archive's site, built once: strict build, fidelity of every version, complete translations (what holds
for any valid archive); and, on the frozen fixture archive, how versions share their parts and when there is
nothing to compare."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from seloste.archive.capturetext import capture_sentences
from seloste.archive.fidelity import match_in_order
from seloste.archive.loader import load_archive
from seloste.markup.text import html_text, normalize
from seloste.publish.home import RECENT_CHANGES
from sitebuild import DATA, FROZEN, Build, resolve

pytestmark = pytest.mark.build

ARCHIVE = load_archive(DATA)
FROZEN_ARCHIVE = load_archive(FROZEN)
VERSIONS = [(o.slug, v.id) for o in ARCHIVE.organisations for v in o.versions]


def published_at(slug: str, version_id: str, lang: str = "fi") -> str:
    """Where a version's text is published: the notice page while current, else its own page."""
    prefix = "" if lang == "fi" else f"{lang}/"
    current = ARCHIVE.get(slug).current.id
    return f"{prefix}{slug}/" if version_id == current else f"{prefix}{slug}/{version_id}/"


_COMMON_WORD = re.compile(r"^[a-zåäö]{2,}[,.:;!?]?$")
"""An ordinary lowercase word: names, addresses, numbers and e-mails are the same in both languages."""


def _notice_text(page: BeautifulSoup) -> str:
    title = page.select_one("article.sl-notice h1")
    body = page.select_one(".sl-notice__text")
    assert title is not None and body is not None
    return html_text(str(title)) + " " + html_text(str(body))


def test_strict_build_passes_without_warnings(real_site: Build) -> None:
    assert "WARNING" not in real_site.stderr


@pytest.mark.parametrize(("slug", "version_id"), VERSIONS)
def test_every_sentence_of_the_original_is_published_in_order(real_site: Build, slug: str, version_id: str) -> None:
    record = ARCHIVE.get(slug).version(version_id)
    pages = record.pages[record.version.published_in[0]]  # the Finnish page shows it, or its own Finnish
    noise = record.version.source.capture_noise
    sentences = [s for page, text in enumerate(pages) for s in capture_sentences(text, noise, page)]
    assert sentences  # a capture may not be empty
    page_text = _notice_text(real_site.soup(published_at(slug, version_id)))
    assert [s.text for s in match_in_order(sentences, page_text)[0]] == []


@pytest.mark.parametrize("slug", [o.slug for o in ARCHIVE.organisations])
def test_current_versions_permanent_address_is_its_page_with_the_notice_page_as_canonical(real_site: Build, slug: str) -> None:
    current = ARCHIVE.get(slug).current.id
    for prefix in ("", "en/"):
        path = f"{prefix}{slug}/{current}/"
        page = real_site.soup(path)
        assert resolve(path, page.select_one("link[rel=canonical]")["href"]) == f"{prefix}{slug}/"
        notice = real_site.soup(f"{prefix}{slug}/").select_one("article.sl-notice")
        assert notice["data-version"] == page.select_one("article.sl-notice")["data-version"] == current
        assert _notice_text(page) == _notice_text(real_site.soup(f"{prefix}{slug}/"))


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["fi", "en"])
def test_the_home_pages_recent_changes_are_the_newest_versions_each_with_a_working_link(real_site: Build, prefix: str) -> None:
    rows = real_site.soup(prefix).select(".sl-recent tbody tr")
    versions = sorted(((v.date, o.slug, v.id) for o in ARCHIVE.organisations for v in o.versions), reverse=True)
    assert len(rows) == min(RECENT_CHANGES, len(versions))
    dates = [row.select_one("time")["datetime"] for row in rows]
    assert dates == sorted(dates, reverse=True) and dates == [v[0].isoformat() for v in versions[: len(rows)]]
    for row in rows:
        slug = resolve(prefix, row.select_one("th a")["href"]).removeprefix(prefix).strip("/")
        record = ARCHIVE.get(slug)
        ids = [v.id for v in record.versions]
        target = resolve(prefix, row.select_one(".sl-recent__what a")["href"])
        path, _, query = target.partition("?")
        assert (real_site.site / path / "index.html").is_file(), target
        if query:  # the comparison of this version with the one before it
            old, new = (part.split("=")[1] for part in query.split("&"))
            assert path == f"{prefix}{slug}/compare/" and ids.index(new) == ids.index(old) + 1
            assert row.select_one("time")["datetime"] == new
        else:  # the organisation's first version
            assert row.select_one("time")["datetime"] == ids[0]
            assert path == (f"{prefix}{slug}/" if len(ids) == 1 else f"{prefix}{slug}/{ids[0]}/")


def _common_words(text: str) -> int:
    return sum(bool(_COMMON_WORD.match(word)) for word in text.split())


def _sentences(text: str) -> list[str]:
    """The sentences that say something in a language (three or more ordinary words)."""
    return [s for s in re.split(r"(?<=[.!?:])\s+", normalize(text)) if _common_words(s) >= 3]


@pytest.mark.parametrize(("slug", "version_id"), VERSIONS)
def test_every_english_section_is_translated(real_site: Build, slug: str, version_id: str) -> None:
    fi = real_site.soup(published_at(slug, version_id))
    en = real_site.soup(published_at(slug, version_id, "en"))
    fi_sections = {s["data-section"]: s for s in fi.select(".sl-notice__text section")}
    en_sections = {s["data-section"]: s for s in en.select(".sl-notice__text section")}
    assert fi_sections and list(en_sections) == list(fi_sections)
    version = ARCHIVE.get(slug).version(version_id).version
    if version.reading("fi")[0] == version.reading("en")[0]:  # no translation either way: both pages show the original
        assert fi.select_one(".sl-notice__text").get_text() == en.select_one(".sl-notice__text").get_text()
        return
    assert fi.select_one("article h1").get_text() != en.select_one("article h1").get_text()
    if version.reading("en")[1] == "own":  # the organisation's own English: its words and paragraphs are its own
        return
    for section_id, fi_section in fi_sections.items():
        en_text = html_text(str(en_sections[section_id]))
        assert en_text, section_id
        fi_heading, en_heading = fi_section.find("h2"), en_sections[section_id].find("h2")
        if fi_heading is not None:
            assert en_heading is not None, section_id
            if _common_words(fi_heading.get_text()):  # a heading that is only a name ("Google") stays as it is
                assert en_heading.get_text() != fi_heading.get_text(), section_id
        left_in_finnish = [s for s in _sentences(html_text(str(fi_section))) if s in en_text]
        assert left_in_finnish == [], section_id
        # same structure: as many paragraphs and list items
        for tag in ("p", "li", "h3"):
            assert len(en_sections[section_id].find_all(tag)) == len(fi_section.find_all(tag)), (section_id, tag)


def test_every_page_has_the_right_html_lang(real_site: Build) -> None:
    pages = sorted(Path(real_site.site).rglob("index.html"))
    assert len(pages) >= 2 * (1 + 1 + len(ARCHIVE.organisations) + len(VERSIONS))
    for page in pages:
        relative = page.relative_to(real_site.site).as_posix()
        if relative.startswith("search/"):
            continue
        lang = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").html["lang"]
        assert lang == ("en" if relative.startswith("en/") else "fi"), relative


def test_a_notice_with_one_version_offers_nothing_to_compare(frozen_site: Build) -> None:
    for prefix, note in (("", "vain yksi versio"), ("en/", "only one version")):
        history = frozen_site.soup(f"{prefix}midare/history/")
        assert note in history.select_one(".sl-note").get_text()
        assert not history.select("input[type=radio]") and not history.select("button[type=submit]")
        compare = frozen_site.soup(f"{prefix}midare/compare/")
        assert note in compare.select_one(".sl-note").get_text()
        assert compare.select_one("#sl-compare-form") is None
        several = frozen_site.soup(f"{prefix}planeetta-internet/history/")
        assert several.select_one(".sl-note") is None and len(several.select("input[type=radio]")) == 8


@pytest.mark.parametrize("slug", [o.slug for o in ARCHIVE.organisations])
def test_every_history_offers_its_versions_to_compare_or_says_there_is_one(real_site: Build, slug: str) -> None:
    versions = ARCHIVE.get(slug).versions
    for prefix, note in (("", "vain yksi versio"), ("en/", "only one version")):
        history = real_site.soup(f"{prefix}{slug}/history/")
        radios = history.select("input[type=radio]")
        if len(versions) == 1:
            assert note in history.select_one(".sl-note").get_text() and not radios
        else:  # a "from" and a "to" choice per version
            assert history.select_one(".sl-note") is None and len(radios) == 2 * len(versions)
            assert sorted({r["value"] for r in radios}) == [v.id for v in versions]
