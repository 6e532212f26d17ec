"""`seloste check --base` on a repository whose base holds the checking code: the organisations changed since the
base are checked in full, and those whose files are as at the base are taken as the base's checks left them, read
only for the rules across organisations, when the code and the libraries that check them are the base's."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

import pytest

import seloste
from datadir import business_id_for, copy_valid
from seloste.contribute.cli import main

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(seloste.__file__).resolve().parent
OTHER = "toinen"
"""The organisation left as it is at the base: its published capture has a sentence its text does not, which only a
check of its own finds."""
EXTRA = "Tämä lause on vain tallenteessa."


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose main branch holds this checking code, the libraries' pins and two organisations, one of
    them with a flaw its own checks would find; the branch 'change' is checked out."""
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "test@example.invalid")
    git(tmp_path, "config", "user.name", "Test")
    shutil.copytree(PACKAGE, tmp_path / "hooks" / "seloste", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "requirements").mkdir()
    shutil.copy(ROOT / "requirements" / "site.txt", tmp_path / "requirements" / "site.txt")
    copy_valid(tmp_path)
    copy_valid(tmp_path, OTHER)
    capture = tmp_path / "data" / OTHER / "captures" / "2024-01-10.txt"
    capture.write_text(capture.read_text(encoding="utf-8") + f"\n{EXTRA}\n", encoding="utf-8")
    commit(tmp_path, "publish")
    git(tmp_path, "switch", "-q", "-c", "change")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@contextmanager
def on_main(repo: Path, message: str) -> Iterator[None]:
    """What the block writes is committed on main, and main merged into the branch 'change'."""
    git(repo, "switch", "-q", "main")
    yield
    commit(repo, message)
    git(repo, "switch", "-q", "change")
    git(repo, "merge", "-q", "main")


def pinned_otherwise(repo: Path, library: str) -> None:
    """requirements/site.txt pins ``library`` at a version this environment does not have (0.1+ its own)."""
    pins = repo / "requirements" / "site.txt"
    pins.write_text(pins.read_text(encoding="utf-8").replace(f"\n{library}==", f"\n{library}==0.1+"), encoding="utf-8")


def touch_the_example(repo: Path) -> None:
    """Change the example organisation's files, not what it publishes."""
    version = repo / "data" / "esimerkki" / "2024-06-01.yaml"
    version.write_text(version.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")


def check(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    code = main(["check", "--base", "main", "--jobs", "1", "--no-cache", *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_an_organisation_as_at_the_base_is_taken_as_the_base_left_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    touch_the_example(repo)
    code, out, err = check(capsys)
    assert (code, err) == (0, "")
    assert out == (
        "data: valid, and the change against main keeps the archive's rules\n"
        "(1 organisation changed, checked in full; 1 organisation as at main, file for file, taken as the checks of "
        "main left them, read only for the rules across organisations: 'seloste validate' checks every one)\n"
    )
    # what a check of its own finds in it: validate, and check --full, check every organisation
    code, out, err = check(capsys, "--full")
    assert code == 1 and EXTRA in err and "data/toinen/captures/2024-01-10.txt" in err
    assert main(["validate", "--no-cache"]) == 1 and EXTRA in capsys.readouterr().err


def test_the_schema_folder_is_no_organisation_in_the_count(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """data/schema holds the editors' schemas, not an organisation: the check counts the organisations only."""
    with on_main(repo, "schemas"):
        (repo / "data" / "schema").mkdir()
        (repo / "data" / "schema" / "version.schema.json").write_text("{}\n", encoding="utf-8")
    touch_the_example(repo)
    code, out, _err = check(capsys)
    assert code == 0 and "(1 organisation changed, checked in full; 1 organisation as at main," in out


def test_the_changed_organisation_is_checked_in_full(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    version = repo / "data" / "esimerkki" / "2024-06-01.yaml"
    version.write_text(version.read_text(encoding="utf-8") + "unexpected: 1\n", encoding="utf-8")
    code, out, err = check(capsys)
    assert code == 1 and out == ""
    assert "data/esimerkki/2024-06-01.yaml:" in err and "unexpected" in err
    assert "toinen" not in err


def test_the_rules_across_organisations_hold_against_one_as_at_the_base(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = copy_valid(repo, "kolmas")
    organisation = data / "kolmas" / "organisation.yaml"
    organisation.write_text(
        organisation.read_text(encoding="utf-8").replace(business_id_for("kolmas"), business_id_for(OTHER)),
        encoding="utf-8",
    )
    code, _out, err = check(capsys)
    assert code == 1
    # the folders' order decides which of the two is told: the one as at the base is read where its value is written
    assert err == (
        f"data/toinen/organisation.yaml:3:14: business_id: {business_id_for(OTHER)} is already the business ID of "
        "'kolmas'; an organisation has one folder, with all its notices' versions\n1 error in the data\n"
    )


def test_other_checking_code_than_the_bases_checks_every_organisation(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with on_main(repo, "the rules change"):
        init = repo / "hooks" / "seloste" / "__init__.py"
        init.write_text(init.read_text(encoding="utf-8") + "# another rule\n", encoding="utf-8")
    touch_the_example(repo)
    code, _out, err = check(capsys)
    assert code == 1 and EXTRA in err


def test_the_checking_code_is_compared_file_for_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with on_main(repo, "a module more"):
        (repo / "hooks" / "seloste" / "rules.py").write_text("# a module this code does not have\n", encoding="utf-8")
    touch_the_example(repo)
    code, _out, err = check(capsys)
    assert code == 1 and EXTRA in err


def test_the_organisations_are_checked_in_full_where_the_base_pins_another_library(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with on_main(repo, "another renderer"):
        pinned_otherwise(repo, "cmarkgfm")
    touch_the_example(repo)
    code, _out, err = check(capsys)
    assert code == 1 and EXTRA in err


def test_the_message_says_why_every_organisation_was_checked(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capture = repo / "data" / OTHER / "captures" / "2024-01-10.txt"
    with on_main(repo, "the flaw mended, another sanitiser"):
        capture.write_text(capture.read_text(encoding="utf-8").replace(f"\n{EXTRA}\n", ""), encoding="utf-8")
        pinned_otherwise(repo, "nh3")
    touch_the_example(repo)
    code, out, _err = check(capsys)
    assert code == 0
    installed = metadata.version("nh3")
    assert out.splitlines()[1] == (
        f"(1 organisation changed; every organisation checked in full, as nh3 {installed} is installed here, and "
        f"requirements/site.txt at main pins 0.1+{installed})"
    )
    assert main(["check", "--base", "main", "--full"]) == 0
    assert (
        capsys.readouterr().out.splitlines()[1]
        == "(1 organisation changed; every organisation checked in full, as asked (--full))"
    )


def test_a_folder_added_to_an_organisation_as_at_the_base_is_a_change(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "data" / OTHER / "notes").mkdir()  # git keeps no empty folder: a submodule's checkout leaves one
    code, _out, err = check(capsys)
    assert code == 1
    assert "data/toinen/notes" in err and EXTRA in err
