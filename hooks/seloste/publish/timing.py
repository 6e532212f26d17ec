"""Where build time goes: named stages, summed over a build, for scripts/benchmark.py.

The core times its own stages; the benchmark takes everything else as MkDocs' own work.
Timing costs two clock reads per stage and is always on; the totals are written only when
asked (``SELOSTE_TIMINGS=<file>``, read by the MkDocs adapter).
"""

from __future__ import annotations

import atexit
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_totals: dict[str, float] = {}
_written_to: set[Path] = set()


@contextmanager
def stage(name: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        _totals[name] = _totals.get(name, 0.0) + time.perf_counter() - started


def totals() -> dict[str, float]:
    """Seconds per stage so far."""
    return dict(_totals)


def write_on_exit(path: Path) -> None:
    """Write the totals as JSON to ``path`` when the process ends."""
    if path not in _written_to:
        _written_to.add(path)
        atexit.register(lambda: path.write_text(json.dumps(totals(), indent=1), encoding="utf-8"))
