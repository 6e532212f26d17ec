#!/usr/bin/env python3
"""Build the site beside site/ and put it in place only if the build succeeds: never a partial site.

`mkdocs build` empties site/ before it writes the new site into it, so a build that fails or is stopped
midway leaves a partial site, which a deploy would then publish. This runs `mkdocs build --strict` into a
new folder beside site/ (``.site.building-<pid>-<random>``) and, only if it succeeds, swaps it in place
of site/ (two renames on the same file system: no moment without a complete site/ worth speaking of). A
failed, interrupted or stopped build leaves site/ as it was and removes its folder; one left by a build
that was killed outright is removed by the next. MkDocs' output and exit status are passed through.

`make build` runs it, and so CI's build and deploy do. Standard library only.

Usage: python scripts/build_site.py [-f mkdocs.yml] [-d SITE_DIR] [other options of `mkdocs build`]
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
from pathlib import Path

BUILDING = "building"
"""The middle of a new build's folder name (``.site.building-<pid>-<random>``)."""
PREVIOUS = "previous"
"""The same for the previous site/ between the two renames of the swap."""


class Stopped(Exception):
    """The script was asked to stop (SIGTERM, SIGHUP) while the build ran."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _stop(signum: int, frame: object) -> None:
    raise Stopped(signum)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None, allow_abbrev=False)
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="default: mkdocs.yml")
    parser.add_argument(
        "-d",
        "--site-dir",
        type=Path,
        default=Path("site"),
        help="the site's folder, as MkDocs reads it: relative to the config file's (default: site)",
    )
    args, mkdocs_options = parser.parse_known_args(argv)
    target = Path(os.path.realpath(args.config_file.parent / args.site_dir))  # a link's target is replaced, not the link
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    staging = _sibling(target, BUILDING)
    staging.mkdir()
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stop)
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(args.config_file), "-d", str(staging)]
        status = run(command + mkdocs_options)
        if status != 0:
            print(f"build_site: the build failed; {_shown(target)} is left as it was", file=sys.stderr)
            return status
        swap(staging, target)
        print(f"build_site: the new site is in {_shown(target)}", file=sys.stderr)
        return 0
    except KeyboardInterrupt:
        print(f"build_site: interrupted; {_shown(target)} is left as it was", file=sys.stderr)
        return 128 + signal.SIGINT
    except Stopped as stop:
        print(f"build_site: stopped ({stop}); {_shown(target)} is left as it was", file=sys.stderr)
        return 128 + stop.signum
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def run(command: list[str]) -> int:
    """Run ``command`` to its end and return its exit status; if this script is stopped meanwhile, stop it too."""
    # Material's banner about MkDocs 2 is for its own users, not this site's builders (the Makefile says the same)
    process = subprocess.Popen(command, env={**os.environ, "NO_MKDOCS_2_WARNING": os.environ.get("NO_MKDOCS_2_WARNING", "1")})
    try:
        return process.wait()
    except BaseException:  # Ctrl+C reaches the build too (one process group); a signal to this script only does not
        if process.poll() is None:
            process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        raise


def swap(new: Path, target: Path) -> None:
    """Put ``new`` in place of ``target`` (if there is one), and remove the old one."""
    previous = None
    if target.exists() or target.is_symlink():
        previous = _sibling(target, PREVIOUS)
        target.rename(previous)
    try:
        new.rename(target)
    except BaseException:
        if previous is not None:
            previous.rename(target)
        raise
    if previous is not None:
        shutil.rmtree(previous) if previous.is_dir() and not previous.is_symlink() else previous.unlink()


def remove_leftovers(target: Path) -> None:
    """Clear what builds beside ``target`` whose process is gone (killed outright) left: their folders, and a
    previous site that one was putting aside, back in place if there is no site."""
    for kind in (BUILDING, PREVIOUS):
        for path in sorted(target.parent.glob(f".{target.name}.{kind}-*")):
            pid = path.name.removeprefix(f".{target.name}.{kind}-").partition("-")[0]
            if not pid.isdigit() or _alive(int(pid)):
                continue
            if kind == PREVIOUS and not (target.exists() or target.is_symlink()):
                path.rename(target)
            else:
                shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    if os.name != "posix":  # no harmless probe elsewhere: keep what may be another build's
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sibling(target: Path, kind: str) -> Path:
    return target.with_name(f".{target.name}.{kind}-{os.getpid()}-{secrets.token_hex(4)}")


def _shown(path: Path) -> str:
    try:
        return f"{path.relative_to(Path.cwd())}/"
    except ValueError:
        return f"{path}/"


if __name__ == "__main__":
    sys.exit(main())
