"""``inspector checklists``: check, list and show the checklist sets.

- ``validate [DIR...]`` checks the shipped checklists, the user's folder and the given folders
  (``--no-shipped``: only the given folders) and lists every problem, one per line;
- ``list [--json]`` lists the sets of the catalogue in force;
- ``show SET_ID [--lang zh|en] [--json]`` prints the items of one set with their sources;
- ``lineup --sex female|male --role ROLE [--lang zh|en] [--json]`` prints the line-up as the
  supervisor sees it for that person: body areas with their jump key, points, and each
  point's fault reasons with their picker key.

``list``, ``show`` and ``lineup`` honour the global ``--checklists DIR`` option.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from inspector.cli import CommandError
from inspector.cli.arguments import CHECKLISTS, JSON, SEX, command, flag, group, option
from inspector.cli.common import counted, input_path, load_catalogue_for, plain_text
from inspector.domain.checklist import Catalogue, ChecklistSet, InspectionType, LineupArea
from inspector.domain.people import Employee, Sex
from inspector.files.checklists import load_catalogue, validate_dirs

SHOW_LANGUAGE = option(
    "--lang",
    dest="show_lang",
    choices=("zh", "en"),
    default=None,
    help="print only this language (default: both)",
)


@group("checklists")
def register(actions: argparse._SubParsersAction) -> None:
    """check, list and show the checklist sets

    Check, list and show the checklist sets (the company standards).
    """
    command(
        actions,
        "validate",
        run_validate,
        option("dirs", nargs="*", type=input_path, metavar="DIR", help="a checklist folder"),
        flag("--no-shipped", "check only the given folders, not the shipped or user's checklists"),
        CHECKLISTS,
    )
    command(actions, "list", run_list, JSON, CHECKLISTS)
    command(
        actions,
        "show",
        run_show,
        option(
            "set_id", type=plain_text, metavar="SET_ID", help="the set id, e.g. grooming-female"
        ),
        SHOW_LANGUAGE,
        JSON,
        CHECKLISTS,
    )
    command(
        actions,
        "lineup",
        run_lineup,
        SEX,
        option("--role", required=True, help="a job role: its id, Chinese or English name"),
        SHOW_LANGUAGE,
        JSON,
        CHECKLISTS,
    )


def _extra_dirs(args: argparse.Namespace) -> list[Path]:
    return list(getattr(args, "checklists", None) or [])


def _ordered_sets(catalogue: Catalogue) -> list[ChecklistSet]:
    """Line-up sets first, then observation sets, each in area and set order."""
    ordered = [s for kind in InspectionType for s in catalogue.sets_for(kind)]
    listed = {s.id for s in ordered}
    return ordered + [s for s in catalogue.sets if s.id not in listed]


def run_validate(args: argparse.Namespace) -> int:
    """check the checklist files and list every problem

    Check the shipped checklists, the user's checklist folder and the given folders, and list every
    problem as path:line: item: message. Exit status 1 if any.
    """
    dirs = _extra_dirs(args) + list(args.dirs)
    include_shipped = not args.no_shipped
    if not include_shipped and not dirs:
        raise CommandError("checklists validate --no-shipped: name at least one folder to check")
    problems = validate_dirs(dirs, include_shipped=include_shipped)
    for problem in problems:
        print(problem)
    if problems:
        count = len(problems)
        print(f"{counted(count, 'problem')} found in the checklist files")
        return 1
    catalogue = load_catalogue(dirs, include_shipped=include_shipped)
    items = sum(len(s.items) for s in catalogue.sets)
    print(
        f"OK: {len(catalogue.sets)} sets, {items} items "
        f"({len(catalogue.roles)} roles, {len(catalogue.areas)} areas)"
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    """list the checklist sets in force"""
    sets = _ordered_sets(load_catalogue_for(args))
    if args.json:
        rows = [
            {
                "id": s.id,
                "version": s.version,
                "inspection_type": s.inspection_type.value,
                "area": s.area,
                "title": s.title.to_dict(),
                "items": len(s.items),
                "origin": s.origin,
            }
            for s in sets
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    header = ("SET", "VER", "TYPE", "AREA", "ITEMS", "TITLE")
    rows_text = [
        (
            s.id,
            str(s.version),
            s.inspection_type.value,
            s.area,
            str(len(s.items)),
            s.title.get("both"),
        )
        for s in sets
    ]
    # The title is last: Chinese characters are double width in a terminal and would upset the
    # alignment of any column after it.
    widths = [max(len(row[i]) for row in [header, *rows_text]) for i in range(len(header) - 1)]
    for row in [header, *rows_text]:
        cells = [
            row[i].rjust(widths[i]) if i in (1, 4) else row[i].ljust(widths[i])
            for i in range(len(widths))
        ]
        print("  ".join([*cells, row[-1]]).rstrip())
    return 0


def run_show(args: argparse.Namespace) -> int:
    """print the items of one checklist set"""
    catalogue = load_catalogue_for(args)
    checklist = next((s for s in catalogue.sets if s.id == args.set_id), None)
    if checklist is None:
        known = ", ".join(s.id for s in _ordered_sets(catalogue))
        raise CommandError(f"no checklist set '{args.set_id}' (known sets: {known})")
    if args.json:
        data = checklist.to_dict()
        data["origin"] = checklist.origin
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0

    lang = args.show_lang or "both"
    area = catalogue.area(checklist.area)
    area_name = area.name.get(lang) if area else checklist.area
    print(f"{checklist.id}  v{checklist.version}  {checklist.title.get(lang)}")
    print(f"{checklist.inspection_type.value}, {area_name}, {len(checklist.items)} items")
    print(f"from {checklist.origin}")
    points = {point.id: point for point in checklist.points}
    for number, item in enumerate(checklist.items, start=1):
        print()
        if item.point in points and points[item.point].reasons[0] is item:
            print(f"  {points[item.point].text.get(lang)}  ({item.point})")
        print(f"{number:>3}. {item.text.get(lang)}")
        details = [item.kind.value, item.severity.value, f"weight {item.weight}"]
        if item.applies_to.value != "everyone":
            details.append(f"{item.applies_to.value} only")
        if item.exempt_roles:
            names = []
            for role_id in sorted(item.exempt_roles):
                role = catalogue.role(role_id)
                names.append(role.name.get(lang) if role else role_id)
            details.append("except " + ", ".join(names))
        for label, parts in (("only with", item.applies_when), ("not with", item.exempt_when)):
            if parts:
                names = []
                for part_id in sorted(parts):
                    part = catalogue.part(part_id)
                    names.append(part.name.get(lang) if part else part_id)
                details.append(f"{label} " + ", ".join(names))
        print(f"     {item.id}  ({', '.join(details)})")
        print(f"     source: {item.source.file} · {item.source.section}")
        if item.exempt_when:
            print(f"     exemption: {item.source.file} · {item.exempt_source}")
        if item.replaces:
            print(f"     replaces: {', '.join(item.replaces)}")
    return 0


def lineup_json(areas: tuple[LineupArea, ...]) -> dict:
    """The line-up of one person as data: areas with keys, points, reasons with keys."""
    return {
        "areas": [
            {
                "key": view.area.key,
                "id": view.area.id,
                **view.area.name.to_dict(),
                "points": [
                    {
                        "id": entry.point.id,
                        **entry.point.text.to_dict(),
                        "reasons": [
                            {
                                "key": str(number),
                                "id": reason.id,
                                **reason.text.to_dict(),
                                "severity": reason.severity.value,
                                "weight": reason.weight,
                            }
                            for number, reason in enumerate(entry.reasons, start=1)
                        ],
                    }
                    for entry in view.points
                ],
            }
            for view in areas
        ]
    }


def run_lineup(args: argparse.Namespace) -> int:
    """print the line-up as the supervisor sees it for one person

    Print the line-up for a person of this sex and role, as the supervisor sees it: the body areas
    head to toe with the digit that jumps to each, each area's points, and each point's fault
    reasons with the digit that records it.
    """
    catalogue = load_catalogue_for(args)
    role = catalogue.find_role(args.role)
    if role is None:
        known = ", ".join(f"{r.id} ({r.name.zh})" for r in catalogue.roles)
        raise CommandError(f"no job role '{args.role}' (known roles: {known})")
    sex = Sex(args.sex)
    areas = catalogue.lineup_for(Employee("", "", sex, "", role.id))
    if args.json:
        data = {"role": role.id, "sex": sex.value, **lineup_json(areas)}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    lang = args.show_lang or "both"
    sex_name = {"zh": {"female": "女", "male": "男"}, "en": {"female": "female", "male": "male"}}
    if lang == "both":
        who = f"{role.name.zh} · {sex_name['zh'][sex.value]} / {role.name.en}, {sex.value}"
    else:
        who = f"{role.name.get(lang)} · {sex_name[lang][sex.value]}"
    points = sum(len(view.points) for view in areas)
    reasons = sum(len(entry.reasons) for view in areas for entry in view.points)
    print(f"{who}: {len(areas)} areas, {points} points, {reasons} reasons")
    for view in areas:
        print()
        print(f"[{view.area.key or ' '}] {view.area.name.get(lang)}")
        for entry in view.points:
            print(f"    {entry.point.text.get(lang)}")
            for number, reason in enumerate(entry.reasons, start=1):
                mark = "" if reason.severity.value == "minor" else f"  ({reason.severity.value})"
                print(f"        {number}  {reason.text.get(lang)}{mark}")
    return 0
