"""A notice that says "none" is not one that says nothing: data not disclosed to third parties, not transferred
outside the EU/EEA, no data protection officer; an e-mail address written to hide it from harvesters, kept as the
notice writes it; a legal basis grounded in a national law. On the fixtures of tests/fixtures/denials/ (a library
association, an online shop, a notice that says nothing): the facts, the loader, the checklist, the panel, the
facts page, the comparison, open data, and the built pages in both languages."""

from __future__ import annotations

import dataclasses
import gzip
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from datadir import FIXTURES, SLUG, make_data
from seloste.archive.errors import DataErrors
from seloste.archive.evidence import evidence_problems
from seloste.archive.facts import StatedNoneOf
from seloste.archive.loader import load_archive
from seloste.archive.localized import Localized, NoticeText
from seloste.archive.model import Archive, Version
from seloste.archive.types import usable_email
from seloste.compare.facts import diff_facts, facts_text
from seloste.compare.report import changes, render_report
from seloste.publish.checklist import checklist, checklist_view
from seloste.publish.factlines import glance
from seloste.publish.factspage import facts_page_view
from seloste.publish.glancepanel import glance_panel
from sitebuild import Build, build, fixture_project

DATA = FIXTURES / "denials"
ARCHIVE: Archive = load_archive(DATA, root=DATA.parent)
LANGS = {"fi": "", "en": "en/"}
LIBRARY, SHOP, SILENT = "kirjasto-esimerkki", "verkkokauppa-esimerkki", "hiljainen-esimerkki"


def _current(slug: str) -> Version:
    return ARCHIVE.get(slug).current.version


def _answers(version: Version) -> dict[str, tuple[str, str | None]]:
    items = checklist(version, ARCHIVE.organisations[0].current.date).items
    return {item.id: (item.status, item.answer) for item in items if item.id in ("dpo", "recipients", "transfers")}


# --- the facts and the loader ---------------------------------------------------------------


def test_each_fixture_states_its_facts_quoted_from_their_sections() -> None:
    for record in ARCHIVE.organisations:
        for version in record.versions:
            assert evidence_problems(version.version) == [], (record.slug, version.id)
    library = _current(LIBRARY).facts
    assert [entry.data for entry in library.no_recipients] == [None]  # of all its data
    assert [entry.data for entry in library.no_transfers] == [None]
    shop = _current(SHOP).facts
    assert [entry.data for entry in shop.no_transfers] == [Localized(fi="asiakastiedot", en="customer data")]
    assert [t.country for t in shop.transfers] == ["US"]  # its analytics data goes to the US all the same


def test_the_checklist_tells_says_none_from_names_some_from_says_nothing() -> None:
    assert _answers(_current(LIBRARY)) == {
        "dpo": ("stated", "none"),
        "recipients": ("stated", "none"),
        "transfers": ("stated", "none"),
    }
    assert _answers(_current(SHOP)) == {  # processors and a transfer named, whatever it says of its customer data
        "dpo": ("stated", "some"),
        "recipients": ("stated", "some"),
        "transfers": ("stated", "some"),
    }
    assert _answers(_current(SILENT)) == {
        "dpo": ("not-stated", None),
        "recipients": ("not-stated", None),
        "transfers": ("not-stated", None),
    }
    before = ARCHIVE.get(LIBRARY).versions[0].version  # 2023: the same association said nothing of them
    assert {answer for _status, answer in _answers(before).values()} == {None}


@pytest.mark.parametrize(
    ("lang", "recipients", "transfers"),
    [
        ("fi", "kertoo, ettei tietoja luovuteta", "kertoo, ettei tietoja siirretä"),
        ("en", "says data is not disclosed", "says data is not transferred"),
    ],
    ids=["fi", "en"],
)
def test_the_checklist_says_what_the_notice_says_in_words(lang: str, recipients: str, transfers: str) -> None:
    record = ARCHIVE.get(LIBRARY)
    rows = {row.id: row for row in checklist_view(record.current.version, record.current.date, LIBRARY, lang).rows}
    assert (rows["recipients"].answer_label, rows["transfers"].answer_label) == (recipients, transfers)
    assert [line.href for line in rows["transfers"].lines] == ["#luovutukset"]
    silent = ARCHIVE.get(SILENT).current
    rows = {row.id: row for row in checklist_view(silent.version, silent.date, SILENT, lang).rows}
    assert (rows["recipients"].answer_label, rows["recipients"].lines) == (None, ())


def test_a_denial_of_all_the_data_cannot_stand_beside_a_transfer(tmp_path: Path) -> None:
    text = (DATA / SHOP / "2025-02-10.yaml").read_text(encoding="utf-8")
    of_all = text.replace("  no_transfers:\n    - data: {fi: asiakastiedot, en: customer data}\n", "  no_transfers:\n    -\n")
    of_all = of_all.replace("captures/2025-02-10.txt", "captures/2024-01-10.txt")
    assert of_all != text
    data = make_data(tmp_path, version=of_all)
    shutil.copy(DATA / SHOP / "captures/2025-02-10.txt", data / SLUG / "captures/2024-01-10.txt")
    with pytest.raises(DataErrors) as caught:
        load_archive(data, root=tmp_path)
    (error,) = [str(e) for e in caught.value.errors]
    assert "facts.no_transfers[0]: the notice cannot both say data is transferred outside the EEA" in error
    assert error.startswith(f"data/{SLUG}/2024-01-10.yaml:92:7: ")  # at the entry, with its line


def test_a_denial_of_recipients_stands_beside_the_processors_and_exceptions_the_notice_names() -> None:
    shop = _current(SHOP).facts
    assert [r.role for r in shop.recipients] == ["processor"] and shop.no_recipients


# --- an e-mail hidden from harvesters -----------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "usable"),
    [
        ("tietosuoja@yritys.fi", "tietosuoja@yritys.fi"),
        ("tietosuoja(a)yritys.fi", "tietosuoja@yritys.fi"),
        ("etunimi.sukunimi[at]yritys.fi", "etunimi.sukunimi@yritys.fi"),
        ("info (at) yritys (dot) fi", "info@yritys.fi"),
        ("info{at}yritys[piste]fi", "info@yritys.fi"),
        ("info at yritys.fi", "info@yritys.fi"),
        ("Info [AT] yritys.fi", "Info@yritys.fi"),
        ("tietosuoja yritys.fi", None),  # nothing for @
        ("a(a)b(a)yritys.fi", None),  # two of them
        ("a@b(a)yritys.fi", None),
        ("tietosuoja(a)yritys", None),  # no domain
        ("tietosuoja(a)yritys.fi?subject=x", None),  # no mailto: headers ride along
    ],
)
def test_an_e_mail_is_read_as_a_person_reads_it(stated: str, usable: str | None) -> None:
    assert usable_email(stated) == usable


def test_a_hidden_e_mail_is_kept_as_the_notice_writes_it_and_read_as_the_address() -> None:
    contact = _current(LIBRARY).facts.contact
    assert contact is not None and contact.email == "tietosuoja(a)kirjasto-esimerkki.fi"
    dpo = _current(SHOP).facts.dpo
    assert dpo is not None and dpo.email == "etunimi.sukunimi[at]verkkokauppa-esimerkki.fi"
    assert facts_text(_current(SHOP).facts, "en")["single"]["dpo"]["email"] == (
        "etunimi.sukunimi[at]verkkokauppa-esimerkki.fi (address: etunimi.sukunimi@verkkokauppa-esimerkki.fi)"
    )
    rows = {row.field: row for row in glance(_current(LIBRARY).facts, LIBRARY, "fi")}
    assert "tietosuoja(a)kirjasto-esimerkki.fi (osoite: tietosuoja@kirjasto-esimerkki.fi)" in rows["contact"].lines[0].text


def test_a_hidden_e_mail_must_stand_in_its_section_as_written() -> None:
    version = _current(LIBRARY)
    plain = dataclasses.replace(version.facts.contact, email="tietosuoja@kirjasto-esimerkki.fi")
    problems = evidence_problems(dataclasses.replace(version, facts=dataclasses.replace(version.facts, contact=plain)))
    assert problems == [
        (
            "facts.contact.email",
            "facts.contact.email: 'tietosuoja@kirjasto-esimerkki.fi' does not appear in section 'yhteyshenkilo', which "
            "writes it 'tietosuoja(a)kirjasto-esimerkki.fi'; give it as the notice writes it (the pages show the "
            "address it stands for)",
        )
    ]


# --- a legal basis grounded in a national law ---------------------------------------------------


def test_a_legal_basis_names_the_law_it_rests_on_and_the_laws_cited_see_it() -> None:
    library = _current(LIBRARY).facts
    bookkeeping = library.purposes[1]
    assert (bookkeeping.legal_basis, bookkeeping.laws) == ("legal-obligation", ("kirjanpitolaki-1336-1997",))
    assert library.legal_references == ()  # the law is cited only as the basis, and the laws cited still list it
    rows = {row.field: row for row in glance(library, LIBRARY, "en")}
    assert rows["purposes"].lines[1].detail == "legal basis: legal obligation, Accounting Act (1336/1997), tax legislation"
    assert [(line.text, line.href) for line in rows["legal_references"].lines] == [("Accounting Act (1336/1997)", "#tarkoitus")]


def test_a_law_given_as_a_basis_counts_as_the_basis_and_one_that_ended_is_flagged() -> None:
    shop = ARCHIVE.get(SHOP).current
    items = {item.id: item for item in checklist(shop.version, shop.date).items}
    assert items["legal_bases"].status == "partly"  # the marketing register's law is its basis; orders have none
    assert [o.law for o in checklist(shop.version, shop.date).outdated] == ["henkilotietolaki-523-1999"]
    assert [o.cited_after_end for o in checklist(shop.version, shop.date).outdated] == [True]
    panel = glance_panel(ARCHIVE.get(SHOP), "fi")
    rows = {row.field: row for row in panel.rows}
    assert rows["purposes"].outdated and rows["purposes"].lines[1].outdated == "#sl-outdated-henkilotietolaki-523-1999"
    without = dataclasses.replace(shop.version.facts.purposes[1], laws=())
    facts = dataclasses.replace(shop.version.facts, purposes=(shop.version.facts.purposes[0], without))
    assert checklist(dataclasses.replace(shop.version, facts=facts), shop.date).outdated == ()


# --- the panel, the facts page, the comparison ---------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "transfers", "none"),
    [
        ("fi", ["Yhdysvallat", "tietoja ei siirretä EU:n/ETA:n ulkopuolelle"], "ei luovuteta"),
        ("en", ["the United States", "data is not transferred outside the EU/EEA"], "not disclosed"),
    ],
    ids=["fi", "en"],
)
def test_the_panel_shows_what_the_notice_says_there_is_none_of_in_the_row_of_what_it_denies(
    lang: str, transfers: list[str], none: str
) -> None:
    rows = {row.field: row for row in glance_panel(ARCHIVE.get(SHOP), lang).rows}
    # said of part of the data only: after what the notice names, so the summary line reads the transfer
    assert [line.text for line in rows["transfers"].lines] == transfers
    assert rows["transfers"].preview == transfers[0]
    # one phrase, the note that the notice says so beside what it says it of: never two brackets in a row
    assert rows["transfers"].lines[1].detail == (
        "seloste kertoo näin; tiedot: asiakastiedot" if lang == "fi" else "the notice says so; data: customer data"
    )
    library = {row.field: row for row in glance_panel(ARCHIVE.get(LIBRARY), lang).rows}
    assert none in library["recipients"].preview  # said of all its data: the summary line says so
    silent = glance_panel(ARCHIVE.get(SILENT), lang)
    assert {"recipients", "transfers", "dpo"} <= {u.field for u in silent.unstated}  # not stated, never a "no"
    assert not {"no_recipients", "no_transfers"} & {row.field for row in glance_panel(ARCHIVE.get(LIBRARY), lang).rows}


@pytest.mark.parametrize("lang", LANGS)
def test_the_facts_page_says_which_notices_say_data_is_not_transferred(lang: str) -> None:
    rows = {row.name: row for row in facts_page_view(ARCHIVE, lang).rows}
    assert {name: row.filters["notransfers"] for name, row in rows.items()} == {
        "Hiljainen Esimerkki Oy": "0",
        "Kirjastoyhdistys Esimerkki ry": "1",
        "Verkkokauppa Esimerkki Oy": "0",  # it transfers its analytics data
    }
    library = rows["Kirjastoyhdistys Esimerkki ry"]
    none = "ei siirretä" if lang == "fi" else "not transferred"
    assert len(library.transfers) == 1 and none in library.transfers[0]
    assert len(library.disclosure) == 1 and rows["Hiljainen Esimerkki Oy"].disclosure == ()
    assert rows["Hiljainen Esimerkki Oy"].transfers == ()
    shop = rows["Verkkokauppa Esimerkki Oy"].transfers  # its transfer first, what it says of its customer data after
    assert len(shop) == 2 and (("Yhdysvallat" if lang == "fi" else "United States") in shop[0]) and none in shop[1]


def test_saying_none_is_a_change_of_the_facts_in_the_comparison() -> None:
    old, new = (v.version.facts for v in ARCHIVE.get(LIBRARY).versions)
    changes = {(c.field, c.kind) for c in diff_facts(facts_text(old, "en"), facts_text(new, "en"))}
    assert {("no_recipients", "added"), ("no_transfers", "added"), ("no_dpo", "added"), ("purposes", "added")} <= changes
    scoped = StatedNoneOf(data=Localized(fi="lokit", en="logs"), quote=NoticeText(fi="x", en="x"), section="s")
    narrowed = dataclasses.replace(new, no_transfers=(scoped,))
    (change,) = [c for c in diff_facts(facts_text(new, "en"), facts_text(narrowed, "en")) if c.field == "no_transfers"]
    assert (change.kind, change.item) == ("changed", "logs")  # an entry said of part of the data is named by that data
    assert change.new == "data is not transferred outside the EU/EEA (the notice says so; data: logs)"


# --- the built pages --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def denials_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = fixture_project(tmp_path_factory.mktemp("denials"))
    shutil.copytree(DATA, root / "data")
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.build
@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_the_pages_tell_none_from_some_from_nothing(denials_site: Build, lang: str, prefix: str) -> None:
    panel = denials_site.soup(f"{prefix}{LIBRARY}/").select_one(".sl-glance")
    transfers = panel.select_one("#sl-fact-transfers").get_text(" ", strip=True)
    assert ("ei siirretä EU:n/ETA:n ulkopuolelle" if lang == "fi" else "not transferred outside the EU/EEA") in transfers
    contact = panel.select_one("#sl-fact-contact").get_text(" ", strip=True)
    assert "tietosuoja(a)kirjasto-esimerkki.fi" in contact and "tietosuoja@kirjasto-esimerkki.fi" in contact
    laws = panel.select_one("#sl-fact-legal_references").get_text(" ", strip=True)
    assert ("Kirjanpitolaki (1336/1997)" if lang == "fi" else "Accounting Act (1336/1997)") in laws
    silent = denials_site.soup(f"{prefix}{SILENT}/").select_one(".sl-glance__unstated")
    assert {"recipients", "transfers"} <= {li["data-fact"] for li in silent.select("li[data-fact]")}
    for slug, answers in {
        LIBRARY: {"recipients": "none", "transfers": "none", "dpo": "none"},
        SHOP: {"recipients": "some", "transfers": "some", "dpo": "some"},
        SILENT: {},
    }.items():
        rows = denials_site.soup(f"{prefix}{slug}/checklist/").select("tr.sl-check[data-answer]")
        assert {row["data-item"]: row["data-answer"] for row in rows if row["data-item"] in answers} == answers
    facts = denials_site.soup(f"{prefix}facts/")
    flags = {row.select_one("th a").get_text(): row["data-notransfers"] for row in facts.select("tr.sl-facts-row")}
    assert flags["Kirjastoyhdistys Esimerkki ry"] == "1" and flags["Verkkokauppa Esimerkki Oy"] == "0"
    assert facts.select_one("input[name=notransfers]") is not None


@pytest.mark.build
def test_open_data_carries_what_the_notice_says_there_is_none_of(denials_site: Build) -> None:
    base = denials_site.site / "data/v2"
    schema = json.loads((base / "schema/version.schema.json").read_text(encoding="utf-8"))
    data = json.loads(gzip.decompress((base / f"{SHOP}.json.gz").read_bytes()))
    version = data["versions"]["2025-02-10"]
    jsonschema.validate(version, schema)
    facts = version["facts"]
    assert facts["no_transfers"][0]["data"] == {"fi": "asiakastiedot", "en": "customer data"}
    assert facts["dpo"]["email"] == "etunimi.sukunimi[at]verkkokauppa-esimerkki.fi"  # as the notice writes it
    assert facts["purposes"][1]["laws"] == ["henkilotietolaki-523-1999"]


# --- one phrase: the note that the notice says so and what it says it of in one bracket --------------------------


@pytest.mark.parametrize(
    ("lang", "reading"),
    [
        ("fi", "tietoja ei siirretä EU:n/ETA:n ulkopuolelle (seloste kertoo näin; tiedot: asiakastiedot)"),
        ("en", "data is not transferred outside the EU/EEA (the notice says so; data: customer data)"),
    ],
    ids=["fi", "en"],
)
def test_what_the_notice_says_none_of_for_part_of_its_data_reads_as_one_phrase_everywhere(
    lang: str, reading: str, tmp_path: Path
) -> None:
    """Issue 15: 'X (the notice says so) (data: …)' read as two bracket groups in a row; every place that shows it
    (the panel, the checklist, the facts page, the comparison, the change report) reads one phrase."""
    record = ARCHIVE.get(SHOP)
    shown: dict[str, list[str]] = {}
    panel = {row.field: row for row in glance_panel(record, lang).rows}
    shown["panel"] = [f"{line.text} ({line.detail})" if line.detail else line.text for line in panel["transfers"].lines]
    view = checklist_view(record.current.version, record.current.date, SHOP, lang)
    shown["checklist"] = [f"{line.text} ({line.detail})" if line.detail else line.text for row in view.rows for line in row.lines]
    rows = {row.name: row for row in facts_page_view(ARCHIVE, lang).rows}
    shown["facts page"] = list(rows["Verkkokauppa Esimerkki Oy"].transfers)
    shown["comparison"] = list(facts_text(record.current.version.facts, lang)["entries"]["no_transfers"].values())
    (tmp_path / "empty").mkdir()
    report = render_report(changes(load_archive(tmp_path / "empty"), ARCHIVE), "t")
    shown["report"] = [line for line in report.splitlines() if reading in line]
    for place, texts in shown.items():
        assert reading in texts or any(reading in text for text in texts), (place, texts)
        assert not [text for text in texts if ") (" in text], (place, texts)
