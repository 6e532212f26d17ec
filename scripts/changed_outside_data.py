"""List, in Markdown, every file a change adds, modifies or deletes outside data/, for a reviewer to see first.

A pull request that edits data/ is checked by the archive's rules; anything else it touches (the code, the
templates, the documentation, the workflows) changes what the rules are or what the site does, and needs a
maintainer's review (.github/CODEOWNERS). The pull-request workflow puts this list at the top of the job's
summary. The change is compared with its merge base with BASE, as GitHub's "Files changed" tab does.

    python3 scripts/changed_outside_data.py --base REV [--head REV] [--repo DIR]

Standard library only: CI runs it from the base branch's checkout, before any of the change's code.
Exit status 0 whatever the list says; 2 if git cannot compare the two revisions.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
from seloste.limits import MAX_REPORT_BYTES  # standard library only: the limits module imports nothing

DATA = "data/"
STATUS = {"A": "added", "M": "modified", "D": "deleted", "T": "changed type (file, link or submodule)"}


@dataclass(frozen=True, kw_only=True, slots=True)
class Change:
    path: str
    status: str
    """What happened to it: a word from STATUS."""


class CompareError(Exception):
    """git could not compare the revisions (unknown revision, no merge base)."""


def _git(repo: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True)
    except subprocess.CalledProcessError as err:
        said = err.stderr.decode("utf-8", "replace").strip() or f"exit status {err.returncode}"
        raise CompareError(f"git {args[0]}: {said}") from err
    return result.stdout


def changes(repo: Path, base: str, head: str = "HEAD") -> list[Change]:
    """Every path added, modified, deleted or changed in type between the merge base of ``base`` and ``head``,
    and ``head``. A rename is a deletion and an addition, so a file moved out of data/ (or into it) shows."""
    fork = _git(repo, "merge-base", base, head).decode().strip()
    listing = _git(repo, "diff", "--name-status", "-z", "--no-renames", "--no-ext-diff", fork, head, "--")
    fields = listing.split(b"\0")
    found = []
    for status, path in zip(fields[0::2], fields[1::2], strict=False):
        if status:
            code = status.decode()
            found.append(Change(path=path.decode("utf-8", "backslashreplace"), status=STATUS.get(code, code)))
    return found


def outside_data(found: list[Change]) -> list[Change]:
    return [change for change in found if not change.path.startswith(DATA)]


def _code(path: str) -> str:
    """``path`` as a Markdown code span that shows it as it is: control and invisible characters (a newline, a
    right-to-left mark) written as escapes, and a backtick fence longer than any run of backticks in it."""
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in path)
    fence = "`" * (max((len(run) for run in re.findall("`+", shown)), default=0) + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


def markdown(outside: list[Change], limit: int = MAX_REPORT_BYTES) -> str:
    """The list, at most ``limit`` bytes (GitHub shows at most 1 MiB of a step's summary): past it, one line counts
    the files left out."""
    if not outside:
        return "### Only `data/` changes\n\nNo file outside `data/` is added, modified or deleted.\n\n"
    count = f"{len(outside)} file" + ("" if len(outside) == 1 else "s")
    lines = [
        f"### ⚠️ {count} outside `data/` changed",
        "",
        "This change touches the code, templates, documentation or workflows, not only the notices: "
        "a maintainer reviews every file below (`.github/CODEOWNERS`).",
        "",
    ]
    room = limit - sum(len(line.encode()) + 1 for line in lines) - 200  # the closing lines
    for shown, change in enumerate(outside):
        line = f"- {_code(change.path)} ({change.status})"
        room -= len(line.encode()) + 1
        if room < 0:
            left = len(outside) - shown
            lines.append(f"- … and {left:,} more file{'' if left == 1 else 's'}: the pull request's Files changed tab lists all")
            break
        lines.append(line)
    return "\n".join([*lines, "", ""])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="the branch or commit the change is to be merged into")
    parser.add_argument("--head", default="HEAD", help="the change (default: HEAD)")
    parser.add_argument("--repo", type=Path, default=Path("."), help="the git checkout of the change (default: .)")
    args = parser.parse_args(argv)
    try:
        found = changes(args.repo, args.base, args.head)
    except CompareError as err:
        print(f"changed_outside_data: {err}", file=sys.stderr)
        return 2
    sys.stdout.write(markdown(outside_data(found)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
