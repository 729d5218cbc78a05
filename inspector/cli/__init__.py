"""The ``inspector`` command. Plain ``inspector`` starts the GUI; subcommands work without Qt.

Each command group lives in its own module with a ``register(subparsers)`` function that adds
its parser and sets ``func`` (called with the parsed args, returns the exit code).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from inspector import __version__
from inspector.domain.errors import UserError


def _command_modules() -> tuple[ModuleType, ...]:
    """The command-group modules, in the order they appear in --help. Imported only when a
    command (or --help) is asked for: plain ``inspector`` starts the app without them."""
    from inspector.cli import (
        backup_cmd,
        checklists_cmd,
        demo_cmd,
        hub_cmd,
        lineup_cmd,
        observation_cmd,
        recheck_cmd,
        report_cmd,
        roster_cmd,
        settings_cmd,
    )

    return (
        checklists_cmd,
        roster_cmd,
        demo_cmd,
        lineup_cmd,
        observation_cmd,
        recheck_cmd,
        report_cmd,
        backup_cmd,
        settings_cmd,
        hub_cmd,
    )


class CommandError(UserError):
    """A problem the user can fix, reported as one message and exit status 2 (no traceback)."""


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    from inspector.cli.common import input_path

    parser.add_argument(
        "--db", type=input_path, default=None, help="database file (default: the company database)"
    )


def add_checklists_argument(parser: argparse.ArgumentParser) -> None:
    from inspector.cli.common import input_path

    parser.add_argument(
        "--checklists",
        type=input_path,
        action="append",
        default=None,
        metavar="DIR",
        help="a folder of checklist files that adds to or overrides the shipped ones (repeatable)",
    )


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The parser; ``commands=False`` leaves the subcommands out (start-up of the app)."""
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
    if not commands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        module.register(subparsers)
    return parser


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The parsed arguments; the command modules load only when something besides the app's
    own options is given (a command, --help)."""
    if not {"-h", "--help"} & set(argv):
        app_only = build_parser(commands=False)
        app_only.exit_on_error = False
        try:
            args, rest = app_only.parse_known_args(argv)
        except argparse.ArgumentError:  # a command's own option: the full parser says it
            rest = ["?"]
        if not rest:
            return args
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Exit status 0 on success, 1 when a check fails (e.g. ``verify``), 2 for
    an error the user can act on (one line on stderr; for a bad argument, argparse's line
    naming the argument and what it allows), 130 on Ctrl+C."""
    try:
        args = parse_arguments(sys.argv[1:] if argv is None else list(argv))
    except SystemExit as exc:  # --help, --version, or a bad argument (argparse printed it)
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    if args.command is None:
        from inspector.gui.startup import run_gui

        return run_gui(args)
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return code
    except UserError as exc:
        from inspector.cli.common import cli_language

        print(f"inspector: {exc.text(cli_language(args))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        _quiet_closed_pipe()
        return 0
    except OSError as exc:  # the environment: a full disk, a file that went away...
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"inspector: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _quiet_closed_pipe() -> None:
    """``inspector roster list | head``: the reader left. Stop writing, and say nothing.

    Standard output is pointed at the null device so that Python's final flush does not
    complain about the closed pipe either.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
