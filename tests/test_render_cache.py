"""The content-addressed cache of rendered Markdown (markup/rendercache.py): what it gives is what the renderer
gives, cold, warm or tampered with; a changed renderer never reads another's entries; a build is the same with it
or without it."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from seloste.markup import render, rendercache
from seloste.markup.rendercache import ENV, RenderCache, renderer_identity
from sitebuild import FROZEN, build, fixture_project

TEXTS = [
    "Käsittelemme henkilötietoja **sopimuksen** perusteella.\n\n- nimi\n- sähköposti",
    "Ota yhteyttä: [tietosuoja@esimerkki.fi](mailto:tietosuoja@esimerkki.fi)",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "<script>alert(1)</script> [x](javascript:alert(1))",
]


@pytest.fixture
def cache(tmp_path: Path) -> RenderCache:
    return RenderCache(tmp_path / "cache")


@pytest.fixture
def active(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``SELOSTE_RENDER_CACHE`` set for this test, the process's memory of renders cleared before and after."""
    folder = tmp_path / "active"
    monkeypatch.setenv(ENV, str(folder))
    rendercache.markdown_html.cache_clear()
    yield folder
    rendercache.markdown_html.cache_clear()


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*/*.json"))


def test_a_cold_cache_renders_and_keeps_each_text_as_one_json_entry(active: Path) -> None:
    for text in TEXTS:
        assert rendercache.markdown_html(text) == render.markdown_html(text)
    found = entries(active)
    assert len(found) == len(TEXTS)
    for path in found:
        entry = json.loads(path.read_bytes())
        assert path.stem == entry["key"] and path.parent.name == entry["key"][:2]
        assert entry["renderer"] == renderer_identity() and entry["html"] in {render.markdown_html(t) for t in TEXTS}
    assert "<script>" not in "".join(p.read_text(encoding="utf-8") for p in found)  # what it keeps is sanitised


def test_a_warm_cache_is_read_not_rendered_again(active: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = [rendercache.markdown_html(text) for text in TEXTS]
    rendercache.markdown_html.cache_clear()  # a new build: only the folder remembers

    def no_rendering(text: str) -> str:
        raise AssertionError(f"rendered again: {text!r}")

    monkeypatch.setattr(render, "markdown_html", no_rendering)
    assert [rendercache.markdown_html(text) for text in TEXTS] == expected


def test_without_the_variable_there_is_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    rendercache.markdown_html.cache_clear()
    monkeypatch.chdir(tmp_path)
    assert rendercache.active_cache() is None
    assert rendercache.markdown_html(TEXTS[0]) == render.markdown_html(TEXTS[0])
    assert list(tmp_path.iterdir()) == []
    rendercache.markdown_html.cache_clear()


def _tampered(path: Path, how: str, other: Path) -> None:
    entry = json.loads(path.read_bytes())
    if how == "cut short":
        path.write_bytes(path.read_bytes()[:40])
    elif how == "not JSON":
        path.write_bytes(b"\x80\x00 garbage")
    elif how == "HTML changed":
        path.write_text(json.dumps({**entry, "html": entry["html"] + "<p>Lisätty</p>"}), encoding="utf-8")
    elif how == "another key's entry":
        path.write_bytes(other.read_bytes())
    elif how == "another renderer's":
        path.write_text(json.dumps({**entry, "renderer": "0" * 64}), encoding="utf-8")
    elif how == "a field more":
        path.write_text(json.dumps({**entry, "code": "import os"}), encoding="utf-8")
    elif how == "not an object":
        path.write_text(json.dumps([entry]), encoding="utf-8")
    elif how == "a folder":
        path.unlink()
        path.mkdir()
    else:
        raise AssertionError(how)


HOW = [
    "cut short", "not JSON", "HTML changed", "another key's entry", "another renderer's", "a field more", "not an object",
    "a folder",
]  # fmt: skip


@pytest.mark.parametrize("how", HOW)
def test_an_entry_that_is_not_exactly_right_is_rendered_again(cache: RenderCache, how: str) -> None:
    text, other = TEXTS[0], TEXTS[1]
    cache.put(text, render.markdown_html(text))
    cache.put(other, render.markdown_html(other))
    path = cache.folder / cache.key(text)[:2] / f"{cache.key(text)}.json"
    _tampered(path, how, cache.folder / cache.key(other)[:2] / f"{cache.key(other)}.json")
    assert cache.get(text) is None


@pytest.mark.parametrize("how", HOW)
def test_a_tampered_entry_never_publishes_other_html_and_is_written_anew(active: Path, how: str) -> None:
    text, other = TEXTS[0], TEXTS[1]
    rendercache.markdown_html(text), rendercache.markdown_html(other)
    cache = rendercache.active_cache()
    assert cache is not None
    path = active / cache.key(text)[:2] / f"{cache.key(text)}.json"
    _tampered(path, how, active / cache.key(other)[:2] / f"{cache.key(other)}.json")
    rendercache.markdown_html.cache_clear()
    assert rendercache.markdown_html(text) == render.markdown_html(text)
    if how != "a folder":  # a folder in its place cannot be replaced by a file; the text is rendered each time
        assert cache.get(text) == render.markdown_html(text)


def test_a_changed_renderer_reads_none_of_the_entries_of_another(cache: RenderCache, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.put(TEXTS[0], render.markdown_html(TEXTS[0]))
    before = renderer_identity()
    renderer_identity.cache_clear()
    real = rendercache.importlib.metadata.version
    monkeypatch.setattr(rendercache.importlib.metadata, "version", lambda d: "0.0-other" if d == "nh3" else real(d))
    try:
        after = renderer_identity()
        assert after != before
        assert RenderCache(cache.folder).get(TEXTS[0]) is None
    finally:
        monkeypatch.undo()
        renderer_identity.cache_clear()
    assert renderer_identity() == before and RenderCache(cache.folder).get(TEXTS[0]) == render.markdown_html(TEXTS[0])


def test_the_renderers_identity_names_its_source_and_what_it_imports() -> None:
    own, others = rendercache._imports(render)
    assert "seloste.limits" in own
    assert {"markdown", "nh3"} <= others  # their versions are in the identity, with Python's and the sources'


def test_an_unwritable_folder_leaves_the_text_rendered_as_without_a_cache(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    cache = RenderCache(blocked)
    cache.put(TEXTS[0], render.markdown_html(TEXTS[0]))  # said once in the build's log, no error
    assert cache.get(TEXTS[0]) is None


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.build
def test_a_build_is_the_same_without_the_cache_and_with_it_cold_warm_or_tampered(tmp_path: Path) -> None:
    root = fixture_project(tmp_path / "project")
    shutil.copytree(FROZEN, root / "data")
    folder = tmp_path / "render-cache"

    def built(name: str, cache: bool) -> dict[str, bytes]:
        env = {k: v for k, v in os.environ.items() if k != ENV}
        result = build(root, tmp_path / name, env={**env, ENV: str(folder)} if cache else env)
        assert result.returncode == 0, result.stderr
        return _files(result.site)

    without = built("without", cache=False)
    assert not folder.exists()
    cold = built("cold", cache=True)
    written = entries(folder)
    assert written  # the bodies of every version, in both languages
    warm = built("warm", cache=True)
    assert entries(folder) == written
    for number, path in enumerate(written):
        _tampered(path, HOW[number % len(HOW)], written[(number + 1) % len(written)])
    tampered = built("tampered", cache=True)
    assert sorted(without) == sorted(cold) == sorted(warm) == sorted(tampered)
    assert [p for p in without if not without[p] == cold[p] == warm[p] == tampered[p]] == []
