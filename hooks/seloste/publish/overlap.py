"""The build's own stages run beside MkDocs' page rendering, and joined at the end of the build.

What the core writes from the model alone (each organisation's lite pages, feed and open data file; each
language's search index) does not wait for MkDocs: it is started as soon as what it needs is known (the
model, the theme's files, the language's navigation), in worker processes, while MkDocs renders its own
pages in the main process, and the build waits for it at its end (:meth:`Overlap.join`). The workers are
forked once, when the first stage starts (they begin with the loaded site, the templates and the caches of
the main process, nothing pickled but the stage's description), and each stage's organisations are cut into
chunks as :func:`seloste.publish.workers.chunks` does. A stage's work is a module-level function of the
shared ``context`` (the site), its picklable arguments and its chunk; what it writes depends only on them,
so the site is the same byte for byte with any number of processes (``tests/test_parallel_build.py``).

With one process (one core, ``SELOSTE_JOBS=1``, `mkdocs serve`) nothing is forked: each stage runs here, in
the order started, when the build joins them. An error in a stage is raised at the join as one process
would raise it (the first stage's first chunk's first); a worker that dies ends the build with
:class:`~seloste.publish.workers.WorkerLost`, never a hang; a build that fails before its join stops the
workers (:meth:`Overlap.cancel`).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ..processes import worker_start
from .timing import add_worker_totals, collected, count_processes, stage
from .workers import WorkerLost, _Done, _Failed, _picklable, chunks

R = TypeVar("R")

WAITING = "waiting for the workers"
"""The stage that times the main process's wait for the workers at the end of the build."""

_context: Any = None
"""What the stages work on (the site), set before the workers are forked: they inherit it."""


def _run(work: Callable[..., object], args: tuple[Any, ...], bounds: tuple[int, int]) -> _Done[object] | _Failed:
    try:
        with collected() as totals:
            result = work(_context, *args, *bounds)
    except Exception as error:  # raised again in the main process, as one process would raise it
        return _Failed(error if _picklable(error) else RuntimeError(f"{type(error).__name__}: {error}"))
    return _Done(result, totals, os.getpid())


@dataclass(slots=True)
class Started(Generic[R]):
    """A stage started: its results (one per chunk, in order) once joined."""

    name: str
    work: Callable[..., R]
    args: tuple[Any, ...]
    bounds: list[tuple[int, int]]
    futures: list[Future[Any]] | None
    """None: run here, at the join."""
    results: list[R] = field(default_factory=list)


class Overlap:
    """The stages of one build, started early and joined at its end, in ``jobs`` worker processes (here, when 1)."""

    def __init__(self, context: object, jobs: int) -> None:
        self.context = context
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None
        self.workers: list[multiprocessing.process.BaseProcess] = []
        """The worker processes, once forked (at the first stage shared out)."""
        self._started: list[Started[Any]] = []
        self.fork = "fork" in multiprocessing.get_all_start_methods()
        self._thaw = False

    def start(self, name: str, work: Callable[..., R], args: tuple[Any, ...], count: int) -> Started[R]:
        """Start ``work(context, *args, start, stop)`` over ``range(count)`` in chunks, as the stage ``name``."""
        with stage(name):  # the main process's share: handing the chunks out
            bounds = chunks(count, self.jobs)
            futures = None
            if self.jobs > 1 and self.fork and len(bounds) > 0:
                pool = self._open()
                before = set(multiprocessing.active_children())
                futures = [pool.submit(_run, work, args, chunk) for chunk in bounds]
                if not self.workers:  # forked at the first submission, every one at once (the fork start method)
                    self.workers = [child for child in multiprocessing.active_children() if child not in before]
                if self._thaw:  # the workers are forked (at the first submission): the main process collects again
                    gc.unfreeze()
            started = Started(name, work, args, bounds, futures)
            self._started.append(started)
        return started

    def _open(self) -> ProcessPoolExecutor:
        global _context
        if self._pool is None:
            _context = self.context
            # what the workers inherit is kept out of the collector's reach: a worker's collections would otherwise
            # walk the whole model, and write to every page of it they touch (copy on write)
            self._thaw = not gc.get_freeze_count()  # what was frozen before (the site: load_site) stays so
            gc.freeze()
            context = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=context, initializer=worker_start, initargs=(os.getpid(),))
        return self._pool

    def join(self) -> None:
        """Wait for every stage started (running here those not shared out), in the order started; raise the first
        error as one process would meet it."""
        global _context
        try:
            for started in self._started:
                if started.futures is None:
                    _context = self.context
                    with stage(started.name):
                        outcomes = _here(started)
                else:
                    with stage(WAITING):
                        outcomes = _waited(started)
                processes = set()
                for outcome in outcomes:
                    if isinstance(outcome, _Failed):
                        raise outcome.error
                    add_worker_totals(started.name, outcome.totals, elsewhere=outcome.process != os.getpid())
                    processes.add(outcome.process)
                    started.results.append(outcome.result)
                count_processes(started.name, len(processes), here=os.getpid() in processes)
        except BaseException:
            self.cancel()
            raise
        finally:
            _context = None
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool, self.workers = None, []

    def cancel(self) -> None:
        """Stop the workers (the build failed): what they have not done is not done."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        processes, self.workers = self.workers, []  # terminated: a chunk under way is not finished
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join()


def _here(started: Started[Any]) -> list[_Done[object] | _Failed]:
    outcomes: list[_Done[object] | _Failed] = []
    for chunk in started.bounds:
        outcomes.append(_run(started.work, started.args, chunk))
        if isinstance(outcomes[-1], _Failed):
            break
    return outcomes


def _waited(started: Started[Any]) -> list[_Done[object] | _Failed]:
    assert started.futures is not None
    try:
        return [future.result() for future in started.futures]
    except BrokenProcessPool as err:
        raise WorkerLost(
            f"{started.name}: a worker process ended before finishing its part (killed, or out of memory?); "
            "build again, or in one process with SELOSTE_JOBS=1"
        ) from err
