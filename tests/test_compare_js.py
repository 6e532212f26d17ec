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
from seloste.archive.facts import Facts
from seloste.archive.loader import load_archive
from seloste.archive.model import OrganisationRecord
from seloste.compare.diff import diff_json, diff_versions
from seloste.compare.lineage import section_lineages
from seloste.publish.urls import notice_path, site_url
from sitebuild import DATA, Build

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
