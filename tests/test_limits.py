"""Input built to hang or flood a check (hooks/seloste/limits.py): each is refused early, with a located message,
or handled in bounded time. Every test runs under a wall-clock bound far above what the fixed code takes, so work
that grows with the square of the input fails the test instead of hanging it.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from datadir import FIXTURES, make_data
from deadline import deadline
from heavy import HEAVY
from seloste.archive.capturetext import Sentence, capture_sentences
from seloste.archive.errors import DataErrors
from seloste.archive.fidelity import match_in_order
from seloste.archive.loader import load_archive
from seloste.compare.diff import diff_texts, diff_versions
from seloste.compare.facts import facts_text
from seloste.compare.lineage import section_lineages
from seloste.contribute.cli import main
from seloste.contribute.drafting import draft
from seloste.contribute.stateddate import stated_date
from seloste.limits import (
    MAX_CAPTURE_BYTES,
    MAX_DIFF_WORK,
    MAX_INLINE_MARKS,
    MAX_MISSING_SENTENCES,
    MAX_SECTIONS,
    MAX_UNKNOWN_KEYS,
    MAX_VERSION_CAPTURE_BYTES,
)
from seloste.markup.render import markdown_html, render_limit
from seloste.matching import Budget
from sitebuild import FROZEN

BASE = (FIXTURES / "invalid/version/_base.yaml").read_text(encoding="utf-8")
VERSION = "data/esimerkki/2024-01-10.yaml"


def _errors(tmp_path: Path, version: str = BASE, seconds: float = 10) -> list[str]:
    """The errors of loading data with ``version`` (and the base version's capture), which must come within
    ``seconds``."""
    data = make_data(tmp_path)
    (data / "esimerkki/2024-01-10.yaml").write_text(version, encoding="utf-8")
    with pytest.raises(DataErrors) as caught, deadline(seconds):
        load_archive(data, root=tmp_path)
    return [str(error) for error in caught.value.errors]


def test_twenty_thousand_unknown_keys_are_reported_twenty_by_name_and_the_rest_in_one_line(tmp_path: Path) -> None:
    version = BASE + "".join(f"tuntematon{i}: x\n" for i in range(20_000))
    errors = _errors(tmp_path, version)
    expected = (
        "expected one of: published_in, stated_date, stated_month, recorded_date, changed_after, first_published, source, "
        "change, translation, corrections, title, "
    )
    assert len(errors) == MAX_UNKNOWN_KEYS + 1
    assert errors[0] == f"{VERSION}:21:1: tuntematon0: unknown key 'tuntematon0'; {expected}sections, facts"
    assert errors[-1] == (
        f"{VERSION}:41:1: and 19,980 more unknown keys, from 'tuntematon20' on (the first 20 are reported one by one); "
        "expected only: published_in, stated_date, stated_month, recorded_date, changed_after, first_published, source, change, "
        "translation, corrections, title, sections, facts"
    )


def test_commas_in_a_flow_text_count_as_unknown_keys_too(tmp_path: Path) -> None:
    version = BASE.replace(
        "  fi: Tietosuojaseloste\n  en: Privacy notice\n", "  {fi: a, " + "".join(f"b{i}, " for i in range(5_000)) + "en: c}\n"
    )
    version = version.replace("title:\n  {", "title: {")
    errors = _errors(tmp_path, version)
    assert len(errors) == MAX_UNKNOWN_KEYS + 1
    assert errors[0].startswith(f"{VERSION}:6:16: title: in {{fi: ..., en: ...}} a comma ends the text, and 'b0' was read")
    assert ": title: and 4,980 more unknown keys, from 'b20' on" in errors[-1]


def test_a_capture_named_300_times_is_read_once_and_each_repeat_refused_where_it_stands(tmp_path: Path) -> None:
    version = BASE.replace("  capture: captures/2024-01-10.txt", "  capture:\n" + "    - captures/2024-01-10.txt\n" * 300)
    data = make_data(tmp_path, version=version)
    (data / "esimerkki/captures/2024-01-10.txt").write_text("Esimerkki Oy\n" + "x" * 990_000 + "\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught, deadline(10):
        load_archive(data, root=tmp_path)
    errors = [str(error) for error in caught.value.errors]
    assert errors[0] == (
        f"{VERSION}:7:7: source.capture[1]: 'captures/2024-01-10.txt' is already source.capture[0]; a version names each "
        "capture once (a notice over several pages has one capture per page)"
    )
    assert len(errors) == 299 and all("is already source.capture[0]" in error for error in errors)


def test_a_version_whose_captures_come_to_more_than_the_limit_is_refused_at_the_capture_that_passes_it(tmp_path: Path) -> None:
    names = [f"captures/osa-{n}.txt" for n in range(3)]
    version = BASE.replace("  capture: captures/2024-01-10.txt", "  capture:\n" + "".join(f"    - {name}\n" for name in names))
    data = make_data(tmp_path, version=version)
    (data / "esimerkki/captures/2024-01-10.txt").unlink()
    for name in names:
        (data / "esimerkki" / name).write_text("Esimerkki Oy\n" + "x" * (MAX_CAPTURE_BYTES - 100) + "\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught, deadline(10):
        load_archive(data, root=tmp_path)
    size = MAX_CAPTURE_BYTES - 100 + 14
    assert [str(error) for error in caught.value.errors] == [
        f"{VERSION}:8:7: source.capture[2]: with 'captures/osa-2.txt' ({size:,} bytes) the version's captures come to "
        f"{3 * size:,} bytes; a version's captures may be at most {MAX_VERSION_CAPTURE_BYTES:,} bytes together"
    ]


def _with_capture(tmp_path: Path, capture: str, body: str = "Esimerkki Oy") -> Path:
    version = BASE.replace(
        "      fi: Esimerkki Oy\n      en: Esimerkki Oy", f"      fi: {json.dumps(body)}\n      en: Esimerkki Oy"
    )
    data = make_data(tmp_path, version=version)
    (data / "esimerkki/captures/2024-01-10.txt").write_text(
        f"Tietosuojaseloste\n\nRekisterinpitäjä\n\n{capture}", encoding="utf-8"
    )
    return data


def _load(data: Path, root: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught, deadline(10):
        load_archive(data, root=root)
    return [str(error) for error in caught.value.errors]


def test_a_sentence_that_nearly_matches_a_long_text_everywhere_is_found_missing_in_linear_time(tmp_path: Path) -> None:
    data = _with_capture(tmp_path, "Esimerkki Oy.\n" + "aa " * 100_000 + "a\n", body="Esimerkki Oy. " + "aa " * 100_000 + "b")
    errors = _load(data, tmp_path)
    assert len(errors) == 2
    assert errors[0].startswith(f"{VERSION}:15:11: sections[0].body.fi: text that is not in the original capture")
    assert errors[1].startswith(
        "data/esimerkki/captures/2024-01-10.txt:6:1: this sentence of the original is missing from "
        "esimerkki/2024-01-10.yaml's Finnish text, or out of order: 'aa aa aa"
    )


def test_a_capture_of_20000_sentences_none_of_them_published_stops_after_the_first_twenty(tmp_path: Path) -> None:
    data = _with_capture(
        tmp_path, "Esimerkki Oy\n" + "".join(f"Lause {i}.\n" for i in range(20_000)), body="Esimerkki Oy " + "sana " * 100_000
    )
    errors = _load(data, tmp_path)
    missing = [e for e in errors if "this sentence of the original is missing" in e]
    assert len(missing) == MAX_MISSING_SENTENCES
    assert errors[-1] == (
        "data/esimerkki/captures/2024-01-10.txt:26:1: the comparison with esimerkki/2024-01-10.yaml's Finnish text "
        "stopped after 20 sentences of the original missing from it: the 19,980 sentences from here on were not "
        "checked, nor was text added to it looked for (is this the capture of this version?)"
    )


@pytest.mark.parametrize(
    "line",
    [
        "`" * 20_000,  # a code span's opening run, backtracked to every length and position: hours
        "`" * 3 + "a`" * 20_000,
        "<a@" + "b." * 100_000,  # an e-mail autolink without its '>': each '.' rescanned to the end
        "<https://" + "x" * 200_000,
        "[](" * 100_000,  # a link without its ')'
        "- " * 100_000 + "x",
        "-" + " " * 100_000 + "x",
        "|" * 200_000,
        "." + " " * 200_000 + "x",
    ],
    ids=["backticks", "code-spans", "autolink", "url", "links", "list-markers", "break", "table", "spaces"],
)
def test_a_capture_line_built_to_make_markup_removal_backtrack_is_read_in_linear_time(line: str) -> None:
    with deadline(5):
        sentences = capture_sentences(f"Alku.\n{line}\nLoppu.\n")
    assert sentences[0].text == "Alku." and sentences[-1].text == "Loppu."


def test_code_spans_are_paired_run_with_run_of_the_same_length() -> None:
    capture = "Käytä `koodi` ja ``a`b`` ja `yksin ja ```x``y```.\n"
    assert [s.text for s in capture_sentences(capture)] == ["Käytä koodi ja a`b ja `yksin ja x``y."]


_WORDS = st.text(alphabet="aäb1_ .-(", max_size=12)


@given(text=_WORDS, sentence=_WORDS.map(str.strip).filter(bool), start=st.integers(0, 12))
def test_a_sentence_is_found_as_whole_words_where_the_regular_expression_finds_it(text: str, sentence: str, start: int) -> None:
    """The search by tokens finds what a search for the sentence between non-alphanumeric characters finds."""
    pattern = ("(?<![^\\W_])" if sentence[:1].isalnum() else "") + re.escape(sentence)
    pattern += "(?![^\\W_])" if sentence[-1:].isalnum() else ""
    expected = [(m.start(), m.end()) for m in [re.compile(pattern).search(text)] if m]
    assert match_in_order([Sentence(1, sentence)], text).spans == expected


@pytest.mark.parametrize(
    ("body", "marks"),
    [
        ("*a* " * 110_000, 220_000),
        ("&amp;" * 150_000, 150_000),
        ("a  \n" * 50_000, 50_000),
        ("`a` \\_ <x@y.fi> " * 20_000, 100_000),
    ],
    ids=["emphasis", "entities", "line-breaks", "mixed"],
)
def test_a_text_with_more_inline_markup_than_the_renderer_takes_quickly_is_refused_before_rendering(
    tmp_path: Path, body: str, marks: int
) -> None:
    version = BASE.replace(
        "      fi: Esimerkki Oy\n      en: Esimerkki Oy", f"      fi: {json.dumps(body)}\n      en: Esimerkki Oy"
    )
    errors = _errors(tmp_path, version)
    assert f"{VERSION}:15:11: sections[0].body.fi: has {marks:,} characters of inline markup (*, _, `, &, \\, < and line " in (
        "\n".join(errors)
    )
    assert f"a text may have at most {MAX_INLINE_MARKS:,}, which a notice never needs" in errors[0]


def test_a_text_at_the_inline_markup_limit_renders_quickly() -> None:
    for unit, marks in [("*a* ", 2), ("&#38;", 1), ("<a@b.fi> ", 1), ("a  \n", 1), ("`a` ", 2)]:
        text = unit * (MAX_INLINE_MARKS // marks)
        assert render_limit(text) is None
        with deadline(2):
            markdown_html.__wrapped__(text)  # not the cache's copy


# --- comparing versions (seloste changes, seloste report, the comparison page) ---------------------------------


@pytest.mark.parametrize("name", sorted(HEAVY))
def test_a_comparison_of_versions_built_to_be_slow_ends_within_its_budget(name: str) -> None:
    old, new = HEAVY[name]
    with deadline(10):
        diff = diff_texts(old, new, "fi")
    assert diff.change != "none"  # a paragraph split into lines is a change of formatting alone
    shown = "".join(seg.text for s in diff.sections for b in s.blocks for seg in b.segments if seg.op != "insert")
    assert "".join(b.text for s in old.sections for b in s.blocks).replace("\n", "") in shown.replace("\n", "")


def test_a_comparison_past_its_budget_keeps_what_is_the_same_and_says_it_compared_paragraphs_whole() -> None:
    old, new = HEAVY["20000 repeated words"]
    diff = diff_texts(old, new, "fi")
    assert diff.coarse
    (block,) = diff.sections[0].blocks
    assert [(seg.op, seg.text) for seg in block.segments] == [
        ("equal", "sana " * 20_000),
        ("delete", "loppu"),
        ("insert", "alku"),
        ("equal", "."),
    ]


def test_the_change_report_says_where_it_compared_paragraphs_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Esimerkki Oy. " + "sana " * 20_000
    data = _with_capture(tmp_path, f"Esimerkki Oy. {body}loppu.\n", body=f"Esimerkki Oy. {body}loppu.")
    second = (data / "esimerkki/2024-01-10.yaml").read_text(encoding="utf-8").replace("loppu.", "alku.")
    second = second.replace("captures/2024-01-10.txt", "captures/2024-06-01.txt").replace('"2024-02-01"', '"2024-06-02"')
    second = second.replace(
        "title:", "change:\n  kind: editorial\n  summary: {fi: Sana vaihtui., en: A word changed.}\ntitle:", 1
    )
    (data / "esimerkki/2024-06-01.yaml").write_text(second, encoding="utf-8")
    capture = (data / "esimerkki/captures/2024-01-10.txt").read_text(encoding="utf-8").replace("loppu.", "alku.")
    (data / "esimerkki/captures/2024-06-01.txt").write_text(capture, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with deadline(20):
        assert main(["report", "esimerkki"]) == 0
    report = capsys.readouterr().out
    assert report.count("Versiot ovat liian suuria verrattaviksi kokonaan sana sanalta") == 1  # the Finnish changed
    assert "<del>loppu</del><ins>alku</ins>" in report


def test_the_real_comparisons_stay_far_within_the_budget() -> None:
    """Every pair of versions of the fixture histories (real notices), both ways, in both languages."""
    spent = 0
    for data in (FROZEN, FIXTURES / "history"):
        for record in load_archive(data, root=data.parent).organisations:
            lineages = section_lineages(record.versions)
            for old, new in itertools.permutations(record.versions, 2):
                for lang in ("fi", "en"):
                    budget = Budget(MAX_DIFF_WORK)
                    diff_versions(old, new, lang, lineages, budget)
                    spent = max(spent, MAX_DIFF_WORK - budget.left)
    assert 0 < spent < MAX_DIFF_WORK // 100


def test_ten_thousand_facts_that_read_alike_are_told_apart_in_linear_time() -> None:
    facts = load_archive(FROZEN, root=FROZEN.parent).get("infocrea").versions[0].version.facts
    many = dataclasses.replace(facts, rights=facts.rights[:1] * 10_000)
    with deadline(10):
        listed = facts_text(many, "fi")["list"]["rights"]
    assert len(listed) == 10_000 and list(listed)[-1].endswith("(10000)")


def test_a_version_of_more_sections_than_a_comparison_orders_quickly_is_refused_at_its_sections(tmp_path: Path) -> None:
    sections = "".join(
        f"  - id: osio-{i}\n    heading: {{fi: Osio {i}, en: Section {i}}}\n    body: {{fi: Teksti {i}., en: Text {i}.}}\n"
        for i in range(5_000)
    )
    version = BASE.replace("sections:\n", "sections:\n" + sections, 1)
    errors = _errors(tmp_path, version)
    assert f"{VERSION}:10:3: sections: 5,001 sections; a version may have at most {MAX_SECTIONS} (a part of a section " in (
        "\n".join(errors)
    )


# --- a notice's page, as seloste import and seloste track read it ------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "# Otsikko" + " " * 20_000 + "x\n\nTeksti.\n",  # a heading's closing hashes sought at every split: cubic
        "# Otsikko" + "#" * 20_000 + "x\n\nTeksti.\n",
        "# Otsikko\n\n" + "[](" * 50_000 + "\n",  # a relative link without its ')'
        "---\ntitle: a" + " " * 20_000 + "b\n---\n# Otsikko\n",  # front matter's title
    ],
    ids=["heading-spaces", "heading-hashes", "links", "front-matter"],
)
def test_a_markdown_page_built_to_make_the_draft_backtrack_is_read_in_linear_time(page: str) -> None:
    with deadline(5):
        made = draft([page])
    assert made.sections or made.title


@pytest.mark.parametrize("page", ["updated March " * 360_000, "päivitetty " * 450_000, "Päivitetty 1" * 450_000])
def test_the_date_a_page_states_is_looked_for_in_linear_time(page: str) -> None:
    """A page of 5 MB (import's limit) of the words that come before a stated date, each followed by no date: every
    place after each one is tried once (measured 2-3 s on this machine; a pattern that backtracks would take hours)."""
    with deadline(30):
        assert stated_date(page) is None
