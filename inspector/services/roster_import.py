"""Importing a roster: read the file, preview what changes, then save all of it or its good rows.

The GUI's import dialog and ``inspector roster import`` both go through here, so the rule is
the same everywhere: a file with bad rows saves nothing unless the user chooses to import the
good rows only, and a dry run saves nothing at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from inspector.domain.checklist import Catalogue
from inspector.domain.errors import UserError
from inspector.domain.people import Employee
from inspector.files.roster import RosterChanges, RosterPreview, RowProblem, read_roster
from inspector.storage.store import ImportSummary, Store


class RosterHasBadRows(UserError):
    """The file has bad rows and the user did not choose to import the good rows only."""

    def __init__(self, plan: ImportPlan, lang: str = "en") -> None:
        self.plan = plan
        super().__init__(bad_rows_message(plan, lang))


class NoGoodRows(UserError):
    """Every row of the file is bad: there is nothing to import."""


@dataclass(frozen=True)
class ImportPlan:
    """A read roster file and what saving it would do to the stored employees."""

    preview: RosterPreview
    changes: RosterChanges

    @property
    def path(self) -> Path:
        return self.preview.path

    @property
    def problems(self) -> list[RowProblem]:
        return self.preview.problems

    @property
    def good(self) -> int:
        return len(self.preview.employees)

    @property
    def bad(self) -> int:
        return len(self.preview.problems)

    @property
    def change_count(self) -> int:
        return len(self.changes.added) + len(self.changes.updated)

    def employees_to_save(self) -> tuple[Employee, ...]:
        """The good rows as they will be saved (bad rows are never among them)."""
        return tuple(self.changes.employees)


@dataclass(frozen=True)
class ImportResult:
    plan: ImportPlan
    summary: ImportSummary | None  # None for a dry run

    @property
    def saved(self) -> bool:
        return self.summary is not None


def read_file(path: Path | str, catalogue: Catalogue) -> RosterPreview:
    """Read a roster file; ``RosterFileError`` when it cannot be read at all. Saves nothing."""
    return read_roster(path, catalogue)


def plan_from(preview: RosterPreview, existing: Iterable[Employee]) -> ImportPlan:
    """What saving ``preview`` would do to the ``existing`` employees."""
    return ImportPlan(preview, preview.changes(existing))


def save_import(store: Store, plan: ImportPlan, *, good_rows_only: bool = False) -> ImportSummary:
    """Save the plan's employees in one transaction.

    With bad rows in the file this refuses (``RosterHasBadRows``) unless ``good_rows_only``;
    with no good rows at all it is ``NoGoodRows``.
    """
    if plan.bad and not good_rows_only:
        raise RosterHasBadRows(plan)
    if not plan.good:
        raise NoGoodRows(no_good_rows_message(plan))
    return store.upsert_employees(plan.employees_to_save())


def import_roster(
    store: Store,
    path: Path | str,
    catalogue: Catalogue,
    *,
    good_rows_only: bool = False,
    dry_run: bool = False,
    lang: str = "en",
) -> ImportResult:
    """Read, check and (unless ``dry_run``) save a roster file: the whole use case."""
    plan = plan_from(read_file(path, catalogue), store.list_employees())
    if plan.bad and not good_rows_only:
        raise RosterHasBadRows(plan, lang)
    if not plan.good:
        raise NoGoodRows(no_good_rows_message(plan, lang))
    if dry_run:
        return ImportResult(plan, None)
    return ImportResult(plan, save_import(store, plan, good_rows_only=good_rows_only))


def no_good_rows_message(plan: ImportPlan, lang: str = "en") -> str:
    if lang == "zh":
        return f"{plan.path} 没有可导入的行；未导入任何内容"
    return f"{plan.path} has no good rows; nothing was imported"


def problem_lines(plan: ImportPlan, lang: str = "en") -> str:
    """Every bad row, one a line, in ``lang``."""
    return "\n".join(f"  {problem.line(lang)}" for problem in plan.problems)


def bad_rows_message(plan: ImportPlan, lang: str = "en", *, option: str = "") -> str:
    """Why nothing was imported. ``option`` names how to import the good rows (the CLI's
    ``--good-rows-only``); without it the words say "import the good rows only"."""
    if lang == "zh":
        how = f"使用 {option} " if option else ""
        return (
            f"{plan.path} 有 {plan.bad} 行无法导入；未导入任何内容：\n{problem_lines(plan, lang)}\n"
            f"请改正文件后重新导入，或{how}只导入其余 {plan.good} 行。"
        )
    rows = "row" if plan.bad == 1 else "rows"
    how = f"use {option} to import" if option else "import only"
    return (
        f"{plan.path} has {plan.bad} bad {rows}; nothing was imported:\n"
        f"{problem_lines(plan, lang)}\n"
        f"Correct the file and import it again, or {how} "
        f"the other {plan.good} {'row' if plan.good == 1 else 'rows'}."
    )
