"""``inspector roster``: import, list and export the employees.

- ``import FILE [--map-role TITLE=ROLE ...] [--good-rows-only] [--dry-run]``: a CSV (UTF-8 or
  GBK, as Excel saves it) or XLSX roster; updates employees by employee number. A file with
  bad rows imports nothing and lists them all, unless ``--good-rows-only``; job titles no role
  is known by must be mapped with ``--map-role`` (to a role, or ``new:ID:ZH:EN:PARTS``), and
  are then remembered in the user's roles.toml;
- ``list [--json] [--active]``: the stored employees;
- ``export FILE``: CSV or XLSX, by the file extension.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from inspector.cli import CommandError
from inspector.cli.arguments import DATABASE_AND_CHECKLISTS, JSON, command, flag, group, option
from inspector.cli.common import (
    cli_language,
    counted,
    format_table,
    input_path,
    load_catalogue_for,
    open_store,
    output_file,
)
from inspector.domain.checklist import Catalogue
from inspector.domain.people import Employee
from inspector.files.roster import (
    EXPORT_HEADERS,
    FIELDS,
    RosterFileError,
    roster_cells,
    title_key,
    write_roster,
)
from inspector.services import roles, roster_import

MAP_ROLE_HELP = (
    "the role for a job title no role is known by yet (repeat for each title): "
    "TITLE=ROLE maps it to an existing role (an id or name, e.g. 保安领班=security); "
    "TITLE=new:ID:ZH:EN:PARTS creates a role (e.g. "
    "电工=new:electrician:电工:Electrician:shirt,trousers; PARTS are uniform part ids "
    "separated by commas, PART@female or PART@male for a part only women or men wear; "
    "an unknown part is refused with the list of parts). The title is remembered as a name of the "
    "role in the roles.toml of your checklist folder, so the next import needs no mapping"
)


@group("roster")
def register(actions: argparse._SubParsersAction) -> None:
    """import, list and export the employees

    Import, list and export the employees (the roster).
    """
    command(
        actions,
        "import",
        run_import,
        option("file", type=input_path, metavar="FILE", help="the .csv or .xlsx file"),
        flag(
            "--good-rows-only",
            "import the good rows even if some rows are bad (the bad rows are skipped)",
        ),
        option("--map-role", action="append", default=[], metavar="TITLE=ROLE", help=MAP_ROLE_HELP),
        flag(
            "--dry-run",
            ("show what would change and the new job titles with what each maps to; save nothing"),
        ),
        DATABASE_AND_CHECKLISTS,
        description=textwrap.fill(
            "Import a roster file: CSV (UTF-8 or GBK, as Excel saves it) or XLSX. Columns: "
            "工号, 姓名, 性别, 部门, 岗位 and optionally 场所 (site) and 状态 (active); English "
            "headers work too. Employees are matched by employee number: new ones are added, "
            "changed ones updated. A file with bad rows imports nothing and lists every bad "
            "row, unless --good-rows-only. A job title no role is known by stops the import "
            "until it is mapped with --map-role (see below; --dry-run lists the titles).",
            width=88,
        ),
        epilog="examples:\n"
        "  inspector roster import roster.csv --dry-run\n"
        "  inspector roster import roster.csv --map-role 保安领班=security \\\n"
        "      --map-role 电工=new:electrician:电工:Electrician:shirt,trousers\n"
        "  inspector roster import roster.csv --map-role \\\n"
        "      '前台主管=new:front-desk-lead:前台主管:Front desk lead:"
        "shirt,suit-jacket,leather-shoes,neck-bow@female,skirt@female,tie@male'",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command(
        actions,
        "list",
        run_list,
        JSON,
        flag("--active", "only employees still employed"),
        DATABASE_AND_CHECKLISTS,
    )
    command(
        actions,
        "export",
        run_export,
        option("file", type=output_file, metavar="FILE", help="a .csv or .xlsx file"),
        DATABASE_AND_CHECKLISTS,
    )


def run_import(args: argparse.Namespace) -> int:
    """import a CSV or XLSX roster (updates employees by employee number)"""
    lang = cli_language(args)
    catalogue = load_catalogue_for(args)
    try:
        preview = roster_import.read_file(args.file, catalogue)
    except RosterFileError as exc:
        nothing = "；未导入任何内容" if lang == "zh" else "; nothing was imported"
        raise CommandError(exc.text(lang) + nothing) from None
    choices = _choices(args.map_role, preview.unknown_titles, catalogue, lang)
    try:
        roles.check_choices(choices, catalogue)
    except roles.RoleError as exc:
        raise CommandError(f"--map-role {exc.text(lang)}") from None
    extra_dirs = tuple(getattr(args, "checklists", None) or ())
    with open_store(args) as store:
        plan = roster_import.plan_from(preview, store.list_employees(), choices)
        if plan.bad:
            if not args.good_rows_only:
                raise CommandError(
                    roster_import.bad_rows_message(plan, lang, option="--good-rows-only")
                )
            print(
                f"Skipping {counted(plan.bad, 'bad row')} of {args.file}:\n"
                f"{roster_import.problem_lines(plan, lang)}",
                file=sys.stderr,
            )
        if plan.titles and args.dry_run:
            heading = "新的岗位名称：" if lang == "zh" else "New job titles:"
            print(f"{heading}\n{roster_import.title_lines(plan, catalogue, lang)}")
        if plan.unmapped:
            if not args.good_rows_only:
                raise CommandError(
                    roster_import.unmapped_titles_message(plan, lang, option="--good-rows-only")
                )
            skipped = plan.unmapped_rows
            print(
                f"Skipping {counted(skipped, 'row')} whose job title has no "
                f"role: {', '.join(t.title for t in plan.unmapped)}",
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
        summary, _catalogue = roster_import.save_with_roles(
            store, plan, catalogue, extra_dirs=extra_dirs, good_rows_only=args.good_rows_only
        )
    print(
        f"Imported {args.file}: {summary.added} added, {summary.updated} updated, "
        f"{summary.unchanged} unchanged."
    )
    for role in plan.new_roles:
        print(f"New role {role.name.zh} / {role.name.en} ({role.id}).")
    remembered = [t.title for t in plan.titles if plan.choice_for(t.title) is not None]
    if remembered:
        print(
            f"Remembered in {roles.company_roles_path()}: {', '.join(remembered)} "
            "(the next import needs no --map-role for them)."
        )
    if plan.bad:
        print(
            f"{plan.bad} bad {'row was' if plan.bad == 1 else 'rows were'} skipped and not imported."
        )
    return 0


def parse_map_role(
    text: str, catalogue: Catalogue, lang: str = "en"
) -> tuple[str, roles.RoleChoice]:
    """``TITLE=ROLE`` or ``TITLE=new:ID:ZH:EN[:PARTS]`` as (title, role id or a Role)."""
    title, equals, target = text.partition("=")
    title, target = title.strip(), target.strip()
    if not equals or not title or not target:
        raise CommandError(
            f"--map-role “{text}”：请写作 名称=岗位 或 名称=new:编号:中文名:英文名:制服部件"
            if lang == "zh"
            else f"--map-role “{text}”: write TITLE=ROLE or TITLE=new:ID:ZH:EN:PARTS"
        )
    if not target.casefold().startswith("new:"):
        role = catalogue.find_role(target)
        if role is None:
            known = ", ".join(f"{r.id} ({r.name.zh})" for r in catalogue.roles)
            raise CommandError(
                f"--map-role {title}：没有岗位“{target}”（已有岗位：{known}）"
                if lang == "zh"
                else f"--map-role {title}: there is no role “{target}” (roles: {known}); "
                f"to create one write {title}=new:ID:ZH:EN:PARTS"
            )
        return title, role.id
    fields = target[4:].split(":")
    if len(fields) < 3 or len(fields) > 4:
        raise CommandError(
            f"--map-role {title}：新岗位请写作 new:编号:中文名:英文名:制服部件"
            if lang == "zh"
            else f"--map-role {title}: a new role is new:ID:ZH:EN:PARTS, e.g. "
            "new:electrician:电工:Electrician:shirt,trousers"
        )
    role_id, zh, en = (f.strip() for f in fields[:3])
    by_sex: dict[str, list[str]] = {"": [], "female": [], "male": []}
    for part in (p.strip() for p in (fields[3] if len(fields) == 4 else "").split(",")):
        if not part:
            continue
        name, _at, sex = part.partition("@")
        if sex not in by_sex:
            raise CommandError(
                f"--map-role {title}：“{part}”：@ 后请写 female 或 male"
                if lang == "zh"
                else f"--map-role {title}: “{part}”: write @female or @male after a part"
            )
        by_sex[sex].append(name.strip())
    role = roles.new_role(
        role_id,
        zh,
        en,
        common=by_sex[""],
        female=by_sex["female"],
        male=by_sex["male"],
        aliases=[title],
    )
    return title, role


def _choices(
    given: list[str], titles: list, catalogue: Catalogue, lang: str
) -> dict[str, roles.RoleChoice]:
    """The --map-role options as title -> choice. A mapping for a title the file has not, or
    one already known, is left aside with a note (the same options can be given every month)."""
    wanted = {t.key for t in titles}
    choices: dict[str, roles.RoleChoice] = {}
    for text in given:
        title, choice = parse_map_role(text, catalogue, lang)
        if title_key(title) not in wanted:
            known = catalogue.find_role(title)
            if known is None or known.id != roles.role_id_of(choice):
                print(
                    f"--map-role {title}: 文件中没有这个新岗位名称，已忽略"
                    if lang == "zh"
                    else f"--map-role {title}: not a new job title of this file; left aside",
                    file=sys.stderr,
                )
            continue
        choices[title] = choice
    return choices


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
    """list the employees"""
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
    headers = [EXPORT_HEADERS[f] for f in FIELDS]
    print(format_table(headers, [roster_cells(e, catalogue) for e in employees]))
    print(counted(len(employees), "employee"))
    return 0


def run_export(args: argparse.Namespace) -> int:
    """write the employees to a CSV or XLSX file

    Write every employee to FILE: CSV (UTF-8 with BOM, opens in Excel) or XLSX, chosen by the
    extension. The file can be imported again.
    """
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
    print(f"Exported {counted(len(employees), 'employee')} to {path}")
    return 0
