"""The data as it stands on another git revision (the pull request's base branch)."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import tempfile
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path, PurePosixPath

import yaml

from ..archive.emit import SCHEMA_LINE
from ..archive.errors import DataError, DataErrors
from ..archive.loader import ORGANISATION_FILE, SCHEMA_DIR, load_archive
from ..archive.model import Archive
from ..archive.validation_cache import LIBRARIES
from ..archive.yamlsource import comments
from ..compare.report import CommentChange
from .policy import check_change
from .usage import UsageError

CODE = PurePosixPath("hooks/seloste")
"""Where the repository holds the checking code: this package."""
REQUIREMENTS = "requirements/site.txt"
"""Where the repository pins the libraries that parse, render and check the data."""
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)", re.MULTILINE)
_FOLDER = "folder"
"""What a folder of an organisation's is recorded as, beside its files' blob ids: git keeps no empty folder, and a
folder with nothing in it (a submodule's, as checked out) is still the organisation's to be checked."""


class GitError(UsageError):
    """The revision cannot be read (not a git repository, unknown revision): the command was given one it cannot use."""


def _tree_at(ref: str, data_dir: Path) -> tuple[str, str, list[tuple[str, PurePosixPath]] | None]:
    """The repository's top folder, ``data_dir`` relative to it, and every file of ``data_dir`` at ``ref`` with its
    blob id (None if the folder is absent there). Raises GitError for an unknown revision, and for anything in the
    tree other than a plain file."""
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
    if not listing.stdout.strip():
        return top, relative, None
    # Every file of the tree as committed, read blob by blob: git archive would obey export-ignore in the base's
    # own .gitattributes, so a committed attribute file could hide published files from the check.
    tree = subprocess.run(
        ["git", "ls-tree", "-r", "-z", "--full-tree", ref, "--", relative], cwd=top, capture_output=True, check=False
    )
    if tree.returncode != 0:
        said = tree.stderr.decode("utf-8", "replace").strip() or f"exit status {tree.returncode}"
        raise GitError(f"git could not list {relative} at {ref!r}: {said}")
    files = []
    for entry in filter(None, tree.stdout.split(b"\0")):
        meta, _, name = entry.partition(b"\t")
        mode, kind, blob = meta.decode().split()
        path = PurePosixPath(name.decode("utf-8", "surrogateescape"))
        if kind != "blob" or mode not in ("100644", "100755") or ".." in path.parts or path.is_absolute():
            raise GitError(f"{path} at {ref!r} is not a plain file (mode {mode}); data/ holds files and folders only")
        files.append((blob, path))
    return top, relative, files


def _extract(top: str, files: list[tuple[str, PurePosixPath]], into: Path) -> None:
    """Write each blob to its path under ``into``, read in one run of git cat-file."""
    ids = "".join(f"{blob}\n" for blob, _path in files).encode()
    batch = subprocess.run(["git", "cat-file", "--batch"], cwd=top, input=ids, capture_output=True, check=True).stdout
    at = 0
    for blob, path in files:
        header_end = batch.index(b"\n", at)
        name, kind, size = batch[at:header_end].decode().split()
        if name != blob or kind != "blob":  # pragma: no cover - git answers the ids it is given, in order
            raise GitError(f"git cat-file answered {name} {kind} for {blob}")
        start = header_end + 1
        end = start + int(size)
        target = into / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(batch[start:end])
        at = end + 1


@contextmanager
def data_at(ref: str, data_dir: Path, only: Collection[str] | None = None) -> Iterator[Path | None]:
    """Extract ``data_dir`` as it is at ``ref`` into a temporary folder; yields it (None if absent there).
    ``only``: extract the folders of these organisations only (the tree is still listed whole, and refused if
    anything in it is not a plain file)."""
    top, relative, files = _tree_at(ref, data_dir)
    with tempfile.TemporaryDirectory(prefix="seloste-base-") as tmp:
        if files is None:
            yield None
            return
        if only is not None:
            files = [(blob, path) for blob, path in files if _organisation_of(path, relative) in only]
        (Path(tmp) / relative).mkdir(parents=True, exist_ok=True)
        _extract(top, files, Path(tmp))
        yield Path(tmp) / relative


def _organisation_of(path: PurePosixPath, relative: str) -> str | None:
    """The organisation folder a path of the tree is in (None for a file of the data folder itself)."""
    parts = path.relative_to(relative).parts
    return parts[0] if len(parts) > 1 else None


def _blob_id(content: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


def _folders_now(data_dir: Path) -> dict[str, set[tuple[str, str]]]:
    """Each organisation folder's files as they are (path relative to the data folder, blob id), as git would
    store them; a link or anything but a plain file is recorded by name, never read."""
    found: dict[str, set[tuple[str, str]]] = {}
    for folder in sorted(data_dir.iterdir()):
        if not folder.is_dir() or folder.is_symlink():
            continue
        files = found.setdefault(folder.name, set())
        for top, folders, names in os.walk(folder, followlinks=False):
            for name in folders + names:
                path = Path(top) / name
                relative = path.relative_to(data_dir).as_posix()
                if path.is_file() and not path.is_symlink():
                    files.add((relative, _blob_id(path.read_bytes())))
                elif path.is_dir() and not path.is_symlink():
                    files.add((relative, _FOLDER))
                else:
                    files.add((relative, "not a plain file"))
    return found


@dataclass(frozen=True, slots=True)
class Base:
    """The data compared with the data at ``ref``: the organisations whose folders differ from ``ref``'s (added,
    removed or changed, file by file), those that are as they were there, and why the latter cannot be taken as
    ``ref``'s own checks left them (None if they can: this is ``ref``'s checking code, see :func:`other_code`)."""

    ref: str
    touched: frozenset[str]
    untouched: frozenset[str]
    distrust: str | None


def base_of(ref: str, data_dir: Path) -> Base:
    """How the data under ``data_dir`` stands against the data at ``ref``."""
    top, relative, files = _tree_at(ref, data_dir)
    now = _folders_now(data_dir)
    then: dict[str, set[tuple[str, str]]] = {}
    for blob, path in files or []:
        if (slug := _organisation_of(path, relative)) is not None:
            entries = then.setdefault(slug, set())
            entries.add((path.relative_to(relative).as_posix(), blob))
            entries.update((folder.as_posix(), _FOLDER) for folder in path.relative_to(relative).parents[:-2])
    for folders in (then, now):
        folders.pop(SCHEMA_DIR, None)  # the editors' schemas, no organisation's
    touched = frozenset(slug for slug in then.keys() | now.keys() if then.get(slug) != now.get(slug))
    return Base(ref, touched, frozenset(now.keys() - touched), other_code(top, ref))


def check_change_at(base: Base, data_dir: Path) -> list[DataError]:
    """Every way the data breaks the archive's rules against the data at ``base.ref`` (policy.check_change), the data
    having been validated. Only the organisations whose files differ from the base's are compared: one whose every
    file is the same, byte for byte, keeps every rule a change can break."""
    head = load_archive(data_dir, only=base.touched)
    with data_at(base.ref, data_dir, only=base.touched) as base_dir:
        published = load_base(base_dir, base.ref, only=base.touched)
    return check_change(published, head, data_dir)


def other_code(top: str, ref: str) -> str | None:
    """Why an organisation's files as they are at ``ref`` could be held to other rules here than there (None if they
    cannot): the checking code running here is not the repository's at ``ref``, file for file, or a library that
    parses or renders the data is not the version ``ref`` pins. The same files under the same code and libraries
    have the same outcome, and a later day's only changes the dates that may not be after today, none of them for
    the worse: what passed ``ref``'s checks (as main's data passes CI's before it deploys) passes them here.
    Python's own version is not compared: CI runs the one its workflows set up, and a change of it is a change of
    the workflows, outside data/."""
    package = Path(__file__).resolve().parents[1]
    listing = subprocess.run(
        ["git", "ls-tree", "-r", "-z", "--full-tree", ref, "--", CODE.as_posix()], cwd=top, capture_output=True, check=False
    )
    there: dict[str, str] = {}
    for entry in filter(None, listing.stdout.split(b"\0")):
        meta, _, name = entry.partition(b"\t")
        there[PurePosixPath(name.decode("utf-8", "surrogateescape")).relative_to(CODE).as_posix()] = meta.decode().split()[2]
    here = {
        path.relative_to(package).as_posix(): _blob_id(path.read_bytes())
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.relative_to(package).parts
    }
    if listing.returncode != 0 or here != there:
        return f"the checking code here ({package}) is not {CODE}/ as it is at {ref}"
    pinned = subprocess.run(["git", "show", f"{ref}:{REQUIREMENTS}"], cwd=top, capture_output=True, text=True, check=False)
    pins = dict(_PIN.findall(pinned.stdout))
    pins = {_normal(name): version for name, version in pins.items()}
    for library in LIBRARIES:
        try:
            installed = metadata.version(library)
        except metadata.PackageNotFoundError:
            installed = None
        if pins.get(_normal(library)) != installed:
            said = pins.get(_normal(library)) or "no version"
            return f"{library} {installed or '(not installed)'} is installed here, and {REQUIREMENTS} at {ref} pins {said}"
    return None


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def load_base(base_dir: Path | None, ref: str, only: Collection[str] | None = None) -> Archive:
    """The archive extracted from ``ref`` (empty if it had no data folder). Data this checkout's code cannot read is
    not the change's fault: ``ref`` has moved on since the branch was made (its data uses what this code does not know
    yet), so the branch is to be brought up to date, not the files named fixed."""
    if base_dir is None:
        return Archive(organisations=())
    try:
        return load_archive(base_dir, root=base_dir.parent, only=only)
    except DataErrors as err:
        count = len(err.errors)
        raise GitError(
            f"the data at {ref} cannot be read by this checkout's code ({count} problem{'s' if count != 1 else ''}; the "
            f"first: {err.errors[0]}). {ref} has most likely moved on since this branch was made, and its data uses what "
            f"this branch's code does not know yet. Bring the branch up to date (git merge {ref}, or GitHub's 'Update "
            f"branch') and run this again. If it is up to date, the data at {ref} does not validate (a commit made "
            f"without the checks): it is to be fixed at {ref} first."
        ) from None


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
        return load_base(base, ref)
