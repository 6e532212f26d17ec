"""A content-addressed cache of rendered Markdown, kept across builds (and CI runs) in a folder.

``markdown_html(text)`` gives what :func:`seloste.markup.render.markdown_html` gives, reading it from
the folder named by ``SELOSTE_RENDER_CACHE`` when an earlier build rendered the same text with the
same renderer; without the variable there is no cache, and a build is the same with it or without
it, cold or warm (``tests/test_render_cache.py``).

- An entry's key is the SHA-256 of the renderer's identity and the text. The identity is a digest
  of the render module's source, of the package's modules it imports, of the versions of the
  distributions it imports, and of Python's version: a changed renderer never reads an entry of
  another.
- An entry is one JSON file (``<key[:2]>/<key>.json``): never pickle or anything that runs, as the
  folder crosses CI runs. It holds its key, the renderer's identity, the SHA-256 of the text and of
  the HTML, and the HTML. An entry that is not exactly so (cut short, another key's, another
  renderer's, its HTML changed) is not used: the text is rendered again and the entry written anew.
  What the digests cannot tell is an entry written whole by someone who can write the folder: the
  folder is as trusted as the build's code (the deploy workflow restores it from the default
  branch's own cache).
- Entries are written atomically (a temporary file, then renamed), so processes building at once
  never read half an entry.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import json
import logging
import os
import sys
from pathlib import Path
from types import ModuleType

from . import render

ENV = "SELOSTE_RENDER_CACHE"
FORMAT = 1
_FIELDS = frozenset({"format", "key", "renderer", "text_sha256", "html_sha256", "html"})

log = logging.getLogger("mkdocs.plugins.seloste.rendercache")


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _imports(module: ModuleType) -> tuple[set[str], set[str]]:
    """The package's own modules ``module`` imports (their dotted names), and the other top-level names it
    imports."""
    tree = ast.parse(Path(module.__file__ or "").read_bytes())
    package = module.__name__.rsplit(".", 1)[0].split(".")
    own, others = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1]
            own.add(".".join([*base, *([node.module] if node.module else [])]))
        elif isinstance(node, ast.ImportFrom) and node.module:
            others.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            others.update(alias.name.split(".")[0] for alias in node.names)
    return own, others


@functools.cache
def renderer_identity() -> str:
    """A digest of everything that decides what the renderer makes of a text (see the module's docstring)."""
    own, others = _imports(render)
    sources = [render.__name__, __name__, *sorted(own)]
    distributions = importlib.metadata.packages_distributions()
    parts = [f"format {FORMAT}", f"python {sys.version}"]
    for name in sources:
        module = sys.modules.get(name) or __import__(name, fromlist=["_"])
        parts.append(f"{name} {hashlib.sha256(Path(module.__file__ or '').read_bytes()).hexdigest()}")
    for top in sorted(others):
        for dist in sorted(set(distributions.get(top, ()))):
            parts.append(f"{dist} {importlib.metadata.version(dist)}")
    return _sha256("\n".join(parts))


class RenderCache:
    """The entries in ``folder`` (made if missing)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.identity = renderer_identity()
        self._unwritable = False
        self._folders: set[Path] = set()

    def key(self, text: str) -> str:
        return _sha256(self.identity + "\0" + text)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, text: str) -> str | None:
        """The HTML an earlier build rendered ``text`` to, or None (no entry, or one that is not exactly right)."""
        key = self.key(text)
        try:
            entry = json.loads(self._path(key).read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or set(entry) != _FIELDS or not isinstance(entry["html"], str):
            return None
        html = entry["html"]
        expected = (FORMAT, key, self.identity, _sha256(text), _sha256(html))
        found = (entry["format"], entry["key"], entry["renderer"], entry["text_sha256"], entry["html_sha256"])
        return html if found == expected else None

    def put(self, text: str, html: str) -> None:
        """Keep ``html`` as what ``text`` renders to (replacing any entry of its key)."""
        if self._unwritable:
            return
        key = self.key(text)
        entry = {
            "format": FORMAT, "key": key, "renderer": self.identity, "text_sha256": _sha256(text),
            "html_sha256": _sha256(html), "html": html,
        }  # fmt: skip
        path = self._path(key)
        temporary = path.with_name(f".{key}.{os.getpid()}.tmp")  # this process's own: renamed into place whole
        try:
            if path.parent not in self._folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(path.parent)
            temporary.write_bytes(json.dumps(entry, ensure_ascii=False, sort_keys=True).encode("utf-8", "surrogatepass"))
            os.replace(temporary, path)
        except IsADirectoryError:  # a folder where this entry belongs: this text goes uncached, the others not
            temporary.unlink(missing_ok=True)
        except OSError as err:
            self._unwritable = True  # said once; the build goes on rendering every text
            log.info("seloste: the render cache %s cannot be written (%s); texts are rendered without it", self.folder, err)


@functools.cache
def _cache_in(folder: str) -> RenderCache | None:
    return RenderCache(Path(folder)) if folder else None


def active_cache() -> RenderCache | None:
    """The cache ``SELOSTE_RENDER_CACHE`` names, or None."""
    return _cache_in(os.environ.get(ENV, ""))


@functools.lru_cache(maxsize=1 << 18)
def markdown_html(text: str) -> str:
    """:func:`seloste.markup.render.markdown_html`, through the cache when one is set (and, as it, remembered in
    this process: most sections repeat across versions)."""
    cache = active_cache()
    if cache is None or render.given(text) is not None:  # rendered here, or for this process
        return render.markdown_html(text)
    html = cache.get(text)
    if html is None:
        html = render.markdown_html(text)
        cache.put(text, html)
    return html
