"""What a workflow's steps do, read and run outside GitHub: the commands of a ``run:`` script, the rule that no
code of a pull request runs before its verdict, a step run as the runner runs it, git repositories to run it in, and
a fake ``gh`` that answers the REST API from a table."""

from __future__ import annotations

import json
import os
import posixpath
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

SHELL_KEYWORDS = {"if", "then", "elif", "else", "fi", "!", "do", "done", "while", "until", "{", "}"}
INERT = {"git", "echo", "exit", "[", "test", "true", "false"}
"""Programs that run no code from the checkout they are run in (git reads .git/config, which no commit can set)."""
VERDICT_ACTIONS = {"actions/checkout", "actions/setup-python"}
LOADER_ENV = re.compile(r"PYTHON|PIP_|LD_|GIT_|^PATH$|^BASH_ENV$|^ENV$|^HOME$")
"""Environment variables that choose what code an interpreter or git loads."""


def commands(script: str) -> list[tuple[list[str], list[str]]]:
    """The simple commands of a ``run:`` script: each one's words and the files it redirects to. Enough of the shell
    for the workflows' steps (command substitution, ``if``, ``||`` and ``&&``, redirections), not all of it."""
    found = []
    for line in script.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        words: list[str] = []
        targets: list[str] = []
        redirect = False
        for token in [*lexer, ";"]:
            if redirect:
                targets.append(token)
                redirect = False
            elif token[0] in "<>":
                redirect = True
            elif set(token) <= set("();|&$"):
                if words or targets:
                    found.append((words, targets))
                words, targets = [], []
            elif not words and (token in SHELL_KEYWORDS or re.fullmatch(r"[A-Za-z_]\w*=.*", token)):
                continue
            else:
                words.append(token)
    return found


def _inside(path: str, folder: str) -> bool:
    return folder == "." or path == folder or path.startswith(folder + "/")


def change_code_before_the_verdict(workflow: dict[str, Any], job_name: str) -> list[str]:
    """How each step of the job, up to the last one that gives the verdict (``seloste check`` or ``changes``), could
    run the change's code: an action that is not known to leave it alone, a program or script that is not the base
    checkout's, a Python module run with the change on its path, or an environment that makes an interpreter load it.
    """
    job = workflow["jobs"][job_name]
    checkouts = [s.get("with", {}) for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    change = next((c.get("path", ".") for c in checkouts if "ref" not in c), ".")
    base = next((c["path"] for c in checkouts if "ref" in c and "path" in c), None)
    verdict = [i for i, s in enumerate(job["steps"]) if re.search(r"\bseloste (check|changes)\b", s.get("run", ""))]
    assert verdict, f"{job_name}: no step runs seloste check or changes"
    problems = []
    for step in job["steps"][: verdict[-1] + 1]:
        name = step.get("name", step.get("uses", ""))
        cwd = posixpath.normpath(
            step.get("working-directory", job.get("defaults", {}).get("run", {}).get("working-directory", "."))
        )
        problems += [f"{name}: sets {var}" for var in {**job.get("env", {}), **step.get("env", {})} if LOADER_ENV.search(var)]
        if "uses" in step:
            action = step["uses"].split("@")[0]
            if action not in VERDICT_ACTIONS:
                problems.append(f"{name}: runs the action {action}")
            elif action == "actions/setup-python" and set(step.get("with", {})) - {"python-version"}:
                problems.append(f"{name}: reads its settings from the checkout")
            continue
        if step.get("shell", "bash") != "bash":
            problems.append(f"{name}: runs in the shell {step['shell']}")
        for words, targets in commands(step["run"]):
            problems += [
                f"{name}: writes {t} (the environment of later steps)" for t in targets if t in ("$GITHUB_ENV", "$GITHUB_PATH")
            ]
            program = words[0]
            where = posixpath.normpath(posixpath.join(cwd, program))
            if "/" in program and not (base and _inside(where, base)):
                problems.append(f"{name}: runs {program}, which is not the base checkout's")
            elif "/" not in program and program not in INERT | {"python3", "python"}:
                problems.append(f"{name}: runs {program}, which is not known to leave the change's code alone")
            elif posixpath.basename(program).startswith("python"):
                problems += [f"{name}: {p}" for p in _python_problems(words[1:], cwd, change, base)]
    return problems


def _python_problems(args: list[str], cwd: str, change: str, base: str | None) -> list[str]:
    """A Python interpreter's arguments: it may run the standard library's venv or pip, or a script of the base."""
    for index, arg in enumerate(args):
        if arg == "-c":
            return ["runs Python given inline"]
        if arg == "-m":
            module = args[index + 1]
            if module not in ("venv", "pip"):
                return [f"runs the module {module}"]
            if _inside(cwd, change):  # python -m puts the current directory first on sys.path
                return [f"runs python -m {module} in the change's checkout"]
            return []
        if not arg.startswith("-"):
            script = posixpath.normpath(posixpath.join(cwd, arg))
            return [] if base and _inside(script, base) else [f"runs {arg}, which is not the base checkout's"]
    return []


EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")


def run_step(step: dict[str, Any], workspace: Path, values: dict[str, str], **env: str) -> subprocess.CompletedProcess[str]:
    """Run a workflow step's script as the runner would (bash -e, in its working directory), its env's expressions
    taken from ``values``, with GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files in ``workspace``."""
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": str(workspace),
        "LANG": "C.UTF-8",
        "GITHUB_OUTPUT": str(workspace / "output"),
        "GITHUB_STEP_SUMMARY": str(workspace / "summary.md"),
        **env,
    }
    for name, value in step.get("env", {}).items():
        environment[name] = EXPRESSION.sub(lambda m: values[m.group(1)], value)
    cwd = workspace / step.get("working-directory", ".")
    return subprocess.run(["bash", "-e", "-c", step["run"]], cwd=cwd, env=environment, capture_output=True, text=True)


def outputs(workspace: Path) -> dict[str, str]:
    path = workspace / "output"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return dict(line.split("=", 1) for line in lines)


def git(repo: Path, *args: str) -> str:
    env = {"PATH": os.environ["PATH"], "HOME": str(repo), "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.invalid"}
    env |= {"GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout.strip()


def commit_all(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def fake_gh(folder: Path, answers: dict[str, Any]) -> dict[str, str]:
    """A PATH whose ``gh api PATH`` prints ``answers[PATH]`` as JSON (a string is an error it prints and exits 1 with)
    and records each call in ``folder/calls``."""
    folder.mkdir()
    (folder / "answers.json").write_text(json.dumps(answers))
    (folder / "gh").write_text(
        f"#!{sys.executable}\n"
        "import json, pathlib, sys\n"
        "here = pathlib.Path(__file__).parent\n"
        "with open(here / 'calls', 'a') as calls: calls.write(' '.join(sys.argv[1:]) + '\\n')\n"
        "answer = json.loads((here / 'answers.json').read_text())[sys.argv[-1]]\n"
        "if isinstance(answer, str): sys.exit(print(answer, file=sys.stderr) or 1)\n"
        "print(json.dumps(answer))\n"
    )
    (folder / "gh").chmod(0o755)
    return {"PATH": f"{folder}:{os.environ['PATH']}", "GITHUB_REPOSITORY": "owner/seloste"}
