"""The schema comes from the migrations: a new file gets all of it, an up-to-date one nothing."""

from __future__ import annotations

import sqlite3

import pytest

from inspector.storage import Store
from inspector.storage.errors import NewerDatabaseError
from inspector.storage.migrations import migrations

TABLES = {
    "settings",
    "employees",
    "checklist_versions",
    "lineups",
    "lineup_checklists",
    "inspections",
    "marks",
    "change_log",
}


def schema(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
    finally:
        conn.close()


def applied(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM _sqlite_migrations ORDER BY id").fetchall()
    finally:
        conn.close()


def test_an_empty_database_gets_every_table(db_path):
    with Store(db_path) as store:
        assert store.pending_migrations() == []
        tables = set(store.db.table_names())
    assert tables >= TABLES | {"_sqlite_migrations"}
    assert [row[2] for row in applied(db_path)] == migrations.names
    triggers = {name for kind, name, _ in schema(db_path) if kind == "trigger"}
    assert {"change_log_no_update", "change_log_no_delete"} <= triggers


def test_reopening_applies_nothing(db_path):
    Store(db_path).close()
    before_schema, before_applied = schema(db_path), applied(db_path)

    with Store(db_path) as store:
        assert store.pending_migrations() == []
    Store(db_path).close()

    assert schema(db_path) == before_schema
    assert applied(db_path) == before_applied


def test_a_file_that_exists_but_is_empty_is_migrated(db_path):
    db_path.write_bytes(b"")
    with Store(db_path) as store:
        assert set(store.db.table_names()) >= TABLES


def test_data_survives_reopening(db_path):
    with Store(db_path) as store:
        store.set_setting("company_name", "翠湖物业服务有限公司")
    with Store(db_path) as store:
        assert store.get_setting("company_name") == "翠湖物业服务有限公司"


def test_a_newer_database_is_refused(db_path):
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('inspector', 'm999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(NewerDatabaseError, match="m999_from_the_future"):
        Store(db_path)
