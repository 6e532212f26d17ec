"""Worker processes forked by the core (the load's, the build's stages'): how each one starts, and the collector
left alone while they load the archive.

A worker ends with the process that forked it: a build or a `seloste validate` stopped outright (SIGTERM,
SIGKILL, which run no cleanup) leaves no worker behind, still reading the archive or writing into a folder being
removed. Ctrl+C is left to the parent, which stops its workers itself.
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager

PR_SET_PDEATHSIG = 1
"""Linux's prctl option: the signal a process receives when the thread that forked it ends."""


def worker_start(parent: int) -> None:
    """Set up a worker process forked from ``parent`` (a pool's initializer, with ``os.getpid()`` of the parent):
    it is killed when its parent ends, and ignores Ctrl+C, which its parent handles."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # Linux: killed when the process that forked it ends
    except (OSError, AttributeError):
        pass  # elsewhere the parent's own cleanup (a pool's exit, the adapter's on_shutdown) stops the workers
    if os.getppid() != parent:  # the parent ended before the line above
        os._exit(1)


@contextmanager
def cycles_left_alone() -> Iterator[None]:
    """Python's collector of reference cycles off while the organisations load (in this process and the workers forked
    for it), and what the load made and keeps frozen once it is done (``gc.freeze``). Loading makes millions of objects
    and keeps most (the model, the texts' caches), and each of the collector's passes over them walks every one: at
    2,000 organisations x 5 versions its full passes took 8.6 s of a cold validate's 55 s, and after the load, in one
    process, its first young pass, the passes during the rules across organisations and the last one as the process
    ended walked them again (frozen, a cold validate in one process took 38.8-39.6 s where it took 41.6-45.3 s;
    docs/benchmark.en.md). What loading makes is freed by reference counting, frozen or not. The few cycles it
    leaves, where files have errors (their exceptions' tracebacks: 6,625 objects for 80 files with errors, none for a
    valid archive), stay until what was frozen is unfrozen: a long-lived process that loads again unfreezes what it
    loaded before (``publish/site.py``), and a command that validates ends. Cycles dropped before the load are
    collected as it starts, so that none is frozen with it."""
    enabled = gc.isenabled()
    gc.collect()  # cycles dropped before the load: freed now, not frozen with what it keeps
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
