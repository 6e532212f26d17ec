"""What a pull request from an outsider may put in the data and what it may not: characters no reader sees,
mail headers riding on an address, names the site uses itself, and input that would crash or hang a check.

Each is refused by the loader (so by `seloste validate`, `check` and the build) with a located message, fast.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import time
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from datadir import FIXTURES, make_data
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive
from seloste.archive.lookalike import Names, mixed_script_problem, name_keys
from seloste.contribute.cli import main
from seloste.publish.site import load_site

BASE = (FIXTURES / "invalid/version/_base.yaml").read_text(encoding="utf-8")
ORGANISATION = (FIXTURES / "invalid/organisation/_base.yaml").read_text(encoding="utf-8")


def _errors(tmp_path: Path, version: str = BASE, organisation: str | None = None, slug: str = "esimerkki") -> list[str]:
    data = make_data(tmp_path, version=version, organisation=organisation, slug=slug)
    with pytest.raises(DataErrors) as caught:
        load_archive(data, root=tmp_path)
    return [str(error) for error in caught.value.errors]


@pytest.mark.parametrize(
    ("character", "name"),
    [
        ("\u200b", "ZERO WIDTH SPACE"),
        ("\u200e", "LEFT-TO-RIGHT MARK"),
        ("\u061c", "ARABIC LETTER MARK"),
        ("\ufeff", "ZERO WIDTH NO-BREAK SPACE (byte-order mark)"),
        ("\x0b", "a control character or noncharacter"),
        ("\x85", "a control character or noncharacter"),
        ("\x1c", "a control character or noncharacter"),
        ("\ufdd0", "a control character or noncharacter"),
    ],
    ids=["zwsp", "lrm", "alm", "bom", "vt", "nel", "fs", "nonchar"],
)
def test_a_character_no_reader_sees_is_refused_where_it_stands(tmp_path: Path, character: str, name: str) -> None:
    escaped = "\\u%04x" % ord(character) if ord(character) > 0xFF else "\\x%02x" % ord(character)  # noqa: UP031
    version = BASE.replace("  fi: Tietosuojaseloste", f'  fi: "Tietosuoja{escaped}seloste"')
    assert _errors(tmp_path, version) == [
        f"data/esimerkki/2024-01-10.yaml:7:7: title.fi: contains U+{ord(character):04X} ({name}) at character 11, "
        "which no reader sees; remove it"
    ]


@pytest.mark.parametrize(
    ("character", "name"),
    [
        ("\u034f", "COMBINING GRAPHEME JOINER"),
        ("\u2061", "FUNCTION APPLICATION"),
        ("\u2064", "INVISIBLE PLUS"),
        ("\ufe0f", "VARIATION SELECTOR-16"),
        ("\U000e0041", "TAG LATIN CAPITAL LETTER A"),
        ("\U000e0001", "LANGUAGE TAG"),
        ("\u3164", "HANGUL FILLER"),
        ("\u115f", "HANGUL CHOSEONG FILLER"),
        ("\u1160", "HANGUL JUNGSEONG FILLER"),
        ("\uffa0", "HALFWIDTH HANGUL FILLER"),
        ("\u180e", "MONGOLIAN VOWEL SEPARATOR"),
        ("\u2060", "WORD JOINER"),
        ("\ufff9", "INTERLINEAR ANNOTATION ANCHOR"),
        ("\U000e0002", "an invisible character no font draws"),
    ],
    ids=[
        "cgj",
        "function",
        "plus",
        "vs16",
        "tag-a",
        "language-tag",
        "hangul",
        "choseong",
        "jungseong",
        "halfwidth",
        "mongolian",
        "word-joiner",
        "annotation",
        "unassigned-ignorable",
    ],
)
def test_every_invisible_character_is_refused_where_it_stands(tmp_path: Path, character: str, name: str) -> None:
    escaped = "\\U%08x" % ord(character) if ord(character) > 0xFFFF else "\\u%04x" % ord(character)  # noqa: UP031
    version = BASE.replace("  fi: Tietosuojaseloste", f'  fi: "Tietosuoja{escaped}seloste"')
    assert _errors(tmp_path, version) == [
        f"data/esimerkki/2024-01-10.yaml:7:7: title.fi: contains U+{ord(character):04X} ({name}) at character 11, "
        "which no reader sees; remove it"
    ]


def test_no_default_ignorable_or_format_character_passes() -> None:
    """Unicode's whole Default_Ignorable_Code_Point set (DerivedCoreProperties.txt, as the pinned confusables data
    gives it) and every format character (category Cf): a reader sees none of them, and none is needed in Finnish,
    Swedish or English text."""
    import unicodedata

    from homoglyph._ucd import ucd

    from seloste.archive.types import bidi_control, hidden_character

    ignorable = [code for start, end in ucd()["defaultIgnorable"] for code in range(start, end + 1)]
    assert len(ignorable) > 4000 and 0x034F in ignorable and 0xE0FFF in ignorable  # the full set, not a sample
    formats = [code for code in range(0x110000) if unicodedata.category(chr(code)) == "Cf"]
    passed = [
        f"U+{code:04X}"
        for code in sorted({*ignorable, *formats})
        if not (bidi_control(c := f"a{chr(code)}b") or hidden_character(c))
    ]
    assert passed == []
    assert hidden_character("Äänekoski, Åbo, café – “naïve” 50 € ½ ✓ 😀 Москва") is None


def test_the_texts_quick_search_passes_over_no_character_the_checks_look_for() -> None:
    """A text's check searches first for a character outside those most texts are written in (a quick search), and
    only then for the characters bidi_control and hidden_character name: none of those is among the common ones, and a
    text holding any of them is refused."""
    from seloste.archive.types import _UNCOMMON, Text, _suspect, bidi_control, hidden_character

    common = [code for code in range(0x110000) if not _UNCOMMON.match(chr(code))]
    assert 0x20 in common and 0xE4 in common and 0x201D in common and len(common) > 500
    assert [f"U+{code:04X}" for code in common if _suspect().match(chr(code))] == []
    flagged = [
        code for code in range(0x110000) if bidi_control(c := chr(code)) or hidden_character(c, single_line=True) or c in "\r\t"
    ]
    text = Text(single_line=True)
    assert [f"U+{code:04X}" for code in flagged if not text.problem(f"a{chr(code)}b")] == []


def test_every_format_character_stands_in_the_planes_read_for_them() -> None:
    """Format characters (category Cf) are sought in three planes of Unicode only, once per process: this Python's
    Unicode data has none in any other, and each is refused."""
    import unicodedata

    from seloste.archive.types import _FORMAT_PLANES, hidden_character

    read = {code for plane in _FORMAT_PLANES for code in plane}
    format_characters = [code for code in range(0x110000) if unicodedata.category(chr(code)) == "Cf"]
    assert len(format_characters) > 100
    assert [f"U+{code:04X}" for code in format_characters if code not in read] == []
    assert [f"U+{code:04X}" for code in format_characters if not hidden_character(chr(code))] == []


@pytest.mark.parametrize(
    ("comment", "where", "found"),
    [
        ("# ok \u202e evil", "3:1", "U+202E RIGHT-TO-LEFT OVERRIDE at character 6: it changes the order"),
        ("# \u2066admin\u2069 only", "3:1", "U+2066 LEFT-TO-RIGHT ISOLATE at character 3: it changes the order"),
        ("# zero\u200bwidth", "3:1", "U+200B (ZERO WIDTH SPACE) at character 7, which no reader sees"),
    ],
    ids=["override", "isolate", "zero-width"],
)
def test_a_comment_hides_nothing_from_the_diff(tmp_path: Path, comment: str, where: str, found: str) -> None:
    """Comments show in a pull request's diff, where a direction override can make code-like text read otherwise
    ('Trojan Source'): refused there as in every text, at the comment."""
    organisation = ORGANISATION.replace("name: Esimerkki Oy\n", f"{comment}\nname: Esimerkki Oy\n", 1)
    (error,) = _errors(tmp_path, organisation=organisation)
    assert error.startswith(f"data/esimerkki/organisation.yaml:{where}: comment: contains {found}")


def test_a_trailing_comment_hides_nothing_either(tmp_path: Path) -> None:
    organisation = ORGANISATION.replace("name: Esimerkki Oy\n", "name: Esimerkki Oy  # \u202eyO\n", 1)
    (error,) = _errors(tmp_path, organisation=organisation)
    assert error.startswith("data/esimerkki/organisation.yaml:3:21: comment: contains U+202E RIGHT-TO-LEFT OVERRIDE")


@given(
    st.dictionaries(st.text(max_size=8), st.lists(st.text(max_size=30), max_size=3) | st.text(max_size=60), max_size=4),
    st.sampled_from([None, '"', "'", "|", ">"]),
    st.booleans(),
)
@example({"a": "x # $schema: y", "b": ["#", " # z"]}, "|", False)
@example({"": ["0\x85"]}, "|", False)  # a text ending in a NEL: YAML's line break too, and a comment may follow it
@settings(max_examples=300, deadline=None)
def test_no_text_reads_as_a_comment(values: dict[str, object], style: str | None, flow: bool) -> None:
    """Comments are found as YAML reads them: whatever a text holds, quoted, plain or in a block, its '#' is its own;
    a comment after it, on a line of its own or at a line's end, is one."""
    import yaml

    from seloste.archive.yamlsource import comments

    text = yaml.dump(values, default_style=style, default_flow_style=flow, allow_unicode=True, width=40)
    assert comments(text) == []
    assert [c.text for c in comments("# alku\n" + text + "# loppu\n")] == ["# alku", "# loppu"]
    if style == '"':  # one line, in flow style: a comment at its end
        line = yaml.dump(values, default_style=style, default_flow_style=True, allow_unicode=True, width=10**6).rstrip("\n")
        assert [(c.line, c.column, c.text) for c in comments(f"{line}  # perässä\n")] == [(1, len(line) + 3, "# perässä")]


@pytest.mark.parametrize("control", ["\u202e", "\u2067"])
def test_a_direction_control_in_a_capture_is_refused_where_it_stands(tmp_path: Path, control: str) -> None:
    """A capture is the original's record, and the text is held to what it says: a direction control would make it
    read otherwise in the pull request's diff and in any editor than it stands. Refused, at its line and column."""
    data = make_data(tmp_path)
    capture = data / "esimerkki" / "captures" / "2024-01-10.txt"
    capture.write_text(capture.read_text(encoding="utf-8").replace("Esimerkki Oy", f"Esimerkki {control}Oy"), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_archive(data, root=tmp_path)
    (error,) = [str(e) for e in caught.value.errors]
    name = "RIGHT-TO-LEFT OVERRIDE" if control == "\u202e" else "RIGHT-TO-LEFT ISOLATE"
    assert error == (
        f"data/esimerkki/captures/2024-01-10.txt:5:11: contains U+{ord(control):04X} {name}: it changes the order in "
        "which the capture's text is displayed, so that it reads otherwise than it says; a notice in Finnish, Swedish "
        "or English needs none: remove it from the capture and say so in source.note"
    )


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\ufe0f", "\U000e0041"])
def test_a_capture_is_read_as_a_reader_sees_it(tmp_path: Path, invisible: str) -> None:
    """What no reader sees in a capture (a soft hyphen, a zero-width space or a variation selector a page had) is not
    asked of the text, which may not hold it."""
    data = make_data(tmp_path)
    capture = data / "esimerkki" / "captures" / "2024-01-10.txt"
    capture.write_text(capture.read_text(encoding="utf-8").replace("Esimerkki Oy", f"Esimer{invisible}kki Oy"), encoding="utf-8")
    assert len(load_archive(data, root=tmp_path).organisations) == 1


def test_a_carriage_return_in_a_one_line_text_is_refused(tmp_path: Path) -> None:
    organisation = ORGANISATION.replace("name: Esimerkki Oy", 'name: "Esimerkki Oy\\r\\n## Injected"')
    errors = _errors(tmp_path, organisation=organisation)
    assert errors[0].startswith("data/esimerkki/organisation.yaml:3:7: name: contains U+000D (CARRIAGE RETURN)")


def test_an_e_mail_address_carries_no_mail_headers(tmp_path: Path) -> None:
    organisation = ORGANISATION + "contact:\n  email: tietosuoja@esimerkki.fi?bcc=x@evil.test\n"
    errors = _errors(tmp_path, organisation=organisation)
    assert (
        "expected an e-mail address such as 'tietosuoja@esimerkki.fi', got 'tietosuoja@esimerkki.fi?bcc=x@evil.test'"
        in (errors[0])
    )


@pytest.mark.parametrize("slug", ["benchmark", "search-index", "sv", "lite"])
def test_a_slug_the_site_uses_itself_is_refused(tmp_path: Path, slug: str) -> None:
    assert _errors(tmp_path, slug=slug) == [
        f"data/{slug}:1:1: organisation slug {slug!r} is reserved for the site's own pages; choose another"
    ]


@pytest.mark.parametrize("section_id", ["sl-facts", "diff-rekisterinpitaja", "esimerkki-title"])
def test_a_section_id_the_page_uses_itself_is_refused(tmp_path: Path, section_id: str) -> None:
    version = BASE.replace("id: rekisterinpitaja", f"id: {section_id}").replace(
        "section: rekisterinpitaja", f"section: {section_id}"
    )
    errors = _errors(tmp_path, version)
    assert errors == [
        f"data/esimerkki/2024-01-10.yaml:10:9: sections[0].id: {section_id!r} is an id of the page's own (its parts are "
        "'sl-...', the comparison's 'diff-...', the title '<slug>-title'); choose another id"
    ]


def test_yaml_nested_25000_deep_is_a_located_error_not_a_crash(tmp_path: Path) -> None:
    version = BASE.replace("  fi: Tietosuojaseloste", "  fi: " + "[" * 25_000 + "]" * 25_000)
    started = time.perf_counter()
    assert _errors(tmp_path, version) == [
        "data/esimerkki/2024-01-10.yaml:7:45: lists and mappings nested more than 40 deep; a data file needs far fewer"
    ]
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("[" * 8_000, "has 8,000 '[' characters; a text may have at most 500, which a notice never needs"),
        ("![" * 3_000 + "x", "has 3,000 '[' characters; a text may have at most 500, which a notice never needs"),
        ("- " * 500 + "x", "line 1 of the text opens more than 20 nested lists or quotes; a notice needs a few"),
        ("> " * 100 + "x", "line 1 of the text opens more than 20 nested lists or quotes; a notice needs a few"),
    ],
    ids=["brackets", "images", "lists", "quotes"],
)
def test_markdown_that_would_hang_or_crash_the_renderer_is_refused_before_rendering(
    tmp_path: Path, body: str, problem: str
) -> None:
    version = BASE.replace("      fi: Esimerkki Oy\n      en: Esimerkki Oy", f'      fi: "{body}"\n      en: Esimerkki Oy')
    started = time.perf_counter()
    errors = _errors(tmp_path, version)
    assert f"data/esimerkki/2024-01-10.yaml:15:11: sections[0].body.fi: {problem}" in errors
    assert time.perf_counter() - started < 5


def test_no_date_lies_in_the_future(tmp_path: Path) -> None:
    """A version dated 2099 would be accepted and then block every real version after it."""
    future = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    version = BASE.replace('recorded_date: "2024-02-01"', f'recorded_date: "{future}"')
    version = version.replace(
        "title:", f'corrections:\n  - date: "{future}"\n    reason: {{fi: Korjaus., en: A fix.}}\ntitle:', 1
    )
    assert _errors(tmp_path, version) == [
        f"data/esimerkki/2024-01-10.yaml:3:16: recorded_date: {future} is after today",
        f"data/esimerkki/2024-01-10.yaml:7:11: corrections[0].date: {future} is after today",
    ]
    errors = _errors(tmp_path / "b", BASE.replace('recorded_date: "2024-02-01"', f'recorded_date: "{future}"'), slug="toinen")
    assert errors == [f"data/toinen/2024-01-10.yaml:3:16: recorded_date: {future} is after today"]


@pytest.mark.parametrize(
    ("date", "earliest"),
    [("2024-01-10", "2024-02-01"), ("2024-01-31", "2024-02-01")],
    ids=["the-versions-own-date", "before-it-was-recorded"],
)
def test_a_correction_is_dated_after_its_version_was_recorded(tmp_path: Path, date: str, earliest: str) -> None:
    """Dated on its version's own date, a correction would hide that the text changed after it was published; a
    correction fixes what the archive recorded, so it is made no earlier than the day the version was recorded."""
    version = BASE.replace("title:", f'corrections:\n  - date: "{date}"\n    reason: {{fi: Korjaus., en: A fix.}}\ntitle:', 1)
    assert _errors(tmp_path, version) == [
        f"data/esimerkki/2024-01-10.yaml:7:11: corrections[0].date: {date} is before {earliest}: a correction is dated "
        "the day it was made, after the version's date (2024-01-10) and no earlier than the day it was recorded "
        "(2024-02-01)"
    ]
    after = BASE.replace("title:", 'corrections:\n  - date: "2024-02-01"\n    reason: {fi: Korjaus., en: A fix.}\ntitle:', 1)
    assert len(load_archive(make_data(tmp_path / "ok", version=after), root=tmp_path / "ok").organisations) == 1


def test_a_symbolic_link_in_data_is_refused_not_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = make_data(tmp_path)
    secret = tmp_path / "outside.txt"
    secret.write_text("root:x:0:0\n", encoding="utf-8")
    (data / "esimerkki" / "captures" / "2024-01-10.txt").unlink()
    (data / "esimerkki" / "captures" / "2024-01-10.txt").symlink_to(secret)
    (data / "esimerkki" / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    with pytest.raises(DataErrors) as caught:
        load_archive(data, root=tmp_path)
    errors = [str(error) for error in caught.value.errors]
    message = "a symbolic link: data/ holds files and folders only; copy the file in instead"
    assert errors == [
        f"data/esimerkki/captures/2024-01-10.txt:1:1: {message}",
        f"data/esimerkki/dangling.yaml:1:1: {message}",
    ]
    assert not any("root:x" in error for error in errors)
    monkeypatch.chdir(tmp_path)  # the build's load too: a link that leads nowhere is reported, not a traceback
    with pytest.raises(DataErrors) as built:
        load_site(Path("data"))
    assert [str(error) for error in built.value.errors] == errors


def test_a_data_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    real = make_data(tmp_path / "elsewhere")
    (tmp_path / "data").symlink_to(real)
    with pytest.raises(DataErrors) as caught:
        load_archive(tmp_path / "data", root=tmp_path)
    assert [str(e) for e in caught.value.errors] == [
        "data:1:1: the data folder is a symbolic link; data/ is a folder of its own, not a link to one"
    ]


@pytest.mark.parametrize("kind", ["missing", "a file", "a link to nowhere"])
def test_a_data_folder_that_is_not_there_is_reported_by_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """The build's load (load_site, which first looks whether the site it loaded last still holds) reports it as
    the loader does: no traceback."""
    monkeypatch.chdir(tmp_path)
    if kind == "a file":
        (tmp_path / "data").write_text("", encoding="utf-8")
    elif kind == "a link to nowhere":
        (tmp_path / "data").symlink_to(tmp_path / "nowhere")
    with pytest.raises(DataErrors) as built:
        load_site(Path("data"))
    with pytest.raises(DataErrors) as loaded:
        load_archive(Path("data"))
    assert [str(e) for e in built.value.errors] == [str(e) for e in loaded.value.errors] != []


def test_a_slug_too_long_for_an_address_is_refused(tmp_path: Path) -> None:
    slug = "a" * 250
    assert _errors(tmp_path, slug=slug) == [
        f"data/{slug}:1:1: organisation folder name is 250 characters long; a slug may have at most 60"
    ]


# --- a published capture never changes, byte for byte ----------------------------------------------------------------

CAPTURE = "Tietosuojaseloste\n\nRekisterinpitäjä\n\nEsimerkki Oy\n".encode()
BOM = b"\xef\xbb\xbf"
CHANGED = (
    "the capture of a published version was changed; a capture is the original as it was captured and is kept as it is "
    "(a correction fixes our transcription, never the capture); its words are unchanged but its bytes are not (a "
    "byte-order mark, line ends or spaces, as an editor may change them on saving): restore the file as it was published"
)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _publish(root: Path, monkeypatch: pytest.MonkeyPatch, captures: dict[str, bytes], version: str = BASE) -> Path:
    """A git repository whose main branch publishes an organisation with ``captures`` (by file name), checked out on a
    branch for the change; returns the organisation's captures folder."""
    data = make_data(root, version=version)
    folder = data / "esimerkki" / "captures"
    for stale in folder.iterdir():
        stale.unlink()
    for name, raw in captures.items():
        (folder / name).write_bytes(raw)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "config", "user.email", "test@example.invalid")
    _git(root, "config", "user.name", "Test")
    _git(root, "config", "core.autocrlf", "false")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "publish")
    _git(root, "switch", "-q", "-c", "change")
    monkeypatch.chdir(root)
    return folder


def _validate_and_check(capsys: pytest.CaptureFixture[str]) -> tuple[int, int, str]:
    """`seloste validate`'s exit code, then `seloste check --base main`'s and what it printed."""
    validated = main(["validate"])
    capsys.readouterr()
    checked = main(["check", "--base", "main"])
    captured = capsys.readouterr()
    if checked == 0:  # but for its last line, what it says of the organisations as at the base (test_check_base.py)
        said, _, last = captured.out.rstrip("\n").rpartition("\n")
        assert last.startswith("(") and "organisation" in last, captured.out
        return validated, checked, said + "\n"
    return validated, checked, captured.err or captured.out


@pytest.mark.parametrize(
    ("published", "changed", "line"),
    [
        (CAPTURE, BOM + CAPTURE, 1),
        (BOM + CAPTURE, CAPTURE, 1),
        (CAPTURE, CAPTURE.replace(b"\n", b"\r\n"), 1),
        (CAPTURE.replace(b"\n", b"\r\n"), CAPTURE, 1),
        (CAPTURE, CAPTURE.replace("Rekisterinpitäjä\n".encode(), "Rekisterinpitäjä  \n".encode()), 3),  # where it changed
        (CAPTURE, CAPTURE.rstrip(b"\n"), 5),
    ],
    ids=["bom-added", "bom-removed", "crlf", "lf", "trailing-spaces", "final-newline"],
)
def test_a_published_capture_changed_in_bytes_alone_is_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    published: bytes,
    changed: bytes,
    line: int,
) -> None:
    """An editor's byte-order mark or line ends change no word, and fidelity reads the text without them, but the
    capture is the record of the original: the file stays as it was published."""
    folder = _publish(tmp_path, monkeypatch, {"2024-01-10.txt": published})
    (folder / "2024-01-10.txt").write_bytes(changed)
    assert _validate_and_check(capsys) == (
        0,
        1,
        f"data/esimerkki/captures/2024-01-10.txt:{line}:1: {CHANGED}\n1 error in the data\n",
    )


def test_a_line_end_moved_between_the_pages_of_a_published_capture_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The pages joined read the same; the second page's file did not change, the first's did."""
    version = BASE.replace(
        "  capture: captures/2024-01-10.txt", "  capture: [captures/2024-01-10.1.txt, captures/2024-01-10.2.txt]"
    )
    pages = {"2024-01-10.1.txt": "Tietosuojaseloste\n\nRekisterinpitäjä\n".encode(), "2024-01-10.2.txt": b"Esimerkki Oy\n"}
    folder = _publish(tmp_path, monkeypatch, pages, version)
    (folder / "2024-01-10.1.txt").write_bytes(pages["2024-01-10.1.txt"].rstrip(b"\n"))
    (folder / "2024-01-10.2.txt").write_bytes(b"\n" + pages["2024-01-10.2.txt"])
    assert _validate_and_check(capsys) == (
        0,
        1,
        f"data/esimerkki/captures/2024-01-10.1.txt:3:1: {CHANGED}\n1 error in the data\n",  # its last line
    )


def test_a_published_capture_saved_again_unchanged_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _publish(tmp_path, monkeypatch, {"2024-01-10.txt": BOM + CAPTURE.replace(b"\n", b"\r\n")})
    (folder / "2024-01-10.txt").write_bytes((folder / "2024-01-10.txt").read_bytes())
    assert _validate_and_check(capsys) == (0, 0, "data: valid, and the change against main keeps the archive's rules\n")


# --- a correction's reason is given in each language -----------------------------------------------------------------


def _corrected(*reasons: str) -> str:
    entries = "".join(f'  - date: "2024-03-0{n + 1}"\n    reason:\n{reason}' for n, reason in enumerate(reasons))
    return BASE.replace("title:", f"corrections:\n{entries}title:", 1)


GIVEN = "      fi: Rekisterinpitäjän nimi korjattiin.\n      en: The controller's name was corrected.\n"


@pytest.mark.parametrize(
    ("fi", "en"),
    [
        ("Rekisterinpitäjän nimi korjattiin.", "Rekisterinpitäjän nimi korjattiin."),
        ("The controller's name was corrected.", "The controller's name was corrected."),
        ("Rekisterinpitäjän nimi korjattiin.", "rekisterinpitäjän  nimi korjattiin"),
    ],
    ids=["finnish-twice", "english-twice", "case-and-spacing"],
)
def test_a_correction_whose_reason_is_the_same_in_both_languages_is_refused(tmp_path: Path, fi: str, en: str) -> None:
    """A copy in the other language leaves its readers with no reason for a change to a published notice."""
    version = _corrected(GIVEN, f"      fi: {fi}\n      en: {en}\n")
    assert _errors(tmp_path, version) == [
        f"data/esimerkki/2024-01-10.yaml:13:7: corrections[1].reason: the Finnish and the English reason are the same "
        f"text ({en!r}); say in each language what was corrected and why"
    ]


def test_a_correction_in_one_line_with_the_same_reason_twice_is_refused_where_it_stands(tmp_path: Path) -> None:
    version = BASE.replace("title:", 'corrections:\n  - {date: "2024-03-01", reason: {fi: Korjaus., en: Korjaus.}}\ntitle:', 1)
    assert _errors(tmp_path, version) == [
        "data/esimerkki/2024-01-10.yaml:7:34: corrections[0].reason: the Finnish and the English reason are the same "
        "text ('Korjaus.'); say in each language what was corrected and why"
    ]


def test_a_correction_with_its_reason_in_each_language_loads(tmp_path: Path) -> None:
    archive = load_archive(make_data(tmp_path, version=_corrected(GIVEN)), root=tmp_path)
    (correction,) = archive.get("esimerkki").current.version.corrections
    assert (correction.reason.fi, correction.reason.en) == (
        "Rekisterinpitäjän nimi korjattiin.",
        "The controller's name was corrected.",
    )


# --- an organisation's name that looks like another's ----------------------------------------------------------------

SAME = "; an organisation has one folder, with all its notices' versions, and another organisation's name must read differently"


def _two(tmp_path: Path, first: str, second: str) -> Path:
    """``data/`` with the organisation ``esimerkki`` named ``first`` and ``toinen`` named ``second``."""
    make_data(tmp_path, organisation=ORGANISATION.replace("name: Esimerkki Oy", f"name: {first}"))
    return make_data(tmp_path, organisation=ORGANISATION.replace("name: Esimerkki Oy", f"name: {second}"), slug="toinen")


def _refused(data: Path, root: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_archive(data, root=root)
    return [str(error) for error in caught.value.errors]


@pytest.mark.parametrize(
    ("first", "second", "problem"),
    [
        (
            "Micro Magic Oy",
            "Micro Magic \u041e\u0443",  # a Cyrillic word: each of its letters reads as a Latin one
            "looks the same as 'Micro Magic Oy', the name of the organisation in data/esimerkki/ (character 13 is "
            "U+041E CYRILLIC CAPITAL LETTER O where that name has 'O')",
        ),
        (
            "KONE Oyj",
            "\u039a\u039f\u039d\u0395 Oyj",  # a Greek word: kappa, omicron, nu, epsilon
            "looks the same as 'KONE Oyj', the name of the organisation in data/esimerkki/ (character 1 is U+039A GREEK "
            "CAPITAL LETTER KAPPA where that name has 'K')",
        ),
        (
            "Mikroni Digital",
            "Mikroni \uff24igital",
            "looks the same as 'Mikroni Digital', the name of the organisation in data/esimerkki/ (character 9 is U+FF24 "
            "FULLWIDTH LATIN CAPITAL LETTER D where that name has 'D')",
        ),
        (
            "Planeetta Internet Oy",
            "Planeetta lnternet Oy",
            "looks the same as 'Planeetta Internet Oy', the name of the organisation in data/esimerkki/ (character 11 is "
            "'l' where that name has 'I')",
        ),
        ("Mikromafia Oy", "Mikrornafia Oy", "looks the same as 'Mikromafia Oy', the name of the organisation in data/esimerkki/"),
        (
            "Visiosto oy",
            "VISIOSTO OY",
            "differs only in case from 'Visiosto oy', the name of the organisation in data/esimerkki/",
        ),
        (
            "Lumikello ry",
            "Lumikello  ry",
            "differs only in its spaces from 'Lumikello ry', the name of the organisation in data/esimerkki/",
        ),
        ("Minikone Oy", "Minikone Oy", "is already the name of the organisation in data/esimerkki/"),
    ],
    ids=["cyrillic", "greek", "fullwidth", "capital-i", "rn-for-m", "case", "spaces", "same"],
)
def test_a_name_that_looks_like_another_organisations_is_refused_at_the_name(
    tmp_path: Path, first: str, second: str, problem: str
) -> None:
    """An organisation whose name reads as another's would speak for it on the site; the error names the folder
    of the organisation it looks like."""
    second_yaml = f'"{second}"' if "  " in second else second
    assert _refused(_two(tmp_path, first, second_yaml), tmp_path) == [
        f"data/toinen/organisation.yaml:3:7: name: {second!r} {problem}{SAME}"
    ]


@pytest.mark.parametrize(
    ("second", "problem"),
    [
        ("Micro Magic Oy.", "differs only in the punctuation at its ends from 'Micro Magic Oy'"),
        ('"Micro Magic Oy!"', "differs only in the punctuation at its ends from 'Micro Magic Oy'"),
    ],
    ids=["full-stop", "exclamation"],
)
def test_a_name_differing_only_by_punctuation_at_its_end_is_refused(tmp_path: Path, second: str, problem: str) -> None:
    shown = second.strip('"')
    assert _refused(_two(tmp_path, "Micro Magic Oy", second), tmp_path) == [
        f"data/toinen/organisation.yaml:3:7: name: {shown!r} {problem}, the name of the organisation in data/esimerkki/{SAME}"
    ]


@pytest.mark.parametrize("character", ["\ufff9", "\ufffa", "\ufffb", "\u2063", "\U000e0020"])
def test_format_characters_are_no_part_of_what_a_name_looks_like(character: str) -> None:
    """Refused in any text anyway (hidden_character), and left out of a name's skeleton as well."""
    assert name_keys(f"Micro{character} Magic Oy{character}") == name_keys("Micro Magic Oy")
    assert name_keys("Micro Magic Oy.") == name_keys("Micro Magic Oy")


@pytest.mark.parametrize(
    ("first", "second"),
    [("example", "exarnple"), ("google", "g00gle"), ("planeetta", "p1aneetta"), ("micro-magic", "rnicro-magic")],
)
def test_a_slug_that_looks_like_another_organisations_is_refused(tmp_path: Path, first: str, second: str) -> None:
    """A slug is in every address of the organisation's pages: one that reads as another's would pass for it."""
    make_data(tmp_path, slug=first, organisation=ORGANISATION.replace("name: Esimerkki Oy", "name: Ensimmäinen Oy"))
    data = make_data(tmp_path, slug=second, organisation=ORGANISATION.replace("name: Esimerkki Oy", "name: Toinen Oy"))
    earlier, later = sorted((first, second))
    assert _refused(data, tmp_path) == [
        f"data/{later}:1:1: organisation folder name {later!r} looks the same as {earlier!r}, the folder of another "
        "organisation; choose a slug that reads differently"
    ]


def test_slugs_that_read_differently_stand_side_by_side(tmp_path: Path) -> None:
    for slug in ("micro-magic", "micromagic-oy", "mikroni", "mikromafia"):
        make_data(tmp_path, slug=slug)
    assert len(load_archive(tmp_path / "data", root=tmp_path).organisations) == 4


def test_a_word_mixing_latin_and_cyrillic_letters_is_refused_and_the_name_it_copies_named(tmp_path: Path) -> None:
    """One Cyrillic O in a Latin word: suspicious in itself, and here the copy of another organisation's name."""
    assert _refused(_two(tmp_path, "Micro Magic Oy", "Micro Magic \u041ey"), tmp_path) == [
        "data/toinen/organisation.yaml:3:7: name: 'Micro Magic \u041ey' looks the same as 'Micro Magic Oy', the name of the "
        f"organisation in data/esimerkki/ (character 13 is U+041E CYRILLIC CAPITAL LETTER O where that name has 'O'){SAME}",
        "data/toinen/organisation.yaml:3:7: name: the word '\u041ey' mixes Cyrillic and Latin letters (U+041E CYRILLIC "
        "CAPITAL LETTER O at character 13), as a name made to look like another does; write each word in the letters "
        "of one script",
    ]


def test_a_first_organisation_with_a_word_mixing_scripts_is_refused(tmp_path: Path) -> None:
    """Even with no organisation to copy yet: it would take the name from the real one that comes later."""
    organisation = ORGANISATION.replace("name: Esimerkki Oy", "name: Planeetta Intern\u0435t Oy")
    assert _errors(tmp_path, organisation=organisation) == [
        "data/esimerkki/organisation.yaml:3:7: name: the word 'Intern\u0435t' mixes Latin and Cyrillic letters (U+0435 "
        "CYRILLIC SMALL LETTER IE at character 17), as a name made to look like another does; write each word in the "
        "letters of one script"
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Äänekosken Sähkö Oy", "Aanekosken Sahko Oy"),
        ("Åbo Akademi", "Abo Akademi"),
        ("Café Ström Ab", "Cafe Strom Ab"),
        ("Mikroni Digital", "Mikroni Digital Oy"),
        ("Tietosuoja Oy", "Москва Oy"),
        ("Lumikello ry", "O'Brien & Söner Ab"),
    ],
    ids=["finnish", "swedish", "accents", "longer", "a-cyrillic-word", "punctuation"],
)
def test_real_names_with_finnish_and_swedish_letters_stand_side_by_side(tmp_path: Path, first: str, second: str) -> None:
    """ä, ö, å and é are Latin letters, and a different letter: neither a mixed word nor another's name."""
    second_yaml = f'"{second}"' if "'" in second or "&" in second else second
    archive = load_archive(_two(tmp_path, first, second_yaml), root=tmp_path)
    assert [record.organisation.name for record in archive.organisations] == [first, second]


@given(st.text(min_size=1, max_size=12))
@example("a\u0640")  # a Latin letter and the Arabic tatweel, a sign of several scripts but not of Latin
@example("\u0301\u0308")
@settings(max_examples=500, deadline=None)
def test_any_name_is_judged_without_a_crash(name: str) -> None:
    """Whatever characters a name has (marks alone, signs several scripts share, unassigned code points), the checks
    answer with a message or nothing: never a traceback."""
    problem = mixed_script_problem(name)
    assert problem is None or problem.startswith("name: the word ")
    assert Names().add("data/a", name) is None
    assert all(isinstance(key, str) for key in name_keys(name))


def test_lists_nested_by_indentation_alone_are_refused_before_rendering(tmp_path: Path) -> None:
    body = "\\n".join("    " * level + "- a" for level in range(350))
    version = BASE.replace("      fi: Esimerkki Oy\n      en: Esimerkki Oy", f'      fi: "{body}"\n      en: Esimerkki Oy')
    errors = _errors(tmp_path, version)
    assert any("sections[0].body.fi: line 22 of the text opens more than 20 nested lists or quotes" in e for e in errors), errors


def test_hidden_files_anywhere_in_data_are_refused(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    (data / ".x").mkdir()
    (data / "esimerkki" / ".gitattributes").write_text("*.yaml export-ignore\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_archive(data, root=tmp_path)
    assert [str(e).split(": ", 1)[0] for e in caught.value.errors] == ["data/.x:1:1", "data/esimerkki/.gitattributes:1:1"]
    (data / ".x").rmdir()
    (data / "esimerkki" / ".gitattributes").unlink()
    (data / "esimerkki" / "captures" / ".piilo.txt").write_text("x\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_archive(data, root=tmp_path)
    assert [str(e).split(": ", 1)[0] for e in caught.value.errors] == ["data/esimerkki/captures/.piilo.txt:1:1"]
