"""Build a site with MkDocs in a subprocess (a fresh config per build) and read its pages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
BASE = "http://site.test/"

PROJECT = Path(os.environ.get("SELOSTE_TEST_PROJECT") or ROOT).resolve()
"""The project whose data/ the archive tests (marked ``archive``) check: the repository by default, another
project (its mkdocs.yml and data/) when SELOSTE_TEST_PROJECT names one."""
DATA = PROJECT / "data"
"""The live archive: tests over it assert only what holds for any valid archive."""
FROZEN = ROOT / "tests" / "fixtures" / "archive"
"""The frozen fixture archive (a copy of data/ as it was): the tests of specific content run on it."""


@dataclass
class Build:
    returncode: int
    stdout: str
    stderr: str
    site: Path

    def soup(self, path: str) -> BeautifulSoup:
        """The page at site path ``path`` (``en/esimerkki/``), parsed."""
        file = self.site / path / "index.html" if not path.endswith(".html") else self.site / path
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def build(project: Path, site: Path, *extra: str, site_url: str | None = None, env: dict[str, str] | None = None) -> Build:
    """``mkdocs build --strict`` of ``project`` (its mkdocs.yml and data/) into ``site``; ``env``: the environment
    (default: this process's)."""
    env = {**(os.environ if env is None else env), "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SELOSTE_SITE_URL"] = site_url
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site), *extra],
        capture_output=True,
        text=True,
        cwd=project,
        env=env,
        check=False,
    )
    return Build(result.returncode, result.stdout, result.stderr, site)


def fixture_project(root: Path) -> Path:
    """A project in ``root`` using the repository's config, docs, hooks and templates; data/ is the caller's."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("docs", "hooks", "overrides"):
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    return root


def resolve(page_path: str, href: str) -> str:
    """An href on the page at ``page_path`` as a site path (``esimerkki/``)."""
    return urljoin(BASE + page_path, href).removeprefix(BASE)
