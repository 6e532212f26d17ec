"""The measurement scripts run (at a small size: the full runs are for the docs)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from seloste.archive.loader import load_archive
from sitebuild import FROZEN, ROOT

pytestmark = [pytest.mark.build, pytest.mark.browser, pytest.mark.slow]


def test_search_benchmark_runs_and_prints_its_figures() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/search_benchmark.py", "--organisations", "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"^built 3 organisations x 1 versions in \d+ s$", result.stdout, re.MULTILINE)
    rows = [line for line in result.stdout.splitlines() if line.startswith("| `")]
    assert len(rows) == 9
    for row in rows:
        assert re.fullmatch(r"\| `[^`]+` \| \d+ \| \d+ kB \| \d+ ms \| \d+ ms \| \d+ ms \| \d+ ms \|", row), row
    assert re.search(r"henkilötiedot` \| 3 \|", result.stdout)  # every synthetic notice uses the word
    assert re.search(r"henkilotiedot` \| 3 \|", result.stdout)  # so does the word typed without ä and ö
    assert re.search(r"^over the budget \(100 kB, 100 ms for a first query\): ", result.stdout, re.MULTILINE)


def _run(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "scripts/benchmark.py", *args], cwd=ROOT, capture_output=True, text=True, check=False, timeout=600
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_build_benchmark_prints_stages_sizes_baseline_and_growth() -> None:
    out = _run("--organisations", "4", "--versions", "2", "--growth", "--search")
    assert "synthetic archive: 4 organisations x 2 versions, Finnish and English" in out
    assert re.search(r"^total wall time +\d+\.\d s +CPU +\d+\.\d s ", out, re.MULTILINE)
    main = out.split("in the build's main process", 1)[1].split("the stages' own work, summed over", 1)[0]
    stages = ["load and validate", "lite pages, feeds and open data", "search index"]
    if len(os.sched_getaffinity(0)) > 1:  # the stages ran beside MkDocs' rendering: the main process waited at the end
        stages.append("waiting for the workers")
    for stage in stages:
        assert re.search(rf"^    {re.escape(stage)} +\d+\.\d s +\d+\.\d% +CPU +\d+\.\d s$", main, re.MULTILINE), stage
    assert re.search(r"^    MkDocs rendering and the rest +-?\d+\.\d s +-?\d+\.\d%$", main, re.MULTILINE)
    # the main process's stages and MkDocs' rest add up to the wall time
    total = float(re.search(r"^total wall time +(\d+\.\d) s", out, re.MULTILINE).group(1))  # type: ignore[union-attr]
    parts = [float(x) for x in re.findall(r"^    (?!our own).*? +(-?\d+\.\d) s +-?\d+\.\d%", main, re.MULTILINE)]
    assert abs(sum(parts) - total) <= 0.1 * len(parts), (parts, total)
    workers = out.split("the stages' own work, summed over the processes that did it", 1)[1]
    for stage in ("old versions", "search index"):
        line = rf"^    {re.escape(stage)} +\d+\.\d s of the workers' time +CPU +\d+\.\d s$"
        assert re.search(line, workers, re.MULTILINE), stage
    assert re.search(r"^load average before: \d+\.\d\d ", out, re.MULTILINE)
    assert re.search(r"^peak memory +\d+ MB$", out, re.MULTILINE)
    if len(os.sched_getaffinity(0)) > 1:  # the build started workers
        assert re.search(r"^  of a worker process +\d+ MB \(resident", out, re.MULTILINE)
    assert re.search(r"^notice page HTML +\d+\.\d kB median, \d+\.\d kB largest$", out, re.MULTILINE)
    budget = r"^size for the budget +\d+\.\d MB at 4 organisations x 2 versions; GitHub Pages' 1 GB limit at about [\d,]+ "
    assert re.search(budget + "organisations$", out, re.MULTILINE)
    assert re.search(r"^first search query +\d+-\d+ kB, \d+-\d+ ms$", out, re.MULTILINE)
    assert "## baseline: Material alone, current notices as plain pages" in out
    assert re.search(r"^ratio to the baseline  time \d+\.\d\dx, size \d+\.\d\dx$", out, re.MULTILINE)
    assert re.search(r"^growth at 2x organisations: time \d+\.\d\dx, size \d+\.\d\dx$", out, re.MULTILINE)
    floor = out.split("## floor: what any build of this archive does on this stack", 1)[1]
    for line in ("reading and composing the data files", "rendering each distinct section text once", "10% of it"):
        assert re.search(rf"^ *{re.escape(line)}.* \d+\.\d s$", floor, re.MULTILINE), line


def test_build_benchmark_builds_on_the_cores_it_is_asked_for() -> None:
    cores = f"1,{len(os.sched_getaffinity(0)) + 1}"
    out = _run("--organisations", "3", "--versions", "2", "--cores", cores, "--after-validate")
    assert "## this site on 1 core" in out and "## baseline on 1 core: Material alone" in out
    assert re.search(r"^ratio to the baseline on 1 core  time \d+\.\d\dx", out, re.MULTILINE)
    # the deploy workflow's order: validate, then the build, which reads what validate passed (the script fails if not)
    assert re.search(r"^`seloste validate` on 1 core, into a new cache: \d+\.\d s \(CPU \d+\.\d s\)$", out, re.MULTILINE)
    assert "## this site on 1 core, built after that validate (the deploy workflow's order)" in out
    assert re.search(r"^ratio to the baseline on 1 core, the build after validate  time \d+\.\d\dx$", out, re.MULTILINE)
    assert f"{len(os.sched_getaffinity(0)) + 1} cores: not available here" in out


def test_the_floor_renders_old_texts_apart_from_the_current_ones() -> None:
    sys.path[:0] = [str(ROOT / "scripts")]
    try:
        from benchmark import section_texts
    finally:
        del sys.path[0]
    archive = load_archive(FROZEN)
    every, not_current = section_texts(archive)
    current = {s.body[lang] for r in archive.organisations for s in r.current.version.sections for lang in ("fi", "en")}
    assert current <= every and not current & not_current
    changed = {s.body.fi for r in archive.organisations for v in r.versions for s in v.version.sections} - current
    assert changed and changed <= not_current  # the frozen archive's real histories change texts


def test_everyday_benchmark_builds_a_clean_checkout_and_times_an_edit_under_serve() -> None:
    out = _run("--everyday")
    assert re.search(r"^full build of the real data from a clean checkout: \d+\.\d s$", out, re.MULTILINE)
    assert re.search(r"^mkdocs serve: an edited notice is shown \d+\.\d s after saving$", out, re.MULTILINE)


def test_wait_benchmark_times_validate_check_and_a_partial_preview() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/wait_benchmark.py", "--organisations", "4", "--versions", "2", "--repeat", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "synthetic archive: 4 organisations x 2 versions, Finnish and English" in out
    assert re.search(r"^floor: composing every data file with libyaml, no checks +\d+\.\d s \(one process\)$", out, re.MULTILINE)
    for label in (
        "validate, no cache, 1 process (--no-cache --jobs 1)",
        "validate, cache filled, nothing changed",
        "validate after an edit of one organisation (cache)",
        "check --base, one organisation touched, no cache",
        "check --base --full, one organisation touched, no cache",
        "check --base --full, one organisation touched, cache",
    ):
        assert re.search(rf"^{re.escape(label)} +wall \d+\.\d s; CPU \d+\.\d s$", out, re.MULTILINE), label
    assert re.search(r"^preview of 2 organisations: first page served +\d+\.\d s after starting$", out, re.MULTILINE)
    assert re.search(r"^preview: an edit is shown +\d+\.\d s after saving$", out, re.MULTILINE)


def test_render_benchmark_prints_each_renderer_s_time_and_differences() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/render_benchmark.py", "--organisations", "3", "--versions", "2", "--repeat", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"^## synthetic, 3 x 2: [\d,]+ distinct section texts", result.stdout, re.MULTILINE)
    for renderer in ("Python-Markdown (the reference)", "cmark-gfm (the pages)"):
        rows = re.findall(rf"^\| {re.escape(renderer)} \| \d+\.\d\d \| \d+\.\d\d \| [\d,]+ \| ([\d,]+) \|$", result.stdout, re.M)
        assert len(rows) == 2, renderer  # data/ and the synthetic archive
        assert rows == ["0", "0"]  # the reference against itself; cmark-gfm on texts validate accepts
    assert re.search(r"render alike, on top of rendering the pages' HTML: \d+\.\d\d CPU s, 0 texts refused$", result.stdout, re.M)
