"""The layers stay apart: Qt only in the GUI, SQL only in the storage layer."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "inspector"
# SQL as the project writes it: upper-case keywords.
SQL = re.compile(
    r"^\s*(SELECT\b.*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE|PRAGMA\s)",
    re.S,
)


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _relative(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


@pytest.mark.parametrize("path", _modules(), ids=_relative)
def test_qt_only_in_gui_and_app(path: Path) -> None:
    rel = _relative(path)
    if rel.startswith("gui/") or rel == "app.py":
        return
    qt = {name for name in _imports(path) if name.split(".")[0] in {"PySide6", "shiboken6"}}
    assert not qt, f"{rel} imports Qt ({', '.join(sorted(qt))}): only gui/ and app.py may"


@pytest.mark.parametrize("path", _modules(), ids=_relative)
def test_sql_only_in_storage(path: Path) -> None:
    rel = _relative(path)
    if rel.startswith("storage/"):
        return
    drivers = {name for name in _imports(path) if name.split(".")[0] in {"sqlite3", "sqlite_utils"}}
    assert not drivers, f"{rel} imports a database driver: only storage/ may"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    statements = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value)
    ]
    assert not statements, f"{rel} holds SQL: {statements[0][:60]!r}"


@pytest.mark.parametrize("path", _modules(), ids=_relative)
def test_reports_and_domain_do_not_import_gui(path: Path) -> None:
    rel = _relative(path)
    if not rel.startswith(("reports/", "domain/", "storage/")):
        return
    assert not any(name.startswith("inspector.gui") for name in _imports(path)), rel
