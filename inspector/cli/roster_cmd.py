"""``inspector roster``: import, list and export the employees.

- ``import FILE [--good-rows-only] [--dry-run]``: a CSV (UTF-8 or GBK, as Excel saves it) or
  XLSX roster; updates employees by employee number. A file with bad rows imports nothing and
  lists them all, unless ``--good-rows-only``;
- ``list [--json] [--active]``: the stored employees;
- ``export FILE``: CSV or XLSX, by the file extension.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from inspector.cli import CommandError
from inspector.cli.common import (
    add_common_arguments,
    cli_language,
    format_table,
    input_path,
    load_catalogue_for,
    open_store,
    output_file,
)
from inspector.domain.checklist import Catalogue
from inspector.domain.people import Employee, Sex
from inspector.files.roster import RosterFileError, write_roster
from inspector.services import roster_import


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "roster",
        help="import, list and export the employees",
        description="Import, list and export the employees (the roster).",
    )
    commands = parser.add_subparsers(dest="roster_command", metavar="ACTION", required=True)

    importing = commands.add_parser(
        "import",
        help="import a CSV or XLSX roster (updates employees by employee number)",
        description=(
            "Import a roster file: CSV (UTF-8 or GBK, as Excel saves it) or XLSX. Columns: "
            "工号, 姓名, 性别, 部门, 岗位 and optionally 场所 (site) and 状态 (active); English "
            "headers work too. Employees are matched by employee number: new ones are added, "
            "changed ones updated. A file with bad rows imports nothing and lists every bad "
            "row, unless --good-rows-only."
        ),
    )
    importing.add_argument("file", type=input_path, metavar="FILE", help="the .csv or .xlsx file")
    importing.add_argument(
        "--good-rows-only",
        action="store_true",
        help="import the good rows even if some rows are bad (the bad rows are skipped)",
    )
    importing.add_argument(
        "--dry-run", action="store_true", help="show what would change, save nothing"
    )
    add_common_arguments(importing)
    importing.set_defaults(func=run_import)

    listing = commands.add_parser("list", help="list the employees")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--active", action="store_true", help="only employees still employed")
    add_common_arguments(listing)
    listing.set_defaults(func=run_list)

    export = commands.add_parser(
        "export",
        help="write the employees to a CSV or XLSX file",
        description=(
            "Write every employee to FILE: CSV (UTF-8 with BOM, opens in Excel) or XLSX, "
            "chosen by the extension. The file can be imported again."
        ),
    )
    export.add_argument("file", type=output_file, metavar="FILE", help="a .csv or .xlsx file")
    add_common_arguments(export)
    export.set_defaults(func=run_export)


def run_import(args: argparse.Namespace) -> int:
    lang = cli_language(args)
    catalogue = load_catalogue_for(args)
    try:
        preview = roster_import.read_file(args.file, catalogue)
    except RosterFileError as exc:
        nothing = "；未导入任何内容" if lang == "zh" else "; nothing was imported"
        raise CommandError(exc.text(lang) + nothing) from None
    with open_store(args) as store:
        plan = roster_import.plan_from(preview, store.list_employees())
        if plan.bad:
            if not args.good_rows_only:
                raise CommandError(
                    roster_import.bad_rows_message(plan, lang, option="--good-rows-only")
                )
            rows = "row" if plan.bad == 1 else "rows"
            print(
                f"Skipping {plan.bad} bad {rows} of {args.file}:\n"
                f"{roster_import.problem_lines(plan, lang)}",
                file=sys.stderr,
            )
            if not plan.good:
                raise CommandError(roster_import.no_good_rows_message(plan, lang))
        if args.dry_run:
            changes = plan.changes
            print(
                f"Dry run, nothing saved: {args.file} would add {len(changes.added)}, update "
                f"{len(changes.updated)} and leave {len(changes.unchanged)} unchanged."
            )
            for before, after in changes.updated:
                print(f"  {after.employee_no} {after.name}: {_differences(before, after)}")
            return 0
        summary = roster_import.save_import(store, plan, good_rows_only=args.good_rows_only)
    print(
        f"Imported {args.file}: {summary.added} added, {summary.updated} updated, "
        f"{summary.unchanged} unchanged."
    )
    if plan.bad:
        print(
            f"{plan.bad} bad {'row was' if plan.bad == 1 else 'rows were'} skipped and not imported."
        )
    return 0


def _differences(before: Employee, after: Employee) -> str:
    fields = ("name", "sex", "department", "role", "site", "active")
    return ", ".join(
        f"{f} {getattr(before, f)!s} → {getattr(after, f)!s}"
        for f in fields
        if getattr(before, f) != getattr(after, f)
    )


def employee_dict(employee: Employee, catalogue: Catalogue) -> dict:
    role = catalogue.role(employee.role)
    return {
        "id": employee.id,
        "employee_no": employee.employee_no,
        "name": employee.name,
        "sex": employee.sex.value,
        "department": employee.department,
        "role": employee.role,
        "role_name": role.name.to_dict() if role else {"zh": employee.role, "en": employee.role},
        "site": employee.site,
        "active": employee.active,
    }


def run_list(args: argparse.Namespace) -> int:
    catalogue = load_catalogue_for(args)
    with open_store(args, read_only=True) as store:
        employees = store.list_employees(active_only=args.active)
    if args.json:
        print(
            json.dumps(
                [employee_dict(e, catalogue) for e in employees], ensure_ascii=False, indent=2
            )
        )
        return 0
    if not employees:
        print("No employees yet: import a roster with 'inspector roster import FILE'.")
        return 0
    rows = []
    for e in employees:
        role = catalogue.role(e.role)
        rows.append(
            (
                e.employee_no,
                e.name,
                "男" if e.sex is Sex.MALE else "女",
                e.department,
                role.name.zh if role else e.role,
                e.site,
                "在职" if e.active else "离职",
            )
        )
    print(format_table(("工号", "姓名", "性别", "部门", "岗位", "场所", "状态"), rows))
    print(f"{len(employees)} employee{'' if len(employees) == 1 else 's'}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    path: Path = args.file
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise CommandError(f"{path}: export to a .csv or .xlsx file")
    catalogue = load_catalogue_for(args)
    with open_store(args, read_only=True) as store:
        employees = store.list_employees()
    try:
        write_roster(path, employees, catalogue)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        hint = " (is it open in Excel?)" if isinstance(exc, PermissionError) else ""
        raise CommandError(f"cannot write {path}: {reason}{hint}") from None
    print(f"Exported {len(employees)} employee{'' if len(employees) == 1 else 's'} to {path}")
    return 0
