"""The comparison in the browser gives exactly the Python diff core's result.

seloste-compare.js ports hooks/seloste/compare/diff.py; here both run on every pair of versions of
the fixture history (which covers each kind of change), of the frozen fixture archive's real
histories and of the live archive's (whatever they hold), in both languages, and must agree to
the last segment.
"""

from __future__ import annotations

import dataclasses
import itertools
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page

from conftest import serve
from seloste.archive.facts import Facts
from seloste.archive.loader import load_archive
from seloste.archive.model import OrganisationRecord
from seloste.compare.diff import diff_json, diff_versions
from seloste.publish.urls import site_url, versions_path
from sitebuild import DATA, FROZEN, Build, build, fixture_project

pytestmark = [pytest.mark.browser, pytest.mark.build]

HISTORY = Path(__file__).parent / "fixtures" / "history"
ORDER = [f.name for f in dataclasses.fields(Facts)]


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = fixture_project(tmp_path_factory.mktemp("history"))
    shutil.copytree(HISTORY, root / "data")
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return result


def _versions_url(record: OrganisationRecord, lang: str) -> str:
    return site_url(lang, versions_path(record.slug))


def _compare_all(page: Page, base: str, data: Path) -> int:
    archive = load_archive(data, root=data.parent)
    compared = 0
    page.goto(base + site_url("fi", f"{archive.organisations[0].slug}/compare/"))
    for record in archive.organisations:
        for old, new in itertools.permutations(record.versions, 2):
            for lang in ("fi", "en"):
                expected = diff_json(diff_versions(old, new, lang))
                actual = page.evaluate(
                    "([url, a, b, order]) => selosteCompare.diffVersions(url, a, b, order)",
                    [base + _versions_url(record, lang), old.id, new.id, ORDER],
                )
                assert actual == expected, (record.slug, old.id, new.id, lang)
                compared += 1
    return compared


def test_fixture_history_every_pair_both_directions(history_site: Build, page: Page) -> None:
    with serve(history_site.site) as base:
        assert _compare_all(page, base, HISTORY) == 5 * 4 * 2


def test_real_histories_every_pair(frozen_site: Build, page: Page) -> None:
    with serve(frozen_site.site) as base:
        assert _compare_all(page, base, FROZEN) == (4 * 3 + 3 * 2) * 2


def test_the_live_archives_histories_every_pair(real_site: Build, page: Page) -> None:
    pairs = sum(len(record.versions) * (len(record.versions) - 1) for record in load_archive(DATA).organisations)
    with serve(real_site.site) as base:
        assert _compare_all(page, base, DATA) == pairs * 2
