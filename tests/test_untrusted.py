"""What a pull request from an outsider may put in the data and what it may not: characters no reader sees,
mail headers riding on an address, names the site uses itself, and input that would crash or hang a check.

Each is refused by the loader (so by `seloste validate`, `check` and the build) with a located message, fast.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from datadir import FIXTURES, make_data
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive

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
        f"data/esimerkki/2024-01-10.yaml:6:7: title.fi: contains U+{ord(character):04X} ({name}) at character 11, "
        "which no reader sees; remove it"
    ]


def test_a_carriage_return_in_a_one_line_text_is_refused(tmp_path: Path) -> None:
    organisation = ORGANISATION.replace("name: Esimerkki Oy", 'name: "Esimerkki Oy\\r\\n## Injected"')
    errors = _errors(tmp_path, organisation=organisation)
    assert errors[0].startswith("data/esimerkki/organisation.yaml:2:7: name: contains U+000D (CARRIAGE RETURN)")


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
        f"data/esimerkki/2024-01-10.yaml:9:9: sections[0].id: {section_id!r} is an id of the page's own (its parts are "
        "'sl-...', the comparison's 'diff-...', the title '<slug>-title'); choose another id"
    ]


def test_yaml_nested_25000_deep_is_a_located_error_not_a_crash(tmp_path: Path) -> None:
    version = BASE.replace("  fi: Tietosuojaseloste", "  fi: " + "[" * 25_000 + "]" * 25_000)
    started = time.perf_counter()
    assert _errors(tmp_path, version) == [
        "data/esimerkki/2024-01-10.yaml:6:45: lists and mappings nested more than 40 deep; a data file needs far fewer"
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
    assert f"data/esimerkki/2024-01-10.yaml:14:11: sections[0].body.fi: {problem}" in errors
    assert time.perf_counter() - started < 5


def test_no_date_lies_in_the_future(tmp_path: Path) -> None:
    """A version dated 2099 would be accepted and then block every real version after it."""
    future = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    version = BASE.replace('recorded_date: "2024-02-01"', f'recorded_date: "{future}"')
    version = version.replace(
        "title:", f'corrections:\n  - date: "{future}"\n    reason: {{fi: Korjaus., en: A fix.}}\ntitle:', 1
    )
    assert _errors(tmp_path, version) == [
        f"data/esimerkki/2024-01-10.yaml:2:16: recorded_date: {future} is after today",
        f"data/esimerkki/2024-01-10.yaml:6:11: corrections[0].date: {future} is not between the version's date "
        "2024-01-10 and today",
    ]
    errors = _errors(tmp_path / "b", BASE.replace('recorded_date: "2024-02-01"', f'recorded_date: "{future}"'), slug="toinen")
    assert errors == [f"data/toinen/2024-01-10.yaml:2:16: recorded_date: {future} is after today"]


def test_a_symbolic_link_in_data_is_refused_not_followed(tmp_path: Path) -> None:
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


def test_a_slug_too_long_for_an_address_is_refused(tmp_path: Path) -> None:
    slug = "a" * 250
    assert _errors(tmp_path, slug=slug) == [
        f"data/{slug}:1:1: organisation folder name is 250 characters long; a slug may have at most 60"
    ]
