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


def test_m003_gives_existing_inspections_the_identity_of_today_s_roster(db_path):
    with Store(db_path, migrate=False) as old:
        migrations.apply(old.db, stop_before="m003_inspection_identity")
    conn = sqlite3.connect(db_path)
    conn.executescript(
        """
        INSERT INTO employees (id, employee_no, name, sex, department, role, created_at,
            updated_at) VALUES (7, 'E7', '周敏', 'female', '客房部', 'housekeeper', 'x', 'x');
        INSERT INTO lineups (id, day, started_at) VALUES (1, '2025-01-02', '2025-01-02 08:00');
        INSERT INTO inspections (lineup_id, employee_id, position) VALUES (1, 7, 0);
        """
    )
    conn.commit()
    conn.close()
    with Store(db_path) as store:
        row = store.query_one(
            "SELECT d.employee_no, d.name, d.department, d.role, d.sex FROM inspections i "
            "JOIN identities d ON d.id = i.identity_id"
        )
        assert row == {
            "employee_no": "E7",
            "name": "周敏",
            "department": "客房部",
            "role": "housekeeper",
            "sex": "female",
        }
        # the seals table keeps its triggers and now remembers the highest id it gave
        triggers = {name for kind, name, _ in schema(db_path) if kind == "trigger"}
        assert {"seals_no_update", "seals_no_delete", "identities_no_update"} <= triggers
        assert (
            "AUTOINCREMENT"
            in store.query_one("SELECT sql FROM sqlite_master WHERE name = 'seals'")["sql"]
        )


def test_a_person_added_to_a_lineup_keeps_their_identity_at_that_time(store):
    from datetime import date

    from inspector.domain.people import Employee, Sex

    person = store.save_employee(Employee("A1", "王五", Sex.MALE, "工程部", "engineer"))
    lineup = store.start_lineup(
        day=date(2025, 5, 5),
        shift="早班",
        site="",
        department="",
        supervisor="陈",
        sets=[],
        employees=[person],
    )
    store.upsert_employees([Employee("A1", "王六", Sex.FEMALE, "保安部", "security")])
    row = store.query_one(
        "SELECT d.employee_no, d.name, d.department, d.role, d.sex FROM inspections i "
        "JOIN identities d ON d.id = i.identity_id WHERE i.lineup_id = ?",
        (lineup.id,),
    )
    assert row == {
        "employee_no": "A1",
        "name": "王五",
        "department": "工程部",
        "role": "engineer",
        "sex": "male",
    }
    again = store.start_lineup(
        day=date(2025, 5, 6),
        shift="早班",
        site="",
        department="",
        supervisor="陈",
        sets=[],
        employees=[person],
    )
    identities = store.query(
        "SELECT DISTINCT identity_id FROM inspections WHERE lineup_id IN (?, ?)",
        (lineup.id, again.id),
    )
    assert len(identities) == 2  # one identity per roster state, shared by inspections


def test_m006_keeps_the_seals_made_before_it_verifying(db_path):
    """Line-ups sealed with content version 2 still verify after the follow-up tables arrive;
    a re-check of one of them afterwards is sealed on its own (version 3)."""
    from helpers.factories import Fail, finished_lineup, make_roster, make_set

    from inspector.domain.follow_ups import RecheckOutcome
    from inspector.services import rechecks
    from inspector.storage import hub_local, seal

    with Store(db_path, migrate=False) as old:
        migrations.apply(old.db, stop_before="m006_follow_ups")
        lineup_id = finished_lineup(
            old, [make_set("m", 3)], make_roster("M", 2), fails=[Fail(0, "m.item-1")]
        )
        assert seal.latest_seal(old, lineup_id).content_version == 2
    with Store(db_path) as store:
        assert store.pending_migrations() == []
        assert seal.latest_seal(store, lineup_id).content_version == 2
        assert seal.verify_store(store).ok
        [fault] = rechecks.faults_of_lineup(store, lineup_id)
        rechecks.record_recheck(store, fault, RecheckOutcome.FIXED, "王经理")
        report = seal.verify_store(store)
        assert report.ok and (report.seals, report.follow_ups) == (2, 1)
        assert seal.latest_seal(store, lineup_id).content_version == 2
        # What the hub would be sent still matches each seal (the old one computed its way).
        documents = hub_local.outbox(store.db.conn, 0, 10)
        assert [d.kind for d in documents] == ["lineup", "recheck"]
        assert all(seal.sha256(d.content) == d.content_hash for d in documents)
