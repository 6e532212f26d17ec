"""Counted labels read right for every number, in both languages, wherever they are shown."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from bs4 import BeautifulSoup

from seloste.archive.localized import LANGUAGES
from seloste.labels import counted, labels, plural

ROOT = Path(__file__).resolve().parents[1]


def _counted_labels(table: dict, path: str = "") -> list[tuple[str, dict]]:
    found = []
    for key, value in table.items():
        if isinstance(value, dict) and set(value) & {"one", "other"}:
            found.append((f"{path}{key}", value))
        elif isinstance(value, dict):
            found += _counted_labels(value, f"{path}{key}.")
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_counted_label_has_both_forms_with_the_same_placeholders(lang: str) -> None:
    found = _counted_labels(labels(lang))
    assert {name for name, _ in found} == {
        "organisations_count",
        "diff.unchanged_sections",
        "diff.formatting_sections",
        "diff.fact_count",
        "diff.group_count",
        "diff.new_text",
        "filter_count",
        "fact_more",
        "partial_preview",
        "data_errors_count",
    }
    for name, forms in found:
        assert set(forms) == {"one", "other"}, name
        assert set(re.findall(r"\{\w+\}", forms["one"])) == set(re.findall(r"\{\w+\}", forms["other"])), name


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("fi", "1 muuttumaton osio", "2 muuttumatonta osiota"),
        ("en", "1 unchanged section", "2 unchanged sections"),
    ],
)
def test_unchanged_sections_agree_with_their_number(lang: str, one: str, two: str) -> None:
    forms = labels(lang)["diff"]["unchanged_sections"]
    assert plural(forms, 1).format(count=1) == one
    assert plural(forms, 2).format(count=2) == two
    assert plural(forms, 0).format(count=0) == two.replace("2", "0")  # "0 muuttumatonta osiota", "0 unchanged sections"


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("fi", ["1 muuttunut tieto", "Oikeudet: 1 muutos"], ["2 muuttunutta tietoa", "Oikeudet: 2 muutosta"]),
        ("en", ["1 changed fact", "Rights: 1 change"], ["2 changed facts", "Rights: 2 changes"]),
    ],
)
def test_changed_facts_agree_with_their_number(lang: str, one: list[str], two: list[str]) -> None:
    d = labels(lang)["diff"]
    name = labels(lang)["fact_fields"]["rights"]
    for count, expected in ((1, one), (2, two)):
        shown = [
            plural(d["fact_count"], count).format(count=count),
            plural(d["group_count"], count).format(name=name, count=count),
        ]
        assert shown == expected


@pytest.mark.parametrize(
    ("lang", "one", "two"), [("fi", "ja 1 muu", "ja 2 muuta"), ("en", "and 1 more", "and 2 more")], ids=["fi", "en"]
)
def test_a_facts_further_entries_agree_with_their_number(lang: str, one: str, two: str) -> None:
    forms = labels(lang)["fact_more"]
    assert (plural(forms, 1).format(count=1), plural(forms, 2).format(count=2)) == (one, two)


def test_counted_messages_agree_with_their_number() -> None:
    assert [counted(n, "error", "errors") for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [("fi", 1, "1 organisaatio"), ("fi", 7, "7 organisaatiota"), ("en", 1, "1 organisation"), ("en", 7, "7 organisations")],
)
def test_the_home_page_counts_its_organisations(lang: str, count: int, expected: str) -> None:
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [
                jinja2.DictLoader({"main.html": "{% block extrahead %}{% endblock %}{% block content %}{% endblock %}"}),
                jinja2.FileSystemLoader(ROOT / "overrides"),
            ]
        ),
        undefined=jinja2.StrictUndefined,
    )
    organisation = SimpleNamespace(
        url="o/", name="Oy", business_id=None, current=SimpleNamespace(iso="", text=""), version_count=1
    )
    home = SimpleNamespace(title="", root="", feed_url="", changes=[], organisations=[organisation] * count)
    html = env.get_template("seloste/home.html").render(seloste=home, t=labels(lang))
    caption = BeautifulSoup(html, "html.parser").select_one(".sl-orgs caption")
    assert caption is not None and caption.get_text() == expected
