"""Compare search engines on the archive's query list and print the hit table (docs/search.en.md).

Engines, all on the current notices of the real data, in headless Chromium:

- Material: Material for MkDocs' own search (lunr) with mkdocs-static-i18n, over the same
  notices built as plain Markdown pages (one per organisation and language);
- Pagefind: Pagefind 1.5.2 with its Snowball stemming, indexing the site's current notice
  pages (its own script and index, a page per organisation and language);
- Seloste index: the site as built (its own index of Snowball stems and Voikko base forms,
  hooks/seloste/search/searchindex.py, through the site's search script).

For each query the oracle (tests/search_queries.py) says which organisations use a form of
the word; a cell reads found/expected, with "+N" for organisations found without the word
and "+N other language" for hits on pages of the other language.

    python scripts/search_engines.py            (needs chromium, Voikko, the test requirements)
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]

from playwright.sync_api import Page, sync_playwright  # noqa: E402

import search_forms  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from search_queries import ENGLISH, FINNISH, PRECISION  # noqa: E402
from seloste.archive.loader import load_archive  # noqa: E402
from seloste.markup.blocks import blocks  # noqa: E402
from sitebuild import build  # noqa: E402

ARCHIVE = load_archive(ROOT / "data", root=ROOT)
NAMES = {record.slug: record.organisation.name for record in ARCHIVE.organisations}


def oracle(lang: str, pattern: str) -> set[str]:
    """Organisations whose current notice (title, headings, text) uses a form of the word."""
    found = set()
    for record in ARCHIVE.organisations:
        version = record.current.version
        if version.reading(lang)[0] != lang:
            continue  # published in another language only, not translated: its text is in no index of this one
        texts = [version.title[lang]] + [s.heading[lang] for s in version.sections if s.heading]
        texts += [b.text for s in version.sections for b in blocks(s.body[lang])]
        if re.search(pattern, " ".join(texts).lower()):
            found.add(record.organisation.name)
    return found


def material_site(work: Path) -> Path:
    """The current notices as plain Markdown pages, built with Material's search and static-i18n."""
    docs = work / "docs"
    docs.mkdir(parents=True)
    for lang in ("fi", "en"):
        (docs / f"index.{lang}.md").write_text("# Seloste\n", encoding="utf-8")
        for record in ARCHIVE.organisations:
            version = record.current.version
            if version.reading(lang)[0] != lang:  # as the site's own index has it: found by its name only
                (docs / f"{record.slug}.{lang}.md").write_text(f"# {record.organisation.name}\n", encoding="utf-8")
                continue
            parts = [f"# {record.organisation.name}\n", f"{version.title[lang]}\n"]
            for section in version.sections:
                if section.heading:
                    parts.append(f"## {section.heading[lang]}\n")
                parts.append(section.body[lang] + "\n")
            (docs / f"{record.slug}.{lang}.md").write_text("\n".join(parts), encoding="utf-8")
    (work / "mkdocs.yml").write_text(
        textwrap.dedent(
            """\
            site_name: Material search baseline
            theme: {name: material, language: fi, font: false}
            plugins:
              - search
              - i18n:
                  docs_structure: suffix
                  reconfigure_search: true
                  languages:
                    - {locale: fi, name: Suomi, default: true, build: true}
                    - {locale: en, name: English, build: true}
            """
        ),
        encoding="utf-8",
    )
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": str(Path(sys.executable).parent)}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(work / "site")], cwd=work, check=True, env=env)
    return work / "site"


def material_hits(page: Page, base: str, lang: str, query: str) -> tuple[set[str], int]:
    """(organisations found on pages of the language, hits on pages of the other language)."""
    page.goto(base + ("" if lang == "fi" else "en/"))
    page.locator(".md-search__input").click()
    page.keyboard.type(query, delay=20)  # Material listens to key events
    page.wait_for_function(
        "() => /\\d|^No |^Ei /.test(document.querySelector('.md-search-result__meta').textContent)", timeout=10000
    )
    page.wait_for_timeout(500)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    return _names(hrefs, base, lang)


def _names(hrefs: list[str], base: str, lang: str) -> tuple[set[str], int]:
    """(organisations of the pages of the language, pages of the other language)."""
    names, other = set(), 0
    for href in hrefs:
        path = urljoin(base, href).split(base, 1)[-1].split("#")[0]
        in_english = path.startswith("en/")
        slug = path.removeprefix("en/").strip("/")
        if slug in NAMES:
            if in_english == (lang == "en"):
                names.add(NAMES[slug])
            else:
                other += 1
    return names, other


def pagefind_site(site: Path, work: Path) -> Path:
    """The built site with a Pagefind index of its current notices, and home pages free to run it."""
    from pagefind_bin import get_executable  # test requirements: the comparison only

    copy = work / "pagefind"
    shutil.copytree(site, copy)
    glob = "{*,en/*}/index.html"  # the current notices: <org>/ and en/<org>/
    # what the site's own index reads: the notice's title and sections, not its panels and notes
    skip = (
        ".admonition, .sl-notice__orginfo, .sl-notice__h1-org, .sl-dates, .sl-change, .sl-timeline, .sl-parties, .sl-glance, "
        ".sl-toc, .sl-about-version"
    )
    command = [str(get_executable()), "--site", str(copy), "--glob", glob, "--root-selector", "article.sl-notice"]
    subprocess.run([*command, "--exclude-selectors", skip + ", .sl-notice__footer"], check=True, capture_output=True)
    for home in (copy / "index.html", copy / "en/index.html"):  # the site's policy allows no WebAssembly
        html = home.read_text(encoding="utf-8")
        home.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html), encoding="utf-8")
    return copy


def pagefind_hits(page: Page, base: str, lang: str, query: str) -> tuple[set[str], int]:
    page.goto(base + ("" if lang == "fi" else "en/"))
    urls = page.evaluate(
        """async q => { const pf = await import(new URL("/pagefind/pagefind.js", location.href).href);
             const found = await pf.search(q); return Promise.all(found.results.map(r => r.data().then(d => d.url))); }""",
        query,
    )
    return _names(urls, base, lang)


def seloste_hits(page: Page, base: str, lang: str, query: str) -> tuple[set[str], int]:
    page.goto(base + ("" if lang == "fi" else "en/"))
    hits = page.evaluate("q => selosteSearch.find(q)", query)
    return {hit["title"] for hit in hits}, 0


def cell(found: set[str], other: int, expected: set[str], allowed: set[str]) -> str:
    text = f"{len(found & expected)}/{len(expected)}"
    if found - allowed:
        text += f" +{len(found - allowed)}"
    if other:
        text += f" +{other} other language"
    return text


EXTRA = [
    # a form no notice uses, one with a hyphen, typed without ä and ö, and with a slip of the finger
    ("fi", "säilytti", r"säily(tä|tet|ttä|tti)"),
    ("fi", "IP-osoitteen", r"ip-osoit"),
    ("fi", "henkilotiedot", r"henkilötie[dt]o"),
    ("fi", "tietosuojaselote", r"tietosuojaselost"),
    ("en", "cokies", r"cookie"),
    # a word of the other language: found pages must be of the page's own language only
    ("fi", "retention", r"retention"),
    ("en", "evästeet", r"eväste"),
]


def forms_recall(hits, page: Page, base: str) -> str:
    """Recall over the forms of tests/search_forms.py that no current notice of the archive uses: of the
    (form, organisation) pairs where the organisation's notice uses the word, the share found; the forms that
    found nothing; organisations found that do not use the word."""
    expected_pairs = found_pairs = extra = nothing = queries = 0
    for lang, words in (("fi", search_forms.FINNISH), ("en", search_forms.ENGLISH)):
        for word in words:
            expected, allowed = oracle(lang, word.pattern), oracle(lang, word.loose)
            for form in word.forms:
                if oracle(lang, r"(?<![\w-])" + re.escape(form.lower()) + r"(?![\w-])"):
                    continue  # a notice of the live archive uses it
                found, _ = hits(page, base, lang, form)
                queries += 1
                expected_pairs += len(expected)
                found_pairs += len(found & expected)
                extra += len(found - allowed)
                nothing += not found
    return f"{found_pairs / expected_pairs:.2f} ({queries} forms; {nothing} found nothing; +{extra})"


def main() -> int:
    queries = [("fi", q, p) for q, p in FINNISH.items()] + [("en", q, p) for q, p in ENGLISH.items()] + EXTRA
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        baseline = material_site(work / "material")
        ours = build(ROOT, work / "site").site
        snowball = pagefind_site(ours, work)
        rows = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            with serve(baseline) as m, serve(snowball) as s, serve(ours) as v:
                for lang, query, pattern in queries:
                    expected = oracle(lang, pattern)
                    allowed = oracle(lang, PRECISION.get(query, pattern))
                    cells = [
                        cell(*material_hits(page, m, lang, query), expected, allowed),
                        cell(*pagefind_hits(page, s, lang, query), expected, allowed),
                        cell(*seloste_hits(page, v, lang, query), expected, allowed),
                    ]
                    rows.append(f"| `{query}` ({lang}) | {' | '.join(cells)} |")
                recall = [
                    forms_recall(hits, page, base) for hits, base in ((material_hits, m), (pagefind_hits, s), (seloste_hits, v))
                ]
                rows.append(f"| recall of forms no notice uses | {' | '.join(recall)} |")
            browser.close()
    print("| query | Material (lunr) | Pagefind (Snowball) | Seloste index (Snowball + Voikko) |")
    print("|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
