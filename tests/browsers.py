"""Which browser the browser tests drive: the same choice scripts/install-system-packages makes."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

NAMES = ("google-chrome", "google-chrome-stable", "chromium")
"""GitHub's Ubuntu runners have Google Chrome (and a Chromium snapshot); Debian machines get Debian's chromium."""


def find_browser(environ: Mapping[str, str]) -> Path | None:
    """``SELOSTE_CHROMIUM`` if set, else the first of NAMES on the ``PATH`` of ``environ``; None if there is none."""
    if override := environ.get("SELOSTE_CHROMIUM"):
        return Path(override)
    search = environ.get("PATH", "")
    found = next((hit for name in NAMES if (hit := shutil.which(name, path=search))), None)
    return Path(found) if found else None
