"""Data errors that read like a compiler's: ``path:line:col: message``."""

from __future__ import annotations

from dataclasses import dataclass
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
    base = (root or Path.cwd()).resolve()
    where = path.parent.resolve() / path.name  # never the target of a link: the place the author wrote
    try:
        return where.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


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

    def error(self, path: Path, message: str, line: int = 1, column: int = 1) -> None:
        self.errors.append(DataError(Location(display_path(path, self.root), line, column), message))

    def at(self, where: Location | None, fallback: Path, message: str) -> None:
        if where is None:
            self.error(fallback, message)
        else:
            self.errors.append(DataError(where, message))
