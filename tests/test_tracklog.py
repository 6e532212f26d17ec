"""The tracking log and what a notice page says from it: when the archive last saw the notice unchanged at its
source, a change it found, a source it could not read, or that it does not follow the notice at all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from datadir import copy_valid
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive
from seloste.archive.model import OrganisationRecord
from seloste.archive.tracklog import EMPTY, FORMAT, NoticeCheck, TrackingLog, dump_log, load_log, next_check
from seloste.contribute.following import logged
from seloste.contribute.tracker import Outcome
from seloste.labels import labels
from seloste.publish.pages import notice_view
from seloste.publish.sourcecheck import source_check
from test_fuzz import RENDERER

DAY = dt.date(2026, 12, 3)
TRACKING = "tracking:\n  - url: https://esimerkki.fi/tietosuoja\n    select: main\n    remove: [.uutiskirje, '#chat']\n"


def check(**given: object) -> NoticeCheck:
    fields: dict = {"slug": "esimerkki", "checked": DAY, "status": "unchanged", "version": "2024-06-01", "unchanged": DAY}
    return NoticeCheck(**{**fields, **given})


# --- the log's days, check after check ------------------------------------------------------------------------


def test_an_unchanged_check_moves_the_day_last_seen_unchanged() -> None:
    first = next_check(None, slug="esimerkki", today=DAY, status="unchanged", version="2024-06-01")
    assert (first.unchanged, first.changed) == (DAY, None)
    later = next_check(first, slug="esimerkki", today=DAY + dt.timedelta(days=1), status="unchanged", version="2024-06-01")
    assert later.unchanged == later.checked == DAY + dt.timedelta(days=1)


def test_a_change_keeps_the_day_it_was_first_found_and_the_day_last_seen_unchanged() -> None:
    seen = check()
    found = next_check(seen, slug="esimerkki", today=DAY + dt.timedelta(days=1), status="changed", version="2024-06-01")
    again = next_check(found, slug="esimerkki", today=DAY + dt.timedelta(days=5), status="changed", version="2024-06-01")
    assert (again.status, again.changed, again.unchanged, again.checked) == (
        "changed",
        DAY + dt.timedelta(days=1),
        DAY,
        DAY + dt.timedelta(days=5),
    )


def test_a_failed_check_keeps_what_the_last_readable_one_found() -> None:
    found = check(status="changed", changed=DAY, unchanged=DAY - dt.timedelta(days=1))
    failed = next_check(found, slug="esimerkki", today=DAY + dt.timedelta(days=2), status="failed", version="2024-06-01")
    assert (failed.status, failed.changed, failed.unchanged) == ("failed", DAY, DAY - dt.timedelta(days=1))


def test_a_notice_gone_from_its_address_keeps_the_day_it_was_first_found_gone() -> None:
    """Checks that find the page or file no longer there keep the first such day; a failure of another kind (the
    server down) starts no such run, and a check that reads the notice again ends it."""
    seen = check()
    down = next_check(seen, slug="esimerkki", today=DAY + dt.timedelta(days=1), status="failed", version="2024-06-01")
    gone = next_check(down, slug="esimerkki", today=DAY + dt.timedelta(days=2), status="failed", version="2024-06-01", gone=True)
    still = next_check(gone, slug="esimerkki", today=DAY + dt.timedelta(days=9), status="failed", version="2024-06-01", gone=True)
    back = next_check(still, slug="esimerkki", today=DAY + dt.timedelta(days=10), status="unchanged", version="2024-06-01")
    assert [c.gone for c in (down, gone, still, back)] == [None, DAY + dt.timedelta(days=2), DAY + dt.timedelta(days=2), None]
    assert (still.unchanged, still.checked) == (DAY, DAY + dt.timedelta(days=9))


def test_a_check_against_a_newer_version_carries_nothing_over_from_the_older_one() -> None:
    old = check(status="changed", changed=DAY, unchanged=DAY - dt.timedelta(days=3))
    failed = next_check(old, slug="esimerkki", today=DAY + dt.timedelta(days=1), status="failed", version="2026-12-03")
    assert (failed.unchanged, failed.changed) == (None, None)


def test_each_outcome_of_a_run_is_logged_against_the_version_it_was_compared_with() -> None:
    outcomes = [
        Outcome("b", "skipped", "changed, but dated today"),
        Outcome("a", "failed", "404"),
        Outcome("c", "unchanged", "unchanged"),
    ]
    log = logged(EMPTY, outcomes, {"a": "2024-01-10", "b": "2026-12-03", "c": "2025-05-05"}, DAY)
    assert [(c.slug, c.status, c.version) for c in log.notices] == [
        ("a", "failed", "2024-01-10"),
        ("b", "changed", "2026-12-03"),
        ("c", "unchanged", "2025-05-05"),
    ]


# --- reading and writing the log -----------------------------------------------------------------------------


def test_a_log_reads_back_as_written(tmp_path: Path) -> None:
    gone = check(slug="kolmas", status="failed", gone=DAY - dt.timedelta(days=1))
    log = TrackingLog(format=FORMAT, notices=(check(), gone, check(slug="toinen", status="failed", unchanged=None)))  # slug order
    file = tmp_path / "log.yaml"
    file.write_text(dump_log(log), encoding="utf-8")
    assert load_log(file) == log


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("format: 2\nnotices: []\n", "1:9: format: expected one of 1; got '2'"),
        ("format: 1\nnotices:\n  - slug: a\n    checked: 2026-12-03\n    status: gone\n    version: 2026-01-01\n", "5:13:"),
        ("format: 1\nnotices:\n  - slug: a\n    checked: 2026-12-03\n    status: failed\n    version: x\n", "6:14:"),
        ("format: 1\nnotices:\n  - slug: a\n    checked: 2026-12-03\n    status: failed\n    version: 2026-01-01\n"
         "    seen: 2026-12-03\n", "7:5: "),
        ("format: 1\nnotices:\n  - {slug: a, checked: 2026-12-03, status: failed, version: 2026-01-01}\n"
         "  - {slug: a, checked: 2026-12-03, status: failed, version: 2026-01-01}\n", "4:5: 'a' is logged twice"),
        ("format: 1\nnotices:\n  - {slug: a, checked: 2026-12-03, status: changed, version: 2026-01-01}\n",
         "3:5: a: a check that found the notice changed says since when"),
        ("format: 1\nnotices:\n  - {slug: a, checked: 2026-12-03, status: failed, version: 2026-01-01, unchanged: 2026-12-04}\n",
         "3:5: a: unchanged (2026-12-04) is after the day of the check"),
        ("format: 1\nnotices:\n  - {slug: a, checked: 2026-12-03, status: unchanged, version: 2026-01-01, unchanged: 2026-12-03,"
         " gone: 2026-12-01}\n", "3:5: a: only a failed check found the notice gone ('gone'); this one is unchanged"),
        ("format: 1\nnotices:\n  - {slug: a, checked: 2026-12-03, status: failed, version: 2026-01-01, gone: 2026-12-04}\n",
         "3:5: a: gone (2026-12-04) is after the day of the check"),
        ("format: 1\nnotices: [\n", "YAML syntax error"),
    ],
)  # fmt: skip
def test_a_damaged_log_is_refused_with_the_place_of_each_problem(tmp_path: Path, text: str, expected: str) -> None:
    file = tmp_path / "log.yaml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        load_log(file, root=tmp_path)
    assert any(str(error).startswith("log.yaml:") and expected in str(error) for error in raised.value.errors), (
        raised.value.report()
    )


# --- what the notice page says -------------------------------------------------------------------------------


def record(tmp_path: Path, *, tracked: bool) -> OrganisationRecord:
    root = tmp_path / "project"
    copy_valid(root)
    folder = root / "data" / "esimerkki"
    if tracked:
        organisation = folder / "organisation.yaml"
        organisation.write_text(organisation.read_text(encoding="utf-8") + TRACKING, encoding="utf-8")
    return load_archive(root / "data").organisations[0]


def line(record: OrganisationRecord, log: TrackingLog | None, lang: str) -> BeautifulSoup:
    """The explanation, under the dates' line."""
    article = BeautifulSoup(RENDERER.article(notice_view(record, lang, log)), "html.parser")
    found = article.select_one(".sl-dates dl .sl-sourcecheck")
    assert found is not None
    return found


def short(record: OrganisationRecord, log: TrackingLog | None, lang: str) -> str:
    """What the dates' line itself says."""
    article = BeautifulSoup(RENDERER.article(notice_view(record, lang, log)), "html.parser")
    found = article.select_one(".sl-dates summary .sl-dates__source")
    assert found is not None
    return found.get_text(" ", strip=True)


def test_a_notice_the_archive_does_not_follow_says_so_and_that_it_may_have_changed(tmp_path: Path) -> None:
    untracked = record(tmp_path, tracked=False)
    assert source_check(untracked, TrackingLog(format=FORMAT, notices=(check(),)), "en").state == "not_tracked"
    assert line(untracked, None, "en").get_text(" ", strip=True) == (
        "The archive does not follow this notice at its source, so the organisation may have changed it since. "
        "This is the latest version the archive holds."
    )
    assert "Arkisto ei seuraa tätä selostetta" in line(untracked, None, "fi").get_text()
    assert (short(untracked, None, "fi"), short(untracked, None, "en")) == (
        "arkisto ei seuraa julkaisupaikkaa",
        "not followed at its source",
    )


@pytest.mark.parametrize(
    ("logged_check", "fi", "en", "in_line"),
    [
        (
            check(),
            "Arkisto totesi selosteen viimeksi ennallaan julkaisupaikassaan 3.12.2026.",
            "The archive last found this notice unchanged at its source on 3 December 2026.",
            "unchanged at its source on 3 December 2026",
        ),
        (
            check(status="changed", checked=DAY, changed=DAY - dt.timedelta(days=2), unchanged=DAY - dt.timedelta(days=3)),
            "Arkisto havaitsi selosteen muuttuneen julkaisupaikassaan 1.12.2026. Uusi versio odottaa tarkistusta ja "
            "lisäämistä arkistoon. Viimeksi se oli ennallaan 30.11.2026.",
            "The archive found this notice changed at its source on 1 December 2026. The new version awaits review "
            "before it is added to the archive. It was last found unchanged on 30 November 2026.",
            "changed at its source on 1 December 2026 (under review)",
        ),
        (
            check(status="failed", unchanged=DAY - dt.timedelta(days=7)),
            "Arkisto ei saanut selostetta luettua julkaisupaikastaan viimeisimmässä tarkistuksessa 3.12.2026. "
            "Viimeksi se oli ennallaan 26.11.2026.",
            "The archive could not read this notice at its source at its latest check, on 3 December 2026. "
            "It was last found unchanged on 26 November 2026.",
            "its source could not be read on 3 December 2026",
        ),
        (
            check(status="failed", gone=DAY - dt.timedelta(days=4), unchanged=DAY - dt.timedelta(days=7)),
            "Arkisto totesi selosteen poistuneen julkaisupaikastaan (sivu tai tiedosto on poistettu tai siirretty muualle) "
            "29.11.2026. Se puuttui sieltä yhä viimeisimmässä tarkistuksessa 3.12.2026. Organisaatio on voinut poistaa "
            "selosteen tai julkaista sen toisessa osoitteessa; tämä on viimeisin versio, jonka arkisto näki. "
            "Viimeksi se oli ennallaan 26.11.2026.",
            "The archive found this notice gone from its source (the page or file was removed or moved elsewhere) on "
            "29 November 2026. It was still missing there at the latest check, on 3 December 2026. The organisation may "
            "have withdrawn the notice or published it at another address; this is the last version the archive saw. "
            "It was last found unchanged on 26 November 2026.",
            "gone from its source on 29 November 2026",
        ),
        (
            check(status="failed", gone=DAY, unchanged=None),  # found gone today: the day once
            "Arkisto totesi selosteen poistuneen julkaisupaikastaan (sivu tai tiedosto on poistettu tai siirretty muualle) "
            "3.12.2026. Organisaatio on voinut poistaa selosteen tai julkaista sen toisessa osoitteessa; tämä on viimeisin "
            "versio, jonka arkisto näki.",
            "The archive found this notice gone from its source (the page or file was removed or moved elsewhere) on "
            "3 December 2026. The organisation may have withdrawn the notice or published it at another address; this is "
            "the last version the archive saw.",
            "gone from its source on 3 December 2026",
        ),
        (
            check(version="2024-01-10"),  # a check of the version before: it says nothing of this one
            "Arkisto seuraa tätä selostetta sen julkaisupaikassa, mutta ei ole vielä tarkistanut sitä tämän version "
            "tallentamisen jälkeen.",
            "The archive follows this notice at its source, but has not checked it since this version was recorded.",
            "followed at its source, not yet checked",
        ),
        (
            check(slug="toinen"),  # the log has no check of this notice
            "Arkisto seuraa tätä selostetta sen julkaisupaikassa päivittäin, mutta tähän sivuston koontiin ei ole "
            "tallennettu tarkistusten tuloksia.",
            "The archive checks this notice at its source daily, but this build of the site holds no record of the checks.",
            "followed at its source",
        ),
    ],
)
def test_a_tracked_notice_says_what_the_latest_check_found_in_both_languages(
    tmp_path: Path, logged_check: NoticeCheck, fi: str, en: str, in_line: str
) -> None:
    tracked = record(tmp_path, tracked=True)
    log = TrackingLog(format=FORMAT, notices=(logged_check,))
    for lang, expected in (("fi", fi), ("en", en)):
        shown = line(tracked, log, lang)
        sources = shown.select_one(".sl-sourcecheck__sources")
        assert sources is not None and sources.a is not None and sources.a["href"] == "https://esimerkki.fi/tietosuoja"
        part = ("sivun osa", "ilman") if lang == "fi" else ("the page's part", "without")
        assert " ".join(sources.get_text().split()) == (
            f"{labels(lang)['source_check']['sources']}: https://esimerkki.fi/tietosuoja"
            f" ({part[0]} main, {part[1]} .uutiskirje, #chat)"
        ), sources  # what of the page it reads, as organisation.yaml says
        assert [code.text for code in sources.select("code")] == ["main", ".uutiskirje", "#chat"]
        sources.extract()
        assert shown.get_text(" ", strip=True).replace(" .", ".") == expected
        for time in shown.select("time"):
            assert dt.date.fromisoformat(time["datetime"])  # machine-readable, for every date it names
    assert short(tracked, log, "en") == in_line


def test_a_followed_file_of_a_repository_is_said_to_be_the_sites_source_and_its_language_named(tmp_path: Path) -> None:
    """The archive follows some notices as the file their site is made from (data/README.md, tracking): the address
    is GitHub's page of a file, which the line names as such."""
    record(tmp_path, tracked=True)
    organisation = tmp_path / "project" / "data" / "esimerkki" / "organisation.yaml"
    file = "https://github.com/esimerkki/sivusto/blob/HEAD/tietosuoja.md"
    organisation.write_text(
        organisation.read_text(encoding="utf-8").split("tracking:")[0] + f"tracking:\n  - url: {file}\n    lang: fi\n"
    )
    tracked = load_archive(tmp_path / "project" / "data").organisations[0]
    for lang in ("fi", "en"):
        sources = line(tracked, None, lang).select_one(".sl-sourcecheck__sources")
        assert sources is not None and sources.a is not None and sources.a["href"] == file
        said, language = labels(lang)["source_check"]["repository_file"], labels(lang)["in_language"]["fi"]
        assert " ".join(sources.get_text().split()).endswith(f"{file} ({language}; {said})"), sources  # its lang too


def test_a_build_without_a_log_says_it_has_no_record(tmp_path: Path) -> None:
    assert source_check(record(tmp_path, tracked=True), None, "fi").state == "no_record"


def test_only_the_notice_page_speaks_of_the_source_not_a_versions_own_page(tmp_path: Path) -> None:
    from seloste.publish.pages import version_view

    tracked = record(tmp_path, tracked=True)
    article = RENDERER.article(version_view(tracked, tracked.versions[0], "fi"))
    assert "sl-sourcecheck" not in article
