"""``inspector checklists``: check, list and show the checklist sets.

- ``validate [DIR...]`` checks the shipped checklists, the user's folder and the given folders
  (``--no-shipped``: only the given folders) and lists every problem, one per line;
- ``list [--json]`` lists the sets of the catalogue in force;
- ``show SET_ID [--lang zh|en] [--json]`` prints the items of one set with their sources.

``list`` and ``show`` honour the global ``--checklists DIR`` option.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from inspector.cli import CommandError, add_checklists_argument
from inspector.cli.common import input_path, plain_text
from inspector.domain.checklist import Catalogue, ChecklistSet, InspectionType
from inspector.files.checklists import ChecklistError, load_catalogue, validate_dirs


def _add_checklists_option(parser: argparse.ArgumentParser) -> None:
    """``--checklists DIR`` after the action as well as before ``checklists``; left unset here
    so that a folder given before the subcommand is kept."""
    add_checklists_argument(parser)
    for action in parser._actions:
        if action.dest == "checklists":
            action.default = argparse.SUPPRESS


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "checklists",
        help="check, list and show the checklist sets",
        description="Check, list and show the checklist sets (the company standards).",
    )
    commands = parser.add_subparsers(dest="checklists_command", metavar="ACTION", required=True)

    validate = commands.add_parser(
        "validate",
        help="check the checklist files and list every problem",
        description=(
            "Check the shipped checklists, the user's checklist folder and the given folders, "
            "and list every problem as path:line: item: message. Exit status 1 if any."
        ),
    )
    validate.add_argument(
        "dirs", nargs="*", type=input_path, metavar="DIR", help="a checklist folder"
    )
    validate.add_argument(
        "--no-shipped",
        action="store_true",
        help="check only the given folders, not the shipped or user's checklists",
    )
    _add_checklists_option(validate)
    validate.set_defaults(func=run_validate)

    listing = commands.add_parser("list", help="list the checklist sets in force")
    listing.add_argument("--json", action="store_true", help="print JSON")
    _add_checklists_option(listing)
    listing.set_defaults(func=run_list)

    show = commands.add_parser("show", help="print the items of one checklist set")
    show.add_argument(
        "set_id", type=plain_text, metavar="SET_ID", help="the set id, e.g. grooming-female"
    )
    show.add_argument(
        "--lang",
        dest="show_lang",
        choices=("zh", "en"),
        default=None,
        help="print only this language (default: both)",
    )
    show.add_argument("--json", action="store_true", help="print JSON")
    _add_checklists_option(show)
    show.set_defaults(func=run_show)


def _extra_dirs(args: argparse.Namespace) -> list[Path]:
    return list(getattr(args, "checklists", None) or [])


def _catalogue(args: argparse.Namespace) -> Catalogue:
    try:
        return load_catalogue(_extra_dirs(args))
    except ChecklistError as exc:
        raise CommandError(
            f"{exc}\n(run 'inspector checklists validate' for the list of problems)"
        ) from exc


def _ordered_sets(catalogue: Catalogue) -> list[ChecklistSet]:
    """Line-up sets first, then observation sets, each in area and set order."""
    ordered = [s for kind in InspectionType for s in catalogue.sets_for(kind)]
    listed = {s.id for s in ordered}
    return ordered + [s for s in catalogue.sets if s.id not in listed]


def run_validate(args: argparse.Namespace) -> int:
    dirs = _extra_dirs(args) + list(args.dirs)
    include_shipped = not args.no_shipped
    if not include_shipped and not dirs:
        raise CommandError("checklists validate --no-shipped: name at least one folder to check")
    problems = validate_dirs(dirs, include_shipped=include_shipped)
    for problem in problems:
        print(problem)
    if problems:
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} found in the checklist files")
        return 1
    catalogue = load_catalogue(dirs, include_shipped=include_shipped)
    items = sum(len(s.items) for s in catalogue.sets)
    print(
        f"OK: {len(catalogue.sets)} sets, {items} items "
        f"({len(catalogue.roles)} roles, {len(catalogue.areas)} areas)"
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    sets = _ordered_sets(_catalogue(args))
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
    catalogue = _catalogue(args)
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
    for number, item in enumerate(checklist.items, start=1):
        print()
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
        print(f"     {item.id}  ({', '.join(details)})")
        print(f"     source: {item.source.file} · {item.source.section}")
    return 0
