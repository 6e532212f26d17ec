"""The comparison of an organisation's own Swedish texts, beside the comparison of its Finnish (and of the English):
a page of its own (``x/compare/sv/``) for an organisation with at least two versions published in Finnish and
Swedish, offering only those versions, reading each one's Swedish page; linked from the history, from the other
comparison, from the notice's pages and from the Swedish pages. That the browser's comparison of those texts gives
the Python core's result, and marks them Swedish: tests/test_compare_js.py."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from datadir import FIXTURES
from seloste.archive.loader import load_archive
from seloste.compare.diff import diff_json, diff_versions
from seloste.compare.lineage import section_lineages
from seloste.labels import labels
from seloste.publish.comparisons import compared_texts, own_compare_url
from seloste.publish.frame import Style
from seloste.publish.liteviews import Links, LitePlan, compare_page, organisation_pages
from sitebuild import Build, build, fixture_project, resolve

STYLE = Style(stylesheets=())
SLUG = "kaksikielinen"
"""tests/fixtures/ruotsi/kaksikielinen: 2024-01-10 and 2024-09-16 published in Finnish and Swedish, 2024-05-02 in
Finnish only."""


@pytest.fixture(scope="module")
def record():
    return load_archive(FIXTURES / "ruotsi", root=FIXTURES).get(SLUG)


def test_an_organisation_with_two_swedish_texts_has_their_comparison(record) -> None:
    assert compared_texts(record) == ("sv",)
    plans = [p for p in organisation_pages(record, "en") if p.kind == "compare"]
    assert [(p.url, p.text_lang) for p in plans] == [(f"en/{SLUG}/compare/", None), (f"en/{SLUG}/compare/sv/", "sv")]
    one = load_archive(FIXTURES / "languages", root=FIXTURES).get("suomi-ruotsi")  # one version in Swedish: nothing
    assert compared_texts(one) == () and not [p for p in organisation_pages(one, "fi") if p.text_lang and p.kind == "compare"]


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_swedish_comparison_offers_only_the_versions_with_a_swedish_text(record, lang: str) -> None:
    prefix = "" if lang == "fi" else "en/"
    plan = LitePlan(url=f"{prefix}{SLUG}/compare/sv/", lang=lang, kind="compare", slug=SLUG, text_lang="sv")
    page = compare_page(record, plan, STYLE, Links(), None)
    assert [o.id for o in page.options] == ["2024-09-16", "2024-01-10"]
    assert [o.url for o in page.options] == [f"{prefix}{SLUG}/2024-09-16/sv/", f"{prefix}{SLUG}/2024-01-10/sv/"]
    assert (page.default_from, page.default_to, page.text_lang) == ("2024-01-10", "2024-09-16", "sv")
    assert page.main_url == f"{prefix}{SLUG}/compare/" and page.own_comparisons == ()
    main = compare_page(
        record, LitePlan(url=f"{prefix}{SLUG}/compare/", lang=lang, kind="compare", slug=SLUG), STYLE, Links(), None
    )
    assert len(main.options) == 3 and main.text_lang is None
    assert [c.url for c in main.own_comparisons] == [f"{prefix}{SLUG}/compare/sv/"]
    # each says whose texts it compares: the Swedish, the organisation's own; the main one, what the pages show
    assert page.intro == labels(lang)["compare_own_intro"]["sv"]
    assert (
        main.intro
        == {
            "fi": "Tässä verrataan organisaation omia suomenkielisiä tekstejä.",
            "en": "This compares the archive's English translations; the organisation's own texts prevail.",
        }[lang]
    )


@pytest.mark.parametrize(
    ("slugs", "lang", "whose"),
    [
        (("english-only", "english-only"), "fi", "original"),
        (("english-only", "english-only"), "en", "own"),
        (("english-suomennettu", "english-suomennettu"), "fi", "translation"),
        (("english-only", "english-suomennettu"), "fi", "mixed"),  # untranslated, then translated
        (("english-only", "english-suomennettu"), "en", "own"),
        (("english-only", "omat-kielet"), "fi", "mixed_own"),  # English untranslated, then the organisation's Finnish
        (("english-only",), "fi", None),  # one version: nothing compared
    ],
)
def test_the_comparison_says_whose_texts_it_compares(slugs: tuple[str, ...], lang: str, whose: str | None) -> None:
    archive = load_archive(FIXTURES / "languages", root=FIXTURES)
    one = archive.get(slugs[0])
    record = dataclasses.replace(one, versions=tuple(archive.get(slug).current for slug in slugs))
    plan = LitePlan(url=f"{slugs[0]}/compare/", lang=lang, kind="compare", slug=slugs[0])
    page = compare_page(record, plan, STYLE, Links(), None)
    assert page.intro == (labels(lang)["compare_whose"][whose] if whose else None)


def test_python_compares_the_swedish_texts_alone(record) -> None:
    old, _, new = record.versions
    diff = diff_json(diff_versions(old, new, "fi", section_lineages(record.versions), text_lang="sv"))
    assert diff["title"] == [["equal", "Kaksikielinen Ab:s dataskyddsbeskrivning"]]
    assert diff["facts"] == []
    changed = [s for s in diff["sections"] if s["status"] != "unchanged"]
    assert [s["new_heading"] for s in changed] == ["Lagring"]
    assert "tre" in str(changed[0]["blocks"]) and "fem" in str(changed[0]["blocks"])
    assert own_compare_url(record, old, record.versions[1], "fi", "sv") is None  # the middle one has no Swedish


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = fixture_project(tmp_path_factory.mktemp("ruotsi"))
    shutil.copytree(FIXTURES / "ruotsi", root / "data")
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return result


def _hrefs(site: Build, path: str, selector: str = "a") -> list[str]:
    return [resolve(path, a["href"]) for a in site.soup(path).select(selector) if a.get("href")]


@pytest.mark.build
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_swedish_comparison_is_linked_where_comparisons_are(site: Build, prefix: str) -> None:
    swedish = f"{prefix}{SLUG}/compare/sv/"
    page = site.soup(swedish)
    diff = page.select_one("#sl-diff")
    assert diff["data-text-lang"] == "sv" and resolve(swedish, diff["data-versions"]) == f"{prefix}{SLUG}/"
    assert [o["value"] for o in page.select("select[name=from] option")] == ["2024-09-16", "2024-01-10"]
    assert f"{prefix}{SLUG}/compare/" in _hrefs(site, swedish, ".sl-compare__texts a")
    assert page.html["lang"] == ("en" if prefix else "fi")
    # from the other comparison, the history and the notice's pages, each link naming the language in itself
    for path in (f"{prefix}{SLUG}/compare/", f"{prefix}{SLUG}/history/", f"{prefix}{SLUG}/", f"{prefix}{SLUG}/2024-05-02/"):
        links = [a for a in site.soup(path).select("a") if a.get("href") and resolve(path, a["href"]) == swedish]
        assert len(links) == 1, path
        assert links[0].select_one("span[lang=sv]").get_text() == "på svenska"
    # from the Swedish pages: the comparison with the latest Swedish text, and what changed, where both have one
    old = f"{prefix}{SLUG}/2024-01-10/sv/"
    assert f"{swedish}?from=2024-01-10&to=2024-09-16" in _hrefs(site, old, ".sl-old-version a")
    assert swedish in _hrefs(site, old, ".sl-timeline__links a")
    latest = f"{prefix}{SLUG}/2024-09-16/sv/"
    assert _hrefs(site, latest, ".sl-change a") == [f"{prefix}{SLUG}/compare/?from=2024-05-02&to=2024-09-16"]  # no Swedish before
    main = f"{prefix}{SLUG}/compare/?from=2024-01-10&to=2024-09-16"  # the Finnish page's, the Finnish texts'
    assert _hrefs(site, f"{prefix}{SLUG}/2024-01-10/", ".sl-old-version a")[-1] == main


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_history_says_when_and_why_the_archive_corrected_each_version(lang: str) -> None:
    from seloste.publish.dates import date_view
    from seloste.publish.liteviews import history_page
    from sitebuild import FROZEN

    record = load_archive(FROZEN, root=FROZEN.parent).get("planeetta-internet")
    plan = LitePlan(url="planeetta-internet/history/", lang=lang, kind="history", slug="planeetta-internet")
    rows = {row.id: row for row in history_page(record, plan, STYLE, Links(), None).rows}
    corrected = [v for v in record.versions if v.version.corrections]
    assert corrected and all(not rows[v.id].corrections for v in record.versions if not v.version.corrections)
    for version in corrected:
        assert rows[version.id].corrections == tuple(
            labels(lang)["history_corrected"].format(date=date_view(c.date, lang).text, reason=c.reason[lang])
            for c in version.version.corrections
        )
    said = rows[corrected[0].id].corrections[0]
    assert said.startswith("Corrected by the archive on " if lang == "en" else "Arkisto korjasi versiota ")


@pytest.mark.build
def test_the_history_page_shows_the_corrections(frozen_site: Build) -> None:
    page = frozen_site.soup("en/planeetta-internet/history/")
    said = [small.get_text() for small in page.select(".sl-history__correction")]
    assert said and all(text.startswith("Corrected by the archive on ") for text in said)
