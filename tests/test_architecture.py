"""What import-linter cannot see: SQL text outside storage, and network modules (but the hub's).

The layer order, Qt only in the GUI and the database drivers only in storage are contracts in
pyproject.toml ([tool.importlinter]), checked by `lint-imports`.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "inspector"
# SQL as the project writes it: upper-case keywords.
SQL = re.compile(
    r"^\s*(SELECT\b.*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE|PRAGMA\s)",
    re.S,
)
# Inspector keeps its data on the machine: nothing in the package may open a connection.
NETWORK_MODULES = (
    "socket",
    "ssl",
    "http",
    "urllib",
    "urllib3",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "imaplib",
    "poplib",
    "telnetlib",
    "xmlrpc",
    "websocket",
    "websockets",
    "asyncio",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebSockets",
    "psycopg",
)
# The one module that talks to a network: the company hub, only when a copy is connected to it
# (docs/hub.md).
NETWORK_ALLOWED = ("storage/hub_server.py",)


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _sql_strings(path: Path) -> list[str]:
    return [
        node.value
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value)
    ]


def _imported_names(path: Path) -> list[tuple[int, str]]:
    """Every module an import statement names, ``from a import b`` as both ``a`` and ``a.b``."""
    names: list[tuple[int, str]] = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append((node.lineno, node.module))
            names += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return names


def _is_network(name: str) -> bool:
    return any(name == bad or name.startswith(bad + ".") for bad in NETWORK_MODULES)


def test_sql_text_only_in_storage() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}: {statement[:60]!r}"
        for path in _modules()
        if "storage" not in path.relative_to(PACKAGE).parts
        for statement in _sql_strings(path)
    ]
    assert offenders == []


def test_the_sql_check_sees_the_stores_own_sql() -> None:
    """The pattern above matches how the project writes SQL (else the test above proves nothing)."""
    assert len(_sql_strings(PACKAGE / "storage" / "store.py")) > 10


def test_the_app_imports_no_network_module() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line}: {name}"
        for path in _modules()
        if path.relative_to(PACKAGE).as_posix() not in NETWORK_ALLOWED
        for line, name in _imported_names(path)
        if _is_network(name)
    ]
    assert offenders == []


def test_the_network_check_sees_every_import_form(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import socket\nfrom PySide6 import QtNetwork\nimport os.path\n"
        "def later():\n    from urllib.request import urlopen\n",
        encoding="utf-8",
    )
    found = [name for _, name in _imported_names(sample) if _is_network(name)]
    assert found == ["socket", "PySide6.QtNetwork", "urllib.request", "urllib.request.urlopen"]


# What only storage may reach: the Store's database handle, its raw connection and its private
# query helpers. The rest of the app goes through the Store's public methods and store.query().
STORAGE_INTERNALS = frozenset({"db", "conn", "_query", "_one", "_rows"})


def _storage_internals_used(path: Path) -> list[str]:
    return [
        f"{node.lineno}: .{node.attr}"
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.Attribute)
        and node.attr in STORAGE_INTERNALS
        # ``self`` is a class's own attribute; ``args.db`` the --db option
        and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "args"))
    ]


def test_only_storage_reaches_into_a_database_connection() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{where}"
        for path in _modules()
        if "storage" not in path.relative_to(PACKAGE).parts
        for where in _storage_internals_used(path)
    ]
    assert offenders == []


def test_the_internals_check_sees_a_connection_reached_through_the_store(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f(store, db):\n    store.db.conn.execute('x')\n    db.conn\n    store._query('x')\n",
        encoding="utf-8",
    )
    found = sorted(_storage_internals_used(sample))
    assert found == ["2: .conn", "2: .db", "3: .conn", "4: ._query"]
