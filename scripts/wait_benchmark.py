"""Where people wait, at archive scale: validating, checking a pull request, previewing an edit.

Generates a synthetic archive (scripts/synthetic.py: N organisations x V versions) and measures, each
--repeat times, wall time and CPU time (user + system, of the command and the processes it starts):

- `seloste validate` of the whole archive: without the cache in one process (--jobs 1) and in as many as
  the cores (the default); then with the cache filled (nothing changed) and after an edit of one
  organisation's version file (the contributor's loop: edit, validate);
- `seloste check --base` for a change that touches one organisation (the archive committed in a git
  repository with the checking code, then one version file edited): as CI checks a pull request, the
  organisations as at the base taken as its checks left them, without the cache; and with --full, every
  organisation checked, without the cache and with it;
- the floor: composing every data file with libyaml (PyYAML's C parser), nothing checked, in one process;
- a partial preview, `mkdocs serve` with SELOSTE_ONLY naming two organisations (`make serve ORGS=...`):
  how long until its first page is served, and how long after saving an edit of one of them the page
  shows it.

    python scripts/wait_benchmark.py [--organisations 2000] [--versions 5] [--repeat 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests"), str(ROOT / "scripts")]

from benchmark import SELOSTE, parse_floor, timed  # noqa: E402
from synthetic import LENGTHS, generate  # noqa: E402

from sitebuild import fixture_project  # noqa: E402


def report(label: str, runs: list[tuple[float, float]]) -> None:
    walls = ", ".join(f"{wall:.1f}" for wall, _cpu in runs)
    cpus = ", ".join(f"{cpu:.1f}" for _wall, cpu in runs)
    print(f"{label:58} wall {walls} s; CPU {cpus} s")


def edit_one(version: Path, marker: str) -> None:
    """An edit of a version's English title, as a contributor makes one (the file stays valid)."""
    text = version.read_text(encoding="utf-8")
    edited = re.sub(r' privacy notice[^"\n]*"', f' privacy notice {marker}"', text, count=1)
    assert edited != text, version
    version.write_text(edited, encoding="utf-8")


def measure_validate(project: Path, env: dict[str, str], repeat: int) -> None:
    cache = project / "validation-cache"
    env = {**env, "SELOSTE_CACHE": str(cache)}
    validate = [*SELOSTE, "validate", "--data", "data"]
    report(
        "validate, no cache, 1 process (--no-cache --jobs 1)",
        [timed([*validate, "--no-cache", "--jobs", "1"], project, env) for _ in range(repeat)],
    )
    report(
        f"validate, no cache, {_cores()} processes (--no-cache)",
        [timed([*validate, "--no-cache"], project, env) for _ in range(repeat)],
    )
    shutil.rmtree(cache, ignore_errors=True)
    timed(validate, project, env)  # fills the cache
    report("validate, cache filled, nothing changed", [timed(validate, project, env) for _ in range(repeat)])
    runs = []
    folders = sorted(p for p in (project / "data").iterdir() if p.is_dir())
    for index in range(repeat):
        edit_one(sorted(folders[index * 7 % len(folders)].glob("*.yaml"))[-2], f"validate-edit-{index}")
        runs.append(timed(validate, project, env))
    report("validate after an edit of one organisation (cache)", runs)


def measure_check(project: Path, env: dict[str, str], repeat: int) -> None:
    cache = project / "validation-cache"
    git = ["git", "-c", "user.email=bench@example.invalid", "-c", "user.name=bench"]
    # a repository as the archive's own: the checking code and the libraries' pins committed beside the data, so
    # that check --base takes the organisations as at the base as the base's checks left them (as CI's check of a
    # pull request does: it runs the base's code)
    (project / "hooks").unlink()
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    (project / "requirements").mkdir(exist_ok=True)
    shutil.copy(ROOT / "requirements" / "site.txt", project / "requirements" / "site.txt")
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=project, check=True)
    subprocess.run([*git, "add", "data", "hooks", "requirements"], cwd=project, check=True)
    subprocess.run([*git, "-c", "gc.auto=0", "commit", "-q", "-m", "published"], cwd=project, check=True)
    folders = sorted(p for p in (project / "data").iterdir() if p.is_dir())
    version = sorted(folders[len(folders) // 2].glob("*.yaml"))[-2]
    version.write_text(
        version.read_text(encoding="utf-8") + "# a comment: the file differs, the version does not\n", encoding="utf-8"
    )
    # the commit wrote a loose object per file, and git packs them in the background after it (its automatic gc),
    # which took CPU from the timed check beside it (36.0 s against 26.1 s once packed): packed here first, as a
    # pull request's clone has them, and written out
    subprocess.run([*git, "gc", "-q"], cwd=project, check=True)
    os.sync()
    check = [*SELOSTE, "check", "--base", "main", "--data", "data"]
    with_cache = {**env, "SELOSTE_CACHE": str(cache)}
    trusting = "(1 organisation changed, checked in full; "
    report(
        "check --base, one organisation touched, no cache",
        [timed([*check, "--no-cache"], project, env, says=trusting) for _ in range(repeat)],
    )
    report(
        "check --base --full, one organisation touched, no cache",
        [timed([*check, "--full", "--no-cache"], project, env, says="checked in full, as asked") for _ in range(repeat)],
    )
    timed([*check, "--full"], project, with_cache)  # fills the cache, the edited organisation's outcome with it
    report(
        "check --base --full, one organisation touched, cache",
        [timed([*check, "--full"], project, with_cache) for _ in range(repeat)],
    )


def measure_preview(project: Path, env: dict[str, str], repeat: int) -> None:
    folders = sorted(p for p in (project / "data").iterdir() if p.is_dir())
    chosen = [folders[3], folders[-3]]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        **env,
        "NO_MKDOCS_2_WARNING": "1",
        "SELOSTE_SITE_URL": f"http://127.0.0.1:{port}/",
        "SELOSTE_ONLY": ",".join(folder.name for folder in chosen),
    }
    started = time.monotonic()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        page = f"http://127.0.0.1:{port}/en/{chosen[0].name}/"
        if not _wait(page, None, started, 600):
            raise SystemExit("mkdocs serve did not serve the preview within 600 s")
        print(f"{'preview of 2 organisations: first page served':58} {time.monotonic() - started:.1f} s after starting")
        time.sleep(2)  # the file watcher starts after the first page is served
        shown = []
        for index in range(repeat):
            marker = f"Muokattu-{index}"
            saved = time.monotonic()
            edit_one(sorted(chosen[0].glob("*.yaml"))[-2], marker)
            if not _wait(page, marker, saved, 120):
                raise SystemExit("the preview did not show the edit within 120 s")
            shown.append(time.monotonic() - saved)
            time.sleep(1)
        print(f"{'preview: an edit is shown':58} {', '.join(f'{s:.1f}' for s in shown)} s after saving")
    finally:
        server.terminate()
        server.wait(timeout=60)


def _wait(url: str, marker: str | None, since: float, limit: float) -> bool:
    while time.monotonic() - since < limit:
        try:
            text = urllib.request.urlopen(url, timeout=10).read().decode("utf-8")
            if marker is None or marker in text:
                return True
        except OSError:
            pass
        time.sleep(0.05)
    return False


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--organisations", type=int, default=2000)
    parser.add_argument("--versions", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=2, help="measure each figure so many times (default: 2)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument(
        "--length", choices=LENGTHS, default="archive", help="notices as long as the real ones (archive), or all long"
    )
    parser.add_argument("--parts", default="validate,check,preview", help="what to measure (default: validate,check,preview)")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs ({_cores()} usable), Python {platform.python_version()}")
    print(f"load average before: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    out = args.keep or Path(tempfile.mkdtemp(prefix="seloste-wait-"))
    try:
        project = fixture_project(out / "project")
        generate(project, args.organisations, args.versions, length=args.length)
        print(f"synthetic archive: {args.organisations} organisations x {args.versions} versions, Finnish and English\n")
        env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
        parts = set(args.parts.split(","))
        if "validate" in parts:
            floors = [parse_floor(project / "data") for _ in range(args.repeat)]
            label = "floor: composing every data file with libyaml, no checks"
            print(f"{label:58} {', '.join(f'{x:.1f}' for x in floors)} s (one process)")
            measure_validate(project, env, args.repeat)
        if "check" in parts:
            measure_check(project, env, args.repeat)
        if "preview" in parts:
            measure_preview(project, env, args.repeat)
        print(f"\nload average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
