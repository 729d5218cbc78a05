"""The schema, as sqlite-utils migrations. Never edit an applied migration: add a new one."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("inspector")


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );

        CREATE TABLE employees (
            id INTEGER PRIMARY KEY,
            employee_no TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            sex TEXT NOT NULL CHECK (sex IN ('female', 'male')),
            department TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL,
            site TEXT NOT NULL DEFAULT '',
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX employees_department ON employees (department);

        -- The exact content of every checklist set that results were judged against.
        CREATE TABLE checklist_versions (
            id INTEGER PRIMARY KEY,
            set_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            content TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );

        CREATE TABLE lineups (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL,
            shift TEXT NOT NULL DEFAULT '',
            site TEXT NOT NULL DEFAULT '',
            department TEXT NOT NULL DEFAULT '',
            supervisor TEXT NOT NULL DEFAULT '',
            inspection_type TEXT NOT NULL DEFAULT 'lineup',
            started_at TEXT NOT NULL,
            finished_at TEXT,
            cursor INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX lineups_day ON lineups (day);

        CREATE TABLE lineup_checklists (
            lineup_id INTEGER NOT NULL REFERENCES lineups (id),
            checklist_version_id INTEGER NOT NULL REFERENCES checklist_versions (id),
            PRIMARY KEY (lineup_id, checklist_version_id)
        ) WITHOUT ROWID;

        CREATE TABLE inspections (
            id INTEGER PRIMARY KEY,
            lineup_id INTEGER NOT NULL REFERENCES lineups (id),
            employee_id INTEGER NOT NULL REFERENCES employees (id),
            position INTEGER NOT NULL,
            attendance TEXT CHECK (attendance IN ('present', 'absent', 'leave', 'late')),
            completed_at TEXT,
            applicable INTEGER NOT NULL DEFAULT 0,
            passed INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            critical_failed INTEGER NOT NULL DEFAULT 0,
            fault_points INTEGER NOT NULL DEFAULT 0,
            UNIQUE (lineup_id, employee_id),
            UNIQUE (lineup_id, position)
        );
        CREATE INDEX inspections_employee ON inspections (employee_id, lineup_id);

        -- Explicit marks only: an unmarked applicable item of a completed inspection passed.
        CREATE TABLE marks (
            inspection_id INTEGER NOT NULL REFERENCES inspections (id),
            item_id TEXT NOT NULL,
            checklist_version_id INTEGER NOT NULL REFERENCES checklist_versions (id),
            result TEXT NOT NULL CHECK (result IN ('pass', 'fail', 'na')),
            note TEXT NOT NULL DEFAULT '',
            photo TEXT NOT NULL DEFAULT '',
            marked_at TEXT NOT NULL,
            PRIMARY KEY (inspection_id, item_id)
        ) WITHOUT ROWID;
        CREATE INDEX marks_item ON marks (item_id, result);

        -- Changes to a finished line-up: appended, never updated or deleted.
        CREATE TABLE change_log (
            id INTEGER PRIMARY KEY,
            lineup_id INTEGER NOT NULL REFERENCES lineups (id),
            inspection_id INTEGER REFERENCES inspections (id),
            item_id TEXT,
            before TEXT NOT NULL,
            after TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            changed_by TEXT NOT NULL,
            changed_at TEXT NOT NULL
        );
        CREATE INDEX change_log_lineup ON change_log (lineup_id);
        CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
            BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
        CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
            BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
        """
    )


@migrations()
def m002_seals(db: Database) -> None:
    """Sealed records (see inspector/storage/seal.py); line-ups finished before are sealed now."""
    from inspector.storage import seal

    db.executescript(
        """
        CREATE TABLE seals (
            id INTEGER PRIMARY KEY,
            lineup_id INTEGER NOT NULL REFERENCES lineups (id),
            change_id INTEGER REFERENCES change_log (id),
            content_hash TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            chain_hash TEXT NOT NULL UNIQUE,
            sealed_at TEXT NOT NULL
        );
        CREATE INDEX seals_lineup ON seals (lineup_id);
        CREATE TRIGGER seals_no_update BEFORE UPDATE ON seals
            BEGIN SELECT RAISE(ABORT, 'seals are append-only'); END;
        CREATE TRIGGER seals_no_delete BEFORE DELETE ON seals
            BEGIN SELECT RAISE(ABORT, 'seals are append-only'); END;
        """
    )
    seal.seal_unsealed_finished(db.conn)


@migrations()
def m003_inspection_identity(db: Database) -> None:
    """Each inspection keeps the identity the person was judged with (employee number, name,
    department, role and sex at the time), which reports print and seals cover; the roster
    may change afterwards without changing a record. An identity is stored once
    (``identities``, append-only) and inspections refer to it: five text columns on every
    inspection would make a large database a third bigger. Existing inspections take today's
    roster entry. Seals get the version of the content they cover (1: before identities), and
    every sealed line-up is sealed again so that its identities are covered from now on."""
    from inspector.storage import seal

    db.executescript(
        """
        CREATE TABLE identities (
            id INTEGER PRIMARY KEY,
            employee_id INTEGER NOT NULL REFERENCES employees (id),
            employee_no TEXT NOT NULL,
            name TEXT NOT NULL,
            department TEXT NOT NULL,
            role TEXT NOT NULL,
            sex TEXT NOT NULL,
            UNIQUE (employee_id, employee_no, name, department, role, sex)
        );
        CREATE INDEX identities_department ON identities (department);
        CREATE TRIGGER identities_no_update BEFORE UPDATE ON identities
            BEGIN SELECT RAISE(ABORT, 'identities are append-only'); END;
        CREATE TRIGGER identities_no_delete BEFORE DELETE ON identities
            BEGIN SELECT RAISE(ABORT, 'identities are append-only'); END;
        ALTER TABLE inspections ADD COLUMN identity_id INTEGER REFERENCES identities (id);

        INSERT OR IGNORE INTO identities (employee_id, employee_no, name, department, role, sex)
            SELECT id, employee_no, name, department, role, sex FROM employees
            WHERE id IN (SELECT employee_id FROM inspections) ORDER BY id;
        UPDATE inspections SET identity_id = (
            SELECT d.id FROM identities d WHERE d.employee_id = inspections.employee_id
        );

        -- AUTOINCREMENT: SQLite remembers the highest seal id ever given (sqlite_sequence), so
        -- a newest seal deleted by hand leaves a gap that verify names.
        CREATE TABLE seals_v3 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            lineup_id INTEGER NOT NULL REFERENCES lineups (id),
            change_id INTEGER REFERENCES change_log (id),
            content_hash TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            chain_hash TEXT NOT NULL UNIQUE,
            sealed_at TEXT NOT NULL,
            content_version INTEGER NOT NULL DEFAULT 1
        );
        INSERT INTO seals_v3 (id, lineup_id, change_id, content_hash, prev_hash, chain_hash,
            sealed_at) SELECT id, lineup_id, change_id, content_hash, prev_hash, chain_hash,
            sealed_at FROM seals ORDER BY id;
        DROP TABLE seals;
        ALTER TABLE seals_v3 RENAME TO seals;
        CREATE INDEX seals_lineup ON seals (lineup_id);
        CREATE TRIGGER seals_no_update BEFORE UPDATE ON seals
            BEGIN SELECT RAISE(ABORT, 'seals are append-only'); END;
        CREATE TRIGGER seals_no_delete BEFORE DELETE ON seals
            BEGIN SELECT RAISE(ABORT, 'seals are append-only'); END;
        """
    )
    seal.reseal_with_identity(db.conn)
