"""Each fact's history across the versions (publish/facthistory.py) and the at-a-glance panel built on it
(publish/glancepanel.py), on the frozen fixture archive."""

from __future__ import annotations

import pytest

from seloste.archive.loader import load_archive
from seloste.archive.model import Archive
from seloste.publish.checklist import checklist_view
from seloste.publish.facthistory import fact_histories, periods
from seloste.publish.glancepanel import glance_panel
from sitebuild import FROZEN


@pytest.fixture(scope="module")
def archive() -> Archive:
    return load_archive(FROZEN, root=FROZEN.parent)


def test_versions_that_state_a_fact_alike_are_one_period() -> None:
    assert periods([("a",), ("a",), ("b",), ("a",)]) == [(0, ("a",)), (2, ("b",)), (3, ("a",))]
    assert periods([(), (), ()]) == [(0, ())]


@pytest.mark.parametrize(
    ("lang", "officers"),
    [
        ("fi", ["Heidi Eronen, tietosuojavastaava, 010 5251 440", "Salla Vainionpää, tietosuojavastaava, 010 5251 440"]),
        (
            "en",
            ["Heidi Eronen, data protection officer, 010 5251 440", "Salla Vainionpää, data protection officer, 010 5251 440"],
        ),
    ],
)
def test_planeetta_internets_data_protection_officer_not_stated_then_eronen_then_vainionpaa(
    archive: Archive, lang: str, officers: list[str]
) -> None:
    history = fact_histories(archive.get("planeetta-internet"), lang)["dpo"]
    assert [(p.date.iso, p.lines, p.shows) for p in history.periods] == [
        ("2010-06-15", (), "none"),
        ("2021-01-26", (officers[0],), "value"),
        ("2022-03-21", (officers[1],), "value"),
    ]
    prefix = "en/" if lang == "en" else ""
    assert [p.url for p in history.periods] == [
        f"{prefix}planeetta-internet/2010-06-15/",
        f"{prefix}planeetta-internet/2021-01-26/",
        f"{prefix}planeetta-internet/",  # the current version is the notice page
    ]
    assert [p.is_current for p in history.periods] == [False, False, True] and history.changes == 2


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_a_period_is_marked_latest_only_where_it_starts_at_the_latest_version(archive: Archive, lang: str) -> None:
    # Infocrea's recipients read alike on 25 June and 19 September 2018: the period is named by 25 June, which is not
    # the latest version, though the period reaches it
    record = archive.get("infocrea")
    assert record.current.id == "2018-09-19"
    history = fact_histories(record, lang)["recipients"]
    assert [(p.date.iso, p.is_current) for p in history.periods] == [("2018-05-24", False), ("2018-06-25", False)]
    prefix = "en/" if lang == "en" else ""
    assert history.periods[-1].url == f"{prefix}infocrea/2018-06-25/"


def test_the_contact_person_lauri_kasti_then_heidi_eronen_then_salla_vainionpaa(archive: Archive) -> None:
    history = fact_histories(archive.get("planeetta-internet"), "en")["contact"]
    names = [p.lines[0].split(",")[0] for p in history.periods]
    assert names == ["Lauri Kasti", "Lauri Kasti", "Heidi Eronen", "Salla Vainionpää"]  # 2018 added an e-mail address
    assert "info@planeetta.fi" not in history.periods[0].lines[0] and "info@planeetta.fi" in history.periods[1].lines[0]


def test_a_list_fact_tells_each_later_period_by_what_it_added_and_removed(archive: Archive) -> None:
    history = fact_histories(archive.get("planeetta-internet"), "fi")["purposes"]
    first, rewrite = history.periods
    assert history.listed and (first.shows, rewrite.shows) == ("entries", "changes")
    assert first.added == first.lines and first.removed == ()
    assert "asiakastietojen hallinta (oikeusperuste: ei kerrottu)" in rewrite.removed
    assert "sopimuksen täytäntöönpano ja valmistelu (oikeusperuste: sopimus)" in rewrite.added
    assert set(rewrite.lines) == (set(first.lines) - set(rewrite.removed)) | set(rewrite.added)


def test_every_fact_of_every_organisation_has_a_history_ending_in_what_its_notice_states_now(archive: Archive) -> None:
    for record in archive.organisations:
        for lang in ("fi", "en"):
            panel = glance_panel(record, lang)
            for row in panel.rows:
                assert row.history.periods[-1].lines == tuple(
                    f"{line.text} ({line.detail})" if line.detail else line.text for line in row.lines
                ), (record.slug, row.field)
                assert row.history.periods[0].date.iso == record.versions[0].id
            shown = {row.field for row in panel.rows} | {u.field for u in panel.unstated}
            assert len(shown) == len(panel.rows) + len(panel.unstated) == 17, record.slug


@pytest.mark.parametrize(
    ("slug", "law", "source", "words"),
    [
        ("infocrea", "privacy-shield", "CELEX:62018CJ0311", {"fi": "C-311/18 (Schrems II)", "en": "C-311/18 (Schrems II)"}),
        ("midare", "privacy-shield", "CELEX:62018CJ0311", {"fi": "C-311/18 (Schrems II)", "en": "C-311/18 (Schrems II)"}),
        (
            "mikromafia",
            "henkilotietolaki-523-1999",
            "finlex.fi",
            {"fi": "kumottu tietosuojalailla 1050/2018", "en": "repealed by the Data Protection Act 1050/2018"},
        ),
    ],
)
def test_the_panel_flags_what_no_longer_applies_as_the_checklist_does(
    archive: Archive, slug: str, law: str, source: str, words: dict[str, str]
) -> None:
    record = archive.get(slug)
    for lang in ("fi", "en"):
        panel = glance_panel(record, lang)
        checklist = checklist_view(record.current.version, record.current.date, slug, lang)
        assert panel.outdated == checklist.outdated  # one source: the checklist's
        (outdated,) = [o for o in panel.outdated if o.law == law]
        assert words[lang] in outdated.ended_short and source in outdated.ended_source_url
        flagged = [(row, line) for row in panel.rows for line in row.lines if line.outdated]
        assert flagged and all(
            line.outdated == f"#sl-outdated-{o.law}" for _, line in flagged for o in panel.outdated if o.law == law
        )
        assert all(row.outdated and row.preview == next(x for x in row.lines if x.outdated).text for row, _ in flagged)


def test_a_notice_citing_nothing_outdated_flags_nothing(archive: Archive) -> None:
    panel = glance_panel(archive.get("planeetta-internet"), "fi")
    assert panel.outdated == () and not any(row.outdated for row in panel.rows)


def test_facts_no_version_states_are_named_together(archive: Archive) -> None:
    panel = glance_panel(archive.get("infocrea"), "en")
    assert [u.label for u in panel.unstated] == [
        "Sensitive data",  # the frozen copy predates these facts: none of its versions states them
        "Personal identity code",
        "Children",
        "Data protection officer",
        "Complaint to the supervisory authority",
        "Cookies and tracking",
        "Automated decisions",
    ]
    planeetta = glance_panel(archive.get("planeetta-internet"), "en")
    dpo = next(row for row in planeetta.rows if row.field == "dpo")  # not stated in 2010, stated now: a row
    assert dpo.changed and dpo.more is None and dpo.preview.startswith("Salla Vainionpää")
    purposes = next(row for row in planeetta.rows if row.field == "purposes")
    assert purposes.more == f"and {len(purposes.lines) - 1} more"
