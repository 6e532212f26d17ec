"""Search finds the forms readers type, not only the forms the notices use (tests/search_forms.py).

Every form of the list is searched through the site's own search script in Chromium, on the frozen
fixture archive; recall is counted over the whole list: of the (form, organisation) pairs where the
organisation's notice uses a form of the word, the share found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

import search_forms
from conftest import serve
from search_forms import Word
from seloste.archive.loader import load_archive
from seloste.markup.text import html_text
from sitebuild import FROZEN, Build

pytestmark = [pytest.mark.browser, pytest.mark.build]

RECALL = 0.95


def notice_texts(site: Build, lang: str) -> dict[str, str]:
    """Organisation name -> the lower-cased text of its current notice page (title and sections)."""
    prefix = "" if lang == "fi" else "en/"
    texts = {}
    for record in load_archive(FROZEN).organisations:
        page = site.soup(f"{prefix}{record.slug}/")
        parts = [html_text(str(node)) for node in page.select("article h1, .sl-notice__text section")]
        texts[record.organisation.name] = " ".join(parts).lower()
    return texts


def used(form: str, text: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(form.lower()) + r"(?![\w-])", text) is not None


@pytest.fixture(scope="module")
def site_url(frozen_site: Build) -> Iterator[str]:
    with serve(frozen_site.site) as url:
        yield url


def measure(page: Page, url: str, words: tuple[Word, ...], texts: dict[str, str]) -> dict[str, object]:
    """Recall and precision of every form of ``words`` searched on ``url``."""
    page.goto(url)
    queries = [form for word in words for form in word.forms]
    found = page.evaluate(
        """async qs => { const all = {};
             for (const q of qs) all[q] = (await selosteSearch.find(q)).map(h => h.title);
             return all; }""",
        queries,
    )
    expected_pairs = found_pairs = wrong = 0
    missed: dict[str, list[str]] = {}
    extra: dict[str, list[str]] = {}
    for word in words:
        expected = {name for name, text in texts.items() if re.search(word.pattern, text)}
        allowed = {name for name, text in texts.items() if re.search(word.loose, text)}
        for form in word.forms:
            got = set(found[form])
            expected_pairs += len(expected)
            found_pairs += len(expected & got)
            wrong += len(got - allowed)
            if expected - got:
                missed[form] = sorted(expected - got)
            if got - allowed:
                extra[form] = sorted(got - allowed)
    return {
        "recall": found_pairs / expected_pairs,
        "nothing": sorted(form for form in queries if not found[form]),
        "missed": missed,
        "extra": extra,
        "wrong": wrong,
    }


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_list_holds_forms_no_notice_uses_of_words_they_use(frozen_site: Build, lang: str) -> None:
    texts = notice_texts(frozen_site, lang)
    words = search_forms.FINNISH if lang == "fi" else search_forms.ENGLISH
    for word in words:
        assert any(re.search(word.pattern, text) for text in texts.values()), word.lemma
        assert [form for form in word.forms if any(used(form, text) for text in texts.values())] == [], word.lemma
    assert len({form for word in search_forms.FINNISH + search_forms.ENGLISH for form in word.forms}) >= 100


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_forms_no_notice_uses_find_the_notices_using_the_word(frozen_site: Build, site_url: str, page: Page, lang: str) -> None:
    texts = notice_texts(frozen_site, lang)
    words = search_forms.FINNISH if lang == "fi" else search_forms.ENGLISH
    result = measure(page, site_url + ("" if lang == "fi" else "en/"), words, texts)
    print(lang, result)
    assert result["nothing"] == []
    assert result["recall"] >= RECALL, result["missed"]
    assert result["extra"] == {}
