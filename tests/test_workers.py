"""The build's stages shared out to worker processes (publish/workers.py): results in order, errors as one process
raises them, a lost worker said so, never a hang."""

from __future__ import annotations

import multiprocessing
import os
import threading

import pytest

from deadline import deadline
from seloste.publish import timing
from seloste.publish.csp import PolicyError
from seloste.publish.workers import JobsError, WorkerLost, available_jobs, chunks, in_chunks


@pytest.mark.parametrize(("count", "jobs"), [(0, 2), (1, 2), (7, 1), (7, 2), (100, 2), (100, 4)])
def test_chunks_cover_every_item_once_in_order(count: int, jobs: int) -> None:
    bounds = chunks(count, jobs)
    assert [i for start, stop in bounds for i in range(start, stop)] == list(range(count))
    assert all(stop > start for start, stop in bounds)


_meet: threading.Barrier | None = None
"""Where two workers wait for each other, so that each chunk pair is done by two processes however busy the machine
is (without it, one worker may take every chunk before the other starts)."""


def _pids(start: int, stop: int) -> list[tuple[int, int]]:
    if _meet is not None:
        _meet.wait()
    with timing.stage("a stage in a worker"):
        return [(i, os.getpid()) for i in range(start, stop)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_back_in_order_from_as_many_processes_as_asked(jobs: int) -> None:
    global _meet
    assert len(chunks(40, jobs)) % 2 == 0  # the chunks pair up at the barrier
    _meet = multiprocessing.get_context("fork").Barrier(2, timeout=60) if jobs == 2 else None
    try:
        results = in_chunks("test: order", _pids, 40, jobs)
    finally:
        _meet = None
    assert [i for part in results for i, _ in part] == list(range(40))
    pids = {pid for part in results for _, pid in part}
    assert (pids == {os.getpid()}) if jobs == 1 else (len(pids) == 2 and os.getpid() not in pids)
    found = timing.totals()
    assert found["processes"]["test: order"] >= (1 if jobs == 1 else 2)  # type: ignore[index]
    assert found["in_workers"]["a stage in a worker"]["cpu"] >= 0  # type: ignore[index]


def _fails_at_30(start: int, stop: int) -> int:
    for i in range(start, stop):
        if i >= 30:
            raise PolicyError(f"page {i}.html: an inline script that the Content-Security-Policy does not allow")
    return stop - start


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_error_in_a_worker_is_raised_as_one_process_raises_it(jobs: int) -> None:
    with pytest.raises(PolicyError) as raised:
        in_chunks("test: error", _fails_at_30, 40, jobs)
    assert str(raised.value) == "page 30.html: an inline script that the Content-Security-Policy does not allow"


class _Unpicklable(Exception):
    def __init__(self, message: str, handle: object) -> None:
        super().__init__(message)
        self.handle = handle

    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("cannot pickle")


def _fails_unpicklably(start: int, stop: int) -> int:
    raise _Unpicklable("no such thing", lambda: None)


def test_an_error_that_cannot_cross_processes_keeps_its_message() -> None:
    with pytest.raises(RuntimeError, match=r"^_Unpicklable: no such thing$"):
        in_chunks("test: unpicklable", _fails_unpicklably, 40, 2)


def _dies(start: int, stop: int) -> int:
    if start > 0:
        os._exit(3)  # as a worker killed by the system would end
    return stop - start


def test_a_worker_that_dies_ends_the_stage_with_a_clear_error_not_a_hang() -> None:
    with deadline(60), pytest.raises(WorkerLost, match=r"^test: dies: a worker process ended before finishing its part"):
        in_chunks("test: dies", _dies, 40, 2)


def test_jobs_come_from_the_cores_or_seloste_jobs_and_are_one_under_serve() -> None:
    assert available_jobs(False) == len(os.sched_getaffinity(0))
    assert available_jobs(False, "3") == 3
    assert available_jobs(True) == 1 and available_jobs(True, "3") == 1
    for wrong in ("0", "-2", "two", "1.5"):
        with pytest.raises(JobsError, match=rf"^SELOSTE_JOBS='{wrong}': expected a whole number of processes, 1 or more$"):
            available_jobs(False, wrong)
