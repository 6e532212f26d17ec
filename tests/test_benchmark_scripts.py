"""The measurement scripts run (at a small size: the full runs are for the docs)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from sitebuild import ROOT

pytestmark = [pytest.mark.build, pytest.mark.browser]


def test_search_benchmark_runs_and_prints_its_figures() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/search_benchmark.py", "--organisations", "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"^built 3 organisations x 1 versions in \d+ s$", result.stdout, re.MULTILINE)
    rows = [line for line in result.stdout.splitlines() if line.startswith("| `")]
    assert len(rows) == 6
    for row in rows:
        assert re.fullmatch(r"\| `[^`]+` \| \d+ \| \d+ kB \| \d+ ms \| \d+ ms \| \d+ ms \| \d+ ms \|", row), row
    assert re.search(r"henkilötiedot` \| 3 \|", result.stdout)  # every synthetic notice uses the word
