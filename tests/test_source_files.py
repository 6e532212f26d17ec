"""A notice kept in a repository as one file per page (tests/fixtures/shapes/tiedostoittain/): ``source.path`` names
each page's file in reading order, as ``source.capture`` lists the pages, and the version's page names them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from datadir import FIXTURES
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive
from seloste.publish.sourcing import SourcePage, source_view

SLUG = "tiedostoittain"
PATHS = "path: [content/tietosuoja/index.md, content/evasteet/index.md]"


def test_each_page_file_is_recorded_and_the_page_names_each() -> None:
    source = load_archive(FIXTURES / "shapes", root=FIXTURES).get(SLUG).current.version.source
    assert source.path == ("content/tietosuoja/index.md", "content/evasteet/index.md")
    view = source_view(source)
    assert view.label == f"tiedostoittain/sivusto: content/tietosuoja/index.md @ {source.commit[:10]}"  # the link has all
    at_commit = f"https://github.com/tiedostoittain/sivusto/blob/{source.commit}/content"  # no address: each file there
    assert view.url == f"{at_commit}/tietosuoja/index.md"
    assert view.pages == (SourcePage(url=f"{at_commit}/evasteet/index.md", path="content/evasteet/index.md"),)


def test_pages_with_addresses_and_files_pair_them_in_reading_order() -> None:
    source = load_archive(FIXTURES / "shapes", root=FIXTURES).get(SLUG).current.version.source
    with_pages = type(source)(
        url="https://tiedostoittain.fi/tietosuoja", pages=("https://tiedostoittain.fi/evasteet",), repository=source.repository,
        path=source.path, commit=source.commit, capture=source.capture,
    )  # fmt: skip
    assert source_view(with_pages).pages == (
        SourcePage(url="https://tiedostoittain.fi/evasteet", path="content/evasteet/index.md"),
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            PATHS,
            "path: [content/tietosuoja/index.md, content/evasteet/index.md, content/muut/index.md]",
            "source.path: 3 files for the 2 pages source.capture lists; give the file of each page, in the same order",
        ),
        (
            "capture: [captures/2024-01-10.1.txt, captures/2024-01-10.2.txt]",
            "capture: captures/2024-01-10.1.txt",
            "source.path: a list is for a notice over several pages, one file per page as source.capture lists them; "
            "a notice in one file gives its path, one file per language gives {fi: ..., en: ...}",
        ),
    ],
)
def test_a_list_of_files_names_one_per_page(tmp_path: Path, old: str, new: str, message: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "shapes" / SLUG, data / SLUG)
    path = data / SLUG / "2024-01-10.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        load_archive(data, root=tmp_path)
    assert f"data/{SLUG}/2024-01-10.yaml:5:9: {message}" in [str(e) for e in raised.value.errors]


def test_a_page_address_and_a_file_at_a_commit_are_each_linked_by_its_own_name() -> None:
    """A version of a site's notice names its address and the site's source file at a commit: the link read
    'owner/repo: path @ commit' and led to the address (a trial's contributor). Each is now linked by its own name; a
    file's address on GitHub is one link, as before."""
    source = load_archive(FIXTURES / "shapes", root=FIXTURES).get(SLUG).current.version.source
    both = type(source)(
        url="https://tiedostoittain.fi/tietosuoja", repository=source.repository, path="content/tietosuoja/index.md",
        commit=source.commit, capture=source.capture_files(("fi",))["fi"][0],
    )  # fmt: skip
    view = source_view(both)
    assert (view.url, view.label) == ("https://tiedostoittain.fi/tietosuoja", "tiedostoittain.fi/tietosuoja")
    assert view.file_label == f"tiedostoittain/sivusto: content/tietosuoja/index.md @ {source.commit[:10]}"
    assert view.file_url == f"https://github.com/tiedostoittain/sivusto/blob/{source.commit}/content/tietosuoja/index.md"
    on_github = type(source)(url=view.file_url, repository=source.repository, path=both.path, commit=source.commit)
    assert source_view(on_github).file_label is None and source_view(on_github).url == view.file_url
    no_commit = type(source)(url=both.url, repository=source.repository, path=both.path)
    assert (source_view(no_commit).file_label, source_view(no_commit).file_url) == (
        "tiedostoittain/sivusto: content/tietosuoja/index.md",
        None,
    )
