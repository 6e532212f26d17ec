"""Measure search at archive scale: what a first query downloads, and how long queries take.

Builds a synthetic archive (scripts/synthetic.py) with this repository's configuration, serves
it locally and, in headless Chromium, opens the Finnish home page and runs queries through the
site's own search script, like a reader's search box does. Prints, per query, on a fresh
visit: bytes of the search index fetched (lexicon shards, key buckets, positions for phrases,
the texts of the results shown; as stored and served, gzip-compressed), the time to open the
index (the search dialog does this when it opens, before the reader has typed), the time
from the query to the results shown (every matching organisation, the details of the first
ten), once cold and once after the search box prepared the query while the reader typed,
and the same query again. Times are measured inside the page (performance.now()).

    python scripts/search_benchmark.py [--organisations 2000] [--versions 1] [--site DIR] [--keep DIR] [--runs N]

--site measures an already built site instead of building one; --runs N reports the median time of N runs (a
shared machine's pauses show in one run, not in the median).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests"), str(ROOT / "scripts")]

from playwright.sync_api import sync_playwright  # noqa: E402
from synthetic import generate  # noqa: E402

from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from sitebuild import build, fixture_project  # noqa: E402

QUERIES = [
    "henkilötiedot",
    "evästeistä",
    "säilytysaika",
    "seloste",
    "oikeus poistaminen",
    '"henkilötietojen käsittely"',
    "säilytti",  # a form no notice uses: searched by its stem
    "henkilotiedot",  # typed without ä and ö
    "tietosuojaselote",  # one slip of the finger
]
BUDGET_BYTES = 100_000
BUDGET_MS = 100
BUDGET_INDEX = 40_000_000
"""At 2,000 organisations: what a first query may download and how long it may take, and the index's size."""


TIMED = """async ([what, query]) => {
  const started = performance.now();
  if (what === "ready") await selosteSearch.ready();
  else if (what === "prepare") await selosteSearch.prepare(query);
  else await selosteSearch.find(query, selosteSearch.shown);
  return performance.now() - started;
}"""


FETCHED = """() => performance.getEntriesByType("resource")
  .filter((entry) => entry.name.includes("/search-index/"))
  .reduce((sum, entry) => sum + entry.encodedBodySize, 0)"""


def measure(site: Path) -> list[tuple[str, int, int, float, float, float, float]]:
    rows = []
    with sync_playwright() as playwright, serve(site) as base:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for query in QUERIES:
            page = browser.new_page()  # its own context: an empty cache, a reader's first visit
            page.goto(base)
            page.wait_for_load_state("networkidle")  # a reader opens the search once the page is there
            load = page.evaluate(TIMED, ["ready", ""])  # the dialog does this when it opens
            # as the search dialog does: every matching organisation, the details of the first ones shown
            elapsed = page.evaluate(TIMED, ["shown", query])
            size = page.evaluate(FETCHED)
            # a reader types for a while: the search box prepares the query meanwhile (see prepare())
            fresh = browser.new_page()
            fresh.goto(base)
            fresh.wait_for_load_state("networkidle")
            fresh.evaluate(TIMED, ["ready", ""])
            fresh.evaluate(TIMED, ["prepare", query])
            typed = fresh.evaluate(TIMED, ["shown", query])
            fresh.close()
            warm = page.evaluate(TIMED, ["shown", query])
            count = page.evaluate("q => selosteSearch.search(q).then(hits => hits.length)", query)
            rows.append((query, count, size, load, elapsed, typed, warm))
            page.close()
        browser.close()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--organisations", type=int, default=2000)
    parser.add_argument("--versions", type=int, default=1, help="versions per organisation (only current ones are indexed)")
    parser.add_argument("--site", type=Path, help="an already built site to measure")
    parser.add_argument("--keep", type=Path, help="build the synthetic project into this folder and keep it")
    parser.add_argument("--runs", type=int, default=1, help="measure this many times; times are the median of the runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            project = fixture_project(args.keep or Path(tmp) / "project")
            generate(project, args.organisations, args.versions)
            started = time.perf_counter()
            result = build(project, project / "site")
            if result.returncode:
                print(result.stderr, file=sys.stderr)
                return 1
            print(f"built {args.organisations} organisations x {args.versions} versions in {time.perf_counter() - started:.0f} s")
            site = project / "site"
        index = [p for p in (site / "search-index").rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in index)
        print(f"search index on disk: {size / 1e6:.1f} MB in {len(index)} files (budget {BUDGET_INDEX / 1e6:.0f} MB)")
        print(
            "| query | results | first query downloads (index files) | index opened (on opening) "
            "| first query, cold | first query, prepared while typing | again |"
        )
        print("|---|---|---|---|---|---|---|")
        over = []
        runs = [measure(site) for _ in range(args.runs)]
        rows = [(*row[:3], *(statistics.median(run[n][k] for run in runs) for k in range(3, 7))) for n, row in enumerate(runs[0])]
        for query, count, fetched, load, elapsed, typed, warm in rows:
            print(
                f"| `{query}` | {count} | {fetched / 1000:.0f} kB | {load:.0f} ms | {elapsed:.0f} ms "
                f"| {typed:.0f} ms | {warm:.0f} ms |"
            )
            if fetched > BUDGET_BYTES or elapsed > BUDGET_MS:
                over.append(query)
        print(f"over the budget ({BUDGET_BYTES // 1000} kB, {BUDGET_MS} ms for a first query): {', '.join(over) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
