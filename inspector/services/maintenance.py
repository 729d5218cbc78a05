"""Keeping the records safe and provable: backup, restore, verify and the photo retention.

The use cases behind ``inspector backup | restore | verify | photos purge`` (and the GUI's
equivalents): each takes the database's path, does the work through the storage layer, and
returns a result with what the user is shown. Problems the user can act on are raised as a
:class:`MaintenanceError` (a missing database, a backup file that exists already, a seal that
is not one) or as the storage layer's own errors (a damaged file, a locked database).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from inspector.domain.errors import UserError
from inspector.storage import Store, photos, seal
from inspector.storage import backup as backups
from inspector.storage.opening import open_database


class MaintenanceError(UserError):
    """A request that cannot be carried out as asked; the message says why and what to do."""


def _existing(db_path: Path | str) -> Path:
    path = Path(db_path)
    if path.is_dir():
        raise MaintenanceError(
            f"{path} is a folder, not a database file: give the path of a .db file"
        )
    if not path.is_file():
        raise MaintenanceError(f"the database {path} does not exist")
    return path


# -- backup -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BackupResult:
    source: Path
    dest: Path

    @property
    def message(self) -> str:
        return f"Backed up {self.source} to {self.dest} (integrity check: ok)"


def backup_now(db_path: Path | str, dest: Path | str | None = None) -> BackupResult:
    """A checked copy of the database: at ``dest``, or a new file in its backups folder.

    The way to copy a database: copying the ``.db`` file alone can miss what is still in its
    ``-wal``; this copy is consistent even while the app is saving marks.
    """
    source = _existing(db_path)
    target = Path(dest) if dest is not None else backups.manual_backup_path(source)
    if target.exists():
        raise MaintenanceError(f"{target} already exists: choose another file name")
    return BackupResult(source, backups.backup_database(source, target))


@dataclass(frozen=True, slots=True)
class DailyBackupResult:
    made: Path | None  # None: today's backup exists already (or there is no database yet)
    kept: tuple[Path, ...]  # the daily backups now, newest first


def daily_backup(
    db_path: Path | str, keep: int | None = None, *, today: date | None = None
) -> DailyBackupResult:
    """Today's backup unless it exists, keeping the newest ``keep`` (None: the setting)."""
    if keep is not None and keep < 1:
        raise MaintenanceError("keep at least 1 daily backup")
    made = backups.daily_backup(db_path, keep, today=today)
    return DailyBackupResult(made, tuple(backups.daily_backups(db_path)))


# -- restore ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RestoreResult:
    source: Path
    db_path: Path
    kept_aside: Path | None  # where the database it replaced is kept (None: there was none)
    employees: int

    @property
    def lines(self) -> list[str]:
        lines = [f"Restored {self.source} as {self.db_path} ({self.employees} employees)."]
        if self.kept_aside is not None:
            lines.append(f"The database it replaced is kept as {self.kept_aside}")
        return lines


def restore(backup_file: Path | str, db_path: Path | str) -> RestoreResult:
    """Put a checked backup in place of the database (the app must be closed), then open it:
    an older backup is brought up to date, and a file that does not open is said now."""
    source, target = Path(backup_file), Path(db_path)
    aside = backups.restore_database(source, target)
    with Store(target) as store:
        employees = store.employee_count()
    return RestoreResult(source, target, aside, employees)


# -- verify -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VerifyResult:
    db_path: Path
    report: seal.VerifyReport
    expected: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.report.ok

    @property
    def lines(self) -> list[str]:
        """What ``inspector verify`` prints: every problem, then a summary (and the head)."""
        report = self.report
        lines = [problem.message for problem in report.problems]
        if not report.ok:
            bad = report.bad_lineups
            if bad:
                listed = ", ".join(str(i) for i in bad)
                lines.append(
                    f"{self.db_path}: {len(bad)} line-up{'s' if len(bad) != 1 else ''} no "
                    f"longer match {'their seals' if len(bad) != 1 else 'its seal'}: {listed}"
                )
            else:
                lines.append(f"{self.db_path}: the seal chain does not hold every record.")
            return lines
        for value, lineup_id in report.expected:
            lines.append(
                f"Seal {seal.short_form(value)} is in the chain (line-up {lineup_id}) and its "
                "record matches."
            )
        rechecked = report.follow_ups
        follow_ups = (
            f" and {rechecked} re-check{'s' if rechecked != 1 else ''}" if rechecked else ""
        )
        lines.append(
            f"{self.db_path}: {report.lineups} sealed line-up{'s' if report.lineups != 1 else ''}"
            f"{follow_ups} ({report.seals} seals): every record matches its seal."
        )
        lines.append(f"Chain head: {seal.short_form(report.head)}  ({report.head})")
        return lines


def verify(db_path: Path | str, expect: Iterable[str] = ()) -> VerifyResult:
    """Recompute every seal and the chain; ``expect``: seals or chain heads printed on paper.

    Opens the database read-only when it is up to date (HR may verify a copy on a share they
    cannot write to); a database of an older version is brought up to date first.
    """
    path = _existing(db_path)
    expected = tuple(expect)
    try:
        for value in expected:
            seal.normalise_expected(value)
    except seal.BadExpectedSeal as exc:
        raise MaintenanceError(f"--expect: {exc}") from None
    store = open_database(path, read_only=True)  # on read-only media too
    try:
        if not store.has_schema():
            raise MaintenanceError(
                f"{path} is not an Inspector database: there is nothing to verify"
            )
        if store.pending_migrations():
            store.close()
            store = Store(path)
        report = seal.verify_store(store, expected)
    finally:
        store.close()
    return VerifyResult(path, report, expected)


# -- photos -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PurgeResult:
    summary: photos.PurgeSummary

    @property
    def message(self) -> str:
        s = self.summary
        return (
            f"Cleared {s.marks_cleared} photo{'s' if s.marks_cleared != 1 else ''} from marks "
            f"before {s.cutoff.isoformat()}; deleted {s.files_deleted} "
            f"file{'s' if s.files_deleted != 1 else ''}."
        )


def purge_photos(db_path: Path | str, older_than_days: int | None = None) -> PurgeResult:
    """Apply the photo retention now (``older_than_days`` None: the setting, default 180)."""
    path = _existing(db_path)
    if older_than_days is not None and older_than_days < 0:
        raise MaintenanceError("--older-than takes a number of days, 0 or more")
    with Store(path) as store:
        return PurgeResult(photos.purge_photos(store, older_than_days))
