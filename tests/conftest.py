from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(Path(__file__).parent))

from sitebuild import Build, build  # noqa: E402


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The repository's own site, built once with --strict."""
    result = build(ROOT, tmp_path_factory.mktemp("real") / "site")
    assert result.returncode == 0, result.stderr
    return result
