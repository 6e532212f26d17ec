"""Where build time goes: named stages, summed over a build, for scripts/benchmark.py.

The core times its own stages, each in wall time and in CPU time of the process that runs it;
the benchmark takes everything else as MkDocs' own work. A stage that shares its work out to
worker processes (:mod:`seloste.publish.workers`) is timed in the main process (its wall time;
its CPU time is the main process's and the workers'), and the stages timed inside the workers
are kept apart, summed over the workers (``in_workers``): their wall times add up the workers'
time, not the reader's. Timing costs a few clock reads per stage and is always on; the totals
are written only when asked (``SELOSTE_TIMINGS=<file>``, read by the MkDocs adapter).
"""

from __future__ import annotations

import atexit
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

Totals = dict[str, dict[str, float]]
"""Stage -> {"wall": seconds, "cpu": seconds}."""

_totals: Totals = {}
_in_workers: Totals = {}
_processes: dict[str, int] = {}
_in_main: dict[str, bool] = {}
_written_to: set[Path] = set()


def _add(into: Totals, name: str, wall: float, cpu: float) -> None:
    entry = into.setdefault(name, {"wall": 0.0, "cpu": 0.0})
    entry["wall"] += wall
    entry["cpu"] += cpu


@contextmanager
def stage(name: str) -> Iterator[None]:
    started, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        _add(_totals, name, time.perf_counter() - started, time.process_time() - cpu)


@contextmanager
def collected() -> Iterator[Totals]:
    """The stages timed inside the block, apart from this process's totals (a worker's share of a stage)."""
    global _totals
    outer, _totals = _totals, {}
    found: Totals = {}
    try:
        yield found
    finally:
        found.update(_totals)
        _totals = outer


def add_worker_totals(within: str, totals: Totals, *, elsewhere: bool) -> None:
    """Count a worker's stages (``collected``) as work done for the main process's stage ``within``: each is kept
    apart with its sums (``in_workers``), and the CPU time of a worker ``elsewhere`` (another process) joins the
    stage's (that of work done here is in it already)."""
    for name, entry in totals.items():
        _add(_in_workers, name, entry["wall"], entry["cpu"])
        if elsewhere:
            _add(_totals, within, 0.0, entry["cpu"])


def count_processes(within: str, count: int, *, here: bool = False) -> None:
    """Note that ``count`` processes did the work of the stage ``within`` (the most of its runs), and whether this
    process was one of them (``here``, in any of its runs)."""
    _processes[within] = max(count, _processes.get(within, 0))
    _in_main[within] = here or _in_main.get(within, False)


def totals() -> dict[str, object]:
    """Seconds per stage so far: ``stages`` of this process (wall and CPU), ``in_workers`` (summed over the
    workers), how many processes each stage shared out was done in (``processes``) and whether the main process was
    one of them (``in_main``)."""
    return {
        "stages": {k: dict(v) for k, v in _totals.items()},
        "in_workers": {k: dict(v) for k, v in _in_workers.items()},
        "processes": dict(_processes),
        "in_main": dict(_in_main),
    }


def write_on_exit(path: Path) -> None:
    """Write the totals as JSON to ``path`` when the process ends."""
    if path not in _written_to:
        _written_to.add(path)
        atexit.register(lambda: path.write_text(json.dumps(totals(), indent=1), encoding="utf-8"))
