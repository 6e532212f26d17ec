"""Fuzzing: mutated data files end in a valid archive or in clean ``file:line:col`` errors, never a traceback.

Each case takes a valid data file, applies a few mutations (delete, duplicate or retype a
key, truncate, inject characters) and loads the data folder. A valid result is then taken
through everything the core builds from it: page views, lite pages, feeds and open data.

The suite runs a short campaign; a long one is one environment variable away:

    SELOSTE_FUZZ_EXAMPLES=20000 .venv/bin/pytest tests/test_fuzz.py -q
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from datadir import FIXTURES, SLUG, copy_valid
from seloste.archive.errors import DataErrors
from seloste.archive.loader import load_archive
from seloste.archive.localized import LANGUAGES
from seloste.publish.feeds import render_feeds
from seloste.publish.frame import Style
from seloste.publish.lite import LiteRenderer, render_lite_pages
from seloste.publish.opendata import open_data_files
from seloste.publish.site import Site
from sitebuild import ROOT

EXAMPLES = int(os.environ.get("SELOSTE_FUZZ_EXAMPLES", "150"))
FILES = ["2024-01-10.yaml", "2024-06-01.yaml", "organisation.yaml"]
ERROR = re.compile(rf"^data/{SLUG}/[^:]+:[0-9]+:[0-9]+: \S.*$|^data/{SLUG}:[0-9]+:[0-9]+: \S.*$", re.S)
INJECTED = [
    ":",
    "- ",
    "&a ",
    "*a",
    "!!python/object:os.system ",
    "\t",
    "\x00",
    "\u202e",
    '"',
    "'",
    "{",
    "[",
    "%",
    "@",
    "`",
    "|",
    ">",
    "\n",
    "\r\n",
    "#",
    "? ",
    "<<: ",
    "\ufeff",
    "é",
    "\U0001f600",
    "  ",
    "---\n",
    "...\n",
    "\\",
    "\u200b",
    "\x85",
    "[" * 50_000,  # YAML nested far past any parser's stack
    "{a: " * 2_000,
    "[x" * 3_000,  # Markdown's quadratic case, as a body's text
    "![" * 1_000,
    "- " * 500 + "x",  # lists nested past Python's recursion limit
    "> " * 300,
    "*a* " * 2_000,  # inline markup past what renders quickly
    "&amp;" * 3_000,
    "".join(f"\nx{i}: y" for i in range(3_000)),  # unknown keys by the thousand
    "\n    - captures/2024-01-10.txt" * 300,  # one capture named again and again
]
RETYPED = [None, 0, 1.5, True, [], {}, ["x"], {"fi": "x"}, "", "2024-13-45", "x" * 5000, "<script>alert(1)</script>"]

RENDERER = LiteRenderer(
    ROOT / "overrides",
    Style(
        stylesheets=("assets/seloste.css",),
        scripts=("assets/seloste-common.js", "assets/seloste-diff.js", "assets/seloste-compare.js"),
    ),
)


def _keys(node: object, path: tuple = ()) -> list[tuple]:
    """Paths of every mapping key in a parsed YAML document."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            found.append((*path, key))
            found += _keys(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _keys(value, (*path, index))
    return found


def _parent(document: dict, path: tuple) -> dict | list:
    node: object = document
    for part in path[:-1]:
        node = node[part]  # type: ignore[index]
    return node  # type: ignore[return-value]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from(FILES))
    text = (FIXTURES / "valid" / name).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["delete", "duplicate", "retype", "truncate", "inject", "line"]))
        if kind in ("delete", "retype"):
            try:
                document = yaml.load(text, Loader=yaml.BaseLoader)  # every scalar as text: no PyYAML guessing
            except yaml.YAMLError:
                continue  # an earlier mutation broke the YAML: text-level mutations only from here
            if not isinstance(document, dict):
                continue
            keys = _keys(document)
            if not keys:
                continue
            path = draw(st.sampled_from(keys))
            parent = _parent(document, path)
            if kind == "delete":
                del parent[path[-1]]  # type: ignore[arg-type]
            else:
                parent[path[-1]] = draw(st.sampled_from(RETYPED))  # type: ignore[index]
            text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
        elif kind == "duplicate" or kind == "line":
            lines = text.splitlines(keepends=True)
            if not lines:
                continue
            index = draw(st.integers(0, len(lines) - 1))
            if kind == "duplicate":
                lines.insert(index, lines[index])
            else:
                del lines[index]
            text = "".join(lines)
        elif kind == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
        else:
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(INJECTED)) + text[at:]
    return name, text


def _build_everything(data: Path, root: Path) -> None:
    archive = load_archive(data, root=root)
    site = Site.build(archive)
    for plan in site.plans.values():
        site.view(plan)
        site.title(plan)
    for lang in LANGUAGES:
        for path, output in render_lite_pages(archive, lang, RENDERER):
            if path.endswith("compare-labels.json"):
                assert isinstance(output, bytes) and output.startswith(b'{"diff":')
            elif path.endswith(".js"):  # the script that draws the lite pages' header
                assert isinstance(output, str) and "PARTS" in output
            else:
                assert isinstance(output, str) and output.startswith("<!doctype html>")
        list(render_feeds(archive, lang, "https://example.test/", RENDERER))
    list(open_data_files(archive))


@settings(
    max_examples=EXAMPLES,
    deadline=10_000,  # ms per case
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=EXAMPLES <= 150,  # the suite's short campaign is the same on every run
)
@given(mutated())
def test_a_mutated_file_loads_or_is_refused_with_located_errors(case: tuple[str, str]) -> None:
    name, text = case
    root = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        data = copy_valid(root)
        (data / SLUG / name).write_text(text, encoding="utf-8", newline="")
        try:
            _build_everything(root / "data", root)
            event("valid: built")
        except DataErrors as err:
            event("refused with located errors")
            assert err.errors, "refused without saying why"
            for error in err.errors:
                assert ERROR.match(str(error)), str(error)
    finally:
        shutil.rmtree(root)
