"""Who may import whom: the project (casemgr) imports the apps, never the
reverse; cases never imports families; no app imports another's private
module. Read from the source, so a new import breaking a rule fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _imports(app: str) -> list[tuple[str, str]]:
    """(file, imported module) for every import in the app's source."""
    found = []
    for path in sorted((ROOT / app).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.append((str(path.relative_to(ROOT)), node.module))
            elif isinstance(node, ast.Import):
                found.extend((str(path.relative_to(ROOT)), a.name) for a in node.names)
    return found


def _top(module: str) -> str:
    return module.split(".")[0]


@pytest.mark.parametrize("app", ["accounts", "cases", "families"])
def test_the_apps_never_import_the_project(app: str) -> None:
    assert [(f, m) for f, m in _imports(app) if _top(m) == "casemgr"] == []


def test_cases_never_imports_families() -> None:
    assert [(f, m) for f, m in _imports("cases") if _top(m) == "families"] == []


@pytest.mark.parametrize("app", ["accounts", "casemgr", "cases", "families"])
def test_no_app_imports_anothers_private_module(app: str) -> None:
    private = [
        (f, m)
        for f, m in _imports(app)
        if _top(m) != app and any(part.startswith("_") for part in m.split(".")[1:])
    ]
    assert private == []


def test_accounts_knows_neither_the_registry_nor_the_families() -> None:
    # Who gets in is below both apps: they may use it, it never uses them.
    assert [(f, m) for f, m in _imports("accounts") if _top(m) in {"cases", "families"}] == []
