"""The preview (`make serve`): while the data has errors, it shows them in the browser on every page, in the page's
language, and keeps nothing of the last good build (started with errors, it serves them); once the data is fixed the
pages come back. An address in use
stops it at once with a message saying how to choose another, not a traceback after the first build."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from seloste.archive.errors import DataError, Location
from seloste.labels import labels
from seloste.publish.devserver import address_problem
from seloste.publish.errorpage import error_page, show_errors
from sitebuild import FROZEN, ROOT, fixture_project

TEMPLATES = (ROOT / "overrides",)
ERRORS = (
    DataError(Location("data/b/2024-01-01.yaml", 7, 3), "title.fi: expected text, got a list"),
    DataError(Location("data/a/organisation.yaml", 2, 1), "nmae: unknown key 'nmae'; did you mean 'name'?"),
)


def _items(html: str) -> list[str]:
    return [item.get_text(" ", strip=True) for item in BeautifulSoup(html, "html.parser").select(".sl-data-errors li")]


def test_the_page_lists_every_error_in_file_order_in_its_language() -> None:
    for lang in ("fi", "en"):
        html = error_page(ERRORS, lang, TEMPLATES)
        soup = BeautifulSoup(html, "html.parser")
        assert soup.html["lang"] == lang
        assert soup.h1.get_text(strip=True) == labels(lang)["data_errors_title"]
        assert _items(html) == [
            "data/a/organisation.yaml:2:1 nmae: unknown key 'nmae'; did you mean 'name'?",
            "data/b/2024-01-01.yaml:7:3 title.fi: expected text, got a list",
        ]
        assert str(labels(lang)["data_errors_count"]["other"]).format(count=2) in soup.get_text(" ")
    one = BeautifulSoup(error_page(ERRORS[:1], "en", TEMPLATES), "html.parser").get_text(" ")
    assert "1 error: the site was not built." in one


def test_what_the_data_says_is_shown_as_text_never_run() -> None:
    hostile = DataError(Location("data/x/2024-01-01.yaml", 3, 1), "<script>alert(1)</script> & <img src=x onerror=y>")
    html = error_page((hostile,), "fi", TEMPLATES)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select(".sl-data-errors script, .sl-data-errors img")
    assert _items(html) == ["data/x/2024-01-01.yaml:3:1 <script>alert(1)</script> & <img src=x onerror=y>"]


def test_every_page_of_the_last_build_shows_the_errors_and_nothing_else_is_kept(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for page in ("index.html", "infocrea/index.html", "en/infocrea/index.html", "en/index.html"):
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text("<p>Infocrea's notice as it was</p>", encoding="utf-8")
    (site / "assets").mkdir()
    (site / "assets" / "seloste.css").write_text("body{}", encoding="utf-8")
    (site / "search-index").mkdir()
    (site / "feed.xml").write_text("<rss/>", encoding="utf-8")

    written = show_errors(site, ERRORS, TEMPLATES)

    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert pages == ["404.html", "en/404.html", "en/index.html", "en/infocrea/index.html", "index.html", "infocrea/index.html"]
    assert written == len(pages)
    assert not (site / "assets").exists() and not (site / "search-index").exists()
    for page in pages:
        html = (site / page).read_text(encoding="utf-8")
        lang = "en" if page.startswith("en/") else "fi"
        assert f'<html lang="{lang}">' in html and "as it was" not in html, page
        assert len(_items(html)) == 2, page


def test_a_page_one_languages_build_wrote_shows_the_errors_in_every_language(tmp_path: Path) -> None:
    """A file broken between the languages' builds: the Finnish pages were written, the English ones not yet."""
    site = tmp_path / "site"
    (site / "micro-magic").mkdir(parents=True)
    (site / "micro-magic" / "index.html").write_text("<p>Micro-Magic</p>", encoding="utf-8")
    show_errors(site, ERRORS, TEMPLATES)
    english = (site / "en" / "micro-magic" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english and len(_items(english)) == 2


def test_a_rebuild_that_fails_before_reading_the_data_shows_no_earlier_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The errors shown are the failed build's own: one that failed before loading the data (mkdocs.yml) fails as
    MkDocs fails, and the page does not list data errors already fixed."""
    import seloste_hooks as hooks  # the hook itself, as `mkdocs serve` wires it

    monkeypatch.setattr(hooks, "_listening", False)
    monkeypatch.setattr(hooks, "_data_errors", ())
    site = tmp_path / "site"
    calls: list[object] = []

    def builder(config: object = None) -> None:
        calls.append(config)
        if len(calls) == 1:
            hooks._data_errors = ERRORS  # as on_config records them when the load fails
        raise Abort("Aborted with a BuildError!")

    server = SimpleNamespace(builder=builder)
    config = SimpleNamespace(site_dir=str(site), theme=SimpleNamespace(dirs=[str(ROOT / "overrides")]))
    assert hooks.on_serve(server, config, builder) is server
    server.builder()
    assert len(_items((site / "index.html").read_text(encoding="utf-8"))) == 2
    with pytest.raises(Abort):
        server.builder()


def test_the_pages_are_written_where_no_build_wrote_any(tmp_path: Path) -> None:
    site = tmp_path / "never-built"
    assert show_errors(site, ERRORS, TEMPLATES) == 4
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")) == [
        "404.html", "en/404.html", "en/index.html", "index.html",
    ]  # fmt: skip


def test_there_is_no_error_page_without_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        show_errors(tmp_path, (), TEMPLATES)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.read().decode("utf-8")
    except urllib.error.HTTPError as err:  # the 404 page: an address the errors left without a page
        return err.read().decode("utf-8")


def _wait_for(url: str, wanted: str, server: subprocess.Popen, log: Path, limit: float = 240) -> str:
    started, text = time.monotonic(), ""
    while time.monotonic() - started < limit:
        if server.poll() is not None:
            raise AssertionError(f"mkdocs serve stopped: {log.read_text(encoding='utf-8')[-3000:]}")
        try:
            text = _fetch(url)
        except OSError:
            text = ""
        if wanted in text:
            return text
        time.sleep(0.2)
    raise AssertionError(f"{url} did not show {wanted!r} within {limit} s; last answer: {text[:500]}")


@contextlib.contextmanager
def _preview(project: Path, log: Path, *options: str) -> Iterator[tuple[subprocess.Popen, str]]:
    """`mkdocs serve` of ``project`` at a free port, its output in ``log``: the server and the site's address."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SELOSTE_SITE_URL": f"http://127.0.0.1:{port}/seloste/"}
    env.pop("SELOSTE_ONLY", None)
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *options, "-a", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        yield server, f"http://127.0.0.1:{port}/seloste/"
    finally:
        server.terminate()
        server.wait(timeout=60)


@pytest.mark.build
def test_a_preview_shows_the_errors_of_an_edit_and_the_page_again_once_fixed(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    shutil.copytree(FROZEN / "micro-magic", project / "data" / "micro-magic")
    organisation = project / "data" / "micro-magic" / "organisation.yaml"
    good = organisation.read_text(encoding="utf-8")
    log = tmp_path / "serve.log"
    with _preview(project, log) as (server, base):
        name = good.split("name:", 1)[1].split("\n", 1)[0].strip().strip("'\"")
        _wait_for(base + "micro-magic/", name, server, log)
        time.sleep(2)  # the file watcher starts once the first page is served

        organisation.write_text(good.replace("name:", "nmae:", 1), encoding="utf-8")
        finnish = _wait_for(base + "micro-magic/", str(labels("fi")["data_errors_title"]), server, log)
        assert any(item.startswith("data/micro-magic/organisation.yaml:") and "'nmae'" in item for item in _items(finnish))
        assert name not in finnish  # nothing of the page as it was
        english = _fetch(base + "en/micro-magic/")
        assert str(labels("en")["data_errors_title"]) in english and len(_items(english)) == len(_items(finnish))
        assert str(labels("fi")["data_errors_title"]) in _fetch(base + "assets/seloste.css")  # no file of the last build

        organisation.write_text(good, encoding="utf-8")
        fixed = _wait_for(base + "micro-magic/", name, server, log)
        assert str(labels("fi")["data_errors_title"]) not in fixed
        said = log.read_text(encoding="utf-8")
        assert "the preview shows them on every page until they are fixed" in said and "Traceback" not in said


@pytest.mark.build
def test_a_preview_started_with_errors_in_the_data_serves_them_and_the_pages_once_fixed(tmp_path: Path) -> None:
    """Started while a file has an error, the preview does not stop: it serves the errors (an archive of none built in
    their place), in strict mode as `make serve` runs it, and the pages once the file is fixed."""
    project = fixture_project(tmp_path / "project")
    shutil.copytree(FROZEN / "micro-magic", project / "data" / "micro-magic")
    organisation = project / "data" / "micro-magic" / "organisation.yaml"
    good = organisation.read_text(encoding="utf-8")
    organisation.write_text(good.replace("name:", "nmae:", 1), encoding="utf-8")
    log = tmp_path / "serve.log"
    with _preview(project, log, "--strict") as (server, base):
        for page, lang in ((base, "fi"), (base + "micro-magic/", "fi"), (base + "en/", "en")):
            shown = _wait_for(page, str(labels(lang)["data_errors_title"]), server, log)
            assert [item for item in _items(shown) if item.startswith("data/micro-magic/organisation.yaml:2:1")], shown
        time.sleep(2)  # the file watcher starts once the first page is served
        organisation.write_text(good, encoding="utf-8")
        name = good.split("name:", 1)[1].split("\n", 1)[0].strip().strip("'\"")
        fixed = _wait_for(base + "micro-magic/", name, server, log)
        assert str(labels("fi")["data_errors_title"]) not in fixed
        said = log.read_text(encoding="utf-8")
        assert "nmae: unknown key 'nmae'" in said and "the preview shows them on every page until they are fixed" in said
        assert "Traceback" not in said and "Aborted" not in said


def test_an_address_in_use_is_told_with_how_to_choose_another() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        problem = address_problem("127.0.0.1", port)
        assert problem is not None and problem.startswith(f"127.0.0.1:{port} is in use")
        assert f"make serve ADDR=127.0.0.1:{port + 1}" in problem
    assert address_problem("127.0.0.1", port) is None  # free again


def test_make_serve_takes_the_address_it_is_given() -> None:
    dry = subprocess.run(["make", "-n", "serve", "ADDR=127.0.0.1:8765"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert dry.returncode == 0, dry.stderr
    assert 'mkdocs serve -a "127.0.0.1:8765"' in dry.stdout


def test_stopping_make_serve_stops_the_server(tmp_path: Path) -> None:
    """A SIGTERM to make (a terminal's tab closed, a supervisor's stop) reaches `mkdocs serve`; it was left serving.
    A stand-in for the virtualenv's mkdocs writes its process id and waits."""
    stand_in = tmp_path / "mkdocs"
    stand_in.write_text(f"#!/bin/sh\necho $$ > {tmp_path / 'pid'}\nexec sleep 120\n", encoding="utf-8")
    stand_in.chmod(0o755)
    make = subprocess.Popen(["make", "-s", "-o", ".venv/.site", "serve", f"BIN={tmp_path}"], cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while not (tmp_path / "pid").is_file() or not (tmp_path / "pid").read_text():
            assert time.monotonic() < deadline and make.poll() is None, "make serve did not start the server"
            time.sleep(0.05)
        server = int((tmp_path / "pid").read_text())
        make.terminate()
        make.wait(timeout=30)
        for _ in range(100):  # the server's exit, then its reaping by make
            if not _running(server):
                break
            time.sleep(0.05)
        assert not _running(server), "mkdocs serve outlived make"
    finally:
        make.kill()
        if (tmp_path / "pid").is_file() and (pid := (tmp_path / "pid").read_text().strip()) and _running(int(pid)):
            os.kill(int(pid), 9)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"  # a zombie has stopped


@pytest.mark.build
def test_a_preview_at_an_address_in_use_stops_before_building_with_a_message(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    shutil.copytree(FROZEN / "micro-magic", project / "data" / "micro-magic")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"127.0.0.1:{port} is in use" in said and "Traceback" not in said, said[-2000:]
    assert "seloste: search index built" not in said  # stopped before the build
