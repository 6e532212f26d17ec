"""`make build` (scripts/build_site.py) never leaves a partial site: a failed or stopped build leaves the previous
site/ as it was and no folder of its own behind; a successful one replaces site/."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from datadir import FIXTURES, copy_valid
from sitebuild import ROOT, fixture_project

pytestmark = pytest.mark.build

SCRIPT = ROOT / "scripts" / "build_site.py"
FAILING_HOOK = '''
"""Fails on the English notice page: after the Finnish site is written, as a page the data cannot render would."""
import os
import time
from pathlib import Path


def on_page_context(context, page, config, nav):
    if page.file.src_uri == "esimerkki/index.en.md":
        if os.environ.get("TEST_HOOK_HANG"):
            Path(os.environ["TEST_HOOK_HANG"]).touch()
            time.sleep(120)
        raise RuntimeError("this page cannot be rendered")
    return context
'''


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with a valid archive and a site built by the script, and a config (mkdocs-failing.yml) whose extra
    hook fails midway through the build."""
    root = fixture_project(tmp_path_factory.mktemp("swap") / "project")
    copy_valid(root)
    (root / "failing_hook.py").write_text(FAILING_HOOK, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nhooks:\n" in config
    (root / "mkdocs-failing.yml").write_text(config.replace("\nhooks:\n", "\nhooks:\n  - failing_hook.py\n"), encoding="utf-8")
    first = build_site(root)
    assert first.returncode == 0, first.stderr
    return root


def build_site(root: Path, config: str = "mkdocs.yml", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "-f", str(root / config)],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None) under ``folder``, by relative path."""
    return {str(path.relative_to(folder)): None if path.is_dir() else path.read_bytes() for path in sorted(folder.rglob("*"))}


def test_a_build_that_fails_midway_leaves_the_previous_site_as_it_was(project: Path) -> None:
    before, entries = snapshot(project / "site"), sorted(os.listdir(project))
    assert "index.html" in before and "en/index.html" in before
    result = build_site(project, "mkdocs-failing.yml")
    assert result.returncode == 1
    assert snapshot(project / "site") == before
    assert sorted(os.listdir(project)) == entries  # no folder of the failed build left behind
    assert "RuntimeError: this page cannot be rendered" in result.stderr  # MkDocs' own output, passed through
    assert "the build failed; site/ is left as it was" in result.stderr


def test_a_build_over_invalid_data_fails_and_leaves_the_previous_site_as_it_was(project: Path) -> None:
    before, entries = snapshot(project / "site"), sorted(os.listdir(project))
    broken = project / "data" / "esimerkki" / "2024-09-01.yaml"
    broken.write_text((FIXTURES / "invalid/version/duplicate-key.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    try:
        result = build_site(project)
    finally:
        broken.unlink()
    assert result.returncode == 1
    assert "data/esimerkki/2024-09-01.yaml:" in result.stderr and "nothing was built" in result.stderr
    assert snapshot(project / "site") == before
    assert sorted(os.listdir(project)) == entries


AS_A_TERMINAL_STARTS_IT = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])"
)
"""Run the script with Ctrl+C's signal at its default, as a terminal's foreground command has it: a suite started in
the background by a shell without job control (`make test &`) ignores SIGINT, and a program started from it would
inherit that (Python then raises no KeyboardInterrupt), so the Ctrl+C test waited for a build that never saw it."""


@pytest.mark.parametrize(
    ("how", "status"),
    [("SIGTERM to the script", 128 + signal.SIGTERM), ("Ctrl+C (SIGINT to the process group)", 128 + signal.SIGINT)],
)
def test_a_stopped_build_leaves_the_previous_site_and_no_folder(project: Path, tmp_path: Path, how: str, status: int) -> None:
    before, entries = snapshot(project / "site"), sorted(os.listdir(project))
    started = tmp_path / "started"
    process = subprocess.Popen(
        [sys.executable, "-c", AS_A_TERMINAL_STARTS_IT, str(SCRIPT), "-f", str(project / "mkdocs-failing.yml")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TEST_HOOK_HANG": str(started)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal gives a command
    )
    try:
        deadline = time.monotonic() + 60
        while not started.exists():  # midway: the Finnish site written, the English one begun
            assert process.poll() is None and time.monotonic() < deadline, "the build did not reach the hook"
            time.sleep(0.05)
        if how.startswith("SIGTERM"):
            process.send_signal(signal.SIGTERM)
        else:
            os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert snapshot(project / "site") == before
    assert sorted(os.listdir(project)) == entries
    assert process.returncode == status, stderr
    assert "site/ is left as it was" in stderr


def test_a_successful_build_replaces_the_site_and_clears_what_a_killed_build_left(project: Path) -> None:
    (project / "site" / "stale.html").write_text("from an earlier build", encoding="utf-8")
    gone = subprocess.Popen([sys.executable, "-c", ""])
    gone.wait()
    leftover = project / f".site.building-{gone.pid}-0badc0de"  # a build killed outright (SIGKILL) left it
    (leftover / "en").mkdir(parents=True)
    entries = sorted(os.listdir(project))
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    assert "Documentation built in" in result.stderr and "the new site is in site/" in result.stderr
    site = snapshot(project / "site")
    assert "stale.html" not in site and "index.html" in site and "en/esimerkki/index.html" in site
    assert sorted(os.listdir(project)) == [name for name in entries if name != leftover.name]
