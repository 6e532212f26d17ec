"""What readers look for first: sensitive data (Art. 9, 10), the personal identity code and children, and a business
ID kept as the notice states it, on the fixtures of tests/fixtures/sensitive/ (a physiotherapist, a sports club, an
employer): the facts, the checklist, the panel, the facts page, the comparison and the change report, and the built
pages in both languages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json
import shutil
from collections.abc import Iterator

import jsonschema
import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import serve
from datadir import FIXTURES, ORGANISATION_LINE, SLUG, make_data
from seloste.archive.errors import DataErrors
from seloste.archive.evidence import evidence_problems
from seloste.archive.facts import Children, IdentityCode, SensitiveData, StatedNone
from seloste.archive.loader import load_archive
from seloste.archive.localized import Localized, NoticeText
from seloste.archive.model import Archive, Version
from seloste.archive.types import BusinessIdFlaw, business_id_flaw
from seloste.compare.facts import diff_facts, facts_text
from seloste.compare.report import comparison, render_report
from seloste.publish.checklist import checklist, checklist_view
from seloste.publish.factlines import business_id_flag, glance
from seloste.publish.factspage import facts_page_view
from seloste.publish.glancepanel import glance_panel
from sitebuild import Build, build, fixture_project

DATA = FIXTURES / "sensitive"
ARCHIVE: Archive = load_archive(DATA, root=DATA.parent)
LANGS = {"fi": "", "en": "en/"}


def _current(slug: str) -> Version:
    return ARCHIVE.get(slug).current.version


def _statuses(version: Version, date: dt.date = dt.date(2025, 6, 1)) -> dict[str, tuple[str, bool]]:
    return {item.id: (item.status, item.conditional) for item in checklist(version, date).items}


def _quote(text: str) -> NoticeText:
    return NoticeText(fi=text, en=text)


def _with(version: Version, **facts: object) -> Version:
    return dataclasses.replace(version, facts=dataclasses.replace(version.facts, **facts))


# --- the facts ----------------------------------------------------------------------------


def test_each_fixture_states_its_facts_quoted_from_their_sections() -> None:
    for record in ARCHIVE.organisations:
        for version in record.versions:
            assert evidence_problems(version.version) == [], (record.slug, version.id)
    fysio = _current("fysio-esimerkki").facts
    (health,) = fysio.sensitive_data
    assert (health.category, health.condition, health.laws) == (
        "health",
        "not-stated",  # the notice gives the patient laws, not an Art. 9(2) condition
        ("potilaslaki-785-1992", "potilasasiakirja-asetus-298-2009"),
    )
    assert fysio.identity_code is not None and fysio.identity_code.ground == "listed-activity"
    club = _current("seura-esimerkki").facts
    assert [(c.age_limit, c.provisions) for c in club.children] == [("15", ()), ("13", ("tietosuojalaki-5",))]
    assert club.no_identity_code is not None and club.identity_code is None
    employer = _current("tyonantaja-esimerkki").facts
    assert [s.category for s in employer.sensitive_data] == ["health", "criminal", "trade-union"]


def test_a_business_id_that_is_not_valid_is_kept_as_the_notice_states_it() -> None:
    controller = _current("tyonantaja-esimerkki").facts.controller
    assert controller.business_id == "1234567-8"  # the check digit should be 1: recorded all the same
    assert business_id_flaw("1234567-8") == BusinessIdFlaw("check-digit", 1)
    assert business_id_flaw("12345671") == BusinessIdFlaw("form")  # the hyphen missing
    assert business_id_flaw("3141592-0") == BusinessIdFlaw("no-check-digit")  # the weighted sum leaves 1 (mod 11)
    assert business_id_flaw("1783913-6") is None


def test_the_archive_keeps_its_own_record_of_a_business_id_strict(tmp_path) -> None:
    """organisation.yaml is the archive's word, not a notice's: a business ID there must be a valid one."""
    organisation = ORGANISATION_LINE + "name: Rakennus Esimerkki Oy\nbusiness_id: 1234567-8\n"
    with pytest.raises(DataErrors) as raised:
        load_archive(make_data(tmp_path, organisation=organisation), root=tmp_path)
    assert [str(e) for e in raised.value.errors] == [
        f"data/{SLUG}/organisation.yaml:3:14: business_id: '1234567-8' is not a valid business ID: the check digit should be 1"
    ]


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ("1234567-8", "fi", "Y-tunnus 1234567-8 ei ole kelvollinen: sen tarkistusnumeron pitäisi olla 1."),
        ("1234567-8", "en", "The business ID 1234567-8 is not a valid one: its check digit should be 1."),
        ("12345671", "fi", "Y-tunnus 12345671 ei ole Y-tunnuksen muodossa (seitsemän numeroa, väliviiva ja tarkistusnumero)."),
        ("12345671", "en", "The business ID 12345671 is not written as one (seven digits, a hyphen and a check digit)."),
        ("1783913-6", "en", None),
    ],
)
def test_the_pages_say_what_is_wrong_with_a_business_id(value: str, lang: str, expected: str | None) -> None:
    controller = dataclasses.replace(_current("tyonantaja-esimerkki").facts.controller, business_id=value)
    assert business_id_flag(controller, lang) == expected


def test_the_panel_and_the_checklist_flag_the_business_id_as_the_notice_states_it() -> None:
    record = ARCHIVE.get("tyonantaja-esimerkki")
    for lang in LANGS:
        panel = glance_panel(record, lang)
        controller = next(row for row in panel.rows if row.field == "controller")
        assert controller.flagged and [line.flag for line in controller.lines] == list(panel.flags)
        (flag,) = panel.flags
        assert "1234567-8" in flag
        row = next(r for r in checklist_view(record.current.version, record.current.date, record.slug, lang).rows)
        assert row.id == "controller" and row.flags == (flag,) and row.status == "stated"  # stated, as written
    assert glance_panel(ARCHIVE.get("fysio-esimerkki"), "fi").flags == ()


# --- the checklist ------------------------------------------------------------------------


def test_the_condition_for_sensitive_data_is_stated_for_each_category_or_not() -> None:
    assert _statuses(_current("fysio-esimerkki"))["sensitive_data"] == ("stated", False)  # the patient laws
    assert _statuses(_current("seura-esimerkki"))["sensitive_data"] == ("stated", False)  # explicit consent
    assert _statuses(_current("tyonantaja-esimerkki"))["sensitive_data"] == ("partly", False)  # criminal, union: none
    employer = _current("tyonantaja-esimerkki")
    none_given = tuple(dataclasses.replace(s, condition="not-stated") for s in employer.facts.sensitive_data)
    assert _statuses(_with(employer, sensitive_data=none_given))["sensitive_data"] == ("not-stated", False)
    # a notice that says nothing of sensitive data: not stated, required only where it applies
    assert _statuses(_with(employer, sensitive_data=()))["sensitive_data"] == ("not-stated", True)
    # "we process no sensitive data" states it
    says_none = StatedNone(quote=_quote("x"), section="erityiset")
    assert _statuses(_with(employer, sensitive_data=(), no_sensitive_data=says_none))["sensitive_data"] == ("stated", True)


def test_the_ground_for_the_identity_code_is_stated_or_not() -> None:
    first, patient = (v.version for v in ARCHIVE.get("fysio-esimerkki").versions)
    assert _statuses(first)["identity_code"] == ("not-stated", False)  # processed for Kela, on no ground
    assert _statuses(patient)["identity_code"] == ("stated", False)
    assert _statuses(_current("seura-esimerkki"))["identity_code"] == ("stated", True)  # "we process none"
    assert _statuses(_with(first, identity_code=None))["identity_code"] == ("not-stated", True)
    by_law = dataclasses.replace(first.facts.identity_code, laws=("potilaslaki-785-1992",))
    assert _statuses(_with(first, identity_code=by_law))["identity_code"] == ("stated", False)


@pytest.mark.parametrize(
    ("lang", "sensitive", "identity"),
    [
        ("fi", ("Artikla 9(2), 10", "#art_9"), ("Tietosuojalaki 29 §", "finlex.fi/fi/laki/ajantasa/2018/20181050")),
        ("en", ("Article 9(2), 10", "#art_9"), ("Data Protection Act, section 29", "finlex.fi/en/laki/kaannokset/2018/")),
    ],
)
def test_the_checklist_names_the_article_or_section_of_each_item_and_links_it(
    lang: str, sensitive: tuple[str, str], identity: tuple[str, str]
) -> None:
    record = ARCHIVE.get("fysio-esimerkki").versions[0]
    rows = {row.id: row for row in checklist_view(record.version, record.date, "fysio-esimerkki", lang).rows}
    assert (rows["sensitive_data"].article_label, rows["identity_code"].article_label) == (sensitive[0], identity[0])
    assert rows["sensitive_data"].article_url.endswith(sensitive[1]) and identity[1] in rows["identity_code"].article_url
    assert rows["controller"].article_label.endswith("13(1)(a)")
    assert rows["sensitive_data"].conditional_note  # this version says nothing of sensitive data
    assert rows["identity_code"].conditional_note is None  # it processes the code: the ground is required
    assert len(rows) == 15


def test_a_repealed_law_given_as_the_basis_of_health_data_is_flagged() -> None:
    record = ARCHIVE.get("fysio-esimerkki").current
    (outdated,) = checklist(record.version, record.date).outdated
    # repealed in April 2022, before this version of February 2023
    assert (outdated.law, outdated.section, outdated.cited_after_end) == ("potilasasiakirja-asetus-298-2009", "peruste", True)
    cited_in_2021 = checklist(record.version, dt.date(2021, 5, 3)).outdated
    assert [o.cited_after_end for o in cited_in_2021] == [False]
    only_basis = _with(record.version, legal_references=())  # the basis of the health data alone is enough
    assert [o.law for o in checklist(only_basis, record.date).outdated] == ["potilasasiakirja-asetus-298-2009"]
    panel = glance_panel(ARCHIVE.get("fysio-esimerkki"), "en")
    sensitive = next(row for row in panel.rows if row.field == "sensitive_data")
    assert sensitive.outdated and sensitive.lines[0].outdated == "#sl-outdated-potilasasiakirja-asetus-298-2009"


# --- the panel, the facts page, the comparison ---------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fi",
            {
                "sensitive_data": [
                    ("terveystiedot", "peruste: työoikeus ja sosiaaliturva"),
                    ("rikostuomiot ja rikokset", "peruste: ei kerrottu"),
                    ("ammattiliiton jäsenyys", "peruste: ei kerrottu"),
                ],
                "identity_code": [
                    (
                        "työsuhteen velvoitteiden hoitaminen",
                        "peruste: laissa lueteltu toiminta (kuten terveydenhuolto, luotonanto, työsuhde)",
                    )
                ],
                "children": [],
            },
        ),
        (
            "en",
            {
                "sensitive_data": [
                    ("health data", "condition: employment and social security law"),
                    ("criminal convictions and offences", "condition: not stated"),
                    ("trade union membership", "condition: not stated"),
                ],
                "identity_code": [
                    (
                        "meeting the obligations of the employment relationship",
                        "ground: an activity the Act lists (such as health care, credit, employment)",
                    )
                ],
                "children": [],
            },
        ),
    ],
)
def test_the_panel_shows_sensitive_data_first_each_with_its_basis(lang: str, expected: dict) -> None:
    rows = glance(_current("tyonantaja-esimerkki").facts, "tyonantaja-esimerkki", lang)
    assert [row.field for row in rows[:4]] == ["sensitive_data", "identity_code", "children", "controller"]
    assert {row.field: [(line.text, line.detail) for line in row.lines] for row in rows[:3]} == expected
    assert all(line.href == "#erityiset" for line in rows[0].lines)


@pytest.mark.parametrize(
    ("lang", "identity", "children"),
    [
        (
            "fi",
            "henkilötunnusta ei käsitellä (seloste kertoo näin)",
            [
                ("alle 15-vuotias liittyy huoltajan suostumuksella", "ikäraja: 15 vuotta; säännökset: ei kerrottu"),
                (
                    "verkkopalveluun rekisteröityy itse 13 vuotta täyttänyt",
                    "ikäraja: 13 vuotta; säännökset: tietosuojalain 5 § (13 vuoden ikäraja)",
                ),
            ],
        ),
        (
            "en",
            "the personal identity code is not processed (the notice says so)",
            [
                ("a child under 15 joins with a guardian's consent", "age limit: 15 years; provisions: not stated"),
                (
                    "from 13 years old one registers for the online service oneself",
                    "age limit: 13 years; provisions: Data Protection Act, section 5 (age 13)",
                ),
            ],
        ),
    ],
)
def test_the_panel_tells_children_and_an_identity_code_the_notice_says_it_does_not_process(
    lang: str, identity: str, children: list
) -> None:
    rows = {row.field: row for row in glance(_current("seura-esimerkki").facts, "seura-esimerkki", lang)}
    assert "no_identity_code" not in rows and [line.text for line in rows["identity_code"].lines] == [identity]
    assert [(line.text, line.detail) for line in rows["children"].lines] == children


def test_absence_is_not_stated_not_a_no() -> None:
    """A notice that says nothing of them: no line in the panel (it is named among the facts not stated)."""
    first = ARCHIVE.get("fysio-esimerkki").versions[0].version
    rows = {row.field: row for row in glance(first.facts, "fysio-esimerkki", "en")}
    assert rows["sensitive_data"].lines == () and rows["children"].lines == ()


@pytest.mark.parametrize(("lang", "health"), [("fi", "terveystiedot"), ("en", "health data")], ids=["fi", "en"])
def test_health_data_added_is_a_change_of_the_facts_in_the_comparison_and_the_report(lang: str, health: str) -> None:
    first, patient = ARCHIVE.get("fysio-esimerkki").versions
    changes = diff_facts(facts_text(first.version.facts, lang), facts_text(patient.version.facts, lang))
    added = [(c.field, c.item, c.kind) for c in changes if c.field == "sensitive_data"]
    assert added == [("sensitive_data", health, "added")]
    assert changes[0].field == "sensitive_data"  # first, as in the panel
    identity = [(c.item, c.kind) for c in changes if c.field == "identity_code"]
    assert ("ground", "changed") in identity
    report = render_report([comparison(ARCHIVE.get("fysio-esimerkki"), first.id, patient.id)], "Report")
    name = "Arkaluonteiset tiedot" if lang == "fi" else "Sensitive data"
    assert f"| {name} – {health} | {'lisätty' if lang == 'fi' else 'added'} |" in report


@pytest.mark.parametrize("lang", LANGS)
def test_the_facts_page_lists_and_filters_by_sensitive_data_identity_code_and_children(lang: str) -> None:
    view = facts_page_view(ARCHIVE, lang)
    assert [c.value for c in view.categories] == ["health", "trade-union", "criminal"]  # Art. 9(1)'s order, then 10
    rows = {row.name: row for row in view.rows}
    filters = {name: row.filters for name, row in rows.items()}
    assert {name: (f["categories"], f["sensitive"], f["idcode"], f["children"]) for name, f in filters.items()} == {
        "Fysioterapia Esimerkki Oy": ("health", "1", "1", "0"),
        "Rakennus Esimerkki Oy": ("health criminal trade-union", "1", "1", "0"),
        "Urheiluseura Esimerkki ry": ("health", "1", "0", "1"),
    }
    club = rows["Urheiluseura Esimerkki ry"].sensitive
    if lang == "en":
        assert club == (
            "health data",
            "the personal identity code is not processed (the notice says so)",
            "children's data (age limit: 15 years, 13 years)",
        )


def test_the_new_facts_reach_the_loader_from_every_kind_of_entry() -> None:
    """Each new kind of fact, made in Python, reads as the loader's would: no field is left unshown."""
    q = _quote("x")
    entry = SensitiveData(category="biometric", condition="explicit-consent", quote=q, section="s")
    code = IdentityCode(text=Localized(fi="a", en="a"), ground="consent", quote=q, section="s")
    child = Children(text=Localized(fi="b", en="b"), provisions=("gdpr-article-8",), quote=q, section="s")
    facts = dataclasses.replace(_current("seura-esimerkki").facts, sensitive_data=(entry,), children=(child,))
    facts = dataclasses.replace(facts, identity_code=code, no_identity_code=None)
    shown = facts_text(facts, "en")
    assert shown["list"]["sensitive_data"] == {"biometric data for identification": "condition: explicit consent"}
    assert shown["single"]["identity_code"] == {"text": "a", "ground": "consent"}
    assert shown["list"]["children"] == {"b": "provisions: GDPR Article 8"}


# --- the built pages, in both languages ------------------------------------------------------


@pytest.fixture(scope="module")
def sensitive_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = fixture_project(tmp_path_factory.mktemp("sensitive"))
    shutil.copytree(DATA, root / "data")
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.build
@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_the_notice_pages_show_sensitive_data_first_and_flag_what_is_wrong(sensitive_site: Build, lang: str, prefix: str) -> None:
    page = sensitive_site.soup(f"{prefix}tyonantaja-esimerkki/")
    panel = page.select_one(".sl-glance")
    fields = [row["data-fact"] for row in panel.select(".sl-glance__row[data-fact]")]
    assert fields[:3] == ["sensitive_data", "identity_code", "controller"]  # children: among the facts not stated
    sensitive = panel.select_one("#sl-fact-sensitive_data")
    assert [a["href"] for a in sensitive.select("details > ul a")] == ["#erityiset"] * 3
    flags = panel.select_one("#sl-glance-flags").get_text(" ", strip=True)
    assert "1234567-8" in flags and ("tarkistusnumeron pitäisi olla 1" if lang == "fi" else "check digit should be 1") in flags
    assert panel.select_one("#sl-fact-controller .sl-badge--flag") is not None
    outdated = panel.select_one("#sl-outdated-henkilotietolaki-523-1999").get_text(" ", strip=True)
    assert "523/1999" in outdated
    fysio = sensitive_site.soup(f"{prefix}fysio-esimerkki/").select_one(".sl-glance")
    assert fysio.select_one("#sl-outdated-potilasasiakirja-asetus-298-2009") is not None
    assert fysio.select_one("#sl-fact-sensitive_data a.sl-flag")["href"] == "#sl-outdated-potilasasiakirja-asetus-298-2009"
    history = fysio.select_one("#sl-fact-sensitive_data-history").get_text(" ", strip=True)
    assert ("ei kerrottu" if lang == "fi" else "not stated") in history  # 2021: nothing said of health data


@pytest.mark.build
@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_the_checklist_pages_state_the_condition_and_the_ground(sensitive_site: Build, lang: str, prefix: str) -> None:
    for slug, statuses in {
        "fysio-esimerkki": ("stated", "stated"),
        "seura-esimerkki": ("stated", "stated"),
        "tyonantaja-esimerkki": ("partly", "stated"),
    }.items():
        page = sensitive_site.soup(f"{prefix}{slug}/checklist/")
        rows = {row["data-item"]: row for row in page.select("tr.sl-check")}
        assert (rows["sensitive_data"]["data-status"], rows["identity_code"]["data-status"]) == statuses
        article = rows["identity_code"].select_one("th small a")
        assert article.get_text() == ("Tietosuojalaki 29 §" if lang == "fi" else "Data Protection Act, section 29")
    employer = sensitive_site.soup(f"{prefix}tyonantaja-esimerkki/checklist/")
    flag = employer.select_one("tr[data-item=controller] .sl-checklist__flag").get_text(" ", strip=True)
    assert "1234567-8" in flag


@pytest.mark.build
@pytest.mark.parametrize(("lang", "prefix"), LANGS.items())
def test_the_facts_page_offers_the_new_filters(sensitive_site: Build, lang: str, prefix: str) -> None:
    page = sensitive_site.soup(f"{prefix}facts/")
    assert [o["value"] for o in page.select("select[name=category] option")] == ["", "health", "trade-union", "criminal"]
    assert {i["name"] for i in page.select(".sl-filters input[type=checkbox]")} >= {"sensitive", "idcode", "children"}
    club = next(r for r in page.select("tr.sl-facts-row") if "Urheiluseura" in r.select_one("th").get_text())
    assert (club["data-categories"], club["data-idcode"], club["data-children"]) == ("health", "0", "1")
    cell = club.select("td")[1].get_text(" ", strip=True)
    assert ("terveystiedot" if lang == "fi" else "health data") in cell


@pytest.mark.build
def test_open_data_carries_the_new_facts_and_validates(sensitive_site: Build) -> None:
    base = sensitive_site.site / "data/v2"
    schema = json.loads((base / "schema/version.schema.json").read_text(encoding="utf-8"))
    data = json.loads(gzip.decompress((base / "tyonantaja-esimerkki.json.gz").read_bytes()))
    version = data["versions"]["2025-01-20"]
    jsonschema.validate(version, schema)
    assert [s["category"] for s in version["facts"]["sensitive_data"]] == ["health", "criminal", "trade-union"]
    assert version["facts"]["controller"]["business_id"] == "1234567-8"


@pytest.fixture(scope="module")
def site_url(sensitive_site: Build) -> Iterator[str]:
    with serve(sensitive_site.site) as url:
        yield url


@pytest.mark.browser
def test_a_reader_filters_by_sensitive_data_and_the_address_keeps_it(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/facts/?category=criminal")
    expect(page.locator("tr.sl-facts-row:not([hidden]) th a")).to_have_text(["Rakennus Esimerkki Oy"])
    page.select_option("select[name=category]", "")
    page.check("input[name=children]")
    expect(page.locator("tr.sl-facts-row:not([hidden]) th a")).to_have_text(["Urheiluseura Esimerkki ry"])
    assert page.evaluate("window.location.search") == "?children=1"
    page.uncheck("input[name=children]")
    page.check("input[name=idcode]")
    expect(page.locator("tr.sl-facts-row:not([hidden]) th a")).to_have_text(
        ["Fysioterapia Esimerkki Oy", "Rakennus Esimerkki Oy"]
    )


@pytest.mark.browser
@pytest.mark.parametrize(
    ("prefix", "name", "health"), [("", "Arkaluonteiset tiedot", "terveystiedot"), ("en/", "Sensitive data", "health data")]
)
def test_the_comparison_shows_health_data_added_first(page: Page, site_url: str, prefix: str, name: str, health: str) -> None:
    page.goto(site_url + f"{prefix}fysio-esimerkki/compare/?from=2021-05-03&to=2023-02-01")
    first = page.locator("tr.sl-diff__fact").first
    expect(first).to_have_class("sl-diff__fact sl-diff__fact--added")
    expect(first.locator("th")).to_have_text(name)
    expect(first.locator("td").last).to_contain_text(health)


@pytest.mark.parametrize("lang", LANGS)
def test_every_choice_and_field_of_the_new_facts_reads_in_words(lang: str) -> None:
    """No fixed choice reaches a reader as its id: each has its words in labels.yaml, in both languages."""
    import typing

    from seloste.archive.facts import ChildrenProvision, IdentityCodeGround, SensitiveCategory, SensitiveCondition
    from seloste.compare.facts import fact_value_label
    from seloste.labels import labels

    for choices in (SensitiveCategory, SensitiveCondition, IdentityCodeGround, ChildrenProvision):
        for value in typing.get_args(choices):
            assert value in labels(lang)["fact_values"] and fact_value_label(value, lang), value
    names = labels(lang)["fact_fields"]
    for cls in (SensitiveData, IdentityCode, Children):
        for field in dataclasses.fields(cls):
            assert field.name in names or field.name in ("quote", "section"), (cls.__name__, field.name)  # evidence: not shown
    for denial in ("no_sensitive_data", "no_identity_code"):
        assert denial in names and denial in labels(lang)["stated_none"]


@pytest.mark.browser
@pytest.mark.parametrize("prefix", LANGS.values(), ids=LANGS.keys())
@pytest.mark.parametrize(
    "path", ["tyonantaja-esimerkki/", "seura-esimerkki/", "tyonantaja-esimerkki/checklist/", "facts/?category=health"]
)
def test_the_new_parts_of_the_pages_pass_axe(browser: Browser, site_url: str, prefix: str, path: str) -> None:
    """The flags at the top of the panel, the opened rows of sensitive data and children, the checklist's flag and
    the facts page's new filters and column: no serious or critical axe violation, in either language."""
    from test_accessibility import axe

    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + prefix + path)
    for row in page.locator(".sl-glance__row[data-fact] > dd > details > summary").all()[:3]:
        row.click()
    found = axe(page)
    context.close()
    assert found == []


def test_the_patient_and_health_record_laws_have_their_finlex_sources_and_ends() -> None:
    from seloste.archive.laws import LAWS

    health = {
        "potilaslaki-785-1992": None,
        "potilasasiakirja-asetus-298-2009": dt.date(2022, 4, 1),
        "potilasasiakirja-asetus-94-2022": None,
        "asiakastietolaki-159-2007": dt.date(2021, 11, 1),
        "asiakastietolaki-784-2021": dt.date(2024, 1, 1),
        "asiakastietolaki-703-2023": None,
    }
    for law, ended in health.items():
        info = LAWS[law]
        assert all(url.startswith("https://www.finlex.fi/") for url in info.source.values()), law
        assert info.ended == ended and info.applies_from < (ended or dt.date.max), law
        number = law.rsplit("-", 2)[-2] + "/" + law.rsplit("-", 1)[-1]  # 785/1992
        assert all(number in name for name in info.name.values()), law
    # each repealed one names what replaced it, which the table knows too
    assert "94/2022" in LAWS["potilasasiakirja-asetus-298-2009"].ended_short["en"]  # type: ignore[index]
    assert "784/2021" in LAWS["asiakastietolaki-159-2007"].ended_short["fi"]  # type: ignore[index]
