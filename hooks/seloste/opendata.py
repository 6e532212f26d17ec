"""The archive as open data: every version as JSON at a stable URL, with an index.

Files go under ``data/v1/`` of the published site (docs/open-data.en.md documents them):

- ``index.json``: every organisation and its versions, with links;
- ``<slug>/organisation.json`` and ``<slug>/<YYYY-MM-DD>.json``: exactly the data files of
  the archive, as JSON; they validate against the schemas published beside them;
- ``schema/organisation.schema.json``, ``schema/version.schema.json``.

The ``v1`` in the path changes only if a file's shape changes incompatibly.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .emit import plain
from .model import LANGUAGES, Archive
from .pages import notice_path, site_url, version_path
from .schema import SCHEMAS, render

OPEN_DATA_DIR = "data/v1/"
FORMAT = 1


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def index(archive: Archive) -> dict[str, Any]:
    """The index of all organisations and versions. Paths of JSON files are relative to ``data/v1/``,
    those of pages relative to the site root."""
    organisations = []
    for record in archive.organisations:
        versions = []
        for v in record.versions:
            current = v is record.current
            versions.append(
                {
                    "id": v.id,
                    "stated_date": v.version.stated_date.isoformat() if v.version.stated_date else None,
                    "recorded_date": v.version.recorded_date.isoformat(),
                    "change": v.version.change.kind if v.version.change else None,
                    "current": current,
                    "json": f"{record.slug}/{v.id}.json",
                    "pages": {
                        lang: site_url(lang, notice_path(record.slug) if current else version_path(record.slug, v.id))
                        for lang in LANGUAGES
                    },
                }
            )
        organisations.append(
            {
                "slug": record.slug,
                "name": record.organisation.name,
                "business_id": record.organisation.business_id,
                "organisation": f"{record.slug}/organisation.json",
                "current": record.current.id,
                "versions": versions,
            }
        )
    return {
        "format": FORMAT,
        "schemas": {"organisation": "schema/organisation.schema.json", "version": "schema/version.schema.json"},
        "organisations": organisations,
    }


def open_data_files(archive: Archive) -> Iterator[tuple[str, str]]:
    """(path relative to the site root, text) of every open data file."""
    yield OPEN_DATA_DIR + "index.json", _json(index(archive))
    for name, cls in SCHEMAS.items():
        yield f"{OPEN_DATA_DIR}schema/{name}", render(cls)
    for record in archive.organisations:
        yield f"{OPEN_DATA_DIR}{record.slug}/organisation.json", _json(plain(record.organisation))
        for v in record.versions:
            yield f"{OPEN_DATA_DIR}{record.slug}/{v.id}.json", _json(plain(v.version))
