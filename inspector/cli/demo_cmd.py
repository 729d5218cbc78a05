"""``inspector demo``: fill a database with a made-up company and its inspection history."""

from __future__ import annotations

import argparse
import time

from inspector import paths
from inspector.cli import CommandError
from inspector.cli.arguments import DATABASE_AND_CHECKLISTS, command, flag, option
from inspector.cli.common import db_path, load_catalogue_for, open_store, whole_number
from inspector.services.demo import (
    DEFAULT_DAYS,
    DEFAULT_EMPLOYEES,
    DEFAULT_SEED,
    MIN_EMPLOYEES,
    DemoRefused,
    fill_demo,
)

# Limits that keep a demo to about a minute of work (about 30 µs per inspection written).
MAX_EMPLOYEES = 20_000
MAX_DAYS = 1_000
MAX_INSPECTIONS = 2_000_000


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = command(
        subparsers,
        "demo",
        run_demo,
        option(
            "--employees",
            type=whole_number(MIN_EMPLOYEES, MAX_EMPLOYEES, " (employees)"),
            default=DEFAULT_EMPLOYEES,
            metavar="N",
            help=f"number of employees (default {DEFAULT_EMPLOYEES})",
        ),
        option(
            "--days",
            type=whole_number(0, MAX_DAYS, " (working days)"),
            default=DEFAULT_DAYS,
            metavar="D",
            help=(
                f"working days of line-ups before today (default {DEFAULT_DAYS}, about three "
                "months)"
            ),
        ),
        option(
            "--seed",
            type=whole_number(0, 2**63 - 1),
            default=DEFAULT_SEED,
            metavar="S",
            help=f"random seed: the same seed gives the same data (default {DEFAULT_SEED})",
        ),
        option(
            "--site",
            metavar="NAME",
            help="one site of a company: everyone works at NAME, employee numbers unique to it",
        ),
        flag("--force", "add the demo data even if the database already has employees"),
        DATABASE_AND_CHECKLISTS,
    )
    for action in parser._actions:
        if action.dest == "db":
            action.help = "database file (default: the demo database that 'inspector --demo' opens)"


def run_demo(args: argparse.Namespace) -> int:
    """fill a database with demo data (a made-up company and its line-ups)

    Fill a database with a made-up property-management company: a roster with Chinese names,
    departments and sites, and one morning line-up per working day for the last DAYS working days.
    Without --db it fills the demo database that 'inspector --demo' opens. A database that already
    has employees is left alone unless --force.
    """
    size = args.employees * args.days
    if size > MAX_INSPECTIONS:
        raise CommandError(
            f"--employees {args.employees:,} with --days {args.days:,} would write {size:,} "
            f"inspections; at most {MAX_INSPECTIONS:,} are allowed (about a minute): give "
            "fewer employees or fewer days"
        )
    catalogue = load_catalogue_for(args)
    path = db_path(args, default=paths.demo_db_path())
    started = time.perf_counter()
    with open_store(args, default=path) as store:
        try:
            summary = fill_demo(
                store,
                catalogue,
                employees=args.employees,
                days=args.days,
                seed=args.seed,
                force=args.force,
                site=(args.site or "").strip() or None,
            )
        except DemoRefused as exc:
            raise CommandError(str(exc)) from None
    seconds = time.perf_counter() - started
    print(
        f"Demo data written to {path} in {seconds:.1f} s: {summary.employees} employees, "
        f"{summary.lineups} line-ups, {summary.inspections} inspections, "
        f"{summary.faults} faults."
    )
    if getattr(args, "db", None) is None:
        print("Open it with: inspector --demo")
    else:
        print(f"Open it with: inspector --db {path}")
    return 0
