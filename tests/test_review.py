"""What a reviewer of a pull request sees: nothing a change does to the published site is left out of the
report, and nothing is published that the original did not say (links included)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from datadir import FIXTURES, ORGANISATION_LINE, SLUG, VERSION_LINE, edit, make_data
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive
from seloste.compare.diff import SectionText, VersionText, diff_json, diff_texts
from seloste.contribute.cli import main
from seloste.markup.blocks import Block, blocks
from seloste.publish.lite import render_lite_pages
from test_fuzz import RENDERER
from test_policy import V2, repo, version_file  # noqa: F401  (repo is a fixture)

CORRECTION = (
    'corrections:\n  - date: "2024-07-01"\n    reason:\n      fi: Muotoilu korjattiin.\n'
    "      en: The formatting was fixed.\ntitle:\n"
)


def _errors(data: Path) -> list[str]:
    try:
        load_archive(data, root=data.parent)
    except DataErrors as err:
        return [str(e) for e in err.errors]
    return []


# --- link targets ------------------------------------------------------------------------------


def test_a_link_whose_words_stay_the_same_is_a_change_of_its_own() -> None:
    def version(links: tuple[str, ...]) -> VersionText:
        block = Block("paragraph", "Lue lisää tietosuojasta.", links)
        return VersionText(id="v", title="T", sections=(SectionText("a", "A", (block,), "s"),), facts={"single": {}, "list": {}})

    diff = diff_texts(version(("https://esimerkki.fi/",)), version(("https://toinen.example/",)), "fi")
    assert diff.change == "links"
    (block,) = diff.sections[0].blocks
    assert block.status == "changed" and block.change == "links"
    assert [(s.op, s.text) for s in block.links] == [("delete", "https://esimerkki.fi/"), ("insert", "https://toinen.example/")]
    assert diff_json(diff)["sections"][0]["blocks"][0]["links"] == [
        ["delete", "https://esimerkki.fi/"],
        ["insert", "https://toinen.example/"],
    ]


def test_a_link_target_changed_under_a_formatting_correction_is_in_the_report(
    repo: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = version_file(repo, V2)
    text = path.read_text(encoding="utf-8").replace("title:\n", CORRECTION, 1)
    shown = "https://esimerkki.fi/yhteys"
    text = text.replace(f"Meikäläinen, {shown}.", f"Meikäläinen, [{shown}](https://huijaus.example/kirjaudu).")
    path.write_text(text, encoding="utf-8")
    assert main(["check", "--base", "main"]) == 0  # declared, and this version has no capture to hold the link to
    capsys.readouterr()
    assert main(["changes", "--base", "main"]) == 0
    report = capsys.readouterr().out
    assert "Only whitespace or formatting changed" not in report
    assert "Only where links lead changed." in report and "Vain linkkien kohteet muuttuivat." in report
    assert "    - Link added: ` https://huijaus.example/kirjaudu `" in report
    assert "    - Linkki lisätty: ` https://huijaus.example/kirjaudu `" in report


def test_a_lists_numbering_is_part_of_what_changed() -> None:
    """'1.' to '3.' renders the list with start="3": every number a reader sees changes, though no word does."""

    def version(start: str | None) -> VersionText:
        items = (Block("item", "Nimi", (), start), Block("item", "Osoite", (), start))
        return VersionText(id="v", title="T", sections=(SectionText("a", "A", items, "s"),), facts={"single": {}, "list": {}})

    diff = diff_texts(version("1"), version("3"), "fi")
    assert diff.change == "numbering"
    assert [(b.status, b.change, b.numbering) for b in diff.sections[0].blocks] == [("changed", "numbering", ("1", "3"))] * 2
    assert diff_json(diff)["sections"][0]["blocks"][0]["numbering"] == ["1", "3"]
    assert diff_texts(version("1"), version(None), "fi").sections[0].blocks[0].numbering == ("1", None)  # numbers to bullets
    assert diff_texts(version("3"), version("3"), "fi").change == "none"


@pytest.mark.parametrize(
    ("markdown", "starts"),
    [
        ("1. a\n2. b", ["1", "1"]),
        ("3. a\n4. b", ["3", "3"]),
        ("03. a", ["3"]),
        ("- a\n- b", [None, None]),
        ("Teksti", [None]),
        ("2. a\n\n    jatko\n\n3. b", ["2", "2"]),  # a loose list's paragraphs are its items' text
        ("1. a\n    - x\n2. b", ["1", None, "1"]),  # the innermost list's
    ],
)
def test_a_block_knows_the_number_its_list_starts_at(markdown: str, starts: list[str | None]) -> None:
    assert [b.start for b in blocks(markdown)] == starts


def test_a_lists_numbering_changed_under_a_correction_is_in_the_report(
    repo: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = version_file(repo, V2)
    lists = {lang: f"{lang}: |-\n        Esimerkki Oy, 1.10\n\n        1. {a}\n        2. {b}\n" for lang, a, b in LISTED}
    text = path.read_text(encoding="utf-8")
    for lang, _a, _b in LISTED:
        text = text.replace(f"{lang}: Esimerkki Oy, 1.10\n", lists[lang], 1)
    path.write_text(text, encoding="utf-8")
    subprocess.run(["git", "commit", "-qam", "a list"], cwd=repo, check=True)
    subprocess.run(["git", "branch", "-qf", "main"], cwd=repo, check=True)
    renumbered = (
        text.replace("        1. ", "        3. ").replace("        2. ", "        4. ").replace("title:\n", CORRECTION, 1)
    )
    path.write_text(renumbered, encoding="utf-8")
    assert main(["check", "--base", "main"]) == 0
    capsys.readouterr()
    assert main(["changes", "--base", "main"]) == 0
    report = capsys.readouterr().out
    assert "Only the numbering of a list changed." in report and "Vain luettelon numerointi muuttui." in report
    assert "    - List numbering: 1 → 3" in report
    assert "    - Luettelon numerointi: 1 → 3" in report


LISTED = [("fi", "Nimi", "Osoite"), ("en", "Name", "Address")]


def test_a_correction_of_the_facts_alone_says_the_text_is_the_same(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    report = _corrected_report(
        repo, capsys, lambda text: text.replace("legal_basis: contract\n", "legal_basis: [contract, consent]\n")
    )
    assert "Only the facts the archive reads from the notice changed; the text is the same." in report
    assert "Vain arkiston selosteesta poimimat tiedot muuttuivat; teksti on sama." in report
    assert "No word added or removed" not in report and "The text changed." not in report
    assert "| legal basis: contract | legal basis: contract, consent |" in report
    assert "| oikeusperuste: sopimus | oikeusperuste: sopimus, suostumus |" in report
    assert "changed too" not in report  # said only beside a change of the texts


def test_a_change_of_the_facts_beside_one_of_the_text_is_said_beside_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    report = _corrected_report(
        repo, capsys, lambda text: text.replace("legal_basis: contract\n", "legal_basis: consent\n").replace("1.10", "2.10")
    )
    assert "The text changed. words +1 / −1\n\nThe facts the archive reads from the notice changed too.\n" in report
    assert "sanoja +1 / −1\n\nMyös arkiston selosteesta poimimat tiedot muuttuivat.\n" in report


def _corrected_report(project: Path, capsys: pytest.CaptureFixture[str], edit: Callable[[str], str]) -> str:
    """The change report of a declared correction of the fixture's second version that ``edit`` makes to its file."""
    path = version_file(project, V2)
    text = path.read_text(encoding="utf-8")
    corrected = edit(text)
    assert corrected != text
    path.write_text(corrected.replace("title:\n", CORRECTION, 1))
    assert main(["check", "--base", "main"]) == 0
    capsys.readouterr()
    assert main(["changes", "--base", "main"]) == 0
    return capsys.readouterr().out


def _edit(data: Path, old: str, new: str) -> None:
    edit(data / SLUG / "2024-01-10.yaml", old, new)


def test_a_link_in_the_organisations_text_leads_only_where_its_capture_shows(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    _edit(data, "Esimerkki Oy\n", "'[Esimerkki Oy](https://huijaus.example/)'\n")
    errors = _errors(data)
    assert any("body.fi: links to 'https://huijaus.example/', an address the capture does not show" in e for e in errors), errors
    assert not any("body.en" in e for e in errors), errors  # the translation links where its original does


def test_links_to_addresses_the_capture_shows_are_kept(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    capture = data / SLUG / "captures" / "2024-01-10.txt"
    url = "https://esimerkki.fi/?a=1&b=2"
    capture.write_text(capture.read_text(encoding="utf-8").replace("Esimerkki Oy", f"Esimerkki Oy tietosuoja@esimerkki.fi {url}"))
    for lang in ("fi", "en"):
        _edit(data, f"{lang}: Esimerkki Oy\n", f"{lang}: 'Esimerkki Oy <tietosuoja@esimerkki.fi> [{url}]({url})'\n")
    assert _errors(data) == []


def test_a_translation_links_only_where_its_original_does(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    _edit(data, "en: Esimerkki Oy\n", "en: '[Esimerkki Oy](https://huijaus.example/)'\n")
    (error,) = _errors(data)
    assert error.startswith(f"data/{SLUG}/2024-01-10.yaml:16:")
    assert "body.en: links to 'https://huijaus.example/', where the Finnish original of this section does not link" in error


def test_a_heading_carries_no_link(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    _edit(data, "en: Controller", "en: '[Controller](https://huijaus.example/)'")
    (error,) = _errors(data)
    assert "heading.en: links to 'https://huijaus.example/'; a title or heading is text" in error


# --- the organisation's details -------------------------------------------------------------------

UPDATE = (
    'updates:\n  - date: "2024-08-01"\n    reason:\n      fi: Yhtiö vaihtoi nimeään.\n      en: The company changed its name.\n'
)


def _organisation(root: Path) -> Path:
    return root / "data" / SLUG / "organisation.yaml"


def test_changed_details_need_a_declared_update(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    path = _organisation(repo)
    path.write_text(path.read_text(encoding="utf-8").replace("tietosuoja@esimerkki.fi", "tietosuoja@huijaus.example"))
    assert main(["check", "--base", "main"]) == 1
    error = capsys.readouterr().err
    assert f"data/{SLUG}/organisation.yaml:9:" in error
    assert "the organisation's published details changed (contact); declare the change: add an entry to 'updates'" in error


def test_declared_details_are_in_the_report_field_by_field(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    path = _organisation(repo)
    path.write_text(path.read_text(encoding="utf-8").replace("name: Esimerkki Oy", "name: Esimerkki Oyj") + UPDATE)
    assert main(["check", "--base", "main"]) == 0
    capsys.readouterr()
    assert main(["changes", "--base", "main"]) == 0
    report = capsys.readouterr().out
    table = "| Field | Before | After |\n|---|---|---|\n| name | Esimerkki Oy | Esimerkki Oyj |"
    assert f"The organisation's details changed.\n\n{table}" in report
    assert "- Update of 2024-08-01: Yhtiö vaihtoi nimeään. / The company changed its name." in report


def test_a_published_update_is_kept(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    path = _organisation(repo)
    path.write_text(path.read_text(encoding="utf-8").replace("name: Esimerkki Oy", "name: Esimerkki Oyj") + UPDATE)
    subprocess.run(["git", "commit", "-qam", "rename"], cwd=repo, check=True)
    subprocess.run(["git", "branch", "-qf", "main"], cwd=repo, check=True)
    path.write_text(path.read_text(encoding="utf-8").replace("Yhtiö vaihtoi nimeään.", "Nimi vaihtui."))
    assert main(["check", "--base", "main"]) == 1
    assert "updates: published updates are kept as they are; add a new one" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("update", "expected"),
    [
        (UPDATE.replace("2024-08-01", "2099-01-01"), "updates[0].date: 2099-01-01 is after today"),
        (UPDATE.replace("Yhtiö vaihtoi nimeään.", "The company changed its name."), "updates[0].reason: the same text in"),
    ],
)
def test_an_update_is_dated_and_gives_its_reason_in_each_language(tmp_path: Path, update: str, expected: str) -> None:
    data = make_data(tmp_path)
    path = data / SLUG / "organisation.yaml"
    path.write_text(path.read_text(encoding="utf-8") + update)
    (error,) = _errors(data)
    assert error.startswith(f"data/{SLUG}/organisation.yaml:") and expected in error


# --- everything else a change does ---------------------------------------------------------------


def test_the_editor_line_names_only_the_archives_own_schema(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    path = data / SLUG / "2024-01-10.yaml"
    text = path.read_text(encoding="utf-8").replace(
        VERSION_LINE, "# yaml-language-server: $schema=https://huijaus.example/s.json\n", 1
    )
    path.write_text(text, encoding="utf-8")
    (error,) = _errors(data)
    assert error.startswith(f"data/{SLUG}/2024-01-10.yaml:1:1: the editor line may name only the archive's own schema")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "$schema=../../../../data/schema/version.schema.json",
            "the editor line is to read exactly '# yaml-language-server: $schema=../schema/version.schema.json' "
            "(the path from data/<organisation>/)",
        ),
        (
            "$schema=../../data/schema/version.schema.json",
            "the editor line is to read exactly '# yaml-language-server: $schema=../schema/version.schema.json' "
            "(the path from data/<organisation>/)",
        ),
        (
            "$schema=../schema/version.schema.json ",
            "the editor line is to read exactly '# yaml-language-server: $schema=../schema/version.schema.json' "
            "(the path from data/<organisation>/)",
        ),
        (
            "$schema=../schema/organisation.schema.json",
            "the editor line names organisation.schema.json, the schema of another kind of file: a version file's is "
            "'# yaml-language-server: $schema=../schema/version.schema.json'",
        ),
    ],
    ids=["copied-from-a-fixture", "reaching-data-from-elsewhere", "trailing-space", "other-kind"],
)
def test_the_editor_line_is_the_archives_own_form(tmp_path: Path, line: str, expected: str) -> None:
    """A file copied into data/ from a test fixture kept a longer path to the schema, which leads nowhere from data/
    (its editor would check nothing): validate says so at 1:1, in the one form the archive's test holds data/ to."""
    data = make_data(tmp_path)
    path = data / SLUG / "2024-01-10.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(VERSION_LINE, f"# yaml-language-server: {line}\n", 1), encoding="utf-8"
    )
    assert _errors(data) == [f"data/{SLUG}/2024-01-10.yaml:1:1: {expected}"]


WITHOUT_THE_LINE = {
    "2024-01-10.yaml": "the first line is to be the editor line '# yaml-language-server: $schema=../schema/version.schema.json' "
    "(it lets editors check the file against the schema)",
    "organisation.yaml": "the first line is to be the editor line "
    "'# yaml-language-server: $schema=../schema/organisation.schema.json' (it lets editors check the file against the schema)",
}


def _without_the_line(text: str, first: str) -> str:
    """The file's text without its editor line: its own first comment first, or its first key (every comment gone)."""
    text = text.removeprefix(VERSION_LINE).removeprefix(ORGANISATION_LINE)
    return text if first == "comment" else "".join(line for line in text.splitlines(True) if not line.startswith("#"))


@pytest.mark.parametrize("first", ["comment", "key"])
@pytest.mark.parametrize("name", ["2024-01-10.yaml", "organisation.yaml"], ids=["version", "organisation"])
def test_a_data_file_without_its_editor_line_is_refused_at_its_first_line(tmp_path: Path, name: str, first: str) -> None:
    """The archive's test of data/ holds every file to its editor line: validate refuses a file without it, at 1:1,
    and says what the line of that kind of file reads, rather than leave it to the test run of the pull request."""
    data = make_data(tmp_path)
    path = data / SLUG / name
    path.write_text(_without_the_line(path.read_text(encoding="utf-8"), first), encoding="utf-8")
    assert _errors(data) == [f"data/{SLUG}/{name}:1:1: {WITHOUT_THE_LINE[name]}"]


@pytest.mark.parametrize("form", ["lf", "crlf", "byte-order-mark"])
def test_a_data_file_that_begins_with_its_editor_line_passes(tmp_path: Path, form: str) -> None:
    """The line is what passes a file: each passes with it, in any line ends and after a byte-order mark (an editor's,
    which read_yaml reads past), and the same file without it does not."""
    data = make_data(tmp_path)
    line_end = "\r\n" if form == "crlf" else "\n"
    start = b"\xef\xbb\xbf" if form == "byte-order-mark" else b""
    for name, line in (("organisation.yaml", ORGANISATION_LINE), ("2024-01-10.yaml", VERSION_LINE)):
        path = data / SLUG / name
        text = path.read_text(encoding="utf-8")
        assert text.startswith(line)
        path.write_bytes(start + text.replace("\n", line_end).encode("utf-8"))
    assert _errors(data) == []
    version = data / SLUG / "2024-01-10.yaml"
    version.write_bytes(version.read_bytes().replace(VERSION_LINE.replace("\n", line_end).encode(), b"", 1))
    assert _errors(data) == [f"data/{SLUG}/2024-01-10.yaml:1:1: {WITHOUT_THE_LINE['2024-01-10.yaml']}"]


@pytest.mark.parametrize(
    ("edit", "where"),
    [
        (("name: Esimerkki Oy", "name: Esimerkki Oy  # yaml-language-server: $schema=https://huijaus.example/s.json"), "3:21"),
        (("business_id:", "# $schema: https://huijaus.example/s.json\nbusiness_id:"), "4:1"),
        (("business_id:", "# yaml-language-server: $schema=../schema/organisation.schema.json\nbusiness_id:"), "4:1"),
        (("business_id:", "  #   $SCHEMA = https://huijaus.example/s.json\nbusiness_id:"), "4:3"),
    ],
    ids=["trailing-modeline", "jetbrains", "second-modeline", "indented-upper-case"],
)
def test_no_comment_but_the_editor_line_names_a_schema(tmp_path: Path, edit: tuple[str, str], where: str) -> None:
    _assert_comment_refused(tmp_path, edit, where)


@pytest.mark.parametrize(
    ("edit", "where"),
    [
        (
            (
                ORGANISATION_LINE + "# The valid organisation the invalid fixtures are made from.\nname: Esimerkki Oy",
                "name: Esimerkki Oy  # yaml-language-server: $schema=https://huijaus.example/s.json",
            ),
            "1:21",
        ),
        (
            (
                ORGANISATION_LINE + "# The valid organisation the invalid fixtures are made from.\nname: Esimerkki Oy",
                "name: Esimerkki Oy  # $schema: https://huijaus.example/s.json",
            ),
            "1:21",
        ),
    ],
    ids=["modeline", "jetbrains"],
)
def test_a_first_line_that_is_no_editor_line_names_no_schema_at_its_end(
    tmp_path: Path, edit: tuple[str, str], where: str
) -> None:
    """A file without the editor line: a schema named at its first line's end is refused as anywhere else."""
    _assert_comment_refused(tmp_path, edit, where)


def _assert_comment_refused(tmp_path: Path, edit: tuple[str, str], where: str) -> None:
    """Editors act on a schema a comment names (yaml-language-server's modeline, JetBrains' '# $schema:'), wherever
    it stands: only the first line may name one, and only the archive's own."""
    data = make_data(tmp_path)
    path = data / SLUG / "organisation.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(*edit, 1), encoding="utf-8")
    assert _errors(data) == [
        f"data/{SLUG}/organisation.yaml:{where}: a comment may not name a schema ($schema): only the file's first line "
        "does, as the editor line '# yaml-language-server: $schema=../schema/organisation.schema.json'"
    ]


def test_a_hash_inside_a_text_is_text_not_a_comment(tmp_path: Path) -> None:
    """A quoted or block text may say anything, '# $schema' too: it is the notice's, and the rules for texts hold."""
    body = "Esimerkki Oy # $schema=https://huijaus.example/s.json"
    version = (FIXTURES / "invalid/version/_base.yaml").read_text(encoding="utf-8")
    version = version.replace("      fi: Esimerkki Oy\n", f"      fi: |-\n        {body}\n            # $schema: x\n", 1)
    version = version.replace("      en: Esimerkki Oy\n", f"      en: '{body} # $schema: x'\n", 1)
    data = make_data(tmp_path, version=version)
    assert _errors(data) == []


def test_changed_comments_every_correction_and_the_source_are_in_the_report(
    repo: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = version_file(repo, V2)
    text = path.read_text(encoding="utf-8").replace("en: We keep the data for five years.", "en: We keep data for five years.")
    two = (
        CORRECTION.replace("title:\n", "") + '  - date: "2024-07-02"\n    reason:\n      fi: Toinen.\n      en: Second.\ntitle:\n'
    )
    text = text.replace("title:\n", two, 1).replace("path: tietosuoja.md", "path: tietosuoja/index.md")
    text = text.replace("title:\n", "title:  # otsikko\n", 1)
    editor_line, rest = text.split("\n", 1)
    path.write_text(f"{editor_line}\n# Muokkaa vapaasti\n{rest}", encoding="utf-8")
    assert main(["check", "--base", "main"]) == 0
    capsys.readouterr()
    assert main(["changes", "--base", "main"]) == 0
    report = capsys.readouterr().out
    assert f"- ` data/{SLUG}/{V2}.yaml `\n  - added: ` # Muokkaa vapaasti `\n  - added: ` # otsikko `" in report
    assert "- Correction of 2024-07-01: Muotoilu korjattiin. / The formatting was fixed." in report
    assert "- Correction of 2024-07-02: Toinen. / Second." in report
    assert "| path | tietosuoja.md | tietosuoja/index.md |" in report


def test_a_new_organisations_text_can_be_reviewed_from_the_report(
    repo: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    make_data(repo, slug="uusi")
    assert main(["check", "--base", "main"]) == 0
    capsys.readouterr()
    assert main(["changes", "--base", "main"]) == 0
    report = capsys.readouterr().out
    assert "New organisation, 1 version; latest version 2024-01-10" in report
    assert report.count(" (uusi)\n") == 1  # the organisation is named once, its details and its first version under it
    assert "| address.city | Helsinki |" in report
    first = report.index("New version **2024-01-10**.")
    assert "- **Rekisterinpitäjä** (Lisätty osio)\n  - <ins>Esimerkki Oy</ins>" in report[first:]  # in full
    assert "| capture | captures/2024-01-10.txt |" in report[first:]
    assert "- ` data/uusi/organisation.yaml `\n  - added: ` # The valid organisation" in report


def test_a_web_pages_links_are_kept_with_the_capture_of_its_link_list(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    capture = data / SLUG / "captures" / "2024-01-10.txt"
    lines = capture.read_text(encoding="utf-8").splitlines()
    references = ["", "References", "", "   1. https://esimerkki.fi/yhteys"]
    capture.write_text("\n".join(lines + references) + "\n", encoding="utf-8")
    first = len(lines) + 2
    _edit(
        data,
        "capture: captures/2024-01-10.txt\n",
        f'capture: captures/2024-01-10.txt\n  capture_noise:\n    - {{lines: "{first}-{first + 2}"}}\n',
    )
    for lang in ("fi", "en"):
        _edit(data, f"{lang}: Esimerkki Oy\n", f"{lang}: '[Esimerkki Oy](https://esimerkki.fi/yhteys)'\n")
    assert _errors(data) == []


def test_readers_see_the_declared_updates_on_the_history_page(tmp_path: Path) -> None:
    data = make_data(tmp_path)
    path = data / SLUG / "organisation.yaml"
    path.write_text(path.read_text(encoding="utf-8") + UPDATE)
    archive = load_archive(data, root=data.parent)
    for lang, heading, reason in (
        ("fi", "Muutokset organisaation tietoihin", "Yhtiö vaihtoi nimeään."),
        ("en", "Changes to the organisation's details", "The company changed its name."),
    ):
        pages = dict(render_lite_pages(archive, lang, RENDERER))
        history = BeautifulSoup(pages[f"{'en/' if lang == 'en' else ''}{SLUG}/history/index.html"], "html.parser")
        assert history.find("h2", string=heading) is not None
        (item,) = history.select(".sl-updates li")
        assert item.select_one("time")["datetime"] == "2024-08-01" and item.get_text().endswith(": " + reason)


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("mailto:?to=huijaus@example.com", "a mail link is mailto: and one address, without '?' headers"),
        ("mailto:esimerkki@example.fi?bcc=kopio@huijaus.example", "a mail link is mailto: and one address"),
        ("https://esimerkki.f", "an address the capture does not show"),  # a prefix of the address shown
        ("https://esimerkki.fi/yhteys/x", "an address the capture does not show"),
    ],
    ids=["no-address", "bcc", "prefix", "longer"],
)
def test_a_link_leads_exactly_where_the_capture_shows(tmp_path: Path, target: str, problem: str) -> None:
    data = make_data(tmp_path)
    capture = data / SLUG / "captures" / "2024-01-10.txt"
    shown = "esimerkki@example.fi https://esimerkki.fi/yhteys."
    capture.write_text(capture.read_text(encoding="utf-8").replace("Esimerkki Oy", f"Esimerkki Oy {shown}"))
    _edit(data, "fi: Esimerkki Oy\n", f"fi: 'Esimerkki Oy [esimerkki@example.fi]({target}) https://esimerkki.fi/yhteys.'\n")
    _edit(data, "en: Esimerkki Oy\n", "en: 'Esimerkki Oy esimerkki@example.fi https://esimerkki.fi/yhteys.'\n")
    errors = _errors(data)
    assert any(f"body.fi: links to {target!r}" in e and problem in e for e in errors), errors


def test_a_link_carries_no_hidden_title() -> None:
    from seloste.markup.render import markdown_html

    html = markdown_html('[info@esimerkki.fi](mailto:info@esimerkki.fi "Lähetä pyynnöt muualle")')
    assert "title" not in html and "muualle" not in html


def test_a_corrected_versions_own_details_are_in_the_report(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    path = version_file(repo, V2)
    text = path.read_text(encoding="utf-8").replace("title:\n", CORRECTION, 1).replace("kind: substantive", "kind: editorial")
    text = text.replace("en: The retention period was shortened to five years.", "en: Only spelling was corrected.")
    path.write_text(text.replace('recorded_date: "2024-06-02"', 'stated_date: "2024-05-01"\nrecorded_date: "2024-06-02"'))
    assert main(["check", "--base", "main"]) == 0
    capsys.readouterr()
    assert main(["changes", "--base", "main"]) == 0
    report = capsys.readouterr().out
    assert "| The version's details (changed) | Before | After |" in report
    assert "| stated\\_date |  | 2024-05-01 |" in report
    assert "| change.kind | substantive | editorial |" in report
    assert "| change.summary.en | The retention period was shortened to five years. | Only spelling was corrected. |" in report
