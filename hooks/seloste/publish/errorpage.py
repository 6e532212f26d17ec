"""The page a preview (`make serve`) shows while the data has errors: every problem, where it is and what was
expected, in place of every page the last good build wrote, so that the browser says what is wrong instead of
waiting with no page, and no page of the archive is shown as if it were current while its data cannot be read.

`mkdocs serve` reloads a page served from the site folder once a build ends; the next build after the fix writes
the site again, and the page the reader was on comes back by itself."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import jinja2

from ..archive.errors import DataError
from ..archive.localized import LANGUAGES
from ..labels import counted, labels, plural
from .urls import lang_prefix

TEMPLATE = "seloste/data-errors.html"


def error_page(errors: Sequence[DataError], lang: str, templates: Sequence[Path]) -> str:
    """The page listing ``errors`` (each file's problems in file and line order) in ``lang``; ``templates``: the
    theme's template folders, ours first."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in templates]),
        autoescape=True,  # the messages quote the data, which comes from pull requests
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    t = labels(lang)
    return env.get_template(TEMPLATE).render(
        lang=lang,
        t=t,
        count=plural(t["data_errors_count"], len(errors)).format(count=len(errors)),
        errors=[(str(error.location), error.message) for error in sorted(errors)],
    )


def show_errors(site_dir: Path, errors: Sequence[DataError], templates: Sequence[Path]) -> int:
    """Put the page of ``errors`` at every page of ``site_dir``, in each language (a page of one language's build,
    at its counterpart in the others'), and at the home and 404 pages, and remove every other file there: nothing of
    the last good build stays to be read as current. Returns the number of pages written."""
    if not errors:
        raise ValueError("show_errors needs at least one error")
    found = {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html")} if site_dir.is_dir() else set()
    bases = {_base(page) for page in found} | {"index.html", "404.html"}  # a language's build may not have run yet
    pages = {lang: {lang_prefix(lang) + base for base in bases} for lang in LANGUAGES}
    rendered = {lang: error_page(errors, lang, templates) for lang in LANGUAGES}
    if site_dir.is_dir():
        for entry in site_dir.iterdir():
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    for lang, paths in pages.items():
        for page in sorted(paths):
            target = site_dir / page
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(rendered[lang], encoding="utf-8")
    return sum(len(paths) for paths in pages.values())


def _base(page: str) -> str:
    """A page's path in the site without its language's folder (``en/``)."""
    for lang in LANGUAGES:
        if (prefix := lang_prefix(lang)) and page.startswith(prefix):
            return page.removeprefix(prefix)
    return page


def not_built(errors: Sequence[DataError], *, tracking_log: bool) -> str:
    """What the terminal says last when a build stops at errors in the data (or in the tracking log it was given)."""
    where = "data/" + (" or the tracking log" if tracking_log else "")
    return f"{counted(len(errors), 'error', 'errors')} in {where}; nothing was built"


def summary(errors: Sequence[DataError]) -> str:
    """What the terminal says once the browser shows the errors."""
    return f"{counted(len(errors), 'error', 'errors')} in the data: the preview shows them on every page until they are fixed"
