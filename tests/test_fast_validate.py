"""Validating a large archive quickly changes nothing that is found: the organisations checked in several
processes, an organisation whose files did not change not checked again, and `check --base` comparing only the
organisations a change touches."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from datadir import FIXTURES, copy_valid, make_data
from orphans import assert_workers_end_with_their_parent
from seloste.archive import decode, loader, today, validation_cache, yamlsource
from seloste.archive.errors import DataErrors, Run
from seloste.archive.loader import load_archive, validate_archive
from seloste.archive.model import Version
from seloste.contribute.cli import main
from seloste.contribute.gitbase import archive_at
from seloste.contribute.policy import check_change

SLUGS = [f"organisaatio-{name}" for name in ("yksi", "kaksi", "kolme", "nelja", "viisi", "kuusi", "seitseman")]


def archive_folder(root: Path, *, broken: bool = False) -> Path:
    """Seven valid organisations; with ``broken``, three of them with problems of their own and one sharing another's
    business ID (a rule across organisations)."""
    for slug in SLUGS:
        make_data(root, slug=slug)
    data = root / "data"
    if broken:
        bad = (FIXTURES / "invalid/version/bad-change-kind.yaml").read_text(encoding="utf-8")
        (data / SLUGS[1] / "2024-01-10.yaml").write_text(bad, encoding="utf-8")
        (data / SLUGS[4] / "2024-01-10.yaml").write_text("title: [unclosed\n", encoding="utf-8")
        (data / SLUGS[6] / "organisation.yaml").unlink()
        first = (data / SLUGS[0] / "organisation.yaml").read_text(encoding="utf-8").splitlines()
        business_id = next(line for line in first if line.startswith("business_id:"))
        org = data / SLUGS[3] / "organisation.yaml"
        lines = org.read_text(encoding="utf-8").splitlines()
        org.write_text("\n".join(business_id if line.startswith("business_id:") else line for line in lines) + "\n")
    return data


def errors(call) -> list[str]:
    with pytest.raises(DataErrors) as raised:
        call()
    return [str(error) for error in raised.value.errors]


def test_organisations_loaded_in_several_processes_give_the_same_archive(tmp_path: Path) -> None:
    data = archive_folder(tmp_path)
    one = load_archive(data, root=tmp_path, jobs=1)
    two = load_archive(data, root=tmp_path, jobs=2)
    assert [record.slug for record in two.organisations] == sorted(SLUGS)
    assert two == one


def test_several_processes_and_the_cache_find_the_same_problems_in_the_same_order(tmp_path: Path) -> None:
    data = archive_folder(tmp_path, broken=True)
    serial = errors(lambda: load_archive(data, root=tmp_path, jobs=1))
    assert any("business_id" in line and "already the business ID" in line for line in serial)
    assert any("YAML syntax error" in line for line in serial)
    assert any("missing organisation.yaml" in line for line in serial)
    assert errors(lambda: load_archive(data, root=tmp_path, jobs=2)) == serial
    cache = tmp_path / "cache"
    assert errors(lambda: validate_archive(data, root=tmp_path, jobs=2, cache=cache)) == serial  # filling the cache
    assert errors(lambda: validate_archive(data, root=tmp_path, jobs=1, cache=cache)) == serial  # read from it


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The organisations whose own checks run in this process, in the order they run."""
    names: list[str] = []
    real = loader._load_organisation

    def counting(run, folder, *, passed=False):
        if not passed:
            names.append(folder.name)
        return real(run, folder, passed=passed)

    monkeypatch.setattr(loader, "_load_organisation", counting)
    return names


def test_only_the_organisations_whose_files_changed_are_checked_again(tmp_path: Path, checked: list[str]) -> None:
    data = archive_folder(tmp_path)
    cache = tmp_path / "cache"
    first = validate_archive(data, root=tmp_path, cache=cache)
    assert (first.organisations, first.versions) == (7, 7)
    assert sorted(checked) == sorted(SLUGS)
    checked.clear()
    assert validate_archive(data, root=tmp_path, cache=cache) == first
    assert checked == []
    # An edit that keeps the file's size and time: the content decides, and the problem it makes is found.
    version = data / SLUGS[2] / "2024-01-10.yaml"
    text = version.read_text(encoding="utf-8")
    stat = version.stat()
    edited = text.replace('recorded_date: "2024-02-01"', 'recorded_date: "2024-01-09"', 1)
    assert edited != text and len(edited) == len(text)
    version.write_text(edited, encoding="utf-8")
    os.utime(version, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    found = errors(lambda: validate_archive(data, root=tmp_path, cache=cache))
    assert checked == [SLUGS[2]]
    assert any("recorded_date: 2024-01-09 is before the version date" in line for line in found)
    assert found == errors(lambda: validate_archive(data, root=tmp_path))  # the same as without the cache
    version.write_text(text, encoding="utf-8")
    assert validate_archive(data, root=tmp_path, cache=cache) == first


def test_an_outcome_lasts_to_a_later_day_unless_a_date_it_read_was_after_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checked: list[str]
) -> None:
    """The cache keeps an outcome across days: the one rule that reads today's date (nothing dated after it) finds
    the same on every later day, unless a date it read was after the day the outcome was found."""
    data = archive_folder(tmp_path)
    version = data / SLUGS[3] / "2024-01-10.yaml"
    text = version.read_text(encoding="utf-8")
    version.write_text(text.replace('recorded_date: "2024-02-01"', 'recorded_date: "2026-01-05"', 1), encoding="utf-8")
    cache = tmp_path / "cache"

    def on(day: str) -> list[str]:
        """The problems validate finds on ``day``, the organisations it checked noted in ``checked``."""
        checked.clear()
        monkeypatch.setattr(today, "today", lambda: dt.date.fromisoformat(day))
        try:
            validate_archive(data, root=tmp_path, cache=cache)
        except DataErrors as err:
            return [str(error) for error in err.errors]
        return []

    after = f"data/{SLUGS[3]}/2024-01-10.yaml:3:16: recorded_date: 2026-01-05 is after today"
    assert on("2026-01-01") == [after] and sorted(checked) == sorted(SLUGS)
    assert on("2026-01-01") == [after] and checked == []  # the same day: every outcome holds
    assert on("2026-01-04") == [after] and checked == [SLUGS[3]]  # a later day: the outcome that read a later date
    assert on("2026-01-05") == [] and checked == [SLUGS[3]]
    assert on("2026-03-01") == [] and checked == []  # no date it read was after its day: it holds from then on
    # a day before the one an outcome was found on (the clock set back): every one is found again
    assert on("2025-12-31") == [after] and sorted(checked) == sorted(SLUGS)


def test_an_outcome_is_dated_by_the_day_its_checks_began(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Checks that run past midnight: a date found after the day they began on is found again on a later day, not
    kept as a refusal dated by the day the outcome was written."""
    data = archive_folder(tmp_path)
    version = data / SLUGS[3] / "2024-01-10.yaml"
    text = version.read_text(encoding="utf-8")
    version.write_text(text.replace('recorded_date: "2024-02-01"', 'recorded_date: "2026-01-02"', 1), encoding="utf-8")
    cache = tmp_path / "cache"
    clock = {"day": dt.date(2026, 1, 1)}
    monkeypatch.setattr(today, "today", lambda: clock["day"])
    real = loader._load_organisation

    def past_midnight(run, folder, **passed):
        found = real(run, folder, **passed)
        if folder.name == SLUGS[3]:  # its checks ran on 1 January; its outcome is written on the 2nd
            clock["day"] = dt.date(2026, 1, 2)
        return found

    monkeypatch.setattr(loader, "_load_organisation", past_midnight)
    with pytest.raises(DataErrors):  # on the 1st, 2 January is after today
        validate_archive(data, root=tmp_path, cache=cache, jobs=1)
    monkeypatch.setattr(loader, "_load_organisation", real)
    clock["day"] = dt.date(2026, 1, 6)
    assert validate_archive(data, root=tmp_path, cache=cache).organisations == len(SLUGS)


def test_an_unreadable_cache_slot_is_checked_again(tmp_path: Path) -> None:
    data = archive_folder(tmp_path)
    cache = tmp_path / "cache"
    first = validate_archive(data, root=tmp_path, cache=cache)
    for slot in (cache / "validate").iterdir():
        slot.write_bytes(b"not a pickle")
    assert validate_archive(data, root=tmp_path, cache=cache) == first


def test_validate_command_uses_the_cache_and_no_cache_checks_everything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = archive_folder(tmp_path)
    monkeypatch.setenv("SELOSTE_CACHE", str(tmp_path / "cache"))
    for arguments in (["--jobs", "2"], [], ["--no-cache", "--jobs", "1"]):
        assert main(["validate", "--data", str(data), *arguments]) == 0
        assert capsys.readouterr().out == f"{data}: 7 organisations, 7 versions: valid\n"
    assert any((tmp_path / "cache" / "validate").iterdir())


def slots(cache: Path) -> dict[str, bytes]:
    folder = cache / "validate"
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.is_dir() else {}


def refuse_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, the checks a load leaves out for files that passed validate fail the test if they run."""

    def refuses(*args: object, **kwargs: object) -> None:
        raise AssertionError("checked again")

    for name in (
        *("check_fidelity", "check_version", "link_provenance", "check_leftover_captures", "language_problems"),
        *("render_limit", "name_problems", "update_problems"),
    ):
        monkeypatch.setattr(loader, name, refuses)
    monkeypatch.setattr(yamlsource, "_check_comments", refuses)
    monkeypatch.setattr(decode, "_decoded", {})  # each file read again, as a build's new process reads it


def test_a_load_after_validate_reads_what_passed_without_checking_it_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build after `seloste validate` (the deploy workflow's order): the same archive, the checks that passed
    not run again, and nothing written to the cache."""
    data = archive_folder(tmp_path)
    cache = tmp_path / "cache"
    whole = load_archive(data, root=tmp_path)
    validate_archive(data, root=tmp_path, cache=cache)
    for record in (cache / "validate").glob("*.record.pickle"):  # the files read, as without validate's records
        record.unlink()
    kept = slots(cache)
    refuse_checks(monkeypatch)
    for jobs in (1, 2):
        assert load_archive(data, root=tmp_path, jobs=jobs, passed=cache) == whole
    monkeypatch.chdir(tmp_path)  # the data folder given relative to where paths are shown from: the same slots
    assert load_archive(Path("data"), passed=cache) == whole
    assert slots(cache) == kept
    with pytest.raises(AssertionError, match="checked again"):  # the checks do run without the cache
        load_archive(data, root=tmp_path)


def record_of(cache: Path, root: Path, slug: str) -> Path:
    return validation_cache.record_path(validation_cache.slot_path(cache, root, root / "data" / slug))


def test_a_load_after_validate_takes_the_records_validate_loaded_without_reading_the_files_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Validate keeps the record it loaded for each organisation that passed; the build's own process reads those
    records: it loads no file and starts no worker for them."""
    data = archive_folder(tmp_path)
    cache = tmp_path / "cache"
    whole = load_archive(data, root=tmp_path)
    validate_archive(data, root=tmp_path, cache=cache)
    assert all(record_of(cache, tmp_path, slug).is_file() for slug in SLUGS)

    def refuses(*args: object, **kwargs: object) -> None:
        raise AssertionError("loaded from its files")

    monkeypatch.setattr(loader, "_load_task", refuses)
    monkeypatch.setattr(loader, "_load_organisation", refuses)
    for jobs in (1, 2):
        assert load_archive(data, root=tmp_path, jobs=jobs, passed=cache) == whole


def test_validate_keeps_again_a_record_that_is_gone(tmp_path: Path, checked: list[str]) -> None:
    """An outcome that passed is kept with its record: without it, validate checks the organisation again and keeps
    both, so the build does not read its files for as long as they stay as they are."""
    data = archive_folder(tmp_path)
    cache = tmp_path / "cache"
    validate_archive(data, root=tmp_path, cache=cache)
    record_of(cache, tmp_path, SLUGS[3]).unlink()
    checked.clear()
    validate_archive(data, root=tmp_path, cache=cache)
    assert checked == [SLUGS[3]]
    assert record_of(cache, tmp_path, SLUGS[3]).is_file()


def test_validate_removes_what_no_run_used_for_weeks(
    tmp_path: Path, checked: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The slots of an organisation that is gone (renamed, removed, or in a checkout no longer there) go once no run
    has used them for ``UNUSED_FOR``; those `seloste validate` reads are used, however old, and stay."""
    data = archive_folder(tmp_path)
    cache = tmp_path / "cache"
    monkeypatch.setenv("SELOSTE_CACHE", str(cache))
    monkeypatch.chdir(tmp_path)  # paths shown from here, as validate_archive(root=tmp_path) shows them
    validate_archive(data, root=tmp_path, cache=cache)
    long_ago = time.time() - validation_cache.UNUSED_FOR.total_seconds() - 3600
    for path in (cache / "validate").iterdir():
        os.utime(path, (long_ago, long_ago))  # every slot last used weeks ago
    recent = validation_cache.slot_path(cache, tmp_path, data / SLUGS[5])
    validation_cache.touch(recent)  # gone, but used lately (by a checkout where it still is)
    for slug in SLUGS[5:]:
        shutil.rmtree(data / slug)
    checked.clear()
    assert main(["validate", "--data", "data", "--jobs", "1"]) == 0
    assert capsys.readouterr().out == "data: 5 organisations, 5 versions: valid\n"
    assert checked == []  # the outcomes of the others read, not found again
    assert all(record_of(cache, tmp_path, slug).is_file() for slug in SLUGS[:6])
    assert not validation_cache.slot_path(cache, tmp_path, data / SLUGS[6]).exists()
    assert not record_of(cache, tmp_path, SLUGS[6]).exists()
    assert sorted(p.name for p in (cache / "validate").iterdir()) == sorted(
        name
        for slug in SLUGS[:6]
        for name in (
            f"{slot_name(cache, tmp_path, data / slug)}.pickle",
            f"{slot_name(cache, tmp_path, data / slug)}.record.pickle",
        )
    )


def slot_name(cache: Path, root: Path, folder: Path) -> str:
    return validation_cache.slot_path(cache, root, folder).stem


def test_an_organisation_whose_kept_record_is_missing_damaged_or_not_its_own_is_loaded_from_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[str] = []  # loaded from its files, checked or not
    real = loader._load_organisation

    def loading(run: Run, folder: Path, **passed: bool):
        checked.append(folder.name)
        return real(run, folder, **passed)

    monkeypatch.setattr(loader, "_load_organisation", loading)
    data = archive_folder(tmp_path, broken=True)
    cache = tmp_path / "cache"
    errors(lambda: validate_archive(data, root=tmp_path, cache=cache))
    refused = [SLUGS[1], SLUGS[4], SLUGS[6]]
    kept = sorted(slug for slug in SLUGS if record_of(cache, tmp_path, slug).is_file())
    assert kept == sorted(set(SLUGS) - set(refused))  # the one sharing a business ID passed its own checks
    record_of(cache, tmp_path, SLUGS[0]).unlink()
    record_of(cache, tmp_path, SLUGS[2]).write_bytes(b"half a pickle")
    shutil.copy(record_of(cache, tmp_path, SLUGS[5]), record_of(cache, tmp_path, SLUGS[3]))  # another's bytes
    checked.clear()
    after = errors(lambda: load_archive(data, root=tmp_path, passed=cache))
    assert sorted(checked) == sorted([SLUGS[0], SLUGS[2], SLUGS[3], *refused])
    assert after == errors(lambda: load_archive(data, root=tmp_path))


def test_a_load_after_validate_checks_what_changed_or_did_not_pass(tmp_path: Path, checked: list[str]) -> None:
    data = archive_folder(tmp_path, broken=True)
    cache = tmp_path / "cache"
    found = errors(lambda: validate_archive(data, root=tmp_path, cache=cache))
    checked.clear()
    # refused organisations are checked again, and the problems are the load's own, as without the cache
    after = errors(lambda: load_archive(data, root=tmp_path, passed=cache))
    assert sorted(checked) == sorted([SLUGS[1], SLUGS[4], SLUGS[6]])  # the one sharing a business ID passed its own
    assert after == errors(lambda: load_archive(data, root=tmp_path))
    assert found  # validate refused them too
    version = data / SLUGS[2] / "2024-01-10.yaml"  # passed, then edited: checked again
    version.write_text(
        version.read_text(encoding="utf-8").replace('recorded_date: "2024-02-01"', 'recorded_date: "2024-01-09"', 1),
        encoding="utf-8",
    )
    checked.clear()
    loaded = errors(lambda: load_archive(data, root=tmp_path, passed=cache))
    assert SLUGS[2] in checked and SLUGS[0] not in checked
    assert any("recorded_date: 2024-01-09 is before the version date" in line for line in loaded)


def test_a_file_saved_while_its_organisation_is_read_is_neither_kept_nor_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit saved between hashing an organisation's files and reading them: validate keeps no outcome for bytes
    it did not read, and a build does not take bytes validate never passed as passed."""
    data = archive_folder(tmp_path)
    cache = tmp_path / "cache"
    version = data / SLUGS[2] / "2024-01-10.yaml"
    good = version.read_text(encoding="utf-8")
    bad = good.replace('recorded_date: "2024-02-01"', 'recorded_date: "2024-01-09"', 1)
    problem = "recorded_date: 2024-01-09 is before the version date"
    hashed = validation_cache.slot

    def saved_after_hashing(text: str):
        def slot(cache: Path, root: Path, waiting: frozenset[Path], folder: Path) -> tuple[Path, str]:
            found = hashed(cache, root, waiting, folder)
            if folder.name == SLUGS[2]:
                version.write_text(text, encoding="utf-8")
            return found

        return slot

    version.write_text(bad, encoding="utf-8")
    with monkeypatch.context() as saving:
        saving.setattr(validation_cache, "slot", saved_after_hashing(good))
        validate_archive(data, root=tmp_path, cache=cache)  # it read the good file: valid
    version.write_text(bad, encoding="utf-8")  # the bytes it hashed: no outcome of theirs was kept
    assert any(problem in line for line in errors(lambda: validate_archive(data, root=tmp_path, cache=cache)))
    version.write_text(good, encoding="utf-8")
    validate_archive(data, root=tmp_path, cache=cache)
    passed = load_archive(data, root=tmp_path)
    digest = validation_cache.folder_digest

    def saved_after_digest(folder: Path, root: Path, waiting: frozenset[Path]) -> str:
        found = digest(folder, root, waiting)
        if folder.name == SLUGS[2]:
            version.write_text(bad, encoding="utf-8")
        return found

    with monkeypatch.context() as saving:  # hashed as passed, then edited: the build takes the record validate
        saving.setattr(validation_cache, "folder_digest", saved_after_digest)  # loaded from the bytes it hashed
        assert load_archive(data, root=tmp_path, passed=cache) == passed
    assert version.read_text(encoding="utf-8") == bad  # it was hashed, and edited after
    version.write_text(good, encoding="utf-8")
    for record in (cache / "validate").glob("*.record.pickle"):  # without it, the files are read as passed
        record.unlink()
    with monkeypatch.context() as saving:
        saving.setattr(validation_cache, "slot", saved_after_hashing(bad))  # hashed as passed, read as edited
        assert any(problem in line for line in errors(lambda: load_archive(data, root=tmp_path, passed=cache)))


def test_a_file_decoded_without_its_comments_checked_is_checked_when_asked(tmp_path: Path) -> None:
    """A build's process may read a file as validate passed it (comments unchecked) and then, under `mkdocs serve`,
    read it again in full: the decoded file kept from the first reading does not stand for the second."""
    make_data(tmp_path, slug=SLUGS[0])
    version = tmp_path / "data" / SLUGS[0] / "2024-01-10.yaml"
    version.write_text(version.read_text(encoding="utf-8") + "# \u202e hidden\n", encoding="utf-8")
    for comments, expected in ((False, []), (True, ["U+202E"])):
        run = Run(root=tmp_path, errors=[])
        decode.decode_path(run, version, Version, comments=comments)
        assert [name for name in ("U+202E",) if any(name in str(error) for error in run.errors)] == expected


def test_a_file_name_that_is_not_utf8_is_reported_with_the_cache_too(tmp_path: Path) -> None:
    """The cache's digest names each file by its bytes: a name no encoding reads is the loader's to report."""
    data = archive_folder(tmp_path)
    try:
        (data / SLUGS[0] / os.fsdecode(b"\xff.yaml")).write_bytes(b"x")
    except OSError:  # a file system that keeps only UTF-8 names
        pytest.skip("this file system refuses a name that is not UTF-8")
    for cache in (None, tmp_path / "cache", tmp_path / "cache"):
        found = errors(lambda: validate_archive(data, root=tmp_path, cache=cache))  # noqa: B023
        assert len(found) == 1 and "unexpected file" in found[0] and f"data/{SLUGS[0]}/" in found[0]


def test_a_load_never_fills_the_cache_validate_reads(tmp_path: Path, checked: list[str]) -> None:
    """A load checks less than validate (the agreement of the two renderers is validate's alone): what it found is
    never kept as validate's outcome."""
    data = archive_folder(tmp_path)
    cache = tmp_path / "cache"
    load_archive(data, root=tmp_path, passed=cache)
    assert slots(cache) == {}
    checked.clear()
    validate_archive(data, root=tmp_path, cache=cache)
    assert sorted(checked) == sorted(SLUGS)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_check_base_compares_only_the_organisations_a_change_touches(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, checked: list[str]
) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "test@example.invalid")
    git(tmp_path, "config", "user.name", "Test")
    copy_valid(tmp_path)
    for slug in SLUGS[:3]:
        make_data(tmp_path, slug=slug)
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "publish")
    monkeypatch.chdir(tmp_path)
    version = tmp_path / "data" / SLUGS[1] / "2024-01-10.yaml"
    text = version.read_text(encoding="utf-8")
    version.write_text(text.replace('recorded_date: "2024-02-01"', 'recorded_date: "2024-02-02"', 1), encoding="utf-8")
    shutil.rmtree(tmp_path / "data" / SLUGS[2])
    code = main(["check", "--base", "main", "--no-cache", "--jobs", "1"])
    out = capsys.readouterr()
    assert code == 1
    # validate reads every organisation once; the rules of the change, the two it touches, at the base and now
    assert sorted(checked) == sorted(["esimerkki", *SLUGS[:2], SLUGS[1], SLUGS[1], SLUGS[2]])
    assert f"data/{SLUGS[1]}/2024-01-10.yaml:3:16: recorded_date: this version is published and was changed" in out.err
    assert f"organisation {SLUGS[2]!r} is published and cannot be removed" in out.err
    # the same problems as comparing the whole archive at the base with the whole archive now
    whole = check_change(archive_at("main", Path("data")), load_archive(Path("data")), Path("data"))
    assert [str(error) for error in whole] == out.err.splitlines()[:-1]


_KILLED = """
import os, sys, time
from pathlib import Path
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from test_fast_validate import archive_folder
from seloste.archive import decode, loader, today, validation_cache, yamlsource
root = Path(sys.argv[3])
data = archive_folder(root)
def _hangs(*task):
    os.write(1, b"%d\\n" % os.getpid())  # one write: print's two (the number, then its newline) interleaved between
    time.sleep(600)                     # the workers, as "1412414125", a line that read as one pid
loader._load_one = _hangs  # the workers are forked: they inherit it
loader.load_archive(data, root=root, jobs=2)
"""


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="the workers end with their parent on Linux (prctl)")
def test_a_validate_killed_outright_leaves_no_worker_behind(tmp_path: Path) -> None:
    """A `seloste validate` or build stopped by SIGKILL runs no cleanup: the processes loading the organisations must
    end with it, not go on reading the archive."""
    assert_workers_end_with_their_parent(_KILLED, str(tmp_path), workers=2)
