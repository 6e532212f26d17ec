"""The archive as open data: every organisation with every version, as JSON at a stable URL.

Files go under ``data/v2/`` of the published site (docs/open-data.en.md documents them):

- ``index.json``: every organisation and its versions, with links;
- ``<slug>.json.gz``: one organisation, gzip-compressed JSON: ``organisation`` and every
  version by its id, oldest first, exactly the data files of the archive as JSON (a purpose's legal bases in the
  shape format 2 gave them: ``_stable_bases``); each part validates against the schema published beside it;
- ``schema/organisation.schema.json``, ``schema/version.schema.json``.

One compressed file per organisation, not one plain file per version: successive versions
repeat most of their text, which gzip stores as references when it lies within 32 kB.
Version 1 of the format, a plain file per version, took as much room as all the pages of the
site at 2,000 organisations (docs/benchmark.en.md). The number in the path changes only if a file's shape changes
incompatibly.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Iterator
from typing import Any

from ..archive.emit import plain
from ..archive.facts import LegalBasis, StatedBasis
from ..archive.localized import LANGUAGES
from ..archive.model import Archive, OrganisationRecord, Version, VersionRecord
from ..archive.schema import SCHEMAS, render, schema_for
from .packed import gzipped, json_bytes
from .urls import notice_path, own_text_path, site_url, version_path

OPEN_DATA_DIR = "data/v2/"
FORMAT = 2


def open_data_file(slug: str) -> str:
    """An organisation's open data file, relative to the site root."""
    return f"{OPEN_DATA_DIR}{slug}.json.gz"


def _json(value: Any) -> str:
    return json_bytes(value).decode("utf-8") + "\n"


def index(archive: Archive) -> dict[str, Any]:
    """The index of all organisations and versions. Paths of files are relative to ``data/v2/``, those of pages
    relative to the site root."""
    organisations = []
    for record in archive.organisations:
        versions = []
        for v in record.versions:
            current = v is record.current
            pages = {
                lang: site_url(lang, notice_path(record.slug) if current else version_path(record.slug, v.id))
                for lang in LANGUAGES
            }
            versions.append(
                {
                    "id": v.id,
                    "stated_date": v.version.stated_date.isoformat() if v.version.stated_date else None,
                    "stated_month": v.version.stated_month,
                    "recorded_date": v.version.recorded_date.isoformat(),
                    "changed_after": v.changed_after.isoformat() if v.changed_after else None,
                    "first_published": v.version.first_published,
                    "change": v.version.change.kind if v.version.change else None,
                    "published_in": list(v.version.published_in),
                    "readings": {
                        lang: dict(zip(("language", "whose"), v.version.reading(lang), strict=True)) for lang in LANGUAGES
                    },
                    "current": current,
                    "pages": pages,
                    "own_texts": _own_texts(record.slug, v, pages),
                }
            )
        organisations.append(
            {
                "slug": record.slug,
                "name": record.organisation.name,
                "names": {field.removeprefix("names."): name for field, name in record.organisation.all_names[1:]},
                "business_id": record.organisation.business_id,
                "file": open_data_file(record.slug).removeprefix(OPEN_DATA_DIR),
                "current": record.current.id,
                "versions": versions,
            }
        )
    return {
        "format": FORMAT,
        "schemas": {"organisation": "schema/organisation.schema.json", "version": "schema/version.schema.json"},
        "organisations": organisations,
    }


def _own_texts(slug: str, v: VersionRecord, pages: dict[str, str]) -> dict[str, dict[str, str]]:
    """Where each of the organisation's own texts of a version is shown: by its language, the page of each site
    language that shows it (the Finnish page shows the Finnish text; a Swedish text beside Finnish has a page of its
    own in each)."""
    version = v.version
    own: dict[str, dict[str, str]] = {}
    for text_lang in version.published_in:
        if text_lang in version.separate_languages:
            own[text_lang] = {lang: site_url(lang, own_text_path(slug, v.id, text_lang)) for lang in LANGUAGES}
        else:
            own[text_lang] = {lang: pages[lang] for lang in LANGUAGES if version.reading(lang)[0] == text_lang}
    return own


def organisation_data(record: OrganisationRecord) -> dict[str, Any]:
    """What an organisation's file holds, before compression."""
    memo: dict[int, Any] = {}  # a section kept as it was is one object across the versions: made plain once
    return {
        "format": FORMAT,
        "slug": record.slug,
        "organisation": plain(record.organisation, memo),
        "versions": {v.id: _stable_bases(plain(v.version, memo), v.version) for v in record.versions},
    }


def _stable_bases(data: dict[str, Any], version: Version) -> dict[str, Any]:
    """``data``, ``version`` as open data: each purpose's ``legal_basis`` one value, as format 2 has always given it
    (the first where the notice gives several: a data file may list them), and beside it ``legal_bases``, every basis
    the notice gives, in its order (none where it gives none: ``Purpose.legal_bases``). New dicts: the version's own
    are shared with others (``memo``)."""
    if not version.facts.purposes:
        return data
    purposes = []
    for purpose, model in zip(data["facts"]["purposes"], version.facts.purposes, strict=True):
        bases = list(model.legal_bases)
        stable: dict[str, Any] = {}
        for key, value in purpose.items():
            stable[key] = (bases[0] if bases else "not-stated") if key == "legal_basis" else value
            if key == "legal_basis":
                stable["legal_bases"] = bases
        purposes.append(stable)
    return {**data, "facts": {**data["facts"], "purposes": purposes}}


def _version_schema() -> str:
    """The published schema of a version: the data file's (``data/schema/``), with a purpose's legal bases as the
    open data gives them (``_stable_bases``)."""
    schema = schema_for(Version)
    purpose = schema["$defs"]["Purpose"]
    described = purpose["properties"]["legal_basis"]["description"]
    bases = {
        "legal_basis": {
            "description": f"{described} Here one value: the first where it gives several (they are in legal_bases).",
            "enum": list(typing.get_args(LegalBasis)),
        },
        "legal_bases": {
            "description": "Every Art. 6(1) basis the notice gives for this purpose, in its order; none where it gives "
            "none (legal_basis: not-stated). Since 6 December 2026.",
            "type": "array",
            "items": {"enum": list(typing.get_args(StatedBasis))},
            "uniqueItems": True,
        },
    }
    properties = purpose["properties"]
    purpose["properties"] = {
        k: v for key in properties for k, v in (bases.items() if key == "legal_basis" else [(key, properties[key])])
    }
    purpose["required"] = [*purpose["required"], "legal_bases"]
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def open_data_organisation_file(record: OrganisationRecord) -> tuple[str, bytes]:
    """(path relative to the site root, compressed JSON) of one organisation's open data file."""
    return open_data_file(record.slug), gzipped(json_bytes(organisation_data(record)) + b"\n")  # as _json's, encoded


def open_data_site_files(archive: Archive) -> Iterator[tuple[str, str | bytes]]:
    """(path relative to the site root, text) of the open data files that span organisations: the index and the
    schemas."""
    yield OPEN_DATA_DIR + "index.json", _json(index(archive))
    for name, cls in SCHEMAS.items():
        yield f"{OPEN_DATA_DIR}schema/{name}", _version_schema() if cls is Version else render(cls)


def open_data_files(archive: Archive) -> Iterator[tuple[str, str | bytes]]:
    """(path relative to the site root, text or bytes) of every open data file."""
    yield from open_data_site_files(archive)
    for record in archive.organisations:
        yield open_data_organisation_file(record)
