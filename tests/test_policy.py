"""The pull-request rules, on temporary git repositories: a base branch and a change on top."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from datadir import FIXTURES, SLUG, capture_for, copy_valid, make_data
from seloste.compare import report
from seloste.contribute.cli import main
from seloste.limits import MAX_REPORT_BYTES

V1, V2 = "2024-01-10", "2024-06-01"
BASE = (FIXTURES / "invalid/version/_base.yaml").read_text(encoding="utf-8")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose main branch publishes the valid fixture organisation (two versions)."""
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "test@example.invalid")
    git(tmp_path, "config", "user.name", "Test")
    copy_valid(tmp_path)
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "publish")
    git(tmp_path, "switch", "-q", "-c", "change")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def version_file(repo: Path, version: str = V2) -> Path:
    return repo / "data" / SLUG / f"{version}.yaml"


def check(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """`seloste check --base main`'s exit code and what it printed, but for its last line when it passes (what it says
    of the organisations as at the base: test_check_base.py)."""
    code = main(["check", "--base", "main"])
    captured = capsys.readouterr()
    if code == 0:
        said, _, last = captured.out.rstrip("\n").rpartition("\n")
        assert last.startswith("(") and "organisation" in last, captured.out
        return code, said + "\n"
    return code, captured.err or captured.out


def add_version(repo: Path, date: str, edit: dict[str, str], *, capture: bool = True) -> Path:
    text = version_file(repo).read_text(encoding="utf-8")
    for old, new in edit.items():
        assert old in text
        text = text.replace(old, new)
    path = version_file(repo, date)
    path.write_text(with_capture(repo, path, text) if capture else text, encoding="utf-8")
    return path


def with_capture(repo: Path, path: Path, text: str) -> str:
    """The version's text naming its capture, which is written beside it (a new version comes with one)."""
    name = f"captures/{path.stem}.txt"
    (path.parent / name).write_text(capture_for(text), encoding="utf-8")
    return text.replace("\nsource:\n", f"\nsource:\n  capture: {name}\n", 1)


FI_BODY = 'fi: "Säilytämme tietoja viisi vuotta. Käytämme Google Analyticsia.'
EN_BODY = 'en: "We keep the data for five years. We use Google Analytics.'
NEW_VERSION = {
    'recorded_date: "2024-06-02"': 'recorded_date: "2024-09-02"',
    FI_BODY: FI_BODY.replace("viisi", "kolme"),
    EN_BODY: EN_BODY.replace("five", "three"),
    "fi: Säilytysaika lyheni viiteen vuoteen.": "fi: Säilytysaika lyheni kolmeen vuoteen.",
    "en: The retention period was shortened to five years.": "en: The retention period was shortened to three years.",
}


# --- allowed --------------------------------------------------------------------------------


def test_a_new_version_with_both_languages_passes_and_is_reported(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_version(repo, "2024-09-01", NEW_VERSION)
    assert check(capsys) == (0, "data: valid, and the change against main keeps the archive's rules\n")
    assert main(["changes", "--base", "main"]) == 0
    report = capsys.readouterr().out
    assert "New version **2024-09-01** (compared with 2024-06-01)." in report
    assert "Säilytämme tietoja <del>viisi</del><ins>kolme</ins> vuotta" in report
    assert "We keep the data for <del>five</del><ins>three</ins> years" in report
    assert "- Summary (en): The retention period was shortened to three years." in report


def test_an_unchanged_branch_reports_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(capsys)[0] == 0
    assert main(["changes", "--base", "main"]) == 0
    assert "No published notice changes." in capsys.readouterr().out


def test_a_declared_correction_may_change_a_published_version(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = version_file(repo)
    text = path.read_text(encoding="utf-8")
    assert 'en: "We keep the data for five years.' in text
    text = text.replace('en: "We keep the data for five years.', 'en: "We keep data for five years.')
    text = text.replace(
        "title:\n",
        'corrections:\n  - date: "2024-07-01"\n    reason:\n      fi: Käännösvirhe korjattiin.\n'
        "      en: A translation error was fixed.\ntitle:\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    assert check(capsys)[0] == 0
    assert main(["changes", "--base", "main"]) == 0
    report = capsys.readouterr().out
    assert "Correction to published version **2024-06-01** (compared with it as published)." in report
    assert "- Correction of 2024-07-01: Käännösvirhe korjattiin. / A translation error was fixed." in report


def test_a_new_organisation_passes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_data(repo, slug="uusi")
    assert check(capsys)[0] == 0
    assert main(["changes", "--base", "main"]) == 0
    report = capsys.readouterr().out
    assert "## Uusi Oy (uusi)\n\nNew organisation, 1 version;" in report
    # its only fact is the controller: the reviewer reads what its pages will call not stated by the notice
    (unstated,) = [line for line in report.splitlines() if line.startswith("- Facts it records none of")]
    assert "(check that it states none of them): Sensitive data (` sensitive_data `), " in unstated, unstated
    assert "Purposes (` purposes `)" in unstated and "controller" not in unstated.casefold(), unstated
    assert "Data protection officer (` dpo `)" in unstated  # neither a DPO nor that it has none
    # a first version's facts: no column for an older version it does not have
    assert "| Changed facts | | Newer version |\n|---|---|---|\n| Controller | added | " in report, report


def test_a_report_past_githubs_limit_is_cut_the_correction_first_and_says_what_was_left_out(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = version_file(repo)
    text = path.read_text(encoding="utf-8")
    assert 'en: "We keep the data for five years.' in text
    text = text.replace('en: "We keep the data for five years.', 'en: "We keep data for five years.')
    text = text.replace(
        "title:\n",
        'corrections:\n  - date: "2024-07-01"\n    reason:\n      fi: Käännösvirhe korjattiin.\n'
        "      en: A translation error was fixed.\ntitle:\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    long = " ".join(f"Lause numero {i} kertoo tietojen käsittelystä." for i in range(4_000))  # 200 kB a language
    big = BASE.replace(
        "      fi: Esimerkki Oy\n      en: Esimerkki Oy", f'      fi: "Esimerkki Oy. {long}"\n      en: "Esimerkki Oy. {long}"'
    )
    for slug in ("aaa-yksi", "aaa-kaksi", "aaa-kolme"):  # new organisations, before the correction in the folder order
        make_data(repo, slug=slug, version=big.replace("Esimerkki Oy", f"{slug.capitalize()} Oy"))
    assert main(["changes", "--base", "main"]) == 0
    report = capsys.readouterr().out
    assert len(report.encode()) <= MAX_REPORT_BYTES
    assert report.startswith("# Changes to the published notices (against main)\n")
    assert "Correction to published version **2024-06-01**" in report
    assert report.rstrip().endswith("To see all of it, run ` seloste changes --base main ` in a checkout of this change.")
    assert "**This report is cut at 921,600 bytes** (GitHub shows at most 1 MiB of a job's summary)" in report
    assert "; aaa-" in report and " is cut short." in report  # the new organisations' texts: as much as fits


def test_a_cut_report_names_what_it_left_out(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report, "MAX_REPORT_BYTES", 14_500)
    for slug in ("uusi-yksi", "uusi-kaksi", "uusi-kolme"):
        make_data(repo, slug=slug)
    assert main(["changes", "--base", "main"]) == 0
    cut = capsys.readouterr().out
    assert len(cut.encode()) <= 14_500
    assert "the changes to published notices come first, and 1 of 6 changes is left out.\n\n" in cut
    left = re.search(r"Left out: (uusi-[a-z]+) \(new organisation 2024-01-10\)\.\n\nTo see all of it, run ` seloste changes", cut)
    assert left and cut.count("New organisation, 1 version;") == 2  # the one it names is the one not shown


def test_a_pending_translation_may_leave_the_english_as_it_was(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit = {key: value for key, value in NEW_VERSION.items() if key != EN_BODY}
    edit["title:\n"] = "translation: pending\ntitle:\n"
    add_version(repo, "2024-09-01", edit)
    assert check(capsys)[0] == 0


def test_a_repository_without_data_on_the_base_treats_everything_as_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "test@example.invalid")
    git(tmp_path, "config", "user.name", "Test")
    (tmp_path / "README.md").write_text("x")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "empty")
    copy_valid(tmp_path)
    second = version_file(tmp_path)
    second.write_text(with_capture(tmp_path, second, second.read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert check(capsys)[0] == 0


# --- refused -------------------------------------------------------------------------------


def test_editing_a_published_version_needs_a_declared_correction(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = version_file(repo)
    text = path.read_text(encoding="utf-8").replace("viisi vuotta.", "kuusi vuotta.").replace("five years.", "six years.")
    path.write_text(text, encoding="utf-8")
    assert check(capsys) == (
        1,
        "data/esimerkki/2024-06-01.yaml:15:9: change.summary.en: this version is published and was changed; declare the "
        "change: add an entry to 'corrections' with its date and the reason in fi and en\n1 error in the data\n",
    )  # where it was first changed: "five years" in the change's summary, then in a section


def test_a_published_capture_never_changes_even_with_a_correction(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capture = repo / "data" / SLUG / "captures" / f"{V1}.txt"
    published = capture.read_text(encoding="utf-8")
    line = published[: published.index("viisi vuotta.")].count("\n") + 1  # where it changed
    capture.write_text(published.replace("viisi vuotta.", "kuusi vuotta."), encoding="utf-8")
    path = version_file(repo, V1)
    text = path.read_text(encoding="utf-8").replace("viisi vuotta.", "kuusi vuotta.").replace("five years.", "six years.")
    text = text.replace(
        "title:\n",
        'corrections:\n  - date: "2024-07-01"\n    reason:\n      fi: Korjattu.\n      en: Corrected.\ntitle:\n',
        1,
    )
    path.write_text(text, encoding="utf-8")
    assert main(["validate"]) == 0
    capsys.readouterr()
    assert check(capsys) == (
        1,
        f"data/esimerkki/captures/{V1}.txt:{line}:1: the capture of a published version was changed; a capture is the "
        "original as it was captured and is kept as it is (a correction fixes our transcription, never the capture)\n"
        "1 error in the data\n",
    )


def test_a_published_version_is_never_deleted(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    version_file(repo, V2).unlink()
    assert check(capsys) == (
        1,
        "data/esimerkki/2024-06-01.yaml:1:1: this published version was deleted; published versions are never deleted "
        "(to fix its text, edit it and declare a correction)\n1 error in the data\n",
    )


def test_a_published_organisation_is_never_removed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(repo / "data" / SLUG)
    make_data(repo, slug="toinen")
    assert check(capsys) == (
        1,
        "data/esimerkki:1:1: organisation 'esimerkki' is published and cannot be removed\n1 error in the data\n",
    )


def test_a_new_version_must_come_after_the_published_ones(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_version(repo, "2024-03-01", {**NEW_VERSION, 'recorded_date: "2024-06-02"': 'recorded_date: "2024-03-02"'})
    code, output = check(capsys)
    assert code == 1
    assert (
        "data/esimerkki/2024-03-01.yaml:1:1: a new version must be dated after the latest published version (2024-06-01)\n"
        in output
    )


def test_a_finnish_change_needs_its_english(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_version(repo, "2024-09-01", {key: value for key, value in NEW_VERSION.items() if key != EN_BODY})
    assert check(capsys) == (
        1,
        "data/esimerkki/2024-09-01.yaml:33:7: sections[1].body: the Finnish text changed but the English did not; "
        "update the translation, or declare 'translation: pending' on this version ('translation: unaffected' if this "
        "text's change is a typo fix of at most 3 words that the translation does not show)\n1 error in the data\n",
    )


def test_a_renamed_section_is_still_held_to_its_translation(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Sections pair by lineage, as the comparison pairs them: a new id on a changed text is the same section."""
    edit = {key: value for key, value in NEW_VERSION.items() if key != EN_BODY}
    add_version(repo, "2024-09-01", {**edit, "tietojen-sailytys": "sailytys"})
    assert check(capsys) == (
        1,
        "data/esimerkki/2024-09-01.yaml:33:7: sections[1].body: the Finnish text changed but the English did not; "
        "update the translation, or declare 'translation: pending' on this version ('translation: unaffected' if this "
        "text's change is a typo fix of at most 3 words that the translation does not show)\n1 error in the data\n",
    )


def test_a_correction_that_renames_a_section_is_still_held_to_its_translation(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = version_file(repo)
    text = path.read_text(encoding="utf-8").replace("viisi vuotta.", "kuusi vuotta.").replace("tietojen-sailytys", "sailytys")
    text = text.replace(
        "title:\n",
        'corrections:\n  - date: "2024-07-01"\n    reason:\n      fi: Korjattu.\n      en: Corrected.\ntitle:\n',
        1,
    )
    path.write_text(text, encoding="utf-8")
    code, output = check(capsys)
    assert code == 1
    assert "2024-06-01.yaml:37:7: sections[1].body: the correction changes the Finnish text but not the English" in output


TYPO_FIX = {
    'recorded_date: "2024-06-02"': 'recorded_date: "2024-09-02"\ntranslation: unaffected',
    FI_BODY: FI_BODY.replace("Käytämme", "Käytämmme"),  # the organisation's own typo, kept as published
    "kind: substantive": "kind: editorial",
}


def test_a_typo_fix_may_leave_the_english_as_it_is_when_declared(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_version(repo, "2024-09-01", TYPO_FIX)
    assert check(capsys) == (0, "data: valid, and the change against main keeps the archive's rules\n")


def test_unaffected_covers_a_few_words_of_a_text_only(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    longer = FI_BODY.replace("viisi vuotta", "kolme vuotta, ei enempää eikä vähempää")
    add_version(repo, "2024-09-01", {**TYPO_FIX, FI_BODY: longer})
    assert check(capsys) == (
        1,
        "data/esimerkki/2024-09-01.yaml:34:7: sections[1].body: 'translation: unaffected' keeps a text's translation as "
        "it was only where at most 3 words of its original changed; 6 words of this Finnish text changed: update the "
        "English\n1 error in the data\n",
    )


def test_unaffected_covers_the_typo_of_a_substantive_version_whose_other_changes_are_translated(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A version that changes what the notice does (its English updated) and fixes a typo elsewhere (its English rightly
    the same): 'unaffected' covers the typo, whatever the version's kind; the translated change needs no declaration."""
    edit = {**NEW_VERSION, 'recorded_date: "2024-06-02"': 'recorded_date: "2024-09-02"\ntranslation: unaffected'}
    edit["fi: 2. Tietojen säilytys"] = "fi: 2. Tietojen säilytyss"  # the organisation's own typo, in a heading
    add_version(repo, "2024-09-01", edit)
    assert check(capsys) == (0, "data: valid, and the change against main keeps the archive's rules\n")


KIRJASTO = FIXTURES / "typo-and-date" / "kirjasto"


@pytest.fixture
def dated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tests/fixtures/typo-and-date: the first version published on main, the second (a new stated date and a typo
    fixed in the title) on a branch."""
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "test@example.invalid")
    git(tmp_path, "config", "user.name", "Test")
    folder = tmp_path / "data" / "kirjasto"
    shutil.copytree(KIRJASTO, folder)
    second = {folder / "2024-03-27.yaml": tmp_path / "version", folder / "captures" / "2024-03-27.txt": tmp_path / "capture"}
    for path, aside in second.items():
        path.rename(aside)
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "publish")
    git(tmp_path, "switch", "-q", "-c", "change")
    for path, aside in second.items():
        aside.rename(path)
    monkeypatch.chdir(tmp_path)
    return folder


def test_a_new_stated_date_and_a_typo_fixed_in_the_title_pass_as_unaffected_and_the_report_shows_the_title(
    dated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(capsys) == (0, "data: valid, and the change against main keeps the archive's rules\n")
    assert main(["report", "kirjasto"]) == 0
    out = capsys.readouterr().out
    assert "- **Otsikko**: <del>Tietosuoja-seloste</del><ins>Tietosuojaseloste</ins>" in out, out
    assert out.count("- **Title**:") == 0  # the English title did not change: nothing to list there
    kept = "- Declared `translation: unaffected`: the translation kept as it was where the original changed by a typo-sized fix: "
    # the title only: the dated section's English was updated
    assert kept + "title (the original changed by 1 word; its en translation kept)\n" in out
    assert main(["changes", "--base", "main"]) == 0
    assert kept + "title (the original changed by 1 word; its en translation kept)\n" in capsys.readouterr().out
    # a section's text named with its id too (a trial's maintainer read "sections[8].body" alone)
    path, capture = dated / "2024-03-27.yaml", dated / "captures" / "2024-03-27.txt"
    before = path.read_text(encoding="utf-8"), capture.read_text(encoding="utf-8")
    assert "viisi vuotta" in before[0] and "viisi vuotta" in before[1]
    path.write_text(before[0].replace("viisi vuotta", "5 vuotta"), encoding="utf-8")
    capture.write_text(before[1].replace("viisi vuotta", "5 vuotta"), encoding="utf-8")
    assert main(["report", "kirjasto"]) == 0
    assert "sections\\[2\\].body (sailytys) (the original changed by 1 word; its en translation kept)" in capsys.readouterr().out
    path.write_text(before[0], encoding="utf-8")
    capture.write_text(before[1], encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("translation: unaffected", ""), encoding="utf-8")
    code, out = check(capsys)
    assert code == 1 and out.endswith(
        "2024-03-27.yaml:14:3: title: the Finnish text changed but the English did not; update the translation, or "
        "declare 'translation: pending' on this version ('translation: unaffected' if this text's change is a typo fix "
        "of at most 3 words that the translation does not show)\n1 error in the data\n"
    ), out


def test_a_paragraph_left_untranslated_is_found(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit = dict(NEW_VERSION)
    edit[FI_BODY] = FI_BODY.replace("Säilytämme tietoja viisi", "Siirrämme tietoja Yhdysvaltoihin.\\n\\nSäilytämme tietoja kolme")
    add_version(repo, "2024-09-01", edit)
    code, out = check(capsys)
    assert code == 1
    assert out.endswith(
        ": sections[1].body.en: the English has 1 paragraph, the Finnish 2 paragraphs; translate each paragraph and list "
        "item as one of its own, in the same order (or declare 'translation: pending' on this version)\n1 error in the data\n"
    )
    assert out.startswith("data/esimerkki/2024-09-01.yaml:")


def test_a_new_version_comes_with_its_capture(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_version(repo, "2024-09-01", NEW_VERSION, capture=False)
    assert check(capsys) == (
        1,
        "data/esimerkki/2024-09-01.yaml:5:3: source: a new version needs its original capture: save the notice "
        "as published in captures/2024-09-01.txt and name it here (capture: captures/2024-09-01.txt)\n"
        "1 error in the data\n",
    )


def test_published_corrections_are_kept(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = version_file(repo)
    correction = 'corrections:\n  - date: "2024-07-01"\n    reason:\n      fi: Korjaus.\n      en: A fix.\ntitle:\n'
    path.write_text(path.read_text(encoding="utf-8").replace("title:\n", correction, 1), encoding="utf-8")
    git(repo, "commit", "-qam", "a correction")
    git(repo, "branch", "-f", "main", "HEAD")
    path.write_text(path.read_text(encoding="utf-8").replace(correction, "title:\n"), encoding="utf-8")
    code, output = check(capsys)
    assert code == 1 and output.startswith("data/esimerkki/2024-06-01.yaml:1:1: corrections: published corrections are kept")


def test_a_new_correction_is_dated_no_earlier_than_what_is_published(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The base's latest date for the organisation (here 2024-06-02, when its latest version was recorded) is a day
    the correction cannot have been made before: a correction dated earlier hides when the text changed."""
    path = version_file(repo, V1)
    text = path.read_text(encoding="utf-8").replace("for five years.", "for 5 years.")  # our translation, corrected
    correction = 'corrections:\n  - date: "{date}"\n    reason:\n      fi: Korjattu.\n      en: Corrected.\ntitle:\n'
    path.write_text(text.replace("title:\n", correction.format(date="2024-03-01"), 1), encoding="utf-8")
    assert main(["validate"]) == 0  # after its version was recorded: valid in itself
    capsys.readouterr()
    code, output = check(capsys)
    assert code == 1
    assert output.startswith(
        f"data/esimerkki/{V1}.yaml:10:11: corrections[0].date: 2024-03-01 is before 2024-06-02, the latest date the "
        "published archive already gives this organisation; a new correction is dated the day it was made"
    )
    path.write_text(text.replace("title:\n", correction.format(date="2024-06-02"), 1), encoding="utf-8")
    assert check(capsys)[0] == 0


def test_invalid_data_is_reported_before_the_rules(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = version_file(repo)
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    code, output = check(capsys)
    assert code == 1 and "titel: unknown key 'titel'; did you mean 'title'?" in output


def test_an_unknown_base_revision_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--base", "no-such-branch"]) == 2
    assert capsys.readouterr().err == "seloste check: unknown git revision 'no-such-branch'\n"
    assert main(["check", "--base", "origin/main"]) == 2  # as the docs give it, in a clone without 'origin'
    assert "give the branch, such as 'main'" in capsys.readouterr().err


def test_a_base_that_git_cannot_archive_is_a_usage_error_not_a_traceback(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from seloste.contribute import gitbase

    real_run = subprocess.run

    def run(command: list[str], *args: object, **kwargs: object) -> subprocess.CompletedProcess:
        if command[:3] == ["git", "ls-tree", "-r"]:  # as when the object store is damaged or a path is unreadable
            return subprocess.CompletedProcess(command, 128, b"", b"fatal: not a tree object")
        return real_run(command, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(gitbase.subprocess, "run", run)
    assert main(["check", "--base", "main"]) == 2
    assert capsys.readouterr().err == ("seloste check: git could not list data at 'main': fatal: not a tree object\n")


def test_the_base_is_read_whole_whatever_its_attributes_say(repo: Path) -> None:
    """git archive obeys export-ignore in a committed .gitattributes: a merged attribute file could hide published
    versions from every later check. The base is read blob by blob instead, and validate refuses hidden files."""
    from seloste.contribute.gitbase import data_at

    folder = repo / "data" / SLUG
    (folder / ".gitattributes").write_text(f"{V2}.yaml export-ignore\ncaptures/* export-ignore\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "hide")
    with data_at("HEAD", repo / "data") as base:
        assert base is not None and (base / SLUG / f"{V2}.yaml").is_file()
        assert (base / SLUG / "captures" / f"{V1}.txt").is_file()
    assert main(["validate"]) == 1


def test_a_date_range_given_to_a_published_version_needs_a_declared_correction(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Saying that a published version's date is not known (changed_after) changes what its pages say: a correction
    declares it, and the report lists it among the version's details."""
    path = version_file(repo)
    text = path.read_text(encoding="utf-8")
    ranged = text.replace("\nsource:", '\nchanged_after: "2024-01-10"\nsource:', 1)
    assert ranged != text
    path.write_text(ranged, encoding="utf-8")
    assert check(capsys) == (
        1,
        "data/esimerkki/2024-06-01.yaml:4:16: changed_after: this version is published and was changed; declare the "
        "change: add an entry to 'corrections' with its date and the reason in fi and en\n1 error in the data\n",
    )
    corrected = ranged.replace(
        "title:\n",
        'corrections:\n  - date: "2024-07-01"\n    reason:\n      fi: Version päiväys ei ole tiedossa.\n'
        "      en: The version's date is not known.\ntitle:\n",
        1,
    )
    path.write_text(corrected, encoding="utf-8")
    assert check(capsys)[0] == 0
    assert main(["changes", "--base", "main"]) == 0
    report = capsys.readouterr().out
    assert "| changed\\_after |  | 2024-01-10 |" in report
    assert "The text changed after 2024-01-10 and no later than 2024-06-01 (`changed_after`)" in report


def test_a_base_whose_data_this_code_cannot_read_asks_to_update_the_branch(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Main moved on after the branch was made, its data using a key the branch's code does not know yet: the check
    says to bring the branch up to date, not that the contributor's untouched files are wrong."""
    git(repo, "switch", "-q", "main")
    organisation = repo / "data" / SLUG / "organisation.yaml"
    organisation.write_text(organisation.read_text(encoding="utf-8") + "a_later_key: x\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "main moves on")
    git(repo, "switch", "-q", "change")
    code, output = check(capsys)
    assert code == 2, output
    assert "the data at main cannot be read by this checkout's code" in output
    assert "a_later_key" in output and "git merge main" in output
    # or main's data does not validate, committed without the checks: fixed there first
    assert "If it is up to date, the data at main does not validate (a commit made without the checks): it is to be " in output


CORRECTION = (
    'corrections:\n  - date: "2024-07-01"\n    reason:\n      fi: Käännös korjattiin.\n'
    "      en: The translation was mended.\ntitle:\n"
)


def _correct(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new).replace("title:\n", CORRECTION, 1), encoding="utf-8")


def test_a_mended_translation_is_mended_in_the_later_versions_that_still_have_it(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # both versions head their second section '2. Tietojen säilytys' / '2. Retention'; only the first is mended
    _correct(version_file(repo, V1), "      en: 2. Retention\n", "      en: 2. Data retention\n")
    assert check(capsys) == (
        1,
        "data/esimerkki/2024-06-01.yaml:30:11: sections[1].heading.en: the same Finnish as version 2024-01-10, whose "
        "English a correction in this change mends, and still the text it replaced: correct it here too (a correction "
        "of this version), or the comparison shows the mend as a change of the notice\n1 error in the data\n",
    )
    _correct(version_file(repo, V2), "      en: 2. Retention\n", "      en: 2. Data retention\n")
    assert check(capsys)[0] == 0


def test_a_mended_translation_is_mended_in_a_later_version_that_gave_its_section_another_id(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A third version, published, is the second as it was but for its section's id: still the same section (its text
    reads the same, as the comparison pairs them), so still the same mend to make there."""
    git(repo, "switch", "-q", "main")
    third = version_file(repo, V2).read_text(encoding="utf-8").replace("tietojen-sailytys", "sailytys")
    version_file(repo, "2024-06-20").write_text(third.replace('"2024-06-02"', '"2024-06-21"'), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a third version, its section under another id")
    git(repo, "switch", "-q", "-C", "change")
    _correct(version_file(repo, V2), "      en: 2. Retention\n", "      en: 2. Data retention\n")
    code, output = check(capsys)
    assert code == 1 and "data/esimerkki/2024-06-20.yaml:" in output and "sections[1].heading.en: the same Finnish" in output
    _correct(version_file(repo, "2024-06-20"), "      en: 2. Retention\n", "      en: 2. Data retention\n")
    assert check(capsys)[0] == 0


def test_a_correction_that_changes_nothing_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _correct(version_file(repo), "Esimerkki Oy, 1.10", "Esimerkki Oy, 1.10")
    assert check(capsys) == (
        1,
        "data/esimerkki/2024-06-01.yaml:17:5: corrections[0]: the version is otherwise as published; a correction "
        "declares a change made to it: make it, or remove this entry\n1 error in the data\n",
    )


def test_a_corrected_transcription_is_asked_for_its_translation_as_a_correction_is(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _correct(version_file(repo), "Säilytämme tietoja viisi vuotta.", "Säilytämme tietoja kuusi vuotta.")
    code, output = check(capsys)
    assert (
        code == 1
        and (
            "sections[1].body: the correction changes the Finnish text but not the English; correct the translation too "
            "where it followed the mistake, or, where the correction fixes a typo of at most 3 words that the translation "
            "does not show, declare 'translation: unaffected' on this version"
        )
        in output
    ), output


def test_the_report_names_a_corrected_quote_of_a_fact(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = "        en: data on the customer's health under the Act on the Status and Rights of Patients\n"
    _correct(version_file(repo), old, old.replace("data on the customer's health", "data on the health of the customer"))
    edit = version_file(repo).read_text(encoding="utf-8")
    body = "We process data on the customer's health under"
    version_file(repo).write_text(edit.replace(body, "We process data on the health of the customer under"), "utf-8")
    assert check(capsys)[0] == 0
    assert main(["changes", "--base", "main"]) == 0
    report = capsys.readouterr().out
    assert "- What the facts quote, or the section they cite, changed: ` facts.sensitive_data[0].quote.en `" in report


def test_a_list_of_facts_reordered_is_no_change_of_what_they_quote() -> None:
    import dataclasses

    from seloste.archive.loader import load_archive
    from seloste.compare.facts import evidence_changes
    from sitebuild import FROZEN

    facts = max(
        (r.current.version.facts for r in load_archive(FROZEN, root=FROZEN.parent).organisations), key=lambda f: len(f.purposes)
    )
    assert len(facts.purposes) > 2
    assert evidence_changes(facts, dataclasses.replace(facts, purposes=facts.purposes[::-1])) == ()
    quoted = dataclasses.replace(facts.purposes[0], quote=dataclasses.replace(facts.purposes[0].quote, en="Another quote"))
    assert evidence_changes(facts, dataclasses.replace(facts, purposes=(quoted, *facts.purposes[1:]))) == (
        "facts.purposes[0].quote.en",
    )
