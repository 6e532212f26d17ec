"""Worker processes forked by the core (the load's, the build's stages'): how each one starts.

A worker ends with the process that forked it: a build or a `seloste validate` stopped outright (SIGTERM,
SIGKILL, which run no cleanup) leaves no worker behind, still reading the archive or writing into a folder being
removed. Ctrl+C is left to the parent, which stops its workers itself.
"""

from __future__ import annotations

import ctypes
import os
import signal

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
