"""Print the commit readers see now: the one whose site the last successful deployment published.

The deploy workflow checks main against it (`seloste check --base`) before building, so that a main which breaks
the archive's rules relative to the published site (two pull requests each checked against an older base, say)
is not published. The deployment is asked of the REST API with `gh api` (GH_TOKEN, with `deployments: read`):
the newest deployment to the environment whose latest status is "success" (an older one is "inactive" once a
newer one succeeds; a failed or unfinished one is passed over).

    python3 scripts/deployed_commit.py [--environment github-pages] [--fallback SHA] [--repository OWNER/REPO]

Prints the commit, or nothing if there is none: no deployment succeeded among the newest 100, and no --fallback
(the push's `github.event.before`, the commit main was at before; all zeros when the push created the branch).
Why it chose what it did goes to stderr. Exit status 1 if the API cannot be asked: deploying unchecked because
of a passing network error is not a choice it makes on its own.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from typing import Any
from urllib.parse import quote

SHA = re.compile(r"[0-9a-f]{40}")
PAGE = 100
"""Deployments looked at, newest first: one page of the API."""


class ApiError(Exception):
    """`gh api` failed or answered something that is not the expected JSON."""


def _api(path: str) -> Any:
    try:
        result = subprocess.run(
            ["gh", "api", "-H", "Accept: application/vnd.github+json", path], capture_output=True, text=True, check=False
        )
    except FileNotFoundError as err:
        raise ApiError("gh (GitHub's command line) is not installed") from err
    if result.returncode != 0:
        raise ApiError(f"gh api {path}: {result.stderr.strip() or f'exit status {result.returncode}'}")
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError as err:
        raise ApiError(f"gh api {path}: not JSON: {err}") from err


def last_successful(repository: str, environment: str) -> tuple[str, str] | None:
    """The commit and creation time of the newest deployment to ``environment`` whose latest status is success."""
    deployments = _api(f"repos/{repository}/deployments?environment={quote(environment)}&per_page={PAGE}")
    for deployment in sorted(deployments, key=lambda d: d["id"], reverse=True):
        statuses = _api(f"repos/{repository}/deployments/{deployment['id']}/statuses?per_page=100")
        latest = max(statuses, key=lambda s: s["id"], default=None)
        if latest is not None and latest["state"] == "success":
            return deployment["sha"], deployment["created_at"]
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--environment", default="github-pages", help="the deployments' environment (default: github-pages)")
    parser.add_argument("--fallback", default="", help="the commit to use if no deployment succeeded (a push's 'before')")
    parser.add_argument(
        "--repository", default=os.environ.get("GITHUB_REPOSITORY", ""), help="OWNER/REPO (default: $GITHUB_REPOSITORY)"
    )
    args = parser.parse_args(argv)
    if not re.fullmatch(r"[\w.-]+/[\w.-]+", args.repository):
        parser.error(f"--repository must be OWNER/REPO, got {args.repository!r}")
    try:
        found = last_successful(args.repository, args.environment)
    except (ApiError, KeyError, TypeError) as err:
        print(f"deployed_commit: cannot list the deployments to {args.environment}: {err}", file=sys.stderr)
        return 1
    if found is not None:
        sha, when = found
        print(f"deployed_commit: the last successful deployment to {args.environment} ({when}) published {sha}", file=sys.stderr)
        print(sha)
    elif SHA.fullmatch(args.fallback) and set(args.fallback) != {"0"}:
        print(
            f"deployed_commit: no successful deployment to {args.environment} among the newest {PAGE}; "
            f"using the commit before this push, {args.fallback}",
            file=sys.stderr,
        )
        print(args.fallback)
    else:
        print(
            f"deployed_commit: nothing was deployed to {args.environment} before, and no earlier commit was given",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
