"""The sitemap's dates come from the data, and a build of the same data is the same on any day."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import libfaketime
import pytest

from seloste.archive.loader import load_archive
from seloste.archive.localized import Localized
from seloste.archive.model import Correction, OrganisationRecord
from seloste.publish.liteviews import organisation_pages
from seloste.publish.site import Site
from seloste.publish.sitemap import archive_changed, lite_page_changed, organisation_changed, page_changed
from sitebuild import FROZEN, Build, build, fixture_project

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
BASE = "https://seloste.github.io/seloste/"
ANOTHER_DAY = dt.date(2031, 5, 17)
"""A day years after the fixture archive's last change (a build refuses data dated after its day)."""


@pytest.fixture(scope="module")
def site() -> Site:
    return Site.build(load_archive(FROZEN))


def _lastmod(site: Site, src_uri: str) -> str | None:
    return site.sitemap.lastmod.get(src_uri)


def _lite(site: Site) -> dict[str, str]:
    return {entry.url: entry.lastmod for entry in site.sitemap.lite}


# --- the dates, from the core -----------------------------------------------------------------------


def test_an_organisations_page_is_dated_by_its_latest_version_or_a_later_correction(site: Site) -> None:
    # infocrea: three versions, no corrections; planeetta-internet: its current version (2022-03-21) corrected later
    assert _lastmod(site, "infocrea/index.fi.md") == _lastmod(site, "infocrea/index.en.md") == "2018-09-19"
    assert _lastmod(site, "planeetta-internet/index.fi.md") == _lastmod(site, "planeetta-internet/index.en.md") == "2026-11-30"
    lite = _lite(site)
    assert lite["infocrea/history/"] == lite["en/infocrea/checklist/"] == "2018-09-19"
    assert lite["infocrea/2018-05-24/"] == lite["en/infocrea/2018-05-24/"] == "2018-05-24"
    assert lite["planeetta-internet/2010-06-15/"] == "2010-06-15"  # an old version never corrected
    assert lite["planeetta-internet/2018-06-07/"] == "2026-11-30"  # an old version corrected since


def test_site_wide_pages_are_dated_by_the_archives_latest_change(site: Site) -> None:
    assert archive_changed(site.archive) == dt.date(2026, 11, 30)
    for src_uri in ("index.fi.md", "index.en.md", "facts/index.fi.md", "facts/index.en.md"):
        assert _lastmod(site, src_uri) == "2026-11-30"


def test_a_correction_of_an_old_version_dates_its_pages_and_the_history_not_the_current_notice(site: Site) -> None:
    record = site.archive.get("infocrea")
    old = record.versions[0]
    fixed = dataclasses.replace(
        old,
        version=dataclasses.replace(
            old.version, corrections=(Correction(date=dt.date(2025, 2, 3), reason=Localized(fi="Korjattu.", en="Fixed.")),)
        ),
    )
    corrected = OrganisationRecord(slug=record.slug, organisation=record.organisation, versions=(fixed, *record.versions[1:]))
    dates = {plan.url: lite_page_changed(corrected, plan) for plan in organisation_pages(corrected, "fi")}
    assert dates["infocrea/2018-05-24/"] == dates["infocrea/history/"] == organisation_changed(corrected) == dt.date(2025, 2, 3)
    assert dates["infocrea/2018-06-25/"] == dt.date(2018, 6, 25)
    assert dates["infocrea/checklist/"] == dt.date(2018, 9, 19)
    archive = dataclasses.replace(
        site.archive, organisations=tuple(corrected if r is record else r for r in site.archive.organisations)
    )
    notice = site.plans["infocrea/index.fi.md"]
    assert page_changed(archive, notice) == dt.date(2018, 9, 19)  # it shows the current version only


def test_the_sitemap_leaves_out_what_search_engines_are_told_not_to_index(site: Site) -> None:
    urls = set(_lite(site))
    assert "infocrea/compare/" not in urls  # noindex: any two versions
    assert "infocrea/2018-09-19/" not in urls  # the current version's permanent page names the notice canonical
    assert {"infocrea/2018-06-25/", "en/infocrea/2018-06-25/", "infocrea/checklist/"} <= urls
    entry = next(e for e in site.sitemap.lite if e.url == "en/infocrea/history/")
    assert [(a.lang, a.url) for a in entry.alternates] == [("fi", "infocrea/history/"), ("en", "en/infocrea/history/")]


# --- the built sitemap ------------------------------------------------------------------------------


def _entries(site_dir: Path) -> dict[str, tuple[str | None, dict[str, str]]]:
    """loc: (lastmod, {hreflang: href}) of the built sitemap."""
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    entries = {}
    for url in root.findall("sm:url", NS):
        lastmod = url.find("sm:lastmod", NS)
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        entries[url.findtext("sm:loc", namespaces=NS)] = (lastmod.text if lastmod is not None else None, alternates)
    return entries


@pytest.mark.build
def test_the_built_sitemap_dates_pages_from_the_data(frozen_site: Build) -> None:
    entries = _entries(frozen_site.site)
    assert entries[BASE + "planeetta-internet/"] == (
        "2026-11-30",
        {"fi": BASE + "planeetta-internet/", "en": BASE + "en/planeetta-internet/"},
    )
    assert entries[BASE + "en/infocrea/"][0] == "2018-09-19"
    assert entries[BASE + "en/"] == ("2026-11-30", {"en": BASE + "en/", "fi": BASE})
    assert entries[BASE + "en/planeetta-internet/2010-06-15/"][0] == "2010-06-15"
    assert entries[BASE + "about/"][0] is None  # hand-written: no date from the data
    assert entries[BASE + "en/architecture/"] == (None, {"en": BASE + "en/architecture/"})
    for loc in entries:  # every page listed is built, and open to search engines
        page = frozen_site.soup(loc.removeprefix(BASE))
        assert page.select_one('meta[name="robots"]') is None, loc


@pytest.mark.build
def test_the_compressed_sitemap_is_the_sitemap_without_a_time(frozen_site: Build) -> None:
    compressed = (frozen_site.site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(compressed) == (frozen_site.site / "sitemap.xml").read_bytes()
    assert compressed[4:8] == b"\0\0\0\0"  # the header's MTIME


def _clock_env(day: dt.date) -> dict[str, str]:
    """The environment of a process whose clock (every clock call, through libfaketime) reads ``day``."""
    _, preload = libfaketime.get_reload_information()
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    return {**env, **preload, "FAKETIME": f"@{day.isoformat()} 12:00:00"}


@pytest.mark.build
def test_a_build_is_the_same_on_any_day(frozen_site: Build, tmp_path_factory: pytest.TempPathFactory) -> None:
    env = _clock_env(ANOTHER_DAY)
    seen = subprocess.run(
        [sys.executable, "-c", "import datetime; print(datetime.date.today())"], env=env, capture_output=True, text=True
    )
    assert seen.stdout.strip() == ANOTHER_DAY.isoformat(), seen.stderr  # the clock is really moved
    assert dt.date.today() != ANOTHER_DAY
    root = fixture_project(tmp_path_factory.mktemp("another-day") / "project")
    shutil.copytree(FROZEN, root / "data")
    later = build(root, root / "site", env=env)
    assert later.returncode == 0, later.stderr
    files = sorted(p.relative_to(frozen_site.site) for p in frozen_site.site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(later.site) for p in later.site.rglob("*") if p.is_file())
    assert [str(f) for f in files if (frozen_site.site / f).read_bytes() != (later.site / f).read_bytes()] == []
