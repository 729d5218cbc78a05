"""``inspector backup | restore | verify | photos purge``: keeping the records safe and provable.

- ``backup [--out FILE]`` writes a checked copy (default: the backups folder beside the database);
- ``restore FILE`` puts a backup in place, refusing a file that is not a good Inspector backup,
  and keeps the current database aside as ``<db>.before-restore-<timestamp>``;
- ``verify [--expect HASH]`` recomputes the seal chain and names every line-up whose records no
  longer match, and every seal printed on paper that is no longer in the chain (exit status 1);
- ``photos purge [--older-than DAYS]`` applies the photo retention now.

These are short writers and do not take the app lock, except ``restore``, which replaces the file
and so refuses while the app has the database open. The work is done by
``inspector.services.maintenance``; this module parses the arguments and prints its results.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from inspector.cli import CommandError
from inspector.cli.arguments import DATABASE, command, group, option, out_file
from inspector.cli.common import day_count, db_path, input_path


def register(subparsers: argparse._SubParsersAction) -> None:
    command(subparsers, "backup", run_backup, DATABASE, out_file("FILE", "where to write the copy"))
    command(
        subparsers,
        "restore",
        run_restore,
        DATABASE,
        option("file", type=input_path, metavar="FILE", help="the backup to restore"),
    )
    command(
        subparsers,
        "verify",
        run_verify,
        DATABASE,
        option(
            "--expect",
            action="append",
            default=[],
            metavar="HASH",
            help=(
                "a seal or chain head as printed on a line-up sheet or monthly pack (e.g. "
                "ab12cd34): fail, naming the line-up, if it is no longer in the chain or its "
                "record no longer matches (repeatable)"
            ),
        ),
    )
    register_photos(subparsers)


@group("photos")
def register_photos(photos: argparse._SubParsersAction) -> None:
    """photo evidence

    Manage the photo evidence of marks.
    """
    command(
        photos,
        "purge",
        run_photos_purge,
        DATABASE,
        option(
            "--older-than",
            type=day_count,
            metavar="DAYS",
            default=None,
            help="override the retention",
        ),
    )


@contextmanager
def _said() -> Iterator[None]:
    """A use case's refusal becomes the command's one-line message (exit status 2)."""
    from inspector.services.maintenance import MaintenanceError

    try:
        yield
    except MaintenanceError as exc:
        raise CommandError(str(exc)) from None


def _run(use_case: Callable[[], object]) -> object:
    with _said():
        return use_case()


def run_backup(args: argparse.Namespace) -> int:
    """write a checked copy of the database

    Write a consistent, integrity-checked copy of the database (safe while the app is open).
    Default: a new file in the backups folder beside the database.
    """
    from inspector.services import maintenance

    result = _run(lambda: maintenance.backup_now(db_path(args), args.out))
    print(result.message)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """replace the database with a backup (the current one is kept aside)

    Check a backup (an SQLite file that passes its integrity check and was written by this or an
    older version of Inspector) and put it in place of the database. The current database is kept as
    <db>.before-restore-<timestamp>. Close the app first.
    """
    from inspector.services import maintenance

    result = _run(lambda: maintenance.restore(args.file, db_path(args)))
    for line in result.lines:
        print(line)
    return 0


def run_verify(args: argparse.Namespace) -> int:
    """check that no sealed line-up was altered

    Recompute the seal of every finished line-up and the chain that links them, and name every
    line-up whose stored records no longer match. Exit status 1 if any.
    """
    from inspector.services import maintenance

    result = _run(lambda: maintenance.verify(db_path(args), args.expect))
    for line in result.lines:
        print(line)
    return 0 if result.ok else 1


def run_photos_purge(args: argparse.Namespace) -> int:
    """delete photos older than the retention period

    Clear the photos of marks older than the retention period (setting photo_retention_days, default
    180) and delete the files. On finished line-ups this is recorded as an amendment with the reason
    'photo retention'.
    """
    from inspector.services import maintenance

    result = _run(lambda: maintenance.purge_photos(db_path(args), args.older_than))
    print(result.message)
    return 0
