"""The date a notice states ('Päivitetty 27.3.2023', 'Last updated March 27, 2023', 'Uppdaterad 27 mars 2023'):
read from a capture's text by import and tracking, in the forms notices write it, day first unless the numbers show
otherwise."""

from __future__ import annotations

import datetime as dt
import re

_FI_MONTHS = ["tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka", "marras", "joulu"]
_EN_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_SV_MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november",
              "december"]  # fmt: skip
_MONTH_NAME = r"[^\W\d_]{3,12}\.?"
"""A month's name, as a word (maaliskuuta, March, mars, Sept.): read as a month by :func:`_month`, so that a word
that is none is no date. One class of letters, not an alternation of every month in three languages, which the
pattern would try at every place after a keyword (about three times slower over 5 MB of keywords, measured)."""
_STATED_DATE = (
    r"(?<![0-9])(?:[0-9]{4}-[0-9]{2}-[0-9]{2}"  # ISO 8601
    r"|[0-9]{1,2}(?P<sep>[./-])[0-9]{1,2}(?P=sep)(?:[0-9]{4}|[0-9]{2})(?![0-9])"  # 27.3.2023, 27/03/2023, 27-03-2023, 27.3.23
    rf"|[0-9]{{1,2}}(?:\.|st|nd|rd|th)? {_MONTH_NAME},? [0-9]{{4}}"  # 27. maaliskuuta 2023, 27 March 2023, 27 mars 2023
    rf"|{_MONTH_NAME} [0-9]{{1,2}}(?:st|nd|rd|th)?,? [0-9]{{4}})"  # March 27, 2023
)
_STATED = re.compile(
    r"(?:(?:viimeisin|viimeksi|last|latest|senast|senaste)\s+)?"  # quoted with the words it states the date by
    r"(?:päivitetty|päivitys|muutettu|muutos|muokattu|tarkistettu|tarkastettu|laadittu|laatimispäivä|päiväys|päivätty|"
    r"päivämäärä|voimassa|update|revised|modified|changed|effective|uppdaterad|ändrad|reviderad|gäller|upprättad|datum)"
    r"\D{0,30}?(?P<date>" + _STATED_DATE + ")",
    re.IGNORECASE,
)


def stated_date(text: str) -> dt.date | None:
    """The latest date the text states as its own ("Päivitetty 1.3.2024", "Viimeksi päivitetty: 27/03/2023", "Last
    updated March 3, 2024", "Senast uppdaterad 27 mars 2023"), if any. A day-first date is read day first, as Finnish,
    Swedish and British notices write it (27/03/2023, 5.6.2023); month first only where the day shows it (03/27/2023)."""
    return max((date for date, _words in stated_dates(text)), default=None)


def stated_dates(text: str) -> list[tuple[dt.date, str]]:
    """Each date the text states as its own, with the words that state it ("Päivitetty 27/03/2023")."""
    return [
        (date, " ".join(_EMPHASIS.sub("", m[0]).split()))
        for m in _STATED.finditer(text)
        if (date := _parse(m["date"])) is not None
    ]


_EMPHASIS = re.compile(r"[*_`]+")
"""Markdown's emphasis and code marks, which a capture keeps around the words ('**Päivitetty:** 1.3.2024')."""


def latest_statement(texts: dict[str, str]) -> tuple[tuple[dt.date, str] | None, str | None]:
    """The latest date any of a version's texts (by language) states, with its words; and, where the texts state
    different latest dates, a line that names each (the version is dated by the latest)."""
    latest = {lang: max(stated_dates(text), default=None) for lang, text in texts.items()}
    found = [(lang, statement) for lang, statement in latest.items() if statement is not None]
    statement = max((statement for _lang, statement in found), default=None)
    if len({date for _lang, (date, _words) in found}) < 2:
        return statement, None
    each = "; ".join(f"{lang}: {words!r} ({date.isoformat()})" for lang, (date, words) in found)
    said = f"the texts state different dates ({each}): "
    return statement, said + "the latest is read as the notice's date; check it is the version's"


_EN_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december"]  # fmt: skip


def _month(name: str) -> int:
    """The month a word names (ValueError if none): Finnish 'maaliskuuta', Swedish 'mars', English 'March', 'Mar.',
    'Sept'; not a word that only begins like one ('marraskuu' is no 'Mar')."""
    name = name.lower().rstrip(".")
    if name.endswith("kuuta"):
        return _FI_MONTHS.index(name.removesuffix("kuuta")) + 1
    if name in _SV_MONTHS:
        return _SV_MONTHS.index(name) + 1
    if name in _EN_NAMES:
        return _EN_NAMES.index(name) + 1
    if name in _EN_MONTHS or name == "sept":
        return _EN_MONTHS.index(name[:3]) + 1
    raise ValueError(f"{name!r} names no month")


def _parse(text: str) -> dt.date | None:
    text = " ".join(text.split())
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            return dt.date.fromisoformat(text)
        if m := re.fullmatch(r"([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{2,4})", text):
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            day, month = int(m[1]), int(m[2])
            if month > 12 >= day:  # 03/27/2023: the day shows the month comes first
                day, month = month, day
            return dt.date(year, month, day)
        if m := re.fullmatch(r"([0-9]{1,2})(?:\.|st|nd|rd|th)? (\S+?),? ([0-9]{4})", text, re.IGNORECASE):
            return dt.date(int(m[3]), _month(m[2]), int(m[1]))
        if m := re.fullmatch(r"(\S+) ([0-9]{1,2})(?:st|nd|rd|th)?,? ([0-9]{4})", text, re.IGNORECASE):
            return dt.date(int(m[3]), _month(m[1]), int(m[2]))
    except ValueError:  # no such month or day
        return None
    return None


def date_note(found: tuple[dt.date, str] | None, *, given: dt.date | None, date: dt.date, committed: bool = False) -> str:
    """What import made of the date the notice states: the words it read it from, or that it found none (and dated it
    by ``given``, --date; or, ``committed``, by the day of the commit that last changed its file)."""
    if found is None:
        if given is not None:
            return f"no date stated in the notice; dated {date.isoformat()} as --date says, and no stated_date recorded"
        if committed:
            return (
                f"no date stated in the notice; dated {date.isoformat()}, the day of the commit that last changed its file "
                "(data/README.md, how a version is dated): give --date if it was published later"
            )
        return (
            f"no date stated in the notice (no date after words such as 'Päivitetty', 'Last updated', 'Uppdaterad'); "
            f"dated today ({date.isoformat()}): give --date if you know better (data/README.md, how a version is dated)"
        )
    stated, words = found
    line = f"the notice states its date: {words!r}, read as {stated.isoformat()} (stated_date)"
    if stated > date:
        line = (
            f"the notice states {words!r}, read as {stated.isoformat()}, after the version date {date.isoformat()}: "
            "no stated_date recorded (a version does not state a date after its own); check --date"
        )
    return line
