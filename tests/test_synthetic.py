"""The benchmark's synthetic archive is valid data of realistic size."""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import pytest

from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive, validate_archive

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from synthetic import generate


def test_long_notices_are_valid_and_as_long_as_the_longest(tmp_path: Path) -> None:
    data = generate(tmp_path, organisations=3, versions=4, seed=7, length="long")
    archive = load_archive(data, root=tmp_path)
    assert len(archive.organisations) == 3
    assert all(len(o.versions) == 4 for o in archive.organisations)
    sizes = [sum(len(s.body.fi) for s in v.version.sections) for o in archive.organisations for v in o.versions]
    assert all(5_000 < size < 20_000 for size in sizes), sizes  # as long as the archive's longest notices
    first, second = archive.organisations[0].versions[:2]
    assert first.version.sections != second.version.sections  # versions really change


def test_same_seed_same_archive(tmp_path: Path) -> None:
    one = generate(tmp_path / "a", organisations=2, versions=2, seed=3)
    two = generate(tmp_path / "b", organisations=2, versions=2, seed=3)
    assert [p.read_bytes() for p in sorted(one.rglob("*.yaml"))] == [p.read_bytes() for p in sorted(two.rglob("*.yaml"))]


def test_notices_are_as_long_as_the_archives(tmp_path: Path) -> None:
    """By default each synthetic notice takes a real notice's number of sections and length: the synthetic archive's
    mean length is the real archive's, within what 40 draws allow."""
    real = load_archive(Path(__file__).resolve().parents[1] / "data")
    lengths = [
        sum(len(s.body[v.version.published_in[0]]) for s in v.version.sections) for o in real.organisations for v in o.versions
    ]
    data = generate(tmp_path, organisations=40, versions=1, seed=5)
    synthetic = load_archive(data, root=tmp_path)
    drawn = [sum(len(s.body.fi) for s in o.versions[0].version.sections) for o in synthetic.organisations]
    assert 0.7 < statistics.mean(drawn) / statistics.mean(lengths) < 1.4, (statistics.mean(drawn), statistics.mean(lengths))
    assert min(drawn) < statistics.median(lengths) < max(drawn)  # short and long notices alike, as in the archive


def test_each_version_is_held_to_its_capture(tmp_path: Path) -> None:
    """Each synthetic version has its capture, as a real one has, and validate compares them: a benchmark of validate
    without the fidelity check would leave out a quarter of its work on real notices."""
    data = generate(tmp_path, organisations=2, versions=2, seed=11)
    archive = load_archive(data, root=tmp_path)
    assert all(record.captures.get("fi") for o in archive.organisations for record in o.versions)
    capture = sorted(data.glob("*/captures/*.txt"))[0]
    capture.write_text(capture.read_text(encoding="utf-8") + "\nMyymme tietosi mainostajille.\n", encoding="utf-8")
    with pytest.raises(DataErrors, match="this sentence of the original is missing"):
        validate_archive(data, root=tmp_path)
