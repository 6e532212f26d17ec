"""Each distinct text of the archive rendered once, shared out over the build's processes, before anything asks.

A build on several cores renders its texts in several processes: the current notices' in the main process, for
MkDocs' pages; every version's again in the workers forked for the lite pages and the search index, which start
before MkDocs renders (``publish/overlap.py``) and so inherit none of it. Rendering each distinct text (section
bodies, headings and titles, every version, every language) here first, in ``jobs`` processes, and handing the HTML
back to the main process (:func:`seloste.markup.render.remember`) makes each text rendered once, on every core, and
the processes forked after it inherit it. With one process nothing is done here: each text is rendered once when a
page first needs it. The HTML is what :func:`seloste.markup.rendercache.markdown_html` gives (through the render
cache, when the build has one), so the site is the same byte for byte either way (``tests/test_parallel_build.py``).
"""

from __future__ import annotations

from itertools import chain

from ..archive.model import Archive
from ..markup.render import inline_source, remember
from ..markup.rendercache import markdown_html
from .timing import stage
from .workers import in_chunks

STAGE = "rendering each distinct text"


def distinct_texts(archive: Archive) -> list[str]:
    """The Markdown of every text the pages render, each once, in the archive's order: each version's title and
    section headings (as :func:`seloste.markup.render.inline_html` renders them) and section bodies."""
    seen: dict[str, None] = {}
    for record in archive.organisations:
        for entry in record.versions:
            version = entry.version
            for lang in version.title.languages:
                seen.setdefault(inline_source(version.title[lang]))
            for section in version.sections:
                if section.heading is not None:
                    for lang in section.heading.languages:
                        seen.setdefault(inline_source(section.heading[lang]))
                for lang in section.body.languages:
                    seen.setdefault(section.body[lang])
    return list(seen)


def prerender(archive: Archive, jobs: int) -> int:
    """Render every distinct text of ``archive`` in ``jobs`` processes and keep the HTML here; the number of texts
    (none with one process)."""
    if jobs <= 1:
        return 0
    texts = distinct_texts(archive)

    def render(start: int, stop: int) -> list[str]:
        with stage(STAGE):  # in the worker: its CPU time joins the stage's
            return [markdown_html(text) for text in texts[start:stop]]

    remember(zip(texts, chain.from_iterable(in_chunks(STAGE, render, len(texts), jobs)), strict=True))
    return len(texts)
