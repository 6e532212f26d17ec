"""UI strings of both languages, read from ``labels.yaml`` (the one place they live)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .archive.localized import LANGUAGES

LABELS_FILE = Path(__file__).with_name("labels.yaml")


@functools.cache
def _all() -> dict[str, dict[str, Any]]:
    with LABELS_FILE.open(encoding="utf-8") as stream:
        table: dict[str, dict[str, Any]] = yaml.load(stream, Loader=yaml.CSafeLoader)
    for key, value in table.items():
        missing = [lang for lang in LANGUAGES if lang not in value]
        if missing:
            raise ValueError(f"{LABELS_FILE}: label {key!r} has no {', '.join(missing)} text")
    return table


@functools.cache
def labels(lang: str) -> dict[str, Any]:
    """All labels in one language: ``labels('en')['contents'] == 'Contents'``."""
    return {key: value[lang] for key, value in _all().items()}


def format_date(date: dt.date, lang: str) -> str:
    """A date as a reader of ``lang`` writes it: ``23.6.2021`` / ``23 June 2021``."""
    if lang == "fi":
        return f"{date.day}.{date.month}.{date.year}"
    return f"{date.day} {labels(lang)['months'][date.month - 1]} {date.year}"


def format_month(year: int, month: int, lang: str) -> str:
    """A month as a reader of ``lang`` writes it, as :func:`format_date` writes a day: ``1/2025`` / ``January 2025``."""
    if lang == "fi":
        return f"{month}/{year}"
    return f"{labels(lang)['months'][month - 1]} {year}"


def plural(forms: Mapping[str, str], count: int) -> str:
    """The form of a counted label for ``count``: ``{one: "{count} osio", other: "{count} osiota"}``. Finnish
    and English both take ``one`` for 1 and ``other`` for any other number (0 osiota, 2 osiota; 0 sections)."""
    return forms["one" if count == 1 else "other"]


def counted(count: int, one: str, other: str) -> str:
    """A count with its noun in English, for the command line and the build's messages: ``1 error``, ``2 errors``."""
    return f"{count} {one if count == 1 else other}"
