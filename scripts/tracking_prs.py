#!/usr/bin/env python3
"""Track the live notices and open one pull request per organisation whose notice changed.

Run by .github/workflows/track.yml on a clean checkout of main. For each tracked organisation:
a branch ``track/<slug>`` from origin/main, ``seloste track <slug>`` on it, and if that wrote a
new version, a commit, a push and a pull request whose body is ``seloste changes``' report.
An organisation whose pull request is still open is left alone: people may be editing that
branch (setting the kind of change, translating), and the next run after it is merged or
closed sees the notice afresh.

The tracking log (``seloste track --log``: the day and outcome of each notice's latest check, which the
site shows) lives on its own branch, ``tracking-log``, one file, one commit a run: read at the start, each
check added, pushed at the end. The deploy builds the site with it.

Exit status: 1 if tracking any source failed (the others still get their pull requests), else 0.
Needs git, and gh with GH_TOKEN (the job's token: contents and pull-requests write).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BODY_LIMIT = 60_000
"""GitHub refuses a pull request body over 65,536 characters."""
LOG_BRANCH = "tracking-log"
LOG_FILE = "tracking-log.yaml"
BOT = ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=check)


def seloste() -> str:
    return os.environ.get("SELOSTE") or str(Path(sys.executable).with_name("seloste"))


def open_pull_request(branch: str) -> int | None:
    listed = run("gh", "pr", "list", "--head", branch, "--state", "open", "--json", "number")
    numbers = [item["number"] for item in json.loads(listed.stdout or "[]")]
    return numbers[0] if numbers else None


def body(report: str, track_output: str) -> str:
    text = (
        "The archive's daily tracking found that this organisation's published notice changed.\n\n"
        "Before merging: set `change.kind` and `change.summary` (fi and en), check the facts against the new text, "
        "and translate the changed sections (or leave `translation: pending`, which the English pages show).\n\n"
        f"```\n{track_output.strip()}\n```\n\n{report}"
    )
    if len(text) > BODY_LIMIT:
        text = text[:BODY_LIMIT] + "\n\n(The report is cut here; the check's job summary has all of it.)\n"
    return text


def fetch_log(remote: str, into: Path) -> bool:
    """The published tracking log into ``into``; False if there is none yet (the first run)."""
    fetched = run("git", "fetch", "--quiet", remote, f"+refs/heads/{LOG_BRANCH}:refs/remotes/{remote}/{LOG_BRANCH}", check=False)
    if fetched.returncode != 0:
        return False
    shown = run("git", "show", f"{remote}/{LOG_BRANCH}:{LOG_FILE}", check=False)
    if shown.returncode != 0:
        return False
    into.write_text(shown.stdout, encoding="utf-8")
    return True


def publish_log(remote: str, log: Path) -> None:
    """``log`` as the tracking-log branch's one file, in a commit after the branch's last (no working tree used)."""
    blob = run("git", "hash-object", "-w", str(log)).stdout.strip()
    tree = subprocess.run(
        ["git", "mktree"], input=f"100644 blob {blob}\t{LOG_FILE}\n", capture_output=True, text=True, check=True
    ).stdout.strip()
    parent = run("git", "rev-parse", "--quiet", "--verify", f"refs/remotes/{remote}/{LOG_BRANCH}", check=False).stdout.strip()
    name, email = BOT
    commit = run(
        "git", "-c", f"user.name={name}", "-c", f"user.email={email}", "commit-tree", tree,
        *(("-p", parent) if parent else ()), "-m", "The tracking log after today's checks",
    ).stdout.strip()  # fmt: skip
    run("git", "push", "--quiet", remote, f"{commit}:refs/heads/{LOG_BRANCH}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main", help="the branch the pull requests go to (default: main)")
    parser.add_argument("--remote", default="origin")
    args = parser.parse_args(argv)
    base = f"{args.remote}/{args.base}"
    run("git", "fetch", "--quiet", args.remote, args.base)
    slugs = run(seloste(), "track", "--list").stdout.split()
    state = Path(tempfile.mkdtemp(prefix="seloste-log-"))
    log = state / LOG_FILE
    if not fetch_log(args.remote, log):
        print(f"no tracking log on {args.remote}/{LOG_BRANCH} yet: this run starts it")
    failed = False
    for slug in slugs:
        branch = f"track/{slug}"
        number = open_pull_request(branch)
        if number is not None:
            print(f"{slug}: pull request #{number} is open; not tracked again until it is merged or closed")
            continue
        run("git", "switch", "--quiet", "--force-create", branch, base)
        reports = Path(tempfile.mkdtemp(prefix="seloste-reports-"))
        tracked = run(seloste(), "track", slug, "--reports", str(reports), "--log", str(log), check=False)
        print(tracked.stdout.strip())
        if tracked.returncode != 0:
            failed = True
            print(tracked.stderr.strip(), file=sys.stderr)
        if not run("git", "status", "--porcelain", "--", f"data/{slug}").stdout.strip():
            continue
        run("git", "add", "--", f"data/{slug}")
        name, email = BOT
        message = f"Tracked: the notice of {slug} changed at its source"
        run("git", "-c", f"user.name={name}", "-c", f"user.email={email}", "commit", "--quiet", "-m", message)
        run("git", "push", "--quiet", "--force", args.remote, f"{branch}:{branch}")
        report = reports / f"{slug}.md"
        text = body(report.read_text(encoding="utf-8") if report.is_file() else "", tracked.stdout)
        shutil.rmtree(reports, ignore_errors=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".md", delete=False) as file:
            file.write(text)
        try:
            run("gh", "pr", "create", "--base", args.base, "--head", branch, "--title", message, "--body-file", file.name)
        finally:
            os.unlink(file.name)
        print(f"{slug}: opened a pull request from {branch}")
    run("git", "switch", "--quiet", "--detach", base)
    if log.is_file():
        publish_log(args.remote, log)
        print(f"the tracking log is on {args.remote}/{LOG_BRANCH}")
    shutil.rmtree(state, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
