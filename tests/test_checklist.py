"""The Art. 13/14 checklist, the outdated references and the "at a glance" lines, on fixtures."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from datadir import FIXTURES, SLUG, copy_valid
from seloste.archive.facts import LegalReference, Right, StatedNone, Transfer
from seloste.archive.loader import load_archive
from seloste.archive.localized import Localized
from seloste.archive.model import Version
from seloste.compare.facts import field_text
from seloste.publish.checklist import checklist, checklist_view
from seloste.publish.factlines import glance

DAY = dt.date(2024, 6, 1)


@pytest.fixture(scope="module")
def version(tmp_path_factory: pytest.TempPathFactory) -> Version:
    root = tmp_path_factory.mktemp("checklist")
    return load_archive(copy_valid(root), root=root).get(SLUG).version("2024-06-01").version


def with_facts(version: Version, **changes: object) -> Version:
    return dataclasses.replace(version, facts=dataclasses.replace(version.facts, **changes))


def statuses(version: Version, date: dt.date = DAY) -> dict[str, str]:
    return {item.id: item.status for item in checklist(version, date).items}


def quote(text: str) -> Localized:
    return Localized(fi=text, en=text)


def test_every_item_of_the_fixture_with_every_kind_of_fact(version: Version) -> None:
    assert statuses(version) == {
        "controller": "partly",  # the name alone: no address, e-mail, phone or contact
        "dpo": "stated",
        "purposes": "stated",
        "legal_bases": "stated",
        "recipients": "stated",
        "transfers": "stated",
        "retention": "stated",
        "rights": "partly",  # access only
        "withdraw_consent": "not-stated",
        "complaint": "stated",
        "automated_decisions": "stated",
        "data_categories": "stated",
        "sources": "stated",
        "sensitive_data": "stated",  # health data under the patient act
        "identity_code": "stated",  # to identify the customer unambiguously
    }
    assert checklist(version, DAY).stated == 12


def test_a_notice_with_the_controller_alone_states_almost_nothing(version: Version) -> None:
    bare = Version(
        recorded_date=version.recorded_date,
        source=version.source,
        title=version.title,
        sections=version.sections,
        facts=type(version.facts)(controller=version.facts.controller),
    )
    result = checklist(bare, DAY)
    assert [item.id for item in result.items if item.status != "not-stated"] == ["controller"]
    assert result.outdated == ()


def test_rights_name_what_is_missing_and_are_stated_only_with_all_six(version: Version) -> None:
    item = next(i for i in checklist(version, DAY).items if i.id == "rights")
    assert item.missing == ("rectification", "erasure", "restriction", "objection", "portability")
    six = tuple(
        Right(right=r, quote=quote("x"), section="tietojen-sailytys")
        for r in ("access", "rectification", "erasure", "restriction", "objection", "portability")
    )
    assert statuses(with_facts(version, rights=six))["rights"] == "stated"


def test_rights_referred_to_as_a_whole_are_partly_stated_and_named_as_such(version: Version) -> None:
    from seloste.compare.facts import fact_value_label

    whole = (Right(right="gdpr-rights", quote=quote("x"), section="tietojen-sailytys"),)
    item = next(i for i in checklist(with_facts(version, rights=whole), DAY).items if i.id == "rights")
    assert (item.status, item.missing) == (
        "partly",
        ("access", "rectification", "erasure", "restriction", "objection", "portability"),
    )
    assert fact_value_label("gdpr-rights", "en") == "the rights under the GDPR (referred to as a whole, none named)"
    assert fact_value_label("gdpr-rights", "fi") == "tietosuoja-asetuksen mukaiset oikeudet (mainittu yleisesti, ei eritelty)"


def test_legal_bases_are_partly_stated_when_a_purpose_has_none(version: Version) -> None:
    purpose = version.facts.purposes[0]
    two = (purpose, dataclasses.replace(purpose, purpose=quote("markkinointi"), legal_basis="not-stated"))
    assert statuses(with_facts(version, purposes=two))["legal_bases"] == "partly"
    none = (dataclasses.replace(purpose, legal_basis="not-stated"),)
    assert statuses(with_facts(version, purposes=none))["legal_bases"] == "not-stated"


def test_withdrawing_consent_is_required_only_when_consent_is_a_basis(version: Version) -> None:
    item = next(i for i in checklist(version, DAY).items if i.id == "withdraw_consent")
    assert item.conditional  # the fixture relies on a contract only
    consent = (dataclasses.replace(version.facts.purposes[0], legal_basis="consent"),)
    item = next(i for i in checklist(with_facts(version, purposes=consent), DAY).items if i.id == "withdraw_consent")
    assert not item.conditional and item.status == "not-stated"


def test_a_transfer_without_a_safeguard_is_partly_stated(version: Version) -> None:
    unsafe = (dataclasses.replace(version.facts.transfers[0], mechanism="not-stated"),)
    assert statuses(with_facts(version, transfers=unsafe))["transfers"] == "partly"


def test_a_repealed_law_is_flagged_with_whether_it_had_ended_by_the_version(version: Version) -> None:
    old_law = (LegalReference(law="henkilotietolaki-523-1999", quote=quote("x"), section="rekisterinpitaja"),)
    cited = with_facts(version, legal_references=old_law)
    (flag,) = checklist(cited, DAY).outdated
    assert (flag.law, flag.section, flag.cited_after_end) == ("henkilotietolaki-523-1999", "rekisterinpitaja", True)
    (flag,) = checklist(cited, dt.date(2010, 6, 15)).outdated
    assert flag.cited_after_end is False  # in force when that version was published; repealed since
    assert checklist(version, DAY).outdated == ()  # the GDPR still applies


def test_privacy_shield_as_a_transfer_mechanism_is_flagged_once(version: Version) -> None:
    shield = Transfer(
        destination=quote("USA"), country="US", mechanism="privacy-shield", quote=quote("x"), section="tietojen-sailytys"
    )
    reference = LegalReference(law="privacy-shield", quote=quote("x"), section="rekisterinpitaja")
    cited = with_facts(version, transfers=(shield,), legal_references=(reference,))
    assert [(o.law, o.section) for o in checklist(cited, DAY).outdated] == [("privacy-shield", "rekisterinpitaja")]
    assert [o.law for o in checklist(with_facts(version, transfers=(shield,)), DAY).outdated] == ["privacy-shield"]


def test_the_checklist_view_links_each_fact_to_its_section_and_explains_what_is_outdated(version: Version) -> None:
    old_law = (LegalReference(law="henkilotietolaki-523-1999", quote=quote("x"), section="title"),)
    view = checklist_view(with_facts(version, legal_references=old_law), DAY, SLUG, "en")
    rows = {row.id: row for row in view.rows}
    assert [line.href for line in rows["retention"].lines] == ["#tietojen-sailytys"]
    assert rows["rights"].missing == (
        "right to rectification, right to erasure, right to restriction of processing, right to object, right to data portability"
    )
    assert rows["rights"].article_url.endswith("CELEX:32016R0679#art_13")
    assert rows["dpo"].conditional_note is None  # stated: no need to say when it is required
    assert rows["withdraw_consent"].conditional_note is not None
    (outdated,) = view.outdated
    assert outdated.href == f"#{SLUG}-title"  # the title states it
    assert outdated.when == "no longer applied when this version was published (ended 1 January 2019)"
    assert "finlex.fi" in outdated.ended_source_url and "Repealed on 1 January 2019" in outdated.explanation
    assert (outdated.law, outdated.ended_short) == ("henkilotietolaki-523-1999", "repealed by the Data Protection Act 1050/2018")


def test_each_fact_line_names_the_law_or_mechanism_it_cites(version: Version) -> None:
    old_law = LegalReference(law="henkilotietolaki-523-1999", quote=quote("x"), section="title")
    shield = dataclasses.replace(version.facts.transfers[0], mechanism="privacy-shield")
    facts = with_facts(version, legal_references=(old_law,), transfers=(shield,)).facts
    rows = {row.field: row for row in glance(facts, SLUG, "fi")}
    # the laws cited: those the notice cites as such, then the law it gives as the basis of its health data
    assert [line.laws for line in rows["legal_references"].lines] == [("henkilotietolaki-523-1999",), ("potilaslaki-785-1992",)]
    assert [line.laws for line in rows["transfers"].lines] == [("privacy-shield",)]
    assert [line.laws for line in rows["sensitive_data"].lines] == [("potilaslaki-785-1992",)]  # the basis it gives
    cites = ("legal_references", "transfers", "sensitive_data")
    assert {line.laws for row in rows.values() for line in row.lines if row.field not in cites} == {()}
    unflagged = dataclasses.replace(shield, mechanism="standard-contractual-clauses")  # no entry in laws.yaml
    (row,) = [row for row in glance(dataclasses.replace(facts, transfers=(unflagged,)), SLUG, "fi") if row.field == "transfers"]
    assert [line.laws for line in row.lines] == [()]


def test_every_law_that_ended_says_what_ended_it_in_both_languages() -> None:
    from seloste.archive.laws import LAWS

    ended = [law for law in LAWS.values() if law.ended]
    assert {law.id for law in ended} >= {"privacy-shield", "henkilotietolaki-523-1999"}
    for law in ended:
        assert law.ended_short and set(law.ended_short) == {"fi", "en"} and law.ended_because and law.ended_source
    assert "C-311/18" in LAWS["privacy-shield"].ended_short["en"]  # type: ignore[index]


def transfer_destination(version: Version):
    return version.facts.transfers[0].destination


def test_glance_lists_every_fact_field_and_labels_bare_choices(version: Version) -> None:
    rows = {row.field: row for row in glance(version.facts, SLUG, "fi")}
    # what readers look for first comes first, then the Art. 13/14 items
    assert list(rows)[:6] == ["sensitive_data", "identity_code", "children", "controller", "contact", "dpo"]
    assert len(rows) == 17
    assert rows["contact"].lines == ()  # not stated
    (purpose,) = rows["purposes"].lines
    assert (purpose.text, purpose.detail) == ("Asiakassuhteen hoito", "oikeusperuste: sopimus")
    assert purpose.href == "#tietojen-sailytys"
    (transfer,) = rows["transfers"].lines
    # the destination names the country already: it is not repeated in the detail
    assert (transfer.text, transfer.detail) == ("Yhdysvallat", "suojatoimi: EU–USA-tietosuojakehys (Data Privacy Framework)")
    elsewhere = dataclasses.replace(transfer_destination(version), fi="palveluntarjoajan palvelimille")
    moved = dataclasses.replace(version.facts.transfers[0], destination=elsewhere)
    (line,) = next(
        r for r in glance(dataclasses.replace(version.facts, transfers=(moved,)), SLUG, "fi") if r.field == "transfers"
    ).lines
    assert line.detail == "Yhdysvallat, suojatoimi: EU–USA-tietosuojakehys (Data Privacy Framework)"
    (cookie,) = glance(version.facts, SLUG, "en")[14].lines
    assert (cookie.text, cookie.detail) == ("Google Analytics", "purpose: analytics")


def test_facts_fixture_versions_compare_field_by_field_without_quotes(version: Version) -> None:
    """Quotes are evidence: changing one alone is no change of the facts."""
    from seloste.compare.facts import diff_facts, facts_text

    changed = dataclasses.replace(version.facts.retention[0], quote=quote("Säilytämme"))
    after = with_facts(version, retention=(changed,))
    assert diff_facts(facts_text(version.facts, "fi"), facts_text(after.facts, "fi")) == []
    longer = dataclasses.replace(version.facts.retention[0], period=quote("kuusi vuotta"))
    (change,) = diff_facts(facts_text(version.facts, "fi"), facts_text(with_facts(version, retention=(longer,)).facts, "fi"))
    expected = ("retention", "changed", "säilytysaika: viisi vuotta", "säilytysaika: kuusi vuotta")
    assert (change.field, change.kind, change.old, change.new) == expected


def test_a_notice_that_says_it_has_no_dpo_states_it(version: Version) -> None:
    """Not "not stated": the panel and the checklist say there is none, the notice says so, linked to where."""
    says_none = with_facts(version, dpo=None, no_dpo=StatedNone(quote=quote("x"), section="tietojen-sailytys"))
    for lang, text in (
        ("en", "no data protection officer (the notice says so)"),
        ("fi", "ei tietosuojavastaavaa (seloste kertoo näin)"),
    ):
        rows = {row.field: row for row in glance(says_none.facts, SLUG, lang)}
        assert "no_dpo" not in rows and len(rows) == 17
        (line,) = rows["dpo"].lines
        assert (line.text, line.detail, line.href) == (text, "", "#tietojen-sailytys")
        checked = {row.id: row for row in checklist_view(says_none, DAY, SLUG, lang).rows}["dpo"]
        assert checked.status == "stated" and checked.conditional_note is None
        assert [line.text for line in checked.lines] == [text]
    assert statuses(with_facts(version, dpo=None))["dpo"] == "not-stated"


def test_saying_there_is_no_dpo_is_a_change_of_the_facts(version: Version) -> None:
    from seloste.compare.facts import diff_facts, facts_text

    says_none = with_facts(version, dpo=None, no_dpo=StatedNone(quote=quote("x"), section="tietojen-sailytys"))
    changes = diff_facts(facts_text(version.facts, "en"), facts_text(says_none.facts, "en"))
    assert [(c.field, c.kind, c.new) for c in changes] == [
        ("dpo", "removed", None),
        ("no_dpo", "added", "no data protection officer (the notice says so)"),
    ]


def test_a_role_given_in_each_language_reads_in_the_readers_language_only() -> None:
    """Planeetta Internet's contact is 'tietosuojavastaava' in the Finnish text and 'data protection officer' in the
    English: each page's panel and published facts name the role once, in its own language."""
    from seloste.compare.facts import facts_text
    from sitebuild import FROZEN

    facts = load_archive(FROZEN, root=FROZEN.parent).get("planeetta-internet").version("2022-03-21").version.facts
    for lang, role, other in (
        ("fi", "tietosuojavastaava", "data protection officer"),
        ("en", "data protection officer", "tietosuojavastaava"),
    ):
        (line,) = {row.field: row for row in glance(facts, "planeetta-internet", lang)}["contact"].lines
        assert line.text == f"Salla Vainionpää, {role}, info@planeetta.fi, 010 5251 440"
        assert facts_text(facts, lang)["single"]["dpo"]["role"] == role
        assert other not in line.text


def test_the_condition_for_sensitive_data_and_the_identity_code_ground_apply_where_the_notice_processes_them(
    version: Version,
) -> None:
    def item(v: Version, item_id: str) -> tuple[str, bool]:
        found = next(i for i in checklist(v, DAY).items if i.id == item_id)
        return found.status, found.conditional

    health = version.facts.sensitive_data[0]  # the patient act as its basis
    unstated = dataclasses.replace(health, category="criminal", laws=())
    assert item(version, "sensitive_data") == ("stated", False)
    assert item(with_facts(version, sensitive_data=(health, unstated)), "sensitive_data") == ("partly", False)
    assert item(with_facts(version, sensitive_data=(unstated,)), "sensitive_data") == ("not-stated", False)
    assert item(with_facts(version, sensitive_data=()), "sensitive_data") == ("not-stated", True)
    none = StatedNone(quote=quote("x"), section="erityiset")
    assert item(with_facts(version, sensitive_data=(), no_sensitive_data=none), "sensitive_data") == ("stated", True)
    code = version.facts.identity_code
    assert code is not None and item(version, "identity_code") == ("stated", False)
    no_ground = dataclasses.replace(code, ground="not-stated")
    assert item(with_facts(version, identity_code=no_ground), "identity_code") == ("not-stated", False)
    assert item(with_facts(version, identity_code=None), "identity_code") == ("not-stated", True)
    assert item(with_facts(version, identity_code=None, no_identity_code=none), "identity_code") == ("stated", True)
    rows = {row.id: row for row in checklist_view(with_facts(version, identity_code=None), DAY, SLUG, "en").rows}
    assert rows["identity_code"].article_label == "Data Protection Act, section 29"
    assert rows["identity_code"].conditional_note and "finlex.fi" in rows["identity_code"].article_url
    assert rows["sensitive_data"].article_label == "Article 9(2), 10"


def test_a_repealed_law_given_as_the_basis_of_health_data_is_outdated(version: Version) -> None:
    health = dataclasses.replace(version.facts.sensitive_data[0], laws=("potilasasiakirja-asetus-298-2009",))
    (flag,) = checklist(with_facts(version, sensitive_data=(health,)), DAY).outdated
    assert (flag.law, flag.section, flag.cited_after_end) == ("potilasasiakirja-asetus-298-2009", "erityiset", True)
    rows = {row.field: row for row in glance(with_facts(version, sensitive_data=(health,)).facts, SLUG, "fi")}
    (line,) = rows["sensitive_data"].lines
    assert line.laws == ("potilasasiakirja-asetus-298-2009",)
    assert line.detail == "peruste: Sosiaali- ja terveysministeriön asetus potilasasiakirjoista (298/2009)"


@pytest.mark.parametrize(
    ("value", "lang", "flag"),
    [
        ("1783913-5", "en", "The business ID 1783913-5 is not a valid one: its check digit should be 6."),
        ("1783913-5", "fi", "Y-tunnus 1783913-5 ei ole kelvollinen: sen tarkistusnumeron pitäisi olla 6."),
        ("17839136", "en", "The business ID 17839136 is not written as one (seven digits, a hyphen and a check digit)."),
        ("3141592-0", "en", "The business ID 3141592-0 is not a valid one: no check digit exists for these digits."),
        ("1783913-6", "en", None),
    ],
)
def test_a_business_id_is_kept_as_the_notice_states_it_and_flagged_where_it_is_not_valid(
    tmp_path, value: str, lang: str, flag: str | None
) -> None:
    from datadir import make_data
    from seloste.publish.glancepanel import glance_panel

    base = (FIXTURES / "invalid/version/_base.yaml").read_text(encoding="utf-8")
    stated = base.replace(
        "      fi: Esimerkki Oy\n      en: Esimerkki Oy\n", f"      fi: Esimerkki Oy, {value}\n      en: Esimerkki Oy, {value}\n"
    )
    stated = stated.replace("    name: Esimerkki Oy\n", f"    name: Esimerkki Oy\n    business_id: {value}\n")
    record = load_archive(make_data(tmp_path, version=stated), root=tmp_path).get(SLUG)  # validation does not refuse it
    assert record.current.version.facts.controller.business_id == value
    rows = {row.id: row for row in checklist_view(record.current.version, record.current.date, SLUG, lang).rows}
    assert rows["controller"].flags == ((flag,) if flag else ())
    panel = glance_panel(record, lang)
    assert panel.flags == rows["controller"].flags
    controller = next(row for row in panel.rows if row.field == "controller")
    assert controller.flagged is bool(flag) and [line.flag for line in controller.lines] == [flag]


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_a_notice_that_names_no_controller_is_shown_so_on_the_checklist_and_the_panel(tmp_path, lang: str) -> None:
    """tests/fixtures/shapes/julkaisija names only the app's publisher ('Sovelluksen julkaisija: ...'): the controller
    is left out, and the checklist and the panel say it is not stated, as of any fact the notice does not state; the
    contact it does give is still shown."""
    import shutil

    from seloste.publish.glancepanel import glance_panel

    shutil.copytree(FIXTURES / "shapes" / "julkaisija", tmp_path / "data" / "julkaisija")
    record = load_archive(tmp_path / "data", root=tmp_path).get("julkaisija")
    assert record.current.version.facts.controller is None
    assert statuses(record.current.version)["controller"] == "not-stated"
    rows = {row.id: row for row in checklist_view(record.current.version, record.current.date, "julkaisija", lang).rows}
    assert rows["controller"].status == "not-stated"
    panel = glance_panel(record, lang)
    assert "controller" in {u.field for u in panel.unstated} and "controller" not in {row.field for row in panel.rows}


def test_a_purpose_with_two_legal_bases_is_one_line_naming_both(tmp_path: Path) -> None:
    data = copy_valid(tmp_path)
    path = data / SLUG / "2024-06-01.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("legal_basis: contract\n", "legal_basis: [contract, consent]\n"))
    version = load_archive(data, root=tmp_path).get(SLUG).version("2024-06-01").version
    (purpose,) = version.facts.purposes
    assert (purpose.legal_basis, purpose.legal_bases, purpose.basis_stated) == (("contract", "consent"),) * 2 + (True,)
    for lang, named in (("fi", "sopimus, suostumus"), ("en", "contract, consent")):
        (row,) = [row for row in glance(version.facts, SLUG, lang) if row.field == "purposes"]
        assert [line.detail for line in row.lines] == [f"{'oikeusperuste' if lang == 'fi' else 'legal basis'}: {named}"]
        assert field_text(purpose, "legal_basis", lang) == named
        assert field_text(dataclasses.replace(purpose, legal_basis="contract"), "legal_basis", lang) == named.split(",")[0]
    item = next(i for i in checklist(version, DAY).items if i.id == "withdraw_consent")
    assert not item.conditional  # consent is one of the purpose's bases
    none = (dataclasses.replace(purpose, legal_basis="not-stated"),)
    assert statuses(with_facts(version, purposes=none))["legal_bases"] == "not-stated"
