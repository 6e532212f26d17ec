"""Nothing lost: every text field of every version reaches the built site, and builds are reproducible.

The walk is generic: every string in the data is found by its path and must match a rule of
WHERE, which says where a reader (or a reuser of the open data) finds it. A field added to the
model without a rule fails here until someone decides where it is published. The walk runs
over the live archive (marked archive) and over the frozen fixture archive.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import filecmp
import gzip
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from datadir import as_in_the_data_file
from seloste.archive.emit import plain
from seloste.archive.loader import load_archive
from seloste.archive.localized import NoticeText
from seloste.archive.model import OrganisationRecord, VersionRecord
from seloste.compare.facts import facts_pairs, facts_text
from seloste.markup.render import markdown_html
from seloste.markup.text import html_text, normalize, plain_text
from seloste.publish.dates import date_view
from sitebuild import DATA, FROZEN, PROJECT, Build, build

pytestmark = pytest.mark.build

ARCHIVE = load_archive(DATA)
FROZEN_ARCHIVE = load_archive(FROZEN)

WHERE: list[tuple[str, str]] = [
    (r"published_in\[\d+\]", "json"),
    (r"title\.(fi|sv|en)", "text"),
    (r"sections\[\d+\]\.heading\.(fi|sv|en)", "text"),
    (r"sections\[\d+\]\.body\.(fi|sv|en)", "text"),
    (r"sections\[\d+\]\.id", "anchor"),
    (r"change\.summary\.(fi|en)", "history"),
    (r"change\.kind", "json"),
    (r"source\.note\.(fi|en)", "page"),
    (r"source\.(url|repository|path|commit)", "page-raw"),
    (r"source\.pages\[\d+\]", "page-raw"),
    (r"source\.path\[\d+\]", "page-raw"),  # each page's file, of a notice kept as one file per page
    (r"source\.(url|path|commit)\.(fi|sv|en)", "text-raw"),  # each language's file: on the pages showing that language
    (r"source\.capture(\.(fi|sv|en)|\[\d+\])?", "json"),  # provenance: the archive's own file(s)
    (r"source\.capture_noise\[\d+\](\.lines|\.page)?", "json"),  # the lines of it that are not the notice
    (r"corrections\[\d+\]\.reason\.(fi|en)", "page"),
    (r"corrections\[\d+\]\.date", "json"),
    # all on the pages too, as dates in words; the last two checked there by test_shapes.py
    (r"(stated_date|stated_month|recorded_date|changed_after|first_published)", "json"),
    (r"translation", "json"),
    (r"facts\..*\.(quote)\.(fi|sv|en)", "json"),  # evidence for the fact; the fact itself is shown
    (r"facts\..*\.role\.(fi|sv|en)", "text"),  # a contact's role, as the text states it
    (r"facts\..*\.section", "json"),
    (r"facts\..*", "facts"),
]


def leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, f"{path}[{index}]")
    else:
        yield path, value


def rule(path: str) -> str:
    for pattern, where in WHERE:
        if re.fullmatch(pattern, path):
            return where
    raise AssertionError(f"no rule says where {path} is published: add one to WHERE")


def page_path(org: OrganisationRecord, record: VersionRecord, lang: str) -> str:
    prefix = "" if lang == "fi" else f"{lang}/"
    return f"{prefix}{org.slug}/" if record is org.current else f"{prefix}{org.slug}/{record.id}/"


def _text(site: Build, path: str) -> str:
    return html_text(str(site.soup(path)))


CASES = [
    pytest.param("live", o.slug, v.id, marks=pytest.mark.archive, id=f"live-{o.slug}-{v.id}")
    for o in ARCHIVE.organisations
    for v in o.versions
] + [pytest.param("frozen", o.slug, v.id, id=f"frozen-{o.slug}-{v.id}") for o in FROZEN_ARCHIVE.organisations for v in o.versions]


@pytest.mark.parametrize(("archive", "slug", "version_id"), CASES)
def test_every_text_field_of_the_version_is_on_its_pages(
    request: pytest.FixtureRequest, archive: str, slug: str, version_id: str
) -> None:
    site: Build = request.getfixturevalue("real_site" if archive == "live" else "frozen_site")
    org = (ARCHIVE if archive == "live" else FROZEN_ARCHIVE).get(slug)
    record = org.version(version_id)
    data = plain(record.version)
    published = json.loads(gzip.decompress((site.site / f"data/v2/{slug}.json.gz").read_bytes()))
    assert as_in_the_data_file(published["versions"][version_id]) == data  # the open data holds every field exactly
    pages = {lang: site.soup(page_path(org, record, lang)) for lang in ("fi", "en")}
    texts = {lang: html_text(str(page)) for lang, page in pages.items()}
    # a text no site language's pages show (the Swedish beside Finnish) is on its own page, in each site language's frame
    own_pages = {
        (site_lang, text_lang): site.soup(f"{'' if site_lang == 'fi' else 'en/'}{slug}/{version_id}/{text_lang}/")
        for text_lang in record.version.separate_languages
        for site_lang in ("fi", "en")
    }
    own_texts = {key: html_text(str(page)) for key, page in own_pages.items()}
    history = {lang: _text(site, ("" if lang == "fi" else "en/") + f"{slug}/history/") for lang in ("fi", "en")}
    shown_facts = {
        lang: json.dumps(facts_pairs(facts_text(record.version.facts, lang)), ensure_ascii=False) for lang in ("fi", "en")
    }
    checked = 0
    for path, value in leaves(data):
        if not isinstance(value, str):
            continue
        suffix = path.rsplit(".", 1)[-1]
        lang = suffix if suffix in ("fi", "en") else "fi"
        where = rule(path)
        # a text of the notice in language L is on the pages that read L (a notice only in English: both pages)
        readers: list[tuple[str, Any, str]] = [
            (page_path(org, record, site_lang), pages[site_lang], texts[site_lang])
            for site_lang in ("fi", "en")
            if record.version.reading(site_lang)[0] == suffix
        ] + [(f"{key[0]}: {suffix} page", own_pages[key], own_texts[key]) for key in own_pages if key[1] == suffix]
        if where in ("text", "text-raw"):
            assert readers, f"{path}: no page shows {suffix}"
            for name, page, text in readers:
                if where == "text-raw":
                    assert value in str(page), f"{path} missing from {name}"
                    continue
                shown = html_text(markdown_html(value)) if ".body." in path else plain_text(value)
                if ".role." in path:
                    shown = normalize(value)
                assert shown in text, f"{path} missing from {name}"
        elif where == "page":
            shown = html_text(markdown_html(value)) if ".body." in path else plain_text(value)
            assert shown in texts[lang], f"{path} missing from {page_path(org, record, lang)}"
        elif where == "page-raw":
            html = str(pages[lang])
            assert value in html, f"{path} missing from {page_path(org, record, lang)}"
        elif where == "anchor":
            assert pages["fi"].find(id=value) is not None and pages["en"].find(id=value) is not None, path
        elif where == "history":
            assert normalize(value) in history[lang], f"{path} missing from the history page"
        elif where == "facts":
            # a fact reads in words of the page's language: its value or a fixed choice's label
            page_facts = json.loads(pages[lang].select_one("#sl-facts").get_text())
            assert page_facts == json.loads(shown_facts[lang])
            assert _fact_shown(path, value, record, lang, shown_facts[lang]), f"{path}={value!r} not shown"
        checked += 1
    assert checked > (20 if archive == "frozen" else 0)  # the seed notices have many fields; any version has a few


def _fact_shown(path: str, value: str, record: VersionRecord, lang: str, shown: str) -> bool:
    """The fact's value as displayed (Localized texts in their language, codes as labels) is among the shown facts."""
    if re.search(r"\.(fi|en)$", path):
        return json.dumps(value, ensure_ascii=False)[1:-1] in shown
    from seloste.archive.types import country_names
    from seloste.compare.facts import fact_value_label

    candidates = {value, fact_value_label(value, lang), country_names(lang).get(value, value)}
    return any(json.dumps(c, ensure_ascii=False)[1:-1] in shown for c in candidates)


def test_every_organisation_field_is_on_its_notice_page(real_site: Build) -> None:
    """Its updates (the date and reason of each change to these details) are on its history page, beside the
    versions."""
    for org in ARCHIVE.organisations:
        for lang in ("fi", "en"):
            prefix = "" if lang == "fi" else "en/"
            text, history = _text(real_site, prefix + f"{org.slug}/"), _text(real_site, prefix + f"{org.slug}/history/")
            for path, value in leaves(plain(org.organisation)):
                if path.startswith("updates["):
                    if path.endswith(".date"):
                        value = date_view(dt.date.fromisoformat(value), lang).text
                    if not re.search(r"\.reason\.(fi|en)$", path) or path.endswith(f".{lang}"):
                        assert normalize(value) in history, f"{org.slug}: {path} not on the history page in {lang}"
                    continue
                assert isinstance(value, str) and (
                    normalize(value) in text or value in str(real_site.soup(("" if lang == "fi" else "en/") + f"{org.slug}/"))
                ), f"{org.slug}: {path}"


def test_localized_fields_are_covered_by_the_walk() -> None:
    """The walk reaches the notice's texts through plain(): every language of each."""
    version = FROZEN_ARCHIVE.organisations[0].current.version
    assert dataclasses.is_dataclass(version.title) and isinstance(version.title, NoticeText)
    paths = [path for path, _ in leaves(plain(version))]
    assert "title.fi" in paths and "title.en" in paths


def test_two_builds_of_the_same_commit_are_byte_identical(real_site: Build, tmp_path_factory: pytest.TempPathFactory) -> None:
    again = build(PROJECT, tmp_path_factory.mktemp("again") / "site")
    assert again.returncode == 0, again.stderr
    first = sorted(p.relative_to(real_site.site) for p in real_site.site.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again.site) for p in again.site.rglob("*") if p.is_file())
    assert first == second
    differ = [str(p) for p in first if not filecmp.cmp(real_site.site / p, again.site / p, shallow=False)]
    assert differ == []
