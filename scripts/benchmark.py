"""Build speed and size at archive scale, against a baseline of Material alone.

Generates a synthetic archive (scripts/synthetic.py: N organisations x V versions, Finnish-
and English-like text of real notice length, realistic change between versions), builds it
with this repository's configuration and prints:

- total wall time and CPU time (the build's and its worker processes'), and both per stage of the
  build's main process (the core's own stages, timed inside the build; the search index; the time
  it waited at the end for the workers, which run beside MkDocs' rendering; MkDocs rendering is
  what remains), and, apart, the stages' own work summed over the processes that did it;
- peak memory of the build (one Python process: the search index is built in it);
- number of files and size of the site, the largest parts of it, and the HTML size of a
  notice page (its own HTML; shared CSS and scripts aside);
- the size against the site's budget: at most 700 MB at 2,000 organisations x 5 versions, and
  where GitHub Pages' 1 GB limit (on the published files, uncompressed) would be reached;
- with --search: what a first search query downloads (scripts/search_benchmark.py);
- the baseline: Material alone (its own search included) rendering the same current notices
  in both languages as plain Markdown pages, with the same nav; and our/baseline ratios;
- with --growth: the same at 2N organisations, and the ratios of time and size;
- with the baseline, a floor: the time to read and compose the data files with libyaml, and
  to render each distinct section text once with the build's renderer (cmark-gfm and the
  sanitiser), against what the time targets allow.

    python scripts/benchmark.py [--organisations 2000] [--versions 5] [--search] [--growth] [--no-baseline]
                                [--cores 1,2,4] [--after-validate]

--cores builds on that many cores, one run each (the first N CPUs the script may use; the build uses
every core it is given), each against the baseline on as many cores; it prints the machine's load
average before and after. Every build reads a new, empty cache of `seloste validate` (a clean build checks
every organisation).

--after-validate also times, on each number of cores, `seloste validate` into a new cache and then the build
that reads it, as the deploy workflow runs them: the build loads each organisation validate passed without
checking it again (the script fails unless it read every one so).

--everyday measures the real data instead: a full build from a clean checkout, and how long
`mkdocs serve` takes to show an edit of a notice.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests"), str(ROOT / "scripts")]

from synthetic import LENGTHS, generate  # noqa: E402

from seloste.archive.loader import load_archive  # noqa: E402
from seloste.archive.model import Archive  # noqa: E402
from seloste.markup.render import markdown_html  # noqa: E402
from seloste.publish.overlap import WAITING  # noqa: E402
from sitebuild import fixture_project  # noqa: E402

BUDGET_MB = 700.0
"""The site's size at 2,000 organisations x 5 versions may not exceed this (docs/architecture.en.md)."""
PAGES_LIMIT_MB = 1000.0
"""GitHub Pages refuses a site whose published files are larger than 1 GB."""

# Runs MkDocs in this process and reports its peak memory and its children's.
_MEASURED_BUILD = """
import resource, sys, json
from mkdocs.__main__ import cli
code = 0
try:
    cli(sys.argv[2:], standalone_mode=False)
except SystemExit as exit:
    code = exit.code or 0
except Exception as error:
    print(error, file=sys.stderr)
    code = 1
own = resource.getrusage(resource.RUSAGE_SELF)
children = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
figures = {"peak_kb": own.ru_maxrss, "children_peak_kb": children.ru_maxrss, "cpu": cpu, "code": code}
open(sys.argv[1], "w").write(json.dumps(figures))
sys.exit(code)
"""


@dataclass
class Result:
    wall: float
    cpu: float
    """User and system time of the build and the processes it started."""
    peak_mb: float
    files: int
    size_mb: float
    parts: dict[str, float]
    notice_kb: dict[str, float]
    stages: dict[str, dict[str, float]] = field(default_factory=dict)
    """Stage -> wall and CPU seconds, in the build's main process (a stage shared out to workers: its wall time,
    and the CPU time of the main process and the workers)."""
    in_workers: dict[str, dict[str, float]] = field(default_factory=dict)
    """Stages timed inside the workers, summed over them."""
    children_peak_mb: float = 0.0
    """The largest peak memory of a process the build started (a worker: it shares the pages it did not write)."""


def pinned(cores: int | None) -> Callable[[], None] | None:
    """Run a child on the first ``cores`` CPUs this process may use (None: all of them)."""
    if cores is None:
        return None
    cpus = sorted(os.sched_getaffinity(0))[:cores]
    return lambda: os.sched_setaffinity(0, cpus)


SELOSTE = [sys.executable, "-c", "from seloste.contribute.cli import run; run()"]


def timed(
    command: list[str],
    cwd: Path,
    env: dict[str, str],
    *,
    ok: tuple[int, ...] = (0,),
    says: str = "",
    cores: int | None = None,
) -> tuple[float, float]:
    """Run ``command``; its wall time, and the CPU time (user + system) of it and the processes it started. ``says``:
    what its output must hold (what it did, for the figure to be the one its label names). ``cores``: on that many
    (:func:`pinned`)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False, preexec_fn=pinned(cores)
    )  # fmt: skip
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in ok:
        raise SystemExit(f"{' '.join(command[3:] if command[:3] == SELOSTE else command)} failed:\n{result.stderr[-3000:]}")
    if says not in result.stdout:
        raise SystemExit(f"{' '.join(command[3:] if command[:3] == SELOSTE else command)} did not say {says!r}:\n{result.stdout}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measured_build(
    project: Path, site: Path, timings: Path | None = None, cores: int | None = None, cache: Path | None = None
) -> tuple[float, dict]:
    """The build's wall time and what ``_MEASURED_BUILD`` measured. ``cache``: `seloste validate`'s cache for the build
    to read (default: a new, empty one: a clean build checks every organisation)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SELOSTE_JOBS", None)  # the build uses the cores it is given
    env.pop("SELOSTE_RENDER_CACHE", None)  # each build renders every text: none reads what an earlier one kept
    env["SELOSTE_CACHE"] = str(cache or Path(tempfile.mkdtemp(prefix="no-validation-", dir=site.parent)))
    log = site.parent / "tracking-log.yaml"  # as the deploy workflow builds: with the tracking log (here, one of no check)
    log.write_text("format: '1'\nnotices: []\n", encoding="utf-8")
    env["SELOSTE_TRACKING_LOG"] = str(log)
    if timings:
        env["SELOSTE_TIMINGS"] = str(timings)
    memory = site.parent / "memory.json"
    command = [
        sys.executable,
        "-c",
        _MEASURED_BUILD,
        str(memory),
        "build",
        *([] if cache else ["-q"]),  # after validate: its line saying how many organisations it read as validate passed them
        "-f",
        str(project / "mkdocs.yml"),
        "-d",
        str(site),
    ]
    started = time.perf_counter()
    result = subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, check=False, preexec_fn=pinned(cores)
    )  # fmt: skip
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stderr[-3000:]}")
    if cache:
        said = r"seloste: (\d+) of (\d+) organisations unchanged since `seloste validate` passed them: not checked again \((\d+)"
        read = re.search(said, result.stderr)
        if not read or not read[1] == read[2] == read[3]:  # every one, taken as validate loaded it
            raise SystemExit(f"the build after validate checked organisations again:\n{result.stderr[-3000:]}")
    return wall, json.loads(memory.read_text())


def site_figures(site: Path, notice_pages: list[Path]) -> tuple[int, float, dict[str, float], dict[str, float]]:
    files = [p for p in site.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    parts: dict[str, int] = {}
    for p in files:
        rel = p.relative_to(site).as_posix()
        if rel.startswith(("search-index/", "search/")):
            kind = "search index"
        elif rel.startswith("data/"):
            kind = "open data"
        elif rel.startswith("assets/"):
            kind = "assets"
        elif rel.endswith("feed.xml"):
            kind = "feeds"
        elif re.search(r"/\d{4}-\d{2}-\d{2}/index\.html$", rel):
            kind = "version pages"
        elif re.search(r"/(history|compare|checklist)/index\.html$", rel):
            kind = "history, comparison, checklist pages"
        elif rel.endswith(".html"):
            kind = "notice and other pages"
        else:
            kind = "other"
        parts[kind] = parts.get(kind, 0) + p.stat().st_size
    sizes = [p.stat().st_size / 1024 for p in notice_pages if p.is_file()]
    notice = {"median": statistics.median(sizes), "max": max(sizes)} if sizes else {}
    return len(files), total / 1e6, {k: v / 1e6 for k, v in sorted(parts.items(), key=lambda x: -x[1])}, notice


def site_of(project: Path, cores: int | None, kind: str = "") -> Path:
    return project / f"site-{cores or 'every'}-cores{'-' + kind if kind else ''}"


def validated(project: Path, cores: int | None) -> tuple[Path, float, float]:
    """`seloste validate` of the project's data on ``cores`` (its processes: as many), into a new cache: the deploy
    workflow's step before its build. The cache, and the wall and CPU time the command took."""
    cache = Path(tempfile.mkdtemp(prefix="validation-", dir=project))
    env = {**os.environ, "SELOSTE_CACHE": str(cache)}
    return (cache, *timed([*SELOSTE, "validate", "--data", "data"], project, env, cores=cores))


def fresh_site(project: Path, cores: int | None, kind: str = "") -> Path:
    """A folder for a build's site that no earlier build of this run wrote: each build makes its files where none were
    deleted just before (deleting a site of 51,000 files made the next build's files cost the file system more: see
    :func:`file_system_probe`). The sites are deleted with the run's folder at the end. One kept from an earlier run
    (--keep) is deleted and written out first."""
    site = site_of(project, cores, kind)
    if site.exists():
        shutil.rmtree(site)
        os.sync()
    return site


def ours(
    out: Path, organisations: int, versions: int, length: str = "archive", cores: int | None = None, cache: Path | None = None
) -> Result:
    project = out / "ours"
    if not (project / "data").is_dir():
        generate(fixture_project(project), organisations, versions, length=length)
    site = fresh_site(project, cores, "after-validate" if cache else "")
    timings = out / "timings.json"
    wall, memory = measured_build(project, site, timings, cores, cache)
    slugs = [p.name for p in (project / "data").iterdir() if p.is_dir()]
    notices = [site / prefix / slug / "index.html" for slug in slugs for prefix in ("", "en")]
    files, size, parts, notice = site_figures(site, notices)
    timed = json.loads(timings.read_text())
    return Result(
        wall, memory["cpu"], memory["peak_kb"] / 1024, files, size, parts, notice, timed["stages"], timed["in_workers"],
        memory["children_peak_kb"] / 1024,
    )  # fmt: skip


def baseline(out: Path, archive: Archive, cores: int | None = None) -> Result:
    """Material alone: the same current notices, both languages, plain Markdown pages, the same nav."""
    project = out / "baseline"
    docs = project / "docs"
    for lang in ("fi", "en"):
        if (docs / lang).is_dir():
            break  # written for an earlier run on other cores
        for record in archive.organisations:
            version = record.current.version
            parts = [f"# {version.title[lang]}\n"]
            for section in version.sections:
                if section.heading:
                    parts.append(f"## {section.heading[lang]}\n")
                parts.append(section.body[lang] + "\n")
            page = docs / lang / record.slug / "index.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text("\n".join(parts), encoding="utf-8")
    for name in ("index.md", "facts.md", "open-data.md", "about.md"):
        (docs / name).write_text(f"# {name[:-3]}\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Baseline\nsite_url: https://example.test/\ntheme:\n  name: material\n  language: fi\n"
        "plugins:\n  - search\nnot_in_nav: |\n  /fi/\n  /en/\n"
        "nav:\n  - Tietosuojaselosteet: index.md\n  - Vertailu: facts.md\n  - Avoin data: open-data.md\n  - Tietoa: about.md\n",
        encoding="utf-8",
    )
    site = fresh_site(project, cores)
    wall, memory = measured_build(project, site, cores=cores)
    notices = list(site.glob("*/*/index.html"))
    files, size, parts, notice = site_figures(site, notices)
    return Result(wall, memory["cpu"], memory["peak_kb"] / 1024, files, size, parts, notice)


@dataclass
class Floor:
    parse: float
    render_all: float
    render_old: float


def parse_floor(data: Path) -> float:
    """Seconds to read and compose every data file with libyaml: no checks, nothing built.

    Composing (nodes with their line and column) is the least a loader that reports file:line
    can do with YAML; PyYAML's C parser is the fastest this stack has.
    """
    files = sorted(data.rglob("*.yaml"))
    started = time.perf_counter()
    for file in files:
        yaml.compose(file.read_bytes(), Loader=yaml.CSafeLoader)
    return time.perf_counter() - started


def section_texts(archive: Archive) -> tuple[set[str], set[str]]:
    """Every distinct section text (all versions, both languages), and those no current version holds."""
    every: set[str] = set()
    current: set[str] = set()
    for record in archive.organisations:
        for shown in record.versions:
            for section in shown.version.sections:
                texts = (section.body.fi, section.body.en)
                every.update(texts)
                if shown is record.current:
                    current.update(texts)
    return every, every - current


def render_floor(archive: Archive) -> tuple[float, float]:
    """Seconds to render each distinct section text once as the build does (cmark-gfm and the sanitiser:
    ``markdown_html``): every version's, and only the texts the current versions do not hold (the baseline
    renders those)."""
    timings = []
    for texts in section_texts(archive):
        markdown_html.cache_clear()
        started = time.perf_counter()
        for text in sorted(texts):
            markdown_html(text)
        timings.append(time.perf_counter() - started)
    return timings[0], timings[1]


def print_floor(floor: Floor, base: Result) -> None:
    allowed = 1.5 * base.wall
    print("\n## floor: what any build of this archive does on this stack\n")
    print(f"reading and composing the data files (libyaml, no checks)  {floor.parse:8.1f} s")
    print(f"rendering each distinct section text once (cmark-gfm, nh3) {floor.render_all:8.1f} s")
    print(f"  of which texts the current versions do not hold          {floor.render_old:8.1f} s")
    print(f"1.5x the baseline                                          {allowed:8.1f} s")
    print(f"  10% of it (the target for our own stages)                {allowed / 10:8.1f} s")
    print(f"  left after the baseline's own work                       {allowed - base.wall:8.1f} s")


def search_bytes(site: Path) -> str:
    from search_benchmark import measure

    rows = measure(site)
    sizes = [row[2] for row in rows]
    times = [row[5] for row in rows]
    return f"{min(sizes) / 1000:.0f}-{max(sizes) / 1000:.0f} kB, {min(times):.0f}-{max(times):.0f} ms"


def print_budget(r: Result, organisations: int, versions: int, length: str = "archive") -> None:
    """The site's size against its budget, and the number of organisations (of as many versions) at which GitHub
    Pages' limit would be reached, the site growing with them."""
    shared = r.parts.get("assets", 0.0)  # the same whatever the number of organisations
    at_limit = organisations * (PAGES_LIMIT_MB - shared) / (r.size_mb - shared)
    print(f"size for the budget    {r.size_mb:8.1f} MB at {organisations} organisations x {versions} versions", end="")
    if (organisations, versions) == (2000, 5) and length == "archive":  # the budget is for notices as long as the real ones
        print(f": {'within' if r.size_mb <= BUDGET_MB else 'OVER'} the {BUDGET_MB:.0f} MB budget", end="")
    print(f"; GitHub Pages' {PAGES_LIMIT_MB / 1000:.0f} GB limit at about {at_limit:,.0f} organisations")


def print_result(title: str, r: Result) -> None:
    print(f"\n## {title}\n")
    print(f"total wall time        {r.wall:8.1f} s   CPU {r.cpu:8.1f} s (the build and its worker processes)")
    if r.stages:
        # the main process's stages add up to the wall time; what the workers did beside it is listed apart
        print("  in the build's main process (wall time; CPU: the main process's and, for a stage shared out, its workers'):")
        own = sum(v["wall"] for k, v in r.stages.items() if not k.startswith("search") and k != WAITING)
        search = sum(v["wall"] for k, v in r.stages.items() if k.startswith("search"))
        waited = r.stages.get(WAITING, {}).get("wall", 0.0)
        for name, times in r.stages.items():
            print(f"    {name:32} {times['wall']:8.1f} s  {times['wall'] / r.wall:6.1%}   CPU {times['cpu']:8.1f} s")
        rendering = r.wall - own - search - waited
        print(f"    {'MkDocs rendering and the rest':32} {rendering:8.1f} s  {rendering / r.wall:6.1%}")
        print(f"    {'our own stages (not waiting)':32} {own + search:8.1f} s  {(own + search) / r.wall:6.1%}")
    if r.in_workers:
        print("  the stages' own work, summed over the processes that did it (beside the main process, if shared out):")
        for name, times in r.in_workers.items():
            print(f"    {name:32} {times['wall']:8.1f} s of the workers' time   CPU {times['cpu']:8.1f} s")
    print(f"peak memory            {r.peak_mb:8.0f} MB")
    if r.children_peak_mb:
        print(f"  of a worker process    {r.children_peak_mb:8.0f} MB (resident, pages shared with the build counted)")
    print(f"files                  {r.files:8d}")
    print(f"site size              {r.size_mb:8.1f} MB")
    for name, mb in r.parts.items():
        print(f"  {name:34} {mb:8.1f} MB")
    if r.notice_kb:
        print(f"notice page HTML       {r.notice_kb['median']:8.1f} kB median, {r.notice_kb['max']:.1f} kB largest")


def everyday() -> None:
    """The real data: a full build from a clean checkout, and an edit shown by `mkdocs serve`."""
    with tempfile.TemporaryDirectory() as tmp:
        checkout = Path(tmp) / "checkout"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(checkout)], check=True)
        wall, _memory = measured_build(checkout, checkout / "site")
        print(f"full build of the real data from a clean checkout: {wall:.1f} s")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SELOSTE_SITE_URL": f"http://127.0.0.1:{port}/"}
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],  # --no-livereload would stop watching
            cwd=checkout, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            url = f"http://127.0.0.1:{port}/micro-magic/"
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    urllib.request.urlopen(url, timeout=2).read()
                    break
                except OSError:
                    time.sleep(0.2)
            time.sleep(2)  # the file watcher starts after the first page is served
            version = checkout / "data/micro-magic/2021-06-23.yaml"
            text = version.read_text(encoding="utf-8")
            marker = "Muokattu hetki sitten"
            edited = text.replace("en: Micro Magic privacy notice", f"en: Micro Magic privacy notice {marker}", 1)
            assert edited != text
            started = time.monotonic()
            version.write_text(edited, encoding="utf-8")
            en = f"http://127.0.0.1:{port}/en/micro-magic/"
            while time.monotonic() - started < 60:
                try:
                    if marker in urllib.request.urlopen(en, timeout=5).read().decode("utf-8"):
                        break
                except OSError:
                    pass
                time.sleep(0.05)
            else:
                raise SystemExit("mkdocs serve did not show the edit within 60 s")
            print(f"mkdocs serve: an edited notice is shown {time.monotonic() - started:.1f} s after saving")
        finally:
            server.terminate()
            server.wait(timeout=30)


def file_system_probe(where: Path, pages: int = 2000) -> str:
    """What making a page costs the file system under ``where``, in CPU: a new folder and a file in it, as the site
    writes each of its pages (``<org>/<date>/index.html``). On the 2-core machine the benchmark page reports, it took
    from about 50 to about 1,200 microseconds within one evening, nearly all of it the kernel's (an ext4 file system
    mounted with online discard): at 50,000 pages, from 3 s to 60 s of a build's CPU. Printed before and after the
    runs, so that a run's figures can be read with it."""
    probe = Path(tempfile.mkdtemp(prefix=".file-system-probe-", dir=where))
    try:
        before = time.process_time()
        for index in range(pages):
            folder = probe / str(index // 50) / str(index)
            folder.mkdir(parents=True)
            (folder / "index.html").write_bytes(b"x" * 1024)
        cost = (time.process_time() - before) / pages
    finally:
        shutil.rmtree(probe, ignore_errors=True)
    return f"{cost * 1e6:.0f} microseconds of CPU a page (a new folder and a file in it; {pages:,} made)"


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 minutes; {os.cpu_count()} CPUs)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--organisations", type=int, default=2000)
    parser.add_argument("--versions", type=int, default=5)
    parser.add_argument("--search", action="store_true", help="also measure a first search query in Chromium")
    parser.add_argument("--growth", action="store_true", help="also build 2N organisations and print the ratios")
    parser.add_argument("--no-baseline", action="store_true", help="skip the Material-alone baseline")
    parser.add_argument("--everyday", action="store_true", help="measure the real data instead (build, serve)")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument(
        "--cores",
        default="",
        help="build on these numbers of cores, one run each (e.g. 1,2,4: the first N CPUs this process may use); "
        "default: every core, one run",
    )
    parser.add_argument(
        "--length", choices=LENGTHS, default="archive", help="notices as long as the real ones (archive), or all long"
    )
    parser.add_argument(
        "--after-validate",
        action="store_true",
        help="also time `seloste validate` and the build after it, which reads its cache (the deploy workflow's order)",
    )
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.platform()}")
    if args.everyday:
        everyday()
        return 0
    available = len(os.sched_getaffinity(0))
    asked = [int(c) for c in args.cores.replace(",", " ").split()] if args.cores else []
    for cores in (c for c in asked if c > available):
        print(f"{cores} cores: not available here ({available} CPUs this process may use), not measured")
    runs: list[int | None] = [c for c in asked if c <= available] or [None]
    out = args.keep or Path(tempfile.mkdtemp(prefix="seloste-benchmark-"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"load average before: {_load()}")
    print(f"file system before: {file_system_probe(out)}")
    try:
        n, v = args.organisations, args.versions
        length = "as long as the archive's" if args.length == "archive" else "all as long as the archive's longest"
        print(f"synthetic archive: {n} organisations x {v} versions, Finnish and English; notices {length}")
        archive = None
        for cores in runs:
            on = f" on {cores} {'core' if cores == 1 else 'cores'}" if cores else ""
            mine = ours(out / "n", n, v, args.length, cores)
            print_result(f"this site{on}", mine)
            print_budget(mine, n, v, args.length)
            if args.search:
                print(f"first search query     {search_bytes(site_of(out / 'n/ours', cores))}")
            if not args.no_baseline:
                data = out / "n/ours/data"
                archive = archive or load_archive(data, root=out)
                base = baseline(out / "n", archive, cores)
                print_result(f"baseline{on}: Material alone, current notices as plain pages", base)
                print(f"\nratio to the baseline{on}  time {mine.wall / base.wall:.2f}x, size {mine.size_mb / base.size_mb:.2f}x")
            if args.after_validate:
                cache, wall, cpu = validated(out / "n/ours", cores)
                after = ours(out / "n", n, v, args.length, cores, cache)
                print(f"\n`seloste validate`{on}, into a new cache: {wall:.1f} s (CPU {cpu:.1f} s)")
                print_result(f"this site{on}, built after that validate (the deploy workflow's order)", after)
                if not args.no_baseline:
                    print(f"\nratio to the baseline{on}, the build after validate  time {after.wall / base.wall:.2f}x")
        if not args.no_baseline and archive is not None:
            print_floor(Floor(parse_floor(out / "n/ours/data"), *render_floor(archive)), base)
        if args.growth:
            double = ours(out / "2n", 2 * n, v, args.length)
            print_result(f"this site at {2 * n} organisations", double)
            print(f"\ngrowth at 2x organisations: time {double.wall / mine.wall:.2f}x, size {double.size_mb / mine.size_mb:.2f}x")
    finally:
        print(f"load average after: {_load()}")
        print(f"file system after: {file_system_probe(out)}")
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
