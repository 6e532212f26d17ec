"""The comparison in the browser gives exactly the Python diff core's result, end to end.

The diff core itself is compared without a browser, on generated versions and golden files
(tests/test_diff_parity.py). Here the comparison page's script reads every pair of versions of
the live archive (whatever it holds) from the built versions' pages, in both languages, as a
reader's browser does, and must agree with the Python core to the last segment.
"""

from __future__ import annotations

import dataclasses
import itertools
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page

from conftest import serve
from datadir import FIXTURES, capture_for, make_data
from seloste.archive.facts import Facts
from seloste.archive.loader import load_archive
from seloste.archive.model import OrganisationRecord
from seloste.compare.diff import diff_json, diff_versions
from seloste.compare.lineage import section_lineages
from seloste.publish.urls import notice_path, site_url
from sitebuild import DATA, Build, build, fixture_project

pytestmark = [pytest.mark.browser, pytest.mark.build]

HISTORY = Path(__file__).parent / "fixtures" / "history"
ORDER = [f.name for f in dataclasses.fields(Facts)]


def _versions_url(record: OrganisationRecord, lang: str) -> str:
    """The organisation's folder, where each version's page is."""
    return site_url(lang, notice_path(record.slug))


def _compare_all(page: Page, base: str, data: Path) -> int:
    """Every pair of every organisation's versions, in both languages, and of their own texts that pages of their
    own show (the Swedish beside Finnish) where both versions have one: the pairs compared."""
    archive = load_archive(data, root=data.parent)
    compared = 0
    page.goto(base + site_url("fi", f"{archive.organisations[0].slug}/compare/"))
    for record in archive.organisations:
        lineages = section_lineages(record.versions)
        for old, new in itertools.permutations(record.versions, 2):
            own = [x for x in old.version.separate_languages if x in new.version.separate_languages]
            for lang in ("fi", "en"):
                for text_lang in (None, *own):
                    expected = diff_json(diff_versions(old, new, lang, lineages, text_lang=text_lang))
                    actual = page.evaluate(
                        "([url, a, b, order, text]) => selosteCompare.diffVersions(url, a, b, order, text)",
                        [base + _versions_url(record, lang), old.id, new.id, ORDER, text_lang],
                    )
                    assert actual == expected, (record.slug, old.id, new.id, lang, text_lang)
                    compared += 1
    return compared


def _own_pairs(record: OrganisationRecord) -> int:
    """Ordered pairs of versions that both have an own text shown on a page of its own, per such language."""
    return sum(
        1
        for old, new in itertools.permutations(record.versions, 2)
        for x in old.version.separate_languages
        if x in new.version.separate_languages
    )


def test_the_live_archives_histories_every_pair(real_site: Build, page: Page) -> None:
    archive = load_archive(DATA)
    pairs = sum(len(record.versions) * (len(record.versions) - 1) + _own_pairs(record) for record in archive.organisations)
    with serve(real_site.site) as base:
        assert _compare_all(page, base, DATA) == pairs * 2


SWEDISH = FIXTURES / "ruotsi"
"""tests/fixtures/ruotsi/kaksikielinen: three versions, the first and the last published in Finnish and Swedish, the
middle one in Finnish only."""


@pytest.fixture(scope="module")
def swedish_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = fixture_project(tmp_path_factory.mktemp("ruotsi"))
    shutil.copytree(SWEDISH, root / "data")
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return result


def test_the_swedish_texts_compare_alike_in_python_and_in_the_browser(swedish_site: Build, page: Page) -> None:
    with serve(swedish_site.site) as base:
        # 6 ordered pairs in each site language, and the 2 of the two versions with a Swedish text
        assert _compare_all(page, base, swedish_site.site.parent / "data") == 6 * 2 + 2 * 2


@pytest.mark.parametrize(
    ("lang", "title", "link"),
    [
        ("fi", "Ruotsinkielisten tekstien vertailu", "Versioiden vertailu"),
        ("en", "Comparing the Swedish texts", "Comparing versions"),
    ],
)
def test_the_comparison_of_the_swedish_texts_shows_them_marked_swedish(
    swedish_site: Build, page: Page, lang: str, title: str, link: str
) -> None:
    with serve(swedish_site.site) as base:
        page.goto(base + site_url(lang, "kaksikielinen/compare/sv/?from=2024-01-10&to=2024-09-16"))
        page.wait_for_selector("#sl-diff[data-ready]")
        assert title in page.locator("h1").inner_text()
        assert page.locator(f".sl-compare__texts a:has-text('{link}')").count() == 1
        # only the versions with a Swedish text can be chosen
        assert page.locator("select[name=from] option").evaluate_all("os => os.map(o => o.value)") == ["2024-09-16", "2024-01-10"]
        changed = page.locator(".sl-diff__section--changed")
        assert changed.count() == 1
        assert changed.locator("h2").get_attribute("lang") == "sv" and "Lagring" in changed.locator("h2").inner_text()
        block = changed.locator(".sl-diff__block").first
        assert block.get_attribute("lang") == "sv"
        assert block.locator("del").inner_text() == "tre" and block.locator("ins").inner_text() == "fem"
        assert page.locator("html").get_attribute("lang") == lang  # the interface stays in the page's language
        assert page.locator(".sl-diff__facts, #diff-facts-heading").count() == 0  # the texts alone
        unchanged = page.locator("details.sl-diff__unchanged summary [lang=sv]")
        assert unchanged.all_inner_texts() == ["Personuppgiftsansvarig"]
        # the side-by-side reading likewise
        page.locator("button[data-view=side]").click()
        assert page.locator(".sl-diff__column .sl-diff__block[lang=sv]").count() == 2


LIST = {"fi": ("Nimi", "Osoite"), "en": ("Name", "Address")}


def _listed(first: int) -> str:
    """The fixture version with a numbered list in its section, numbered from ``first``."""
    text = (FIXTURES / "invalid/version/_base.yaml").read_text(encoding="utf-8")
    for lang, (a, b) in LIST.items():
        body = f"{lang}: |-\n        Esimerkki Oy\n\n        {first}. {a}\n        {first + 1}. {b}\n"
        text = text.replace(f"{lang}: Esimerkki Oy\n", body, 1)
    return text


def test_a_lists_numbering_changed_is_shown_and_agrees_with_python(tmp_path: Path, page: Page) -> None:
    """'1.' to '3.': the pages number the list from 3 (start="3"); the comparison shows it, as the Python core does."""
    project = fixture_project(tmp_path / "project")
    data = make_data(project, version=_listed(1))
    second = _listed(3).replace('recorded_date: "2024-02-01"', 'recorded_date: "2024-06-02"')
    second = second.replace("captures/2024-01-10.txt", "captures/2024-06-01.txt")
    second = second.replace(
        "title:\n", "change:\n  kind: editorial\n  summary:\n    fi: Numerointi.\n    en: Numbering.\ntitle:\n", 1
    )
    (data / "esimerkki" / "2024-06-01.yaml").write_text(second, encoding="utf-8")
    (data / "esimerkki" / "captures" / "2024-06-01.txt").write_text(capture_for(second), encoding="utf-8")
    built = build(project, project / "site")
    assert built.returncode == 0, built.stderr
    assert built.soup("esimerkki/2024-06-01/").select_one("ol[start='3']") is not None
    with serve(built.site) as base:
        assert _compare_all(page, base, data) == 4
        for lang, shown in (("fi", "Luettelon numerointi: 1 → 3"), ("en", "List numbering: 1 → 3")):
            page.goto(base + site_url(lang, "esimerkki/compare/?from=2024-01-10&to=2024-06-01"))
            page.wait_for_selector("#sl-diff[data-ready]")
            numbering = page.locator(".sl-diff__numbering")
            assert numbering.count() == 2 and numbering.first.inner_text() == shown
            assert page.locator(".sl-diff__numbering ins").first.inner_text() == "3"


def test_a_section_not_translated_yet_is_compared_as_its_page_shows_it_the_original(tmp_path: Path, page: Page) -> None:
    """A version whose translation is pending, its second section not translated yet: its English page shows that
    section's Finnish, and the English comparison reads it so, in the browser as in Python."""
    project = fixture_project(tmp_path / "project")
    folder = project / "data" / "suomi-ruotsi"
    shutil.copytree(FIXTURES / "languages" / "suomi-ruotsi", folder)
    text = (folder / "2024-01-10.yaml").read_text(encoding="utf-8")
    for old, new in (
        ('recorded_date: "2024-02-01"\n', 'recorded_date: "2024-06-02"\ntranslation: pending\n'),
        ("2024-01-10.", "2024-06-01."),
        ("title:\n", "change:\n  kind: substantive\n  summary:\n    fi: Säilytys.\n    en: Retention.\ntitle:\n"),
        ("neljä vuotta", "kaksi vuotta"),
        ("i fyra år", "i två år"),
        ("      en: Retention\n", ""),
        ("      en: |-\n        We keep customer data for four years.\n", "    not_in: [en]\n"),
        ("        en: We keep customer data for four years\n", ""),
        ("en: four years}", "en: two years}"),
    ):
        assert old in text, old
        text = text.replace(old, new)
    (folder / "2024-06-01.yaml").write_text(text, encoding="utf-8")
    for lang in ("fi", "sv"):
        capture = (folder / "captures" / f"2024-01-10.{lang}.txt").read_text(encoding="utf-8")
        changed = capture.replace("neljä vuotta", "kaksi vuotta").replace("i fyra år", "i två år")
        (folder / "captures" / f"2024-06-01.{lang}.txt").write_text(changed, encoding="utf-8")
    built = build(project, project / "site")
    assert built.returncode == 0, built.stderr
    with serve(built.site) as base:
        assert _compare_all(page, base, project / "data") > 0  # the browser and Python agree on every pair
        page.goto(base + site_url("en", "suomi-ruotsi/compare/?from=2024-01-10&to=2024-06-01"))
        page.wait_for_selector("#sl-diff[data-ready]")
        changed = page.locator("#sl-diff").inner_text()
        assert "Säilytämme asiakastietoja kaksi vuotta." in changed and "We keep customer data for four years." in changed
