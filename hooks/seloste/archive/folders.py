"""What data/ may hold as organisation folders: real folders (no symbolic link anywhere), named by a slug the site has
no page of its own at."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..limits import MAX_SLUG
from .errors import Run
from .types import SLUG_PATTERN

RESERVED_SLUGS = frozenset(
    {
        *("en", "fi", "sv", "assets", "search", "search-index", "about", "tietoa", "data", "feeds", "feed", "schema", "404"),
        *("facts", "open-data", "architecture", "benchmark", "sitemap", "stylesheets", "javascripts", "images", "lite"),
    }
)
"""Slugs that would collide with the site's own paths."""


def is_link(run: Run, path: Path) -> bool:
    """A symbolic link anywhere in data/ is refused (reported) rather than followed: it could publish a file from
    outside the repository, and a dangling one would crash a build."""
    if not path.is_symlink():
        return False
    run.error(path, "a symbolic link: data/ holds files and folders only; copy the file in instead")
    return True


def links_inside(run: Run, folder: Path) -> bool:
    """Report every symbolic link inside an organisation's folder; True if there is any."""
    found = False
    for top, folders, files in os.walk(folder, followlinks=False):
        for name in sorted(folders + files):
            found |= is_link(run, Path(top) / name)
    return found


def slug_ok(run: Run, folder: Path) -> bool:
    slug = folder.name
    if len(slug) > MAX_SLUG:
        run.error(folder, f"organisation folder name is {len(slug)} characters long; a slug may have at most {MAX_SLUG}")
        return False
    if not re.fullmatch(SLUG_PATTERN, slug) or not slug.isascii():
        run.error(
            folder,
            f"organisation folder name {slug!r} is not a valid slug: "
            "expected lowercase a-z, 0-9 and single hyphens, such as 'micro-magic'",
        )
        return False
    if slug in RESERVED_SLUGS:
        run.error(folder, f"organisation slug {slug!r} is reserved for the site's own pages; choose another")
        return False
    return True
