"""The build's own stages across organisations, in worker processes forked from the loaded site.

A stage that writes one organisation's files from the model alone (its lite pages, its feed, its
open data file; a language's search index) is shared out: the organisations are cut into
consecutive chunks, each chunk's work runs in a process forked after the site was loaded (so it
starts with the model, the templates and the caches of the main process, nothing pickled), and
the workers write their files themselves. What a stage writes depends only on the model, never
on which process wrote it or when, so the site is the same byte for byte with any number of
workers (``tests/test_parallel_build.py``). What spans organisations (the site feed, the open
data index) is written by the main process.

An error in a worker is raised in the main process as the same exception with the same message
(the first chunk's first, as one process would meet it); a worker that dies (killed, out of
memory) ends the stage with :class:`WorkerLost`, never a hang.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..processes import worker_start
from .timing import Totals, add_worker_totals, collected, count_processes, stage

R = TypeVar("R")

CHUNKS_PER_JOB = 4
"""Chunks per worker: enough that a worker whose chunk is slow (long notices) is not left alone at the end."""


class WorkerLost(Exception):
    """A worker process ended without finishing its chunk."""


class JobsError(ValueError):
    """The number of processes asked for is not one."""


def available_jobs(serving: bool, asked: str = "") -> int:
    """How many processes the build's stages use: ``asked`` (``SELOSTE_JOBS``) if given, else the cores this
    process may run on; 1 under `mkdocs serve`, which runs threads that a forked process must not inherit."""
    if asked.strip():
        try:
            jobs = int(asked)
        except ValueError:
            jobs = 0
        if jobs < 1:
            raise JobsError(f"SELOSTE_JOBS={asked!r}: expected a whole number of processes, 1 or more")
        return 1 if serving else jobs
    if serving:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class _Failed:
    error: BaseException


@dataclass(frozen=True, slots=True)
class _Done(Generic[R]):
    result: R
    totals: Totals
    process: int


_work: Callable[[int, int], object] | None = None
"""The stage's work on a chunk (its first and past-last item), set before the workers are forked."""


def _run(bounds: tuple[int, int]) -> _Done[object] | _Failed:
    assert _work is not None
    try:
        with collected() as totals:
            result = _work(*bounds)
    except Exception as error:  # raised again in the main process, as one process would raise it
        return _Failed(error if _picklable(error) else RuntimeError(f"{type(error).__name__}: {error}"))
    return _Done(result, totals, os.getpid())


def _picklable(error: BaseException) -> bool:
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return False
    return True


def chunks(count: int, jobs: int) -> list[tuple[int, int]]:
    """``range(count)`` cut into consecutive (start, stop) chunks for ``jobs`` workers."""
    parts = min(count, max(1, jobs * CHUNKS_PER_JOB))
    return [(count * n // parts, count * (n + 1) // parts) for n in range(parts)] if count else []


def in_chunks(name: str, work: Callable[[int, int], R], count: int, jobs: int) -> list[R]:
    """``work(start, stop)`` over ``range(count)`` in chunks, in ``jobs`` processes (here, when 1), timed as the
    stage ``name``; the results in the chunks' order."""
    global _work
    with stage(name):
        bounds = chunks(count, jobs)
        context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
        _work = work
        try:
            if jobs <= 1 or len(bounds) < 2 or context is None:
                outcomes = []
                for chunk in bounds:
                    outcomes.append(_run(chunk))
                    if isinstance(outcomes[-1], _Failed):
                        break
            else:
                # what the workers inherit is kept out of the collector's reach: a worker's collections would
                # otherwise walk the whole model, and write to every page of it they touch (copy on write)
                thaw = not gc.get_freeze_count()  # what was frozen before (the site: load_site) stays so
                gc.freeze()
                try:
                    workers = min(jobs, len(bounds))
                    with ProcessPoolExecutor(
                        workers, mp_context=context, initializer=worker_start, initargs=(os.getpid(),)
                    ) as pool:
                        outcomes = list(pool.map(_run, bounds))
                except BrokenProcessPool as err:
                    raise WorkerLost(
                        f"{name}: a worker process ended before finishing its part (killed, or out of memory?); "
                        "build again, or in one process with SELOSTE_JOBS=1"
                    ) from err
                finally:
                    if thaw:
                        gc.unfreeze()
        finally:
            _work = None
        results: list[R] = []
        processes = set()
        for outcome in outcomes:
            if isinstance(outcome, _Failed):
                raise outcome.error
            add_worker_totals(name, outcome.totals, elsewhere=outcome.process != os.getpid())
            processes.add(outcome.process)
            results.append(outcome.result)  # type: ignore[arg-type]
        count_processes(name, len(processes), here=os.getpid() in processes)
    return results
