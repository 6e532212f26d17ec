"""The Markdown renderers alone, on every distinct section text of an archive: CPU time and how many outputs differ.

For the real data (data/) and a synthetic archive (scripts/synthetic.py), every distinct section body (all versions,
every language) is rendered once by each renderer and sanitised as the pages are (nh3). It prints, per renderer, the
CPU time (time.process_time) and texts per second, and how many outputs differ from Python-Markdown's (the reference
the archive's pages were checked with) once the white space a browser does not show is set aside
(seloste/markup/agreement.py). pyromark (pulldown-cmark) is measured where it is installed; it has no option to make a
line break a line break, as the notices need, so its count of differing outputs is high.

    python scripts/render_benchmark.py [--organisations 2000] [--versions 5] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "scripts")]

import yaml  # noqa: E402
from synthetic import generate  # noqa: E402

from seloste.markup.agreement import _unseen_space_removed, body_disagreement  # noqa: E402
from seloste.markup.cmark import cmark_html  # noqa: E402
from seloste.markup.plainprose import plain_html  # noqa: E402
from seloste.markup.render import _python_markdown, markdown_html, sanitize  # noqa: E402


def distinct_bodies(data: Path) -> list[str]:
    """Every distinct section body of every version file, in every language (read with libyaml: no checks)."""
    found: set[str] = set()
    for path in sorted(data.glob("*/*.yaml")):
        if path.name == "organisation.yaml":
            continue
        version = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        for section in version.get("sections") or ():
            found.update(text for text in (section.get("body") or {}).values() if isinstance(text, str))
    return sorted(found)


def _pyromark() -> Callable[[str], str] | None:
    try:
        import pyromark  # type: ignore[import-not-found]
    except ImportError:
        return None
    options = pyromark.Options.ENABLE_TABLES
    return lambda text: str(pyromark.html(text, options=options))


def renderers() -> dict[str, Callable[[str], str]]:
    found: dict[str, Callable[[str], str]] = {
        "Python-Markdown (the reference)": _python_markdown,
        "Python-Markdown, plain prose without the parser": lambda text: plain_html(text) or _python_markdown(text),
        "cmark-gfm (the pages)": lambda text: cmark_html(text).rstrip("\n"),
        "cmark-gfm, plain prose without the parser": lambda text: plain_html(text) or cmark_html(text).rstrip("\n"),
    }
    if (pyromark := _pyromark()) is not None:
        found["pyromark (pulldown-cmark)"] = pyromark
    return found


def measure(name: str, texts: list[str], repeat: int) -> None:
    print(f"\n## {name}: {len(texts):,} distinct section texts, {sum(map(len, texts)) / 1e6:.1f} M characters\n")
    print("| renderer | CPU s (render) | CPU s (+ nh3) | texts/s (+ nh3) | differ from Python-Markdown |")
    print("|---|---:|---:|---:|---:|")
    reference = [_unseen_space_removed(sanitize(_python_markdown(text))) for text in texts]
    for label, render in renderers().items():
        best_render = best_total = float("inf")
        for _ in range(repeat):
            started = time.process_time()
            raw = [render(text) for text in texts]
            rendered = time.process_time()
            cleaned = [sanitize(html) for html in raw]
            best_render = min(best_render, rendered - started)
            best_total = min(best_total, time.process_time() - started)
        differ = sum(_unseen_space_removed(html) != ref for html, ref in zip(cleaned, reference, strict=True))
        print(f"| {label} | {best_render:.2f} | {best_total:.2f} | {len(texts) / best_total:,.0f} | {differ:,} |")
    for text in texts:
        markdown_html(text)  # validate renders every body for its other checks (fidelity, evidence): cached by then
    started = time.process_time()
    refused = sum(body_disagreement(text) is not None for text in texts)
    checked = time.process_time() - started
    print(
        f"\n`seloste validate`'s check that both render alike, on top of rendering the pages' HTML: {checked:.2f} CPU s, "
        f"{refused:,} texts refused"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--organisations", type=int, default=2000)
    parser.add_argument("--versions", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3, help="runs per renderer; the fastest is printed")
    args = parser.parse_args()
    measure("data/", distinct_bodies(ROOT / "data"), args.repeat)
    with tempfile.TemporaryDirectory(prefix="render-benchmark-") as folder:
        data = generate(Path(folder), args.organisations, args.versions)
        measure(f"synthetic, {args.organisations:,} x {args.versions}", distinct_bodies(data), args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
