"""The Store: every read and write of Inspector's data goes through here.

Durability: WAL, ``synchronous=FULL`` and one transaction per recorded mark, so a mark the
screen shows as saved survives a crash or a flat battery. Writes take the write lock up front
(``BEGIN IMMEDIATE``) so that two processes on the same file wait their turn (busy timeout)
instead of one failing on a lock upgrade.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.domain.checklist import ChecklistSet, InspectionType, applicable_items
from inspector.domain.lineup import Attendance, Inspection, Lineup, Mark, Result
from inspector.domain.people import Employee, Sex
from inspector.domain.scoring import score_inspection
from inspector.paths import ensure_private_file, private_folder
from inspector.storage import errors
from inspector.storage.errors import (
    LineupClosedError,
    NewerDatabaseError,
    NotFoundError,
    translated,
)
from inspector.storage.migrations import MIGRATIONS_TABLE, migrations
from inspector.storage.rows import dict_rows, from_row, period

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000
CHECKPOINT_WAIT_MS = 200  # after finishing a line-up: the screen waits for it
CLOSE_WAIT_MS = 1000


def writable(path: Path) -> bool:
    """Whether SQLite could write ``path`` (the file if it exists, and its folder for the WAL)."""
    folder = path.parent
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _ts(value: datetime | None) -> str | None:
    return value.isoformat(sep=" ") if value else None


def _parse_ts(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _attendance(value: str | None) -> Attendance | None:
    return Attendance(value) if value else None


@dataclass(frozen=True, slots=True)
class ImportSummary:
    added: int
    updated: int
    unchanged: int


@dataclass(frozen=True, slots=True)
class ChangeRecord:
    id: int
    lineup_id: int
    inspection_id: int | None
    item_id: str | None
    before: dict
    after: dict
    reason: str
    changed_by: str
    changed_at: datetime


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One inspection of one employee, with its line-up and explicit marks."""

    lineup: Lineup
    inspection: Inspection
    marks: tuple[Mark, ...]


class Store:
    """A connection to one Inspector database. Not shared across threads: open one per thread."""

    def __init__(
        self,
        path: Path | str,
        *,
        read_only: bool = False,
        migrate: bool = True,
        immutable: bool = False,
        shown_as: Path | str | None = None,
    ) -> None:
        """Open ``path``. ``migrate`` applies pending migrations without a backup: the app
        opens its databases through :func:`inspector.storage.opening.open_database`, which
        backs up first. ``immutable`` (read-only media) reads without the WAL's shared memory.
        ``shown_as`` is the file named in messages when ``path`` is a temporary copy.
        """
        self.path = Path(path)
        self.shown_as = Path(shown_as) if shown_as is not None else self.path
        self.read_only = read_only or immutable
        with translated(self.shown_as):
            if self.read_only:
                if not self.path.exists():
                    raise errors.StorageError(
                        self.shown_as, f"The database {self.shown_as} does not exist."
                    )
                flags = "mode=ro&immutable=1" if immutable else "mode=ro"
                conn = sqlite3.connect(
                    f"{self.path.absolute().as_uri()}?{flags}",
                    uri=True,
                    timeout=BUSY_TIMEOUT_MS / 1000,
                )
            else:
                if self.path.is_dir():
                    raise errors.cannot_open(self.shown_as)
                private_folder(self.path.parent)
                if not writable(self.path):
                    # Say so now, not at the first mark: the caller can offer read-only use.
                    raise errors.read_only(self.shown_as)
                # SQLite gives the -wal and -shm the database file's permissions: create it
                # private, so that all three are private from their first byte.
                ensure_private_file(self.path)
                conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000)
            self.conn = conn
            self._db: Database | None = None
            try:
                self._configure()
                if migrate and not self.read_only:
                    self.migrate()
                self.check_version()
            except BaseException:
                conn.close()
                raise
        self._sets_cache: dict[int, list[tuple[int, ChecklistSet]]] = {}

    # -- connection -------------------------------------------------------------------------

    @property
    def db(self) -> Database:
        """The sqlite-utils view of the connection, made on first use: reads go through
        :attr:`conn`, so the first window opens without loading sqlite-utils."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)  # no third-party hooks
        return self._db

    def _configure(self) -> None:
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # Reading the schema first makes a file that is not a database fail here, clearly.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not self.read_only:
            mode = self._switch_to_wal(conn)
            if mode.lower() != "wal":
                conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")

    @staticmethod
    def _switch_to_wal(conn: sqlite3.Connection) -> str:
        """Turn WAL on, waiting out another process that is creating the same file.

        Changing the journal mode needs the file to itself and SQLite does not call the busy
        handler for it, so a second copy starting at the same moment retries here instead.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                return conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            except sqlite3.OperationalError as exc:
                busy = errors.primary_code(exc) in (errors.SQLITE_BUSY, errors.SQLITE_LOCKED)
                if not busy or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def migrate(self) -> None:
        """Apply pending migrations (the schema version is the list of applied migrations).

        Never on top of a newer schema; the migrations run under the write lock, so two copies
        starting at once do not both apply them. The backup before a migration is the
        caller's (``open_database``).
        """
        self.check_version()
        if not self.pending_migrations():
            return
        with self.write():
            migrations.apply(self.db)

    def has_tables(self) -> bool:
        """Whether the file holds any table besides the list of migrations (not a new file)."""
        with translated(self.shown_as):
            return bool(
                self.conn.execute(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations'"
                ).fetchone()[0]
            )

    def applied_migrations(self) -> list[str]:
        with translated(self.shown_as):
            return migrations.applied_names(self.conn)

    def check_version(self) -> None:
        unknown = sorted(set(self.applied_migrations()) - set(migrations.names))
        if unknown:
            raise NewerDatabaseError(
                self.shown_as,
                f"The database {self.shown_as} was written by a newer version of Inspector "
                f"(it has {', '.join(unknown)}). Install the newer version to open it.",
            )

    def pending_migrations(self) -> list[str]:
        with translated(self.shown_as):
            return migrations.pending_names(self.conn)

    def checkpoint(self, wait_ms: int = CHECKPOINT_WAIT_MS) -> bool:
        """Fold the WAL into the database file and empty it (``wal_checkpoint(TRUNCATE)``).

        Until then committed marks may be in ``<db>-wal`` only: the file alone is not the whole
        database. Waits at most ``wait_ms`` for another connection's reader (a report being
        built) so that finishing a line-up never stalls the screen; then the WAL stays as it
        is, which loses nothing, and the next checkpoint folds it in. Returns whether the WAL
        is now empty. A read-only store does nothing. Never raises.
        """
        if self.read_only:
            return False
        conn = self.conn
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
            try:
                busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except sqlite3.Error:
            return False
        return busy == 0

    def close(self) -> None:
        """Close cleanly: checkpoint first, so the database file alone holds every change."""
        conn = self.conn
        try:
            idle = not conn.in_transaction
        except sqlite3.ProgrammingError:
            return  # closed already
        if idle:
            self.checkpoint(CLOSE_WAIT_MS)
        conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write(self) -> Iterator[Database]:
        """One durable transaction: ``db.atomic()`` inside ``BEGIN IMMEDIATE``."""
        conn = self.conn
        with translated(self.shown_as):
            if conn.in_transaction:
                with self.db.atomic():
                    yield self.db
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                with self.db.atomic():
                    yield self.db
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            else:
                conn.execute("COMMIT")

    def has_schema(self) -> bool:
        """Whether the file is an Inspector database (it has the migrations' record)."""
        with translated(self.shown_as):
            return bool(
                self.conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                    (MIGRATIONS_TABLE,),
                ).fetchone()
            )

    def _query(self, sql: str, params: Sequence | dict = ()) -> list[sqlite3.Row]:
        with translated(self.shown_as):
            return dict_rows(self.conn, sql, params)

    def _one(self, sql: str, params: Sequence | dict = ()) -> dict | None:
        rows = self._query(sql, params)
        return rows[0] if rows else None

    def query(self, sql: str, params: Sequence | dict = ()) -> list[sqlite3.Row]:
        """The rows of a read-only query, each as a dict of column name -> value."""
        return self._query(sql, params)

    def query_one(self, sql: str, params: Sequence | dict = ()) -> dict | None:
        """The first row of a read-only query, or None when it finds nothing."""
        return self._one(sql, params)

    def integrity_check(self) -> str:
        return self.db.conn.execute("PRAGMA integrity_check").fetchone()[0]

    # -- settings ---------------------------------------------------------------------------

    def get_setting(self, key: str, default: str = "") -> str:
        row = self._one("SELECT value FROM settings WHERE key = ?", (key,))
        return row["value"] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.write() as db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def settings(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self._query("SELECT key, value FROM settings")}

    # -- employees --------------------------------------------------------------------------

    @staticmethod
    def _employee(row: dict) -> Employee:
        return from_row(Employee, row, sex=Sex, active=bool)

    def upsert_employees(self, employees: Iterable[Employee]) -> ImportSummary:
        """Add or update employees by employee number, all in one transaction."""
        added = updated = unchanged = 0
        stamp = _ts(now())
        with self.write() as db:
            for emp in employees:
                row = self._one("SELECT * FROM employees WHERE employee_no = ?", (emp.employee_no,))
                values = {
                    "name": emp.name,
                    "sex": emp.sex.value,
                    "department": emp.department,
                    "role": emp.role,
                    "site": emp.site,
                    "active": int(emp.active),
                }
                if row is None:
                    db.execute(
                        "INSERT INTO employees (employee_no, name, sex, department, role, site, "
                        "active, created_at, updated_at) VALUES (:no, :name, :sex, :department, "
                        ":role, :site, :active, :stamp, :stamp)",
                        {**values, "no": emp.employee_no, "stamp": stamp},
                    )
                    added += 1
                elif any(row[k] != v for k, v in values.items()):
                    db.execute(
                        "UPDATE employees SET name = :name, sex = :sex, department = :department, "
                        "role = :role, site = :site, active = :active, updated_at = :stamp "
                        "WHERE employee_no = :no",
                        {**values, "no": emp.employee_no, "stamp": stamp},
                    )
                    updated += 1
                else:
                    unchanged += 1
        return ImportSummary(added, updated, unchanged)

    def save_employee(self, employee: Employee) -> Employee:
        """Insert or update one employee (by employee number) and return it with its id."""
        self.upsert_employees([employee])
        saved = self.employee_by_no(employee.employee_no)
        assert saved is not None
        return saved

    def set_employee_active(self, employee_id: int, active: bool) -> None:
        with self.write() as db:
            db.execute(
                "UPDATE employees SET active = ?, updated_at = ? WHERE id = ?",
                (int(active), _ts(now()), employee_id),
            )

    def get_employee(self, employee_id: int) -> Employee:
        row = self._one("SELECT * FROM employees WHERE id = ?", (employee_id,))
        if row is None:
            raise NotFoundError(f"no employee with id {employee_id}")
        return self._employee(row)

    def employees_by_id(self, ids: Iterable[int]) -> dict[int, Employee]:
        """The employees with these ids (any that exist), by id: read in chunks that stay
        under SQLite's limit on query parameters."""
        wanted = sorted(set(ids))
        found: dict[int, Employee] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = self._query(
                f"SELECT * FROM employees WHERE id IN ({','.join('?' * len(chunk))})", chunk
            )
            found.update((row["id"], self._employee(row)) for row in rows)
        return found

    def employee_by_no(self, employee_no: str) -> Employee | None:
        row = self._one("SELECT * FROM employees WHERE employee_no = ?", (employee_no,))
        return self._employee(row) if row else None

    def list_employees(
        self,
        *,
        active_only: bool = False,
        search: str = "",
        department: str | None = None,
        site: str | None = None,
    ) -> list[Employee]:
        clauses, params = [], []
        if active_only:
            clauses.append("active = 1")
        if department:
            clauses.append("department = ?")
            params.append(department)
        if site:
            clauses.append("site = ?")
            params.append(site)
        if search:
            clauses.append("(employee_no LIKE ? OR name LIKE ? OR department LIKE ?)")
            params += [f"%{search}%"] * 3
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._query(
            f"SELECT * FROM employees {where} ORDER BY department, employee_no", params
        )
        return [self._employee(r) for r in rows]

    def departments(self) -> list[str]:
        rows = self._query(
            "SELECT DISTINCT department FROM employees WHERE department != '' ORDER BY department"
        )
        return [r["department"] for r in rows]

    def sites(self) -> list[str]:
        rows = self._query("SELECT DISTINCT site FROM employees WHERE site != '' ORDER BY site")
        return [r["site"] for r in rows]

    def employee_count(self) -> int:
        return self._one("SELECT count(*) AS n FROM employees")["n"]

    def active_counts(self) -> dict[tuple[str, str], int]:
        """(site, department) -> the number of active employees there, counted in SQL: the
        start screen shows them without reading every employee."""
        rows = self._query(
            "SELECT site, department, count(*) AS n FROM employees WHERE active = 1 "
            "GROUP BY site, department"
        )
        return {(r["site"], r["department"]): r["n"] for r in rows}

    # -- checklist versions -----------------------------------------------------------------

    def record_checklist_sets(self, sets: Iterable[ChecklistSet]) -> dict[str, int]:
        """Keep the exact content of each set; returns set id -> checklist_versions row id."""
        ids: dict[str, int] = {}
        with self.write() as db:
            for checklist in sets:
                digest = checklist.content_hash()
                row = self._one(
                    "SELECT id FROM checklist_versions WHERE content_hash = ?", (digest,)
                )
                if row is None:
                    cursor = db.execute(
                        "INSERT INTO checklist_versions (set_id, version, content_hash, content, "
                        "recorded_at) VALUES (?, ?, ?, ?, ?)",
                        (
                            checklist.id,
                            checklist.version,
                            digest,
                            json.dumps(checklist.to_dict(), ensure_ascii=False, sort_keys=True),
                            _ts(now()),
                        ),
                    )
                    ids[checklist.id] = cursor.lastrowid
                else:
                    ids[checklist.id] = row["id"]
        return ids

    def lineup_checklists(self, lineup_id: int) -> list[tuple[int, ChecklistSet]]:
        """The sets a line-up is judged against, as recorded: (version row id, set)."""
        if lineup_id not in self._sets_cache:
            rows = self._query(
                "SELECT v.id, v.content FROM lineup_checklists lc "
                "JOIN checklist_versions v ON v.id = lc.checklist_version_id "
                "WHERE lc.lineup_id = ? ORDER BY v.id",
                (lineup_id,),
            )
            self._sets_cache[lineup_id] = [
                (r["id"], ChecklistSet.from_dict(json.loads(r["content"]))) for r in rows
            ]
        return self._sets_cache[lineup_id]

    # -- line-ups ---------------------------------------------------------------------------

    @staticmethod
    def _lineup(row: dict) -> Lineup:
        return from_row(
            Lineup,
            row,
            day=date.fromisoformat,
            inspection_type=InspectionType,
            started_at=_parse_ts,
            finished_at=_parse_ts,
        )

    def start_lineup(
        self,
        *,
        day: date,
        shift: str,
        site: str,
        department: str,
        supervisor: str,
        sets: Sequence[ChecklistSet],
        employees: Sequence[Employee],
        inspection_type: InspectionType = InspectionType.LINEUP,
        started_at: datetime | None = None,
    ) -> Lineup:
        """Create a line-up with one (to do) inspection per employee, in the given order."""
        version_ids = self.record_checklist_sets(sets)
        with self.write() as db:
            cursor = db.execute(
                "INSERT INTO lineups (day, shift, site, department, supervisor, inspection_type, "
                "started_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    day.isoformat(),
                    shift,
                    site,
                    department,
                    supervisor,
                    inspection_type.value,
                    _ts(started_at or now()),
                ),
            )
            lineup_id = cursor.lastrowid
            db.conn.executemany(
                "INSERT INTO lineup_checklists (lineup_id, checklist_version_id) VALUES (?, ?)",
                [(lineup_id, vid) for vid in sorted(set(version_ids.values()))],
            )
            self._add_people(db, lineup_id, [(pos, emp.id) for pos, emp in enumerate(employees)])
        return self.get_lineup(lineup_id)

    def _add_people(
        self, db: Database, lineup_id: int, people: Sequence[tuple[int, int | None]]
    ) -> None:
        """Put (position, employee id) people in a line-up, each with the identity they are
        judged with (number, name, department, role, sex as the roster has it now): the
        reports print it and the seal covers it, whatever the roster says later."""
        identity_ids = self._identity_ids(db, [employee_id for _, employee_id in people])
        for _, employee_id in people:
            if employee_id not in identity_ids:
                raise NotFoundError(f"no employee with id {employee_id}")
        db.conn.executemany(
            "INSERT INTO inspections (lineup_id, employee_id, position, identity_id) "
            "VALUES (?, ?, ?, ?)",
            [(lineup_id, eid, position, identity_ids[eid]) for position, eid in people],
        )

    @staticmethod
    def _identity_ids(db: Database, employee_ids: Iterable[int | None]) -> dict[int, int]:
        """Employee id -> the ``identities`` row of their roster entry now (added if new)."""
        ids = sorted({int(e) for e in employee_ids if e is not None})
        found: dict[int, int] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            db.execute(
                "INSERT OR IGNORE INTO identities (employee_id, employee_no, name, department, "
                "role, sex) SELECT id, employee_no, name, department, role, sex FROM employees "
                f"WHERE id IN ({marks}) ORDER BY id",
                chunk,
            )
            rows = db.execute(
                "SELECT e.id, d.id FROM employees e JOIN identities d ON d.employee_id = e.id "
                "AND d.employee_no = e.employee_no AND d.name = e.name "
                "AND d.department = e.department AND d.role = e.role AND d.sex = e.sex "
                f"WHERE e.id IN ({marks})",
                chunk,
            ).fetchall()
            found.update(dict(rows))
        return found

    def get_lineup(self, lineup_id: int) -> Lineup:
        row = self._one("SELECT * FROM lineups WHERE id = ?", (lineup_id,))
        if row is None:
            raise NotFoundError(f"no line-up with id {lineup_id}")
        return self._lineup(row)

    def list_lineups(
        self,
        *,
        start: date | None = None,
        end: date | None = None,
        limit: int | None = None,
        inspection_type: InspectionType = InspectionType.LINEUP,
    ) -> list[Lineup]:
        """Line-ups (or, with ``inspection_type``, floor observations), newest first."""
        sql = (
            "SELECT * FROM lineups WHERE (:start IS NULL OR day >= :start) "
            "AND (:end IS NULL OR day <= :end) AND inspection_type = :type "
            "ORDER BY day DESC, started_at DESC, id DESC"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = self._query(
            sql,
            {**period(start, end), "type": inspection_type.value},
        )
        return [self._lineup(r) for r in rows]

    def lineups_on(
        self,
        day: date,
        shift: str | None = None,
        *,
        inspection_type: InspectionType = InspectionType.LINEUP,
    ) -> list[Lineup]:
        rows = self._query(
            "SELECT * FROM lineups WHERE day = ? AND (? IS NULL OR shift = ?) "
            "AND inspection_type = ? ORDER BY id",
            (day.isoformat(), shift, shift, inspection_type.value),
        )
        return [self._lineup(r) for r in rows]

    def unfinished_lineup(
        self, inspection_type: InspectionType = InspectionType.LINEUP
    ) -> Lineup | None:
        """The most recent line-up (or observation) started and not finished, to resume it."""
        row = self._one(
            "SELECT * FROM lineups WHERE finished_at IS NULL AND inspection_type = ? "
            "ORDER BY started_at DESC, id DESC",
            (inspection_type.value,),
        )
        return self._lineup(row) if row else None

    def get_cursor(self, lineup_id: int) -> int:
        row = self._one("SELECT cursor FROM lineups WHERE id = ?", (lineup_id,))
        return row["cursor"] if row else 0

    def set_cursor(self, lineup_id: int, position: int) -> None:
        """Remember the person on screen, so that a resumed line-up opens there."""
        with self.write() as db:
            db.execute("UPDATE lineups SET cursor = ? WHERE id = ?", (position, lineup_id))

    def finish_lineup(self, lineup_id: int, finished_at: datetime | None = None) -> Lineup:
        from inspector.storage import seal  # not loaded to open the app

        with self.write() as db:
            self._require_open(lineup_id)
            db.execute(
                "UPDATE lineups SET finished_at = ? WHERE id = ?",
                (_ts(finished_at or now()), lineup_id),
            )
            seal.append_seal(db.conn, lineup_id)
        self.checkpoint()  # a finished line-up is in the database file itself
        return self.get_lineup(lineup_id)

    def discard_lineup(self, lineup_id: int) -> bool:
        """Delete an unfinished line-up in which nothing was recorded (no mark, no attendance,
        nobody completed); False, and nothing deleted, when anything was."""
        with self.write() as db:
            self._require_open(lineup_id)
            recorded = self._one(
                "SELECT count(*) AS n FROM inspections i LEFT JOIN marks m "
                "ON m.inspection_id = i.id WHERE i.lineup_id = ? AND (m.item_id IS NOT NULL "
                "OR i.attendance IS NOT NULL OR i.completed_at IS NOT NULL)",
                (lineup_id,),
            )
            if recorded["n"]:
                return False
            db.execute("DELETE FROM inspections WHERE lineup_id = ?", (lineup_id,))
            db.execute("DELETE FROM lineup_checklists WHERE lineup_id = ?", (lineup_id,))
            db.execute("DELETE FROM lineups WHERE id = ?", (lineup_id,))
        return True

    def _require_open(self, lineup_id: int) -> None:
        row = self._one("SELECT finished_at FROM lineups WHERE id = ?", (lineup_id,))
        if row is None:
            raise NotFoundError(f"no line-up with id {lineup_id}")
        if row["finished_at"] is not None:
            raise LineupClosedError(
                f"line-up {lineup_id} is finished: changes need an amendment with a reason"
            )

    # -- inspections ------------------------------------------------------------------------

    @staticmethod
    def _inspection(row: dict) -> Inspection:
        return from_row(Inspection, row, attendance=_attendance, completed_at=_parse_ts)

    def inspections_for(self, lineup_id: int) -> list[Inspection]:
        rows = self._query(
            "SELECT * FROM inspections WHERE lineup_id = ? ORDER BY position", (lineup_id,)
        )
        return [self._inspection(r) for r in rows]

    def get_inspection(self, inspection_id: int) -> Inspection:
        row = self._one("SELECT * FROM inspections WHERE id = ?", (inspection_id,))
        if row is None:
            raise NotFoundError(f"no inspection with id {inspection_id}")
        return self._inspection(row)

    def applicable_items_for(self, inspection: Inspection) -> list:
        """(set, item) pairs that apply to the inspected person, from the recorded versions."""
        employee = self.judged_identity(inspection.id)
        sets = [s for _, s in self.lineup_checklists(inspection.lineup_id)]
        return applicable_items(sets, employee)

    def judged_identity(self, inspection_id: int) -> Employee:
        """The person as the line-up judged them: number, name, department, role and sex
        recorded when they were added (site and active state from the roster)."""
        row = self._one(
            "SELECT e.*, d.employee_no AS judged_no, d.name AS judged_name, "
            "d.department AS judged_department, d.role AS judged_role, d.sex AS judged_sex "
            "FROM inspections i JOIN employees e ON e.id = i.employee_id "
            "LEFT JOIN identities d ON d.id = i.identity_id WHERE i.id = ?",
            (inspection_id,),
        )
        if row is None:
            raise NotFoundError(f"no inspection with id {inspection_id}")
        if row["judged_no"] is not None:  # recorded (every inspection since m003)
            row.update(
                employee_no=row["judged_no"],
                name=row["judged_name"],
                department=row["judged_department"],
                role=row["judged_role"],
                sex=row["judged_sex"],
            )
        return self._employee(row)

    def _version_id_for_item(self, lineup_id: int, item_id: str) -> int:
        for version_id, checklist in self.lineup_checklists(lineup_id):
            if any(item.id == item_id for item in checklist.items):
                return version_id
        raise NotFoundError(f"item {item_id} is not in the checklists of line-up {lineup_id}")

    def _rescore(self, db: Database, inspection: Inspection) -> None:
        """Recompute the stored counts of a completed inspection from its marks."""
        if inspection.completed_at is None:
            return
        if inspection.attendance is not None and not inspection.attendance.inspected:
            db.execute(
                "UPDATE inspections SET applicable = 0, passed = 0, failed = 0, "
                "critical_failed = 0, fault_points = 0 WHERE id = ?",
                (inspection.id,),
            )
            return
        marks = {m.item_id: m.result for m in self.marks_for(inspection.id)}
        items = [item for _, item in self.applicable_items_for(inspection)]
        score = score_inspection(items, marks)
        db.execute(
            "UPDATE inspections SET applicable = ?, passed = ?, failed = ?, critical_failed = ?, "
            "fault_points = ? WHERE id = ?",
            (
                score.applicable,
                score.passed,
                score.failed,
                score.critical_failed,
                score.fault_points,
                inspection.id,
            ),
        )

    # -- marks ------------------------------------------------------------------------------

    @staticmethod
    def _mark(row: dict) -> Mark:
        return from_row(Mark, row, result=Result, marked_at=_parse_ts)

    def marks_for(self, inspection_id: int) -> list[Mark]:
        rows = self._query(
            "SELECT * FROM marks WHERE inspection_id = ? ORDER BY item_id", (inspection_id,)
        )
        return [self._mark(r) for r in rows]

    def marks_for_lineup(self, lineup_id: int) -> dict[int, list[Mark]]:
        rows = self._query(
            "SELECT m.* FROM marks m JOIN inspections i ON i.id = m.inspection_id "
            "WHERE i.lineup_id = ? ORDER BY i.position, m.item_id",
            (lineup_id,),
        )
        marks: dict[int, list[Mark]] = {}
        for row in rows:
            marks.setdefault(row["inspection_id"], []).append(self._mark(row))
        return marks

    def _write_mark(
        self,
        db: Database,
        inspection: Inspection,
        item_id: str,
        result: Result | None,
        note: str | None,
        photo: str | None,
    ) -> None:
        existing = self._one(
            "SELECT * FROM marks WHERE inspection_id = ? AND item_id = ?",
            (inspection.id, item_id),
        )
        new_note = note if note is not None else (existing["note"] if existing else "")
        new_photo = photo if photo is not None else (existing["photo"] if existing else "")
        if result is None:
            result = Result(existing["result"]) if existing else Result.PASS
        if result is Result.PASS and not new_note and not new_photo:
            # A plain pass is the default: no row needed.
            db.execute(
                "DELETE FROM marks WHERE inspection_id = ? AND item_id = ?",
                (inspection.id, item_id),
            )
        else:
            db.execute(
                "INSERT INTO marks (inspection_id, item_id, checklist_version_id, result, note, "
                "photo, marked_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (inspection_id, item_id) DO UPDATE SET result = excluded.result, "
                "note = excluded.note, photo = excluded.photo, marked_at = excluded.marked_at",
                (
                    inspection.id,
                    item_id,
                    self._version_id_for_item(inspection.lineup_id, item_id),
                    result.value,
                    new_note,
                    new_photo,
                    _ts(now()),
                ),
            )
        # The callers read ``inspection`` under the write lock, and a mark changes neither its
        # attendance nor its completion: no need to read it again.
        self._rescore(db, inspection)

    def set_mark(
        self,
        inspection_id: int,
        item_id: str,
        result: Result | None = None,
        *,
        note: str | None = None,
        photo: str | None = None,
    ) -> Mark | None:
        """Record one mark durably on an open line-up. ``None`` leaves that field as it was.

        Returns the stored mark, or None when the item is back to a plain pass.
        """
        with self.write() as db:
            inspection = self.get_inspection(inspection_id)
            self._require_open(inspection.lineup_id)
            self._write_mark(db, inspection, item_id, result, note, photo)
        row = self._one(
            "SELECT * FROM marks WHERE inspection_id = ? AND item_id = ?", (inspection_id, item_id)
        )
        return self._mark(row) if row else None

    def set_attendance(self, inspection_id: int, attendance: Attendance) -> Inspection:
        """Absent and on leave complete the person (nothing to inspect); late does not."""
        inspection = self.get_inspection(inspection_id)
        with self.write() as db:
            self._require_open(inspection.lineup_id)
            self._write_attendance(db, inspection, attendance)
        return self.get_inspection(inspection_id)

    def _write_attendance(
        self, db: Database, inspection: Inspection, attendance: Attendance
    ) -> None:
        completed = inspection.completed_at
        if not attendance.inspected:
            completed = completed or now()
        db.execute(
            "UPDATE inspections SET attendance = ?, completed_at = ? WHERE id = ?",
            (attendance.value, _ts(completed), inspection.id),
        )
        self._rescore(db, self.get_inspection(inspection.id))

    def complete_inspection(self, inspection_id: int) -> Inspection:
        """Every applicable item not marked passes; the person is done (the Space key)."""
        inspection = self.get_inspection(inspection_id)
        with self.write() as db:
            self._require_open(inspection.lineup_id)
            # Late people stay late; anyone else who is inspected was present.
            late = inspection.attendance is Attendance.LATE
            attendance = Attendance.LATE if late else Attendance.PRESENT
            db.execute(
                "UPDATE inspections SET attendance = ?, completed_at = ? WHERE id = ?",
                (attendance.value, _ts(inspection.completed_at or now()), inspection_id),
            )
            self._rescore(db, self.get_inspection(inspection_id))
        return self.get_inspection(inspection_id)

    def reopen_inspection(self, inspection_id: int) -> Inspection:
        """Back to 'to do' on an open line-up (marks are kept)."""
        inspection = self.get_inspection(inspection_id)
        with self.write() as db:
            self._require_open(inspection.lineup_id)
            db.execute(
                "UPDATE inspections SET completed_at = NULL, attendance = NULL, applicable = 0, "
                "passed = 0, failed = 0, critical_failed = 0, fault_points = 0 WHERE id = ?",
                (inspection_id,),
            )
        return self.get_inspection(inspection_id)

    # -- amendments to finished line-ups ----------------------------------------------------

    def _snapshot(self, inspection_id: int, item_id: str | None) -> dict:
        inspection = self.get_inspection(inspection_id)
        snap: dict = {"attendance": inspection.attendance.value if inspection.attendance else None}
        if item_id is None:
            snap["inspected"] = inspection.completed_at is not None
        else:
            mark = next((m for m in self.marks_for(inspection_id) if m.item_id == item_id), None)
            snap.update(
                result=(mark.result.value if mark else Result.PASS.value),
                note=mark.note if mark else "",
                photo=mark.photo if mark else "",
            )
        return snap

    def _log_change(
        self,
        db: Database,
        inspection: Inspection,
        item_id: str | None,
        before: dict,
        after: dict,
        reason: str,
        changed_by: str,
        changed_at: datetime | None = None,
    ) -> int:
        if not reason.strip():
            raise ValueError("an amendment needs a reason")
        if not changed_by.strip():
            raise ValueError("an amendment needs its author")
        cursor = db.execute(
            "INSERT INTO change_log (lineup_id, inspection_id, item_id, before, after, reason, "
            "changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                inspection.lineup_id,
                inspection.id,
                item_id,
                json.dumps(before, ensure_ascii=False, sort_keys=True),
                json.dumps(after, ensure_ascii=False, sort_keys=True),
                reason.strip(),
                changed_by.strip(),
                _ts(changed_at or now()),
            ),
        )
        return cursor.lastrowid

    def _amend(
        self,
        inspection_id: int,
        item_id: str | None,
        change: Callable[[Database, Inspection], bool],
        reason: str,
        changed_by: str,
        changed_at: datetime | None,
        *,
        log_unchanged: bool = False,
    ) -> None:
        """One amendment of a finished line-up, in one transaction: the line-up must be this
        database's own (``hub_local.require_local``); ``change`` writes it (False:
        nothing to do); the change log keeps before and after (unless nothing changed, with
        ``log_unchanged`` False) and the line-up's seal chain seals the entry."""
        from inspector.storage import hub_local, seal  # not loaded to open the app

        with self.write() as db:
            inspection = self.get_inspection(inspection_id)
            hub_local.require_local(db.conn, inspection.lineup_id)
            before = self._snapshot(inspection_id, item_id)
            if not change(db, inspection):
                return
            after = self._snapshot(inspection_id, item_id)
            if before != after or log_unchanged:
                change_id = self._log_change(
                    db, inspection, item_id, before, after, reason, changed_by, changed_at
                )
                seal.seal_amendment(db.conn, inspection.lineup_id, change_id)

    def amend_mark(
        self,
        inspection_id: int,
        item_id: str,
        result: Result | None,
        *,
        reason: str,
        changed_by: str,
        note: str | None = None,
        photo: str | None = None,
        changed_at: datetime | None = None,
    ) -> None:
        """Change a mark of a finished line-up; the change log keeps who, when (``changed_at``,
        now unless given), why, before and after."""

        def change(db: Database, inspection: Inspection) -> bool:
            self._write_mark(db, inspection, item_id, result, note, photo)
            return True

        self._amend(inspection_id, item_id, change, reason, changed_by, changed_at)

    def amend_attendance(
        self,
        inspection_id: int,
        attendance: Attendance,
        *,
        reason: str,
        changed_by: str,
        changed_at: datetime | None = None,
    ) -> None:
        """Change the attendance of someone in a finished line-up. Someone who was absent or on
        leave and turns out to have been there was never inspected: they become "to do" (not
        inspected) until an ``amend_complete`` records their inspection."""

        def change(db: Database, inspection: Inspection) -> bool:
            was_away = inspection.attendance is not None and not inspection.attendance.inspected
            if attendance.inspected and was_away:
                db.execute(
                    "UPDATE inspections SET attendance = ?, completed_at = NULL, applicable = 0, "
                    "passed = 0, failed = 0, critical_failed = 0, fault_points = 0 WHERE id = ?",
                    (attendance.value, inspection_id),
                )
            else:
                self._write_attendance(db, inspection, attendance)
            return True

        self._amend(inspection_id, None, change, reason, changed_by, changed_at)

    def amend_complete(
        self,
        inspection_id: int,
        *,
        reason: str,
        changed_by: str,
        changed_at: datetime | None = None,
    ) -> None:
        """Record the inspection, after the line-up was finished, of someone not inspected in
        it: as the Space key does, every applicable item not marked passes."""

        def change(db: Database, inspection: Inspection) -> bool:
            if inspection.completed_at is not None:
                return False
            late = inspection.attendance is Attendance.LATE
            db.execute(
                "UPDATE inspections SET attendance = ?, completed_at = ? WHERE id = ?",
                (
                    (Attendance.LATE if late else Attendance.PRESENT).value,
                    _ts(changed_at or now()),
                    inspection_id,
                ),
            )
            self._rescore(db, self.get_inspection(inspection_id))
            return True

        self._amend(inspection_id, None, change, reason, changed_by, changed_at, log_unchanged=True)

    def change_log(
        self,
        lineup_id: int | None = None,
        *,
        employee_id: int | None = None,
        start: date | None = None,
        end: date | None = None,
    ) -> list[ChangeRecord]:
        """The changes to finished line-ups, oldest first: of one line-up, or of one employee's
        inspections in line-ups held from ``start`` to ``end`` (both included)."""
        rows = self._query(
            "SELECT c.* FROM change_log c JOIN lineups l ON l.id = c.lineup_id "
            "LEFT JOIN inspections i ON i.id = c.inspection_id "
            "WHERE (:lineup IS NULL OR c.lineup_id = :lineup) "
            "AND (:emp IS NULL OR i.employee_id = :emp) "
            "AND (:start IS NULL OR l.day >= :start) AND (:end IS NULL OR l.day <= :end) "
            "ORDER BY c.id",
            {"lineup": lineup_id, "emp": employee_id, **period(start, end)},
        )
        return [
            from_row(ChangeRecord, r, before=json.loads, after=json.loads, changed_at=_parse_ts)
            for r in rows
        ]

    # -- history ----------------------------------------------------------------------------

    def employee_history(
        self, employee_id: int, start: date | None = None, end: date | None = None
    ) -> list[HistoryEntry]:
        """Every inspection of one employee in a period, newest first, with its marks."""
        rows = self._query(
            "SELECT l.id AS l_id, l.day, l.shift, l.site, l.department, l.supervisor, "
            "l.inspection_type, l.started_at, l.finished_at, i.* FROM inspections i "
            "JOIN lineups l ON l.id = i.lineup_id WHERE i.employee_id = :emp "
            "AND (:start IS NULL OR l.day >= :start) AND (:end IS NULL OR l.day <= :end) "
            "ORDER BY l.day DESC, l.id DESC",
            {"emp": employee_id, **period(start, end)},
        )
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        marks: dict[int, list[Mark]] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            marks_rows = self._query(
                f"SELECT * FROM marks WHERE inspection_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for m in marks_rows:
                marks.setdefault(m["inspection_id"], []).append(self._mark(m))
        entries = []
        for r in rows:
            lineup = self._lineup({**r, "id": r["l_id"]})
            entries.append(HistoryEntry(lineup, self._inspection(r), tuple(marks.get(r["id"], ()))))
        return entries
