"""A notice kept as a file of a GitHub repository, followed on a branch: the commit that last changed it there.

GitHub's page of a file on a branch (``github.com/<owner>/<repo>/blob/<branch>/<path>``, ``HEAD`` for the
repository's default branch) shows whatever the branch holds today. Import and the tracking read it at the commit
that last changed the file on that branch, asked of GitHub's API, so that the version records that commit
(``source.commit``) and the day the text changed (the commit's day, in Finland). A file at a commit (its page's
address names the commit) never changes and needs no asking.
"""

from __future__ import annotations

import datetime as dt
import os
import urllib.parse
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import requests

from ..archive.githubpage import COMMIT_ID, FilePage, file_page
from .fetch import USER_AGENT, FetchError

GITHUB_API = "https://api.github.com"
TOKEN_VARIABLES = ("GITHUB_TOKEN", "GH_TOKEN")
"""Where a token for GitHub's API is read from, if set: without one, GitHub answers 60 requests an hour."""
FINLAND = ZoneInfo("Europe/Helsinki")
"""A commit's day is its day in Finland, where the archive's organisations publish."""


@dataclass(frozen=True, slots=True)
class Commit:
    id: str
    day: dt.date
    """The day it was committed, in Finland."""


def branch_file(url: str) -> FilePage | None:
    """The file on a branch that ``url`` names (GitHub's page of a file on a branch), else None: another address, or
    a file at a commit."""
    page = file_page(url)
    return page if page is not None and page.commit is None else None


def last_commit(file: FilePage, *, timeout: float = 20.0) -> Commit:
    """The latest commit on the file's branch that changed it. A FetchError says why it cannot be known."""
    query = {"path": file.file_path, "per_page": "1"}
    if file.ref != "HEAD":  # the API's own default: the default branch
        query["sha"] = file.ref
    address = f"{GITHUB_API}/repos/{file.repository}/commits?{urllib.parse.urlencode(query)}"
    headers = {"User-Agent": USER_AGENT, "Accept": "application/vnd.github+json"}
    token = next((os.environ[name] for name in TOKEN_VARIABLES if os.environ.get(name)), None)
    if token:
        headers["Authorization"] = f"Bearer {token}"
    where = f"github.com/{file.repository}, {file.file_path} on {file.ref}"
    try:
        response = requests.get(address, headers=headers, timeout=timeout, allow_redirects=False)
    except requests.RequestException as err:
        raise FetchError(f"{where}: GitHub's API could not be asked which commit last changed the file ({err})") from err
    if response.status_code in (403, 429) and response.headers.get("x-ratelimit-remaining") == "0":
        raise FetchError(f"{where}: GitHub's API limits requests without a token: set GITHUB_TOKEN, or try again later")
    if response.status_code != 200:
        answer = f"{response.status_code} {response.reason}"
        raise FetchError(f"{where}: GitHub's API answered {answer} (no such repository or branch?)", response.status_code)
    try:
        latest = response.json()[0]
        committed = dt.datetime.fromisoformat(latest["commit"]["committer"]["date"])
        commit = Commit(latest["sha"], committed.astimezone(FINLAND).date())
    except IndexError:
        raise FetchError(f"{where}: no commit on the branch has the file (its path or branch changed?)", 404) from None
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise FetchError(f"{where}: GitHub's API answered with what is not a list of commits ({err!r})") from None
    if not COMMIT_ID.fullmatch(str(commit.id)):
        raise FetchError(f"{where}: GitHub's API named a commit that is not one: {commit.id!r}")
    return commit


def at_last_commit(source: str, *, timeout: float = 20.0) -> tuple[str, Commit | None]:
    """Where to read ``source`` from: a repository's file on a branch at the commit that last changed it there (and
    that commit); any other source as it is."""
    file = branch_file(source)
    if file is None:
        return source, None
    commit = last_commit(file, timeout=timeout)
    return file.at(commit.id).address, commit


def followed_address(source: str) -> str:
    """The address the tracking follows for a notice read from ``source``: a repository's file at a commit, on the
    repository's default branch (``HEAD``), where a later commit may change it; any other address as it is."""
    page = file_page(source)
    return page.at("HEAD").address if page is not None and page.commit else source
