"""The data as it stands on another git revision (the pull request's base branch)."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

import yaml

from ..archive.emit import SCHEMA_LINE
from ..archive.loader import ORGANISATION_FILE, load_archive
from ..archive.model import Archive
from ..archive.yamlsource import comments
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
        hint = " (a clone without the remote 'origin'? give the branch, such as 'main')" if ref.startswith("origin/") else ""
        raise GitError(f"unknown git revision {ref!r}{hint}")
    listing = subprocess.run(["git", "ls-tree", "--name-only", ref, "--", relative], cwd=top, capture_output=True, text=True)
    with tempfile.TemporaryDirectory(prefix="seloste-base-") as tmp:
        if not listing.stdout.strip():
            yield None
            return
        # Every file of the tree as committed, read blob by blob: git archive would obey export-ignore in the base's
        # own .gitattributes, so a committed attribute file could hide published files from the check.
        tree = subprocess.run(
            ["git", "ls-tree", "-r", "-z", "--full-tree", ref, "--", relative], cwd=top, capture_output=True, check=False
        )
        if tree.returncode != 0:
            said = tree.stderr.decode("utf-8", "replace").strip() or f"exit status {tree.returncode}"
            raise GitError(f"git could not list {relative} at {ref!r}: {said}")
        for entry in filter(None, tree.stdout.split(b"\0")):
            meta, _, name = entry.partition(b"\t")
            mode, kind, blob = meta.decode().split()
            path = PurePosixPath(name.decode("utf-8", "surrogateescape"))
            if kind != "blob" or mode not in ("100644", "100755") or ".." in path.parts or path.is_absolute():
                raise GitError(f"{path} at {ref!r} is not a plain file (mode {mode}); data/ holds files and folders only")
            content = subprocess.run(["git", "cat-file", "blob", blob], cwd=top, capture_output=True, check=True).stdout
            target = Path(tmp) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        yield Path(tmp) / relative


def _comments(text: str) -> list[str]:
    """Every comment of a YAML file, whole-line and trailing (``name: x  # ...``) alike."""
    try:
        return [comment.text.strip() for comment in comments(text.removeprefix("\ufeff"))]
    except yaml.YAMLError:  # not YAML (validation, which runs first, says so): every line that starts as a comment
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
