"""The ``seloste`` command line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from datadir import FIXTURES, business_id_for, capture_for, copy_valid, edit, make_data
from seloste.contribute.cli import main
from sitebuild import FROZEN

ROOT = Path(__file__).resolve().parents[1]


def test_validate_reports_valid_data(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = copy_valid(tmp_path)
    assert main(["validate", "--data", str(data)]) == 0
    assert capsys.readouterr().out == f"{data}: 1 organisation, 2 versions: valid\n"


def test_validate_lists_every_error_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    base = (ROOT / "tests/fixtures/invalid/version/_base.yaml").read_text(encoding="utf-8")
    make_data(tmp_path, version=base.replace("  en: Privacy notice\n", ""))
    make_data(tmp_path, slug="toinen", version=base.replace('"2024-02-01"', '"1.2.2024"'))
    assert main(["validate"]) == 1
    assert capsys.readouterr().err == (
        "data/esimerkki/2024-01-10.yaml:7:3: title.en: the English text is missing; every text needs English, "
        "the organisation's own or the archive's translation ('translation: pending' while there is none yet)\n"
        "data/toinen/2024-01-10.yaml:3:16: recorded_date: expected a date as YYYY-MM-DD, such as '2021-06-23', "
        "got '1.2.2024'\n"
        "2 errors in the data\n"
    )


def test_validate_points_at_the_capture_line_of_a_missing_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    version = tmp_path / "data/esimerkki/2024-01-10.yaml"
    text = version.read_text(encoding="utf-8").replace("        Säilytämme tietoja viisi vuotta.\n", "")
    version.write_text(text.replace("        We keep the data for five years.\n", ""))  # the paragraph in both languages
    assert main(["validate"]) == 1
    assert capsys.readouterr().err == (
        "data/esimerkki/captures/2024-01-10.txt:16:1: this sentence of the original is missing from "
        "esimerkki/2024-01-10.yaml's Finnish text, or out of order: 'Säilytämme tietoja viisi vuotta.'\n"
        "1 error in the data\n"
    )


def test_validate_checks_that_the_english_has_the_finnish_paragraphs_in_every_version(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Paragraph parity is the loader's: validate (and the build) report it with every other problem, in any version."""
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    version = tmp_path / "data/esimerkki/2024-01-10.yaml"
    text = version.read_text(encoding="utf-8")
    text = text.replace("        - customer data\n        - billing data", "        - customer data, billing data")
    text = text.replace("        Data protection officer Maija", "        Data protection\n\n        officer Maija")
    version.write_text(text.replace("recorded_date: 2024-02-01", "recorded_date: 2024-01-01"), encoding="utf-8")
    assert main(["validate"]) == 1
    assert capsys.readouterr().err == (
        "data/esimerkki/2024-01-10.yaml:3:16: recorded_date: 2024-01-01 is before the version date 2024-01-10; "
        "a version cannot be recorded before it exists\n"
        "data/esimerkki/2024-01-10.yaml:29:11: sections[1].body.en: the English has 3 paragraphs, the Finnish 2 paragraphs; "
        "translate each paragraph and list item as one of its own, in the same order "
        "(or declare 'translation: pending' on this version)\n"
        "data/esimerkki/2024-01-10.yaml:46:11: sections[2].body.en: the English has 1 paragraph, 1 list item, "
        "the Finnish 1 paragraph, 2 list items; translate each paragraph and list item as one of its own, in the same "
        "order (or declare 'translation: pending' on this version)\n"
        "3 errors in the data\n"
    )
    version.write_text(text.replace("title:\n", "translation: pending\ntitle:\n", 1), encoding="utf-8")
    assert main(["validate"]) == 0


def test_validate_points_at_text_the_capture_does_not_hold(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    version = tmp_path / "data/esimerkki/2024-01-10.yaml"
    text = version.read_text(encoding="utf-8")
    version.write_text(text.replace("Säilytämme tietoja viisi vuotta.", "Säilytämme tietoja viisi vuotta. Myymme tietosi."))
    assert main(["validate"]) == 1
    line = text[: text.index("Säilytämme tietoja viisi vuotta.")].count("\n")  # the body's "fi: |" line
    assert capsys.readouterr().err == (
        f"data/esimerkki/2024-01-10.yaml:{line}:11: sections[2].body.fi: text that is not in the original capture "
        "(captures/2024-01-10.txt): 'Myymme tietosi.'; publish the notice's own words only (a note of ours goes in "
        "source.note)\n"
        "1 error in the data\n"
    )


def test_validate_names_a_link_that_would_lose_its_address(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    version = tmp_path / "data/esimerkki/2024-06-01.yaml"
    text = version.read_text(encoding="utf-8")
    version.write_text(text.replace("en: Esimerkki Oy, 1.10", "en: Esimerkki Oy, [1.10](www.esimerkki.fi)"))
    assert main(["validate"]) == 1
    line = text[: text.index("en: Esimerkki Oy, 1.10")].count("\n") + 1
    assert capsys.readouterr().err == (
        f"data/esimerkki/2024-06-01.yaml:{line}:11: sections[0].body.en: link 'www.esimerkki.fi': links must be full "
        "http://, https:// or mailto: addresses (such as https://www.example.fi/); any other would be published without "
        "its address\n1 error in the data\n"
    )


def test_a_capture_with_a_byte_order_mark_is_read_without_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    capture = tmp_path / "data/esimerkki/captures/2024-01-10.txt"
    capture.write_bytes(b"\xef\xbb\xbf" + capture.read_bytes())  # before its first line, a capture-noise line
    assert main(["validate"]) == 0


def test_captures_are_bounded_and_a_capture_no_version_names_is_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    captures = tmp_path / "data/esimerkki/captures"
    (captures / "muistiinpanot.md").write_text("Luonnos.\n", encoding="utf-8")
    assert main(["validate"]) == 1
    assert capsys.readouterr().err == (
        "data/esimerkki/captures/muistiinpanot.md:1:1: unexpected file: captures/ holds the captures the versions name "
        "in source.capture, and this is none of them\n1 error in the data\n"
    )
    (captures / "muistiinpanot.md").unlink()
    capture = captures / "2024-01-10.txt"
    original = capture.read_text(encoding="utf-8")
    capture.write_text(original + "Pitkä " * 200_000, encoding="utf-8")
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "source.capture: 'captures/2024-01-10.txt' is 1,400,3" in err and "a capture may be at most 1,000,000 bytes" in err
    capture.write_text(original + "Pitkä " * 500 + "\n", encoding="utf-8")
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "or out of order: 'Pitkä Pitkä" in err and "…'" in err and len(err) < 500


def test_two_organisations_with_one_business_id_are_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    copy_valid(tmp_path, slug="kopio")
    assert main(["validate"]) == 0
    organisation = tmp_path / "data/kopio/organisation.yaml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace(business_id_for("kopio"), "1783913-6"))
    assert main(["validate"]) == 1
    organisation = (tmp_path / "data/kopio/organisation.yaml").read_text(encoding="utf-8")
    line = organisation[: organisation.index("business_id:")].count("\n") + 1
    assert capsys.readouterr().err == (
        f"data/kopio/organisation.yaml:{line}:14: business_id: 1783913-6 is already the business ID of 'esimerkki'; "
        "an organisation has one folder, with all its notices' versions\n1 error in the data\n"
    )


def test_validate_rejects_an_empty_capture(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    (tmp_path / "data/esimerkki/captures/2024-01-10.txt").write_text(" \n", encoding="utf-8")
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "source.capture: 'captures/2024-01-10.txt' is empty; it must hold the notice as it was captured" in err
    assert err.startswith("data/esimerkki/2024-01-10.yaml:") and err.endswith("1 error in the data\n")


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


def test_the_command_leaves_with_its_output_and_its_exit_code(tmp_path: Path) -> None:
    """The command leaves its process without freeing what it holds (cli.run): what it printed still reaches a pipe,
    its exit code stands, and its exit handlers run."""
    data = make_data(tmp_path / "good")
    env = {"PYTHONPATH": str(ROOT / "hooks"), "SELOSTE_CACHE": str(tmp_path / "cache")}
    script = "import atexit; atexit.register(print, 'handled'); import runpy; runpy.run_module('seloste')"
    command = [sys.executable, "-c", script]
    good = subprocess.run([*command, "validate", "--data", str(data)], capture_output=True, text=True, env=env, check=False)
    assert (good.returncode, good.stdout, good.stderr) == (0, f"{data}: 1 organisation, 1 version: valid\nhandled\n", "")
    bad = make_data(tmp_path / "bad", version=(FIXTURES / "invalid/version/_base.yaml").read_text() + "unknown: 1\n")
    broken = subprocess.run([*command, "validate", "--data", str(bad)], capture_output=True, text=True, env=env, check=False)
    assert broken.returncode == 1 and broken.stderr.endswith("1 error in the data\n"), broken.stderr


def test_new_organisation_skeleton_names_every_field_to_fill_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    assert main(["new-organisation", "uusi-oy", "--name", "Uusi Oy", "--business-id", "1783913-6", "--date", "2025-01-15"]) == 0
    assert "created data/uusi-oy/organisation.yaml and data/uusi-oy/2025-01-15.yaml" in capsys.readouterr().out
    assert (tmp_path / "data/uusi-oy/captures").is_dir()
    assert main(["validate"]) == 1
    errors = capsys.readouterr().err.splitlines()
    assert (
        errors[0] == "data/uusi-oy/2025-01-15.yaml:4:8: source.url: expected an http:// or https:// address, got an empty value"
    )
    assert "data/uusi-oy/2025-01-15.yaml:7:7: title.fi: expected text, got an empty value" in errors
    assert errors[-1] == "9 errors in the data"
    assert main(["new-organisation", "uusi-oy", "--name", "X"]) == 2
    assert capsys.readouterr().err.startswith("seloste new-organisation: data/uusi-oy already exists")
    assert main(["new-organisation", "Uusi_Oy", "--name", "X"]) == 2


def test_new_version_starts_from_the_latest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    assert main(["new-version", "esimerkki", "--date", "2024-05-01"]) == 2
    assert "must be dated after the latest one (2024-06-01)" in capsys.readouterr().err
    assert main(["new-version", "esimerkki", "--date", "2025-02-01"]) == 0
    created = tmp_path / "data/esimerkki/2025-02-01.yaml"
    text = created.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/version.schema.json\nrecorded_date:")
    assert "fi: |-\n        Säilytämme tietoja viisi vuotta. Käytämme Google Analyticsia." in text  # a body: a block
    assert main(["validate"]) == 1
    assert capsys.readouterr().err == (  # every problem in one run: the capture still to save too
        "data/esimerkki/2025-02-01.yaml:6:12: source.capture: file 'captures/2025-02-01.txt' not found next to this "
        "version (expected captures/<date>.txt)\n"
        "data/esimerkki/2025-02-01.yaml:8:9: change.kind: expected one of substantive, editorial, translation, correction; "
        "got ''\n"
        "data/esimerkki/2025-02-01.yaml:10:9: change.summary.fi: expected text, got an empty value\n"
        "data/esimerkki/2025-02-01.yaml:11:9: change.summary.en: expected text, got an empty value\n"
        "4 errors in the data\n"
    )
    filled = (
        text.replace("kind: ''", "kind: editorial")
        .replace("fi: ''", "fi: Pieni muutos.")
        .replace("en: ''", "en: A small change.")
    )
    created.write_text(filled, encoding="utf-8")
    assert main(["validate"]) == 1
    assert "source.capture: file 'captures/2025-02-01.txt' not found next to this version" in capsys.readouterr().err
    (tmp_path / "data/esimerkki/captures/2025-02-01.txt").write_text(capture_for(filled), encoding="utf-8")
    assert main(["validate"]) == 0


def test_new_version_keeps_the_capture_noise_of_the_latest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(FROZEN, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    assert main(["new-version", "micro-magic", "--date", "2026-01-05"]) == 0
    created = (tmp_path / "data/micro-magic/2026-01-05.yaml").read_text(encoding="utf-8")
    assert "  capture: captures/2026-01-05.txt\n  capture_noise:\n    - Hyppää sisältöön\n" in created


def test_new_version_uses_a_capture_saved_before_it_and_says_what_it_did(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    capture = tmp_path / "data/esimerkki/captures/2025-02-01.txt"
    saved = "Uusi seloste, tallennettu ennen versiota.\n"
    capture.write_text(saved, encoding="utf-8")
    assert main(["new-version", "esimerkki", "--date", "2025-02-01"]) == 0
    assert capsys.readouterr().out == (
        "created data/esimerkki/2025-02-01.yaml from version 2024-06-01\n"
        "  copied from 2024-06-01: title, sections, facts, source.repository, source.path\n"
        "  not copied, as they name version 2024-06-01's own source: source.commit, source.note\n"
        "  source.capture: captures/2025-02-01.txt, the capture you saved (data/esimerkki/captures/2025-02-01.txt); "
        "validate compares the text with it\n"
        "next: fill in change.kind (substantive, editorial, translation or correction) and change.summary (fi and en);\n"
        "  add stated_date if the notice states a date, and where it was published (source.url, or source.commit);\n"
        "  edit the texts and facts into the new version's, then run 'seloste validate'.\n"
    )
    assert capture.read_text(encoding="utf-8") == saved  # used, never overwritten
    created = (tmp_path / "data/esimerkki/2025-02-01.yaml").read_text(encoding="utf-8")
    assert (
        "\nsource:\n  repository: esimerkki/esimerkki.fi\n  path: tietosuoja.md\n  capture: captures/2025-02-01.txt\n" in created
    )
    filled = created.replace("kind: ''", "kind: editorial").replace("fi: ''", "fi: Muutos.").replace("en: ''", "en: A change.")
    (tmp_path / "data/esimerkki/2025-02-01.yaml").write_text(filled, encoding="utf-8")
    assert main(["validate"]) == 1
    errors = capsys.readouterr().err
    assert (
        "data/esimerkki/captures/2025-02-01.txt:1:1: this sentence of the original is missing from "
        "esimerkki/2025-02-01.yaml's Finnish text, or out of order: 'Uusi seloste, tallennettu ennen versiota.'\n"
    ) in errors


def test_new_version_without_its_capture_says_where_to_save_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    assert main(["new-version", "esimerkki", "--date", "2025-02-01"]) == 0
    assert (
        "  source.capture: captures/2025-02-01.txt, not saved yet: save the notice as published into "
        "data/esimerkki/captures/2025-02-01.txt\n"
    ) in capsys.readouterr().out


def test_new_version_leaves_out_what_names_the_previous_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A notice from a git history: the repository and path still hold; the commit, the URL at that commit
    and the capture's line naming it are the previous version's."""
    shutil.copytree(FROZEN, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    assert main(["new-version", "planeetta-internet", "--date", "2026-01-05"]) == 0
    out = capsys.readouterr().out
    assert "  copied from 2022-03-21: title, sections, facts, source.repository, source.path\n" in out
    assert (
        "  not copied, as they name version 2022-03-21's own source: source.url (it names a commit), source.commit, "
        "the source.capture_noise lines that name a commit\n"
    ) in out
    created = (tmp_path / "data/planeetta-internet/2026-01-05.yaml").read_text(encoding="utf-8")
    assert (
        "\nsource:\n  repository: cloudplatformfi/cloudplatformfi.github.io\n  path: tietosuoja.md\n"
        "  capture: captures/2026-01-05.txt\nchange:\n"
    ) in created
    assert "264d4413228d93d5966f70527e9c7aa79b393400" not in created


def test_new_version_of_a_notice_kept_as_files_keeps_each_file_and_leaves_out_the_pages_at_the_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each page's file still holds the notice; the addresses of the files at the previous commit (its first page's
    and its further pages') name the previous version's text, as its commit does."""
    shutil.copytree(FIXTURES / "shapes" / "tiedostoittain", tmp_path / "data" / "tiedostoittain")
    version = tmp_path / "data/tiedostoittain/2024-01-10.yaml"
    blob = "https://github.com/tiedostoittain/sivusto/blob/3f61053b37dd9aa5a1a8964053fc43be0ef488cb/content"
    version.write_text(
        version.read_text(encoding="utf-8").replace(
            "source:\n", f"source:\n  url: {blob}/tietosuoja/index.md\n  pages: [{blob}/evasteet/index.md]\n"
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["new-version", "tiedostoittain", "--date", "2025-01-05"]) == 0
    out = capsys.readouterr().out
    assert "  copied from 2024-01-10: title, sections, facts, source.repository, source.path\n" in out
    assert "source.url (it names a commit), source.pages (they name a commit), source.commit" in out
    created = (tmp_path / "data/tiedostoittain/2025-01-05.yaml").read_text(encoding="utf-8")
    assert (
        "  path:\n    - content/tietosuoja/index.md\n    - content/evasteet/index.md\n  capture:\n"
        "    - captures/2025-01-05.1.txt\n    - captures/2025-01-05.2.txt\n"
    ) in created
    assert "blob/" not in created


def test_report_between_two_versions(capsys: pytest.CaptureFixture[str]) -> None:
    data = str(FROZEN)
    assert main(["report", "--data", data, "planeetta-internet", "2021-01-26", "2022-03-21"]) == 0
    report = capsys.readouterr().out
    assert report.startswith("# Planeetta Internet Oy: 2021-01-26 → 2022-03-21\n")
    assert "tietosuojavastaava <del>Heidi Eronen</del><ins>Salla Vainionpää</ins>" in report
    assert "| Data protection officer – name | changed | Heidi Eronen | Salla Vainionpää |" in report
    assert main(["report", "--data", data, "planeetta-internet"]) == 0
    assert capsys.readouterr().out == report  # the latest against the one before, by default
    assert main(["report", "--data", data, "planeetta-internet", "2019-01-01", "2022-03-21"]) == 2
    assert "planeetta-internet has no version 2019-01-01; its versions are 2010-06-15, 2018-06-07" in capsys.readouterr().err
    assert main(["report", "--data", data, "midare"]) == 2
    capsys.readouterr()
    assert main(["report", "--data", data, "planeetta-internet", "2010-06-15", "2018-06-07"]) == 0
    report = capsys.readouterr().out
    # a list entry is named by its own text (here 'cookies'), its other parts each by their label
    assert "| Cookies and tracking – cookies | added |  | cookies (purpose: analytics) |" in report
    assert "| Käsittelyn tarkoitukset – markkinointi | poistettu | markkinointi |  |" in report


@pytest.mark.parametrize("command", ["validate", "check", "changes", "report", "new-organisation", "new-version", "schema"])
def test_every_command_has_help_with_exit_codes(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    assert "Exit codes: 0 success, 1 problems in the data" in capsys.readouterr().out


def test_a_new_version_or_organisation_is_never_dated_after_today(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert main(["new-version", "esimerkki", "--date", tomorrow]) == 2
    assert capsys.readouterr().err == (
        f"seloste new-version: --date {tomorrow} is after today; a version is dated when it was published or first seen\n"
    )
    assert main(["new-organisation", "huominen", "--name", "Huominen Oy", "--date", tomorrow]) == 2
    assert "is after today" in capsys.readouterr().err and not (tmp_path / "data/huominen").exists()


def test_new_version_of_a_notice_in_two_languages_names_a_capture_of_each_saved_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(FIXTURES / "languages" / "omat-kielet", tmp_path / "data" / "omat-kielet")
    monkeypatch.chdir(tmp_path)
    captures = tmp_path / "data/omat-kielet/captures"
    for lang in ("fi", "en"):
        shutil.copy(captures / f"2024-01-10.{lang}.txt", captures / f"2025-03-01.{lang}.txt")
    assert main(["new-version", "omat-kielet", "--date", "2025-03-01"]) == 0
    out = capsys.readouterr().out
    assert "  source.capture.fi: captures/2025-03-01.fi.txt, the capture you saved" in out
    assert "  source.capture.en: captures/2025-03-01.en.txt, the capture you saved" in out
    created = (tmp_path / "data/omat-kielet/2025-03-01.yaml").read_text(encoding="utf-8")
    assert "  capture:\n    fi: captures/2025-03-01.fi.txt\n    en: captures/2025-03-01.en.txt\n" in created


def test_new_version_of_a_notice_over_pages_names_a_capture_per_page_and_keeps_the_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(FIXTURES / "shapes" / "sivuittain", tmp_path / "data" / "sivuittain")
    monkeypatch.chdir(tmp_path)
    assert main(["new-version", "sivuittain", "--date", "2025-01-05"]) == 0
    out = capsys.readouterr().out
    assert "  source.capture[1]: captures/2025-01-05.2.txt, not saved yet" in out
    assert "the source.capture_noise lines given by number (the previous capture's line numbers)" in out
    created = (tmp_path / "data/sivuittain/2025-01-05.yaml").read_text(encoding="utf-8")
    assert (
        "  pages:\n    - https://sivuittain.fi/evasteet\n  capture:\n    - captures/2025-01-05.1.txt\n"
        "    - captures/2025-01-05.2.txt\n"
    ) in created


@pytest.mark.parametrize("saved", ["2025-02-01.md", "2025-02-01.mdx"])
def test_new_version_finds_a_markdown_or_mdx_capture_saved_before_it(
    saved: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    (tmp_path / "data/esimerkki/captures" / saved).write_text("Uusi seloste.\n", encoding="utf-8")
    assert main(["new-version", "esimerkki", "--date", "2025-02-01"]) == 0
    assert f"  source.capture: captures/{saved}, the capture you saved (data/esimerkki/captures/{saved})" in (
        capsys.readouterr().out
    )
    created = (tmp_path / "data/esimerkki/2025-02-01.yaml").read_text(encoding="utf-8")
    assert f"  capture: captures/{saved}\n" in created


def test_a_new_versions_capture_keeps_the_kind_of_the_previous_ones(tmp_path: Path) -> None:
    from seloste.archive.model import Captures
    from seloste.contribute.scaffold import capture_ending

    day = dt.date(2025, 2, 1)
    assert capture_ending(tmp_path, day, "captures/2024-06-01.mdx") == ".mdx"
    assert capture_ending(tmp_path, day, ("captures/2024-06-01.1.md", "captures/2024-06-01.2.md")) == ".md"
    assert capture_ending(tmp_path, day, Captures(fi="captures/2024-06-01.fi.mdx", en="captures/x.en.mdx")) == ".mdx"
    assert capture_ending(tmp_path, day, "captures/2024-06-01.txt") == ".txt"
    assert capture_ending(tmp_path, day, None) == ".txt"
    (tmp_path / "2025-02-01.fi.txt").write_text("x", encoding="utf-8")  # a capture saved for the day decides
    assert capture_ending(tmp_path, day, "captures/2024-06-01.mdx") == ".txt"


def test_a_change_of_the_translation_only_whose_own_text_changed_is_refused_at_its_kind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'translation' says a reader of the organisation's text sees no change: the history and the feeds say so. A
    version whose own text changed in words says otherwise (a trial's contributor chose the kind freely); a change of
    its spaces alone does not."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(FIXTURES / "history", tmp_path / "data")
    version = tmp_path / "data/muutos/2024-09-01.yaml"
    text = version.read_text(encoding="utf-8")
    assert "kind: translation" in text and "fi: Käytämme  välttämättömiä evästeitä. \n" in text  # spaces changed only
    assert main(["validate"]) == 0
    version.write_text(text.replace("Käytämme  välttämättömiä", "Käytämme vain välttämättömiä"), encoding="utf-8")
    capsys.readouterr()
    assert main(["validate"]) == 1
    assert capsys.readouterr().err == (
        "data/muutos/2024-09-01.yaml:8:9: change.kind: 'translation' is a change of the archive's translation only, but "
        "the organisation's own Finnish text differs from 2024-06-01.yaml's; say 'substantive' (what is done with "
        "personal data changed), 'editorial' (wording only) or 'correction' (a fix of the archive's transcription)\n"
        "1 error in the data\n"
    )
    # a text missing from the version before is its own error, and the kind is not judged against it
    previous = tmp_path / "data/muutos/2024-06-01.yaml"
    before = previous.read_text(encoding="utf-8")
    assert "  fi: Muutos Oy:n tietosuojaseloste\n" in before
    previous.write_text(before.replace("  fi: Muutos Oy:n tietosuojaseloste\n", "", 1), encoding="utf-8")
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "title.fi: the Finnish text is missing" in err and "change.kind" not in err and err.endswith("1 error in the data\n")


def test_the_kind_of_change_reads_the_organisations_own_texts_whatever_the_order_of_their_languages() -> None:
    from seloste.archive.loader import load_archive
    from seloste.archive.versioncheck import kind_problems

    record = load_archive(FIXTURES / "history").get("muutos")
    previous, current = record.versions[-3], record.versions[-2]
    assert current.version.change is not None and current.version.change.kind == "translation"
    both = dataclasses.replace(previous.version, published_in=("fi", "en"))
    swapped = dataclasses.replace(previous.version, published_in=("en", "fi"), change=current.version.change)
    assert kind_problems(swapped, dataclasses.replace(previous, version=both)) == []
    assert kind_problems(dataclasses.replace(current.version, published_in=("fi",)), previous) == []


def test_a_paragraph_moved_out_of_the_captures_order_is_one_error_where_it_stands(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not "text that is not in the original capture" (it is) and "missing, or out of order" with a hint that pointed
    at the wrong words, as a trial's maintainer met them: the paragraph is the original's, in the wrong place."""
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    version = tmp_path / "data/esimerkki/2024-01-10.yaml"
    text = version.read_text(encoding="utf-8")
    for address, officer in (
        ("Esimerkki Oy (Y-tunnus 1783913-6)", "Tietosuojavastaava Maija"),
        ("Esimerkki Oy (Business ID 1783913-6)", "Data protection officer Maija"),
    ):
        first = f"        {address}\n        Testikatu 1, 00100 Helsinki\n"
        second = f"        {officer} Meikäläinen, tietosuoja@esimerkki.fi\n"
        assert first + "\n" + second in text
        text = text.replace(first + "\n" + second, second + "\n" + first)
    version.write_text(text, encoding="utf-8")
    assert main(["validate"]) == 1
    assert capsys.readouterr().err == (
        "data/esimerkki/2024-01-10.yaml:24:11: sections[1].body.fi: 'Tietosuojavastaava Maija Meikäläinen, "
        "tietosuoja@esimerkki.fi' stands out of the original's order: the capture has it at "
        "data/esimerkki/captures/2024-01-10.txt:12, after 'Testikatu 1, 00100 Helsinki'; publish the sentences in the "
        "capture's order\n"
        "1 error in the data\n"
    )
    # a paragraph moved later, past a heading and a body: it is the one named, not each text it was moved past
    moved_later = version.read_text(encoding="utf-8")
    address = "        Esimerkki Oy (Y-tunnus 1783913-6)\n        Testikatu 1, 00100 Helsinki\n"
    moved_later = moved_later.replace("\n" + address, "", 1).replace(
        "        - laskutustiedot\n", f"        - laskutustiedot\n\n{address}", 1
    )
    version.write_text(moved_later, encoding="utf-8")
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if "original's order" in line] == [
        "data/esimerkki/2024-01-10.yaml:36:11: sections[2].body.fi: 'Esimerkki Oy (Y-tunnus 1783913-6) Testikatu 1, "
        "00100 Helsinki' stands out of the original's order: the capture has it at data/esimerkki/captures/2024-01-10.txt:9, "
        "after 'Rekisterinpitäjä'; publish the sentences in the capture's order"
    ], err
    assert "not in the original capture" not in err and "is missing from" not in err, err
    version.write_text(text, encoding="utf-8")
    # a moved sentence that is also changed is text the capture does not have, and a sentence missing, as before
    version.write_text(text.replace("Tietosuojavastaava Maija", "Tietosuojavastaavamme Maija"), encoding="utf-8")
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "text that is not in the original capture" in err and "is missing from" in err and "2 errors" in err, err


def test_a_fact_citing_the_wrong_section_is_told_the_section_that_states_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trial's contributor cited a neighbouring section: the errors said the words were not there and to copy them
    exactly, which they had. Now they name the section that has them; a controller's details, one error at 'section'."""
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    first, second = tmp_path / "data/esimerkki/2024-01-10.yaml", tmp_path / "data/esimerkki/2024-06-01.yaml"
    text = first.read_text(encoding="utf-8")
    assert text.count("    section: rekisterinpitaja\n") == 2  # the controller's, then the contact's
    first.write_text(text.replace("    section: rekisterinpitaja\n", "    section: tietojen-sailytys\n", 1), encoding="utf-8")
    text = second.read_text(encoding="utf-8")
    quoted = "      quote: {fi: asiakassuhteen hoitamiseksi, en: to manage the customer relationship}\n      section: "
    second.write_text(text.replace(quoted + "tietojen-sailytys\n", quoted + "erityiset\n"), encoding="utf-8")
    assert main(["validate"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "data/esimerkki/2024-01-10.yaml:54:14: facts.controller.section: the details given are not all in section "
        "'tietojen-sailytys', and section 'rekisterinpitaja' states every one: cite that section",
        "data/esimerkki/2024-06-01.yaml:75:19: facts.purposes[0].quote.fi: not found in the Finnish text of section "
        "'erityiset'; section 'tietojen-sailytys' has it: cite that section (facts.purposes[0].section)",
        "data/esimerkki/2024-06-01.yaml:75:52: facts.purposes[0].quote.en: not found in the English text of section "
        "'erityiset'; section 'tietojen-sailytys' has it: cite that section (facts.purposes[0].section)",
        "3 errors in the data",
    ]


@pytest.mark.parametrize(("phone", "valid"), [("+ 358 18 25490", True), ("+358 18 25490", True), ("++358 18 25490", False)])
def test_a_phone_is_taken_as_the_notice_writes_it_with_a_space_after_the_plus_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, phone: str, valid: bool
) -> None:
    """An Åland notice writes '+ 358 18 25490' (a trial's): a fact's phone stands as its section writes it, and the
    editors' schema says the same as validate."""
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    folder = tmp_path / "data/esimerkki"
    edit(folder / "captures/2024-01-10.txt", "00100 Helsinki\n", f"00100 Helsinki\nPuh. {phone}\n")
    version = folder / "2024-01-10.yaml"
    edit(version, "        Testikatu 1, 00100 Helsinki\n", f"        Testikatu 1, 00100 Helsinki\n        Puh. {phone}\n")
    address = "    address: Testikatu 1, 00100 Helsinki\n"
    text = edit(version, address, f"{address}    phone: {phone}\n")
    assert text.count(phone) == 3  # Finnish, English, the fact
    assert main(["validate"]) == (0 if valid else 1)
    assert ("facts.controller.phone: expected a phone number" in capsys.readouterr().err) is not valid
    schema = json.loads((ROOT / "data/schema/version.schema.json").read_text(encoding="utf-8"))
    assert jsonschema.Draft202012Validator(schema).is_valid(yaml.load(text, Loader=yaml.BaseLoader)) is valid


def test_a_contact_is_pointed_to_the_section_that_states_all_of_it_its_role_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The opening names the contact and its e-mail but not its role; the controller's section has all three: only
    that one is the section to cite, and the role's errors do not stand beside the advice (the session's review)."""
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    folder = tmp_path / "data/esimerkki"
    opening = "Tämä seloste kertoo, miten käsittelemme henkilötietoja. Päivitetty 10.1.2024."
    asked = "Kysy: Maija Meikäläinen, tietosuoja@esimerkki.fi"
    edit(folder / "captures/2024-01-10.txt", opening, f"{opening}\n\n{asked}")
    version = folder / "2024-01-10.yaml"
    edit(version, f"        {opening}\n", f"        {opening}\n\n        {asked}\n")
    text = edit(
        version, "Updated 10.1.2024.\n", "Updated 10.1.2024.\n\n        Ask: Maija Meikäläinen, tietosuoja@esimerkki.fi\n"
    )
    contact = text.index("  contact:")
    cited = text.index("    section: rekisterinpitaja\n", contact)
    version.write_text(text[:cited] + "    section: tietojen-sailytys\n" + text[cited + 29 :], encoding="utf-8")
    assert main(["validate"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "data/esimerkki/2024-01-10.yaml:65:14: facts.contact.section: the details given are not all in section "
        "'tietojen-sailytys', and section 'rekisterinpitaja' states every one: cite that section",
        "1 error in the data",
    ]


def test_a_quote_is_pointed_to_another_section_only_where_that_one_has_it_in_every_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Finnish words stand where the fact cites them, the English only in the next section: citing that one would
    fail the Finnish check, so the English error does not advise it (the session's review)."""
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    version = tmp_path / "data/esimerkki/2024-06-01.yaml"
    text = version.read_text(encoding="utf-8")
    quoted = "      quote: {fi: asiakassuhteen hoitamiseksi, en: to manage the customer relationship}\n"
    assert quoted in text
    version.write_text(
        text.replace(quoted, quoted.replace("to manage the customer relationship", "the Act on the Status and Rights")), "utf-8"
    )
    assert main(["validate"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "data/esimerkki/2024-06-01.yaml:75:52: facts.purposes[0].quote.en: not found in the English text of section "
        "'tietojen-sailytys'; copy the words exactly as they stand there",
        "1 error in the data",
    ]


def test_a_long_word_in_a_section_does_not_slow_the_search_for_an_e_mail_written_to_hide_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An e-mail missing from its section is looked for as a notice hides it ('nimi(at)yritys.fi'), in every section
    once one is cited wrongly: the pattern took time growing with the square of a word's length (40,000 letters: 41 s;
    found by the session's review). A pull request's text may hold any word."""
    from deadline import deadline

    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    folder = tmp_path / "data/esimerkki"
    word = "a" * 200_000
    opening = "Tämä seloste kertoo, miten käsittelemme henkilötietoja. Päivitetty 10.1.2024."
    edit(folder / "captures/2024-01-10.txt", opening, f"{opening} {word}")
    version = folder / "2024-01-10.yaml"
    edit(version, opening, f"{opening} {word}")
    edit(version, "Updated 10.1.2024.", f"Updated 10.1.2024. {word}")
    edit(version, "    email: tietosuoja@esimerkki.fi\n", "    email: tietosuojx@esimerkki.fi\n")
    with deadline(20):
        assert main(["validate", "--jobs", "1"]) == 1
    assert (
        "facts.contact.email: 'tietosuojx@esimerkki.fi' does not appear in section 'rekisterinpitaja'" in capsys.readouterr().err
    )


def test_a_sentence_moved_past_more_sentences_than_the_check_reads_missing_is_one_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read in order, a sentence moved to the end of 30 made the 20 after its old place missing, and the check
    stopped ("is this the capture of this version?"); the sentences are placed again (the session's second review)."""
    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    folder = tmp_path / "data/esimerkki"
    said = [f"Lause numero {n} kertoo asian {n}." for n in range(1, 31)]
    kept = "Säilytämme tietoja viisi vuotta."
    edit(folder / "captures/2024-01-10.txt", kept, f"{kept} {' '.join(said)}")
    moved = [said[0], *said[2:], said[1]]
    edit(folder / "2024-01-10.yaml", kept, f"{kept} {' '.join(moved)}")
    assert main(["validate"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "data/esimerkki/2024-01-10.yaml:39:11: sections[2].body.fi: 'Lause numero 2 kertoo asian 2.' stands out of the "
        "original's order: the capture has it at data/esimerkki/captures/2024-01-10.txt:16, after 'Lause numero 1 kertoo "
        "asian 1.'; publish the sentences in the capture's order",
        "1 error in the data",
    ]


@pytest.mark.parametrize("count", [300, 3000])
def test_a_text_in_the_reverse_order_of_its_capture_stops_where_it_did_and_quickly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    """Every sentence there, in the reverse order: more moved than the check names, so it says where it stopped, as
    for a wrong capture; placing them again stays within its work (300), or is not tried (3,000: past REALIGN_WORK)."""
    from deadline import deadline

    monkeypatch.chdir(tmp_path)
    copy_valid(tmp_path)
    folder = tmp_path / "data/esimerkki"
    said = [f"Lause numero {n} kertoo asian {n}." for n in range(1, count + 1)]
    kept = "Säilytämme tietoja viisi vuotta."
    edit(folder / "captures/2024-01-10.txt", kept, f"{kept} {' '.join(said)}")
    edit(folder / "2024-01-10.yaml", kept, f"{kept} {' '.join(reversed(said))}")
    with deadline(20):
        assert main(["validate", "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert "the comparison with esimerkki/2024-01-10.yaml's Finnish text stopped after 20 sentences" in err, err[-800:]
    assert "stands out of the original's order" not in err
