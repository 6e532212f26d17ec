"""The previous version's capture noise found again in a new capture of its page (contribute/carriednoise.py)."""

from __future__ import annotations

import pytest

from seloste.archive.model import NoiseLines
from seloste.contribute import carriednoise
from seloste.contribute.carriednoise import moved_lines, page_noise, renumbered, without_noise

OLD = "# Seloste\n\nEnsimmäinen kappale.\n\n[Evästeasetukset]\n\nToinen kappale.\n"
NEW = "# Seloste\n\nUusi kappale alkuun.\n\nEnsimmäinen kappale.\n\n  [Evästeasetukset]\n\nToinen kappale.\n"


def test_a_line_is_found_again_where_the_lines_around_it_agree_whatever_its_indentation() -> None:
    assert moved_lines(OLD, NEW, [5]) == {5: 7}
    assert moved_lines(OLD, NEW, [2]) == {}  # a blank line is no line to find
    changed = NEW.replace("[Evästeasetukset]", "[Muuta evästeasetuksia]")
    assert moved_lines(OLD, changed, [5]) == {}  # the line itself changed: not found again


def test_a_page_too_long_to_align_finds_nothing_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(carriednoise, "ALIGN_WORK", 3)
    assert moved_lines(OLD, NEW, [5]) == {}


def test_a_range_is_carried_as_one_across_blank_lines_and_each_page_keeps_its_number() -> None:
    old = "A.\n\n::Header\n\n::End\n\nB.\n"
    new = "Uusi.\n\nA.\n\n::Header\n\n::End\n\nB.\n"
    found = renumbered({"fi": (OLD, old)}, {"fi": [OLD, new]}, (NoiseLines(lines="3-5", page="2"),))
    assert found.entries == {0: [{"lines": "5-7", "page": "2"}]} and found.lines == {"fi": [set(), {5, 7}]}
    assert found.note() is None


def test_an_entry_stands_for_every_language_so_it_is_carried_only_where_they_agree() -> None:
    en_old, en_new = OLD.replace("kappale", "paragraph"), NEW.replace("kappale", "paragraph")
    agree = renumbered({"fi": (OLD,), "en": (en_old,)}, {"fi": [NEW], "en": [en_new]}, (NoiseLines(lines="5"),))
    assert agree.entries == {0: [{"lines": "7"}]} and agree.lines == {"fi": [{7}], "en": [{7}]}
    old, new = "A.\n\nX\n\nY\n", "B.\n\nA.\n\nX\n\nY\n"
    two = renumbered({"fi": (old,), "en": (old,)}, {"fi": [new], "en": [new.replace("X\n\nY", "X\nText.\nY")]},
                     (NoiseLines(lines="3-5"),))  # fmt: skip
    assert two.entries == {0: [{"lines": "5"}, {"lines": "7"}]}  # line 6 is the English text's: no range over it
    shifted = "Only in English.\n\n" + en_new
    differ = renumbered({"fi": (OLD,), "en": (en_old,)}, {"fi": [NEW], "en": [shifted]}, (NoiseLines(lines="5"),))
    assert differ.entries == {} and differ.lines == {"fi": [set()], "en": [set()]}
    assert differ.note() is not None and "lines 5" in differ.note()


def test_a_draft_leaves_the_noise_out_and_names_it_in_the_previous_order() -> None:
    old = "Siirry sisältöön\n" + OLD
    new = "Siirry sisältöön\n" + NEW
    noise = (NoiseLines(lines="6"), "Siirry sisältöön")
    texts, entries, lost = without_noise({"fi": [new]}, noise, {"fi": (old,)})
    assert entries == [{"lines": "8"}, "Siirry sisältöön"] and lost is None
    lines = texts["fi"][0].splitlines()
    assert len(lines) == len(new.splitlines()) and lines[0] == "" and lines[7] == ""  # numbered as before: blank
    assert "Uusi kappale alkuun." in texts["fi"][0]


def test_the_tracking_reads_the_new_capture_with_the_noise_where_it_stands_now() -> None:
    noise = ("Siirry sisältöön", NoiseLines(lines="5"), NoiseLines(lines="2", page="2"))
    assert page_noise(OLD, NEW, noise, 0) == ("Siirry sisältöön", NoiseLines(lines="7", page="1"))
