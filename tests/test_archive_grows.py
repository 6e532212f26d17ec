"""The archive tests read their expectations from data/: they pass on another archive than today's.

A copy of part of the repository's data/ (every third organisation, and the two the test changes) gets a new
organisation, a new version of an organisation it has, and enough further organisations that a search query finds more
than ten notices; the tests marked ``archive`` then run against the copy (SELOSTE_TEST_PROJECT) and must pass. An
expectation fixed to today's data/ fails on it whether it counts up or down; and the copy's cost stays a fraction of
the archive tests' own as data/ grows (the whole of it took these tests as long as the archive tests themselves).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from datadir import FIXTURES, business_id_for
from search_queries import FINNISH
from seloste.archive.emit import SCHEMA_LINE, dump
from seloste.archive.loader import load_archive
from seloste.contribute.cli import main
from sitebuild import DATA, ROOT, fixture_project

pytestmark = [pytest.mark.build, pytest.mark.slow]

NEW_SENTENCE = {"fi": "Tätä selostetta täydennettiin uudella virkkeellä.", "en": "This notice was completed with a new sentence."}
CLONES = 10


def _read(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # every scalar as typed


def _in_data(text: str, kind: str) -> str:
    """A fixture file's text with the schema line a file in data/ has."""
    return SCHEMA_LINE.format(kind=kind) + text.split("\n", 1)[1] if text.startswith("# yaml-language-server") else text


def add_organisation(data: Path, slug: str) -> None:
    """A new organisation: the valid fixture's first version and its capture, under its own business ID."""
    folder = data / slug
    (folder / "captures").mkdir(parents=True)
    organisation = (FIXTURES / "valid/organisation.yaml").read_text(encoding="utf-8").replace("1783913-6", business_id_for(slug))
    (folder / "organisation.yaml").write_text(_in_data(organisation, "organisation"), encoding="utf-8")
    version = (FIXTURES / "valid/2024-01-10.yaml").read_text(encoding="utf-8")
    (folder / "2024-01-10.yaml").write_text(_in_data(version, "version"), encoding="utf-8")
    shutil.copy(FIXTURES / "valid/2024-01-10.txt", folder / "captures/2024-01-10.txt")


def add_version(data: Path, slug: str, capsys: pytest.CaptureFixture[str]) -> str:
    """A new version of ``slug``, as a maintainer makes one: ``seloste new-version``, its capture (the previous one
    with a sentence added at the end), the same sentence at the end of the texts, and the change filled in."""
    record = load_archive(data).get(slug)
    latest = record.current
    date = (latest.date + dt.timedelta(days=1)).isoformat()
    assert main(["new-version", slug, "--date", date, "--data", str(data)]) == 0
    capsys.readouterr()
    assert latest.capture_text is not None
    path = data / slug / f"{date}.yaml"
    version = _read(path)
    # the new capture has the previous one's text; a noise line new-version left out (it names the previous
    # version's commit) is not in it, as a capture of another commit would not have it
    dropped = set(latest.version.source.capture_noise) - set(version["source"].get("capture_noise", []))
    lines = [line for line in latest.capture_text.splitlines() if line not in dropped]
    capture = "\n".join(lines).rstrip("\n") + f"\n\n{NEW_SENTENCE['fi']}\n"
    (data / slug / "captures" / f"{date}.txt").write_text(capture, encoding="utf-8")
    version["change"] = {
        "kind": "substantive",
        "summary": {"fi": "Selosteeseen lisättiin virke.", "en": "A sentence was added to the notice."},
    }
    last = version["sections"][-1]["body"]
    for lang in ("fi", "en"):
        last[lang] = last[lang].rstrip("\n") + f"\n\n{NEW_SENTENCE[lang]}"
    path.write_text(dump(version, "version"), encoding="utf-8")
    return date


def clone_organisation(data: Path, slug: str, number: int) -> str:
    """A further organisation with the notice (every version) of ``slug``, under a name of its own (and no business ID:
    two organisations cannot share one)."""
    clone = f"{slug}-{number}"
    shutil.copytree(data / slug, data / clone)
    organisation = _read(data / clone / "organisation.yaml")
    organisation["name"] = f"{organisation['name']} {number}"
    organisation.pop("business_id", None)
    (data / clone / "organisation.yaml").write_text(dump(organisation, "organisation"), encoding="utf-8")
    return clone


def _current_text(record) -> str:
    version = record.current.version
    if "fi" not in version.text_languages:  # a notice with no Finnish text is not in the Finnish index's words
        return ""
    parts = [version.title.fi] + [s.heading.fi for s in version.sections if s.heading] + [s.body.fi for s in version.sections]
    return "\n".join(str(part) for part in parts).lower()


SAMPLE = 3
"""Every how manyth organisation of data/ the copy keeps."""


def test_the_archive_tests_pass_on_another_copy_of_the_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = fixture_project(tmp_path / "project")
    data = project / "data"
    whole = load_archive(DATA)
    # the organisation whose latest version is the oldest: its next day is no later than today's records
    oldest = min(whole.organisations, key=lambda record: record.current.date).slug
    kept = {record.slug for record in whole.organisations[::SAMPLE]} | {whole.organisations[0].slug, oldest}
    shutil.copytree(DATA, data, ignore=lambda at, names: [n for n in names if Path(at) == DATA and _left_out(DATA / n, kept)])
    before = load_archive(data)
    assert [r.slug for r in before.organisations] == sorted(kept) and len(kept) < len(whole.organisations)
    first = before.organisations[0]

    add_organisation(data, "uusi-organisaatio-oy")
    updated = oldest
    new_version = add_version(data, updated, capsys)
    clones = [clone_organisation(data, first.slug, n) for n in range(2, 2 + CLONES)]

    assert main(["validate", "--data", str(data)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    after = load_archive(data)
    added = ["uusi-organisaatio-oy", *clones]
    assert [r.slug for r in after.organisations] == sorted([r.slug for r in before.organisations] + added)
    assert after.get(updated).current.id == new_version
    assert len(after.get(updated).versions) == len(before.get(updated).versions) + 1
    # some query of the archive's list now finds more than ten notices (its word is in the cloned one)
    found = {q: sum(bool(re.search(p, _current_text(r))) for r in after.organisations) for q, p in FINNISH.items()}
    assert max(found.values()) > 10, found

    env = {**os.environ, "SELOSTE_TEST_PROJECT": str(project)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "archive", "-q", "-p", "no:cacheprovider", "-x"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert re.search(r"^\d+ passed, \d+ deselected", result.stdout, re.MULTILINE), result.stdout[-2000:]
    # the run checked the copy: its tests are those of the grown archive's organisations and versions
    collected = _collected(env)
    assert f"test_every_sentence_of_the_original_is_published_in_order[{clones[-1]}-" in collected
    assert f"test_every_sentence_of_the_original_is_published_in_order[{updated}-{new_version}]" in collected


def _left_out(path: Path, kept: set[str]) -> bool:
    """An organisation's folder of data/ that the copy does not keep (README.md, the schemas and the rest are kept)."""
    return path.is_dir() and (path / "organisation.yaml").is_file() and path.name not in kept


def _collected(env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "archive", "--collect-only", "-q", "-p", "no:cacheprovider", "tests/test_site.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout
