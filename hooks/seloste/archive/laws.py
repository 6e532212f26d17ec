"""The laws a notice can cite, with their sources and whether they still apply (``laws.yaml``)."""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

from .localized import LANGUAGES

Law = Literal[
    "gdpr",
    "tietosuojalaki-1050-2018",
    "henkilotietolaki-523-1999",
    "sahkoisen-viestinnan-palvelulaki-917-2014",
    "kirjanpitolaki-1336-1997",
    "privacy-shield",
    "potilaslaki-785-1992",
    "potilasasiakirja-asetus-298-2009",
    "potilasasiakirja-asetus-94-2022",
    "asiakastietolaki-159-2007",
    "asiakastietolaki-784-2021",
    "asiakastietolaki-703-2023",
]
"""The laws the archive knows (laws.yaml: each one's source, and since when it no longer applies)."""

LAWS_FILE = Path(__file__).with_name("laws.yaml")


@dataclass(frozen=True, slots=True)
class LawInfo:
    id: str
    name: dict[str, str]
    source: dict[str, str]
    applies_from: dt.date
    ended: dt.date | None = None
    ended_short: dict[str, str] | None = None
    """What ended it, in a few words: ``repealed by the Data Protection Act 1050/2018``."""
    ended_because: dict[str, str] | None = None
    ended_source: dict[str, str] | None = None

    def ended_by(self, date: dt.date) -> bool:
        """Had the law stopped applying by ``date``?"""
        return self.ended is not None and self.ended <= date


def _load() -> dict[str, LawInfo]:
    with LAWS_FILE.open(encoding="utf-8") as stream:
        table = yaml.load(stream, Loader=yaml.CSafeLoader)
    laws = {key: LawInfo(id=key, **value) for key, value in table.items()}
    expected = set(typing.get_args(Law))
    if set(laws) != expected:
        raise ValueError(f"{LAWS_FILE}: laws {sorted(set(laws) ^ expected)} differ from the model's Law choices")
    for law in laws.values():
        for texts in (law.name, law.source, law.ended_short or {}, law.ended_because or {}, law.ended_source or {}):
            if texts and set(texts) != set(LANGUAGES):
                raise ValueError(f"{LAWS_FILE}: {law.id} needs texts in {', '.join(LANGUAGES)}")
        ended = (law.ended, law.ended_short, law.ended_because, law.ended_source)
        if any(ended) and not all(ended):
            raise ValueError(f"{LAWS_FILE}: {law.id} needs ended, ended_short, ended_because and ended_source together")
    return laws


LAWS: dict[str, LawInfo] = _load()
