"""Real notices in shapes that need no workaround: here, two versions whose texts state the same date.

The organisation changed its notice without changing the date it states. The later version is named
by the date it was first seen (data/README.md, "A version"), states the same date as the earlier
one, and both are archived, ordered and shown with the dates they state and the dates recorded.
"""

from __future__ import annotations

import shutil

import pytest

from datadir import FIXTURES
from sitebuild import Build, build, fixture_project

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def shapes_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = fixture_project(tmp_path_factory.mktemp("shapes"))
    shutil.copytree(FIXTURES / "shapes", root / "data")
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "",
            [
                "5.3.2024 (voimassa) Selosteen oma päiväys: 10.1.2024; Tallennettu arkistoon: 5.3.2024",
                "10.1.2024 Selosteen oma päiväys: 10.1.2024; Tallennettu arkistoon: 12.1.2024",
            ],
        ),
        (
            "en/",
            [
                "5 March 2024 (current) Date the notice states: 10 January 2024; Recorded in the archive: 5 March 2024",
                "10 January 2024 Date the notice states: 10 January 2024; Recorded in the archive: 12 January 2024",
            ],
        ),
    ],
)
def test_two_versions_stating_the_same_date_are_both_in_the_history(shapes_site: Build, lang: str, expected: list[str]) -> None:
    page = shapes_site.soup(f"{lang}sama-paiva/history/")
    # newest first
    rows = [" ".join(row.select_one("th").get_text(" ", strip=True).split()) for row in page.select(".sl-history tbody tr")]
    assert rows == expected


def test_the_comparison_of_the_two_shows_the_change(shapes_site: Build) -> None:
    versions = shapes_site.versions("sama-paiva/versions.json.gz")
    assert list(versions) == ["2024-01-10", "2024-03-05"]
    assert "kolme vuotta" in versions["2024-01-10"] and "neljä vuotta" in versions["2024-03-05"]
