"""``inspector backup | restore | verify | photos purge``: keeping the records safe and provable.

- ``backup [--out FILE]`` writes a checked copy (default: the backups folder beside the database);
- ``restore FILE`` puts a backup in place, refusing a file that is not a good Inspector backup,
  and keeps the current database aside as ``<db>.before-restore-<timestamp>``;
- ``verify`` recomputes the seal chain and names every line-up whose records no longer match
  (exit status 1 if any);
- ``photos purge [--older-than DAYS]`` applies the photo retention now.

These are short writers and do not take the app lock, except ``restore``, which replaces the file
and so refuses while the app has the database open.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector import paths
from inspector.cli import CommandError
from inspector.cli.common import add_common_arguments, day_count, input_path, output_file
from inspector.cli.common import db_path as session_db_path


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser(
        "backup",
        help="write a checked copy of the database",
        description=(
            "Write a consistent, integrity-checked copy of the database (safe while the app "
            "is open). Default: a new file in the backups folder beside the database."
        ),
    )
    add_common_arguments(backup, checklists=False)
    backup.add_argument("--out", type=output_file, metavar="FILE", help="where to write the copy")
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help="replace the database with a backup (the current one is kept aside)",
        description=(
            "Check a backup (an SQLite file that passes its integrity check and was written by "
            "this or an older version of Inspector) and put it in place of the database. The "
            "current database is kept as <db>.before-restore-<timestamp>. Close the app first."
        ),
    )
    add_common_arguments(restore, checklists=False)
    restore.add_argument("file", type=input_path, metavar="FILE", help="the backup to restore")
    restore.set_defaults(func=run_restore)

    verify = subparsers.add_parser(
        "verify",
        help="check that no sealed line-up was altered",
        description=(
            "Recompute the seal of every finished line-up and the chain that links them, and "
            "name every line-up whose stored records no longer match. Exit status 1 if any."
        ),
    )
    add_common_arguments(verify, checklists=False)
    verify.set_defaults(func=run_verify)

    photos = subparsers.add_parser(
        "photos", help="photo evidence", description="Manage the photo evidence of marks."
    )
    actions = photos.add_subparsers(dest="photos_command", metavar="ACTION", required=True)
    purge = actions.add_parser(
        "purge",
        help="delete photos older than the retention period",
        description=(
            "Clear the photos of marks older than the retention period (setting "
            "photo_retention_days, default 180) and delete the files. On finished line-ups "
            "this is recorded as an amendment with the reason 'photo retention'."
        ),
    )
    add_common_arguments(purge, checklists=False)
    purge.add_argument(
        "--older-than", type=day_count, metavar="DAYS", default=None, help="override the retention"
    )
    purge.set_defaults(func=run_photos_purge)


def _db(args: argparse.Namespace) -> Path:
    default = paths.demo_db_path() if getattr(args, "demo", False) else None
    return session_db_path(args, default)


def _existing_db(args: argparse.Namespace) -> Path:
    path = _db(args)
    if path.is_dir():
        raise CommandError(f"{path} is a folder, not a database file: give the path of a .db file")
    if not path.is_file():
        raise CommandError(f"the database {path} does not exist")
    return path


def run_backup(args: argparse.Namespace) -> int:
    from inspector.storage.backup import backup_database, manual_backup_path

    path = _existing_db(args)
    dest = Path(args.out) if args.out else manual_backup_path(path)
    if dest.exists():
        raise CommandError(f"{dest} already exists: choose another file name")
    backup_database(path, dest)
    print(f"Backed up {path} to {dest} (integrity check: ok)")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from inspector.storage import Store
    from inspector.storage.backup import restore_database

    path = _db(args)
    aside = restore_database(args.file, path)
    with Store(path) as store:  # brings an older backup up to date, and checks it opens
        employees = store.employee_count()
    print(f"Restored {args.file} as {path} ({employees} employees).")
    if aside is not None:
        print(f"The database it replaced is kept as {aside}")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from inspector.storage import Store
    from inspector.storage.opening import open_database
    from inspector.storage.seal import short_form, verify

    path = _existing_db(args)
    # Read-only when possible: HR may verify a copy on a share they cannot write to.
    store = open_database(path, read_only=True)  # on read-only media too
    try:
        if "_sqlite_migrations" not in store.db.table_names():
            raise CommandError(f"{path} is not an Inspector database: there is nothing to verify")
        if store.pending_migrations():
            store.close()
            store = Store(path)
        report = verify(store.db.conn)
    finally:
        store.close()
    for problem in report.problems:
        print(problem.message)
    if not report.ok:
        bad = report.bad_lineups
        listed = ", ".join(str(i) for i in bad)
        print(
            f"{path}: {len(bad)} line-up{'s' if len(bad) != 1 else ''} no longer match "
            f"{'their seals' if len(bad) != 1 else 'its seal'}: {listed}"
        )
        return 1
    print(
        f"{path}: {report.lineups} sealed line-up{'s' if report.lineups != 1 else ''} "
        f"({report.seals} seals): every record matches its seal."
    )
    print(f"Chain head: {short_form(report.head)}  ({report.head})")
    return 0


def run_photos_purge(args: argparse.Namespace) -> int:
    from inspector.storage import Store
    from inspector.storage.photos import purge_photos

    path = _existing_db(args)
    if args.older_than is not None and args.older_than < 0:
        raise CommandError("--older-than takes a number of days, 0 or more")
    with Store(path) as store:
        summary = purge_photos(store, args.older_than)
    print(
        f"Cleared {summary.marks_cleared} photo{'s' if summary.marks_cleared != 1 else ''} "
        f"from marks before {summary.cutoff.isoformat()}; deleted {summary.files_deleted} "
        f"file{'s' if summary.files_deleted != 1 else ''}."
    )
    return 0
