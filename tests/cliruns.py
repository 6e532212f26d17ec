"""The `seloste` command run in a test as a contributor runs it: its exit code, and what it printed."""

from __future__ import annotations

import pytest

from seloste.contribute.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """``seloste ARGS``: its exit code, and its output and errors together, in the order of the two streams."""
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err
