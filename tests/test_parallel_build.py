"""The build's own stages in worker processes (publish/workers.py): the site is the same byte for byte with one
process or two, and an error in a worker reads as it does in one process."""

from __future__ import annotations

import gc
import json
import os
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from seloste.archive.loader import load_archive
from seloste.contribute.cli import main
from seloste.publish import site as site_module
from seloste.publish.overlap import WAITING
from seloste.publish.site import built_site, load_site
from sitebuild import FROZEN, ROOT, Build, build, fixture_project

pytestmark = pytest.mark.build

SHARED_OUT = ("lite pages, feeds and open data", "search index")


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def built_with(root: Path, jobs: int, name: str, **extra: str) -> tuple[Build, dict[str, object]]:
    timings = root / f"timings-{name}.json"
    env = {**os.environ, "SELOSTE_JOBS": str(jobs), "SELOSTE_TIMINGS": str(timings), **extra}
    result = build(root, root / f"site-{name}", env=env)
    return result, json.loads(timings.read_text(encoding="utf-8")) if timings.exists() else {}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = fixture_project(tmp_path_factory.mktemp("parallel") / "project")
    shutil.copytree(FROZEN, root / "data")
    return root


def test_one_process_and_two_build_the_same_site_byte_for_byte(project: Path) -> None:
    one, one_timed = built_with(project, 1, "one")
    two, two_timed = built_with(project, 2, "two")
    assert one.returncode == 0, one.stderr
    assert two.returncode == 0, two.stderr
    for stage in SHARED_OUT:  # the stages ran here, and in worker processes beside MkDocs' rendering
        assert one_timed["processes"][stage] == 1 and one_timed["in_main"][stage], stage  # type: ignore[index]
        assert two_timed["processes"][stage] in (1, 2) and not two_timed["in_main"][stage], stage  # type: ignore[index]
    assert two_timed["stages"][WAITING]["wall"] >= 0  # type: ignore[index]  # the main process waited for them at the end
    assert WAITING not in one_timed["stages"]  # type: ignore[operator]  # one process: nothing to wait for
    first, second = files_of(one.site), files_of(two.site)
    assert sorted(first) == sorted(second)
    for record in load_archive(FROZEN).organisations:  # every organisation's files are among those compared
        for lang in ("", "en/"):
            assert all(f"{lang}{record.slug}/{v.id}/index.html" in first for v in record.versions), record.slug
            assert f"{lang}{record.slug}/feed.xml" in first
        assert f"data/v2/{record.slug}.json.gz" in first
    assert any(p.startswith("search-index/fi/docs/") for p in first)
    different = [path for path in first if first[path] != second[path]]
    assert different == []


def test_an_error_in_a_worker_stops_the_build_with_the_message_one_process_gives(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("docs", "hooks"):
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    shutil.copytree(ROOT / "overrides", root / "overrides")
    template = root / "overrides/seloste/lite/version.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("{% block content %}\n", "{% block content %}\n<script>alert(1)</script>\n", 1))
    shutil.copytree(FROZEN, root / "data")
    messages = {}
    for jobs in (1, 2):
        result, _ = built_with(root, jobs, str(jobs))
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        found = re.findall(r"^.*an inline script that the Content-Security-Policy does not allow.*$", result.stderr, re.M)
        assert found, result.stderr
        messages[jobs] = found
    assert messages[1] == messages[2]
    assert messages[1][0].endswith("<script>alert(1)") and "infocrea/2018-05-24/index.html" in messages[1][0]


def test_a_build_after_validate_is_the_same_site_and_checks_nothing_again(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The deploy workflow validates, then builds: the build reads each organisation that validate passed, as it is,
    without its checks (validate's cache), and makes the site a build without that cache makes."""
    cache = tmp_path / "cache"
    clean, _ = built_with(project, 2, "before-validate", SELOSTE_CACHE=str(cache))
    assert clean.returncode == 0, clean.stderr
    count = len(load_archive(FROZEN).organisations)
    assert f"0 of {count} organisations unchanged since `seloste validate` passed them" in clean.stderr
    assert not (cache / "validate").exists()  # a build keeps no outcome of its own
    monkeypatch.chdir(project)
    monkeypatch.setenv("SELOSTE_CACHE", str(cache))
    assert main(["validate", "--data", "data"]) == 0
    after, _ = built_with(project, 2, "after-validate", SELOSTE_CACHE=str(cache))
    assert after.returncode == 0, after.stderr
    said = f"{count} of {count} organisations unchanged since `seloste validate` passed them: not checked again ({count}"
    assert said + " read back whole from its cache)" in after.stderr
    assert files_of(after.site) == files_of(clean.site)


def test_the_loaded_site_is_kept_out_of_the_collectors_full_passes(tmp_path: Path) -> None:
    """The site lives as long as the build: its objects are frozen once loaded (publish/site.py), so the collector's
    full passes over what the build makes after it do not walk the whole model again."""
    data = tmp_path / "data"
    shutil.copytree(FROZEN, data)
    site = load_site(data)
    record = site.archive.organisations[0]
    version = record.versions[0]
    plan = next(iter(site.plans.values()))  # made by Site.build after the load, which froze what it loaded itself
    assert gc.is_tracked(record) and gc.is_tracked(version) and gc.is_tracked(plan)
    tracked = {id(o) for o in gc.get_objects()}  # every generation the collector walks; frozen objects are in none
    assert not {id(record), id(version), id(plan), id(site.plans)} & tracked
    assert gc.get_freeze_count() > 0


def test_the_sitemap_reads_the_site_the_build_loaded_with_its_tracking_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sitemap (sitemap_hooks.py) takes the site the build loaded with the deploy workflow's tracking log, as it
    was loaded: it loaded the whole archive again, in one process and checking every organisation, whenever the build
    had a log (its own call named none, so the loaded site did not match)."""
    data = tmp_path / "data"
    shutil.copytree(FROZEN, data)
    log = tmp_path / "log.yaml"
    log.write_text("format: '1'\nnotices: []\n", encoding="utf-8")
    site = load_site(data, log)

    def loaded_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("the archive was loaded again")

    monkeypatch.setattr(site_module, "load_archive", loaded_again)
    assert built_site(data) is site
    import sitemap_hooks  # the hook itself, as MkDocs calls it for each language's sitemap

    monkeypatch.delenv("SELOSTE_ONLY", raising=False)
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    assert sitemap_hooks.on_template_context({}, "sitemap.xml", config)["seloste_sitemap"] is site.sitemap
    (data / next(p.name for p in data.iterdir() if p.is_dir() and p.name != "schema") / "organisation.yaml").touch()
    assert built_site(data) is site  # as this build loaded it: the next build reads the change
