"""The core package stands on its own: MkDocs is only the adapter's concern."""

from __future__ import annotations

import ast
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


def test_loading_and_rendering_a_page_view_does_not_load_mkdocs() -> None:
    code = (
        "import sys; from pathlib import Path; from seloste.publish.site import load_site; "
        "site = load_site(Path('data')); [site.view(p) for p in site.plans.values()]; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "hooks")},
    )
    assert result.stdout.strip() == "[]"


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
