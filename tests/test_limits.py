"""Input built to hang or flood a check (hooks/seloste/limits.py): each is refused early, with a located message,
or handled in bounded time. Every test runs under a wall-clock bound far above what the fixed code takes, so work
that grows with the square of the input fails the test instead of hanging it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from datadir import FIXTURES, make_data
from deadline import deadline
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive
from seloste.limits import MAX_CAPTURE_BYTES, MAX_UNKNOWN_KEYS, MAX_VERSION_CAPTURE_BYTES

BASE = (FIXTURES / "invalid/version/_base.yaml").read_text(encoding="utf-8")
VERSION = "data/esimerkki/2024-01-10.yaml"


def _errors(tmp_path: Path, version: str = BASE, seconds: float = 10) -> list[str]:
    """The errors of loading data with ``version``, which must come within ``seconds``."""
    data = make_data(tmp_path, version=version)
    with pytest.raises(DataErrors) as caught, deadline(seconds):
        load_archive(data, root=tmp_path)
    return [str(error) for error in caught.value.errors]


def test_twenty_thousand_unknown_keys_are_reported_twenty_by_name_and_the_rest_in_one_line(tmp_path: Path) -> None:
    version = BASE + "".join(f"tuntematon{i}: x\n" for i in range(20_000))
    errors = _errors(tmp_path, version)
    expected = "expected one of: published_in, stated_date, recorded_date, source, change, translation, corrections, title, "
    assert len(errors) == MAX_UNKNOWN_KEYS + 1
    assert errors[0] == f"{VERSION}:20:1: tuntematon0: unknown key 'tuntematon0'; {expected}sections, facts"
    assert errors[-1] == (
        f"{VERSION}:40:1: and 19,980 more unknown keys, from 'tuntematon20' on (the first 20 are reported one by one); "
        "expected only: published_in, stated_date, recorded_date, source, change, translation, corrections, title, "
        "sections, facts"
    )


def test_commas_in_a_flow_text_count_as_unknown_keys_too(tmp_path: Path) -> None:
    version = BASE.replace(
        "  fi: Tietosuojaseloste\n  en: Privacy notice\n", "  {fi: a, " + "".join(f"b{i}, " for i in range(5_000)) + "en: c}\n"
    )
    version = version.replace("title:\n  {", "title: {")
    errors = _errors(tmp_path, version)
    assert len(errors) == MAX_UNKNOWN_KEYS + 1
    assert errors[0].startswith(f"{VERSION}:5:16: title: in {{fi: ..., en: ...}} a comma ends the text, and 'b0' was read")
    assert ": title: and 4,980 more unknown keys, from 'b20' on" in errors[-1]


def test_a_capture_named_300_times_is_read_once_and_each_repeat_refused_where_it_stands(tmp_path: Path) -> None:
    version = BASE.replace("  capture: captures/2024-01-10.txt", "  capture:\n" + "    - captures/2024-01-10.txt\n" * 300)
    data = make_data(tmp_path, version=version)
    (data / "esimerkki/captures/2024-01-10.txt").write_text("Esimerkki Oy\n" + "x" * 990_000 + "\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught, deadline(10):
        load_archive(data, root=tmp_path)
    errors = [str(error) for error in caught.value.errors]
    assert errors[0] == (
        f"{VERSION}:6:7: source.capture[1]: 'captures/2024-01-10.txt' is already source.capture[0]; a version names each "
        "capture once (a notice over several pages has one capture per page)"
    )
    assert len(errors) == 299 and all("is already source.capture[0]" in error for error in errors)


def test_a_version_whose_captures_come_to_more_than_the_limit_is_refused_at_the_capture_that_passes_it(tmp_path: Path) -> None:
    names = [f"captures/osa-{n}.txt" for n in range(3)]
    version = BASE.replace("  capture: captures/2024-01-10.txt", "  capture:\n" + "".join(f"    - {name}\n" for name in names))
    data = make_data(tmp_path, version=version)
    (data / "esimerkki/captures/2024-01-10.txt").unlink()
    for name in names:
        (data / "esimerkki" / name).write_text("Esimerkki Oy\n" + "x" * (MAX_CAPTURE_BYTES - 100) + "\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught, deadline(10):
        load_archive(data, root=tmp_path)
    size = MAX_CAPTURE_BYTES - 100 + 14
    assert [str(error) for error in caught.value.errors] == [
        f"{VERSION}:7:7: source.capture[2]: with 'captures/osa-2.txt' ({size:,} bytes) the version's captures come to "
        f"{3 * size:,} bytes; a version's captures may be at most {MAX_VERSION_CAPTURE_BYTES:,} bytes together"
    ]
