"""The ``seloste`` command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from datadir import copy_valid, make_data
from seloste.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_validate_reports_valid_data(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = copy_valid(tmp_path)
    assert main(["validate", "--data", str(data)]) == 0
    assert capsys.readouterr().out == f"{data}: 1 organisations, 2 versions: valid\n"


def test_validate_lists_every_error_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    base = (ROOT / "tests/fixtures/invalid/version/_base.yaml").read_text(encoding="utf-8")
    make_data(tmp_path, version=base.replace("  en: Privacy notice\n", ""))
    make_data(tmp_path, slug="toinen", version=base.replace('"2024-02-01"', '"1.2.2024"'))
    assert main(["validate"]) == 1
    assert capsys.readouterr().err == (
        "data/esimerkki/2024-01-10.yaml:6:3: title.en: the English text is missing; every text needs both 'fi' and 'en'\n"
        "data/toinen/2024-01-10.yaml:2:16: recorded_date: expected a date as YYYY-MM-DD, such as '2021-06-23', "
        "got '1.2.2024'\n"
        "2 errors in the data\n"
    )


def test_validate_points_at_the_capture_line_of_a_missing_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    version = tmp_path / "data/esimerkki/2024-01-10.yaml"
    version.write_text(version.read_text(encoding="utf-8").replace("        Säilytämme tietoja viisi vuotta.\n", ""))
    assert main(["validate"]) == 1
    assert capsys.readouterr().err == (
        "data/esimerkki/captures/2024-01-10.txt:14:1: this sentence of the original is missing from "
        "esimerkki/2024-01-10.yaml's Finnish text, or out of order: 'Säilytämme tietoja viisi vuotta.'\n"
        "1 error in the data\n"
    )


def test_schema_check_passes_on_the_repository() -> None:
    assert main(["schema", "--check", "--dir", str(ROOT / "data/schema")]) == 0


def test_schema_check_fails_on_a_stale_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--write", "--dir", str(tmp_path)]) == 0
    (tmp_path / "version.schema.json").write_text("{}\n")
    assert main(["schema", "--check", "--dir", str(tmp_path)]) == 1
    assert "version.schema.json:1:1: out of date with the model; run 'seloste schema --write'" in capsys.readouterr().err


def test_usage_errors_exit_2_and_help_exits_0() -> None:
    run = [sys.executable, "-m", "seloste"]
    env_path = {"PYTHONPATH": str(ROOT / "hooks")}
    bad = subprocess.run([*run, "frobnicate"], capture_output=True, text=True, env=env_path, check=False)
    assert bad.returncode == 2 and "invalid choice: 'frobnicate'" in bad.stderr
    helped = subprocess.run([*run, "validate", "--help"], capture_output=True, text=True, env=env_path, check=False)
    assert helped.returncode == 0 and "path:line:col: message" in helped.stdout
