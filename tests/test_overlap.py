"""The build's stages beside MkDocs' rendering (publish/overlap.py): started work runs while the main process goes
on, results and errors come back at the join as one process gives them, a lost worker is said so, and a build that
fails stops its workers; never a hang."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from deadline import deadline
from orphans import alive, assert_workers_end_with_their_parent
from seloste.publish import overlap as overlap_module
from seloste.publish import timing
from seloste.publish.csp import PolicyError
from seloste.publish.overlap import WAITING, Overlap
from seloste.publish.workers import WorkerLost


def _numbers(context: dict[str, int], offset: int, start: int, stop: int) -> list[tuple[int, int]]:
    with timing.stage("a stage in a worker"):
        return [(context["base"] + offset + i, os.getpid()) for i in range(start, stop)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_back_in_order_with_the_context_and_arguments(jobs: int) -> None:
    overlap = Overlap({"base": 1000}, jobs)
    first = overlap.start(f"test: first, {jobs}", _numbers, (0,), 30)
    second = overlap.start("test: second", _numbers, (500,), 7)
    assert first.results == [] and second.results == []  # nothing is gathered before the join
    overlap.join()
    assert [n for part in first.results for n, _ in part] == [1000 + i for i in range(30)]
    assert [n for part in second.results for n, _ in part] == [1500 + i for i in range(7)]
    pids = {pid for started in (first, second) for part in started.results for _, pid in part}
    assert (pids == {os.getpid()}) if jobs == 1 else (os.getpid() not in pids and 1 <= len(pids) <= 2)
    found = timing.totals()
    assert found["in_main"][f"test: first, {jobs}"] == (jobs == 1)  # type: ignore[index]
    assert overlap_module._context is None  # the site is not kept past the build


def _waits_for(context: object, flag: str, out: str, start: int, stop: int) -> int:
    """Write ``out`` once ``flag`` exists (the main process makes it after starting this), within 20 s."""
    deadline_at = time.monotonic() + 20
    while not Path(flag).exists():
        if time.monotonic() > deadline_at:
            return 0
        time.sleep(0.01)
    Path(out).write_text("done", encoding="utf-8")
    return 1


def test_started_work_runs_while_the_main_process_goes_on(tmp_path: Path) -> None:
    """The point of the overlap: the stage does not wait for the join (where one process would run it)."""
    flag, out = tmp_path / "main-went-on", tmp_path / "worker-done"
    overlap = Overlap(None, 2)
    started = overlap.start("test: beside", _waits_for, (str(flag), str(out)), 2)
    flag.write_text("", encoding="utf-8")  # the main process goes on with its own work
    with deadline(30):
        while not out.exists():  # ... and the worker's file appears before any join
            time.sleep(0.01)
    overlap.join()
    assert sum(started.results) >= 1
    assert WAITING in timing.totals()["stages"]  # type: ignore[operator]


def _fails_at_30(context: object, start: int, stop: int) -> int:
    for i in range(start, stop):
        if i >= 30:
            raise PolicyError(f"page {i}.html: an inline script that the Content-Security-Policy does not allow")
    return stop - start


def _counts(context: object, start: int, stop: int) -> int:
    return stop - start


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_error_is_raised_at_the_join_as_one_process_raises_it(jobs: int) -> None:
    overlap = Overlap(None, jobs)
    overlap.start("test: fine", _counts, (), 10)
    overlap.start("test: error", _fails_at_30, (), 40)
    overlap.start("test: later", _fails_at_30, (), 50)  # fails too, but after the first stage's error
    with deadline(60), pytest.raises(PolicyError) as raised:
        overlap.join()
    assert str(raised.value) == "page 30.html: an inline script that the Content-Security-Policy does not allow"


def _dies(context: object, start: int, stop: int) -> int:
    if start > 0:
        os._exit(3)  # as a worker killed by the system would end
    return stop - start


def test_a_worker_that_dies_ends_the_build_with_a_clear_error_not_a_hang() -> None:
    overlap = Overlap(None, 2)
    overlap.start("test: lite pages", _dies, (), 40)
    with deadline(60), pytest.raises(WorkerLost, match=r"^test: lite pages: a worker process ended before finishing"):
        overlap.join()


def _sleeps(context: object, start: int, stop: int) -> int:
    time.sleep(600)
    return 0


def test_a_failed_build_stops_its_workers_at_once() -> None:
    overlap = Overlap(None, 2)
    overlap.start("test: long", _sleeps, (), 8)
    pids = [worker.pid for worker in overlap.workers]
    assert len(pids) == 2
    assert pids and all(alive(pid) for pid in pids)
    with deadline(30):
        overlap.cancel()  # what the adapter does on MkDocs' build_error
        while any(alive(pid) for pid in pids):  # by pid: the pool's own thread may be the one that reaps them
            time.sleep(0.05)


_ORPHANED = """
import os, sys, time
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from test_overlap import _sleeps
from seloste.publish.overlap import Overlap
overlap = Overlap(None, 2)
overlap.start("test: orphaned", _sleeps, (), 8)
print(" ".join(str(worker.pid) for worker in overlap.workers), flush=True)
time.sleep(600)
"""


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="the workers end with their parent on Linux (prctl)")
def test_a_build_killed_outright_leaves_no_worker_behind() -> None:
    """A build stopped by SIGKILL (or SIGTERM, which Python does not catch) runs no cleanup: its workers must end
    with it, not go on writing into a site folder being removed, holding the build's output open."""
    assert_workers_end_with_their_parent(_ORPHANED, workers=2)
