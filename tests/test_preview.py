"""A partial preview (`make serve ORGS=...`, SELOSTE_ONLY): only the named organisations are built, and every
page says so; a name that is no organisation stops the build with a message."""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import pytest

from conftest import serve
from seloste.labels import labels
from seloste.publish.site import preview_only
from sitebuild import FROZEN, build, fixture_project

pytestmark = pytest.mark.build

CHOSEN = ("micro-magic", "midare")


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("preview")
    project = fixture_project(root / "project")
    shutil.copytree(FROZEN, project / "data")
    result = build(project, root / "site", env={**os.environ, "SELOSTE_ONLY": ",".join(CHOSEN)})
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def test_only_the_chosen_organisations_are_built(preview) -> None:
    site = preview.site
    organisations = sorted(p.name for p in FROZEN.iterdir() if p.is_dir())
    assert len(organisations) > len(CHOSEN)
    for slug in organisations:
        for prefix in ("", "en/"):
            assert (site / prefix / slug / "index.html").is_file() == (slug in CHOSEN), (prefix, slug)
    home = preview.soup("")
    links = {a["href"].strip("./") for a in home.select("a[href]")}
    assert {"micro-magic", "midare"} <= links and "infocrea" not in links
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/micro-magic/" in sitemap and "/infocrea/" not in sitemap
    for lang in ("fi", "en"):  # the search index finds the preview's organisations only
        parts = sorted((site / "search-index" / lang).glob("docs/*"))
        documents = "".join(gzip.decompress(part.read_bytes()).decode("utf-8") for part in parts)
        assert "micro-magic/" in documents and "infocrea/" not in documents, lang


def test_every_page_says_it_is_a_partial_preview(preview) -> None:
    pages = sorted(preview.site.rglob("*.html"))
    assert len(pages) > 20
    chrome = sorted(preview.site.glob("assets/seloste-chrome.*.js"))
    assert chrome  # the lite pages' header, drawn by script
    for lang in ("fi", "en"):
        words = str(labels(lang)["partial_preview"]["other"]).split("{organisations}")[0].strip()
        assert words
    for page in pages:
        html = page.read_text(encoding="utf-8")
        lite = "seloste-chrome." in html and 'class="sl-preview"' not in html
        if lite:  # its header comes from the chrome script, checked below
            continue
        assert 'class="sl-preview"' in html, page
        assert "micro-magic, midare" in html, page
    for script in chrome:
        assert "sl-preview" in script.read_text(encoding="utf-8") and "micro-magic, midare" in script.read_text(encoding="utf-8")
    finnish, english = preview.soup("micro-magic/"), preview.soup("en/micro-magic/")
    assert finnish.select_one(".sl-preview").get_text(" ", strip=True).startswith("Osittainen esikatselu")
    assert english.select_one(".sl-preview").get_text(" ", strip=True).startswith("Partial preview")


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"], ids=["fi", "en"])
def test_on_a_phone_the_preview_note_is_its_first_sentence_until_opened(preview, browser, prefix: str) -> None:
    """The header stays at the top of the screen as the page scrolls, and the note with it: in full it took four lines
    of a phone's screen on every page (a contributor's trial). Its first sentence says what the preview is; the rest
    opens from it, in Material's pages and the lite ones alike."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    with serve(preview.site) as url:
        for path in ("micro-magic/", "micro-magic/history/"):
            page = context.new_page()
            page.goto(f"{url}{prefix}{path}")
            note = page.locator(".sl-preview")
            line = float(page.evaluate("parseFloat(getComputedStyle(document.querySelector('.sl-preview summary')).lineHeight)"))
            assert note.bounding_box()["height"] <= 2 * line + 14, path  # two lines at most, its padding and rule besides
            assert note.inner_text().strip().endswith(("tarkistettu.", "checked."))
            note.locator("summary").click()
            assert note.inner_text().strip().endswith("seloste validate." if not prefix else "whole archive."), path
            page.close()
    context.close()


def test_a_full_build_has_no_preview_notice(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    shutil.copytree(FROZEN / "micro-magic", project / "data" / "micro-magic")
    env = {key: value for key, value in os.environ.items() if key != "SELOSTE_ONLY"}
    result = build(project, tmp_path / "site", env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    assert not any('class="sl-preview"' in p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html"))


def test_a_preview_of_an_organisation_that_does_not_exist_stops_with_a_message(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    shutil.copytree(FROZEN / "micro-magic", project / "data" / "micro-magic")
    result = build(project, tmp_path / "site", env={**os.environ, "SELOSTE_ONLY": "micro-magik"})
    assert result.returncode != 0
    assert "the preview asks for 'micro-magik'" in result.stderr and "Traceback" not in result.stderr
    assert "did you mean 'micro-magic'?" in result.stderr


def test_preview_names_are_read_from_commas_or_spaces() -> None:
    assert preview_only("") == ()
    assert preview_only(" midare,micro-magic  midare ") == ("micro-magic", "midare")


def test_the_preview_note_counts_the_organisations_it_names() -> None:
    """One organisation is built, two are: the note agrees with the number it names."""
    from seloste.publish.header import header_view

    def note(lang: str, *slugs: str) -> str:
        view = header_view(lang=lang, root="", site_name="s", title="t", palette={}, counterparts={}, preview=slugs)
        return view.preview_note

    assert note("en", "micro-magic").startswith("Partial preview: only micro-magic is built and checked.")
    assert note("en", "micro-magic", "midare").startswith("Partial preview: only micro-magic, midare are built and checked.")
    assert note("fi", "micro-magic").startswith("Osittainen esikatselu: vain micro-magic on rakennettu")
    assert note("en") == ""
