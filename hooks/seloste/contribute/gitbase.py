"""The data as it stands on another git revision (the pull request's base branch)."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..archive.emit import SCHEMA_LINE
from ..archive.loader import ORGANISATION_FILE, load_archive
from ..archive.model import Archive
from ..compare.report import CommentChange


class GitError(Exception):
    """The revision cannot be read (not a git repository, unknown revision)."""


@contextmanager
def data_at(ref: str, data_dir: Path) -> Iterator[Path | None]:
    """Extract ``data_dir`` as it is at ``ref`` into a temporary folder; yields it (None if absent there)."""
    data_dir = data_dir.resolve()
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=data_dir.parent, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError) as err:
        raise GitError(f"{data_dir.parent} is not inside a git repository") from err
    relative = data_dir.relative_to(Path(top).resolve()).as_posix()
    verify = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd=top, capture_output=True)
    if verify.returncode != 0:
        raise GitError(f"unknown git revision {ref!r}")
    listing = subprocess.run(["git", "ls-tree", "--name-only", ref, "--", relative], cwd=top, capture_output=True, text=True)
    with tempfile.TemporaryDirectory(prefix="seloste-base-") as tmp:
        if not listing.stdout.strip():
            yield None
            return
        archive = subprocess.run(["git", "archive", "--format=tar", ref, "--", relative], cwd=top, capture_output=True)
        if archive.returncode != 0:
            said = archive.stderr.decode("utf-8", "replace").strip() or f"exit status {archive.returncode}"
            raise GitError(f"git archive could not read {relative} at {ref!r}: {said}")
        try:
            with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
                tar.extractall(tmp, filter="data")
        except tarfile.TarError as err:
            raise GitError(f"git archive gave {relative} at {ref!r} in a form that cannot be read: {err}") from err
        yield Path(tmp) / relative


def _comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]


def comment_changes(base: Path | None, head: Path) -> list[CommentChange]:
    """The comment lines each YAML file under ``head`` removed or added compared with the same file under ``base``
    (every line of a new file's comments is added)."""
    found = []
    for path in sorted(head.rglob("*.yaml")):
        relative = path.relative_to(head)
        if path.is_symlink() or not path.is_file():
            continue  # refused by validation, which runs first
        old_file = base / relative if base else None
        old = _comments(old_file.read_text(encoding="utf-8", errors="replace")) if old_file and old_file.is_file() else []
        new = _comments(path.read_text(encoding="utf-8", errors="replace"))
        if not old:  # a new file: its own schema line, as 'seloste new-organisation' writes it, is expected
            kind = "organisation" if path.name == ORGANISATION_FILE else "version"
            new = [line for line in new if line != SCHEMA_LINE.format(kind=kind).strip()]
        if old != new:
            removed = tuple(line for line in old if line not in new)
            added = tuple(line for line in new if line not in old)
            found.append(CommentChange((head.name / relative).as_posix(), removed, added))
    return found


def archive_at(ref: str, data_dir: Path) -> Archive:
    """The archive at ``ref``; empty if the data folder did not exist there."""
    with data_at(ref, data_dir) as base:
        if base is None:
            return Archive(organisations=())
        return load_archive(base, root=base.parent)
