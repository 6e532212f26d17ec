"""GitHub's page of a repository's file, read in one place for import, the tracking, the fetch and the pages."""

from __future__ import annotations

import pytest

from seloste.archive.githubpage import FilePage, file_page
from seloste.archive.organisation import TrackedPage
from seloste.contribute.fetch import file_address
from seloste.contribute.githubfile import branch_file, followed_address
from seloste.contribute.importer import pinned_file

COMMIT = "04daaea" + "0" * 33


@pytest.mark.parametrize(
    ("address", "named"),
    [
        ("https://github.com/seura/sivut/blob/main/docs/tietosuoja.md", FilePage("seura/sivut", "main", "docs/tietosuoja.md")),
        (f"https://www.github.com/seura/sivut/blob/{COMMIT}/t.md?plain=1#L3", FilePage("seura/sivut", COMMIT, "t.md")),
        ("HTTP://GitHub.com/Seura/sivut.fi/blob/HEAD/a%20b.md", FilePage("Seura/sivut.fi", "HEAD", "a%20b.md")),
        ("https://github.com/seura/sivut", None),  # a repository, no file
        ("https://github.com/seura/sivut/blob/main", None),  # a ref, no file
        ("https://github.com/seura/sivut/tree/main/docs", None),  # a folder
        ("https://github.com/se ura/sivut/blob/main/t.md", None),  # no such owner
        ("https://github.com/../sivut/blob/main/t.md", None),
        ("https://example.fi/seura/sivut/blob/main/t.md", None),
        ("https://github.com.example.fi/seura/sivut/blob/main/t.md", None),
    ],
)
def test_an_address_names_a_repositorys_file_only_as_githubs_page_of_it(address: str, named: FilePage | None) -> None:
    assert file_page(address) == named


def test_a_file_page_knows_its_commit_its_path_and_where_the_file_itself_is() -> None:
    page = FilePage.of("seura/sivut", COMMIT, "docs/tieto suoja.md")
    assert page.path == "docs/tieto%20suoja.md" and page.file_path == "docs/tieto suoja.md"
    assert page.commit == COMMIT and page.at("main").commit is None and page.at(COMMIT.upper()).commit is None
    assert page.address == f"https://github.com/seura/sivut/blob/{COMMIT}/docs/tieto%20suoja.md"
    assert page.raw == f"https://raw.githubusercontent.com/seura/sivut/{COMMIT}/docs/tieto%20suoja.md"
    assert file_page(page.address) == page


@pytest.mark.parametrize(
    "address",
    [
        "https://github.com/seura/sivut/blob/main/docs/tietosuoja.md",
        f"https://www.github.com/seura/sivut/blob/{COMMIT}/t.md?plain=1",
        "https://github.com/seura/sivut",
        "https://seura.fi/tietosuoja",
    ],
)
def test_import_the_tracking_the_fetch_and_the_pages_read_an_address_alike(address: str) -> None:
    """Each reads the address by the one parser: where it names a file, all agree on which, and where it does not,
    none takes it for one (before, four expressions differed on `www.`, `http:` and names)."""
    page = file_page(address)
    assert TrackedPage(url=address).repository_file == (page is not None)
    assert file_address(address) == (page.raw if page else address)
    assert pinned_file(address) == ((page.repository, page.file_path, COMMIT) if page and page.commit else None)
    assert branch_file(address) == (page if page and not page.commit else None)
    assert followed_address(address) == (page.at("HEAD").address if page and page.commit else address)
