"""UI strings of both languages, read from ``labels.yaml`` (the one place they live)."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

import yaml

from .model import LANGUAGES

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
