"""An organisation's first version whose publication day is not known (``first_published: unknown``): dated by a day
its text is known to have been in force, and told so wherever a version's date is shown or used (the version page's
dates line, the timeline, the history, the comparison's labels, the feeds, the open data, the change report, the
checklist); refused on any version but the first; offered by ``seloste new-organisation`` and ``seloste import``.
The built pages in both languages: tests/test_shapes.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from datadir import FIXTURES, copy_valid
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive
from seloste.compare.report import changes, render_report
from seloste.contribute.cli import main
from seloste.publish.checklist import checklist
from seloste.publish.feeds import feeds
from seloste.publish.frame import Style
from seloste.publish.liteviews import Links, LitePlan, checklist_page, compare_page, history_page
from seloste.publish.opendata import index
from seloste.publish.pages import version_view
from seloste.publish.sitemap import lite_page_changed

STYLE = Style(stylesheets=())
SLUG = "voimassa"
"""tests/fixtures/shapes/voimassa: a first version in force by 5 March 2024, published then or earlier, and a second
version of 1 August 2024."""


@pytest.fixture(scope="module")
def archive():
    return load_archive(FIXTURES / "shapes", root=FIXTURES)


def _errors(tmp_path: Path, name: str, old: str, new: str) -> list[str]:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "shapes" / SLUG, data / SLUG)
    path = data / SLUG / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        load_archive(data, root=tmp_path)
    return [str(e) for e in raised.value.errors]


def test_the_fixtures_first_version_is_in_force_by_its_date(archive) -> None:
    first, second = archive.get(SLUG).versions
    assert (first.id, first.published_by, second.published_by) == ("2024-03-05", True, False)


def test_a_later_version_cannot_say_its_publication_day_is_not_known(tmp_path: Path) -> None:
    said = 'recorded_date: "2024-08-01"\nfirst_published: unknown\n'
    errors = _errors(tmp_path, "2024-08-01.yaml", 'recorded_date: "2024-08-01"\n', said)
    assert errors == [
        "data/voimassa/2024-08-01.yaml:3:18: first_published: unknown: only an organisation's first version may say its "
        "publication day is not known; this version follows 2024-03-05.yaml, so its text was published after "
        "2024-03-05: remove 'first_published', and if the day it changed is not known, give "
        'changed_after: "2024-03-05" (the last day the previous text is known to have stood)'
    ]


def test_first_published_says_only_unknown(tmp_path: Path) -> None:
    errors = _errors(tmp_path, "2024-03-05.yaml", "first_published: unknown", 'first_published: "2024-01-01"')
    assert errors[0] == "data/voimassa/2024-03-05.yaml:3:18: first_published: expected one of unknown; got '2024-01-01'"


@pytest.mark.parametrize(
    ("lang", "short", "sentence"),
    [
        ("fi", "5.3.2024 (tai aiemmin)", "voimassa viimeistään 5.3.2024 alkaen; julkaistu silloin tai aiemmin"),
        ("en", "5 March 2024 (or earlier)", "in force by 5 March 2024; first published then or earlier"),
    ],
)
def test_the_version_page_says_in_force_by_and_never_published_on_the_day(archive, lang: str, short: str, sentence: str) -> None:
    record = archive.get(SLUG)
    first, second = record.versions
    view = version_view(record, first, lang)
    assert view.dates.version.by is not None and view.dates.version.by.iso == "2024-03-05"
    assert (view.dates.version.text, view.dates.version.in_force_by) == (short, sentence)
    assert view.dates.version.after is None and not view.dates.stated_is_version
    assert next(entry.date.text for entry in view.timeline) == short
    assert short in view.version_status
    later = version_view(record, second, lang)
    assert later.dates.version.by is None and later.dates.version.text in ("1.8.2024", "1 August 2024")
    assert [entry.date.text for entry in later.timeline] == [short, later.dates.version.text]


def _plan(kind: str, lang: str) -> LitePlan:
    return LitePlan(url=f"{'' if lang == 'fi' else 'en/'}{SLUG}/{kind}/", lang=lang, kind=kind, slug=SLUG)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("fi", "voimassa viimeistään 5.3.2024 alkaen; julkaistu silloin tai aiemmin (tarkka päivä ei ole tiedossa)"),
        ("en", "in force by 5 March 2024; first published then or earlier (the exact day is not known)"),
    ],
)
def test_the_history_and_the_comparison_say_in_force_by(archive, lang: str, note: str) -> None:
    record = archive.get(SLUG)
    newest, oldest = history_page(record, _plan("history", lang), STYLE, Links(), None).rows
    assert oldest.range_note == note and newest.range_note is None
    options = compare_page(record, _plan("compare", lang), STYLE, Links(), None).options
    assert [o.id for o in options] == ["2024-08-01", "2024-03-05"] or [o.id for o in options] == ["2024-03-05", "2024-08-01"]
    (first,) = [o for o in options if o.id == "2024-03-05"]
    assert first.label == oldest.date.text and ("aiemmin" in first.label or "earlier" in first.label)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_feed_entry_says_in_force_by(archive, lang: str) -> None:
    entries = {path: feed for path, feed in feeds(archive, lang, "https://example.org/")}
    feed = next(feed for path, feed in entries.items() if path.endswith(f"{SLUG}/feed.xml"))
    (entry,) = [e for e in feed.entries if e.kind == "version" and e.notice and e.notice.version.by]
    assert entry.notice.version.in_force_by.startswith(("voimassa viimeistään 5.3.2024", "in force by 5 March 2024"))
    assert entry.notice.version.text in entry.title


def test_open_data_gives_first_published(archive) -> None:
    (organisation,) = [o for o in index(archive)["organisations"] if o["slug"] == SLUG]
    assert [(v["id"], v["first_published"]) for v in organisation["versions"]] == [
        ("2024-03-05", "unknown"),
        ("2024-08-01", None),
    ]
    valipaiva = next(o for o in index(archive)["organisations"] if o["slug"] == "valipaiva")
    assert {v["first_published"] for v in valipaiva["versions"]} == {None}


def test_the_sitemap_dates_the_first_version_by_the_day_it_was_in_force(archive) -> None:
    record = archive.get(SLUG)
    plan = LitePlan(url=f"{SLUG}/2024-03-05/", lang="fi", kind="version", slug=SLUG, version="2024-03-05")
    assert lite_page_changed(record, plan) == dt.date(2024, 3, 5)


def test_the_change_report_says_the_publication_day_is_not_known(archive, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "shapes", data)
    shutil.rmtree(data / SLUG)
    before = load_archive(data, root=tmp_path)  # the organisation is new in the change
    report = render_report(changes(before, archive), "t")
    said = (
        "- Date: the day it was first published is not known. The text was in force by 2024-03-05 and first published "
        "then or earlier (`first_published: unknown`)"
    )
    assert report.count(said) == 1, report  # under the version, not again under the organisation
    assert report.index("New version **2024-03-05**") < report.index(said)
    first = report[report.index("New version **2024-03-05**") : report.index("New version **2024-08-01**")]
    assert "\n\nUusi teksti, " in first and "\n\nNew text, " in first, first  # a new text, not a changed one
    assert "Tekstiä muutettiin." not in first and "The text changed." not in first
    assert re.search(r"\n- Dates: the version is dated 2024-03-05; the notice states (?:[0-9-]{10}|no date) \(`stated_date`\); "
                     r"recorded in the archive [0-9-]{10} \(`recorded_date`\)\.\n", first), first  # fmt: skip


def test_first_published_added_by_correction_is_a_changed_detail(archive, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "shapes", data)
    path = data / SLUG / "2024-03-05.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("first_published: unknown\n", ""), encoding="utf-8")
    report = render_report(changes(load_archive(data, root=tmp_path), archive), "t")
    assert "| first\\_published |  | unknown |" in report


def test_a_law_is_not_said_to_have_ended_before_a_text_whose_publication_day_is_not_known() -> None:
    """A version citing Privacy Shield (ended 16 July 2020) in force by 1 August 2020: published on that day, Privacy
    Shield had ended when it was published; published then or earlier, the archive cannot say so, only that it has
    ended since."""
    from sitebuild import FROZEN

    record = load_archive(FROZEN, root=FROZEN.parent).get("infocrea").version("2018-09-19")
    day = dataclasses.replace(record, date=dt.date(2020, 8, 1))
    by = dataclasses.replace(day, version=dataclasses.replace(day.version, first_published="unknown"))

    def ended_before(r) -> bool:
        (shield,) = [o for o in checklist(r.version, r.known_from).outdated if o.law == "privacy-shield"]
        return shield.cited_after_end

    assert ended_before(day) and not ended_before(by)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_checklist_names_the_version_as_in_force_by(tmp_path: Path, lang: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "shapes" / SLUG, data / SLUG)
    (data / SLUG / "2024-08-01.yaml").unlink()
    (data / SLUG / "captures" / "2024-08-01.txt").unlink()
    record = load_archive(data, root=tmp_path).get(SLUG)
    page = checklist_page(record, _plan("checklist", lang), STYLE, Links(), None)
    assert page.version_date.by is not None and page.version_date.text in ("5.3.2024 (tai aiemmin)", "5 March 2024 (or earlier)")


# --- the commands that write a first version -----------------------------------------------------------------------


def test_new_organisation_without_a_date_is_in_force_by_today(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    today = dt.date.today().isoformat()
    assert main(["new-organisation", "uusi-oy", "--name", "Uusi Oy"]) == 0
    out = capsys.readouterr().out
    said = "  first_published: unknown: the notice states no date and no --date was given, so the version is dated"
    assert f"{said} {today}" in out
    version = yaml.safe_load((tmp_path / f"data/uusi-oy/{today}.yaml").read_text(encoding="utf-8"))
    assert version["first_published"] == "unknown"


def test_new_organisation_with_a_date_says_so_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    assert main(["new-organisation", "paivatty-oy", "--name", "Päivätty Oy", "--date", "2025-01-15"]) == 0
    assert "first_published" not in (tmp_path / "data/paivatty-oy/2025-01-15.yaml").read_text(encoding="utf-8")
    assert "first_published" not in capsys.readouterr().out
    args = ["new-organisation", "arkistosta-oy", "--name", "Arkistosta Oy", "--date", "2025-01-15", "--first-published-unknown"]
    assert main(args) == 0
    assert "first_published: unknown: --first-published-unknown" in capsys.readouterr().out
    version = yaml.safe_load((tmp_path / "data/arkistosta-oy/2025-01-15.yaml").read_text(encoding="utf-8"))
    assert version["first_published"] == "unknown"


def test_new_version_does_not_carry_first_published_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(FIXTURES / "shapes" / SLUG, tmp_path / "data" / SLUG)
    (tmp_path / "data" / SLUG / "2024-08-01.yaml").unlink()
    (tmp_path / "data" / SLUG / "captures" / "2024-08-01.txt").unlink()
    assert main(["new-version", SLUG, "--date", "2024-09-01"]) == 0
    assert "first_published" not in (tmp_path / "data" / SLUG / "2024-09-01.yaml").read_text(encoding="utf-8")


def test_import_refuses_first_published_unknown_for_a_later_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    page = tmp_path / "page.md"
    page.write_text("# Tietosuojaseloste\n\nTeksti.\n", encoding="utf-8")
    assert main(["import", "esimerkki", str(page), "--first-published-unknown"]) == 2
    assert "--first-published-unknown is for an organisation's first version; esimerkki has versions" in capsys.readouterr().err
