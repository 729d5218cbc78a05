"""How a command is declared: the function it runs, its options in the order ``--help`` lists
them, and its words in the function's docstring (as in Click: the first paragraph is the line
in the list of commands, the rest the description)::

    command(actions, "show", run_show, LINEUP_ID, JSON, DATABASE)

A command made of actions is the function that declares them, decorated with ``group``. An
option is a function that adds itself to a parser (``option(...)`` makes one from the arguments
of ``add_argument``), so that the options several commands share are written once, below.
The words of ``--help`` being docstrings, the CLI is not run with ``python -OO``.
"""

from __future__ import annotations

import argparse
import functools
import inspect
from collections.abc import Callable
from typing import Any

from inspector.cli.common import (
    add_common_arguments,
    day_value,
    month_value,
    output_file,
    plain_text,
    record_id,
)

Option = Callable[[argparse.ArgumentParser], object]
Run = Callable[[argparse.Namespace], int]
Declare = Callable[[argparse._SubParsersAction], None]


def option(*names: str, **settings: Any) -> Option:
    """One ``add_argument(*names, **settings)``, made on the parser of each command it is in."""

    def add(parser: argparse.ArgumentParser) -> argparse.Action:
        return parser.add_argument(*names, **settings)

    return add


def flag(name: str, help: str) -> Option:
    """An option that is on when given (``--dry-run``)."""
    return option(name, action="store_true", help=help)


def group(name: str, *, dest: str = "", metavar: str = "ACTION") -> Callable[[Declare], Declare]:
    """A command made of actions (``inspector lineup list``), declared by the function it
    decorates: called with the parent's subparsers, the decorated function adds the command,
    then declares its actions on the object it is given. One action must be given (its name
    lands in ``dest``, by default ``<name>_command``). The words of ``--help`` are the
    docstring of the function, as for ``command``."""

    def decorate(declare: Declare) -> Declare:
        @functools.wraps(declare)
        def register(subparsers: argparse._SubParsersAction) -> None:
            parser = subparsers.add_parser(name, **_words(declare))
            declare(
                parser.add_subparsers(
                    dest=dest or f"{name}_command", metavar=metavar, required=True
                )
            )

        return register

    return decorate


def _words(function: Callable[..., object]) -> dict[str, str]:
    """``help`` and ``description`` from a docstring: its first paragraph, and the rest."""
    text = inspect.cleandoc(function.__doc__ or "")
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    words = {"help": paragraphs[0]} if paragraphs else {}
    if len(paragraphs) > 1:
        words["description"] = " ".join(paragraphs[1:])
    return words


def command(
    subparsers: argparse._SubParsersAction,
    name: str,
    run: Run,
    *options: Option,
    **settings: Any,
) -> argparse.ArgumentParser:
    """A command or an action that calls ``run`` with the parsed arguments. The options are
    added in the order given; ``settings`` go to ``add_parser``.

    The words of ``--help`` are the docstring of ``run``, as in Click: its first paragraph is
    the line in the list of commands, the rest the command's description (unless ``settings``
    give them).
    """
    parser = subparsers.add_parser(name, **(_words(run) | settings))
    for add in options:
        add(parser)
    parser.set_defaults(func=run)
    return parser


# -- the options several commands share -------------------------------------------------------


# --db and --demo (with --checklists DIR, or that alone) after the command as well as before it.
DATABASE: Option = functools.partial(add_common_arguments, checklists=False)
DATABASE_AND_CHECKLISTS: Option = functools.partial(add_common_arguments, checklists=True)
CHECKLISTS: Option = functools.partial(add_common_arguments, database=False)
JSON = flag("--json", "print JSON")
LINEUP_ID = option("lineup_id", nargs="?", type=record_id, metavar="ID", help="the line-up id")
SHIFT_OF_DATE = option(
    "--shift", type=plain_text, metavar="S", help="with --date: only this shift, e.g. 早班"
)
DEPARTMENT = option("--department", type=plain_text, metavar="NAME", help="only this department")
MONTH = option("--month", type=month_value, required=True, metavar="YYYY-MM", help="the month")
SEX = option("--sex", required=True, choices=("female", "male"))


def on_date(help: str, *, type: Callable[[str], object] = day_value) -> Option:
    """``--date YYYY-MM-DD``: the day a command is about."""
    return option("--date", type=type, metavar="YYYY-MM-DD", help=help)


def of_site(help: str) -> Option:
    """``--site NAME``: only what happened at one site."""
    return option("--site", type=plain_text, metavar="NAME", help=help)


def out_file(metavar: str, help: str) -> Option:
    """``--out FILE``: where the command writes (a place it can write, checked when parsed)."""
    return option("--out", type=output_file, metavar=metavar, help=help)
