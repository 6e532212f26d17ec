"""Each distinct text rendered once on every core before the build's stages (publish/prerender.py): the HTML handed
back is what the pages would render, and with it no page, lite page or search index renders a text again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from seloste.archive.loader import load_archive
from seloste.markup import render, rendercache
from seloste.publish import timing
from seloste.publish.frame import Style
from seloste.publish.lite import LiteRenderer, organisation_lite_pages, shared_files
from seloste.publish.pages import notice_view
from seloste.publish.prerender import STAGE, distinct_texts, prerender
from seloste.search.searchindex import documents
from sitebuild import FROZEN, ROOT


@pytest.fixture
def fresh() -> Iterator[None]:
    """No text rendered in this process, before and after the test."""

    def clear() -> None:
        render._given.clear()
        render.markdown_html.cache_clear()
        rendercache.markdown_html.cache_clear()

    clear()
    yield
    clear()


def test_every_text_is_rendered_in_the_workers_as_this_process_renders_it(fresh: None) -> None:
    archive = load_archive(FROZEN)
    texts = distinct_texts(archive)
    assert len(texts) == len(set(texts))
    assert prerender(archive, 2) == len(texts)
    given = {text: render.given(text) for text in texts}
    render._given.clear()
    assert given == {text: rendercache.markdown_html(text) for text in texts}


def test_one_process_renders_nothing_ahead(fresh: None) -> None:
    archive = load_archive(FROZEN)
    assert prerender(archive, 1) == 0
    assert render._given == {}


def test_after_it_no_page_renders_a_text_again(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = load_archive(FROZEN)
    prerender(archive, 2)
    rendered: list[str] = []
    monkeypatch.setattr(render, "cmark_html", lambda text: rendered.append(text) or "")
    lite = LiteRenderer(ROOT / "overrides", Style(stylesheets=("assets/seloste.css",)))
    for lang in ("fi", "en"):
        shared = shared_files(lang, lite)
        for record in archive.organisations:
            notice_view(record, lang, None)
            assert list(organisation_lite_pages(record, lang, lite, shared))
        assert documents(archive, lang)
    assert rendered == []  # every text the pages show was among those rendered ahead


def test_the_texts_are_rendered_in_other_processes(fresh: None) -> None:
    prerender(load_archive(FROZEN), 2)
    found = timing.totals()
    assert found["processes"][STAGE] == 2 and not found["in_main"][STAGE]  # type: ignore[index]
