from __future__ import annotations

import functools
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import settings

settings.register_profile("seloste", deadline=None)
settings.load_profile("seloste")
"""Property tests check what the code does, not how fast: a deadline per example fails on a busy machine (a shared CI
runner, a laptop building the site) and tells nothing of the code. Speed is measured by the benchmark scripts."""

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(Path(__file__).parent))

from browsers import NAMES, find_browser  # noqa: E402
from sitebuild import FROZEN, PROJECT, Build, build, fixture_project  # noqa: E402

CHROMIUM = find_browser(os.environ)
"""Google Chrome on GitHub's runners, Debian's chromium elsewhere; SELOSTE_CHROMIUM overrides."""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _validation_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """`seloste validate` and `check` keep their cache in a folder of the test session's, never the user's."""
    monkeypatch.setenv("SELOSTE_CACHE", str(tmp_path_factory.getbasetemp() / "validation-cache"))


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data/ in a working folder of the test's own, the current folder: where `seloste import` writes."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    return tmp_path / "data"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The live archive's site (PROJECT: the repository, or SELOSTE_TEST_PROJECT), built once with --strict.

    Tests that use it are marked ``archive`` and assert only what holds for any valid archive."""
    result = build(PROJECT, tmp_path_factory.mktemp("real") / "site")
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="session")
def frozen_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site of the frozen fixture archive (tests/fixtures/archive), built once with --strict: for the tests
    of specific content (an organisation's history, its facts, search results, page counts)."""
    root = fixture_project(tmp_path_factory.mktemp("frozen") / "project")
    shutil.copytree(FROZEN, root / "data")
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return result


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite the golden files under tests/golden/ from the Python core"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test on the live archive's site is an archive test, whatever its module says."""
    for item in items:
        if "real_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.archive)


class _Quiet(SimpleHTTPRequestHandler):
    """Serves a built site as GitHub Pages does: its 404.html, with status 404, at any address that has no file."""

    # Headers and body go out in two writes; with Nagle's algorithm the body can wait for the
    # browser's delayed ACK (up to 200 ms), a stall of this test server that real hosts do not have.
    disable_nagle_algorithm = True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Under(_Quiet):
    """Serves the site only under a path (``prefix``), as GitHub Pages serves a project site."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        clean = urlsplit(path).path
        if not clean.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + clean[len(self.prefix) :])


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that stops reading (a page left before its images arrived) is no error of the site's; anything
        else is printed as the standard library does."""
        if not isinstance(sys.exc_info()[1], BrokenPipeError | ConnectionResetError):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path, prefix: str = "/") -> Iterator[str]:
    """Serve ``directory`` on a free local port, under the path ``prefix``; yields its base URL."""
    handler = type("Handler", (_Under,), {"prefix": prefix})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert CHROMIUM is not None and CHROMIUM.exists(), (
        f"no browser: none of {', '.join(NAMES)} is on PATH; run scripts/install-system-packages (make test does)"
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def page(browser):
    """One browser page shared by a module's tests (test_browser.py has its own, per test)."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
