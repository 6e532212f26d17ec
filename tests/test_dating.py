"""A version whose date is known only as a range (``changed_after``): refused where the range cannot be right, and
told as a range wherever a version's date is shown or used: the version page's dates line and latest change, the
history, the comparison's labels, the feeds, the open data, the sitemap and the change report; ``seloste
new-version`` sets it when no date is given."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest

from datadir import FIXTURES, copy_valid
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive
from seloste.compare.report import changes, comparison, render_report
from seloste.contribute.cli import main
from seloste.publish.checklist import checklist
from seloste.publish.feeds import feeds
from seloste.publish.frame import Style
from seloste.publish.liteviews import Links, LitePlan, compare_page, history_page
from seloste.publish.opendata import index
from seloste.publish.pages import version_view
from seloste.publish.sitemap import lite_page_changed

STYLE = Style(stylesheets=())
SLUG = "valipaiva"
"""tests/fixtures/shapes/valipaiva: a notice changed on a day not known, between 1 February and 3 June 2024."""


@pytest.fixture(scope="module")
def archive():
    return load_archive(FIXTURES / "shapes", root=FIXTURES)


def _errors(tmp_path: Path, old: str, new: str, name: str = "2024-06-03.yaml") -> list[str]:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "shapes" / SLUG, data / SLUG)
    path = data / SLUG / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        load_archive(data, root=tmp_path)
    return [str(e) for e in raised.value.errors]


def test_the_fixture_is_a_range(archive) -> None:
    versions = archive.get(SLUG).versions
    assert [(v.id, v.changed_after) for v in versions] == [("2024-01-10", None), ("2024-06-03", dt.date(2024, 2, 1))]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'changed_after: "2024-02-01"',
            'changed_after: "2024-06-03"',
            "data/valipaiva/2024-06-03.yaml:4:16: changed_after: 2024-06-03 is not before the version date 2024-06-03 "
            "(the file name), the last day of the range",
        ),
        (
            'changed_after: "2024-02-01"',
            'changed_after: "2024-07-01"',
            "data/valipaiva/2024-06-03.yaml:4:16: changed_after: 2024-07-01 is not before the version date 2024-06-03",
        ),
        (
            'changed_after: "2024-02-01"',
            'changed_after: "2023-12-31"',
            "data/valipaiva/2024-06-03.yaml:4:16: changed_after: 2023-12-31 is before the previous version's date "
            "2024-01-10 (2024-01-10.yaml): the text changed after the previous version took effect; give 2024-01-10 or later",
        ),
        (
            'changed_after: "2024-02-01"',
            'changed_after: "2024-02-30"',
            "data/valipaiva/2024-06-03.yaml:4:16: changed_after: '2024-02-30' is not a real date",
        ),
    ],
    ids=["on-the-version-date", "after-the-version-date", "before-the-previous-version", "not-a-date"],
)
def test_a_range_that_cannot_be_right_is_refused_at_its_place(tmp_path: Path, old: str, new: str, expected: str) -> None:
    errors = _errors(tmp_path, old, new)
    assert len(errors) == 1 and errors[0].startswith(expected), errors


def test_a_first_version_cannot_have_a_range(tmp_path: Path) -> None:
    errors = _errors(
        tmp_path, 'recorded_date: "2024-01-12"\n', 'recorded_date: "2024-01-12"\nchanged_after: "2024-01-01"\n', "2024-01-10.yaml"
    )
    assert errors == [
        "data/valipaiva/2024-01-10.yaml:4:16: changed_after: 2024-01-01: the first version of an organisation has no "
        "previous text to change from; its date (the file name) is the earliest day it is known to have been published: "
        "remove 'changed_after'"
    ]


def test_a_range_starting_on_the_previous_versions_date_is_valid(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "shapes" / SLUG, data / SLUG)
    path = data / SLUG / "2024-06-03.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"2024-02-01"', '"2024-01-10"'), encoding="utf-8")
    assert load_archive(data, root=tmp_path).get(SLUG).current.changed_after == dt.date(2024, 1, 10)


@pytest.mark.parametrize(
    ("lang", "between", "short"),
    [
        ("fi", "1.2.2024 ja 3.6.2024 välillä", "1.2.2024–3.6.2024"),
        ("en", "between 1 February 2024 and 3 June 2024", "1 February 2024 – 3 June 2024"),
    ],
)
def test_the_version_page_says_between_and_never_the_day_alone(archive, lang: str, between: str, short: str) -> None:
    record = archive.get(SLUG)
    view = version_view(record, record.current, lang)
    assert (view.dates.version.after.iso, view.dates.version.last.iso) == ("2024-02-01", "2024-06-03")
    assert view.dates.version.between == between and view.dates.version.text == short
    assert not view.dates.stated_is_version
    assert view.change is not None and view.change.date.between == between  # the latest change: when
    assert [entry.date.text for entry in view.timeline][-1] == short
    assert short in view.version_status
    first = version_view(record, record.versions[0], lang)
    assert first.dates.version.after is None and first.dates.version.text in ("10.1.2024", "10 January 2024")


def _plan(kind: str, lang: str) -> LitePlan:
    return LitePlan(url=f"{'' if lang == 'fi' else 'en/'}{SLUG}/{kind}/", lang=lang, kind=kind, slug=SLUG)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("fi", "muuttui 1.2.2024 ja 3.6.2024 välillä (tarkka päivä ei ole tiedossa)"),
        ("en", "changed between 1 February 2024 and 3 June 2024 (the exact day is not known)"),
    ],
)
def test_the_history_and_the_comparison_name_the_range(archive, lang: str, note: str) -> None:
    record = archive.get(SLUG)
    history = history_page(record, _plan("history", lang), STYLE, Links(), None)
    newest, oldest = history.rows
    assert newest.range_note == note and oldest.range_note is None
    assert newest.stated is not None and newest.stated.iso == "2024-01-10" and newest.recorded.iso == "2024-06-03"
    options = compare_page(record, _plan("compare", lang), STYLE, Links(), None).options
    assert options[0].label.startswith(newest.date.text) and "–" in options[0].label
    assert "–" not in options[1].label


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_feed_entry_names_the_range_and_is_dated_the_day_it_was_recorded(archive, lang: str) -> None:
    entries = {path: feed for path, feed in feeds(archive, lang, "https://example.org/")}
    feed = next(feed for path, feed in entries.items() if path.endswith(f"{SLUG}/feed.xml"))
    entry = next(e for e in feed.entries if e.kind == "version" and e.notice and e.notice.version.after)
    assert entry.published == "2024-06-03T00:00:00Z"  # the day the archive recorded it: a day it knew the text
    assert entry.notice.version.between in ("1.2.2024 ja 3.6.2024 välillä", "between 1 February 2024 and 3 June 2024")
    assert entry.notice.version.text in entry.title


def test_open_data_gives_the_range(archive) -> None:
    (organisation,) = [o for o in index(archive)["organisations"] if o["slug"] == SLUG]
    assert [(v["id"], v["changed_after"]) for v in organisation["versions"]] == [
        ("2024-01-10", None),
        ("2024-06-03", "2024-02-01"),
    ]


def test_the_sitemap_dates_a_range_by_its_last_day(archive) -> None:
    record = archive.get(SLUG)
    plan = LitePlan(url=f"{SLUG}/2024-06-03/", lang="fi", kind="version", slug=SLUG, version="2024-06-03")
    assert lite_page_changed(record, plan) == dt.date(2024, 6, 3)


def test_the_change_report_says_the_day_is_not_known(archive) -> None:
    record = archive.get(SLUG)
    report = render_report([comparison(record, "2024-01-10", "2024-06-03")], "t")
    assert (
        "- Date: not known to the day. The text changed after 2024-02-01 and no later than 2024-06-03 (`changed_after`)" in report
    )


def test_a_range_added_by_correction_is_in_the_report_as_a_changed_detail(archive, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "shapes", data)
    path = data / SLUG / "2024-06-03.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('changed_after: "2024-02-01"\n', ""), encoding="utf-8")
    before = load_archive(data, root=tmp_path)  # published without the range; the fixture adds it
    report = render_report(changes(before, archive), "t")
    assert "| changed\\_after |  | 2024-02-01 |" in report


def test_new_version_without_a_date_is_dated_today_with_a_range(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)  # esimerkki: versions 2024-01-10 and 2024-06-01
    today = dt.date.today().isoformat()
    assert main(["new-version", "esimerkki"]) == 0
    out = capsys.readouterr().out
    assert f"  changed_after: 2024-06-01: the day the text changed is not known, so the version is dated {today}" in out
    text = (tmp_path / f"data/esimerkki/{today}.yaml").read_text(encoding="utf-8")
    assert f'recorded_date: "{today}"\nchanged_after: "2024-06-01"\n' in text.replace("'", '"')


def test_new_version_with_a_date_has_no_range_unless_given_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    assert main(["new-version", "esimerkki", "--date", "2025-02-01"]) == 0
    draft = tmp_path / "data/esimerkki/2025-02-01.yaml"
    assert "changed_after" not in draft.read_text(encoding="utf-8")
    draft.unlink()  # a draft to fill in: the next command starts from the latest valid version again
    assert main(["new-version", "esimerkki", "--date", "2025-03-01", "--changed-after", "2024-05-01"]) == 2
    assert "--changed-after 2024-05-01 is before the latest version's date (2024-06-01)" in capsys.readouterr().err
    assert main(["new-version", "esimerkki", "--date", "2025-03-01", "--changed-after", "2025-03-01"]) == 2
    assert "is not before the version date 2025-03-01" in capsys.readouterr().err
    assert main(["new-version", "esimerkki", "--date", "2025-03-01", "--changed-after", "2024-12-24"]) == 0
    assert "changed_after: '2024-12-24'" in (tmp_path / "data/esimerkki/2025-03-01.yaml").read_text(encoding="utf-8")


def test_a_law_that_ended_within_the_range_is_not_said_to_have_ended_before_the_text() -> None:
    """A version citing Privacy Shield (ended 16 July 2020) dated 1 August 2020: as a day, Privacy Shield had ended
    when it was published; as a range from 1 July 2020, the archive cannot say so, only that it ended since."""
    from sitebuild import FROZEN

    record = load_archive(FROZEN, root=FROZEN.parent).get("infocrea").version("2018-09-19")
    day = dataclasses.replace(record, date=dt.date(2020, 8, 1))
    ranged = dataclasses.replace(day, version=dataclasses.replace(day.version, changed_after=dt.date(2020, 7, 1)))
    assert (day.known_from, ranged.known_from) == (dt.date(2020, 8, 1), dt.date(2020, 7, 1))

    def ended_before(r) -> bool:
        (shield,) = [o for o in checklist(r.version, r.known_from).outdated if o.law == "privacy-shield"]
        return shield.cited_after_end

    assert ended_before(day) and not ended_before(ranged)


def test_a_notice_that_states_a_month_only_is_shown_by_that_month_and_checked(archive) -> None:
    """ "Päivitetty: tammikuu 2025": the pages said the notice states no date."""
    from seloste.archive.versioncheck import stated_month_problems
    from seloste.publish.dates import stated_view

    version = dataclasses.replace(archive.get(SLUG).current.version, stated_date=None, stated_month="2025-01")
    assert [(v.iso, v.text) for lang in ("fi", "en") if (v := stated_view(version, lang))] == [
        ("2025-01", "1/2025"),
        ("2025-01", "January 2025"),
    ]
    assert stated_month_problems(version, dt.date(2025, 1, 31), None) == []
    earlier = dataclasses.replace(version, stated_date=dt.date(2025, 2, 1), stated_month=None)
    assert stated_month_problems(version, dt.date(2025, 3, 1), earlier) == [
        "stated_month: versions out of order: 2025-01 is before the month the previous version states, 2025-02"
    ]
    assert (
        stated_month_problems(version, dt.date(2025, 3, 1), dataclasses.replace(earlier, stated_date=dt.date(2025, 1, 31))) == []
    )
