"""Facts on the built site: the "at a glance" panel, the checklists, the comparison page and the open data.

The live archive (ARCHIVE, real_site) is held to what any valid archive must satisfy; what specific notices state
(the laws they cite, their countries and tools) is checked on the frozen fixture archive (FROZEN_ARCHIVE,
frozen_site)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from playwright.sync_api import Browser, Page

from conftest import serve
from datadir import SLUG, as_in_the_data_file, copy_valid
from seloste.archive.emit import plain
from seloste.archive.evidence import evidence_problems, fact_items, section_texts
from seloste.archive.facts import DENIED
from seloste.archive.loader import load_archive
from seloste.archive.localized import alphabetical
from seloste.archive.model import Archive, Organisation
from seloste.archive.schema import schema_for
from seloste.markup.text import normalize
from seloste.publish.checklist import checklist
from seloste.publish.opendata import open_data_site_files, organisation_data
from seloste.publish.tools import TOOLS, is_tool, named_tools
from sitebuild import DATA, FROZEN, Build, resolve

ARCHIVE = load_archive(DATA)
SLUGS = [o.slug for o in ARCHIVE.organisations]
FROZEN_ARCHIVE = load_archive(FROZEN)
FROZEN_SLUGS = [o.slug for o in FROZEN_ARCHIVE.organisations]
VERSIONS = [(o.slug, v.id) for o in ARCHIVE.organisations for v in o.versions]
FROZEN_VERSIONS = [(o.slug, v.id) for o in FROZEN_ARCHIVE.organisations for v in o.versions]
LANGS = {"fi": "", "en": "en/"}


def _ids(site: Build, path: str) -> set[str]:
    return {tag["id"] for tag in site.soup(path).select("[id]")}


@pytest.mark.build
@pytest.mark.parametrize("prefix", LANGS.values(), ids=LANGS.keys())
@pytest.mark.parametrize("slug", SLUGS)
def test_glance_panel_links_every_fact_to_its_section(real_site: Build, slug: str, prefix: str) -> None:
    page = real_site.soup(f"{prefix}{slug}/")
    panel = page.select_one("article.sl-notice .sl-glance")
    assert panel is not None
    assert len(panel.select("[data-fact]")) == 17  # every fact, stated or not, with its anchor
    facts = ARCHIVE.get(slug).current.version.facts
    rows = panel.select(".sl-glance__row[data-fact]")
    stated = {row["data-fact"] for row in rows if row.select_one("details > ul")}
    given = {name for name in facts.__dataclass_fields__ if getattr(facts, name) not in (None, ())}
    # "we have none" is shown in the row of what it denies
    assert stated == {DENIED.get(name, name) for name in given}
    ids = _ids(real_site, f"{prefix}{slug}/")
    links = [a["href"] for a in panel.select(".sl-glance__facts details > ul a, .sl-glance__outdated a[href^='#']")]
    assert links and all(href.startswith("#") and href[1:] in ids for href in links)
    for link in panel.select(".sl-fact-history a"):  # a fact's history links each version's page
        assert (real_site.site / resolve(f"{prefix}{slug}/", link["href"]) / "index.html").is_file(), link
    checklist_link = panel.select_one("a.sl-glance__checklist")["href"]
    assert resolve(f"{prefix}{slug}/", checklist_link) == f"{prefix}{slug}/checklist/"


@pytest.mark.build
@pytest.mark.parametrize("prefix", LANGS.values(), ids=LANGS.keys())
@pytest.mark.parametrize("slug", SLUGS)
def test_checklist_page_states_each_item_with_links_and_says_it_is_not_legal_advice(
    real_site: Build, slug: str, prefix: str
) -> None:
    path = f"{prefix}{slug}/checklist/"
    page = real_site.soup(path)
    record = ARCHIVE.get(slug).current
    expected = checklist(record.version, record.date)
    rows = page.select("tr.sl-check")
    assert [(row["data-item"], row["data-status"]) for row in rows] == [(i.id, i.status) for i in expected.items]
    disclaimer = page.select_one(".sl-disclaimer").get_text()
    assert ("not legal advice" if prefix else "ei ole oikeudellinen neuvo") in disclaimer
    notice_ids = _ids(real_site, f"{prefix}{slug}/")
    for link in page.select("tr.sl-check td a, .sl-outdated a[href^='../']"):
        target, _, anchor = resolve(path, link["href"]).partition("#")
        assert target == f"{prefix}{slug}/" and anchor in notice_ids, link
    assert len(page.select(".sl-outdated__item")) == len(expected.outdated)


OUTDATED = {
    "mikromafia": {"henkilotietolaki-523-1999"},
    "minikone": {"henkilotietolaki-523-1999"},
    "midare": {"privacy-shield"},
    "infocrea": {"privacy-shield"},
}
"""What the issue names: rekisteriseloste under the repealed Personal Data Act; the Privacy Shield."""


@pytest.mark.parametrize("slug", FROZEN_SLUGS)
def test_seed_notices_citing_law_that_no_longer_applies_are_flagged(slug: str) -> None:
    record = FROZEN_ARCHIVE.get(slug).current
    flagged = {o.law for o in checklist(record.version, record.date).outdated}
    assert flagged == OUTDATED.get(slug, set())


def test_infocrea_moved_its_registers_to_a_privacy_shield_service_in_june_2018() -> None:
    versions = FROZEN_ARCHIVE.get("infocrea").versions
    flags = {r.id: [(o.law, o.cited_after_end) for o in checklist(r.version, r.date).outdated] for r in versions}
    # in force in 2018; the flag says it was invalidated since, not that the notice was wrong then
    assert flags == {"2018-05-24": [], "2018-06-25": [("privacy-shield", False)], "2018-09-19": [("privacy-shield", False)]}


def _evidence_checked(version) -> int:
    """Checks every fact's quote and the controller's, contact's and DPO's details against the cited section;
    returns how many were checked."""
    texts = {lang: section_texts(version, lang) for lang in version.text_languages}
    original = version.published_in[0]
    checked = 0
    for _field, name, item in fact_items(version.facts):
        quote = getattr(item, "quote", None)
        for lang in version.text_languages if quote else ():
            assert normalize(quote[lang]) in texts[lang][item.section], f"{name}.quote.{lang}"
            checked += 1
        for key in ("name", "business_id", "email", "phone"):
            value = getattr(item, key, None)
            if isinstance(value, str) and _field in ("controller", "contact", "dpo"):
                assert normalize(value) in texts[original][item.section], f"{name}.{key}"
                checked += 1
    return checked


@pytest.mark.archive
@pytest.mark.parametrize(("slug", "version_id"), VERSIONS)
def test_every_fact_is_borne_out_by_the_section_it_cites(slug: str, version_id: str) -> None:
    version = ARCHIVE.get(slug).version(version_id).version
    assert _evidence_checked(version) >= 1  # the controller's name at least
    assert evidence_problems(version) == []


@pytest.mark.parametrize(("slug", "version_id"), FROZEN_VERSIONS)
def test_every_fact_of_every_seed_is_borne_out_by_the_section_it_cites(slug: str, version_id: str) -> None:
    version = FROZEN_ARCHIVE.get(slug).version(version_id).version
    assert _evidence_checked(version) >= 10
    assert evidence_problems(version) == []


@pytest.mark.parametrize(("slug", "version_id"), FROZEN_VERSIONS)
def test_every_version_has_its_facts_filled_in(slug: str, version_id: str) -> None:
    """Facts for every version: more than the controller, and the items every seed notice states."""
    facts = FROZEN_ARCHIVE.get(slug).version(version_id).version.facts
    filled = [name for name in facts.__dataclass_fields__ if getattr(facts, name) not in (None, ())]
    assert facts.purposes and facts.data_categories, filled
    assert len(filled) >= 5, filled


@pytest.mark.build
@pytest.mark.parametrize("prefix", LANGS.values(), ids=LANGS.keys())
def test_comparison_page_has_a_row_per_organisation_with_its_filters(real_site: Build, prefix: str) -> None:
    path = f"{prefix}facts/"
    page = real_site.soup(path)
    rows = page.select("tr.sl-facts-row")
    lang = next(lang for lang, shown in LANGS.items() if shown == prefix)
    names = sorted((o.organisation.name for o in ARCHIVE.organisations), key=lambda name: alphabetical(name, lang))
    assert [row.select_one("th a").get_text() for row in rows] == names
    for row in rows:
        target = resolve(path, row.select_one("th a")["href"])
        assert target in {f"{prefix}{slug}/" for slug in SLUGS}
        assert resolve(path, row.select_one("td a")["href"]) == f"{target}checklist/"
        assert {"data-countries", "data-tools", "data-retention", "data-dpo", "data-bases", "data-outdated"} <= set(row.attrs)
        assert {"data-categories", "data-sensitive", "data-idcode", "data-children"} <= set(row.attrs)
    bases = page.select_one("input[name=bases]").parent.get_text(strip=True)  # what the checklist's "stated" means
    assert bases == {"": "Kertoo jokaisen käsittelyn tarkoituksen oikeusperusteen"}.get(
        prefix, "States a legal basis for every purpose"
    )
    countries = {c for row in rows for c in row["data-countries"].split()}
    options = [o["value"] for o in page.select("select[name=country] option")]
    assert options[0] == "" and countries <= set(options)


@pytest.mark.build
@pytest.mark.parametrize("prefix", LANGS.values(), ids=LANGS.keys())
def test_comparison_page_row_shows_an_organisations_countries_and_outdated_laws(frozen_site: Build, prefix: str) -> None:
    page = frozen_site.soup(f"{prefix}facts/")
    rows = page.select("tr.sl-facts-row")
    assert len(rows) == len(FROZEN_SLUGS)
    midare = next(row for row in rows if row.select_one("th a").get_text() == "Midare Oy")
    assert "US" in midare["data-countries"].split() and midare["data-outdated"] == "1"
    options = [o["value"] for o in page.select("select[name=country] option")]
    assert options[0] == "" and "US" in options


@pytest.mark.build
@pytest.mark.parametrize("prefix", LANGS.values(), ids=LANGS.keys())
def test_the_tool_filter_lists_each_tool_once_and_no_cookies_in_general(real_site: Build, prefix: str) -> None:
    """What holds for any archive: one option per tool and per name, none for cookies in general, and a name that
    names a tool of the table is listed under that tool's name only."""
    page = real_site.soup(f"{prefix}facts/")
    options = page.select("select[name=tool] option")
    assert options[0]["value"] == ""
    values = [o["value"] for o in options[1:]]
    labels = [o.get_text() for o in options[1:]]
    assert len(values) == len(set(values)) and len(labels) == len({label.casefold() for label in labels})
    assert not [label for label in labels if not is_tool(label)]
    tool_names = {tool.name for tool in TOOLS.values()}
    assert [label for label in labels if named_tools(label) and label not in tool_names] == []
    groups = [group["label"] for group in page.select("select[name=tool] optgroup")]
    expected = {"Tools and services", "Other recipients"} if prefix else {"Työkalut ja palvelut", "Muut vastaanottajat"}
    assert set(groups) <= expected
    listed = {value for row in page.select("tr.sl-facts-row") for value in row["data-tools"].split()}
    assert listed == set(values)


@pytest.mark.build
@pytest.mark.parametrize("prefix", LANGS.values(), ids=LANGS.keys())
def test_a_tool_named_in_three_spellings_is_one_option_and_one_name_in_each_row(frozen_site: Build, prefix: str) -> None:
    page = frozen_site.soup(f"{prefix}facts/")
    tools = [o.get_text() for o in page.select("select[name=tool] optgroup:first-of-type option")]
    assert "Google Analytics" in tools and "Google Workspace (G Suite)" in tools
    everything = [o.get_text() for o in page.select("select[name=tool] option")]
    assert not {"evästeet", "cookies", "Google Inc", "Google LLC (Google Suite)", "Google AdWords"} & set(everything)
    minikone = next(row for row in page.select("tr.sl-facts-row") if row.select_one("th a").get_text() == "Minikone Oy")
    cell = minikone.select_one(
        f"td[data-label='{'Tools and recipients' if prefix else 'Työkalut ja vastaanottajat'}']"
    ).get_text()
    assert cell.count("Google Analytics") == 1 and "evästeet" not in cell and "cookies" not in cell
    # the notice page still names them as the notice does
    glance = frozen_site.soup(f"{prefix}minikone/").select_one(".sl-glance").get_text()
    assert "Google AdWords" in glance and "Google Inc" in glance


@pytest.mark.build
def test_open_data_has_every_version_as_json_that_validates_against_the_published_schema(real_site: Build) -> None:
    base = real_site.site / "data/v2"
    index = json.loads((base / "index.json").read_text(encoding="utf-8"))
    assert index["format"] == 2
    schema = json.loads((base / index["schemas"]["version"]).read_text(encoding="utf-8"))
    org_schema = json.loads((base / index["schemas"]["organisation"]).read_text(encoding="utf-8"))
    assert [o["slug"] for o in index["organisations"]] == SLUGS
    for entry in index["organisations"]:
        record = ARCHIVE.get(entry["slug"])
        data = json.loads(gzip.decompress((base / entry["file"]).read_bytes()))
        assert data["format"] == 2 and data["slug"] == record.slug
        jsonschema.validate(data["organisation"], org_schema)
        assert data["organisation"] == plain(record.organisation)
        assert [v["id"] for v in entry["versions"]] == [v.id for v in record.versions]
        assert list(data["versions"]) == [v.id for v in record.versions]  # oldest first
        assert entry["current"] == record.current.id
        for listed, version in zip(entry["versions"], record.versions, strict=True):
            published = data["versions"][listed["id"]]
            jsonschema.validate(published, schema)
            assert as_in_the_data_file(published) == plain(version.version)
            for lang, page in listed["pages"].items():
                assert (real_site.site / page / "index.html").is_file(), (lang, page)


def test_open_data_gives_several_legal_bases_in_a_list_beside_the_one_it_always_gave(tmp_path: Path) -> None:
    """A purpose with two bases: format 2's readers find legal_basis one value, as it always was (the first), and
    every basis in legal_bases; the published schema says so, and the data file's schema stays the editor's."""
    data = copy_valid(tmp_path)
    path = data / SLUG / "2024-06-01.yaml"
    (one,) = json.loads(json.dumps(organisation_data(load_archive(data, root=tmp_path).get(SLUG))))["versions"]["2024-06-01"][
        "facts"
    ]["purposes"]
    path.write_text(path.read_text(encoding="utf-8").replace("legal_basis: contract\n", "legal_basis: [contract, consent]\n"))
    record = load_archive(data, root=tmp_path).get(SLUG)
    versions = organisation_data(record)["versions"]
    (two,) = json.loads(json.dumps(versions["2024-06-01"]))["facts"]["purposes"]
    assert (two["legal_basis"], two["legal_bases"], one["legal_basis"], one["legal_bases"]) == (
        "contract",
        ["contract", "consent"],
        "contract",
        ["contract"],
    )
    assert list(two)[:3] == ["purpose", "legal_basis", "legal_bases"]
    schemas = dict(open_data_site_files(Archive(organisations=(record,))))
    published = json.loads(schemas["data/v2/schema/version.schema.json"])
    for version in versions.values():
        jsonschema.validate(json.loads(json.dumps(version)), published)
    bad = json.loads(json.dumps(versions["2024-06-01"]))
    bad["facts"]["purposes"][0]["legal_basis"] = ["contract", "consent"]  # the data file's list: not format 2's shape
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, published)
    assert json.loads(schemas["data/v2/schema/organisation.schema.json"]) == schema_for(Organisation)


# --- in the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site_url(frozen_site: Build) -> Iterator[str]:
    with serve(frozen_site.site) as url:
        yield url


def _shown(page: Page) -> list[str]:
    return page.locator("tr.sl-facts-row:not([hidden]) th a").all_inner_texts()


@pytest.mark.browser
def test_reader_filters_organisations_by_their_facts(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/facts/")
    everyone = _shown(page)
    assert len(everyone) == len(FROZEN_SLUGS)
    page.select_option("select[name=country]", "US")
    us = {
        o.organisation.name
        for o in FROZEN_ARCHIVE.organisations
        for fact in (*o.current.version.facts.transfers, *o.current.version.facts.recipients)
        if fact.country == "US"
    }
    assert set(_shown(page)) == us and "Midare Oy" in us
    assert page.locator("#sl-filters-count").inner_text() == f"{len(us)} of {len(FROZEN_SLUGS)} organisations"
    page.select_option("select[name=country]", "")
    page.check("input[name=retention]")
    with_retention = {o.organisation.name for o in FROZEN_ARCHIVE.organisations if o.current.version.facts.retention}
    assert set(_shown(page)) == with_retention and 0 < len(with_retention) < len(FROZEN_SLUGS)
    page.uncheck("input[name=retention]")
    page.select_option("select[name=tool]", "google-analytics")
    analytics = {
        o.organisation.name
        for o in FROZEN_ARCHIVE.organisations
        if any(c.tool.en == "Google Analytics" for c in o.current.version.facts.cookies)
    }
    assert set(_shown(page)) == analytics and "Minikone Oy" in analytics
    page.select_option("select[name=tool]", "")
    page.fill("input[name=name]", "mikro")
    assert set(_shown(page)) == {n for n in everyone if "mikro" in n.casefold()}


@pytest.mark.browser
@pytest.mark.parametrize("path", ["facts/", "en/facts/", "midare/checklist/", "en/minikone/"])
def test_facts_pages_fit_a_phone_screen(browser: Browser, site_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0


def _query(page: Page) -> str:
    return page.evaluate("window.location.search")


@pytest.mark.browser
@pytest.mark.parametrize("prefix", LANGS.values(), ids=LANGS.keys())
def test_the_filters_live_in_the_address_reload_back_and_a_shared_link_show_the_same_view(
    browser: Browser, site_url: str, prefix: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + prefix + "facts/")
    everyone = _shown(page)
    page.select_option("select[name=tool]", "google-analytics")
    analytics = _shown(page)
    assert 0 < len(analytics) < len(everyone) and _query(page) == "?tool=google-analytics"
    page.check("input[name=retention]")
    page.locator("input[name=name]").press_sequentially("mini")
    both = _shown(page)
    assert both == ["Minikone Oy"] and _query(page) == "?name=mini&tool=google-analytics&retention=1"
    page.reload()
    assert _shown(page) == both and page.input_value("input[name=name]") == "mini"
    assert page.input_value("select[name=tool]") == "google-analytics" and page.is_checked("input[name=retention]")
    page.go_back()  # typing a name, letter by letter, was one step; the retention flag another
    assert _query(page) == "?tool=google-analytics&retention=1" and page.input_value("input[name=name]") == ""
    page.go_back()
    assert _query(page) == "?tool=google-analytics" and _shown(page) == analytics
    assert not page.is_checked("input[name=retention]")
    page.go_forward()
    assert page.is_checked("input[name=retention]")
    shared = page.url
    context.close()
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    other = phone.new_page()
    other.goto(shared)
    assert other.input_value("select[name=tool]") == "google-analytics"
    assert set(_shown_after(other)) == {
        o.organisation.name
        for o in FROZEN_ARCHIVE.organisations
        if o.current.version.facts.retention and any("Google Analytics" in c.tool.en for c in o.current.version.facts.cookies)
    }
    other.goto(site_url + prefix + "facts/?tool=no-such-tool&dpo=1&country=ZZ")  # what the page does not offer is left out
    assert _query(other) == "?dpo=1" and other.input_value("select[name=tool]") == ""
    phone.close()


def _shown_after(page: Page) -> list[str]:
    page.wait_for_selector("#sl-filters:not([hidden])")
    return _shown(page)


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("prefix", LANGS.values(), ids=LANGS.keys())
def test_when_nothing_matches_the_page_says_so_and_offers_a_reset(
    browser: Browser, site_url: str, prefix: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + prefix + "facts/")
    reset = page.locator("#sl-filters-reset")
    assert reset.is_hidden()
    page.fill("input[name=name]", "no organisation is called this")
    assert _shown(page) == [] and page.locator(".sl-facts-table").is_hidden()
    status = page.locator("#sl-filters-count").inner_text()
    assert status == ("No organisation matches these filters." if prefix else "Yksikään organisaatio ei vastaa valintoja.")
    assert reset.is_visible() and reset.inner_text() == ("Clear the filters" if prefix else "Tyhjennä valinnat")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    reset.click()
    assert len(_shown(page)) == len(FROZEN_SLUGS) and _query(page) == "" and page.locator(".sl-facts-table").is_visible()
    assert reset.is_hidden() and page.evaluate("document.activeElement.name") == "name"
    page.go_back()  # the reset is a step of its own
    assert _shown(page) == []
    context.close()
