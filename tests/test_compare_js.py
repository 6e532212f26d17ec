"""The comparison in the browser gives exactly the Python diff core's result, end to end.

The diff core itself is compared without a browser, on generated versions and golden files
(tests/test_diff_parity.py). Here the comparison page's script reads every pair of versions of
the live archive (whatever it holds) from the built versions' pages, in both languages, as a
reader's browser does, and must agree with the Python core to the last segment.
"""

from __future__ import annotations

import dataclasses
import itertools
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
    archive = load_archive(data, root=data.parent)
    compared = 0
    page.goto(base + site_url("fi", f"{archive.organisations[0].slug}/compare/"))
    for record in archive.organisations:
        lineages = section_lineages(record.versions)
        for old, new in itertools.permutations(record.versions, 2):
            for lang in ("fi", "en"):
                expected = diff_json(diff_versions(old, new, lang, lineages))
                actual = page.evaluate(
                    "([url, a, b, order]) => selosteCompare.diffVersions(url, a, b, order)",
                    [base + _versions_url(record, lang), old.id, new.id, ORDER],
                )
                assert actual == expected, (record.slug, old.id, new.id, lang)
                compared += 1
    return compared


def test_the_live_archives_histories_every_pair(real_site: Build, page: Page) -> None:
    pairs = sum(len(record.versions) * (len(record.versions) - 1) for record in load_archive(DATA).organisations)
    with serve(real_site.site) as base:
        assert _compare_all(page, base, DATA) == pairs * 2


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
