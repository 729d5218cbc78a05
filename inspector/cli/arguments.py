"""How a command is declared: its parser's words, then its options in the order ``--help`` lists
them, then the function it runs.

An option is a function that adds itself to a parser (``option(...)`` makes one from the
arguments of ``add_argument``), so that the options several commands share are written once
below, with their types, metavars and help, and a command is a list of them::

    command(actions, "show", run_show, LINEUP_ID, JSON, DATABASE, help="...")
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from functools import partial
from typing import Any

from inspector.cli.common import (
    add_common_arguments,
    day_text,
    month_text,
    output_file,
    plain_text,
    record_id,
)

Option = Callable[[argparse.ArgumentParser], object]
Run = Callable[[argparse.Namespace], int]


def option(*names: str, **settings: Any) -> Option:
    """One ``add_argument(*names, **settings)``, made on the parser of each command it is in."""

    def add(parser: argparse.ArgumentParser) -> argparse.Action:
        return parser.add_argument(*names, **settings)

    return add


def group(
    subparsers: argparse._SubParsersAction,
    name: str,
    *,
    dest: str = "",
    metavar: str = "ACTION",
    **settings: Any,
) -> argparse._SubParsersAction:
    """A command made of actions (``inspector lineup list``): the actions are added to the
    returned object, and one of them must be given (its name lands in ``dest``, by default
    ``<name>_command``)."""
    parser = subparsers.add_parser(name, **settings)
    return parser.add_subparsers(dest=dest or f"{name}_command", metavar=metavar, required=True)


def command(
    subparsers: argparse._SubParsersAction,
    name: str,
    run: Run,
    *options: Option,
    **settings: Any,
) -> argparse.ArgumentParser:
    """A command or an action: ``settings`` go to ``add_parser`` (help, description...), the
    options are added in the order given, and ``run`` is called with the parsed arguments."""
    parser = subparsers.add_parser(name, **settings)
    for add in options:
        add(parser)
    parser.set_defaults(func=run)
    return parser


# -- the options several commands share -------------------------------------------------------


# --db and --demo (with --checklists DIR, or that alone) after the command as well as before it.
DATABASE: Option = partial(add_common_arguments, checklists=False)
DATABASE_AND_CHECKLISTS: Option = partial(add_common_arguments, checklists=True)
CHECKLISTS: Option = partial(add_common_arguments, database=False)
JSON = option("--json", action="store_true", help="print JSON")
LINEUP_ID = option("lineup_id", nargs="?", type=record_id, metavar="ID", help="the line-up id")
SHIFT_OF_DATE = option(
    "--shift", type=plain_text, metavar="S", help="with --date: only this shift, e.g. 早班"
)
DEPARTMENT = option("--department", type=plain_text, metavar="NAME", help="only this department")
MONTH = option("--month", type=month_text, required=True, metavar="YYYY-MM", help="the month")
SEX = option("--sex", required=True, choices=("female", "male"))


def on_date(help: str, *, type: Callable[[str], object] = day_text) -> Option:
    """``--date YYYY-MM-DD``: the day a command is about."""
    return option("--date", type=type, metavar="YYYY-MM-DD", help=help)


def of_site(help: str) -> Option:
    """``--site NAME``: only what happened at one site."""
    return option("--site", type=plain_text, metavar="NAME", help=help)


def out_file(metavar: str, help: str) -> Option:
    """``--out FILE``: where the command writes (a place it can write, checked when parsed)."""
    return option("--out", type=output_file, metavar=metavar, help=help)
