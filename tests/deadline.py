"""A wall-clock bound for tests of input that used to hang a check: past it, the test fails instead of hanging.

The bound is generous (the fixed code is linear or refuses the input early, and takes a fraction of it); what it
catches is work that grows with the square of the input or worse. SIGALRM interrupts Python code and the
regular-expression engine alike, so a test fails at its bound rather than whenever the slow call would end.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail the test if the block runs longer than ``seconds``."""
    started = time.perf_counter()

    def late(_signum: int, _frame: object) -> None:
        pytest.fail(f"still running after {time.perf_counter() - started:.1f} s (bound: {seconds:g} s)")

    previous = signal.signal(signal.SIGALRM, late)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
