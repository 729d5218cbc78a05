"""What every command needs: the database and the checklists, from ``--db`` and ``--checklists``."""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from inspector import paths
from inspector.domain.checklist import Catalogue
from inspector.storage import Store


def add_common_arguments(parser: argparse.ArgumentParser, *, checklists: bool = True) -> None:
    """``--db`` (and ``--checklists``) on a subcommand as well as before it.

    They default to "not given" so that ``inspector --db X roster list`` keeps the X given
    before the subcommand.
    """
    from inspector.cli import add_checklists_argument, add_db_argument

    add_db_argument(parser)
    if checklists:
        add_checklists_argument(parser)
    for action in parser._actions:
        if action.dest in ("db", "checklists"):
            action.default = argparse.SUPPRESS


def db_path(args: argparse.Namespace, default: Path | None = None) -> Path:
    """``--db`` if given, else ``default``, else the company database."""
    given = getattr(args, "db", None)
    if given is not None:
        return Path(given)
    return default if default is not None else paths.default_db_path()


def open_store(
    args: argparse.Namespace, *, read_only: bool = False, default: Path | None = None
) -> Store:
    """The Store for ``--db``; StorageError (shown as a message by the CLI) when it cannot."""
    from inspector.cli import CommandError

    path = db_path(args, default)
    if read_only and not path.exists():
        raise CommandError(f"the database {path} does not exist")
    return Store(path, read_only=read_only)


def load_catalogue_for(args: argparse.Namespace) -> Catalogue:
    """The checklists in force: shipped, the user's folder, then each ``--checklists DIR``."""
    from inspector.cli import CommandError
    from inspector.files.checklists import ChecklistError, load_catalogue

    try:
        return load_catalogue(tuple(getattr(args, "checklists", None) or ()))
    except ChecklistError as exc:
        raise CommandError(
            f"{exc}\n(run 'inspector checklists validate' for the list of problems)"
        ) from None


def text_width(text: str) -> int:
    """Columns a terminal uses for ``text`` (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain text table, aligned for Chinese text too."""
    cells = [[str(h) for h in headers], *[["" if v is None else str(v) for v in r] for r in rows]]
    widths = [max(text_width(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "  ".join(c + " " * (w - text_width(c)) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]
    return "\n".join(lines)
