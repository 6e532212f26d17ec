"""The facts page names each tool once: the table of tools (publish/tools.yaml) and what it makes of the names
notices use."""

from __future__ import annotations

import dataclasses

import pytest

from seloste.archive.loader import load_archive
from seloste.archive.localized import Localized
from seloste.archive.model import Archive
from seloste.publish.factspage import facts_page_view
from seloste.publish.tools import NOT_TOOLS, TOOLS, is_own_storage, is_tool, named_tools
from sitebuild import FROZEN

FROZEN_ARCHIVE = load_archive(FROZEN)


def _ids(name: str) -> list[str]:
    return [tool.id for tool in named_tools(name)]


@pytest.mark.parametrize(
    ("name", "ids"),
    [
        ("Google Analytics", ["google-analytics"]),
        ("Google analytics", ["google-analytics"]),
        ("Google Analytics -palvelu", ["google-analytics"]),
        ("Google Analytics 4", ["google-analytics"]),
        ("Google (Google Analytics 4)", ["google-analytics"]),  # the provider goes without saying
        ("GA4", ["google-analytics"]),
        ("Google LLC (Google Suite)", ["google-workspace"]),
        ("Google Inc", ["google"]),
        ("Google AdWords ja Google  Analytics", ["google-analytics", "google-ads"]),
        ("Roxr Software Ltd (Clicky)", ["clicky"]),
        ("Googlen palvelut", []),  # an inflected name is not a spelling: it is listed as written
        ("viranomaiset", []),
        ("Slackware", []),  # whole words only
    ],
)
def test_a_name_names_the_tools_whose_spellings_it_contains(name: str, ids: list[str]) -> None:
    assert _ids(name) == ids


def test_every_spelling_names_its_own_tool_and_no_other() -> None:
    for tool in TOOLS.values():
        assert _ids(tool.name) == [tool.id]
        for spelling in tool.spellings:
            assert _ids(spelling) == [tool.id], spelling


@pytest.mark.parametrize("name", ["evästeet", "Evästeet", "cookies", " Cookies "])
def test_cookies_in_general_are_not_a_tool(name: str) -> None:
    assert not is_tool(name)
    assert is_tool("Google Analytics") and is_tool("evästeetön analytiikka")
    assert all(not named_tools(word) for word in NOT_TOOLS)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_frozen_archives_tools_are_listed_once_each_under_one_name(lang: str) -> None:
    view = facts_page_view(FROZEN_ARCHIVE, lang)
    assert [c.label for c in view.tools] == [
        "Capsule CRM",
        "Fennoa",
        "Google",
        "Google Ads (AdWords)",
        "Google Analytics",
        "Google Workspace (G Suite)",
        "Plausible",
        "PostHog",
        "Slack",
    ]
    recipients = [c.label for c in view.recipients]
    assert "Zestia Ltd" in recipients and ("viranomaiset" if lang == "fi" else "authorities") in recipients
    assert not {"evästeet", "cookies", "Google Inc", "Google LLC (Google Suite)"} & {c.label for c in view.recipients}
    rows = {row.name: row for row in view.rows}
    # Minikone names Google Analytics as a cookie and Google Inc as a recipient: each once, Google as a company
    assert rows["Minikone Oy"].tools[:2] == ("Google Ads (AdWords)", "Google Analytics")
    assert rows["Minikone Oy"].tools.count("Google Analytics") == 1 and "Google" in rows["Minikone Oy"].tools
    assert rows["Infocrea Oy"].tools == ("Google Workspace (G Suite)",)
    assert "evästeet" not in rows["Planeetta Internet Oy"].tools and "cookies" not in rows["Planeetta Internet Oy"].tools
    assert rows["Minikone Oy"].filters["tools"].split()[:2] == ["google-ads", "google-analytics"]


def test_the_facts_keep_the_names_as_the_notices_write_them() -> None:
    facts = FROZEN_ARCHIVE.get("minikone").current.version.facts
    assert [c.tool.fi for c in facts.cookies] == ["evästeet", "Google AdWords", "Google Analytics"]
    assert "Google Inc" in [r.name.fi for r in facts.recipients]


@pytest.mark.parametrize(
    ("name", "own"),
    [
        ("theme", True),
        ("Cookie_Consent", True),
        ("evästeasetusten  tallennus", True),
        ("Cloudflare", False),  # a service the table does not know: shown as written, never hidden
        ("YouTube", False),
        ("Google Analytics", False),
    ],
)
def test_the_sites_own_storage_is_what_the_table_lists_as_such(name: str, own: bool) -> None:
    assert is_own_storage(name) == own


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_the_sites_own_cookies_are_not_offered_as_tools(lang: str) -> None:
    """A notice that names its site's own cookies (Uutistenlukija.fi: ``theme`` and ``cookie_consent``, both
    necessary) beside the tools it uses: the facts page's tool filter and its row list the tools, not the cookies'
    names."""
    record = FROZEN_ARCHIVE.get("minikone")
    current = record.current
    facts = current.version.facts
    cookie = facts.cookies[0]

    def named(name: str, purpose: str) -> object:
        return dataclasses.replace(cookie, tool=Localized(fi=name, en=name), purpose=purpose)

    cookies = (
        named("theme", "necessary"),
        named("cookie_consent", "necessary"),
        named("YouTube", "functional"),
        named("Cloudflare", "necessary"),  # a service's necessary cookies: the table does not know it, so it is listed
        *facts.cookies,
    )
    version = dataclasses.replace(current.version, facts=dataclasses.replace(facts, cookies=cookies))
    changed = dataclasses.replace(record, versions=(*record.versions[:-1], dataclasses.replace(current, version=version)))
    view = facts_page_view(Archive(organisations=(changed,)), lang)
    offered = [c.label for c in view.tools] + [c.label for c in view.recipients]
    assert "YouTube" in offered and "Google Analytics" in offered and "Cloudflare" in offered
    assert "theme" not in offered and "cookie_consent" not in offered
    (row,) = view.rows
    assert row.tools[:4] == ("YouTube", "Cloudflare", "Google Ads (AdWords)", "Google Analytics")
    assert not {"theme", "cookie_consent"} & {*row.tools, *row.filters["tools"].split()}
