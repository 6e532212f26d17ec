"""Data errors that read like a compiler's: ``path:line:col: message``."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in a data file; line and column are 1-based."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True, order=True)
class DataError:
    """One problem in the data, at a location."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class DataErrors(Exception):
    """Every problem found in one run, reported together."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(errors)
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(error) for error in self.errors]
        count = len(self.errors)
        lines.append(f"{count} error{'s' if count != 1 else ''} in the data")
        return "\n".join(lines)


def display_path(path: Path, root: Path | None = None) -> str:
    """The path as a person would type it: relative to ``root`` (default: cwd) if inside."""
    prefix = _shown_folder(path.parent, root or Path.cwd())
    return path.as_posix() if prefix is None else prefix + path.name


def _shown_folder(folder: Path, root: Path) -> str | None:
    """How :func:`display_path` shows what is in ``folder``: its path from ``root``, ending in '/' ('' for the root
    itself); None where it lies outside, and what is in it is shown as given. The folder is resolved (links followed),
    not what is in it: a link is shown where the author wrote it, never as its target."""
    try:
        relative = folder.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
    return "" if relative == "." else relative + "/"


@dataclass
class Run:
    """One loading run: where error paths are shown relative to, and every problem found so far."""

    root: Path
    errors: list[DataError]
    waiting: frozenset[Path] = frozenset()
    """Captures saved for a version not written yet (``seloste new-version``): not reported as left over."""
    reference: bool = False
    """Hold every text to render alike in cmark-gfm and in Python-Markdown, the reference (``markup/agreement.py``):
    ``seloste validate`` and ``check`` do; a build, which renders with cmark-gfm alone, leaves it to them (running the
    reference on every text would cost the build more than the faster renderer saves)."""

    _folders: dict[Path, tuple[str, str | None]] = field(default_factory=dict, repr=False, compare=False)
    """Each folder a path of this run lies in, resolved and as shown: one organisation's files lie in two."""

    def _folder(self, folder: Path) -> tuple[str, str | None]:
        known = self._folders.get(folder)
        if known is None:
            known = self._folders[folder] = (str(folder.resolve()), _shown_folder(folder, self.root))
        return known

    def shown(self, path: Path) -> str:
        """``display_path(path, self.root)``, each folder resolved once a run (two resolutions a file took a tenth of
        a cold validate)."""
        prefix = self._folder(path.parent)[1]
        return path.as_posix() if prefix is None else prefix + path.name

    def place(self, path: Path) -> str:
        """Where ``path`` is, absolute, with its folder's links followed (not its own)."""
        return os.path.join(self._folder(path.parent)[0], path.name)

    def resolved(self, path: Path) -> Path:
        """``path.resolve()``, its folder resolved once a run: a version's captures lie in one folder, and resolving
        each whole (a system call for each folder above it) took a twentieth of a cold validate."""
        if path.name in ("", ".", ".."):
            return path.resolve()
        place = Path(self.place(path))
        return place.resolve() if place.is_symlink() else place

    def error(self, path: Path, message: str, line: int = 1, column: int = 1) -> None:
        self.errors.append(DataError(Location(self.shown(path), line, column), message))

    def at(self, where: Location | None, fallback: Path, message: str) -> None:
        if where is None:
            self.error(fallback, message)
        else:
            self.errors.append(DataError(where, message))
