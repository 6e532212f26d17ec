"""The benchmark's synthetic archive is valid data of realistic size."""

from __future__ import annotations

import sys
from pathlib import Path

from seloste.archive.loader import load_archive

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from synthetic import generate


def test_synthetic_archive_is_valid_and_notice_sized(tmp_path: Path) -> None:
    data = generate(tmp_path, organisations=3, versions=4, seed=7)
    archive = load_archive(data, root=tmp_path)
    assert len(archive.organisations) == 3
    assert all(len(o.versions) == 4 for o in archive.organisations)
    sizes = [sum(len(s.body.fi) for s in v.version.sections) for o in archive.organisations for v in o.versions]
    assert all(5_000 < size < 20_000 for size in sizes), sizes  # the real GDPR notices: 7-12 kB of Finnish
    first, second = archive.organisations[0].versions[:2]
    assert first.version.sections != second.version.sections  # versions really change


def test_same_seed_same_archive(tmp_path: Path) -> None:
    one = generate(tmp_path / "a", organisations=2, versions=2, seed=3)
    two = generate(tmp_path / "b", organisations=2, versions=2, seed=3)
    assert [p.read_bytes() for p in sorted(one.rglob("*.yaml"))] == [p.read_bytes() for p in sorted(two.rglob("*.yaml"))]
