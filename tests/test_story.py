"""What a notice page tells before its text (publish/story.py), on the frozen fixture archive: the heading, the date
line, the latest change and the timeline."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from markupsafe import Markup

from seloste.archive.loader import load_archive
from seloste.archive.model import Archive, OrganisationRecord
from seloste.publish.story import TIMELINE_MAX, change_line, date_line, heading_view, names_organisation, timeline
from sitebuild import FROZEN


@pytest.fixture(scope="module")
def archive() -> Archive:
    return load_archive(FROZEN, root=FROZEN.parent)


@pytest.mark.parametrize(
    ("title", "name", "names"),
    [
        ("Tietosuojaseloste", "Infocrea Oy", False),
        ("Privacy notice", "Infocrea Oy", False),
        ("Micro Magicin tietosuojaseloste", "Micro Magic Oy", True),  # the name without its company form, inflected
        ("Micro Magic privacy notice", "Micro Magic Oy", True),
        ("Visiosto oy:n asiakasrekisterin tietosuojaseloste", "Visiosto oy", True),
        ("Minikone Oy:n tietosuojakäytäntö", "Minikone Oy", True),
        ("Tietosuoja", "kimlehtinen.com", False),
        ("Kiviniemen tietosuojaseloste", "Niemi Oy", False),  # a name inside another word does not count
    ],
)
def test_a_title_names_the_organisation_only_where_it_says_its_name(title: str, name: str, names: bool) -> None:
    assert names_organisation(title, name) is names


def test_the_heading_adds_the_organisation_to_a_generic_title_and_keeps_the_title_as_it_is() -> None:
    generic = heading_view("Infocrea Oy", Markup("Tietosuojaseloste"), "Tietosuojaseloste")
    assert (generic.organisation, str(generic.title), generic.text) == (
        "Infocrea Oy",
        "Tietosuojaseloste",
        "Infocrea Oy: Tietosuojaseloste",
    )
    named = heading_view("Micro Magic Oy", Markup("Micro Magicin tietosuojaseloste"), "Micro Magicin tietosuojaseloste")
    assert (named.organisation, named.text) == (None, "Micro Magicin tietosuojaseloste")


def test_the_date_line_tells_the_version_the_stated_and_the_recorded_date_apart(archive: Archive) -> None:
    planeetta = archive.get("planeetta-internet")
    first = date_line(planeetta.version("2010-06-15"), "en")  # named by the date it states
    assert (first.version.text, first.stated_is_version, first.recorded.text) == ("15 June 2010", True, "22 November 2026")
    latest = date_line(planeetta.current, "fi")  # states no date
    assert (latest.version.text, latest.stated, latest.stated_is_version) == ("21.3.2022", None, False)


@pytest.mark.parametrize(
    ("lang", "summary"),
    [
        ("fi", "Tietosuojavastaava vaihtui: Heidi Erosen tilalle tuli Salla Vainionpää."),
        ("en", "The data protection officer changed from Heidi Eronen to Salla Vainionpää."),
    ],
)
def test_the_latest_change_is_the_current_versions_summary_with_its_comparison(archive: Archive, lang: str, summary: str) -> None:
    planeetta = archive.get("planeetta-internet")
    line = change_line(planeetta, planeetta.current, lang)
    assert line is not None and line.latest and line.summary == summary
    assert line.date.iso == "2022-03-21"
    prefix = "en/" if lang == "en" else ""
    assert line.compare_url == f"{prefix}planeetta-internet/compare/?from=2021-01-26&to=2022-03-21"
    older = change_line(planeetta, planeetta.version("2018-06-07"), lang)
    assert older is not None and not older.latest and older.compare_url.endswith("?from=2010-06-15&to=2018-06-07")
    assert change_line(planeetta, planeetta.versions[0], lang) is None  # nothing before the first


def test_the_timeline_names_every_version_oldest_first_and_marks_the_current_and_the_shown(archive: Archive) -> None:
    planeetta = archive.get("planeetta-internet")
    entries = timeline(planeetta, planeetta.version("2018-06-07"), "fi")
    assert [e.date.iso for e in entries] == ["2010-06-15", "2018-06-07", "2021-01-26", "2022-03-21"]
    assert [e.url for e in entries] == [
        "planeetta-internet/2010-06-15/",
        "planeetta-internet/2018-06-07/",
        "planeetta-internet/2021-01-26/",
        "planeetta-internet/",
    ]
    assert [(e.is_current, e.is_shown) for e in entries] == [(False, False), (False, True), (False, False), (True, False)]
    assert not any(e.after_gap for e in entries)


def _with_versions(record: OrganisationRecord, count: int) -> OrganisationRecord:
    start = record.versions[0]
    versions = tuple(dataclasses.replace(start, date=start.date + dt.timedelta(days=30 * n)) for n in range(count))
    return dataclasses.replace(record, versions=versions)


def test_a_long_history_names_the_first_the_latest_and_the_shown_version_with_gaps_marked(archive: Archive) -> None:
    record = _with_versions(archive.get("planeetta-internet"), 20)
    current = timeline(record, record.current, "en")
    assert len(current) <= TIMELINE_MAX and current[0].date == timeline(record, record.versions[0], "en")[0].date
    assert [e.after_gap for e in current] == [False, True] + [False] * (len(current) - 2)
    assert current[-1].is_current and current[-1].is_shown
    middle = timeline(record, record.versions[5], "en")
    shown = [i for i, e in enumerate(middle) if e.is_shown]
    assert len(middle) <= TIMELINE_MAX and len(shown) == 1
    assert middle[shown[0]].after_gap and middle[shown[0] + 1].after_gap  # a gap on each side of the shown version
    assert [e.date.iso for e in middle] == sorted(e.date.iso for e in middle)
    assert len(current) == len(middle) == TIMELINE_MAX
    short = _with_versions(record, TIMELINE_MAX)
    assert [e.after_gap for e in timeline(short, short.versions[3], "en")] == [False] * TIMELINE_MAX  # every one, no gap
