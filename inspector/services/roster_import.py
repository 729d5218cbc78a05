"""Importing a roster: read the file, preview what changes, then save all of it or its good rows.

The GUI's import dialog and ``inspector roster import`` both go through here, so the rule is
the same everywhere: a file with bad rows saves nothing unless the user chooses to import the
good rows only, and a dry run saves nothing at all.

A job title the checklists do not know (电工, 保安领班 ...) is not a bad row: the import lists
the new titles with their row counts, and the user maps each to a role or creates a role for
it (``choices``). The titles are remembered as names of their roles (``services.roles``), so
the next import of the same titles asks nothing. Rows whose title is not mapped are imported
only when the user chooses to import the other rows only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from inspector.domain.checklist import Catalogue
from inspector.domain.errors import UserError
from inspector.domain.people import Employee, Role
from inspector.files.roster import (
    RosterChanges,
    RosterPreview,
    RowProblem,
    UnknownTitle,
    read_roster,
    title_key,
)
from inspector.services.roles import RoleChoice, remember_titles, role_id_of
from inspector.storage.store import ImportSummary, Store


class RosterHasBadRows(UserError):
    """The file has bad rows and the user did not choose to import the good rows only."""

    def __init__(self, plan: ImportPlan, lang: str = "en") -> None:
        self.plan = plan
        super().__init__(bad_rows_message(plan, lang))


class NoGoodRows(UserError):
    """Every row of the file is bad: there is nothing to import."""


class UnmappedTitles(UserError):
    """The file has job titles no role is known by, and no role was chosen for them."""

    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan
        super().__init__(unmapped_titles_message(plan, "en"))

    def text(self, lang: str = "en") -> str:
        return unmapped_titles_message(self.plan, lang)


@dataclass(frozen=True)
class ImportPlan:
    """A read roster file and what saving it would do to the stored employees."""

    preview: RosterPreview  # with the chosen roles given to the rows of mapped titles
    changes: RosterChanges
    titles: tuple[UnknownTitle, ...] = ()  # every title of the file no role is known by
    choices: Mapping[str, RoleChoice] = field(default_factory=dict)  # title -> role

    @property
    def path(self) -> Path:
        return self.preview.path

    def choice_for(self, title: str) -> RoleChoice | None:
        key = title_key(title)
        return next((c for t, c in self.choices.items() if title_key(t) == key), None)

    @property
    def unmapped(self) -> list[UnknownTitle]:
        """The new titles without a chosen role: their rows are not imported."""
        return [t for t in self.titles if self.choice_for(t.title) is None]

    @property
    def unmapped_rows(self) -> int:
        return sum(t.count for t in self.unmapped)

    @property
    def new_roles(self) -> list[Role]:
        """The roles to create, one per id, as chosen."""
        found = {c.id: c for c in self.choices.values() if isinstance(c, Role)}
        return list(found.values())

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


def plan_from(
    preview: RosterPreview,
    existing: Iterable[Employee],
    choices: Mapping[str, RoleChoice] | None = None,
) -> ImportPlan:
    """What saving ``preview`` would do to the ``existing`` employees, with the roles chosen
    for its new job titles (``choices``: title -> a role id, or a Role to create)."""
    titles = tuple(preview.unknown_titles)
    wanted = {t.key for t in titles}
    chosen = {t: c for t, c in (choices or {}).items() if title_key(t) in wanted}
    resolved = preview.with_roles({t: role_id_of(c) for t, c in chosen.items()})
    return ImportPlan(resolved, resolved.changes(existing), titles, chosen)


def check_plan(plan: ImportPlan, *, good_rows_only: bool = False, lang: str = "en") -> None:
    """Refuse a plan that cannot be saved as it is: bad rows (``RosterHasBadRows``) or new
    titles without a role (``UnmappedTitles``) unless ``good_rows_only``, and no good row at
    all (``NoGoodRows``); the messages in ``lang``."""
    if plan.bad and not good_rows_only:
        raise RosterHasBadRows(plan, lang)
    if plan.unmapped and not good_rows_only:
        raise UnmappedTitles(plan)
    if not plan.good:
        raise NoGoodRows(no_good_rows_message(plan, lang))


def save_import(store: Store, plan: ImportPlan, *, good_rows_only: bool = False) -> ImportSummary:
    """Save the plan's employees in one transaction (the roles chosen for new titles must be
    remembered first: see ``save_with_roles``).

    With bad rows in the file this refuses (``RosterHasBadRows``), and with new titles not
    mapped (``UnmappedTitles``), unless ``good_rows_only``; with no good rows at all it is
    ``NoGoodRows``.
    """
    check_plan(plan, good_rows_only=good_rows_only)
    return store.upsert_employees(plan.employees_to_save())


def save_with_roles(
    store: Store,
    plan: ImportPlan,
    catalogue: Catalogue,
    *,
    extra_dirs: Sequence[Path] = (),
    good_rows_only: bool = False,
) -> tuple[ImportSummary, Catalogue]:
    """Remember the roles chosen for the new titles, then save the employees; the summary and
    the catalogue reloaded with the company's roles (``catalogue`` when nothing was added).
    Nothing is saved when the roles cannot be written."""
    check_plan(plan, good_rows_only=good_rows_only)
    reloaded = remember_titles(plan.choices, catalogue, extra_dirs)
    return save_import(store, plan, good_rows_only=good_rows_only), reloaded


def import_roster(
    store: Store,
    path: Path | str,
    catalogue: Catalogue,
    *,
    choices: Mapping[str, RoleChoice] | None = None,
    extra_dirs: Sequence[Path] = (),
    good_rows_only: bool = False,
    dry_run: bool = False,
    lang: str = "en",
) -> ImportResult:
    """Read, check and (unless ``dry_run``) save a roster file: the whole use case."""
    plan = plan_from(read_file(path, catalogue), store.list_employees(), choices)
    check_plan(plan, good_rows_only=good_rows_only, lang=lang)
    if dry_run:
        return ImportResult(plan, None)
    summary, _catalogue = save_with_roles(
        store, plan, catalogue, extra_dirs=extra_dirs, good_rows_only=good_rows_only
    )
    return ImportResult(plan, summary)


_TITLE_WORDS = {
    "zh": {
        "row": "{n} 行",
        "rows": "{n} 行",
        "no_role": "未指定岗位",
        "new_role": "新岗位 {name}（{id}）",
        "role": "{name}（{id}）",
        "line": "  {title}：{count} → {target}",
    },
    "en": {
        "row": "{n} row",
        "rows": "{n} rows",
        "no_role": "no role chosen",
        "new_role": "new role {name} ({id})",
        "role": "{name} ({id})",
        "line": "  {title}: {count} → {target}",
    },
}


def title_lines(plan: ImportPlan, catalogue: Catalogue, lang: str = "en") -> str:
    """The new job titles, one a line, with their row counts and the role each maps to."""
    language = "zh" if lang == "zh" else "en"
    words = _TITLE_WORDS[language]
    lines = []
    for title in plan.titles:
        choice = plan.choice_for(title.title)
        count = words["row" if title.count == 1 else "rows"].format(n=title.count)
        if choice is None:
            target = words["no_role"]
        elif isinstance(choice, Role):
            target = words["new_role"].format(name=getattr(choice.name, language), id=choice.id)
        else:
            role = catalogue.role(choice)
            target = (
                words["role"].format(name=getattr(role.name, language), id=choice)
                if role
                else choice
            )
        lines.append(words["line"].format(title=title.title, count=count, target=target))
    return "\n".join(lines)


MAP_ROLE_SYNTAX = {
    "en": (
        "Map each title to a role: --map-role TITLE=ROLE (a role id or name, e.g. "
        "--map-role 保安领班=security), or create a role for it: "
        "--map-role TITLE=new:ID:ZH:EN:PARTS (e.g. "
        "--map-role 电工=new:electrician:电工:Electrician:shirt,trousers; a part only women "
        "or men wear as PART@female or PART@male)."
    ),
    "zh": (
        "请为每个岗位名称指定岗位：--map-role 名称=岗位（岗位编号或名称，例如 "
        "--map-role 保安领班=security），或为它新建岗位：--map-role 名称=new:编号:中文名:英文名:制服部件"
        "（例如 --map-role 电工=new:electrician:电工:Electrician:shirt,trousers；只有女性或男性"
        "穿的部件写作 部件@female 或 部件@male）"
    ),
}


def unmapped_titles_message(plan: ImportPlan, lang: str = "en", *, option: str = "") -> str:
    """Why nothing was imported: the new titles without a role, with their rows."""
    lang = "zh" if lang == "zh" else "en"
    unmapped = plan.unmapped
    lines = []
    for title in unmapped:
        rows = ("、" if lang == "zh" else ", ").join(str(n) for n in title.rows)
        if lang == "zh":
            lines.append(f"  {title.title}：{title.count} 行（第 {rows} 行）")
        else:
            word = "row" if title.count == 1 else "rows"
            lines.append(f"  {title.title}: {title.count} {word} ({word} {rows})")
    listed = "\n".join(lines)
    other = plan.good
    if lang == "zh":
        how = f"，或使用 {option} 只导入其余 {other} 行" if option else ""
        return (
            f"{plan.path} 中有 {len(unmapped)} 个岗位名称不在岗位列表中；未导入任何内容：\n"
            f"{listed}\n{MAP_ROLE_SYNTAX['zh'] if option else '请为每个名称选择岗位或新建岗位'}"
            f"{how}。"
        )
    titles = "title" if len(unmapped) == 1 else "titles"
    rows = "row" if other == 1 else "rows"
    how = f" Or use {option} to import the other {other} {rows} only." if option else ""
    return (
        f"{plan.path} has {len(unmapped)} job {titles} that no role is known by; nothing was "
        f"imported:\n{listed}\n"
        f"{MAP_ROLE_SYNTAX['en'] if option else 'Choose a role for each title, or create one.'}"
        f"{how}"
    )


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
