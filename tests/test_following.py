"""``seloste import`` and ``seloste track`` against a real HTTP server started by the test, serving notice pages
of every kind a live site gives: unchanged, changed, changed only around the notice, missing, too slow,
redirected, in ISO-8859-1, too large, and a notice over two pages."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gzip
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from cliruns import run
from datadir import FIXTURES, VERSION_LINE
from deadline import deadline
from seloste.archive import githubpage
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive
from seloste.archive.tracklog import load_log
from seloste.contribute import drafting, extract, githubfile, stateddate, tracker
from seloste.contribute import fetch as fetching
from seloste.contribute.cli import main as cli_main
from seloste.contribute.following import _previous_address
from seloste.contribute.importer import Page
from seloste.contribute.tracker import draft_report

NOTICE = """<!doctype html>
<html lang="fi"><head><meta charset="{charset}"><title>Tietosuojaseloste | Esimerkki Oy</title>
<script>window.analytics = {{}};</script></head>
<body>
<nav><a href="/">Etusivu</a> <a href="/palvelut">Palvelut</a></nav>
<div class="cookie-banner">{banner}</div>
<main><article>
<h1>Tietosuojaseloste</h1>
<p>Päivitetty {updated}.</p>
<h2>1. Rekisterinpitäjä</h2>
<p>Esimerkki Oy (Y-tunnus 1783913-6)<br>Testikatu 1, 00100 Helsinki</p>
<p>Sähköposti: <a href="mailto:tietosuoja@esimerkki.fi">tietosuoja@esimerkki.fi</a></p>
<h2>2. Mitä tietoja keräämme</h2>
<ul><li>nimi ja <strong>yhteystiedot</strong></li><li>tilaushistoria</li></ul>
<h3>2.1 Evästeet</h3>
<table><thead><tr><th>Eväste</th><th>Tarkoitus</th></tr></thead>
<tbody><tr><td>_ga</td><td>analytiikka</td></tr><tr><td>sid</td><td>istunto | kirjautuminen</td></tr></tbody></table>
<h2>3. Säilytysaika</h2>
<p>Säilytämme tietoja {years} vuotta.</p>
<p>Voit valittaa <a href="https://tietosuoja.fi/">tietosuojavaltuutetulle</a>.</p>
<form class="newsletter"><p>Tilaa uutiskirje</p><input name="email"></form>
</article></main>
<div id="chat">{chat}</div>
</body></html>
"""


def notice(*, charset: str = "utf-8", banner: str = "Käytämme evästeitä.", chat: str = "Kysy meiltä!", updated: str = "1.3.2024",
           years: str = "viisi") -> str:  # fmt: skip
    return NOTICE.format(charset=charset, banner=banner, chat=chat, updated=updated, years=years)


PAGE_TWO = """<html><head><meta charset="utf-8"><title>Tietosuojaseloste, osa 2</title></head><body><main>
<h2>4. Oikeutesi</h2><p>Sinulla on oikeus tarkastaa tietosi.</p></main></body></html>"""


class Site:
    """What the server answers, by path: (status, headers, body, seconds to wait first); and the paths whose body it
    sends a byte at a time, with the seconds between bytes."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes, float]] = {}
        self.agents: list[str] = []
        """The User-Agent of every request, in order."""
        self.asked: list[tuple[str, str | None]] = []
        """The path and the Authorization header of every request, in order."""
        self.trickle: dict[str, float] = {}

    def page(self, path: str, html: str, *, encoding: str = "utf-8", content_type: str = "text/html; charset=utf-8") -> None:
        self.routes[path] = (200, {"Content-Type": content_type}, html.encode(encoding), 0.0)


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    served = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.agents.append(self.headers.get("User-Agent", ""))
            served.asked.append((self.path, self.headers.get("Authorization")))
            status, headers, body, delay = served.routes.get(self.path, (404, {}, b"not found", 0.0))
            time.sleep(delay)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                if self.path not in served.trickle:
                    self.wfile.write(body)
                for byte in body if self.path in served.trickle else b"":
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(served.trickle[self.path])

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield served, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


SHA_ONE, SHA_TWO = "0a1b2c3d4e" * 4, "f9e8d7c6b5" * 4


class GitHub:
    """GitHub as the test's server plays it: its API's answer to which commit last changed a file on a branch, and the
    files at their commits (raw.githubusercontent.com)."""

    def __init__(self, served: Site, base: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.served = served
        monkeypatch.setattr(githubfile, "GITHUB_API", base + "/api")
        monkeypatch.setattr(githubpage, "GITHUB_RAW", base + "/raw")

    def commit(self, repository: str, branch: str, path: str, sha: str, when: str) -> None:
        query = f"path={urllib.parse.quote(path, safe='')}&per_page=1" + ("" if branch == "HEAD" else f"&sha={branch}")
        answer = json.dumps([{"sha": sha, "commit": {"committer": {"date": when}}}])
        self.served.page(f"/api/repos/{repository}/commits?{query}", answer, content_type="application/json")

    def file(self, repository: str, sha: str, path: str, text: str) -> None:
        self.served.page(f"/raw/{repository}/{sha}/{path}", text, content_type="text/plain; charset=utf-8")


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(fetching, "RETRIES", 1)  # a failure is a failure at once (retries: a test of their own)
    (tmp_path / "data").mkdir()
    return tmp_path / "data"


def imported(
    capsys: pytest.CaptureFixture[str], base: str, slug: str = "esimerkki", *paths: str, name: str = "Esimerkki Oy"
) -> tuple[int, str]:
    urls = [base + p for p in (paths or ("/tietosuoja",))]
    return run(capsys, "import", slug, *urls, "--select", "main", "--remove", ".newsletter", "--name", name)


def errors(data: Path) -> list[str]:
    try:
        load_archive(data)
    except DataErrors as err:
        return [str(e) for e in err.errors]
    return []


def files(data: Path) -> set[str]:
    return {p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file()}


# --- import -------------------------------------------------------------------------------------


def test_an_imported_page_is_a_draft_that_validates_with_its_capture(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served, base = site
    served.page("/tietosuoja", notice())
    code, out = imported(capsys, base)
    assert code == 0, out
    assert "the draft validates; its translation is pending" in out
    assert errors(data) == []
    folder = data / "esimerkki"
    organisation = yaml.safe_load((folder / "organisation.yaml").read_text(encoding="utf-8"))
    assert organisation["tracking"] == [{"url": base + "/tietosuoja", "select": "main", "remove": [".newsletter"]}]
    version = yaml.safe_load((folder / "2024-03-01.yaml").read_text(encoding="utf-8"))  # dated as the notice states
    assert version["stated_date"] == "2024-03-01" and version["translation"] == "pending"
    assert [s.get("heading", {}).get("fi") for s in version["sections"]] == [
        None, "1. Rekisterinpitäjä", "2. Mitä tietoja keräämme", "3. Säilytysaika"
    ]  # fmt: skip
    body = version["sections"][2]["body"]["fi"]
    assert "### 2.1 Evästeet" in body and "| sid | istunto \\| kirjautuminen |" in body  # a table stays a table
    capture = (folder / "captures" / "2024-03-01.txt").read_text(encoding="utf-8")
    for left_out in ("Etusivu", "Käytämme evästeitä", "Kysy meiltä", "Tilaa uutiskirje", "analytics"):
        assert left_out not in capture
    assert "[tietosuojavaltuutetulle](https://tietosuoja.fi/)" in capture  # links, with their addresses
    assert version["facts"]["controller"] == {"name": "Esimerkki Oy", "business_id": "1783913-6", "section": "1-rekisterinpitaja"}


def test_a_new_organisations_page_stating_no_date_is_dated_today_as_in_force_by_it(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The day it was published is not known: the draft is in force by today, first published then or earlier."""
    served, base = site
    served.page("/tietosuoja", notice(updated="hiljattain"))
    code, out = imported(capsys, base)
    assert code == 0, out
    today = dt.date.today().isoformat()
    version = yaml.safe_load((data / "esimerkki" / f"{today}.yaml").read_text(encoding="utf-8"))
    assert version["first_published"] == "unknown" and "stated_date" not in version
    said = "first_published: unknown: the notice states no date and no --date was given, so the version is dated"
    assert f"{said} {today}" in out
    assert errors(data) == []


def test_a_new_organisations_page_dated_by_a_snapshot_says_so_when_asked(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served, base = site
    served.page("/tietosuoja", notice(updated="hiljattain"))
    code, out = run(capsys, "import", "esimerkki", base + "/tietosuoja", "--select", "main", "--name", "Esimerkki Oy",
                    "--date", "2024-05-02", "--first-published-unknown")  # fmt: skip
    assert code == 0, out
    assert "first_published: unknown: --first-published-unknown: the day it was first published is not known" in out
    version = yaml.safe_load((data / "esimerkki" / "2024-05-02.yaml").read_text(encoding="utf-8"))
    assert version["first_published"] == "unknown"
    assert errors(data) == []


def test_a_new_organisations_page_stating_its_date_is_dated_by_it_without_first_published(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served, base = site
    served.page("/tietosuoja", notice())
    code, out = imported(capsys, base)
    assert code == 0, out
    assert "first_published" not in (data / "esimerkki" / "2024-03-01.yaml").read_text(encoding="utf-8") + out


def test_what_no_reader_sees_stays_in_the_capture_and_out_of_the_draft(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page's soft hyphens and an emoji's variation selector are kept in its capture, byte for byte; the draft's text,
    which may not hold them, leaves them out, and is faithful to the capture as a reader sees it."""
    served, base = site
    served.page("/tietosuoja", notice(years="vii&shy;si", chat="Kysy meiltä \u2139\ufe0f"))
    code, out = imported(capsys, base)
    assert code == 0, out
    assert errors(data) == []
    capture = (data / "esimerkki" / "captures" / "2024-03-01.txt").read_text(encoding="utf-8")
    assert "vii\u00adsi" in capture
    draft = (data / "esimerkki" / "2024-03-01.yaml").read_text(encoding="utf-8")
    assert "viisi" in draft and "\u00ad" not in draft


def test_a_notice_over_two_pages_is_one_version_with_a_capture_per_page(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served, base = site
    served.page("/tietosuoja", notice())
    served.page("/tietosuoja/2", PAGE_TWO)
    code, out = imported(capsys, base, "esimerkki", "/tietosuoja", "/tietosuoja/2")
    assert code == 0, out
    assert errors(data) == []
    version = yaml.safe_load((data / "esimerkki" / "2024-03-01.yaml").read_text(encoding="utf-8"))
    assert version["source"]["pages"] == [base + "/tietosuoja/2"]
    assert version["source"]["capture"] == ["captures/2024-03-01.1.txt", "captures/2024-03-01.2.txt"]
    assert version["sections"][-1]["heading"]["fi"] == "4. Oikeutesi"


def test_a_redirect_is_followed_and_the_page_it_leads_to_recorded(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served, base = site
    served.page("/tietosuoja", notice())
    served.routes["/vanha"] = (301, {"Location": "/tietosuoja"}, b"", 0.0)
    code, out = imported(capsys, base, "esimerkki", "/vanha")
    assert code == 0, out
    version = yaml.safe_load((data / "esimerkki" / "2024-03-01.yaml").read_text(encoding="utf-8"))
    assert version["source"]["url"] == base + "/tietosuoja"


def test_a_page_in_iso_8859_1_is_read_by_its_declared_charset(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served, base = site
    served.page("/tietosuoja", notice(charset="iso-8859-1"), encoding="iso-8859-1", content_type="text/html")
    code, out = imported(capsys, base)
    assert code == 0, out
    capture = (data / "esimerkki" / "captures" / "2024-03-01.txt").read_bytes()
    assert "Säilytämme tietoja viisi vuotta.".encode() in capture  # stored as UTF-8
    assert errors(data) == []


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        ((404, {}, b"not found", 0.0), "the server answered 404 Not Found"),
        ((200, {"Content-Type": "text/html"}, b"<p>x</p>" * 700_000, 0.0), "larger than 5,000,000 bytes"),
    ],
    ids=["404", "too-large"],
)
def test_a_page_that_cannot_be_read_is_reported_and_nothing_written(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str], route: tuple, expected: str
) -> None:
    served, base = site
    served.routes["/tietosuoja"] = route
    code, out = imported(capsys, base)
    assert code == 1 and expected in out
    assert files(data) == set()


# --- track --------------------------------------------------------------------------------------


@pytest.fixture
def tracked(site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Site, str]:
    """Two organisations imported from the server, each tracked."""
    served, base = site
    served.page("/tietosuoja", notice())
    served.page("/toinen", notice(updated="2.3.2024").replace("Esimerkki Oy", "Toinen Oy").replace("1783913-6", "2466095-1"))
    assert imported(capsys, base, "esimerkki", "/tietosuoja")[0] == 0
    assert imported(capsys, base, "toinen", "/toinen", name="Toinen Oy")[0] == 0
    assert errors(data) == []
    return served, base


def test_an_unchanged_notice_writes_nothing(tracked: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    served, _ = tracked
    before = files(data)
    served.agents.clear()
    code, out = run(capsys, "track")
    # each page asked for once, saying honestly who asks and where to read about it
    assert len(served.agents) == 2 and all(a.startswith("Seloste/") and "+https://" in a for a in served.agents)
    assert code == 0, out
    assert "esimerkki: unchanged: unchanged since 2024-03-01" in out and "0 changed" in out
    assert files(data) == before


def test_a_capture_that_breaks_its_lines_elsewhere_is_the_same_notice(
    tracked: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A capture written or saved by hand may wrap a sentence the page's capture has on one line: no change."""
    (capture,) = (data / "esimerkki" / "captures").glob("*.txt")
    text = capture.read_text(encoding="utf-8")
    assert "Säilytämme tietoja viisi vuotta." in text
    capture.write_text(text.replace("Säilytämme tietoja viisi", "Säilytämme tietoja\nviisi"), encoding="utf-8")
    assert errors(data) == []  # still the version's capture, sentence by sentence
    before = files(data)
    code, out = run(capsys, "track", "esimerkki")
    assert (code, files(data)) == (0, before) and "esimerkki: unchanged" in out, out


BUTTON = "<p>Muuta evästeasetuksia</p>"
"""A cookie-settings button inside the notice: not the notice's text, so its line is named as noise by number."""


def _with_button_as_noise(site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """esimerkki imported with the button, then its line named in capture_noise and its words out of the text, as a
    contributor would; the version file."""
    served, base = site
    served.page("/tietosuoja", notice().replace("</table>", "</table>\n" + BUTTON))
    assert imported(capsys, base)[0] == 0
    version = data / "esimerkki" / "2024-03-01.yaml"
    (capture,) = (data / "esimerkki" / "captures").glob("*.txt")
    number = capture.read_text(encoding="utf-8").splitlines().index("Muuta evästeasetuksia") + 1
    text = version.read_text(encoding="utf-8").replace("\n\n        Muuta evästeasetuksia", "")
    text = text.replace(
        "  capture: captures/2024-03-01.txt\n",
        f"  capture: captures/2024-03-01.txt\n  capture_noise:\n    - {{lines: '{number}'}}\n",
    )
    version.write_text(text, encoding="utf-8")
    assert errors(data) == []
    return version


def test_lines_named_by_number_are_found_again_where_they_stand_in_the_pages_next_capture(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page unchanged is no change, and so is the page with its lines moved around the notice's words (a line
    break more); before, the button's words, read in the new capture, were a change every day."""
    served, _ = site
    _with_button_as_noise(site, data, capsys)
    before = files(data)
    code, out = run(capsys, "track", "esimerkki")
    assert (code, files(data)) == (0, before) and "esimerkki: unchanged" in out, out
    served.page("/tietosuoja", notice().replace("</table>", "</table>\n" + BUTTON).replace("<h2>1.", "<p>&nbsp;</p><h2>1."))
    code, out = run(capsys, "track", "esimerkki")
    assert (code, files(data)) == (0, before) and "esimerkki: unchanged" in out, out


def test_a_draft_names_the_lines_named_by_number_by_their_new_numbers(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page changed above the button: the draft leaves the button's words out and names its new line; where the
    page changed around the button itself, the draft keeps what stands there and says so."""
    served, _ = site
    _with_button_as_noise(site, data, capsys)
    today = dt.date.today().isoformat()
    added = "<p>Keräämme vain tarpeelliset tiedot.</p><p>Emme myy tietoja.</p><h2>2."
    served.page("/tietosuoja", notice(years="kolme").replace("</table>", "</table>\n" + BUTTON).replace("<h2>2.", added))
    code, out = run(capsys, "track", "esimerkki")
    assert code == 0 and "esimerkki: changed" in out and "capture_noise" not in out, out
    capture = (data / "esimerkki" / "captures" / f"{today}.txt").read_text(encoding="utf-8").splitlines()
    draft = yaml.safe_load((data / "esimerkki" / f"{today}.yaml").read_text(encoding="utf-8"))
    assert draft["source"]["capture_noise"] == [{"lines": str(capture.index("Muuta evästeasetuksia") + 1)}]
    assert "evästeasetuksia" not in json.dumps(draft["sections"], ensure_ascii=False)
    assert "Keräämme vain tarpeelliset tiedot." in json.dumps(draft["sections"], ensure_ascii=False)
    filled = (data / "esimerkki" / f"{today}.yaml").read_text(encoding="utf-8").replace("kind: ''", "kind: substantive")
    (data / "esimerkki" / f"{today}.yaml").write_text(filled.replace("fi: ''", "fi: Muutos.").replace("en: ''", "en: A change."))
    assert errors(data) == []  # faithful to its capture, the button's line left out
    for path in (data / "esimerkki" / f"{today}.yaml", data / "esimerkki" / "captures" / f"{today}.txt"):
        path.unlink()
    served.page("/tietosuoja", notice(years="kolme").replace("</table>", "</table>\n<p>Muuta evästeasetuksiasi tästä</p>"))
    code, out = run(capsys, "track", "esimerkki")
    assert code == 0 and "the previous version's capture_noise names lines" in out, out
    draft = yaml.safe_load((data / "esimerkki" / f"{today}.yaml").read_text(encoding="utf-8"))
    assert "capture_noise" not in draft["source"] and "evästeasetuksiasi tästä" in json.dumps(
        draft["sections"], ensure_ascii=False
    )


def test_track_lists_the_tracked_organisations_and_says_when_there_are_none(
    tracked: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "track", "--list") == (0, "esimerkki\ntoinen\n")
    for slug in ("esimerkki", "toinen"):
        organisation = data / slug / "organisation.yaml"
        organisation.write_text(organisation.read_text(encoding="utf-8").split("tracking:")[0], encoding="utf-8")
    assert cli_main(["track", "--list"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("no organisation is tracked"), (out, err)  # the list, which a script reads, is empty


def test_a_change_only_around_the_notice_is_no_new_version(
    tracked: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served, _ = tracked
    served.page("/tietosuoja", notice(banner="Uusi evästebanneri!", chat="Chattaa kanssamme 24/7"))
    before = files(data)
    code, out = run(capsys, "track", "esimerkki")
    assert (code, files(data)) == (0, before), out
    assert "esimerkki: unchanged" in out


def test_track_writes_each_drafts_change_report_and_one_whose_draft_does_not_load_says_what_to_fix(
    tracked: tuple[Site, str], data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The report is the tracking pull request's body. A change that alters words a fact quotes (here the controller's
    name) leaves a draft that does not load: its report names the problems, and the others' reports are written too."""
    served, _ = tracked
    served.page("/tietosuoja", notice(years="kolme").replace("Esimerkki Oy (Y-tunnus", "Esimerkki Group Oy (Y-tunnus"))
    other = notice(updated="2.3.2024", years="kolme").replace("Esimerkki Oy", "Toinen Oy").replace("1783913-6", "2466095-1")
    served.page("/toinen", other)
    reports = tmp_path / "reports"
    code, out = run(capsys, "track", "--reports", str(reports))
    assert code == 0 and "2 changed, 0 skipped, 0 failed of 2 tracked" in out, out
    broken, fine = (reports / "esimerkki.md").read_text(encoding="utf-8"), (reports / "toinen.md").read_text(encoding="utf-8")
    assert broken.startswith("# The notice of esimerkki changed at its source\n\nThe draft does not validate yet"), broken
    today = dt.date.today().isoformat()
    assert f"- ` data/esimerkki/{today}.yaml:" in broken and "facts.controller.name" in broken, broken
    # and what changed in its text, the facts of both versions left out until it loads
    assert "the changes to its text are below; its facts are not compared" in broken, broken
    assert "Esimerkki <ins>Group </ins>Oy" in broken and "<del>viisi</del><ins>kolme</ins>" in broken, broken
    assert "Muuttuneet tiedot" not in broken and "Changed facts" not in broken, broken  # not "every fact removed"
    assert "records none of" not in broken, broken  # nor that the notice states none: the report left them out itself
    assert "Säilytämme tietoja <del>viisi</del><ins>kolme</ins> vuotta" in fine and "does not validate" not in fine


def test_a_draft_that_does_not_load_even_without_its_facts_says_so_and_what_to_fix(
    tracked: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its changes are not guessed at: the report names the problems and says why no changes follow them."""
    served, _ = tracked
    served.page("/tietosuoja", notice(years="kolme"))
    assert run(capsys, "track", "esimerkki")[0] == 0
    today = dt.date.today().isoformat()
    draft = data / "esimerkki" / f"{today}.yaml"
    draft.write_text(draft.read_text(encoding="utf-8").replace("sections:", "sections:\n  - bad: [", 1), encoding="utf-8")
    report = draft_report(data, "esimerkki", today)
    assert "the draft does not load even with its facts left out" in report and "YAML syntax error" in report, report
    assert "<del>" not in report and "## Esimerkki Oy" not in report, report


def _finnish(date: dt.date) -> str:
    return f"{date.day}.{date.month}.{date.year}"


def test_a_changed_notice_becomes_a_draft_version_dated_as_it_states_or_today(
    tracked: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A changed notice that states a date after the text known before it is dated by that date, as a version is
    (data/README.md); one whose date does not tell when it changed (the date it stated already, or none) is dated
    today, between the day it was last known unchanged and today."""
    served, _ = tracked
    today = dt.date.today()
    stated = today - dt.timedelta(days=4)
    served.page("/tietosuoja", notice(updated=_finnish(stated), years="kolme"))
    code, out = run(capsys, "track")
    assert code == 0, out
    day = stated.isoformat()
    assert (
        f"esimerkki: changed: changed since 2024-03-01: wrote data/esimerkki/captures/{day}.txt, data/esimerkki/{day}.yaml" in out
    )
    assert "toinen: unchanged" in out
    version = yaml.safe_load((data / "esimerkki" / f"{day}.yaml").read_text(encoding="utf-8"))
    assert version["change"]["kind"] == "" and version["translation"] == "pending"
    assert version["stated_date"] == day and "changed_after" not in version  # the day is known
    assert version["sections"][3]["id"] == "3-sailytysaika"  # the sections keep their ids
    assert "Säilytämme tietoja kolme vuotta." in version["sections"][3]["body"]["fi"]
    left = errors(data)  # what a person sets: the kind of change and its summary, nothing else
    assert left and all("change.kind" in e or "change.summary" in e for e in left), left
    draft = data / "esimerkki" / f"{day}.yaml"  # a person sets them; the page changes again, keeping its date
    text = draft.read_text(encoding="utf-8").replace("kind: ''", "kind: substantive")
    draft.write_text(text.replace("fi: ''", "fi: Säilytysaika lyheni.").replace("en: ''", "en: Retention was shortened."))
    assert errors(data) == []
    served.page("/tietosuoja", notice(updated=_finnish(stated), years="neljä"))
    code, out = run(capsys, "track", "esimerkki")
    assert code == 0, out
    again = yaml.safe_load((data / "esimerkki" / f"{today.isoformat()}.yaml").read_text(encoding="utf-8"))
    assert again["changed_after"] == day and again["stated_date"] == day  # changed since, on a day not known
    draft = data / "esimerkki" / f"{today.isoformat()}.yaml"
    text = draft.read_text(encoding="utf-8").replace("kind: ''", "kind: substantive")
    draft.write_text(text.replace("fi: ''", "fi: Säilytysaika piteni.").replace("en: ''", "en: Retention was lengthened."))
    assert errors(data) == []
    served.page("/tietosuoja", notice(updated=_finnish(stated), years="kuusi"))
    code, out = run(capsys, "track", "esimerkki")
    assert code == 0 and f"esimerkki: skipped: changed, but version {today.isoformat()} is dated today or later" in out


def test_a_changed_notice_stating_todays_date_is_dated_today_to_the_day(
    tracked: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served, _ = tracked
    today = dt.date.today()
    served.page("/tietosuoja", notice(updated=_finnish(today), years="kolme"))
    assert run(capsys, "track", "esimerkki")[0] == 0
    version = yaml.safe_load((data / "esimerkki" / f"{today.isoformat()}.yaml").read_text(encoding="utf-8"))
    assert version["stated_date"] == today.isoformat() and "changed_after" not in version


def test_one_failing_source_does_not_stop_the_others(
    tracked: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served, _ = tracked
    del served.routes["/tietosuoja"]
    code, out = run(capsys, "track")
    assert code == 1
    assert "esimerkki: failed: " in out and "404 Not Found" in out
    assert "toinen: unchanged" in out and "1 failed of 2 tracked" in out


def test_the_tracking_log_records_each_check_and_keeps_what_a_failed_one_cannot_tell(
    tracked: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served, _ = tracked
    log = data.parent / "state" / "tracking-log.yaml"
    today = dt.date.today()
    code, out = run(capsys, "track", "--log", str(log))
    assert code == 0 and f"the tracking log is in {log}" in out
    first = load_log(log)
    assert [(c.slug, c.status, c.version, c.unchanged, c.changed) for c in first.notices] == [
        ("esimerkki", "unchanged", "2024-03-01", today, None),
        ("toinen", "unchanged", "2024-03-02", today, None),
    ]
    served.routes["/toinen"] = (403, {}, b"forbidden", 0.0)  # refused, but not gone: the page may be there
    code, out = run(capsys, "track", "--log", str(log))
    assert code == 1 and {c.slug: c for c in load_log(log).notices}["toinen"].gone is None, out
    del served.routes["/toinen"]
    served.page("/tietosuoja", notice(updated="1.12.2026", years="kolme"))
    code, out = run(capsys, "track", "--log", str(log))
    assert code == 1, out
    second = {c.slug: c for c in load_log(log).notices}
    assert (second["esimerkki"].status, second["esimerkki"].changed, second["esimerkki"].version) == (
        "changed",
        today,
        "2024-03-01",
    )
    assert (second["toinen"].status, second["toinen"].unchanged) == ("failed", today)  # last seen unchanged: kept
    assert (second["toinen"].gone, second["esimerkki"].gone) == (today, None)  # 404: no longer at its address


def test_a_damaged_tracking_log_stops_the_run_before_anything_is_fetched(
    tracked: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served, _ = tracked
    log = data.parent / "tracking-log.yaml"
    assert run(capsys, "track", "--log", str(log))[0] == 0
    log.write_text(log.read_text(encoding="utf-8").replace("status: unchanged", "status: lost", 1), encoding="utf-8")
    served.page("/tietosuoja", notice(years="kolme"))
    before, logged = files(data), log.read_text(encoding="utf-8")
    code, out = run(capsys, "track", "--log", str(log))
    assert code == 1 and "tracking-log.yaml:6:13: " in out and "status: expected one of unchanged, changed, failed" in out
    assert (files(data), log.read_text(encoding="utf-8")) == (before, logged)


def test_a_page_too_slow_to_answer_is_a_failure_with_its_reason(
    tracked: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served, _ = tracked
    status, headers, body, _ = served.routes["/tietosuoja"]
    served.routes["/tietosuoja"] = (status, headers, body, 3.0)
    code, out = run(capsys, "track", "--timeout", "0.5")
    assert code == 1 and "esimerkki: failed: " in out and "no answer within 0.5 s" in out
    assert "toinen: unchanged" in out


def test_a_page_that_trickles_in_is_given_up_at_the_deadline_and_the_others_go_on(
    tracked: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    served, _ = tracked
    served.trickle["/tietosuoja"] = 0.05  # a byte each 50 ms: the page would take two minutes, each read well within 20 s
    monkeypatch.setattr(fetching, "FETCH_DEADLINE", 2.0)
    with deadline(30):
        code, out = run(capsys, "track")
    assert code == 1
    assert "esimerkki: failed: " in out and "/tietosuoja: the page did not arrive within 2 s (" in out
    assert "a server that sends a notice this slowly is not waited for" in out
    assert "toinen: unchanged" in out and "1 failed of 2 tracked" in out


def test_a_page_nested_5000_deep_is_that_sources_failure_not_a_traceback(
    tracked: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served, base = tracked
    served.page(
        "/tietosuoja", notice().replace("<main>", "<main>" + "<div>" * 5_000).replace("</main>", "</div>" * 5_000 + "</main>")
    )
    code, out = run(capsys, "track")
    assert code == 1 and "Traceback" not in out
    assert f"esimerkki: failed: {base}/tietosuoja: the page nests too deep to read: its elements nest 5,0" in out
    assert "toinen: unchanged" in out


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_compressed_page_is_read(site: tuple[Site, str], encoding: str) -> None:
    served, base = site
    page = notice().encode()
    body = gzip.compress(page) if encoding == "gzip" else zlib.compress(page)
    served.routes["/tietosuoja"] = (200, {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": encoding}, body, 0.0)
    assert "Säilytämme tietoja viisi vuotta." in fetching.fetch(base + "/tietosuoja").text


@pytest.mark.parametrize(
    ("address", "read_from"),
    [
        (
            "https://github.com/seura/sivut/blob/main/docs/tietosuoja.md",
            "https://raw.githubusercontent.com/seura/sivut/main/docs/tietosuoja.md",
        ),
        (
            "https://www.github.com/seura/sivut/blob/04daaea/tietosuoja.md?plain=1#L3",
            "https://raw.githubusercontent.com/seura/sivut/04daaea/tietosuoja.md",
        ),
        ("https://github.com/seura/sivut", "https://github.com/seura/sivut"),  # no file: as it is
        ("https://seura.fi/tietosuoja.md", "https://seura.fi/tietosuoja.md"),
    ],
)
def test_githubs_page_of_a_file_is_read_as_the_file(address: str, read_from: str) -> None:
    assert fetching.file_address(address) == read_from


def test_a_notice_imported_from_githubs_page_of_its_file_is_the_file_and_is_followed_there(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """GitHub's page of a file is HTML around it: the file itself is read (raw.githubusercontent.com, here the test's
    server), and the version and the tracking name the address given."""
    served, base = site
    github = GitHub(served, base, monkeypatch)
    github.commit("seura/sivut", "main", "tietosuoja.md", SHA_ONE, "2024-05-02T21:30:00Z")
    github.file("seura/sivut", SHA_ONE, "tietosuoja.md", "# Tietosuojaseloste\n\nSeura ry kerää jäsentensä nimet.\n")
    address = "https://github.com/seura/sivut/blob/main/tietosuoja.md"
    _code, out = run(capsys, "import", "seura", address, "--name", "Seura ry")
    assert "wrote data/seura/captures/" in out and "TODO facts.controller" in out, out  # the notice names no controller
    # read at the commit that last changed it on the branch, of its day in Finland (00:30 on 3 May there)
    assert f"{address}: read at {SHA_ONE}, the last commit to change it there, of 2024-05-03" in out, out
    assert "no date stated in the notice; dated 2024-05-03, the day of the commit that last changed its file" in out
    assert sorted(p.name for p in (data / "seura").glob("*.yaml")) == ["2024-05-03.yaml", "organisation.yaml"]
    assert "first_published" not in _version(data, "seura")  # the day its text came: the commit's
    (capture,) = (data / "seura" / "captures").iterdir()
    assert capture.read_text(encoding="utf-8") == "# Tietosuojaseloste\n\nSeura ry kerää jäsentensä nimet.\n"
    source = _version(data, "seura")["source"]
    assert (source["url"], source["repository"], source["path"], source["commit"]) == (
        f"https://github.com/seura/sivut/blob/{SHA_ONE}/tietosuoja.md",
        "seura/sivut",
        "tietosuoja.md",
        SHA_ONE,
    )
    assert yaml.safe_load((data / "seura" / "organisation.yaml").read_text(encoding="utf-8"))["tracking"] == [{"url": address}]


@pytest.fixture
def followed_file(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> GitHub:
    """Seura ry's notice, a file of its site's repository, imported from the file on the default branch (HEAD) at
    the commit that last changed it there, and followed there."""
    served, base = site
    github = GitHub(served, base, monkeypatch)
    github.commit("seura/sivut", "HEAD", "docs/tietosuoja.md", SHA_ONE, "2024-05-02T09:00:00Z")
    github.file("seura/sivut", SHA_ONE, "docs/tietosuoja.md", SEURA_MD.format(years="viisi"))
    code, out = run(capsys, "import", "seura", FOLLOWED, "--name", "Seura ry")
    assert code == 0 and "wrote data/seura/2024-05-02.yaml" in out, out
    return github


SEURA_MD = "# Tietosuojaseloste\n\n## Rekisterinpitäjä\n\nSeura ry.\n\n## Säilytys\n\nSäilytämme tietoja {years} vuotta.\n"
FOLLOWED = "https://github.com/seura/sivut/blob/HEAD/docs/tietosuoja.md"


def test_a_file_followed_on_its_branch_is_unchanged_while_the_branch_has_no_later_commit_of_it(
    followed_file: GitHub, data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The commit the version records is the branch's last of the file: nothing to read again. GitHub's API is asked
    with the job's token where one is set."""
    monkeypatch.setenv("GITHUB_TOKEN", "tunnus")
    followed_file.served.asked.clear()
    before = files(data)
    code, out = run(capsys, "track", "seura")
    assert code == 0 and f"seura: unchanged: unchanged since 2024-05-02 (its commit, {SHA_ONE[:12]})" in out, out
    assert files(data) == before
    assert followed_file.served.asked == [
        ("/api/repos/seura/sivut/commits?path=docs%2Ftietosuoja.md&per_page=1", "Bearer tunnus")
    ]  # the file itself not read again


def test_a_file_followed_on_its_branch_and_changed_by_a_later_commit_is_a_draft_of_that_commit_and_day(
    followed_file: GitHub, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A later commit that changed its words: a draft version of the file at that commit (its source records it),
    dated by the commit's day in Finland, which is when the text changed (no range); a later commit that changed
    no word (a line wrapped) is no new version."""
    followed_file.commit("seura/sivut", "HEAD", "docs/tietosuoja.md", SHA_TWO, "2025-01-31T23:15:00Z")
    followed_file.file(
        "seura/sivut", SHA_TWO, "docs/tietosuoja.md", SEURA_MD.format(years="viisi").replace(" tietoja ", "\ntietoja ")
    )
    before = files(data)
    code, out = run(capsys, "track", "seura")
    assert (code, files(data)) == (0, before) and "seura: unchanged: unchanged since 2024-05-02" in out, out
    followed_file.file("seura/sivut", SHA_TWO, "docs/tietosuoja.md", SEURA_MD.format(years="kolme"))
    code, out = run(capsys, "track", "seura")
    assert code == 0 and "changed since 2024-05-02: wrote data/seura/captures/2025-02-01.md, data/seura/2025-02-01.yaml" in out, (
        out
    )
    draft = _version(data, "seura", "2025-02-01")
    assert (draft["source"]["commit"], draft["source"]["path"], draft["source"]["url"]) == (
        SHA_TWO,
        "docs/tietosuoja.md",
        f"https://github.com/seura/sivut/blob/{SHA_TWO}/docs/tietosuoja.md",
    )
    assert "changed_after" not in draft and "kolme vuotta" in draft["sections"][-1]["body"]["fi"], draft


def test_a_commit_older_than_the_last_check_that_found_the_file_unchanged_does_not_date_the_draft(
    followed_file: GitHub, data: Path
) -> None:
    """A commit made before the last check that found the file unchanged reached the branch after it (a pull
    request's commit, merged later): its day is not the day the text changed there. The draft is dated as a page's
    change is: between that check and today (a review found it dated by the commit, before the check)."""
    followed_file.commit("seura/sivut", "HEAD", "docs/tietosuoja.md", SHA_TWO, "2025-02-01T10:00:00Z")
    followed_file.file("seura/sivut", SHA_TWO, "docs/tietosuoja.md", SEURA_MD.format(years="kolme"))
    (outcome,) = tracker.track(
        tracker.tracked(load_archive(data)), data, today=dt.date(2025, 3, 11), unchanged={"seura": dt.date(2025, 3, 10)}
    )
    assert (outcome.status, outcome.version) == ("changed", "2025-03-11"), outcome
    assert _version(data, "seura", "2025-03-11")["changed_after"] == "2025-03-10"


def test_a_draft_of_two_files_is_dated_by_the_commit_of_the_file_whose_words_changed(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The English changed its words on 1 February; the Finnish was only wrapped anew on 1 March: the text changed on
    1 February (a review found it dated by the later commit, of a file whose words had not changed)."""
    served, base = site
    github = GitHub(served, base, monkeypatch)
    fi_path, en_path = "content/tietosuoja.fi.md", "content/tietosuoja.en.md"
    github.commit("seura/sivut", "HEAD", fi_path, SHA_ONE, "2024-05-02T09:00:00Z")
    github.commit("seura/sivut", "HEAD", en_path, SHA_TWO, "2024-05-03T09:00:00Z")
    finnish = SEURA_MD.format(years="viisi")
    english = "# Privacy notice\n\n## Controller\n\nSeura ry.\n\n## Retention\n\nWe keep data for five years.\n"
    github.file("seura/sivut", SHA_ONE, fi_path, finnish)
    github.file("seura/sivut", SHA_TWO, en_path, english)
    fi_url, en_url = (f"https://github.com/seura/sivut/blob/HEAD/{path}" for path in (fi_path, en_path))
    assert run(capsys, "import", "seura", fi_url, "--also", f"en={en_url}", "--name", "Seura ry")[0] == 0
    third, fourth = "3" * 40, "4" * 40
    github.commit("seura/sivut", "HEAD", en_path, third, "2025-02-01T09:00:00Z")
    github.file("seura/sivut", third, en_path, english.replace("five", "three"))
    github.commit("seura/sivut", "HEAD", fi_path, fourth, "2025-03-01T09:00:00Z")
    github.file("seura/sivut", fourth, fi_path, finnish.replace(" tietoja ", "\ntietoja "))
    (outcome,) = tracker.track(tracker.tracked(load_archive(data)), data, today=dt.date(2025, 3, 5))
    assert (outcome.status, outcome.version) == ("changed", "2025-02-01"), outcome


def test_a_file_followed_on_its_branch_that_reads_otherwise_from_an_earlier_commit_is_for_a_person_to_read(
    followed_file: GitHub, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The branch's last commit of the file is older than the version, and its text is another: the version was not
    the branch's latest text (taken from another branch, say). No day after the version is that text's: nothing is
    written, and the check says why."""
    followed_file.commit("seura/sivut", "HEAD", "docs/tietosuoja.md", SHA_TWO, "2024-04-01T09:00:00Z")
    followed_file.file("seura/sivut", SHA_TWO, "docs/tietosuoja.md", SEURA_MD.format(years="kolme"))
    before = files(data)
    code, out = run(capsys, "track", "seura")
    assert (code, files(data)) == (1, before), out
    said = "seura: failed: the file reads otherwise than version 2024-05-02, though the last commit that changed it "
    assert f"{said}({SHA_TWO[:12]}, 2024-04-01) is not after that version" in out, out
    # import, which the message sends a person to, writes it only as a change seen today, and says why to look first
    code, out = run(capsys, "import", "seura", FOLLOWED)
    assert "check the repository's history: its last commit of the file (2024-04-01) is not after version 2024-05-02" in out
    today = dt.date.today().isoformat()
    assert _version(data, "seura", today)["changed_after"] == "2024-05-02", out


def test_a_file_followed_on_a_branch_that_github_cannot_tell_of_is_a_failure_that_says_why(
    followed_file: GitHub, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served = followed_file.served
    query = "/api/repos/seura/sivut/commits?path=docs%2Ftietosuoja.md&per_page=1"
    served.routes[query] = (403, {"x-ratelimit-remaining": "0"}, b"{}", 0.0)
    code, out = run(capsys, "track", "seura")
    assert code == 1 and "GitHub's API limits requests without a token: set GITHUB_TOKEN" in out, out
    served.routes[query] = (404, {}, b"{}", 0.0)
    code, out = run(capsys, "track", "seura")
    assert code == 1 and "docs/tietosuoja.md on HEAD: GitHub's API answered 404" in out, out
    served.page(query, "[]", content_type="application/json")
    code, out = run(capsys, "track", "seura")
    assert code == 1 and "no commit on the branch has the file" in out, out
    served.page(query, '[{"sha": "x"}]', content_type="application/json")
    code, out = run(capsys, "track", "seura")
    assert code == 1 and "GitHub's API answered with what is not a list of commits" in out, out
    # the last commit that touched the file removed it (the raw file at that commit is not there)
    followed_file.commit("seura/sivut", "HEAD", "docs/tietosuoja.md", SHA_TWO, "2025-03-01T10:00:00Z")
    log = data.parent / "tracking-log.yaml"
    code, out = run(capsys, "track", "seura", "--log", str(log))
    assert load_log(log).notices[0].gone == dt.date.today(), out  # the page says so: the file was removed or moved
    assert (
        code == 1
        and (
            f"{FOLLOWED}: the file is not at its path at {SHA_TWO[:12]} (2025-03-01), the last commit on HEAD that touched "
            "it: that commit removed or moved it; find where the notice is now and follow it there"
        )
        in out
    ), out


def test_a_notice_in_two_languages_is_followed_on_each_languages_page(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The organisation publishes its notice in Finnish and English, each on its own page: import follows both, each
    with its language; unchanged pages are no change, and a change of either is a draft of one version with both
    texts, their sections paired as import pairs them."""
    served, base = site
    fi, en = (
        (IMPORTS / "kaksikielinen.fi.html").read_text(encoding="utf-8"),
        (IMPORTS / "kaksikielinen.en.html").read_text(encoding="utf-8"),
    )
    served.page("/tietosuoja", fi)
    served.page("/en/privacy", en)
    code, out = run(
        capsys, "import", "kaksikko", base + "/tietosuoja", "--also", f"en={base}/en/privacy", "--select", "main",
        "--name", "Kaksikko Oy",
    )  # fmt: skip
    assert code == 0, out
    tracking = yaml.safe_load((data / "kaksikko" / "organisation.yaml").read_text(encoding="utf-8"))["tracking"]
    assert [(t["url"], t["lang"]) for t in tracking] == [(base + "/tietosuoja", "fi"), (base + "/en/privacy", "en")]
    before = files(data)
    code, out = run(capsys, "track", "kaksikko")
    assert (code, files(data)) == (0, before) and "kaksikko: unchanged: unchanged since 2025-05-02" in out, out
    served.page("/en/privacy", en.replace("Updated 2 May 2025.", "Updated 2 May 2025. We keep the data for a year."))
    code, out = run(capsys, "track", "kaksikko")
    today = dt.date.today().isoformat()
    assert code == 0 and "kaksikko: changed: changed since 2025-05-02: wrote " in out, out
    assert f"data/kaksikko/captures/{today}.fi.txt, data/kaksikko/captures/{today}.en.txt, data/kaksikko/{today}.yaml" in out, out
    # which sections it paired, for the pull request's reviewer to check against the pages, as import says it
    assert "sections paired by order (Finnish = English): (opening) = (opening); 1. Rekisterinpitäjä = 1. Controller" in out
    draft = _version(data, "kaksikko", today)
    assert draft["published_in"] == ["fi", "en"] and draft["changed_after"] == "2025-05-02", draft
    assert draft["sections"][0]["body"]["en"] == "Updated 2 May 2025. We keep the data for a year.", draft["sections"][0]
    assert draft["source"]["url"] == {"fi": base + "/tietosuoja", "en": base + "/en/privacy"}
    # a page for each language, each named with it: else the data does not load, and says what tracking must name
    organisation = data / "kaksikko" / "organisation.yaml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace("    lang: en\n", ""), encoding="utf-8")
    for path in (data / "kaksikko").glob(f"**/{today}*"):  # the draft, taken back
        path.unlink()
    assert cli_main(["track", "kaksikko"]) != 0
    err = capsys.readouterr().err
    assert "tracking[1]: the latest version is published in fi, en: give each page its lang" in err, err  # validate's


def test_a_notice_in_two_languages_kept_as_two_files_is_followed_on_each_files_branch(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each language's file at the commit that last changed it (one commit each here): the version records both, and
    while neither file has a later commit, the check reads neither file again."""
    served, base = site
    github = GitHub(served, base, monkeypatch)
    fi_path, en_path = "content/tietosuoja.fi.md", "content/tietosuoja.en.md"
    github.commit("seura/sivut", "HEAD", fi_path, SHA_ONE, "2024-05-02T09:00:00Z")
    github.commit("seura/sivut", "HEAD", en_path, SHA_TWO, "2024-05-03T09:00:00Z")
    github.file("seura/sivut", SHA_ONE, fi_path, SEURA_MD.format(years="viisi"))
    english = "# Privacy notice\n\n## Controller\n\nSeura ry.\n\n## Retention\n\nWe keep data for five years.\n"
    github.file("seura/sivut", SHA_TWO, en_path, english)
    fi_url, en_url = (f"https://github.com/seura/sivut/blob/HEAD/{path}" for path in (fi_path, en_path))
    code, out = run(capsys, "import", "seura", fi_url, "--also", f"en={en_url}", "--name", "Seura ry")
    assert code == 0, out
    source = _version(data, "seura")["source"]
    assert (source["commit"], source["path"]) == ({"fi": SHA_ONE, "en": SHA_TWO}, {"fi": fi_path, "en": en_path}), source
    tracking = yaml.safe_load((data / "seura" / "organisation.yaml").read_text(encoding="utf-8"))["tracking"]
    assert tracking == [{"url": fi_url, "lang": "fi"}, {"url": en_url, "lang": "en"}]
    served.asked.clear()
    code, out = run(capsys, "track", "seura")
    assert code == 0 and "seura: unchanged: unchanged since " in out and "(its commit, " in out, out
    assert [path for path, _auth in served.asked if not path.startswith("/api/")] == []  # neither file read again


def test_a_page_that_decompresses_past_the_size_limit_is_refused(site: tuple[Site, str]) -> None:
    served, base = site
    bomb = gzip.compress(b"<p>x</p>" * 1_000_000)  # 8 MB of page in 30 kB
    served.routes["/tietosuoja"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, bomb, 0.0)
    with pytest.raises(fetching.FetchError, match="larger than 5,000,000 bytes once decompressed"):
        fetching.fetch(base + "/tietosuoja")


def test_a_page_that_no_longer_matches_its_selector_is_a_failure(
    tracked: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served, _ = tracked
    served.page("/tietosuoja", notice().replace("<main>", "<div>").replace("</main>", "</div>"))
    code, out = run(capsys, "track", "esimerkki")
    assert code == 1 and "the selector 'main' matches nothing on the page" in out


def test_retries_ride_out_a_server_error(site: tuple[Site, str], monkeypatch: pytest.MonkeyPatch) -> None:
    served, base = site
    answers = iter([(503, {}, b"busy", 0.0), (200, {"Content-Type": "text/html; charset=utf-8"}, notice().encode(), 0.0)])
    original = served.routes.get

    def next_answer(path: str, default: object = None) -> object:
        return next(answers) if path == "/tietosuoja" else original(path, default)

    served.routes = type("Routes", (dict,), {"get": staticmethod(next_answer)})()
    monkeypatch.setattr(fetching.time, "sleep", lambda seconds: None)
    assert "Säilytämme tietoja" in fetching.fetch(base + "/tietosuoja").text


# --- the tracking workflow's script -------------------------------------------------------------------

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "tracking_prs.py"
FAKE_GH = """#!/bin/sh
printf '%s\\n' "$*" >> "$GH_LOG"
if [ "$1 $2" = "pr list" ]; then cat "$GH_OPEN"; fi
for last; do :; done
if [ "$1 $2" = "pr create" ]; then cat "$last" > "$GH_LOG.body"; fi
"""


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def clone(tracked: tuple[Site, str], data: Path, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The imported archive as main of a repository with a remote, and a fake gh that logs what it is asked."""
    work = data.parent
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    git(work, "init", "-q", "-b", "main")
    git(work, "-c", "user.name=T", "-c", "user.email=t@example.invalid", "add", "data")
    git(work, "-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-qm", "archive")
    git(work, "remote", "add", "origin", str(origin))
    git(work, "push", "-q", "origin", "main")
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "gh").write_text(FAKE_GH)
    (tools / "gh").chmod(0o755)
    (tmp_path / "open.json").write_text("[]")
    env = {
        **os.environ,
        "PATH": f"{tools}:{os.environ['PATH']}",
        "GH_LOG": str(tmp_path / "gh.log"),
        "GH_OPEN": str(tmp_path / "open.json"),
        "SELOSTE": str(Path(sys.executable).with_name("seloste")),
    }
    return work, env


def test_the_workflow_opens_a_pull_request_for_each_changed_notice_only(
    tracked: tuple[Site, str], clone: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    served, _ = tracked
    work, env = clone
    served.page("/tietosuoja", notice(updated="1.3.2024", years="kolme"))  # the date it stated before: dated today
    done = subprocess.run([sys.executable, str(SCRIPT)], cwd=work, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "esimerkki: opened a pull request from track/esimerkki" in done.stdout
    assert "toinen: unchanged" in done.stdout
    branches = git(tmp_path / "origin.git", "branch", "--list", "--format=%(refname:short)").split()
    assert branches == ["main", "track/esimerkki", "tracking-log"]  # nothing for the unchanged one
    changed = git(work, "diff", "--name-only", "origin/main", "origin/track/esimerkki").split()
    today = dt.date.today().isoformat()
    assert changed == [f"data/esimerkki/{today}.yaml", f"data/esimerkki/captures/{today}.txt"]
    calls = (tmp_path / "gh.log").read_text().splitlines()
    created = [call for call in calls if call.startswith("pr create")]
    assert len(created) == 1 and "--head track/esimerkki" in created[0]
    report = (tmp_path / "gh.log.body").read_text(encoding="utf-8")  # the report is the body
    assert "set `change.kind` and `change.summary`" in report
    assert "Säilytämme tietoja <del>viisi</del><ins>kolme</ins> vuotta" in report


def test_the_workflow_with_no_organisation_tracked_opens_nothing(
    tracked: tuple[Site, str], clone: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    """An archive that follows no notice yet (as data/ may): the workflow reads the list, which is empty, and stops
    cleanly; 'track --list' says there is none on stderr, never as a name on the list it prints."""
    work, env = clone
    for slug in ("esimerkki", "toinen"):
        organisation = work / "data" / slug / "organisation.yaml"
        organisation.write_text(organisation.read_text(encoding="utf-8").split("tracking:")[0], encoding="utf-8")
    git(work, "-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-qam", "follow nothing")
    git(work, "push", "-q", "origin", "main")
    done = subprocess.run([sys.executable, str(SCRIPT)], cwd=work, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    branches = git(tmp_path / "origin.git", "branch", "--list", "--format=%(refname:short)").split()
    assert not any(branch.startswith("track/") for branch in branches), branches
    assert not (tmp_path / "gh.log").exists() or "pr create" not in (tmp_path / "gh.log").read_text()


def test_the_workflow_keeps_the_tracking_log_on_its_own_branch_from_run_to_run(
    tracked: tuple[Site, str], clone: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    served, _ = tracked
    work, env = clone
    origin = tmp_path / "origin.git"
    first = subprocess.run([sys.executable, str(SCRIPT)], cwd=work, env=env, capture_output=True, text=True, check=False)
    assert first.returncode == 0 and "no tracking log on origin/tracking-log yet" in first.stdout, first.stdout + first.stderr
    logged = tmp_path / "first.yaml"
    logged.write_text(git(origin, "show", "tracking-log:tracking-log.yaml"), encoding="utf-8")
    assert {c.slug: c.status for c in load_log(logged).notices} == {"esimerkki": "unchanged", "toinen": "unchanged"}
    del served.routes["/toinen"]
    second = subprocess.run([sys.executable, str(SCRIPT)], cwd=work, env=env, capture_output=True, text=True, check=False)
    assert second.returncode == 1, second.stdout + second.stderr
    logged.write_text(git(origin, "show", "tracking-log:tracking-log.yaml"), encoding="utf-8")
    after = {c.slug: c for c in load_log(logged).notices}
    assert (after["toinen"].status, after["toinen"].unchanged) == ("failed", dt.date.today())  # read back, then added to
    assert git(origin, "rev-list", "--count", "tracking-log").strip() == "2"  # one commit a run, the branch's only file
    assert git(origin, "ls-tree", "--name-only", "tracking-log").split() == ["tracking-log.yaml"]
    assert git(origin, "rev-parse", "main") == git(work, "rev-parse", "main")  # main is not touched


def test_an_open_pull_request_is_left_to_the_people_editing_it(
    tracked: tuple[Site, str], clone: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    served, _ = tracked
    work, env = clone
    served.page("/tietosuoja", notice(years="kolme"))
    (tmp_path / "open.json").write_text('[{"number": 7}]')
    done = subprocess.run([sys.executable, str(SCRIPT)], cwd=work, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "esimerkki: pull request #7 is open; not tracked again until it is merged or closed" in done.stdout
    assert not [c for c in (tmp_path / "gh.log").read_text().splitlines() if c.startswith("pr create")]
    assert git(tmp_path / "origin.git", "branch", "--list", "--format=%(refname:short)").split() == ["main"]  # no check, no log


# --- the shapes real pages come in ------------------------------------------------------------------

CLUB = """<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Seura ry – tietosuoja</title></head><body>
<header><nav><a href="/">Etusivu</a></nav></header>
<div class="card">
<h2>Tietosuoja- ja evästeseloste</h2>
<p><strong>Rekisterinpitäjä:</strong> Seura ry, Hollola</p>
<p><strong>Yhteydenotot:</strong>
   <a href="mailto:admin@seura.fi">admin@seura.fi</a></p>
<h3>Käsiteltävät tiedot</h3>
<p>Suostumuksesta riippuen voidaan käsitellä IP-osoitetta,
   selain- ja laitetietoja,
   vierailtuja sivuja.</p>
<h3>Evästeet</h3>
<p>Lue lisää <a href="/evasteet.html">evästeistä</a> ja <a href="#alku">alusta</a>.</p>
<a class="button" href="/">← Takaisin etusivulle</a>
</div><footer>© Seura ry</footer></body></html>
"""

PAGE_ONE_MD = """---
title: "Tietosuojaseloste"
date: 2026-03-21
---

# Tietosuojaseloste

**Päivitetty:** 21.3.2026

## 1. Rekisterinpitäjä

Uutiset Oy
Sähköposti: info@uutiset.fi

## 2. Evästeet

Katso [evästekäytäntö](/evasteet/).

---
"""

PAGE_TWO_MD = """---
title: "Evästekäytäntö"
---

# Evästekäytäntö

## Mitä evästeet ovat?

Evästeet ovat pieniä tekstitiedostoja.

---

### 1. Välttämättömät evästeet

| Eväste | Tarkoitus |
|---|---|
| sid | istunto |

Lisätietoja evästekäytäntöön liittyvissä kysymyksissä: info@uutiset.fi
"""


def _version(data: Path, slug: str, version: str | None = None) -> dict:
    (path,) = [data / slug / f"{version}.yaml"] if version else (data / slug).glob("20*.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_a_page_titled_by_its_only_top_heading_is_split_at_the_next_level_and_flows_as_a_browser_shows_it(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "seura.html"
    page.write_text(CLUB, encoding="utf-8")
    args = ["import", "seura", str(page), "--select", ".card", "--remove", "a.button", "--name", "Seura ry"]
    code, out = run(capsys, *args, "--url", "https://seura.fi/tietosuoja.html")
    assert code == 0 and "the draft validates" in out, out
    version = yaml.safe_load(next((data / "seura").glob("20*.yaml")).read_text(encoding="utf-8"))
    assert version["title"] == {"fi": "Tietosuoja- ja evästeseloste"}  # the page's heading, not its <title>
    assert [s.get("heading", {}).get("fi") for s in version["sections"]] == [None, "Käsiteltävät tiedot", "Evästeet"]
    bodies = [s["body"]["fi"] for s in version["sections"]]
    assert "**Yhteydenotot:** [admin@seura.fi](mailto:admin@seura.fi)" in bodies[0]
    assert bodies[1] == "Suostumuksesta riippuen voidaan käsitellä IP-osoitetta, selain- ja laitetietoja, vierailtuja sivuja."
    assert bodies[2] == "Lue lisää [evästeistä](https://seura.fi/evasteet.html) ja alusta."  # made whole; an anchor, words
    assert version["source"]["url"] == "https://seura.fi/tietosuoja.html"
    organisation = yaml.safe_load((data / "seura" / "organisation.yaml").read_text(encoding="utf-8"))
    assert organisation["tracking"][0]["url"] == "https://seura.fi/tietosuoja.html"


@pytest.mark.parametrize(
    ("address", "tracked"),
    [
        ("https://seura.fi/tietosuoja/", False),  # a page, whose HTML 'seloste track' reads: not this text
        ("https://seura.fi/tietosuoja.html", False),
        ("https://raw.githubusercontent.com/seura/sivut/main/tietosuoja.md", True),  # a file served as its text
        ("https://github.com/seura/sivut/blob/main/tietosuoja.md", True),  # GitHub's page of the file: read as the file
        ("https://seura.fi/tietosuoja.txt", True),
    ],
)
def test_a_saved_text_file_is_tracked_only_at_an_address_that_serves_such_text(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], address: str, tracked: bool
) -> None:
    saved = tmp_path / "tietosuoja.txt"
    saved.write_text("Tietosuojaseloste\n\nSeura ry kerää jäsentensä nimet ja osoitteet jäsenrekisteriin.\n", encoding="utf-8")
    _code, out = run(capsys, "import", "seura", str(saved), "--url", address, "--name", "Seura ry")
    assert "wrote data/seura/organisation.yaml" in out, out
    organisation = yaml.safe_load((data / "seura" / "organisation.yaml").read_text(encoding="utf-8"))
    assert organisation.get("tracking") == ([{"url": address}] if tracked else None)
    assert ("not tracked: " in out) is not tracked
    assert _version(data, "seura")["source"]["url"] == address  # where it was read, either way


def test_markdown_pages_keep_their_files_as_captures_and_lose_their_front_matter_in_the_draft(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "tietosuoja.md", tmp_path / "evasteet.md"
    one.write_text(PAGE_ONE_MD, encoding="utf-8")
    two.write_bytes(PAGE_TWO_MD.replace("\n", "\r\n").encode("utf-8"))  # as a Windows editor saves it
    code, out = run(capsys, "import", "uutiset", str(one), str(two), "--name", "Uutiset Oy")
    assert code == 0 and "the draft validates" in out, out
    captures = data / "uutiset" / "captures"
    # byte for byte, under the kind of file they are (which tells the check how to read them)
    assert (captures / "2026-03-21.1.md").read_bytes() == one.read_bytes()
    assert (captures / "2026-03-21.2.md").read_bytes() == two.read_bytes()
    version = yaml.safe_load((data / "uutiset" / "2026-03-21.yaml").read_text(encoding="utf-8"))
    assert version["title"] == {"fi": "Tietosuojaseloste"}
    headings = [s.get("heading", {}).get("fi") for s in version["sections"]]
    assert headings == [None, "1. Rekisterinpitäjä", "2. Evästeet", "Evästekäytäntö"]  # the second page is one section
    assert version["sections"][3]["body"]["fi"].startswith("### Mitä evästeet ovat?\n\nEvästeet ovat pieniä")
    assert "#### 1. Välttämättömät evästeet" in version["sections"][3]["body"]["fi"]
    text = "\n".join(s["body"]["fi"] for s in version["sections"])
    assert "title:" not in text and "\r" not in text and "Katso evästekäytäntö." in text


WRAPPED_MD = """# Tietosuojaseloste

Fintraffic käsittelee palvelun käyttäjien lokitietoja, kuten IP-osoitteen
ja käyttäjätunnuksen. Tiedot saadaan
palvelun HTTP-pyynnöistä.

- ajoneuvon ominaisuudet, kuten väri, silloin
kun ajoneuvo poikkeaa tavallisesta; ja
- kuljettajan
  tai matkustajien kasvot.

> Lainattu kappale
> kahdella rivillä.

## 1. Rekisterinpitäjä

Liikenteenohjausyhtiö Fintraffic Oy{two_spaces}
Palkkatilanportti 1\\
00240 Helsinki
""".format(two_spaces="  ")  # a line break made with two spaces at the line's end


@pytest.mark.parametrize("name", ["tietosuoja.md", "tietosuoja.mdx", "tietosuoja.txt"])
def test_a_markdown_files_wrapped_paragraph_is_one_line_of_the_draft_as_its_site_shows_it(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """A paragraph or list item a Markdown file wraps over lines is one run of text on its site (and in GitHub's
    preview); the archive's pages keep a paragraph's lines, so the draft joins them (a quote's too), keeping the file's
    own line breaks (two spaces, a backslash). A text file's lines are the ones a reader saw: kept."""
    source = tmp_path / name
    source.write_text(WRAPPED_MD, encoding="utf-8")
    code, out = run(capsys, "import", "fintraffic", str(source), "--name", "Liikenteenohjausyhtiö Fintraffic Oy")
    assert code == 0 and "the draft validates" in out, out  # the capture's sentences, every one, in the joined text
    opening, controller = (section["body"]["fi"] for section in _version(data, "fintraffic")["sections"])
    if name.endswith(".txt"):
        assert opening.startswith("Fintraffic käsittelee palvelun käyttäjien lokitietoja, kuten IP-osoitteen\nja ")
        return
    assert opening.split("\n") == [
        "Fintraffic käsittelee palvelun käyttäjien lokitietoja, kuten IP-osoitteen ja käyttäjätunnuksen. Tiedot saadaan "
        "palvelun HTTP-pyynnöistä.",
        "",
        "- ajoneuvon ominaisuudet, kuten väri, silloin kun ajoneuvo poikkeaa tavallisesta; ja",
        "- kuljettajan tai matkustajien kasvot.",
        "",
        "> Lainattu kappale kahdella rivillä.",
    ]
    assert controller == "Liikenteenohjausyhtiö Fintraffic Oy\nPalkkatilanportti 1\n00240 Helsinki"  # a new line alone
    code, out = run(capsys, "validate")  # with the check that both renderers agree (a backslash break: they do not)
    assert code == 0, out


@pytest.mark.parametrize(
    ("source", "drafted"),
    [
        ("Tiedot:\n<ul>\n<li>nimi</li>\n<li>osoite</li>\n</ul>\n", "Tiedot:\n\nnimi\nosoite"),  # an HTML block's lines
        ("<p>Yksi kappale.</p>\n<p>Toinen kappale.</p>\n", "Yksi kappale.\nToinen kappale."),
        ("<table>\n<tr><td>a</td><td>b</td></tr>\n<tr><td>c</td><td>d</td></tr>\n</table>\n", "a b\nc d"),
        ("Nimi: Micro Magic Oy\n<br>Y-tunnus: 1783913-6\n", "Nimi: Micro Magic Oy\nY-tunnus: 1783913-6"),  # a break first
        ("Nimi: Oy<br></span>\nY-tunnus: 1783913-6\n", "Nimi: Oy\nY-tunnus: 1783913-6"),  # closing tags after it
        ('Nimi: Oy<br class="x">\nY-tunnus: 1783913-6\n', "Nimi: Oy\nY-tunnus: 1783913-6"),
        ("Osoite\\\nKatu 1\nsamalla rivillä\n", "Osoite\nKatu 1 samalla rivillä"),  # a backslash break: a new line alone
        ("Polku C:\\\\\nseuraava\n", "Polku C:\\\\ seuraava"),  # an escaped backslash is text, and no break
        ('Lue\n<a href="https://x.fi/ehdot">ehdot</a> tästä.\n', "Lue [ehdot](https://x.fi/ehdot) tästä."),  # inline: joined
        ("Teksti alkaa\n<Callout>Huom</Callout>\njatkuu\n", "Teksti alkaa\nHuom\njatkuu"),  # a component: a block
        # a table straight after a paragraph (cmark-gfm gives that paragraph no lines of its own), also in a list item
        (
            "Tiedot kerätään\nseuraavasti:\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            "Tiedot kerätään seuraavasti:\n| a | b |\n|---|---|\n| 1 | 2 |",
        ),
        ("- kohta\n  jatkuu\n  | a |\n  |---|\n\nSitten\nloppu.\n", "- kohta jatkuu\n  | a |\n  |---|\n\nSitten loppu."),
    ],
)
def test_a_markdown_files_lines_join_only_within_its_own_paragraphs(source: str, drafted: str) -> None:
    """HTML blocks and components in a Markdown file are blocks on its site: their lines are not one paragraph, though
    the pages' renderer reads their tags as text. A <br> breaks the line wherever it stands in it."""
    from seloste.contribute.wrapping import draft_markdown

    assert draft_markdown(source, "mdx")[0].strip("\n") == drafted


def test_import_names_the_links_within_the_site_whose_address_a_files_capture_cannot_keep(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Markdown file's link within the site keeps its words in the draft, not its address; import says which, so
    that the contributor can say where it led. An anchor on the page is no address lost, and says nothing."""
    page = tmp_path / "tietosuoja.md"
    page.write_text(PAGE_ONE_MD.replace("Katso [", "Ks. [alku](#alku). Katso ["), encoding="utf-8")
    code, out = run(capsys, "import", "uutiset", str(page), "--name", "Uutiset Oy")
    assert code == 0 and "the draft validates" in out, out
    assert (
        "links within the site kept as words only (their address is not whole in the capture): 'evästekäytäntö' "
        "(/evasteet/); say in source.note where they led, if a reader needs it"
    ) in out
    html = tmp_path / "seura.html"
    html.write_text(CLUB, encoding="utf-8")
    code, out = run(capsys, "import", "seura", str(html), "--select", ".card", "--name", "Seura ry", "--url", "https://seura.fi/")
    assert code == 0 and "links within the site" not in out, out  # made whole from the page's address
    shutil.rmtree(data / "seura")
    code, out = run(capsys, "import", "seura", str(html), "--select", ".card", "--name", "Seura ry")
    assert code == 0 and "the draft validates" in out, out  # a saved page and no address: nothing to make it whole
    assert "links within the site kept as words only (their address is not whole in the capture): 'evästeistä' " in out


def test_a_draft_that_does_not_validate_says_what_is_left_and_exits_1(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "seura.html"
    page.write_text(CLUB, encoding="utf-8")
    code, out = run(capsys, "import", "seura", str(page), "--select", ".card", "--name", "Aivan Muu Oy")
    assert code == 1 and "the draft does not validate yet" in out
    assert "facts.controller" in out  # the name it was given is nowhere in the notice


def test_preformatted_lines_are_the_notices_lines_and_the_draft_validates(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "pre.html"
    page.write_text(
        "<html><body><main><h1>Tietosuojaseloste</h1><h2>1. Rekisterinpitäjä</h2><p>Esimerkki Oy.</p>"
        "<pre>Esimerkki Oy\n  Testikatu 1\n00100   Helsinki\n</pre><h2>2. Säilytys</h2><p>Viisi vuotta.</p></main></body></html>",
        encoding="utf-8",
    )
    code, out = run(capsys, "import", "esimerkki", str(page), "--select", "main", "--name", "Esimerkki Oy")
    assert code == 0 and "the draft validates" in out, out
    (capture,) = (data / "esimerkki" / "captures").glob("*.txt")
    assert "Esimerkki Oy.\n\nEsimerkki Oy\nTestikatu 1\n00100 Helsinki\n\n## 2." in capture.read_text(encoding="utf-8")
    assert "```" not in capture.read_text(encoding="utf-8")


SWEDISH = (
    "<html><body><main><h1>Dataskyddsbeskrivning</h1><p>Vi behandlar dina personuppgifter för att kunna ge service och "
    "för att vi är skyldiga att göra det enligt lag. Uppgifterna lämnas inte ut till andra och de sparas inte längre "
    "än vad som är nödvändigt för ändamålet med behandlingen av personuppgifter.</p></main></body></html>"
)


def test_a_page_in_another_language_is_not_taken_for_a_later_page_of_the_notice(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served, base = site
    served.page("/tietosuoja", notice())
    served.page("/dataskydd", SWEDISH)
    code, out = run(capsys, "import", "esimerkki", base + "/tietosuoja", base + "/dataskydd", "--select", "main", "--name", "X")
    assert code == 2 and "SOURCE 2 (" in out and "reads as Swedish, not Finnish" in out, out
    assert files(data) == set()  # nothing written
    code, out = run(capsys, "import", "esimerkki", base + "/dataskydd", "--select", "main", "--name", "X", "--language", "sv")
    assert code != 2 and "wrote data/esimerkki/" in out, out  # as Swedish, it is imported


LATER_PAGES = [
    "# Tietosuojaseloste\n\n## Johdanto\n\nKeräämme tietoja.\n\n## Rekisterinpitäjä\n\nSeura ry.\n",
    "# Evästekäytäntö\n\nPäivitetty 1.3.2026.\n\n## Johdanto\n\nKäytämme evästeitä.\n\n## Evästeet\n\nVain välttämättömät.\n",
]


def test_a_later_page_is_split_at_its_headings_where_the_previous_version_split_it() -> None:
    """A later page with a title is one section unless the previous version has its parts as sections of their own
    (an archive's version may split the page so, for its facts to cite each part): then the draft does as it did, and
    its facts keep their sections. Before, a tracked change drafted the page as one section, and every fact citing a
    part cited a section the draft did not have."""
    whole = drafting.draft(LATER_PAGES)
    assert [heading for heading, _body in whole.sections] == ["Johdanto", "Rekisterinpitäjä", "Evästekäytäntö"]
    split = drafting.draft(LATER_PAGES, sectioned=frozenset({drafting.heading_key("**Evästeet**")}))
    assert split.sections[2:] == (
        ("Evästekäytäntö", "Päivitetty 1.3.2026."),
        ("Johdanto", "Käytämme evästeitä."),
        ("Evästeet", "Vain välttämättömät."),
    )


def test_sections_under_one_heading_keep_their_ids_in_order() -> None:
    """Each page of a notice over several opens with "Johdanto": the draft's first "Johdanto" takes the previous
    version's first such id, the second the second (before, both were matched to the last)."""
    from seloste.archive.localized import NoticeText
    from seloste.contribute.importer import section_ids

    previous = load_archive(FIXTURES / "shapes", root=FIXTURES).get("sivuittain").current.version
    renamed = dataclasses.replace(
        previous,
        sections=tuple(
            dataclasses.replace(section, id=f"osa-{n}", heading=NoticeText(fi="Johdanto", en="Introduction"))
            for n, section in enumerate(previous.sections, 1)
        ),
    )
    drafted = drafting.Draft(title="T", sections=tuple(("Johdanto", f"Teksti {n}.") for n in range(len(renamed.sections))))
    assert section_ids(drafted, "fi", renamed) == [s.id for s in renamed.sections]


def test_a_subtitle_over_numbered_sections_opens_a_section_and_the_numbered_ones_the_rest() -> None:
    page = (
        "# Tietosuojaseloste\n\n## Oiva-palvelun tietosuojaseloste\n\nJohdanto.\n\n### 1. Rekisterinpitäjä\n\n"
        "Ministeriö.\n\n#### Yhteystiedot\n\nPuhelin.\n\n### 2. Tarkoitus\n\nLuvat.\n"
    )
    found = drafting.draft([page])
    assert found.title == "Tietosuojaseloste"
    assert found.sections == (
        ("Oiva-palvelun tietosuojaseloste", "Johdanto."),
        ("1. Rekisterinpitäjä", "Ministeriö.\n\n### Yhteystiedot\n\nPuhelin."),
        ("2. Tarkoitus", "Luvat."),
    )


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "ehdot.txt",
            "Tietosuojaseloste\n\n# Rekisterinpitäjä\n\nKilpailu Oy (Y-tunnus 1783913-6)\n\n# Ikärajat\n\n"
            "- > 65 vuotta: eläkeläissarja\n• > 50 vuotta: seniorisarja\n1. > 40 vuotta: veteraanit\n\n"
            "# Kuka voi osallistua\n\n> 18 vuotta täyttäneet.\n",
        ),
        (
            "ehdot.html",
            "<main><h1>Tietosuojaseloste</h1><h2>Rekisterinpitäjä</h2><p>Kilpailu Oy (Y-tunnus 1783913-6)</p>"
            "<h2>Kuka voi osallistua</h2><p>&gt; 18 vuotta täyttäneet.</p></main>",
        ),
    ],
)
def test_a_greater_than_sign_that_starts_a_line_of_a_page_or_a_text_file_is_its_text(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], name: str, text: str
) -> None:
    """Not a quote's mark: the draft escapes it, so the page shows '> 18 vuotta', not a quote saying '18 vuotta'; and
    validate reads the capture so too: a text file's capture holds the sign unescaped, where a page's escapes it."""
    from seloste.markup.render import markdown_html

    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    address = f"https://kilpailu.example/{name}"  # where the file was published: its ending tells the file's kind
    code, out = run(capsys, "import", "kilpailu", str(source), "--name", "Kilpailu Oy", "--url", address)
    assert code == 0 and "the draft validates" in out, out
    body = _version(data, "kilpailu")["sections"][-1]["body"]["fi"]
    assert body == "\\> 18 vuotta täyttäneet.", body
    assert "<blockquote>" not in markdown_html(body) and "&gt; 18 vuotta" in markdown_html(body)
    # the capture's reading agrees: a body that drops the sign loses a sentence of the page or the file ("> 18")
    (path,) = (data / "kilpailu").glob("20*.yaml")
    path.write_text(path.read_text(encoding="utf-8").replace("\\> 18 vuotta", "18 vuotta"), encoding="utf-8")
    code, out = run(capsys, "validate")
    assert code == 1 and "> 18 vuotta täyttäneet." in out, out


def test_a_line_after_a_line_break_starts_with_its_words_as_a_browser_shows_it() -> None:
    """A page's source often breaks its own line after a <br>: a browser shows no space at the next line's start, and
    the capture had one (' Y-tunnus: ...'), which the change report then read as a change of whitespace."""
    page = extract.capture_of(
        "<main><h1>Seloste</h1><p>Nimi: Micro Magic Oy<br>\n   Y-tunnus: 1783913-6<br/>\n<b>Osoite:</b> Katu 19</p></main>"
    )
    assert "\nNimi: Micro Magic Oy\nY-tunnus: 1783913-6\n**Osoite:** Katu 19\n" in page, page


def test_a_nested_list_of_a_page_is_drafted_four_spaces_deeper_so_both_renderers_nest_it() -> None:
    from seloste.markup.agreement import body_disagreement

    page = extract.capture_of(
        "<main><h1>Seloste</h1><h2>Oikeudet</h2><p>Oikeus:</p><ul><li>poistaa, kun:<ul><li>suostumus</li>"
        "<li>ei velvoitetta</li></ul></li><li>valittaa</li></ul><ol><li>a</li><li>b<ol><li>c</li></ol></li></ol></main>"
    )
    assert "\n  - suostumus\n" in page  # the capture is the page's Markdown as markdownify writes it
    assert body_disagreement(page) is not None  # which the two renderers nest differently
    ((heading, body),) = drafting.draft([page]).sections
    assert heading == "Oikeudet"
    assert body == "Oikeus:\n\n- poistaa, kun:\n    - suostumus\n    - ei velvoitetta\n- valittaa\n\n1. a\n2. b\n    1. c"
    assert body_disagreement(body) is None


PLAIN_TEXT_NOTICE = (
    "Seura ry rekisteriseloste – Henkilötietolaki (523/99) 10 §\n\n"
    "1. – 2. Rekisterin pitäjä ja rekisteriasioista vastaava\n"
    " • Seura ry ylläpito, sähköpostiosoite: yllapito@seura.fi\n"
    "3. Rekisterin tietosisältö\n"
    " • Pakolliset tiedot\n"
    "  • Nimimerkki\n"
    "  • Sähköpostiosoite\n"
    " • Vapaaehtoiset tiedot\n"
    "  • Kotikunta\n"
    "4. Tietojen luovutus\n"
    "Tietoja luovutetaan:\n"
    " • viranomaisille\n"
    " • ei muille.\n"
)


def test_a_plain_text_notice_is_drafted_with_its_numbered_headings_and_bullet_lists_and_validates(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "seloste.txt"
    saved.write_text(PLAIN_TEXT_NOTICE, encoding="utf-8")
    code, out = run(capsys, "import", "seura", str(saved), "--url", "https://seura.fi/seloste/", "--name", "Seura ry")
    assert code == 0 and "the draft validates" in out, out
    (capture,) = (data / "seura" / "captures").glob("*.txt")
    assert capture.read_text(encoding="utf-8") == PLAIN_TEXT_NOTICE  # the capture is the text as saved
    version = _version(data, "seura")
    assert version["title"]["fi"] == "Seura ry rekisteriseloste – Henkilötietolaki (523/99) 10 §"
    assert [(s["heading"]["fi"], s["body"]["fi"]) for s in version["sections"]] == [
        ("1. – 2. Rekisterin pitäjä ja rekisteriasioista vastaava", "- Seura ry ylläpito, sähköpostiosoite: yllapito@seura.fi"),
        (
            "3. Rekisterin tietosisältö",
            "- Pakolliset tiedot\n    - Nimimerkki\n    - Sähköpostiosoite\n- Vapaaehtoiset tiedot\n    - Kotikunta",
        ),
        ("4. Tietojen luovutus", "Tietoja luovutetaan:\n\n- viranomaisille\n- ei muille."),
    ]
    assert version["facts"]["controller"] == {"name": "Seura ry", "section": version["sections"][0]["id"]}


def test_numbered_lines_are_headings_only_in_plain_text_and_only_where_text_follows_each() -> None:
    from seloste.contribute.plaintext import as_markdown

    assert as_markdown("1. Rekisterinpitäjä\nSeura ry\n2. Tarkoitus\nJäsenyys") == (
        "## 1. Rekisterinpitäjä\nSeura ry\n## 2. Tarkoitus\nJäsenyys"
    )
    assert as_markdown(" 1. Yleistä\n\nTeksti.\n\n 1. Yhteystiedot:\n\nSeura ry") == (
        "## 1. Yleistä\n\nTeksti.\n\n## 1. Yhteystiedot:\n\nSeura ry"
    )  # a text browser's dump: each heading a list of its own
    for text in (
        "1. nimi\n2. osoite\n3. puhelin",  # a numbered list
        "1. Käsittelemme tietoja.\nTeksti\n2. Säilytämme ne.\nTeksti",  # sentences, not headings
        "1. Rekisterinpitäjä\nSeura ry",  # one alone heads nothing
        "3. Rekisterinpitäjä\nSeura ry\n2. Tarkoitus\nJäsenyys",  # out of order
        "Käytämme:\n1. asiakassuhteen hoitamiseen ja\n   kehittämiseen\n2. laskutukseen\n\nSäilytämme viisi vuotta.",  # wrapped
        "Tiedot:\n1. Perustiedot\n   - nimi\n2. Yhteystiedot\n   - sähköposti",  # a list with sub-lists
        "Keräämme\n1. Nimi\n2. Osoite\nKäytämme\n1. Laskutukseen\n2. Markkinointiin\nLoppu",  # two lists
        "1. Rekisterinpitäjä\nSeura ry\n2. Luovutus\nLuovutamme:\n1. viranomaisille\n2. ei muille",  # a list in one: by hand
    ):
        assert as_markdown(text) == text, text
    assert as_markdown(" • yksi\n   ▪ kaksi\n•ei välilyöntiä") == " - yksi\n   - kaksi\n•ei välilyöntiä"
    page = "Seloste\n\nJohdanto.\n\n1. Rekisterinpitäjä\nSeura ry\n2. Tarkoitus\nJäsenyys\n"  # a page's <ol>, as Markdown
    assert len(drafting.draft([page], kinds=[("https://seura.fi/seloste/", "text")]).sections) == 1
    assert len(drafting.draft([page], kinds=[("seloste.txt", "text")]).sections) == 3  # a saved text: its headings
    for own in ("# Seloste\n\n", "**Seloste**\n\n"):  # headings of its own, which the draft splits at: those alone
        marked = drafting.draft(
            [own + "Johdanto.\n\n1. Rekisterinpitäjä\nSeura ry\n2. Tarkoitus\nJäsenyys\n"], kinds=[("s.txt", "text")]
        )
        assert all(not (heading or "").startswith(("1.", "2.")) for heading, _body in marked.sections), marked
    markdown = drafting.draft(["# Seloste\n\n## Osio\n\n• ei lista Markdownissa\n"], kinds=[("seloste.md", "markdown")])
    assert markdown.sections == (("Osio", "• ei lista Markdownissa"),)  # a Markdown file shows its bullet as text


def test_a_new_version_from_a_saved_text_drops_the_chrome_its_previous_version_named_and_keeps_its_translation(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """micro-magic's capture is a text browser's dump: its chrome ("Hyppää sisältöön", named in capture_noise) first,
    every heading numbered " 1."; the organisation changed its e-mail address and its date."""
    shutil.copytree(FIXTURES / "archive" / "micro-magic", data / "micro-magic")
    (previous,) = (data / "micro-magic" / "captures").glob("*.txt")
    saved = tmp_path / "tietosuoja.txt"
    text = previous.read_text(encoding="utf-8").replace("myynti@micromagic.fi", "tietosuoja@micromagic.fi")
    saved.write_text(text.replace("viimeksi päivitetty", "viimeksi päivitetty 12.5.2025, aiemmin"), encoding="utf-8")
    code, out = run(capsys, "import", "micro-magic", str(saved))
    version = yaml.safe_load((data / "micro-magic" / "2025-05-12.yaml").read_text(encoding="utf-8"))
    assert version["source"]["capture_noise"] == ["Hyppää sisältöön"]  # still the page's chrome
    assert version["title"] == {"fi": "Micro Magicin tietosuojaseloste", "en": "Micro Magic privacy notice"}
    assert [s["id"] for s in version["sections"]][:3] == ["yleista", "yhteystiedot", "kasittely-ja-tarkoitukset"]
    assert all(s["body"].get("en") for s in version["sections"])  # the translation kept, to bring up to date
    assert "source.note of 2021-06-23 not copied" in out
    assert "check organisation.yaml: contact.email 'myynti@micromagic.fi' stands in the previous version's capture" in out
    problems = [line for line in out.splitlines() if line.startswith("data/")]
    assert code == 1 and all("change." in p or "myynti@micromagic.fi" in p for p in problems), out  # what a person sets


def test_a_new_section_is_left_untranslated_and_the_other_sections_keep_their_translation(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(FIXTURES / "archive" / "micro-magic", data / "micro-magic")
    (previous,) = (data / "micro-magic" / "captures").glob("*.txt")
    saved = tmp_path / "tietosuoja.txt"
    text = previous.read_text(encoding="utf-8") + "\n 1. Evästeet\n\nKäytämme evästeitä.\n"  # a new section
    saved.write_text(text, encoding="utf-8")
    code, out = run(capsys, "import", "micro-magic", str(saved), "--date", "2025-05-12")
    assert (
        "; new, not translated yet (its not_in names en: translate it and take en out of its not_in): 1-evasteet "
        "(translation: pending)"
    ) in out, out
    assert "translation (en) carried over from 2021-06-23: unchanged, as it was: title, " in out
    assert "facts: those of 2021-06-23, carried over; check each against the new text" in out
    version = yaml.safe_load((data / "micro-magic" / "2025-05-12.yaml").read_text(encoding="utf-8"))
    *kept, new = version["sections"]
    assert (new["id"], new["not_in"], set(new["body"]), set(new["heading"])) == ("1-evasteet", ["en"], {"fi"}, {"fi"})
    assert all(set(section["body"]) == {"fi", "en"} and "not_in" not in section for section in kept)
    assert version["translation"] == "pending" and set(version["title"]) == {"fi", "en"}

    def quoted(value: object) -> list[dict]:
        if isinstance(value, dict):
            return ([value["quote"]] if "quote" in value else []) + [q for item in value.values() for q in quoted(item)]
        return [q for item in value for q in quoted(item)] if isinstance(value, list) else []

    quotes = quoted(version["facts"])  # the facts cite the sections carried, in the languages of the draft's texts
    assert quotes and {lang for quote in quotes for lang in quote} == {"fi", "en"}
    problems = [line for line in out.splitlines() if line.startswith("data/")]
    assert code == 1 and problems and all("change." in problem for problem in problems), out  # only what a person sets


def test_a_section_whose_heading_changed_keeps_its_translation_and_its_facts_under_its_new_id(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its new heading gives it a new id; it is still the section it was (its text reads the same): the facts citing
    it cite the new id, and its translation is carried as a changed text's, to bring up to date."""
    shutil.copytree(FIXTURES / "archive" / "micro-magic", data / "micro-magic")
    (previous,) = (data / "micro-magic" / "captures").glob("*.txt")
    saved = tmp_path / "tietosuoja.txt"
    saved.write_text(previous.read_text(encoding="utf-8").replace("Henkilötietojen säilyttämisen periaatteet", "Kuinka kauan"))
    code, out = run(capsys, "import", "micro-magic", str(saved), "--date", "2025-05-12")
    assert "sections of 2021-06-23 under a new id (their heading changed), the facts citing them moved: " in out, out
    assert "sailyttamisen-periaatteet is now 1-kuinka-kauan" in out, out
    changed = out.split("changed, to translate again (its previous translation kept as a start): ")[1].split(" (")[0]
    assert "1-kuinka-kauan" in changed.split(", ") and "new, not translated yet" not in out, out
    version = yaml.safe_load((data / "micro-magic" / "2025-05-12.yaml").read_text(encoding="utf-8"))
    (section,) = [s for s in version["sections"] if s["id"] == "1-kuinka-kauan"]
    assert section["heading"]["en"] == "8. Principles of personal data retention" and "not_in" not in section, section
    assert [r["section"] for r in version["facts"]["retention"]] == ["1-kuinka-kauan"]
    problems = [line for line in out.splitlines() if line.startswith("data/")]
    assert code == 1 and problems and all("change." in problem for problem in problems), out  # only what a person sets


def test_a_section_that_gained_a_heading_is_not_translated_yet_and_its_facts_quote_the_original_only(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The opening section had no heading; the new text gives it one, so it has a heading to translate and is not
    translated yet (its not_in names en): the facts citing it keep their Finnish words and leave out their English,
    which the section no longer has, until it is translated."""
    folder = data / "micro-magic"
    shutil.copytree(FIXTURES / "archive" / "micro-magic", folder)
    (previous,) = (folder / "captures").glob("*.txt")
    text = previous.read_text(encoding="utf-8")
    (tmp_path / "tietosuoja.txt").write_text(text, encoding="utf-8")
    previous.write_text(text.replace(" 1. Yleistä\n\n", "", 1), encoding="utf-8")
    version_file = folder / "2021-06-23.yaml"
    edited = version_file.read_text(encoding="utf-8").replace(
        '  - id: yleista\n    heading:\n      fi: "1. Yleistä"\n      en: "1. General"\n', "  - id: yleista\n", 1
    )
    fact = (
        "    - purpose: {fi: markkinointi, en: marketing}\n      legal_basis: not-stated\n      quote:\n"
        "        fi: markkinointitoimintamme kohteet\n        en: the targets of our marketing activities\n"
        "      section: yleista\n"
    )
    version_file.write_text(edited.replace("  purposes:\n", "  purposes:\n" + fact, 1), encoding="utf-8")
    assert errors(data) == []
    code, out = run(capsys, "import", "micro-magic", str(tmp_path / "tietosuoja.txt"), "--date", "2025-05-12")
    assert "yleista is now 1-yleista" in out, out
    assert "new, not translated yet (its not_in names en: translate it and take en out of its not_in): 1-yleista" in out
    assert "the facts citing 1-yleista quote the original only: add their en as you translate" in out, out
    version = yaml.safe_load((folder / "2025-05-12.yaml").read_text(encoding="utf-8"))
    first = version["facts"]["purposes"][0]
    assert (first["section"], first["quote"], first["purpose"]) == (
        "1-yleista",
        {"fi": "markkinointitoimintamme kohteet"},
        {"fi": "markkinointi", "en": "marketing"},  # the archive's own words, in both languages as ever
    )
    assert all(set(p["quote"]) == {"fi", "en"} for p in version["facts"]["purposes"][1:])
    problems = [line for line in out.splitlines() if line.startswith("data/")]
    assert code == 1 and problems and all("change." in problem for problem in problems), out  # only what a person sets


def test_a_saved_text_that_breaks_off_in_mid_sentence_is_named_for_a_person_to_check(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page saved before it had loaded, or a selection that ends inside the notice, would archive part of it: the
    capture is the notice as saved, and nothing else tells."""
    saved = tmp_path / "tietosuoja.txt"
    whole = "Tietosuojaseloste\n\n1. Rekisterinpitäjä\n\nEsimerkki Oy\n\n2. Luovutukset\n\n- Yhteystiedot voidaan luovuttaa.\n"
    saved.write_text(whole, encoding="utf-8")
    _code, out = run(capsys, "import", "esimerkki", str(saved), "--name", "Esimerkki Oy", "--date", "2025-05-12")
    assert "wrote data/esimerkki/2025-05-12.yaml" in out and "mid-sentence" not in out, out
    saved.write_text(whole.replace("luovuttaa.", "luovuttaa myös viranomaiskäyttöön, jos"), encoding="utf-8")
    shutil.rmtree(data / "esimerkki")
    _code, out = run(capsys, "import", "esimerkki", str(saved), "--name", "Esimerkki Oy", "--date", "2025-05-12")
    assert (
        f"check the capture: {saved} ends in mid-sentence ('... Yhteystiedot voidaan luovuttaa myös viranomaiskäyttöön, "
        "jos'): a notice saved or selected in part is archived in part; save the whole page, or widen --select"
    ) in out, out


@pytest.mark.parametrize(
    ("ending", "broken"),
    [
        ("Tietoja ei luovuteta.", False),
        ("- nimi", False),
        ("Päivitetty 1.1.2024", False),
        ("Esimerkkikatu 1, 00100 Helsinki", False),
        ("3. Rekisterin nimi", False),
        ("| Eväste | 2 vuotta |", False),
        ("- Tiedot voidaan luovuttaa, jos", True),
        ("Tietoja säilytetään kaksi vuotta, minkä jälkeen ne poistetaan.", False),
        ("© 2024 Esimerkki Oy. Kaikki oikeudet pidätetään", False),  # a sentence without its full stop: not told apart
        ("Vi förbehåller oss rätten att uppdatera denna policy vid behov", False),
        ("Tietoja säilytetään kaksi vuotta, minkä jälkeen ne", False),
        ("Tietoja säilytetään kaksi vuotta, ja", True),
        ("We keep the data for two years and", True),
        ("Uppgifterna sparas i två år, om", True),
    ],
)
def test_a_capture_ends_in_mid_sentence_only_where_its_last_line_is_broken_off(ending: str, broken: bool) -> None:
    from seloste.contribute.following import unfinished_ending

    assert (unfinished_ending(f"Alku.\n\n{ending}\n") is not None) == broken


def test_section_ids_end_at_a_whole_word() -> None:
    from seloste.contribute.importer import slugify

    slug = slugify("3. Käsiteltävät henkilötiedot ja käsittelyn tarkoitus sekä oikeusperuste")
    assert slug == "3-kasiteltavat-henkilotiedot-ja-kasittelyn" and len(slug) <= 50


# --- a new version: its date when not known, and the translation it keeps ---------------------------------------


def _translated(data: Path, slug: str, version_id: str) -> dict:
    """Give ``slug``'s version an English text for each of its texts (here: the Finnish, marked), as a translator
    would, and declare its translation complete."""
    path = data / slug / f"{version_id}.yaml"
    version = yaml.safe_load(path.read_text(encoding="utf-8"))
    version["title"]["en"] = "Privacy notice"
    for section in version["sections"]:
        section["body"]["en"] = section["body"]["fi"]
        if "heading" in section:
            section["heading"]["en"] = "EN " + section["heading"]["fi"]
    del version["translation"]
    path.write_text(VERSION_LINE + yaml.safe_dump(version, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert errors(data) == []
    return version


def test_a_new_version_imported_keeps_the_translation_of_what_did_not_change_and_its_date_range(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The notice changes one sentence and keeps the date it states: the new version is dated today, changed after
    the latest version's date; every text whose Finnish is the same keeps its English as it was, the changed one its
    previous English to translate again, with the translation pending."""
    served, base = site
    served.page("/tietosuoja", notice())
    assert imported(capsys, base)[0] == 0
    before = _translated(data, "esimerkki", "2024-03-01")
    served.page("/tietosuoja", notice(years="kolme"))  # still 'Päivitetty 1.3.2024.'
    code, out = imported(capsys, base)
    today = dt.date.today().isoformat()
    assert code == 1 and "change.kind" in out  # the kind of change is a person's to set
    assert f"  changed_after: 2024-03-01: the day the text changed is not known, so the version is dated {today}" in out
    assert (
        "translation (en) carried over from 2024-03-01: unchanged, as it was: title, johdanto, 1-rekisterinpitaja, "
        "2-mita-tietoja-keraamme; changed, to translate again (its previous translation kept as a start): 3-sailytysaika "
        "(translation: pending); each changed by 3 words or fewer: if these are fixes the translation need not show (a "
        "typo), say 'translation: unaffected' instead (data/README.md)"
    ) in out  # one word: the command says what would declare a typo (a trial's maintainer did not know)
    version = yaml.safe_load((data / "esimerkki" / f"{today}.yaml").read_text(encoding="utf-8"))
    assert (version["stated_date"], version["changed_after"], version["translation"]) == ("2024-03-01", "2024-03-01", "pending")
    assert version["title"] == before["title"]
    assert [s["body"].get("en") for s in version["sections"]] == [s["body"]["en"] for s in before["sections"]]
    assert "kolme" in version["sections"][3]["body"]["fi"] and "viisi" in version["sections"][3]["body"]["en"]
    filled = (data / "esimerkki" / f"{today}.yaml").read_text(encoding="utf-8")
    filled = filled.replace("kind: ''", "kind: substantive").replace("fi: ''", "fi: Muutos.").replace("en: ''", "en: A change.")
    (data / "esimerkki" / f"{today}.yaml").write_text(filled, encoding="utf-8")
    assert errors(data) == []  # valid as it stands: the translation pending


def test_a_new_version_imported_from_a_saved_file_keeps_the_address_the_notice_was_read_at(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page saved to a file names no address: the first version takes the one given with --url, and a new version
    imported from a saved file without one keeps the previous version's, saying so; given --url, it takes that."""
    saved = data.parent / "tietosuoja.html"
    saved.write_text(notice(), encoding="utf-8")
    address = "https://www.esimerkki.fi/tietosuoja"
    code, out = run(capsys, "import", "esimerkki", str(saved), "--url", address, "--select", "main", "--name", "Esimerkki Oy")
    assert code == 0, out
    _translated(data, "esimerkki", "2024-03-01")
    saved.write_text(notice(updated="2.3.2024", years="kolme"), encoding="utf-8")
    code, out = run(capsys, "import", "esimerkki", str(saved), "--select", "main")
    version = yaml.safe_load((data / "esimerkki" / "2024-03-02.yaml").read_text(encoding="utf-8"))
    assert version["source"] == {"url": address, "capture": "captures/2024-03-02.txt"}
    assert (
        f"source.url: {address}, the previous version's (2024-03-01): the saved files name no address; give --url "
        "(--also-url) if they were saved from another"
    ) in out
    (data / "esimerkki" / "2024-03-02.yaml").unlink()  # the draft taken back, imported again with its address
    (data / "esimerkki" / "captures" / "2024-03-02.txt").unlink()
    moved = "https://www.esimerkki.fi/yksityisyys"
    code, out = run(capsys, "import", "esimerkki", str(saved), "--url", moved, "--select", "main")
    assert yaml.safe_load((data / "esimerkki" / "2024-03-02.yaml").read_text(encoding="utf-8"))["source"]["url"] == moved
    assert "the previous version's" not in out


def test_a_previous_address_in_each_language_is_kept_only_for_pages_in_those_languages(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "languages" / "omat-kielet", tmp_path / "data" / "omat-kielet")
    version = tmp_path / "data" / "omat-kielet" / "2024-01-10.yaml"
    addresses = {"fi": "https://kaksikielinen.fi/tietosuoja", "en": "https://kaksikielinen.fi/en/privacy"}
    text = version.read_text(encoding="utf-8")
    version.write_text(
        text.replace(f"  url: {addresses['fi']}\n", f"  url: {{fi: {addresses['fi']}, en: {addresses['en']}}}\n"),
        encoding="utf-8",
    )
    previous = load_archive(tmp_path / "data", root=tmp_path).get("omat-kielet").current.version
    saved = [Page(None, "teksti", "fi.html"), Page(None, "text", "other.html")]
    assert _previous_address(previous, saved, ["fi", "en"]) == addresses
    assert _previous_address(previous, saved, ["fi", "sv"]) is None  # a Swedish page was never read at the English address
    assert _previous_address(previous, saved[:1], ["fi"]) is None


def test_a_new_version_with_a_new_section_carries_the_others_translation_and_says_so(
    site: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served, base = site
    served.page("/tietosuoja", notice())
    assert imported(capsys, base)[0] == 0
    _translated(data, "esimerkki", "2024-03-01")
    served.page(
        "/tietosuoja", notice(updated="2.3.2024").replace("</article>", "<h2>4. Evästeet</h2><p>Ei evästeitä.</p></article>")
    )
    code, out = imported(capsys, base)
    assert code == 1 and "changed_after" not in out  # dated as the notice states: 2 March 2024
    assert (
        "; new, not translated yet (its not_in names en: translate it and take en out of its not_in): 4-evasteet "
        "(translation: pending)"
    ) in out, out
    version = yaml.safe_load((data / "esimerkki" / "2024-03-02.yaml").read_text(encoding="utf-8"))
    assert "en" in version["title"] and "changed_after" not in version
    assert [(s["id"], s.get("not_in")) for s in version["sections"]][-1] == ("4-evasteet", ["en"])


def test_a_tracked_change_lies_between_the_last_check_that_found_it_unchanged_and_today(
    tracked: tuple[Site, str], data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from seloste.archive.tracklog import FORMAT, NoticeCheck, TrackingLog, dump_log

    served, _ = tracked
    log = data.parent / "tracking-log.yaml"
    seen = dt.date.today() - dt.timedelta(days=3)
    check = NoticeCheck(slug="esimerkki", checked=seen, status="unchanged", version="2024-03-01", unchanged=seen)
    log.write_text(dump_log(TrackingLog(format=FORMAT, notices=(check,))), encoding="utf-8")
    served.page("/tietosuoja", notice(years="kolme"))
    other = notice(updated="2.3.2024", years="kolme").replace("Esimerkki Oy", "Toinen Oy")
    served.page("/toinen", other.replace("1783913-6", "2466095-1"))
    code, out = run(capsys, "track", "--log", str(log))
    assert code == 0, out
    today = dt.date.today().isoformat()
    ranged = yaml.safe_load((data / "esimerkki" / f"{today}.yaml").read_text(encoding="utf-8"))
    assert ranged["changed_after"] == seen.isoformat()  # the log's last unchanged check
    unlogged = yaml.safe_load((data / "toinen" / f"{today}.yaml").read_text(encoding="utf-8"))
    assert unlogged["changed_after"] == "2024-03-02"  # no check in the log: after the latest version's date


# --- the controller a first version's draft names --------------------------------------------------------------

IMPORTS = Path(__file__).parent / "fixtures" / "import"


def _controller(data: Path, slug: str) -> dict:
    (version,) = (data / slug).glob("2*.yaml")  # the one version, beside organisation.yaml
    return yaml.safe_load(version.read_text(encoding="utf-8"))["facts"]["controller"]


def test_the_controller_is_read_from_its_section_not_from_the_first_company_the_page_names(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page names a payment provider, with its business ID, and the organisation itself before its controller's
    section: the draft names the controller from the section headed 'Rekisterinpitäjä', with its business ID."""
    page = str(IMPORTS / "toinen-yritys-ensin.html")
    code, out = run(capsys, "import", "kauppa", page, "--select", "main", "--name", "Kauppa Esimerkki Oy")
    assert code == 0 and "the draft validates" in out and "TODO" not in out, out
    assert _controller(data, "kauppa") == {
        "name": "Kauppa Esimerkki Oy",
        "business_id": "1783913-6",
        "section": "1-rekisterinpitaja",
    }
    organisation = yaml.safe_load((data / "kauppa" / "organisation.yaml").read_text(encoding="utf-8"))
    assert organisation["business_id"] == "1783913-6"  # the organisation's own, as its controller's section names it


@pytest.mark.parametrize("heading", ["Registeransvarig", "Personuppgiftsansvarig", "Personuppgiftsansvarige"])
def test_a_swedish_notices_controller_is_read_from_its_section_under_the_older_heading_too(heading: str) -> None:
    """A Swedish notice of Åland names its controller under 'Registeransvarig' (a trial's notice): the draft found no
    controller's section there, and its TODO spoke of a Finnish heading alone."""
    from seloste.contribute.controller import controller_fact

    sections = [
        ("registrets-namn", "Registrets namn", "Befolkningsregistret"),
        ("registeransvarig", heading, "Ålands statistik- och utredningsbyrå\nPB 1187, AX-22111 Mariehamn"),
    ]
    fact, todo = controller_fact(sections, "Ålands statistik- och utredningsbyrå")
    assert (fact, todo) == ({"name": "Ålands statistik- och utredningsbyrå", "section": "registeransvarig"}, None)


def test_a_business_id_on_its_own_line_under_the_labelled_name_is_the_controllers() -> None:
    """An association's notice (a trial's) writes 'Yhdistyksen nimi: ... ry (myöhemmin yhdistys)' and on a line of its
    own 'Y-tunnus: ...': the draft took the name and left the business ID out, saying nothing."""
    from seloste.contribute.controller import controller_fact

    name = "Oskillaatio – Helsingin yliopiston fysikaalisten tieteiden alumnit ry"
    body = f"Yhdistyksen nimi: {name} (myöhemmin yhdistys)\n\nY-tunnus: 3455950-7\n\nKotipaikka: Helsinki"
    fact, todo = controller_fact([("1-rekisterinpitaja", "1. Rekisterinpitäjä", body)], name)
    assert (fact, todo) == ({"name": name, "business_id": "3455950-7", "section": "1-rekisterinpitaja"}, None)
    # the same where the organisation was given another name: the section's name is taken, with its ID, and flagged
    fact, todo = controller_fact([("1-rekisterinpitaja", "1. Rekisterinpitäjä", body)], "Oskillaatio ry")
    assert fact == {"name": name, "business_id": "3455950-7", "section": "1-rekisterinpitaja"} and todo, todo


def test_a_title_taken_from_the_top_heading_names_the_front_matters_title_it_left_out(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A site's Markdown file with a title in its front matter and another as its top heading: which one the site
    shows as the page's title is the site's theme's to say, so import says which it took and which it left out."""
    page = tmp_path / "tietosuojaseloste.md"
    page.write_text(
        '---\ntitle: "Jäsenrekisterin tietosuojaseloste"\n---\n\n## Tietosuojaseloste – Jäsenrekisteri\n\n'
        "### 1. Rekisterinpitäjä\n\nSeura ry\n",
        encoding="utf-8",
    )
    code, out = run(capsys, "import", "seura", str(page), "--name", "Seura ry")
    assert code == 0 and _version(data, "seura")["title"] == {"fi": "Tietosuojaseloste – Jäsenrekisteri"}, out
    assert (
        f"check against the page: {page}: the title is its top heading 'Tietosuojaseloste – Jäsenrekisteri'; "
        "its front matter's title 'Jäsenrekisterin tietosuojaseloste' is left out"
    ) in out, out


def test_a_controller_named_otherwise_than_the_organisation_is_taken_from_its_section_and_flagged(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = str(IMPORTS / "toinen-yritys-ensin.html")
    code, out = run(capsys, "import", "kauppa", page, "--select", "main", "--name", "Esimerkkikauppa")
    assert code == 0, out
    assert _controller(data, "kauppa") == {
        "name": "Kauppa Esimerkki Oy",
        "business_id": "1783913-6",
        "section": "1-rekisterinpitaja",
    }
    assert (
        "facts.controller: the section '1-rekisterinpitaja' names 'Kauppa Esimerkki Oy' (business ID 1783913-6) as the "
        "controller, not 'Esimerkkikauppa': check"
    ) in out
    organisation = yaml.safe_load((data / "kauppa" / "organisation.yaml").read_text(encoding="utf-8"))
    assert "business_id" not in organisation  # another's, perhaps: for a person to give


def test_where_the_notice_does_not_say_who_the_controller_is_the_draft_leaves_it_for_a_person(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two companies with business IDs, no controller's section, and the organisation's name next to neither: no
    guess, a TODO naming what the page names, and validate names the field to fill in."""
    page = str(IMPORTS / "ei-rekisterinpitajaa.html")
    code, out = run(capsys, "import", "kauppa", page, "--select", "main", "--name", "Kauppa Esimerkki Oy")
    assert code == 1, out
    assert _controller(data, "kauppa") == {"name": "Kauppa Esimerkki Oy", "section": ""}
    assert (
        "TODO facts.controller: the notice does not say plainly who the controller is (no section headed like "
        "'Rekisterinpitäjä', 'Personuppgiftsansvarig' or 'Controller' names 'Kauppa Esimerkki Oy', and no business ID "
        "stands next to that name); "
        "it names 'Sivuston ylläpitää Webhotelli Oy' (2122839-7, section johdanto)"
    ) in out
    assert "facts.controller.section: expected an id" in out


PINNED = "https://github.com/seura-ry/sivut/blob/" + "0123456789abcdef" * 2 + "01234567/sisalto/tietosuoja.md"


def test_a_file_named_at_a_commit_is_recorded_as_the_source_and_followed_on_the_default_branch(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A GitHub address of a file at a commit says where the text comes from (repository, path, commit) and shows
    that commit's text for good: the tracking follows the file on the repository's default branch instead."""
    page = tmp_path / "tietosuoja.md"
    page.write_text(PAGE_ONE_MD, encoding="utf-8")
    code, out = run(capsys, "import", "uutiset", str(page), "--name", "Uutiset Oy", "--url", PINNED)
    assert code == 0 and "the draft validates" in out, out
    source = _version(data, "uutiset")["source"]
    assert (source["repository"], source["path"], source["commit"]) == (
        "seura-ry/sivut",
        "sisalto/tietosuoja.md",
        "0123456789abcdef" * 2 + "01234567",
    )
    organisation = yaml.safe_load((data / "uutiset" / "organisation.yaml").read_text(encoding="utf-8"))
    # the commit's file never changes: the tracking follows the file on the repository's default branch
    assert organisation["tracking"] == [{"url": "https://github.com/seura-ry/sivut/blob/HEAD/sisalto/tietosuoja.md"}]
    assert "tracked on the repository's default branch (HEAD): a later commit that changes the file's text" in out
    # what is left to a person: the facts (only the controller is drafted)
    assert "facts: the draft records only its controller; add the facts the notice states (data/README.md, Facts)" in out


@pytest.mark.parametrize("second_commit", ["0123456789abcdef" * 2 + "01234567", "fedcba9876543210" * 2 + "fedcba98"])
def test_files_named_at_a_commit_over_several_pages_are_each_recorded_as_their_pages_source(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], second_commit: str
) -> None:
    """A notice kept in a repository as one file per page: the repository, each page's file in reading order, and
    the commit they share (where they do not share one, each page's address names its own)."""
    one, two = tmp_path / "tietosuoja.md", tmp_path / "evasteet.md"
    one.write_text(PAGE_ONE_MD, encoding="utf-8")
    two.write_text(PAGE_TWO_MD, encoding="utf-8")
    other = f"https://github.com/seura-ry/sivut/blob/{second_commit}/sisalto/evasteet.md"
    code, out = run(capsys, "import", "uutiset", str(one), str(two), "--name", "Uutiset Oy", "--url", PINNED, "--url", other)
    assert code == 0 and "the draft validates" in out, out
    source = _version(data, "uutiset")["source"]
    assert (source["url"], source["pages"]) == (PINNED, [other])
    assert (source["repository"], source["path"]) == ("seura-ry/sivut", ["sisalto/tietosuoja.md", "sisalto/evasteet.md"])
    assert source.get("commit") == (second_commit if second_commit in PINNED else None)


def test_a_notice_the_organisation_wrote_in_english_is_not_said_to_await_a_translation(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "privacy.md"
    page.write_text(
        "# Privacy notice\n\n## Controller\n\nExample Ltd is the controller of this register.\n\n"
        "## Retention\n\nWe keep the data for as long as the customer relationship lasts.\n",
        encoding="utf-8",
    )
    code, out = run(capsys, "import", "example", str(page), "--name", "Example Ltd", "--language", "en")
    assert code == 0 and "the draft validates" in out, out
    assert "its English is the organisation's own text" in out and "translation is pending" not in out
    version = _version(data, "example")
    assert version["published_in"] == ["en"] and "translation" not in version


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("Privacy Notice (Last update 24.03.2021)", "2021-03-24"),
        ("Last updated March 3, 2024", "2024-03-03"),
        ("Päivitetty 1.3.2024", "2024-03-01"),
        ("Senast uppdaterad 5.6.2023", "2023-06-05"),
        ("Vi kan uppdatera beskrivningen.", None),
    ],
)
def test_the_date_a_notice_states_is_read_in_its_usual_phrasings(text: str, stated: str | None) -> None:
    found = stateddate.stated_date(text)
    assert (found.isoformat() if found else None) == stated


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("Viimeksi päivitetty: 27/03/2023", "2023-03-27"),
        ("Päivitetty 27-03-2023", "2023-03-27"),
        ("Päivitetty 27.3.2023", "2023-03-27"),
        ("Päivitetty 27. maaliskuuta 2023", "2023-03-27"),
        ("Last updated 27 March 2023", "2023-03-27"),
        ("Last updated: 27th March 2023", "2023-03-27"),
        ("Effective date: 03/27/2023", "2023-03-27"),  # month first only where the day shows it
        ("Updated Sept. 5, 2023", "2023-09-05"),
        ("Senast uppdaterad 27 mars 2023", "2023-03-27"),
        ("Gäller från 1 maj 2024", "2024-05-01"),
        ("Päiväys: 27.3.2023", "2023-03-27"),
        ("**Viimeisin muutos:** 27.1.2026", "2026-01-27"),
        ("Tarkistettu 2.2.2024", "2024-02-02"),
        ("Last changed: 5 May 2024", "2024-05-05"),
        ("Senast reviderad 3.4.2024", "2024-04-03"),
        ("Päivitetty 32.1.2023", None),  # no such day
        ("Päivitetty maaliskuussa 2023", None),  # no day stated
        ("Updated Monday 5 2023", None),  # a word that names no month
        ("Päivitetty 27. marraskuu 2023", None),  # not 'Mar'
    ],
)
def test_the_date_a_notice_states_is_read_in_every_form_notices_write_it(text: str, stated: str | None) -> None:
    found = stateddate.stated_date(text)
    assert (found.isoformat() if found else None) == stated


def test_of_a_date_written_and_a_date_changed_the_later_is_the_notices_and_its_words_are_quoted_without_markup() -> None:
    text = "**Laatimispäivämäärä:** 22.5.2018\n\n**Viimeisin muutos:** 27.1.2026\n"
    assert stateddate.stated_dates(text) == [
        (dt.date(2018, 5, 22), "Laatimispäivämäärä: 22.5.2018"),
        (dt.date(2026, 1, 27), "Viimeisin muutos: 27.1.2026"),  # with the word it is said with
    ]
    assert stateddate.stated_date(text) == dt.date(2026, 1, 27)


def test_a_stated_date_is_recorded_with_the_date_given_and_import_says_what_it_read(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = str(IMPORTS / "kuvat-ja-tyhja-otsikko.html")
    code, out = run(capsys, "import", "esimerkki", page, "--select", "main", "--name", "Esimerkki Oy", "--date", "2023-04-01")
    assert code == 0 and "the draft validates" in out, out
    assert "the notice states its date: 'Viimeksi päivitetty: 27/03/2023', read as 2023-03-27 (stated_date)" in out
    version = yaml.safe_load((data / "esimerkki" / "2023-04-01.yaml").read_text(encoding="utf-8"))
    assert version["stated_date"] == "2023-03-27"  # the date it states, beside the date given


def test_a_notice_that_states_no_date_is_dated_today_and_import_says_so(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "import", "esimerkki", str(IMPORTS / "yksi-otsikko.md"), "--name", "Esimerkki Oy")
    today = dt.date.today().isoformat()
    assert "no date stated in the notice (no date after words such as 'Päivitetty', 'Last updated', 'Uppdaterad')" in out
    assert f"dated today ({today}): give --date if you know better" in out
    assert code == 0 and (data / "esimerkki" / f"{today}.yaml").exists(), out


def test_images_and_empty_headings_are_left_out_of_the_capture_and_the_draft(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A decorative image (its alt text too: no reader sees it beside the image), a logo inside a link and an empty
    <h1></h1>: the site publishes no images, and a bare '#' is no text."""
    page = str(IMPORTS / "kuvat-ja-tyhja-otsikko.html")
    code, out = run(capsys, "import", "esimerkki", page, "--select", "main", "--name", "Esimerkki Oy")
    assert code == 0 and "the draft validates" in out, out
    (capture,) = (data / "esimerkki" / "captures").glob("*.txt")
    text = capture.read_text(encoding="utf-8")
    assert text.startswith("# Tietosuojaseloste\n\nViimeksi päivitetty: 27/03/2023\n")
    assert "![" not in text and "Airplane" not in text and "[](" not in text and "\n#\n" not in text
    assert _version(data, "esimerkki")["title"] == {"fi": "Tietosuojaseloste"}


def test_a_notice_with_one_heading_is_titled_by_it_once_and_a_bare_hash_is_no_text(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Markdown file whose only heading is a '##' (after an empty '#'): the heading is the title, not also the first
    section's heading (the capture holds it once), and the empty heading is no sentence of the capture."""
    code, out = run(capsys, "import", "esimerkki", str(IMPORTS / "yksi-otsikko.md"), "--name", "Esimerkki Oy")
    assert code == 0 and "the draft validates" in out, out
    version = _version(data, "esimerkki")
    assert version["title"] == {"fi": "Tietosuojaseloste"}
    assert [s.get("heading") for s in version["sections"]] == [None]


def test_a_new_versions_draft_blanks_the_previous_chrome_and_keeps_each_lines_end() -> None:
    from seloste.contribute.carriednoise import without_noise

    record = load_archive(FIXTURES / "archive", root=FIXTURES).get("micro-magic").current
    noise = record.version.source.capture_noise
    texts, chrome, lost = without_noise(
        {"fi": ["Hyppää sisältöön\n\nOtsikko\u2028rivi\x0csivu\n\nHyppää sisältöön\n"]}, noise, record.pages
    )
    assert texts == {"fi": ["\n\nOtsikko\u2028rivi\x0csivu\n\n\n"]} and chrome == ["Hyppää sisältöön"] and lost is None
    kept = without_noise({"fi": ["Sivu ilman valikkoa\n"]}, noise, record.pages)
    assert kept == ({"fi": ["Sivu ilman valikkoa\n"]}, [], None)  # none stands there


def test_the_import_suggests_unaffected_only_where_every_changed_text_changed_by_a_few_words() -> None:
    from seloste.archive.loader import load_archive
    from seloste.contribute.carrying import carried_note, carry_translation

    previous = load_archive(FIXTURES / "history").get("muutos").versions[0].version
    draft = {"title": {"fi": previous.title.fi}, "sections": []}
    for section in previous.sections:
        entry = {"id": section.id, "body": {"fi": section.body.fi}}
        if section.heading:
            entry["heading"] = {"fi": section.heading.fi}
        draft["sections"].append(entry)
    draft["sections"][-1]["body"]["fi"] += " Yksi kaksi kolme neljä."
    note = carried_note(carry_translation(draft, "fi", previous), "2024-01-01")
    assert note is not None and "translate again" in note and "unaffected" not in note  # four words: not a typo's size


def test_a_new_version_from_saved_files_says_it_leaves_out_the_repository_its_previous_version_named(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The previous version was a repository's files at a commit; saved files are not: the draft leaves those out, and
    now says so (a trial's maintainer found them gone, with a word only of source.note)."""
    shutil.copytree(FIXTURES / "shapes" / "tiedostoittain", data / "tiedostoittain")
    pages = []
    for number in (1, 2):
        saved = tmp_path / f"sivu{number}.md"
        saved.write_text((data / "tiedostoittain" / "captures" / f"2024-01-10.{number}.txt").read_text(encoding="utf-8"), "utf-8")
        pages.append(str(saved))
    _code, out = run(capsys, "import", "tiedostoittain", *pages, "--date", "2024-06-01")
    version = yaml.safe_load((data / "tiedostoittain" / "2024-06-01.yaml").read_text(encoding="utf-8"))
    assert not {"repository", "path", "commit"} & set(version["source"])
    assert (
        "source.repository, source.path, source.commit of 2024-01-10 not copied: this version's text was not read as that "
        "repository's file at a commit; give them if it is one (data/README.md, source)"
    ) in out


def test_a_section_the_previous_version_had_only_in_another_own_language_is_new_to_the_draft() -> None:
    """The previous version's Swedish had a section its Finnish lacked (not_in: [fi]); the draft's Finnish now has one
    of that id: nothing in Finnish to hold its English to, so it waits for its translation, and nothing raises."""
    import dataclasses

    from seloste.archive.loader import load_archive
    from seloste.contribute.carrying import carry_translation

    previous = load_archive(FIXTURES / "languages", root=FIXTURES).get("suomi-ruotsi").current.version
    kept, lacking = previous.sections
    previous = dataclasses.replace(
        previous,
        sections=(
            kept,
            dataclasses.replace(
                lacking,
                heading=dataclasses.replace(lacking.heading, fi=None),
                body=dataclasses.replace(lacking.body, fi=None),
                not_in=("fi",),
            ),
        ),
    )
    draft = {"title": {"fi": previous.title.fi}, "sections": [
        {"id": kept.id, "heading": {"fi": kept.heading.fi}, "body": {"fi": kept.body.fi}},
        {"id": lacking.id, "heading": {"fi": "Säilytys"}, "body": {"fi": "Säilytämme tiedot."}},
    ]}  # fmt: skip
    carried = carry_translation(draft, "fi", previous)
    assert carried.new == (lacking.id,) and carried.unchanged == ("title", kept.id)
    assert draft["sections"][1]["not_in"] == ["en"] and "en" not in draft["sections"][1]["body"]
