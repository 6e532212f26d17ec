"""Malformed and hostile data files: each refused with its exact message, or accepted when harmless."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from datadir import SLUG, VERSION, make_data
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive
from seloste.limits import MAX_FILE_BYTES

BASE = (Path(__file__).parent / "fixtures/invalid/version/_base.yaml").read_text(encoding="utf-8")
VERSION_FILE = f"data/{SLUG}/{VERSION}.yaml"


def errors(data: Path, root: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_archive(data, root=root)
    return [str(error) for error in caught.value.errors]


def write(tmp_path: Path, content: bytes) -> Path:
    data = make_data(tmp_path)
    (data / SLUG / f"{VERSION}.yaml").write_bytes(content)
    return data


def test_an_alias_bomb_is_refused_at_its_first_anchor_without_expanding_it(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]" for i in range(9)]
    data = write(tmp_path, ("\n".join(lines) + "\n").encode())
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    found = errors(data, tmp_path)
    assert time.monotonic() - started < 2  # 10^10 items if expanded
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # kB: nothing was expanded
    assert found == [f"{VERSION_FILE}:1:4: YAML anchor &a: anchors and aliases are not allowed; write the value out in full"]


def test_an_oversized_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    data = write(tmp_path, BASE.encode() + b"#" * MAX_FILE_BYTES)
    assert errors(data, tmp_path) == [
        f"{VERSION_FILE}:1:1: file is {len(BASE.encode()) + MAX_FILE_BYTES:,} bytes; a data file may be at most 1,000,000 bytes"
    ]


def test_bytes_that_are_not_utf8_are_located(tmp_path: Path) -> None:
    data = write(tmp_path, BASE.replace("Esimerkki Oy", "Esimerkki \xd6y").encode("latin-1"))
    # the first byte that is not UTF-8 is the Latin-1 'ä' of 'Rekisterinpitäjä' on line 12
    assert errors(data, tmp_path) == [f"{VERSION_FILE}:12:24: file is not valid UTF-8 (byte 0xe4); save it as UTF-8"]


def test_a_byte_order_mark_crlf_line_ends_and_tabs_inside_text_are_harmless(tmp_path: Path) -> None:
    text = BASE.replace("fi: Esimerkki Oy", "fi: Esimerkki\tOy")
    data = write(tmp_path, b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    version = load_archive(data, root=tmp_path).get(SLUG).current.version
    assert version.sections[0].body.fi == "Esimerkki\tOy"
    assert version.title.fi == "Tietosuojaseloste"  # no stray \r or BOM in any value


def test_crlf_files_still_report_the_right_line(tmp_path: Path) -> None:
    data = write(tmp_path, BASE.replace("title:", "titel:").replace("\n", "\r\n").encode())
    assert errors(data, tmp_path) == [f"{VERSION_FILE}:6:1: titel: unknown key 'titel'; did you mean 'title'?"]


def test_a_tab_used_for_indentation_is_a_located_syntax_error(tmp_path: Path) -> None:
    data = write(tmp_path, BASE.replace("  fi: Tietosuojaseloste", "\tfi: Tietosuojaseloste").encode())
    assert errors(data, tmp_path) == [
        f"{VERSION_FILE}:7:1: YAML syntax error: a tab character here; YAML indents with spaces only "
        "(check the indentation and quoting here)"
    ]


@pytest.mark.parametrize(
    ("char", "name"),
    [("\u202e", "RIGHT-TO-LEFT OVERRIDE"), ("\u2066", "LEFT-TO-RIGHT ISOLATE"), ("\u202d", "LEFT-TO-RIGHT OVERRIDE")],
)
def test_direction_overrides_are_refused_in_every_text(tmp_path: Path, char: str, name: str) -> None:
    data = write(tmp_path, BASE.replace("en: Privacy notice", f"en: Privacy {char}notice").encode())
    assert errors(data, tmp_path) == [
        f"{VERSION_FILE}:8:7: title.en: contains U+{ord(char):04X} {name} at character 9: "
        "it changes the order in which text is displayed; remove it"
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("2024-01-1O.yaml", "unexpected file"),  # a letter O for the zero
        ("\uff12\uff10\uff12\uff14-01-10.yaml", "unexpected file"),  # fullwidth digits
    ],
)
def test_look_alike_version_file_names_are_not_taken_for_versions(tmp_path: Path, name: str, message: str) -> None:
    data = make_data(tmp_path)
    (data / SLUG / name).write_text(BASE, encoding="utf-8")
    (found,) = errors(data, tmp_path)
    assert found.startswith(f"data/{SLUG}/{name}:1:1: {message}")


@pytest.mark.parametrize(
    "slug",
    [
        "m\u0456dare",  # Cyrillic i
        "midare\u200b",  # zero-width space
        "\uff4didare",  # fullwidth m
        "mid\u0430re",  # Cyrillic a
    ],
)
def test_confusable_unicode_in_an_organisation_folder_is_refused(tmp_path: Path, slug: str) -> None:
    make_data(tmp_path, slug=slug)
    assert errors(tmp_path / "data", tmp_path) == [
        f"data/{slug}:1:1: organisation folder name {slug!r} is not a valid slug: expected lowercase a-z, "
        "0-9 and single hyphens, such as 'micro-magic'"
    ]


def test_a_capture_path_cannot_leave_the_organisation_folder(tmp_path: Path) -> None:
    data = write(tmp_path, BASE.replace("capture: captures/2024-01-10.txt", "capture: ../../secret.txt").encode())
    (found,) = errors(data, tmp_path)
    assert found == (
        f"{VERSION_FILE}:5:12: source.capture: expected a relative path without '..', such as "
        "'captures/2024-01-10.txt', got '../../secret.txt'"
    )


def test_two_organisations_whose_folders_differ_only_by_case_are_refused(tmp_path: Path) -> None:
    make_data(tmp_path, slug="esimerkki")
    make_data(tmp_path, slug="Esimerkki")
    assert errors(tmp_path / "data", tmp_path) == [
        "data/Esimerkki:1:1: organisation folder name 'Esimerkki' is not a valid slug: expected lowercase a-z, "
        "0-9 and single hyphens, such as 'micro-magic'",
        "data/esimerkki:1:1: organisation folder differs from 'Esimerkki' only by case",
    ]


def test_a_capture_name_the_file_system_cannot_hold_is_an_error_not_a_crash(tmp_path: Path) -> None:
    """Found by tests/test_fuzz.py: a 5,000-character name made the file system refuse to look it up."""
    data = write(tmp_path, BASE.replace("capture: captures/2024-01-10.txt", "capture: " + "x" * 5000).encode())
    assert errors(data, tmp_path) == [
        f"{VERSION_FILE}:5:12: source.capture: '{'x' * 60}'... cannot be a file (File name too long)"
    ]


def test_a_key_indented_too_little_is_told_at_the_line_below_and_points_above(tmp_path: Path) -> None:
    """A key indented one space too little (' fi:') makes the next line, indented as it was, go on with its text, where
    YAML meets a colon: the error stands on that next line, and says the line above may be the one to fix."""
    data = write(tmp_path, BASE.replace("  fi: Tietosuojaseloste", " fi: Tietosuojaseloste").encode())
    (found,) = errors(data, tmp_path)
    assert found.startswith(f"{VERSION_FILE}:8:")
    assert found.endswith("(check the indentation of this line and the line above; a text holding ': ' is quoted)")
