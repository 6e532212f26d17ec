"""Where a version's text comes from, as its page names it: the address, or the repository's file at a commit, of
the first page, and each further page's address and file where the notice is split over several."""

from __future__ import annotations

from dataclasses import dataclass

from ..archive.githubpage import FilePage
from ..archive.model import Source, by_language


@dataclass(frozen=True, kw_only=True, slots=True)
class SourcePage:
    """One of a notice's further pages: its address, its file in the repository, or both."""

    url: str | None
    path: str | None


@dataclass(frozen=True, kw_only=True, slots=True)
class SourceView:
    url: str | None
    label: str | None
    """What to show for the link: ``owner/repo: path @ 632a041bcc`` or the address without its scheme."""
    pages: tuple[SourcePage, ...] = ()
    """The notice's further pages, where it is split over several (the second first)."""
    file_url: str | None = None
    file_label: str | None = None
    """The repository's file, where the version names it beside an address of the page's own (``meldar.ai/...``, and
    the site's source at a commit): each is linked by its own name."""


def source_view(source: Source, text_lang: str = "fi") -> SourceView:
    """The source of the text a page shows (``text_lang``'s file and commit where each language has its own; the
    first page's file where each page is its own, the others' with ``pages``)."""
    files = source.path if isinstance(source.path, tuple) else ()
    url, path, commit = (by_language(value, text_lang) for value in (source.url, source.path, source.commit))
    file_url = _file_url(source.repository, path, commit)
    file_label = None
    if url and source.repository and not (commit and commit in url):  # the page's address, and its file apart
        file_label = source.repository + (f": {path}" if path else "") + (f" @ {commit[:10]}" if file_url and commit else "")
    url = url or file_url
    if source.repository and not file_label:
        label = source.repository + (f": {path}" if path else "")
        if commit:
            label += f" @ {commit[:10] if url and commit in url else commit}"  # in full unless the address has it
    elif url:
        label = url.split("://", 1)[-1]
    else:
        label = None
    further = max(len(source.pages), len(files) - 1)
    pages = tuple(
        SourcePage(url=source.pages[i] if i < len(source.pages) else _file_url(source.repository, file, commit), path=file)
        for i in range(further)
        for file in [files[i + 1] if i + 1 < len(files) else None]
    )
    return SourceView(url=url, label=label, pages=pages, file_url=file_url if file_label else None, file_label=file_label)


def _file_url(repository: str | None, path: str | None, commit: str | None) -> str | None:
    """Where GitHub shows a repository's file as it was at a commit: the source of a text that names no address."""
    if not (repository and path and commit):
        return None
    return FilePage.of(repository, commit, path).address
