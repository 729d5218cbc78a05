"""The schema, as sqlite-utils migrations. Never edit an applied migration: add a new one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MigrationFn = TypeVar("MigrationFn", bound=Callable[["Database"], None])
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' record of the migrations applied


class RecordedMigrations:
    """The list of migrations, applied by sqlite-utils ``Migrations``.

    Registering and reading which are applied need no sqlite-utils: the app's start-up checks
    the schema with the standard library's sqlite3 and loads sqlite-utils (a tenth of a second)
    only to migrate or to write. ``names`` is the public list of migration names, compared with
    the names applied to a database to refuse one written by a newer version.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.names: list[str] = []
        self._steps: list[tuple[str, Callable[[Database], None], bool]] = []

    def __call__(
        self, *, name: str | None = None, transactional: bool = True
    ) -> Callable[[MigrationFn], MigrationFn]:
        def inner(func: MigrationFn) -> MigrationFn:
            step = name or func.__name__
            if step in self.names:
                raise ValueError(f"Migration {step!r} is already registered")
            self._steps.append((step, func, transactional))
            self.names.append(step)
            return func

        return inner

    def applied_names(self, conn: sqlite3.Connection) -> list[str]:
        """The names applied to the database on ``conn``, in the order they were applied."""
        exists = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
        ).fetchone()
        if not exists:
            return []
        rows = conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
            (self.name,),
        )
        return [row[0] for row in rows]

    def pending_names(self, conn: sqlite3.Connection) -> list[str]:
        """The names not yet applied, in the order they will be."""
        applied = set(self.applied_names(conn))
        return [name for name in self.names if name not in applied]

    def apply(self, db: Database, *, stop_before: str | Iterable[str] | None = None) -> None:
        """Apply the pending migrations with sqlite-utils (``stop_before``: as its own)."""
        self._sqlite_utils().apply(db, stop_before=stop_before)

    def _sqlite_utils(self) -> Migrations:
        from sqlite_utils.migrations import Migrations

        migrations = Migrations(self.name)
        for name, func, transactional in self._steps:
            migrations(name=name, transactional=transactional)(func)
        return migrations


migrations = RecordedMigrations("inspector")


def _append_only(table: str, message: str) -> str:
    """Triggers that refuse to update or delete a row of ``table``, saying ``message``.

    The text is what the migrations wrote before they used this (SQLite keeps it in the
    schema): a migration that has run must keep its effect."""
    return (
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}\n"
        f"            BEGIN SELECT RAISE(ABORT, '{message}'); END;\n"
        f"        CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}\n"
        f"            BEGIN SELECT RAISE(ABORT, '{message}'); END;"
    )


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript(
        f"""
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
        {_append_only("change_log", "the change log is append-only")}
        """
    )


@migrations()
def m002_seals(db: Database) -> None:
    """Sealed records (see inspector/storage/seal.py); line-ups finished before are sealed now."""
    from inspector.storage import seal

    db.executescript(
        f"""
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
        {_append_only("seals", "seals are append-only")}
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
        f"""
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
        {_append_only("identities", "identities are append-only")}
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
        {_append_only("seals", "seals are append-only")}
        """
    )
    seal.reseal_with_identity(db.conn)


# A version-4 UUID spelled by SQLite itself, so rows inserted by any code path get one.
_SQL_UUID = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
    "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
    "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
)


@migrations()
def m005_hub(db: Database) -> None:
    """Global ids and sync state for the company hub (see inspector/storage/hub_local.py).

    - ``settings`` (written when first needed): ``hub.site_id`` (this database's UUID), the hub
      URL (never with a password), the role it logs in as and the push and pull state.
    - ``lineups.global_id``: a UUID per line-up (local ids stay local); ``origin_site``: the
      site UUID of a line-up pulled from the hub (read-only here), NULL for one recorded here.
    - ``seal_documents``: a UUID per sealed document and the canonical content it sealed, so
      that a line-up amended before it reached the hub can still send its first version.
    - ``hub_sites`` / ``hub_documents``: the other sites' documents pulled from the hub, kept
      as they were sealed (``verify`` checks the pulled line-ups against them).
    - ``hub_roster_base``: the master roster as last pulled, to tell a local edit from HR's.
    """
    from inspector.storage import hub_local

    db.executescript(
        f"""
        ALTER TABLE lineups ADD COLUMN global_id TEXT;
        ALTER TABLE lineups ADD COLUMN origin_site TEXT;
        UPDATE lineups SET global_id = {_SQL_UUID} WHERE global_id IS NULL;
        CREATE UNIQUE INDEX lineups_global_id ON lineups (global_id);
        CREATE INDEX lineups_origin_site ON lineups (origin_site) WHERE origin_site IS NOT NULL;
        CREATE TRIGGER lineups_global_id AFTER INSERT ON lineups WHEN NEW.global_id IS NULL
            BEGIN UPDATE lineups SET global_id = {_SQL_UUID} WHERE id = NEW.id; END;

        CREATE TABLE seal_documents (
            seal_id INTEGER PRIMARY KEY REFERENCES seals (id),
            global_id TEXT NOT NULL UNIQUE,
            content TEXT
        );
        {_append_only("seal_documents", "sealed documents are append-only")}

        CREATE TABLE hub_sites (
            site_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            pulled_seq INTEGER NOT NULL DEFAULT 0,
            head TEXT NOT NULL
        );
        CREATE TABLE hub_documents (
            global_id TEXT PRIMARY KEY,
            site_id TEXT NOT NULL REFERENCES hub_sites (site_id),
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            record_id TEXT NOT NULL,
            label TEXT NOT NULL,
            content TEXT,
            content_hash TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            chain_hash TEXT NOT NULL,
            sealed_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            UNIQUE (site_id, seq)
        );
        CREATE INDEX hub_documents_record ON hub_documents (record_id, seq);
        {_append_only("hub_documents", "pulled documents are append-only")}

        CREATE TABLE hub_roster_base (
            employee_no TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL
        );
        """
    )
    hub_local.keep_current_documents(db.conn)


@migrations()
def m006_follow_ups(db: Database) -> None:
    """Follow-up of faults (整改 / 复查, see inspector/domain/follow_ups.py), append-only.

    One row per event of one fault (an inspection and a failed reason): fixed on the spot or
    undone (while the line-up is open), or a re-check with its outcome, who checked and a note.
    ``after_finish`` says whether the line-up was finished when the event was recorded: events
    of an open line-up are part of its record (covered by its seal, content version 3); each
    later one is sealed on its own in the same chain (``seals.follow_up_id``).
    """
    db.executescript(
        """
        CREATE TABLE follow_ups (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            inspection_id INTEGER NOT NULL REFERENCES inspections (id),
            item_id TEXT NOT NULL,
            event TEXT NOT NULL
                CHECK (event IN ('fixed_on_spot', 'spot_fix_undone', 'rechecked')),
            outcome TEXT CHECK (outcome IN ('fixed', 'not_fixed')),
            checked_by TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            after_finish INTEGER NOT NULL DEFAULT 0 CHECK (after_finish IN (0, 1)),
            CHECK ((event = 'rechecked') = (outcome IS NOT NULL)),
            CHECK (event != 'rechecked' OR length(trim(checked_by)) > 0)
        );
        CREATE INDEX follow_ups_fault ON follow_ups (inspection_id, item_id);
        CREATE TRIGGER follow_ups_no_update BEFORE UPDATE ON follow_ups
            BEGIN SELECT RAISE(ABORT, 'follow-ups are append-only'); END;
        CREATE TRIGGER follow_ups_no_delete BEFORE DELETE ON follow_ups
            BEGIN SELECT RAISE(ABORT, 'follow-ups are append-only'); END;
        ALTER TABLE seals ADD COLUMN follow_up_id INTEGER REFERENCES follow_ups (id);
        CREATE UNIQUE INDEX seals_follow_up ON seals (follow_up_id)
            WHERE follow_up_id IS NOT NULL;
        """
    )
