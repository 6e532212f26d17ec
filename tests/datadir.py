"""Build throwaway data folders for tests from the fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

FIXTURES = Path(__file__).parent / "fixtures"
SLUG = "esimerkki"
VERSION = "2024-01-10"
ORGANISATION_LINE = "# yaml-language-server: $schema=../schema/organisation.schema.json\n"
VERSION_LINE = "# yaml-language-server: $schema=../schema/version.schema.json\n"
"""The editor lines an organisation.yaml and a version file begin with, for tests that write a data file of their own:
validate refuses a file without its line."""


def make_data(
    root: Path,
    *,
    version: str | None = None,
    organisation: str | None = None,
    slug: str = SLUG,
    version_id: str = VERSION,
) -> Path:
    """``root/data/<slug>/`` with an organisation, one version and its capture; returns ``root/data``.

    ``version`` / ``organisation`` replace the file's text; the defaults are the bases the
    invalid fixtures are made from.
    """
    folder = root / "data" / slug
    (folder / "captures").mkdir(parents=True, exist_ok=True)
    org_text = organisation if organisation is not None else (FIXTURES / "invalid/organisation/_base.yaml").read_text()
    if slug != SLUG:  # two organisations cannot share a business ID, nor a name
        org_text = org_text.replace(BUSINESS_ID, business_id_for(slug)).replace(f"name: {NAME}\n", f"name: {name_for(slug)}\n")
    version_text = version if version is not None else (FIXTURES / "invalid/version/_base.yaml").read_text()
    (folder / "organisation.yaml").write_text(org_text, encoding="utf-8")
    (folder / f"{version_id}.yaml").write_text(version_text, encoding="utf-8")
    (folder / "captures" / f"{VERSION}.txt").write_text(capture_for(version_text), encoding="utf-8")
    return root / "data"


BUSINESS_ID = "1783913-6"
"""The fixture organisation's business ID."""
NAME = "Esimerkki Oy"
"""The fixture organisation's name."""


def name_for(slug: str) -> str:
    """A name of its own for a test organisation other than the fixture's (two cannot look alike): 'Toinen Oy'."""
    return f"{slug.replace('-', ' ').capitalize()} Oy"


def business_id_for(slug: str) -> str:
    """A valid business ID (Y-tunnus) of its own for a test organisation other than the fixture's."""
    number = int.from_bytes(slug.encode("utf-8"), "big") % 9_000_000 + 1_000_000
    while True:
        digits = [int(c) for c in str(number)]
        remainder = sum(d * w for d, w in zip(digits, (7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
        if remainder != 1 and number != 1783913:
            return f"{number}-{0 if remainder == 0 else 11 - remainder}"
        number += 1


def capture_for(version_text: str) -> str:
    """A capture the version's Finnish text is faithful to (its title, headings and bodies), for tests
    that are not about fidelity (its title under a misspelt key too: validate checks the texts all the same); a one-line
    stub if the text is not a readable version."""
    try:
        version = yaml.load(version_text, Loader=yaml.BaseLoader)  # every scalar as typed
        title = version.get("title") or next(v for v in version.values() if isinstance(v, dict) and set(v) == {"fi", "en"})
        parts = [title["fi"]]
        for section in version["sections"]:
            if section.get("heading"):
                parts.append(section["heading"]["fi"])
            parts.append(section["body"]["fi"])
    except (yaml.YAMLError, KeyError, TypeError, AttributeError, RecursionError, StopIteration):
        return "Tietosuojaseloste\n"
    return "\n\n".join(str(part) for part in parts) + "\n"


def edit(path: Path, old: str, new: str, count: int = -1) -> str:
    """Write into the file at ``path`` its text with ``old`` replaced by ``new`` (every time, or the first ``count``);
    ``old`` must stand in it. Returns the text written."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r}"
    text = text.replace(old, new, count)
    path.write_text(text, encoding="utf-8")
    return text


def copy_valid(root: Path, slug: str = SLUG) -> Path:
    """The valid fixture organisation (two versions and a capture) as ``root/data/<slug>``."""
    folder = root / "data" / slug
    (folder / "captures").mkdir(parents=True, exist_ok=True)
    for name in ("organisation.yaml", "2024-01-10.yaml", "2024-06-01.yaml"):
        shutil.copy(FIXTURES / "valid" / name, folder / name)
    if slug != SLUG:
        organisation = folder / "organisation.yaml"
        text = organisation.read_text(encoding="utf-8")
        organisation.write_text(
            text.replace(BUSINESS_ID, business_id_for(slug)).replace(f"name: {NAME}\n", f"name: {name_for(slug)}\n")
        )
    shutil.copy(FIXTURES / "valid" / "2024-01-10.txt", folder / "captures" / "2024-01-10.txt")
    return root / "data"


def as_in_the_data_file(published: dict) -> dict:
    """A version's open data as its data file has it: each purpose's legal_bases, beside its one legal_basis (the
    first), read back into the data file's legal_basis (one, or a list of several)."""
    facts = published.get("facts", {})
    for purpose in facts.get("purposes", []):
        bases = purpose.pop("legal_bases")
        assert purpose["legal_basis"] == (bases[0] if bases else "not-stated")
        purpose["legal_basis"] = bases if len(bases) > 1 else purpose["legal_basis"]
    return published
