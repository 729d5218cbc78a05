"""A real PostgreSQL server for the hub tests, started once per test session.

Each test gets a fresh hub database (set up with ``hub init``), and helpers to add sites and
HR with their own logins, whose passwords reach libpq through a password file (PGPASSFILE), as
a site's computer would have them. Without the PostgreSQL programs the tests are skipped on a
developer's machine and fail in CI (CI=true), where they must run.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from pg_server import PostgresMissing, Server, start_server

from inspector.services import hub_sync

_counter = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server():
    try:
        server = start_server()
    except PostgresMissing as exc:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"the hub tests must run in CI: {exc}")
        pytest.skip(str(exc))
    yield server
    server.stop()


@dataclass
class HubFixture:
    server: Server
    dbname: str
    pgpass: Path

    @property
    def admin_url(self) -> str:
        return self.server.admin_url(self.dbname)

    def url_for(self, login: str) -> str:
        return self.server.tcp_url(login, self.dbname)

    def remember(self, creds: hub_sync.Credentials) -> str:
        """Put a login's password where libpq looks (the PGPASSFILE) and return its URL."""
        with self.pgpass.open("a", encoding="utf-8") as out:
            out.write(f"127.0.0.1:{self.server.port}:{self.dbname}:{creds.role}:{creds.password}\n")
        os.chmod(self.pgpass, 0o600)
        return self.url_for(creds.role)

    def add_site(self, name: str) -> str:
        return self.remember(hub_sync.add_site(self.admin_url, name))

    def add_hr(self, login: str = "hr") -> str:
        return self.remember(hub_sync.add_hr(self.admin_url, f"{self.dbname}_{login}"))

    def sql(self, query: str, params: tuple = ()) -> list[tuple]:
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            cur = conn.execute(query, params)
            return cur.fetchall() if cur.description else []


@pytest.fixture
def hub(pg_server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> HubFixture:
    dbname = f"hub{next(_counter)}"
    with psycopg.connect(pg_server.admin_url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {dbname}")
    pgpass = tmp_path / "pgpass"
    pgpass.touch(mode=0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    fixture = HubFixture(pg_server, dbname, pgpass)
    hub_sync.init_hub(fixture.admin_url)
    return fixture
