"""The core package stands on its own: MkDocs is only the adapter's concern."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "hooks" / "seloste"


def test_core_modules_import_nothing_from_mkdocs() -> None:
    for module in sorted(CORE.rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        imported = [
            name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for name in ([a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""])
        ]
        assert not [name for name in imported if name.split(".")[0] in ("mkdocs", "material", "mkdocs_static_i18n")], module


def _fresh_python(code: str) -> str:
    """What ``code`` prints, run by a new Python process from the repository with the core importable: the modules
    it loads are its own."""
    hooks = {"PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env=hooks).stdout


def test_loading_and_rendering_a_page_view_does_not_load_mkdocs() -> None:
    code = (
        "import sys; from pathlib import Path; from seloste.publish.site import load_site; "
        "site = load_site(Path('data')); [site.view(p) for p in site.plans.values()]; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')))"
    )
    assert _fresh_python(code).strip() == "[]"


def test_validate_loads_nothing_only_other_commands_need() -> None:
    """`seloste validate` runs after every edit: it starts without the modules that fetch pages, render reports or
    talk to git (their import took as long as validating data/ with the cache). Soup Sieve it may need: a tracked
    page's selector is checked as CSS."""
    code = (
        "import sys; from seloste.contribute.cli import main; "
        "code = main(['validate', '--data', 'data', '--no-cache', '--jobs', '1']); "
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('requests', 'jinja2')"
        " or m.startswith(('seloste.contribute.following', 'seloste.compare.report', 'seloste.contribute.gitbase'))))"
    )
    printed = _fresh_python(code)
    assert printed.strip().splitlines()[-1] == "0 []", printed


def test_the_adapter_is_thin() -> None:
    tree = ast.parse((ROOT / "hooks" / "seloste_hooks.py").read_text(encoding="utf-8"))
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert all(f.name.startswith("on_") for f in functions)
    assert all(f.end_lineno - f.lineno < 25 for f in functions)  # type: ignore[operator]


def test_every_template_that_material_renders_escapes_what_it_prints() -> None:
    """MkDocs renders with autoescape off, and an {% autoescape %} block does not reach included templates:
    each template of ours that MkDocs renders (all but the lite pages and the feed) opens its own block."""
    templates = sorted((ROOT / "overrides/seloste").glob("*.html"))
    assert templates
    unescaped = [t.name for t in templates if "{% autoescape true %}" not in t.read_text(encoding="utf-8")]
    assert unescaped == []


LAYERS = ("markup", "archive", "labels", "compare", "publish", "search", "contribute")
"""The core's stages, in the order data travels: a module may import from its own stage and the ones before it,
never from a later one (``labels``, the UI strings of both languages, is a module of its own between the archive
and what shows it)."""


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def _imports(path: Path, source: str | None = None) -> list[tuple[int, str]]:
    """(line, absolute module) of every import of the core in a module of the core (``source``: its text, if not
    the file's)."""
    package = ".".join(path.relative_to(ROOT / "hooks").with_suffix("").parts).split(".")[:-1]
    found = []
    text = source if source is not None else path.read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            names = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
            found += [(node.lineno, name) for name in names if name.split(".")[0] == "seloste"]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "seloste"]
    return found


def _violations(path: Path, source: str | None = None) -> list[str]:
    here = _stage(".".join(path.relative_to(ROOT / "hooks").with_suffix("").parts))
    if here is None:  # seloste/__main__.py runs the command: it may use anything
        return []
    return [
        f"{path.relative_to(ROOT)}:{line}: {here} imports {target}"
        for line, target in _imports(path, source)
        if (there := _stage(target)) is not None and LAYERS.index(there) > LAYERS.index(here)
    ]


def test_each_stage_imports_only_from_itself_and_earlier_stages() -> None:
    assert [problem for path in sorted(CORE.rglob("*.py")) for problem in _violations(path)] == []


def test_the_layering_rule_catches_an_import_from_a_later_stage() -> None:
    model = CORE / "archive" / "model.py"
    assert _violations(model, "from ..publish.urls import site_url\nfrom .facts import Facts\n") == [
        "hooks/seloste/archive/model.py:1: archive imports seloste.publish.urls"
    ]
    assert _violations(CORE / "publish" / "pages.py", "from ..compare import facts\nfrom ..search import build\n") == [
        "hooks/seloste/publish/pages.py:2: publish imports seloste.search"
    ]


def test_no_module_of_the_core_is_over_400_lines() -> None:
    long = {
        str(p.relative_to(ROOT)): n for p in CORE.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}


def test_the_checks_read_the_date_only_through_archive_today() -> None:
    """The validation cache keeps an outcome across days on what archive/today.py notes of the dates each check
    compared with today: a check that read the clock itself could find otherwise on another day, unseen."""
    reads = re.compile(r"\b(?:date|datetime)\.today\(\)|\bdatetime\.now\(|\btime\.time\(|\bdate\.fromtimestamp\(")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("archive", "markup")
        for path in sorted((CORE / folder).rglob("*.py"))
        if path.name != "today.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if reads.search(line)
    ]
    assert found == []
