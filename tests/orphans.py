"""Worker processes must end with the process that forked them, even when it is killed outright (SIGKILL runs no
cleanup): a check for the core's pools (the load's, the build's stages')."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from deadline import deadline

TESTS, HOOKS = str(Path(__file__).parent), str(Path(__file__).parents[1] / "hooks")


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, ended but not yet reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split()[2] != "Z"


def assert_workers_end_with_their_parent(script: str, *args: str, workers: int) -> None:
    """Run ``script`` (with the tests' and the core's folders first on its path, then ``args``), which prints its
    ``workers`` workers' pids once they run (whole lines: a worker that prints its own writes its line in one call);
    kill it with SIGKILL, and fail unless every worker ends within 30 s."""
    parent = subprocess.Popen([sys.executable, "-c", script, TESTS, HOOKS, *args], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        pids: list[int] = []
        with deadline(60):
            while len(pids) < workers:
                line = parent.stdout.readline()
                assert line, "the script ended before its workers ran"
                pids.extend(int(pid) for pid in line.split())
        assert len(set(pids)) == workers and all(alive(pid) for pid in pids)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        with deadline(30):
            while any(alive(pid) for pid in pids):
                time.sleep(0.05)
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        if parent.stdout is not None:
            parent.stdout.close()
