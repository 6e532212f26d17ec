"""Build throwaway data folders for tests from the fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

FIXTURES = Path(__file__).parent / "fixtures"
SLUG = "esimerkki"
VERSION = "2024-01-10"


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
    version_text = version if version is not None else (FIXTURES / "invalid/version/_base.yaml").read_text()
    (folder / "organisation.yaml").write_text(org_text, encoding="utf-8")
    (folder / f"{version_id}.yaml").write_text(version_text, encoding="utf-8")
    (folder / "captures" / f"{VERSION}.txt").write_text(capture_for(version_text), encoding="utf-8")
    return root / "data"


def capture_for(version_text: str) -> str:
    """A capture the version's Finnish text is faithful to (its title, headings and bodies), for tests
    that are not about fidelity; a one-line stub if the text is not a readable version."""
    try:
        version = yaml.load(version_text, Loader=yaml.BaseLoader)  # every scalar as typed
        parts = [version["title"]["fi"]]
        for section in version["sections"]:
            if section.get("heading"):
                parts.append(section["heading"]["fi"])
            parts.append(section["body"]["fi"])
    except (yaml.YAMLError, KeyError, TypeError, AttributeError):
        return "Tietosuojaseloste\n"
    return "\n\n".join(str(part) for part in parts) + "\n"


def copy_valid(root: Path, slug: str = SLUG) -> Path:
    """The valid fixture organisation (two versions and a capture) as ``root/data/<slug>``."""
    folder = root / "data" / slug
    (folder / "captures").mkdir(parents=True, exist_ok=True)
    for name in ("organisation.yaml", "2024-01-10.yaml", "2024-06-01.yaml"):
        shutil.copy(FIXTURES / "valid" / name, folder / name)
    shutil.copy(FIXTURES / "valid" / "2024-01-10.txt", folder / "captures" / "2024-01-10.txt")
    return root / "data"
