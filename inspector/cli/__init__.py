"""The ``inspector`` command. Plain ``inspector`` starts the GUI; subcommands work without Qt.

Each command group lives in its own module with a ``register(subparsers)`` function that adds
its parser and sets ``func`` (called with the parsed args, returns the exit code).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from inspector import __version__

# Command-group modules, in the order they appear in --help.
_COMMAND_MODULES = (
    "inspector.cli.checklists_cmd",
    "inspector.cli.roster_cmd",
    "inspector.cli.demo_cmd",
    "inspector.cli.lineup_cmd",
    "inspector.cli.report_cmd",
    "inspector.cli.backup_cmd",
    "inspector.cli.settings_cmd",
)


class CommandError(Exception):
    """A problem the user can fix, reported as one message and exit status 2 (no traceback)."""


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", type=Path, default=None, help="database file (default: the company database)"
    )


def add_checklists_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--checklists",
        type=Path,
        action="append",
        default=None,
        metavar="DIR",
        help="a folder of checklist files that adds to or overrides the shipped ones (repeatable)",
    )


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="inspector",
        description="Uniform and grooming inspections. Without a command, starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"inspector {__version__}")
    add_db_argument(parser)
    add_checklists_argument(parser)
    parser.add_argument(
        "--demo", action="store_true", help="open the demo database (created on first use)"
    )
    parser.add_argument("--lang", choices=("zh", "en"), default=None, help="interface language")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from inspector.gui.startup import run_gui

        return run_gui(args)
    try:
        return int(args.func(args) or 0)
    except CommandError as exc:
        print(f"inspector: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from inspector.storage.errors import StorageError

        if isinstance(exc, StorageError):
            print(f"inspector: {exc}", file=sys.stderr)
            return 2
        raise
