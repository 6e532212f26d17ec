"""Real notices in the shapes they come in, archived faithfully with no workaround (tests/fixtures/shapes/):

- sama-paiva: two versions whose texts state the same date, both archived and shown with the dates they
  state and the dates recorded;
- taulukko: a Markdown source with front matter, a table, inline code and footnote asterisks;
- html-sivu: the visible text of an HTML page, with its menu, cookie banner and chat widget as noise;
- monisivuinen: a notice over three pages, captured in reading order;
- tiedostoittain: a notice kept in a repository as two files, one per page, each named in ``source.path``;
- valipaiva: a change whose day is not known, shown as the range it lies in (``changed_after``);
- voimassa: a first version whose publication day is not known, shown as in force by the day it was captured
  (``first_published: unknown``);
- otsikoton: an association's notice with no headings at all (its text from kuoronjohtajat.fi/tietosuojaseloste):
  one untitled section, the whole notice, not an introduction.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, expect

from conftest import serve
from datadir import FIXTURES
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive
from seloste.contribute.cli import main
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
                "5.3.2024 (uusin) Selosteen oma päiväys: 10.1.2024; Tallennettu arkistoon: 5.3.2024",
                "10.1.2024 Selosteen oma päiväys: 10.1.2024; Tallennettu arkistoon: 12.1.2024",
            ],
        ),
        (
            "en/",
            [
                "5 March 2024 (latest) Date the notice states: 10 January 2024; Recorded in the archive: 5 March 2024",
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


@pytest.mark.parametrize(("lang", "said"), [("", "Selosteen oma päiväys: ei mainita;"), ("en/", "Date the notice states: none;")])
def test_a_history_row_of_a_version_stating_no_date_says_none(shapes_site: Build, lang: str, said: str) -> None:
    """Not "Date the notice states: the notice states no date" (a maintainer's trial)."""
    page = shapes_site.soup(f"{lang}otsikoton/history/")
    (row,) = [" ".join(row.select_one("th").get_text(" ", strip=True).split()) for row in page.select(".sl-history tbody tr")]
    assert said in row, row


@pytest.mark.parametrize(
    ("lang", "dates", "history", "change"),
    [
        (
            "",
            "Teksti muuttui 1.2.2024 ja 3.6.2024 välillä (tarkka päivä ei ole tiedossa)",
            "1.2.2024–3.6.2024 (uusin) muuttui 1.2.2024 ja 3.6.2024 välillä (tarkka päivä ei ole tiedossa); "
            "Selosteen oma päiväys: 10.1.2024; Tallennettu arkistoon: 3.6.2024",
            "Viimeisin muutos 1.2.2024 ja 3.6.2024 välillä",
        ),
        (
            "en/",
            "The text changed between 1 February 2024 and 3 June 2024 (the exact day is not known)",
            "1 February 2024 – 3 June 2024 (latest) changed between 1 February 2024 and 3 June 2024 (the exact day is not "
            "known); Date the notice states: 10 January 2024; Recorded in the archive: 3 June 2024",
            "Latest change between 1 February 2024 and 3 June 2024",
        ),
    ],
)
def test_a_change_whose_day_is_not_known_is_shown_as_its_range(
    shapes_site: Build, lang: str, dates: str, history: str, change: str
) -> None:
    for page in (f"{lang}valipaiva/", f"{lang}valipaiva/2024-06-03/"):
        soup = shapes_site.soup(page)
        summary = soup.select_one("details.sl-dates summary span")
        assert " ".join(summary.get_text().split()) == dates
        assert [t["datetime"] for t in summary.select("time")] == ["2024-02-01", "2024-06-03"]
        assert " ".join(soup.select_one(".sl-change strong").get_text().split()) == change
    rows = shapes_site.soup(f"{lang}valipaiva/history/").select(".sl-history tbody tr th")
    assert " ".join(rows[0].get_text("", strip=False).split()) == history


@pytest.mark.parametrize(
    ("lang", "dates", "short", "history"),
    [
        (
            "",
            "Teksti oli voimassa viimeistään 5.3.2024 alkaen; julkaistu silloin tai aiemmin (tarkka päivä ei ole tiedossa)",
            "5.3.2024 (tai aiemmin)",
            "voimassa viimeistään 5.3.2024 alkaen; julkaistu silloin tai aiemmin (tarkka päivä ei ole tiedossa);",
        ),
        (
            "en/",
            "The text was in force by 5 March 2024; first published then or earlier (the exact day is not known)",
            "5 March 2024 (or earlier)",
            "in force by 5 March 2024; first published then or earlier (the exact day is not known);",
        ),
    ],
)
def test_a_first_version_whose_publication_day_is_not_known_is_shown_in_force_by(
    shapes_site: Build, lang: str, dates: str, short: str, history: str
) -> None:
    soup = shapes_site.soup(f"{lang}voimassa/2024-03-05/")
    summary = soup.select_one("details.sl-dates summary span")
    assert " ".join(summary.get_text().split()) == dates
    assert [t["datetime"] for t in summary.select("time")] == ["2024-03-05"]
    assert "voimassa/2024-03-05" not in str(soup.select_one("details.sl-dates summary").get_text())
    for page in (f"{lang}voimassa/", f"{lang}voimassa/2024-03-05/"):  # the timeline, on the later version's page too
        timeline = [" ".join(a.get_text().split()) for a in shapes_site.soup(page).select(".sl-timeline a")]
        assert timeline[0] == short, timeline
    rows = shapes_site.soup(f"{lang}voimassa/history/").select(".sl-history tbody tr th")
    oldest = " ".join(rows[-1].get_text("", strip=False).split())
    assert oldest.startswith(short) and history in oldest, oldest
    assert history not in " ".join(rows[0].get_text().split())
    feed = (shapes_site.site / lang / "voimassa" / "feed.xml").read_text(encoding="utf-8")
    assert history.rstrip(";") in feed


def test_the_comparison_of_the_two_shows_the_change(shapes_site: Build) -> None:
    versions = {id: shapes_site.soup(f"sama-paiva/{id}/").select_one("article.sl-notice") for id in ("2024-01-10", "2024-03-05")}
    assert "kolme vuotta" in versions["2024-01-10"].get_text() and "neljä vuotta" in versions["2024-03-05"].get_text()


def _errors(tmp_path: Path, slug: str, name: str, old: str, new: str) -> list[str]:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "shapes" / slug, data / slug)
    path = data / slug / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        load_archive(data, root=tmp_path)
    return [str(e) for e in raised.value.errors]


def test_every_shape_is_faithful_to_its_capture(tmp_path: Path) -> None:
    archive = load_archive(FIXTURES / "shapes", root=FIXTURES)
    assert {r.slug for r in archive.organisations} >= {"sama-paiva", "taulukko", "html-sivu", "monisivuinen"}


def test_the_change_report_shows_a_changed_table_row_as_a_row_of_cells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reviewer reads a row as the comparison page shows it: its cells on one line, between '|', named a row."""
    shutil.copytree(FIXTURES / "shapes" / "taulukko", tmp_path / "data" / "taulukko")
    monkeypatch.chdir(tmp_path)
    assert main(["report", "taulukko"]) == 0
    report = capsys.readouterr().out
    assert "  - Taulukon rivi: \\_ga \\| analytiikka \\| <del>2 vuotta</del><ins>13 kuukautta</ins>\\*\n" in report
    assert "  - Table row: \\_ga \\| analytics \\| <del>2 years</del><ins>13 months</ins>\\*\n" in report
    assert "<br>\\|" not in report  # no cell on a line of its own


@pytest.mark.parametrize("slug", ["infocrea", "planeetta-internet"])
def test_each_changed_section_and_block_of_the_change_report_is_a_bullet_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], slug: str
) -> None:
    """A section's bullet and each changed block's start a line: run together, Markdown shows them as one bullet."""
    shutil.copytree(FIXTURES / "archive" / slug, tmp_path / "data" / slug)
    monkeypatch.chdir(tmp_path)
    assert main(["report", slug]) == 0
    report = capsys.readouterr().out
    assert re.search(r"(?m)^  - ", report) and re.search(r"(?m)^- \*\*", report)  # changed blocks, in sections
    assert re.search(r"\S- \*\*|\S  - ", report) is None  # no bullet follows text on its line


def test_a_table_cell_is_checked_against_the_capture_with_its_code_and_asterisk(tmp_path: Path) -> None:
    row = "| `session_id` | kirjautuminen | istunto |"
    errors = _errors(tmp_path, "taulukko", "2024-01-10.yaml", row, row.replace("istunto", "vuosi"))
    assert errors == [
        "data/taulukko/2024-01-10.yaml:29:11: sections[1].body.fi: text that is not in the original capture "
        "(captures/2024-01-10.txt): 'session_id kirjautuminen vuosi'; publish the notice's own words only (a note of ours "
        "goes in source.note)",
        "data/taulukko/captures/2024-01-10.txt:16:1: this sentence of the original is missing from "
        "taulukko/2024-01-10.yaml's Finnish text, or out of order: 'session_id kirjautuminen istunto'; the nearest text "
        "has 'session_id kirjautuminen vuosi * Googlen ilmoittama' where the capture has 'session_id kirjautuminen istunto'",
    ]


def test_chrome_words_inside_the_notice_are_the_notices(tmp_path: Path) -> None:
    # "Palvelut" is a menu item at the capture's start; the same word as a heading inside the notice is not noise
    errors = _errors(tmp_path, "html-sivu", "captures/2024-01-10.txt", "Mitä tietoja keräämme\n", "Palvelut\n")
    assert "data/html-sivu/captures/2024-01-10.txt:14:1: this sentence of the original is missing" in errors[-1], errors
    inside = '    - Etusivu\n    - "Keräämme seuraavia tietoja:"\n'
    errors = _errors(tmp_path / "b", "html-sivu", "2024-01-10.yaml", "    - Etusivu\n", inside)
    assert errors[0].startswith(
        "data/html-sivu/2024-01-10.yaml:8:7: source.capture_noise[1]: 'Keräämme seuraavia tietoja:' is not a line at the "
        "start or end of the capture"
    ), errors


def test_a_page_of_a_multi_page_notice_cannot_go_missing(tmp_path: Path) -> None:
    last = "Sinulla on oikeus tarkastaa tietosi."
    errors = _errors(tmp_path, "monisivuinen", "captures/2024-01-10.txt", last, last.replace("tarkastaa", "tarkastaa ja korjata"))
    assert errors[-1] == (
        "data/monisivuinen/captures/2024-01-10.txt:18:1: this sentence of the original is missing from "
        "monisivuinen/2024-01-10.yaml's Finnish text, or out of order: 'Sinulla on oikeus tarkastaa ja korjata tietosi.'; "
        "the nearest text has 'on oikeus tarkastaa tietosi.' where the capture has 'on oikeus tarkastaa ja korjata tietosi.'"
    )


@pytest.mark.parametrize("lang", ["", "en/"])
def test_tables_stay_tables_with_their_code_and_asterisks(shapes_site: Build, lang: str) -> None:
    page = shapes_site.soup(f"{lang}taulukko/")
    table = page.select_one("#evasteet ~ .sl-section__body table, section[data-section=evasteet] table")
    assert table is not None
    cells = [[c.get_text() for c in row.find_all(["th", "td"])] for row in table.select("tr")]
    assert cells[1][0] == "_ga" and table.select_one("td code").get_text() == "_ga"
    assert cells[1][2] in ("13 kuukautta*", "13 months*")
    old = str(shapes_site.soup(f"{lang}taulukko/2024-01-10/").select_one("article.sl-notice"))
    assert "<table>" in old and "<code>_ga</code>" in old


def test_a_multi_page_notice_links_every_page(shapes_site: Build) -> None:
    links = [a["href"] for a in shapes_site.soup("monisivuinen/").select(".sl-meta a[rel~=nofollow]")]
    assert links == [
        "https://monisivu.fi/tietosuoja",
        "https://monisivu.fi/tietosuoja/tiedot",
        "https://monisivu.fi/tietosuoja/oikeudet",
    ]


@pytest.mark.browser
def test_the_comparison_shows_a_changed_table_cell_as_a_table_row(shapes_site: Build, browser: Browser) -> None:
    with serve(shapes_site.site) as base:
        page = browser.new_page()
        page.goto(base + "taulukko/compare/?from=2024-01-10&to=2024-06-01")
        changed = page.locator("#sl-diff table.sl-diff__table tr:has(ins)")
        expect(changed).to_have_count(1)
        cells = changed.locator("td")
        assert cells.count() == 3 and cells.nth(0).inner_text() == "_ga"
        assert cells.nth(2).locator("del").inner_text().strip() == "2 vuotta" or "2" in cells.nth(2).locator("del").inner_text()
        assert "13" in cells.nth(2).locator("ins").inner_text()
        page.close()


LONG_COOKIE = "wordpress_logged_in_1a2b3c4d5e6f7a8b"
"""A cookie's name as long as some are (WordPress's, with the site's hash), in place of taulukko's ``session_id``."""
LONG_GA = "_ga_1A2B3C4D5E6F7G8H9J0K1L2M3N4P"
"""Google Analytics 4's cookie, named with the property's id, in place of taulukko's ``_ga``: its row changes."""


@pytest.mark.browser
def test_a_cookies_name_in_a_notices_table_stays_whole_on_a_phone(tmp_path: Path, browser: Browser) -> None:
    """Material breaks code anywhere to narrow a table's column: on a phone a cookie's name stood over two lines
    (Uutistenlukija.fi's ``cookie_con`` / ``sent``), read as two names. It stays on one line, the table scrolls."""
    root = fixture_project(tmp_path / "project")
    shutil.copytree(FIXTURES / "shapes" / "taulukko", root / "data" / "taulukko")
    for path in (root / "data" / "taulukko").rglob("*.*"):
        ga = LONG_GA + ("_v2" if "2024-06-01" in path.name else "")  # renamed in the newer version: a changed name
        text = path.read_text(encoding="utf-8").replace("session_id", LONG_COOKIE).replace("_ga", ga)
        path.write_text(text, encoding="utf-8")
    site = build(root, root / "site")
    assert site.returncode == 0, site.stderr
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    with serve(site.site) as base:
        for prefix in ("", "en/"):
            page.goto(f"{base}{prefix}taulukko/")
            names = page.locator(".sl-section__body td code").evaluate_all(
                "codes => codes.map(c => [c.textContent, c.getClientRects().length])"
            )
            assert names == [[LONG_GA + "_v2", 1], [LONG_COOKIE, 1]], prefix  # each on one line
            assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0  # the page does not scroll
            # the comparison's changed row: the name whole on its line, the table, not the page, scrolls sideways
            page.goto(f"{base}{prefix}taulukko/compare/?from=2024-01-10&to=2024-06-01")
            page.wait_for_selector("#sl-diff[data-ready]")
            cells = page.locator("#sl-diff table.sl-diff__table tr:has(ins) td").evaluate_all(
                "cells => cells.map(c => [...c.childNodes].map(n => n.textContent).join(''))"
            )
            assert cells[0].strip() == LONG_GA + LONG_GA + "_v2", cells  # the older name deleted, the newer inserted
            lines = page.locator("#sl-diff table.sl-diff__table tr:has(ins) td").first.evaluate(
                "td => [...td.querySelectorAll('ins, del')].map(e => [e.textContent.trim(), e.getClientRects().length])"
            )
            assert sorted(lines) == [[LONG_GA, 1], [LONG_GA + "_v2", 1]], prefix  # each name on one line
            assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0, prefix
    context.close()


@pytest.mark.parametrize("slug", sorted(p.name for p in (FIXTURES / "shapes").iterdir() if p.is_dir()))
def test_each_shape_says_the_truth_about_its_language(shapes_site: Build, slug: str) -> None:
    # published in Finnish only: the Finnish page says it is the organisation's own text; the English page, ours
    finnish, english = shapes_site.soup(f"{slug}/"), shapes_site.soup(f"en/{slug}/")
    assert finnish.select("article .sl-translation, article .sl-original-only") == []
    (note,) = finnish.select("article .sl-own-text")
    assert note.get_text(strip=True) == "Organisaation oma teksti, ei arkiston käännös."
    assert (
        note["title"]
        == "Organisaatio julkaisi tämän selosteen suomeksi; tämä on sen oma teksti sellaisenaan, ei arkiston käännös."
    )
    assert finnish.select_one("article h1").get("lang") is None and finnish.select_one(".sl-notice__text").get("lang") is None
    note = english.select_one("article .sl-translation")
    assert note is not None and "a notice the organisation published in Finnish" in note.get_text(" ", strip=True)


def test_a_notice_over_pages_has_a_capture_per_page_each_with_its_own_front_matter(tmp_path: Path) -> None:
    # sivuittain: two page files (YAML and TOML front matter), the second page's button given by its own line number
    record = load_archive(FIXTURES / "shapes", root=FIXTURES).get("sivuittain").current
    assert [len(text.splitlines()) for text in record.pages["fi"]] == [6, 7]
    errors = _errors(tmp_path, "sivuittain", "captures/2024-01-10.2.txt", "välttämättömiä", "vain välttämättömiä")
    assert errors[-1] == (
        "data/sivuittain/captures/2024-01-10.2.txt:5:1: this sentence of the original is missing from "
        "sivuittain/2024-01-10.yaml's Finnish text, or out of order: 'Käytämme vain välttämättömiä evästeitä.'; the "
        "nearest text has 'Evästeet Käytämme välttämättömiä' where the capture has 'Käytämme vain'"
    )
    errors = _errors(tmp_path / "b", "sivuittain", "2024-01-10.yaml", '{lines: "7", page: "2"}', '{lines: "7", page: "3"}')
    assert errors == [
        "data/sivuittain/2024-01-10.yaml:8:7: source.capture_noise[0]: there is no page 3; source.capture lists 2",
        "data/sivuittain/captures/2024-01-10.2.txt:7:1: this sentence of the original is missing from "
        "sivuittain/2024-01-10.yaml's Finnish text, or out of order: 'Evästeasetukset'",
    ]  # the capture's raw HTML is read as a page shows it: the button's text, not its tags


@pytest.mark.parametrize(("lang", "page"), [("", "sivu 2"), ("en/", "page 2")])
def test_a_notice_kept_as_files_names_each_pages_file_on_its_page(shapes_site: Build, lang: str, page: str) -> None:
    source = shapes_site.soup(f"{lang}tiedostoittain/2024-01-10/").select_one(".sl-about-version .sl-meta dd")
    assert source is not None
    assert " ".join(source.get_text().split()) == (
        f"tiedostoittain/sivusto: content/tietosuoja/index.md @ 3f61053b37, {page}: content/evasteet/index.md"
    )
    at_commit = "https://github.com/tiedostoittain/sivusto/blob/3f61053b37dd9aa5a1a8964053fc43be0ef488cb/content"
    assert [a["href"] for a in source.select("a")] == [f"{at_commit}/tietosuoja/index.md", f"{at_commit}/evasteet/index.md"]


@pytest.mark.build
def test_a_notices_address_and_its_file_are_each_linked_by_its_own_name(tmp_path: Path) -> None:
    """The page's address and the site's source file at a commit, both given: the link read 'owner/repo: path @ commit'
    and led to the address (a trial's contributor)."""
    root = fixture_project(tmp_path / "project")
    shutil.copytree(FIXTURES / "shapes" / "tiedostoittain", root / "data" / "tiedostoittain")
    version = root / "data" / "tiedostoittain" / "2024-01-10.yaml"
    text = version.read_text(encoding="utf-8")
    version.write_text(text.replace("source:\n", "source:\n  url: https://tiedostoittain.fi/tietosuoja\n", 1), "utf-8")
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    source = result.soup("tiedostoittain/2024-01-10/").select_one(".sl-about-version .sl-meta dd")
    assert source is not None
    at_commit = "https://github.com/tiedostoittain/sivusto/blob/3f61053b37dd9aa5a1a8964053fc43be0ef488cb/content"
    assert [(a["href"], a.get_text()) for a in source.select("a")] == [
        ("https://tiedostoittain.fi/tietosuoja", "tiedostoittain.fi/tietosuoja"),
        (f"{at_commit}/tietosuoja/index.md", "tiedostoittain/sivusto: content/tietosuoja/index.md @ 3f61053b37"),
        (f"{at_commit}/evasteet/index.md", "sivu 2: content/evasteet/index.md"),
    ]


def test_a_list_of_no_pages_is_refused(tmp_path: Path) -> None:
    pages = "capture: [captures/2024-01-10.1.txt, captures/2024-01-10.2.txt]"
    errors = _errors(tmp_path, "sivuittain", "2024-01-10.yaml", pages, "capture: []")
    assert errors[0] == "data/sivuittain/2024-01-10.yaml:6:12: source.capture: an empty list; give one capture per page"


@pytest.mark.parametrize(("lang", "not_stated"), [("", "ei kerrottu"), ("en/", "not stated")])
def test_a_notice_that_names_no_controller_says_so_on_its_pages(shapes_site: Build, lang: str, not_stated: str) -> None:
    """julkaisija names only the app's publisher: the panel lists the controller among what the notice does not state,
    the version's page says 'not stated' where it names the controller, and the checklist's item is not stated."""
    notice = shapes_site.soup(f"{lang}julkaisija/")
    assert notice.select_one('.sl-glance__unstated [data-fact="controller"]') is not None
    version = shapes_site.soup(f"{lang}julkaisija/2024-02-01/")
    parties = {
        party.select_one("dt").get_text(strip=True): party.select_one("dd").get_text(" ", strip=True)
        for party in version.select(".sl-parties .sl-party")
    }
    assert next(iter(parties.values())) == not_stated and len(parties) == 2  # the controller, then the contact given
    checklist = shapes_site.soup(f"{lang}julkaisija/checklist/")
    assert checklist.select_one('tr[data-item="controller"]')["data-status"] == "not-stated"


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["fi", "en"])
def test_a_notice_with_no_headings_is_one_text_with_no_outline_calling_it_an_introduction(
    shapes_site: Build, prefix: str
) -> None:
    page = shapes_site.soup(f"{prefix}otsikoton/")
    (section,) = page.select(".sl-notice__text section")
    assert section["id"] == "seloste" and section.select_one("h2") is None
    assert ("The data of persons who join" if prefix else "Yhdistykseen liittyvien henkilöiden") in section.get_text()
    assert page.select(".md-sidebar--secondary a.md-nav__link") == [] and page.select_one(".sl-toc") is None


def test_the_import_of_a_text_with_no_headings_drafts_it_as_the_whole_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    capture = FIXTURES / "shapes" / "otsikoton" / "captures" / "2024-09-02.txt"
    main(["import", "otsikoton", str(capture), "--name", "Otsikoton ry"])
    (draft,) = (tmp_path / "data" / "otsikoton").glob("20*.yaml")
    version = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert [s["id"] for s in version["sections"]] == ["seloste"] and "heading" not in version["sections"][0]
    assert version["title"] == {"fi": "Tietosuojaseloste"}
