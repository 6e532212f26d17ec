"""The diff core on its own, and on a fixture organisation whose five versions cover each case."""

from __future__ import annotations

import dataclasses
import itertools
import re
from pathlib import Path

import pytest

from seloste.archive.loader import load_archive
from seloste.archive.localized import NoticeMarkdown
from seloste.compare.diff import COUNTED_WORD, NOTHING, SectionText, VersionDiff, VersionText, diff_texts, diff_versions
from seloste.compare.lineage import section_lineages
from seloste.compare.words import Segment, classify, word_diff
from seloste.markup.blocks import Block
from sitebuild import FROZEN

HISTORY = Path(__file__).parent / "fixtures" / "history"
TYPO_AND_DATE = Path(__file__).parent / "fixtures" / "typo-and-date"
V = load_archive(HISTORY, root=HISTORY).get("muutos").versions
LINEAGES = section_lineages(V)


def diff(i: int, j: int, lang: str = "fi") -> VersionDiff:
    return diff_versions(V[i], V[j], lang, LINEAGES)


def changes(d: VersionDiff) -> list[tuple[str, str, str, bool, bool]]:
    return [(s.id, s.status, s.change, s.moved, s.renamed) for s in d.changed_sections]


# --- words ------------------------------------------------------------------------------


def test_word_diff_marks_words_not_lines() -> None:
    assert word_diff("Säilytämme tietoja kymmenen vuotta.", "Säilytämme tietoja viisi vuotta.") == (
        Segment("equal", "Säilytämme tietoja "),
        Segment("delete", "kymmenen"),
        Segment("insert", "viisi"),
        Segment("equal", " vuotta."),
    )


def test_a_replaced_name_reads_as_one_replacement() -> None:
    assert word_diff("tietosuojavastaava Heidi Eronen, puh.", "tietosuojavastaava Salla Vainionpää, puh.") == (
        Segment("equal", "tietosuojavastaava "),
        Segment("delete", "Heidi Eronen"),
        Segment("insert", "Salla Vainionpää"),
        Segment("equal", ", puh."),
    )


def test_insertion_only() -> None:
    assert word_diff("Käytämme evästeitä.", "Käytämme välttämättömiä evästeitä.") == (
        Segment("equal", "Käytämme "),
        Segment("insert", "välttämättömiä "),
        Segment("equal", "evästeitä."),
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("Päivitetty 1.1.2024.", "Päivitetty 1.1.2024.", "none"),
        ("Päivitetty  1.1.2024. ", "Päivitetty 1.1.2024.", "whitespace"),
        ("Päivitetty 1.1.2024.", "Päivitetty 23.6.2025.", "dates"),
        ("Updated 1 January 2024.", "Updated 23 June 2025.", "dates"),
        ("Päivitetty 2024-01-01.", "Päivitetty 2025-06-23.", "dates"),
        ("Päivitetty 1.1.2024.", "Laadittu 1.1.2024.", "text"),
        ("Säilytämme 10 vuotta.", "Säilytämme 5 vuotta.", "text"),
    ],
)
def test_classify(old: str, new: str, expected: str) -> None:
    assert classify(old, new) == expected


# --- versions of the fixture organisation --------------------------------------------------


def test_the_fixture_has_five_versions() -> None:
    assert [v.id for v in V] == ["2024-01-01", "2024-03-01", "2024-06-01", "2024-09-01", "2024-12-01"]


def test_a_date_and_whitespace_change_is_reported_as_such() -> None:
    fi, en = diff(0, 1, "fi"), diff(0, 1, "en")
    assert fi.change == en.change == "dates"
    assert changes(fi) == [("johdanto", "changed", "dates", False, False), ("evasteet", "changed", "whitespace", False, False)]
    # only the Finnish cookies text gained a double space
    assert changes(en) == [("johdanto", "changed", "dates", False, False)]
    assert fi.facts == en.facts == ()


def test_word_changes_a_move_a_rename_and_an_addition() -> None:
    d = diff(1, 2)
    assert d.change == "text"
    assert changes(d) == [
        ("johdanto", "changed", "dates", False, False),
        ("sailytys", "changed", "text", True, False),
        ("yhteystiedot", "changed", "text", False, True),
        ("kasittelijat", "added", "text", False, False),
    ]
    assert [s.id for s in d.sections] == ["johdanto", "evasteet", "sailytys", "yhteystiedot", "kasittelijat"]
    retention = next(s for s in d.sections if s.id == "sailytys")
    assert retention.blocks[0].segments == (
        Segment("equal", "Säilytämme asiakastietoja "),
        Segment("delete", "kymmenen"),
        Segment("insert", "viisi"),
        Segment("equal", " vuotta asiakassuhteen päättymisestä."),
    )
    assert retention.blocks[1].status == "unchanged"
    contact = next(s for s in d.sections if s.id == "yhteystiedot")
    assert contact.heading == (Segment("delete", "Yhteystiedot"), Segment("insert", "Ota yhteyttä"))
    assert (contact.old_heading, contact.new_heading) == ("Yhteystiedot", "Ota yhteyttä")
    # the date's day, viisi, 'Ota yhteyttä', the new section's heading and its four words (PostHog-analytiikkaa is one)
    assert d.words_inserted == 1 + 1 + 2 + 1 + 4
    assert d.words_deleted == 1 + 1 + 1  # the day, kymmenen, Yhteystiedot


def test_the_count_of_changed_words_takes_in_the_title() -> None:
    # tests/fixtures/typo-and-date: the Finnish title's typo fixed (Tietosuoja-seloste to Tietosuojaseloste) and the
    # stated day changed (1.3.2024 to 27.3.2024); the English title stayed "Privacy notice"
    versions = load_archive(TYPO_AND_DATE, root=TYPO_AND_DATE).get("kirjasto").versions
    finnish, english = (diff_versions(versions[0], versions[1], lang, section_lineages(versions)) for lang in ("fi", "en"))
    assert (finnish.words_inserted, finnish.words_deleted) == (2, 2)  # the title's word and the day
    assert (english.words_inserted, english.words_deleted) == (1, 1)  # the day


def test_a_date_a_compound_and_an_inflected_name_count_as_one_word_each() -> None:
    # the diff matches 27/03/2023 by its parts, but a reader counts it as one word, as IP-osoitteita and Oy:n
    text = "Viimeksi päivitetty: 27/03/2023. Emme kerää IP-osoitteita, vaan Nords Oy:n ja customers' tiedot 1.3.2024."
    assert COUNTED_WORD.findall(text) == [
        "Viimeksi", "päivitetty", "27/03/2023", "Emme", "kerää", "IP-osoitteita", "vaan", "Nords", "Oy:n", "ja",
        "customers", "tiedot", "1.3.2024",
    ]  # fmt: skip


def test_a_move_is_not_a_deletion_plus_an_addition() -> None:
    d = diff(1, 2)
    assert [s.status for s in d.sections if s.id in ("evasteet", "sailytys")] == ["unchanged", "changed"]
    assert not any(s.status in ("added", "removed") for s in d.sections if s.id in ("evasteet", "sailytys"))


def test_facts_changed_field_by_field_in_each_language() -> None:
    fi = [(f.field, f.item, f.kind, f.old, f.new) for f in diff(1, 2, "fi").facts]
    assert fi == [
        ("recipients", "PostHog", "added", None, "PostHog (rooli: henkilötietojen käsittelijä)"),
        (
            "retention",
            "asiakastiedot",
            "changed",
            "säilytysaika: kymmenen vuotta asiakassuhteen päättymisestä",
            "säilytysaika: viisi vuotta asiakassuhteen päättymisestä",
        ),
    ]
    en = [(f.field, f.item, f.kind, f.old, f.new) for f in diff(1, 2, "en").facts]
    assert en[0] == ("recipients", "PostHog", "added", None, "PostHog (role: processor)")
    assert en[1][3:] == (
        "retention period: ten years after the customer relationship ends",
        "retention period: five years after the customer relationship ends",
    )


def test_finnish_and_english_change_separately() -> None:
    fi, en = diff(2, 3, "fi"), diff(2, 3, "en")
    assert fi.change == "none" and fi.changed_sections == []
    assert en.change == "text"
    assert changes(en) == [("sailytys", "changed", "text", False, False)]
    billing = next(s for s in en.sections if s.id == "sailytys").blocks[1]
    assert billing.segments == (
        Segment("equal", "Billing data is kept "),
        Segment("insert", "for as long "),
        Segment("equal", "as the Accounting Act requires."),
    )


def test_a_removed_section_and_a_new_id_for_the_same_text() -> None:
    d = diff(3, 4)
    assert changes(d) == [("johdanto", "changed", "dates", False, False), ("kasittelijat", "removed", "text", False, False)]
    contact = next(s for s in d.sections if s.new_id == "ota-yhteytta")
    assert (contact.old_id, contact.status) == ("yhteystiedot", "unchanged")
    assert [s.id for s in d.sections] == ["johdanto", "evasteet", "sailytys", "ota-yhteytta", "kasittelijat"]
    assert [(f.field, f.item, f.kind) for f in d.facts] == [("recipients", "PostHog", "removed")]


def test_any_two_versions_compare_directly() -> None:
    d = diff(0, 4)
    assert changes(d) == [
        ("johdanto", "changed", "dates", False, False),
        ("evasteet", "changed", "whitespace", False, False),
        ("sailytys", "changed", "text", True, False),
        ("ota-yhteytta", "changed", "text", False, True),
    ]


def test_the_same_version_has_no_change() -> None:
    d = diff_versions(V[2], V[2], "fi", LINEAGES)
    assert (d.change, d.changed_sections, d.facts) == ("none", [], ())


def test_real_history_planeetta_dpo_change() -> None:
    planeetta = load_archive(FROZEN).get("planeetta-internet").versions
    d = diff_versions(planeetta[2], planeetta[3], "fi", section_lineages(planeetta))
    assert [(f.field, f.item, f.old, f.new) for f in d.facts] == [
        ("contact", "name", "Heidi Eronen", "Salla Vainionpää"),
        ("dpo", "name", "Heidi Eronen", "Salla Vainionpää"),
    ]
    (section,) = d.changed_sections
    assert [seg for block in section.blocks for seg in block.segments if seg.op != "equal"] == [
        Segment("delete", "Heidi Eronen"),
        Segment("insert", "Salla Vainionpää"),
    ]


def test_gaps_between_changes_join_them_to_the_end() -> None:
    # Infocrea's 2018 wording: the last lone space between changes is absorbed too (it was once
    # skipped after earlier gaps had been split, leaving "data processing" / "agreement with Google")
    old = "in a service of Google Inc; we are currently moving to a GDPR-compliant data processing agreement with Google. Data"
    new = "on an Android phone and in Google LLC's Privacy Shield-compliant Google Suite service. Data"
    assert word_diff(old, new)[-3:] == (
        Segment("delete", "data processing agreement with Google"),
        Segment("insert", "Google Suite service"),
        Segment("equal", ". Data"),
    )


# --- sections across versions, lines that moved, facts read whole ------------------------------


@pytest.mark.parametrize("data", [FROZEN, HISTORY], ids=["archive", "history"])
def test_both_languages_pair_the_same_sections_for_every_pair_of_versions(data: Path) -> None:
    # planeetta-internet's 2010 'Rekisterin suojaus' reads like 2018's 'Säilytys ja suojaus' in English but not
    # in the Finnish original: the pairing once followed the page's language
    compared = 0
    for record in load_archive(data, root=data if data == HISTORY else data.parent).organisations:
        lineages = section_lineages(record.versions)
        for old, new in itertools.permutations(record.versions, 2):
            fi, en = (diff_versions(old, new, lang, lineages) for lang in ("fi", "en"))
            assert [(s.old_id, s.new_id) for s in fi.sections] == [(s.old_id, s.new_id) for s in en.sections], (
                record.slug,
                old.id,
                new.id,
            )
            compared += 1
    assert compared >= 12


def test_a_section_keeps_its_lineage_under_a_new_id_and_a_new_section_of_an_old_id_starts_its_own() -> None:
    planeetta = load_archive(FROZEN).get("planeetta-internet").versions
    lineages = section_lineages(planeetta)
    assert lineages["2010-06-15"]["rekisterinpitaja"] == lineages["2022-03-21"]["yhteystiedot"] == "rekisterinpitaja"
    assert lineages["2018-06-07"]["sailytys-ja-suojaus"] == "sailytys-ja-suojaus"
    assert lineages["2010-06-15"]["rekisterin-suojaus"] == "rekisterin-suojaus"
    # a version that brings back 'rekisterinpitaja' as a section of its own, beside the one that took its place
    last = planeetta[-1]
    own = dataclasses.replace(last.version.sections[0], id="rekisterinpitaja", body=NoticeMarkdown(fi="Uusi.", en="New."))
    later = dataclasses.replace(
        last, date=last.date.replace(year=2023), version=dataclasses.replace(last.version, sections=(*last.version.sections, own))
    )
    assert section_lineages([*planeetta, later])["2023-03-21"]["rekisterinpitaja"] == "rekisterinpitaja~2"


def _changed_ops(d: VersionDiff, section_id: str) -> list[tuple[str, str]]:
    section = next(s for s in d.sections if s.id == section_id)
    return [(seg.op, seg.text) for block in section.blocks for seg in block.segments if seg.op != "equal" and seg.text.strip()]


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_lines_joined_into_one_paragraph_are_unchanged(lang: str) -> None:
    # Infocrea's 2018-09-19 notice joined its opening lines into one paragraph: the company and contact lines are
    # the same text, not deleted and added again
    infocrea = load_archive(FROZEN).get("infocrea").versions
    d = diff_versions(infocrea[1], infocrea[2], lang, section_lineages(infocrea))
    (opening,) = [s for s in d.sections if s.id == "asiakasrekisterin-tietosuojaseloste"]
    first = opening.blocks[0]
    assert (first.status, first.change) == ("changed", "whitespace")
    assert "Jarmo Lahti" in "".join(seg.text for seg in first.segments if seg.op == "equal")
    assert not any("Jarmo Lahti" in text for _op, text in _changed_ops(d, opening.id))


JOINED = {
    # the opening line's paragraph paired with nothing (removed), the lines under it with the joined paragraph
    "fi": ("Tietosuojaseloste", "Yritys: Infocrea Oy, 0913338-7, Helsinki\nYhteyshenkilö: Jarmo Lahti, jarmo.lahti@infocrea.fi"),
    # the opening line's paragraph paired with the joined paragraph, the lines under it removed
    "en": ("Infocrea Oy's customer register privacy notice", "Company: Infocrea Oy, Helsinki\nContact person: Jarmo Lahti"),
}


def one_section(*paragraphs: str) -> VersionText:
    blocks = tuple(Block(kind="paragraph", text=text) for text in paragraphs)
    return dataclasses.replace(NOTHING, sections=(SectionText(id="a", heading=None, blocks=blocks, source=""),))


@pytest.mark.parametrize("lang", sorted(JOINED))
def test_lines_joined_into_one_paragraph_stay_apart_in_the_older_text(lang: str) -> None:
    # the side-by-side view's older column shows the older side of each block: the opening line and the company line
    # were paragraphs apart, and the company and contact lines a line break apart, so none runs into the next
    old = one_section(*JOINED[lang])
    new = one_section("\n".join(JOINED[lang]))
    (section,) = diff_texts(old, new, lang).sections
    older = ["".join(s.text for s in block.segments if s.op in ("equal", "delete", "moved_away")) for block in section.blocks]
    newer = ["".join(s.text for s in block.segments if s.op in ("equal", "insert", "moved_here")) for block in section.blocks]
    assert [line for text in older for line in text.split("\n")] == "\n".join(JOINED[lang]).split("\n")
    assert newer == ["\n".join(JOINED[lang])]
    assert [(b.status, b.change) for b in section.blocks] == [("changed", "whitespace")]
    assert all(s.op == "equal" for s in section.blocks[0].segments)


def test_a_line_kept_in_place_after_deleted_lines_stays_apart_from_them_in_the_older_text() -> None:
    # no break is inserted between the deleted lines and the line that joined the paragraph: the older side has its own
    old = one_section("puh. 010 5251 440\nSäilytämme \npuh. 010 5251 440", "Yhteystiedot:")
    (block,) = diff_texts(old, one_section("puh. 010 5251 440\nYhteystiedot:"), "fi").sections[0].blocks
    older = "".join(s.text for s in block.segments if s.op in ("equal", "delete", "moved_away"))
    newer = "".join(s.text for s in block.segments if s.op in ("equal", "insert", "moved_here"))
    assert older == "puh. 010 5251 440\nSäilytämme \npuh. 010 5251 440\nYhteystiedot:"
    assert newer == "puh. 010 5251 440\nYhteystiedot:"


def test_a_line_that_went_to_another_section_is_moved_not_deleted_and_added() -> None:
    planeetta = load_archive(FROZEN).get("planeetta-internet").versions
    d = diff_versions(planeetta[0], planeetta[1], "en", section_lineages(planeetta))
    assert ("moved_here", "managing director Lauri Kasti\ntel. 010 5251 458") in _changed_ops(d, "yhteystiedot")
    assert _changed_ops(d, "vastaava-henkilo") == [("moved_away", "managing director Lauri Kasti\ntel. 010 5251 458")]
    # a paragraph split in two within the section: both halves unchanged
    assert not any("010 5251 440" in text for _op, text in _changed_ops(d, "yhteystiedot"))
    assert ("moved_here", "Of all customers: information on ordered services, service usage data and invoicing data.") in (
        _changed_ops(d, "kerattavat-tiedot")
    )
    moved = sum(len(text.split()) for op, text in _changed_ops(d, "yhteystiedot") if op == "moved_here")
    assert (
        d.words_inserted
        == sum(
            len(COUNTED_WORD.findall(seg.text))
            for seg in (*d.title, *(x for s in d.sections for x in (*s.heading, *(y for b in s.blocks for y in b.segments))))
            if seg.op == "insert"
        )
        and moved > 0
    )


def test_a_renamed_list_entry_is_one_change_and_what_a_fact_does_not_state_is_no_change_of_its_own() -> None:
    infocrea = load_archive(FROZEN).get("infocrea").versions
    en = diff_versions(infocrea[0], infocrea[1], "en", section_lineages(infocrea))
    (recipient,) = [f for f in en.facts if f.field == "recipients"]
    assert (recipient.old_item, recipient.item, recipient.kind) == ("Google Inc", "Google LLC (Google Suite)", "changed")
    assert (recipient.old, recipient.new) == ("Google Inc (role: processor)", "Google LLC (Google Suite) (role: processor)")
    planeetta = load_archive(FROZEN).get("planeetta-internet").versions
    d = diff_versions(planeetta[0], planeetta[1], "en", section_lineages(planeetta))
    purposes = [f for f in d.facts if f.field == "purposes"]
    assert ("managing customer data", "removed", "managing customer data") in [(f.item, f.kind, f.old) for f in purposes]
    assert not any("not stated" in (f.old or "") + (f.new or "") for f in purposes)
    # the contact's role, a text of the notice, reads in the page's language only
    later = diff_versions(planeetta[1], planeetta[2], "en", section_lineages(planeetta))
    assert ("role", "managing director", "data protection officer") in [(f.item, f.old, f.new) for f in later.facts]


def test_the_change_report_names_an_untitled_section() -> None:
    from seloste.compare.report import comparison, render_report

    planeetta = load_archive(FROZEN).get("planeetta-internet")
    report = render_report([comparison(planeetta, "2010-06-15", "2018-06-07")], "Planeetta")
    assert "- **Johdanto (ei otsikkoa)** (Poistettu osio)" in report
    assert "- **Introduction (no heading)** (Section removed)" in report
    assert "**johdanto**" not in report


def test_the_change_report_marks_moved_lines_and_never_an_empty_change() -> None:
    from seloste.compare.report import comparison, render_report

    planeetta = load_archive(FROZEN).get("planeetta-internet")
    report = render_report([comparison(planeetta, "2010-06-15", "2018-06-07")], "Planeetta")
    moved = "managing director Lauri Kasti<br>tel. 010 5251 458↕⟧"
    assert f"⟦↕moved from here: {moved}" in report and f"⟦↕moved here: {moved}" in report  # where it stood, where it stands
    infocrea = load_archive(FROZEN).get("infocrea")
    report = render_report([comparison(infocrea, "2018-06-25", "2018-09-19")], "Infocrea")
    assert not re.search(r"<(ins|del)>(\s|<br>)*</\1>", report)


def test_the_change_report_shows_a_renamed_list_entry_as_one_change() -> None:
    from seloste.compare.report import comparison, render_report

    infocrea = load_archive(FROZEN).get("infocrea")
    report = render_report([comparison(infocrea, "2018-05-24", "2018-06-25")], "Infocrea")
    assert "| Vastaanottajat ja käsittelijät – Google Inc → Google LLC (Google Suite) | muuttui |" in report
    assert "| Recipients and processors – Google Inc → Google LLC (Google Suite) | changed |" in report


@pytest.mark.parametrize("data", [FROZEN, HISTORY], ids=["archive", "history"])
def test_no_notice_writes_the_comparisons_marks(data: Path) -> None:
    # the comparison marks a change with ⟦+ +⟧, ⟦− −⟧ and ⟦↕ ↕⟧: a notice's own text must never look like one
    texts = []
    for record in load_archive(data, root=data if data == HISTORY else data.parent).organisations:
        for v in record.versions:
            for lang in v.version.text_languages:
                texts.append(v.version.title[lang])
                texts += [s.body[lang] + (s.heading[lang] if s.heading else "") for s in v.version.sections]
    assert len(texts) > 20
    assert [t for t in texts if any(mark in t for mark in "⟦⟧↕")] == []


def test_the_change_report_nests_changed_list_items_as_the_page_does_and_never_under_an_item_that_does_not_hold_them() -> None:
    from seloste.compare.blocks import block_diffs, shown_nested
    from seloste.limits import MAX_DIFF_WORK
    from seloste.markup.blocks import blocks
    from seloste.matching import Budget

    old = "- Pakolliset tiedot\n    - Nimimerkki\n    - Salasana\n- Vapaaehtoiset tiedot\n    - Kotikunta"
    assert [(b.text, b.depth) for b in blocks(old)] == [
        ("Pakolliset tiedot", 0),
        ("Nimimerkki", 1),
        ("Salasana", 1),
        ("Vapaaehtoiset tiedot", 0),
        ("Kotikunta", 1),
    ]
    new = "- Pakolliset tiedot\n    - Nimimerkki\n    - Sähköposti\n    - Puhelin\n- Muut tiedot\n    - Kotikunta\n    - Ikä"
    diffs = block_diffs(blocks(old), blocks(new), Budget(MAX_DIFF_WORK))
    shown = [(b.status, "".join(s.text for s in b.segments if s.op != "delete"), depth) for b, depth in shown_nested(diffs)]
    assert shown == [
        ("removed", "", 0),  # Salasana: its list's item is unchanged, not shown, so not under the bullet before it
        ("added", "Sähköposti", 0),  # beside its sibling
        ("added", "Puhelin", 0),
        ("changed", "Muut tiedot", 0),
        ("added", "Ikä", 1),  # under the item that holds it, shown
    ], shown
