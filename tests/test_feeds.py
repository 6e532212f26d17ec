"""The Atom feeds, built from fixture data and parsed: an entry per version, per declared correction and per declared
update of an organisation's details, in both languages, each saying the date its notice states and the day the
archive recorded it, every date the data's own."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from datadir import copy_valid
from seloste.archive.loader import load_archive
from seloste.publish.feeds import SITE_FEED_ENTRIES, feeds
from sitebuild import DATA, Build, build, fixture_project

ATOM = "{http://www.w3.org/2005/Atom}"
XHTML = "{http://www.w3.org/1999/xhtml}"
BASE = "https://seloste.github.io/seloste/"
CORRECTION = """corrections:
  - date: "2024-03-01"
    reason:
      fi: Säilytysajan kappaleesta puuttui lause.
      en: A sentence was missing from the retention paragraph.
"""
UPDATES = """updates:
  - date: "2024-07-15"
    reason:
      fi: Yhtiön osoite muuttui.
      en: The company's address changed.
"""


def _project(root: Path) -> Path:
    project = fixture_project(root)
    folder = copy_valid(project) / "esimerkki"
    first = folder / "2024-01-10.yaml"
    first.write_text(first.read_text(encoding="utf-8").replace("source:\n", CORRECTION + "source:\n", 1), encoding="utf-8")
    organisation = folder / "organisation.yaml"
    organisation.write_text(organisation.read_text(encoding="utf-8") + UPDATES, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = _project(tmp_path_factory.mktemp("feeds") / "project")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return result


def _parse(site: Build, path: str) -> feedparser.FeedParserDict:
    feed = feedparser.parse((site.site / path).read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    return feed


def _content(entry: feedparser.FeedParserDict) -> str:
    assert entry.content[0].type == "application/xhtml+xml"
    return entry.content[0].value


@pytest.mark.build
@pytest.mark.parametrize(("lang", "prefix"), [("fi", ""), ("en", "en/")])
def test_an_organisations_feed_has_its_versions_corrections_and_updates_newest_first(site: Build, lang: str, prefix: str) -> None:
    feed = _parse(site, f"{prefix}esimerkki/feed.xml")
    assert feed.feed.language == lang
    kinds = [entry.tags[0].term for entry in feed.entries]
    assert kinds == ["update", "version", "correction", "version"]
    # each dated by the day the archive recorded what it reports: the update, the version's recording, the correction
    assert [e.updated for e in feed.entries] == [
        "2024-07-15T00:00:00Z",
        "2024-06-02T00:00:00Z",
        "2024-03-01T00:00:00Z",
        "2024-02-01T00:00:00Z",
    ]
    assert [e.published for e in feed.entries] == [e.updated for e in feed.entries]
    assert feed.feed.updated == "2024-07-15T00:00:00Z"  # the newest entry's, not the build's
    base = BASE + prefix
    assert [e.link for e in feed.entries] == [
        base + "esimerkki/history/",
        base + "esimerkki/compare/?from=2024-01-10&to=2024-06-01",
        base + "esimerkki/2024-01-10/",
        base + "esimerkki/2024-01-10/",
    ]
    assert [e.id for e in feed.entries] == [
        base + "esimerkki/history/#update-1",
        base + "esimerkki/2024-06-01/",
        base + "esimerkki/2024-01-10/#correction-1",
        base + "esimerkki/2024-01-10/",
    ]
    update, version, correction, first = feed.entries
    if lang == "fi":
        assert update.title == "Esimerkki Oy: organisaation tietoja päivitettiin"
        assert update.summary == "Yhtiön osoite muuttui."
        assert correction.title == "Esimerkki Oy: korjaus version 10.1.2024 tietoihin"
        assert correction.summary == "Säilytysajan kappaleesta puuttui lause."
        assert version.summary == "Säilytysaika lyheni viiteen vuoteen."
        assert first.title == "Esimerkki Oy: versio 10.1.2024 (ensimmäinen tallennettu versio)"
    else:
        assert update.title == "Esimerkki Oy: the organisation's details were updated"
        assert update.summary == "The company's address changed."
        assert correction.title == "Esimerkki Oy: correction to the version of 10 January 2024"
        assert correction.summary == "A sentence was missing from the retention paragraph."
        assert version.summary == "The retention period was shortened to five years."
        assert first.title == "Esimerkki Oy: version of 10 January 2024 (first version recorded)"


@pytest.mark.build
@pytest.mark.parametrize(("lang", "prefix"), [("fi", ""), ("en", "en/")])
def test_an_entrys_content_says_the_date_the_notice_states_and_the_day_the_archive_recorded_it(
    site: Build, lang: str, prefix: str
) -> None:
    update, version, correction, first = _parse(site, f"{prefix}esimerkki/feed.xml").entries
    if lang == "fi":
        assert "Selosteen oma päiväys: 10.1.2024" in _content(first)
        assert "Tallennettu arkistoon: 1.2.2024" in _content(first)
        assert "Seloste ei kerro päiväystään." in _content(version) and "Tallennettu arkistoon: 2.6.2024" in _content(version)
        assert "Korjattu: 1.3.2024" in _content(correction) and "Selosteen oma päiväys: 10.1.2024" in _content(correction)
        assert "Päivitetty: 15.7.2024" in _content(update) and "Tallennettu" not in _content(update)
    else:
        assert "Date the notice states: 10 January 2024" in _content(first)
        assert "Recorded in the archive: 1 February 2024" in _content(first)
        assert "The notice states no date." in _content(version)
        assert "Recorded in the archive: 2 June 2024" in _content(version)
        assert "Corrected: 1 March 2024" in _content(correction)
        assert "Date the notice states: 10 January 2024" in _content(correction)
        assert "Updated: 15 July 2024" in _content(update) and "Recorded" not in _content(update)
    for entry in (update, version, correction, first):
        assert entry.summary in _content(entry)
        assert 'href="{}"'.format(entry.link.replace("&", "&amp;")) in _content(entry)


@pytest.mark.build
def test_the_content_is_xhtml_in_its_own_namespace(site: Build) -> None:
    root = ET.parse(site.site / "esimerkki" / "feed.xml").getroot()
    for entry in root.iter(ATOM + "entry"):
        content = entry.find(ATOM + "content")
        assert content is not None and content.get("type") == "xhtml"
        div = content.find(XHTML + "div")
        assert div is not None and div.find(XHTML + "p") is not None and div.find(XHTML + "ul") is not None
        assert entry.find(ATOM + "published") is not None


@pytest.mark.build
@pytest.mark.parametrize(("lang", "prefix"), [("fi", ""), ("en", "en/")])
def test_the_site_feed_carries_every_organisations_entries(site: Build, lang: str, prefix: str) -> None:
    feed = _parse(site, f"{prefix}feed.xml")
    assert [e.tags[0].term for e in feed.entries] == ["update", "version", "correction", "version"]
    assert feed.feed.updated == "2024-07-15T00:00:00Z" and feed.feed.language == lang


@pytest.mark.build
def test_two_builds_give_the_same_feeds(site: Build, tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    again = build(project, project / "site")
    assert again.returncode == 0, again.stderr
    for path in ("feed.xml", "en/feed.xml", "esimerkki/feed.xml", "en/esimerkki/feed.xml"):
        assert (again.site / path).read_bytes() == (site.site / path).read_bytes(), path


@pytest.mark.archive
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_every_feed_of_the_archive_dates_its_entries_by_the_data(lang: str) -> None:
    """What holds for any archive: an entry per version, correction and update; every date one the data gives, none
    after today; a feed updated when its newest entry is; newest first."""
    archive = load_archive(DATA)
    dated = {
        **{f"{o.slug}/{v.id}/": v.version.recorded_date for o in archive.organisations for v in o.versions},
        **{
            f"{o.slug}/{v.id}/#correction-{n}": c.date
            for o in archive.organisations
            for v in o.versions
            for n, c in enumerate(v.version.corrections, start=1)
        },
        **{
            f"{o.slug}/history/#update-{n}": u.date
            for o in archive.organisations
            for n, u in enumerate(o.organisation.updates, 1)
        },
    }
    prefix = "" if lang == "fi" else "en/"
    found = dict(feeds(archive, lang, BASE))
    for record in archive.organisations:
        feed = found[f"{prefix}{record.slug}/feed.xml"]
        ids = [e.id.removeprefix(BASE + prefix) for e in feed.entries]
        expected = [key for key in dated if key.startswith(f"{record.slug}/")]
        assert sorted(ids) == sorted(expected)
        for entry, id in zip(feed.entries, ids, strict=True):
            assert entry.updated == entry.published == f"{dated[id].isoformat()}T00:00:00Z"
            assert dated[id] <= dt.date.today()
        assert [e.updated for e in feed.entries] == sorted((e.updated for e in feed.entries), reverse=True)
        assert feed.updated == feed.entries[0].updated
    site_feed = found[f"{prefix}feed.xml"]
    assert len(site_feed.entries) == min(SITE_FEED_ENTRIES, len(dated))
    assert site_feed.updated == max(e.updated for e in site_feed.entries)
