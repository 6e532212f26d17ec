"""GitHub's page of a file of a repository: what its address names, read in one place.

``https://github.com/<owner>/<name>/blob/<ref>/<path>`` shows a repository's file inside GitHub's HTML, at ``ref``: a
commit (the text it had then, for good), a branch (whatever the branch holds today) or ``HEAD`` (the default branch).
The archive records such a file by its repository, path and commit (``source``), imports it from
``raw.githubusercontent.com`` (the file itself) and follows it on its branch. A branch whose name has a ``/`` in it
cannot be told from the path in such an address: the first part after ``blob/`` is read as the ref.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

GITHUB = "https://github.com"
GITHUB_RAW = "https://raw.githubusercontent.com"
"""Where GitHub serves a repository's files as they are."""

_NAME = r"(?!\.\.?/)[A-Za-z0-9_.-]+"
"""An owner's or a repository's name, as GitHub allows them (and ``source.repository``): never ``.`` or ``..``."""
_FILE_PAGE = re.compile(rf"https?://(?:www\.)?github\.com/({_NAME})/({_NAME})/blob/([^/?#]+)/([^?#]+)(?:[?#].*)?", re.IGNORECASE)
COMMIT_ID = re.compile(r"[0-9a-f]{40}")
"""A commit as an address names it: its full id, in lower case."""


@dataclass(frozen=True, slots=True)
class FilePage:
    """A repository's file at a ref, as GitHub's page of it names them."""

    repository: str
    """owner/name"""
    ref: str
    """A commit's id, a branch's name, or ``HEAD``: the repository's default branch."""
    path: str
    """The file's path in the repository, as the address writes it (percent-encoded)."""

    @classmethod
    def of(cls, repository: str, ref: str, path: str) -> FilePage:
        """The file at ``path`` (as the repository names it, not encoded) at ``ref``."""
        return cls(repository, ref, urllib.parse.quote(path))

    @property
    def commit(self) -> str | None:
        """The commit the address names, or None where it names a branch (its text moves on)."""
        return self.ref if COMMIT_ID.fullmatch(self.ref) else None

    @property
    def file_path(self) -> str:
        """The file's path in the repository, as the repository names it."""
        return urllib.parse.unquote(self.path)

    @property
    def address(self) -> str:
        """GitHub's page of the file."""
        return f"{GITHUB}/{self.repository}/blob/{self.ref}/{self.path}"

    @property
    def raw(self) -> str:
        """Where GitHub serves the file itself, without the page around it."""
        return f"{GITHUB_RAW}/{self.repository}/{self.ref}/{self.path}"

    def at(self, ref: str) -> FilePage:
        return FilePage(self.repository, ref, self.path)


def file_page(url: str) -> FilePage | None:
    """The repository's file that ``url`` names if it is GitHub's page of one, else None."""
    match = _FILE_PAGE.fullmatch(url)
    return FilePage(f"{match[1]}/{match[2]}", match[3], match[4]) if match else None
